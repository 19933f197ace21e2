"""``eventwire reprocess``: re-extract stored articles after the extractor or a lexicon changed."""

from __future__ import annotations

import argparse
import sys

from ..pipeline import DEFAULT_MAX_CHARS
from ..runners import PipelineConfig
from ..store import Store, default_path
from ..store.reprocess import reprocess, select_ids
from . import EXIT_FAILED, EXIT_OK, add_actors_arg
from ._db import add_db_arg, positive_int


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "reprocess", help="re-extract stored articles from their stored text; report events added/removed",
        description="Re-extract stored articles with the current extractor and lexicons, each article rewritten "
                    "atomically, and report which events were added and removed.")
    p.add_argument("--where", metavar="SQL",
                   help="which articles: an SQL condition on the articles table, e.g. \"published >= '2024-01-01'\" "
                        "or \"outlet = 'Reuters'\" (default: all)")
    p.add_argument("--outdated", action="store_true",
                   help="only articles extracted by another eventwire version than this one")
    p.add_argument("--id", action="append", metavar="ARTICLE_ID", help="only this article (repeatable)")
    p.add_argument("--dry-run", action="store_true", help="report the changes without writing them")
    p.add_argument("--workers", type=positive_int, default=1, metavar="N")
    p.add_argument("--max-chars", type=positive_int, default=DEFAULT_MAX_CHARS, metavar="N")
    p.add_argument("--quiet", "-q", action="store_true", help="only the summary")
    add_db_arg(p)
    add_actors_arg(p)
    return p


def run(args: argparse.Namespace) -> int:
    from .. import __version__

    with Store(default_path(args.db), create=False) as store:
        ids = [store.resolve_id(x) for x in args.id] if args.id else None
        chosen = select_ids(store, args.where, __version__ if args.outdated else None, ids)
        if not chosen:
            print("eventwire: reprocess: no stored articles match", file=sys.stderr)
            return EXIT_OK

        def show(change, n: int) -> None:
            if change is None or args.quiet:
                return
            print(f"{change.article_id}: +{len(change.added)} -{len(change.removed)} events "
                  f"({change.old_version} -> {change.new_version})")
            for tag, evs in (("+", change.added), ("-", change.removed)):
                for e in evs:
                    print(f"  {tag} CAMEO {e.cameo} {e.plover or '-'} “{e.trigger.text}” @{e.trigger.start}")

        cfg = PipelineConfig(model=args.model, actors=args.actors, max_chars=args.max_chars)
        rep = reprocess(store, chosen, cfg, workers=args.workers, dry_run=args.dry_run, on_article=show)
    for aid, reason in rep.failures:
        print(f"eventwire: failed: {aid}: {reason} (stored record kept)", file=sys.stderr)
    verb = "would change" if args.dry_run else "changed"
    print(f"eventwire: reprocess: {rep.articles} articles, {len(rep.changed)} {verb}: "
          f"+{rep.events_added} / -{rep.events_removed} events; {len(rep.failures)} failed", file=sys.stderr)
    return EXIT_FAILED if rep.failures and len(rep.failures) == rep.articles else EXIT_OK
