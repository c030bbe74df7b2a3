import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from models import Models
from newsbrief.environment import go_offline, model_settings
from summarizer.reading.ingest import read_path

go_offline()

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ferry"
# The shared evaluation data is read in place, never copied in: beside the checkout, or where
# NEWSBRIEF_SHARED points (a clone elsewhere).
SHARED = Path(os.environ.get("NEWSBRIEF_SHARED") or ROOT.parent / "shared")
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def models():
    """The real models, each loaded once for the whole run (as the CLI and the service build them)."""
    return Models(model_settings())


@pytest.fixture(scope="session")
def embedder(models):
    """The real all-MiniLM-L6-v2."""
    return models.embedder


@pytest.fixture(scope="session")
def example_paths():
    return sorted(EXAMPLE.iterdir())


@pytest.fixture()
def example_documents(example_paths):
    return [document for path in example_paths for document in read_path(path)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, database: Path, **settings: str) -> subprocess.Popen:
    """`newsbrief serve` as a real process on a loopback port, returned once /readyz says ready;
    `settings` become NEWSBRIEF_* variables (allow_loopback_urls="1", ...)."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", NEWSBRIEF_DATABASE=str(database),
               **{f"NEWSBRIEF_{name.upper()}": value for name, value in settings.items()})
    process = subprocess.Popen([sys.executable, "-m", "newsbrief", "serve", "--port", str(port)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise AssertionError("the server did not become ready")


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    port = free_port()
    process = start_server(port, tmp_path_factory.mktemp("server") / "service.sqlite")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=30)
