"""The routes: each translates between HTTP and `BriefService`, which arrives by `Depends`."""
from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.errors import NotReady, error
from api.metrics import Metrics
from api.schemas import BriefRequest
from api.service import BriefService

STATIC = Path(__file__).parent / "static"
router = APIRouter()


def service_of(request: Request) -> BriefService:
    return request.app.state.service


def metrics_of(request: Request) -> Metrics:
    return request.app.state.metrics


def ready(service: BriefService = Depends(service_of)) -> BriefService:
    if not service.ready.is_set():
        raise NotReady()
    return service


def admitted(body: BriefRequest, service: BriefService = Depends(service_of)) -> BriefRequest:
    """A request within the limits (the CLI's, from the settings), to a service whose models are
    loaded (checked in that order)."""
    sizes = []
    for i, document in enumerate(body.documents):
        field = next(n for n in ("text", "html", "url") if getattr(document, n) is not None)
        sizes.append((f"documents[{i}].{field}", len(getattr(document, field))))
    service.limits.check_sizes(sizes)
    ready(service)
    return body


@router.get("/healthz", tags=["ops"])
def healthz() -> dict:
    return {"status": "alive"}


@router.get("/readyz", tags=["ops"], responses={503: {"description": "models are still loading"}})
def readyz(_service: BriefService = Depends(ready)) -> dict:
    return {"status": "ready"}


@router.get("/metrics", tags=["ops"], response_class=PlainTextResponse)
def metrics(service: BriefService = Depends(service_of), counted: Metrics = Depends(metrics_of)) -> Response:
    counted.count_jobs(service.store.counts())
    return Response(generate_latest(counted.registry), media_type=CONTENT_TYPE_LATEST)


@router.post("/v1/briefs", tags=["briefs"], responses={413: {}, 429: {}, 503: {}})
async def create_brief(request: Request, body: BriefRequest = Depends(admitted),
                       service: BriefService = Depends(service_of)):
    """The brief, computed now (or from the cache), in the JSON contract of the CLI's --format json."""
    future = service.brief_now(body)
    waiting = asyncio.wrap_future(future)
    while not future.done():
        await asyncio.wait({waiting}, timeout=0.5)
        if not future.done() and await request.is_disconnected():
            future.cancel()  # frees the slot if it had not started; a started brief still lands in the cache
            return Response(status_code=499)
    return await waiting


@router.post("/v1/jobs", tags=["jobs"], status_code=202, responses={413: {}, 429: {}, 503: {}})
def create_job(body: BriefRequest = Depends(admitted), service: BriefService = Depends(service_of)):
    """Accept a brief to compute in the background; poll the `Location` for its state."""
    job_id = service.submit_job(body)
    return JSONResponse({"id": job_id, "status": "queued"}, status_code=202,
                        headers={"Location": f"/v1/jobs/{job_id}"})


@router.get("/v1/jobs/{job_id}", tags=["jobs"], responses={404: {}})
def get_job(job_id: str, service: BriefService = Depends(service_of)):
    job = service.store.job(job_id)
    if job is None:
        return error(404, ["path", "job_id"], "no such job", "not_found")
    body = {k: job[k] for k in ("id", "status", "progress", "error", "created", "updated")}
    if job["status"] == "done":
        body["brief"] = service.job_result(job)
    return body


@router.get("/", include_in_schema=False)
def page():
    return FileResponse(STATIC / "index.html")


@router.get("/docs", include_in_schema=False)
def docs():
    # Swagger UI from the swagger-ui-bundle package (mounted at /docs-assets), not a CDN: offline
    return get_swagger_ui_html(openapi_url="/openapi.json", title="newsbrief API",
                               swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                               swagger_css_url="/docs-assets/swagger-ui.css",
                               swagger_favicon_url="/docs-assets/favicon-32x32.png")
