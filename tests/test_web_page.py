"""The web page in a real headless Chromium (Debian's), driven by Playwright, against the real server:
paste articles, get the brief, click a citation and see the cited sentence in its article."""
import struct
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import EXAMPLE

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def page(live_server):
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed (apt-get install chromium; .ci/run does it)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.goto(live_server + "/")
        yield tab
        browser.close()


def submitted(page) -> dict:
    """Click "go" and wait for the brief on the page; the JSON brief the server answered with."""
    with page.expect_response(lambda reply: reply.url.endswith("/v1/briefs"), timeout=60_000) as answered:
        page.click("#go")
    page.wait_for_selector("#brief p", timeout=60_000)
    return answered.value.json()


def test_paste_summarize_and_follow_a_citation(page, tmp_path):
    areas = page.locator("textarea.text")
    areas.nth(0).fill((EXAMPLE / "01-northern-wire.txt").read_text())
    areas.nth(1).fill((EXAMPLE / "04-harbour-observer.txt").read_text())
    page.click("#add")
    page.locator("textarea.text").nth(2).fill((EXAMPLE / "03-state-radio.html").read_text())
    brief = submitted(page)
    paragraphs = page.locator("#brief p")
    assert paragraphs.count() >= 3
    marker = page.locator("#brief p .cite").first
    document, sentence = marker.get_attribute("data-doc"), marker.get_attribute("data-sentence")
    marker.click()
    article = page.locator(f"#article-{document}")
    assert article.is_visible()
    highlighted = page.locator(".hit")
    assert highlighted.count() == 1 and highlighted.get_attribute("id") == f"s-{document}-{sentence}"
    assert page.locator("#differ h2").inner_text() == "Where sources differ"
    assert "Death toll" in page.locator("#differ").inner_text()
    # each sentence's "(one source ...)" note is the server's, word for word
    notes = [p.locator(".note").inner_text() if p.locator(".note").count() else "" for p in paragraphs.all()]
    assert notes == [f" ({s['note']})" if s["note"] else "" for s in brief["sentences"]]
    # outlets that state only a sentence's main fact are cited apart, as the server marks them
    parts = [p.locator(".part .cite").count() for p in paragraphs.all()]
    assert parts == [sum(c["in_part"] for c in s["citations"]) for s in brief["sentences"]]
    assert any(parts)
    shot = tmp_path / "page.png"  # kept by pytest under its tmp folder for a look
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    width, height = struct.unpack(">II", data[16:24])  # PNG IHDR
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and width == 1280 and height >= 900 and len(data) > 30_000


def test_bad_input_shows_the_servers_message(page):
    page.goto(page.url)
    page.locator("textarea.text").nth(0).fill("[ad_1]\nplease wait")
    page.click("#go")
    page.wait_for_function("document.getElementById('error').textContent.length > 0", timeout=30_000)
    assert "no article text" in page.locator("#error").inner_text()


def test_one_article_brief_singles_out_no_sentence(page):
    """With one article in all, no sentence is "(one source)": the page shows the server's note, which is
    empty here (the page once worded notes itself and marked every sentence)."""
    page.goto(page.url)
    page.locator("textarea.text").nth(0).fill((EXAMPLE / "04-harbour-observer.txt").read_text())
    sentences = submitted(page)["sentences"]
    assert sentences and all(s["single_source"] and s["note"] == "" for s in sentences)
    assert page.locator("#brief p").count() == len(sentences) and page.locator("#brief .note").count() == 0
    # ... and says why: the server's warnings are shown beside the brief
    assert "only one usable document" in page.locator("#warnings").inner_text()
