"""Systems under evaluation, each one call: an example and a word budget in, a summary out.

  newsbrief-extractive, newsbrief-abstractive   our pipeline
  lead                                          first sentences of the first document
  lexrank                                       sumy's LexRank over all documents
  published:NAME                                a published system's output, line i for cluster i,
                                                read from <dataset>-published-outputs/NAME.txt
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from eval.baselines import lead, lexrank
from eval.dataset import Example


@dataclass
class Output:
    text: str
    sentences: list[str]
    seconds: float
    stages: dict = field(default_factory=dict)
    citations: list = field(default_factory=list)  # per sentence: [(document, sentence_text), ...]


def run(system: str, example: Example, max_words: int, dataset_path: str | None = None) -> Output:
    started = time.perf_counter()
    if system.startswith("newsbrief-"):
        return _newsbrief(system.removeprefix("newsbrief-"), example, max_words, started)
    texts = [d["text"] for d in example.documents]
    if system == "lead":
        sentences = lead(texts, max_words)
    elif system == "lexrank":
        sentences = lexrank(texts, max_words)
    elif system.startswith("published:"):
        text = published_line(Path(dataset_path), system.removeprefix("published:"), example.index)
        return Output(text=text, sentences=_split(text), seconds=0.0)
    else:
        raise ValueError(f"unknown system {system!r}; known: {', '.join(SYSTEMS)}, published:NAME")
    return Output(text=" ".join(sentences), sentences=sentences, seconds=time.perf_counter() - started)


SYSTEMS = ("newsbrief-extractive", "newsbrief-abstractive", "lead", "lexrank")


def published_dir(dataset_path: Path) -> Path:
    return dataset_path.parent / f"{dataset_path.stem}-published-outputs"


def published_systems(dataset_path: Path) -> list[str]:
    folder = published_dir(dataset_path)
    return sorted(f"published:{p.stem}" for p in folder.glob("*.txt")) if folder.is_dir() else []


_PUBLISHED: dict[Path, list[str]] = {}


def published_line(dataset_path: Path, name: str, index: int) -> str:
    path = published_dir(dataset_path) / f"{name}.txt"
    if path not in _PUBLISHED:
        if not path.is_file():
            raise ValueError(f"no published outputs for {name!r} at {path}")
        _PUBLISHED[path] = path.read_text(encoding="utf-8").split("\n")
    lines = _PUBLISHED[path]
    if index >= len(lines):
        raise ValueError(f"{path}: no line {index + 1} for cluster {index}")
    return lines[index].strip()


def _newsbrief(mode: str, example: Example, max_words: int, started: float) -> Output:
    from summarizer.pipeline import Options, summarize
    from summarizer.types import Document

    documents = [Document(text=d["text"], title=d.get("title") or None, origin=f"{example.id}[{i}]")
                 for i, d in enumerate(example.documents) if d["text"].strip()]
    brief = summarize(documents, Options(mode=mode, max_words=max_words))
    sentences = [s.text for s in brief.sentences]
    citations = [[(c.document, c.text) for c in s.citations] for s in brief.sentences]
    return Output(text=" ".join(sentences), sentences=sentences, seconds=time.perf_counter() - started,
                  stages=brief.stats["stages"], citations=citations)


def _split(text: str) -> list[str]:
    from summarizer.segment import split_sentences

    return [s.text for s in split_sentences(text)]
