"""The whole flow on one screen: documents in, a cited brief out.

    clean -> segment -> embed -> cluster -> select -> extract -> fuse (abstractive mode)
                                       +-> disagree (figures given differently, disputed claims)
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from models import Models
from summarizer.clean import clean
from summarizer.cluster import cluster, source_groups
from summarizer.disagree import find_disagreements
from summarizer.extract import extract
from summarizer.fuse import fuse_all
from summarizer.ingest import InputError
from summarizer.language import foreign_script
from summarizer.segment import cap, segment
from summarizer.select import event_vector, select
from summarizer.types import Brief, Document

MODES = ("extractive", "abstractive")
# Extractive wins on the evaluation today (README, "Quality, measured"): the abstractive step lowers
# ROUGE and drops citations. The CLI, the service and the library all default to this one value.
DEFAULT_MODE = "extractive"
MIN_WORDS, MAX_WORDS, DEFAULT_WORDS = 10, 2000, 120
# Past this, the articles' later sentences are left out (with a warning), so the n x n similarity
# work of clustering stays bounded whatever the input: about 1 s and 100 MB at this size.
MAX_SENTENCES = 2000


@dataclass(frozen=True)
class Options:
    # The library's and the service's default: ~1 s a brief. The CLI asks for abstractive, which
    # takes ~15-35 s for five articles on 2 cores (bench/results/abstractive-*.json).
    mode: str = "extractive"
    max_words: int = 120

    def __post_init__(self):
        if self.mode not in MODES:
            raise InputError("mode", f"must be one of {', '.join(MODES)}, not {self.mode!r}")
        if not 10 <= self.max_words <= 2000:
            raise InputError("max_words", f"must be between 10 and 2000, not {self.max_words}")


def summarize(documents: list[Document], options: Options, models: Models,
              progress: Callable[[str], None] = lambda message: None) -> Brief:
    started = last = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(stage: str) -> None:
        nonlocal last
        now = time.perf_counter()
        timings[stage] = round(now - last, 4)
        last = now

    for document in documents:
        script = foreign_script(document.text)
        if script:
            raise InputError(document.origin, f"is written in {script}; newsbrief briefs English text only")
    documents = [clean(document) for document in documents]
    segmented = segment(documents)
    by_document = cap(segmented, MAX_SENTENCES)
    warnings = [f"{d.origin}: no article text left after removing boilerplate; ignored"
                for d, sentences in zip(documents, by_document) if not sentences]
    usable = sum(1 for sentences in by_document if sentences)
    if usable == 0:
        raise InputError("documents", "no article text found in any document")
    if usable == 1:
        warnings.append("only one usable document: the brief cannot merge or compare sources")
    sentences = [s for document_sentences in by_document for s in document_sentences]
    if len(sentences) < sum(len(ss) for ss in segmented):
        warnings.append(f"the articles hold more than {MAX_SENTENCES} sentences: only the first part of each "
                        "article was read")
    lap("clean_segment")

    if not models.loaded("embedder"):
        progress("loading the embedding model")
    embedder = models.embedder
    lap("load_embedder")
    progress(f"embedding {len(sentences)} sentences")
    leads = [d.title or ss[0].text for d, ss in zip(documents, by_document) if ss]
    vectors = embedder.embed([s.text for s in sentences] + leads)
    for sentence, vector in zip(sentences, vectors):
        sentence.embedding = vector
    event = event_vector(vectors[len(sentences):])
    lap("embed")

    sentence_vectors = vectors[: len(sentences)]
    sources = source_groups(sentences, sentence_vectors @ sentence_vectors.T, len(documents))
    clusters = cluster(sentences, sentence_vectors, sources)
    lengths = [len(ss) for ss in by_document]
    chosen = select(clusters, event, options.max_words, lengths, sources, [d.title for d in documents])
    lap("cluster_select")

    brief_sentences = extract(chosen, by_document)
    lap("extract")
    if options.mode == "abstractive":
        if not models.loaded("generator"):
            progress("loading the generation model")
        generator, judge = models.generator, models.judge
        lap("load_generator")
        brief_sentences = fuse_all(brief_sentences, documents, generator, judge, embedder, progress)
        lap("fuse")
    for item in brief_sentences:
        item.evidence["independent_sources"] = len({sources[c.document] for c in item.citations})
    if not brief_sentences:
        warnings.append(f"no sentence could be chosen: none of the {len(sentences)} sentences reads on its own "
                        f"within {options.max_words} words (text without full stops, or only fragments?)")
    disagreements = find_disagreements(sentences)
    lap("disagree")
    stats = {
        "seconds": round(time.perf_counter() - started, 4),
        "input_sentences": len(sentences),
        "clusters": len(clusters),
        "documents": len(documents),
        "independent_sources": len(set(sources[i] for i, ss in enumerate(by_document) if ss)),
        "words": sum(len(s.text.split()) for s in brief_sentences),
        "mode": options.mode,
        "embedder": embedder.name,
        "generator": models.generator.name if options.mode == "abstractive" else None,
        "stages": timings,
    }
    return Brief(sentences=brief_sentences, documents=documents, document_sentences=by_document,
                 disagreements=disagreements, stats=stats, warnings=warnings)
