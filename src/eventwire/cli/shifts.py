"""``eventwire shifts --country NER``: which partners turned cooperative and which turned hostile."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ._db import add_db_arg, render_table
from .relations import open_for_relations

HEADERS = ["partner", "before_score", "after_score", "change", "before_events", "after_events", "trend"]


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "shifts", help="partners of a country ranked by the change of their mean Goldstein value",
        description="For each partner of a country, the mean Goldstein value per linked event before and after "
                    "a split date (default: the midpoint of the dates covered), ranked by the change. A partner "
                    "turned warmer (cooperative) or colder (hostile) when the change is at least --steady points; "
                    "each comes with the events that moved it most. A partner new after the split is compared "
                    "with neutral (0); one silent after it is steady.")
    p.add_argument("--country", required=True, metavar="CODE", help="ISO country code (NER) or an actor name")
    p.add_argument("--split", metavar="YYYY[-MM[-DD]]", help="split date (events on it count as after)")
    p.add_argument("--since", metavar="YYYY[-MM[-DD]]")
    p.add_argument("--until", metavar="YYYY[-MM[-DD]]")
    p.add_argument("--steady", type=float, default=0.5, metavar="X",
                   help="changes smaller than X Goldstein points are steady (default 0.5)")
    p.add_argument("--top", type=int, default=3, metavar="N", help="events listed per partner (default 3)")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table", help="output format")
    add_db_arg(p)
    return p


def _fmt(v: Any) -> str:
    return "-" if v is None else f"{v:+.2f}" if isinstance(v, float) else str(v)


def _event_line(e: dict[str, Any]) -> str:
    src = " + ".join(e["source"]) or "?"
    tgt = " + ".join(e["target"]) or "?"
    when = e["date"] + ("" if e["dated_by"] == "event" else " (published)")
    return (f"    {when}  {src} -> {tgt}  CAMEO {e['cameo']} \"{e['trigger']}\"  goldstein {e['goldstein']:+.1f}  "
            f"{e['side']}  x{e['mentions']} mentions")


def run(args: argparse.Namespace) -> int:
    from .. import relations

    with open_for_relations(args.db) as store:
        rows = relations.shifts(store, args.country, split=args.split, since=args.since, until=args.until,
                                steady=args.steady, top=max(0, args.top))
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if args.format == "csv":
        import csv

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(HEADERS + ["split"])
        for r in rows:
            w.writerow(["" if r[h] is None else r[h] for h in HEADERS] + [r["split"]])
        return 0
    if not rows:
        print("(nothing found)", file=sys.stderr)
        return 0
    print(f"{args.country.upper()}: before / after {rows[0]['split']} (mean Goldstein per linked event)")
    print(render_table(HEADERS, [[r["partner"], _fmt(r["before_score"]), _fmt(r["after_score"]), _fmt(r["change"]),
                                  r["before_events"], r["after_events"], r["trend"]] for r in rows]))
    for trend, title in (("warmer", "Turned cooperative"), ("colder", "Turned hostile")):
        sel = [r for r in rows if r["trend"] == trend]
        if trend == "colder":
            sel.reverse()
        print(f"\n{title}: " + (", ".join(f"{r['partner']} ({r['change']:+.2f})" for r in sel) or "none"))
        for r in sel:
            print(f"  {r['partner']}:")
            for e in r["top_events"]:
                print(_event_line(e))
    return 0
