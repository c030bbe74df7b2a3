from pathlib import Path

import pytest

from models.embedder import load_embedder
from summarizer.ingest import read_path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ferry"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def embedder():
    """The real all-MiniLM-L6-v2, loaded once for the whole run."""
    return load_embedder()


@pytest.fixture(scope="session")
def example_paths():
    return sorted(EXAMPLE.iterdir())


@pytest.fixture()
def example_documents(example_paths):
    return [document for path in example_paths for document in read_path(path)]
