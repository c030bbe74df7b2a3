"""The one place the environment is read (and written): the command and the service build their
configuration here, and pass it down; nothing in `summarizer/` or `models/` looks at os.environ.

  NEWSBRIEF_EMBEDDER    embedder backend (default minilm; see models/embedder.py)
  NEWSBRIEF_GENERATOR   generator backend (default qwen-1.5b; see models/generator.py)
  NEWSBRIEF_THREADS     threads for the models (default 2)
  NEWSBRIEF_CACHE       folder of joined model weights, their saved instruction blocks (llama-states/,
                        models/llama_server.py) and the service's database
                        (default $XDG_CACHE_HOME/newsbrief or ~/.cache/newsbrief)
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from models import ModelSettings


def go_offline(environ=os.environ) -> None:
    """Before any model library is imported: never reach a model hub, and keep tokenizers quiet in
    forked workers."""
    environ.setdefault("HF_HUB_OFFLINE", "1")
    environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    base = environ.get("NEWSBRIEF_CACHE") or os.path.join(
        environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "newsbrief")
    return Path(base).expanduser()


class SettingError(ValueError):
    """A NEWSBRIEF_* variable that cannot be used; the message names it and says what it must be."""


def number_setting(name: str, raw: str, kind: type = int, minimum: float = 0):
    """The variable `name`'s value `raw` as a number of `kind` (int or float), at least `minimum`."""
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or value < minimum:
        whole = "whole " if kind is int else ""
        raise SettingError(f"{name}: must be a {whole}number of {minimum:g} or more, not {raw!r}")
    return value


def model_settings(environ: Mapping[str, str] = os.environ) -> ModelSettings:
    """The models' settings; a bad NEWSBRIEF_EMBEDDER, _GENERATOR or _THREADS is a SettingError here, at
    the edge, before any work (not a traceback when the model is first loaded)."""
    from models.embedder import EMBEDDERS
    from models.generator import GENERATORS

    defaults = ModelSettings()
    backends = {}
    for kind, registry in (("embedder", EMBEDDERS), ("generator", GENERATORS)):
        variable = f"NEWSBRIEF_{kind.upper()}"
        backends[kind] = environ.get(variable) or getattr(defaults, kind)
        if backends[kind] not in registry:
            raise SettingError(f"{variable}: unknown {kind} {backends[kind]!r}; known: {', '.join(registry)}")
    threads = environ.get("NEWSBRIEF_THREADS")
    return ModelSettings(**backends,
                         threads=number_setting("NEWSBRIEF_THREADS", threads, minimum=1) if threads else defaults.threads,
                         cache_dir=cache_dir(environ))
