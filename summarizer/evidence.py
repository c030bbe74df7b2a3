"""Exact evidence: the numbers, names and quotations a sentence asserts, and whether sources hold them.

Embedding similarity says two sentences are about the same thing; it cannot tell "11 dead"
from "17 dead". These checks can: every number (and, where asked, every name and quotation)
in a claim must appear in the sentences cited for it.
"""
from __future__ import annotations

import re

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
              "Later", "According", "After", "Before", "While", "When", "Since", "As", "Its", "His", "Her"}


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
    for match in _NAME.finditer(text):
        words = [w for w in match.group().split() if w not in _NOT_NAMES]
        if words:
            found.add(" ".join(words))
    return found


def quotations(text: str) -> list[str]:
    return [q.strip() for q in _QUOTE.findall(text)]


def missing_numbers(claim: str, sources: list[str]) -> set[str]:
    held = set().union(*(numbers(s) for s in sources)) if sources else set()
    return numbers(claim) - held


def missing_names(claim: str, sources: list[str]) -> set[str]:
    """Names in the claim none of whose words appear in the sources (so 'Dravanek' covers 'Ilse Dravanek').

    A word matches on its stem: "Armenian" is found in "Armenia", "Azerbaijan's" in "Azerbaijani".
    """
    joined = _plain(" ".join(sources))
    return {name for name in names(claim)
            if not any(_stem(word) in joined for word in name.split() if len(_stem(word)) > 2)}


def _stem(word: str) -> str:
    word = re.sub(r"['’]s$", "", word.lower())
    return word[:6] if len(word) > 6 else word


def unquoted(claim: str, sources: list[str]) -> list[str]:
    """Quotations in the claim that no source contains verbatim."""
    normal = [_plain(s) for s in sources]
    return [q for q in quotations(claim) if not any(_plain(q) in s for s in normal)]


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').lower().split())
