"""Selection stage: score clusters, pick a representative for each, and choose the brief's content.

A cluster scores higher when more independent sources report it, when it is close to what
the articles are about (their headlines and leads), and when outlets put it near the top.
Chosen sentences must not repeat each other, and the whole must fit the word budget.
The result is ordered to read as a story: the most important fact first, then the rest in
the order the articles tell them, which puts background last.
"""
from __future__ import annotations

import re

import numpy as np

from summarizer.cluster import SAME_FACT
from summarizer.neutral import loaded_terms
from summarizer.types import Cluster, Sentence

WEIGHTS = {"support": 0.5, "centrality": 0.3, "lead": 0.2}
MIN_WORDS, MAX_WORDS = 6, 45
# A sentence opening with these leans on the sentence before it and reads wrong on its own.
_NEEDS_CONTEXT = re.compile(
    r"^[\"“‘']?(he|she|it|they|his|her|its|their|this|that|these|those|there|but|and|also|so|"
    r"however|meanwhile|still|yet|then|instead|such|the two|both|"
    r"the (ministry|statement|minister|spokesman|spokeswoman|official|company|agency|group|parties))\b",
    re.IGNORECASE,
)


def event_vector(vectors: np.ndarray) -> np.ndarray:
    """The direction of the event: mean of the headlines' and leads' embeddings."""
    mean = vectors.mean(axis=0)
    return mean / (np.linalg.norm(mean) or 1.0)


# ... and these point back at something the reader has not been told.
_POINTS_BACK = re.compile(r"\b(since that|after that|that war|according to the statement|the statement said|"
                          r"this incident|the incident|the latter|the former)\b"
                          r"|, (it|he|she|they) (said|added)\b")


def can_stand_alone(sentence: Sentence) -> bool:
    text = sentence.text
    return (
        MIN_WORDS <= sentence.words <= MAX_WORDS
        and not _NEEDS_CONTEXT.match(text)
        and not _POINTS_BACK.search(text)
        and (text.count('"') + text.count("“") + text.count("”")) % 2 == 0  # a quotation cut off mid-way
        and not text.rstrip("\"”’' ").endswith((":", "?"))
        and not loaded_terms(text)  # "Baku admitted..." is the outlet's voice, not one the brief may borrow
    )


def representative(cluster: Cluster, event: np.ndarray) -> Sentence | None:
    """The member that best stands for the cluster and reads well on its own, if any does."""
    candidates = [s for s in cluster.members if can_stand_alone(s)]
    if not candidates:
        return None
    members = np.stack([s.embedding for s in cluster.members])

    def fitness(sentence: Sentence) -> float:
        typical = float((members @ sentence.embedding).mean())
        on_topic = float(sentence.embedding @ event)
        long = max(0, sentence.words - 30) / 30
        quoted = 0.1 if sentence.text[:1] in "\"“‘'" else 0.0
        return typical + 0.5 * on_topic - 0.2 * long - quoted

    return max(candidates, key=fitness)


def score(clusters: list[Cluster], event: np.ndarray, total_sources: int,
          document_lengths: list[int]) -> None:
    for cluster in clusters:
        centroid = np.mean([s.embedding for s in cluster.members], axis=0)
        centroid /= np.linalg.norm(centroid) or 1.0
        lead = max(1.0 - s.index / max(document_lengths[s.document], 1) for s in cluster.members)
        cluster.score = (
            WEIGHTS["support"] * cluster.sources / max(total_sources, 1)
            + WEIGHTS["centrality"] * float(centroid @ event)
            + WEIGHTS["lead"] * lead
        )


def select(clusters: list[Cluster], event: np.ndarray, max_words: int,
           document_lengths: list[int]) -> list[tuple[Cluster, Sentence]]:
    """Clusters for the brief with their representatives, in reading order."""
    chosen: list[tuple[Cluster, Sentence]] = []
    words = 0
    for cluster in sorted(clusters, key=lambda c: c.score, reverse=True):
        rep = representative(cluster, event)
        if rep is None:
            continue
        if chosen and words + rep.words > max_words:
            continue
        if any(float(rep.embedding @ other.embedding) >= SAME_FACT for _, other in chosen):
            continue
        chosen.append((cluster, rep))
        words += rep.words
    if len(chosen) <= 1:
        return chosen

    def story_position(item: tuple[Cluster, Sentence]) -> float:
        members = item[0].members
        return float(np.mean([s.index / max(document_lengths[s.document], 1) for s in members]))

    return chosen[:1] + sorted(chosen[1:], key=story_position)
