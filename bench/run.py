"""`make bench`: throughput and memory of eventwire against the plain spaCy floor, in one run.

Each measurement runs in its own Python process (so peak memory is per measurement) over the same corpus:
- floor: plain ``nlp.pipe`` with the same spaCy pipeline (no eventwire components);
- nlp: eventwire's spaCy pass alone (its pipeline's ``nlp.pipe``, with its own components);
- extract: ``Pipeline.extract_many``, the code path of ``eventwire extract --jsonl`` (records serialised to JSON);
Extra sections (ingest, batch, API) register themselves in SECTIONS when their features exist.
Figures are printed as a table and written to bench/out/results.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
CORPUS = OUT / "corpus.jsonl"


def load_corpus(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.open(encoding="utf-8")]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- parts (each runs in a child process: python bench/run.py --part NAME) ----------------------------------------


def _time_pipe(nlp, arts: list[dict]) -> dict:
    """Seconds ``nlp.pipe`` takes over the articles' texts, after a warm-up."""
    texts = [a["text"] for a in arts]
    list(nlp.pipe(texts[:8]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return {"seconds": time.perf_counter() - t0}


def part_floor(arts: list[dict]) -> dict:
    import spacy

    from eventwire.nlp import model_name

    return _time_pipe(spacy.load(model_name()), arts)


def part_extract(arts: list[dict]) -> dict:
    from eventwire.pipeline import ArticleInput, Pipeline

    pipe = Pipeline()
    items = [ArticleInput(text=a["text"], published=a.get("published"), url=a.get("url"), title=a.get("title"),
                          id=a.get("id")) for a in arts]
    list(pipe.extract_many(items[:8]))  # warm up
    t0 = time.perf_counter()
    n_ev = 0
    for rec in pipe.extract_many(items, batch_size=32):
        rec.to_json()
        n_ev += len(getattr(rec, "events", ()))
    return {"seconds": time.perf_counter() - t0, "events": n_ev}


def part_nlp(arts: list[dict]) -> dict:
    """eventwire's spaCy pass alone: the same pipeline with its entity ruler, entity fixes and paragraph splitter
    added, and the attribute ruler's matches found from the doc's columns (nlp._attribute_rules_on_columns)."""
    from eventwire.pipeline import Pipeline

    return _time_pipe(Pipeline().nlp, arts)


PARTS = {"floor": part_floor, "nlp": part_nlp, "extract": part_extract}
SECTIONS: list[str] = ["floor", "nlp", "extract"]


def run_part(name: str) -> dict:
    p = subprocess.run([sys.executable, __file__, "--part", name], capture_output=True, text=True, cwd=ROOT)
    if p.returncode != 0:
        raise SystemExit(f"bench part {name} failed:\n{p.stderr[-2000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part")
    ap.add_argument("--articles", type=int, default=240)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each part (best is kept; parts interleave)")
    ap.add_argument("--only", help="comma-separated feature sections to run after the floor (ingest,batch,relations,api)")
    a = ap.parse_args()
    if a.part:
        arts = load_corpus(CORPUS)
        res = PARTS[a.part](arts)
        res["peak_mb"] = round(peak_mb(), 1)
        print(json.dumps(res))
        return 0
    shared = ROOT.parent / "shared"
    if not shared.is_dir():
        print("bench: ../shared not found; the benchmark corpus is built from it. Nothing measured.")
        return 0
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_bench_corpus.py"), "--articles", str(a.articles),
                    "--out", str(CORPUS)], check=True)
    arts = load_corpus(CORPUS)
    n, words = len(arts), sum(len(x["text"].split()) for x in arts)
    best: dict[str, dict] = {}
    for _ in range(a.repeat):
        for name in SECTIONS:
            r = run_part(name)
            if name not in best or r["seconds"] < best[name]["seconds"]:
                best[name] = r
    rows = []
    floor = best["floor"]["seconds"]
    for name in SECTIONS:
        r = best[name]
        rows.append({"part": name, "articles_per_s": round(n / r["seconds"], 1),
                     "words_per_s": round(words / r["seconds"]), "ratio_to_floor": round(r["seconds"] / floor, 3),
                     "peak_mb": r["peak_mb"]})
    print(f"corpus: {n} articles, {words} words (best of {a.repeat} interleaved runs)")
    print(f"{'part':<10} {'articles/s':>10} {'words/s':>9} {'time/floor':>10} {'peak MB':>8}")
    for r in rows:
        print(f"{r['part']:<10} {r['articles_per_s']:>10} {r['words_per_s']:>9} {r['ratio_to_floor']:>10} "
              f"{r['peak_mb']:>8}")
    extra = best["extract"]["seconds"] / floor - 1
    stages = (best["extract"]["seconds"] - best["nlp"]["seconds"]) / floor
    print(f"eventwire costs {extra:+.1%} over plain nlp.pipe (goal: at most +20%): its spaCy pass "
          f"{best['nlp']['seconds'] / floor - 1:+.1%}, its stages after it {stages:+.1%} of the floor")
    results: dict = {"articles": n, "words": words, "rows": rows}
    for name, fn in _sections(a.only):
        print(f"\n== {name}", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            try:
                res = fn(arts, tmp)
            except Exception as exc:  # a section that cannot run is reported, the others still run
                res = {"error": f"{type(exc).__name__}: {exc}"}
        results[name] = res
        print(json.dumps(res, indent=1))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=1))
    print(f"\nall figures in {OUT / 'results.json'}")
    return 0


def _sections(only: str | None):
    """The feature benchmarks (each module's ``run``), in a fixed order; ``--only a,b`` picks some."""
    sys.path.insert(0, str(ROOT / "bench"))
    table = [
        ("ingest", lambda arts, tmp: __import__("ingest_bench").run(arts, tmp)),
        ("batch", lambda arts, tmp: __import__("batch_bench").run(arts, tmp)),
        ("relations", lambda arts, tmp: __import__("relations_bench").run(tmp)),
        ("api", lambda arts, tmp: __import__("api_bench").run(tmp)),
    ]
    want = set(only.split(",")) if only else None
    for name, fn in table:
        if want is not None and name not in want:
            continue
        if not (ROOT / "bench" / f"{name}_bench.py").exists():
            continue
        yield name, fn


if __name__ == "__main__":
    sys.exit(main())
