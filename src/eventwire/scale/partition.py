"""The task every batch engine runs: one input partition read, extracted and written, in whichever process runs it.

:func:`run_partition` reads its rows, hands them to :func:`eventwire.runners.process_batch` (the one per-process
extraction function, with the model loaded once per process), writes the tables and failures, then the completion
marker. It is a plain module-level function of picklable arguments, so a process pool and Dask workers run it alike.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import __version__
from ..errors import InputError
from ..inputs import article_from_obj
from ..pipeline import ArticleInput, Failure
from ..runners import PipelineConfig, peak_rss_mb, process_batch
from .dataset import MARKERS, write_atomic_json, write_partition
from .plan import PARQUET_COLUMNS, Partition


@dataclass(frozen=True)
class PartitionResult:
    key: str
    path: str
    records: int
    failures: int
    months: tuple[str, ...]
    seconds: float
    cpu_seconds: float  # CPU time of this process for the partition (less sensitive to other load than seconds)
    pid: int
    host: str
    peak_rss_mb: float


Row = tuple[int, ArticleInput | Failure]


def _strip_where(reason: str, where: str) -> str:
    prefix = f"{where}: "
    return reason[len(prefix):] if reason.startswith(prefix) else reason


def read_jsonl_rows(part: Partition) -> list[Row]:
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        data = fh.read(part.end - part.start)
    rows: list[Row] = []
    for i, raw in enumerate(data.splitlines()):
        n = part.first_row + i
        if not raw.strip():
            continue
        where = f"{part.path}:{n}"
        try:
            obj = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            rows.append((n, Failure(None, f"invalid UTF-8 at byte {exc.start}")))
            continue
        except json.JSONDecodeError as exc:
            rows.append((n, Failure(None, f"malformed JSON ({exc.msg} at column {exc.colno})")))
            continue
        except RecursionError:
            rows.append((n, Failure(None, "malformed JSON (nested too deeply)")))
            continue
        try:
            rows.append((n, article_from_obj(obj, where)))
        except InputError as exc:
            rows.append((n, Failure(None, _strip_where(str(exc), where))))
    return rows


def _opt_str(v: object, key: str) -> str | None:
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, (int, float)) and key == "id":
        return str(v)
    if isinstance(v, str):
        return v
    raise InputError(f"field {key!r} must be a string")


def read_parquet_rows(part: Partition) -> list[Row]:
    import pyarrow.parquet as pq

    f = pq.ParquetFile(part.path)
    cols = [c for c in PARQUET_COLUMNS if c in f.schema_arrow.names]
    table = f.read_row_group(part.row_group, columns=cols).slice(part.start, part.rows)
    data = table.to_pydict()
    rows: list[Row] = []
    for i in range(table.num_rows):
        n = part.first_row + i
        text = data["text"][i]
        if not isinstance(text, str):
            rows.append((n, Failure(None, "missing or non-string 'text' field")))
            continue
        try:
            fields = {k: _opt_str(data[k][i], k) for k in cols if k != "text"}
        except InputError as exc:
            rows.append((n, Failure(None, str(exc))))
            continue
        rows.append((n, ArticleInput(text=text, **fields)))
    return rows


def run_partition(cfg: PipelineConfig, part: Partition, out: str) -> PartitionResult:
    """Extract one partition into ``out``; a row that gives no record is written to failures with its reason."""
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        rows = read_jsonl_rows(part) if part.kind == "jsonl" else read_parquet_rows(part)
    except OSError as exc:
        raise InputError(f"{part.path}: cannot be read ({exc.strerror or exc})") from None
    items = [it for _, it in rows]
    results = process_batch(cfg, items).results if items else []
    records = []
    failures: list[tuple[str, int | None, str]] = []
    for (n, _), res in zip(rows, results, strict=True):
        if isinstance(res, Failure):
            failures.append((part.path, n, res.reason))
        else:
            records.append(res)
    outp = Path(out)
    months = write_partition(outp, part.key, records, failures)
    result = PartitionResult(key=part.key, path=part.path, records=len(records), failures=len(failures),
                             months=tuple(months), seconds=round(time.perf_counter() - t0, 3),
                             cpu_seconds=round(time.process_time() - c0, 3), pid=os.getpid(),
                             host=os.uname().nodename, peak_rss_mb=round(peak_rss_mb(), 1))
    marker = {"partition": asdict(part), "result": asdict(result), "eventwire": __version__,
              "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    write_atomic_json(outp / MARKERS / f"{part.key}.json", marker)
    return result


def warm(cfg: PipelineConfig) -> int:
    """Load the Pipeline in this process (a worker) now rather than on its first partition; returns the pid."""
    from ..runners import get_pipeline

    get_pipeline(cfg)
    return os.getpid()


__all__ = ["PartitionResult", "read_jsonl_rows", "read_parquet_rows", "run_partition", "warm"]
