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
# Who said it, where a sentence opens or closes with it: "The ministry said that ...", "According
# to X, ...", "..., the coast guard said on Sunday.", "\"...,\" Mr. Biden declared."
_SPEECH_VERBS = r"said|says|reported|announced|told reporters|declared|added|stated|wrote|said in a statement"
_SPEECH = f"(?:{_SPEECH_VERBS})"
_TITLE = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\."  # "Mr. Biden" is one speaker: its full stop ends nothing
_LEADING_SPEAKER = re.compile(
    r"^((?:according to [^,]{2,60},)|(?:[^,\"“]{2,80}?\s" + _SPEECH + r"(?: that)?))\s", re.IGNORECASE)
_TRAILING_SPEAKER = re.compile(
    r"[,”\"]\s*((?:according to [^,.]{2,60})|(?:(?:the |a )?(?:" + _TITLE + r"|[^,.“”\"]){2,60}?\s" + _SPEECH + r"))"
    r"(?:\s+(?:in a statement|on Twitter|on \w+day|\w+day|late \w+day|on \w+|at the \w+))*\s*\.?$", re.IGNORECASE)
# '"...," Sen. Ron Wyden, D-Oregon, the committee's ranking Democrat, said on Twitter.'
_AFTER_QUOTE_SPEAKER = re.compile(r"[”\"]\s*,?\s*((?:" + _TITLE + r"|[^.“”\"]){2,120}?),?\s"
                                  r"(?:said|says|declared|added|told|wrote|stated)\b")
_SPEECH_WORDS = re.compile(r"\b(?:according to|told reporters|in a statement|" + _SPEECH_VERBS + r")\b", re.IGNORECASE)
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


def speaker_clause(text: str) -> tuple[str, str] | None:
    """Where the sentence says who said it ("leading" or "trailing") and the words that do, verb
    included ("the coast guard said", "According to the union,"), or None."""
    leading = _LEADING_SPEAKER.match(text)
    if leading:
        return "leading", leading.group(1)
    trailing = _TRAILING_SPEAKER.search(text)
    if trailing:
        return "trailing", trailing.group(1)
    after_quote = _AFTER_QUOTE_SPEAKER.search(text)
    if after_quote:
        return "trailing", f"{after_quote.group(1).strip(' ,')} said"
    return None


def keeps_speaker(rewrite: str, text: str) -> bool:
    """Does the rewrite still name who said it in `text` (one of the speaker's words is enough)?"""
    clause = speaker_clause(text)
    if clause is None:
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]+", _SPEECH_WORDS.sub(" ", clause[1]))
             if len(w) > 2 and w.lower() not in {"the", "and", "that", "its", "his", "her", "their"}]
    stems = {w.lower()[:6] for w in words}
    return not stems or (is_attributed(rewrite) and any(s in own_voice(rewrite).lower() for s in stems))


def without_speaker(text: str) -> str:
    """The sentence with its opening or closing "X said" taken out (unchanged if it has none)."""
    trailing = _TRAILING_SPEAKER.search(text)
    if trailing:
        return text[: trailing.start()].rstrip(" ,\"”").lstrip("\"“") + "."
    leading = _LEADING_SPEAKER.match(text)
    return text[leading.end():] if leading else text


def is_attributed(text: str) -> bool:
    """Does the sentence say who says it ("..., the ministry said")?"""
    return bool(ATTRIBUTION.search(own_voice(text)))
