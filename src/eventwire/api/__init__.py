"""The HTTP API (FastAPI) and the web UI it serves: ``create_app(db_path, ...)``; ``eventwire serve`` runs it."""

from __future__ import annotations

from .app import create_app
from .errors import ApiError

__all__ = ["ApiError", "create_app"]
