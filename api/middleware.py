"""ASGI middleware of the service: security headers, content policies and metrics on every answer;
a body limit counted as the body arrives."""
from __future__ import annotations

import base64
import hashlib
import re
import time
from pathlib import Path

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.routing import Match

from api.errors import error

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

