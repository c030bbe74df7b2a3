"""Text generators: chat messages in, text out; and the probabilities of a one-word answer.

Backends sit behind the `Generator` protocol and are chosen by name (`ModelSettings.generator`);
a new backend is one class with the protocol's three methods, built from a GGUF path, a label and
a thread count, and one line in `GENERATORS`.

  qwen-1.5b          Qwen2.5-Coder-1.5B-Instruct Q4_K_M on llama.cpp, xllamacpp's prebuilt wheel (default)
  qwen-1.5b-llama-cpp-python   the same on llama-cpp-python compiled here (`make fast-llm`): pays off
                     only with AVX-512 kernels; with AVX2 it is slower than the prebuilt wheel
                     (bench/results/abstractive-*.json)
  qwen-1.5b-transformers  the same GGUF loaded by transformers (no llama.cpp at all; about 5x slower)
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from models import registered
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
        """Probability of each answer, read off the reply's first token, renormalised over `answers`
        (whose first tokens must differ)."""
        ...


class ChatFormat(Protocol):
    def __call__(self, messages: list[Message], reply: bool = True) -> str:
        """The conversation as the prompt text the model was tuned on, ending where the assistant
        speaks (or, with `reply=False`, after the last turn: the instruction block, for prefix reuse)."""
        ...


def chatml(messages: list[Message], reply: bool = True) -> str:
    """The ChatML prompt that Qwen2.5 and SmolLM2 were tuned on, ending where the assistant speaks
    (or, with `reply=False`, after the last turn)."""
    turns = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
    return turns + "<|im_start|>assistant\n" if reply else turns


def _answer_variants(answer: str) -> list[str]:
    return sorted({answer, answer.capitalize(), " " + answer, " " + answer.capitalize()})


class _LlamaBackend:
    """A llama.cpp backend, given several conversations at once: `complete` is a batch of one."""

    context = 4096  # tokens of context, shared by the conversations in memory at once

    def __init__(self, path: Path, name: str, threads: int, chat: ChatFormat, context: int | None = None):
        self.name = name
        self._chat = chat
        self._engine = self._open(path, threads, context or self.context)

    def _open(self, path: Path, threads: int, context: int):
        raise NotImplementedError

    def complete(self, messages: list[Message], max_tokens: int = 96, stop: list[str] | None = None) -> str:
        return self.complete_many([messages], max_tokens, stop)[0]

    def complete_many(self, conversations: list[list[Message]], max_tokens: int = 96,
                      stop: list[str] | None = None) -> list[str]:
        if not conversations:
            return []
        return [text.strip() for text in self._write(conversations, max_tokens, stop or [])]

    def _write(self, conversations: list[list[Message]], max_tokens: int, stop: list[str]) -> list[str]:
        raise NotImplementedError


class LlamaCppGenerator(_LlamaBackend):
    """llama.cpp through models/llama_parallel.py: prompts given together are written side by side,
    and instruction blocks (every turn but the last) are read once per process."""

    def _open(self, path: Path, threads: int, context: int):
        from models.llama_parallel import ParallelLlama

        return ParallelLlama(path, threads, context=context)

    def _write(self, conversations: list[list[Message]], max_tokens: int, stop: list[str]) -> list[str]:
        return self._engine.generate([self._prompt(m) for m in conversations], max_tokens, stop)

    def answer_probabilities(self, messages: list[Message], answers: list[str]) -> dict[str, float]:
        [logits] = self._engine.first_token_logits([self._prompt(messages)])
        token_sets = _first_tokens(lambda text: self._engine.tokenize(text, special=False), answers)
        return _renormalise(logits.astype(np.float64), token_sets)

    def _prompt(self, messages: list[Message]) -> tuple[list[int], int]:
        """The prompt's tokens, and how many of them are the instruction block (all turns but the last)."""
        tokens = self._engine.tokenize(self._chat(messages))
        head = self._engine.tokenize(self._chat(messages[:-1], reply=False)) if len(messages) > 1 else []
        return tokens, len(head) if tokens[: len(head)] == head else 0


class XLlamaCppGenerator(_LlamaBackend):
    """llama.cpp's server loop through the prebuilt xllamacpp wheel (models/llama_server.py)."""

    context = 8192

    def _open(self, path: Path, threads: int, context: int):
        from models.llama_server import LlamaServer

        # instruction blocks read once are kept beside the weights, for the next process (llama_server.py)
        return LlamaServer(path, threads, context=context, states=path.parent / "llama-states")

    def _hold_blocks(self, conversations: list[list[Message]]) -> None:
        for messages in conversations:
            if len(messages) > 1:
                self._engine.hold(self._chat(messages[:-1], reply=False))

    def _write(self, conversations: list[list[Message]], max_tokens: int, stop: list[str]) -> list[str]:
        self._hold_blocks(conversations)
        # One after another, not side by side. Each slot keeps only its own last prompt, so prompts written
        # side by side read their instruction block once in every slot that lacks it, and the judge's
        # prompts (and a rewording prompt, since dropped) kept taking slots from the fusion block: the
        # seeds' abstractive brief took 40 s warm that way. One after another, the slot that holds the
        # block reads only the rest of each prompt: 16.6 s warm then (bench/abstractive.py).
        return self._engine.generate([self._chat(m) for m in conversations], max_tokens, stop)

    def answer_probabilities(self, messages: list[Message], answers: list[str]) -> dict[str, float]:
        self._hold_blocks([messages])
        # the server reports the likeliest first tokens by text: an answer's spellings are among them
        # whenever they carry any real mass, and the rest of the vocabulary cancels in the renormalising
        return first_token_shares(self._engine.first_token_logprobs(self._chat(messages)), answers)


class TransformersGenerator:
    """The same GGUF through transformers (dequantised to float32: slower, more memory, no compiler needed)."""

    def __init__(self, path: Path, name: str, threads: int, chat: ChatFormat):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        torch.set_num_threads(threads)
        self.name = name
        self._chat = chat
        self._torch = torch
        self._tokenizer = AutoTokenizer.from_pretrained(str(path.parent), gguf_file=path.name)
        self._model = AutoModelForCausalLM.from_pretrained(str(path.parent), gguf_file=path.name,
                                                           dtype=torch.float32)
        self._model.eval()

    def _encode(self, messages: list[Message]):
        return self._tokenizer(self._chat(messages), return_tensors="pt", add_special_tokens=False)

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
        token_sets = _first_tokens(lambda text: self._tokenizer.encode(text, add_special_tokens=False), answers)
        return _renormalise(logits, token_sets)


def first_token_shares(logprobs: dict[str, float], answers: list[str]) -> dict[str, float]:
    """Each answer's share of the first-token mass, from the likeliest first tokens by text.

    A token counts for an answer when it begins one of the answer's spellings ("yes", " Yes"; " sup"
    for "supported"), so an answer may be several tokens long. A token that begins more than one
    answer ("un" for "unsure" and "unsupported") tells them apart no better than silence, and counts
    for none.
    """
    mass = dict.fromkeys(answers, 0.0)
    for token, logprob in logprobs.items():
        begins = [a for a in answers if token and any(v.startswith(token) for v in _answer_variants(a))]
        if len(begins) == 1:
            mass[begins[0]] += float(np.exp(logprob))
    return _shares(mass)


def _first_tokens(tokenize, answers: list[str]) -> dict[str, set[int]]:
    """Each answer's possible first tokens; answers must differ in them, or the first token cannot tell."""
    tokens = {a: {tokenize(v)[0] for v in _answer_variants(a)} for a in answers}
    for i, a in enumerate(answers):
        for b in answers[i + 1:]:
            if tokens[a] & tokens[b]:
                raise ValueError(f"answers {a!r} and {b!r} begin with the same token: the first token cannot "
                                 "tell them apart")
    return tokens


def _renormalise(logits: np.ndarray, token_sets: dict[str, set[int]]) -> dict[str, float]:
    probabilities = np.exp(logits - logits.max())
    probabilities /= probabilities.sum()
    return _shares({answer: float(sum(probabilities[t] for t in tokens)) for answer, tokens in token_sets.items()})


def _shares(mass: dict[str, float]) -> dict[str, float]:
    """Each answer's probability mass as a share of all the answers' mass."""
    total = sum(mass.values()) or 1.0
    return {answer: value / total for answer, value in mass.items()}


@dataclass(frozen=True)
class Backend:
    engine: type  # a class built as engine(gguf_path, label, threads, chat)
    weights: ChunkedWeights
    label: str
    # The chat format the weights were tuned on. Ours, not the GGUF's own template: the engines need
    # the instruction block on its own (`reply=False`) to read it once and reuse it.
    chat: ChatFormat = chatml


QWEN = "qwen2.5-coder-1.5b-instruct-q4_k_m"
GENERATORS = {
    "qwen-1.5b": Backend(XLlamaCppGenerator, QWEN_1_5B, f"{QWEN} (xllamacpp)"),
    "qwen-1.5b-llama-cpp-python": Backend(LlamaCppGenerator, QWEN_1_5B, f"{QWEN} (llama-cpp-python)"),
    "qwen-1.5b-transformers": Backend(TransformersGenerator, QWEN_1_5B, f"{QWEN} (transformers)"),
}
DEFAULT_GENERATOR = "qwen-1.5b"


def load_generator(name: str = DEFAULT_GENERATOR, threads: int = 2, cache_dir: Path | None = None) -> Generator:
    """The named generator, its weights joined into `cache_dir` the first time (see models/weights.py)."""
    backend = registered(GENERATORS, name, "generator")
    return backend.engine(assemble(backend.weights, cache_dir), backend.label, threads, backend.chat)
