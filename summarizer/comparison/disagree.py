"""Where sources differ: figures that documents give differently for the same thing, and (from
summarizer/comparison/disputes.py) who is to blame, who controls a place, and claims one party denies.

A figure is a quantity ("at least 11", "nine", "several thousand") tied to what it counts
(deaths, injured, missing, rescued, people aboard). Figures of the same kind, in sentences
about the same thing (close in meaning, counting the same kind of people), that do not
agree are shown side by side with their documents, not averaged away.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.comparison.disputes import ABOUT_THE_SAME, find_disputes
from summarizer.wording.evidence import numbers
from summarizer.types import Claim, Disagreement, Sentence, Statement

CATEGORIES = {  # what a figure counts, from the words after it ...
    "deaths": r"killed|dead|died|deaths?|death toll|toll|lost their lives|perished|fatalities",
    "injured": r"injured|wounded|hurt",
    "missing": r"missing|unaccounted",
    "rescued": r"rescued|saved|evacuated",
    "aboard": r"on board|aboard|passengers and crew",
}
LEAD_INS = {  # ... or from the word just before it ("killing 11 people", "carrying 226 people")
    "deaths": r"killing|killed|kills",
    "injured": r"injuring|injured|wounding",
    "rescued": r"rescued|rescuing|saved|evacuated",
    "aboard": r"carrying|carried",
}
_SUBSET = re.compile(r"\b(including|among them|of them|of whom|among)\s*$", re.IGNORECASE)
TOPIC_NAMES = {"deaths": "Death toll", "injured": "Number injured", "missing": "Number missing",
               "rescued": "Number rescued", "aboard": "Number on board"}
_VAGUE = {"several thousand": 3000, "thousands": 2000, "hundreds": 200, "dozens": 24, "several hundred": 300,
          "scores": 40, "a few": 3}
_NUMBER_WORD = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|" \
               r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-\w+)?|thirty|forty|fifty|hundred|thousand|dozen)"
_QUANTITY = re.compile(
    r"(?P<qual>(?:more than|at least|over|nearly|almost|about|around|some|up to|as many as|fewer than|"
    r"less than)\s+)?(?P<num>" + "|".join(_VAGUE) + r"|" + _NUMBER_WORD + r"(?:\s+(?:hundred|thousand))?)"
    r"(?P<tail>\s+or more)?",
    re.IGNORECASE,
)
_SUBJECTS = {
    "people": {"people", "persons", "victims", "residents", "passengers"},
    "soldiers": {"soldiers", "troops", "fighters", "servicemen"},
    "civilians": {"civilians", "children"},
    "crew": {"crew", "pilots", "airmen", "crewmembers", "sailors"},
}
WINDOW = 7  # words between a quantity and what it counts


@dataclass(frozen=True)
class Figure:
    category: str
    value: str  # as written: "at least 11"
    amount: float
    subjects: frozenset  # who is counted: {"people"}, {"crew"}, {"soldiers", "civilians"}; empty if unsaid
    sentence: Sentence


def figures(sentence: Sentence) -> list[Figure]:
    found = []
    text = sentence.text
    for match in _QUANTITY.finditer(text):
        amount = _amount(match.group("num"))
        if amount is None or _is_date_or_ordinal(text, match) or _SUBSET.search(text[:match.start()]):
            continue  # "including dozens of civilians" is a part of a toll, not a rival figure
        after = _until_next_quantity(text[match.end():].split()[:WINDOW])
        if _counts_things(after):
            continue  # "40 more vehicles", "48 settlements": not people
        window = " ".join(after).lower()
        lead_in = " ".join(text[:match.start()].split()[-4:]).lower()
        category = next((c for c, p in CATEGORIES.items() if re.search(r"\b(" + p + r")\b", window)), None)
        if category is None and re.search(r"\btoll\b.*\bat$", lead_in):
            category = "deaths"  # "put the toll at 17"
        if category is None:
            last = lead_in.split()[-1:] or [""]
            category = next((c for c, p in LEAD_INS.items() if re.fullmatch(p, last[0].strip(","))), None)
        if category:
            subjects = frozenset(_subject(w) for w in after[:4]) - {""}
            if not subjects and found:
                subjects = found[-1].subjects  # "two crew members dead and one injured": one of the crew
            found.append(Figure(category, " ".join(match.group().split()), amount, subjects, sentence))
    return found


def find_disagreements(sentences: list[Sentence]) -> list[Disagreement]:
    """Figures given differently (only across two or more documents), then disputed claims."""
    all_figures = [f for s in sentences for f in figures(s)]
    disagreements = []
    for category in CATEGORIES:
        group = [f for f in all_figures if f.category == category]
        for component in _linked(group):
            amounts = {f.amount for f in component}
            documents = {f.sentence.document for f in component}
            if len(amounts) < 2 or len(documents) < 2:
                continue
            disagreements.append(_describe(category, component))
    return disagreements + find_disputes(sentences)


def _linked(group: list[Figure]) -> list[list[Figure]]:
    """Groups of figures about the same count: linked through sentences close in meaning, and
    counting the same kind of people as every other member (so "two crew killed" and "1,000
    people killed" never meet through a third sentence)."""
    groups = [[figure] for figure in group]
    merged = True
    while merged:
        merged = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                a, b = groups[i], groups[j]
                if any(_close(x, y) for x in a for y in b) and all(_same_kind(x, y) for x in a for y in b):
                    groups[i] = a + b
                    del groups[j]
                    merged = True
                    break
            if merged:
                break
    return [g for g in groups if len(g) > 1]


def _same_kind(a: Figure, b: Figure) -> bool:
    if a.subjects and b.subjects and not (a.subjects & b.subjects):
        # "people" covers soldiers and civilians, but a helicopter's crew is a different count
        return "crew" not in a.subjects | b.subjects and "people" in a.subjects | b.subjects
    return True


def _close(a: Figure, b: Figure) -> bool:
    return a.sentence is b.sentence or float(a.sentence.embedding @ b.sentence.embedding) >= ABOUT_THE_SAME


def _describe(category: str, component: list[Figure]) -> Disagreement:
    claims: dict[float, Claim] = {}
    for figure in sorted(component, key=lambda f: (f.amount, f.sentence.document, f.sentence.index)):
        claim = claims.setdefault(figure.amount, Claim(figure.value, figure.sentence.text, [], []))
        if figure.sentence.document not in claim.documents:
            claim.documents.append(figure.sentence.document)
        place = Statement(figure.sentence.document, figure.sentence.index, figure.value)
        if place not in claim.sentences:
            claim.sentences.append(place)
    return Disagreement(TOPIC_NAMES[category], "number", list(claims.values()))


def _amount(token: str) -> float | None:
    lowered = " ".join(token.lower().split())
    if lowered in _VAGUE:
        return float(_VAGUE[lowered])
    values = numbers(lowered)
    if not values:
        return None
    parts = lowered.split()
    if len(parts) == 2 and parts[1] in ("hundred", "thousand"):  # "two thousand"
        return float(min(int(v) for v in values)) * (100 if parts[1] == "hundred" else 1000)
    return float(max(int(float(v)) for v in values))


def _is_date_or_ordinal(text: str, match: re.Match) -> bool:
    after = text[match.end():match.end() + 3]
    before = text[max(0, match.start() - 12):match.start()].lower()
    return bool(re.match(r"(st|nd|rd|th|:\d|%|\s*percent)", after)) or bool(re.search(
        r"(january|february|march|april|may|june|july|august|september|october|november|december|since|in)\s$", before))


def _until_next_quantity(words: list[str]) -> list[str]:
    """The words a figure can own: up to the next figure ("three people, two dead": "dead" is the two's)."""
    for i, word in enumerate(words):
        if _QUANTITY.fullmatch(word.strip(",.;:").lower()):
            return words[:i]
    return words


def _counts_things(after: list[str]) -> bool:
    words = [w.lower().strip(",.;:") for w in after[:2]]
    if words and words[0] in ("more", "other", "additional", "extra") and len(words) > 1:
        words = words[1:]
    head = words[0] if words else ""
    return head.endswith("s") and head.isalpha() and not _subject(head) and head not in _NOT_NOUNS


_NOT_NOUNS = {"was", "is", "has", "as", "dies", "this", "its", "his", "us", "thus", "across", "towards"}


def _subject(word: str) -> str:
    word = word.lower().strip(",.;:")
    return next((kind for kind, words in _SUBJECTS.items() if word in words), "")
