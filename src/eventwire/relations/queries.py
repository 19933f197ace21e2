"""Read side: dyad time series, shifts of partners, and actors across articles. Plain rows (lists of dicts).

Each function takes a :class:`~eventwire.store.Store`, an open ``sqlite3.Connection`` to a store, or a path.
``pandas.DataFrame(rows)`` loads any result.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections import defaultdict
from typing import Any

from ..errors import StoreError
from .actors import norm
from .linking import _month_end

PERIODS = ("day", "week", "month")
DIRECTIONS = ("both", "a2b", "b2a")
# A change of the mean Goldstein value smaller than this (either way) is "steady". Most events score between -2 and
# +3.4 (statements, visits, appeals, criticism), so a mean that moves by half a point means a clearly changed mix.
STEADY = 0.5
TOP_EVENTS = 3

# Events dated to a coarser unit than the series are placed on that unit's first day and counted as coarse.
_COARSER = {"day": ("week", "month", "year"), "week": ("month", "year"), "month": ("year",)}
_PERIOD_SQL = {"day": "e.day", "week": "date(e.day, 'weekday 0', '-6 days')", "month": "substr(e.day, 1, 7)"}


def _ready(db: Any) -> sqlite3.Connection:
    conn = connection(db)
    ensure_current(conn)
    return conn


def connection(db: Any) -> sqlite3.Connection:
    """The sqlite3 connection behind a Store, a connection, or a path to a store file."""
    if isinstance(db, sqlite3.Connection):
        return db
    if hasattr(db, "conn"):
        return db.conn
    if isinstance(db, (str, os.PathLike)):
        from ..store import Store

        return Store(db).conn
    raise TypeError(f"expected a Store, a sqlite3.Connection or a path, not {type(db).__name__}")


def _bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    def check(v: str | None, what: str) -> None:
        if v and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
            raise StoreError(f"bad {what} date {v!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")

    check(since, "--since")
    check(until, "--until")
    lo = hi = None
    try:
        if since:
            lo = dt.date.fromisoformat(since + {4: "-01-01", 7: "-01", 10: ""}[len(since)]).isoformat()
        if until:
            if len(until) == 4:
                hi = f"{until}-12-31"
            elif len(until) == 7:
                hi = _month_end(dt.date.fromisoformat(until + "-01")).isoformat()
            else:
                hi = dt.date.fromisoformat(until).isoformat()
    except ValueError as exc:
        raise StoreError(f"bad date: {exc}") from None
    return lo, hi


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def resolve_side(conn: sqlite3.Connection, value: str) -> tuple[str, list[Any]]:
    """("country", [code]) for a 3-letter country code, else ("actor", [store-wide actor ids]) by name or alias."""
    v = (value or "").strip()
    if not v:
        raise StoreError("an empty country or actor matches nothing; give a code (NER) or a name")
    if re.fullmatch(r"[A-Za-z]{3}", v):
        code = v.upper()
        known = conn.execute("SELECT 1 FROM rel_actors WHERE country = ? LIMIT 1", (code,)).fetchone()
        if known or v.isupper():
            return "country", [code]
    n = norm(v)
    # A country's name (Niger, the United States) means the country: all of its actors.
    for r in conn.execute("SELECT country, name FROM rel_actors WHERE kind = 'country' AND country IS NOT NULL"):
        if norm(r[1]) == n:
            return "country", [r[0]]
    ids = sorted({int(r[0]) for r in conn.execute(
        "SELECT actor FROM rel_aliases WHERE norm = ? UNION SELECT id FROM rel_actors WHERE name LIKE ? "
        "ESCAPE '\\'", (n, "%" + _like(v) + "%"))})
    if not ids:
        if re.fullmatch(r"[A-Za-z]{3}", v):
            return "country", [v.upper()]
        raise StoreError(f"no actor or country matches {value!r}; give an ISO code (NER) or part of a name")
    return "actor", ids


def _side_cond(alias: str, side: tuple[str, list[Any]]) -> tuple[str, list[Any]]:
    kind, vals = side
    marks = ",".join("?" * len(vals))
    col = "country" if kind == "country" else "actor"
    return f"{alias}.{col} IN ({marks})", list(vals)


def _pair_sql(a: tuple[str, list[Any]], b: tuple[str, list[Any]], label: str) -> tuple[str, list[Any]]:
    ca, pa = _side_cond("s", a)
    cb, pb = _side_cond("t", b)
    return (f"SELECT DISTINCT s.linked AS linked, '{label}' AS direction FROM rel_sides s "
            f"JOIN rel_sides t ON t.linked = s.linked AND t.role = 'target' "
            f"WHERE s.role = 'source' AND {ca} AND {cb}", pa + pb)


def ensure_current(db: Any) -> int:
    """Bring articles stored before the relations tables existed into them; returns how many."""
    from .update import catch_up, pending

    conn = connection(db)
    n_art = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_rel = conn.execute("SELECT count(*) FROM rel_articles").fetchone()[0]
    if n_art == n_rel or not pending(conn):
        return 0
    try:
        return catch_up(conn)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"the store has articles not yet linked and cannot be written ({exc}); "
                         f"run `eventwire relations --rebuild` once") from None


def dyad_series(db: Any, a: str, b: str, by: str = "month", direction: str = "both", since: str | None = None,
                until: str | None = None) -> list[dict[str, Any]]:
    """Linked events between ``a`` and ``b`` (country codes or actor names) per period, computed in SQL.

    Rows: period (YYYY-MM by month; the day, or the week's Monday, as YYYY-MM-DD otherwise), direction
    (a2b = a is source and b target; b2a the reverse; both = either, each event once), events, goldstein_sum,
    goldstein_mean, conflict_share (quad classes 3 and 4), quad1..quad4, dated_by_event, dated_by_publication,
    coarse_dated (events dated only to a coarser unit than the period, placed on that unit's first day).
    """
    if by not in PERIODS:
        raise StoreError(f"bad --by {by!r}: choose day, week or month")
    if direction not in DIRECTIONS:
        raise StoreError(f"bad --direction {direction!r}: choose a2b, b2a or both")
    conn = _ready(db)
    lo, hi = _bounds(since, until)
    sa, sb = resolve_side(conn, a), resolve_side(conn, b)
    parts, params = [], []
    if direction in ("both", "a2b"):
        q, p = _pair_sql(sa, sb, "a2b")
        parts.append(q)
        params += p
    if direction in ("both", "b2a"):
        q, p = _pair_sql(sb, sa, "b2a")
        parts.append(q)
        params += p
    dir_expr = "'both'" if direction == "both" else "direction"
    coarse = ",".join(f"'{g}'" for g in _COARSER[by])
    conds = ["e.day IS NOT NULL"]
    if lo:
        conds.append("e.day >= ?")
        params.append(lo)
    if hi:
        conds.append("e.day <= ?")
        params.append(hi)
    sql = (f"WITH pairs AS ({' UNION '.join(parts)}), sel AS (SELECT DISTINCT linked, {dir_expr} AS direction "
           f"FROM pairs) "
           f"SELECT {_PERIOD_SQL[by]} AS period, sel.direction AS direction, count(*) AS events, "
           f"sum(e.goldstein) AS gsum, avg(e.goldstein) AS gmean, avg(e.quad_class >= 3) AS conflict, "
           f"sum(e.quad_class = 1) AS q1, sum(e.quad_class = 2) AS q2, sum(e.quad_class = 3) AS q3, "
           f"sum(e.quad_class = 4) AS q4, sum(e.dated_by = 'event') AS by_event, "
           f"sum(e.dated_by = 'publication') AS by_pub, sum(coalesce(e.date_granularity IN ({coarse}), 0)) AS coarse "
           f"FROM sel JOIN rel_events e ON e.id = sel.linked WHERE {' AND '.join(conds)} "
           f"GROUP BY 1, 2 ORDER BY 1, 2")
    out = []
    for r in conn.execute(sql, params):
        out.append({"period": r[0], "direction": r[1], "events": r[2], "goldstein_sum": round(r[3], 3),
                    "goldstein_mean": round(r[4], 3), "conflict_share": round(r[5], 3), "quad1": r[6],
                    "quad2": r[7], "quad3": r[8], "quad4": r[9], "dated_by_event": r[10],
                    "dated_by_publication": r[11], "coarse_dated": r[12]})
    return out


def dyad_summary(db: Any, a: str, b: str, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """One row for the whole span: linked events between a and b (either direction), Goldstein sum and mean."""
    rows = dyad_series(db, a, b, by="month", since=since, until=until)
    n = sum(r["events"] for r in rows)
    s = sum(r["goldstein_sum"] for r in rows)
    return {"a": a, "b": b, "events": n, "goldstein_sum": round(s, 3), "goldstein_mean": round(s / n, 3) if n else None,
            "conflict_events": sum(r["quad3"] + r["quad4"] for r in rows)}


def _names(conn: sqlite3.Connection, ids: list[int]) -> dict[tuple[int, str], list[str]]:
    out: dict[tuple[int, str], list[str]] = defaultdict(list)
    if not ids:
        return out
    marks = ",".join("?" * len(ids))
    for r in conn.execute(f"SELECT s.linked, s.role, a.name FROM rel_sides s JOIN rel_actors a ON a.id = s.actor "
                          f"WHERE s.linked IN ({marks}) ORDER BY s.linked, s.role, a.name", ids):
        out[(r[0], r[1])].append(r[2])
    return out


def shifts(db: Any, country: str, split: str | None = None, since: str | None = None, until: str | None = None,
           steady: float = STEADY, top: int = TOP_EVENTS) -> list[dict[str, Any]]:
    """For each partner of ``country``: mean Goldstein value per linked event before and after ``split``.

    ``split`` defaults to the midpoint of the dates covered (the country's placed events within since/until);
    events on the split day count as after. A partner with no events before is compared with neutral (0): new
    ties that are hostile turned colder; a partner with no events after has no change (null) and is steady.
    Rows are ranked by change, warmest first; trend is warmer/colder when the change is at least
    ``steady`` Goldstein points, else steady. ``top_events`` lists the linked events that moved the score most
    (an event's weight is its Goldstein value divided by the number of events on its side of the split).
    """
    conn = _ready(db)
    side = resolve_side(conn, country)
    lo, hi = _bounds(since, until)
    if split is not None:
        s_lo, _ = _bounds(split, None)
        split = s_lo
    cond, params = _side_cond("s", side)
    inner = [cond, "t.country IS NOT NULL"]
    if side[0] == "country":
        inner.append("t.country NOT IN (" + ",".join("?" * len(side[1])) + ")")
        params += side[1]
    conds = ["e.day IS NOT NULL"]
    if lo:
        conds.append("e.day >= ?")
        params.append(lo)
    if hi:
        conds.append("e.day <= ?")
        params.append(hi)
    # Narrow rows first (event, partner, day, value); details only for the events listed at the end.
    rows = conn.execute(
        "SELECT x.linked, x.partner, e.day, e.goldstein FROM (SELECT DISTINCT s.linked AS linked, "
        "t.country AS partner FROM rel_sides s JOIN rel_sides t ON t.linked = s.linked AND t.role != s.role "
        "WHERE " + " AND ".join(inner) + ") x JOIN rel_events e ON e.id = x.linked WHERE " + " AND ".join(conds) +
        " ORDER BY x.partner, e.day, x.linked", params).fetchall()
    if not rows:
        return []
    if split is None:
        d0 = dt.date.fromisoformat(min(r[2] for r in rows))
        d1 = dt.date.fromisoformat(max(r[2] for r in rows))
        split = (d0 + (d1 - d0) / 2).isoformat()
    by_partner: dict[str, list[tuple]] = defaultdict(list)
    for r in rows:
        by_partner[r[1]].append(tuple(r))
    results = []
    for partner, evs in by_partner.items():
        before = [e for e in evs if e[2] < split]
        after = [e for e in evs if e[2] >= split]
        bs = sum(e[3] for e in before) / len(before) if before else None
        as_ = sum(e[3] for e in after) / len(after) if after else None
        change = None if as_ is None else as_ - (bs or 0.0)
        trend = ("steady" if change is None else "warmer" if change >= steady else "colder"
                 if change <= -steady else "steady")
        weighted = [(e[3] / len(after), "after", e) for e in after] + [(-e[3] / len(before), "before", e)
                                                                       for e in before]
        weighted.sort(key=lambda w: (-abs(w[0]) if change is None else -w[0] if change >= 0 else w[0], w[2][2],
                                     w[2][0]))
        results.append({"partner": partner, "before_score": None if bs is None else round(bs, 3),
                        "after_score": None if as_ is None else round(as_, 3),
                        "change": None if change is None else round(change, 3),
                        "before_events": len(before), "after_events": len(after), "trend": trend,
                        "split": split, "_top": weighted[:top]})
    results.sort(key=lambda r: (r["change"] is None, -(r["change"] or 0.0), r["partner"]))
    ids = sorted({w[2][0] for r in results for w in r["_top"]})
    names = _names(conn, ids)
    info: dict[int, tuple] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for d in conn.execute(f"SELECT id, cameo, trigger, dated_by, num_mentions, num_articles, best_article_id, "
                              f"date_value FROM rel_events WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            info[d[0]] = tuple(d)
    for r in results:
        r["top_events"] = []
        for w, where, e in r.pop("_top"):
            d = info[e[0]]
            r["top_events"].append({
                "event": e[0], "side": where, "date": d[7] or e[2], "day": e[2], "dated_by": d[3],
                "source": names.get((e[0], "source"), []), "target": names.get((e[0], "target"), []),
                "cameo": d[1], "goldstein": e[3], "trigger": d[2], "weight": round(w, 3), "mentions": d[4],
                "articles": d[5], "article_id": d[6]})
    return results


# -- actors across articles ---------------------------------------------------------------------------------------

def find_actors(db: Any, query: str) -> list[dict[str, Any]]:
    """Store-wide actors whose name or an alias contains ``query`` (or a country code equal to it)."""
    conn = _ready(db)
    q = query.strip()
    like = "%" + _like(q) + "%"
    rows = conn.execute(
        "SELECT * FROM rel_actors WHERE id IN (SELECT actor FROM rel_aliases WHERE alias LIKE ? ESCAPE '\\' OR "
        "norm = ?) OR name LIKE ? ESCAPE '\\' OR (kind = 'country' AND country = ?) ORDER BY articles DESC, name",
        (like, norm(q), like, q.upper())).fetchall()
    out = []
    for r in rows:
        aliases = [a[0] for a in conn.execute("SELECT alias FROM rel_aliases WHERE actor = ? ORDER BY alias",
                                              (r[0],))]
        out.append({"id": r[0], "key": r[1], "name": r[2], "kind": r[3], "country": r[4], "sector": r[5],
                    "cameo": r[6], "role": r[7], "articles": r[8], "aliases": aliases})
    return out


def actor_events(db: Any, query: str, role: str | None = None) -> list[dict[str, Any]]:
    """Linked events in which an actor matching ``query`` is source or target (``role`` to pick one)."""
    conn = _ready(db)
    ids = [a["id"] for a in find_actors(conn, query)]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    cond = "AND s.role = ?" if role else ""
    rows = conn.execute(
        f"SELECT DISTINCT e.* FROM rel_sides s JOIN rel_events e ON e.id = s.linked WHERE s.actor IN ({marks}) "
        f"{cond} ORDER BY e.day, e.id", ids + ([role] if role else [])).fetchall()
    names = _names(conn, [r["id"] if isinstance(r, sqlite3.Row) else r[0] for r in rows])
    cols = [d[0] for d in conn.execute("SELECT * FROM rel_events LIMIT 0").description]
    out = []
    for r in rows:
        d = dict(zip(cols, tuple(r), strict=True))
        d["source"] = names.get((d["id"], "source"), [])
        d["target"] = names.get((d["id"], "target"), [])
        out.append(d)
    return out


def actor_quotes(db: Any, query: str) -> list[dict[str, Any]]:
    """Quotes, across articles, whose speaker is an actor matching ``query``."""
    conn = _ready(db)
    ids = [a["id"] for a in find_actors(conn, query)]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    out = []
    for r in conn.execute(
            f"SELECT q.article_id, q.id, q.text, q.start, q.end, a.published, ra.name FROM quotes q "
            f"JOIN rel_actor_links l ON l.article_id = q.article_id AND l.local_id = q.speaker "
            f"JOIN rel_actors ra ON ra.id = l.actor JOIN articles a ON a.id = q.article_id "
            f"WHERE l.actor IN ({marks}) ORDER BY a.published, a.seq, q.idx", ids):
        out.append({"article_id": r[0], "quote_id": r[1], "text": r[2], "start": r[3], "end": r[4],
                    "published": r[5], "speaker": r[6]})
    return out


def linked_events(db: Any, article: str | None = None) -> list[dict[str, Any]]:
    """Every linked event (optionally only those with a mention in ``article``) with its mentions."""
    conn = _ready(db)
    if article:
        rows = conn.execute("SELECT * FROM rel_events WHERE id IN (SELECT linked FROM rel_mentions WHERE "
                            "article_id = ?) ORDER BY id", (article,)).fetchall()
    else:
        rows = conn.execute("SELECT * FROM rel_events ORDER BY id").fetchall()
    cols = [d[0] for d in conn.execute("SELECT * FROM rel_events LIMIT 0").description]
    out = []
    for r in rows:
        d = dict(zip(cols, tuple(r), strict=True))
        d["mentions"] = [(m[0], m[1]) for m in conn.execute(
            "SELECT article_id, event_idx FROM rel_mentions WHERE linked = ? ORDER BY article_seq, event_idx",
            (d["id"],))]
        out.append(d)
    return out
