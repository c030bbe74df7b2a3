"""Load benchmark of the REST service on loopback, in rounds: each round is 50 concurrent clients
for 60 s in extractive mode, then a burst above the queue limit. Reports per round throughput,
p50/p95 latency, the count of 429/503 and of 5xx answers (which must be 0), and the server's
resident memory (RSS) after it; memory must level off: RSS after the last round within 50 MB of
RSS after the first. Writes bench/results/load.json.

    .venv/bin/python bench/load.py [--rounds 3] [--clients 50] [--seconds 60] [--burst 100]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from results_file import write  # noqa: E402

EXAMPLE = ROOT / "examples" / "ferry"


def documents() -> list[dict]:
    docs = [{"text": p.read_text()} for p in sorted(EXAMPLE.glob("*.txt"))]
    return docs + [{"html": (EXAMPLE / "03-state-radio.html").read_text()}]


def request_body(rng: random.Random, pool: list[dict]) -> dict:
    """Mostly distinct requests, so the result cache does not answer them all."""
    chosen = rng.sample(pool, rng.randint(2, len(pool)))
    return {"documents": chosen, "options": {"mode": "extractive", "max_words": rng.randint(40, 240)}}


async def client_loop(client: httpx.AsyncClient, url: str, until: float, rng: random.Random, pool, log: list):
    while time.perf_counter() < until:
        started = time.perf_counter()
        try:
            response = await client.post(url, json=request_body(rng, pool), timeout=120)
            log.append((response.status_code, time.perf_counter() - started))
            if response.status_code in (429, 503):
                await asyncio.sleep(float(response.headers.get("Retry-After", "1")) * rng.random())
        except httpx.HTTPError as error:
            log.append((type(error).__name__, time.perf_counter() - started))


def summary(log: list, seconds: float) -> dict:
    ok = sorted(latency for status, latency in log if status == 200)
    return {
        "requests": len(log),
        "ok": len(ok),
        "throughput_ok_per_s": round(len(ok) / seconds, 2),
        "p50_seconds": round(statistics.median(ok), 3) if ok else None,
        "p95_seconds": round(ok[int(0.95 * (len(ok) - 1))], 3) if ok else None,
        "429_or_503": sum(1 for status, _ in log if status in (429, 503)),
        "5xx": sum(1 for status, _ in log if isinstance(status, int) and status >= 500),
        "transport_errors": sum(1 for status, _ in log if not isinstance(status, int)),
        "other": sorted({str(s) for s, _ in log if s not in (200, 429, 503)}),
    }


async def run(base: str, clients: int, seconds: float, burst: int, seed: int = 0) -> dict:
    pool = documents()
    url = f"{base}/v1/briefs"
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=max(clients, burst) + 10)) as client:
        log: list = []
        until = time.perf_counter() + seconds
        await asyncio.gather(*(client_loop(client, url, until, random.Random(seed + i), pool, log) for i in range(clients)))
        sustained = summary(log, seconds)
        burst_log: list = []
        rng = random.Random(seed + 10_000)
        started = time.perf_counter()

        async def one():
            t = time.perf_counter()
            try:
                response = await client.post(url, json=request_body(rng, pool), timeout=300)
                burst_log.append((response.status_code, time.perf_counter() - t))
            except httpx.HTTPError as error:
                burst_log.append((type(error).__name__, time.perf_counter() - t))

        await asyncio.gather(*(one() for _ in range(burst)))
        return {"sustained": sustained, "burst": summary(burst_log, time.perf_counter() - started)}


def rss_mib(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError(f"no VmRSS for process {pid}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--burst", type=int, default=100)
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    database = Path(tempfile.mkdtemp()) / "load.sqlite"
    env = dict(os.environ, HF_HUB_OFFLINE="1", NEWSBRIEF_DATABASE=str(database))
    server_log = database.with_name("server.log")
    print(f"server log: {server_log}", flush=True)
    server = subprocess.Popen([sys.executable, "-m", "newsbrief", "serve", "--port", str(port)], cwd=ROOT,
                              env=env, stdout=subprocess.DEVNULL, stderr=server_log.open("w"))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        rounds = [{"rss_mib_before": rss_mib(server.pid)}]
        for number in range(args.rounds):
            # new random requests each round: later rounds do new work, not answers from the result cache
            rounds[-1] |= asyncio.run(run(base, args.clients, args.seconds, args.burst, seed=100_000 * number))
            rounds[-1]["rss_mib_after"] = rss_mib(server.pid)
            print(f"round {number + 1}: RSS {rounds[-1]['rss_mib_after']} MiB", flush=True)
            if number + 1 < args.rounds:
                rounds.append({"rss_mib_before": rounds[-1]["rss_mib_after"]})
        after = [r["rss_mib_after"] for r in rounds]
        figures = {"rounds": rounds, "rss_mib_after_each_round": after,
                   "rss_growth_mib_first_to_last_round": round(after[-1] - after[0], 1),
                   "5xx_total": sum(r[part]["5xx"] for r in rounds for part in ("sustained", "burst")),
                   "targets": {"rss_growth_mib_first_to_last_round": 50, "5xx_total": 0},
                   "clients": args.clients, "seconds": args.seconds, "burst_size": args.burst,
                   "server": {"workers": 1, "queue_size": 8}}
    finally:
        server.terminate()
        server.wait(timeout=30)
    write("load", figures)


if __name__ == "__main__":
    main()
