"""Results history in SQLite: every figure of every run, per system and per cluster, and the rule
that flags a regression against the previous run of the same suite entry."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from eval.stats import paired_bootstrap

SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
  run TEXT NOT NULL, dataset TEXT NOT NULL, system TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL,
  PRIMARY KEY (run, dataset, system, metric));
CREATE TABLE IF NOT EXISTS cluster_results (
  run TEXT NOT NULL, dataset TEXT NOT NULL, system TEXT NOT NULL, cluster TEXT NOT NULL, metric TEXT NOT NULL,
  value REAL NOT NULL, PRIMARY KEY (run, dataset, system, cluster, metric));
"""
PAIRED = ("rouge1", "rouge2", "rougeL")  # metrics whose per-cluster drop is also tested by the bootstrap


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.executescript(SCHEMA)
    return connection


def record(connection: sqlite3.Connection, run: str, dataset: str, table: dict, results: list[dict]) -> None:
    with connection:
        connection.executemany(
            "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?)",
            [(run, dataset, system, metric, float(value)) for system, figures in table.items()
             for metric, value in figures.items() if isinstance(value, (int, float))])
        connection.executemany(
            "INSERT OR REPLACE INTO cluster_results VALUES (?, ?, ?, ?, ?, ?)",
            [(run, dataset, row["system"], row["id"], metric, float(row[metric])) for row in results
             for metric in PAIRED])


def previous_run(connection: sqlite3.Connection, run: str, dataset: str) -> str | None:
    row = connection.execute("SELECT MAX(run) FROM results WHERE dataset = ? AND run < ?", (dataset, run)).fetchone()
    return row[0] if row else None


def previous(connection: sqlite3.Connection, run: str, dataset: str) -> dict[tuple[str, str], float]:
    before = previous_run(connection, run, dataset)
    if before is None:
        return {}
    return {(s, m): v for s, m, v in connection.execute(
        "SELECT system, metric, value FROM results WHERE run = ? AND dataset = ?", (before, dataset))}


def previous_clusters(connection: sqlite3.Connection, run: str, dataset: str) -> dict[tuple[str, str, str], float]:
    before = previous_run(connection, run, dataset)
    if before is None:
        return {}
    return {(s, c, m): v for s, c, m, v in connection.execute(
        "SELECT system, cluster, metric, value FROM cluster_results WHERE run = ? AND dataset = ?", (before, dataset))}


def regressions(current: dict, before: dict[tuple[str, str], float], thresholds: dict[str, float],
                results: list[dict] | None = None, before_clusters: dict | None = None) -> list[str]:
    """Metrics that dropped since the previous run: by more than their threshold, or (ROUGE, per cluster)
    with a paired bootstrap interval of the difference that lies wholly below zero."""
    found = []
    for system, figures in current.items():
        for metric, limit in thresholds.items():
            old = before.get((system, metric))
            if old is not None and metric in figures and old - figures[metric] > limit:
                found.append(f"{system} {metric}: {old:.2f} -> {figures[metric]:.2f} (allowed drop {limit})")
    for system in current:
        rows = [r for r in results or [] if r["system"] == system]
        for metric in PAIRED:
            pairs = [(before_clusters[(system, r["id"], metric)], r[metric]) for r in rows
                     if (system, r["id"], metric) in (before_clusters or {})]
            if len(pairs) < 2:
                continue
            difference = paired_bootstrap([a for a, _ in pairs], [b for _, b in pairs])
            if difference.below_zero and not any(f.startswith(f"{system} {metric}:") for f in found):
                found.append(f"{system} {metric}: per-cluster change {difference} (95% interval below zero)")
    return found


def run_id() -> str:
    """Sortable and unique per run: the time to the microsecond."""
    now = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(now)) + f".{int(now % 1 * 1e6):06d}"


def trend_plot(connection: sqlite3.Connection, dataset: str, metric: str = "rouge1") -> bytes | None:
    rows = connection.execute("SELECT run, system, value FROM results WHERE dataset = ? AND metric = ? ORDER BY run",
                              (dataset, metric)).fetchall()
    if not rows:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from eval.report import png

    fig, ax = plt.subplots(figsize=(9, 3))
    for system in sorted({s for _, s, _ in rows}):
        points = [(r, v) for r, s, v in rows if s == system]
        ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=system)
    ax.set_ylabel(metric); ax.tick_params(axis="x", rotation=30, labelsize=7); ax.legend(fontsize=7)
    return png(fig)
