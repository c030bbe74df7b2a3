"""Clustering stage: group sentences from across the documents that say the same thing.

Average-linkage agglomerative clustering on cosine distance between sentence embeddings.
Each cluster also counts its independent sources: documents that are wire copies of each
other (the same agency text run by two outlets) are one source, not two.
"""
from __future__ import annotations

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from summarizer.types import Cluster, Sentence

SAME_FACT = 0.58  # cosine similarity above which two sentences are taken to say the same thing
NEAR_COPY = 0.93  # cosine similarity of a sentence copied with light edits
WIRE_SHARE = 0.5  # share of the shorter document's sentences copied before two documents are one source


def source_groups(sentences: list[Sentence], similarity: np.ndarray, documents: int) -> list[int]:
    """Map each document to a source id; wire copies share one id."""
    by_doc: list[list[int]] = [[] for _ in range(documents)]
    for row, sentence in enumerate(sentences):
        by_doc[sentence.document].append(row)
    parent = list(range(documents))

    def root(doc: int) -> int:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    for a in range(documents):
        for b in range(a + 1, documents):
            if not by_doc[a] or not by_doc[b]:
                continue
            copied = (similarity[np.ix_(by_doc[a], by_doc[b])].max(axis=1) >= NEAR_COPY).sum()
            shorter = min(len(by_doc[a]), len(by_doc[b]))
            if copied >= 2 and copied >= WIRE_SHARE * shorter:
                parent[root(b)] = root(a)
    return [root(doc) for doc in range(documents)]


def cluster(sentences: list[Sentence], embeddings: np.ndarray, sources: list[int]) -> list[Cluster]:
    """Clusters over all sentences; singletons included, so a fact told once can still be chosen."""
    if len(sentences) == 0:
        return []
    if len(sentences) == 1:
        labels = np.array([1])
    else:
        tree = linkage(embeddings.astype(np.float64), method="average", metric="cosine")
        labels = fcluster(tree, t=1.0 - SAME_FACT, criterion="distance")
    groups: dict[int, list[Sentence]] = {}
    for label, sentence in zip(labels, sentences):
        groups.setdefault(int(label), []).append(sentence)
    return [
        Cluster(members=members, sources=len({sources[s.document] for s in members}))
        for members in groups.values()
    ]
