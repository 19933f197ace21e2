"""Build the benchmark corpus: >= 200 news-like articles assembled from the sentences of the shared suites.

The corpus is not committed (it is built from ../shared at bench time). Sentences are grouped, in a fixed
pseudo-random order, into articles of 6 to 12 sentences split into paragraphs, each with a publication date.

    python scripts/build_bench_corpus.py [--shared ../shared] [--articles 240] --out bench/out/corpus.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path


def sentences(shared: Path) -> list[str]:
    out: list[str] = []
    ev = shared / "eval"
    for name in ("plover_gsr_cameo.jsonl", "petrarch_validation.jsonl", "ud_petrarch_validate_2_02.jsonl",
                 "quote_attribution_cases.jsonl"):
        p = ev / name
        if not p.exists():
            continue
        for line in p.open(encoding="utf-8"):
            t = json.loads(line).get("text")
            if isinstance(t, str) and t.strip():
                out.append(" ".join(t.split()))
    cb = shared / "ontology" / "cameo-codes.csv"
    if cb.exists():
        with cb.open(encoding="utf-8", errors="replace") as f:
            for row in csv.DictReader(f):
                ex = (row.get("example") or "").strip()
                if ex and ex != "NA":
                    out.append(" ".join(ex.split()))
    art = shared / "corpus" / "niger-us-2024-03" / "article.txt"
    if art.exists():
        out.extend(p.strip() for p in art.read_text(encoding="utf-8").splitlines() if p.strip())
    return out


def build(shared: Path, n_articles: int, seed: int = 7) -> list[dict]:
    sents = sentences(shared)
    if not sents:
        raise SystemExit(f"no sentences found under {shared}")
    rng = random.Random(seed)
    order = list(range(len(sents)))
    rng.shuffle(order)
    arts = []
    k = 0
    for i in range(n_articles):
        size = rng.randint(6, 12)
        chosen = []
        for _ in range(size):
            chosen.append(sents[order[k % len(order)]])
            k += 1
        paras, cur = [], []
        for s in chosen:
            cur.append(s)
            if len(cur) >= rng.randint(1, 3):
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        day = 1 + i % 28
        arts.append({"id": f"bench-{i:04d}", "text": "\n".join(paras), "published": f"2024-03-{day:02d}",
                     "url": f"https://bench.example/{i}", "title": chosen[0][:60]})
    return arts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--articles", type=int, default=240)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    shared = Path(a.shared)
    if not shared.is_dir():
        print(f"build_bench_corpus: {shared} not found; the benchmark corpus is built from ../shared", file=sys.stderr)
        return 2
    arts = build(shared, a.articles)
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for art in arts:
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    words = sum(len(x["text"].split()) for x in arts)
    print(f"wrote {len(arts)} articles, {words} words to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
