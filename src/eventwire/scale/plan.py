"""Batch planning: input files (JSONL or Parquet, paths, folders or globs) cut into fixed-size partitions.

A partition is a run of rows of one input file: a byte range of a JSONL file (whole lines, with the number of its
first line) or a row range inside one row group of a Parquet file. It is named by a key derived from the input's
absolute path and the partition's place in it, so a re-run over the same inputs plans the same keys and can skip the
partitions already finished, and a partition redone writes over its own files instead of adding new ones.

Planning happens on the machine that runs ``eventwire batch``; the partitions are then read by whichever process
runs them (a local worker or a Dask worker), which therefore needs the same paths (a shared filesystem).
"""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
DEFAULT_PARTITION_ROWS = 500


@dataclass(frozen=True)
class Partition:
    """One unit of work: rows ``[first_row, first_row + rows)`` of ``path`` (rows count from 1)."""

    key: str
    path: str  # absolute path of the input
    kind: str  # "jsonl" | "parquet"
    first_row: int  # JSONL: the line number of the first line; Parquet: the row number (from 1) of the first row
    rows: int  # JSONL: lines (blank ones included); Parquet: rows
    start: int = 0  # JSONL: byte offset of the first line; Parquet: row offset inside the row group
    end: int = 0  # JSONL: byte offset after the last line
    row_group: int = 0  # Parquet only


@dataclass(frozen=True)
class InputProblem:
    """An input that cannot be planned at all (unreadable, not Parquet, no ``text`` column)."""

    key: str
    path: str
    reason: str


def partition_key(path: str, kind: str, first_row: int, rows: int) -> str:
    h = hashlib.sha1(f"{path}\0{kind}\0{first_row}\0{rows}".encode()).hexdigest()
    return h[:20]


def input_kind(path: str) -> str | None:
    s = Path(path).suffix.lower()
    if s in JSONL_SUFFIXES:
        return "jsonl"
    if s in PARQUET_SUFFIXES:
        return "parquet"
    return None


def expand_inputs(inputs: list[str]) -> list[str]:
    """Absolute paths of the input files, in the order given (a glob or a folder expands to its files, sorted).

    Raises InputError for an input that names nothing, or a file that is neither JSONL nor Parquet.
    """
    out: list[str] = []
    seen: set[str] = set()
    for inp in inputs:
        if glob.has_magic(inp):
            matches = sorted(glob.glob(inp, recursive=True))
            files = [m for m in matches if os.path.isfile(m) and input_kind(m)]
            if not files:
                raise InputError(f"{inp}: the pattern matches no .jsonl/.ndjson/.parquet file")
        elif os.path.isdir(inp):
            files = sorted(str(p) for p in Path(inp).iterdir()
                           if p.is_file() and not p.name.startswith((".", "_")) and input_kind(str(p)))
            if not files:
                raise InputError(f"{inp}: the folder holds no .jsonl/.ndjson/.parquet file")
        elif os.path.isfile(inp):
            if input_kind(inp) is None:
                raise InputError(f"{inp}: not a JSONL (.jsonl, .ndjson) or Parquet (.parquet) file")
            files = [inp]
        else:
            raise InputError(f"{inp}: no such file or folder")
        for f in files:
            a = os.path.abspath(f)
            if a not in seen:
                seen.add(a)
                out.append(a)
    return out


def _plan_jsonl(path: str, rows_per_part: int) -> list[Partition]:
    parts: list[Partition] = []
    with open(path, "rb") as fh:
        line = 0
        first, start, n = 1, 0, 0
        pos = 0
        for raw in fh:
            line += 1
            n += 1
            pos += len(raw)
            if n == rows_per_part:
                parts.append(Partition(partition_key(path, "jsonl", first, n), path, "jsonl", first, n, start, pos))
                first, start, n = line + 1, pos, 0
        if n:
            parts.append(Partition(partition_key(path, "jsonl", first, n), path, "jsonl", first, n, start, pos))
    return parts


PARQUET_COLUMNS = ("text", "id", "published", "url", "title", "outlet")


def _plan_parquet(path: str, rows_per_part: int) -> list[Partition]:
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata  # raises on a file that is not Parquet
    names = set(meta.schema.names)
    if "text" not in names:
        raise InputError(f"no 'text' column (columns: {', '.join(sorted(names)) or 'none'})")
    parts: list[Partition] = []
    row = 1
    for g in range(meta.num_row_groups):
        n = meta.row_group(g).num_rows
        for off in range(0, n, rows_per_part):
            k = min(rows_per_part, n - off)
            parts.append(Partition(partition_key(path, "parquet", row + off, k), path, "parquet", row + off, k,
                                   start=off, row_group=g))
        row += n
    return parts


def plan(files: list[str], rows_per_part: int = DEFAULT_PARTITION_ROWS) -> tuple[list[Partition], list[InputProblem]]:
    """The partitions of every input file, and the inputs that cannot be read at all."""
    parts: list[Partition] = []
    problems: list[InputProblem] = []
    for f in files:
        kind = input_kind(f)
        try:
            if kind == "jsonl":
                parts.extend(_plan_jsonl(f, rows_per_part))
            else:
                parts.extend(_plan_parquet(f, rows_per_part))
        except InputError as exc:
            problems.append(InputProblem(partition_key(f, "problem", 0, 0), f, str(exc)))
        except OSError as exc:
            problems.append(InputProblem(partition_key(f, "problem", 0, 0), f, f"cannot be read ({exc.strerror or exc})"))
        except Exception as exc:  # pyarrow raises ArrowInvalid (and others) for a file that is not Parquet
            problems.append(InputProblem(partition_key(f, "problem", 0, 0), f,
                                         f"cannot be read as Parquet ({type(exc).__name__}: {exc})"))
    return parts, problems


__all__ = ["DEFAULT_PARTITION_ROWS", "InputProblem", "PARQUET_COLUMNS", "Partition", "expand_inputs", "input_kind",
           "partition_key", "plan"]
