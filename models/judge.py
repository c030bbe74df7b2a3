"""Judges: does this evidence support this claim? A probability, read off the LLM's yes/no answer.

There is no NLI model on PyPI; an instruction-tuned LLM asked a yes/no question, with the
probability of "yes" read from its first-token distribution, is the closest thing we have.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from models.generator import Generator


class Judge(Protocol):
    def support(self, claim: str, evidence: list[str]) -> float:
        """Probability that `evidence` (taken together) supports everything `claim` states."""
        ...


@dataclass(frozen=True)
class JudgePrompt:
    """What the judge asks: a system prompt (with worked examples), the question, and the two answers,
    supported first. The answers need not be one token each, but their first tokens must differ:
    that token is all the judge reads. The language's prompts supply one (summarizer/lang/)."""
    system: str
    question: str  # format with {source} and {claim}
    answers: tuple[str, str]


@dataclass(frozen=True)
class LLMJudge:
    generator: Generator
    prompt: JudgePrompt

    def with_prompt(self, prompt: JudgePrompt) -> LLMJudge:
        return self if prompt == self.prompt else LLMJudge(self.generator, prompt)

    def support(self, claim: str, evidence: list[str]) -> float:
        question = self.prompt.question.format(source=" ".join(evidence), claim=claim)
        messages = [{"role": "system", "content": self.prompt.system}, {"role": "user", "content": question}]
        supported, _ = self.prompt.answers
        return self.generator.answer_probabilities(messages, list(self.prompt.answers))[supported]
