"""Judges: does this evidence support this claim? A probability, read off the LLM's yes/no answer.

There is no NLI model on PyPI; an instruction-tuned LLM asked a yes/no question, with the
probability of "yes" read from its first-token distribution, is the closest thing we have.
"""
from __future__ import annotations

from typing import Protocol

from models.generator import Generator

_SYSTEM = ("You are a careful fact-checker. You are given a source text and a claim. Answer 'yes' only if "
           "everything the claim states - every number, name, place, actor and who said it - is stated by "
           "the source. Answer 'no' if the claim adds, changes, negates or swaps anything. Reply with one "
           "word: yes or no.")


class Judge(Protocol):
    def support(self, claim: str, evidence: list[str]) -> float:
        """Probability that `evidence` (taken together) supports everything `claim` states."""
        ...


class LLMJudge:
    def __init__(self, generator: Generator):
        self.generator = generator

    def support(self, claim: str, evidence: list[str]) -> float:
        source = "\n".join(evidence)
        # The claim comes first: checking one claim against several sources, the model's cached
        # prefix (instructions + claim) is reused and only each source is read anew.
        messages = [{"role": "system", "content": _SYSTEM},
                    {"role": "user", "content": f"Claim: {claim}\nSource: {source}\nDoes the source support the claim?"}]
        return self.generator.answer_probabilities(messages, ["yes", "no"])["yes"]
