"""One error shape for the whole API: ``{"error": {"status", "code", "message"}}``, never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import EventwireError, InputError

log = logging.getLogger(__name__)

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          413: "too_large", 415: "unsupported_media_type", 422: "invalid", 429: "rate_limited",
          500: "internal", 501: "not_implemented", 503: "unavailable"}


class ApiError(Exception):
    """Raised by handlers: answered as the error shape with this status, code and message."""

    def __init__(self, status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.headers = headers


def error_body(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code or _CODES.get(status, "error"), "message": message}}


def error_response(status: int, message: str, code: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)


def _where(loc: tuple | list) -> str:
    parts = [str(x) for x in loc if x not in ("body", "query", "path", "header")]
    where = {"body": "body", "query": "query parameter", "path": "path"}.get(str(loc[0]) if loc else "", "")
    return f"{where} {'.'.join(parts)}".strip() if parts else where or "request"


def validation_message(exc: RequestValidationError) -> tuple[int, str, str]:
    """(status, code, message) for FastAPI's validation errors: bad JSON is 400, the rest 422, one line each."""
    errs = exc.errors()
    for e in errs:
        if e.get("type") == "json_invalid":
            ctx = e.get("ctx") or {}
            return 400, "bad_json", f"the body is not valid JSON ({ctx.get('error', 'parse error')})"
    msgs = []
    for e in errs[:5]:
        loc = e.get("loc") or ()
        if e.get("type") == "missing":
            msgs.append(f"{_where(loc)} is required")
        elif e.get("type") == "model_attributes_type" or (e.get("type") == "dict_type" and tuple(loc) == ("body",)):
            msgs.append("the body must be a JSON object")
        else:
            msgs.append(f"{_where(loc)}: {e.get('msg', 'invalid')}")
    return 422, "invalid", "; ".join(msgs) or "invalid request"


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        status, code, msg = validation_message(exc)
        return error_response(status, msg, code)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        msg = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"no such path: {request.url.path}"
        elif exc.status_code == 405:
            msg = f"{request.method} is not allowed on {request.url.path}"
        return error_response(exc.status_code, msg, headers=getattr(exc, "headers", None))

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> JSONResponse:
        return error_response(422, str(exc), "bad_input")

    @app.exception_handler(EventwireError)
    async def _ew(request: Request, exc: EventwireError) -> JSONResponse:
        return error_response(400, str(exc), "bad_request")

    @app.exception_handler(Exception)
    async def _any(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal error; the server log has the details")
