"""Text generators: chat messages in, text out; and the probabilities of a one-word answer.

Backends sit behind the `Generator` protocol and are chosen by name (configuration:
`NEWSBRIEF_GENERATOR`, or the `name` argument). Each is loaded once per process.

  qwen-1.5b          Qwen2.5-Coder-1.5B-Instruct Q4_K_M on llama.cpp, xllamacpp's prebuilt wheel (default)
  qwen-1.5b-llama-cpp-python   the same on llama-cpp-python compiled here (`make fast-llm`): pays off
                     only with AVX-512 kernels; with AVX2 it is slower than the prebuilt wheel
                     (bench/results/abstractive-*.json)
  qwen-1.5b-transformers  the same GGUF loaded by transformers (no llama.cpp at all; about 5x slower)
"""
from __future__ import annotations

import os
from functools import cache
from typing import Protocol

import numpy as np

from models.weights import QWEN_1_5B, ChunkedWeights, assemble

Message = dict  # {"role": "system" | "user" | "assistant", "content": str}


class Generator(Protocol):
    name: str

    def complete(self, messages: list[Message], max_tokens: int = 96, stop: list[str] | None = None) -> str:
        """Greedy (temperature 0, so no seed) continuation of the conversation."""
        ...

    def complete_many(self, conversations: list[list[Message]], max_tokens: int = 96,
                      stop: list[str] | None = None) -> list[str]:
        """`complete` for each conversation; a backend may write them side by side."""
        ...

    def answer_probabilities(self, messages: list[Message], answers: list[str]) -> dict[str, float]:
        """Probability of each one-word answer as the reply's first token, renormalised over `answers`."""
        ...


def chatml(messages: list[Message], reply: bool = True) -> str:
    """The ChatML prompt that Qwen2.5 and SmolLM2 were tuned on, ending where the assistant speaks
    (or, with `reply=False`, after the last turn)."""
    turns = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
    return turns + "<|im_start|>assistant\n" if reply else turns


def _threads(threads: int | None) -> int:
    return threads or int(os.environ.get("NEWSBRIEF_THREADS", "2"))


def _answer_variants(answer: str) -> list[str]:
    return sorted({answer, answer.capitalize(), " " + answer, " " + answer.capitalize()})


class LlamaCppGenerator:
    """llama.cpp through models/llama_parallel.py: prompts given together are written side by side,
    and instruction blocks (every turn but the last) are read once per process."""

    def __init__(self, weights: ChunkedWeights, name: str, threads: int | None = None, context: int = 4096):
        from models.llama_parallel import ParallelLlama

        self.name = name
        self._llama = ParallelLlama(assemble(weights), _threads(threads),
                                    context=context)

    def complete(self, messages: list[Message], max_tokens: int = 96, stop: list[str] | None = None) -> str:
        return self.complete_many([messages], max_tokens, stop)[0]

    def complete_many(self, conversations: list[list[Message]], max_tokens: int = 96,
                      stop: list[str] | None = None) -> list[str]:
        texts = self._llama.generate([self._prompt(m) for m in conversations], max_tokens, stop or [])
        return [t.strip() for t in texts]

    def answer_probabilities(self, messages: list[Message], answers: list[str]) -> dict[str, float]:
        [logits] = self._llama.first_token_logits([self._prompt(messages)])
        token_sets = {a: {self._llama.tokenize(v, special=False)[0] for v in _answer_variants(a)} for a in answers}
        return _renormalise(logits.astype(np.float64), token_sets)

    def _prompt(self, messages: list[Message]) -> tuple[list[int], int]:
        """The prompt's tokens, and how many of them are the instruction block (all turns but the last)."""
        tokens = self._llama.tokenize(chatml(messages))
        head = self._llama.tokenize(chatml(messages[:-1], reply=False)) if len(messages) > 1 else []
        return tokens, len(head) if tokens[: len(head)] == head else 0


class XLlamaCppGenerator:
    """llama.cpp's server loop through the prebuilt xllamacpp wheel (models/llama_server.py)."""

    def __init__(self, weights: ChunkedWeights, name: str, threads: int | None = None, context: int = 8192):
        from models.llama_server import LlamaServer

        self.name = name
        self._server = LlamaServer(assemble(weights), _threads(threads), context=context)

    def complete(self, messages: list[Message], max_tokens: int = 96, stop: list[str] | None = None) -> str:
        return self.complete_many([messages], max_tokens, stop)[0]

    def complete_many(self, conversations: list[list[Message]], max_tokens: int = 96,
                      stop: list[str] | None = None) -> list[str]:
        if not conversations:
            return []
        texts = self._server.generate([chatml(m) for m in conversations], max_tokens, stop or [])
        return [t.strip() for t in texts]

    def answer_probabilities(self, messages: list[Message], answers: list[str]) -> dict[str, float]:
        # the server reports the likeliest first tokens by text: an answer's spellings are among them
        # whenever they carry any real mass, and the rest of the vocabulary cancels in the renormalising
        logprobs = self._server.first_token_logprobs(chatml(messages))
        mass = {a: sum(np.exp(logprobs.get(v, -np.inf)) for v in _answer_variants(a)) for a in answers}
        total = sum(mass.values()) or 1.0
        return {answer: float(value / total) for answer, value in mass.items()}


class TransformersGenerator:
    """The same GGUF through transformers (dequantised to float32: slower, more memory, no compiler needed)."""

    def __init__(self, weights: ChunkedWeights, name: str, threads: int | None = None):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        path = assemble(weights)
        torch.set_num_threads(_threads(threads))
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

    def complete_many(self, conversations: list[list[Message]], max_tokens: int = 96,
                      stop: list[str] | None = None) -> list[str]:
        return [self.complete(messages, max_tokens, stop) for messages in conversations]

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
    "qwen-1.5b": lambda: XLlamaCppGenerator(QWEN_1_5B, "qwen2.5-coder-1.5b-instruct-q4_k_m (xllamacpp)"),
    "qwen-1.5b-llama-cpp-python": lambda: LlamaCppGenerator(
        QWEN_1_5B, "qwen2.5-coder-1.5b-instruct-q4_k_m (llama-cpp-python)"),
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
