"""`newsbrief eval ...`: translates the command line into a run of eval.runner and a report."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eval import history, report
from eval.dataset import DatasetError, load, mean_reference_words
from eval.runner import evaluate
from eval.systems import SYSTEMS, published_systems

NIGHTLY_CONFIG = Path(__file__).parent / "nightly.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", choices=["nightly"], help="run the configured nightly suite")
    parser.add_argument("--dataset", help="JSONL file, one cluster a line")
    parser.add_argument("--system", action="append", metavar="NAME",
                        help=f"{', '.join(SYSTEMS)} or published:NAME (repeatable; default: newsbrief-extractive, "
                             "lead, lexrank). The published outputs found beside the dataset are always added as "
                             "anchor rows, rescored with the same scorer, unless --no-anchors.")
    parser.add_argument("--no-anchors", action="store_true", help="leave out the published outputs")
    parser.add_argument("--limit", type=int, help="only the first N clusters")
    parser.add_argument("--max-words", type=int, help="length budget (default: the references' mean length)")
    parser.add_argument("--truncate", action="store_true", help="cut every summary to the budget before scoring")
    parser.add_argument("--out", default="eval-out", help="report folder (default eval-out)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", choices=["local", "ray"], default="local")
    parser.add_argument("--address", help="Ray cluster address (default: start a local Ray instance)")
    parser.add_argument("--config", type=Path, default=NIGHTLY_CONFIG, help="nightly suite (JSON)")
    parser.add_argument("-q", "--quiet", action="store_true")


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "nightly":
            return nightly(args)
        if not args.dataset:
            print("newsbrief: error: eval needs --dataset PATH (or the word nightly)", file=sys.stderr)
            return 2
        one_run(Path(args.dataset), args.system, args, Path(args.out))
        return 0
    except DatasetError as error:
        print(f"newsbrief: error: {error}", file=sys.stderr)
        return 2


def one_run(dataset: Path, systems: list[str] | None, args, out: Path) -> dict:
    """Evaluate the systems on the dataset, write the report to `out`, and return it."""
    examples = load(dataset, args.limit)
    budget = args.max_words or mean_reference_words(examples)
    systems = list(systems or ["newsbrief-extractive", "lead", "lexrank"])
    if not args.no_anchors:
        systems += [name for name in published_systems(dataset) if name not in systems]
    total = len(examples) * len(systems)
    bar = None
    if not args.quiet:
        from tqdm import tqdm

        bar = tqdm(total=total, desc=f"{dataset.name}", unit="summary", file=sys.stderr)
    started = time.perf_counter()
    results = evaluate(examples, systems, budget, str(dataset), workers=args.workers, engine=args.engine,
                       address=args.address, truncate=args.truncate, progress=bar.update if bar else None)
    if bar:
        bar.close()
    written = report.write(out, str(dataset), budget, results, time.perf_counter() - started)
    if not args.quiet:
        print(f"{dataset.name}: budget {budget} words, {len(examples)} clusters, "
              f"{written['wall_seconds']} s; report in {out}/report.html", file=sys.stderr)
        for system, figures in sorted(written["systems"].items(), key=lambda kv: -kv[1]["rouge1"]):
            print(f"  {system:38} R-1 {figures['rouge1']:6.2f}  R-2 {figures['rouge2']:6.2f}  "
                  f"R-L {figures['rougeL']:6.2f}  words {figures['words']:6.1f}", file=sys.stderr)
    return written


def nightly(args: argparse.Namespace) -> int:
    config = json.loads(args.config.read_text())
    base = args.config.parent
    database = Path(config["history"]).expanduser()
    if not database.is_absolute():
        database = (base / database).resolve()
    connection = history.connect(database)
    run = history.run_id()
    out_root = Path(args.out)
    problems = []
    for entry in config["suite"]:
        dataset = (base / entry["dataset"]).resolve()
        args.limit = entry.get("limit")
        written = one_run(dataset, entry.get("systems"), args, out_root / dataset.stem)
        before = history.previous(connection, run, str(dataset))
        history.record(connection, run, str(dataset), written["systems"])
        problems += [f"{dataset.name}: {p}" for p in history.regressions(written["systems"], before, config["thresholds"])]
        # the report again, now with the trend of every night so far
        report.write(out_root / dataset.stem, str(dataset), written["length_budget_words"], written["clusters"],
                     written["wall_seconds"], history.trend_plot(connection, str(dataset)))
    for problem in problems:
        print(f"newsbrief: regression: {problem}", file=sys.stderr)
    return 1 if problems else 0
