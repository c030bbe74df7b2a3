"""`newsbrief eval compare RUN_A RUN_B`: two runs' outputs side by side.

For each system found in both runs: its mean figures in A and in B, the paired difference B - A
with a 95% bootstrap interval over the clusters both runs scored, and the clusters whose ROUGE-1
changed most, with both summaries, so a change can be read, not only counted.
"""
from __future__ import annotations

import json
from pathlib import Path
from statistics import mean

from eval.dataset import numbered_lines
from eval.report import ROUGE
from eval.stats import paired_bootstrap

CHANGED = 5  # clusters shown per system
SIDE_BY_SIDE = ("rouge1", "rouge2", "rougeL", "semantic", "words", "names_numbers_in_sources", "loaded_terms",
                "seconds")


class CompareError(ValueError):
    pass


def read_outputs(run: Path) -> dict[str, dict[str, dict]]:
    """system -> cluster id -> the outputs.jsonl line of a report folder (or of the file itself)."""
    path = run / "outputs.jsonl" if run.is_dir() else run
    if not path.is_file():
        raise CompareError(f"{run}: no outputs.jsonl (a folder written by `newsbrief eval --out`)")
    table: dict[str, dict[str, dict]] = {}
    for number, line in numbered_lines(path, CompareError, "not an outputs.jsonl file"):
        try:
            row = json.loads(line)
            table.setdefault(row["system"], {})[row["id"]] = row
        except (json.JSONDecodeError, KeyError, TypeError):
            raise CompareError(f"{path}:{number}: not an outputs.jsonl line") from None
    return table


def compare(run_a: Path, run_b: Path, systems: list[str] | None = None) -> str:
    a, b = read_outputs(run_a), read_outputs(run_b)
    shared = [s for s in a if s in b and (not systems or s in systems)]
    if not shared:
        raise CompareError(f"no system is in both {run_a} and {run_b}"
                           + (f" among {', '.join(systems)}" if systems else ""))
    lines = [f"A = {run_a}", f"B = {run_b}", ""]
    for system in shared:
        clusters = [c for c in a[system] if c in b[system]]
        if not clusters:
            lines += [f"{system}: no cluster in both runs", ""]
            continue
        lines.append(f"{system}  ({len(clusters)} clusters in both runs)")
        lines.append(f"  {'metric':26} {'A':>8} {'B':>8}  B - A [95% paired bootstrap]")
        for metric in SIDE_BY_SIDE:
            before = [a[system][c]["scores"].get(metric) for c in clusters]
            after = [b[system][c]["scores"].get(metric) for c in clusters]
            if any(v is None for v in before + after):
                continue
            interval = f"  {paired_bootstrap(before, after)}" if metric in ROUGE else ""
            lines.append(f"  {metric:26} {mean(before):8.2f} {mean(after):8.2f}{interval}")
        moved = sorted(clusters, key=lambda c: -abs(b[system][c]["scores"]["rouge1"] - a[system][c]["scores"]["rouge1"]))
        lines.append(f"  clusters that changed most (ROUGE-1):")
        for cluster in moved[:CHANGED]:
            before, after = a[system][cluster], b[system][cluster]
            change = after["scores"]["rouge1"] - before["scores"]["rouge1"]
            if change == 0:
                break
            lines.append(f"    {cluster}: {before['scores']['rouge1']:.1f} -> {after['scores']['rouge1']:.1f} "
                         f"({change:+.1f})")
            lines.append(f"      A: {_short(before['summary'])}")
            lines.append(f"      B: {_short(after['summary'])}")
        lines.append("")
    only = sorted((set(a) ^ set(b)) - set(systems or []))
    if only and not systems:
        lines.append(f"in one run only: {', '.join(only)}")
    return "\n".join(lines).rstrip() + "\n"


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
