"""Where sources differ, beyond figures: who is to blame, who controls a place, and claims one
party denies. Found by patterns over plain sentences, as precise as we can make them: a dispute
is shown only when two documents take opposite sides, each in its own words.

  responsibility  "The ministry blamed the rebels for the attack" against "The rebels said army
                  units were responsible for the attack": different parties held responsible
  control         "Rebels said they had captured Osk" against "Osk remained under government
                  control" (or "The army denied losing Osk")
  denial          "Brevik Lines denied that the ship was overloaded" against another document
                  that says the ship was overloaded
"""
from __future__ import annotations

import re
from itertools import combinations, product

from summarizer.lang import Language
from summarizer.wording.neutral import is_attributed
from summarizer.types import Claim, Disagreement, Sentence, Statement

ABOUT_THE_SAME = 0.4  # sentences this close in meaning can be about the same event, or count (disagree.py)
# A denial and the claim it denies share the telling word but little else ("denied that the ship was
# overloaded" / "17 died when the overloaded ferry capsized, the union said": cosine 0.31).
DENIAL_ABOUT_THE_SAME = 0.3

def find_disputes(sentences: list[Sentence], language: Language) -> list[Disagreement]:
    return _responsibility(sentences, language) + _control(sentences, language) + _denials(sentences, language)


def _responsibility(sentences: list[Sentence], language: Language) -> list[Disagreement]:
    found = [(s, _name(m.group("party"), language), m.group("thing")) for s in sentences for p in language.blame
             for m in p.finditer(s.text) if _name(m.group("party"), language)]
    return _unique([
        _dispute(f"Who is responsible for {_clean(thing_a)}", "responsibility",
                 [(f"held responsible: {party_a}", a), (f"held responsible: {party_b}", b)])
        for (a, party_a, thing_a), (b, party_b, thing_b) in combinations(found, 2)
        if a.document != b.document and party_a != party_b and _same_thing(a, b, thing_a, thing_b, language)])


def _control(sentences: list[Sentence], language: Language) -> list[Disagreement]:
    """A place one document says was taken, against another that says it is still fought for or held,
    whatever words each uses and whichever of a place's names ("Shusha, known as Shushi")."""
    canonical = _place_names(sentences, language)
    taken, kept = [], []
    for s in sentences:
        taken += [(s, m.group("place"), "taken") for pattern in language.taken for m in pattern.finditer(s.text)
                  if not language.not_asserted.search(s.text[:m.start()])]
        kept += [(s, m.group("place"), "still contested") for pattern in language.contested
                 for m in pattern.finditer(s.text)]
        kept += [(s, m.group("place"), f"still held by {_name(m.group('party'), language)}")
                 for m in language.held.finditer(s.text)]
    # A document that says the place was taken tells of the fighting for it as history, unless someone
    # is quoted saying it goes on; and one document can report both sides, each from its own party.
    takers = {(s.document, canonical(place)) for s, place, _ in taken}
    kept = [(s, place, said) for s, place, said in kept
            if (s.document, canonical(place)) not in takers or is_attributed(s.text, language)]
    return _unique([_dispute(f"Control of {canonical(place, named=True)}", "control", [(said, a), (other, b)])
                    for (a, place, said), (b, place_b, other) in product(taken, kept)
                    if canonical(place) == canonical(place_b) and a is not b and (a.document != b.document or (
                        is_attributed(a.text, language) and is_attributed(b.text, language)))])


def _place_names(sentences: list[Sentence], language: Language):
    """The one name (the first met) that each of a place's names stands for."""
    first: dict[str, str] = {}
    for s in sentences:
        for m in language.alias.finditer(s.text):
            one, other = m.group("one").lower(), m.group("other").lower()
            root = first.get(one, first.get(other, one))
            first[one] = first[other] = root
    spelled = {}  # the name as first written
    for s in sentences:
        for word in s.text.split():
            spelled.setdefault(word.strip(",.;:()").lower(), word.strip(",.;:()"))

    def canonical(place: str, named: bool = False) -> str:
        key = first.get(place.lower(), place.lower())
        return spelled.get(key, place) if named else key
    return canonical


def _denials(sentences: list[Sentence], language: Language) -> list[Disagreement]:
    """A denied claim against a sentence of another document that states its most telling word
    (the one fewest sentences use: "overloaded", not "ship") and is about the same thing."""
    frequency: dict[str, int] = {}
    for sentence in sentences:
        for word in _content(sentence.text, language):
            frequency[word] = frequency.get(word, 0) + 1
    denials = [(a, m) for a in sentences if (m := _denial(a.text, language))
               and _content(m.group("claim"), language) and _name(m.group("party"), language)]
    # the same denial worded "it was overloaded" and "the ship was overloaded": name it by the latter
    topics = {}
    for _, m in sorted(denials, key=lambda d: d[1].group("claim").split()[0].lower() in language.pronouns):
        claim = _clean(m.group("claim"))
        topics.setdefault(_key(m, frequency, language), f"Whether {claim}" if m.group("that") else f"Disputed: {claim}")
    disputes = []
    for a, m in denials:
        claim, key = _content(m.group("claim"), language), _key(m, frequency, language)
        for b in sentences:
            stated = _content(b.text, language)
            if b.document == a.document or language.denies.search(b.text) or key not in stated:
                continue
            if 2 * len(claim & stated) >= len(claim) and a.close_to(b, DENIAL_ABOUT_THE_SAME):
                disputes.append(_dispute(topics[key], "denial",
                                         [("asserted", b), (f"denied by {_name(m.group('party'), language)}", a)]))
    return _unique(disputes)


def _denial(text: str, language: Language) -> re.Match | None:
    return next((m for pattern in language.denied for m in pattern.finditer(text)), None)


def _key(denial: re.Match, frequency: dict[str, int], language: Language) -> str:
    """The denied claim's telling word: its least used, after its subject ("the ship was overloaded"
    and "it was overloaded" are both about "overloaded")."""
    words = language.content_words(denial.group("claim"))
    after_subject = words[1:] if len(words) > 1 else words
    return min(after_subject, key=lambda w: (frequency.get(w, 0), w))


def _dispute(topic: str, kind: str, sides: list[tuple[str, Sentence]]) -> Disagreement:
    return Disagreement(topic, kind, [Claim(value, s.text, [s.document], [Statement(s.document, s.index, value)])
                                      for value, s in sides])


def _unique(disputes: list[Disagreement]) -> list[Disagreement]:
    """One dispute per topic: later pairs on the same topic add their sides' documents."""
    merged: dict[str, Disagreement] = {}
    for dispute in disputes:
        kept = merged.setdefault(dispute.topic, dispute)
        if kept is dispute:
            continue
        for claim in dispute.claims:
            same = next((c for c in kept.claims if c.value == claim.value), None)
            if same is None:
                kept.claims.append(claim)
            elif claim.documents[0] not in same.documents:
                same.documents += claim.documents
                same.sentences += claim.sentences
    return list(merged.values())


def _same_thing(a: Sentence, b: Sentence, thing_a: str, thing_b: str, language: Language) -> bool:
    return bool(_content(thing_a, language) & _content(thing_b, language)) and a.close_to(b, ABOUT_THE_SAME)


def _content(text: str, language: Language) -> set[str]:
    return set(language.content_words(text))


def _name(party: str, language: Language) -> str:
    """The party's own words: "commanders said army units" names "army units"."""
    party = language.speech_verb.split(party)[-1]
    return " ".join(w for w in party.split() if w.lower() not in language.articles)


def _clean(text: str) -> str:
    return " ".join(text.split()).rstrip(" .")
