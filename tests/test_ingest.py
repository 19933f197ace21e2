"""Ingest: readers, bad inputs into the failures table, idempotence, interruption (SIGKILL) and resumption."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.runners import PipelineConfig, get_pipeline
from eventwire.sources import Options, date_from_path, iter_sources, sniff
from eventwire.store import Store
from eventwire.store.ingest import ingest

EW = [str(Path(sys.executable).parent / "eventwire")]

COUNTRIES = ["France", "Germany", "Kenya", "Brazil", "India", "Japan", "Canada", "Egypt", "Chile", "Poland"]
ACTS = ["met the ambassador of", "criticised the government of", "signed a trade agreement with",
        "promised aid to", "expelled diplomats from"]


def article(i: int) -> str:
    """A distinct, plainly English news paragraph (the language check must accept it)."""
    a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
    act = ACTS[i % len(ACTS)]
    return (f"The foreign minister of {a} {act} {b} on Tuesday, officials said in report number {i}. "
            f"The talks in the capital lasted several hours and both sides said they would meet again next month "
            f"to discuss security, trade and the situation along the border.")


def write_jsonl(path: Path, n: int, start: int = 0) -> list[dict]:
    rows = [{"id": f"a{i}", "text": article(i), "published": "2024-03-18", "url": f"https://example.org/{i}",
             "title": f"Report {i}", "outlet": "Example"} for i in range(start, start + n)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


@pytest.fixture(scope="module")
def cfg():
    c = PipelineConfig()
    get_pipeline(c)  # load once for the module
    return c


def _ingest(db: Path, inputs: list[str], cfg, **kw):
    opts = Options(**{k: kw.pop(k) for k in list(kw) if k in ("recursive", "published_from_path", "max_chars")})
    with Store(db) as s:
        return ingest(s, iter_sources(inputs, opts), cfg, **kw)


# -- readers ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path,expected", [
    ("news/2024/03/18/story.txt", "2024-03-18"), ("2024-03-18-niger.html", "2024-03-18"),
    ("archive/20240318.txt", "2024-03-18"), ("x/2024/13/40/a.txt", None), ("plain.txt", None),
    ("2023-01-02/2024-05-06.txt", "2024-05-06"),
])
def test_date_from_path(path, expected):
    assert date_from_path(path) == expected


@pytest.mark.parametrize("data,kind", [
    (b"<?xml version='1.0'?><rss><channel></channel></rss>", "feed"), (b"<!DOCTYPE html><html>", "html"),
    (b'{"text": "x"}', "json"), (b'{"text": "x"}\n{"text": "y"}\n', "jsonl"), (b"[{}]", "json"),
    (b"Plain words.", "text"), (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
])
def test_sniff(data, kind):
    assert sniff(data) == kind


def test_readers_and_folders(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(article(1), encoding="utf-8")
    (d / "b.json").write_text(json.dumps([{"text": article(2), "id": "j1"}, {"text": article(3)}]), encoding="utf-8")
    write_jsonl(d / "c.jsonl", 2, start=4)
    (d / "sub" / "2024-03-18-d.txt").write_text(article(6), encoding="utf-8")
    (d / ".hidden.txt").write_text(article(7), encoding="utf-8")
    flat = [it.name for it in iter_sources([str(d)])]
    assert [Path(n.split(":")[0].split("[")[0]).name for n in flat] == ["a.txt", "b.json", "b.json", "c.jsonl",
                                                                         "c.jsonl"]
    deep = list(iter_sources([str(d)], Options(recursive=True, published_from_path=True)))
    assert len(deep) == 6 and all(it.article for it in deep)
    assert deep[-1].article.published == "2024-03-18"
    assert deep[1].article.id == "j1"


def test_html_reader_extracts_metadata(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    [it] = list(iter_sources([str(page)]))
    a = it.article
    assert a.title == "Niger ends defense pact with the United States"
    assert a.url == "https://news.example.org/2024/03/niger-pact"
    assert a.published == "2024-03-18"
    assert it.author == "Jane Doe" and it.sitename == "Example News"
    assert "junta said on Saturday" in a.text
    assert "Subscribe" not in a.text and "Home | World" not in a.text


# -- bad inputs -------------------------------------------------------------------------------------------------

def test_bad_files_end_in_failures_never_a_crash(tmp_path, cfg):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\n ")
    (d / "broken.html").write_bytes(b"<<<>>><html <body <p")
    (d / "nothing.html").write_bytes(b"<html><head><title>T</title></head><body><script>x=1</script></body>")
    (d / "latin1.txt").write_bytes("Le café est très bon à Paris.".encode("latin-1"))
    (d / "huge.txt").write_bytes(b"word " * (10 * 1024 * 1024))  # 50 MB, one article
    (d / "mixed.jsonl").write_bytes(
        json.dumps({"text": article(1), "id": "ok1"}).encode() + b"\n{not json\n[1, 2]\n"
        + b'{"text": 42}\n' + b"\xff\xfe\n" + b"[" * 100_000 + b"\n"
        + json.dumps({"text": article(2), "id": "ok2"}).encode() + b"\n")
    (d / "good.txt").write_text(article(3), encoding="utf-8")
    (d / "table.parquet").write_bytes(b"PAR1....PAR1")
    db = tmp_path / "s.db"
    counts = _ingest(db, [str(d), str(tmp_path / "missing.txt")], cfg, batch_size=4)
    assert counts.added == 3
    with Store(db) as s:
        failed = dict(s.failures())
        assert s.counts()["articles"] == 3
    names = {Path(k).name for k in failed}
    for n in ["binary.bin", "empty.txt", "blank.txt", "broken.html", "nothing.html", "latin1.txt", "huge.txt",
              "table.parquet", "missing.txt", "mixed.jsonl:2", "mixed.jsonl:3", "mixed.jsonl:4", "mixed.jsonl:5",
              "mixed.jsonl:6"]:
        assert n in names, (n, sorted(names))
    assert len(failed) == counts.failed == 14
    reasons = " | ".join(failed.values())
    assert "invalid UTF-8" in reasons and "binary" in reasons and "too big" in reasons
    assert all("Traceback" not in r for r in reasons)


def test_cli_exit_status_all_failed_and_partial(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    db = tmp_path / "x.db"
    r = subprocess.run([*EW, "ingest", str(bad), str(empty), "--db", str(db)], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and "failed: " in r.stderr
    assert "binary" in r.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 2


# -- idempotence ------------------------------------------------------------------------------------------------

def test_ingest_twice_same_counts(tmp_path, cfg):
    src = tmp_path / "a.jsonl"
    write_jsonl(src, 12)
    db = tmp_path / "s.db"
    first = _ingest(db, [str(src)], cfg, batch_size=5)
    with Store(db) as s:
        c1 = s.counts()
    second = _ingest(db, [str(src)], cfg, batch_size=5)
    with Store(db) as s:
        c2 = s.counts()
    assert first.added == 12 and second.added == 0 and second.skipped == 12
    assert c1 == c2


def test_duplicate_within_one_run_is_stored_once(tmp_path, cfg):
    a = tmp_path / "a.txt"
    a.write_text(article(5), encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("  " + article(5).replace(" ", "  ") + "\n", encoding="utf-8")  # same normalised text
    counts = _ingest(tmp_path / "s.db", [str(a), str(b)], cfg)
    assert counts.added == 1 and counts.skipped == 1


def test_stored_record_equals_extraction(tmp_path, cfg):
    src = tmp_path / "a.jsonl"
    rows = write_jsonl(src, 3)
    db = tmp_path / "s.db"
    _ingest(db, [str(src)], cfg)
    pipe = get_pipeline(cfg)
    with Store(db) as s:
        for r in rows:
            rec = pipe.extract(r["text"], published=r["published"], url=r["url"], title=r["title"],
                               outlet=r["outlet"], input_id=r["id"])
            assert s.get(rec.id) == rec


def test_founding_article_round_trip(tmp_path, founding_record):
    with Store(tmp_path / "f.db") as s:
        s.put(founding_record)
        assert s.get(founding_record.id) == founding_record


# -- interruption -----------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_stores_each_article_once(tmp_path, cfg):
    """kill -9 an ingest fed through a pipe after some articles are committed; a re-run finishes exactly once."""
    src = tmp_path / "all.jsonl"
    rows = write_jsonl(src, 40)
    lines = src.read_bytes().splitlines(keepends=True)
    db = tmp_path / "k.db"
    proc = subprocess.Popen([*EW, "ingest", "-", "--db", str(db), "--batch-size", "2"], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.stdin.write(b"".join(lines[:10]))
        proc.stdin.flush()
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline:
            if db.exists():
                try:
                    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                    conn.close()
                except sqlite3.OperationalError:
                    stored = 0
            if stored >= 10:
                break
            time.sleep(0.1)
        assert stored == 10, "the first articles were not committed in time"
        proc.stdin.write(b"".join(lines[10:]))
        proc.stdin.flush()
        time.sleep(0.3)  # let it get into the next batches
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        try:
            proc.stdin.close()
        except BrokenPipeError:
            pass
    assert proc.returncode == -signal.SIGKILL
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    after_kill = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    assert 10 <= after_kill <= 40
    print(f'articles stored when killed: {after_kill}')
    pipe = get_pipeline(cfg)
    expected = {}
    for r in rows:
        rec = pipe.extract(r["text"], published=r["published"], url=r["url"], title=r["title"], outlet=r["outlet"],
                           input_id=r["id"])
        expected[rec.id] = rec
    with Store(db) as s:  # whatever survived the kill is whole
        for aid in s.ids():
            assert s.get(aid) == expected[aid]
    r = subprocess.run([*EW, "ingest", str(src), "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    # (a transaction the killed writer committed may become visible only once SQLite rebuilds the WAL index, so the
    # re-run may find a few more stored than counted just after the kill; what matters is that the two add up)
    m = re.search(r"40 inputs: (\d+) added, (\d+) already stored", r.stderr)  # (the closing summary line)
    assert m, r.stderr
    added, already = int(m.group(1)), int(m.group(2))
    assert added + already == 40 and after_kill <= already <= 40, r.stderr
    with Store(db) as s:
        ids = s.ids()
        assert len(ids) == len(set(ids)) == 40
        assert set(ids) == set(expected)
        for aid in ids:
            assert s.get(aid) == expected[aid]  # every article with all its rows (events, actors, ...)
        n_events = s.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        assert n_events == sum(len(x.events) for x in expected.values())


@pytest.mark.slow
def test_two_workers_store_the_same_records(tmp_path, cfg):
    src = tmp_path / "a.jsonl"
    write_jsonl(src, 10)
    one = _ingest(tmp_path / "one.db", [str(src)], cfg, batch_size=3)
    two = _ingest(tmp_path / "two.db", [str(src)], cfg, batch_size=3, workers=2)
    assert one.added == two.added == 10
    with Store(tmp_path / "one.db") as s1, Store(tmp_path / "two.db") as s2:
        assert sorted(s1.ids()) == sorted(s2.ids())
        for aid in s1.ids():
            assert s1.get(aid) == s2.get(aid)


HTML_PAGE = """<!DOCTYPE html><html><head><title>Niger ends defense pact with the United States | Example News</title>
<link rel="canonical" href="https://news.example.org/2024/03/niger-pact"/>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-18T10:00:00Z">
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Niger ends defense pact with the United States"></head>
<body><nav>Home | World | Africa</nav>
<article><h1>Niger ends defense pact with the United States</h1>
<p>Niger's military junta said on Saturday it was suspending, with immediate effect, its defense agreement with the
United States, a spokesman told reporters in Niamey.</p>
<p>The spokesman said the agreement had been imposed unilaterally and violated the constitution. The decision came
after a visit by a delegation from Washington led by a senior State Department official.</p>
<p>About a thousand American soldiers are stationed at a drone base near Agadez, in the north of the country.</p>
</article><aside>Subscribe to our newsletter</aside><footer>Copyright Example News</footer></body></html>"""


@pytest.mark.slow
def test_ctrl_c_keeps_committed_articles_and_rerun_finishes(tmp_path):
    src = tmp_path / "all.jsonl"
    write_jsonl(src, 12, start=50)
    lines = src.read_bytes().splitlines(keepends=True)
    db = tmp_path / "i.db"
    # (Ctrl-C as at a terminal: a test run started in the background, "make test &", has SIGINT ignored, and its
    # children would inherit that)
    proc = subprocess.Popen([*EW, "ingest", "-", "--db", str(db), "--batch-size", "3"], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        proc.stdin.write(b"".join(lines[:6]))
        proc.stdin.flush()
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline and stored < 6:
            time.sleep(0.1)
            if db.exists():
                try:
                    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                    conn.close()
                except sqlite3.OperationalError:
                    pass
        assert stored == 6
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130
    assert "interrupted" in err.decode() and "Traceback" not in err.decode()
    r = subprocess.run([*EW, "ingest", str(src), "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and "6 added, 6 already stored" in r.stderr


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000) | st.text(max_size=2000).map(lambda s: s.encode("utf-8", "surrogatepass")),
       suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".xml", "", ".bin", ".md"]))
def test_any_file_gives_items_never_an_exception(tmp_path_factory, data, suffix):
    d = tmp_path_factory.mktemp("fuzz")
    f = d / f"input{suffix}"
    f.write_bytes(data)
    for it in iter_sources([str(f)], Options(timeout=0.5)):
        assert (it.article is None) != (it.reason is None)
        if it.reason is not None:
            assert it.reason and "\n" not in it.reason.strip()
