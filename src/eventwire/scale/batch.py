"""``eventwire batch``: plan the input partitions, skip the finished ones, run the rest on an engine, report."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import EventwireError
from ..runners import PipelineConfig
from .dataset import SETTINGS, done_keys, remove_stale_temporaries, write_atomic_json, write_atomic_parquet
from .engines import make_engine
from .partition import PartitionResult
from .plan import DEFAULT_PARTITION_ROWS, expand_inputs, plan

log = logging.getLogger(__name__)


@dataclass
class BatchReport:
    out: str
    engine: str
    inputs: int = 0
    partitions: int = 0
    already_done: int = 0
    done: int = 0  # partitions finished in this run
    records: int = 0  # in this run
    failures: int = 0  # rows written to failures in this run (input problems included)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (partition, error) of partitions that did not finish
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (input, reason) of inputs not read at all
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # summed over the partitions (worker CPU time spent on them)
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # per worker (host:pid)

    @property
    def complete(self) -> bool:
        return not self.errors and self.already_done + self.done == self.partitions


Progress = Callable[[BatchReport], None]


def _settings(out: Path, partition_rows: int | None) -> int:
    """The partition size this output folder uses (fixed by its first run: partition keys depend on it)."""
    f = out / SETTINGS
    if f.is_file():
        try:
            saved = int(json.loads(f.read_text(encoding="utf-8"))["partition_rows"])
        except (ValueError, KeyError, TypeError, json.JSONDecodeError):
            raise EventwireError(f"{f}: unreadable; is {out} an eventwire batch output?") from None
        if partition_rows and partition_rows != saved:
            log.warning("%s was started with --partition-rows %d; keeping it (a new --out starts afresh)", out, saved)
        return saved
    if out.exists() and any(p for p in out.iterdir() if not p.name.startswith(".")):
        raise EventwireError(f"{out}: exists and is not an eventwire batch output; choose a new or empty folder")
    rows = partition_rows or DEFAULT_PARTITION_ROWS
    write_atomic_json(f, {"partition_rows": rows, "eventwire": __version__})
    return rows


def run_batch(inputs: list[str], out: str, engine: str = "local", workers: int | None = None,
              scheduler: str | None = None, cfg: PipelineConfig | None = None, partition_rows: int | None = None,
              on_progress: Progress | None = None, warm: bool = False) -> BatchReport:
    """Extract every input row into the Parquet datasets under ``out``; finished partitions are not redone.

    ``warm``: load the model on every worker before the clock starts (for benchmarks).
    """
    cfg = cfg or PipelineConfig()
    files = expand_inputs(inputs)  # InputError for an input that names nothing
    outp = Path(out)
    if outp.exists() and not outp.is_dir():
        raise EventwireError(f"{out}: exists and is not a folder")
    outp.mkdir(parents=True, exist_ok=True)
    rows = _settings(outp, partition_rows)
    parts, problems = plan(files, rows)
    rep = BatchReport(out=str(outp), engine=engine, inputs=len(files), partitions=len(parts))
    remove_stale_temporaries(outp)
    for pr in problems:  # an input that cannot be read at all: one failure row (row empty), rewritten on each run
        write_atomic_parquet(outp / "failures" / f"input-{pr.key}.parquet",
                             [{"input": pr.path, "row": None, "reason": pr.reason}], "failures")
        rep.failures += 1
        rep.unreadable.append((pr.path, pr.reason))
    have = done_keys(outp)
    todo = [p for p in parts if p.key not in have]
    rep.already_done = len(parts) - len(todo)
    if not todo:
        return rep
    with make_engine(engine, cfg, workers, scheduler) as eng:
        if warm:
            eng.warm()
        t0 = time.perf_counter()
        for part, res in eng.run(todo, str(outp)):
            if isinstance(res, PartitionResult):
                rep.done += 1
                rep.records += res.records
                rep.failures += res.failures
                rep.cpu_seconds += res.cpu_seconds
                w = f"{res.host}:{res.pid}"
                rep.peak_rss_mb[w] = max(rep.peak_rss_mb.get(w, 0.0), res.peak_rss_mb)
            else:
                msg = str(res) or type(res).__name__
                rep.errors.append((f"{part.path} rows {part.first_row}-{part.first_row + part.rows - 1}",
                                   msg.splitlines()[0] if msg else type(res).__name__))
            rep.seconds = time.perf_counter() - t0
            if on_progress:
                on_progress(rep)
    return rep


__all__ = ["BatchReport", "run_batch"]
