"""Exports: GDELT rows have 61 fields, PLOVER lines carry the required fields, Parquet and CSV read back."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from eventwire import tables
from eventwire.errors import EventwireError
from eventwire.export import GDELT_COLUMNS, PLOVER_REQUIRED, export
from eventwire.record import Record
from eventwire.store import Store
from strategies import records
from test_store import niger_record

EW = str(Path(sys.executable).parent / "eventwire")


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "e.db")
    rec = niger_record()
    ev = rec.events[0]
    no_plover = replace(ev, id="ev2", cameo="010", cameo_root="01", plover=None, plover_mode=None, date=None,
                        location=None)
    negated = replace(ev, id="ev3", negated=True)
    untargeted = replace(ev, id="ev4", target=(), source=("a1", "a3"))
    s.put(replace(rec, events=(ev, no_plover, negated, untargeted)))
    s.put(niger_record(url="https://example.org/tab\there"))
    yield s
    s.close()


def test_gdelt_rows_have_61_fields(store, tmp_path):
    out = tmp_path / "g.tsv"
    rep = export(store, "gdelt", str(out))
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    rows = [ln.split("\t") for ln in lines[:-1]]
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[-1] == "SOURCEURL"
    assert rows and all(len(r) == 61 for r in rows)
    assert rep.left_out == {"negated": 1} and rep.written == len(rows) == 5
    first = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    assert first["SQLDATE"] == "20240316" and first["MonthYear"] == "202403" and first["Year"] == "2024"
    assert first["Actor1Code"] == "NERGOV" and first["Actor1CountryCode"] == "NER"
    assert first["Actor2Name"] == "UNITED STATES" and first["EventCode"] == "163"
    assert first["EventRootCode"] == "16" and first["QuadClass"] == "4" and first["GoldsteinScale"] == "-4.0"
    assert first["ActionGeo_FullName"] == "Niamey" and first["ActionGeo_Lat"] == "13.5000"
    assert first["SOURCEURL"] == "https://example.org/niger" and first["IsRootEvent"] == "1"
    assert len(first["DATEADDED"]) == 14 and first["DATEADDED"].isdigit()
    ids = [r[0] for r in rows]
    assert len(set(ids)) == len(ids)
    untargeted = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows if r[GDELT_COLUMNS.index("Actor2Code")] == ""]
    assert len(untargeted) >= 2  # one row per source actor, no Actor2
    # the tab inside a URL does not add a column
    assert any(r[-1] == "https://example.org/tab here" for r in rows)


def test_plover_lines_carry_required_fields(store, tmp_path):
    out = tmp_path / "p.jsonl"
    rep = export(store, "plover", str(out))
    objs = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert rep.written == len(objs) == 3
    assert rep.left_out == {"no PLOVER type": 1, "negated": 1}
    for o in objs:
        for k in PLOVER_REQUIRED:
            assert k in o and o[k] not in (None, [], "")
        assert o["event"] == ["REDUCE"] and o["mode"] == ["aid"]
        assert all("code" in a for a in o["actor"])
    assert objs[0]["actor"][0] == {"code": "NER", "sector": "GOV", "entity_text": "Niger", "identifier_text": "Niger",
                                   "cameo": "NERGOV"}
    assert objs[0]["date"] == "2024-03-16" and objs[0]["event_loc"]["resolved_place"] == "Niamey"
    every = tmp_path / "all.jsonl"
    rep2 = export(store, "plover", str(every), include_uncertain=True)
    assert rep2.written == 4


def test_jsonl_records_read_back(store, tmp_path):
    out = tmp_path / "r.jsonl"
    export(store, "jsonl", str(out))
    back = [Record.from_json(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert [r.id for r in back] == store.ids()
    assert back[0] == store.get(back[0].id)


def test_parquet_reads_back_to_the_same_records(store, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "pq"
    export(store, "parquet", str(out))
    rows = {t: pq.read_table(out / f"{t}.parquet").to_pylist() for t in tables.TABLES}
    assert len(rows["articles"]) == 2 and len(rows["events"]) == 5
    for aid in store.ids():
        mine = {t: [r for r in rs if r.get("article_id", r.get("id")) == aid] for t, rs in rows.items()}
        mine["articles"] = [r for r in rows["articles"] if r["id"] == aid]
        assert tables.from_rows(mine) == store.get(aid)


def test_csv_tables(store, tmp_path):
    out = tmp_path / "csv"
    rep = export(store, "csv", str(out))
    assert sorted(Path(f).name for f in rep.files) == sorted(f"{t}.csv" for t in tables.TABLES)
    with open(out / "events.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 5 and rows[0]["cameo"] == "163" and rows[0]["negated"] == "False"
    with open(out / "articles.csv", encoding="utf-8", newline="") as fh:
        arts = list(csv.DictReader(fh))
    assert {a["text"] for a in arts} == {store.get(x).text for x in store.ids()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rec=records())
def test_any_record_exports_cleanly(tmp_path_factory, rec):
    import pyarrow.parquet as pq

    d = tmp_path_factory.mktemp("x")
    with Store(d / "x.db") as s:
        s.put(rec)
        export(s, "gdelt", str(d / "g.tsv"), include_uncertain=True)
        export(s, "parquet", str(d / "pq"))
        export(s, "plover", str(d / "p.jsonl"))
    for line in (d / "g.tsv").read_text(encoding="utf-8").split("\n")[:-1]:
        assert len(line.split("\t")) == 61
    n_rows = sum(max(1, len(e.source)) * max(1, len(e.target)) for e in rec.events)
    assert len((d / "g.tsv").read_text(encoding="utf-8").split("\n")) - 1 == n_rows
    back = {t: pq.read_table(d / "pq" / f"{t}.parquet").to_pylist() for t in tables.TABLES}
    assert tables.from_rows(back) == rec
    for line in (d / "p.jsonl").read_text(encoding="utf-8").splitlines():
        o = json.loads(line)
        assert all(o.get(k) for k in PLOVER_REQUIRED)


def test_export_errors_are_clear(store, tmp_path):
    with pytest.raises(EventwireError, match="is a folder"):
        export(store, "gdelt", str(tmp_path))
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(EventwireError, match="not a folder"):
        export(store, "csv", str(f))


def test_export_cli(store, tmp_path):
    out = tmp_path / "cli.tsv"
    r = subprocess.run([EW, "export", "--format", "gdelt", "--out", str(out), "--db", store.path],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "5 rows from 2 articles" in r.stderr and "1 negated" in r.stderr
    r = subprocess.run([EW, "export", "--format", "gdelt", "--out", str(tmp_path / "no" / "x.tsv"), "--db",
                        store.path], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stderr.startswith("eventwire: error:") and "Traceback" not in r.stderr
