"""``eventwire export``: the store as PLOVER JSONL, a GDELT 2.0 event table, record JSONL, CSV or Parquet tables."""

from __future__ import annotations

import argparse
import sys

from ..export import FORMATS, export
from ._db import add_db_arg, open_store


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "export", help="export the store: plover, gdelt, jsonl (one file) or csv, parquet (a folder of tables)",
        description="Export stored records. plover: PLOVER JSONL, one event a line (events without a PLOVER type "
                    "are left out and counted). gdelt: the GDELT 2.0 event table (61 tab-separated columns). jsonl: "
                    "our records. csv/parquet: a folder with one file per table.")
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--out", required=True, metavar="PATH", help="a file (plover, gdelt, jsonl) or a folder (csv, parquet)")
    p.add_argument("--include-uncertain", action="store_true",
                   help="plover/gdelt: also export negated and hypothetical events (left out by default)")
    add_db_arg(p)
    return p


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rep = export(store, args.format, args.out, include_uncertain=args.include_uncertain)
    what = {"plover": "events", "gdelt": "rows", "jsonl": "records"}.get(args.format, "table rows")
    msg = f"eventwire: export: {rep.written} {what} from {rep.articles} articles -> {args.out}"
    if rep.left_out:
        msg += "; left out: " + ", ".join(f"{n} {why}" for why, n in sorted(rep.left_out.items()))
    print(msg, file=sys.stderr)
    return 0
