"""``eventwire batch``: many articles (JSONL/Parquet files) to Parquet datasets, on a local pool or a Dask cluster."""

from __future__ import annotations

import argparse
import sys
import time

from ..pipeline import DEFAULT_MAX_CHARS
from ..runners import PipelineConfig
from . import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, add_actors_arg
from ._db import positive_int

MAX_LISTED = 20


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "batch", help="extract JSONL/Parquet files into Parquet datasets (local pool or Dask), resumably",
        description="Extract articles from JSONL or Parquet files (fields text and optional id, published, url, "
                    "title, outlet) into one Parquet dataset per record table under OUT (articles/, entities/, "
                    "actors/, mentions/, times/, places/, quotes/, events/, event_actors/), hive-partitioned by "
                    "publication month (month=2024-03, month=unknown), plus failures/ (input, row, reason). Inputs "
                    "are cut into partitions of --partition-rows rows; a finished partition is not redone, so "
                    "re-running the same command finishes an interrupted batch. See docs/scale.md.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a .jsonl/.ndjson/.parquet file, a folder of them, or a glob")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (new, or one an earlier batch wrote)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local: a process pool on this machine (default); dask: a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a LocalCluster")
    p.add_argument("--workers", type=positive_int, metavar="N",
                   help="worker processes for the local pool or the LocalCluster (default: the number of cores)")
    p.add_argument("--partition-rows", type=positive_int, metavar="N",
                   help="input rows per partition, the unit of work and of resumption (default 500; fixed by the "
                        "first run into OUT)")
    p.add_argument("--max-chars", type=positive_int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"refuse articles longer than N characters (default {DEFAULT_MAX_CHARS:,})")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    add_actors_arg(p)
    return p


def run(args: argparse.Namespace) -> int:
    from ..scale import BatchReport, run_batch

    cfg = PipelineConfig(model=args.model, actors=args.actors, max_chars=args.max_chars)
    last = [0.0]

    def progress(r: BatchReport) -> None:
        now = time.monotonic()
        if args.quiet or (now - last[0] < 2.0 and r.already_done + r.done + len(r.errors) < r.partitions):
            return
        last[0] = now
        rate = r.records / r.seconds if r.seconds else 0.0
        print(f"eventwire: batch: {r.already_done + r.done} of {r.partitions} partitions done "
              f"({r.records} records, {r.failures} failed rows, {rate:.1f} records/s)", file=sys.stderr, flush=True)

    rep = run_batch(args.inputs, args.out, engine=args.engine, workers=args.workers, scheduler=args.scheduler,
                    cfg=cfg, partition_rows=args.partition_rows, on_progress=progress)
    for path, reason in rep.unreadable[:MAX_LISTED]:
        print(f"eventwire: failed: {path}: {reason}", file=sys.stderr)
    for where, err in rep.errors[:MAX_LISTED]:
        print(f"eventwire: error: {where}: {err}", file=sys.stderr)
    if len(rep.errors) > MAX_LISTED:
        print(f"eventwire: ... and {len(rep.errors) - MAX_LISTED} more partitions failed", file=sys.stderr)
    print(f"eventwire: batch: {rep.partitions} partitions ({rep.already_done} done before, {rep.done} now, "
          f"{len(rep.errors)} failed): {rep.records} records, {rep.failures} failed rows (in {args.out}/failures) "
          f"-> {args.out}", file=sys.stderr)
    if rep.errors:
        print("eventwire: re-run the same command to retry the partitions that failed", file=sys.stderr)
    if rep.partitions == 0 or (rep.done == 0 and rep.already_done == 0):
        return EXIT_FAILED
    if rep.errors or rep.failures or rep.unreadable:
        return EXIT_PARTIAL
    return EXIT_OK
