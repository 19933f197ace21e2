"""``eventwire extract``: one article (or a JSONL batch) to records."""

from __future__ import annotations

import argparse
import sys
from collections import deque

from ..errors import EventwireError, InputError
from ..inputs import iter_jsonl, read_text
from ..pipeline import DEFAULT_MAX_CHARS, Failure, Pipeline, parse_date
from ..render import render_text
from . import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, add_actors_arg


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("extract", help="extract one article (or --jsonl lines) to records",
                       description="Extract an article to its record (JSON by default).")
    p.add_argument("input", metavar="FILE|-", help="article text file, or - for standard input")
    p.add_argument("--jsonl", action="store_true",
                   help='input is JSON lines {"id","text","published","url","title"}; one record per line out')
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date (relative dates resolve against it)")
    p.add_argument("--url", metavar="U")
    p.add_argument("--title", metavar="T")
    p.add_argument("--format", choices=["json", "text"], default="json")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"refuse articles longer than N characters (default {DEFAULT_MAX_CHARS:,})")
    add_actors_arg(p)
    return p


def _emit(record, fmt: str) -> None:
    if fmt == "text":
        sys.stdout.write(render_text(record) + "\n")
    else:
        sys.stdout.write(record.to_json() + "\n")
    sys.stdout.flush()


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        return _run_jsonl(args)
    if args.published:
        parse_date(args.published)  # a bad date is a usage error before the model loads
    text = read_text(args.input)
    pipe = Pipeline(model=args.model, actors=args.actors, max_chars=args.max_chars)
    name = "<stdin>" if args.input == "-" else args.input
    try:
        record = pipe.extract(text, published=args.published, url=args.url, title=args.title)
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None
    _emit(record, args.format)
    return EXIT_OK


def _run_jsonl(args: argparse.Namespace) -> int:
    pipe = Pipeline(model=args.model, actors=args.actors, max_chars=args.max_chars)
    name = "<stdin>" if args.input == "-" else args.input
    ok = failed = 0
    line_numbers: deque[int] = deque()

    def articles():
        for n, item in iter_jsonl(args.input):
            line_numbers.append(n)
            yield Failure(None, str(item)) if isinstance(item, EventwireError) else item

    for result in pipe.extract_many(articles()):
        n = line_numbers.popleft()
        if isinstance(result, Failure):
            failed += 1
            msg = result.reason if result.input is None else f"{name}:{n}: {result.reason}"
            print(f"eventwire: error: {msg}", file=sys.stderr)
            continue
        ok += 1
        _emit(result, args.format)
    if failed and not ok:
        return EXIT_FAILED
    if failed:
        return EXIT_PARTIAL
    if not ok:
        print(f"eventwire: error: {name}: no articles in the input", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
