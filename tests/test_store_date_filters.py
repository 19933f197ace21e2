"""Date filters on the store: a value matches when its period overlaps [since, until], whatever the precisions."""

from __future__ import annotations

import sqlite3

import pytest

from eventwire.store.queries import _date_filters


@pytest.mark.parametrize("value, since, until, hit", [
    ("2024-05-14", None, "2024-05", True),     # a day inside the --until month (regression: was dropped)
    ("2024-05-14", "2024-05", None, True),
    ("2024-05", "2024-05-10", None, True),     # a month overlapping a day bound
    ("2024", "2024-03-01", "2024-03-31", True),
    ("2024-06-01", None, "2024-05", False),
    ("2024-04-30", "2024-05", None, False),
    ("2023-12", "2024", None, False),
    ("2024-05-14", "2024-05-15", None, False),
])
def test_overlap(value, since, until, hit):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (d TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (value,))
    conds, params = _date_filters("d", since, until)
    n = conn.execute("SELECT count(*) FROM t WHERE " + " AND ".join(conds), params).fetchone()[0]
    assert bool(n) is hit
