"""Keeping the relation tables in step with the stored articles, one article at a time."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from . import actors, dedup, linking


@contextmanager
def _rows(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    old = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.row_factory = old


@contextmanager
def _immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def forget_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Take one article's mentions out of the linked events (its actor links and sketch go too)."""
    with _rows(conn):
        affected = [r[0] for r in conn.execute(
            "SELECT DISTINCT linked FROM rel_mentions WHERE article_id = ? AND linked IS NOT NULL", (article_id,))]
        conn.execute("DELETE FROM rel_mentions WHERE article_id = ?", (article_id,))
        for linked in affected:
            linking.refresh(conn, linked)
        conn.execute("DELETE FROM rel_sketch WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM rel_articles WHERE article_id = ?", (article_id,))
        gone = [r[0] for r in conn.execute("SELECT DISTINCT actor FROM rel_actor_links WHERE article_id = ?",
                                           (article_id,))]
        conn.execute("DELETE FROM rel_actor_links WHERE article_id = ?", (article_id,))
        conn.executemany("UPDATE rel_actors SET articles = articles - 1 WHERE id = ?", [(g,) for g in gone])


def update_for_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Bring one stored article into the relation tables: near-duplicate check, actors across articles, linking.

    Call it inside the transaction that wrote the article (the store does, in ``Store._insert``). Running it again
    for the same article first takes the article's old mentions out, so a rewritten article is re-linked.
    """
    forget_article(conn, article_id)
    with _rows(conn):
        art = conn.execute("SELECT seq, text, outlet, url, published FROM articles WHERE id = ?",
                           (article_id,)).fetchone()
        if art is None:
            return
        copy_of, sim, n = dedup.check_article(conn, article_id, art["text"])
        outlet = linking.outlet_of(art["outlet"], art["url"], article_id)
        conn.execute("INSERT OR REPLACE INTO rel_articles(article_id, copy_of, similarity, outlet, shingles) "
                     "VALUES (?, ?, ?, ?, ?)", (article_id, copy_of, sim, outlet, n))
        gids = actors.resolve_article(conn, article_id)
        for m in linking.build_mentions(conn, article_id, art["published"], gids, copy_of is not None):
            linked = None
            if m.status == "linked":
                linked = linking.find_linked(conn, m)
                if linked is None:
                    linked = linking.new_linked(conn, m)
            linking.insert_mention(conn, article_id, int(art["seq"]), outlet, m, linked)
            if linked is not None:
                linking.refresh(conn, linked, added=(article_id, m.event_idx))


def pending(conn: sqlite3.Connection) -> list[str]:
    """Stored articles the relation tables have not seen yet (e.g. stored before the relations migration)."""
    return [r[0] for r in conn.execute(
        "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM rel_articles r WHERE r.article_id = a.id) "
        "ORDER BY a.seq")]


def catch_up(conn: sqlite3.Connection) -> int:
    """Bring every pending article in (in store order), in one transaction; returns how many."""
    ids = pending(conn)
    if not ids:
        return 0
    with _immediate(conn):
        for aid in ids:
            update_for_article(conn, aid)
    return len(ids)


REL_TABLES = ["rel_sides", "rel_mentions", "rel_events", "rel_sketch", "rel_articles", "rel_actor_links",
              "rel_aliases", "rel_actors"]


def rebuild(conn: sqlite3.Connection) -> int:
    """Empty the relation tables and bring every article in again in store order (the canonical result)."""
    with _immediate(conn):
        for t in REL_TABLES:
            conn.execute(f"DELETE FROM {t}")
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY seq")]
        for aid in ids:
            update_for_article(conn, aid)
    return len(ids)
