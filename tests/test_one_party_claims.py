"""Claims only a party to the story can make (intent, blame, the losses it inflicted, control of a
place, its labels for a group), told apart from the same claims attributed and from look-alike plain
facts, on a labelled set we wrote (tests/data/one_party_claims.jsonl)."""
import json
from pathlib import Path

from summarizer.lang.en import ENGLISH
from summarizer.wording.neutral import one_party_claim

DATA = Path(__file__).parent / "data" / "one_party_claims.jsonl"
ROWS = [json.loads(line) for line in DATA.read_text().splitlines()]
# Measured on this set (closing note of the abstractive issue); the goal is 0.9 / 0.9.
MIN_PRECISION, MIN_RECALL = 0.95, 0.9


def test_detection_precision_and_recall():
    found = [(row, one_party_claim(row["text"], ENGLISH)) for row in ROWS]
    tp = sum(1 for row, kind in found if kind and row["needs"])
    precision = tp / max(sum(1 for _, kind in found if kind), 1)
    recall = tp / max(sum(1 for row, _ in found if row["needs"]), 1)
    misses = [(row["kind"], row["needs"], kind, row["text"]) for row, kind in found if bool(kind) != row["needs"]]
    print(f"\none-party claims: precision {precision:.2f} recall {recall:.2f} on {len(ROWS)} sentences; {misses}")
    assert len(ROWS) >= 60 and 2 * sum(row["needs"] for row in ROWS) >= len(ROWS) - 6
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, misses
