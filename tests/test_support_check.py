"""The support check measured on a labelled set we wrote (tests/data/support_pairs.jsonl, 175 pairs):
paraphrases, shortenings, kept attributions and other number spellings that are supported; swapped
numbers and actors, negations, dropped hedges, qualifiers and speakers, the future told as done,
invented quotes and partly supported claims that are not. Real MiniLM and real Qwen judge."""
import json
from pathlib import Path

import pytest

from summarizer.lang.en import ENGLISH
from summarizer.wording.verify import check_support, similarities

DATA = Path(__file__).parent / "data"
PAIRS = [json.loads(line) for line in (DATA / "support_pairs.jsonl").read_text().splitlines()]
# Measured on this set: precision 0.987, recall 0.904 (the abstractive issue's goals: 0.95 and 0.90).
# The floors leave room for one verdict that moves with another llama.cpp build; below them is a regression.
MIN_PRECISION, MIN_RECALL = 0.95, 0.88
# Claims worded as headlines against the leads that state them ("Senate votes to confirm X" against
# "approved 70-30 by the Senate"), and headlines that overstate, add to or reverse their lead; written
# after the checks, as the citation audit's failures were read, and scored once as held out: precision
# 0.82, recall 0.50; 0.91 / 0.56 after the two fixes they showed ("Most" read as a name, "is on its way
# to" taken for arrived). The judge turns down about half of the faithful headline wordings (P(yes) 0.41-0.61):
# the goal of 0.90 is not met here, and the floors only hold what was measured.
HEADLINE_PAIRS = [json.loads(line) for line in (DATA / "headline_support_pairs.jsonl").read_text().splitlines()]
MIN_HEADLINE_PRECISION, MIN_HEADLINE_RECALL = 0.83, 0.5


def _verdicts(pairs, models, embedder):
    judge = models.judge(ENGLISH.prompts.judge)
    results = []
    for pair in pairs:
        [similarity] = similarities(embedder, pair["claim"], [pair["source"]])
        support = check_support(pair["claim"], pair["source"], float(similarity), judge)
        results.append((pair, support.supports, support))
    return results


def _scored(verdicts, name: str) -> tuple[float, float, str]:
    tp = sum(1 for pair, ok, _ in verdicts if ok and pair["label"])
    fp = sum(1 for pair, ok, _ in verdicts if ok and not pair["label"])
    fn = sum(1 for pair, ok, _ in verdicts if not ok and pair["label"])
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    report = "\n".join(f"{pair['kind']:>19} label={pair['label']!s:5} ok={ok!s:5} {record}"
                       for pair, ok, record in verdicts)
    print(f"\n{name}: precision {precision:.2f} recall {recall:.2f} on {len(verdicts)} pairs\n{report}")
    return precision, recall, report


@pytest.fixture(scope="module")
def verdicts(models, embedder):
    return _verdicts(PAIRS, models, embedder)


def test_precision_and_recall_of_the_support_check(verdicts):
    precision, recall, report = _scored(verdicts, "support check")
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, report


def test_the_support_check_on_headline_wordings(models, embedder):
    precision, recall, report = _scored(_verdicts(HEADLINE_PAIRS, models, embedder), "headline wordings")
    assert precision >= MIN_HEADLINE_PRECISION and recall >= MIN_HEADLINE_RECALL, report


@pytest.mark.parametrize("kind", ["swapped-number", "invented-quote"])
def test_exact_evidence_never_lets_these_through(verdicts, kind):
    assert not any(ok for pair, ok, _ in verdicts if pair["kind"] == kind)


def test_what_was_done_to_something_is_not_told_as_what_it_did():
    from summarizer.wording.verify import wording_failure

    shot = "A coast guard helicopter was shot down near Tallow Point on Sunday, the ministry said."
    assert wording_failure("The ministry said a coast guard helicopter had shot down a trawler near Tallow Point.",
                           shot, ENGLISH) == "swaps who did what to whom"
    # the doer named in the passive's "by" is no swap, nor a passive without its "was" ("legs severed by")
    assert wording_failure("Lindish forces shot down a coast guard helicopter near Tallow Point on Sunday, the "
                           "ministry said.", "A coast guard helicopter was shot down by Lindish forces near Tallow "
                           "Point on Sunday, the ministry said.", ENGLISH) is None
    assert wording_failure("A deckhand whose legs were severed by a winch has died, the coast guard said.",
                           "A deckhand who had his legs severed by a winch has died, the coast guard said.",
                           ENGLISH) is None
