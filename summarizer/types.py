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
    # it lies inside a quotation that an earlier sentence of its paragraph opened: '"I was told I might
    # never walk again. Just walked off the plane. Thank you," he wrote.' (the middle one has no marks)
    inside_quotation: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())

    def close_to(self, other: Sentence, threshold: float) -> bool:
        """Are the two close in meaning (cosine at least `threshold`)? Without embeddings nothing can
        be told apart, so the patterns that found the pair decide alone."""
        if self is other or self.embedding is None or other.embedding is None:
            return True
        return float(self.embedding @ other.embedding) >= threshold


@dataclass
class Cluster:
    """Sentences from one or more documents that say the same thing."""

    members: list[Sentence]
    sources: int  # independent sources among the members' documents (wire copies count once)

    @property
    def documents(self) -> list[int]:
        return sorted({s.document for s in self.members})


TITLE = -1  # Citation.sentence of a document's own headline, cited for the brief's headline taken from it


@dataclass
class Citation:
    document: int
    sentence: int  # an index into the document's sentences, or TITLE
    text: str
    # the sentence states the brief sentence's main fact but not all of it (a name, number, quotation or
    # hedge of it is missing: Support.leaves_out says which); the reader is told "in part"
    in_part: bool = False
    # how many sentences in a row, from `sentence` on, state it together (`text` is theirs, joined): an
    # outlet may tell in two sentences what the brief tells in one (content/extract.py)
    span: int = 1


@dataclass
class Support:
    """Whether one source sentence supports a claim (summarizer/wording/verify.py): what was measured,
    and the reason it does not, if it does not."""
    similarity: float
    judge: str | None = None  # why the LLM judge was not asked, when it was not
    judge_yes: float | None = None  # the judge's P(yes), when it was asked
    reason: str | None = None  # None: the sentence supports the claim
    # numbers of the claim this sentence does not state, which its article does: a count given in the
    # sentences around it, or the day of a date the article gives no other of (wording/verify.py, `nearby`)
    numbers_nearby: list[str] | None = None
    # for a sentence that supports the claim's main fact (same meaning, same numbers) but not every
    # detail: what of the claim it leaves out, by the wording checks a rewrite must pass
    leaves_out: str | None = None

    @property
    def supports(self) -> bool:
        return self.reason is None


@dataclass
class CitationCheck:
    """A document's sentence checked as a citation for a brief sentence."""
    document: int
    sentence: int
    support: Support
    span: int = 1  # sentences in a row checked together, from `sentence` on


@dataclass
class Fusion:
    """The abstractive step's record for one sentence: the model's draft, what was repaired, the
    citations checked against the draft, and the check that failed, if one did."""
    draft: str
    text: str | None = None  # the draft after repair (quotation marks dropped where not verbatim)
    not_verbatim: list[str] = field(default_factory=list)
    citation_checks: list[CitationCheck] = field(default_factory=list)
    failed: str | None = None


@dataclass
class Evidence:
    """The audit trail of one brief sentence."""
    mode: str = "extractive"  # or: "headline", "fused", "unchanged" (given back as written), "extractive-fallback"
    checks: tuple[str, ...] = ("similarity", "numbers")  # what the extractive citations were checked for
    citation_checks: list[CitationCheck] = field(default_factory=list)  # each document's closest sentence
    fusion: Fusion | None = None
    independent_sources: int = 0  # among the citations (wire copies count once)
    removed: list[str] = field(default_factory=list)  # phrases the compression took out (content/compress.py)

    @property
    def dropped(self) -> list[CitationCheck]:
        """The checked sentences not cited, each with its reason."""
        failed = [c for c in self.citation_checks if not c.support.supports]
        if self.mode == "fused" and self.fusion is not None:
            failed += [c for c in self.fusion.citation_checks if not c.support.supports]
        return failed


@dataclass
class BriefSentence:
    text: str
    citations: list[Citation]
    evidence: Evidence = field(default_factory=Evidence)


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
    kind: str  # number, responsibility, control, denial, characterisation
    claims: list[Claim]


@dataclass
class Brief:
    sentences: list[BriefSentence]
    documents: list[Document]
    document_sentences: list[list[Sentence]]
    disagreements: list[Disagreement] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
