"""Compression stage: a sentence without the details only its own outlet gives, offered to the selection
beside the sentence as written.

Deletion only. A phrase set off from the rest of the sentence (", who was elected in 2016,", ",
prompting calls for ...", "(its second this year)") goes when none of its content units (names,
numbers, word pairs: summarizer/content/units.py) is stated by another independent source: the brief
keeps what the sources share, and the words freed go to the next-best content. A phrase that names
someone or gives a figure stays, as does one with a quotation, a speaker, a hedge or a negation
(`wording/verify.shortens` decides), a list item, who a speaker is, and the main clause after an
opening phrase. The shortened sentence is the same sentence of the same article, so it is cited
as the whole one is; `Shortened.removed` records what was taken out.

Tried before and not kept: deletion on spaCy's dependency parse of every appositive and relative
clause without names or numbers, whether or not other sources state it (docs/measurements.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.content.units import units
from summarizer.lang import Language
from summarizer.types import Sentence
from summarizer.wording.verify import shortens

MIN_PHRASE_WORDS = 3  # shorter set-off pieces are list items or names ("in Paris, France, on Monday")
LIST_ITEM_WORDS = 3  # a piece this short after the phrase: the phrase was an item of a list
SPEAKER_WORDS = 8  # a phrase this close after "said" tells who the speaker is ("said X, of Y, who led the work")
# a phrase set off by commas (inside the sentence or closing it), by brackets, or by a pair of dashes
_SET_OFF = re.compile(r",\s+(?P<comma>[^,;:\"“”()—–]+?)(?=,\s|[.!?]$)"
                      r"|\s+\((?P<bracket>[^()\"“”]+)\)"
                      r"|\s+[—–]\s+(?P<dash>[^—–\"“”]+?)\s+[—–](?=\s)")


@dataclass
class Shortened(Sentence):
    """A sentence with set-off phrases taken out; `original` is the sentence as its article has it."""
    original: Sentence | None = None
    removed: tuple[str, ...] = ()


def shortened(sentence: Sentence, shared: set[str], language: Language) -> Shortened | None:
    """The sentence without its set-off phrases that no other source states, or None if none go."""
    text, removed = sentence.text, []
    for match in reversed(list(_SET_OFF.finditer(sentence.text))):
        phrase = next(group for group in match.groups() if group is not None)
        after = text[match.end():]
        if len(phrase.split()) < MIN_PHRASE_WORDS or not _may_go(phrase, match, after, text, language):
            continue
        found = units(phrase, language)
        if found & shared or any(unit.startswith(("name:", "number:")) for unit in found):
            continue  # another source states this too (the shared news), or it names someone or gives a figure
        candidate = text[:match.start()] + _rest(phrase, after, language)
        if shortens(candidate, text, language):
            text = candidate
            removed.insert(0, phrase)
    if not removed:
        return None
    return Shortened(document=sentence.document, index=sentence.index, text=text, start=sentence.start,
                     end=sentence.end, embedding=sentence.embedding, original=sentence, removed=tuple(removed))


def _rest(phrase: str, after: str, language: Language) -> str:
    """What follows a phrase taken out. A relative clause or appositive right after its noun takes its
    closing comma with it when the main clause goes on ("Paul, who ..., said" -> "Paul said"); any
    other phrase leaves the comma ("the footage, while ..., the editor says"), as does one that another
    phrase follows ("the bill, which ..., according to X"). A closing dash goes with its phrase."""
    if after[:1] != "," or phrase.split()[0].lower() not in language.appositive_openers | language.relative_words:
        return after
    following = (after[1:].split() or [""])[0].lower()
    if language.speech_verb.fullmatch(following):
        return after[1:]
    opens_phrase = following in language.phrase_openers or following in language.closing_phrase_openers \
        or following.endswith("ing") or language.clause_break.match(following)
    return after if opens_phrase else after[1:]


def _may_go(phrase: str, match: re.Match, after: str, text: str, language: Language) -> bool:
    """Does the phrase read as a modifier the sentence can lose (an aside in brackets or dashes; at the
    end, a participle, relative clause or appositive; inside, a relative clause or appositive), not a
    clause, list item or speaker's title the sentence needs?"""
    if match.group("bracket") or match.group("dash"):
        return True
    words = phrase.lower().split()
    first, before = words[0], text[:match.start()]
    opening, last_piece = before.split(), before.rsplit(",", 1)[-1].split()
    if "," not in before and opening and (opening[0].lower() in language.phrase_openers
                                          or len(opening) <= LIST_ITEM_WORDS):
        return False  # the main clause after an opening phrase: "In an opinion by X, the justices ...", "Now, ..."
    if opening and opening[-1].lower() in language.stop_words:
        return False  # "the issue of, um, using ...": the words before the comma need what follows
    if "," in before and len(last_piece) <= (LIST_ITEM_WORDS if first in language.appositive_openers else 2):
        return False  # the last items of a list: "the leg, the hip and the arm", "email, news, shopping and search"
    if language.speech_verb.search(" ".join(opening[-SPEAKER_WORDS:])):
        return False  # who the speaker is: 'said Krissi Khokhobashvili, a spokeswoman for the department'
    if after[1:].lstrip().startswith(('"', "“")):
        return False  # it introduces a quotation: 'sent Brown into a rage with a note that read, "..."'
    auxiliary = next((i for i, word in enumerate(words) if word in language.auxiliaries), None)
    if first in language.appositive_openers and auxiliary is not None \
            and not any(word in language.relative_words for word in words[1:auxiliary]):
        return False  # a clause, not an appositive ("a measure that has ..."): "To get there, the easiest way is to fly."
    participle = first.endswith("ing") and len(first) > 4
    if not after.strip(" .!?"):  # it closes the sentence
        return first in language.closing_phrase_openers or participle
    next_piece = after[1:].split(",")[0]
    if after[:1] != "," or len(next_piece.split()) <= LIST_ITEM_WORDS or " and " in next_piece:
        return False  # an item of a list ("causing the Times, CNN, BBC and others to shut down")
    return first in language.inner_phrase_openers or participle
