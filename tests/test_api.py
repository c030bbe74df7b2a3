"""The REST service: the real app over the real pipeline and embedder, in-process (TestClient) and
as a real server process on a loopback port, killed and restarted with jobs in flight."""
import http.server
import json
import signal
import threading
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.conftest import EXAMPLE, free_port, start_server

ARTICLES = [{"text": (EXAMPLE / name).read_text()} for name in
            ("01-northern-wire.txt", "04-harbour-observer.txt")] + [{"html": (EXAMPLE / "03-state-radio.html").read_text()}]


@pytest.fixture()
def client(tmp_path):
    with TestClient(create_app(Settings(database=tmp_path / "db.sqlite", max_documents=4,
                                        max_document_chars=20_000, max_body_bytes=200_000))) as test_client:
        yield test_client


def test_brief_in_the_json_contract_and_cached(client):
    response = client.post("/v1/briefs", json={"documents": ARTICLES, "options": {"max_words": 90}})
    assert response.status_code == 200
    brief = response.json()
    assert brief["sentences"] and all(s["citations"] for s in brief["sentences"])
    for s in brief["sentences"]:
        for c in s["citations"]:
            document = brief["documents"][c["document"]]
            assert (document["title"] if c["sentence"] == -1 else document["sentences"][c["sentence"]]) == c["text"]
    assert brief["documents"][2]["outlet"] == "Oskaria State Radio"
    again = client.post("/v1/briefs", json={"options": {"max_words": 90}, "documents": ARTICLES})
    assert again.json()["stats"] == brief["stats"]  # the same request is served from the cache


@pytest.mark.parametrize("body, status, loc, words", [
    ({"documents": []}, 422, ["body", "documents"], "at least 1"),
    ({"documents": [{"text": "   "}]}, 422, ["body", "documents", 0], '"text" is empty'),
    ({"documents": [{"text": 7}]}, 422, ["body", "documents", 0, "text"], "valid string"),
    ({"documents": [{"text": "a", "url": "http://x.example"}]}, 422, ["body", "documents", 0], "exactly one"),
    ({"documents": [{"text": "a"}], "options": {"max_words": 5}}, 422, ["body", "options", "max_words"], "10"),
    ({"documents": [{"text": "a"}] * 5}, 413, ["body", "documents"], "at most 4 documents"),
    ({"documents": [{"text": "a" * 20_001}]}, 413, ["body", "documents", 0, "text"], "at most 20000"),
    ({"documents": [{"text": "[ad_1]\nplease wait"}]}, 422, ["body", "documents"], "no article text"),
    ({"documents": [{"url": "http://127.0.0.1:9/a"}]}, 422, ["body", "documents", 0, "url"], "loopback"),
    ({"documents": [{"url": "file:///etc/passwd"}]}, 422, ["body", "documents", 0, "url"], "http or https"),
])
def test_bad_input_gets_4xx_json_naming_field_and_problem(client, body, status, loc, words):
    response = client.post("/v1/briefs", json=body)
    assert response.status_code == status
    [detail] = response.json()["detail"][:1]
    assert detail["loc"] == loc and words in detail["msg"]


def test_real_server_answers_bad_input_with_4xx_json(live_server):
    cases = [
        ({"json": {"documents": []}}, 422, ["body", "documents"]),
        ({"json": {"documents": [{"text": 7}]}}, 422, ["body", "documents", 0, "text"]),
        ({"json": {"documents": [{"url": "http://10.0.0.1/x"}]}}, 422, ["body", "documents", 0, "url"]),
        ({"content": b"\xff\xfe{", "headers": {"content-type": "application/json"}}, 400, ["body"]),
        ({"content": b"{" * 4_000_001, "headers": {"content-type": "application/json"}}, 413, ["body"]),
    ]
    for request, status, loc in cases:
        response = httpx.post(f"{live_server}/v1/briefs", timeout=60, **request)
        assert response.status_code == status and response.json()["detail"][0]["loc"] == loc, response.text
    response = httpx.post(f"{live_server}/v1/briefs", json={"documents": ARTICLES}, timeout=60)
    assert response.status_code == 200 and all(s["citations"] for s in response.json()["sentences"])


def test_undecodable_and_oversize_bodies(client):
    response = client.post("/v1/briefs", content=b"\xff\xfe{", headers={"content-type": "application/json"})
    assert response.status_code == 400 and response.json()["detail"][0]["loc"] == ["body"]
    response = client.post("/v1/briefs", content=b"x" * 200_001, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "larger than" in response.json()["detail"][0]["msg"]


def test_full_queue_answers_429_with_retry_after(client):
    service = client.app.state.service
    held = 0
    try:
        while True:
            service._reserve()  # occupy every slot, as a burst of slow briefs would
            held += 1
    except Exception:
        pass
    try:
        response = client.post("/v1/briefs", json={"documents": ARTICLES, "options": {"max_words": 33}})
        assert response.status_code == 429 and response.headers["Retry-After"] == "5"
        assert client.post("/v1/jobs", json={"documents": ARTICLES}).status_code == 429
    finally:
        for _ in range(held):
            service._slots.release()


def test_before_the_models_load_the_service_answers_503(tmp_path):
    loading = TestClient(create_app(Settings(database=tmp_path / "db.sqlite")))  # lifespan not run: not ready
    assert loading.get("/healthz").status_code == 200
    for response in (loading.get("/readyz"), loading.post("/v1/briefs", json={"documents": ARTICLES}),
                     loading.post("/v1/jobs", json={"documents": ARTICLES})):
        assert response.status_code == 503 and response.headers["Retry-After"] == "5"
        assert response.json()["detail"][0]["type"] == "not_ready"
    assert loading.post("/v1/briefs", json={"documents": []}).status_code == 422  # input is checked first


def test_job_lifecycle_health_metrics_and_page(client):
    accepted = client.post("/v1/jobs", json={"documents": ARTICLES, "options": {"max_words": 70}})
    assert accepted.status_code == 202 and accepted.headers["Location"] == f"/v1/jobs/{accepted.json()['id']}"
    for _ in range(100):
        job = client.get(accepted.headers["Location"]).json()
        if job["status"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert job["status"] == "done" and job["brief"]["sentences"]
    assert client.get("/v1/jobs/nope").status_code == 404
    assert client.get("/healthz").json() == {"status": "alive"} and client.get("/readyz").status_code == 200
    metrics = client.get("/metrics").text
    assert 'newsbrief_jobs{state="done"} 1.0' in metrics and "newsbrief_queue_depth" in metrics
    assert 'newsbrief_requests_total{route="/v1/jobs",status="202"}' in metrics
    assert "<title>newsbrief</title>" in client.get("/").text
    assert "/v1/briefs" in client.get("/openapi.json").json()["paths"]


def test_url_documents_are_fetched_when_loopback_is_allowed(tmp_path):
    page = (EXAMPLE / "03-state-radio.html").read_bytes()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            kind = "image/png" if self.path == "/img" else "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    settings = Settings(database=tmp_path / "db.sqlite", allow_loopback_urls=True)
    try:
        with TestClient(create_app(settings)) as client:
            body = {"documents": [{"url": f"{base}/news"}, ARTICLES[0]]}
            brief = client.post("/v1/briefs", json=body).json()
            assert brief["documents"][0]["url"] == f"{base}/news"
            assert brief["documents"][0]["outlet"] == "Oskaria State Radio"
            refused = client.post("/v1/briefs", json={"documents": [{"url": f"{base}/img"}]})
            assert refused.status_code == 422 and "image/png" in refused.json()["detail"][0]["msg"]
    finally:
        server.shutdown()


def test_real_server_keeps_every_accepted_job_across_a_kill(tmp_path):
    port, database = free_port(), tmp_path / "service.sqlite"
    server = start_server(port, database)
    base = f"http://127.0.0.1:{port}"
    try:
        brief = httpx.post(f"{base}/v1/briefs", json={"documents": ARTICLES}, timeout=120).json()
        assert brief["sentences"] and all(s["citations"] for s in brief["sentences"])
        jobs = [httpx.post(f"{base}/v1/jobs", json={"documents": ARTICLES, "options": {"max_words": 40 + i}},
                           timeout=30).json()["id"] for i in range(5)]
    finally:
        server.send_signal(signal.SIGKILL)  # a crash, with jobs queued and running
        server.wait()
    server = start_server(port, database)
    try:
        deadline = time.time() + 180
        states = {}
        while time.time() < deadline:
            states = {j: httpx.get(f"{base}/v1/jobs/{j}", timeout=10).json() for j in jobs}
            if all(s["status"] in ("done", "failed") for s in states.values()):
                break
            time.sleep(0.5)
        for job in states.values():
            assert job["status"] == "done" or (job["status"] == "failed" and job["error"]), job
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_client_that_disconnects_leaves_no_work_behind(live_server):
    import socket
    from urllib.parse import urlsplit

    body = json.dumps({"documents": ARTICLES, "options": {"max_words": 111}}).encode()
    host, port = urlsplit(live_server).hostname, urlsplit(live_server).port
    for _ in range(5):  # five clients that post and hang up at once
        with socket.create_connection((host, port)) as raw:
            raw.sendall(b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    deadline = time.time() + 60
    while time.time() < deadline:
        metrics = httpx.get(f"{live_server}/metrics", timeout=10).text
        if "newsbrief_queue_depth 0.0" in metrics:
            break
        time.sleep(0.2)
    assert "newsbrief_queue_depth 0.0" in metrics
    assert httpx.post(f"{live_server}/v1/briefs", json={"documents": ARTICLES}, timeout=60).status_code == 200
