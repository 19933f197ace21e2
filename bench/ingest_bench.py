"""Ingest throughput: articles per second into the store with 1 and 2 workers, against plain ``nlp.pipe``.

``run(texts, db_dir)`` runs three measurements, each in its own Python process (so peak memory is per
measurement), over the same articles, and returns a dict of figures:

    floor_aps            plain nlp.pipe of the same spaCy pipeline (no eventwire components), articles/s
    ingest_1w_aps        eventwire ingest into a fresh store, in-process (``--workers 1``), articles/s
    ingest_2w_aps        the same with two worker processes (``--workers 2``), articles/s
    store_write_aps      writing already extracted records into a fresh store (32 per transaction), records/s
    peak_rss_mb_1w       peak resident memory of the one worker (the ingest process itself)
    peak_rss_mb_2w       peak resident memory of the larger of the two workers

Model loading is outside every timing: the floor warms up first, and the ingest runners are started and fed one
small batch per worker before the clock starts. Standalone: ``python bench/ingest_bench.py CORPUS.jsonl``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def _part_floor(corpus: Path) -> dict:
    import spacy

    from eventwire.nlp import model_name
    from eventwire.runners import peak_rss_mb

    texts = [json.loads(x)["text"] for x in corpus.open(encoding="utf-8")]
    nlp = spacy.load(model_name())
    list(nlp.pipe(texts[:8]))
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return {"seconds": time.perf_counter() - t0, "articles": len(texts), "peak_rss_mb": peak_rss_mb()}


def _part_ingest(corpus: Path, db: Path, workers: int) -> dict:
    from eventwire.pipeline import ArticleInput
    from eventwire.runners import LocalRunner, PipelineConfig
    from eventwire.sources import iter_sources
    from eventwire.store import Store
    from eventwire.store.ingest import ingest

    cfg = PipelineConfig()
    runner = LocalRunner(cfg, workers)
    warm = [(None, [ArticleInput(text="The minister met the ambassador in the capital on Monday.")])] * (2 * workers)
    list(runner.map(warm))  # every worker has loaded the model
    with Store(db) as store:
        t0 = time.perf_counter()
        counts = ingest(store, iter_sources([str(corpus)]), cfg, workers=workers, runner=runner)
        secs = time.perf_counter() - t0
    runner.close()
    peaks = runner.peak_rss_mb
    return {"seconds": secs, "added": counts.added, "failed": counts.failed,
            "peak_rss_mb_max": max(peaks.values()) if peaks else None, "workers_seen": len(peaks),
            "db_mb": db.stat().st_size / 1e6}


def _part_store(corpus: Path, db: Path) -> dict:
    """Store writes alone: records extracted first (untimed), then written 32 per transaction into a fresh store."""
    from eventwire.runners import PipelineConfig, get_pipeline
    from eventwire.sources import iter_sources
    from eventwire.store import SourceInfo, Store

    pipe = get_pipeline(PipelineConfig())
    items = list(iter_sources([str(corpus)]))
    recs = [r for r in pipe.extract_many([it.article for it in items if it.article]) if hasattr(r, "events")]
    with Store(db) as store:
        t0 = time.perf_counter()
        for i in range(0, len(recs), 32):
            store.write_batch([(r, SourceInfo(f"bench:{r.id}")) for r in recs[i:i + 32]])
        secs = time.perf_counter() - t0
    return {"seconds": secs, "records": len(recs)}


def _child(args: list[str]) -> dict:
    p = subprocess.run([sys.executable, str(HERE), "--part", *args], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"ingest bench part {args[0]} failed:\n{p.stderr[-2000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def run(texts: list[dict], db_dir: str | Path) -> dict:
    """Figures for ``texts`` (dicts with at least ``text``; ``id``/``published``/``url``/``title`` used if there)."""
    d = Path(db_dir)
    d.mkdir(parents=True, exist_ok=True)
    corpus = d / "ingest_corpus.jsonl"
    keep = ("id", "text", "published", "url", "title", "outlet")
    with corpus.open("w", encoding="utf-8") as fh:
        for t in texts:
            fh.write(json.dumps({k: t[k] for k in keep if t.get(k) is not None}, ensure_ascii=False) + "\n")
    floor = _child(["floor", str(corpus)])
    out: dict = {"articles": len(texts), "floor_aps": round(len(texts) / floor["seconds"], 1)}
    store_db = d / "store_only.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(store_db) + suffix).unlink(missing_ok=True)
    st = _child(["store", str(corpus), str(store_db)])
    out["store_write_aps"] = round(st["records"] / st["seconds"], 1) if st["seconds"] else None
    for w in (1, 2):
        db = d / f"ingest_{w}w.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        r = _child(["ingest", str(corpus), str(db), str(w)])
        out[f"ingest_{w}w_aps"] = round(r["added"] / r["seconds"], 1) if r["seconds"] else None
        out[f"ingest_{w}w_added"] = r["added"]
        out[f"ingest_{w}w_failed"] = r["failed"]
        out[f"peak_rss_mb_{w}w"] = round(r["peak_rss_mb_max"], 1) if r["peak_rss_mb_max"] else None
        out[f"db_mb_{w}w"] = round(r["db_mb"], 2)
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["--part"]:
        part = argv[1]
        if part == "floor":
            res = _part_floor(Path(argv[2]))
        elif part == "store":
            res = _part_store(Path(argv[2]), Path(argv[3]))
        else:
            res = _part_ingest(Path(argv[2]), Path(argv[3]), int(argv[4]))
        print(json.dumps(res))
        return 0
    if not argv:
        print("usage: python bench/ingest_bench.py CORPUS.jsonl [DB_DIR]", file=sys.stderr)
        return 2
    texts = [json.loads(x) for x in Path(argv[0]).open(encoding="utf-8") if x.strip()]
    db_dir = argv[1] if len(argv) > 1 else tempfile.mkdtemp(prefix="eventwire-ingest-bench-")
    print(json.dumps(run(texts, db_dir), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
