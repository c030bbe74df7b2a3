"""`newsbrief eval ...`: translates the command line into runs of eval.runner, reports and comparisons.

  newsbrief eval --dataset SET.jsonl [...]     one run, report in --out
  newsbrief eval compare RUN_A RUN_B           two runs' outputs side by side, with paired intervals
  newsbrief eval nightly                       the suite of eval/nightly.json, with its history
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from eval import history, report
from eval.compare import CompareError, compare
from eval.dataset import DatasetError, load, mean_reference_words
from eval.metrics import REFERENCE_MODES
from eval.runner import Scoring, evaluate
from eval.systems import SYSTEMS, USES_GENERATOR, is_ours, published_systems
from models import ModelSettings
from summarizer.lang import language

NIGHTLY_CONFIG = Path(__file__).parent / "nightly.json"
DEFAULT_SYSTEMS = ("newsbrief-extractive", "lead", "lexrank")


@dataclass(frozen=True)
class RunSettings:
    """Everything one evaluation run needs, built once from the command line or a suite entry."""

    dataset: Path
    out: Path
    systems: tuple[str, ...] = DEFAULT_SYSTEMS
    anchors: bool = True
    limit: int | None = None
    max_words: int | None = None
    scoring: Scoring = field(default_factory=Scoring)
    audit: int = 50
    workers: int = 2
    engine: str = "local"
    address: str | None = None
    quiet: bool = False
    models: ModelSettings = field(default_factory=ModelSettings)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", choices=["nightly", "compare"],
                        help="nightly: run the configured suite; compare RUN_A RUN_B: two report folders")
    parser.add_argument("runs", nargs="*", metavar="RUN", help="for compare: two report folders (A, then B)")
    parser.add_argument("--dataset", help="JSONL file, one cluster a line")
    parser.add_argument("--system", action="append", metavar="NAME",
                        help=f"{', '.join(SYSTEMS)} or published:NAME (repeatable; default: "
                             f"{', '.join(DEFAULT_SYSTEMS)}). The published outputs found beside the dataset are "
                             "always added as anchor rows, rescored with the same scorer, unless --no-anchors. "
                             "For compare: only these systems.")
    parser.add_argument("--no-anchors", action="store_true", help="leave out the published outputs")
    parser.add_argument("--limit", type=int, help="only the first N clusters")
    parser.add_argument("--max-words", type=int, help="length budget (default: the references' mean length)")
    parser.add_argument("--truncate", action="store_true", help="cut every summary to the budget before scoring")
    parser.add_argument("--references", choices=REFERENCE_MODES, default="all",
                        help="all (default): ROUGE F1 is the best over a cluster's references; first: against "
                             "the first reference only, as the published NeuS rows were scored")
    parser.add_argument("--recall-at-words", type=int, metavar="N",
                        help="cut each summary to N words and report ROUGE recall averaged over the references "
                             "(DUC/TAC style) instead of F1")
    parser.add_argument("--audit", type=int, default=50, metavar="N",
                        help="citation audit: N sampled sentences per system of ours, checked with the LLM "
                             "judge (default 50; 0 skips it)")
    parser.add_argument("--out", default="eval-out", help="report folder (default eval-out)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", choices=["local", "ray"], default="local")
    parser.add_argument("--address", help="Ray cluster address (default: start a local Ray instance)")
    parser.add_argument("--config", type=Path, default=NIGHTLY_CONFIG, help="nightly suite (JSON)")
    parser.add_argument("-q", "--quiet", action="store_true")


EXTRAS = ("rouge_score", "sumy", "matplotlib", "tqdm")  # the `eval` extra of pyproject.toml


def run(args: argparse.Namespace, model_settings: ModelSettings) -> int:
    missing = [module for module in EXTRAS if importlib.util.find_spec(module) is None]
    if missing and args.action != "compare":
        return _usage(f"scoring needs the evaluation extras ({', '.join(missing)} not installed): "
                      "make install-dev, or pip install -e '.[eval]'")
    try:
        if args.action == "nightly":
            return nightly(args.config, Path(args.out), model_settings, args.workers, args.quiet)
        if args.action == "compare":
            if len(args.runs) != 2:
                return _usage("eval compare needs two report folders: RUN_A RUN_B")
            print(compare(Path(args.runs[0]), Path(args.runs[1]), args.system))
            return 0
        if args.runs:
            return _usage(f"unexpected argument {args.runs[0]!r}")
        if not args.dataset:
            return _usage("eval needs --dataset PATH (or the word nightly, or compare RUN_A RUN_B)")
        unknown = _unknown_systems(args.system or [])
        if unknown:
            return _usage(f"unknown system {unknown[0]!r}; known: {', '.join(SYSTEMS)}, published:NAME")
        one_run(RunSettings(
            dataset=Path(args.dataset), out=Path(args.out), systems=tuple(args.system or DEFAULT_SYSTEMS),
            anchors=not args.no_anchors, limit=args.limit, max_words=args.max_words,
            scoring=Scoring(references=args.references, recall_at_words=args.recall_at_words, truncate=args.truncate),
            audit=args.audit, workers=args.workers, engine=args.engine, address=args.address, quiet=args.quiet,
            models=model_settings))
        return 0
    except (DatasetError, CompareError, ConfigError) as error:
        print(f"newsbrief: error: {error}", file=sys.stderr)
        return 2


def _usage(message: str) -> int:
    print(f"newsbrief: error: {message}", file=sys.stderr)
    return 2


@dataclass(frozen=True)
class Tracking:
    """Where a nightly entry's figures are kept, and what counts as a regression."""

    connection: object  # sqlite3.Connection
    run: str
    key: str  # the suite entry's name
    thresholds: dict


def one_run(settings: RunSettings, tracking: Tracking | None = None) -> dict:
    """Evaluate the systems on the dataset, audit our citations, write the report, and return it.
    With a history connection, the figures are recorded and compared with the previous run first."""
    examples = load(settings.dataset, settings.limit)
    budget = settings.max_words or mean_reference_words(examples)
    systems = list(settings.systems)
    if settings.anchors:
        systems += [name for name in published_systems(settings.dataset) if name not in systems]
    bar = None
    if not settings.quiet:
        from tqdm import tqdm

        bar = tqdm(total=len(examples) * len(systems), desc=settings.dataset.name, unit="summary", file=sys.stderr)
    started = time.perf_counter()
    # The LLM runs in this process with every thread: one model in memory, shared with the audit
    # (two processes of one thread each would load it twice and be no faster on 2 cores).
    workers = 1 if USES_GENERATOR & set(systems) else settings.workers
    results = evaluate(examples, systems, budget, str(settings.dataset), settings.models, workers=workers,
                       engine=settings.engine, address=settings.address, scoring=settings.scoring,
                       progress=bar.update if bar else None)
    if bar:
        bar.close()
    audited = None
    if settings.audit > 0 and any(is_ours(s) for s in systems):
        audited = _audit(results, settings)
    wall = time.perf_counter() - started
    problems, trend = [], None
    if tracking is not None:
        table = report.aggregate(results)
        connection, run, key = tracking.connection, tracking.run, tracking.key
        problems = history.regressions(table, history.previous(connection, run, key), tracking.thresholds,
                                       results, history.previous_clusters(connection, run, key))
        history.record(connection, run, key, table, results)
        trend = history.trend_plot(connection, key)
    written = report.write(settings.out, str(settings.dataset), budget, results, examples, wall,
                           _describe(settings.scoring), audited, trend, problems)
    if not settings.quiet:
        _print_summary(settings, written, len(examples))
    return written


def _audit(results: list[dict], settings: RunSettings) -> dict | None:
    from eval.audit import audit
    from eval.runner import models_for

    if not settings.quiet:
        print(f"newsbrief: citation audit of {settings.audit} sentences per system of ours…", file=sys.stderr)
    models = models_for(settings.models)
    return audit(results, models.embedder, models.judge(language("en").prompts.judge), settings.audit)


def _describe(scoring: Scoring) -> dict:
    return {"references": scoring.references, "recall_at_words": scoring.recall_at_words,
            "truncate": scoring.truncate, "text": report.describe_scoring(vars(scoring))}


def _print_summary(settings: RunSettings, written: dict, clusters: int) -> None:
    print(f"{settings.dataset.name}: budget {written['length_budget_words']} words, {clusters} clusters, "
          f"{written['wall_seconds']} s; report in {settings.out}/report.html", file=sys.stderr)
    for system, figures in sorted(written["systems"].items(), key=lambda kv: -kv[1]["rouge1"]):
        print(f"  {system:38} R-1 {figures['rouge1']:6.2f}  R-2 {figures['rouge2']:6.2f}  "
              f"R-L {figures['rougeL']:6.2f}  words {figures['words']:6.1f}"
              + (f"  budget used {figures['budget_used_where_fillable']:.0%} where the sources could fill "
                 f"{report.FILLABLE:.0%} ({figures['fillable_clusters']} clusters)"
                 if "budget_used_where_fillable" in figures else ""), file=sys.stderr)
    for name, audited in ((written.get("citation_audit") or {}).get("systems") or {}).items():
        print(f"  citations of {name}: precision {audited['precision']:.3f} "
              f"[{audited['precision_low']:.3f}, {audited['precision_high']:.3f}] ({audited['whole_precision']:.3f} "
              f"of the {audited['whole_citations']} given in full), recall {audited['recall']:.3f} "
              f"[{audited['recall_low']:.3f}, {audited['recall_high']:.3f}], "
              f"{audited['documents_per_sentence']:.2f} documents per sentence", file=sys.stderr)
    for problem in written.get("regressions") or []:
        print(f"  regression: {problem}", file=sys.stderr)


def _unknown_systems(names: list) -> list:
    """The names that are neither one of SYSTEMS nor a published row ("published:NAME")."""
    return [name for name in names if name not in SYSTEMS and not str(name).startswith("published:")]


class ConfigError(ValueError):
    pass


def read_config(path: Path) -> dict:
    """The nightly suite's JSON, or a ConfigError that names the file and what is wrong with it."""
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a directory, not a file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text (the suite is a JSON file)") from None
    except json.JSONDecodeError as error:
        raise ConfigError(f"{path}:{error.lineno}: not valid JSON ({error.msg}, column {error.colno})") from None
    if not isinstance(config, dict) or not isinstance(config.get("history"), str) \
            or not isinstance(config.get("thresholds"), dict) or not isinstance(config.get("suite"), list):
        raise ConfigError(f'{path}: needs "history" (a path), "thresholds" (an object) and "suite" (a list)')
    for number, entry in enumerate(config["suite"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("dataset"), str) \
                or not isinstance(entry.get("systems"), list) or not entry["systems"]:
            raise ConfigError(f'{path}: suite[{number}] needs "dataset" (a path) and "systems" (a non-empty list)')
        unknown = _unknown_systems(entry["systems"])
        if unknown:
            raise ConfigError(f"{path}: suite[{number}]: unknown system {unknown[0]!r}; known: {', '.join(SYSTEMS)}, "
                              "published:NAME")
    return config


def nightly(config_path: Path, out_root: Path, model_settings: ModelSettings, workers: int = 2,
            quiet: bool = False) -> int:
    """Each suite entry is one run under `out_root/NAME`; exit 1 when any entry regressed."""
    config = read_config(config_path)
    base = config_path.parent
    database = Path(config["history"]).expanduser()
    if not database.is_absolute():
        database = (base / database).resolve()
    connection, run = history.connect(database), history.run_id()
    problems = []
    started = time.perf_counter()
    for entry in config["suite"]:
        dataset = (base / entry["dataset"]).resolve()
        name = entry.get("name") or dataset.stem
        settings = RunSettings(dataset=dataset, out=out_root / name, systems=tuple(entry["systems"]),
                               anchors=entry.get("anchors", True), limit=entry.get("limit"),
                               audit=entry.get("audit", 0), workers=workers, quiet=quiet, models=model_settings)
        written = one_run(settings, Tracking(connection, run, name, entry.get("thresholds", config["thresholds"])))
        problems += [f"{name}: {p}" for p in written["regressions"]]
    for problem in problems:
        print(f"newsbrief: regression: {problem}", file=sys.stderr)
    if not quiet:
        print(f"newsbrief: nightly suite took {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 1 if problems else 0
