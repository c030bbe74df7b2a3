"""Text generators: chat messages in, text out; and the probabilities of a one-word answer.

Backends sit behind the `Generator` protocol and are chosen by name (configuration:
`NEWSBRIEF_GENERATOR`, or the `name` argument). Each is loaded once per process.

  qwen-1.5b          Qwen2.5-Coder-1.5B-Instruct Q4_K_M run by llama-cpp-python (default)
  qwen-1.5b-transformers  the same GGUF loaded by transformers (fallback where llama-cpp cannot be built;
                     about 5x slower)
"""
from __future__ import annotations

import os
import threading
from functools import cache
from typing import Protocol

import numpy as np

from models.weights import QWEN_1_5B, ChunkedWeights, assemble

Message = dict  # {"role": "system" | "user" | "assistant", "content": str}
SEED = 0


class Generator(Protocol):
    name: str

    def complete(self, messages: list[Message], max_tokens: int = 96, stop: list[str] | None = None) -> str:
        """Greedy (temperature 0) continuation of the conversation."""
        ...

    def answer_probabilities(self, messages: list[Message], answers: list[str]) -> dict[str, float]:
        """Probability of each one-word answer as the reply's first token, renormalised over `answers`."""
        ...


def chatml(messages: list[Message]) -> str:
    """The ChatML prompt that Qwen2.5 and SmolLM2 were tuned on, ending where the assistant speaks."""
    turns = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
    return turns + "<|im_start|>assistant\n"


def _answer_variants(answer: str) -> list[str]:
    return sorted({answer, answer.capitalize(), " " + answer, " " + answer.capitalize()})


class LlamaCppGenerator:
    def __init__(self, weights: ChunkedWeights, name: str, threads: int | None = None, context: int = 4096):
        from llama_cpp import Llama

        self.name = name
        self._llm = Llama(model_path=str(assemble(weights)), n_ctx=context, seed=SEED, verbose=False,
                          n_threads=threads or int(os.environ.get("NEWSBRIEF_THREADS", "2")))
        # No LlamaRAMCache: saving and restoring the context state around every call cost more
        # (25.4 s) than re-reading the instructions saved (22.2 s) on a new five-article brief.
        self._lock = threading.Lock()  # one llama.cpp context: calls from several threads take turns

    def complete(self, messages: list[Message], max_tokens: int = 96, stop: list[str] | None = None) -> str:
        with self._lock:
            out = self._llm.create_completion(chatml(messages), max_tokens=max_tokens, temperature=0.0, seed=SEED,
                                              stop=["<|im_end|>", *(stop or [])])
        return out["choices"][0]["text"].strip()

    def answer_probabilities(self, messages: list[Message], answers: list[str]) -> dict[str, float]:
        from llama_cpp import LogitsProcessorList

        captured: list[np.ndarray] = []

        def capture(_ids, logits):  # the logits of the reply's first token
            captured.append(np.array(logits, dtype=np.float64, copy=True))
            return logits

        with self._lock:
            self._llm.create_completion(chatml(messages), max_tokens=1, temperature=0.0, seed=SEED,
                                        logits_processor=LogitsProcessorList([capture]))
            token_sets = {a: self._first_tokens(a) for a in answers}
        return _renormalise(captured[0], token_sets)

    def _first_tokens(self, answer: str) -> set[int]:
        return {self._llm.tokenize(v.encode(), add_bos=False, special=False)[0] for v in _answer_variants(answer)}


class TransformersGenerator:
    """The same GGUF through transformers (dequantised to float32: slower, more memory, no compiler needed)."""

    def __init__(self, weights: ChunkedWeights, name: str, threads: int | None = None):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        path = assemble(weights)
        torch.set_num_threads(threads or int(os.environ.get("NEWSBRIEF_THREADS", "2")))
        self.name = name
        self._torch = torch
        self._tokenizer = AutoTokenizer.from_pretrained(str(path.parent), gguf_file=path.name)
        self._model = AutoModelForCausalLM.from_pretrained(str(path.parent), gguf_file=path.name,
                                                           dtype=torch.float32)
        self._model.eval()

    def _encode(self, messages: list[Message]):
        return self._tokenizer(chatml(messages), return_tensors="pt", add_special_tokens=False)

    def complete(self, messages: list[Message], max_tokens: int = 96, stop: list[str] | None = None) -> str:
        inputs = self._encode(messages)
        with self._torch.no_grad():
            out = self._model.generate(**inputs, max_new_tokens=max_tokens, do_sample=False)
        text = self._tokenizer.decode(out[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
        for marker in stop or []:
            text = text.split(marker)[0]
        return text.strip()

    def answer_probabilities(self, messages: list[Message], answers: list[str]) -> dict[str, float]:
        inputs = self._encode(messages)
        with self._torch.no_grad():
            logits = self._model(**inputs).logits[0, -1].double().numpy()
        token_sets = {a: {self._tokenizer.encode(v, add_special_tokens=False)[0] for v in _answer_variants(a)}
                      for a in answers}
        return _renormalise(logits, token_sets)


def _renormalise(logits: np.ndarray, token_sets: dict[str, set[int]]) -> dict[str, float]:
    probabilities = np.exp(logits - logits.max())
    probabilities /= probabilities.sum()
    mass = {answer: float(sum(probabilities[t] for t in tokens)) for answer, tokens in token_sets.items()}
    total = sum(mass.values()) or 1.0
    return {answer: value / total for answer, value in mass.items()}


GENERATORS = {
    "qwen-1.5b": lambda: LlamaCppGenerator(QWEN_1_5B, "qwen2.5-coder-1.5b-instruct-q4_k_m (llama.cpp)"),
    "qwen-1.5b-transformers": lambda: TransformersGenerator(QWEN_1_5B, "qwen2.5-coder-1.5b-instruct-q4_k_m (transformers)"),
}
DEFAULT_GENERATOR = "qwen-1.5b"


@cache
def load_generator(name: str | None = None) -> Generator:
    """The named generator (default: $NEWSBRIEF_GENERATOR or qwen-1.5b), loaded once per process."""
    name = name or os.environ.get("NEWSBRIEF_GENERATOR") or DEFAULT_GENERATOR
    try:
        factory = GENERATORS[name]
    except KeyError:
        raise ValueError(f"unknown generator {name!r}; known: {', '.join(GENERATORS)}") from None
    return factory()
