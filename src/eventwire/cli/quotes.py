"""``eventwire quotes``: stored quotes, by speaker and date."""

from __future__ import annotations

import argparse

from ..store import queries
from ._db import add_db_arg, add_format_arg, emit, open_store


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("quotes", help="list stored quotes (filter by speaker, dates)",
                       description="List stored quotes. A speaker is a country code, a CAMEO actor code prefix or "
                                   "part of a name; dates filter on the article's publication date.")
    p.add_argument("--speaker", metavar="X")
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument("--article", metavar="ID", help="quotes of one article")
    add_db_arg(p)
    add_format_arg(p)
    return p


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        article = store.resolve_id(args.article) if args.article else None
        qs = queries.quotes(store, speaker=args.speaker, since=args.since, until=args.until, article=article,
                            limit=args.limit)
    headers = ["published", "speaker", "code", "cue", "quote", "article_id"]
    rows = [[q["published"], q["speaker_name"] or q["speaker_text"], q["speaker_cameo"] or q["speaker_country"],
             q["cue"], ("" if q["direct"] else "(reported) ") + q["text"], q["article_id"]] for q in qs]
    if args.format == "csv":
        headers = list(qs[0].keys()) if qs else ["article_id", "id", "text", "speaker_name"]
        rows = [list(q.values()) for q in qs]
    emit(args.format, headers, rows, qs, flex=["quote", "speaker"])
    return 0
