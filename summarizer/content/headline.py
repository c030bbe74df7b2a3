"""Headline stage: the brief opens with the outlets' headline that states the event as most of them do.

A roundup is read headline first, and the outlets have written several: the one chosen is the one
the most independent sources state, then the one most of them state in their article sentences,
then the one closest to the event. The outlet that wrote a headline states it (its citation is the
document's title, `TITLE`); another outlet states it when one of its sentences passes the extractive
citation checks (close in meaning, the same numbers) and, since a headline packs several sentences'
facts into a few words, gives every name the headline gives (its first word's capital is the
headline's own unless the articles write that word as a name). It must be most sources' news: a
headline only a minority of the sources state is left out (the brief then opens with its first
sentence). A title-case headline is set in sentence case ("Mueller subpoenas Trump Organization"),
names keeping their capitals as the articles write them; one already in sentence case keeps the
outlet's capitals. A headline in the outlet's voice (a loaded term, a party's claim as fact), a
question, an explainer or teaser, a quotation, a label or furniture ("Azerbaijan: We shot
down...") is not the brief's to state. Its words count against the budget, so it may take at most a
quarter of it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import numpy as np

from summarizer.content.extract import cite
from summarizer.content.select import reads_whole
from summarizer.lang import Language
from summarizer.reading.clean import ends_on_title
from summarizer.types import TITLE, BriefSentence, Citation, CitationCheck, Document, Evidence, Sentence, Support

_PUNCTUATION = ".,;:!?\"'“”‘’()"
TRIED = 3  # sentences of a document tried as a headline's citation, the closest first
SHARE_OF_BUDGET = 0.25  # a headline longer than this share of the budget leaves too little for the news
# a quotation in double quotes, or in single quotes around words ('close to being completed'), not an apostrophe
_QUOTATION = re.compile(r"[\"“”]|(?:^|\s)['‘][^'’]+['’](?=\s|$|[,.;])")


def headline(documents: list[Document], title_vectors: dict[int, np.ndarray], event: np.ndarray,
             by_document: list[list[Sentence]], sources: list[int], max_words: int,
             language: Language) -> BriefSentence | None:
    """The brief's headline, cited to the outlet that wrote it and every document whose sentences state it,
    or None."""
    best, best_key = None, None
    independent = {sources[number] for number, sentences in enumerate(by_document) if sentences}
    written = written_words([s.text for sentences in by_document for s in sentences], language)
    for number, document in enumerate(documents):
        title = " ".join((document.title or "").split())
        if number not in title_vectors or not _states_the_news(title, max_words, language):
            continue
        text = _sentence_case(title, written, language)
        text = text if text[-1] in ".!" else text + "."
        claim = Sentence(document=number, index=TITLE, text=text, start=0, end=0, embedding=title_vectors[number])
        # a headline packs into a few words what an article tells over several sentences: a name the
        # cited sentence lacks ("Chicago's first African American mayor") is a fact it does not state;
        # and it is supported by a sentence that states it whole, not one whose neighbours give its figures
        checked = replace(claim, text=as_checked(text, written, language))
        citations, checks = cite(checked, by_document, language, tried=TRIED, names=True, nearby=0)
        by_sentences = len({sources[c.document] for c in citations})
        # the outlet that wrote the headline states it, in full, whatever its article's sentences state
        if number not in {c.document for c in citations if not c.in_part}:
            citations = sorted([c for c in citations if c.document != number] + [Citation(number, TITLE, title)],
                               key=lambda c: c.document)
            checks.append(CitationCheck(number, TITLE, Support(similarity=1.0, judge="skipped: its own headline")))
        # most sources, then most supported by article sentences (not only by the outlet's own headline),
        # then the closest to the event
        key = (len({sources[c.document] for c in citations}), by_sentences, float(claim.embedding @ event))
        if 2 * key[0] > len(independent) and (best_key is None or key > best_key):  # a majority
            best = BriefSentence(text=text, citations=citations,
                                 evidence=Evidence(mode="headline", citation_checks=checks))
            best_key = key
    return best


def written_words(texts: list[str], language: Language) -> Counter:
    """How often the articles' sentences write each word (by stem) with a capital, and without, inside a
    sentence; each part of a hyphenated word counts too, as titles are cased part by part ("Nagorno-Karabakh"
    writes "Karabakh" as a name). Under (stem, None), how often a sentence opens with the word before
    another capital, when it is no function word: "Ivanka Trump has ..." (where "Engineers said ..." tells
    nothing of "Engineers"), for a word the articles write nowhere else."""
    written: Counter = Counter()
    for text in texts:
        words = text.split()
        written.update((language.stem(_bare(part, language)), part[:1].isupper()) for word in words[1:]
                       for part in ([word] + word.split("-")[1:] if "-" in word.strip("-") else [word]))
        first = _bare(words[0], language) if words else ""
        if len(words) > 1 and first[:1].isupper() and words[1][:1].isupper() and first.lower() not in language.stop_words:
            written[(language.stem(first), None)] += 1
    return written


def as_checked(text: str, written: Counter, language: Language) -> str:
    """A headline as its citations are checked: its first word's capital is only the headline's ("Majority
    polled says ..."), unless the articles write that word as a name (`written`, from `written_words`)."""
    return text if _is_name(_bare(text.split()[0], language), written, language) else text[0].lower() + text[1:]


def _bare(word: str, language: Language) -> str:
    """"Iraq's," -> "Iraq"."""
    return language.without_possessive(word.strip(_PUNCTUATION))


def _sentence_case(title: str, written: Counter, language: Language) -> str:
    """'Mueller Subpoenas Trump Organization' -> 'Mueller subpoenas Trump Organization': in a title-case
    headline a word keeps its capital where the articles write it (or a word of its stem: "Democrats",
    "Democrat") with one inside a sentence more often than without (a name), or where it is an acronym.
    A headline already in sentence case keeps its capitals as the outlet wrote them."""
    words = title.split()
    longer = [w for w in words[1:] if len(w) > 3 and w[:1].isalpha()]
    if sum(w[:1].isupper() for w in longer) * 2 <= len(longer):
        return title

    def case(word: str) -> str:  # each part of "Trump-Russia" on its own
        return "-".join(part if not part[:1].isupper() or _is_name(_bare(part, language), written, language)
                        else part.lower() for part in word.split("-"))
    # a word that opens a second sentence of the headline keeps its capital: "Facebook's apps went down. The ..."
    return " ".join([words[0]] + [w if _ends_a_sentence(before, language) else case(w)
                                  for before, w in zip(words, words[1:])])


def _ends_a_sentence(word: str, language: Language) -> bool:
    """"down." does; "U.S." and "Gen." do not."""
    return re.search(r"[a-z]{2}[.!?][\"”’']?$", word) is not None and not ends_on_title(word, language)


def _is_name(word: str, written: Counter, language: Language) -> bool:
    """An acronym, a word with a capital inside it ("McSally"), or a word the articles write with a capital
    inside a sentence more often than without, or a title ("Gen."); or, written nowhere inside a sentence,
    one that opens a sentence before another name ("Ivanka Trump has ...")."""
    stem = language.stem(word)
    capital, lower = written[(stem, True)], written[(stem, False)]
    return ((len(word) > 1 and word.isupper()) or word[1:] != word[1:].lower() or word in language.titles
            or capital > lower or (capital == lower == 0 and written[(stem, None)] > 0))


def _states_the_news(title: str, max_words: int, language: Language) -> bool:
    if not title or len(title.split()) > SHARE_OF_BUDGET * max_words:
        return False
    if ":" in title or "(" in title or _QUOTATION.search(title) or re.search(r"\s[-–|]\s", title):
        # a label, a quotation or furniture ("(photos)", "Election HQ - Midterms 2018"): the outlet's framing
        return False
    if language.not_news_title.search(title):
        return False  # a question or an explainer: it tells no news
    return reads_whole(Sentence(document=0, index=0, text=title + ".", start=0, end=0), language)
