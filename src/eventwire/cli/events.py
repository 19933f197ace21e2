"""``eventwire events``: stored events, filtered by actor, role, CAMEO root and date."""

from __future__ import annotations

import argparse

from ..store import queries
from ._db import add_db_arg, add_format_arg, emit, open_store


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "events", help="list stored events (filter by actor, source, target, CAMEO root, dates)",
        description="List stored events. An actor X is a country code (NER), a CAMEO actor code prefix (NERGOV) or "
                    "part of a name (Abdramane). Dates filter on the event's date, or the article's publication "
                    "date when the event has none; a month or year matches when it overlaps the range.")
    p.add_argument("--actor", metavar="X", help="events with X as source or target")
    p.add_argument("--source", metavar="X", help="events with X as source")
    p.add_argument("--target", metavar="X", help="events with X as target")
    p.add_argument("--root", metavar="NN", help="CAMEO root code, 01..20 (e.g. 16 = reduce relations)")
    p.add_argument("--plover", metavar="TYPE", help="PLOVER event type (e.g. CONSULT)")
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument("--article", metavar="ID", help="events of one article")
    add_db_arg(p)
    add_format_arg(p)
    return p


def _names(actors: list[dict]) -> str:
    return "+".join(a.get("name") or a.get("id", "?") for a in actors)


def _codes(actors: list[dict]) -> str:
    return "+".join(a.get("cameo") or a.get("country") or "" for a in actors)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        article = store.resolve_id(args.article) if args.article else None
        evs = queries.events(store, actor=args.actor, source=args.source, target=args.target, root=args.root,
                             since=args.since, until=args.until, plover=args.plover, article=article,
                             limit=args.limit)
    headers = ["date", "source", "src_code", "cameo", "plover", "target", "tgt_code", "trigger", "article_id"]
    rows = []
    for e in evs:
        date = e["date"]["value"] if e.get("date") else (e.get("published") or "")
        flags = (" NEG" if e["negated"] else "") + (" HYP" if e["hypothetical"] else "")
        rows.append([date, _names(e["source"]), _codes(e["source"]), e["cameo"] + flags, e["plover"],
                     _names(e["target"]), _codes(e["target"]), e["trigger"]["text"], e["article_id"]])
    if args.format == "csv":
        headers = ["article_id", "event_id", "date", "cameo", "cameo_root", "plover", "plover_mode", "goldstein",
                   "quad_class", "source", "source_codes", "target", "target_codes", "trigger", "negated",
                   "hypothetical", "confidence", "location", "location_country", "url"]
        rows = [[e["article_id"], e["id"], e["date"]["value"] if e.get("date") else "", e["cameo"], e["cameo_root"],
                 e["plover"], e["plover_mode"], e["goldstein"], e["quad_class"], _names(e["source"]),
                 _codes(e["source"]), _names(e["target"]), _codes(e["target"]), e["trigger"]["text"],
                 e["negated"], e["hypothetical"], e["confidence"],
                 e["location"]["name"] if e.get("location") else "",
                 e["location"]["country"] if e.get("location") else "", e.get("url")] for e in evs]
    emit(args.format, headers, rows, evs, flex=["source", "target", "trigger"])
    return 0
