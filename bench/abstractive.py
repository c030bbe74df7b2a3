"""Benchmark: abstractive brief of the five shared seed articles (warm), beside the same model
given all the articles in one prompt (the one-shot reference point).
"Warm" means the models are loaded and the instruction prompts are in the model's prompt cache
(after a brief of the bundled example), but these articles' prompts have not been seen; the same
brief computed a second time, which finds its exact prompts cached, is reported apart.
Prints the figures and writes them to bench/results/abstractive-ENGINE.json.

    .venv/bin/python bench/abstractive.py [--engine xllamacpp|llama-cpp-python] [FILES...]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from results_file import SEEDS, write  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=SEEDS)
    parser.add_argument("--engine", choices=["llama-cpp-python", "xllamacpp"],
                        help="the llama.cpp engine (default: xllamacpp, as the CLI's)")
    args = parser.parse_args()

    from models import Models
    from models.generator import LlamaCppGenerator, XLlamaCppGenerator, chatml
    from models.weights import QWEN_1_5B, assemble
    from newsbrief.environment import model_settings
    from summarizer.lang.en import ENGLISH
    from summarizer.reading.clean import clean
    from summarizer.reading.ingest import read_path
    from summarizer.pipeline import Options, summarize

    documents = [d for path in args.inputs for d in read_path(path)]
    settings = model_settings()
    # one model instance for both, with room for all the articles in one prompt
    engine = args.engine or "xllamacpp"
    engine_class = {"llama-cpp-python": LlamaCppGenerator, "xllamacpp": XLlamaCppGenerator}[engine]
    started = time.perf_counter()
    generator = engine_class(assemble(QWEN_1_5B, settings.cache_dir), f"qwen-1.5b ({engine})", settings.threads,
                             chatml, context=8192)
    load_seconds = time.perf_counter() - started
    models = Models(settings, generator=generator)
    example = [d for path in sorted((ROOT / "examples" / "ferry").iterdir()) for d in read_path(path)]
    summarize(example, Options(mode="abstractive"), models)  # warm-up
    runs = []
    for _ in range(2):  # the first: new articles; the second: the same articles again
        started = time.perf_counter()
        brief = summarize(documents, Options(mode="abstractive"), models)
        runs.append(time.perf_counter() - started)
    source_sentences = {s.text for ss in brief.document_sentences for s in ss}

    articles = "\n\n".join(f"Article {i + 1}:\n{clean(d, ENGLISH).text}" for i, d in enumerate(documents))
    started = time.perf_counter()
    one_shot = generator.complete([
        {"role": "system", "content": "You write neutral news briefs."},
        {"role": "user", "content": f"{articles}\n\nWrite a neutral brief of about 120 words of what these "
                                    "articles report, citing articles as [1], [2] ..."}], max_tokens=220)
    one_shot_seconds = time.perf_counter() - started

    warm = runs[0]
    figures = {
        "inputs": [p.name for p in args.inputs],
        "engine": engine,
        "generator_load_seconds": round(load_seconds, 2),
        "warm_seconds": round(warm, 2),
        "same_input_again_seconds": round(runs[1], 2),
        "stage_seconds": brief.stats["stages"],
        "sentences": len(brief.sentences),
        "modes": [s.evidence.mode for s in brief.sentences],
        "rewritten": sum(1 for s in brief.sentences if s.text not in source_sentences),
        "fallback_reasons": [s.evidence.fusion.failed for s in brief.sentences
                             if s.evidence.mode == "extractive-fallback"],
        "one_shot_seconds": round(one_shot_seconds, 2),
        "ratio_to_one_shot": round(warm / one_shot_seconds, 3),
        "one_shot_words": len(one_shot.split()),
        "targets": {"warm_seconds": 10, "ratio_to_one_shot": 0.2},
    }
    write(f"abstractive-{engine}", figures)


if __name__ == "__main__":
    main()
