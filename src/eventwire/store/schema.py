"""The store's SQL schema as numbered migrations, each applied once in its own transaction and recorded.

The record tables are generated from :mod:`eventwire.tables` (one definition of the columns); the store adds keys,
indexes, full-text search (FTS5, kept in step by triggers) and a few store-only tables:

    sources     where each article came from (path or URL, author, canonical URL, site name, when ingested)
    failures    inputs that could not be read or extracted: the input's name, the reason, when
    runs        one row per ingest/reprocess run with its counts
    migrations  the applied schema versions
"""

from __future__ import annotations

import sqlite3
import time

from ..errors import StoreError
from ..tables import TABLES

_SQL_TYPE = {"text": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "INTEGER"}


def _table_sql(name: str) -> str:
    cols = []
    for c in TABLES[name]:
        null = "" if c.nullable else " NOT NULL"
        cols.append(f'"{c.name}" {_SQL_TYPE[c.type]}{null}')
    if name == "articles":
        # seq: a stable integer key for FTS5 external content; id: the record id (content-based) is unique.
        return (f"CREATE TABLE articles (seq INTEGER PRIMARY KEY, {', '.join(cols)}, "
                f"ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), UNIQUE(id))")
    return (f"CREATE TABLE {name} (seq INTEGER PRIMARY KEY, {', '.join(cols)}, UNIQUE(article_id, idx), "
            f"FOREIGN KEY(article_id) REFERENCES articles(id) ON DELETE CASCADE)")


# v1's tables are frozen here. Their columns come from eventwire.tables, so a column added there to an existing
# table must also get an ALTER TABLE migration of its own (and a fresh store then gets it from that migration too).
V1_TABLES = ["articles", "entities", "actors", "mentions", "times", "places", "quotes", "events", "event_actors"]


def _v1() -> list[str]:
    stmts = [_table_sql(t) for t in V1_TABLES]
    stmts += [
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_url ON articles(url)",
        "CREATE INDEX articles_extractor ON articles(extractor_version, extractor_model)",
        "CREATE INDEX entities_label ON entities(label, text)",
        "CREATE INDEX actors_article_id ON actors(article_id, id)",
        "CREATE INDEX actors_country ON actors(country)",
        "CREATE INDEX actors_cameo ON actors(cameo)",
        "CREATE INDEX actors_name ON actors(name COLLATE NOCASE)",
        "CREATE INDEX actors_sector ON actors(sector)",
        "CREATE INDEX times_value ON times(value)",
        "CREATE INDEX places_country ON places(country, name)",
        "CREATE INDEX quotes_speaker ON quotes(article_id, speaker)",
        "CREATE INDEX events_cameo ON events(cameo_root, cameo)",
        "CREATE INDEX events_plover ON events(plover)",
        "CREATE INDEX events_date ON events(date_value)",
        "CREATE INDEX events_location ON events(location_country)",
        "CREATE INDEX event_actors_event ON event_actors(article_id, event_idx, role)",
        "CREATE INDEX event_actors_actor ON event_actors(article_id, actor_id)",
        # Full-text search over article text (and title) and over quotes, kept in step by triggers.
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq')",
        "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
        "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);"
        " END",
        "CREATE TRIGGER articles_fts_au AFTER UPDATE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);"
        " INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
        "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_text, content='quotes', content_rowid='seq')",
        "CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN "
        "INSERT INTO quotes_fts(rowid, text, speaker_text) VALUES (new.seq, new.text, new.speaker_text); END",
        "CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN "
        "INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_text) "
        "VALUES ('delete', old.seq, old.text, old.speaker_text); END",
        "CREATE TRIGGER quotes_fts_au AFTER UPDATE ON quotes BEGIN "
        "INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_text) "
        "VALUES ('delete', old.seq, old.text, old.speaker_text); "
        "INSERT INTO quotes_fts(rowid, text, speaker_text) VALUES (new.seq, new.text, new.speaker_text); END",
        # Store-only tables.
        "CREATE TABLE sources (article_id TEXT NOT NULL, source TEXT NOT NULL, author TEXT, canonical_url TEXT, "
        "sitename TEXT, first_seen TEXT NOT NULL, PRIMARY KEY(article_id, source), "
        "FOREIGN KEY(article_id) REFERENCES articles(id) ON DELETE CASCADE)",
        "CREATE TABLE failures (seq INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL, "
        "run_id INTEGER, at TEXT NOT NULL, UNIQUE(source))",
        "CREATE TABLE runs (id INTEGER PRIMARY KEY, command TEXT NOT NULL, started TEXT NOT NULL, finished TEXT, "
        "added INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, "
        "extractor_version TEXT, args TEXT)",
    ]
    return stmts


def _v2() -> list[str]:
    return [_table_sql("event_mentions"),
            "CREATE INDEX event_mentions_event ON event_mentions(article_id, event_idx)"]


def _v3_relations() -> list[str]:
    """Relations (eventwire.relations): actors across articles, near-duplicate articles, linked events."""
    return [
        # One actor across articles: canonical key (kind, normalised name, country), its aliases, and which
        # per-article actor (article_id, local id) it is.
        "CREATE TABLE rel_actors (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
        "kind TEXT NOT NULL, country TEXT, sector TEXT, cameo TEXT, role TEXT, articles INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX rel_actors_country ON rel_actors(country, kind)",
        "CREATE TABLE rel_aliases (actor INTEGER NOT NULL, norm TEXT NOT NULL, alias TEXT NOT NULL, "
        "proper INTEGER NOT NULL, PRIMARY KEY(actor, norm))",
        "CREATE INDEX rel_aliases_norm ON rel_aliases(norm)",
        "CREATE TABLE rel_actor_links (article_id TEXT NOT NULL, local_id TEXT NOT NULL, actor INTEGER NOT NULL, "
        "PRIMARY KEY(article_id, local_id))",
        "CREATE INDEX rel_actor_links_actor ON rel_actor_links(actor)",
        # Articles seen by relations; copy_of names the original of a syndicated / near-duplicate copy.
        "CREATE TABLE rel_articles (article_id TEXT PRIMARY KEY, copy_of TEXT, similarity REAL, outlet TEXT, "
        "shingles INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX rel_articles_copy ON rel_articles(copy_of)",
        "CREATE TABLE rel_sketch (h INTEGER NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY(h, article_id)) "
        "WITHOUT ROWID",
        "CREATE INDEX rel_sketch_article ON rel_sketch(article_id)",
        # Linked events (one real-world event) and their mentions (record events).
        "CREATE TABLE rel_events (id INTEGER PRIMARY KEY, block TEXT NOT NULL, cameo TEXT NOT NULL, "
        "cameo_root TEXT NOT NULL, goldstein REAL NOT NULL, quad_class INTEGER NOT NULL, day TEXT, "
        "date_value TEXT, date_granularity TEXT, dated_by TEXT, lo TEXT, hi TEXT, place TEXT, place_country TEXT, "
        "num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL, "
        "best_article_id TEXT, best_event_idx INTEGER, trigger TEXT)",
        "CREATE INDEX rel_events_block ON rel_events(block, lo)",
        "CREATE INDEX rel_events_day ON rel_events(day)",
        "CREATE TABLE rel_mentions (article_id TEXT NOT NULL, event_idx INTEGER NOT NULL, linked INTEGER, "
        "status TEXT NOT NULL, block TEXT, cameo TEXT, goldstein REAL, quad_class INTEGER, date_value TEXT, "
        "date_granularity TEXT, dated_by TEXT, lo TEXT, hi TEXT, precision INTEGER, stem TEXT, place TEXT, "
        "place_country TEXT, lat REAL, lon REAL, outlet TEXT, article_seq INTEGER, trigger TEXT, day TEXT, "
        "PRIMARY KEY(article_id, event_idx))",
        "CREATE INDEX rel_mentions_linked ON rel_mentions(linked, precision, article_seq, event_idx)",
        "CREATE INDEX rel_mentions_stem ON rel_mentions(linked, stem)",
        "CREATE INDEX rel_mentions_code ON rel_mentions(linked, length(cameo) DESC, precision, article_seq, "
        "event_idx)",
        "CREATE INDEX rel_mentions_place ON rel_mentions(linked, precision, article_seq, event_idx) "
        "WHERE place IS NOT NULL AND place != ''",
        "CREATE INDEX rel_mentions_outlet ON rel_mentions(linked, outlet)",
        "CREATE INDEX rel_mentions_article ON rel_mentions(linked, article_id)",
        "CREATE TABLE rel_sides (linked INTEGER NOT NULL, role TEXT NOT NULL, actor INTEGER NOT NULL, "
        "country TEXT, PRIMARY KEY(linked, role, actor)) WITHOUT ROWID",
        "CREATE INDEX rel_sides_country ON rel_sides(country, role, linked)",
        "CREATE INDEX rel_sides_actor ON rel_sides(actor, role, linked)",
    ]


# (version, name, statements). Append only: never edit a released migration, add a new one. A table added to
# eventwire.tables after v1 is created by its own migration (v1 keeps its frozen list above).
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "record tables, indexes, FTS5 over articles and quotes, sources/failures/runs", _v1()),
    (2, "event_mentions: the actor mentions each event rests on", _v2()),
    (3, "relations: actors across articles, near-duplicate articles, linked events", _v3_relations()),
]
RELATIONS_VERSION = 3  # the migration that creates the relation tables (eventwire.relations)

LATEST = MIGRATIONS[-1][0]


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL)")
    row = conn.execute("SELECT max(version) FROM migrations").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the migrations this database lacks, each in one transaction; returns the versions applied."""
    have = current_version(conn)
    if have > LATEST:
        raise StoreError(f"the store is at schema version {have}, newer than this eventwire knows ({LATEST}); "
                         f"upgrade eventwire")
    applied = []
    for version, name, stmts in MIGRATIONS:
        if version <= have:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            for s in stmts:
                conn.execute(s)
            conn.execute("INSERT INTO migrations(version, name, applied_at) VALUES (?, ?, ?)",
                         (version, name, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())))
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"schema migration {version} ({name}) failed: {exc}") from None
        applied.append(version)
    return applied
