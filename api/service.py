"""The work behind the routes: turning a validated request into a brief, once, in a bounded pool.

Requests with the same documents and options share one cached brief. At most `workers` briefs
run and `queue_size` wait; past that, `Busy` tells the route to answer 429 with Retry-After.
Jobs are stored before they are acknowledged and resumed when the process starts again.
"""
from __future__ import annotations

import hashlib
import json
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from api.fetch import fetch
from api.schemas import BriefRequest
from api.settings import Settings
from api.store import Store
from models import Models
from summarizer.reading.ingest import InputError, parse_record
from summarizer.pipeline import Options, summarize
from summarizer.output.render import to_dict
from summarizer.types import Document

log = logging.getLogger("newsbrief.service")


class Busy(Exception):
    pass


def request_key(request: BriefRequest) -> str:
    """Same documents, same options, same key (field order and unset fields do not matter)."""
    canonical = json.dumps(request.model_dump(exclude_none=True), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


class BriefService:
    def __init__(self, settings: Settings, store: Store, models: Models):
        self.settings = settings
        self.store = store
        self.models = models
        self.limits = settings.limits()
        self.ready = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="brief")
        self._slots = threading.BoundedSemaphore(settings.workers + settings.queue_size)
        self._depth = 0
        self._depth_lock = threading.Lock()

    # -- life cycle ---------------------------------------------------------------------------
    def start(self) -> None:
        """Load the embedder and the parser once; then, in the background, resume the jobs an earlier
        process left. (The generator loads with the first abstractive brief.)"""
        self.models.embedder.embed(["warm-up"])
        self.models.parser.clauses(["The service is ready."])
        self.ready.set()
        threading.Thread(target=self._resume, name="resume-jobs", daemon=True).start()

    def _resume(self) -> None:
        for job_id, key, payload in self.store.unfinished():
            try:
                request = BriefRequest.model_validate(payload)
            except Exception as error:  # a stored request that no longer validates
                self.store.update(job_id, "failed", error=f"could not be resumed after a restart: {error}")
                continue
            self._slots.acquire()  # wait for room: resumed jobs are never refused
            self._run(self._job_work(job_id, key, request), job_id)
            log.info("resumed job %s", job_id)

    def stop(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    @property
    def queue_depth(self) -> int:
        return self._depth

    # -- work ---------------------------------------------------------------------------------
    def brief_now(self, request: BriefRequest) -> Future:
        """A future of the brief (cached or computed); raises Busy when the queue is full."""
        key = request_key(request)
        cached = self.store.cached(key, self._max_age(request))
        if cached is not None:
            done: Future = Future()
            done.set_result(cached)
            return done
        self._reserve()
        return self._run(lambda: self._compute(key, request))

    def submit_job(self, request: BriefRequest) -> str:
        """Store the job, then queue it; raises Busy (storing nothing) when the queue is full."""
        key = request_key(request)
        self._reserve()
        job_id = self.store.add_job(key, request.model_dump(exclude_none=True))
        self._run(self._job_work(job_id, key, request), job_id)
        return job_id

    def job_result(self, job: dict) -> dict | None:
        return self.store.cached(job["key"]) if job["status"] == "done" else None

    def _job_work(self, job_id: str, key: str, request: BriefRequest):
        def work():
            if self.store.cached(key, self._max_age(request)) is None:
                self.store.update(job_id, "running", progress="started")
                self._compute(key, request, lambda message: self.store.update(job_id, "running", progress=message))
            self.store.update(job_id, "done", progress="done")
        return work

    def _max_age(self, request: BriefRequest) -> float | None:
        """How old a cached brief may be: briefs of fetched pages age, since the pages change."""
        return self.settings.url_cache_seconds if any(d.url for d in request.documents) else None

    def _reserve(self) -> None:
        if not self._slots.acquire(blocking=False):
            raise Busy()

    def _run(self, work, job_id: str | None = None) -> Future:
        """Run `work` in the pool on a slot already reserved; the slot is freed when it ends."""
        with self._depth_lock:
            self._depth += 1

        def finished(future: Future):
            with self._depth_lock:
                self._depth -= 1
            self._slots.release()
            error = None if future.cancelled() else future.exception()
            if job_id and error is not None:
                reason = str(error) if isinstance(error, InputError) else f"{type(error).__name__}: {error}"
                self.store.update(job_id, "failed", error=reason)

        future = self._pool.submit(work)
        future.add_done_callback(finished)
        return future

    def _compute(self, key: str, request: BriefRequest, progress=lambda message: None) -> dict:
        documents = [self._document(item, f"documents[{i}]") for i, item in enumerate(request.documents)]
        options = Options(mode=request.options.mode, max_words=request.options.max_words)
        brief = to_dict(summarize(documents, options, self.models, progress=progress))
        self.store.cache(key, brief)
        return brief

    def _document(self, item, where: str) -> Document:
        record = item.model_dump(exclude_none=True)
        url = record.pop("url", None)
        if url is not None:
            page, kind = fetch(url, self.settings, f"{where}.url")
            record["text" if kind == "text/plain" else "html"] = page
        document = parse_record(record, where)
        document.url = url or document.url  # the address the client gave, not the page's canonical claim
        return document
