"""Relations cost: `relations` and `shifts` for one country over a store of at least 50,000 events.

``run(tmpdir) -> dict`` builds a synthetic store through the store's own write path (``Store.write_batch``, which
links events as it writes), then times the dyad series (by day, week and month) and the shifts of one country
through the Python API (median of several runs) and once through the CLI (a fresh process, so it includes start-up).
The synthetic records are random but record-shaped: country and person actors, events with CAMEO codes, Goldstein
values and quad classes, two thirds dated by the event (day, week or month), the rest by publication date.

Run alone: ``python bench/relations_bench.py [--articles N]``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNTRIES = ["NER", "USA", "RUS", "IRN", "FRA", "MLI", "BFA", "NGA", "DZA", "TCD", "CHN", "TUR", "DEU", "GBR",
             "EGY", "SAU", "ARE", "QAT", "IND", "BRA", "ZAF", "ETH", "KEN", "SEN", "CIV", "GHA", "BEN", "TGO",
             "LBY", "MAR"]
CODES = [("010", 0.0, 1), ("020", 3.0, 1), ("036", 4.0, 1), ("042", 1.9, 1), ("043", 2.8, 1), ("046", 7.0, 1),
         ("051", 3.4, 1), ("057", 8.0, 1), ("061", 6.4, 2), ("070", 7.0, 2), ("111", -2.0, 3), ("112", -2.0, 3),
         ("130", -4.4, 3), ("160", -4.0, 4), ("163", -8.0, 4), ("166", -7.0, 4), ("173", -5.0, 4),
         ("190", -10.0, 4)]
WORDS = ("minister talks agreement border troops visit trade energy security council sanctions aid delegation "
         "president envoy summit accord military rebels protest election embassy oil gas loan deal port road "
         "army police court parliament vote crisis drought refugees mining gold uranium airport").split()


def make_records(n_articles: int, events_per_article: int = 10, seed: int = 7) -> list:
    from eventwire.record import (
        Actor,
        Event,
        EventDate,
        Extractor,
        Record,
        SentenceSpan,
        Span,
        record_id,
    )

    rnd = random.Random(seed)
    ex = Extractor("eventwire", "bench", "none")
    start = 19_700  # days since 1970: 2023-12-09
    recs = []
    for i in range(n_articles):
        words = [rnd.choice(WORDS) for _ in range(120)]
        text = f"Report {i}. " + " ".join(words) + "."
        pub_day = start + rnd.randrange(0, 540)
        published = time.strftime("%Y-%m-%d", time.gmtime(pub_day * 86400))
        involved = rnd.sample(COUNTRIES[1:], 3) + (["NER"] if rnd.random() < 0.4 else [rnd.choice(COUNTRIES)])
        involved = sorted(set(involved))
        actors = []
        for j, c in enumerate(involved):
            actors.append(Actor(f"c{j}", c, "country", country=c, mentions=(Span("Report", 0, 6),)))
            actors.append(Actor(f"p{j}", f"Person {c} {rnd.randrange(5)}", "person", country=c, sector="GOV",
                                mentions=(Span("Report", 0, 6),)))
        events = []
        for k in range(events_per_article):
            a, b = rnd.sample(actors, 2)
            code, g, q = rnd.choice(CODES)
            date = None
            r = rnd.random()
            if r < 0.66:
                d = pub_day - rnd.randrange(0, 10)
                value = time.strftime("%Y-%m-%d", time.gmtime(d * 86400))
                gran = "day" if r < 0.5 else "week" if r < 0.6 else "month"
                if gran == "month":
                    value = value[:7]
                date = EventDate(value, gran, "Report", 0, 6)
            w = 8 + k
            events.append(Event(f"ev{k}", (a.id,), (b.id,), code, code[:2], None, None, g, q,
                                Span(text[w:w + 4], w, w + 4), SentenceSpan(0, len(text)), date=date))
        recs.append(Record(id=record_id(text), text=text, extractor=ex, outlet=f"outlet{i % 40}",
                           published=published, actors=tuple(actors), events=tuple(events)))
    return recs


def _median_ms(fn, repeat: int = 5) -> float:
    fn()  # warm the page cache
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 1)


def run(tmpdir: str | Path, articles: int = 5_000) -> dict:
    from eventwire import relations
    from eventwire.store import Store

    db = Path(tmpdir) / "relations_bench.db"
    if db.exists():
        db.unlink()
    recs = make_records(articles)
    store = Store(db)
    t0 = time.perf_counter()
    for i in range(0, len(recs), 250):
        store.write_batch([(r, None) for r in recs[i:i + 250]])
    write_s = time.perf_counter() - t0
    c = store.conn
    n_events = c.execute("SELECT count(*) FROM events").fetchone()[0]
    n_linked = c.execute("SELECT count(*) FROM rel_events").fetchone()[0]
    ner = c.execute("SELECT count(DISTINCT linked) FROM rel_sides WHERE country = 'NER'").fetchone()[0]
    out = {
        "articles": len(recs), "events": n_events, "linked_events": n_linked, "ner_linked_events": ner,
        "write_and_link_s": round(write_s, 1), "write_and_link_events_per_s": round(n_events / write_s),
        "relations_month_ms": _median_ms(lambda: relations.dyad_series(store, "NER", "USA", by="month")),
        "relations_week_ms": _median_ms(lambda: relations.dyad_series(store, "NER", "USA", by="week")),
        "relations_day_ms": _median_ms(lambda: relations.dyad_series(store, "NER", "USA", by="day")),
        "shifts_ms": _median_ms(lambda: relations.shifts(store, "NER")),
    }
    store.close()
    exe = Path(sys.executable).with_name("eventwire")
    for name, argv in (("cli_relations_s", ["relations", "NER", "USA", "--format", "json"]),
                       ("cli_shifts_s", ["shifts", "--country", "NER", "--format", "json"])):
        t0 = time.perf_counter()
        subprocess.run([str(exe), *argv, "--db", str(db)], check=True, capture_output=True)
        out[name] = round(time.perf_counter() - t0, 2)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        print(json.dumps(run(d, args.articles), indent=2))


if __name__ == "__main__":
    main()
