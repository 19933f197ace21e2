"""Property tests: on arbitrary text `extract` never raises (other than a clear InputError) and every span is exact."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.record import Record

PIECES = st.sampled_from([
    "Niger", "’s junta", " said ", "“", "”", '"', "'", "‘", "’", "\n", "\n\n", "\x0b", "\x1f", "\t", " on Saturday",
    " last week", "Pentagon spokesperson Sabrina Singh", " (CNSP)", "He added", " visited Tehran", "в Москве",
    "北京", "مرحبا", "(", ")", "—", "…", "A" * 300, "ünïcödé", " 2012 ", "the United States", ".", ",", "🙂",
    " expelled ", "Russia", " and ", "accused", " of ", "not ", "\u200b", "\r\n",
])
TEXTS = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=40).map("".join))


def _check_spans(rec: Record) -> None:
    t = rec.text
    for e in rec.entities:
        assert t[e.start:e.end] == e.text
    for a in rec.actors:
        for m in a.mentions:
            assert t[m.start:m.end] == m.text
    for x in rec.times:
        assert t[x.start:x.end] == x.text
    for p in rec.places:
        assert t[p.start:p.end] == p.text
    for q in rec.quotes:
        assert t[q.start:q.end] == q.text
    for ev in rec.events:
        assert t[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        assert 0 <= ev.sentence.start <= ev.trigger.start <= ev.trigger.end <= ev.sentence.end <= len(t)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_extract_never_raises_and_spans_are_exact(pipeline, text, published):
    try:
        rec = pipeline.extract(text, published=published)
    except InputError:
        return  # empty, binary-looking or not English: a clear error, which is the contract
    _check_spans(rec)
    back = Record.from_json(rec.to_json())
    assert back == rec
    json.loads(rec.to_json())
