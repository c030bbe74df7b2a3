"""Segmentation stage: split each cleaned document into sentences with character offsets.

Paragraphs are split separately (a heading never merges into the sentence below it), and
every `Sentence` keeps `start`/`end` into `Document.text` so a citation can point at the
exact place in the article.
"""
from __future__ import annotations

import re

import nupunkt

from summarizer.lang import Language
from summarizer.lang.en import ENGLISH
from summarizer.reading.clean import BULLET_GLYPHS, ends_on_title
from summarizer.types import Document, Sentence

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
# a whole sentence in brackets, and no bracket inside it
_BRACKETED = re.compile(r"^\([^()]+[.!?][\"”’]?\)$")
# a list's bullet where a page ran the list into the paragraph: "... a strike. ■ 266,000 jobs were added."
_BULLET_MARK = re.compile(rf"^[{BULLET_GLYPHS}]\s*")
_AGENCY_CREDIT = re.compile(r"^\([A-Z]{2,6}\)\s+(?=[A-Z\"“])")
_SINGLE_OPENS = re.compile(r"(?:^|(?<=\s))[‘'](?=[A-Z])")
_SINGLE_CLOSES = re.compile(r"[\w.,!?][’'](?=[\s.,;:!?)\"”]|$)")
_STRAIGHT_OPENS = re.compile(r'(?<![^\s(\[—–-])"(?=\S)')  # at the paragraph's start, or after a space or dash
_DOUBLE_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_ENDS_WITH_INITIALS = re.compile(r"(?:\b[A-Z]\.){2,}$")  # "U.N.", "U.S."


def segment(documents: list[Document], language: Language = ENGLISH) -> list[list[Sentence]]:
    return [split_sentences(document.text, number, language) for number, document in enumerate(documents)]


def split_sentences(text: str, document: int = 0, language: Language = ENGLISH) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph in _PARAGRAPH.finditer(text):
        single_marks = _single_marks(paragraph.group())
        for start, end in _spans(paragraph.group(), language):
            piece = paragraph.group()[start:end]
            # nupunkt's spans keep trailing spaces; offsets should cover the sentence only
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if _BRACKETED.match(piece):  # "(The figures don't include special elections.)": an aside, but whole
                piece, lead = piece[1:-1], lead + 1
            # a bullet, or an agency's credit that opens a sentence inside the paragraph, after a caption:
            # "(CBC) Montreal police investigated ..." (the dateline that opens a paragraph went in cleaning)
            opening = _BULLET_MARK.match(piece) or _AGENCY_CREDIT.match(piece)
            if opening:
                piece, lead = piece[opening.end():], lead + opening.end()
            if not piece:
                continue
            begin = paragraph.start() + start + lead
            sentences.append(Sentence(document=document, index=len(sentences), text=piece,
                                      start=begin, end=begin + len(piece),
                                      inside_quotation=_quotation_open(paragraph.group(), start)
                                      or _in_single_marks(single_marks, start, end)))
    return sentences


def _spans(paragraph: str, language: Language) -> list[tuple[int, int]]:
    """nupunkt's sentence spans, but for a split after initials that the next words continue: "Former
    governor and U.N. | Ambassador Nikki Haley said ..." (a title after them, `language.after_initials`),
    "... shout anti-U.S. | slogans" (a word in lower case); and for one after a title, before the name
    it goes with: "... former United Nations Amb. | John Bolton will replace Lt. | Gen. H.R. McMaster"."""
    spans: list[tuple[int, int]] = []
    for start, end in nupunkt.sent_spans(paragraph):
        before = paragraph[spans[-1][0]:spans[-1][1]].rstrip() if spans else ""
        following = paragraph[start:end].lstrip()
        if before and ((_ENDS_WITH_INITIALS.search(before) and (following[:1].islower()
                                                                or language.after_initials.match(following)))
                       or (ends_on_title(before, language) and following[:1].isupper())):
            spans[-1] = (spans[-1][0], end)
            continue
        spans.append((start, end))
    return spans


def _quotation_open(paragraph: str, start: int) -> bool:
    """Does a quotation opened before `start` run on into the sentence there? Where the paragraph's
    straight marks do not pair up, the odd one out is a quotation that runs on past the paragraph (into
    the next, as quotations of several paragraphs do, or past where the text given was cut off) or a
    stray inch mark (a 12" single), which opens nothing: only a mark that opens, after a space, counts."""
    before = paragraph[:start]
    if before.count("“") > before.count("”"):
        return True
    if paragraph.count('"') % 2 == 0:
        return before.count('"') % 2 == 1
    last = before.rfind('"')
    return last >= 0 and bool(_STRAIGHT_OPENS.match(paragraph, last))


def _single_marks(paragraph: str) -> list[tuple[int, bool]]:
    """Where the paragraph's quotations in single marks, as British outlets write them, open (True) and
    close (False), in order. A mark before a capital opens one; a mark after a word or a stop, before a
    space or the end, closes it; an apostrophe ("Kurt’s") does neither. Single marks inside double ones
    ("I said, 'Why?'") are a quotation within a quotation, and are not read."""
    outside = _DOUBLE_QUOTED.sub(lambda quoted: " " * len(quoted.group()), paragraph)
    return sorted([(m.start(), True) for m in _SINGLE_OPENS.finditer(outside)]
                  + [(m.start() + 1, False) for m in _SINGLE_CLOSES.finditer(outside)])


def _in_single_marks(marks: list[tuple[int, bool]], start: int, end: int) -> bool:
    """Is the sentence at [start, end) part of a quotation in single marks (`marks`, from `_single_marks`)
    that runs over several sentences ("'Nancy refused the offers. It hurt Julia, but ...'")? Where a
    possessive plural ("her parents’ home") closes one early, the rest of it goes unmarked, as it did
    before single marks were read."""
    def open_at(position: int) -> bool:
        return next((opens for at, opens in reversed(marks) if at < position), False)
    # open where it starts (its middle or end), or open where it ends (its start): not the whole quotation
    return open_at(start) or open_at(end)


def cap(by_document: list[list[Sentence]], limit: int) -> list[list[Sentence]]:
    """At most `limit` sentences in all, each document keeping its first ones in proportion to its length
    (the top of an article carries its news)."""
    total = sum(len(sentences) for sentences in by_document)
    if total <= limit:
        return by_document
    kept = [len(sentences) * limit // total for sentences in by_document]
    for i in sorted(range(len(by_document)), key=lambda i: -len(by_document[i]))[: limit - sum(kept)]:
        kept[i] += 1  # the rounding's remainder, to the longest documents
    return [sentences[:k] for sentences, k in zip(by_document, kept)]
