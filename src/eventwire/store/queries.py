"""Read-side queries over the store: full-text search, events, quotes and stats. All values go in as parameters."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from ..record import Span
from ..tables import event_from_row
from .db import Store

_ACTOR_COLS = ["id", "name", "kind", "country", "sector", "role", "cameo"]


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: every word quoted (so ``AND``, ``*``, ``"`` or ``-`` mean nothing).

    Words are ANDed; a trailing ``*`` on a word keeps prefix search.
    """
    terms = []
    for word in re.findall(r"[^\s]+", text):
        prefix = word.endswith("*") and len(word) > 1
        core = word.rstrip("*") if prefix else word
        core = core.replace('"', '""')
        if not re.search(r"\w", core):
            continue
        terms.append(f'"{core}"' + ("*" if prefix else ""))
    if not terms:
        raise StoreError(f"nothing to search for in {text!r}")
    return " ".join(terms)


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def actor_match_sql(alias: str, value: str) -> tuple[str, list[Any]]:
    """SQL matching actors (table alias ``alias``) by country code, CAMEO code prefix or name (case-insensitive).

    ``NER`` matches Niger's actors by country and every CAMEO code starting NER; ``NERGOV`` matches CAMEO codes
    starting NERGOV; ``Sabrina Singh`` or ``singh`` matches names containing it.
    """
    v = value.strip()
    if not v:
        raise StoreError("an empty actor filter matches nothing; give a country code, CAMEO code or name")
    code = v.upper()
    parts = [f"{alias}.name LIKE ? ESCAPE '\\'"]
    params: list[Any] = [f"%{_like(v)}%"]
    if re.fullmatch(r"[A-Za-z]{3,}", v):
        parts.append(f"{alias}.country = ?")
        params.append(code)
        parts.append(f"{alias}.cameo LIKE ? ESCAPE '\\'")
        params.append(_like(code) + "%")
    return "(" + " OR ".join(parts) + ")", params


# -- search -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Hit:
    article_id: str
    published: str | None
    title: str | None
    snippet: str
    kind: str  # article | quote
    speaker: str | None = None


def search(store: Store, text: str, limit: int = 20, where: str = "all") -> list[Hit]:
    q = fts_query(text)
    hits: list[Hit] = []
    try:
        if where in ("all", "articles"):
            for r in store.conn.execute(
                    "SELECT a.id, a.published, a.title, snippet(articles_fts, 1, '[', ']', '…', 16) AS snip "
                    "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
                    "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (q, limit)):
                hits.append(Hit(r["id"], r["published"], r["title"], r["snip"], "article"))
        if where in ("all", "quotes"):
            for r in store.conn.execute(
                    "SELECT q.article_id, a.published, a.title, snippet(quotes_fts, 0, '[', ']', '…', 16) AS snip, "
                    "coalesce(ac.name, q.speaker_text) AS who "
                    "FROM quotes_fts JOIN quotes q ON q.seq = quotes_fts.rowid "
                    "JOIN articles a ON a.id = q.article_id "
                    "LEFT JOIN actors ac ON ac.article_id = q.article_id AND ac.id = q.speaker "
                    "WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?", (q, limit)):
                hits.append(Hit(r["article_id"], r["published"], r["title"], r["snip"], "quote", r["who"]))
    except Exception as exc:  # sqlite3.OperationalError from a query FTS5 still refuses
        raise StoreError(f"search failed for {text!r}: {exc}") from None
    return hits


# -- events -----------------------------------------------------------------------------------------------------

def _date_filters(col: str, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    """Overlap semantics: a month/year value matches when its period overlaps [since, until]."""
    conds: list[str] = []
    params: list[Any] = []
    # Compare on the shorter of the two precisions: 2024-05-14 is within --until 2024-05, 2024-05 within --since
    # 2024-05-10.
    for op, value in ((">=", since), ("<=", until)):
        if value:
            n = f"min(length({col}), length(?))"
            conds.append(f"{col} IS NOT NULL AND substr({col}, 1, {n}) {op} substr(?, 1, {n})")
            params.extend([value, value, value])
    return conds, params


def _check_date(value: str | None, what: str) -> None:
    if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise StoreError(f"bad {what} date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")


def events(store: Store, actor: str | None = None, source: str | None = None, target: str | None = None,
           root: str | None = None, since: str | None = None, until: str | None = None, plover: str | None = None,
           article: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Events as record-shaped dicts with ``article_id`` and ``source``/``target`` actors inlined as objects.

    Dates filter on the event's own date, falling back to the article's publication date when it has none.
    """
    _check_date(since, "--since")
    _check_date(until, "--until")
    conds: list[str] = []
    params: list[Any] = []

    def role_cond(value: str, role: str | None) -> None:
        m, p = actor_match_sql("ac", value)
        role_sql = "AND ea.role = ?" if role else ""
        conds.append(
            "EXISTS (SELECT 1 FROM event_actors ea JOIN actors ac ON ac.article_id = ea.article_id "
            f"AND ac.id = ea.actor_id WHERE ea.article_id = e.article_id AND ea.event_idx = e.idx {role_sql} AND {m})")
        params.extend(([role] if role else []) + p)

    if actor:
        role_cond(actor, None)
    if source:
        role_cond(source, "source")
    if target:
        role_cond(target, "target")
    if root:
        r = root.strip()
        if not re.fullmatch(r"\d{1,2}", r) or not 1 <= int(r) <= 20:
            raise StoreError(f"bad --root {root!r}: a CAMEO root code is 01..20")
        conds.append("e.cameo_root = ?")
        params.append(f"{int(r):02d}")
    if plover:
        conds.append("e.plover = ?")
        params.append(plover.upper())
    if article:
        conds.append("e.article_id = ?")
        params.append(article)
    dc, dp = _date_filters("coalesce(e.date_value, a.published)", since, until)
    conds += dc
    params += dp
    sql = ("SELECT e.*, a.published AS a_published, a.url AS a_url, a.title AS a_title FROM events e "
           "JOIN articles a ON a.id = e.article_id")
    if conds:
        sql += " WHERE " + " AND ".join(conds)
    sql += " ORDER BY coalesce(e.date_value, a.published), a.seq, e.idx"
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    rows = store.conn.execute(sql, params).fetchall()
    return _inline(store, rows)


def _inline(store: Store, rows: list[Any]) -> list[dict[str, Any]]:
    if not rows:
        return []
    arts = sorted({r["article_id"] for r in rows})
    actors: dict[tuple[str, str], dict[str, Any]] = {}
    roles: dict[tuple[str, int, str], list[tuple[int, str]]] = defaultdict(list)
    ev_mentions: dict[tuple[str, int], list[tuple[int, Span]]] = defaultdict(list)
    for i in range(0, len(arts), 500):
        chunk = arts[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for a in store.conn.execute(f"SELECT article_id, {', '.join(_ACTOR_COLS)} FROM actors "
                                    f"WHERE article_id IN ({marks})", chunk):
            actors[(a["article_id"], a["id"])] = {c: a[c] for c in _ACTOR_COLS}
        for ea in store.conn.execute(f"SELECT article_id, event_idx, role, pos, actor_id FROM event_actors "
                                     f"WHERE article_id IN ({marks})", chunk):
            roles[(ea["article_id"], ea["event_idx"], ea["role"])].append((ea["pos"], ea["actor_id"]))
        for m in store.conn.execute(f"SELECT article_id, event_idx, idx, text, start, \"end\" FROM event_mentions "
                                    f"WHERE article_id IN ({marks})", chunk):
            ev_mentions[(m["article_id"], m["event_idx"])].append((m["idx"], Span(m["text"], m["start"], m["end"])))
    out = []
    for r in rows:
        aid = r["article_id"]

        def ids(role: str, aid: str = aid, idx: int = r["idx"]) -> tuple[str, ...]:
            return tuple(x for _, x in sorted(roles.get((aid, idx, role), [])))

        ms = tuple(sp for _, sp in sorted(ev_mentions.get((aid, r["idx"]), []), key=lambda x: x[0]))
        ev = event_from_row(r, ids("source"), ids("target"), ms)
        d = ev_dict(ev)
        d["source"] = [actors.get((aid, x), {"id": x}) for x in ev.source]
        d["target"] = [actors.get((aid, x), {"id": x}) for x in ev.target]
        d = {"article_id": aid, "published": r["a_published"], "url": r["a_url"], **d}
        out.append(d)
    return out


def ev_dict(ev: Any) -> dict[str, Any]:
    return dataclasses.asdict(ev)


# -- quotes -----------------------------------------------------------------------------------------------------

def quotes(store: Store, speaker: str | None = None, since: str | None = None, until: str | None = None,
           article: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    _check_date(since, "--since")
    _check_date(until, "--until")
    conds: list[str] = []
    params: list[Any] = []
    if speaker:
        m, p = actor_match_sql("ac", speaker)
        conds.append(f"({m} OR q.speaker_text LIKE ? ESCAPE '\\')")
        params += p + [f"%{_like(speaker.strip())}%"]
    if article:
        conds.append("q.article_id = ?")
        params.append(article)
    dc, dp = _date_filters("a.published", since, until)
    conds += dc
    params += dp
    sql = ("SELECT q.*, a.published, a.url, ac.name AS speaker_name, ac.country AS speaker_country, "
           "ac.cameo AS speaker_cameo FROM quotes q JOIN articles a ON a.id = q.article_id "
           "LEFT JOIN actors ac ON ac.article_id = q.article_id AND ac.id = q.speaker")
    if conds:
        sql += " WHERE " + " AND ".join(conds)
    sql += " ORDER BY a.published, a.seq, q.idx"
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    out = []
    for r in store.conn.execute(sql, params):
        out.append({"article_id": r["article_id"], "published": r["published"], "url": r["url"], "id": r["id"],
                    "text": r["text"], "start": r["start"], "end": r["end"], "direct": bool(r["direct"]),
                    "speaker": r["speaker"], "speaker_name": r["speaker_name"],
                    "speaker_country": r["speaker_country"], "speaker_cameo": r["speaker_cameo"],
                    "speaker_text": r["speaker_text"], "cue": r["cue"], "cue_lemma": r["cue_lemma"]})
    return out


# -- stats ------------------------------------------------------------------------------------------------------

def stats(store: Store) -> dict[str, Any]:
    c = store.conn
    counts = store.counts()
    one = c.execute("SELECT min(published), max(published), count(published) FROM articles").fetchone()
    ev_dates = c.execute("SELECT min(date_value), max(date_value), count(date_value) FROM events").fetchone()
    out: dict[str, Any] = {
        "db": store.path,
        "schema_version": store.schema_version(),
        "counts": counts,
        "published": {"first": one[0], "last": one[1], "articles_with_date": one[2]},
        "event_dates": {"first": ev_dates[0], "last": ev_dates[1], "events_with_date": ev_dates[2]},
        "extractors": [dict(r) for r in c.execute(
            "SELECT extractor_version AS version, extractor_model AS model, count(*) AS articles FROM articles "
            "GROUP BY 1, 2 ORDER BY 3 DESC")],
        "event_roots": [dict(r) for r in c.execute(
            "SELECT cameo_root AS root, count(*) AS events FROM events GROUP BY 1 ORDER BY 1")],
        "top_actors": [dict(r) for r in c.execute(
            "SELECT name, country, cameo, count(DISTINCT article_id) AS articles FROM actors "
            "GROUP BY name, country, cameo ORDER BY articles DESC, name LIMIT 10")],
        "outlets": [dict(r) for r in c.execute(
            "SELECT coalesce(outlet, '') AS outlet, count(*) AS articles FROM articles GROUP BY 1 "
            "ORDER BY 2 DESC LIMIT 10")],
        "runs": [dict(r) for r in c.execute(
            "SELECT id, command, started, finished, added, skipped, failed FROM runs ORDER BY id DESC LIMIT 5")],
    }
    try:
        out["size_bytes"] = int(c.execute("SELECT page_count * page_size FROM pragma_page_count(), "
                                          "pragma_page_size()").fetchone()[0])
    except Exception:  # pragma table-valued functions missing on very old SQLite
        out["size_bytes"] = None
    return out
