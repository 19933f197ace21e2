"""``eventwire serve`` as a real process on loopback, the wiring of its host rule, and a bounded load test."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
import warnings
from pathlib import Path

import pytest

from api_data import sahel_record, store_records

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def test_serve_process_answers_and_stops_on_ctrl_c(tmp_path):
    import api_bench

    db = tmp_path / "s.db"
    store_records(db, [sahel_record()])
    proc, port = api_bench.start_server(db)  # eventwire serve --port 0 on 127.0.0.1, URL read from its stderr
    try:
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(base + "/openapi.json", timeout=30) as r:
            assert "/events" in json.loads(r.read())["paths"]
        with urllib.request.urlopen(base + "/events?actor=NER", timeout=30) as r:
            assert json.loads(r.read())["total"] == 4
        with urllib.request.urlopen(base + "/ui/map", timeout=30) as r:
            assert b'data-page="map"' in r.read()
        with pytest.raises(urllib.error.HTTPError) as exc:
            urllib.request.urlopen(base + "/articles/ffff", timeout=30)
        assert exc.value.code == 404 and json.loads(exc.value.read())["error"]["code"] == "not_found"
    finally:
        rc = api_bench.stop_server(proc)  # SIGINT, as Ctrl-C sends
    assert rc == 0


def test_serve_cli_bad_port_is_one_line_error(tmp_path):
    p = subprocess.run([sys.executable, "-m", "eventwire", "serve", "--db", str(tmp_path / "x.db"), "--port", "70000"],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and p.stderr.strip().startswith("eventwire: error:") and "Traceback" not in p.stderr


class _Pipe:
    def extract(self, text, **kw):
        return sahel_record()


@pytest.mark.parametrize("host, guarded", [("127.0.0.1", False), ("::1", False), ("192.0.2.10", True),
                                           ("0.0.0.0", True)])
def test_serve_guards_ingest_and_extract_off_loopback(tmp_path, monkeypatch, host, guarded):
    from eventwire.cli import build_parser
    from eventwire.cli.serve import make_app

    monkeypatch.setenv("EVENTWIRE_TOKEN", "tok")
    args = build_parser().parse_args(["serve", "--db", str(tmp_path / "g.db"), "--host", host])
    with TestClient(make_app(args, pipeline=_Pipe())) as c:  # the app only: nothing is bound
        r = c.post("/articles", json={"text": "Niger and Iran."})
        assert r.status_code == (401 if guarded else 201)
        assert c.post("/articles", json={"text": "Niger and Iran."},
                      headers={"Authorization": "Bearer tok"}).status_code in (200, 201)
        codes = [c.post("/extract", json={"text": "Niger and Iran."}).status_code for _ in range(8)]
        assert (429 in codes) == guarded and codes[0] == 200
        assert c.get("/events").status_code == 200


@pytest.mark.slow
def test_bounded_load_on_loopback(tmp_path):
    """Concurrent clients on /events and /extract: every request answered, none failed (figures: make bench)."""
    import api_bench

    res = api_bench.run(tmp_path, events_clients=4, events_per_client=10, extract_clients=2, extract_per_client=2,
                        time_cap=60)
    assert res["events"]["errors"] == 0 and res["events"]["requests"] == 40
    assert res["extract"]["errors"] == 0 and res["extract"]["requests"] == 4
    assert res["events"]["p95_ms"] is not None and res["extract"]["requests_per_s"] is not None
