"""Durable storage for jobs and cached briefs (SQLite). An accepted job is written before the
client hears 202, so a crash or restart can resume it or report why it failed."""
from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY, key TEXT NOT NULL, request TEXT NOT NULL, status TEXT NOT NULL,
  progress TEXT, error TEXT, created REAL NOT NULL, updated REAL NOT NULL);
CREATE TABLE IF NOT EXISTS briefs (key TEXT PRIMARY KEY, brief TEXT NOT NULL, created REAL NOT NULL);
"""
STATES = ("queued", "running", "done", "failed")


class Store:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # an acknowledged job survives a power cut
        self._db.executescript(SCHEMA)

    def cached(self, key: str, max_age: float | None = None) -> dict | None:
        """The brief stored under `key`, if any (and, with `max_age`, if stored at most that many seconds ago)."""
        oldest = time.time() - max_age if max_age is not None else 0.0
        with self._lock:
            row = self._db.execute("SELECT brief FROM briefs WHERE key = ? AND created >= ?", (key, oldest)).fetchone()
        return json.loads(row[0]) if row else None

    def cache(self, key: str, brief: dict) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO briefs VALUES (?, ?, ?)", (key, json.dumps(brief), time.time()))

    def add_job(self, key: str, request: dict) -> str:
        job_id = uuid.uuid4().hex
        now = time.time()
        with self._lock:
            self._db.execute("INSERT INTO jobs VALUES (?, ?, ?, 'queued', NULL, NULL, ?, ?)",
                             (job_id, key, json.dumps(request), now, now))
        return job_id

    def update(self, job_id: str, status: str, progress: str | None = None, error: str | None = None) -> None:
        with self._lock:
            self._db.execute("UPDATE jobs SET status = ?, progress = COALESCE(?, progress), error = ?, updated = ? "
                             "WHERE id = ?", (status, progress, error, time.time(), job_id))

    def job(self, job_id: str) -> dict | None:
        with self._lock:
            row = self._db.execute("SELECT id, key, status, progress, error, created, updated FROM jobs WHERE id = ?",
                                   (job_id,)).fetchone()
        if not row:
            return None
        return dict(zip(("id", "key", "status", "progress", "error", "created", "updated"), row))

    def unfinished(self) -> list[tuple[str, str, dict]]:
        """Jobs a previous process accepted but did not finish: (id, key, request)."""
        with self._lock:
            rows = self._db.execute("SELECT id, key, request FROM jobs WHERE status IN ('queued', 'running') "
                                    "ORDER BY created").fetchall()
        return [(job_id, key, json.loads(request)) for job_id, key, request in rows]

    def counts(self) -> dict[str, int]:
        with self._lock:
            rows = self._db.execute("SELECT status, COUNT(*) FROM jobs GROUP BY status").fetchall()
        return {state: 0 for state in STATES} | dict(rows)
