"""Judges: does this evidence support this claim? A probability, read off the LLM's yes/no answer.

There is no NLI model on PyPI; an instruction-tuned LLM asked a yes/no question, with the
probability of "yes" read from its first-token distribution, is the closest thing we have.
"""
from __future__ import annotations

from typing import Protocol

from models.generator import Generator

# Worked examples calibrate the small model: without them it says "no" to many faithful
# paraphrases (recall 0.62 on tests/data/support_pairs.jsonl; 0.77 with them, precision 1.00 both).
_SYSTEM = """You are a careful fact-checker. Decide whether the source supports the claim. The claim may leave \
out details of the source. Answer 'no' if the claim adds anything, changes a number, name or place, swaps who did \
what or who said it, or says the opposite. Reply with one word: yes or no.

Claim: The council said the bridge will stay closed until June.
Source: The bridge will remain shut until June, the council said after inspectors found cracks.
Does the source support the claim? yes

Claim: The council said the bridge will reopen in June.
Source: The bridge will remain shut until June, the council said after inspectors found cracks.
Does the source support the claim? no

Claim: Police arrested three men.
Source: Two men were arrested, police said.
Does the source support the claim? no

Claim: Two men were arrested, police said.
Source: Police said they had arrested two men on Friday over the robbery.
Does the source support the claim? yes

Claim: The mayor blamed the company for the fire.
Source: The company blamed the mayor for the fire.
Does the source support the claim? no"""


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
