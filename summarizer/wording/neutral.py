"""Neutral voice: loaded terms the brief must not use in its own voice, and the hedges and
attributions that must survive a rewrite.

A word inside a quotation is the speaker's, not ours, so only text outside quotation marks
counts as the brief's own voice.
"""
from __future__ import annotations

import re

from summarizer.lang import Language
from summarizer.lang.en import ENGLISH

_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


def own_voice(text: str) -> str:
    """The text with quotations removed: what the brief itself asserts."""
    return _QUOTED.sub(" ", text)


def loaded_terms(text: str, language: Language = ENGLISH) -> list[str]:
    """The loaded terms the text uses in its own voice: outside quotation marks, and not as the label
    someone it names gives ("the minister described the bombings as a terrorist attack")."""
    return sorted({m.group().lower() for m in _own_loaded(own_voice(text), language)})


def _own_loaded(voice: str, language: Language) -> list[re.Match]:
    """Each loaded term of `voice` (text outside quotation marks) that no verb of naming just before it
    gives to someone else."""
    return [m for m in language.loaded.finditer(voice) if not language.named_by.search(voice[:m.start()])]


def hedges(text: str, language: Language = ENGLISH) -> list[str]:
    lowered = own_voice(text).lower()
    return [h for h in language.hedges if re.search(r"\b" + re.escape(h) + r"\b", lowered)]


def speaker_clause(text: str, language: Language = ENGLISH) -> tuple[str, str] | None:
    """Where the sentence says who said it ("leading" or "trailing") and the words that do, verb
    included ("the coast guard said", "According to the union,"), or None."""
    leading = language.leading_speaker.match(text)
    if leading:
        return "leading", leading.group(1)
    trailing = language.trailing_speaker.search(text)
    if trailing:
        return "trailing", trailing.group(1)
    after_quote = language.after_quote_speaker.search(text)
    if after_quote:
        return "trailing", f"{after_quote.group(1).strip(' ,')} said"
    return None


def reporting_clause(text: str, language: Language = ENGLISH) -> str | None:
    """Who says it, when a piece after the main clause says so and `speaker_clause` does not find it
    (", his office said on Monday on the eve of a summit", ", according to two people familiar with
    the figures, the highest total since 2006"): that piece up to its speech verb, or None."""
    voice = _QUOTED.sub(lambda quoted: " " * len(quoted.group()), text)
    for piece in re.split(r"\s*[,;—–]\s+", voice)[1:]:
        found = language.reporting_clause.match(piece.strip())
        if found:
            return found.group(1).strip()
    return None


def keeps_speaker(rewrite: str, text: str, language: Language = ENGLISH) -> bool:
    """Does the rewrite still name who said it in `text` (one of the speaker's words is enough)?"""
    clause = speaker_clause(text, language)
    if clause is None:
        return True
    stems = set(language.content_words(language.speech_words.sub(" ", clause[1])))
    return not stems or (is_attributed(rewrite, language) and any(s in own_voice(rewrite).lower() for s in stems))


def without_speaker(text: str, language: Language = ENGLISH) -> str:
    """The sentence with its opening or closing "X said" taken out (unchanged if it has none)."""
    trailing = language.trailing_speaker.search(text)
    if trailing:
        return text[: trailing.start()].rstrip(" ,\"”").lstrip("\"“") + "."
    leading = language.leading_speaker.match(text)
    return text[leading.end():] if leading else text


def is_attributed(text: str, language: Language = ENGLISH) -> bool:
    """Does the sentence say who says it ("..., the ministry said")?"""
    return bool(language.attribution.search(own_voice(text)))


def one_party_claim(text: str, language: Language = ENGLISH) -> str | None:
    """The kind of claim that only a party to the story can make, when the sentence makes it in its
    own voice: intent ("accidentally"), blame, the losses it says it inflicted, control of a place
    ("captured Osk", "Hallin remains under army control"), or a party's label for a group (a loaded
    term). None when the sentence says who claims it, or makes no such claim. (A loaded term is
    refused wherever it stands in the brief's own voice: `loaded_terms`.)"""
    if is_attributed(text, language):
        return None
    voice = own_voice(text)
    patterns = [*language.one_party.items(), *(("control", p) for p in (*language.taken, language.held))]
    found = [(kind, pattern.search(voice)) for kind, pattern in patterns]
    found.append(("label", next(iter(_own_loaded(voice, language)), None)))
    for kind, match in found:
        if match and not language.undecided.search(voice[:match.start()]):
            return kind
    return None
