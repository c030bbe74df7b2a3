"""Evaluation harness: metrics on hand-computed examples, the loader on malformed lines, the
published-output anchors, and identical results from the process pool and from Ray."""
import json

import numpy as np
import pytest

from eval import history, metrics
from eval.report import budget_used_where_fillable
from eval.dataset import DatasetError, load, mean_reference_words
from eval.runner import evaluate, without_timings
from eval.systems import published_line
from newsbrief.environment import model_settings
from tests.conftest import ROOT, SHARED

TINY = ROOT / "eval" / "data" / "tiny.jsonl"
NEUS = SHARED / "data" / "neus-test.jsonl"


def test_rouge_on_a_hand_computed_example():
    # reference "the cat sat on the mat" (6 unigrams), summary "the cat sat" (3): P=1, R=3/6, F1=2/3
    scores = metrics.rouge("the cat sat", "the cat sat on the mat")
    assert scores["rouge1"] == pytest.approx(100 * 2 / 3)
    # bigrams: summary {the cat, cat sat} both in the reference's 5: P=1, R=2/5, F1=4/7
    assert scores["rouge2"] == pytest.approx(100 * 4 / 7)
    assert scores["rougeL"] == pytest.approx(100 * 2 / 3)
    assert metrics.rouge("dogs running", "dog runs")["rouge1"] == pytest.approx(100.0)  # stemming


def test_truncation_redundancy_and_length():
    assert metrics.truncate("one two three four", 2) == "one two"
    assert metrics.truncate("one two", None) == "one two"
    # trigrams of "a b c a b c": abc bca cab abc -> 4, unique 3 -> 1/4 repeated
    assert metrics.repeated_ngrams("a b c a b c") == pytest.approx(0.25)
    assert metrics.repeated_ngrams("a b") == 0.0
    assert metrics.words("a  b\nc") == 3


def test_vector_metrics():
    a, b = np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[1.0, 0.0]])
    assert metrics.semantic_similarity(a, b) == pytest.approx(np.sqrt(0.5))
    assert metrics.max_pair_similarity(np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]])) == pytest.approx(0.8)
    assert metrics.max_pair_similarity(a[:1]) == 0.0


def test_names_numbers_and_loaded_terms():
    sources = "Coast guard spokesman Piet Arvo said 198 people were rescued off Tallow Point."
    assert metrics.found_in_sources("Piet Arvo said 198 were rescued.", sources) == 1.0
    assert metrics.found_in_sources("Piet Arvo said 250 were rescued.", sources) == pytest.approx(1 / 2)
    # a name the brief cuts off where the given text ends, initials and all
    assert metrics.found_in_sources("The court said the U.S. Coast Guard’s…", "The U.S. Coast Guard’s Harbour Unit stayed.") == 1.0
    assert metrics.loaded_term_count("Rebels slammed the regime, which 'admitted' nothing.") == 3


@pytest.mark.parametrize("line, problem", [
    ("{not json", "not valid JSON"),
    ('["a"]', "a line must be a JSON object"),
    ('{"documents": [], "references": ["r"]}', '"documents" must be a non-empty list'),
    ('{"documents": [{"title": "t"}], "references": ["r"]}', 'documents[0] must be an object with a "text"'),
    ('{"documents": [{"text": "t"}], "references": []}', '"references" must be a non-empty list'),
    ('{"documents": [{"text": "t"}], "references": ["r"], "word_limit": -3}', '"word_limit" must be a positive'),
])
def test_loader_names_the_bad_line(tmp_path, line, problem):
    path = tmp_path / "set.jsonl"
    good = json.dumps({"id": "ok", "documents": [{"text": "t"}], "references": ["r"]})
    path.write_text(f"{good}\n\n{line}\n")
    with pytest.raises(DatasetError) as raised:
        load(path)
    assert f"{path}:3: {problem}" in str(raised.value)


def test_loader_refuses_a_file_that_is_not_text(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_bytes(b"\xa9\x00\xff binary")
    with pytest.raises(DatasetError, match="set.jsonl:1: not UTF-8 text"):
        load(path)


def test_loader_reads_the_tiny_set():
    examples = load(TINY)
    assert [e.index for e in examples] == [0, 1, 2] and examples[0].id == "tiny-ferry"
    assert mean_reference_words(examples) == 43
    assert len(load(TINY, limit=2)) == 2


def test_published_anchor_is_recomputed_as_in_the_data_readme():
    # lexrank's published outputs on NeuS: README table R-1 42.24, R-2 18.16, R-L 26.61
    examples = load(NEUS)
    scores = [metrics.rouge(published_line(NEUS, "lexrank", e.index), e.references[0]) for e in examples]
    for metric, expected in (("rouge1", 42.24), ("rouge2", 18.16), ("rougeL", 26.61)):
        assert np.mean([s[metric] for s in scores]) == pytest.approx(expected, abs=0.1)


def test_process_pool_and_ray_give_the_same_results():
    examples = load(TINY)
    systems = ["newsbrief-extractive", "lead", "lexrank"]
    local = evaluate(examples, systems, 43, str(TINY), model_settings(), workers=2)
    ray_results = evaluate(examples, systems, 43, str(TINY), model_settings(), workers=2, engine="ray")
    assert without_timings(local) == without_timings(ray_results)
    assert {r["system"] for r in local} == set(systems) and len(local) == 9


def test_history_flags_a_regression(tmp_path):
    connection = history.connect(tmp_path / "h.sqlite")
    history.record(connection, "2026-01-01", "set", {"sys": {"rouge1": 40.0, "rouge2": 15.0}}, [])
    before = history.previous(connection, "2026-01-02", "set")
    assert history.regressions({"sys": {"rouge1": 39.0, "rouge2": 14.8}}, before, {"rouge1": 0.5, "rouge2": 0.5}) == [
        "sys rouge1: 40.00 -> 39.00 (allowed drop 0.5)"]
    assert history.previous(connection, "2026-01-01", "set") == {}
    assert history.trend_plot(connection, "set").startswith(b"\x89PNG")


def test_budget_use_is_measured_where_the_sources_could_fill_it():
    rows = [{"words": 70, "budget": 74, "fillable_words": 74},
            {"words": 60, "budget": 74, "fillable_words": 67},   # 90.5% fillable: counts
            {"words": 20, "budget": 74, "fillable_words": 22},   # the sources had little to say: does not
            {"words": 50, "budget": 74, "fillable_words": None}]  # a system that does not report it
    assert budget_used_where_fillable(rows) == {"budget_used_where_fillable": round((70 / 74 + 60 / 74) / 2, 3),
                                                "fillable_clusters": 2}
    assert budget_used_where_fillable(rows[2:]) == {}


def test_cli_eval_writes_json_and_html_reports(tmp_path, capsys):
    from newsbrief.cli import main

    assert main(["eval", "--dataset", str(TINY), "--out", str(tmp_path), "--workers", "1", "-q",
                 "--system", "lead", "--system", "newsbrief-extractive"]) == 0
    report = json.loads((tmp_path / "report.json").read_text())
    assert set(report["systems"]) == {"lead", "newsbrief-extractive"} and report["length_budget_words"] == 43
    ours = report["systems"]["newsbrief-extractive"]
    assert "budget_used_where_fillable" not in report["systems"]["lead"]
    assert ours.get("fillable_clusters", 0) <= 3 and all(
        row["words"] <= row["fillable_words"] <= 43 for row in report["clusters"] if row["system"] == "newsbrief-extractive")
    assert "<table id='systems'>" in (tmp_path / "report.html").read_text()
    lines = [json.loads(line) for line in (tmp_path / "outputs.jsonl").read_text().splitlines()]
    assert len(lines) == 6 and all(line["summary"] and line["references"] for line in lines)
    assert main(["eval", "--dataset", str(tmp_path / "missing.jsonl"), "-q"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_nightly_runs_the_suite_records_history_and_flags_regressions(tmp_path):
    from newsbrief.cli import main

    config = tmp_path / "nightly.json"
    config.write_text(json.dumps({
        "history": str(tmp_path / "history.sqlite"),
        "thresholds": {"rouge1": 0.5},
        "suite": [{"dataset": str(TINY), "systems": ["lead", "newsbrief-extractive"]}]}))
    arguments = ["eval", "nightly", "--config", str(config), "--out", str(tmp_path / "out"), "--workers", "1", "-q"]
    assert main(arguments) == 0
    assert main(arguments) == 0  # the same figures again: no regression
    report = (tmp_path / "out" / "tiny" / "report.html").read_text()
    assert "Trend" in report
    connection = history.connect(tmp_path / "history.sqlite")
    assert connection.execute("SELECT COUNT(DISTINCT run) FROM results").fetchone()[0] == 2
    # a better previous night makes tonight a regression
    connection.execute("UPDATE results SET value = value + 5 WHERE metric = 'rouge1'")
    connection.commit()
    assert main(arguments) == 1


@pytest.mark.parametrize("content, problem", [
    (None, "no such file"),
    (b"\xa9\x00 binary", "not UTF-8 text"),
    (b'{"history": "h.sqlite",', "nightly.json:1: not valid JSON"),
    (b'{"history": "h.sqlite", "suite": []}', 'needs "history" (a path), "thresholds" (an object) and "suite"'),
    (b'{"history": "h", "thresholds": {}, "suite": [{"dataset": "x.jsonl"}]}', 'suite[0] needs "dataset"'),
    (b'{"history": "h", "thresholds": {}, "suite": [{"dataset": "x.jsonl", "systems": ["best"]}]}',
     "suite[0]: unknown system 'best'"),
])
def test_a_bad_nightly_suite_is_refused_with_one_line(tmp_path, capsys, content, problem):
    from newsbrief.cli import main

    config = tmp_path / "nightly.json"
    if content is not None:
        config.write_bytes(content)
    assert main(["eval", "nightly", "--config", str(config), "--out", str(tmp_path / "out"), "-q"]) == 2
    err = capsys.readouterr().err
    assert problem in err and err.count("\n") == 1


def test_the_audit_checks_a_headline_as_the_brief_cited_it(embedder):
    from eval.audit import audit_sentence

    source = "Most ferry riders in Velmar back the new winter timetable, a harbour survey found."
    cited = {"document": 1, "sentence": 0, "text": source}

    def audited(mode):
        sentence = {"text": "Majority backs new winter ferry timetable in Velmar.", "citations": [cited],
                    "evidence": {"mode": mode}}
        [citation] = audit_sentence(sentence, [["The council voted."], [source]], embedder, None)["citations"]
        return citation["record"].get("reason")

    # the headline's first capital is only the headline's, as the headline stage reads it; a sentence's is a name
    assert audited("headline") is None
    assert audited("extractive") == "does not name Majority"
