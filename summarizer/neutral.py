"""Neutral voice: loaded terms the brief must not use in its own voice, and the hedges and
attributions that must survive a rewrite.

A word inside a quotation is the speaker's, not ours, so only text outside quotation marks
counts as the brief's own voice.
"""
from __future__ import annotations

import re

LOADED_TERMS = (
    "admit", "admits", "admitted", "admitting", "claim", "claims", "claimed", "slam", "slams", "slammed",
    "liberate", "liberated", "liberation", "occupied", "occupation", "occupier", "occupiers", "terrorist",
    "terrorists", "regime", "massacre", "heroic", "cowardly", "brutal", "so-called", "aggressor", "aggression",
    "invaders", "puppet", "propaganda", "blasted", "lashed out", "caved",
)
HEDGES = ("alleged", "allegedly", "reportedly", "said to", "believed to", "purportedly", "reported",
          "according to", "unconfirmed", "suspected")
ATTRIBUTION = re.compile(
    r"\b(said|says|say|told|stated|states|announced|announces|according to|reported|reports|added|noted|"
    r"confirmed|confirms|alleged|alleges|accused|accuses|denied|denies|insisted|insists|declared|estimated|"
    r"put the (death )?toll|puts the (death )?toll|acknowledged|apologi[sz]ed|apologi[sz]es|expressed|"
    r"called|posted|wrote|warned)\b",
    re.IGNORECASE,
)
_LOADED = re.compile(r"\b(" + "|".join(re.escape(t) for t in LOADED_TERMS) + r")\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


def own_voice(text: str) -> str:
    """The text with quotations removed: what the brief itself asserts."""
    return _QUOTED.sub(" ", text)


def loaded_terms(text: str) -> list[str]:
    return sorted({m.lower() for m in _LOADED.findall(own_voice(text))})


def hedges(text: str) -> list[str]:
    lowered = own_voice(text).lower()
    return [h for h in HEDGES if re.search(r"\b" + re.escape(h) + r"\b", lowered)]


def is_attributed(text: str) -> bool:
    """Does the sentence say who says it ("..., the ministry said")?"""
    return bool(ATTRIBUTION.search(own_voice(text)))
