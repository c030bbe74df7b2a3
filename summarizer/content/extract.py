"""Extractive brief: each chosen sentence as written, cited to every document that states it.

A document is cited when its sentence closest in meaning supports the chosen one: the chosen
sentence itself, or one close enough in meaning to say the same thing and holding every number
the chosen one states ("at least 11 dead" is not supported by a sentence that says "nine").
Every document is searched, not only the sentence's cluster: an outlet that words the fact
differently enough to land in another cluster still reports it. Sentences that only share the
topic are not cited; the audit trail says why.
"""
from __future__ import annotations

from summarizer.types import BriefSentence, Citation, Cluster, Sentence
from summarizer.wording.verify import SUPPORTS, check_support


def cite(claim: Sentence, by_document: list[list[Sentence]]) -> tuple[list[Citation], dict]:
    """Citations for `claim`: each document's sentence closest to it in meaning, where that one supports it.

    The checks of summarizer/wording/verify.py on meaning and numbers, without the LLM judge (this mode must
    stay fast); the representative's own sentence needs no check.
    """
    citations: list[Citation] = []
    dropped: list[dict] = []
    checks: dict[str, dict] = {}
    for document, sentences in enumerate(by_document):
        if not sentences:
            continue
        best = max(sentences, key=lambda s: float(s.embedding @ claim.embedding))
        if float(best.embedding @ claim.embedding) < SUPPORTS and best is not claim:
            continue  # not about this at all: not worth a line in the audit trail
        if best is claim:
            record = {"similarity": 1.0, "judge": "skipped: the sentence itself"}
        else:
            record = check_support(claim.text, best.text, float(best.embedding @ claim.embedding), judge=None,
                                   wording=False)
        checks[f"{document}:{best.index}"] = record
        if "reason" in record:
            dropped.append({"document": document, "sentence": best.index, "reason": record["reason"]})
        else:
            citations.append(Citation(document=document, sentence=best.index, text=best.text))
    evidence = {"checks": ["similarity", "numbers"], "citation_checks": checks, "dropped": dropped}
    return citations, evidence


def extract(chosen: list[tuple[Cluster, Sentence]], by_document: list[list[Sentence]]) -> list[BriefSentence]:
    brief = []
    for _, rep in chosen:
        citations, evidence = cite(rep, by_document)
        brief.append(BriefSentence(text=rep.text, citations=citations, evidence=evidence))
    return brief
