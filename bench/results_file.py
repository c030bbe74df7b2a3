"""What every benchmark shares: the seed articles it reads by default (the shared/ folder beside the
checkout, or $NEWSBRIEF_SHARED), and one way to report: print the figures and write them to
bench/results/NAME.json, stamped with the time and the machine they were measured on."""
from __future__ import annotations

import json
import os
import platform
import resource
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
SEEDS = sorted((Path(os.environ.get("NEWSBRIEF_SHARED") or Path(__file__).resolve().parents[2] / "shared")
                / "seeds").glob("*.txt"))


def write(name: str, figures: dict) -> Path:
    figures = figures | {
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    path = RESULTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))
    print(f"written to bench/results/{path.name}")
    return path
