"""The founding article through the real pipeline into a store: the dyads it describes (expected.json `relations`).

NER-USA must come out net negative, NER-RUS and NER-IRN net positive (sum of Goldstein values over linked events).
"""

from __future__ import annotations

import pytest

from eventwire import relations
from eventwire.store import Store


@pytest.fixture(scope="module")
def founding_store(tmp_path_factory, founding_record):
    s = Store(tmp_path_factory.mktemp("founding") / "f.db")
    s.put(founding_record)
    yield s
    s.close()


def _sum(store: Store, a: str, b: str) -> float | None:
    row = relations.dyad_summary(store, a, b)
    return row["goldstein_sum"] if row["events"] else None


def test_expected_dyads(founding_store, founding):
    rel = founding["expected"]["relations"]
    for a, b in rel["negative"]:
        s = _sum(founding_store, a, b)
        assert s is not None and s < 0, f"{a}-{b} should be net negative, got {s}"
    for a, b in rel["positive"]:
        s = _sum(founding_store, a, b)
        assert s is not None and s > 0, f"{a}-{b} should be net positive, got {s}"


def test_shifts_on_founding_article(founding_store):
    rows = {r["partner"]: r for r in relations.shifts(founding_store, "NER")}
    assert rows["USA"]["change"] is not None and rows["USA"]["change"] < 0
    for partner in ("RUS", "IRN"):
        assert rows[partner]["change"] is None or rows[partner]["change"] >= 0
