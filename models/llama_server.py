"""llama.cpp's own server loop, in process, through the prebuilt `xllamacpp` wheel (no compiler).

The server keeps `parallel` slots, so the service's concurrent briefs are written side by side, and
each slot keeps its last prompt in memory: a prompt that starts with an instruction block the slot
already read is only read from where it differs (`cache_prompt`).

An instruction block (the fusion or judge prompt with its worked examples, ~400-600 tokens) takes
5-8 s to read on 2 cores, in every new process: most of a one-shot CLI brief's time. So a block,
once read, is saved to disk as the slot's memory state (`states`, beside the model file), and the
next process restores it in milliseconds. A state belongs to one model file, one llama.cpp build and
one block's text; its file name is a hash of the three, so any change just reads the block anew.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
import urllib.request
from pathlib import Path


class ServerError(RuntimeError):
    pass


class LlamaServer:
    def __init__(self, path: Path, threads: int, context: int = 8192, parallel: int = 8, states: Path | None = None):
        import xllamacpp

        params = xllamacpp.CommonParams()
        params.model.path = str(path)
        params.n_ctx, params.n_parallel, params.kv_unified = context, parallel, True
        params.n_batch = params.n_ubatch = 512
        params.cpuparams.n_threads = params.cpuparams_batch.n_threads = threads
        params.warmup = False
        params.verbosity = -1  # llama.cpp's log: nothing (errors come back in the replies)
        self._states = _writable(states)
        if self._states:
            params.slot_save_path = str(self._states) + os.sep
        self.parallel = parallel
        self._server = xllamacpp.Server(params)
        # a state is only good for the weights and the build that wrote it
        self._build = f"{path.name}:{path.stat().st_size}:{xllamacpp.__version__}:{context}"
        self._held: dict[str, str] = {}  # instruction block -> how it came into memory (each in a slot of its own)
        self._holding = threading.Lock()  # the service's threads: one reads a block, the others then find it held
        # the slots' save and restore are only offered over the server's local HTTP port
        self._http = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def _choices(self, request: dict) -> list[dict]:
        reply = self._server.handle_completions({"temperature": 0.0, "cache_prompt": True, **request})
        if not isinstance(reply, dict) or "choices" not in reply:
            message = reply.get("error", reply) if isinstance(reply, dict) else reply
            raise ServerError(f"llama.cpp server: {message}")
        return sorted(reply["choices"], key=lambda choice: choice["index"])

    def generate(self, prompts: list[str], max_tokens: int, stop: list[str]) -> list[str]:
        """Greedy continuation of each prompt, up to `max_tokens`, an end-of-turn token or a stop string,
        one after another (models/generator.py says why)."""
        return [self._choices({"prompt": prompt, "n_predict": max_tokens, "stop": stop})[0]["text"]
                for prompt in prompts]

    def first_token_logprobs(self, prompt: str, top: int = 20) -> dict[str, float]:
        """Log-probability of each of the `top` likeliest first tokens after `prompt`, by token text."""
        [choice] = self._choices({"prompt": prompt, "n_predict": 1, "n_probs": top})
        [first] = choice["logprobs"]["content"]
        return {entry["token"]: entry["logprob"] for entry in first["top_logprobs"]}

    def hold(self, block: str) -> str:
        """Have a slot hold the instruction block `block`, so that prompts starting with it read only the
        rest: "held" (this process has it), "restored" (from the state a previous process saved) or "read"
        (and saved for the next process, where states are kept)."""
        with self._holding:
            if block in self._held:
                return "held"
            self._held[block] = self._bring_in(block, slot=len(self._held) % self.parallel)
            return self._held[block]

    def _bring_in(self, block: str, slot: int) -> str:
        """Restore `block` into `slot` from its saved state, or read it there (and save its state)."""
        name = hashlib.sha256(f"{self._build}\n{block}".encode()).hexdigest()[:24] + ".bin"
        how = "read"
        if self._states and (self._states / name).exists():
            if "n_restored" in self._slot_action(slot, "restore", name):
                how = "restored"
            else:  # written by another build, or cut short: read the block anew, and save it again
                (self._states / name).unlink(missing_ok=True)
        if how == "read":
            self._choices({"prompt": block, "n_predict": 0, "id_slot": slot})
            if self._states:
                partial = f"{name}.{os.getpid()}.part"  # renamed once whole: a reader never finds half a file
                if "n_saved" in self._slot_action(slot, "save", partial):
                    os.replace(self._states / partial, self._states / name)
        return how

    def _slot_action(self, slot: int, action: str, filename: str) -> dict:
        request = urllib.request.Request(f"{self._server.listening_address}/slots/{slot}?action={action}",
                                         data=json.dumps({"filename": filename}).encode(),
                                         headers={"Content-Type": "application/json"})
        try:
            with self._http.open(request, timeout=60) as reply:
                return json.loads(reply.read())
        except (OSError, ValueError) as error:  # a state that cannot be kept or read costs only time
            return {"error": str(error)}


def _writable(folder: Path | None) -> Path | None:
    """The folder, made if need be, or None where it cannot be written (a read-only image)."""
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".probe.{os.getpid()}"
        probe.touch()
        probe.unlink()
        return folder
    except OSError:
        return None
