"""Syndicated and near-duplicate articles: the same wire story in several outlets, lightly edited.

Rule (deterministic; checked when an article arrives, against the articles already stored):

- An article's text is lowered, cut into words, and every run of ``SHINGLE`` consecutive words is hashed (64-bit,
  blake2b). Its sketch is the ``SKETCH`` smallest hashes (bottom-k), stored in ``rel_sketch``.
- Candidates are stored articles sharing at least ``MIN_SHARED`` sketch hashes (an indexed lookup).
- A candidate is the same story when the share of the smaller article's shingles found in the other (containment)
  is at least ``THRESHOLD``, and both have at least ``MIN_SHINGLES`` shingles (very short texts are never copies).
- The new article becomes a copy of the best candidate (highest containment, then earliest stored), or of that
  candidate's own original when it is itself a copy. A copy keeps all its rows, but its events are not linked:
  they would count the same report twice.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3

SHINGLE = 4
SKETCH = 32
MIN_SHARED = 3
THRESHOLD = 0.6
MIN_SHINGLES = 12

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    out = set()
    for i in range(max(0, len(words) - SHINGLE + 1)):
        h = hashlib.blake2b(" ".join(words[i:i + SHINGLE]).encode("utf-8"), digest_size=8).digest()
        out.add(int.from_bytes(h, "big", signed=True))
    return out


def containment(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def check_article(conn: sqlite3.Connection, article_id: str, text: str) -> tuple[str | None, float | None, int]:
    """Sketch the article and decide whether it copies a stored one: (original id or None, similarity, shingles)."""
    conn.execute("DELETE FROM rel_sketch WHERE article_id = ?", (article_id,))
    sh = shingles(text)
    sketch = sorted(sh)[:SKETCH]
    best: tuple[float, int, str] | None = None
    if len(sh) >= MIN_SHINGLES and sketch:
        marks = ",".join("?" * len(sketch))
        cands = conn.execute(
            f"SELECT s.article_id, count(*) AS n FROM rel_sketch s WHERE s.h IN ({marks}) AND s.article_id != ? "
            f"GROUP BY s.article_id HAVING n >= ?", [*sketch, article_id, MIN_SHARED]).fetchall()
        for cand, _n in cands:
            row = conn.execute("SELECT seq, text FROM articles WHERE id = ?", (cand,)).fetchone()
            if row is None:
                continue
            other = shingles(row[1])
            if len(other) < MIN_SHINGLES:
                continue
            c = containment(sh, other)
            if c >= THRESHOLD and (best is None or (-c, row[0]) < (-best[0], best[1])):
                best = (c, int(row[0]), cand)
    conn.executemany("INSERT OR IGNORE INTO rel_sketch(h, article_id) VALUES (?, ?)",
                     [(h, article_id) for h in sketch])
    if best is None:
        return None, None, len(sh)
    original = best[2]
    row = conn.execute("SELECT copy_of FROM rel_articles WHERE article_id = ?", (original,)).fetchone()
    if row and row[0]:
        original = row[0]
    return original, round(best[0], 4), len(sh)
