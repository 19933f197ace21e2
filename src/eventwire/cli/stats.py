"""``eventwire stats``: what the store holds."""

from __future__ import annotations

import argparse
import json
import sys

from ..store import queries
from ._db import add_db_arg, open_store, render_table


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("stats", help="counts and coverage of the store",
                       description="Counts of stored articles, actors, events, quotes; date ranges; extractor "
                                   "versions; recent runs; failures.")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--failures", action="store_true", help="list every recorded failure")
    add_db_arg(p)
    return p


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        st = queries.stats(store)
        fails = store.failures() if args.failures else []
    if args.format == "json":
        if args.failures:
            st["failures"] = [{"source": s, "reason": r} for s, r in fails]
        json.dump(st, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    c = st["counts"]
    out = [f"store {st['db']} (schema {st['schema_version']}, {(st['size_bytes'] or 0) / 1e6:.1f} MB)"]
    out.append("  " + ", ".join(f"{c[k]} {k}" for k in ("articles", "actors", "events", "quotes", "entities",
                                                        "places", "times")))
    out.append(f"  {c['failures']} recorded failures")
    p = st["published"]
    out.append(f"  published {p['first'] or '-'} .. {p['last'] or '-'} ({p['articles_with_date']} with a date)")
    d = st["event_dates"]
    out.append(f"  event dates {d['first'] or '-'} .. {d['last'] or '-'} ({d['events_with_date']} with a date)")
    for title, key, cols in (("extractors", "extractors", ["version", "model", "articles"]),
                             ("events by CAMEO root", "event_roots", ["root", "events"]),
                             ("actors in most articles", "top_actors", ["name", "country", "cameo", "articles"]),
                             ("recent runs", "runs", ["id", "command", "started", "added", "skipped", "failed"])):
        if st[key]:
            out.append(f"\n{title}:")
            out.append(render_table(cols, [[r[k] for k in cols] for r in st[key]], flex=["name", "model"]))
    if args.failures and fails:
        out.append("\nfailures:")
        out.append(render_table(["source", "reason"], fails, flex=["source", "reason"]))
    sys.stdout.write("\n".join(out) + "\n")
    return 0
