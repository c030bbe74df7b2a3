"""The command line as a user meets it: real processes, real files, exit codes."""
import json
import os
import subprocess
import sys

import pytest

from newsbrief.cli import main
from summarizer.pipeline import DEFAULT_MODE
from tests.conftest import ROOT


def run(*args, stdin=b""):
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    return subprocess.run([sys.executable, "-m", "newsbrief", *args], input=stdin,
                          capture_output=True, cwd=ROOT, env=env, timeout=300)


def test_one_shot_json_from_files_and_stdin(example_paths):
    stdin_doc = example_paths[0].read_bytes()
    result = run("summarize", *map(str, example_paths[1:]), "-", "--format", "json", stdin=stdin_doc)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["documents"]) == 5 and all(s["citations"] for s in data["sentences"])
    assert data["stats"]["mode"] == DEFAULT_MODE == "extractive"  # the mode that wins on the evaluation
    assert b"embedding" in result.stderr and b"generation model" not in result.stderr


def test_abstractive_mode_loads_the_generator_with_progress(example_paths):
    result = run("summarize", *map(str, example_paths[:2]), "--mode", "abstractive", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["stats"]["generator"].startswith("qwen2.5-coder-1.5b")
    assert b"loading the generation model" in result.stderr  # progress for the slow steps


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("missing.txt", None, "missing.txt: no such file"),
        ("empty.txt", b"", "empty.txt: is empty"),
        ("img.txt", b"\x89PNG\x00\x01", "img.txt: is not a text file"),
        ("bad.json", b"{oops", "bad.json: is not valid JSON"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, name, content, expected, example_paths, capsys):
    if content is not None:
        (tmp_path / name).write_bytes(content)
    code = main(["summarize", str(example_paths[0]), str(tmp_path / name)])
    err = capsys.readouterr().err
    assert code == 2 and expected in err and err.count("\n") == 1


def test_bad_arguments_exit_2(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["summarize", "x.txt", "--max-words", "lots"])
    assert raised.value.code == 2
    assert main(["summarize", "x.txt", "--max-words", "3"]) == 2
    assert "max_words" in capsys.readouterr().err


@pytest.mark.parametrize("fmt, marker", [("markdown", "## Sources"), ("html", "<!DOCTYPE html>")])
def test_formats_and_output_file(tmp_path, example_paths, fmt, marker):
    out = tmp_path / f"brief.{fmt}"
    assert main(["summarize", *map(str, example_paths), "--format", fmt, "--mode", "extractive", "-q",
                 "-o", str(out)]) == 0
    assert marker in out.read_text()


@pytest.mark.parametrize("where, expected", [
    ("no-such-folder/brief.md", "cannot be written: no folder"),
    (".", "is a directory; --output needs a file name"),
])
def test_an_output_that_cannot_be_written_is_refused_before_the_work(tmp_path, example_paths, capsys, where,
                                                                      expected):
    code = main(["summarize", *map(str, example_paths), "-o", str(tmp_path / where)])
    err = capsys.readouterr().err
    assert code == 2 and expected in err and err.count("\n") == 1
    assert "embedding" not in err  # refused before the brief was made, not after


def test_single_document_is_summarized_with_a_warning(example_paths, capsys):
    assert main(["summarize", str(example_paths[0]), "--mode", "extractive", "-q"]) == 0
    captured = capsys.readouterr()
    assert "only one usable document" in captured.err and "[1]" in captured.out


def test_the_same_article_given_twice_is_one_source_and_the_reader_is_told(tmp_path, example_paths, capsys):
    again = tmp_path / "again.txt"
    again.write_bytes(example_paths[0].read_bytes())
    assert main(["summarize", str(example_paths[0]), str(again), "-q", "--format", "json"]) == 0
    captured = capsys.readouterr()
    brief = json.loads(captured.out)
    assert brief["stats"]["independent_sources"] == 1
    assert f"again.txt: the same text as {example_paths[0]}" in captured.err
    assert "the 2 documents are copies of one article" in captured.err
    assert brief["warnings"] and all(w in captured.err for w in brief["warnings"])


@pytest.mark.parametrize("variable, value, expected", [
    ("NEWSBRIEF_THREADS", "two", "NEWSBRIEF_THREADS: must be a whole number of 1 or more, not 'two'"),
    ("NEWSBRIEF_THREADS", "0", "NEWSBRIEF_THREADS: must be a whole number"),
    ("NEWSBRIEF_GENERATOR", "gpt-9", "NEWSBRIEF_GENERATOR: unknown generator 'gpt-9'; known: qwen-1.5b"),
    ("NEWSBRIEF_EMBEDDER", "word2vec", "NEWSBRIEF_EMBEDDER: unknown embedder 'word2vec'; known: minilm, "
                                       "minilm-sentence-transformers"),
])
def test_a_bad_setting_in_the_environment_exits_2_with_one_line(example_paths, variable, value, expected):
    env = dict(os.environ, HF_HUB_OFFLINE="1", **{variable: value})
    result = subprocess.run([sys.executable, "-m", "newsbrief", "summarize", *map(str, example_paths)],
                            capture_output=True, cwd=ROOT, env=env, timeout=300)
    err = result.stderr.decode()
    assert result.returncode == 2 and err.startswith("newsbrief: error: ") and expected in err, err
    assert err.count("\n") == 1 and result.stdout == b""


def test_a_bad_service_setting_is_named():
    from api.settings import Settings
    from newsbrief.environment import SettingError

    with pytest.raises(SettingError, match="NEWSBRIEF_QUEUE_SIZE: must be a whole number of 0 or more, not 'many'"):
        Settings.from_env({"NEWSBRIEF_QUEUE_SIZE": "many"})
    assert Settings.from_env({"NEWSBRIEF_QUEUE_SIZE": "3"}).queue_size == 3
