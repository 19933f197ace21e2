"""eventwire batch: partitioned, resumable extraction into Parquet datasets, on a local pool and on a real Dask
LocalCluster with 2 workers; checked against `eventwire extract --jsonl` on the same input."""

from __future__ import annotations

import collections
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.errors import InputError

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

TIMEOUT = 600  # seconds for one batch subprocess; the machine is shared, so this is generous

ACTORS = ["President Joe Biden", "Chinese President Xi Jinping", "Russian Foreign Minister Sergei Lavrov",
          "the United Nations", "NATO", "Iranian officials", "the European Union", "Prime Minister Narendra Modi",
          "Ukrainian President Volodymyr Zelensky", "Turkish President Recep Tayyip Erdogan", "the Israeli army",
          "Egyptian mediators", "German Chancellor Olaf Scholz", "the African Union"]
VERBS = ["met", "criticized", "accused", "praised", "threatened", "signed an agreement with", "called on",
         "condemned", "held talks with", "warned"]
PLACES = ["Beijing", "Moscow", "Geneva", "Kyiv", "Ankara", "New Delhi", "Brussels", "Cairo", "Nairobi", "Paris"]
WHEN = ["on Monday", "on Tuesday", "last week", "on March 3", "yesterday", "on Friday"]
DATES = ["2024-01-15", "2024-02-03", "2024-03-18", None, "2023-12-30"]


def make_articles(n: int, seed: int = 7) -> list[dict]:
    """n distinct short English news articles (templated, seeded), some with a publication date."""
    rnd = random.Random(seed)
    arts = []
    for i in range(n):
        a, b = rnd.sample(ACTORS, 2)
        place, when = rnd.choice(PLACES), rnd.choice(WHEN)
        s = [f"{a[0].upper() + a[1:]} {rnd.choice(VERBS)} {b} in {place} {when}.",
             f"The meeting lasted {i % 9 + 2} hours and {i + 3} delegates attended, officials said."]
        if i % 3 == 0:
            s.append(f'"We will not accept threats against our people," {a} said after the talks in {place}.')
        if i % 4 == 1:
            s.append(f"{b[0].upper() + b[1:]} later rejected the proposal, according to state media.")
        arts.append({"id": f"art-{i}", "text": "\n".join(s), "published": DATES[i % len(DATES)],
                     "url": f"https://news.example.org/{i}", "title": f"Story {i}", "outlet": "Example News"})
    return arts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """a.jsonl (200 articles and 3 bad lines) + b.parquet (120 articles, 2 row groups, date32 published)."""
    d = tmp_path_factory.mktemp("batch-in")
    arts = make_articles(320)
    ja, pa_rows = arts[:200], arts[200:]
    lines = [json.dumps(a) for a in ja]
    lines.insert(17, "{not json")
    lines.insert(60, "")  # blank: skipped, not a failure
    lines.insert(101, json.dumps({"id": "no-text", "title": "headline only"}))
    lines.insert(150, json.dumps({"text": "   "}))  # empty article: a failure with its reason
    (d / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    import datetime as dt

    cols = {k: [a[k] for a in pa_rows] for k in ("id", "text", "url", "title", "outlet")}
    cols["published"] = [dt.date.fromisoformat(a["published"]) if a["published"] else None for a in pa_rows]
    table = pa.table({**cols, "published": pa.array(cols["published"], pa.date32())})
    pq.write_table(table, d / "b.parquet", row_group_size=60)
    # The reference: the same articles through `eventwire extract --jsonl`.
    ref_in = d / "all.jsonl"
    ref_in.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "eventwire", "extract", "--jsonl", str(ref_in)], capture_output=True,
                       text=True, timeout=TIMEOUT)
    assert p.returncode in (0, 1), p.stderr[-2000:]
    ref = [json.loads(x) for x in p.stdout.splitlines() if x.strip()]
    assert len(ref) > 250  # nearly every templated article is English and gives a record
    return {"dir": d, "inputs": [str(d / "a.jsonl"), str(d / "b.parquet")], "reference": ref, "articles": arts}


def batch_cmd(inputs: list[str], out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "eventwire", "batch", *inputs, "--out", str(out), "--quiet", *extra]


def run_batch_cli(inputs: list[str], out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(batch_cmd(inputs, out, *extra), capture_output=True, text=True, timeout=TIMEOUT)


def canon(rec: dict) -> str:
    return json.dumps(rec, sort_keys=True)


def output_records(out: Path) -> list[dict]:
    from eventwire.scale import read_records

    return [json.loads(r.to_json()) for r in read_records(out)]


def check_same_as_reference(out: Path, corpus: dict) -> None:
    got = output_records(out)
    assert collections.Counter(map(canon, got)) == collections.Counter(map(canon, corpus["reference"]))
    # hive partitions: month=YYYY-MM from the publication date, month=unknown without one
    import pyarrow.dataset as ds

    t = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table(columns=["published", "month"])
    for row in t.to_pylist():
        assert row["month"] == (row["published"][:7] if row["published"] else "unknown")
    assert {r["month"] for r in t.to_pylist()} == {"2024-01", "2024-02", "2024-03", "2023-12", "unknown"}
    for table in ("entities", "actors", "times", "places", "quotes", "events", "mentions", "event_actors"):
        assert (out / table).is_dir(), table
        ds.dataset(out / table, format="parquet", partitioning="hive").to_table()  # readable, one schema


def check_failures(out: Path, corpus: dict) -> None:
    from eventwire.scale import read_failures

    fails = read_failures(out)
    a = corpus["inputs"][0]
    keyed = {(f["input"], f["row"]): f["reason"] for f in fails}
    assert len(keyed) == len(fails), "a failure written twice"
    assert "malformed JSON" in keyed[(a, 18)]
    assert "text" in keyed[(a, 102)]
    assert "empty" in keyed[(a, 151)]
    n_ok = len(corpus["reference"])
    # every input row is a record or a failure, nothing dropped silently
    assert n_ok + len(fails) == len(corpus["articles"]) + 3


@pytest.mark.slow
def test_dask_localcluster_two_workers_same_records_as_extract(corpus, tmp_path):
    out = tmp_path / "out"
    p = run_batch_cli(corpus["inputs"], out, "--engine", "dask", "--workers", "2", "--partition-rows", "40")
    assert p.returncode == 1, p.stderr[-3000:]  # 1: some rows failed (the bad lines), all else done
    assert "0 failed)" in p.stderr
    check_same_as_reference(out, corpus)
    check_failures(out, corpus)
    markers = [json.loads(f.read_text()) for f in (out / "_partitions").glob("*.json")]
    assert len({m["result"]["pid"] for m in markers}) == 2, "both Dask workers took partitions"


@pytest.mark.slow
def test_local_pool_same_records_as_extract(corpus, tmp_path):
    out = tmp_path / "out"
    p = run_batch_cli(corpus["inputs"], out, "--engine", "local", "--workers", "2", "--partition-rows", "64")
    assert p.returncode == 1, p.stderr[-3000:]
    check_same_as_reference(out, corpus)
    check_failures(out, corpus)


@pytest.mark.slow
def test_killed_then_rerun_completes_without_duplicates(corpus, tmp_path):
    out = tmp_path / "out"
    cmd = batch_cmd(corpus["inputs"], out, "--engine", "dask", "--workers", "2", "--partition-rows", "10")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + TIMEOUT
    markers = out / "_partitions"
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if markers.is_dir() and len(list(markers.glob("*.json"))) >= 3:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the batch ended before it could be killed: " + proc.stderr.read().decode()[-2000:]
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and the LocalCluster it started, mid-run
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        proc.stderr.close()
    n_done = len(list(markers.glob("*.json")))
    total = 21 + 12  # a.jsonl: 204 lines in partitions of 10; b.parquet: 2 row groups of 60
    assert 3 <= n_done < total
    p = run_batch_cli(corpus["inputs"], out, "--engine", "dask", "--workers", "2")
    assert p.returncode == 1, p.stderr[-3000:]
    assert f"({n_done} done before, {total - n_done} now, 0 failed)" in p.stderr
    assert not list(out.rglob("*.tmp")), "temporary files left behind"
    got = output_records(out)
    assert len({r["id"] for r in got}) == len(got), "an article written twice"
    check_same_as_reference(out, corpus)
    check_failures(out, corpus)
    # a third run finds everything done and does nothing
    from eventwire.scale import run_batch

    rep = run_batch(corpus["inputs"], str(out), engine="dask")
    assert (rep.already_done, rep.done, rep.records) == (total, 0, 0)


# -- cheap checks (no model) --------------------------------------------------------------------------------------

def test_plan_cuts_jsonl_by_lines_and_parquet_by_row_groups(corpus):
    from eventwire.scale.plan import expand_inputs, plan

    files = expand_inputs([str(corpus["dir"] / "*.jsonl"), str(corpus["dir"] / "b.parquet")])
    assert [Path(f).name for f in files] == ["a.jsonl", "all.jsonl", "b.parquet"]
    parts, problems = plan(files, 50)
    assert not problems
    a = [p for p in parts if p.path.endswith("a.jsonl")]
    assert [p.first_row for p in a] == [1, 51, 101, 151, 201]
    with open(a[1].path, "rb") as fh:
        lines = fh.readlines()
    assert a[1].start == sum(len(x) for x in lines[:50]) and a[-1].end == sum(len(x) for x in lines)
    b = [p for p in parts if p.path.endswith("b.parquet")]
    assert [(p.row_group, p.start, p.rows, p.first_row) for p in b] == [(0, 0, 50, 1), (0, 50, 10, 51),
                                                                       (1, 0, 50, 61), (1, 50, 10, 111)]
    assert len({p.key for p in parts}) == len(parts)
    assert [p.key for p in plan(files, 50)[0]] == [p.key for p in parts]  # stable across runs


def test_partition_rows_read_back_with_line_numbers(corpus):
    from eventwire.pipeline import ArticleInput, Failure
    from eventwire.scale.partition import read_jsonl_rows, read_parquet_rows
    from eventwire.scale.plan import plan

    parts, _ = plan([str(Path(f).resolve()) for f in corpus["inputs"]], 20)
    rows = [r for p in parts for r in (read_jsonl_rows(p) if p.kind == "jsonl" else read_parquet_rows(p))]
    arts = [it for _, it in rows if isinstance(it, ArticleInput) and it.text.strip()]
    assert [a.id for a in arts[:200]] == [a["id"] for a in corpus["articles"][:200]]
    assert [a.published for a in arts[200:]] == [a["published"] for a in corpus["articles"][200:]]
    bad = {n: it.reason for n, it in rows if isinstance(it, Failure)}
    assert set(bad) == {18, 102}


def test_missing_input_is_a_clear_error(tmp_path):
    from eventwire.scale import run_batch

    with pytest.raises(InputError, match="no such file"):
        run_batch([str(tmp_path / "nope.jsonl")], str(tmp_path / "out"))
    (tmp_path / "x.txt").write_text("hello")
    with pytest.raises(InputError, match="not a JSONL"):
        run_batch([str(tmp_path / "x.txt")], str(tmp_path / "out"))
    with pytest.raises(InputError, match="matches no"):
        run_batch([str(tmp_path / "*.parquet")], str(tmp_path / "out"))


def test_unreadable_inputs_are_failures_and_exit_2(tmp_path):
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "notext.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"not parquet at all")
    out = tmp_path / "out"
    p = run_batch_cli([str(tmp_path / "notext.parquet"), str(tmp_path / "broken.parquet")], out)
    assert p.returncode == 2
    assert "no 'text' column" in p.stderr and "cannot be read as Parquet" in p.stderr
    assert "Traceback" not in p.stderr
    from eventwire.scale import read_failures

    reasons = sorted(f["reason"].split(" (")[0] for f in read_failures(out))
    assert reasons == ["cannot be read as Parquet", "no 'text' column"]


def test_out_must_be_a_batch_folder(tmp_path):
    from eventwire.errors import EventwireError
    from eventwire.scale import run_batch

    (tmp_path / "in.jsonl").write_text('{"text": "x"}\n')
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    with pytest.raises(EventwireError, match="not an eventwire batch output"):
        run_batch([str(tmp_path / "in.jsonl")], str(tmp_path / "busy"))


def test_ingest_reads_batch_output_without_extracting_again(tmp_path, monkeypatch):
    from eventwire.cli import main
    from eventwire.scale import read_records, run_batch
    from eventwire.store import Store

    arts = make_articles(6, seed=3)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    out = tmp_path / "out"
    rep = run_batch([str(src)], str(out), engine="local", workers=1, partition_rows=4)
    assert rep.complete and rep.records == len(arts)
    batch_recs = {r.id: r for r in read_records(out)}

    import eventwire.runners as runners

    def no_extraction(*a, **k):
        raise AssertionError("ingest extracted a record the batch output already holds")

    monkeypatch.setattr(runners, "process_batch", no_extraction)
    db = tmp_path / "store.db"
    assert main(["ingest", str(out), "--db", str(db), "--quiet"]) == 0
    with Store(str(db)) as st:
        assert st.counts()["articles"] == len(arts)
        for rid, rec in batch_recs.items():
            assert st.get(rid) == rec
    # ingesting it again adds nothing
    assert main(["ingest", str(out), "--db", str(db), "--quiet"]) == 0
    with Store(str(db)) as st:
        assert st.counts()["articles"] == len(arts)


def test_ingest_reads_plain_parquet_articles(tmp_path):
    from eventwire.cli import main
    from eventwire.store import Store

    arts = make_articles(3, seed=5)
    pq.write_table(pa.table({"text": [a["text"] for a in arts] + [None], "id": ["a", "b", "c", "d"]}),
                   tmp_path / "arts.parquet")
    db = tmp_path / "store.db"
    assert main(["ingest", str(tmp_path / "arts.parquet"), "--db", str(db), "--quiet"]) == 0
    with Store(str(db)) as st:
        assert st.counts()["articles"] == 3
        assert [r for r, _ in st.failures()] == [f"{tmp_path / 'arts.parquet'}:4"]
