"""The SQLite store: open (and migrate), write records atomically, read them back."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import relations
from ..errors import StoreError
from ..record import Record
from ..tables import TABLES, columns, from_rows, to_rows
from . import schema

DEFAULT_DB = "eventwire.db"
CHILD_TABLES = [t for t in TABLES if t != "articles"]


def default_path(path: str | os.PathLike[str] | None = None) -> str:
    """``path``, else ``$EVENTWIRE_DB``, else ``eventwire.db`` in the working directory."""
    return str(path or os.environ.get("EVENTWIRE_DB") or DEFAULT_DB)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


@dataclass(frozen=True)
class SourceInfo:
    """Where an article came from (store-only; not part of the record)."""

    source: str
    author: str | None = None
    canonical_url: str | None = None
    sitename: str | None = None


@dataclass
class RunCounts:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    run_id: int = 0


class Store:
    """One SQLite database file holding records. WAL mode; every write happens in an explicit transaction."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False, create: bool = True):
        self.path = default_path(path)
        p = Path(self.path)
        if p.is_dir():
            raise StoreError(f"{self.path}: is a directory; give --db a file path")
        if not p.exists() and (readonly or not create):
            raise StoreError(f"{self.path}: no such store; run `eventwire ingest` first (or pass --db PATH)")
        if not p.parent.exists():
            raise StoreError(f"{self.path}: folder {p.parent} does not exist")
        try:
            if readonly:
                self.conn = sqlite3.connect(f"file:{p.resolve()}?mode=ro", uri=True, isolation_level=None,
                                            check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA busy_timeout = 30000")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if readonly:
                have = self.conn.execute(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'migrations'").fetchone()[0]
                if not have:
                    raise StoreError(f"{self.path}: not an eventwire store (no migrations table)")
                v = self.conn.execute("SELECT max(version) FROM migrations").fetchone()[0] or 0
                if v < schema.LATEST:
                    raise StoreError(f"{self.path}: store schema {v} is older than {schema.LATEST}; "
                                     f"open it once for writing (e.g. `eventwire ingest`) to migrate")
            else:
                applied = schema.migrate(self.conn)
                if schema.RELATIONS_VERSION in applied:
                    relations.catch_up(self.conn)  # articles stored before the relation tables existed
            self._relations = self.schema_version() >= schema.RELATIONS_VERSION
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from None

    # -- lifecycle -------------------------------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (nothing half-written survives)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def schema_version(self) -> int:
        return int(self.conn.execute("SELECT max(version) FROM migrations").fetchone()[0] or 0)

    # -- writes ----------------------------------------------------------------------------------------------------

    def _delete(self, article_id: str) -> None:
        for t in reversed(CHILD_TABLES):
            self.conn.execute(f"DELETE FROM {t} WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def _insert(self, rec: Record, ingested_at: str | None = None) -> None:
        rows = to_rows(rec)
        for t in TABLES:
            if not rows[t]:
                continue
            cols = columns(t)
            extra = ["ingested_at"] if t == "articles" and ingested_at else []
            names = ", ".join(f'"{c}"' for c in cols + extra)
            marks = ", ".join("?" for _ in cols + extra)
            self.conn.executemany(
                f"INSERT INTO {t} ({names}) VALUES ({marks})",
                [[r[c] for c in cols] + ([ingested_at] if extra else []) for r in rows[t]])
        if self._relations:  # the one hook: actors, near-duplicates, event linking
            relations.update_for_article(self.conn, rec.id)

    def _add_source(self, article_id: str, info: SourceInfo) -> None:
        self.conn.execute(
            "INSERT INTO sources(article_id, source, author, canonical_url, sitename, first_seen) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(article_id, source) DO UPDATE SET "
            "author = coalesce(excluded.author, author), canonical_url = coalesce(excluded.canonical_url, "
            "canonical_url), sitename = coalesce(excluded.sitename, sitename)",
            (article_id, info.source, info.author, info.canonical_url, info.sitename, _now()))

    def write_batch(self, records: Sequence[tuple[Record, SourceInfo | None]],
                    failures: Sequence[tuple[str, str]] = (), run_id: int | None = None,
                    replace: bool = False) -> tuple[list[str], list[str]]:
        """Store a batch in ONE transaction. Returns (ids added, ids already present and skipped).

        An article already stored is left as it is unless ``replace`` (then it is rewritten); its source is still
        noted. Failures are recorded (one row per input name; a later failure of the same input updates it) and
        a stored article removes an earlier failure of the same input name.
        """
        added: list[str] = []
        skipped: list[str] = []
        try:
            with self.transaction():
                for rec, info in records:
                    exists = self.has(rec.id)
                    if exists and not replace:
                        skipped.append(rec.id)
                    else:
                        if exists:
                            self._delete(rec.id)
                        self._insert(rec)
                        added.append(rec.id)
                    if info is not None:
                        self._add_source(rec.id, info)
                        self.conn.execute("DELETE FROM failures WHERE source = ?", (info.source,))
                for name, reason in failures:
                    self.conn.execute(
                        "INSERT INTO failures(source, reason, run_id, at) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT(source) DO UPDATE SET reason = excluded.reason, run_id = excluded.run_id, "
                        "at = excluded.at", (name, reason, run_id, _now()))
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot write ({exc})") from None
        return added, skipped

    def put(self, rec: Record, source: SourceInfo | None = None, replace: bool = True) -> bool:
        """Store one record (replacing a stored one with the same id by default); True if written."""
        added, _ = self.write_batch([(rec, source)], replace=replace)
        return bool(added)

    def replace_record(self, rec: Record) -> None:
        """Rewrite one article atomically (reprocess): the old rows go and the new ones come in one transaction."""
        with self.transaction():
            ingested = self.conn.execute("SELECT ingested_at FROM articles WHERE id = ?", (rec.id,)).fetchone()
            self._delete(rec.id)
            self._insert(rec, ingested[0] if ingested else None)

    def start_run(self, command: str, args: dict[str, Any] | None = None, extractor_version: str | None = None) -> int:
        with self.transaction():
            cur = self.conn.execute("INSERT INTO runs(command, started, extractor_version, args) VALUES (?, ?, ?, ?)",
                                    (command, _now(), extractor_version, json.dumps(args or {}, default=str)))
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: RunCounts) -> None:
        with self.transaction():
            self.conn.execute("UPDATE runs SET finished = ?, added = ?, skipped = ?, failed = ? WHERE id = ?",
                              (_now(), counts.added, counts.skipped, counts.failed, run_id))

    # -- reads -----------------------------------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def existing(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            q = f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self.conn.execute(q, chunk))
        return found

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one article whose id starts with ``prefix`` (an id or a unique prefix)."""
        p = prefix.strip().lower()
        if not p or any(c not in "0123456789abcdef" for c in p):
            raise StoreError(f"{prefix!r} is not an article id (16 hex digits, or a unique prefix)")
        rows = self.conn.execute("SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                                 (p, p + "g")).fetchall()
        if not rows:
            raise StoreError(f"no article {prefix} in {self.path}")
        if len(rows) > 1 and rows[0][0] != p:
            raise StoreError(f"{prefix} matches several articles; give more of the id")
        return rows[0][0]

    def get(self, article_id: str) -> Record | None:
        rows: dict[str, list[sqlite3.Row]] = {}
        art = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchall()
        if not art:
            return None
        rows["articles"] = art
        for t in CHILD_TABLES:
            rows[t] = self.conn.execute(f"SELECT * FROM {t} WHERE article_id = ?", (article_id,)).fetchall()
        return from_rows(rows)

    def ids(self, where: str | None = None, params: Sequence[Any] = ()) -> list[str]:
        q = "SELECT id FROM articles"
        if where:
            q += f" WHERE {where}"
        try:
            return [r[0] for r in self.conn.execute(q + " ORDER BY seq", params)]
        except sqlite3.Error as exc:
            raise StoreError(f"bad --where expression {where!r}: {exc}") from None

    def iter_records(self, ids: Iterable[str] | None = None, chunk: int = 200) -> Iterator[Record]:
        """Records in store order (or in the order of ``ids``), read ``chunk`` articles per query per table."""
        order = list(self.ids() if ids is None else ids)
        for i in range(0, len(order), chunk):
            part = order[i:i + chunk]
            marks = ",".join("?" * len(part))
            grouped: dict[str, dict[str, list[sqlite3.Row]]] = {a: {t: [] for t in TABLES} for a in part}
            for r in self.conn.execute(f"SELECT * FROM articles WHERE id IN ({marks})", part):
                grouped[r["id"]]["articles"].append(r)
            for t in CHILD_TABLES:
                for r in self.conn.execute(f"SELECT * FROM {t} WHERE article_id IN ({marks})", part):
                    grouped[r["article_id"]][t].append(r)
            for aid in part:
                if grouped[aid]["articles"]:
                    yield from_rows(grouped[aid])

    def failures(self, run_id: int | None = None) -> list[tuple[str, str]]:
        if run_id is None:
            q, p = "SELECT source, reason FROM failures ORDER BY seq", ()
        else:
            q, p = "SELECT source, reason FROM failures WHERE run_id = ? ORDER BY seq", (run_id,)
        return [(r[0], r[1]) for r in self.conn.execute(q, p)]

    def counts(self) -> dict[str, int]:
        out = {}
        for t in [*TABLES, "failures", "sources"]:
            out[t] = int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
        return out
