"""Reports: aggregate figures per system, as JSON and as an HTML page viewable offline
(plots embedded as PNG data)."""
from __future__ import annotations

import base64
import io
import json
from html import escape
from pathlib import Path
from statistics import mean

METRICS = ("rouge1", "rouge2", "rougeL", "semantic", "words", "repeated_trigrams", "max_pair_similarity",
           "names_numbers_in_sources", "loaded_terms", "seconds")
CITATION_NOTE = ("Citation precision and recall are not in this report: they need the LLM support check of "
                 "the trust issue run over every cited sentence, which a full-dataset run cannot afford yet.")


def aggregate(results: list[dict]) -> dict[str, dict[str, float]]:
    systems: dict[str, list[dict]] = {}
    for row in results:
        systems.setdefault(row["system"], []).append(row)
    table = {}
    for system, rows in systems.items():
        table[system] = {m: round(mean(r[m] for r in rows), 2 if m != "seconds" else 4) for m in METRICS}
        table[system]["clusters"] = len(rows)
        stages: dict[str, list[float]] = {}
        for r in rows:
            for stage, seconds in (r.get("stages") or {}).items():
                stages.setdefault(stage, []).append(seconds)
        if stages:
            table[system]["stage_seconds"] = {k: round(mean(v), 4) for k, v in stages.items()}
    return table


def write(out: Path, dataset: str, budget: int, results: list[dict], wall_seconds: float,
          history_plot: bytes | None = None) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    table = aggregate(results)
    report = {"dataset": dataset, "length_budget_words": budget, "wall_seconds": round(wall_seconds, 1),
              "systems": table, "notes": [CITATION_NOTE], "clusters": results}
    (out / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    (out / "report.html").write_text(_html(report, results, history_plot), encoding="utf-8")
    return report


def _html(report: dict, results: list[dict], history_plot: bytes | None) -> str:
    table = report["systems"]
    order = sorted(table, key=lambda s: -table[s]["rouge1"])
    head = "".join(f"<th>{escape(m)}</th>" for m in METRICS)
    rows = "".join(
        f"<tr class='{'ours' if s.startswith('newsbrief') else ''}'><td>{escape(s)}</td>"
        + "".join(f"<td>{table[s][m]}</td>" for m in METRICS) + f"<td>{table[s]['clusters']}</td></tr>"
        for s in order)
    plots = "".join(f"<h2>{escape(title)}</h2><img alt='{escape(title)}' src='data:image/png;base64,"
                    f"{base64.b64encode(png).decode()}'>" for title, png in _plots(results, order))
    if history_plot:
        plots += f"<h2>Trend</h2><img alt='trend' src='data:image/png;base64,{base64.b64encode(history_plot).decode()}'>"
    return f"""<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>newsbrief eval: {escape(report['dataset'])}</title>
<style>body{{font:14px sans-serif;margin:2rem}} table{{border-collapse:collapse}} td,th{{border:1px solid #ccc;padding:3px 6px;text-align:right}}
td:first-child{{text-align:left}} tr.ours{{background:#eef6ff;font-weight:bold}} img{{max-width:900px}}</style></head><body>
<h1>newsbrief evaluation</h1>
<p>Dataset <code>{escape(report['dataset'])}</code>; length budget {report['length_budget_words']} words for the systems run
here (published outputs are scored as published); ROUGE F1 x 100 with stemming against the first reference;
wall time {report['wall_seconds']} s.</p>
<table><tr><th>system</th>{head}<th>clusters</th></tr>{rows}</table>
<p>{escape(CITATION_NOTE)}</p>{plots}</body></html>
"""


def _plots(results: list[dict], order: list[str]) -> list[tuple[str, bytes]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    by_system = {s: [r for r in results if r["system"] == s] for s in order}
    figures = []
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.boxplot([[r["rouge1"] for r in by_system[s]] for s in order], tick_labels=order)
    ax.set_ylabel("ROUGE-1 F1"); ax.tick_params(axis="x", rotation=45)
    figures.append(("ROUGE-1 per cluster", _png(fig)))
    fig, ax = plt.subplots(figsize=(9, 4))
    for s in order:
        ax.scatter([r["words"] for r in by_system[s]], [r["rouge1"] for r in by_system[s]], s=6, label=s)
    ax.set_xlabel("words"); ax.set_ylabel("ROUGE-1 F1"); ax.legend(fontsize=7)
    figures.append(("ROUGE-1 against length", _png(fig)))
    timed = [s for s in order if not s.startswith("published:")]
    fig, ax = plt.subplots(figsize=(9, 3))
    ax.bar(timed, [mean(r["seconds"] for r in by_system[s]) for s in timed])
    ax.set_ylabel("seconds per cluster"); ax.tick_params(axis="x", rotation=45)
    figures.append(("Latency", _png(fig)))
    return figures


def _png(fig) -> bytes:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", dpi=90)
    plt.close(fig)
    return buffer.getvalue()
