"""Content units: what a sentence says, as countable pieces that several sentences can share.

A unit is a pair of neighbouring content words (stemmed, stop words left out: "helicopt shot",
"shot down" -> "shot down" is kept, "the" is not), a name, or a number. Two sentences that share
units state, in part, the same thing, whatever their other words; the selection counts how many
independent sources state each unit, and the citations ask for shared units besides similarity.
"""
from __future__ import annotations

import re

from summarizer.wording.evidence import names, numbers, stem

# English function words: they carry no content of their own.
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you your yours yourself yourselves said says say told
according would also one two last new first since yet still like per mr mrs ms
""".split())
UNIGRAMS, BIGRAMS = False, True
_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")


def content_words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOP_WORDS and len(w) > 1]


def units(text: str) -> set[str]:
    """The sentence's content units: stemmed content-word bigrams, names and numbers."""
    words = content_words(text)
    found = {f"{a} {b}" for a, b in zip(words, words[1:])} if BIGRAMS else set()
    found |= set(words) if UNIGRAMS else set()
    found |= {"name:" + " ".join(stem(w) for w in name.split()) for name in names(text)}
    found |= {"number:" + n for n in numbers(text)}
    return found
