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
from summarizer.lang import Language
from summarizer.wording.evidence import numbers
from summarizer.types import Claim, Disagreement, Sentence, Statement

WINDOW = 7  # words between a quantity and what it counts
TOLL_WINDOW = 8  # words between "toll" and its figure: "the death toll from the virus had reached 19,882"
# An article's first sentences tell its main event: two of them, in different articles, that count the
# same people count the same thing, however else they differ ("The ministry said nine people were
# confirmed dead and that divers would continue searching ..." and "The coast guard said at least 11
# people were killed, while the union put the toll at 17", 0.34 close in meaning). On both evaluation
# sets this linked no figures that closeness had not.
LEAD = 4
_CLAUSE_END = re.compile(r"[;:]\s|,\s+(?=(?:and|but|while|as|which|although)\b)")


@dataclass(frozen=True)
class Figure:
    category: str
    value: str  # as written: "at least 11"
    amount: float
    subjects: frozenset  # who is counted: {"people"}, {"crew"}, {"soldiers", "civilians"}; empty if unsaid
    sentence: Sentence
    span: tuple[int, int] = (0, 0)  # where the quantity is written in the sentence


def figures(sentence: Sentence, language: Language) -> list[Figure]:
    found = []
    text = sentence.text
    for match in language.quantity.finditer(text):
        amount = _amount(match.group("num"), language)
        part = language.subset.search(text[:match.start()]) or language.part_of.match(text[match.end():])
        if amount is None or _is_date_or_ordinal(text, match, language) or part:
            continue  # "including dozens of civilians", "eleven of the dead": a part of a toll, not a rival figure
        after = _until_next_quantity(text[match.end():].split()[:WINDOW], language)
        if _counts_things(after, language):
            continue  # "40 more vehicles", "48 settlements": not people
        category = _category(text, match, after, language)
        if category:
            subjects = frozenset(_subject(w, language) for w in after[:4]) - {""}
            if not subjects and found:
                subjects = found[-1].subjects  # "two crew members dead and one injured": one of the crew
            found.append(Figure(category, " ".join(match.group().split()), amount, subjects, sentence, match.span()))
    return found


def counted(text: str, language: Language) -> list[tuple[str, float, tuple[int, int]]]:
    """The counts the text gives, as (kind, amount, where the quantity is written), however it words
    them: "two dead and one injured" and "Two airmen died and a third was injured" (one more: one) both
    give deaths 2 and injured 1."""
    found = [(f.category, f.amount, f.span) for f in figures(Sentence(0, 0, text, 0, len(text)), language)]
    for match in language.one_more.finditer(text):
        after = _until_next_quantity(text[match.end():].split()[:WINDOW], language)
        if category := _category(text, match, after, language):
            found.append((category, 1.0, match.span()))
    return found


def _category(text: str, match: re.Match, after: list[str], language: Language) -> str | None:
    """What the quantity `match` counts: said in its own clause ("five wounded, and the toll could
    rise" counts the wounded), or by a toll before it, or by the verb just before it ("killing 11")."""
    window = _CLAUSE_END.split(" ".join(after).lower(), maxsplit=1)[0]
    category = next((c for c, p in language.figure_categories.items() if re.search(r"\b(" + p + r")\b", window)), None)
    if category is None and language.toll_at.search(" ".join(text[:match.start()].split()[-TOLL_WINDOW:]).lower()):
        category = "deaths"  # "put the toll at 17"
    if category is None:
        last = " ".join(text[:match.start()].split()[-4:]).lower().split()[-1:] or [""]
        category = next((c for c, p in language.figure_lead_ins.items() if re.fullmatch(p, last[0].strip(","))), None)
    return category


def find_disagreements(sentences: list[Sentence], language: Language) -> list[Disagreement]:
    """Figures given differently (only across two or more documents), then disputed claims."""
    all_figures = [f for s in sentences for f in figures(s, language)]
    disagreements = []
    for category in language.figure_categories:
        group = [f for f in all_figures if f.category == category]
        for component in _linked(group):
            amounts = {f.amount for f in component}
            documents = {f.sentence.document for f in component}
            if len(amounts) < 2 or len(documents) < 2:
                continue
            disagreements.append(_describe(language.figure_topics[category], component))
    return disagreements + find_disputes(sentences, language)


def _linked(group: list[Figure]) -> list[list[Figure]]:
    """Groups of figures about the same count: linked through sentences close in meaning (or both
    among their articles' first, counting the same people), and counting the same kind of people as
    every other member (so "two crew killed" and "1,000 people killed" never meet through a third
    sentence)."""
    groups = [[figure] for figure in group]
    merged = True
    while merged:
        merged = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                a, b = groups[i], groups[j]
                close = any(x.sentence.close_to(y.sentence, ABOUT_THE_SAME) or _both_lead(x, y) for x in a for y in b)
                if close and all(_same_kind(x, y) for x in a for y in b):
                    groups[i] = a + b
                    del groups[j]
                    merged = True
                    break
            if merged:
                break
    return [g for g in groups if len(g) > 1]


def _both_lead(a: Figure, b: Figure) -> bool:
    return (a.sentence.document != b.sentence.document and max(a.sentence.index, b.sentence.index) < LEAD
            and bool(a.subjects & b.subjects))


def _same_kind(a: Figure, b: Figure) -> bool:
    if a.subjects and b.subjects and not (a.subjects & b.subjects):
        # "people" covers soldiers and civilians, but a helicopter's crew is a different count
        return "crew" not in a.subjects | b.subjects and "people" in a.subjects | b.subjects
    return True


def _describe(topic: str, component: list[Figure]) -> Disagreement:
    claims: dict[float, Claim] = {}
    for figure in sorted(component, key=lambda f: (f.amount, f.sentence.document, f.sentence.index)):
        claim = claims.setdefault(figure.amount, Claim(figure.value, figure.sentence.text, [], []))
        if figure.sentence.document not in claim.documents:
            claim.documents.append(figure.sentence.document)
        place = Statement(figure.sentence.document, figure.sentence.index, figure.value)
        if place not in claim.sentences:
            claim.sentences.append(place)
    return Disagreement(topic, "number", list(claims.values()))


def _amount(token: str, language: Language) -> float | None:
    lowered = " ".join(token.lower().split())
    if lowered in language.vague_amounts:
        return float(language.vague_amounts[lowered])
    values = numbers(lowered, language)
    if not values:
        return None
    parts = lowered.split()
    if len(parts) == 2 and parts[1] in ("hundred", "thousand"):  # "two thousand"
        return float(min(int(v) for v in values)) * (100 if parts[1] == "hundred" else 1000)
    return float(max(int(float(v)) for v in values))


def _is_date_or_ordinal(text: str, match: re.Match, language: Language) -> bool:
    """Not a count: a date, an ordinal, a share ("70 percent"), an age or a span ("6-year-old"), a year
    ("their 2000 book"; but "2000 people" counts them)."""
    after = text[match.end():match.end() + 12]
    before = text[max(0, match.start() - 12):match.start()].lower()
    following = (after.split() or [""])[0]
    year = re.fullmatch(r"1[89]\d\d|20\d\d", match.group("num")) is not None and not _subject(following, language)
    return bool(language.ordinal_after.match(after) or language.date_before.search(before) or year)


def _until_next_quantity(words: list[str], language: Language) -> list[str]:
    """The words a figure can own: up to the next figure ("three people, two dead": "dead" is the two's)."""
    for i, word in enumerate(words):
        if language.quantity.fullmatch(word.strip(",.;:").lower()):
            return words[:i]
    return words


def _counts_things(after: list[str], language: Language) -> bool:
    words = [w.lower().strip(",.;:") for w in after[:2]]
    if words and words[0] in language.more and len(words) > 1:
        words = words[1:]
    head = words[0] if words else ""
    return head.endswith("s") and head.isalpha() and not _subject(head, language) and head not in language.not_nouns


def _subject(word: str, language: Language) -> str:
    word = word.lower().strip(",.;:")
    return next((kind for kind, words in language.counted.items() if word in words), "")
