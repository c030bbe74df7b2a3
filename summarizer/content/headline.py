"""Headline stage: the brief opens with the outlets' headline that states the event as most of them do.

A roundup is read headline first, and the outlets have written several: the one chosen is the one
that the most independent sources' sentences support (the extractive citation checks: close in
meaning, the same numbers), then the one closest to the event. A headline in the outlet's voice
(a loaded term, a party's claim as fact), a question, a quotation or a label ("Azerbaijan: We
shot down...") is not the brief's to state; neither is one no article sentence supports. Its words
count against the budget, so it may take at most a quarter of it.
"""
from __future__ import annotations

import re

import numpy as np

from summarizer.content.extract import cite
from summarizer.content.select import reads_whole
from summarizer.lang import Language
from summarizer.types import BriefSentence, Document, Evidence, Sentence

SHARE_OF_BUDGET = 0.25  # a headline longer than this share of the budget leaves too little for the news
# a quotation in double quotes, or in single quotes around words ('close to being completed'), not an apostrophe
_QUOTATION = re.compile(r"[\"“”]|(?:^|\s)['‘][^'’]+['’](?=\s|$|[,.;])")


def headline(documents: list[Document], title_vectors: dict[int, np.ndarray], event: np.ndarray,
             by_document: list[list[Sentence]], sources: list[int], max_words: int,
             language: Language) -> BriefSentence | None:
    """The brief's headline, cited to every document whose sentences state it, or None."""
    best, best_key = None, None
    for number, document in enumerate(documents):
        title = " ".join((document.title or "").split())
        if number not in title_vectors or not _states_the_news(title, max_words, language):
            continue
        text = title if title[-1] in ".!" else title + "."
        claim = Sentence(document=number, index=-1, text=text, start=0, end=0, embedding=title_vectors[number])
        citations, checks = cite(claim, by_document, language)
        key = (len({sources[c.document] for c in citations}), float(claim.embedding @ event))
        if citations and (best_key is None or key > best_key):
            best = BriefSentence(text=text, citations=citations,
                                 evidence=Evidence(mode="headline", citation_checks=checks))
            best_key = key
    return best


def _states_the_news(title: str, max_words: int, language: Language) -> bool:
    if not title or len(title.split()) > SHARE_OF_BUDGET * max_words:
        return False
    if ":" in title or "(" in title or _QUOTATION.search(title):
        return False  # a label, a quotation or furniture ("(photos)"): the outlet's framing
    return reads_whole(Sentence(document=0, index=0, text=title + ".", start=0, end=0), language)
