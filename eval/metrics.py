"""Metrics for a summary against its references and its sources. Each is a plain function."""
from __future__ import annotations

from functools import cache

import numpy as np

from summarizer.wording.evidence import names, numbers, undot
from summarizer.wording.neutral import loaded_terms


@cache
def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def truncate(text: str, max_words: int | None) -> str:
    return text if max_words is None else " ".join(text.split()[:max_words])


def rouge(summary: str, reference: str) -> dict[str, float]:
    """ROUGE-1/2/L F1 x 100 with stemming (rouge-score); reference first, as rouge-score expects."""
    scores = _scorer().score(reference, summary)
    return {"rouge1": 100 * scores["rouge1"].fmeasure, "rouge2": 100 * scores["rouge2"].fmeasure,
            "rougeL": 100 * scores["rougeL"].fmeasure}


REFERENCE_MODES = ("all", "first")


def rouge_against(summary: str, references: list[str] | tuple[str, ...], mode: str = "all",
                  recall_at_words: int | None = None) -> dict[str, float]:
    """ROUGE of a summary against a cluster's references.

    mode "all": each metric's F1 is the best over the references (the multi-reference convention of
    rouge-score's `score_multi` and of most tables since DUC); "first": against references[0] only,
    as the published NeuS rows were scored. With `recall_at_words=N` the summary is cut to N words and
    each metric is the recall averaged over the references, as DUC/TAC tables report it (`mode` then
    picks which references are averaged).
    """
    wanted = list(references) if mode == "all" else list(references[:1])
    if recall_at_words is not None:
        cut = truncate(summary, recall_at_words)
        recalls = [_scorer().score(reference, cut) for reference in wanted]
        return {m: 100 * sum(r[m].recall for r in recalls) / len(recalls) for m in ("rouge1", "rouge2", "rougeL")}
    scores = [rouge(summary, reference) for reference in wanted]
    return {m: max(s[m] for s in scores) for m in ("rouge1", "rouge2", "rougeL")}


def semantic_similarity(summary_vectors: np.ndarray, reference_vectors: np.ndarray) -> float:
    """Cosine of the mean sentence embeddings of summary and reference (MiniLM)."""
    if len(summary_vectors) == 0 or len(reference_vectors) == 0:
        return 0.0
    a, b = summary_vectors.mean(axis=0), reference_vectors.mean(axis=0)
    return float(a @ b / ((np.linalg.norm(a) * np.linalg.norm(b)) or 1.0))


def repeated_ngrams(text: str, n: int = 3) -> float:
    """Share of the summary's word n-grams that repeat an earlier one (0 = no repetition)."""
    words = [w.lower().strip(".,;:!?\"'()") for w in text.split()]
    grams = [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]
    return 0.0 if not grams else 1 - len(set(grams)) / len(grams)


def max_pair_similarity(sentence_vectors: np.ndarray) -> float:
    """Similarity of the two most alike sentences of the summary (0 with fewer than two)."""
    if len(sentence_vectors) < 2:
        return 0.0
    similarity = sentence_vectors @ sentence_vectors.T
    np.fill_diagonal(similarity, -1.0)
    return float(similarity.max())


def found_in_sources(summary: str, sources: str) -> float:
    """Share of the summary's names and numbers that appear in the source documents (1 if it has none)."""
    wanted = names(summary) | numbers(summary)
    if not wanted:
        return 1.0
    # names are read with their initials' dots taken out ("U.S. Senate" as "US Senate"): so are the sources
    source_names, source_numbers, lowered = names(sources), numbers(sources), undot(sources).lower()
    found = sum(1 for item in wanted if item in source_numbers or item in source_names or item.lower() in lowered)
    return found / len(wanted)


def loaded_term_count(summary: str) -> int:
    return len(loaded_terms(summary))


def words(text: str) -> int:
    return len(text.split())
