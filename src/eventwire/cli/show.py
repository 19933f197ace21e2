"""``eventwire show ARTICLE_ID``: one stored article's record."""

from __future__ import annotations

import argparse
import sys

from ..errors import StoreError
from ..render import render_text
from ._db import add_db_arg, open_store


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("show", help="show one stored article (its record)",
                       description="Show a stored article's record, as readable text or as the JSON record.")
    p.add_argument("article_id", metavar="ARTICLE_ID", help="the article id (or a unique prefix of it)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    add_db_arg(p)
    return p


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        aid = store.resolve_id(args.article_id)
        rec = store.get(aid)
        srcs = [dict(r) for r in store.conn.execute(
            "SELECT source, author, canonical_url, sitename, first_seen FROM sources WHERE article_id = ?", (aid,))]
    if rec is None:  # pragma: no cover - resolve_id found it a moment ago
        raise StoreError(f"no article {args.article_id}")
    if args.format == "json":
        sys.stdout.write(rec.to_json(indent=2) + "\n")
        return 0
    sys.stdout.write(render_text(rec) + "\n")
    for s in srcs:
        by = f" by {s['author']}" if s["author"] else ""
        sys.stdout.write(f"   from {s['source']}{by} (first seen {s['first_seen']})\n")
    return 0
