"""llama.cpp's own server loop, in process, through the prebuilt `xllamacpp` wheel (no compiler).

The server keeps `parallel` slots, so the service's concurrent briefs are written side by side, and
each slot keeps its last prompt in memory: a prompt that starts with an instruction block the slot
already read is only read from where it differs (`cache_prompt`).
"""
from __future__ import annotations

from pathlib import Path


class ServerError(RuntimeError):
    pass


class LlamaServer:
    def __init__(self, path: Path, threads: int, context: int = 8192, parallel: int = 8):
        import xllamacpp

        params = xllamacpp.CommonParams()
        params.model.path = str(path)
        params.n_ctx, params.n_parallel, params.kv_unified = context, parallel, True
        params.n_batch = params.n_ubatch = 512
        params.cpuparams.n_threads = params.cpuparams_batch.n_threads = threads
        params.warmup = False
        params.verbosity = -1  # llama.cpp's log: nothing (errors come back in the replies)
        self.parallel = parallel
        self._server = xllamacpp.Server(params)

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
