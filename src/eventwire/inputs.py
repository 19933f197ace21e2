"""Reading inputs from files and streams, with the checks that turn bad input into clear errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .pipeline import ArticleInput


def read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory (extract reads one file; use ingest for folders)")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is dropped), or an InputError naming the input and the problem."""
    if not data.strip():
        raise InputError(f"{name}: the input is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: invalid UTF-8 at byte {exc.start}; convert the file to UTF-8") from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 50):
        raise InputError(f"{name}: looks like a binary file, not text")
    return text


def read_text(path: str) -> str:
    name = "<stdin>" if path == "-" else path
    return decode_text(read_bytes(path), name)


def _opt_str(obj: dict, key: str, where: str) -> str | None:
    v = obj.get(key)
    if v is None:
        return None
    if isinstance(v, (int, float)) and key == "id":
        return str(v)
    if not isinstance(v, str):
        raise InputError(f"{where}: field {key!r} must be a string")
    return v


def article_from_obj(obj: object, where: str) -> ArticleInput:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: missing or non-string 'text' field")
    return ArticleInput(text=text, published=_opt_str(obj, "published", where), url=_opt_str(obj, "url", where),
                        title=_opt_str(obj, "title", where), outlet=_opt_str(obj, "outlet", where),
                        id=_opt_str(obj, "id", where))


def iter_jsonl(path: str) -> Iterator[tuple[int, ArticleInput | InputError]]:
    """(line number, article or the error for that line) for each non-blank line of a JSONL file or stdin."""
    name = "<stdin>" if path == "-" else path
    if path == "-":
        stream = sys.stdin.buffer
    else:
        if not Path(path).is_file():
            read_bytes(path)  # raises the right InputError (missing, directory)
        stream = open(path, "rb")  # noqa: SIM115 - closed below
    try:
        yield from iter_jsonl_lines(stream, name)
    finally:
        if path != "-":
            stream.close()


def iter_jsonl_lines(lines: Iterable[bytes], name: str) -> Iterator[tuple[int, ArticleInput | InputError]]:
    """Like :func:`iter_jsonl` over lines already at hand (bytes from a stream, a download or a file)."""
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{name}:{n}"
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield n, InputError(f"{where}: invalid UTF-8 at byte {exc.start}")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, InputError(f"{where}: malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield n, InputError(f"{where}: malformed JSON (nested too deeply)")
            continue
        try:
            yield n, article_from_obj(obj, where)
        except InputError as exc:
            yield n, exc
