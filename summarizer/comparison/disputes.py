"""Where sources differ, beyond figures: who is to blame, who controls a place, and claims one
party denies. Found by patterns over plain sentences, as precise as we can make them: a dispute
is shown only when two documents take opposite sides, each in its own words.

  responsibility  "The ministry blamed the rebels for the attack" against "The rebels said army
                  units were responsible for the attack": different parties held responsible
  control         "Rebels said they had captured Osk" against "Osk remained under government
                  control" (or "The army denied losing Osk")
  denial          "Brevik Lines denied that the ship was overloaded" against another document
                  that says the ship was overloaded
  characterisation  "Organisers said the rally stayed peaceful" against "Police said the rally turned
                  violent": one thing described in opposite ways ("was not a failure" is a success)
"""
from __future__ import annotations

import re
from itertools import combinations, product

from summarizer.lang import Language
from summarizer.wording.evidence import names
from summarizer.wording.neutral import is_attributed
from summarizer.types import Claim, Disagreement, Sentence, Statement

ABOUT_THE_SAME = 0.4  # sentences this close in meaning can be about the same event, or count (disagree.py)
# A denial and the claim it denies share the telling word but little else ("denied that the ship was
# overloaded" / "17 died when the overloaded ferry capsized, the union said": cosine 0.31).
DENIAL_ABOUT_THE_SAME = 0.3

def find_disputes(sentences: list[Sentence], language: Language) -> list[Disagreement]:
    return (_responsibility(sentences, language) + _control(sentences, language) + _denials(sentences, language)
            + _characterisations(sentences, language))


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


def _characterisations(sentences: list[Sentence], language: Language) -> list[Disagreement]:
    """One thing described in opposite ways by two documents."""
    described = [(s, side, pair) for s in sentences for pair in language.characterisations
                 for side in _sides(s.text, pair, language)]
    disputes = []
    for (a, side_a, pair), (b, side_b, pair_b) in combinations(described, 2):
        if pair is not pair_b or side_a == side_b or a.text == b.text:
            continue
        if a.document == b.document:
            continue  # one article telling both is telling a change ("started peacefully ... turned violent")
        thing = _described_thing(a, b, pair, language)
        if thing:
            sides = sorted([(side_a, a), (side_b, b)], key=lambda side: [label for label, _ in pair].index(side[0]))
            disputes.append(_dispute(f"How {thing} is described", "characterisation", sides))
    return _unique(disputes)


def _sides(text: str, pair: tuple, language: Language) -> set[str]:
    """The labels of the pair that the text gives its subject; a negated one counts as the other."""
    found = set()
    for index, (label, pattern) in enumerate(pair):
        for match in pattern.finditer(text):
            start = _description(match)[0]
            if language.undecided.search(language.clause_break.split(text[:start])[-1]):
                continue  # "could not confirm whether the data was legitimate"
            negated = language.negated_before.search(text[:start])
            found.add(pair[1 - index][0] if negated else label)
    return found if len(found) == 1 else set()  # both in one sentence: a contrast it draws itself


def _described_thing(a: Sentence, b: Sentence, pair: tuple, language: Language) -> str | None:
    """What both sentences describe, as the first one words it ("the rally"), or None when they are not
    about the same thing: not close in meaning, each names things the other does not ("the vote in
    Vessia", "the vote in Lind"), or the clauses that hold the descriptions share no content word
    besides the descriptions ("his supporters were peaceful" against "confronting violent activists")."""
    if not a.close_to(b, ABOUT_THE_SAME):
        return None
    names_a, names_b = names(a.text, language), names(b.text, language)
    if names_a and names_b and not names_a & names_b:
        return None
    clauses = [_described_clause(s.text, pair, language) for s in (a, b)]
    if not _content(clauses[0], language) & _content(clauses[1], language):
        return None
    shared = _content(_plain(a.text, pair, language), language) & _content(_plain(b.text, pair, language), language)
    # the first shared word of the description's clause names the thing: "the union said [the strike at
    # the mine was lawful]"; a possessive is not it ("the inquiry's report")
    words = [m.group(1) for m in re.finditer(r"([\w-]+)(?!['’]s\b)\b", clauses[0] + " " + a.text)]
    thing = next((w for w in words if w[:1].islower() and language.content_words(w)
                  and language.content_words(w)[0] in shared), None)
    return f"the {thing}" if thing else None


def _described_clause(text: str, pair: tuple, language: Language) -> str:
    """The clause around the text's first description, without the description and who said it."""
    start, end = min((_description(m) for _, pattern in pair for m in pattern.finditer(text)))
    before = language.clause_break.split(text[:start])[-1]
    after = language.clause_break.split(text[end:])[0]
    return _plain(f"{before} {after}", pair, language)


def _description(match: re.Match) -> tuple[int, int]:
    """Where the description itself is: "peaceful" of "called the march a peaceful"."""
    return match.span("said") if match.group("said") else match.span("free")


def _plain(text: str, pair: tuple, language: Language) -> str:
    """The text without its descriptions and its speech verbs: what is left says what it is about."""
    for _, pattern in pair:
        for start, end in sorted(map(_description, pattern.finditer(text)), reverse=True):
            text = text[:start] + " " + text[end:]
    return language.attribution.sub(" ", text)


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
