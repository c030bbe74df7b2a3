"""Uncertainty of a difference between two systems on the same clusters: the paired bootstrap.

Clusters, not summaries, are resampled: both systems' scores on a cluster move together, so the
interval is about the difference, not about how hard the clusters happened to be.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RESAMPLES = 1000
SEED = 0  # fixed: the same two runs always give the same interval


@dataclass(frozen=True)
class Difference:
    """Mean of b - a over paired clusters, with a 95% bootstrap interval."""

    mean: float
    low: float
    high: float
    clusters: int

    @property
    def below_zero(self) -> bool:
        """The whole interval lies below zero: b is worse than a beyond what resampling explains."""
        return self.high < 0

    def __str__(self) -> str:
        return f"{self.mean:+.2f} [{self.low:+.2f}, {self.high:+.2f}]"

    def as_dict(self) -> dict:
        return {"mean": round(self.mean, 4), "low": round(self.low, 4), "high": round(self.high, 4),
                "clusters": self.clusters}


def paired_bootstrap(a: list[float], b: list[float], resamples: int = RESAMPLES, seed: int = SEED,
                     level: float = 0.95) -> Difference:
    """Mean difference b - a and its percentile interval over `resamples` resamples of the clusters."""
    if len(a) != len(b):
        raise ValueError(f"paired scores need the same clusters ({len(a)} against {len(b)})")
    if not a:
        raise ValueError("no clusters to compare")
    differences = np.asarray(b, dtype=np.float64) - np.asarray(a, dtype=np.float64)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(differences), size=(resamples, len(differences)))
    means = differences[picks].mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return Difference(float(differences.mean()), float(low), float(high), len(differences))


def bootstrap_interval(values: list[float], resamples: int = RESAMPLES, seed: int = SEED,
                       level: float = 0.95) -> tuple[float, float]:
    """Percentile interval of the mean of `values` (one value per sampled unit)."""
    data = np.asarray(values, dtype=np.float64)
    if len(data) == 0:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, len(data), size=(resamples, len(data)))].mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def ratio_interval(numerators: list[float], denominators: list[float], resamples: int = RESAMPLES,
                   seed: int = SEED, level: float = 0.95) -> tuple[float, float]:
    """Percentile interval of sum(numerators) / sum(denominators), resampling the units (e.g. sentences)
    that each contribute one numerator and one denominator."""
    top, bottom = np.asarray(numerators, dtype=np.float64), np.asarray(denominators, dtype=np.float64)
    if len(top) == 0 or bottom.sum() == 0:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(top), size=(resamples, len(top)))
    totals = bottom[picks].sum(axis=1)
    ratios = np.divide(top[picks].sum(axis=1), totals, out=np.full(resamples, np.nan), where=totals > 0)
    tail = (1 - level) / 2 * 100
    low, high = np.nanpercentile(ratios, [tail, 100 - tail])
    return float(low), float(high)
