"""The one error shape of the HTTP API: ``{"error": {"status": <int>, "message": <str>}}``.

Every failure, whether a bad filter value, an unknown article, an unknown route, a
validation error from FastAPI or a query past the time limit, is answered in this shape
(pinned by tests/api/test_error_shape.py). Internal errors say only that they happened:
tracebacks and SQL stay in the server log.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirewatch.api.store_access import QueryTimeout
from wirewatch.errors import StoreError, WirewatchError

log = logging.getLogger("wirewatch.api")


def error_response(status: int, message: str) -> JSONResponse:
    # One line, like the CLI: DuckDB messages can span several.
    return JSONResponse({"error": {"status": status, "message": " ".join(message.split())}}, status_code=status)


def _status_of(exc: WirewatchError) -> int:
    if isinstance(exc, QueryTimeout):
        return 503
    if isinstance(exc, StoreError) and ("no stored article" in str(exc) or "no stored thread" in str(exc)):
        return 404
    return 400


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WirewatchError)
    async def _wirewatch(_: Request, exc: WirewatchError) -> JSONResponse:
        return error_response(_status_of(exc), str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(400, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such route: {request.url.path}"
        return error_response(exc.status_code, message)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s", request.url.path)
        return error_response(500, "internal server error; see the server log")
