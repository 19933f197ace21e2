"""``eventwire search "words"``: full-text search over stored article text and quotes."""

from __future__ import annotations

import argparse

from ..store import queries
from ._db import add_db_arg, add_format_arg, emit, open_store


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("search", help="full-text search over stored articles and quotes",
                       description="Find stored articles (and quotes) containing all the given words. Words are "
                                   "matched as words (FTS5); a trailing * matches a prefix (negot*).")
    p.add_argument("query", metavar="WORDS")
    p.add_argument("--in", dest="where", choices=["all", "articles", "quotes"], default="all",
                   help="search article text, quotes, or both (default)")
    add_db_arg(p)
    add_format_arg(p)
    return p


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        hits = queries.search(store, args.query, limit=args.limit or 20, where=args.where)
    headers = ["article_id", "published", "in", "title", "match"]
    rows = [[h.article_id, h.published, h.kind if h.kind == "article" else f"quote ({h.speaker or '?'})",
             h.title, h.snippet] for h in hits]
    objects = [{"article_id": h.article_id, "published": h.published, "kind": h.kind, "title": h.title,
                "snippet": h.snippet, "speaker": h.speaker} for h in hits]
    emit(args.format, headers, rows, objects, flex=["title", "match", "in"])
    return 0
