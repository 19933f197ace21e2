"""One actor across articles.

Each article's actors (``actors`` table, ids local to the article) are mapped to store-wide actors
(``rel_actors``) so that everything Sabrina Singh said or everything the CNSP did can be asked for in one go.

Rule (deterministic; applied to an article's actors in record order as the article arrives):

1. The canonical key is ``kind:normalised name:country`` (``country:NER`` for a country actor). Normalising lowers
   case, strips accents, punctuation and a leading "the". An actor whose key is already stored is that actor.
2. Otherwise it joins a stored actor of the same kind whose country agrees (equal, or either unknown) when exactly
   one such actor has the new actor's name as a proper alias (a capitalised name or acronym it was mentioned by),
   or has as its name one of the new actor's proper aliases (``CNSP`` joins the National Council for the Safeguard
   of the Homeland when either article spelled out the acronym next to the name).
3. A person named by one word (a surname) joins the one stored person of a compatible country whose name ends with
   that word, when there is exactly one.
4. Otherwise a new store-wide actor is made.

The role is kept (the latest one seen) but is not part of the key: office titles change between articles.
Every mention text except pronouns is kept as an alias.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from functools import lru_cache

PRONOUNS = frozenset("""i me my mine we us our ours you your yours he him his she her hers it its they them their
theirs this that these those who whom which""".split())


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[’'`]s\b", "", s)
    s = re.sub(r"[^\w]+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s


def actor_key(kind: str, name: str, country: str | None) -> str:
    if kind == "country" and country:
        return f"country:{country}"
    return f"{kind}:{norm(name)}:{country or ''}"


def _proper(text: str) -> bool:
    """A name an actor can be recognised by across articles: capitalised and several words, or an acronym."""
    t = text.strip()
    n = norm(t)
    if not n or n in PRONOUNS or not any(c.isupper() for c in t):
        return False
    return " " in n or (t.isupper() and len(n) >= 2)


def _compatible(c1: str | None, c2: str | None) -> bool:
    return c1 is None or c2 is None or c1 == c2


def _find(conn: sqlite3.Connection, kind: str, name: str, country: str | None, aliases: set[str]) -> int | None:
    key = actor_key(kind, name, country)
    row = conn.execute("SELECT id FROM rel_actors WHERE key = ?", (key,)).fetchone()
    if row:
        return int(row[0])
    n = norm(name)
    if not n:
        return None
    cands: set[int] = set()
    for al in sorted(aliases | ({n} if _proper(name) else set())):
        for r in conn.execute("SELECT a.id, a.country FROM rel_aliases al JOIN rel_actors a ON a.id = al.actor "
                              "WHERE al.norm = ? AND al.proper = 1 AND a.kind = ?", (al, kind)):
            if _compatible(r[1], country):
                cands.add(int(r[0]))
    if len(cands) == 1:
        return cands.pop()
    if cands:
        return None
    if kind == "person" and " " not in n:
        rows = [r for r in conn.execute(
            "SELECT a.id, a.country, a.name FROM rel_actors a WHERE a.kind = 'person' AND a.key LIKE ?",
            (f"person:% {n}:%",)) if _compatible(r[1], country) and norm(r[2]).endswith(" " + n)]
        if len(rows) == 1:
            return int(rows[0][0])
    return None


def resolve_article(conn: sqlite3.Connection, article_id: str) -> dict[str, int]:
    """Map every actor of one stored article to a store-wide actor (creating them as needed): local id -> id.

    The article's old links must be gone (``update.forget_article``).
    """
    mentions: dict[str, list[str]] = {}
    for r in conn.execute("SELECT actor_id, text FROM mentions WHERE article_id = ? ORDER BY idx", (article_id,)):
        mentions.setdefault(r[0], []).append(r[1])
    out: dict[str, int] = {}
    rows = conn.execute("SELECT id, name, kind, country, sector, cameo, role FROM actors WHERE article_id = ? "
                        "ORDER BY idx", (article_id,)).fetchall()
    for r in rows:
        local, name, kind, country, sector, cameo, role = (r[0], r[1], r[2] or "organization", r[3], r[4], r[5],
                                                          r[6])
        texts = [name] + [t for t in mentions.get(local, []) if norm(t) and norm(t) not in PRONOUNS]
        proper = {norm(t) for t in texts if _proper(t)}
        gid = _find(conn, kind, name, country, proper)
        if gid is None:
            cur = conn.execute(
                "INSERT INTO rel_actors(key, name, kind, country, sector, cameo, role, articles) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 0)", (actor_key(kind, name, country), name, kind, country, sector,
                                                    cameo, role))
            gid = int(cur.lastrowid or 0)
        else:
            conn.execute("UPDATE rel_actors SET role = coalesce(?, role), sector = coalesce(sector, ?), "
                         "cameo = coalesce(cameo, ?), country = coalesce(country, ?) WHERE id = ?",
                         (role, sector, cameo, country, gid))
        for t in texts:
            n = norm(t)
            if n:
                conn.execute("INSERT INTO rel_aliases(actor, norm, alias, proper) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT(actor, norm) DO UPDATE SET proper = max(proper, excluded.proper)",
                             (gid, n, t, int(_proper(t))))
        conn.execute("INSERT OR REPLACE INTO rel_actor_links(article_id, local_id, actor) VALUES (?, ?, ?)",
                     (article_id, local, gid))
        out[local] = gid
    # Counted here and uncounted in update.forget_article, which always runs first for the article.
    conn.executemany("UPDATE rel_actors SET articles = articles + 1 WHERE id = ?", [(g,) for g in set(out.values())])
    return out
