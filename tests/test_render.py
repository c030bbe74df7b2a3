import json
import re

import pytest

from summarizer.pipeline import Options, summarize
from summarizer.output.render import to_dict, to_html, to_json, to_markdown


@pytest.fixture(scope="module")
def brief(embedder, models):
    from summarizer.reading.ingest import read_path
    from tests.conftest import EXAMPLE

    documents = [d for p in sorted(EXAMPLE.iterdir()) for d in read_path(p)]
    return summarize(documents, Options(), models)


def test_json_follows_the_contract(brief):
    data = json.loads(to_json(brief))
    assert set(data) >= {"sentences", "documents", "disagreements", "stats"}
    assert data["stats"]["input_sentences"] > 0 and data["stats"]["clusters"] > 0
    for sentence in data["sentences"]:
        for c in sentence["citations"]:
            document = data["documents"][c["document"]]
            stated = document["sentences"][c["sentence"]:c["sentence"] + c["span"]]  # one, or two in a row
            assert (document["title"] if c["sentence"] == -1 else " ".join(stated)) == c["text"]
    assert data["documents"][2]["outlet"] == "Oskaria State Radio"


def test_disagreements_keep_their_json_shape(brief):
    """The README's contract: typed in the library, plain JSON at the edge, these keys exactly."""
    disagreements = json.loads(to_json(brief))["disagreements"]
    assert {d["kind"] for d in disagreements} >= {"number", "denial"}
    for item in disagreements:
        assert set(item) == {"topic", "kind", "claims"} and len(item["claims"]) >= 2
        for claim in item["claims"]:
            assert set(claim) == {"value", "text", "documents", "sentences"}
            for place in claim["sentences"]:
                assert set(place) == {"document", "sentence", "value"} and place["document"] in claim["documents"]
                if item["kind"] == "number":  # a figure as written; a dispute's value is its side's label
                    assert place["value"] in data_sentence(brief, place)


def data_sentence(brief, place: dict) -> str:
    return brief.document_sentences[place["document"]][place["sentence"]].text


def test_markdown_markers_point_at_the_numbered_sources(brief):
    markdown = to_markdown(brief)
    body, sources = markdown.split("## Sources")
    for sentence in brief.sentences:
        line = next(l for l in body.splitlines() if l.startswith(sentence.text))
        whole, _, part = line.partition("(in part: ")
        assert re.findall(r"\[(\d+)\]", whole[len(sentence.text):]) == \
            [str(c.document + 1) for c in sentence.citations if not c.in_part]
        assert re.findall(r"\[(\d+)\]", part) == [str(c.document + 1) for c in sentence.citations if c.in_part]
    # the example's outlets word the investigation differently: some state only its main fact
    assert any(c.in_part for s in brief.sentences for c in s.citations)
    assert [int(n) for n in re.findall(r"^(\d+)\. ", sources, re.M)] == list(range(1, len(brief.documents) + 1))


def test_one_source_run_by_two_articles_says_so(brief):
    # the example's coast guard report is one wire story that two outlets ran
    markdown = to_markdown(brief)
    for sentence in brief.sentences:
        articles = len({c.document for c in sentence.citations})
        line = next(l for l in markdown.splitlines() if sentence.text in l)
        if sentence.evidence.independent_sources == 1 and articles > 1:
            assert line.endswith(f"(one source: the same copy in {articles} articles)"), line
        elif sentence.evidence.independent_sources == 1:
            assert line.endswith("(one source)"), line
        else:
            assert "one source" not in line, line
    assert any(s.evidence.independent_sources == 1 and len({c.document for c in s.citations}) > 1
               for s in brief.sentences)
    # the JSON carries the same words, for the web page to show as they are
    for sentence, data in zip(brief.sentences, to_dict(brief)["sentences"]):
        line = next(l for l in markdown.splitlines() if sentence.text in l)
        assert (f"({data['note']})" in line) if data["note"] else "one source" not in line


def test_one_article_is_not_marked_one_source(brief):
    """With one source in all, every sentence is that source's: no sentence is singled out."""
    from dataclasses import replace

    alone = replace(brief, stats={**brief.stats, "independent_sources": 1})
    assert [s["note"] for s in to_dict(alone)["sentences"]] == [""] * len(brief.sentences)
    assert "one source" not in to_markdown(alone)


def test_html_is_standalone_and_escaped(brief):
    brief.sentences[0].text = "Risky <script>alert(1)</script> text"
    brief.warnings.append("<b>x.txt</b>: the same text as y.txt; the two count as one source")
    page = to_html(brief)
    assert "<li>&lt;b&gt;x.txt&lt;/b&gt;: the same text as y.txt; the two count as one source</li>" in page
    assert page.startswith("<!DOCTYPE html>") and "<script>" not in page
    assert page.count('<li id="source-') == len(brief.documents)
    assert 'href="#source-1"' in page
    assert to_dict(brief)["sentences"][0]["text"].startswith("Risky")
