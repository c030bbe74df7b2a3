"""Errors as JSON. Every error body has the shape FastAPI uses for validation errors, so clients
parse one form:
    {"detail": [{"loc": ["body", "documents", 2, "text"], "msg": "is empty", "type": "..."}]}
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from api.service import Busy
from summarizer.reading.ingest import InputError
from summarizer.reading.limits import LimitExceeded


class NotReady(Exception):
    """The models are still loading."""


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



def add_handlers(app: FastAPI, retry_after_seconds: int) -> None:
    """Each kind of failure as its status and one JSON error body."""
    retry_after = {"Retry-After": str(retry_after_seconds)}

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

    @app.exception_handler(InputError)
    async def bad_input(_request: Request, problem: InputError):
        return input_error(problem)

    @app.exception_handler(Busy)
    async def busy(_request: Request, _problem: Busy):
        return error(429, ["service"], "the brief queue is full; retry later", "busy", retry_after)

    @app.exception_handler(NotReady)
    async def not_ready(_request: Request, _problem: NotReady):
        return error(503, ["service"], "models are still loading", "not_ready", retry_after)
