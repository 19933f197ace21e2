"""Golden test: the events of the founding article (../shared/corpus/niger-us-2024-03/expected.json)."""

from __future__ import annotations

import pytest

from eventwire.events import evidence_mentions

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore:.*W036")]


def _countries(record, ids):
    out = set()
    for x in ids:
        a = record.actor(x)
        if a is not None and a.country:
            out.add(a.country)
    return out


def _roots(item):
    r = item["cameo_root"]
    return set(r) if isinstance(r, list) else {r}


def _matches(record, ev, item, with_date: bool, with_place: bool) -> bool:
    if ev.cameo_root not in _roots(item):
        return False
    if item.get("source_country") and item["source_country"] not in _countries(record, ev.source):
        return False
    if item.get("target_country") and item["target_country"] not in _countries(record, ev.target):
        return False
    if with_date and item.get("date"):
        if ev.date is None or ev.date.value != item["date"]:
            return False
        if item.get("date_granularity") and ev.date.granularity != item["date_granularity"]:
            return False
    if with_place and item.get("location_country"):
        if ev.location is None or ev.location.country != item["location_country"]:
            return False
    return True


def _describe(record):
    return "\n".join(
        f"  {e.id} {e.cameo} {sorted(_countries(record, e.source))}->{sorted(_countries(record, e.target))} "
        f"{e.trigger.text!r} date={e.date and e.date.value} loc={e.location and e.location.country}"
        for e in record.events)


def test_must_events_dyads_and_roots(founding, founding_record):
    rec = founding_record
    missing = [m["what"] for m in founding["expected"]["events"]["must"]
               if not any(_matches(rec, e, m, with_date=False, with_place=True) for e in rec.events)]
    assert not missing, f"missing {missing}\nevents:\n{_describe(rec)}"


def test_must_events_with_dates(founding, founding_record):
    rec = founding_record
    missing = [m["what"] for m in founding["expected"]["events"]["must"]
               if not any(_matches(rec, e, m, with_date=True, with_place=True) for e in rec.events)]
    assert not missing, f"missing {missing}\nevents:\n{_describe(rec)}"


def test_must_not_events(founding, founding_record):
    rec = founding_record
    for item in founding["expected"]["events"]["must_not"]:
        for e in rec.events:
            bad = e.cameo_root in _roots(item) and e.date is not None and e.date.value.startswith(item["date"])
            assert not bad, f"{item['what']}: {e}"


def test_may_events_reported(founding, founding_record, capsys):
    rec = founding_record
    found = [m["what"] for m in founding["expected"]["events"]["may"]
             if any(_matches(rec, e, m, with_date=False, with_place=True) for e in rec.events)]
    with capsys.disabled():
        print(f"\nfounding article: {len(found)}/{len(founding['expected']['events']['may'])} 'may' events found: "
              f"{found}")
    assert len(rec.events) > 0


def test_event_evidence_offsets(founding_record):
    rec = founding_record
    with_evidence = 0
    for e in rec.events:
        assert rec.text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end
        used = evidence_mentions(e, rec.actors)
        with_evidence += bool(used)  # none only when the actor came from an earlier sentence ("the officials")
        for m in used:
            assert rec.text[m.start:m.end] == m.text and e.sentence.start <= m.start < m.end <= e.sentence.end
        assert e.source, "every event has a source actor"
        assert (e.plover is None) == (e.cameo_root in ("01", "02"))
    assert with_evidence >= 0.8 * len(rec.events)
