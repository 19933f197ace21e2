"""Helpers shared by the store commands (ingest, search, events, quotes, show, stats, reprocess, export)."""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from collections.abc import Sequence
from typing import Any

from ..store import Store, default_path


def add_db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH",
                   help="the store (SQLite file); default $EVENTWIRE_DB or eventwire.db in the current folder")


def open_store(args: argparse.Namespace, readonly: bool = True) -> Store:
    return Store(default_path(args.db), readonly=readonly)


def add_format_arg(p: argparse.ArgumentParser, default: str = "table") -> None:
    p.add_argument("--format", choices=["table", "json", "csv"], default=default,
                   help=f"output format (default {default})")
    p.add_argument("--limit", type=positive_int, metavar="N", help="at most N rows")


def positive_int(s: str) -> int:
    try:
        v = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a whole number") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"{s} must be 1 or more")
    return v


def _clip(s: str, n: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: max(0, n - 1)] + "…"


def render_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], width: int | None = None,
                 flex: Sequence[str] = ()) -> str:
    """An aligned plain-text table. On a terminal it fits the window: the ``flex`` columns (long free text) share
    what the others leave, in proportion to their natural widths; other columns are capped at 40 characters."""
    if width is None and sys.stdout.isatty():
        width = shutil.get_terminal_size((120, 24)).columns
    cells = [["" if v is None else " ".join(str(v).split()) for v in r] for r in rows]
    widths = [len(h) for h in headers]
    for r in cells:
        for i, v in enumerate(r):
            widths[i] = max(widths[i], len(v))
    for i, h in enumerate(headers):
        if h not in flex:
            widths[i] = min(widths[i], max(40, len(h)))
    flex_idx = [i for i, h in enumerate(headers) if h in flex]
    total = sum(widths) + 2 * (len(widths) - 1)
    if width and total > width and flex_idx:
        natural = {i: widths[i] for i in flex_idx}
        spare = max(12 * len(flex_idx), width - (total - sum(natural.values())))
        base = {i: min(12, n) for i, n in natural.items()}
        rest = spare - sum(base.values())
        extra = {i: natural[i] - base[i] for i in flex_idx}
        whole = sum(extra.values()) or 1
        for i in flex_idx:
            widths[i] = base[i] + min(extra[i], rest * extra[i] // whole)
    out = ["  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip(),
           "  ".join("-" * widths[i] for i in range(len(headers)))]
    for r in cells:
        out.append("  ".join(_clip(v, widths[i]).ljust(widths[i]) for i, v in enumerate(r)).rstrip())
    return "\n".join(out)


def emit(fmt: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], objects: list[dict[str, Any]],
         flex: Sequence[str] = ()) -> None:
    if fmt == "json":
        json.dump(objects, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(headers)
        w.writerows(["" if v is None else v for v in r] for r in rows)
    else:
        if not rows:
            print("(nothing found)", file=sys.stderr)
            return
        sys.stdout.write(render_table(headers, rows, flex=flex) + "\n")
