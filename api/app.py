"""The REST service: thin routes (api/routes.py) over `BriefService`, which they receive by `Depends`;
schemas at the edge (api/schemas.py); errors as JSON (api/errors.py); middleware for headers,
metrics and the body limit (api/middleware.py)."""
from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from api.errors import add_handlers
from api.metrics import Metrics
from api.middleware import BodyLimit, Observe, content_security_policy, route_of
from api.routes import STATIC, router
from api.service import BriefService
from api.settings import Settings
from api.store import Store
from models import Models


def create_app(settings: Settings, models: Models | None = None) -> FastAPI:
    """The service for these settings; its models are built from `settings.models` unless given."""
    service = BriefService(settings, Store(settings.database), models or Models(settings.models))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        await asyncio.to_thread(service.start)  # models load once, before the first request
        yield
        service.stop()

    app = FastAPI(title="newsbrief", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="One neutral brief from several news articles, every sentence cited.")
    app.state.service = service
    app.state.metrics = metrics = Metrics(lambda: service.queue_depth)
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")
    app.include_router(router)
    add_handlers(app, settings.retry_after_seconds)
    # Pure ASGI middleware (not @app.middleware, whose wrapping hides a client's disconnect from the
    # route): the body limit inside, so the outer one counts its 413s too.
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    policies = {"/": content_security_policy(STATIC / "index.html"), "/docs": content_security_policy()}
    app.add_middleware(Observe, policies=policies,
                       observed=lambda scope, status, seconds: metrics.observe(route_of(app, scope), status, seconds))
    return app
