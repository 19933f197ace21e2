"""The store: record -> rows -> SQLite -> record round trips, migrations, atomic writes, queries."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings

from eventwire import tables
from eventwire.errors import StoreError
from eventwire.record import (
    Actor,
    Event,
    EventDate,
    EventLocation,
    Extractor,
    Place,
    Quote,
    Record,
    SentenceSpan,
    Span,
    record_id,
)
from eventwire.store import Store, schema
from eventwire.store import queries as Q
from strategies import records

EX = Extractor("eventwire", "0.1.0", "test-model")


def niger_record(url: str = "https://example.org/niger") -> Record:
    text = ("Niger's junta suspended its defense agreement with the United States on Saturday, "
            "spokesman Amadou Abdramane said. \"The agreement is unjust,\" he said in Niamey.")
    niger = Actor("a1", "Niger", "country", country="NER", sector="GOV", cameo="NERGOV",
                  mentions=(Span("Niger", 0, 5),))
    usa = Actor("a2", "United States", "country", country="USA", cameo="USA",
                mentions=(Span("United States", text.index("United States"), text.index("United States") + 13),))
    spk = Actor("a3", "Amadou Abdramane", "person", country="NER", sector="GOV", role="spokesman", cameo="NERGOV",
                mentions=(Span("Amadou Abdramane", text.index("Amadou"), text.index("Amadou") + 16),))
    trig = text.index("suspended")
    sat = text.index("Saturday")
    nia = text.index("Niamey")
    q0 = text.index("The agreement")
    ev = Event("ev1", ("a1",), ("a2",), "163", "16", "REDUCE", "aid", -4.0, 4, Span("suspended", trig, trig + 9),
               SentenceSpan(0, text.index(".") + 1), EventDate("2024-03-16", "day", "Saturday", sat, sat + 8),
               EventLocation("Niamey", "NER", 13.5, 2.1, nia, nia + 6))
    q = Quote("q1", "The agreement is unjust,", q0, q0 + 24, True, "a3", "he", "said", "say")
    return Record(id=record_id(text, url), text=text, extractor=EX, url=url, title="Niger suspends pact",
                  outlet="Example", published="2024-03-18", actors=(niger, usa, spk),
                  places=(Place("Niamey", nia, nia + 6, "Niamey", "NER", 13.5, 2.1),), quotes=(q,), events=(ev,))


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "t.db")
    yield s
    s.close()


def test_tables_round_trip_without_sqlite():
    rec = niger_record()
    assert tables.from_rows(tables.to_rows(rec)) == rec


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rec=records())
def test_record_store_record_is_equal(tmp_path_factory, rec):
    db = tmp_path_factory.mktemp("rt") / "rt.db"
    with Store(db) as s:
        s.put(rec)
        back = s.get(rec.id)
    assert back == rec
    assert back.to_dict() == rec.to_dict()


def test_migrations_recorded_and_idempotent(tmp_path):
    db = tmp_path / "m.db"
    Store(db).close()
    Store(db).close()
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT version FROM migrations").fetchall()
    assert [r[0] for r in rows] == [v for v, _, _ in schema.MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "n.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO migrations VALUES (999, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(bad)


def test_missing_store_readonly(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "none.db", readonly=True)


def test_write_twice_adds_nothing(store):
    rec = niger_record()
    added, skipped = store.write_batch([(rec, None)])
    assert added == [rec.id] and skipped == []
    before = store.counts()
    added, skipped = store.write_batch([(rec, None)])
    assert added == [] and skipped == [rec.id]
    assert store.counts() == before


def test_failed_batch_leaves_nothing(store, monkeypatch):
    good = niger_record()
    other = niger_record(url="https://example.org/other")
    real = store._insert
    calls = []

    def boom(rec, ingested_at=None):
        calls.append(rec.id)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        real(rec, ingested_at)

    monkeypatch.setattr(store, "_insert", boom)
    with pytest.raises(RuntimeError):
        store.write_batch([(good, None), (other, None)])
    assert store.counts()["articles"] == 0
    assert store.counts()["events"] == 0


def test_replace_record_is_atomic_and_complete(store):
    rec = niger_record()
    store.put(rec)
    fewer = Record(**{**rec.__dict__, "events": (), "quotes": ()})
    store.replace_record(fewer)
    assert store.get(rec.id) == fewer
    assert store.counts()["events"] == 0
    assert Q.search(store, "unjust", where="quotes") == []


def test_failures_recorded_and_cleared(store):
    store.write_batch([], failures=[("bad.txt", "empty"), ("bad.txt", "still empty")])
    assert store.failures() == [("bad.txt", "still empty")]
    from eventwire.store import SourceInfo

    store.write_batch([(niger_record(), SourceInfo("bad.txt"))])
    assert store.failures() == []


def test_search_articles_and_quotes(store):
    store.put(niger_record())
    hits = Q.search(store, "defense agreement")
    assert any(h.kind == "article" and "[defense]" in h.snippet for h in hits)
    q = Q.search(store, "unjust", where="quotes")
    assert len(q) == 1 and q[0].speaker == "Amadou Abdramane"
    assert Q.search(store, "nonexistentword") == []


@pytest.mark.parametrize("query", ['"', "' OR 1=1 --", "AND OR NOT", "a* NEAR(", "x\"; DROP TABLE articles; --",
                                   "%_\\", "(((", "col:val", "^"])
def test_sql_and_fts_special_characters_are_harmless(store, query):
    store.put(niger_record())
    try:
        Q.search(store, query)
    except StoreError as exc:  # nothing searchable left is a clear error, never a crash
        assert "nothing to search" in str(exc)
    Q.events(store, actor=query)
    Q.quotes(store, speaker=query)
    assert store.counts()["articles"] == 1


def test_sql_special_text_stored_verbatim(store):
    text = "Robert'); DROP TABLE articles;-- said \"x\" 100% _of_ \\ it. NULL"
    rec = Record(id=record_id(text), text=text, extractor=EX, title="'; --")
    store.put(rec)
    assert store.get(rec.id) == rec
    assert [h.article_id for h in Q.search(store, "DROP TABLE")] == [rec.id]


def test_events_filters(store):
    store.put(niger_record())
    assert len(Q.events(store)) == 1
    assert len(Q.events(store, source="NER")) == 1
    assert len(Q.events(store, source="NERGOV")) == 1
    assert len(Q.events(store, source="ner")) == 1
    assert Q.events(store, source="USA") == []
    assert len(Q.events(store, target="USA")) == 1
    assert len(Q.events(store, actor="united states")) == 1
    assert len(Q.events(store, root="16")) == 1
    assert Q.events(store, root="4") == []
    assert len(Q.events(store, since="2024-03-01", until="2024-03-31")) == 1
    assert len(Q.events(store, since="2024-03")) == 1
    assert Q.events(store, since="2024-03-17") == []
    assert Q.events(store, until="2024-03-15") == []
    ev = Q.events(store)[0]
    assert ev["article_id"] == niger_record().id
    assert ev["source"][0]["cameo"] == "NERGOV" and ev["target"][0]["name"] == "United States"
    assert ev["cameo"] == "163" and ev["trigger"]["text"] == "suspended"
    with pytest.raises(StoreError):
        Q.events(store, root="99")
    with pytest.raises(StoreError):
        Q.events(store, since="March")


def test_quotes_by_speaker(store):
    store.put(niger_record())
    assert len(Q.quotes(store, speaker="Abdramane")) == 1
    assert len(Q.quotes(store, speaker="NER")) == 1
    assert Q.quotes(store, speaker="USA") == []


def test_resolve_id_prefix(store):
    rec = niger_record()
    store.put(rec)
    assert store.resolve_id(rec.id[:6]) == rec.id
    with pytest.raises(StoreError):
        store.resolve_id("zz")
    with pytest.raises(StoreError):
        store.resolve_id("0000000000000000")


def test_stats(store):
    store.put(niger_record())
    st = Q.stats(store)
    assert st["counts"]["articles"] == 1 and st["counts"]["events"] == 1
    assert st["event_roots"] == [{"root": "16", "events": 1}]


def test_iter_records_in_chunks_equals_get(store):
    recs = [niger_record(url=f"https://example.org/{i}") for i in range(7)]
    for r in recs:
        store.put(r)
    assert list(store.iter_records(chunk=3)) == recs
    assert list(store.iter_records([recs[4].id, "0000000000000000", recs[1].id], chunk=2)) == [recs[4], recs[1]]


def test_a_new_migration_is_applied_once_and_recorded(tmp_path, monkeypatch):
    db = tmp_path / "mig.db"
    with Store(db) as s:
        s.put(niger_record())
    v2 = (schema.LATEST + 1, "test: a column for later", ["ALTER TABLE articles ADD COLUMN note TEXT"])
    before = [v for v, _, _ in schema.MIGRATIONS]
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, v2])
    monkeypatch.setattr(schema, "LATEST", v2[0])
    with Store(db) as s:
        assert s.schema_version() == v2[0]
        assert s.get(niger_record().id) == niger_record()  # data kept, extra column ignored
    with Store(db) as s:  # not applied twice
        assert [r[0] for r in s.conn.execute("SELECT version FROM migrations")] == [*before, v2[0]]


def test_a_failing_migration_rolls_back(tmp_path, monkeypatch):
    db = tmp_path / "bad.db"
    Store(db).close()
    v2 = (schema.LATEST + 1, "broken", ["CREATE TABLE half (x)", "THIS IS NOT SQL"])
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, v2])
    monkeypatch.setattr(schema, "LATEST", v2[0])
    with pytest.raises(StoreError, match=f"migration {v2[0]}"):
        Store(db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0
    assert conn.execute("SELECT max(version) FROM migrations").fetchone()[0] == v2[0] - 1


def test_tables_cover_every_record_field():
    import dataclasses

    from eventwire import record as R

    for name, fields in tables.COVERED_FIELDS.items():
        have = {f.name for f in dataclasses.fields(getattr(R, name))}
        assert have == set(fields.split()), f"{name}: record fields changed; update eventwire.tables (and the store)"


def test_v1_store_upgrades_to_latest_keeping_data(tmp_path, monkeypatch):
    db = tmp_path / "v1.db"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    monkeypatch.setattr(schema, "LATEST", 1)
    rec = Record(**{**niger_record().__dict__, "events": ()})
    with Store(db) as s:
        s.put(rec)
    monkeypatch.undo()
    with Store(db) as s:
        assert s.schema_version() == schema.LATEST
        assert s.get(rec.id) == rec
        full = niger_record()
        ev = full.events[0]
        with_mentions = Record(**{**full.__dict__, "events": (type(ev)(**{**ev.__dict__, "mentions": (
            Span("Niger", 0, 5),)}),)})
        s.put(with_mentions)
        assert s.get(rec.id) == with_mentions
