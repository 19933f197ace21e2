"""The store commands end to end: ingest, search, events, quotes, show, stats, reprocess (real processes)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.cli import build_parser
from eventwire.record import Extractor
from eventwire.runners import PipelineConfig, get_pipeline
from eventwire.store import Store
from eventwire.store.reprocess import reprocess, select_ids
from test_store import niger_record

EW = str(Path(sys.executable).parent / "eventwire")
STORE_COMMANDS = ["ingest", "search", "events", "quotes", "show", "stats", "reprocess", "export"]


def ew(*args: str, env_db: str | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ)
    if env_db:
        env["EVENTWIRE_DB"] = env_db
    return subprocess.run([EW, *args], capture_output=True, text=True, timeout=300, env=env, input=stdin)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.db"
    with Store(path) as s:
        s.put(niger_record())
    return str(path)


@pytest.mark.parametrize("cmd", STORE_COMMANDS)
def test_every_command_has_help(cmd):
    parser = build_parser()
    with pytest.raises(SystemExit) as e:
        parser.parse_args([cmd, "--help"])
    assert e.value.code == 0


def test_events_json_inlines_actors(db):
    r = ew("events", "--source", "NERGOV", "--format", "json", "--db", db)
    assert r.returncode == 0, r.stderr
    evs = json.loads(r.stdout)
    assert len(evs) == 1 and evs[0]["article_id"] == niger_record().id
    assert evs[0]["source"][0]["name"] == "Niger" and evs[0]["target"][0]["country"] == "USA"
    t = niger_record().text
    assert evs[0]["trigger"] == {"text": "suspended", "start": t.index("suspended"), "end": t.index("suspended") + 9}


def test_events_table_and_csv(db):
    r = ew("events", "--actor", "USA", "--root", "16", "--since", "2024-01-01", env_db=db)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split()[:3] == ["date", "source", "src_code"]
    assert "Niger" in lines[2] and "NERGOV" in lines[2] and "163" in lines[2]
    widths = {len(ln) for ln in lines[:3]}
    assert max(widths) <= 200
    c = ew("events", "--format", "csv", "--db", db)
    assert c.stdout.splitlines()[0].startswith("article_id,event_id,date,cameo")
    none = ew("events", "--target", "NER", "--db", db)
    assert none.returncode == 0 and none.stdout == "" and "nothing found" in none.stderr


def test_search_quotes_show_stats(db):
    s = ew("search", "defense agreement", "--db", db)
    assert s.returncode == 0 and niger_record().id in s.stdout
    q = ew("quotes", "--speaker", "Abdramane", "--format", "json", "--db", db)
    assert json.loads(q.stdout)[0]["text"] == "The agreement is unjust,"
    sh = ew("show", niger_record().id[:8], "--db", db)
    assert sh.returncode == 0 and "Niger suspends pact" in sh.stdout
    js = ew("show", niger_record().id, "--format", "json", "--db", db)
    assert json.loads(js.stdout)["id"] == niger_record().id
    st = ew("stats", "--format", "json", "--db", db)
    assert json.loads(st.stdout)["counts"]["events"] == 1


@pytest.mark.parametrize("args", [
    ["show", "ffffffffffffffff"], ["show", "'; DROP TABLE articles; --"], ["events", "--root", "33"],
    ["events", "--since", "yesterday"], ["search", "\"\"\""], ["stats", "--db", "/nonexistent/dir/x.db"],
])
def test_bad_queries_are_one_line_errors(db, args):
    r = ew(*args, env_db=db)
    assert r.returncode == 2
    assert r.stderr.startswith("eventwire: error:") and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 2


def test_missing_store_is_a_clear_error(tmp_path):
    r = ew("events", "--db", str(tmp_path / "none.db"))
    assert r.returncode == 2 and "no such store" in r.stderr
    assert not (tmp_path / "none.db").exists()


def test_ingest_stdin_and_default_db_env(tmp_path):
    db = tmp_path / "env.db"
    text = ("The president of Kenya met the prime minister of India in Nairobi on Monday to discuss trade, "
            "officials said.")
    r = ew("ingest", "-", env_db=str(db), stdin=text)
    assert r.returncode == 0, r.stderr
    assert "1 added" in r.stderr
    with Store(db) as s:
        assert s.counts()["articles"] == 1


@pytest.fixture(scope="module")
def cfg():
    c = PipelineConfig()
    get_pipeline(c)
    return c


def test_reprocess_reports_changes_and_rewrites_atomically(tmp_path, cfg, founding):
    pipe = get_pipeline(cfg)
    fresh = pipe.extract(founding["text"], published=founding["expected"]["published"])
    assert fresh.events, "the founding article has events"
    # Pretend an older extractor stored it: it coded the first event differently and missed the last one.
    first = fresh.events[0]
    stale = replace(first, id="old1", cameo="010" if first.cameo != "010" else "020",
                    cameo_root="01" if first.cameo != "010" else "02")
    old = replace(fresh, extractor=Extractor("eventwire", "0.0.1", fresh.extractor.model),
                  events=(stale,) + fresh.events[1:-1] if len(fresh.events) > 1 else (stale,))
    expect_added = 2 if len(fresh.events) > 1 else 1
    with Store(tmp_path / "r.db") as s:
        s.put(old)
        assert select_ids(s, outdated_version=fresh.extractor.version) == [old.id]
        assert select_ids(s, where="published >= '2025-01-01'") == []
        dry = reprocess(s, [old.id], cfg, dry_run=True)
        assert s.get(old.id) == old
        rep = reprocess(s, [old.id], cfg)
        assert s.get(old.id) == fresh
        assert dry.events_added == rep.events_added and dry.events_removed == rep.events_removed
        assert rep.events_removed == 1
        assert rep.events_added == expect_added
        again = reprocess(s, [old.id], cfg)
        assert again.changed == [] and s.get(old.id) == fresh
        assert select_ids(s, outdated_version=fresh.extractor.version) == []


def test_reprocess_bad_where_is_clear(db):
    r = ew("reprocess", "--where", "no_such_column = 1", "--db", db)
    assert r.returncode == 2 and "bad --where" in r.stderr


def test_render_table_fits_and_aligns():
    from eventwire.cli._db import render_table

    rows = [["2024-03-18", "Niger", "x" * 300], ["2024-03-19", "United States of America", "short"]]
    out = render_table(["date", "source", "quote"], rows, width=80, flex=["source", "quote"]).splitlines()
    assert all(len(ln) <= 80 for ln in out)
    assert out[2].index("Niger") == out[3].index("United") == out[0].index("source")
    assert out[2].rstrip().endswith("…")
    wide = render_table(["date", "source", "quote"], rows, width=None, flex=["quote"]).splitlines()
    assert "x" * 300 in wide[2]
