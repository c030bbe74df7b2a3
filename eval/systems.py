"""Systems under evaluation, each one call: an example and a word budget in, a summary out.

  newsbrief-extractive, newsbrief-abstractive   our pipeline
  lead                                          first sentences of the first document
  lexrank                                       sumy's LexRank over all titles and documents
  published:NAME                                a published system's output, line i for cluster i,
                                                read from <dataset>-published-outputs/NAME.txt

`SYSTEMS` is the registry: a new system is one function and one line there.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from eval.baselines import lead, lexrank
from eval.dataset import Example
from models import Models


@dataclass
class OutputSentence:
    text: str
    # [{"document": i, "sentence": j, "text": ...}]: i indexes the example's documents, j the
    # sentences of that document as our pipeline segmented it (`Output.document_sentences`)
    citations: list[dict] = field(default_factory=list)
    evidence: dict = field(default_factory=dict)


@dataclass
class Output:
    sentences: list[OutputSentence]
    seconds: float
    stages: dict = field(default_factory=dict)
    # our systems only: each example document's sentences as the pipeline saw them (None for a
    # document it was not given), which citations and the citation audit refer to
    document_sentences: list[list[str] | None] | None = None
    fillable_words: int | None = None  # our systems only: the most words the sources could fill (pipeline stats)
    text: str = ""  # the summary as scored: its sentences joined, or a published line exactly as published

    def __post_init__(self):
        self.text = self.text or " ".join(s.text for s in self.sentences)


System = Callable[[Example, int, Models, "str | None"], Output]  # example, word budget, models, dataset path


def _plain(sentences: list[str], started: float) -> Output:
    return Output(sentences=[OutputSentence(s) for s in sentences], seconds=time.perf_counter() - started)


def _lead(example: Example, max_words: int, models: Models, dataset_path: str | None) -> Output:
    started = time.perf_counter()
    return _plain(lead([d["text"] for d in example.documents], max_words), started)


def _lexrank(example: Example, max_words: int, models: Models, dataset_path: str | None) -> Output:
    started = time.perf_counter()
    return _plain(lexrank([d.get("title") or "" for d in example.documents],
                          [d["text"] for d in example.documents], max_words), started)


def _newsbrief(mode: str) -> System:
    def run_pipeline(example: Example, max_words: int, models: Models, dataset_path: str | None) -> Output:
        from summarizer.pipeline import Options, summarize
        from summarizer.output.render import citation_dict, evidence_dict
        from summarizer.types import Document

        started = time.perf_counter()
        given = [i for i, d in enumerate(example.documents) if d["text"].strip()]
        documents = [Document(text=example.documents[i]["text"], title=example.documents[i].get("title") or None,
                              origin=f"{example.id}[{i}]") for i in given]
        brief = summarize(documents, Options(mode=mode, max_words=max_words), models)
        sentences = [OutputSentence(s.text, [{**citation_dict(c), "document": given[c.document]} for c in s.citations],
                                    evidence_dict(s.evidence))
                     for s in brief.sentences]
        by_example: list[list[str] | None] = [None] * len(example.documents)
        for position, document_sentences in zip(given, brief.document_sentences):
            by_example[position] = [s.text for s in document_sentences]
        return Output(sentences=sentences, seconds=time.perf_counter() - started, stages=brief.stats["stages"],
                      document_sentences=by_example, fillable_words=brief.stats["fillable_words"])

    return run_pipeline


SYSTEMS: dict[str, System] = {
    "newsbrief-extractive": _newsbrief("extractive"),
    "newsbrief-abstractive": _newsbrief("abstractive"),
    "lead": _lead,
    "lexrank": _lexrank,
}


def run(system: str, example: Example, max_words: int, models: Models, dataset_path: str | None = None) -> Output:
    if system.startswith("published:"):
        text = published_line(Path(dataset_path), system.removeprefix("published:"), example.index)
        return Output(sentences=[OutputSentence(s) for s in _split(text)], seconds=0.0, text=text)
    if system not in SYSTEMS:  # looked up apart from the call: a KeyError inside a system is its own bug
        raise ValueError(f"unknown system {system!r}; known: {', '.join(SYSTEMS)}, published:NAME")
    return SYSTEMS[system](example, max_words, models, dataset_path)


USES_GENERATOR = frozenset({"newsbrief-abstractive"})


def is_ours(system: str) -> bool:
    return system.startswith("newsbrief-")


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


def _split(text: str) -> list[str]:
    from summarizer.reading.segment import split_sentences

    return [s.text for s in split_sentences(text)]
