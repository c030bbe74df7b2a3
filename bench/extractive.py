"""Benchmark: extractive brief of the five shared seed articles, cold and warm, beside sumy's LexRank.

Cold = a new process that imports, loads the embedder and summarizes once (what a CLI call costs).
Warm = the same brief again in a process whose model is loaded (what the service costs per request).
Prints the figures and writes them to bench/results/extractive.json.

    .venv/bin/python bench/extractive.py [--repeats 5] [FILES...]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from results_file import SEEDS, write  # noqa: E402


def cold_seconds(paths: list[Path]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsbrief", "summarize", "-q", "--mode", "extractive", "--format", "json",
                    *map(str, paths)], cwd=ROOT, check=True, capture_output=True,
                   env=dict(os.environ, HF_HUB_OFFLINE="1"))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=SEEDS)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    from eval.baselines import lexrank
    from models import Models
    from newsbrief.environment import model_settings
    from summarizer.lang.en import ENGLISH
    from summarizer.reading.clean import clean
    from summarizer.reading.ingest import read_path
    from summarizer.pipeline import Options, summarize

    cold = [cold_seconds(args.inputs) for _ in range(2)]
    documents = [d for path in args.inputs for d in read_path(path)]
    models = Models(model_settings())
    summarize(documents, Options(), models)  # warm-up
    warm, stages, again = [], [], []
    for _ in range(args.repeats):
        models.embedder.forget()  # as new articles: the embedder remembers the vectors of texts it has seen
        started = time.perf_counter()
        brief = summarize(documents, Options(), models)
        warm.append(time.perf_counter() - started)
        stages.append(brief.stats["stages"])
        started = time.perf_counter()
        summarize(documents, Options(), models)
        again.append(time.perf_counter() - started)
    cleaned = [clean(d, ENGLISH) for d in documents]
    titles, texts = [d.title or "" for d in cleaned], [d.text for d in cleaned]
    lex = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        lexrank(titles, texts, 120)
        lex.append(time.perf_counter() - started)

    figures = {
        "inputs": [p.name for p in args.inputs],
        "input_sentences": brief.stats["input_sentences"],
        "cold_seconds": [round(c, 3) for c in cold],
        "warm_seconds_median": round(statistics.median(warm), 3),
        "warm_seconds_all": [round(w, 3) for w in warm],
        "warm_stage_seconds_median": {k: round(statistics.median(s[k] for s in stages), 4) for k in stages[0]},
        "same_articles_again_seconds_median": round(statistics.median(again), 3),
        "lexrank_seconds_median": round(statistics.median(lex), 3),
    }
    write("extractive", figures)


if __name__ == "__main__":
    main()
