"""Input readers for ``eventwire ingest``: files, folders, standard input and http(s) URLs, turned into articles.

A reader is registered by name with the file suffixes it handles (see :data:`READERS` and :func:`register`); adding a
format (the Parquet output of ``eventwire batch``, say) is one function and one ``register`` call. Every reader yields
:class:`SourceItem` values: an article to extract, or the reason the input could not be read. Nothing here raises for
a bad input; a bad input is an item with a ``reason``.

Readers bundled here:
    text   .txt .text .md and files without a suffix    the whole file is one article
    html   .html .htm .xhtml                            main text, title, author, date and canonical URL (trafilatura)
    json   .json                                        one object, or a list of objects ({"text", "published", ...})
    jsonl  .jsonl .ndjson                               one object per line
    parquet .parquet .pq                                one article per row (a ``text`` column); the articles files
                                                        of an ``eventwire batch`` output give their records as they
                                                        are (``SourceItem.record``), not extracted again
    feed   .rss .atom .xml, and RSS/Atom over http(s)   each entry's linked article is fetched
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlparse

from . import __version__
from .errors import InputError
from .inputs import article_from_obj, decode_text, iter_jsonl_lines
from .pipeline import DEFAULT_MAX_CHARS, ArticleInput
from .record import Record

log = logging.getLogger(__name__)

MIN_HTML_WORDS = 5  # a page whose main text is shorter than this is not an article (broken or empty markup)
USER_AGENT = f"eventwire/{__version__} (news event extraction; +https://pypi.org/project/eventwire/)"


@dataclass(frozen=True)
class SourceItem:
    """One article read from an input (``article``), or why it could not be (``reason``)."""

    name: str  # the input as reported: a path, path:line, path[index], a URL
    article: ArticleInput | None = None
    reason: str | None = None
    author: str | None = None
    canonical_url: str | None = None
    sitename: str | None = None
    record: Record | None = None  # already extracted (an `eventwire batch` output): stored as it is


@dataclass
class Options:
    recursive: bool = False
    published_from_path: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    max_download_bytes: int = 10 * 1024 * 1024
    timeout: float = 20.0
    max_feed_items: int = 200
    client: object | None = None  # an httpx.Client to use (tests inject one); else one is made on first use
    _own_client: object | None = field(default=None, repr=False)

    @property
    def max_file_bytes(self) -> int:
        # A single-article file: UTF-8 needs at most 4 bytes a character; HTML carries markup on top.
        return self.max_chars * 4

    def http(self):
        if self.client is not None:
            return self.client
        if self._own_client is None:
            import httpx

            self._own_client = httpx.Client(
                timeout=httpx.Timeout(self.timeout, connect=min(10.0, self.timeout)), follow_redirects=True,
                max_redirects=5, headers={"User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, "
                                          "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"})
        return self._own_client

    def close(self) -> None:
        if self._own_client is not None:
            self._own_client.close()  # type: ignore[attr-defined]
            self._own_client = None


Read = Callable[[str, bytes, Options, dict], Iterator[SourceItem]]


@dataclass(frozen=True)
class Reader:
    name: str
    suffixes: tuple[str, ...]
    read: Read  # (input name, its bytes, options, hints such as url/published) -> items


READERS: dict[str, Reader] = {}


def register(reader: Reader) -> None:
    READERS[reader.name] = reader


def reader_for_suffix(suffix: str) -> Reader | None:
    s = suffix.lower()
    for r in READERS.values():
        if s in r.suffixes:
            return r
    return None


# -- helpers ----------------------------------------------------------------------------------------------------

_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_path(path: str) -> str | None:
    """A YYYY-MM-DD date written in a path (``2024/03/18/x.txt``, ``2024-03-18-x.html``, ``20240318.txt``)."""
    for m in reversed(list(_PATH_DATE.finditer(path))):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            continue
    return None


def _fail(name: str, reason: str) -> SourceItem:
    # Reasons from inputs.* already start with the input's name; do not repeat it.
    prefix = f"{name}: "
    return SourceItem(name=name, reason=reason[len(prefix):] if reason.startswith(prefix) else reason)


def _with_path_date(item: SourceItem, name: str, opts: Options, hints: dict) -> SourceItem:
    art = item.article
    if art is None or art.published:
        return item
    pub = hints.get("published") or (date_from_path(name) if opts.published_from_path else None)
    return replace(item, article=replace(art, published=pub)) if pub else item


def _looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


def sniff(data: bytes) -> str:
    """The reader name for content of unknown type."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed") or head.startswith(b"<rdf"):
        if b"<html" not in head[:1024]:
            return "feed"
    if head.startswith(b"<") and re.search(rb"<(html|body|head|p|div|article|!doctype)\b", head):
        return "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        first, _, rest = data.lstrip().partition(b"\n")
        if rest.strip() and first.rstrip().endswith(b"}"):
            return "jsonl"
        return "json"
    return "text"


# -- readers ----------------------------------------------------------------------------------------------------

def read_text_input(name: str, data: bytes, opts: Options, hints: dict) -> Iterator[SourceItem]:
    try:
        text = decode_text(data, name)
    except InputError as exc:
        yield _fail(name, str(exc))
        return
    art = ArticleInput(text=text, url=hints.get("url"), title=hints.get("title"), outlet=hints.get("outlet"),
                       id=hints.get("id", name))
    yield _with_path_date(SourceItem(name=name, article=art), name, opts, hints)


def read_html(name: str, data: bytes, opts: Options, hints: dict) -> Iterator[SourceItem]:
    if not data.strip():
        yield _fail(name, "the input is empty")
        return
    if _looks_binary(data):
        yield _fail(name, "looks like a binary file, not HTML")
        return
    import trafilatura

    url = hints.get("url")
    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        yield _fail(name, f"cannot parse the HTML ({type(exc).__name__}: {exc})")
        return
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    words = len(re.findall(r"\w{2,}", text))
    if words < MIN_HTML_WORDS:
        why = f" (only {words} word{'s' if words != 1 else ''})" if text else ""
        yield _fail(name, f"no article text found in the HTML{why}")
        return
    title = getattr(doc, "title", None) or hints.get("title")
    lines = text.split("\n")
    if title and len(lines) > 1 and lines[0].strip() == title.strip():
        text = "\n".join(lines[1:]).strip()  # the headline is the title, not the article's first paragraph
    canonical = getattr(doc, "url", None)
    if canonical and urlparse(canonical).scheme not in ("http", "https"):
        canonical = None
    pub = getattr(doc, "date", None)
    if pub and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
        pub = None
    sitename = getattr(doc, "sitename", None)
    art = ArticleInput(text=text, url=canonical or url, title=title, published=pub or hints.get("published"),
                       outlet=hints.get("outlet") or sitename or getattr(doc, "hostname", None),
                       id=hints.get("id", name))
    item = SourceItem(name=name, article=art, author=getattr(doc, "author", None), canonical_url=canonical,
                      sitename=sitename)
    yield _with_path_date(item, name, opts, hints)


def read_json(name: str, data: bytes, opts: Options, hints: dict) -> Iterator[SourceItem]:
    try:
        text = decode_text(data, name)
        obj = json.loads(text)
    except InputError as exc:
        yield _fail(name, str(exc))
        return
    except json.JSONDecodeError as exc:
        yield _fail(name, f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    except RecursionError:
        yield _fail(name, "malformed JSON (nested too deeply)")
        return
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        yield _fail(name, "the JSON list is empty")
    for i, o in enumerate(items):
        where = f"{name}[{i}]" if isinstance(obj, list) else name
        try:
            art = article_from_obj(o, where)
        except InputError as exc:
            yield _fail(where, str(exc))
            continue
        yield _with_path_date(SourceItem(name=where, article=art), name, opts, hints)


def read_jsonl(name: str, data: bytes, opts: Options, hints: dict) -> Iterator[SourceItem]:
    if not data.strip():
        yield _fail(name, "the input is empty")
        return
    for n, item in iter_jsonl_lines(data.splitlines(keepends=True), name):
        where = f"{name}:{n}"
        if isinstance(item, InputError):
            yield _fail(where, str(item))
        else:
            yield _with_path_date(SourceItem(name=where, article=item), name, opts, hints)


def read_feed(name: str, data: bytes, opts: Options, hints: dict) -> Iterator[SourceItem]:
    """Each entry's link is fetched as an article (the entry's date and title fill gaps in the page's)."""
    import feedparser

    if not data.strip():
        yield _fail(name, "the input is empty")
        return
    feed = feedparser.parse(data)
    entries = list(feed.entries)
    if not entries:
        why = f" ({feed.bozo_exception})" if getattr(feed, "bozo", False) else ""
        yield _fail(name, f"no entries in the RSS/Atom feed{why}")
        return
    outlet = (feed.feed.get("title") if hasattr(feed, "feed") else None) or hints.get("outlet")
    for entry in entries[: opts.max_feed_items]:
        link = entry.get("link")
        if not link or urlparse(link).scheme not in ("http", "https"):
            yield _fail(f"{name}#{entry.get('id') or entry.get('title') or '?'}", "feed entry has no http(s) link")
            continue
        published = None
        for key in ("published_parsed", "updated_parsed"):
            t = entry.get(key)
            if t:
                published = dt.date(t.tm_year, t.tm_mon, t.tm_mday).isoformat()
                break
        yield from read_url(link, opts, {"published": published, "title": entry.get("title"), "outlet": outlet,
                                         "via_feed": True})
    if len(entries) > opts.max_feed_items:
        log.warning("%s: only the first %d of %d feed entries were read", name, opts.max_feed_items, len(entries))


register(Reader("text", (".txt", ".text", ".md", ""), read_text_input))
register(Reader("html", (".html", ".htm", ".xhtml"), read_html))
register(Reader("json", (".json",), read_json))
register(Reader("jsonl", (".jsonl", ".ndjson"), read_jsonl))
register(Reader("feed", (".rss", ".atom", ".xml"), read_feed))


def read_parquet(name: str, data: bytes, opts: Options, hints: dict) -> Iterator[SourceItem]:
    from .scale.dataset import read_parquet_source

    yield from read_parquet_source(name, data)


register(Reader("parquet", (".parquet", ".pq"), read_parquet))

# Suffixes we know and refuse with a reason (rather than reading them as text).
_UNSUPPORTED = {".pdf": "PDF is not supported; convert it to text",
                ".doc": "Word files are not supported", ".docx": "Word files are not supported",
                ".gz": "compressed files are not supported; decompress first",
                ".zip": "zip archives are not supported; unpack first"}


# -- http(s) ----------------------------------------------------------------------------------------------------

def fetch(url: str, opts: Options) -> tuple[bytes, str, str]:
    """(body, content type, final URL); raises InputError with a one-line reason. The body is size-limited."""
    import httpx

    client = opts.http()
    try:
        with client.stream("GET", url) as resp:  # type: ignore[attr-defined]
            if resp.status_code >= 400:
                raise InputError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > opts.max_download_bytes:
                raise InputError(f"the page is {int(declared):,} bytes, over the limit of "
                                 f"{opts.max_download_bytes:,}")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > opts.max_download_bytes:
                    raise InputError(f"the page is over the limit of {opts.max_download_bytes:,} bytes")
                chunks.append(chunk)
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
            return b"".join(chunks), ctype, str(resp.url)
    except httpx.TimeoutException:
        raise InputError(f"timed out after {opts.timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise InputError("too many redirects") from None
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch ({type(exc).__name__}: {exc})") from None


def read_url(url: str, opts: Options, hints: dict | None = None) -> Iterator[SourceItem]:
    hints = dict(hints or {})
    try:
        data, ctype, final = fetch(url, opts)
    except InputError as exc:
        yield _fail(url, str(exc))
        return
    if "xml" in ctype or "rss" in ctype or "atom" in ctype:
        kind = "feed" if sniff(data) == "feed" else "html" if "html" in ctype else "feed"
    elif "html" in ctype:
        kind = "html"
    elif ctype in ("application/json",):
        kind = "json"
    elif ctype in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        kind = "jsonl"
    else:
        kind = sniff(data)
    if kind == "feed" and hints.get("via_feed"):
        yield _fail(url, "a feed entry links to another feed; not followed")
        return
    if kind == "text":
        hints.setdefault("url", final)
    if kind == "html":
        hints["url"] = final
    hints.setdefault("id", url)
    hints.pop("via_feed", None)
    yield from READERS[kind].read(url, data, opts, hints)


# -- paths, folders and stdin -----------------------------------------------------------------------------------

def _read_file(path: Path, name: str, opts: Options) -> Iterator[SourceItem]:
    suffix = path.suffix.lower()
    if suffix in _UNSUPPORTED:
        yield _fail(name, _UNSUPPORTED[suffix])
        return
    reader = reader_for_suffix(suffix)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield _fail(name, f"cannot be read ({exc.strerror})")
        return
    many = reader is not None and reader.name in ("jsonl", "json", "parquet")
    if not many and size > opts.max_file_bytes * (2 if reader and reader.name == "html" else 1):
        yield _fail(name, f"the file is {size / 1e6:.1f} MB, too big for one article "
                          f"(limit {opts.max_chars:,} characters, --max-chars)")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _fail(name, f"cannot be read ({exc.strerror})")
        return
    if reader is None or reader.name == "text" and suffix == "":
        kind = sniff(data) if not _looks_binary(data) else "text"
        reader = READERS[kind]
    yield from reader.read(name, data, opts, {})


def _walk(root: Path, recursive: bool) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        raise InputError(f"{root}: cannot list the folder ({exc.strerror})") from None
    for e in entries:
        if e.name.startswith("."):
            continue
        p = Path(e.path)
        if e.is_dir(follow_symlinks=False):
            if recursive:
                yield from _walk(p, recursive)
        elif e.is_file():
            yield p


def _read_stdin(opts: Options) -> Iterator[SourceItem]:
    """JSON lines are read as they arrive (a pipe can feed a long-running ingest); anything else whole."""
    stream = sys.stdin.buffer
    first = stream.readline()
    if first.lstrip().startswith(b"{") and first.rstrip().endswith(b"}"):
        for n, item in iter_jsonl_lines(itertools.chain([first], stream), "<stdin>"):
            where = f"<stdin>:{n}"
            yield _fail(where, str(item)) if isinstance(item, InputError) else SourceItem(name=where, article=item)
        return
    data = first + stream.read()
    kind = sniff(data) if not _looks_binary(data) else "text"
    yield from READERS[kind].read("<stdin>", data, opts, {"id": None})


def iter_sources(inputs: list[str], opts: Options | None = None) -> Iterator[SourceItem]:
    """Every article in the inputs (paths, folders, ``-``, http(s) URLs), in order; bad inputs as failures."""
    opts = opts or Options()
    for inp in inputs:
        if inp == "-":
            yield from _read_stdin(opts)
            continue
        if re.match(r"https?://", inp, re.I):
            yield from read_url(inp, opts)
            continue
        p = Path(inp)
        if p.is_dir():
            from .scale.dataset import article_files, is_batch_output

            try:
                files = article_files(p) if is_batch_output(p) else list(_walk(p, opts.recursive))
            except InputError as exc:
                yield _fail(inp, str(exc))
                continue
            if not files:
                log.warning("%s: no files in the folder%s", inp, "" if opts.recursive else " (use --recursive?)")
            for f in files:
                yield from _read_file(f, str(f), opts)
        elif p.exists():
            yield from _read_file(p, inp, opts)
        else:
            yield _fail(inp, "no such file or folder")


def count_hint(inputs: list[str], recursive: bool = False) -> int | None:
    """About how many articles the inputs hold (JSONL lines are counted), or None when it cannot be known cheaply."""
    total = 0
    for inp in inputs:
        if inp == "-" or re.match(r"https?://", inp, re.I):
            return None
        p = Path(inp)
        files = list(_walk(p, recursive)) if p.is_dir() else [p]
        for f in files:
            if f.suffix.lower() in (".jsonl", ".ndjson"):
                try:
                    with open(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            elif f.suffix.lower() in (".json", ".rss", ".atom", ".xml"):
                return None
            else:
                total += 1
    return total


__all__ = ["READERS", "USER_AGENT", "Options", "Reader", "SourceItem", "date_from_path", "fetch", "iter_sources",
           "read_url", "register", "sniff"]
