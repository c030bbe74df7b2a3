"""The support check measured on a labelled set we wrote (tests/data/support_pairs.jsonl, 175 pairs):
paraphrases, shortenings, kept attributions and other number spellings that are supported; swapped
numbers and actors, negations, dropped hedges, qualifiers and speakers, the future told as done,
invented quotes and partly supported claims that are not. Real MiniLM and real Qwen judge."""
import json
from pathlib import Path

import pytest

from summarizer.lang.en import ENGLISH
from summarizer.wording.verify import check_support, similarities

PAIRS = [json.loads(line) for line in (Path(__file__).parent / "data" / "support_pairs.jsonl").read_text().splitlines()]
# Measured on this set: precision 0.987, recall 0.904 (the abstractive issue's goals: 0.95 and 0.90).
# The floors leave room for one verdict that moves with another llama.cpp build; below them is a regression.
MIN_PRECISION, MIN_RECALL = 0.95, 0.88


@pytest.fixture(scope="module")
def verdicts(models, embedder):
    judge = models.judge(ENGLISH.prompts.judge)
    results = []
    for pair in PAIRS:
        [similarity] = similarities(embedder, pair["claim"], [pair["source"]])
        support = check_support(pair["claim"], pair["source"], float(similarity), judge)
        results.append((pair, support.supports, support))
    return results


def test_precision_and_recall_of_the_support_check(verdicts):
    tp = sum(1 for pair, ok, _ in verdicts if ok and pair["label"])
    fp = sum(1 for pair, ok, _ in verdicts if ok and not pair["label"])
    fn = sum(1 for pair, ok, _ in verdicts if not ok and pair["label"])
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    report = "\n".join(f"{pair['kind']:>16} label={pair['label']!s:5} ok={ok!s:5} {record}"
                       for pair, ok, record in verdicts)
    print(f"\nsupport check: precision {precision:.2f} recall {recall:.2f} on {len(verdicts)} pairs\n{report}")
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, report


@pytest.mark.parametrize("kind", ["swapped-number", "invented-quote"])
def test_exact_evidence_never_lets_these_through(verdicts, kind):
    assert not any(ok for pair, ok, _ in verdicts if pair["kind"] == kind)
