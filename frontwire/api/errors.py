"""One JSON error shape for every error the API returns, whatever raised it:

    {"error": {"status": 404, "code": "not_found", "message": "no event evt-...", "hint": "list events ..."}}

``ApiError`` is what the routes raise; frontwire's own errors, FastAPI's validation errors, Starlette's HTTP
errors (an unknown path, a wrong method) and anything unexpected are turned into the same shape here.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontwire.errors import FrontwireError, StoreError, UsageError

log = logging.getLogger("frontwire.api")

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          413: "body_too_large", 415: "unsupported_media_type", 422: "invalid", 500: "internal_error",
          503: "store_unavailable"}


class ApiError(Exception):
    """An error with its HTTP status, a short code, one line for the user and what to do next."""

    def __init__(self, status: int, message: str, *, hint: str | None = None, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.hint = hint
        self.code = code or _CODES.get(status, "error")
        self.headers = headers


def error_body(status: int, code: str, message: str, hint: str | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "hint": hint}}


def error_response(status: int, code: str, message: str, hint: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, code, message, hint), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure to the one shape."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.hint, exc.headers)

    @app.exception_handler(UsageError)
    async def _usage(request: Request, exc: UsageError) -> JSONResponse:
        return error_response(400, "bad_request", exc.message, exc.hint)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        return error_response(503, "store_unavailable", exc.message, exc.hint)

    @app.exception_handler(FrontwireError)
    async def _frontwire(request: Request, exc: FrontwireError) -> JSONResponse:
        return error_response(422, "invalid", exc.message, exc.hint)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "body", "path"))
            problems.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
        return error_response(422, "invalid", "; ".join(problems) or "the request is not valid",
                               "see /api/openapi.json for each parameter's type")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        message = str(exc.detail) if exc.detail else _CODES.get(status, "error")
        hint = "see /api/openapi.json for the endpoints" if status in (404, 405) else None
        return error_response(status, _CODES.get(status, "error"), message, hint, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", f"the service failed: {type(exc).__name__}",
                              "this is a bug in frontwire; the server log has the details")
