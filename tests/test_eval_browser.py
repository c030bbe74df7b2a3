"""An evaluation run as a user reads it: `newsbrief eval` on 20 NeuS clusters writes the summaries with
their citations, audits our citations with the real judge, and its report is browsed in Chromium."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import ROOT, SHARED
from tests.test_web_page import CHROMIUM, FLAGS

NEUS = SHARED / "data" / "neus-test.jsonl"


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("eval") / "neus20"
    subprocess.run([sys.executable, "-m", "newsbrief", "eval", "--dataset", str(NEUS), "--limit", "20",
                    "--out", str(out), "--system", "newsbrief-extractive", "--system", "lexrank", "--audit", "8",
                    "--no-anchors", "-q"], cwd=ROOT, check=True, env=dict(os.environ, HF_HUB_OFFLINE="1"))
    return out


def test_outputs_keep_summaries_citations_and_references(run_folder):
    lines = [json.loads(line) for line in (run_folder / "outputs.jsonl").read_text().splitlines()]
    assert len(lines) == 40 and {line["system"] for line in lines} == {"newsbrief-extractive", "lexrank"}
    ours = [line for line in lines if line["system"] == "newsbrief-extractive"]
    for line in ours:
        assert line["summary"] == " ".join(s["text"] for s in line["sentences"])
        assert line["references"] and set(line["scores"]) >= {"rouge1", "rouge2", "rougeL", "words"}
        for sentence in line["sentences"]:
            assert sentence["citations"] and "citation_checks" in sentence["evidence"]
    report = json.loads((run_folder / "report.json").read_text())
    audit = report["citation_audit"]["systems"]["newsbrief-extractive"]
    assert audit["sentences"] == 8 and audit["citations"] >= 8
    assert 0 <= audit["precision_low"] <= audit["precision"] <= audit["precision_high"] <= 1
    assert 0 <= audit["recall_low"] <= audit["recall"] <= audit["recall_high"] <= 1
    assert audit["documents_per_sentence"] >= 1.0
    [pair] = [d for d in report["paired_differences"] if d["against"] == "lexrank"]
    assert pair["rouge1"]["low"] <= pair["rouge1"]["mean"] <= pair["rouge1"]["high"]


def test_report_browser_opens_a_cluster_from_the_table(run_folder, tmp_path):
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed (apt-get install chromium; make test installs it)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto((run_folder / "report.html").as_uri())
        assert page.locator("#systems tr").count() == 3
        clusters = page.locator("section.cluster")
        assert clusters.count() == 20 and not clusters.first.is_visible()  # closed until chosen
        link = page.locator("#extremes a").first
        target = link.get_attribute("href").lstrip("#")
        link.click()
        section = page.locator(f"#{target}")
        assert section.is_visible()
        text = section.inner_text()
        assert "reference 1" in text and "newsbrief-extractive" in text and "lexrank" in text
        section.locator("details summary").first.click()  # a sentence's citations and evidence
        assert "citation_checks" in section.locator("details pre").first.inner_text()
        page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
        browser.close()
