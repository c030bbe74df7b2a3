"""Support checks: does a cited source sentence support a claim? There is no NLI model on PyPI,
so the check is built from what we have, cheapest first, stopping at the first failure:

  similarity  the two sentences are close in meaning (MiniLM cosine)
  numbers     every number in the claim is in the source
  names       every name in the claim is in the source
  quotes      every quotation in the claim is verbatim in the source
  hedges      a source that hedges or attributes ("allegedly", "the union said") is not
              turned into a bare fact
  judge       the LLM, asked yes/no, gives "yes" a probability of at least JUDGE_YES
              (not asked when the claim is a near-verbatim copy of the source)

Each check returns a record for the audit trail; `reason` is present when the source fails.
"""
from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np

from models.judge import Judge
from summarizer.evidence import missing_names, missing_numbers, unquoted
from summarizer.neutral import hedges, is_attributed

SUPPORTS = 0.6
JUDGE_YES = 0.6  # measured on tests/data/support_pairs.jsonl: precision 1.00, recall 0.77
VERBATIM = 0.95  # word-sequence similarity at which the claim is the source, reworded at most trivially


def check_support(claim: str, source: str, similarity: float, judge: Judge | None,
                  verdicts: dict | None = None, wording: bool = True) -> dict:
    """Record of checking `source` for `claim`; `verdicts` caches judge answers by source text.

    `wording=False` skips the names, quotes and hedge checks: for a claim that is itself a source
    sentence (extractive mode), another outlet reporting the same fact in its own words supports it.
    """
    record: dict = {"similarity": round(similarity, 3)}
    if similarity < SUPPORTS:
        return record | {"reason": f"similarity {similarity:.2f} below {SUPPORTS}"}
    absent = sorted(missing_numbers(claim, [source]))
    if absent:
        return record | {"reason": f"does not state {', '.join(absent)}"}
    if wording:
        unnamed = sorted(missing_names(claim, [source]))
        if unnamed:
            return record | {"reason": f"does not name {', '.join(unnamed)}"}
        invented = unquoted(claim, [source])
        if invented:
            return record | {"reason": f"does not contain the quotation \"{invented[0]}\""}
        if hedges(source) and not (hedges(claim) or is_attributed(claim)):
            return record | {"reason": f"drops the source's hedge ({', '.join(hedges(source))})"}
    if verbatim(claim, source):
        return record | {"judge": "skipped: near-verbatim"}
    if judge is None:
        return record | {"judge": "not run"}
    verdicts = {} if verdicts is None else verdicts
    if source not in verdicts:
        verdicts[source] = judge.support(claim, [source])
    record["judge_yes"] = round(verdicts[source], 3)
    if verdicts[source] < JUDGE_YES:
        record["reason"] = f"judge: P(yes) {verdicts[source]:.2f} below {JUDGE_YES}"
    return record


def verbatim(claim: str, source: str) -> bool:
    a, b = claim.lower().split(), source.lower().split()
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= VERBATIM


def similarities(embedder, claim: str, sources: list[str]) -> np.ndarray:
    vectors = embedder.embed([claim] + sources)
    return vectors[1:] @ vectors[0]
