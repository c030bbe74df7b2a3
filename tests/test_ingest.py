import json

import pytest

from summarizer.reading.ingest import InputError, parse_bytes, parse_json, read_path


def test_reads_text_html_and_json_with_metadata(example_documents):
    outlets = [d.outlet for d in example_documents]
    assert len(example_documents) == 5
    assert "Oskaria State Radio" in outlets  # from the HTML page's metadata
    json_doc = example_documents[-1]
    assert json_doc.outlet == "Coastline Daily" and json_doc.published == "2026-03-15"


def test_html_main_text_is_extracted_without_navigation(example_paths):
    [page] = read_path(next(p for p in example_paths if p.suffix == ".html"))
    assert "Marisol Star" in page.text
    assert "Listen live" not in page.text and "Cookie settings" not in page.text


def test_content_is_sniffed_when_there_is_no_suffix():
    [doc] = parse_bytes(b'{"documents": [{"text": "A ship sank."}]}', "stdin")
    assert doc.text == "A ship sank."
    [doc] = parse_bytes(b"<html><body><article><p>" + b"The ferry sank near the coast today. " * 5
                        + b"</p></article></body></html>", "stdin")
    assert doc.text.startswith("The ferry sank")
    [doc] = parse_bytes(b"Plain words about a ferry.", "stdin")
    assert doc.text == "Plain words about a ferry."


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "is empty"),
        (b"  \n\t ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
        (b"caf\xe9 au lait", "not UTF-8 text (bad byte at offset 3)"),
    ],
)
def test_bad_bytes_are_refused_with_the_reason(data, problem):
    with pytest.raises(InputError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        parse_bytes(data, "upload.txt", ".txt")


@pytest.mark.parametrize(
    "payload, where, problem",
    [
        ("{", "in.json", "not valid JSON (line 1"),
        ("[]", "in.json", '"documents" list'),
        ('{"documents": []}', "in.json: documents", "is empty"),
        ('{"documents": [3]}', "documents[0]", "must be an object"),
        ('{"documents": [{"title": "x"}]}', "documents[0]", 'needs "text" or "html"'),
        ('{"documents": [{"text": 5}]}', "documents[0].text", "must be a string, not int"),
        ('{"documents": [{"text": "ok"}, {"text": "   "}]}', "documents[1].text", "is empty"),
    ],
)
def test_bad_json_names_the_field(payload, where, problem):
    with pytest.raises(InputError) as raised:
        parse_json(payload, "in.json")
    assert where in raised.value.where and problem in raised.value.problem


def test_json_html_field_is_extracted():
    page = "<html><body><article><p>" + "Rescuers reached the ferry before dawn. " * 4 + "</p></article></body></html>"
    [doc] = parse_json(json.dumps({"documents": [{"html": page, "outlet": "X"}]}), "in.json")
    assert doc.text.startswith("Rescuers reached") and doc.outlet == "X"


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path)
