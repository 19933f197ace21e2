"""Event linking: record events are *mentions*; one real-world event told several times is one *linked event*.

The rule (deterministic; applied to each article's events in record order as the article is stored, so a store
built article by article equals one rebuilt with :func:`eventwire.relations.rebuild` in store order):

1. A mention is left out of linking when it is negated, hypothetical, has neither source nor target, or comes from
   an article marked as a copy of another (see :mod:`.dedup`); it is kept in ``rel_mentions`` with that status.
2. Its *block* is the canonical key ``sources > targets | CAMEO root``: each side is the sorted set of its actors'
   keys, an actor's key being its country (``NER``) or, for an actor without a country, its store-wide actor key
   (see :mod:`.actors`). Direction matters: NER > USA is not USA > NER.
3. Its *date window*: an event dated to a day is that day; to a week, that week (Monday to Sunday); to a month or
   a year, that month or year; an event without a date is placed in the seven days up to its article's
   publication date. A mention with no date at all stands alone.
4. It joins a linked event of the same block whose window (the window of its best-dated mention) overlaps its own
   widened by ``TOLERANCE`` days, when (a) the CAMEO codes agree up to the shorter one (``16`` agrees with ``163``; ``040``, "consult, not
   specified", agrees with ``042``; ``163`` does not agree with ``161``) and (b) the places do not disagree (when both are known: same country, and
   within ``MAX_KM`` km when both have coordinates). Among several such events it joins the one with the same
   trigger stem, then the nearest in date, then the oldest. Otherwise it starts a new linked event.
5. A linked event takes its date from its best-dated mention (day < week < month < year < publication date;
   ties go to the earliest stored article, then the first mention), its CAMEO code, Goldstein value and quad
   class from its most specific code (longest; ties as for the date), and counts its mentions, distinct sources
   (outlet, else the URL's host) and distinct articles, as GDELT's NumMentions, NumSources and NumArticles.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

TOLERANCE = 1  # days
PUBLICATION_WINDOW = 7  # days before publication an undated event may have happened
MAX_KM = 100.0

PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3, "publication": 4, None: 5}


def _d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def parse_date(value: str | None, granularity: str | None) -> tuple[str, str, str, str] | None:
    """(placement day, granularity, lo, hi) for a YYYY-MM-DD / YYYY-MM / YYYY value, or None when unreadable."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            d = _d(value)
            if granularity == "week":
                mon = d - dt.timedelta(days=d.weekday())
                return mon.isoformat(), "week", mon.isoformat(), (mon + dt.timedelta(days=6)).isoformat()
            if granularity == "month":
                first = d.replace(day=1)
                return first.isoformat(), "month", first.isoformat(), _month_end(first).isoformat()
            if granularity == "year":
                return f"{d.year:04d}-01-01", "year", f"{d.year:04d}-01-01", f"{d.year:04d}-12-31"
            return d.isoformat(), "day", d.isoformat(), d.isoformat()
        if re.fullmatch(r"\d{4}-\d{2}", value):
            first = _d(value + "-01")
            return first.isoformat(), "month", first.isoformat(), _month_end(first).isoformat()
        if re.fullmatch(r"\d{4}", value):
            return f"{value}-01-01", "year", f"{value}-01-01", f"{value}-12-31"
    except ValueError:
        return None
    return None


def _month_end(first: dt.date) -> dt.date:
    nxt = first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(month=first.month + 1)
    return nxt - dt.timedelta(days=1)


def stem(trigger: str) -> str:
    """A crude stem of a trigger's last word (``suspended`` / ``suspends`` / ``suspension`` -> ``suspen``)."""
    words = re.findall(r"[^\W\d_]+", trigger.lower())
    if not words:
        return ""
    w = words[-1]
    for suf in ("ations", "ation", "ions", "ion", "ments", "ment", "ing", "ied", "ies", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    return w[:6]


def generic(code: str) -> str:
    """A CAMEO code with its "not specified" zero dropped (``040`` -> ``04``, ``1620`` -> ``162``)."""
    while len(code) > 2 and code.endswith("0"):
        code = code[:-1]
    return code


def codes_agree(a: str, b: str) -> bool:
    """Codes agree up to the shorter one, a code ending in 0 being the generic of its parent (rule 4a)."""
    a, b = generic(a), generic(b)
    return a.startswith(b) or b.startswith(a)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def outlet_of(outlet: str | None, url: str | None, article_id: str) -> str:
    if outlet:
        return outlet.strip().lower()
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return article_id


@dataclass
class Mention:
    event_idx: int
    status: str
    block: str | None
    cameo: str
    goldstein: float
    quad_class: int
    date_value: str | None
    date_granularity: str | None
    dated_by: str | None
    day: str | None
    lo: str | None
    hi: str | None
    precision: int
    stem: str
    trigger: str
    place: str | None
    place_country: str | None
    lat: float | None
    lon: float | None


def side_key(keys: Sequence[str]) -> str:
    return "+".join(sorted(set(keys)))


def build_mentions(conn: sqlite3.Connection, article_id: str, published: str | None, gids: dict[str, int],
                   is_copy: bool) -> list[Mention]:
    keys = {r[0]: r[1] for r in conn.execute("SELECT id, key FROM rel_actors WHERE id IN "
                                             "(SELECT actor FROM rel_actor_links WHERE article_id = ?)",
                                             (article_id,))}
    countries = {r[0]: r[1] for r in conn.execute("SELECT id, country FROM actors WHERE article_id = ?",
                                                  (article_id,))}
    sides: dict[tuple[int, str], list[str]] = {}
    for r in conn.execute("SELECT event_idx, role, actor_id FROM event_actors WHERE article_id = ? ORDER BY idx",
                          (article_id,)):
        local = r[2]
        if countries.get(local):
            k = countries[local]
        elif local in gids:
            k = "@" + keys[gids[local]]
        else:
            continue
        sides.setdefault((r[0], r[1]), []).append(k)
    pub = parse_date(published[:10] if published else None, "day")
    out = []
    for e in conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY idx", (article_id,)):
        src, tgt = sides.get((e["idx"], "source"), []), sides.get((e["idx"], "target"), [])
        status = "linked"
        if is_copy:
            status = "copy"
        elif e["negated"]:
            status = "negated"
        elif e["hypothetical"]:
            status = "hypothetical"
        elif not src and not tgt:
            status = "no_actors"
        when = parse_date(e["date_value"], e["date_granularity"])
        if when:
            day, gran, lo, hi = when
            dated_by, prec = "event", PRECISION[gran]
        elif pub:
            day, gran = pub[0], None
            lo = (_d(pub[0]) - dt.timedelta(days=PUBLICATION_WINDOW)).isoformat()
            hi = pub[0]
            dated_by, prec = "publication", PRECISION["publication"]
        else:
            day = gran = lo = hi = dated_by = None
            prec = PRECISION[None]
        block = f"{side_key(src)}>{side_key(tgt)}|{e['cameo_root']}"
        out.append(Mention(
            event_idx=e["idx"], status=status, block=block, cameo=e["cameo"], goldstein=float(e["goldstein"]),
            quad_class=int(e["quad_class"]), date_value=e["date_value"] if when else None,
            date_granularity=gran, dated_by=dated_by, day=day, lo=lo, hi=hi, precision=prec,
            stem=stem(e["trigger_text"] or ""), trigger=e["trigger_text"], place=e["location_name"],
            place_country=e["location_country"], lat=e["location_lat"], lon=e["location_lon"]))
    return out


def _places_agree(m: Mention, ev: sqlite3.Row) -> bool:
    if m.place_country and ev["place_country"] and m.place_country != ev["place_country"]:
        return False
    if m.lat is not None and m.lon is not None and ev["lat"] is not None and ev["lon"] is not None:
        return km(m.lat, m.lon, ev["lat"], ev["lon"]) <= MAX_KM
    return True


def _gap(m: Mention, ev: sqlite3.Row) -> int:
    """Days between the two windows (0 when they overlap)."""
    assert m.lo and m.hi
    if ev["hi"] < m.lo:
        return (_d(m.lo) - _d(ev["hi"])).days
    if m.hi < ev["lo"]:
        return (_d(ev["lo"]) - _d(m.hi)).days
    return 0


def find_linked(conn: sqlite3.Connection, m: Mention) -> int | None:
    """The linked event this mention joins, or None (rule 4 of the module docstring)."""
    if m.lo is None or m.hi is None:
        return None
    lo = (_d(m.lo) - dt.timedelta(days=TOLERANCE)).isoformat()
    hi = (_d(m.hi) + dt.timedelta(days=TOLERANCE)).isoformat()
    cands = conn.execute(
        "SELECT e.id, e.cameo, e.lo, e.hi, e.place_country, bm.lat, bm.lon FROM rel_events e "
        "LEFT JOIN rel_mentions bm ON bm.article_id = e.best_article_id AND bm.event_idx = e.best_event_idx "
        "WHERE e.block = ? AND e.lo <= ? AND e.hi >= ? ORDER BY e.id", (m.block, hi, lo)).fetchall()
    best: tuple[int, int, int] | None = None
    for ev in cands:
        if not codes_agree(m.cameo, ev["cameo"]) or not _places_agree(m, ev):
            continue
        same = m.stem and conn.execute("SELECT 1 FROM rel_mentions WHERE linked = ? AND stem = ? LIMIT 1",
                                       (ev["id"], m.stem)).fetchone()
        rank = (0 if same else 1, _gap(m, ev), int(ev["id"]))
        if best is None or rank < best:
            best = rank
    return best[2] if best else None


def insert_mention(conn: sqlite3.Connection, article_id: str, seq: int, outlet: str, m: Mention,
                   linked: int | None) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO rel_mentions(article_id, event_idx, linked, status, block, cameo, goldstein, "
        "quad_class, date_value, date_granularity, dated_by, lo, hi, precision, stem, place, place_country, lat, "
        "lon, outlet, article_seq, trigger, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?)",
        (article_id, m.event_idx, linked, m.status, m.block, m.cameo, m.goldstein, m.quad_class, m.date_value,
         m.date_granularity, m.dated_by, m.lo, m.hi, m.precision, m.stem, m.place, m.place_country, m.lat, m.lon,
         outlet, seq, m.trigger, m.day))


def new_linked(conn: sqlite3.Connection, m: Mention) -> int:
    cur = conn.execute("INSERT INTO rel_events(block, cameo, cameo_root, goldstein, quad_class, num_mentions, "
                       "num_sources, num_articles) VALUES (?, ?, ?, ?, ?, 0, 0, 0)",
                       (m.block, m.cameo, m.cameo[:2], m.goldstein, m.quad_class))
    return int(cur.lastrowid or 0)


_ORDER = "ORDER BY precision, article_seq, event_idx"
_SIDES = ("INSERT OR IGNORE INTO rel_sides(linked, role, actor, country) "
          "SELECT DISTINCT ?, ea.role, l.actor, ac.country FROM rel_mentions m "
          "JOIN event_actors ea ON ea.article_id = m.article_id AND ea.event_idx = m.event_idx "
          "JOIN rel_actor_links l ON l.article_id = ea.article_id AND l.local_id = ea.actor_id "
          "JOIN actors ac ON ac.article_id = ea.article_id AND ac.id = ea.actor_id WHERE m.linked = ?")


def refresh(conn: sqlite3.Connection, linked: int, added: tuple[str, int] | None = None) -> None:
    """Recompute one linked event from its mentions (rule 5); drop it when no mention is left.

    ``added`` names a mention just linked: its actors are added to the event's sides; without it (a mention
    left) the sides are recomputed from every mention.
    """
    best = conn.execute(f"SELECT * FROM rel_mentions INDEXED BY rel_mentions_linked WHERE linked = ? {_ORDER} "
                        f"LIMIT 1", (linked,)).fetchone()
    if best is None:
        conn.execute("DELETE FROM rel_sides WHERE linked = ?", (linked,))
        conn.execute("DELETE FROM rel_events WHERE id = ?", (linked,))
        return
    code = conn.execute("SELECT cameo, goldstein, quad_class FROM rel_mentions INDEXED BY rel_mentions_code "
                        "WHERE linked = ? ORDER BY length(cameo) DESC, precision, article_seq, event_idx LIMIT 1",
                        (linked,)).fetchone()
    place = conn.execute(f"SELECT place, place_country FROM rel_mentions INDEXED BY rel_mentions_place "
                         f"WHERE linked = ? AND place IS NOT NULL AND place != '' {_ORDER} LIMIT 1",
                         (linked,)).fetchone()
    n = conn.execute("SELECT count(*), count(DISTINCT outlet), count(DISTINCT article_id) FROM rel_mentions "
                     "WHERE linked = ?", (linked,)).fetchone()
    conn.execute(
        "UPDATE rel_events SET cameo = ?, cameo_root = ?, goldstein = ?, quad_class = ?, day = ?, date_value = ?, "
        "date_granularity = ?, dated_by = ?, lo = ?, hi = ?, place = ?, place_country = ?, num_mentions = ?, "
        "num_sources = ?, num_articles = ?, best_article_id = ?, best_event_idx = ?, trigger = ? WHERE id = ?",
        (code[0], code[0][:2], code[1], code[2], best["day"], best["date_value"], best["date_granularity"],
         best["dated_by"], best["lo"], best["hi"], place[0] if place else None, place[1] if place else None,
         n[0], n[1], n[2], best["article_id"], best["event_idx"], best["trigger"], linked))
    if added is not None:
        conn.execute(_SIDES + " AND m.article_id = ? AND m.event_idx = ?", (linked, linked, *added))
    else:
        conn.execute("DELETE FROM rel_sides WHERE linked = ?", (linked,))
        conn.execute(_SIDES, (linked, linked))
