"""The embedded store: one SQLite file (``eventwire.db``, ``--db PATH`` or ``$EVENTWIRE_DB``) holding records.

Every later feature (relations, web UI, API) reads from it. The tables are the flattening in
:mod:`eventwire.tables`; :mod:`.schema` holds the versioned migrations; :mod:`.queries` the read side.
"""

from __future__ import annotations

from .db import DEFAULT_DB, RunCounts, SourceInfo, Store, default_path

__all__ = ["DEFAULT_DB", "RunCounts", "SourceInfo", "Store", "default_path"]
