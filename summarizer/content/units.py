"""Content units: what a sentence says, as countable pieces that several sentences can share.

A unit is a pair of neighbouring content words (stemmed, stop words left out: "helicopt shot",
"shot down" -> "shot down" is kept, "the" is not), a name, a number, or a count the sentence gives
(its kind and amount, "injured:1", in place of its number): outlets word a toll in ways that share
no pair of words ("two dead and one injured", "Two airmen died and a third was injured"). Two
sentences that share units state, in part, the same thing, whatever their other words; the selection
counts how many independent sources state each unit, and the citations ask for shared units besides
similarity.
"""
from __future__ import annotations

from summarizer.comparison.disagree import counted
from summarizer.lang import Language
from summarizer.wording.evidence import names, numbers


def units(text: str, language: Language) -> set[str]:
    """The sentence's content units: stemmed content-word bigrams, names, numbers and counts."""
    words = language.content_words(text)
    found = {f"{a} {b}" for a, b in zip(words, words[1:])}
    found |= {"name:" + " ".join(language.stem(w) for w in name.split()) for name in names(text, language)}
    counts = counted(text, language)
    found |= {f"count:{kind}:{amount:g}" for kind, amount, _ in counts}
    for _, _, (start, end) in counts:  # a count's number is that count, not a number of its own
        text = text[:start] + " " * (end - start) + text[end:]
    found |= {"number:" + n for n in numbers(text, language)}
    return found
