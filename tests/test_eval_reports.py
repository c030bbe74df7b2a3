"""The evaluation as a decision tool: every reference scored, paired bootstrap intervals, `compare`,
per-cluster regressions, kept outputs, and the cluster browser opened in a real Chromium."""
import json
from pathlib import Path

import numpy as np
import pytest

from eval import history, metrics
from eval.compare import CompareError, compare, read_outputs
from eval.dataset import load
from eval.stats import paired_bootstrap, ratio_interval
from newsbrief.environment import model_settings
from tests.conftest import ROOT, SHARED

TWO_REFERENCES = ROOT / "eval" / "data" / "two-references.jsonl"
NEUS = SHARED / "data" / "neus-test.jsonl"


def test_all_references_first_reference_and_recall_at_words_on_a_hand_computed_example():
    references = ["the cat sat on the mat", "a dog ran in the park"]
    # against the first: "the" only, P 1/3, R 1/6, F1 2/9; against the second: the, dog, ran, P 1, R 1/2, F1 2/3
    assert metrics.rouge_against("the dog ran", references, "first")["rouge1"] == pytest.approx(100 * 2 / 9)
    assert metrics.rouge_against("the dog ran", references, "all")["rouge1"] == pytest.approx(100 * 2 / 3)
    # cut to 2 words ("the dog"): recall 1/6 and 2/6, averaged 1/4; against the first only, 1/6
    assert metrics.rouge_against("the dog ran", references, "all", recall_at_words=2)["rouge1"] == pytest.approx(25.0)
    assert metrics.rouge_against("the dog ran", references, "first", recall_at_words=2)["rouge1"] == pytest.approx(100 / 6)


def _run(tmp_path: Path, *extra: str) -> tuple[dict, dict]:
    from newsbrief.cli import main

    out = tmp_path / ("-".join(extra).replace("--", "") or "default")
    assert main(["eval", "--dataset", str(TWO_REFERENCES), "--out", str(out), "--workers", "1", "-q",
                 "--system", "lead", "--system", "lexrank", "--audit", "0", *extra]) == 0
    return json.loads((out / "report.json").read_text()), read_outputs(out)


def test_two_reference_set_scores_differ_between_first_and_all_references(tmp_path):
    (first, outputs), (every, _) = _run(tmp_path, "--references", "first"), _run(tmp_path, "--references", "all")
    examples = load(TWO_REFERENCES)
    for system in ("lead", "lexrank"):
        rows_first = [r for r in first["clusters"] if r["system"] == system]
        rows_all = [r for r in every["clusters"] if r["system"] == system]
        for example, one, best in zip(examples, rows_first, rows_all):
            summary = outputs[system][example.id]["summary"]
            assert outputs[system][example.id]["references"] == list(example.references)
            assert one["rouge1"] == pytest.approx(metrics.rouge(summary, example.references[0])["rouge1"], abs=1e-3)
            assert best["rouge1"] == pytest.approx(max(metrics.rouge(summary, r)["rouge1"]
                                                       for r in example.references), abs=1e-3)
        assert every["systems"][system]["rouge1"] >= first["systems"][system]["rouge1"]
    # lead repeats the first outlet; on the museum cluster the *second* reference follows that outlet
    assert every["systems"]["lead"]["rouge1"] > first["systems"]["lead"]["rouge1"]
    assert first["systems"]["lead"]["rouge1"] == pytest.approx(PINNED_FIRST, abs=0.01)
    assert every["systems"]["lead"]["rouge1"] == pytest.approx(PINNED_ALL, abs=0.01)
    recall, _ = _run(tmp_path, "--recall-at-words", "20")
    assert recall["scoring"]["recall_at_words"] == 20 and "recall" in recall["scoring"]["text"]


PINNED_FIRST, PINNED_ALL = 48.87, 60.05  # lead on this set, first reference and best over both


def test_paired_bootstrap_contains_a_known_constant_difference():
    rng = np.random.default_rng(3)
    a = rng.uniform(20, 60, size=200)
    noise = rng.normal(0, 4, size=100)
    b = a + 2.5 + np.concatenate([noise, -noise])  # differs by exactly 2.5 on average
    difference = paired_bootstrap(list(a), list(b))
    assert difference.mean == pytest.approx(2.5)
    assert difference.low < 2.5 < difference.high and difference.high - difference.low < 2.0
    assert paired_bootstrap(list(a), list(a + 1.0)).low == pytest.approx(1.0)  # no noise: the interval is a point
    assert paired_bootstrap(list(b), list(a)).below_zero
    with pytest.raises(ValueError):
        paired_bootstrap([1.0], [1.0, 2.0])
    low, high = ratio_interval([1, 1, 0, 1], [1, 1, 1, 1])
    assert 0 <= low <= 0.75 <= high <= 1


def _write_outputs(folder: Path, system: str, scores: list[float]) -> None:
    folder.mkdir(parents=True)
    with open(folder / "outputs.jsonl", "w") as lines:
        for i, score in enumerate(scores):
            lines.write(json.dumps({"id": f"c{i}", "system": system, "summary": f"summary {i} {score:.1f}",
                                    "sentences": [], "references": ["r"],
                                    "scores": {"rouge1": score, "rouge2": score / 2, "rougeL": score / 1.5,
                                               "words": 50}}) + "\n")


def test_compare_prints_a_paired_interval_that_contains_the_known_difference(tmp_path):
    rng = np.random.default_rng(7)
    a = rng.uniform(20, 60, size=120)
    noise = rng.normal(0, 3, size=60)
    b = a - 1.5 + np.concatenate([noise, -noise])
    _write_outputs(tmp_path / "A", "newsbrief-extractive", list(a))
    _write_outputs(tmp_path / "B", "newsbrief-extractive", list(b))
    printed = compare(tmp_path / "A", tmp_path / "B")
    line = next(l for l in printed.splitlines() if l.strip().startswith("rouge1"))
    low, high = (float(x) for x in line.split("[")[1].rstrip("]").split(","))
    assert low < -1.5 < high
    assert "clusters that changed most" in printed and "A: summary" in printed
    with pytest.raises(CompareError):
        compare(tmp_path / "A", tmp_path / "missing")
    (tmp_path / "binary.jsonl").write_bytes(b"\xa9\x00\xff")
    with pytest.raises(CompareError, match="binary.jsonl:1: not UTF-8 text"):
        compare(tmp_path / "A", tmp_path / "binary.jsonl")
    _write_outputs(tmp_path / "C", "lead", list(a))
    with pytest.raises(CompareError, match="no system is in both"):
        compare(tmp_path / "A", tmp_path / "C")


def test_compare_through_the_cli(tmp_path, capsys):
    from newsbrief.cli import main

    _write_outputs(tmp_path / "A", "lead", [30.0, 40.0, 50.0])
    _write_outputs(tmp_path / "B", "lead", [33.0, 43.0, 53.0])
    assert main(["eval", "compare", str(tmp_path / "A"), str(tmp_path / "B")]) == 0
    assert "+3.00 [+3.00, +3.00]" in capsys.readouterr().out
    assert main(["eval", "compare", str(tmp_path / "A")]) == 2
    assert "two report folders" in capsys.readouterr().err


def test_history_flags_a_per_cluster_drop_that_the_threshold_misses(tmp_path):
    connection = history.connect(tmp_path / "h.sqlite")
    before_rows = [{"system": "sys", "id": f"c{i}", "rouge1": 40.0, "rouge2": 15.0, "rougeL": 30.0} for i in range(50)]
    history.record(connection, "2026-01-01", "set", {"sys": {"rouge1": 40.0}}, before_rows)
    after_rows = [dict(r, rouge1=40.0 - 0.4 - (0.1 if i % 2 else -0.1)) for i, r in enumerate(before_rows)]
    table = {"sys": {"rouge1": 39.6}}
    found = history.regressions(table, history.previous(connection, "2026-01-02", "set"), {"rouge1": 0.5},
                                after_rows, history.previous_clusters(connection, "2026-01-02", "set"))
    assert len(found) == 1 and "interval below zero" in found[0]  # -0.4 is inside the fixed 0.5 allowance
    same = history.regressions({"sys": {"rouge1": 40.0}}, history.previous(connection, "2026-01-02", "set"),
                               {"rouge1": 0.5}, before_rows, history.previous_clusters(connection, "2026-01-02", "set"))
    assert same == []


def test_local_lexrank_fills_its_budget_and_reproduces_the_published_row():
    """The published LexRank on NeuS test scores R-1 42.24 at 69.5 words; ours must be within 1 point,
    filling the budget as that one does (whole sentences, headlines among them, the last may cross)."""
    from eval.runner import Scoring, evaluate

    examples = load(NEUS)
    budget = 74
    rows = evaluate(examples, ["lexrank"], budget, str(NEUS), model_settings(), workers=2, scoring=Scoring(references="first"))
    r1 = np.mean([r["rouge1"] for r in rows])
    words = np.mean([r["words"] for r in rows])
    assert abs(r1 - 42.24) <= 1.0, r1
    assert words >= 0.9 * budget, words
