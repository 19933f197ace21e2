"""`eventwire extract` as a user runs it: real subprocesses, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EW = [sys.executable, "-m", "eventwire.cli"]
ARTICLE = ("Estonia expelled a Russian diplomat on Tuesday, the foreign ministry in Tallinn said.\n"
           "Russia's foreign ministry condemned the decision.")


def run(args, stdin: bytes | None = None):
    p = subprocess.run(EW + args, input=stdin, capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err, err


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_extract_file_prints_one_json_record(article):
    code, out, err = run(["extract", str(article), "--published", "2024-02-14", "--url", "https://x.test/a",
                          "--title", "T"])
    assert code == 0, err
    rec = json.loads(out)
    assert rec["schema"] == "eventwire.record/1"
    assert rec["published"] == "2024-02-14" and rec["url"] == "https://x.test/a" and rec["title"] == "T"
    assert rec["text"] == ARTICLE
    for key in ("entities", "actors", "times", "places", "quotes", "events"):
        assert isinstance(rec[key], list)


def test_extract_stdin_and_text_format():
    code, out, err = run(["extract", "-", "--format", "text"], stdin=ARTICLE.encode())
    assert code == 0, err
    assert out.startswith("== ")


def test_same_text_same_id_whichever_command(article, tmp_path):
    _, out1, _ = run(["extract", str(article)])
    jl = tmp_path / "in.jsonl"
    jl.write_text(json.dumps({"id": "x1", "text": ARTICLE}) + "\n", encoding="utf-8")
    _, out2, _ = run(["extract", "--jsonl", str(jl)])
    r1, r2 = json.loads(out1), json.loads(out2)
    assert r1["id"] == r2["id"] and r2["input_id"] == "x1"


@pytest.mark.parametrize("content, needle", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x00\x01\x02binary\x00\xff", "binary"),
    (b"caf\xe9 au lait was served", "invalid UTF-8"),
])
def test_bad_files_give_one_line_errors(tmp_path, content, needle):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    code, out, err = run(["extract", str(p)])
    assert code == 2 and out == ""
    _no_traceback(err)
    assert needle in err and str(p) in err
    assert len(err.strip().splitlines()) == 1


def test_missing_path(tmp_path):
    code, _, err = run(["extract", str(tmp_path / "nope.txt")])
    assert code == 2 and "no such file" in err
    _no_traceback(err)


def test_bad_date_is_a_usage_error(article):
    code, _, err = run(["extract", str(article), "--published", "18/03/2024"])
    assert code == 2 and "YYYY-MM-DD" in err
    _no_traceback(err)


def test_over_the_size_limit(article):
    code, _, err = run(["extract", str(article), "--max-chars", "50"])
    assert code == 2 and "over the limit" in err
    _no_traceback(err)


def test_other_language_is_refused(tmp_path):
    p = tmp_path / "fr.txt"
    p.write_text("Le gouvernement du Niger a dénoncé samedi l'accord de coopération militaire avec les États-Unis, "
                 "a annoncé le porte-parole du gouvernement à la télévision nationale.", encoding="utf-8")
    code, out, err = run(["extract", str(p)])
    assert code == 2 and out == ""
    assert "language fr is not supported yet" in err


def test_jsonl_partial_failure_keeps_order_and_reports_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": ARTICLE, "published": "2024-02-14"}),
        "{not json",
        json.dumps({"id": "b", "text": "Le président a parlé hier soir devant le parlement réuni à Paris."}),
        json.dumps({"id": "c", "text": "Germany and Finland said they supported Estonia.", "published": "2024-13-01"}),
        json.dumps({"id": "d", "text": "Germany and Finland said they supported Estonia."}),
        json.dumps({"id": "e"}),
    ]
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(["extract", "--jsonl", str(p)])
    assert code == 1
    _no_traceback(err)
    ids = [json.loads(x)["input_id"] for x in out.splitlines()]
    assert ids == ["a", "d"]
    assert f"{p}:2" in err and "malformed JSON" in err
    assert f"{p}:3" in err and "language fr" in err
    assert f"{p}:4" in err and "date" in err
    assert f"{p}:6" in err and "text" in err


def test_jsonl_all_bad_exits_2(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text("{bad\n[1,2]\n", encoding="utf-8")
    code, out, err = run(["extract", "--jsonl", str(p)])
    assert code == 2 and out == ""
    _no_traceback(err)


def test_unknown_actor_file_is_a_clear_error(article, tmp_path):
    code, _, err = run(["extract", str(article), "--actors", str(tmp_path / "none.tsv")])
    assert code == 2 and "actor file not found" in err
    _no_traceback(err)


def test_help_for_every_command():
    from eventwire.cli import COMMANDS

    for name in COMMANDS:
        code, out, err = run([name, "--help"])
        assert code == 0 and "usage:" in out, (name, err)
