"""The whole flow on one screen: documents in, a cited brief out.

    clean -> segment -> embed -> cluster -> headline -> select -> extract -> fuse (abstractive mode;
                                                           |                the words it frees: select again)
                                                           each sentence whole or compressed; a chosen
                                                           one the parser finds no clause in: choose again
                                       +-> disagree (figures given differently, disputed claims)
"""
from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from models import Models
from summarizer.lang import Language, language as language_named
from summarizer.reading.clean import clean
from summarizer.content.cluster import cluster, source_groups
from summarizer.comparison.disagree import find_disagreements
from summarizer.content.extract import extract
from summarizer.content.headline import headline
from summarizer.wording.fuse import fuse_all
from summarizer.reading.ingest import InputError
from summarizer.reading.language import foreign_script, other_language
from summarizer.reading.segment import cap, segment
from summarizer.content.select import event_vector, select
from summarizer.types import Brief, Document, Sentence

MODES = ("extractive", "abstractive")
# Extractive wins on the evaluation today (README, "Quality, measured"): the abstractive step's gain on
# the tuned clusters does not hold on held-out ones, at 3 s a cluster more. The CLI, the service and
# the library all default to this one value.
DEFAULT_MODE = "extractive"
MIN_WORDS, MAX_WORDS, DEFAULT_WORDS = 10, 2000, 120
# Past this, the articles' later sentences are left out (with a warning), so the n x n similarity
# work of clustering stays bounded whatever the input: about 1 s and 100 MB at this size.
MAX_SENTENCES = 2000


@dataclass(frozen=True)
class Options:
    # extractive: ~1.1 s a brief; abstractive: 13-30 s for five articles on 2 cores
    # (bench/results/abstractive-*.json)
    mode: str = DEFAULT_MODE
    max_words: int = DEFAULT_WORDS
    language: str = "en"  # a code of summarizer/lang: the word lists, patterns and prompts the stages use

    def __post_init__(self):
        if self.mode not in MODES:
            raise InputError("mode", f"must be one of {', '.join(MODES)}, not {self.mode!r}")
        if not MIN_WORDS <= self.max_words <= MAX_WORDS:
            raise InputError("max_words", f"must be between {MIN_WORDS} and {MAX_WORDS}, not {self.max_words}")
        try:
            language_named(self.language)
        except ValueError as error:
            raise InputError("language", str(error)) from None


class _Stages:
    """Times and reports each stage of one brief: `with stages("embed", "embedding 40 sentences"): ...`
    tells `progress` the message (if any) and adds the stage's seconds to `seconds`."""

    def __init__(self, progress: Callable[[str], None]):
        self.started = time.perf_counter()
        self.seconds: dict[str, float] = {}
        self.progress = progress

    @contextmanager
    def __call__(self, name: str, message: str | None = None):
        if message:
            self.progress(message)
        began = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = round(time.perf_counter() - began, 4)


def summarize(documents: list[Document], options: Options, models: Models,
              progress: Callable[[str], None] = lambda message: None) -> Brief:
    stages = _Stages(progress)
    language = language_named(options.language)
    with stages("clean_segment"):
        documents, by_document, warnings = _read(documents, language)
        sentences = [s for document_sentences in by_document for s in document_sentences]
    with stages("load_embedder", None if models.loaded("embedder") else "loading the embedding model"):
        embedder = models.embedder
    with stages("load_parser", None if models.loaded("parser") else "loading the parser"):
        parser = models.parser
    with stages("embed", f"embedding {len(sentences)} sentences"):
        sentence_vectors, title_vectors, event = _embed(sentences, documents, by_document, embedder)
    with stages("cluster_select"):
        sources = source_groups(sentences, sentence_vectors @ sentence_vectors.T, len(documents))
        warnings += _copies(documents, by_document, sources)
        clusters = cluster(sentences, sentence_vectors, sources)
        top = headline(documents, title_vectors, event, by_document, sources, options.max_words, language)
        opening = top.text if top else ""
        budget, titles = options.max_words - len(opening.split()), [d.title for d in documents]
        chosen, fillable = select(clusters, event, budget, by_document, sources, titles, language, stated=opening,
                                  clauses=parser.clauses)
    with stages("extract"):
        brief_sentences = extract(chosen, by_document, language)
    if options.mode == "abstractive":
        with stages("load_generator", None if models.loaded("generator") else "loading the generation model"):
            generator, judge = models.generator, models.judge(language.prompts.judge)
        with stages("fuse"):
            brief_sentences = fuse_all(brief_sentences, documents, generator, judge, embedder, language, progress)
            # the words the rewrites freed go to the next-best content, chosen by the same objective
            freed = budget - sum(len(s.text.split()) for s in brief_sentences)
            more = select(clusters, event, freed, by_document, sources, titles, language,
                          stated=" ".join([opening] + [s.text for s in brief_sentences]),
                          taken=[s for _, s in chosen], clauses=parser.clauses).chosen if freed >= MIN_WORDS else []
            brief_sentences += extract(more, by_document, language)  # as written: they fit the words freed
    if top and brief_sentences:
        brief_sentences.insert(0, top)  # an outlet's headline, as written: nothing to fuse
    for item in brief_sentences:
        item.evidence.independent_sources = len({sources[c.document] for c in item.citations})
    if not brief_sentences:
        warnings.append(f"no sentence could be chosen: none of the {len(sentences)} sentences reads on its own "
                        f"within {options.max_words} words (text without full stops, or only fragments?)")
    with stages("disagree"):
        disagreements = find_disagreements(sentences, language)
    stats = {
        "seconds": round(time.perf_counter() - stages.started, 4),
        "input_sentences": len(sentences),
        "clusters": len(clusters),
        "documents": len(documents),
        "independent_sources": len(set(sources[i] for i, ss in enumerate(by_document) if ss)),
        "words": sum(len(s.text.split()) for s in brief_sentences),
        # how many words the sources could fill (the headline's and the candidates' most): the budget
        # is for using when they have that much to say
        "fillable_words": len(opening.split()) + fillable,
        "mode": options.mode,
        "embedder": embedder.name,
        "generator": models.generator.name if options.mode == "abstractive" else None,
        "stages": stages.seconds,
    }
    return Brief(sentences=brief_sentences, documents=documents, document_sentences=by_document,
                 disagreements=disagreements, stats=stats, warnings=warnings)


def _read(documents: list[Document], language: Language) -> tuple[list[Document], list[list[Sentence]], list[str]]:
    """English documents cleaned and split into sentences (capped in number), with warnings."""
    for document in documents:
        script = foreign_script(document.text)
        if script:
            raise InputError(document.origin, f"is written in {script}; newsbrief briefs English text only")
    documents = [clean(document, language) for document in documents]
    # in another language that shares the script: left out, as the models and word lists are the language's
    foreign = [other_language(document.text, language) for document in documents]
    segmented = [[] if other else sentences for other, sentences in zip(foreign, segment(documents, language))]
    by_document = cap(segmented, MAX_SENTENCES)
    warnings = [f"{d.origin}: not written in {language.name}; left out" if other else
                f"{d.origin}: no article text left after removing boilerplate; ignored"
                for d, sentences, other in zip(documents, by_document, foreign) if not sentences]
    usable = sum(1 for sentences in by_document if sentences)
    if usable == 0:
        raise InputError("documents", f"none of the documents is written in {language.name}" if all(foreign)
                         else "no article text found in any document")
    if usable == 1:
        warnings.append("only one usable document: the brief cannot merge or compare sources")
    if sum(map(len, by_document)) < sum(map(len, segmented)):
        warnings.append(f"the articles hold more than {MAX_SENTENCES} sentences: only the first part of each "
                        "article was read")
    return documents, by_document, warnings


def _copies(documents: list[Document], by_document: list[list[Sentence]], sources: list[int]) -> list[str]:
    """What a reader should know when articles count as one source: the same text given twice, and a
    set of articles that are all one copy (a wire story), which leaves the brief nothing to merge or
    compare, and no "(one source)" to mark where everything is one source."""
    usable = [number for number, sentences in enumerate(by_document) if sentences]
    said = {}
    warnings = []
    for number in usable:
        text = " ".join(s.text for s in by_document[number])
        if text in said:
            warnings.append(f"{documents[number].origin}: the same text as {documents[said[text]].origin}; "
                            "the two count as one source")
        said.setdefault(text, number)
    if len(usable) > 1 and len({sources[number] for number in usable}) == 1:
        warnings.append(f"the {len(usable)} documents are copies of one article: the brief cannot merge or "
                        "compare sources")
    return warnings


def _embed(sentences: list[Sentence], documents: list[Document], by_document: list[list[Sentence]],
           embedder) -> tuple[np.ndarray, dict[int, np.ndarray], np.ndarray]:
    """Each sentence's embedding (set on it, and returned as rows), each headline's (by document), and
    the event's direction (from the headlines, or the leads)."""
    leads = {number: d.title or ss[0].text for number, (d, ss) in enumerate(zip(documents, by_document)) if ss}
    vectors = embedder.embed([s.text for s in sentences] + list(leads.values()))
    for sentence, vector in zip(sentences, vectors):
        sentence.embedding = vector
    lead_vectors = dict(zip(leads, vectors[len(sentences):]))
    titles = {number: vector for number, vector in lead_vectors.items() if documents[number].title}
    return vectors[: len(sentences)], titles, event_vector(vectors[len(sentences):])
