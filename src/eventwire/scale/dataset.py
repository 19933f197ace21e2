"""The batch output: one hive-partitioned Parquet dataset per record table, plus failures and completion markers.

Layout of ``OUT``::

    OUT/_batch.json                             settings the partition keys depend on (partition rows)
    OUT/_partitions/KEY.json                    completion marker of input partition KEY (written last)
    OUT/articles/month=2024-03/part-KEY.parquet one file per table, per month, per input partition
    OUT/entities/ actors/ mentions/ times/ places/ quotes/ events/ event_actors/   (same layout)
    OUT/failures/part-KEY.parquet               input, row, reason of every row that gave no record

Tables and columns are those of :mod:`eventwire.tables` (the same flattening as the store and ``export``).
``mentions`` and ``event_actors`` are written too: without them an actor's mentions and an event's source/target
would be lost. Every file is written to a hidden temporary name and renamed into place; the marker is written after
all files of its partition, so a partition without a marker is redone and writes over its own files (names depend
only on the partition key and the month). Files and folders starting with ``.`` or ``_`` are ignored by pyarrow,
Spark and by DuckDB globs ending in ``*.parquet``.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..record import Record
from ..tables import TABLES, from_rows, to_rows

MARKERS = "_partitions"
SETTINGS = "_batch.json"
FAILURES = "failures"
UNKNOWN_MONTH = "unknown"


def month_of(rec: Record) -> str:
    return rec.published[:7] if rec.published else UNKNOWN_MONTH


def arrow_schema(table: str):
    import pyarrow as pa

    if table == FAILURES:
        return pa.schema([pa.field("input", pa.string(), nullable=False), pa.field("row", pa.int64()),
                          pa.field("reason", pa.string(), nullable=False)])
    types = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([pa.field(c.name, types[c.type], nullable=c.nullable) for c in TABLES[table]])


def _fsync_dir(d: Path) -> None:
    try:
        fd = os.open(d, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic_parquet(path: Path, rows: list[dict[str, Any]], table: str) -> None:
    """Write ``rows`` to ``path`` via a hidden temporary file in the same folder, then rename it into place."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(table)), str(tmp), compression="zstd")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic_json(path: Path, obj: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def write_partition(out: Path, key: str, records: list[Record], failures: list[tuple[str, int | None, str]]) -> list[str]:
    """Write one partition's tables (one file per table and month) and failures; returns the months written.

    Every table gets a file for every month the partition has articles in, empty or not, so each table's dataset
    has a schema as soon as one partition is done.
    """
    by_month: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for rec in records:
        rows = to_rows(rec)
        acc = by_month.setdefault(month_of(rec), {t: [] for t in TABLES})
        for t, rs in rows.items():
            acc[t].extend(rs)
    for month, tables in sorted(by_month.items()):
        for t, rs in tables.items():
            write_atomic_parquet(out / t / f"month={month}" / f"part-{key}.parquet", rs, t)
    write_atomic_parquet(out / FAILURES / f"part-{key}.parquet",
                         [{"input": i, "row": r, "reason": why} for i, r, why in failures], FAILURES)
    return sorted(by_month)


def done_keys(out: Path) -> set[str]:
    d = out / MARKERS
    if not d.is_dir():
        return set()
    return {p.stem for p in d.iterdir() if p.suffix == ".json" and not p.name.startswith(".")}


def remove_stale_temporaries(out: Path) -> int:
    """Delete temporary files an interrupted run left behind (no batch may be writing to ``out`` meanwhile)."""
    n = 0
    for root, _dirs, files in os.walk(out):
        for f in files:
            if f.startswith(".") and f.endswith(".tmp"):
                Path(root, f).unlink(missing_ok=True)
                n += 1
    return n


# -- reading back ----------------------------------------------------------------------------------------------

def is_batch_output(path: Path) -> bool:
    return (path / SETTINGS).is_file() and (path / "articles").is_dir()


def article_files(out: Path) -> list[Path]:
    """The articles table's data files of a batch output, sorted (month folder, then partition)."""
    return sorted(p for p in (out / "articles").glob("month=*/part-*.parquet"))


def records_from_article_file(path: Path) -> Iterator[Record]:
    """The records of one partition-and-month, read from ``.../articles/month=M/part-KEY.parquet`` and its siblings."""
    import pyarrow.parquet as pq

    month_dir = path.parent
    root = month_dir.parent.parent
    per_table: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for t in TABLES:
        f = root / t / month_dir.name / path.name
        rows = pq.read_table(str(f)).to_pylist() if f.is_file() else []
        grouped: dict[str, list[dict[str, Any]]] = {}
        seen: set[tuple[str, int]] = set()
        for r in rows:
            if t != "articles":
                k = (r["article_id"], r["idx"])
                if k in seen:  # an article that occurs twice in the partition has its child rows twice
                    continue
                seen.add(k)
            grouped.setdefault(r["id" if t == "articles" else "article_id"], []).append(r)
        per_table[t] = grouped
    for aid, arts in per_table["articles"].items():
        for art in arts:  # the same article twice in the input: once per occurrence
            yield from_rows({"articles": [art], **{t: per_table[t].get(aid, []) for t in TABLES if t != "articles"}})


def read_records(out: str | Path) -> Iterator[Record]:
    for f in article_files(Path(out)):
        yield from records_from_article_file(f)


def read_failures(out: str | Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    rows: list[dict[str, Any]] = []
    for f in sorted((Path(out) / FAILURES).glob("*.parquet")):
        rows.extend(pq.read_table(str(f)).to_pylist())
    return rows





# -- `eventwire ingest` of Parquet: batch outputs (records as they are) and article tables (to extract) ---------

def _looks_like_batch_articles(path: Path, names: list[str]) -> bool:
    return (names == [c.name for c in TABLES["articles"]] and path.parent.name.startswith("month=") and path.parent.parent.name == "articles")


def read_parquet_source(name: str, data: bytes) -> Iterator[Any]:
    """SourceItems of one Parquet file given to ``eventwire ingest``.

    An articles file of a batch output (``OUT/articles/month=M/part-KEY.parquet``) gives its records whole, read
    with their sibling tables, each carried in ``SourceItem.record`` so ingest stores it without extracting again.
    Any other Parquet file with a ``text`` column gives one article per row (``name:ROW``, rows from 1), read like a
    batch input. Everything else is one failure with its reason.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..pipeline import ArticleInput
    from ..sources import SourceItem
    from .partition import _opt_str
    from .plan import PARQUET_COLUMNS

    try:
        table = pq.read_table(pa.BufferReader(data))
    except Exception as exc:  # ArrowInvalid and friends for a file that is not Parquet
        yield SourceItem(name=name, reason=f"cannot be read as Parquet ({type(exc).__name__}: {exc})")
        return
    path = Path(name)
    if _looks_like_batch_articles(path, table.column_names):
        for i, rec in enumerate(records_from_article_file(path), 1):
            art = ArticleInput(text=rec.text, published=rec.published, url=rec.url, title=rec.title,
                               outlet=rec.outlet, id=rec.input_id)
            yield SourceItem(name=f"{name}:{i}", article=art, record=rec)
        return
    if "text" not in table.column_names:
        yield SourceItem(name=name, reason=f"no 'text' column (columns: {', '.join(table.column_names) or 'none'})")
        return
    cols = [c for c in PARQUET_COLUMNS if c in table.column_names]
    d = table.select(cols).to_pydict()
    for i in range(table.num_rows):
        where = f"{name}:{i + 1}"
        text = d["text"][i]
        if not isinstance(text, str):
            yield SourceItem(name=where, reason="missing or non-string 'text' field")
            continue
        try:
            fields = {k: _opt_str(d[k][i], k) for k in cols if k != "text"}
        except Exception as exc:
            yield SourceItem(name=where, reason=str(exc))
            continue
        yield SourceItem(name=where, article=ArticleInput(text=text, **fields))


__all__ = ["FAILURES", "MARKERS", "SETTINGS", "UNKNOWN_MONTH", "article_files", "arrow_schema", "done_keys",
           "is_batch_output", "month_of", "read_failures", "read_parquet_source", "read_records",
           "records_from_article_file", "remove_stale_temporaries", "write_atomic_json", "write_atomic_parquet",
           "write_partition"]
