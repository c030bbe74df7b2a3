"""Segmentation stage: split each cleaned document into sentences with character offsets.

Paragraphs are split separately (a heading never merges into the sentence below it), and
every `Sentence` keeps `start`/`end` into `Document.text` so a citation can point at the
exact place in the article.
"""
from __future__ import annotations

import re

import nupunkt

from summarizer.reading.clean import BULLET_GLYPHS
from summarizer.types import Document, Sentence

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
# a whole sentence in brackets, and no bracket inside it
_BRACKETED = re.compile(r"^\([^()]+[.!?][\"”’]?\)$")
# a list's bullet where a page ran the list into the paragraph: "... a strike. ■ 266,000 jobs were added."
_BULLET_MARK = re.compile(rf"^[{BULLET_GLYPHS}]\s*")


def segment(documents: list[Document]) -> list[list[Sentence]]:
    return [split_sentences(document.text, number) for number, document in enumerate(documents)]


def split_sentences(text: str, document: int = 0) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph in _PARAGRAPH.finditer(text):
        for start, end in nupunkt.sent_spans(paragraph.group()):
            piece = paragraph.group()[start:end]
            # nupunkt's spans keep trailing spaces; offsets should cover the sentence only
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if _BRACKETED.match(piece):  # "(The figures don't include special elections.)": an aside, but whole
                piece, lead = piece[1:-1], lead + 1
            bullet = _BULLET_MARK.match(piece)
            if bullet:
                piece, lead = piece[bullet.end():], lead + bullet.end()
            if not piece:
                continue
            begin = paragraph.start() + start + lead
            sentences.append(Sentence(document=document, index=len(sentences), text=piece,
                                      start=begin, end=begin + len(piece),
                                      inside_quotation=_quotation_open(paragraph.group(), start)))
    return sentences


def _quotation_open(paragraph: str, start: int) -> bool:
    """Does a quotation opened before `start` run on into the sentence there? Straight marks count only
    where the paragraph pairs them all: a stray inch mark (a 12" single) would open nothing."""
    before = paragraph[:start]
    return before.count("“") > before.count("”") or (before.count('"') % 2 == 1 and paragraph.count('"') % 2 == 0)


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
