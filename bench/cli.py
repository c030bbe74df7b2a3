"""Benchmark: the CLI's one-shot abstractive brief of the five shared seed articles, from process
start to the printed brief, as a user runs it: first on a machine whose cache holds the joined
weights but no saved instruction blocks, then again (each block restored from the state the first
run saved: models/llama_server.py). A folder of its own stands in for the cache, with the joined
weights linked in, so the user's cache is left as it was. Prints the figures and writes them to
bench/results/cli.json.

    .venv/bin/python bench/cli.py [--runs 2] [FILES...]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from results_file import SEEDS, write  # noqa: E402

TARGET_SECONDS = 25


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=SEEDS)
    parser.add_argument("--runs", type=int, default=2, help="runs after the first (default 2)")
    args = parser.parse_args()

    from models.weights import QWEN_1_5B, assemble
    from newsbrief.environment import model_settings

    weights = assemble(QWEN_1_5B, model_settings().cache_dir)
    with tempfile.TemporaryDirectory() as cache:
        for path in (weights, weights.with_suffix(weights.suffix + ".sha256")):
            os.symlink(path, Path(cache) / path.name)
        environ = os.environ | {"NEWSBRIEF_CACHE": cache, "HF_HUB_OFFLINE": "1"}
        command = [str(Path(sys.executable).parent / "newsbrief"), "summarize", *map(str, args.inputs),
                   "--mode", "abstractive", "--format", "json", "-q"]
        runs = []
        for _ in range(1 + args.runs):
            started = time.perf_counter()
            done = subprocess.run(command, env=environ, capture_output=True, text=True, check=True)
            runs.append({"seconds": round(time.perf_counter() - started, 2),
                         "stage_seconds": json.loads(done.stdout).get("stats", {}).get("stages")})
        states = sorted(p.stat().st_size for p in (Path(cache) / "llama-states").glob("*.bin"))
        shutil.rmtree(Path(cache) / "llama-states", ignore_errors=True)
    later = [run["seconds"] for run in runs[1:]]
    write("cli", {
        "inputs": [p.name for p in args.inputs],
        "command": "newsbrief summarize SEEDS --mode abstractive",
        "first_run_seconds": runs[0]["seconds"],
        "later_runs_seconds": later,
        "runs": runs,
        "saved_instruction_blocks": len(states),
        "saved_mib": round(sum(states) / 2**20, 1),
        "children_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "targets": {"later_runs_seconds": TARGET_SECONDS},
    })


if __name__ == "__main__":
    main()
