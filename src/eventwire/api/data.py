"""Paged reads for the API: every list answers (items, total). Filters mean what the CLI's filters mean.

Built on :mod:`eventwire.store.queries` (actor matching, date overlap, event inlining) so a filter is computed one
way for the CLI and the API; this module adds offsets, totals, sorting and the aggregates the UI draws.
"""

from __future__ import annotations

import re
from typing import Any

from ..store import Store
from ..store import queries as q
from .errors import ApiError

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

EVENT_SORTS = {
    "date": "coalesce(e.date_value, a.published)", "published": "a.published", "cameo": "e.cameo",
    "root": "e.cameo_root", "plover": "e.plover", "goldstein": "e.goldstein", "quad_class": "e.quad_class",
    "confidence": "e.confidence", "trigger": "e.trigger_text COLLATE NOCASE",
}


def check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    v = value.strip()
    ok = bool(_DATE.fullmatch(v))
    if ok:
        parts = [int(x) for x in v.split("-")]
        if len(parts) > 1 and not 1 <= parts[1] <= 12:
            ok = False
        if len(parts) > 2:
            import datetime as dt

            try:
                dt.date(*parts)
            except ValueError:
                ok = False
    if not ok:
        raise ApiError(400, f"bad {name} date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD", "bad_date")
    return v


def period_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """``since`` as the first day of its period and ``until`` as the last (``until=2024-05`` takes in 2024-05-31)."""
    import calendar

    since = check_date(since, "since")
    until = check_date(until, "until")
    if since:
        since = (since + "-01-01")[:10] if len(since) == 4 else (since + "-01")[:10]
    if until:
        if len(until) == 4:
            until += "-12-31"
        elif len(until) == 7:
            y, m = (int(x) for x in until.split("-"))
            until = f"{until}-{calendar.monthrange(y, m)[1]:02d}"
    return since, until


def resolve_article(store: Store, article_id: str) -> str:
    p = article_id.strip().lower()
    if not p or len(p) > 16 or not re.fullmatch(r"[0-9a-f]+", p):
        raise ApiError(404, f"no article {article_id!r} (an article id is 16 hex digits, or a unique prefix)")
    rows = store.conn.execute("SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                              (p, p + "g")).fetchall()
    if not rows:
        raise ApiError(404, f"no article {article_id}")
    if len(rows) > 1 and rows[0][0] != p:
        raise ApiError(404, f"{article_id} matches several articles; give more of the id")
    return rows[0][0]


def _actor_cond(value: str, role: str | None, conds: list[str], params: list[Any]) -> None:
    if not value.strip():
        raise ApiError(400, "an empty actor filter matches nothing; give a country code, CAMEO code or name")
    m, p = q.actor_match_sql("ac", value)
    role_sql = "AND ea.role = ?" if role else ""
    conds.append(
        "EXISTS (SELECT 1 FROM event_actors ea JOIN actors ac ON ac.article_id = ea.article_id "
        f"AND ac.id = ea.actor_id WHERE ea.article_id = e.article_id AND ea.event_idx = e.idx {role_sql} AND {m})")
    params.extend(([role] if role else []) + p)


def events(store: Store, *, actor: list[str] | None = None, source: str | None = None, target: str | None = None,
           root: str | None = None, plover: str | None = None, since: str | None = None, until: str | None = None,
           article: str | None = None, located: bool = False, quad_class: int | None = None,
           sort: str = "date", limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    since, until = period_bounds(since, until)
    conds: list[str] = []
    params: list[Any] = []
    for a in actor or ():
        _actor_cond(a, None, conds, params)
    if source:
        _actor_cond(source, "source", conds, params)
    if target:
        _actor_cond(target, "target", conds, params)
    if root:
        r = root.strip()
        if not re.fullmatch(r"\d{1,2}", r) or not 1 <= int(r) <= 20:
            raise ApiError(400, f"bad root {root!r}: a CAMEO root code is 01..20")
        conds.append("e.cameo_root = ?")
        params.append(f"{int(r):02d}")
    if plover:
        conds.append("e.plover = ?")
        params.append(plover.strip().upper())
    if quad_class is not None:
        conds.append("e.quad_class = ?")
        params.append(int(quad_class))
    if article:
        conds.append("e.article_id = ?")
        params.append(resolve_article(store, article))
    if located:
        conds.append("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL")
    dc, dp = q._date_filters("coalesce(e.date_value, a.published)", since, until)
    conds += dc
    params += dp
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    desc = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in EVENT_SORTS:
        raise ApiError(400, f"bad sort {sort!r}: one of {', '.join(EVENT_SORTS)} (prefix - for descending)")
    order = f"{EVENT_SORTS[key]} {'DESC' if desc else 'ASC'}, a.seq, e.idx"
    base = "FROM events e JOIN articles a ON a.id = e.article_id" + where
    total = int(store.conn.execute(f"SELECT count(*) {base}", params).fetchone()[0])
    rows = store.conn.execute(
        f"SELECT e.*, a.published AS a_published, a.url AS a_url, a.title AS a_title {base} ORDER BY {order} "
        "LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    items = q._inline(store, rows)
    titles = {r["article_id"]: r["a_title"] for r in rows}
    for it in items:
        it["title"] = titles.get(it["article_id"])
    return items, total


def articles(store: Store, *, since: str | None = None, until: str | None = None, limit: int = 50,
             offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    since, until = period_bounds(since, until)
    conds, params = q._date_filters("a.published", since, until)
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    total = int(store.conn.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0])
    sql = (
        "SELECT a.id, a.title, a.published, a.url, a.outlet, a.input_id, a.ingested_at, length(a.text) AS chars, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events, "
        "(SELECT count(*) FROM quotes x WHERE x.article_id = a.id) AS quotes, "
        "(SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS actors "
        f"FROM articles a{where} ORDER BY a.published IS NULL, a.published DESC, a.seq DESC LIMIT ? OFFSET ?")
    items = [dict(r) for r in store.conn.execute(sql, [*params, limit, offset])]
    return items, total


def article(store: Store, article_id: str) -> dict[str, Any]:
    aid = resolve_article(store, article_id)
    rec = store.get(aid)
    if rec is None:  # removed between the two reads
        raise ApiError(404, f"no article {article_id}")
    out = rec.to_dict()
    out["sources"] = [dict(r) for r in store.conn.execute(
        "SELECT source, author, canonical_url, sitename, first_seen FROM sources WHERE article_id = ? "
        "ORDER BY first_seen", (aid,))]
    return out


def actors(store: Store, *, q_: str | None = None, country: str | None = None, kind: str | None = None,
           limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    conds: list[str] = []
    params: list[Any] = []
    if q_:
        if not q_.strip():
            raise ApiError(400, "an empty actor query matches nothing")
        m, p = q.actor_match_sql("ac", q_)
        conds.append(m)
        params += p
    if country:
        conds.append("ac.country = ?")
        params.append(country.strip().upper())
    if kind:
        conds.append("ac.kind = ?")
        params.append(kind.strip().lower())
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    group = "GROUP BY ac.name, ac.kind, ac.country, ac.sector, ac.cameo"
    total = int(store.conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM actors ac{where} {group})",
                                   params).fetchone()[0])
    sql = ("SELECT ac.name, ac.kind, ac.country, ac.sector, ac.cameo, max(ac.role) AS role, "
           "count(DISTINCT ac.article_id) AS articles, "
           "sum((SELECT count(*) FROM mentions m WHERE m.article_id = ac.article_id AND m.actor_id = ac.id)) "
           "AS mentions, "
           "sum((SELECT count(*) FROM event_actors ea WHERE ea.article_id = ac.article_id AND ea.actor_id = ac.id)) "
           f"AS events FROM actors ac{where} {group} ORDER BY articles DESC, events DESC, mentions DESC, ac.name "
           "LIMIT ? OFFSET ?")
    return [dict(r) for r in store.conn.execute(sql, [*params, limit, offset])], total


def quotes(store: Store, *, speaker: str | None = None, since: str | None = None, until: str | None = None,
           article: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    since, until = period_bounds(since, until)
    conds: list[str] = []
    params: list[Any] = []
    if speaker is not None:
        if not speaker.strip():
            raise ApiError(400, "an empty speaker filter matches nothing")
        m, p = q.actor_match_sql("ac", speaker)
        conds.append(f"({m} OR x.speaker_text LIKE ? ESCAPE '\\')")
        params += p + [f"%{q._like(speaker.strip())}%"]
    if article:
        conds.append("x.article_id = ?")
        params.append(resolve_article(store, article))
    dc, dp = q._date_filters("a.published", since, until)
    conds += dc
    params += dp
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    base = ("FROM quotes x JOIN articles a ON a.id = x.article_id "
            "LEFT JOIN actors ac ON ac.article_id = x.article_id AND ac.id = x.speaker" + where)
    total = int(store.conn.execute(f"SELECT count(*) {base}", params).fetchone()[0])
    out = []
    for r in store.conn.execute(
            "SELECT x.*, a.published, a.url, a.title, ac.name AS speaker_name, ac.country AS speaker_country, "
            f"ac.cameo AS speaker_cameo {base} ORDER BY a.published, a.seq, x.idx LIMIT ? OFFSET ?",
            [*params, limit, offset]):
        out.append({"article_id": r["article_id"], "published": r["published"], "url": r["url"],
                    "title": r["title"], "id": r["id"], "text": r["text"], "start": r["start"], "end": r["end"],
                    "direct": bool(r["direct"]), "speaker": r["speaker"], "speaker_name": r["speaker_name"],
                    "speaker_country": r["speaker_country"], "speaker_cameo": r["speaker_cameo"],
                    "speaker_text": r["speaker_text"], "cue": r["cue"], "cue_lemma": r["cue_lemma"]})
    return out, total


def search(store: Store, text: str, *, where: str = "all", limit: int = 50,
           offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    if not text or not text.strip():
        raise ApiError(400, "give words to search for: /search?q=words")
    try:
        fq = q.fts_query(text)
    except Exception as exc:
        raise ApiError(400, str(exc)) from None
    total = 0
    if where in ("all", "articles"):
        total += int(store.conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                        (fq,)).fetchone()[0])
    if where in ("all", "quotes"):
        total += int(store.conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?",
                                        (fq,)).fetchone()[0])
    hits = q.search(store, text, limit=offset + limit, where=where)
    items = [{"article_id": h.article_id, "published": h.published, "kind": h.kind, "title": h.title,
              "snippet": h.snippet, "speaker": h.speaker} for h in hits]
    return items[offset:offset + limit], total


# -- aggregates for the UI --------------------------------------------------------------------------------------

def _node(name: str | None, kind: str | None, country: str | None, cameo: str | None) -> tuple[str, dict[str, Any]]:
    if kind == "country" and country:
        return f"country:{country}", {"label": country, "name": name, "type": "country", "country": country}
    key = f"actor:{(name or '?').lower()}|{country or ''}"
    return key, {"label": name or "?", "name": name, "type": "actor", "country": country, "cameo": cameo}


def network(store: Store, *, since: str | None = None, until: str | None = None, actor: str | None = None,
            max_nodes: int = 80) -> dict[str, Any]:
    """Actors and countries as nodes; source->target edges weighted by events, split cooperative/conflictual.

    Cooperative = quad classes 1-2 (verbal/material cooperation), conflictual = 3-4. Each actor with a country is
    also linked to its country node (a ``member`` edge) so a country's people and bodies cluster round it.
    """
    since, until = period_bounds(since, until)
    conds: list[str] = []
    params: list[Any] = []
    if actor:
        _actor_cond(actor, None, conds, params)
    dc, dp = q._date_filters("coalesce(e.date_value, a.published)", since, until)
    conds += dc
    params += dp
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    sql = ("SELECT s.name AS sn, s.kind AS sk, s.country AS sc, s.cameo AS scm, t.name AS tn, t.kind AS tk, "
           "t.country AS tc, t.cameo AS tcm, e.quad_class, e.goldstein "
           "FROM events e JOIN articles a ON a.id = e.article_id "
           "JOIN event_actors es ON es.article_id = e.article_id AND es.event_idx = e.idx AND es.role = 'source' "
           "JOIN event_actors et ON et.article_id = e.article_id AND et.event_idx = e.idx AND et.role = 'target' "
           "JOIN actors s ON s.article_id = es.article_id AND s.id = es.actor_id "
           "JOIN actors t ON t.article_id = et.article_id AND t.id = et.actor_id" + where)
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for r in store.conn.execute(sql, params):
        ks, ns = _node(r["sn"], r["sk"], r["sc"], r["scm"])
        kt, nt = _node(r["tn"], r["tk"], r["tc"], r["tcm"])
        for k, n in ((ks, ns), (kt, nt)):
            nodes.setdefault(k, {"id": k, **n, "events": 0})["events"] += 1
        e = edges.setdefault((ks, kt), {"source": ks, "target": kt, "kind": "event", "events": 0,
                                        "cooperative": 0, "conflictual": 0, "goldstein_sum": 0.0})
        e["events"] += 1
        e["cooperative" if r["quad_class"] in (1, 2) else "conflictual"] += 1
        e["goldstein_sum"] += float(r["goldstein"] or 0.0)
    keep = set(sorted(nodes, key=lambda k: (-nodes[k]["events"], k))[:max_nodes])
    out_edges = []
    for e in edges.values():
        if e["source"] in keep and e["target"] in keep:
            e["goldstein_mean"] = round(e.pop("goldstein_sum") / e["events"], 2)
            out_edges.append(e)
    member: dict[tuple[str, str], dict[str, Any]] = {}
    for k in list(keep):
        n = nodes[k]
        if n["type"] == "actor" and n.get("country"):
            ck = f"country:{n['country']}"
            if ck not in nodes:
                nodes[ck] = {"id": ck, "label": n["country"], "name": n["country"], "type": "country",
                             "country": n["country"], "events": 0}
            keep.add(ck)
            member[(k, ck)] = {"source": k, "target": ck, "kind": "member", "events": 0}
    return {"nodes": [nodes[k] for k in sorted(keep)], "edges": out_edges + list(member.values())}


def facets(store: Store) -> dict[str, Any]:
    """What the filters can take: countries with events, CAMEO roots and PLOVER types present, date range."""
    c = store.conn
    return {
        "countries": [dict(r) for r in c.execute(
            "SELECT ac.country AS country, count(DISTINCT ea.article_id || ':' || ea.event_idx) AS events "
            "FROM event_actors ea JOIN actors ac ON ac.article_id = ea.article_id AND ac.id = ea.actor_id "
            "WHERE ac.country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200")],
        "roots": [dict(r) for r in c.execute(
            "SELECT cameo_root AS root, count(*) AS events FROM events GROUP BY 1 ORDER BY 1")],
        "plover": [dict(r) for r in c.execute(
            "SELECT plover, count(*) AS events FROM events WHERE plover IS NOT NULL GROUP BY 1 ORDER BY 2 DESC")],
        "dates": dict(zip(("first", "last"), c.execute(
            "SELECT min(coalesce(e.date_value, a.published)), max(coalesce(e.date_value, a.published)) "
            "FROM events e JOIN articles a ON a.id = e.article_id").fetchone(), strict=True)),
        "counts": {t: int(c.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                   for t in ("articles", "events", "actors", "quotes")},
    }

