"""Extractive brief: each chosen sentence as written (one the given text cut off ends in "…"; one the selection
took shortened, as compressed), cited to every document that states it.

A document is cited when its sentence closest in meaning supports the chosen one: the chosen
sentence itself, or one close enough in meaning to say the same thing and holding every number
the chosen one states ("at least 11 dead" is not supported by a sentence that says "nine"). Its
article may give a count in the sentences around it, and need not give a date it gives no other of:
"two dead and one injured on November 9" is supported by "Azerbaijan apologized on Monday" between
"Two crew members were killed" and "A third was injured" (wording/verify.py, `nearby`).
Every document is searched, not only the sentence's cluster: an outlet that words the fact
differently enough to land in another cluster still reports it. Sentences that only share the
topic are not cited; the audit trail says why.

A cited sentence that states the chosen one's main fact but leaves out one of its names, numbers,
quotations or hedges (the wording checks a rewrite must pass) is cited "in part" (`Citation.in_part`,
`Support.leaves_out`): an outlet that reports the event is still shown as reporting it, and the reader
is not told it reports every detail. On the citation audit's 50 NeuS sentences, all 18 citations
marked so fail the audit's full check, against 14 of the 71 cited in full.
"""
from __future__ import annotations

import heapq

import numpy as np

from summarizer.content.compress import Shortened
from summarizer.lang import Language
from summarizer.reading.clean import ends_sentence
from summarizer.types import BriefSentence, Citation, CitationCheck, Cluster, Evidence, Sentence, Support
from summarizer.wording.evidence import missing_names
from summarizer.wording.verify import AROUND_SUPPORTS, SUPPORTS, check_support, leaves_figures_out, wording_failure

# An outlet may state a fact in one sentence and give its toll in the next ("Two crew members were
# killed, the ministry said. A third was injured."): its sentences this far either side may give the counts.
NEARBY = 2


def cite(claim: Sentence, by_document: list[list[Sentence]], language: Language, tried: int = 1,
         names: bool = False, nearby: int = NEARBY, parts: bool = True,
         pairs: bool = False) -> tuple[list[Citation], list[CitationCheck]]:
    """Citations for `claim`: each document's sentence closest to it in meaning, where that one supports it.

    The checks of summarizer/wording/verify.py on meaning and numbers, without the LLM judge (this mode must
    stay fast); the representative's own sentence needs no check. A claim worded apart from every article
    sentence (a headline, summarizer/content/headline.py) may try a document's `tried` closest sentences,
    the closest first, and with `names` a sentence must also name everyone the claim names. `nearby`
    sentences either side of a document's sentence may give the counts it leaves out (0: none may).
    With `parts`, a citation that states only the claim's main fact is marked `in_part` (the selection,
    which only counts the outlets, does without: a third of its time went to it). That is a sentence
    that leaves out one of the claim's names, quotations or hedges; or, unless `names` is asked (a
    headline's facts must all be in the one sentence), one that leaves out some of its figures while
    giving none of its own, its `nearby` sentences giving no other count of a kind the claim counts.
    With `pairs`, a document none of whose sentences supports the claim on its own may support it with
    two sentences in a row ("A majority of senators voted to convict Trump — 57 to 43, including seven Republicans" by
    "The Senate on Saturday voted 57-43 ..." and the "Seven GOP senators joined Democrats in voting to
    convict ..." after it): the pair closest to the claim in meaning, checked as one source with every
    wording check besides (names, quotations, hedges: the whole claim), cited as `span` 2.
    """
    citations: list[Citation] = []
    checks: list[CitationCheck] = []
    itself = claim.original if isinstance(claim, Shortened) else claim  # still its article's sentence
    for document, sentences in enumerate(by_document):
        in_part = None  # the closest sentence that states the claim in part, cited if none states it whole
        for sentence in heapq.nlargest(tried, sentences, key=lambda s: float(s.embedding @ claim.embedding)):
            similarity = float(sentence.embedding @ claim.embedding)
            if sentence is itself:
                support = Support(similarity=1.0, judge="skipped: the sentence itself"
                                  + (", shortened" if itself is not claim else ""))
            elif similarity < SUPPORTS:
                break  # not about this at all: not worth a line in the audit trail
            else:
                near = [s.text for s in around(sentences, sentence.index, nearby)] if nearby else None
                support = check_support(claim.text, sentence.text, similarity, judge=None, wording=False,
                                        language=language, nearby=near)
                unnamed = sorted(missing_names(claim.text, [sentence.text], language)) if names else []
                if support.supports and unnamed:
                    support.reason = f"does not name {', '.join(unnamed)}"
                if support.supports and parts:
                    support.leaves_out = wording_failure(claim.text, sentence.text, language)
                elif parts and not names and similarity >= AROUND_SUPPORTS and \
                        leaves_figures_out(claim.text, sentence.text, language, near):
                    # it states the claim but for a figure (and gives no other): it reports the fact, in part;
                    # as close as a sentence must be to leave its figures to the sentences around it
                    support.leaves_out, support.reason = support.reason, None
            checks.append(CitationCheck(document, sentence.index, support))
            if support.supports:
                citation = Citation(document=document, sentence=sentence.index, text=sentence.text,
                                    in_part=support.leaves_out is not None)
                if not citation.in_part:
                    in_part = None
                    citations.append(citation)
                    break
                in_part = in_part or citation
        if in_part is not None:
            citations.append(in_part)
        cited = citations[-1] if citations and citations[-1].document == document else None
        if pairs and (cited is None or cited.in_part) and len(sentences) > 1:
            first, second, similarity = _closest_pair(claim, sentences)
            if similarity >= AROUND_SUPPORTS:  # as close as a sentence that leaves its counts to its neighbours
                text = f"{first.text} {second.text}"
                near = [s.text for s in around(sentences, first.index, nearby) if s is not second] if nearby else None
                # in full, or not at all: two sentences in a row that only come near the claim are most
                # often the article's wider story (about half of those cited "in part" were, read by hand)
                support = check_support(claim.text, text, similarity, judge=None, language=language, nearby=near)
                checks.append(CitationCheck(document, first.index, support, span=2))
                if support.supports:
                    if cited is not None:
                        citations.remove(cited)  # the two sentences state in full what the one stated in part
                    citations.append(Citation(document=document, sentence=first.index, text=text, span=2))
    return citations, checks


def _closest_pair(claim: Sentence, sentences: list[Sentence]) -> tuple[Sentence, Sentence, float]:
    """The two sentences in a row whose meaning together is closest to the claim's (their embeddings'
    normalised sum: no second call to the embedder), and that closeness."""
    vectors = np.stack([s.embedding for s in sentences])
    together = vectors[:-1] + vectors[1:]
    closeness = together @ claim.embedding / np.maximum(np.linalg.norm(together, axis=1), 1e-9)
    best = int(np.argmax(closeness))
    return sentences[best], sentences[best + 1], float(closeness[best])


def around(items: list, index: int, reach: int = NEARBY) -> list:
    """The items `reach` either side of `items[index]` in their article, in order, without it."""
    return items[max(index - reach, 0):index] + items[index + 1:index + 1 + reach]


def extract(chosen: list[tuple[Cluster, Sentence]], by_document: list[list[Sentence]],
            language: Language) -> list[BriefSentence]:
    brief = []
    for _, rep in chosen:
        citations, checks = cite(rep, by_document, language, pairs=True)
        # a sentence the given text cut off (select.py takes it only as its article's last) shows the cut
        text = rep.text if ends_sentence(rep.text, language) else rep.text + "…"
        evidence = Evidence(citation_checks=checks, removed=list(rep.removed) if isinstance(rep, Shortened) else [])
        brief.append(BriefSentence(text=text, citations=citations, evidence=evidence))
    return brief
