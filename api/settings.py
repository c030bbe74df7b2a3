"""Service configuration, from the environment (NEWSBRIEF_*), with sane defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from models.weights import cache_dir
from summarizer.limits import Limits

_LIMITS = Limits()


@dataclass(frozen=True)
class Settings:
    database: Path = cache_dir() / "service.sqlite"  # jobs and cached briefs
    max_documents: int = _LIMITS.max_documents  # the CLI's limits (summarizer/limits.py) by default
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

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        values = {}
        for field in fields(cls):
            raw = os.environ.get(f"NEWSBRIEF_{field.name.upper()}")
            if raw is None:
                continue
            kind = type(field.default)
            if kind is bool:
                values[field.name] = raw.strip().lower() in ("1", "true", "yes", "on")
            elif isinstance(field.default, Path):
                values[field.name] = Path(raw).expanduser()
            else:
                values[field.name] = kind(raw)
        return cls(**(values | overrides))
