"""``eventwire ingest``: read articles from files, folders, stdin and URLs, extract them, and store the records."""

from __future__ import annotations

import argparse
import sys
import time

from ..errors import EventwireError
from ..pipeline import DEFAULT_MAX_CHARS
from ..runners import PipelineConfig
from ..sources import Options, count_hint, iter_sources
from ..store import Store, default_path
from ..store.ingest import Progress, ingest
from . import EXIT_FAILED, EXIT_OK, add_actors_arg
from ._db import add_db_arg, positive_int

MAX_LISTED_FAILURES = 20


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "ingest", help="extract articles (files, folders, -, http(s) URLs and feeds) into the store",
        description="Extract articles into the store. Inputs: .txt/.md, .html, .json, .jsonl files, folders, - for "
                    "standard input, http(s) URLs of articles or RSS/Atom feeds. Articles already stored are "
                    "skipped, so a re-run finishes an interrupted ingest. Unreadable inputs are recorded in the "
                    "failures table and listed at the end.")
    p.add_argument("inputs", nargs="+", metavar="PATH", help="file, folder, - (stdin), or http(s) URL")
    add_db_arg(p)
    p.add_argument("--workers", type=positive_int, default=1, metavar="N",
                   help="extract in N processes, each loading the model once (default 1: in this process)")
    p.add_argument("--batch-size", type=positive_int, default=32, metavar="N",
                   help="articles per transaction (default 32); a batch is stored whole or not at all")
    p.add_argument("--recursive", "-r", action="store_true", help="descend into sub-folders")
    p.add_argument("--published-from-path", action="store_true",
                   help="take a missing publication date from the path (2024/03/18/..., 2024-03-18-...)")
    p.add_argument("--max-chars", type=positive_int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"refuse articles longer than N characters (default {DEFAULT_MAX_CHARS:,})")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="per-request timeout for URLs (s)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    add_actors_arg(p)
    return p


def _fmt_eta(s: float | None) -> str:
    if s is None:
        return "?"
    s = int(s)
    return f"{s // 3600}h{s // 60 % 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s" if s >= 60 else f"{s}s"


class _Reporter:
    """A tqdm bar on a terminal; plain lines (one per committed batch, at most every 2 s) otherwise."""

    def __init__(self, total: int | None, quiet: bool):
        self.quiet = quiet
        self.latest: Progress | None = None
        self.bar = None
        self.last = 0.0
        self.shown = 0
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="art", desc="ingest", file=sys.stderr, dynamic_ncols=True)

    def __call__(self, p: Progress) -> None:
        self.latest = p
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.set_postfix(added=p.added, skipped=p.skipped, failed=p.failed, refresh=False)
            self.bar.update(p.done - self.shown)
            self.shown = p.done
            return
        now = time.monotonic()
        if now - self.last < 2.0 and p.done != p.total:
            return
        self.last = now
        of = f" of {p.total}" if p.total else ""
        print(f"eventwire: ingest: {p.done}{of} done ({p.added} added, {p.skipped} already stored, "
              f"{p.failed} failed), {p.rate:.1f}/s, ETA {_fmt_eta(p.eta)}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run(args: argparse.Namespace) -> int:
    path = default_path(args.db)
    cfg = PipelineConfig(model=args.model, actors=args.actors, max_chars=args.max_chars)
    opts = Options(recursive=args.recursive, published_from_path=args.published_from_path,
                   max_chars=args.max_chars, timeout=args.timeout)
    try:
        total = count_hint(args.inputs, args.recursive)
    except EventwireError:
        total = None
    reporter = _Reporter(total, args.quiet)
    try:
        with Store(path) as store:
            counts = ingest(store, iter_sources(args.inputs, opts), cfg, workers=args.workers,
                            batch_size=args.batch_size, total=total, on_progress=reporter,
                            run_args={"inputs": args.inputs, "workers": args.workers})
    except KeyboardInterrupt:
        reporter.close()
        kept = reporter.latest.added if reporter.latest else 0
        print(f"eventwire: ingest: interrupted; the {kept} articles stored by this run are kept (the batch in "
              f"progress was not written); run the same command again to finish", file=sys.stderr)
        return 130
    finally:
        reporter.close()
        opts.close()
    for name, reason in counts.failures[:MAX_LISTED_FAILURES]:
        print(f"eventwire: failed: {name}: {reason}", file=sys.stderr)
    if len(counts.failures) > MAX_LISTED_FAILURES:
        print(f"eventwire: ... and {len(counts.failures) - MAX_LISTED_FAILURES} more failures "
              f"(all are in the failures table; `eventwire stats --failures`)", file=sys.stderr)
    n = counts.added + counts.skipped + counts.failed
    print(f"eventwire: ingest: {n} inputs: {counts.added} added, {counts.skipped} already stored, "
          f"{counts.failed} failed -> {path}", file=sys.stderr)
    if n == 0:
        print("eventwire: error: no articles in the inputs", file=sys.stderr)
        return EXIT_FAILED
    if counts.failed == n:
        return EXIT_FAILED
    return EXIT_OK
