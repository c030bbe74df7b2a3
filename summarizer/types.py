"""The plain data that flows through the pipeline: Document -> Sentence -> Cluster -> Brief.

Every stage takes and returns these objects and nothing else, so a stage can be read,
tested and replaced on its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Document:
    """One article, after ingest and cleaning. `text` is the cleaned body."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    origin: str = "<input>"  # where it came from (file name, "stdin", "request"), for messages


@dataclass
class Sentence:
    """A sentence of a document, located by character offsets into `Document.text`."""

    document: int  # index into the list of documents
    index: int  # index among that document's sentences
    text: str
    start: int
    end: int
    embedding: np.ndarray | None = field(default=None, repr=False, compare=False)  # unit length

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Cluster:
    """Sentences from one or more documents that say the same thing."""

    members: list[Sentence]
    sources: int  # independent sources among the members' documents (wire copies count once)

    @property
    def documents(self) -> list[int]:
        return sorted({s.document for s in self.members})


@dataclass
class Citation:
    document: int
    sentence: int
    text: str


@dataclass
class BriefSentence:
    text: str
    citations: list[Citation]
    evidence: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Statement:
    """Where a document states one side of a disagreement: its sentence, and the value as written there."""
    document: int
    sentence: int
    value: str


@dataclass
class Claim:
    """One side of a disagreement ("at least 17", "denied by Brevik Lines"), with every document that takes it."""
    value: str
    text: str  # the first sentence that states it
    documents: list[int]
    sentences: list[Statement]


@dataclass
class Disagreement:
    topic: str  # "Death toll", "Control of Shusha"
    kind: str  # number, responsibility, control, denial
    claims: list[Claim]


@dataclass
class Brief:
    sentences: list[BriefSentence]
    documents: list[Document]
    document_sentences: list[list[Sentence]]
    disagreements: list[Disagreement] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
