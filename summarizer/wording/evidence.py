"""Exact evidence: the numbers, names and quotations a sentence asserts, and whether sources hold them.

Embedding similarity says two sentences are about the same thing; it cannot tell "11 dead"
from "17 dead". These checks can: every number (and, where asked, every name and quotation)
in a claim must appear in the sentences cited for it.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "thousand": 1000, "dozen": 12, "first": 1, "second": 2, "third": 3,
}
_NUMBER = re.compile(  # not a model name's digits: "Mi-24", "F-16" are names
    r"(?<![A-Za-z]-)\b\d[\d,]*(?:\.\d+)?\b|\b(?:" + "|".join(_NUMBER_WORDS) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"\b[A-Z][\w’'\-]*(?:\s+(?:of\s+|al-|de\s+)?[A-Z][\w’'\-]*)*")
_QUOTE = re.compile(r"[\"“]([^\"“”]{3,})[\"”]")
# Capitalised words that are not names when they open a sentence or stand alone.
_NOT_NAMES = {"The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "This", "That", "But", "And",
              "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Earlier",
              "Later", "According", "After", "Before", "While", "When", "Since", "As", "Its", "His", "Her",
              # titles: "Mr. Biden" names Biden
              "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Prof", "Jr", "Sr"}
_ACRONYM = re.compile(r"\b(?:[A-Z]\.\s?){2,}")  # "U.S.", "U. S." -> "US"


def numbers(text: str) -> set[str]:
    """Numbers as canonical strings: '1,000' -> '1000', 'twenty-three' -> '23', 'two' -> '2'."""
    found = set()
    for token in _NUMBER.findall(text):
        lowered = token.lower()
        if lowered[0].isdigit():
            found.add(lowered.replace(",", ""))
            continue
        head, _, tail = lowered.partition("-")
        found.add(str(_NUMBER_WORDS[head] + (_NUMBER_WORDS.get(tail, 0) if tail else 0)))
    return found


def names(text: str) -> set[str]:
    """Capitalised word runs (people, places, bodies), minus function words that open sentences."""
    found = set()
    for match in _NAME.finditer(_undot(text)):
        words = [w for w in match.group().split() if w not in _NOT_NAMES]
        if words:
            found.add(" ".join(words))
    return found


# Words that qualify what follows them: without them "did not sink" becomes "sank", "sought to raise"
# becomes "raised", the former president the president, "at least 11" exactly 11. (Hedges such as
# "allegedly" have their own check in summarizer/wording/neutral.py.)
QUALIFIERS = frozenset("""
not no never nor neither without cannot can't won't didn't doesn't don't isn't wasn't weren't aren't hasn't haven't
hadn't couldn't wouldn't shouldn't denied denies deny refused refuses rejected rejects failed fails
sought seeks tried tries attempted attempts threatened threatens planned plans proposed proposes considering
wants wanted hopes hoped aims aimed urged urges may might could
former ex fake mock would-be only nearly almost least than partly partially
""".split())
_LINKING = frozenset("to be been being have a an the".split())  # "sought to raise", "not a", "may be"


def dropped_qualifiers(claim: str, source: str) -> list[str]:
    """Qualifiers of the source left out of the claim while the word they qualify is kept.

    "Democrats sought to increase payments" -> "Democrats increased payments" drops "sought"; but
    "X denied that ... and said Y" -> "X said Y" drops a whole clause, qualifier and all, and is fine.
    Words are compared on their first five letters, so "increase" is kept in "increased".
    """
    a, b = _words(claim), _words(source)
    kept = {j for block in SequenceMatcher(None, [w[:5] for w in a], [w[:5] for w in b], autojunk=False)
            .get_matching_blocks() for j in range(block.b, block.b + block.size)}
    in_claim = set(a)
    dropped = set()
    for j, word in enumerate(b):
        if word not in QUALIFIERS or word in in_claim or j in kept:
            continue
        following = next((k for k in range(j + 1, len(b)) if b[k] not in _LINKING), None)
        if following in kept:
            dropped.add(word)
    return sorted(dropped)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower().replace("’", "'"))


def quotations(text: str) -> list[str]:
    return [q.strip() for q in _QUOTE.findall(text)]


def missing_numbers(claim: str, sources: list[str]) -> set[str]:
    held = set().union(*(numbers(s) for s in sources)) if sources else set()
    return numbers(claim) - held


def missing_names(claim: str, sources: list[str]) -> set[str]:
    """Names in the claim none of whose words appear in the sources (so 'Dravanek' covers 'Ilse Dravanek').

    A word matches on its stem: "Armenian" is found in "Armenia", "Azerbaijan's" in "Azerbaijani".
    """
    joined = _plain(_undot(" ".join(sources)))
    words = set(re.findall(r"\w+", joined))
    return {name for name in names(claim)
            if not any(stem(word) in joined if len(stem(word)) > 2 else stem(word) in words
                       for word in name.split())}


def _undot(text: str) -> str:
    return _ACRONYM.sub(lambda m: m.group().replace(".", "").replace(" ", "") + " ", text)


def stem(word: str) -> str:
    """A crude, language-neutral stem: lower case, possessive off, cut to six letters
    ("overloaded" and "overload" meet, as do "Armenian" and "Armenia")."""
    word = re.sub(r"['’]s$", "", word.lower())
    return word[:6]


def unquoted(claim: str, sources: list[str]) -> list[str]:
    """Quotations in the claim that no source contains verbatim."""
    normal = [_plain(s) for s in sources]
    return [q for q in quotations(claim) if not any(_plain(q) in s for s in normal)]


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').lower().split())
