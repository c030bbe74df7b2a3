"""The disagreement finder measured on a labelled set we wrote (tests/data/disagreements.jsonl):
control of a place claimed and contested in many wordings, rival figures for the same count, and
opposite characterisations, each beside pairs that look alike but do not disagree. Real MiniLM."""
import json
from pathlib import Path

import pytest

from summarizer.comparison.disagree import find_disagreements
from summarizer.lang.en import ENGLISH
from summarizer.reading.ingest import read_path
from summarizer.types import Sentence

CASES = [json.loads(line) for line in (Path(__file__).parent / "data" / "disagreements.jsonl").read_text().splitlines()]
# Measured on this set (closing note of the abstractive issue); a drop below these is a regression.
# Opposite characterisations: 24 cases, the last 8 written after the finder and scored once as held
# out (8 of 8 right) before they joined the set.
MIN_PRECISION, MIN_RECALL = 0.9, 0.8
MIN_CONTROL_RECALL = 0.9
MIN_CHARACTERISATION = 0.9  # precision and recall


@pytest.fixture(scope="module")
def found(embedder):
    results = []
    for case in CASES:
        texts = [text for _, text in case["reports"]]
        vectors = embedder.embed(texts)
        sentences = [Sentence(document=d, index=i, text=t, start=0, end=len(t), embedding=v)
                     for i, ((d, t), v) in enumerate(zip(case["reports"], vectors))]
        results.append((case, find_disagreements(sentences, ENGLISH)))
    return results


def _rates(found, kinds):
    rows = [(case["disagree"], bool(disagreements)) for case, disagreements in found if case["kind"] in kinds]
    tp = sum(1 for truth, said in rows if truth and said)
    precision = tp / max(sum(1 for _, said in rows if said), 1)
    recall = tp / max(sum(1 for truth, _ in rows if truth), 1)
    return precision, recall


def test_precision_and_recall_of_the_disagreement_finder(found):
    report = "\n".join(f"{case['id']:>20} truth={case['disagree']!s:5} found={[d.topic for d in ds]}"
                       for case, ds in found)
    precision, recall = _rates(found, {"control", "figures", "characterisation"})
    control = _rates(found, {"control"})
    described = _rates(found, {"characterisation"})
    print(f"\ndisagreements: precision {precision:.2f} recall {recall:.2f} on {len(found)} cases; "
          f"control {control[0]:.2f} / {control[1]:.2f}; characterisation {described[0]:.2f} / {described[1]:.2f}"
          f"\n{report}")
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, report
    assert control[0] >= MIN_PRECISION and control[1] >= MIN_CONTROL_RECALL, report
    assert min(described) >= MIN_CHARACTERISATION, report


def test_the_seeds_show_the_dispute_over_shusha(models):
    from summarizer.pipeline import Options, summarize
    from tests.conftest import SEEDS

    documents = [d for path in sorted(SEEDS.iterdir()) for d in read_path(path)]
    brief = summarize(documents, Options(), models)
    [shusha] = [d for d in brief.disagreements if d.topic == "Control of Shusha"]
    sides = {c.value: c.documents for c in shusha.claims}
    # Aliyev's "taken" (and the separatists' "lost control") against Pashinyan's "the fighting continues"
    assert set(sides) == {"taken", "still contested"} and len(sides["taken"]) >= 2


def test_two_tolls_in_two_articles_leads_differ_however_else_the_sentences_differ(models, example_documents):
    from summarizer.pipeline import Options, summarize

    # State Radio's "nine people were confirmed dead and that divers would continue searching" and
    # Coastline Daily's "at least 11 people were killed, while the union put the toll at 17 or more":
    # 0.34 close in meaning, but both in their articles' first sentences, counting people
    state_radio, coastline = (d for d in example_documents if "03-state-radio" in d.origin
                              or "05-coastline-daily" in d.origin)
    brief = summarize([state_radio, coastline], Options(), models)
    [toll] = [d for d in brief.disagreements if d.topic == "Death toll"]
    sides = {c.value: c.documents for c in toll.claims}
    assert sides == {"nine": [0], "at least 11": [1], "17 or more": [1]}
