"""``eventwire eval``: score extraction against gold files, one table row (or JSON object) per file."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path
from typing import Any

from .. import evaluate as ev
from ..errors import EventwireError, InputError
from ..pipeline import ArticleInput, Failure, Pipeline
from . import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, add_actors_arg

# Table columns: (metric, header), in display order; a column is shown when some row has the metric.
COLUMNS = [
    ("records", "n"), ("gold", "gold"), ("found", "found%"), ("found_root", "root%"), ("extra_per_100", "extra/100"),
    ("precision", "P"), ("recall", "R"), ("f1", "F1"), ("type_found", "type%"), ("root_acc", "root_acc"),
    ("code_acc", "code_acc"), ("agent_to_code", "actors%"), ("titled", "titled%"), ("bare_name", "names%"),
    ("other", "other%"), ("search_nat", "nat%"), ("attributed", "attrib%"), ("failed", "failed"),
]


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "eval", help="score extraction against gold files (one row per file)",
        description="Extract the texts of gold files and score the result. Formats (see docs/gold-formats.md) are "
                    "detected per file: PETRARCH-style and PLOVER event suites, actor-resolution cases, quote cases, "
                    "and the CAMEO codebook CSV (columns code, example).")
    p.add_argument("gold", nargs="*", metavar="GOLD", help="gold files (.jsonl; .csv for a codebook)")
    p.add_argument("--codebook", metavar="CSV", action="append", default=[],
                   help="a CAMEO codebook CSV (columns code, example); its examples are scored as sentences")
    p.add_argument("--actors-for", metavar="GOLD=FILE", action="append", default=[],
                   help="use this actor file for that gold file instead of --actors (repeatable); e.g. the "
                        "converted PETRARCH fictional dictionaries for the PETRARCH suites only")
    p.add_argument("--json", action="store_true", help='print {"file": {"metric": value}} instead of the table')
    add_actors_arg(p)
    return p


def _actors_map(args: argparse.Namespace) -> dict[str, str]:
    out = {}
    for spec in args.actors_for:
        gold, sep, actors = spec.partition("=")
        if not sep or not gold or not actors:
            raise InputError(f"--actors-for {spec!r}: expected GOLD=FILE")
        if not Path(actors).is_file():
            raise InputError(f"--actors-for {spec!r}: no such actor file {actors}")
        out[str(Path(gold).resolve())] = actors
    return out


class _Pipelines:
    """One Pipeline per actor file, built on first use (the spaCy model is loaded once per actor set)."""

    def __init__(self, model: str | None):
        self.model = model
        self._cache: dict[str | None, Pipeline] = {}

    def get(self, actors: str | None) -> Pipeline:
        if actors not in self._cache:
            self._cache[actors] = Pipeline(model=self.model, actors=actors)
        return self._cache[actors]


def predict(gold: ev.GoldFile, pipe: Pipeline) -> tuple[list[Any], int]:
    """One prediction per gold item (Record, Actor or None) and the number of items that could not be extracted."""
    if gold.format == "actors":
        from ..actors import resolve_phrase

        preds: list[Any] = []
        failed = 0
        for item in gold.items:
            try:
                preds.append(resolve_phrase(pipe, item.text))
            except EventwireError:
                preds.append(None)
                failed += 1
        return preds, failed
    inputs = (ArticleInput(text=i.text, published=i.published, id=i.id) for i in gold.items)
    preds = []
    failed = 0
    for result in pipe.extract_many(inputs):
        if isinstance(result, Failure):
            preds.append(None)
            failed += 1
        else:
            preds.append(result)
    return preds, failed


def evaluate_files(files: list[str], actors: str | None = None, actors_for: dict[str, str] | None = None,
                   model: str | None = None, on_error=None) -> dict[str, dict[str, Any]]:
    """Extract and score each gold file: {path: {"format": ..., metric: value}}. ``actors_for`` maps a gold file's
    resolved path to the actor file used for it instead of ``actors``. A file that cannot be read is passed to
    ``on_error(exc)`` (raised when None) and left out."""
    actors_for = actors_for or {}
    # The skeleton stages give the entity ruler no patterns yet; spaCy's warning about that is noise here.
    warnings.filterwarnings("ignore", message=r"\[W036\]")
    pipes = _Pipelines(model)
    results: dict[str, dict[str, Any]] = {}
    for path in files:
        try:
            gold = ev.load_gold(path)
        except EventwireError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        pipe = pipes.get(actors_for.get(str(Path(path).resolve()), actors))
        preds, failed = predict(gold, pipe)
        metrics = ev.score(gold, preds)
        metrics["failed"] = failed
        metrics["skipped"] = gold.skipped
        results[path] = {"format": gold.format, **metrics}
    return results


def run(args: argparse.Namespace) -> int:
    files = list(args.gold) + list(args.codebook)
    if not files:
        raise InputError("no gold files given (eventwire eval GOLD.jsonl... [--codebook CSV])")
    actors_for = _actors_map(args)
    if args.actors and not Path(args.actors).is_file():
        raise InputError(f"--actors: no such file {args.actors}")
    errors: list[EventwireError] = []

    def report(exc: EventwireError) -> None:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        errors.append(exc)

    results = evaluate_files(files, args.actors, actors_for, args.model, on_error=report)
    if errors and not results:
        return EXIT_FAILED
    if args.json:
        sys.stdout.write(json.dumps(results, indent=1) + "\n")
    else:
        sys.stdout.write(render_table(results))
    return EXIT_PARTIAL if errors else EXIT_OK


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def render_table(results: dict[str, dict[str, Any]]) -> str:
    """An aligned text table: one row per file, the columns some row has; blank where a metric does not apply."""
    cols = [(k, h) for k, h in COLUMNS if any(k in m for m in results.values())]
    header = ["file", "format"] + [h for _, h in cols]
    rows = [[Path(f).name, m.get("format", "")] + [(_fmt(m[k]) if k in m else "") for k, _ in cols]
            for f, m in results.items()]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for r in [header, *rows]:
        cells = [r[0].ljust(widths[0]), r[1].ljust(widths[1])] + [c.rjust(w) for c, w in zip(r[2:], widths[2:],
                                                                                                 strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
