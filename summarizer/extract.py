"""Extractive brief: each chosen cluster is told by its representative sentence, as written.

A document is cited when one of its sentences in the cluster supports the representative:
the representative itself, or a member close enough in meaning to say the same thing and
holding every number the representative states ("at least 11 dead" is not supported by a
sentence that says "nine"). Members that only share the topic are not cited; the audit
trail says why.
"""
from __future__ import annotations

from summarizer.types import BriefSentence, Citation, Cluster, Sentence
from summarizer.verify import check_support


def cite(cluster: Cluster, claim: Sentence) -> tuple[list[Citation], dict]:
    """Citations for `claim`: the best supporting member of each document in the cluster.

    The checks of summarizer/verify.py on meaning and numbers, without the LLM judge (this mode must
    stay fast); the representative's own sentence needs no check.
    """
    citations: list[Citation] = []
    dropped: list[dict] = []
    checks: dict[str, dict] = {}
    for document in cluster.documents:
        members = [s for s in cluster.members if s.document == document]
        best = max(members, key=lambda s: float(s.embedding @ claim.embedding))
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


def extract(chosen: list[tuple[Cluster, Sentence]]) -> list[BriefSentence]:
    brief = []
    for cluster, rep in chosen:
        citations, evidence = cite(cluster, rep)
        brief.append(BriefSentence(text=rep.text, citations=citations, evidence=evidence))
    return brief
