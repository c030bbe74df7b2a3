"""Prometheus metrics of one app: requests by route and status, latency, queue depth, jobs by state."""
from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class Metrics:
    def __init__(self, queue_depth: Callable[[], int]):
        self.registry = CollectorRegistry()  # one per app: tests build several
        self._requests = Counter("newsbrief_requests", "HTTP requests", ["route", "status"], registry=self.registry)
        self._latency = Histogram("newsbrief_request_seconds", "Request latency", ["route"], registry=self.registry,
                                  buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120))
        Gauge("newsbrief_queue_depth", "Briefs running or waiting", registry=self.registry).set_function(queue_depth)
        self._jobs = Gauge("newsbrief_jobs", "Jobs by state", ["state"], registry=self.registry)

    def observe(self, route: str, status: int, seconds: float) -> None:
        self._requests.labels(route, str(status)).inc()
        self._latency.labels(route).observe(seconds)

    def count_jobs(self, counts: dict[str, int]) -> None:
        for state, count in counts.items():
            self._jobs.labels(state).set(count)
