"""``eventwire relations A B``: the dyad A-B as a time series of linked events (counts, Goldstein, quad classes)."""

from __future__ import annotations

import argparse
import sys

from ..errors import StoreError
from ..store import Store, default_path
from ._db import add_db_arg, emit

HEADERS = ["period", "direction", "events", "goldstein_sum", "goldstein_mean", "conflict_share", "quad1", "quad2",
           "quad3", "quad4", "dated_by_event", "dated_by_publication", "coarse_dated"]


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "relations", help="dyad time series between two countries or actors (linked events, Goldstein, quads)",
        description="Linked events between A and B per day, week or month: counts by quad class, the sum and mean "
                    "of Goldstein values and the share of conflictual events (quad classes 3-4). A and B are ISO "
                    "country codes (NER, USA) or actor names. An event is placed by its own date, else by its "
                    "article's publication date; an event dated only to a month (or week) is placed on the "
                    "month's first day (or the week's Monday) in finer series and counted in coarse_dated.")
    p.add_argument("a", nargs="?", metavar="A", help="country code or actor name (source side for a2b)")
    p.add_argument("b", nargs="?", metavar="B", help="country code or actor name (target side for a2b)")
    p.add_argument("--by", choices=["day", "week", "month"], default="month", help="period (default month)")
    p.add_argument("--direction", choices=["a2b", "b2a", "both"], default="both",
                   help="a2b = A source and B target; b2a the reverse; both (default) = either, each event once")
    p.add_argument("--since", metavar="YYYY[-MM[-DD]]")
    p.add_argument("--until", metavar="YYYY[-MM[-DD]]")
    p.add_argument("--rebuild", action="store_true",
                   help="recompute actors across articles, near-duplicates and event links from scratch")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table", help="output format")
    add_db_arg(p)
    return p


def open_for_relations(db: str | None, rebuild: bool = False) -> Store:
    """The store, read-only when the relation tables are current; catch-up (or rebuild) writes when needed."""
    from .. import relations

    path = default_path(db)
    if not rebuild:
        try:
            store = Store(path, readonly=True)
            if not relations.pending(store.conn):
                return store
            store.close()
        except StoreError:
            pass  # an older schema: open for writing below, which migrates
    store = Store(path, create=False)
    if rebuild:
        n = relations.rebuild(store.conn)
        print(f"eventwire: relations rebuilt from {n} articles", file=sys.stderr)
    else:
        n = relations.catch_up(store.conn)
        if n:
            print(f"eventwire: linked {n} articles stored before relations existed", file=sys.stderr)
    return store


def run(args: argparse.Namespace) -> int:
    from .. import relations

    if not args.rebuild and (not args.a or not args.b):
        raise StoreError("give two countries or actors, e.g. `eventwire relations NER USA`")
    with open_for_relations(args.db, args.rebuild) as store:
        if not args.a or not args.b:
            return 0
        rows = relations.dyad_series(store, args.a, args.b, by=args.by, direction=args.direction,
                                     since=args.since, until=args.until)
    emit(args.format, HEADERS, [[r[h] for h in HEADERS] for r in rows], rows)
    return 0
