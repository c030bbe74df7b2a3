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

from summarizer.types import Claim, Disagreement, Sentence, Statement

ABOUT_THE_SAME = 0.4  # sentences this close in meaning can be about the same event, or count (disagree.py)
# A denial and the claim it denies share the telling word but little else ("denied that the ship was
# overloaded" / "17 died when the overloaded ferry capsized, the union said": cosine 0.31).
DENIAL_ABOUT_THE_SAME = 0.3
_PARTY = r"(?P<party>(?:the\s+)?[A-Za-z][\w’'-]*(?:\s+[A-Za-z][\w’'-]*){0,3}?)"
_BLAME = [  # who is held responsible, and for what
    re.compile(r"\bblamed\s+" + _PARTY + r"\s+for\s+(?P<thing>[^,.;]{3,60})", re.IGNORECASE),
    re.compile(r"\baccused\s+" + _PARTY + r"\s+of\s+(?P<thing>[^,.;]{3,60})", re.IGNORECASE),
    re.compile(_PARTY + r"\s+(?:was|were|is|are)\s+(?:responsible|to blame)\s+for\s+(?P<thing>[^,.;]{3,60})",
               re.IGNORECASE),
]
_CAPTURED = re.compile(r"(?P<party>[A-Z][\w’'-]*(?:\s+[A-Za-z][\w’'-]*){0,2}?)\s+(?:forces\s+|fighters\s+)?"
                       r"(?:said\s+(?:they|it)\s+)?(?:had\s+|have\s+|has\s+)?(?:captured|seized|taken|took|retook|"
                       r"recaptured)\s+(?:control\s+of\s+)?(?:the\s+(?:\w+\s+)?(?:town|city|village|port|airport|"
                       r"region)\s+of\s+)?(?P<place>[A-Z][\w’'-]+)")
_HELD = re.compile(r"(?P<place>[A-Z][\w’'-]+)\s+(?:remained|remains|was still|is still|stayed)\s+(?:firmly\s+)?"
                   r"(?:under|in)\s+" + _PARTY + r"\s+(?:control|hands)")
# "denied that ...", "denied driving drunk", "denied any role": a denied claim (not "denied the request", a refusal)
_DENIAL = (r"(?:denied|denies|rejected claims|dismissed reports)\s+(?P<that>that\s+)?"
           r"(?P<claim>(?(that)|(?:any\s|\w+ing\s))[^,;]{6,80}?)(?=\s+and\s|[,;]|\.(?:\s|$)|$)")
_DENIED = [  # "X denied that ...", and "X said ... and denied that ..." (the sentence's subject denies)
    re.compile(r"(?P<party>[A-Z][\w’'-]*(?:\s+[A-Za-z][\w’'-]*){0,3}?)\s+(?:has\s+|have\s+|had\s+)?" + _DENIAL),
    re.compile(r"^(?P<party>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s[^,;]*?\band\s+(?:has\s+)?" + _DENIAL),
]
_DENIES = re.compile(r"\b(denied|denies|deny|rejected|dismissed|not)\b", re.IGNORECASE)
_PRONOUNS = {"it", "they", "he", "she", "this", "that"}
_STOP = set("the a an that was were is are had has have been be it its their his her of in on at to for and with by "
            "any this".split())


def find_disputes(sentences: list[Sentence]) -> list[Disagreement]:
    return _responsibility(sentences) + _control(sentences) + _denials(sentences)


def _responsibility(sentences: list[Sentence]) -> list[Disagreement]:
    found = [(s, _name(m.group("party")), m.group("thing")) for s in sentences for p in _BLAME
             for m in p.finditer(s.text) if _name(m.group("party"))]
    disputes = []
    for i, (a, party_a, thing_a) in enumerate(found):
        for b, party_b, thing_b in found[i + 1:]:
            if a.document != b.document and party_a != party_b and _same_thing(a, b, thing_a, thing_b):
                disputes.append(_dispute(f"Who is responsible for {_clean(thing_a)}", "responsibility",
                                         [(f"held responsible: {party_a}", a), (f"held responsible: {party_b}", b)]))
    return _unique(disputes)


def _control(sentences: list[Sentence]) -> list[Disagreement]:
    captured = [(s, m.group("place"), _name(m.group("party"))) for s in sentences for m in _CAPTURED.finditer(s.text)]
    held = [(s, m.group("place"), _name(m.group("party"))) for s in sentences for m in _HELD.finditer(s.text)]
    disputes = []
    for a, place, taker in captured:
        for b, place_b, holder in held:
            if a.document != b.document and place.lower() == place_b.lower() and taker != holder:
                disputes.append(_dispute(f"Control of {place}", "control",
                                         [(f"taken by {taker}", a), (f"still held by {holder}", b)]))
    return _unique(disputes)


def _denials(sentences: list[Sentence]) -> list[Disagreement]:
    """A denied claim against a sentence of another document that states its most telling word
    (the one fewest sentences use: "overloaded", not "ship") and is about the same thing."""
    frequency: dict[str, int] = {}
    for sentence in sentences:
        for word in _content(sentence.text):
            frequency[word] = frequency.get(word, 0) + 1
    denials = [(a, m) for a in sentences if (m := _denial(a.text))
               and _content(m.group("claim")) and _name(m.group("party"))]
    # the same denial worded "it was overloaded" and "the ship was overloaded": name it by the latter
    topics = {}
    for _, m in sorted(denials, key=lambda d: d[1].group("claim").split()[0].lower() in _PRONOUNS):
        claim = _clean(m.group("claim"))
        topics.setdefault(_key(m, frequency), f"Whether {claim}" if m.group("that") else f"Disputed: {claim}")
    disputes = []
    for a, m in denials:
        claim, key = _content(m.group("claim")), _key(m, frequency)
        for b in sentences:
            if b.document == a.document or _DENIES.search(b.text) or key not in _content(b.text):
                continue
            if 2 * len(claim & _content(b.text)) >= len(claim) and _close(a, b, DENIAL_ABOUT_THE_SAME):
                disputes.append(_dispute(topics[key], "denial",
                                         [("asserted", b), (f"denied by {_name(m.group('party'))}", a)]))
    return _unique(disputes)


def _denial(text: str) -> re.Match | None:
    return next((m for pattern in _DENIED for m in pattern.finditer(text)), None)


def _key(denial: re.Match, frequency: dict[str, int]) -> str:
    """The denied claim's telling word: its least used, after its subject ("the ship was overloaded"
    and "it was overloaded" are both about "overloaded")."""
    words = _content_words(denial.group("claim"))
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


def _same_thing(a: Sentence, b: Sentence, thing_a: str, thing_b: str) -> bool:
    return bool(_content(thing_a) & _content(thing_b)) and _close(a, b, ABOUT_THE_SAME)


def _close(a: Sentence, b: Sentence, threshold: float) -> bool:
    return a.embedding is None or b.embedding is None or float(a.embedding @ b.embedding) >= threshold


def _content(text: str) -> set[str]:
    return set(_content_words(text))


def _content_words(text: str) -> list[str]:
    """Words that carry content, in order, cut to six letters ("overloaded" and "overload" meet)."""
    return [w[:6] for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in _STOP and len(w) > 2]


def _name(party: str) -> str:
    """The party's own words: "commanders said army units" names "army units"."""
    party = re.split(r"\b(?:said|says|told|added|that|stated)\b", party)[-1]
    return " ".join(w for w in party.split() if w.lower() not in ("the", "a", "an"))


def _clean(text: str) -> str:
    return " ".join(text.split()).rstrip(" .")
