"""Load test of the HTTP API on loopback: requests per second and p95 latency for ``GET /events`` and ``POST /extract``.

``run(tmpdir) -> dict`` builds a store of synthetic records (events between a handful of countries), starts
``eventwire serve`` on 127.0.0.1 with a free port in a child process, sends a bounded number of requests from
concurrent clients (each phase also stops after a time cap), stops the server and returns the figures. Traffic goes
to 127.0.0.1 only. ``python bench/api_bench.py`` prints them.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "eventwire" / "examples" / "articles.jsonl"

COUNTRIES = [("NER", "Niger"), ("USA", "United States"), ("RUS", "Russia"), ("IRN", "Iran"), ("FRA", "France"),
             ("MLI", "Mali"), ("SDN", "Sudan"), ("CHN", "China")]
CODES = [("040", "CONSULT", 1.0, 1), ("051", "COOPERATE", 3.4, 1), ("062", "AID", 7.4, 2), ("112", "ACCUSE", -2.0, 3),
         ("163", "REDUCE", -4.0, 4), ("190", "ASSAULT", -10.0, 4)]


def build_store(path: Path, n_articles: int = 400, seed: int = 7) -> int:
    """``n_articles`` synthetic records, each with 2-6 events, written through the store's own write path."""
    from eventwire.record import (
        Actor,
        Event,
        EventDate,
        EventLocation,
        Extractor,
        Record,
        SentenceSpan,
        Span,
        record_id,
    )
    from eventwire.store import Store

    rnd = random.Random(seed)
    ex = Extractor("eventwire", "bench", "synthetic")
    recs = []
    for k in range(n_articles):
        lines, actors, events = [], {}, []
        pos = 0
        for j in range(rnd.randint(2, 6)):
            (ca, na), (cb, nb) = rnd.sample(COUNTRIES, 2)
            cameo, plover, gold, quad = rnd.choice(CODES)
            verb = f"{plover.lower()}s"
            line = f"{na} {verb} {nb} in talks number {k}-{j}."
            for code, name, off in ((ca, na, pos), (cb, nb, pos + line.index(nb))):
                a = actors.setdefault(code, {"name": name, "mentions": []})
                a["mentions"].append(Span(name, off, off + len(name)))
            trig = pos + len(na) + 1
            month = 1 + (k + j) % 12
            events.append(Event(f"ev{j + 1}", (f"a{code_index(ca)}",), (f"a{code_index(cb)}",), cameo, cameo[:2],
                                plover, None, gold, quad, Span(verb, trig, trig + len(verb)),
                                SentenceSpan(pos, pos + len(line)),
                                EventDate(f"2024-{month:02d}", "month", "", 0, 0) if j % 2 else None,
                                EventLocation(nb, cb, rnd.uniform(-40, 60), rnd.uniform(-100, 120), 0, 0)
                                if j % 3 == 0 else None))
            lines.append(line)
            pos += len(line) + 1
        text = "\n".join(lines)
        acts = tuple(Actor(f"a{code_index(c)}", v["name"], "country", country=c, cameo=c, mentions=tuple(v["mentions"]))
                     for c, v in actors.items())
        recs.append(Record(id=record_id(text, f"https://bench.invalid/{k}"), text=text, extractor=ex,
                           url=f"https://bench.invalid/{k}", title=f"bench {k}",
                           published=f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}", actors=acts, events=tuple(events)))
    with Store(path) as st:
        st.write_batch([(r, None) for r in recs])
        return st.counts()["events"]


def code_index(code: str) -> int:
    return [c for c, _ in COUNTRIES].index(code)


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ)
    env.pop("EVENTWIRE_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--host", "127.0.0.1",
                             "--port", "0", "--preload"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, env=env, cwd=ROOT)
    deadline = time.monotonic() + 120
    assert proc.stderr is not None
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            if proc.poll() is not None:
                raise RuntimeError(f"eventwire serve exited with {proc.returncode}")
            continue
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if m:
            drain = threading.Thread(target=proc.stderr.read, daemon=True)  # keep the pipe from filling
            drain.start()
            proc.drain = drain  # type: ignore[attr-defined]
            return proc, m.group(1)
    stop_server(proc)
    raise RuntimeError("eventwire serve did not report its address in 120 s")


def stop_server(proc: subprocess.Popen) -> int:
    """Ctrl-C (SIGINT), then a kill if it has not stopped in 15 s; returns the exit status."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
    drain = getattr(proc, "drain", None)
    if drain is not None:
        drain.join(timeout=5)
    if proc.stderr is not None:
        proc.stderr.close()
    return proc.returncode


def load(port: str, make_request, clients: int, per_client: int, time_cap: float) -> dict:
    """``clients`` threads, each with one keep-alive connection, sending ``per_client`` requests (or until the cap)."""
    lat: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + time_cap

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
        mine = []
        for n in range(per_client):
            if time.monotonic() > stop_at:
                break
            method, path, body = make_request(i, n)
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
            dt = time.perf_counter() - t0
            if ok:
                mine.append(dt)
            else:
                with lock:
                    errors[0] += 1
        conn.close()
        with lock:
            lat.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    lat.sort()
    p95 = lat[max(0, int(round(0.95 * len(lat))) - 1)] if lat else None
    return {"clients": clients, "requests": len(lat), "errors": errors[0], "seconds": round(wall, 2),
            "requests_per_s": round(len(lat) / wall, 1) if wall else None,
            "p50_ms": round(statistics.median(lat) * 1000, 1) if lat else None,
            "p95_ms": round(p95 * 1000, 1) if p95 is not None else None}


def run(tmpdir: str | os.PathLike[str], events_clients: int = 8, events_per_client: int = 50,
        extract_clients: int = 4, extract_per_client: int = 5, time_cap: float = 60.0) -> dict:
    tmp = Path(tmpdir)
    db = tmp / "api-bench.db"
    if db.exists():
        db.unlink()
    n_events = build_store(db)
    texts = [json.loads(x)["text"] for x in EXAMPLES.read_text(encoding="utf-8").splitlines() if x.strip()]
    filters = ["", "actor=NER", "source=USA&target=RUS", "root=04", "since=2024-03&until=2024-06", "sort=-goldstein",
               "actor=IRN&actor=NER", "located=true"]
    proc, port = start_server(db)
    try:
        def events_req(i: int, n: int):
            f = filters[(i + n) % len(filters)]
            return "GET", f"/events?limit=50&offset={(n % 4) * 50}&{f}", None

        def extract_req(i: int, n: int):
            return "POST", "/extract", json.dumps({"text": texts[(i + n) % len(texts)], "published": "2024-03-18"})

        load(port, extract_req, 1, 1, time_cap)  # warm-up (first extraction)
        ev = load(port, events_req, events_clients, events_per_client, time_cap)
        exr = load(port, extract_req, extract_clients, extract_per_client, time_cap)
    finally:
        stop_server(proc)
    return {"store_events": n_events, "events": ev, "extract": exr,
            "extract_article_chars": round(sum(len(t) for t in texts) / len(texts))}


def main() -> int:
    with tempfile.TemporaryDirectory() as d:
        res = run(d)
    print(f"API on loopback ({res['store_events']} events stored; /extract on articles of ~"
          f"{res['extract_article_chars']} chars)")
    print(f"{'endpoint':<14} {'clients':>7} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7}")
    for name in ("events", "extract"):
        r = res[name]
        print(f"{'/' + name:<14} {r['clients']:>7} {r['requests']:>8} {r['errors']:>6} {r['requests_per_s']:>7} "
              f"{r['p50_ms']:>7} {r['p95_ms']:>7}")
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
