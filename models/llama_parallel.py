"""Several prompts through one llama.cpp context at once, greedy, with instruction blocks kept in memory.

Why not llama-cpp-python's `Llama`: it runs one sequence at a time. Writing one token costs a full
read of the model's weights (~70 ms here, bound by memory bandwidth), whether it is done for one
sequence or for eight; so the six fusion drafts of a brief are written side by side, one token of
each per step, in about the time of the longest one.

And the instructions with their worked examples (~500 tokens, ~5 s to read) are read once per
process: each distinct block is held in a sequence of its own, and a prompt that starts with it
gets a copy (in llama.cpp's unified memory a copy shares the cells; it costs nothing).

Memory layout: sequences 0..parallel-1 are working space for the prompts of one call; sequences
parallel..parallel+held-1 hold instruction blocks, least recently used evicted first.
"""
from __future__ import annotations

import ctypes
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

BATCH = 512  # tokens per llama_decode call


class ContextFull(RuntimeError):
    pass


class ParallelLlama:
    def __init__(self, path: Path, threads: int, context: int = 4096, parallel: int = 8, held: int = 4):
        import llama_cpp
        from llama_cpp import _internals
        from llama_cpp._logger import set_verbose
        from llama_cpp._utils import suppress_stdout_stderr

        set_verbose(False)  # llama.cpp's own log: errors only
        self._c = llama_cpp
        with suppress_stdout_stderr(disable=False):
            llama_cpp.llama_backend_init()
            self._model = _internals.LlamaModel(path_model=str(path), params=llama_cpp.llama_model_default_params(),
                                                verbose=False)
            params = llama_cpp.llama_context_default_params()
            params.n_ctx, params.n_batch, params.n_ubatch = context, BATCH, BATCH
            params.n_seq_max, params.kv_unified = parallel + held, True
            params.n_threads = params.n_threads_batch = threads
            self._context = _internals.LlamaContext(model=self._model, params=params, verbose=False)
        self._batch = _internals.LlamaBatch(n_tokens=BATCH, embd=0, n_seq_max=1, verbose=False)
        self.parallel, self._held_slots = parallel, held
        self._held: OrderedDict[tuple[int, ...], int] = OrderedDict()
        self._vocab = self._model.n_vocab()
        self._lock = threading.Lock()  # one context: calls from several threads take turns

    # -- text <-> tokens -------------------------------------------------------------------------

    def tokenize(self, text: str, special: bool = True) -> list[int]:
        return self._model.tokenize(text.encode(), add_bos=False, special=special)

    def is_end(self, token: int) -> bool:
        return bool(self._c.llama_vocab_is_eog(self._model.vocab, token))

    def piece(self, token: int) -> bytes:
        return self._model.detokenize([token])

    # -- runs -------------------------------------------------------------------------------------

    def first_token_logits(self, prompts: list[tuple[list[int], int]]) -> list[np.ndarray]:
        """Logits of the first token after each prompt. A prompt is (tokens, head): its first `head`
        tokens are an instruction block worth holding in memory for later prompts."""
        def first(group):
            logits = self._feed(self._place(group))
            return [logits[seq] for seq in range(len(group))]
        return self._in_groups(prompts, first)

    def generate(self, prompts: list[tuple[list[int], int]], max_tokens: int, stop: list[str]) -> list[str]:
        """Greedy continuation of each prompt, up to `max_tokens`, an end-of-turn token or a stop string."""
        return self._in_groups(prompts, lambda group: self._generate(group, max_tokens, stop))

    def _in_groups(self, prompts, run) -> list:
        """`run` over the prompts, `parallel` at a time in the working sequences, cleared after each group."""
        results: list = []
        with self._lock:
            for start in range(0, len(prompts), self.parallel):
                group = prompts[start:start + self.parallel]
                try:
                    results += run(group)
                finally:
                    self._clear(len(group))
        return results

    def _generate(self, group, max_tokens: int, stop: list[str]) -> list[str]:
        logits = self._feed(self._place(group))
        written = [b""] * len(group)
        position = {seq: len(tokens) for seq, (tokens, _) in enumerate(group)}
        active = set(range(len(group)))
        for _ in range(max_tokens):
            step = []
            for seq in sorted(active):
                token = int(np.argmax(logits[seq]))
                if self.is_end(token):
                    continue
                written[seq] += self.piece(token)
                if any(s.encode() in written[seq] for s in stop):
                    continue
                step.append((seq, [token], position[seq]))
                position[seq] += 1
            active = {seq for seq, _, _ in step}
            if not active:
                break
            logits = self._feed(step)
        texts = [w.decode("utf-8", errors="ignore") for w in written]
        for s in stop:
            texts = [t.split(s)[0] for t in texts]
        return texts

    # -- memory -----------------------------------------------------------------------------------

    def _place(self, group) -> list[tuple[int, list[int], int]]:
        """Working sequence i gets prompt i: a copy of its held instruction block, and the rest to read."""
        feed = []
        for seq, (tokens, head) in enumerate(group):
            head = min(head, len(tokens) - 1)  # at least one token must be read to get logits
            if head > 0:
                held = self._hold(tuple(tokens[:head]))
                self._c.llama_memory_seq_cp(self._context.memory, held, seq, 0, head)
            feed.append((seq, tokens[head:], head))
        return feed

    def _hold(self, block: tuple[int, ...]) -> int:
        if block in self._held:
            self._held.move_to_end(block)
            return self._held[block]
        if len(self._held) == self._held_slots:
            _, seq = self._held.popitem(last=False)
        else:
            seq = self.parallel + len(self._held)
        self._c.llama_memory_seq_rm(self._context.memory, seq, -1, -1)  # empty, even after a failed read
        self._feed([(seq, list(block), 0)])
        self._held[block] = seq
        return seq

    def _clear(self, working: int) -> None:
        for seq in range(working):
            self._c.llama_memory_seq_rm(self._context.memory, seq, -1, -1)

    def _feed(self, items: list[tuple[int, list[int], int]]) -> dict[int, np.ndarray]:
        """Read each (sequence, tokens, first position) into memory, BATCH tokens per decode call;
        the logits after each sequence's last token, by sequence."""
        flat = [(seq, token, first + i, i == len(tokens) - 1)
                for seq, tokens, first in items for i, token in enumerate(tokens)]
        logits: dict[int, np.ndarray] = {}
        batch = self._batch.batch
        for start in range(0, len(flat), BATCH):
            chunk = flat[start:start + BATCH]
            for k, (seq, token, position, last) in enumerate(chunk):
                batch.token[k], batch.pos[k], batch.n_seq_id[k] = token, position, 1
                batch.seq_id[k][0], batch.logits[k] = seq, last
            batch.n_tokens = len(chunk)
            status = self._c.llama_decode(self._context.ctx, batch)
            if status == 1:
                raise ContextFull("the prompts do not fit in the model's context")
            if status != 0:
                raise RuntimeError(f"llama_decode failed with status {status}")
            for k, (seq, _, _, last) in enumerate(chunk):
                if last:
                    row = self._c.llama_get_logits_ith(self._context.ctx, k)
                    logits[seq] = np.ctypeslib.as_array(ctypes.cast(row, ctypes.POINTER(ctypes.c_float)),
                                                        shape=(self._vocab,)).copy()
        return logits
