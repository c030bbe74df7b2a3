"""Service configuration, from the environment (NEWSBRIEF_*), with sane defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from models import ModelSettings, default_cache_dir
from newsbrief.environment import cache_dir, model_settings, number_setting
from summarizer.reading.limits import Limits

_LIMITS = Limits()


@dataclass(frozen=True)
class Settings:
    database: Path = default_cache_dir() / "service.sqlite"  # jobs and cached briefs
    max_documents: int = _LIMITS.max_documents  # the CLI's limits (summarizer/reading/limits.py) by default
    max_document_chars: int = _LIMITS.max_document_chars
    max_request_chars: int = _LIMITS.max_request_chars
    max_body_bytes: int = 4_000_000
    workers: int = 1  # briefs computed at once (2 cores: one brief already uses both)
    queue_size: int = 8  # briefs waiting beyond those; past this the service answers 429
    retry_after_seconds: int = 5
    allow_private_urls: bool = False  # private, loopback and link-local addresses
    allow_loopback_urls: bool = False  # loopback only (tests serve pages locally)
    fetch_timeout: float = 10.0
    fetch_max_bytes: int = 2_000_000
    url_cache_seconds: int = 300  # a brief of fetched pages is reused this long: pages change
    models: ModelSettings = field(default_factory=ModelSettings)  # NEWSBRIEF_GENERATOR, _THREADS, _CACHE

    def limits(self) -> Limits:
        return Limits(self.max_documents, self.max_document_chars, self.max_request_chars)

    @classmethod
    def from_env(cls, environ=os.environ, **overrides) -> "Settings":
        values = {"database": cache_dir(environ) / "service.sqlite", "models": model_settings(environ)}
        for item in fields(cls):
            raw = environ.get(f"NEWSBRIEF_{item.name.upper()}")
            if raw is None or item.name == "models":
                continue
            kind = type(item.default)
            if kind is bool:
                values[item.name] = raw.strip().lower() in ("1", "true", "yes", "on")
            elif isinstance(item.default, Path):
                values[item.name] = Path(raw).expanduser()
            else:  # a count, size or time: a number, never below zero
                values[item.name] = number_setting(f"NEWSBRIEF_{item.name.upper()}", raw, kind)
        return cls(**(values | overrides))
