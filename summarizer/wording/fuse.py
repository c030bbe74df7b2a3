"""Abstractive stage: each chosen sentence that other outlets word too drafted anew by the LLM
(summarizer/wording/draft.py), then checked; what fails falls back to the extractive sentence. A
sentence only one wording states has nothing to fuse, and ships as its outlet wrote it.

One LLM call per sentence (not one prompt for the whole brief), and code, not the model, attaches
and checks the citations. The draft must:
  read as a sentence   four words or more
  keep its voice       no loaded term in the brief's own voice; a quotation not verbatim in a
                       cited sentence loses its quotation marks
  keep who said it     the representative's speaker, if it has one, is still named
  keep every source    be supported by the representative sentence it rewrites, on its own, and by
                       each other cited sentence, or the draft falls back: a rewrite that one of
                       the outlets behind the sentence does not support would drop that outlet
                       (on 30 NeuS clusters, 1.51 documents a sentence fell to 1.32 when such
                       citations were dropped instead). These are the checks of
                       summarizer/wording/verify.py: similarity, numbers, names, quotations,
                       hedges, qualifiers, and the LLM judge. A draft that only takes phrases
                       out of the representative (`shortens`) and passes the representative's
                       checks keeps the other citations unjudged: what supports the whole
                       supports its part
  fit its budget       a draft longer than the sentence it rewrites is not checked: the brief's
                       budget was spent on that sentence
`Evidence.mode` says what shipped: "fused", "unchanged" (the model gave the sentence back as
written) or "extractive-fallback" (a check failed; `Evidence.fusion.failed` says which).
"""
from __future__ import annotations

import re
from dataclasses import replace

from models.embedder import Embedder
from models.generator import Generator
from models.judge import Judge
from summarizer.lang import Language
from summarizer.types import BriefSentence, CitationCheck, Document, Fusion, Support
from summarizer.wording.draft import distinct, draft_sentences
from summarizer.wording.evidence import unquoted
from summarizer.wording.neutral import is_attributed, keeps_speaker, loaded_terms, own_voice
from summarizer.wording.verify import check_support, shortens, similarities, verbatim

INHERITED = "skipped: the draft only takes phrases out of the sentence this citation supports"
JUDGED_OTHERS = 2  # other outlets' sentences judged per fused sentence (the judge is most of the time)


def fuse_all(items: list[BriefSentence], documents: list[Document], generator: Generator, judge: Judge,
             embedder: Embedder, language: Language, progress=lambda message: None) -> list[BriefSentence]:
    """Fused, checked sentences for the extractive brief, each falling back to its extractive sentence."""
    wanted = [item for item in items if _may_be_reworded(item) and _has_other_wordings(item)]
    progress(f"rewriting {len(wanted)} sentences")
    drafts = dict(zip(map(id, wanted), draft_sentences(wanted, generator, language)))
    progress("checking citations")
    return [_checked(item, drafts.get(id(item)), judge, embedder, language) for item in items]


def _checked(item: BriefSentence, draft: str | None, judge: Judge, embedder: Embedder,
             language: Language) -> BriefSentence:
    if draft is None:
        return item  # not sent for rewriting: as the extractive step made it
    if len(draft.split()) > len(item.text.split()):
        return _longer(item, draft)
    return check(item, draft, judge, embedder, language)


def _may_be_reworded(item: BriefSentence) -> bool:
    """Not a sentence that is mostly someone's quoted words: those must stay as they were said, so a
    rewrite could only paraphrase them away (and then fail the checks, or lose its quotation marks)."""
    return len(own_voice(item.text).split()) * 2 >= len(item.text.split())


def _has_other_wordings(item: BriefSentence) -> bool:
    """Is there anything to fuse? A sentence only one wording states (one outlet, or its wire copies)
    ships as its outlet wrote it: rewriting it alone gained nothing on the first 30 NeuS clusters
    (R-1 +0.02) and lost 0.83 on the held-out ones, at half the time a cluster (6.2-7.4 -> 3.3 s)."""
    return len(distinct(item.citations)) > 1


def _longer(item: BriefSentence, draft: str) -> BriefSentence:
    """A draft longer than the sentence it rewrites is not checked: the brief's budget was spent on the sentence."""
    fusion = Fusion(draft=draft, failed="longer than the sentence it rewrites")
    return replace(item, evidence=replace(item.evidence, fusion=fusion, mode="extractive-fallback"))


def check(item: BriefSentence, draft: str, judge: Judge, embedder: Embedder, language: Language) -> BriefSentence:
    fusion = Fusion(draft=draft)
    if verbatim(draft, item.text):  # nothing was rewritten: the extractive sentence stands as checked
        return replace(item, evidence=replace(item.evidence, fusion=fusion, mode="unchanged"))
    texts = [c.text for c in distinct(item.citations)]
    fusion.not_verbatim = unquoted(draft, texts)
    for quote in fusion.not_verbatim:  # keep the words, drop the marks that would make them a quotation
        draft = re.sub(r"[\"“]\s*" + re.escape(quote) + r"\s*[\"”]", quote, draft)
    fusion.text = draft
    fusion.failed = _draft_failure(draft, item.text, language)
    if not fusion.failed:
        # Only phrases taken out, none whose loss changes what the rest says (and the representative's
        # checks pass: no hedge or belief verb lost): a source that states the whole sentence states this
        # part of it, so the other citations stand as the extractive step checked them.
        fusion.citation_checks = _check_citations(draft, item, judge, embedder, language,
                                                  inherit=shortens(draft, item.text, language))
        representative, *others = fusion.citation_checks
        lost = next((c for c in others if not c.support.supports), None)
        if not representative.support.supports:
            fusion.failed = f"the representative sentence it rewrites does not support it ({representative.support.reason})"
        elif lost:
            fusion.failed = f"document {lost.document} states the sentence but not the draft ({lost.support.reason})"
    if fusion.failed:
        # The extractive sentence, as extractive mode ships it: a source's own words, its citations
        # already checked for meaning and numbers.
        return replace(item, evidence=replace(item.evidence, fusion=fusion, mode="extractive-fallback"))
    # a citation checked against the draft in full states all of it; an inherited one stays as it was cited
    whole = {(c.document, c.sentence) for c in fusion.citation_checks if c.support.judge != INHERITED}
    citations = [replace(c, in_part=False) if (c.document, c.sentence) in whole else c for c in item.citations]
    return BriefSentence(text=draft, citations=citations, evidence=replace(item.evidence, fusion=fusion, mode="fused"))


def _draft_failure(draft: str, representative: str, language: Language) -> str | None:
    """What, in the draft's own wording, keeps it from shipping, or None."""
    if len(draft.split()) < 4:
        return "no usable sentence came back"
    loaded = loaded_terms(draft, language)
    if loaded:
        return f"loaded terms in the brief's own voice: {', '.join(loaded)}"
    if (is_attributed(representative, language) and not is_attributed(draft, language)) \
            or not keeps_speaker(draft, representative, language):
        return "the source says who said it and the fused sentence does not"
    return None


def _check_citations(claim: str, item: BriefSentence, judge: Judge, embedder: Embedder,
                     language: Language, inherit: bool = False) -> list[CitationCheck]:
    """Every citation checked for `claim` on its own, the representative first; with `inherit` (the claim
    only shortens the representative), the others stand unchecked once the representative supports it.

    Then the other outlets' sentences, closest first; at most JUDGED_OTHERS of them get a judge call
    (about 0.9 s each), the rest fail unless the cheap checks alone show support. The first failure
    ends it: the draft falls back, so no further check is worth a judge call.
    """
    scores = similarities(embedder, claim, [c.text for c in item.citations])
    ranked = sorted(zip(item.citations, scores), key=lambda pair: (pair[0].text != item.text, -pair[1]))
    verdicts: dict = {}  # wire copies share a text: judge each text once
    checks = []
    for citation, score in ranked:
        representative = citation.text == item.text
        judged_others = {text for text in verdicts if text != item.text}
        may_judge = representative or citation.text in verdicts or len(judged_others) < JUDGED_OTHERS
        support = check_support(claim, citation.text, float(score), judge if may_judge else None, verdicts,
                                language=language)
        if support.judge == "not run":
            support.reason = f"not judged: at most {JUDGED_OTHERS} other outlets' sentences are judged"
        checks.append(CitationCheck(citation.document, citation.sentence, support, span=citation.span))
        if not support.supports:
            break  # the draft would lose this source: it falls back, and no further judge call is worth it
        if inherit:
            return checks + [CitationCheck(c.document, c.sentence, Support(similarity=1.0, judge=INHERITED),
                                           span=c.span) for c, _ in ranked[1:]]
    return checks
