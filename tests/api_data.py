"""Records built for the API and browser tests (no model needed), stored through the store's own write path."""

from __future__ import annotations

import dataclasses
import re

from eventwire.record import (
    Actor,
    Entity,
    Event,
    EventDate,
    EventLocation,
    Extractor,
    Place,
    Quote,
    Record,
    SentenceSpan,
    Span,
    TimeExpr,
    record_id,
)
from eventwire.store import Store

EX = Extractor("eventwire", "0.1.0", "test-model")

SAHEL = ("Niger's military government suspended its defence agreement with the United States on Saturday in Niamey.\n"
         "Foreign Minister Bakary Sangare met Iranian officials in Tehran and praised their cooperation.\n"
         "“We will not accept threats,” said Colonel Amadou Abdramane.\n"
         "Russia sent military instructors to Niamey in April, and Niger welcomed them.")


def _span(text: str, word: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return Span(word, i, i + len(word))


def _sentence(text: str, pos: int) -> SentenceSpan:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return SentenceSpan(start, len(text) if end < 0 else end)


def sahel_record(text: str = SAHEL, url: str | None = "https://example.org/sahel", title: str = "Sahel shifts",
                 published: str = "2024-03-18") -> Record:
    """An article with actors, entities, times, places, a quote and three events (one per quad-class family)."""
    t = text
    ner = Actor("a1", "Niger", "country", country="NER", cameo="NERGOV", sector="GOV",
                mentions=(_span(t, "Niger"), _span(t, "Niger", 1)))
    usa = Actor("a2", "United States", "country", country="USA", cameo="USA", mentions=(_span(t, "United States"),))
    sang = Actor("a3", "Bakary Sangare", "person", country="NER", sector="GOV", role="Foreign Minister",
                 cameo="NERGOV", mentions=(_span(t, "Bakary Sangare"),))
    irn = Actor("a4", "Iran", "country", country="IRN", cameo="IRNGOV", mentions=(_span(t, "Iranian officials"),))
    abd = Actor("a5", "Amadou Abdramane", "person", country="NER", sector="MIL", role="Colonel", cameo="NERMIL",
                mentions=(_span(t, "Amadou Abdramane"),))
    rus = Actor("a6", "Russia", "country", country="RUS", cameo="RUS", mentions=(_span(t, "Russia"),))
    actors = (ner, usa, sang, irn, abd, rus)
    ents = tuple(Entity(f"e{i}", m.text, "GPE" if a.kind == "country" else "PERSON", m.start, m.end, a.id, a.country)
                 for i, (a, m) in enumerate((a, m) for a in actors for m in a.mentions))
    sat, apr = _span(t, "on Saturday"), _span(t, "in April")
    times = (TimeExpr(sat.text, sat.start, sat.end, "2024-03-16", "day"),
             TimeExpr(apr.text, apr.start, apr.end, "2024-04", "month"))
    nia, teh, nia2 = _span(t, "Niamey"), _span(t, "Tehran"), _span(t, "Niamey", 1)
    places = (Place("Niamey", nia.start, nia.end, "Niamey", "NER", 13.51, 2.11),
              Place("Tehran", teh.start, teh.end, "Tehran", "IRN", 35.69, 51.39),
              Place("Niamey", nia2.start, nia2.end, "Niamey", "NER", 13.51, 2.11))
    q = _span(t, "We will not accept threats,")
    quotes = (Quote("q1", q.text, q.start, q.end, True, "a5", None, "said", "say"),)

    def ev(i, src, tgt, cameo, plover, gold, quad, trig, date, loc, nth=0):
        tr = _span(t, trig, nth)
        return Event(f"ev{i}", src, tgt, cameo, cameo[:2], plover, None, gold, quad, tr, _sentence(t, tr.start),
                     date, loc)

    events = (
        ev(1, ("a1",), ("a2",), "163", "REDUCE", -4.0, 4, "suspended",
           EventDate("2024-03-16", "day", sat.text, sat.start, sat.end),
           EventLocation("Niamey", "NER", 13.51, 2.11, nia.start, nia.end)),
        ev(2, ("a3",), ("a4",), "040", "CONSULT", 1.0, 1, "met", None,
           EventLocation("Tehran", "IRN", 35.69, 51.39, teh.start, teh.end)),
        ev(3, ("a6",), ("a1",), "062", "AID", 7.4, 2, "sent",
           EventDate("2024-04", "month", apr.text, apr.start, apr.end),
           EventLocation("Niamey", "NER", 13.51, 2.11, nia2.start, nia2.end)),
        ev(4, ("a5",), ("a2",), "112", "ACCUSE", -2.0, 3, "will not accept", None, None),
    )
    return Record(id=record_id(t, url), text=t, extractor=EX, url=url, title=title, outlet="Example",
                  published=published, entities=ents, actors=actors, times=times, places=places, quotes=quotes,
                  events=events)


SCRIPT_TEXT = ("<script>window.__pwned = 1;</script> Niger and <b>Mali</b> talked <img src=x onerror=alert(1)> "
               "about security.\nThey met in Bamako.")


def script_record() -> Record:
    t = SCRIPT_TEXT
    ner = Actor("a1", "Niger", "country", country="NER", cameo="NER", mentions=(_span(t, "Niger"),))
    mli = Actor("a2", "Mali", "country", country="MLI", cameo="MLI", mentions=(_span(t, "Mali"),))
    tr = _span(t, "talked")
    ev = Event("ev1", ("a1",), ("a2",), "040", "04", "CONSULT", None, 1.0, 1, tr, _sentence(t, tr.start))
    return Record(id=record_id(t, None), text=t, extractor=EX, title="<i>Markup</i> in a title", published="2024-02-01",
                  actors=(ner, mli), events=(ev,))


def many_records(n: int) -> list[Record]:
    """``n`` distinct variants of the Sahel record (different dates and urls), for paging."""
    out = []
    for k in range(n):
        text = SAHEL + f"\nUpdate number {k + 1}."
        rec = sahel_record(text, url=f"https://example.org/sahel/{k}", title=f"Sahel shifts {k}",
                           published=f"2024-0{1 + k % 9}-1{k % 10}")
        out.append(rec)
    return out


def store_records(path, records) -> list[str]:
    with Store(path) as st:
        added, _ = st.write_batch([(r, None) for r in records])
    return added


def with_events(rec: Record) -> Record:
    """The founding record as the pipeline made it; when the event stage gave nothing yet, two events built from its
    own actors and text (a trigger verb in the sentence of a mention), so the UI has evidence to show."""
    if rec.events:
        return rec
    countries = [a for a in rec.actors if a.country and a.mentions]
    if len(countries) < 2:
        return rec
    events = []
    for i, a in enumerate(countries[:2]):
        other = next(b for b in countries if b.country != a.country) if any(
            b.country != a.country for b in countries) else countries[1 - i]
        m = a.mentions[0]
        sent = _sentence(rec.text, m.start)
        w = re.search(r"\b[a-z]{4,}(ed|s)\b", rec.text[m.end:sent.end])
        if not w:
            continue
        st = m.end + w.start()
        events.append(Event(f"ev{i + 1}", (a.id,), (other.id,), "040" if i else "163", "04" if i else "16",
                            "CONSULT" if i else "REDUCE", None, 1.0 if i else -4.0, 1 if i else 4,
                            Span(w.group(0), st, st + len(w.group(0))), sent))
    return dataclasses.replace(rec, events=tuple(events))
