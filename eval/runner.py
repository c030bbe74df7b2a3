"""Running systems over a dataset and scoring them, one cluster at a time.

Clusters are independent, so they run in a local process pool by default, or on a Ray cluster
(`engine="ray"`) when one machine is not enough. Both call the same `score_cluster`, so the
scores are identical whichever engine runs them (only the timings differ).
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from dataclasses import asdict, dataclass, replace

from eval import metrics
from eval.dataset import Example
from eval.systems import run
from models import ModelSettings, Models

TIMING_KEYS = ("seconds", "stages")  # vary run to run; everything else must be reproducible


@dataclass(frozen=True)
class Scoring:
    """How summaries are scored: against which references, and F1 or recall at a fixed length."""

    references: str = "all"  # "all" (best F1 over the references) or "first" (references[0] only)
    recall_at_words: int | None = None  # cut to N words and average recall over the references
    truncate: bool = False  # cut every summary to the budget before scoring


_MODELS: dict[ModelSettings, Models] = {}  # one bundle per process (and settings), built on first use


def models_for(settings: ModelSettings) -> Models:
    if settings not in _MODELS:
        _MODELS[settings] = Models(settings)
    return _MODELS[settings]


def score_cluster(system: str, example: Example, max_words: int, dataset_path: str, scoring: Scoring,
                  model_settings: ModelSettings) -> dict:
    """One system on one cluster: its summary, the summary's sentences and citations, and every metric."""
    from summarizer.reading.segment import split_sentences

    models = models_for(model_settings)
    output = run(system, example, max_words, models, dataset_path)
    text = metrics.truncate(output.text, max_words) if scoring.truncate else output.text
    embedder = models.embedder
    summary_sentences = [s.text for s in split_sentences(text)] or [text]
    vectors = embedder.embed(summary_sentences)
    reference = example.references[0]
    reference_vectors = embedder.embed([s.text for s in split_sentences(reference)] or [reference])
    # a document's title is its text too: a name an outlet's headline gives is found in the sources
    sources = "\n".join(filter(None, (part for d in example.documents for part in (d.get("title"), d["text"]))))
    rouge = metrics.rouge_against(text, example.references, scoring.references, scoring.recall_at_words)
    return {
        "id": example.id,
        "index": example.index,
        "system": system,
        **{k: round(v, 4) for k, v in rouge.items()},
        "semantic": round(metrics.semantic_similarity(vectors, reference_vectors), 4),
        "repeated_trigrams": round(metrics.repeated_ngrams(text), 4),
        "max_pair_similarity": round(metrics.max_pair_similarity(vectors), 4),
        "words": metrics.words(text),
        "budget": max_words,
        "fillable_words": output.fillable_words,
        "names_numbers_in_sources": round(metrics.found_in_sources(text, sources), 4),
        "loaded_terms": metrics.loaded_term_count(text),
        "seconds": round(output.seconds, 4),
        "stages": output.stages,
        "output": {"text": text, "sentences": [asdict(s) for s in output.sentences],
                   "document_sentences": output.document_sentences},
    }


def _init_worker() -> None:
    import torch

    torch.set_num_threads(1)  # one process per core: threads inside each would only contend


def _task(arguments: tuple) -> dict:
    return score_cluster(*arguments)


def evaluate(examples: list[Example], systems: list[str], max_words: int, dataset_path: str,
             model_settings: ModelSettings, workers: int = 1, engine: str = "local", address: str | None = None,
             scoring: Scoring = Scoring(), progress=None) -> list[dict]:
    if workers > 1:  # one process per core: threads inside each would only contend
        model_settings = replace(model_settings, threads=max(1, model_settings.threads // workers))
    tasks = [(system, example, example.word_limit or max_words, dataset_path, scoring, model_settings)
             for system in systems for example in examples]
    if engine == "ray":
        return _evaluate_ray(tasks, workers, address, progress)
    if workers <= 1:
        results = []
        for task in tasks:
            results.append(_task(task))
            progress and progress()
        return results
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=_init_worker) as pool:
        results = []
        for result in pool.map(_task, tasks, chunksize=4):
            results.append(result)
            progress and progress()
        return results


def _evaluate_ray(tasks: list[tuple], workers: int, address: str | None, progress) -> list[dict]:
    import ray

    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=address, num_cpus=None if address else max(workers, 1), include_dashboard=False,
                 log_to_driver=False, runtime_env={"env_vars": {"HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1"}})
    try:
        remote = ray.remote(_ray_task)
        pending = [remote.remote(task) for task in tasks]
        results = []
        for ref in pending:  # in submission order, so results line up with the local engine's
            results.append(ray.get(ref))
            progress and progress()
        return results
    finally:
        if started_here:
            ray.shutdown()


def _ray_task(task: tuple) -> dict:
    _init_worker()
    return score_cluster(*task)


def without_timings(results: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in TIMING_KEYS} for r in results]

