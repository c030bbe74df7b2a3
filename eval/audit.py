"""Citation audit: are our briefs' citations right, and complete?

For a sample of brief sentences (fixed seed), every citation is put through the full support check
of summarizer/wording/verify.py (similarity, numbers, names, quotations, hedges, qualifiers, then the LLM
judge; a count may be given in the sentences either side, as the brief's citations read the
article): citation precision is the share that pass, over all citations and over those the brief
gives in full (not marked "in part": the outlet states the main fact, not every detail). Every
document of the cluster that is *not* cited is then searched for a sentence that passes the same
check: such a document states the sentence's content and should have been cited. Citation recall is, per sentence, the supporting
documents cited over all supporting documents. Both come with bootstrap intervals over the sampled
sentences.
"""
from __future__ import annotations

import random
import re
from dataclasses import asdict

import numpy as np

from eval.stats import ratio_interval
from eval.systems import is_ours
from summarizer.content.extract import NEARBY, around
from summarizer.content.headline import as_checked, written_words
from summarizer.lang.en import ENGLISH
from summarizer.types import TITLE
from summarizer.wording.verify import SUPPORTS, check_support, similarities

SAMPLE = 50
SEED = 0
CANDIDATES = 2  # sentences of an uncited document put through the check, most similar first
# Uncited documents are searched below the citer's own similarity gate (SUPPORTS), so that a paraphrase
# MiniLM puts far apart still reaches the exact checks and the judge: otherwise recall would only
# repeat the citer's decisions.
RECALL_FLOOR = 0.4
METHOD = (f"Per system, a fixed-seed sample of brief sentences. Precision: each citation through the full support "
          f"check (similarity, numbers, names, quotations, hedges, qualifiers, LLM judge; a count may be given "
          f"in the {NEARBY} sentences either side, as the brief's citations read them). Recall: each uncited "
          f"document of the cluster searched (its {CANDIDATES} most similar sentences at similarity >= {RECALL_FLOOR}, "
          f"below the citer's {SUPPORTS}) "
          f"for a sentence that passes the same check; recall = supporting documents cited / all supporting "
          f"documents. 95% bootstrap intervals over the sampled sentences.")


def audit(results: list[dict], embedder, judge, sample: int = SAMPLE, seed: int = SEED) -> dict | None:
    systems = sorted({r["system"] for r in results if is_ours(r["system"])})
    if not systems or sample <= 0:
        return None
    report = {"method": METHOD, "sample": sample, "seed": seed, "systems": {}}
    for system in systems:
        rows = [r for r in results if r["system"] == system]
        pool = [(row, sentence) for row in rows for sentence in row["output"]["sentences"]]
        if not pool:
            continue
        picked = random.Random(seed).sample(pool, min(sample, len(pool)))
        checked = [audit_sentence(sentence, row["output"]["document_sentences"], embedder, judge)
                   for row, sentence in picked]
        report["systems"][system] = _summary(checked, pool)
    return report


def audit_sentence(sentence: dict, document_sentences: list[list[str] | None], embedder, judge) -> dict:
    """The support of each cited document, and the uncited documents that support the sentence."""
    claim = sentence["text"]
    checked = _as_checked(sentence, document_sentences)
    cited_documents = {c["document"] for c in sentence["citations"]}
    verdicts: dict = {}
    citations = []
    for citation in sentence["citations"]:
        if citation["text"] == claim:
            citations.append({**citation, "supported": True, "record": {"judge": "skipped: the sentence itself"}})
            continue
        if citation["sentence"] == TITLE and _words(citation["text"]) == _words(claim):
            citations.append({**citation, "supported": True, "record": {"judge": "skipped: its own headline"}})
            continue
        [similarity] = similarities(embedder, claim, [citation["text"]])
        texts = document_sentences[citation["document"]] or []
        support = check_support(checked, citation["text"], float(similarity), judge, verdicts,
                                nearby=_around(texts, citation["sentence"]))
        citations.append({**citation, "supported": support.supports, "record": _record(support)})
    missed = []
    for document, texts in enumerate(document_sentences):
        if document in cited_documents or not texts:
            continue
        similarity = similarities(embedder, claim, texts)
        for position in np.argsort(-similarity)[:CANDIDATES]:
            if similarity[position] < RECALL_FLOOR:
                break
            support = check_support(checked, texts[position], float(similarity[position]), judge, verdicts,
                                    floor=RECALL_FLOOR, nearby=_around(texts, int(position)))
            if support.supports:
                missed.append({"document": document, "sentence": int(position), "text": texts[position],
                               "record": _record(support)})
                break
    supported_documents = {c["document"] for c in citations if c["supported"]}
    return {"text": claim, "citations": citations, "missed": missed,
            "supported_citations": sum(c["supported"] for c in citations),
            "supporting_cited": len(supported_documents), "supporting_missed": len(missed)}


def _summary(checked: list[dict], pool: list[tuple[dict, dict]]) -> dict:
    supported = [c["supported_citations"] for c in checked]
    cited = [len(c["citations"]) for c in checked]
    found = [c["supporting_cited"] for c in checked]
    supporting = [c["supporting_cited"] + c["supporting_missed"] for c in checked]
    precision_low, precision_high = ratio_interval(supported, cited)
    recall_low, recall_high = ratio_interval(found, supporting)
    # citations the brief gives in full, apart from those it marks "in part" (main fact only)
    whole = [[c for c in s["citations"] if not c.get("in_part")] for s in checked]
    whole_supported, whole_cited = [sum(c["supported"] for c in w) for w in whole], [len(w) for w in whole]
    whole_low, whole_high = ratio_interval(whole_supported, whole_cited)
    return {
        "sentences": len(checked), "citations": sum(cited),
        "precision": sum(supported) / max(sum(cited), 1), "precision_low": precision_low,
        "precision_high": precision_high,
        "whole_citations": sum(whole_cited), "whole_precision": sum(whole_supported) / max(sum(whole_cited), 1),
        "whole_precision_low": whole_low, "whole_precision_high": whole_high,
        "recall": sum(found) / max(sum(supporting), 1), "recall_low": recall_low, "recall_high": recall_high,
        # over every sentence of the run, not only the sample
        "documents_per_sentence": float(np.mean([len({c["document"] for c in s["citations"]}) for _, s in pool])),
        "details": checked,
    }


def _as_checked(sentence: dict, document_sentences: list[list[str] | None]) -> str:
    """The sentence as its citations were checked: a headline's first capital is only the headline's,
    unless the articles write that word as a name (summarizer/content/headline.py)."""
    if sentence["evidence"].get("mode") != "headline":
        return sentence["text"]
    texts = [text for texts in document_sentences if texts for text in texts]
    return as_checked(sentence["text"], written_words(texts, ENGLISH), ENGLISH)


def _around(texts: list[str], index: int) -> list[str] | None:
    """The sentences around a document's sentence, where its article may give the claim's counts, as
    the brief's citations read them (summarizer/content/extract.py); none around a headline."""
    if index == TITLE or not 0 <= index < len(texts):
        return None
    return around(texts, index)


def _words(text: str) -> list[str]:
    """The words, whatever their case and punctuation: a headline and its sentence-cased copy are alike."""
    return re.findall(r"\w+", text.lower())


def _record(support) -> dict:
    return {key: value for key, value in asdict(support).items() if value is not None}
