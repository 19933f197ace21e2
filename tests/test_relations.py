"""Relations: actors across articles, near-duplicate articles, event linking, dyad series and shifts.

The linking corpus (tests/data/linking_corpus.jsonl) is six short articles written for these tests: the same events
told by differently worded articles (and twice in one article), a syndicated copy, and look-alike events that are
distinct (same actors and code a month apart; same week but 700 km apart; same day but another CAMEO code; a
negated event). Each event carries its gold real-world event label; the records are built by hand so the test
measures linking, not extraction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from eventwire import relations
from eventwire.record import Actor, Event, EventDate, EventLocation, Extractor, Record, SentenceSpan, Span, record_id
from eventwire.relations import dedup, linking
from eventwire.store import Store

CORPUS = Path(__file__).parent / "data" / "linking_corpus.jsonl"
EX = Extractor("eventwire", "test", "none")
GOLDSTEIN = {"042": 1.9, "040": 1.0, "051": 3.4, "057": 8.0, "112": -2.0, "16": -4.0, "161": -4.0, "162": -5.6,
             "1622": -5.6, "166": -7.0}


def quad(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def find(text: str, needle: str, occurrence: int = 0) -> Span:
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    return Span(needle, at, at + len(needle))


def corpus() -> list[dict]:
    return [json.loads(x) for x in CORPUS.read_text(encoding="utf-8").splitlines() if x.strip()]


def build(item: dict) -> Record:
    text = item["text"]
    actors = tuple(Actor(a["id"], a["name"], a["kind"], country=a.get("country"), sector=a.get("sector"),
                         role=a.get("role"), mentions=tuple(find(text, m) for m in a["mentions"]))
                   for a in item["actors"])
    events = []
    for i, e in enumerate(item["events"]):
        trig = find(text, e["trigger"], e.get("occurrence", 0))
        s0 = text.rfind("\n", 0, trig.start) + 1
        s1 = text.find("\n", trig.end)
        date = None
        if e.get("date"):
            d = find(text, e["date"]["text"])
            date = EventDate(e["date"]["value"], e["date"]["granularity"], d.text, d.start, d.end)
        loc = None
        if e.get("place"):
            p = e["place"]
            sp = find(text, p["name"]) if p["name"] in text else Span(p["name"], 0, 0)
            loc = EventLocation(p["name"], p["country"], p["lat"], p["lon"], sp.start, sp.end)
        code = e["cameo"]
        events.append(Event(f"ev{i}", tuple(e["source"]), tuple(e["target"]), code, code[:2], None, None,
                            GOLDSTEIN[code], quad(code), trig, SentenceSpan(s0, len(text) if s1 < 0 else s1),
                            date=date, location=loc, negated=bool(e.get("negated"))))
    return Record(id=record_id(text, item["url"]), text=text, extractor=EX, url=item["url"], outlet=item["outlet"],
                  title=item["key"], published=item["published"], actors=actors, events=tuple(events))


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "rel.db")
    yield s
    s.close()


@pytest.fixture
def loaded(store):
    recs = {}
    for item in corpus():
        rec = build(item)
        store.put(rec)
        recs[item["key"]] = rec
    return store, recs


def grouping(store: Store, recs: dict[str, Record]) -> set[frozenset[tuple[str, int]]]:
    by_id = {r.id: k for k, r in recs.items()}
    return {frozenset((by_id[a], i) for a, i in ev["mentions"]) for ev in relations.linked_events(store)}


def gold_grouping() -> set[frozenset[tuple[str, int]]]:
    groups: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for item in corpus():
        for i, e in enumerate(item["events"]):
            if e["gold"]:
                groups[e["gold"]].add((item["key"], i))
    return {frozenset(g) for g in groups.values()}


# -- linking -------------------------------------------------------------------------------------------------------

def test_linking_merges_exactly_the_gold_events(loaded):
    store, recs = loaded
    assert grouping(store, recs) == gold_grouping()


def test_unlinked_mentions_say_why(loaded):
    store, recs = loaded
    st = {(r["article_id"], r["event_idx"]): r["status"] for r in store.conn.execute(
        "SELECT article_id, event_idx, status FROM rel_mentions")}
    assert st[(recs["paper2"].id, 2)] == "negated"
    assert st[(recs["wire1-copy"].id, 0)] == st[(recs["wire1-copy"].id, 1)] == "copy"
    assert st[(recs["wire1"].id, 0)] == "linked"


def test_linked_event_counts_and_best_dated_mention(loaded):
    store, recs = loaded
    evs = {frozenset((a, i) for a, i in e["mentions"]): e for e in relations.linked_events(store)}
    e1 = evs[frozenset({(recs["wire1"].id, 0), (recs["wire1"].id, 2), (recs["paper2"].id, 0),
                        (recs["pentagon"].id, 0)})]
    assert (e1["num_mentions"], e1["num_articles"], e1["num_sources"]) == (4, 3, 3)
    assert (e1["best_article_id"], e1["best_event_idx"]) == (recs["wire1"].id, 0)
    assert (e1["day"], e1["dated_by"], e1["cameo"], e1["goldstein"]) == ("2024-03-16", "event", "1622", -5.6)
    # A month-dated mention joined by a day-dated one takes the day.
    e4 = evs[frozenset({(recs["paper2"].id, 4), (recs["tehran"].id, 0)})]
    assert (e4["day"], e4["date_granularity"], e4["best_article_id"]) == ("2024-01-16", "day", recs["tehran"].id)


def test_syndicated_copy_is_marked_and_not_counted(loaded):
    store, recs = loaded
    rows = {r[0]: r[1] for r in store.conn.execute("SELECT article_id, copy_of FROM rel_articles")}
    assert rows[recs["wire1-copy"].id] == recs["wire1"].id
    assert [k for k, r in recs.items() if rows[r.id]] == ["wire1-copy"]


def test_near_duplicate_rule():
    a = ("the junta in niamey said on saturday that it had suspended the military agreement with washington "
         "with immediate effect and asked american troops to leave the country within weeks")
    edited = a.replace("said on saturday", "announced on Saturday").replace("within weeks", "soon")
    other = ("iran and niger signed three memoranda on energy and trade during a visit by the prime minister "
             "to tehran where he met the president and praised the country's resistance to sanctions")
    assert dedup.containment(dedup.shingles(a), dedup.shingles(edited)) >= dedup.THRESHOLD
    assert dedup.containment(dedup.shingles(a), dedup.shingles(other)) < 0.1


def test_incremental_equals_rebuild_and_reprocess_is_idempotent(loaded):
    store, recs = loaded
    before = grouping(store, recs)
    n = store.conn.execute("SELECT count(*) FROM rel_events").fetchone()[0]
    store.replace_record(recs["paper2"])  # the reprocess path: delete + insert in one transaction
    assert grouping(store, recs) == before
    assert relations.find_actors(store, "CNSP")[0]["articles"] == 4
    assert relations.rebuild(store.conn) == len(recs)
    assert grouping(store, recs) == before
    assert store.conn.execute("SELECT count(*) FROM rel_events").fetchone()[0] == n


def test_linking_rule_units():
    assert linking.codes_agree("16", "1622") and linking.codes_agree("040", "042")
    assert not linking.codes_agree("162", "166") and not linking.codes_agree("042", "043")
    assert linking.stem("suspended") == linking.stem("suspends") == linking.stem("suspension")
    assert linking.parse_date("2024-03-13", "week")[2:] == ("2024-03-11", "2024-03-17")
    assert linking.parse_date("2024-02", "month") == ("2024-02-01", "month", "2024-02-01", "2024-02-29")
    assert linking.parse_date("2024-13", "month") is None


# -- actors across articles ----------------------------------------------------------------------------------------

def test_actor_is_one_across_articles(loaded):
    store, recs = loaded
    cnsp = relations.find_actors(store, "CNSP")
    assert len(cnsp) == 1 and cnsp[0]["articles"] == 4  # wire1, its copy, paper2, pentagon
    assert cnsp[0]["name"] == "National Council for the Safeguard of the Homeland"
    zeine = relations.find_actors(store, "Zeine")
    assert len(zeine) == 1 and zeine[0]["articles"] == 3  # "Zeine" alone joins the full name by surname
    did = relations.actor_events(store, "CNSP", role="source")
    assert {e["cameo"] for e in did} == {"1622", "166"}
    # Groups with different names stay apart.
    assert len(relations.find_actors(store, "American officials")) == 1
    assert relations.find_actors(store, "American officials")[0]["id"] != \
        relations.find_actors(store, "United States delegation")[0]["id"]


def test_actor_quotes_across_articles(store):
    text1 = "\u201cWe will leave,\u201d said Sabrina Singh, the Pentagon press secretary, on Monday."
    text2 = "Singh told reporters: \u201cTalks continue.\u201d Sabrina Singh spoke in Washington."
    from eventwire.record import Quote

    for text, q in ((text1, "We will leave,"), (text2, "Talks continue.")):
        mentions = tuple(find(text, m) for m in ("Sabrina Singh", "Singh") if m in text)
        a = Actor("a1", "Sabrina Singh", "person", country="USA", sector="MIL", mentions=mentions)
        qs = find(text, q)
        store.put(Record(id=record_id(text), text=text, extractor=EX, actors=(a,),
                         quotes=(Quote("q1", q, qs.start, qs.end, True, "a1"),)))
    said = relations.actor_quotes(store, "Sabrina Singh")
    assert [q["text"] for q in said] == ["We will leave,", "Talks continue."]


# -- dyads and shifts ----------------------------------------------------------------------------------------------

def test_dyad_series_month(loaded):
    store, _ = loaded
    rows = relations.dyad_series(store, "NER", "USA", by="month")
    assert [r["period"] for r in rows] == ["2024-03"]
    r = rows[0]
    # E1 suspend (-5.6), E7 expel (-7), E9 accuse (-2), E2 visit (+1.9), E6 Agadez visit (+1.9)
    assert r["events"] == 5 and r["goldstein_sum"] == pytest.approx(-10.8)
    assert (r["quad1"], r["quad3"], r["quad4"]) == (2, 1, 2)
    assert r["conflict_share"] == pytest.approx(0.6)
    assert (r["dated_by_event"], r["dated_by_publication"]) == (4, 1)
    a2b = relations.dyad_series(store, "NER", "USA", direction="a2b")
    b2a = relations.dyad_series(store, "NER", "USA", direction="b2a")
    assert a2b[0]["events"] == 3 and b2a[0]["events"] == 2 and a2b[0]["direction"] == "a2b"
    assert relations.dyad_summary(store, "NER", "IRN")["goldstein_mean"] > 0


def test_dyad_series_placement_by_day_and_week(loaded):
    store, _ = loaded
    days = {r["period"]: r for r in relations.dyad_series(store, "NER", "IRN", by="day")}
    # October 2023 (month-dated) sits on the month's first day, flagged coarse.
    assert days["2023-10-01"]["coarse_dated"] == 1
    assert days["2024-01-16"]["events"] == 1 and days["2024-01-16"]["coarse_dated"] == 0
    weeks = [r["period"] for r in relations.dyad_series(store, "NER", "IRN", by="week")]
    assert "2024-01-15" in weeks and "2024-02-26" in weeks  # Mondays
    usa_days = {r["period"]: r for r in relations.dyad_series(store, "USA", "NER", by="day")}
    assert usa_days["2024-03-11"]["coarse_dated"] == 1  # the week-dated visit
    assert usa_days["2024-03-17"]["dated_by_publication"] == 1 and usa_days["2024-03-17"]["coarse_dated"] == 0
    limited = relations.dyad_series(store, "NER", "IRN", by="month", since="2024-01", until="2024-01")
    assert [r["period"] for r in limited] == ["2024-01"]


def test_relations_by_actor_name(loaded):
    store, _ = loaded
    rows = relations.dyad_series(store, "CNSP", "USA", direction="a2b")
    assert rows and rows[0]["events"] == 2  # suspend and expel; the spokesman's accusation is his own
    by_name = relations.dyad_series(store, "Niger", "the United States")
    assert by_name == relations.dyad_series(store, "NER", "USA")  # a country's name means the country


def test_shifts(loaded):
    store, _ = loaded
    rows = {r["partner"]: r for r in relations.shifts(store, "NER", split="2024-03-01")}
    usa, irn = rows["USA"], rows["IRN"]
    assert usa["trend"] == "colder" and usa["before_events"] == 0 and usa["after_events"] == 5
    assert usa["change"] == pytest.approx(-10.8 / 5, abs=1e-3)
    assert usa["top_events"][0]["cameo"] == "166"  # the expulsion moved it most
    assert irn["after_events"] == 0 and irn["trend"] == "steady" and irn["change"] is None
    early = {r["partner"]: r for r in relations.shifts(store, "NER", split="2024-01-10")}
    assert early["IRN"]["before_events"] == 1 and early["IRN"]["trend"] == "warmer"
    keys = {"partner", "before_score", "after_score", "change", "before_events", "after_events", "trend",
            "top_events"}
    assert keys <= set(early["IRN"])


def test_bad_input_is_a_store_error(loaded):
    from eventwire.errors import StoreError

    store, _ = loaded
    with pytest.raises(StoreError):
        relations.dyad_series(store, "NER", "USA", by="year")
    with pytest.raises(StoreError):
        relations.dyad_series(store, "NER", "USA", since="March")
    with pytest.raises(StoreError):
        relations.dyad_series(store, "NER", "Nobody At All")


def test_api_catches_up_on_articles_not_yet_linked(loaded):
    store, _ = loaded
    want = relations.dyad_series(store, "NER", "USA")
    for t in relations.update.REL_TABLES:
        store.conn.execute(f"DELETE FROM {t}")
    assert relations.pending(store.conn)
    assert relations.dyad_series(store, "NER", "USA") == want
    assert not relations.pending(store.conn)
