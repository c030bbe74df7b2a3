"""The REST service: thin routes over `BriefService`; schemas at the edge; errors as JSON.

Every error body has the shape FastAPI uses for validation errors, so clients parse one form:
    {"detail": [{"loc": ["body", "documents", 2, "text"], "msg": "is empty", "type": "..."}]}
"""
from __future__ import annotations

import asyncio
import time
from contextlib import asynccontextmanager
from pathlib import Path

import base64
import hashlib
import re

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.routing import Match
from swagger_ui_bundle import swagger_ui_path

from api.schemas import BriefRequest
from api.service import BriefService, Busy
from api.settings import Settings
from api.store import Store
from models import Models
from summarizer.ingest import InputError
from summarizer.limits import LimitExceeded

STATIC = Path(__file__).parent / "static"
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
                    "Referrer-Policy": "no-referrer"}


def content_security_policy(page: Path | None = None) -> str:
    """A page's policy: nothing from elsewhere, never framed, and its own inline scripts only by hash.
    Without a page (Swagger UI at /docs, whose inline start-up script varies with FastAPI's version),
    inline scripts are allowed, still from this origin only."""
    if page is None:
        scripts = "'unsafe-inline'"
    else:
        found = re.findall(r"<script>(.*?)</script>", page.read_text(encoding="utf-8"), flags=re.DOTALL)
        scripts = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                           for s in found)
    return (f"default-src 'self'; script-src 'self' {scripts}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def route_of(app: FastAPI, scope: dict) -> str:
    """The route template a request belongs to, for metrics labels, even when a middleware answered first."""
    route = scope.get("route")
    if route is not None:
        return route.path
    for candidate in app.router.routes:
        match, _ = candidate.matches(scope)
        if match == Match.FULL:
            return getattr(candidate, "path", "other")
    return "other"


class Observe:
    """ASGI middleware: security headers on every answer, the page's content policy, and metrics
    (route, status, latency) for every request, 500s and answers given before routing included."""

    def __init__(self, app, observed, policies: dict[str, str]):
        self.app, self.observed, self.policies = app, observed, policies

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started, status = time.perf_counter(), 500

        async def sending(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if scope["path"] in self.policies:
                    headers["Content-Security-Policy"] = self.policies[scope["path"]]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            self.observed(scope, status, time.perf_counter() - started)


class BodyLimit:
    """ASGI middleware: a body past `limit` bytes is refused with 413, counted as it arrives, so a chunked
    body (no Content-Length) cannot be read and parsed whole first."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        too_large = f"request body is larger than {self.limit} bytes"
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            return await error(413, ["body"], too_large, "body_too_large")(scope, receive, send)
        received = 0

        async def counted():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:  # FastAPI passes HTTPException through its body parsing
                    raise HTTPException(413, too_large)
            return message

        await self.app(scope, counted, send)


def error(status: int, loc: list, message: str, kind: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"detail": [{"loc": loc, "msg": message, "type": kind}]}, status_code=status, headers=headers)


def input_error(problem: InputError) -> JSONResponse:
    """'documents[2].url' -> ["body", "documents", 2, "url"]; a size limit is 413, the rest 422."""
    loc: list = ["body"]
    for part in problem.where.replace("]", "").replace("[", ".").split("."):
        if part:
            loc.append(int(part) if part.isdigit() else part)
    if isinstance(problem, LimitExceeded):
        return error(413, loc, problem.problem, "limit_exceeded")
    return error(422, loc, problem.problem, "input_error")


def create_app(settings: Settings, models: Models | None = None) -> FastAPI:
    """The service for these settings; its models are built from `settings.models` unless given."""
    service = BriefService(settings, Store(settings.database), models or Models(settings.models))
    registry = CollectorRegistry()
    requests = Counter("newsbrief_requests", "HTTP requests", ["route", "status"], registry=registry)
    latency = Histogram("newsbrief_request_seconds", "Request latency", ["route"], registry=registry,
                        buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120))
    Gauge("newsbrief_queue_depth", "Briefs running or waiting", registry=registry).set_function(
        lambda: service.queue_depth)
    jobs = Gauge("newsbrief_jobs", "Jobs by state", ["state"], registry=registry)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        await asyncio.to_thread(service.start)  # models load once, before the first request
        yield
        service.stop()

    app = FastAPI(title="newsbrief", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="One neutral brief from several news articles, every sentence cited.")
    app.state.service = service
    policies = {"/": content_security_policy(STATIC / "index.html"), "/docs": content_security_policy()}
    # /docs from the swagger-ui-bundle package, not a CDN: the service often runs offline
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url="/openapi.json", title="newsbrief API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon-32x32.png")

    def observed(scope: dict, status: int, seconds: float) -> None:
        name = route_of(app, scope)
        requests.labels(name, str(status)).inc()
        latency.labels(name).observe(seconds)

    # Pure ASGI middleware (not @app.middleware, whose wrapping hides a client's disconnect from the
    # route): the body limit inside, so the outer one counts its 413s too.
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(Observe, observed=observed, policies=policies)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, problem: RequestValidationError):
        errors = problem.errors()
        if any(e["type"] == "json_invalid" for e in errors):  # not JSON at all: the README's 400
            return error(400, ["body"], "the body is not valid JSON (or not UTF-8)", "json_invalid")
        if any(e["type"] == "missing" and tuple(e["loc"]) == ("body",) for e in errors):
            return error(400, ["body"], "the body is empty; send a JSON object with \"documents\"", "body_missing")
        details = [{"loc": list(e["loc"]), "msg": e["msg"].removeprefix("Value error, "), "type": e["type"]}
                   for e in errors]
        return JSONResponse({"detail": details}, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_problem(request: Request, problem: HTTPException):
        if problem.status_code == 413:
            return error(413, ["body"], str(problem.detail), "body_too_large")
        where = ["body"] if request.method == "POST" and problem.status_code == 400 else ["path"]
        message = "the body is not valid JSON (or not UTF-8)" if problem.status_code == 400 else str(problem.detail)
        return error(problem.status_code, where, message, "http_error", getattr(problem, "headers", None))

    limits = settings.limits()

    def checked(body: BriefRequest) -> BriefRequest:
        """Limits that depend on configuration (the schema holds the fixed rules): the CLI's check."""
        sizes = []
        for i, document in enumerate(body.documents):
            field = next(n for n in ("text", "html", "url") if getattr(document, n) is not None)
            sizes.append((f"documents[{i}].{field}", len(getattr(document, field))))
        limits.check_sizes(sizes)
        return body

    @app.exception_handler(InputError)
    async def bad_input(_request: Request, problem: InputError):
        return input_error(problem)

    retry_after = {"Retry-After": str(settings.retry_after_seconds)}

    @app.exception_handler(Busy)
    async def busy(_request: Request, _problem: Busy):
        return error(429, ["service"], "the brief queue is full; retry later", "busy", retry_after)

    @app.exception_handler(NotReady)
    async def not_ready(_request: Request, _problem: "NotReady"):
        return error(503, ["service"], "models are still loading", "not_ready", retry_after)

    def ready() -> None:
        if not service.ready.is_set():
            raise NotReady()

    def admitted(body: BriefRequest = Depends(checked)) -> BriefRequest:
        """A request within the limits, to a service whose models are loaded (checked in that order)."""
        ready()
        return body

    @app.get("/healthz", tags=["ops"])
    def healthz() -> dict:
        return {"status": "alive"}

    @app.get("/readyz", tags=["ops"], responses={503: {"description": "models are still loading"}})
    def readyz() -> dict:
        ready()
        return {"status": "ready"}

    @app.get("/metrics", tags=["ops"], response_class=PlainTextResponse)
    def metrics() -> Response:
        for state, count in service.store.counts().items():
            jobs.labels(state).set(count)
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    @app.post("/v1/briefs", tags=["briefs"], responses={413: {}, 429: {}, 503: {}})
    async def create_brief(request: Request, body: BriefRequest = Depends(admitted)):
        """The brief, computed now (or from the cache), in the JSON contract of the CLI's --format json."""
        future = service.brief_now(body)
        waiting = asyncio.wrap_future(future)
        while not future.done():
            await asyncio.wait({waiting}, timeout=0.5)
            if not future.done() and await request.is_disconnected():
                future.cancel()  # frees the slot if it had not started; a started brief still lands in the cache
                return Response(status_code=499)
        return await waiting

    @app.post("/v1/jobs", tags=["jobs"], status_code=202, responses={413: {}, 429: {}, 503: {}})
    def create_job(body: BriefRequest = Depends(admitted)):
        """Accept a brief to compute in the background; poll the `Location` for its state."""
        job_id = service.submit_job(body)
        return JSONResponse({"id": job_id, "status": "queued"}, status_code=202,
                            headers={"Location": f"/v1/jobs/{job_id}"})

    @app.get("/v1/jobs/{job_id}", tags=["jobs"], responses={404: {}})
    def get_job(job_id: str):
        job = service.store.job(job_id)
        if job is None:
            return error(404, ["path", "job_id"], "no such job", "not_found")
        body = {k: job[k] for k in ("id", "status", "progress", "error", "created", "updated")}
        if job["status"] == "done":
            body["brief"] = service.job_result(job)
        return body

    @app.get("/", include_in_schema=False)
    def page():
        return FileResponse(STATIC / "index.html")

    return app


class NotReady(Exception):
    pass
