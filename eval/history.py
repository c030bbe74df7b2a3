"""Results history in SQLite: one row per (run, dataset, system, metric); comparison with the previous run."""
from __future__ import annotations

import io
import sqlite3
import time
from pathlib import Path

SCHEMA = """CREATE TABLE IF NOT EXISTS results (
  run TEXT NOT NULL, dataset TEXT NOT NULL, system TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL,
  PRIMARY KEY (run, dataset, system, metric))"""


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.execute(SCHEMA)
    return connection


def record(connection: sqlite3.Connection, run: str, dataset: str, table: dict) -> None:
    with connection:
        connection.executemany(
            "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?)",
            [(run, dataset, system, metric, float(value)) for system, figures in table.items()
             for metric, value in figures.items() if isinstance(value, (int, float))])


def previous(connection: sqlite3.Connection, run: str, dataset: str) -> dict[tuple[str, str], float]:
    row = connection.execute("SELECT MAX(run) FROM results WHERE dataset = ? AND run < ?", (dataset, run)).fetchone()
    if not row or row[0] is None:
        return {}
    return {(s, m): v for s, m, v in connection.execute(
        "SELECT system, metric, value FROM results WHERE run = ? AND dataset = ?", (row[0], dataset))}


def regressions(current: dict, before: dict[tuple[str, str], float], thresholds: dict[str, float]) -> list[str]:
    """Metrics that dropped by more than their threshold since the previous run."""
    found = []
    for system, figures in current.items():
        for metric, limit in thresholds.items():
            old = before.get((system, metric))
            if old is not None and metric in figures and old - figures[metric] > limit:
                found.append(f"{system} {metric}: {old:.2f} -> {figures[metric]:.2f} (allowed drop {limit})")
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

    fig, ax = plt.subplots(figsize=(9, 3))
    for system in sorted({s for _, s, _ in rows}):
        points = [(r, v) for r, s, v in rows if s == system]
        ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=system)
    ax.set_ylabel(metric); ax.tick_params(axis="x", rotation=30, labelsize=7); ax.legend(fontsize=7)
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", dpi=90)
    plt.close(fig)
    return buffer.getvalue()
