"""The `relations` and `shifts` commands over a store holding the linking corpus."""

from __future__ import annotations

import csv
import io
import json

import pytest

from eventwire.cli import main
from eventwire.store import Store
from test_relations import build, corpus

ROW_KEYS = ["period", "direction", "events", "goldstein_sum", "goldstein_mean", "conflict_share", "quad1", "quad2",
            "quad3", "quad4", "dated_by_event", "dated_by_publication"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "rel.db"
    with Store(path) as s:
        for item in corpus():
            s.put(build(item))
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_relations_json_rows(db, capsys):
    code, out, _ = run(capsys, "relations", "NER", "USA", "--db", db, "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1
    assert set(ROW_KEYS) <= set(rows[0]) and rows[0]["direction"] == "both" and rows[0]["period"] == "2024-03"
    code, out, _ = run(capsys, "relations", "NER", "IRN", "--db", db, "--format", "json", "--by", "week",
                       "--direction", "a2b")
    rows = json.loads(out)
    assert all(r["direction"] == "a2b" for r in rows)
    assert [r["period"] for r in rows] == ["2023-09-25", "2024-01-15", "2024-02-26"]


def test_relations_csv_and_table(db, capsys):
    code, out, _ = run(capsys, "relations", "USA", "NER", "--db", db, "--format", "csv", "--by", "day")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and set(ROW_KEYS) <= set(rows[0])
    code, out, _ = run(capsys, "relations", "NER", "USA", "--db", db)
    assert code == 0 and "goldstein_mean" in out and "2024-03" in out


def test_shifts_json_and_table(db, capsys):
    code, out, _ = run(capsys, "shifts", "--country", "NER", "--split", "2024-03-01", "--db", db, "--format", "json")
    rows = json.loads(out)
    assert code == 0
    usa = next(r for r in rows if r["partner"] == "USA")
    assert usa["trend"] == "colder" and usa["top_events"]
    for key in ("partner", "before_score", "after_score", "change", "before_events", "after_events", "trend",
                "top_events"):
        assert key in usa
    code, out, _ = run(capsys, "shifts", "--country", "NER", "--db", db)
    assert code == 0 and "Turned cooperative" in out and "Turned hostile" in out


def test_errors_are_one_line(db, capsys, tmp_path):
    code, _, err = run(capsys, "relations", "NER", "USA", "--db", db, "--since", "last year")
    assert code == 2 and err.startswith("eventwire: error:") and err.count("\n") == 1
    code, _, err = run(capsys, "relations", "NER", "--db", db)
    assert code == 2 and "give two" in err
    code, _, err = run(capsys, "shifts", "--country", "NER", "--db", str(tmp_path / "missing.db"))
    assert code == 2 and "no such store" in err


def test_catch_up_of_articles_stored_before_relations(tmp_path, capsys):
    path = tmp_path / "old.db"
    with Store(path) as s:
        for item in corpus():
            s.put(build(item))
        before = s.conn.execute("SELECT count(*) FROM rel_events").fetchone()[0]
        # As if the articles had been stored before the relations migration existed.
        for t in ("rel_sides", "rel_mentions", "rel_events", "rel_sketch", "rel_articles", "rel_actor_links",
                  "rel_aliases", "rel_actors"):
            s.conn.execute(f"DELETE FROM {t}")
    code, out, err = run(capsys, "relations", "NER", "USA", "--db", str(path), "--format", "json")
    assert code == 0 and "linked 6 articles" in err and json.loads(out)[0]["events"] == 5
    with Store(path, readonly=True) as s:
        assert s.conn.execute("SELECT count(*) FROM rel_events").fetchone()[0] == before
    code, _, err = run(capsys, "relations", "--rebuild", "--db", str(path))
    assert code == 0 and "rebuilt from 6 articles" in err


def test_help_mentions_options(capsys):
    with pytest.raises(SystemExit):
        main(["relations", "--help"])
    out = capsys.readouterr().out
    assert "--direction" in out and "--by" in out
    with pytest.raises(SystemExit):
        main(["shifts", "--help"])
    assert "--split" in capsys.readouterr().out
