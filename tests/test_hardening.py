"""The probe's defects, each pinned against a real server process (or the real CLI): hostile bodies,
slow pages, abandoned clients, other languages, text without full stops, stale pages, offline docs,
security headers, metrics, and oversized input."""
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit

import httpx
import pytest

from tests.conftest import EXAMPLE, ROOT, free_port, start_server

ARTICLES = [{"text": (EXAMPLE / name).read_text()} for name in ("01-northern-wire.txt", "04-harbour-observer.txt")]


class Pages:
    """A loopback web server whose pages the tests change: '/slow' trickles 16 bytes every 2 s."""

    def __init__(self):
        self.body = b""
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.end_headers()
                if self.path == "/slow":
                    try:
                        for _ in range(60):
                            self.wfile.write(b"Slow news. " * 2)
                            self.wfile.flush()
                            time.sleep(2)
                    except OSError:
                        pass
                    return
                self.wfile.write(owner.body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture(scope="module")
def pages():
    served = Pages()
    yield served
    served.server.shutdown()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    process = start_server(port, tmp_path_factory.mktemp("hardening") / "service.sqlite", allow_loopback_urls="1",
                           fetch_timeout="4", url_cache_seconds="1")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=30)


def post(server: str, body, **options) -> httpx.Response:
    return httpx.post(f"{server}/v1/briefs", json=body, timeout=120, **options)


def test_lone_surrogate_is_a_422_naming_the_field(server):
    raw = '{"documents": [{"text": "Storm hits the coast \\ud800 today."}]}'
    for route in ("/v1/briefs", "/v1/jobs"):
        response = httpx.post(f"{server}{route}", content=raw, headers={"content-type": "application/json"}, timeout=30)
        assert response.status_code == 422, response.text
        [detail] = response.json()["detail"]
        assert detail["loc"] == ["body", "documents", 0, "text"] and "surrogate" in detail["msg"]


def test_chunked_body_past_the_cap_is_refused_while_it_arrives(server):
    host, port = urlsplit(server).hostname, urlsplit(server).port
    sent, answer = 0, b""
    with socket.create_connection((host, port)) as raw:  # 4 MB is the cap; offer 200 MB without a length
        raw.sendall(b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"{" * 1_000_000
        try:
            while sent < 200_000_000 and not answer:
                raw.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                sent += len(chunk)
                raw.settimeout(0.05)
                try:
                    answer = raw.recv(4096)
                except socket.timeout:
                    pass
        except OSError:  # the server closed the connection after answering
            pass
        raw.settimeout(5)
        try:
            while b"}" not in answer.partition(b"\r\n\r\n")[2]:  # the JSON body after the headers
                more = raw.recv(4096)
                if not more:
                    break
                answer += more
        except OSError:
            pass
    assert answer.startswith(b"HTTP/1.1 413") and b'"loc":["body"]' in answer, answer[:300]
    assert sent < 20_000_000  # answered while the body was still arriving
    metrics = httpx.get(f"{server}/metrics", timeout=10).text
    assert 'newsbrief_requests_total{route="/v1/briefs",status="413"}' in metrics  # labelled by its route


@pytest.mark.parametrize("content", [b"", b"not json", b"{\"documents\": "])
def test_a_body_that_is_not_json_or_empty_is_400(server, content):
    response = httpx.post(f"{server}/v1/briefs", content=content, headers={"content-type": "application/json"},
                          timeout=30)
    assert response.status_code == 400 and response.json()["detail"][0]["loc"] == ["body"], response.text


def test_shared_address_space_is_refused(server):
    for address in ("100.64.0.1", "100.127.255.254", "192.0.2.1", "[::ffff:10.0.0.1]"):
        response = post(server, {"documents": [{"url": f"http://{address}/x"}]})
        assert response.status_code == 422 and "refused" in response.json()["detail"][0]["msg"], address


def test_a_trickling_page_is_cut_at_the_fetch_deadline_and_frees_the_worker(server, pages):
    started = time.time()
    response = post(server, {"documents": [{"url": f"{pages.base}/slow"}]})
    took = time.time() - started
    assert response.status_code == 422 and "longer than 4.0 s" in response.json()["detail"][0]["msg"]
    assert took < 12  # the deadline (4 s), at most one read past it, and the brief
    assert post(server, {"documents": ARTICLES}).status_code == 200


def test_clients_that_give_up_free_their_queue_slots(server, pages):
    holder = threading.Thread(target=lambda: post(server, {"documents": [{"url": f"{pages.base}/slow"}]}))
    holder.start()  # holds the only worker until the fetch deadline (4 s)
    time.sleep(0.3)
    host, port = urlsplit(server).hostname, urlsplit(server).port

    def give_up(n: int) -> None:  # post, wait one second, hang up
        body = json.dumps({"documents": ARTICLES, "options": {"max_words": 60 + n}}).encode()
        with socket.create_connection((host, port)) as raw:
            raw.sendall(b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            raw.settimeout(1)
            try:
                raw.recv(100)
            except OSError:
                pass

    clients = [threading.Thread(target=give_up, args=(n,)) for n in range(7)]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    depth = None
    for _ in range(10):  # while the slow fetch still runs, only it may hold a slot
        line = [l for l in httpx.get(f"{server}/metrics", timeout=10).text.splitlines()
                if l.startswith("newsbrief_queue_depth ")][0]
        depth = float(line.split()[1])
        if depth <= 1:
            break
        time.sleep(0.2)
    assert depth is not None and depth <= 1
    holder.join(timeout=30)


def test_documents_in_another_script_are_refused_naming_it(server, tmp_path):
    russian = "Вертолёт Ми-24 был сбит над Арменией. Министерство обороны сообщило о гибели двух членов экипажа."
    response = post(server, {"documents": [ARTICLES[0], {"text": russian}]})
    assert response.status_code == 422
    [detail] = response.json()["detail"]
    assert detail["loc"] == ["body", "documents", 1] and "Cyrillic" in detail["msg"] and "English" in detail["msg"]
    path = tmp_path / "ru.txt"
    path.write_text(russian)
    cli = subprocess.run([sys.executable, "-m", "newsbrief", "summarize", "--mode", "extractive", str(path)],
                         cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, HF_HUB_OFFLINE="1"))
    assert cli.returncode == 2 and cli.stderr.count("\n") == 1 and "English text only" in cli.stderr


def test_text_without_full_stops_says_why_the_brief_is_empty(server):
    words = " ".join(f"word{i % 500} and more" for i in range(8000))  # ~99,000 characters, no full stop
    response = post(server, {"documents": [{"text": words[:99_000]}, {"text": words[1000:100_000 - 1000]}]})
    assert response.status_code == 200
    brief = response.json()
    assert brief["sentences"] == [] and any("no sentence could be chosen" in w for w in brief["warnings"])


def test_briefs_of_fetched_pages_age(server, pages):
    article = (EXAMPLE / "01-northern-wire.txt").read_text()
    pages.body = article.encode()
    body = {"documents": [{"url": f"{pages.base}/story"}, ARTICLES[1]], "options": {"max_words": 150}}
    first = post(server, body).json()
    pages.body = article.replace("at least 11", "at least 40").encode()
    time.sleep(1.5)  # the service here keeps URL briefs 1 s
    second = post(server, body).json()
    assert "at least 11" in first["documents"][0]["sentences"][0] + " ".join(first["documents"][0]["sentences"])
    assert "at least 40" in " ".join(second["documents"][0]["sentences"])


def test_docs_work_offline_and_pages_carry_security_headers(server):
    docs = httpx.get(f"{server}/docs", timeout=10)
    assert docs.status_code == 200 and "cdn" not in docs.text.lower() and "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert httpx.get(f"{server}/docs-assets/swagger-ui-bundle.js", timeout=10).status_code == 200
    page = httpx.get(f"{server}/", timeout=10)
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe-inline" not in \
        policy.split("script-src")[1].split(";")[0]
    assert page.headers["x-content-type-options"] == "nosniff" and page.headers["x-frame-options"] == "DENY"


def test_cli_refuses_a_10_mb_file_at_once_with_one_line(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("The ferry sank off the coast, officials said. " * 230_000)  # ~10.6 MB
    started = time.time()
    cli = subprocess.run([sys.executable, "-m", "newsbrief", "summarize", "--mode", "extractive", str(path)],
                         cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, HF_HUB_OFFLINE="1"))
    assert cli.returncode == 2 and cli.stderr.count("\n") == 1 and "at most 400000 characters" in cli.stderr
    assert time.time() - started < 30
    medium = tmp_path / "medium.txt"  # under the file cap, over the per-document cap
    medium.write_text("The ferry sank off the coast, officials said. " * 3000)
    cli = subprocess.run([sys.executable, "-m", "newsbrief", "summarize", "--mode", "extractive", str(medium)],
                         cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, HF_HUB_OFFLINE="1"))
    assert cli.returncode == 2 and "at most 100000 per document" in cli.stderr


def test_pipeline_bounds_its_sentences():
    from summarizer.reading.segment import cap
    from summarizer.types import Sentence

    documents = [[Sentence(d, i, "x", 0, 1) for i in range(n)] for d, n in enumerate([3000, 1000, 0])]
    kept = cap(documents, 2000)
    assert [len(k) for k in kept] == [1500, 500, 0] and kept[0][0].index == 0
    assert cap(documents[1:], 2000) == documents[1:]
