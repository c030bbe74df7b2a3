"""Extractive brief: each chosen cluster is told by its representative sentence, as written.

A document is cited when one of its sentences in the cluster supports the representative:
the representative itself, or a member close enough in meaning to say the same thing and
holding every number the representative states ("at least 11 dead" is not supported by a
sentence that says "nine"). Members that only share the topic are not cited; the audit
trail says why.
"""
from __future__ import annotations

from summarizer.evidence import missing_numbers
from summarizer.types import BriefSentence, Citation, Cluster, Sentence

SUPPORTS = 0.6  # cosine similarity at which a cluster member is taken to support the representative


def cite(cluster: Cluster, claim: Sentence) -> tuple[list[Citation], dict]:
    """Citations for `claim`: the best supporting member of each document in the cluster."""
    citations: list[Citation] = []
    dropped: list[dict] = []
    similarity: dict[str, float] = {}
    for document in cluster.documents:
        members = [s for s in cluster.members if s.document == document]
        best = max(members, key=lambda s: float(s.embedding @ claim.embedding))
        score = 1.0 if best is claim else float(best.embedding @ claim.embedding)
        similarity[str(document)] = round(score, 3)
        absent = sorted(missing_numbers(claim.text, [best.text]))
        if score < SUPPORTS:
            dropped.append({"document": document, "sentence": best.index,
                            "reason": f"similarity {score:.2f} below {SUPPORTS}"})
        elif absent:
            dropped.append({"document": document, "sentence": best.index,
                            "reason": f"does not state {', '.join(absent)}"})
        else:
            citations.append(Citation(document=document, sentence=best.index, text=best.text))
    evidence = {"checks": ["embedding-similarity", "numbers"], "similarity": similarity, "dropped": dropped}
    return citations, evidence


def extract(chosen: list[tuple[Cluster, Sentence]]) -> list[BriefSentence]:
    brief = []
    for cluster, rep in chosen:
        citations, evidence = cite(cluster, rep)
        brief.append(BriefSentence(text=rep.text, citations=citations, evidence=evidence))
    return brief
