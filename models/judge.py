"""Judges: does this evidence support this claim? A probability, read off the LLM's yes/no answer.

There is no NLI model on PyPI; an instruction-tuned LLM asked a yes/no question, with the
probability of "yes" read from its first-token distribution, is the closest thing we have.
"""
from __future__ import annotations

from typing import Protocol

from models.generator import Generator

# Worked examples calibrate the small model, and the source comes before the claim (premise, then
# hypothesis). Asked claim-first with three examples, the judge said "no" to most faithful
# shortenings of real news sentences; this prompt separates supported from unsupported pairs far
# better (tests/data/support_pairs.jsonl; figures in the closing note of the fusion issue). It is
# lenient on dropped qualifiers ("sought to", "former"), which summarizer/wording/verify.py checks first.
_SYSTEM = """You are a careful fact-checker. Decide whether the source supports the claim. The claim may leave \
out details of the source and may use other words for the same thing. Answer 'no' if the claim adds anything, \
changes a number, name or place, swaps who did what or who said it, states as fact what the source only says \
someone tried, planned or may do, or says the opposite. Reply with one word: yes or no.

Source: The bridge will remain shut until June, the council said after inspectors found cracks.
Claim: The council said the bridge will stay closed until June.
Does the source support the claim? yes

Source: The bridge will remain shut until June, the council said after inspectors found cracks.
Claim: The council said the bridge will reopen in June.
Does the source support the claim? no

Source: Storms overnight cut power to 20,000 homes across the eastern provinces, the utility said on Monday, warning that repairs could take days.
Claim: Storms cut power to 20,000 homes in the east, the utility said.
Does the source support the claim? yes

Source: Two men were arrested, police said.
Claim: Police arrested three men.
Does the source support the claim? no

Source: Shortly after the verdict, the former mayor of Brask, who had run the city since 2009, was jailed for six years by the regional court for taking bribes.
Claim: The court jailed the former mayor of Brask for six years.
Does the source support the claim? yes

Source: Doctors threatened to strike over pay on Tuesday.
Claim: Doctors went on strike over pay.
Does the source support the claim? no

Source: Police said they had arrested two men on Friday over the robbery.
Claim: Two men were arrested, police said.
Does the source support the claim? yes

Source: The company blamed the mayor for the fire.
Claim: The mayor blamed the company for the fire.
Does the source support the claim? no"""


class Judge(Protocol):
    def support(self, claim: str, evidence: list[str]) -> float:
        """Probability that `evidence` (taken together) supports everything `claim` states."""
        ...


class LLMJudge:
    def __init__(self, generator: Generator):
        self.generator = generator

    def support(self, claim: str, evidence: list[str]) -> float:
        source = " ".join(evidence)
        messages = [{"role": "system", "content": _SYSTEM},
                    {"role": "user", "content": f"Source: {source}\nClaim: {claim}\nDoes the source support the claim?"}]
        return self.generator.answer_probabilities(messages, ["yes", "no"])["yes"]
