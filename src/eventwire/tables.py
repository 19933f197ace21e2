"""The one flattening of a :class:`~eventwire.record.Record` into table rows, and back.

The store (SQLite), the CSV and Parquet exports and the batch Parquet output all use these tables, so a record has
one tabular shape everywhere. Nothing here knows about SQLite: a row is a dict of plain Python values
(``str``/``int``/``float``/``bool``/``None``) keyed by column name, and each table declares its columns and their
types so a writer can create matching SQL or Arrow schemas.

Tables (every child row carries ``article_id`` and ``idx``, its position in the record's list, so order survives):

    articles        one row per record: metadata, text and extractor
    entities        record.entities
    actors          record.actors (per article; cross-article identity is not decided here)
    mentions        record.actors[*].mentions, keyed by ``actor_idx`` (``idx`` counts across the article)
    times           record.times
    places          record.places
    quotes          record.quotes
    events          record.events, with trigger/sentence/date/location flattened into prefixed columns
    event_actors    record.events[*].source/target as (event_idx, role, pos, actor_id) rows
    event_mentions  record.events[*].mentions (the actor mentions an event rests on), keyed by ``event_idx``
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .record import (
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
)

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # text | int | float | bool
    nullable: bool = True


def _cols(spec: str) -> tuple[Column, ...]:
    """``"name:type name:type? ..."``; a trailing ``?`` marks a nullable column."""
    out = []
    for item in spec.split():
        name, typ = item.split(":")
        out.append(Column(name, typ.rstrip("?"), typ.endswith("?")))
    return tuple(out)


_CHILD = "article_id:text idx:int "

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": _cols(
        "id:text input_id:text? url:text? outlet:text? title:text? published:text? language:text text:text "
        "schema:text extractor_name:text extractor_version:text extractor_model:text"),
    "entities": _cols(_CHILD + "id:text text:text label:text start:int end:int actor:text? country:text?"),
    "actors": _cols(_CHILD + "id:text name:text kind:text country:text? sector:text? role:text? cameo:text?"),
    "mentions": _cols(_CHILD + "actor_idx:int actor_id:text text:text start:int end:int"),
    "times": _cols(_CHILD + "text:text start:int end:int value:text? granularity:text?"),
    "places": _cols(_CHILD + "text:text start:int end:int name:text country:text? lat:float? lon:float?"),
    "quotes": _cols(_CHILD + "id:text text:text start:int end:int direct:bool speaker:text? speaker_text:text? "
                             "cue:text? cue_lemma:text?"),
    "events": _cols(
        _CHILD + "id:text cameo:text cameo_root:text plover:text? plover_mode:text? goldstein:float quad_class:int "
        "trigger_text:text trigger_start:int trigger_end:int sentence_start:int sentence_end:int "
        "date_value:text? date_granularity:text? date_text:text? date_start:int? date_end:int? "
        "location_name:text? location_country:text? location_lat:float? location_lon:float? "
        "location_start:int? location_end:int? negated:bool hypothetical:bool confidence:float"),
    "event_actors": _cols(_CHILD + "event_idx:int event_id:text role:text pos:int actor_id:text"),
    "event_mentions": _cols(_CHILD + "event_idx:int event_id:text text:text start:int end:int"),
}

# Every field of every record type, as this module flattens it (a test fails when the record grows a field that
# is not here, so a new field is never silently dropped by the store or the exports).
COVERED_FIELDS = {
    "Record": "id text extractor input_id url outlet title published language entities actors times places quotes "
              "events schema",
    "Entity": "id text label start end actor country",
    "Actor": "id name kind country sector role cameo mentions",
    "TimeExpr": "text start end value granularity",
    "Place": "text start end name country lat lon",
    "Quote": "id text start end direct speaker speaker_text cue cue_lemma",
    "Event": "id source target cameo cameo_root plover plover_mode goldstein quad_class trigger sentence date "
             "location negated hypothetical confidence mentions",
    "EventDate": "value granularity text start end",
    "EventLocation": "name country lat lon start end",
    "Extractor": "name version model",
}

# Child tables in the order a record lists them (articles first).
TABLE_ORDER = tuple(TABLES)


def columns(table: str) -> list[str]:
    return [c.name for c in TABLES[table]]


# -- record -> rows ------------------------------------------------------------------------------------------------

def to_rows(rec: Record) -> dict[str, list[Row]]:
    """Every table's rows for one record (tables with nothing to say get an empty list)."""
    aid = rec.id
    ex = rec.extractor
    out: dict[str, list[Row]] = {t: [] for t in TABLES}
    out["articles"].append({
        "id": aid, "input_id": rec.input_id, "url": rec.url, "outlet": rec.outlet, "title": rec.title,
        "published": rec.published, "language": rec.language, "text": rec.text, "schema": rec.schema,
        "extractor_name": ex.name, "extractor_version": ex.version, "extractor_model": ex.model,
    })
    for i, e in enumerate(rec.entities):
        out["entities"].append({"article_id": aid, "idx": i, "id": e.id, "text": e.text, "label": e.label,
                                "start": e.start, "end": e.end, "actor": e.actor, "country": e.country})
    for i, a in enumerate(rec.actors):
        out["actors"].append({"article_id": aid, "idx": i, "id": a.id, "name": a.name, "kind": a.kind,
                              "country": a.country, "sector": a.sector, "role": a.role, "cameo": a.cameo})
        for m in a.mentions:
            out["mentions"].append({"article_id": aid, "idx": len(out["mentions"]), "actor_idx": i, "actor_id": a.id,
                                    "text": m.text, "start": m.start, "end": m.end})
    for i, t in enumerate(rec.times):
        out["times"].append({"article_id": aid, "idx": i, "text": t.text, "start": t.start, "end": t.end,
                             "value": t.value, "granularity": t.granularity})
    for i, p in enumerate(rec.places):
        out["places"].append({"article_id": aid, "idx": i, "text": p.text, "start": p.start, "end": p.end,
                              "name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon})
    for i, q in enumerate(rec.quotes):
        out["quotes"].append({"article_id": aid, "idx": i, "id": q.id, "text": q.text, "start": q.start,
                              "end": q.end, "direct": q.direct, "speaker": q.speaker,
                              "speaker_text": q.speaker_text, "cue": q.cue, "cue_lemma": q.cue_lemma})
    for i, ev in enumerate(rec.events):
        out["events"].append(event_row(aid, i, ev))
        for role, ids in (("source", ev.source), ("target", ev.target)):
            for pos, actor_id in enumerate(ids):
                out["event_actors"].append({"article_id": aid, "idx": len(out["event_actors"]), "event_idx": i,
                                            "event_id": ev.id, "role": role, "pos": pos, "actor_id": actor_id})
        for m in ev.mentions:
            out["event_mentions"].append({"article_id": aid, "idx": len(out["event_mentions"]), "event_idx": i,
                                          "event_id": ev.id, "text": m.text, "start": m.start, "end": m.end})
    return out


def event_row(aid: str, i: int, ev: Event) -> Row:
    d, loc = ev.date, ev.location
    return {
        "article_id": aid, "idx": i, "id": ev.id, "cameo": ev.cameo, "cameo_root": ev.cameo_root,
        "plover": ev.plover, "plover_mode": ev.plover_mode, "goldstein": ev.goldstein, "quad_class": ev.quad_class,
        "trigger_text": ev.trigger.text, "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
        "sentence_start": ev.sentence.start, "sentence_end": ev.sentence.end,
        "date_value": d.value if d else None, "date_granularity": d.granularity if d else None,
        "date_text": d.text if d else None, "date_start": d.start if d else None, "date_end": d.end if d else None,
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
        "location_start": loc.start if loc else None, "location_end": loc.end if loc else None,
        "negated": ev.negated, "hypothetical": ev.hypothetical, "confidence": ev.confidence,
    }


# -- rows -> record ------------------------------------------------------------------------------------------------

def _typed(table: str, row: Mapping[str, Any]) -> Row:
    """Column values coerced to their declared type (SQLite gives 0/1 for booleans, ints for whole floats)."""
    out: Row = {}
    for c in TABLES[table]:
        v = row[c.name]
        if v is not None:
            if c.type == "bool":
                v = bool(v)
            elif c.type == "float":
                v = float(v)
            elif c.type == "int":
                v = int(v)
        out[c.name] = v
    return out


def _sorted(rows: Iterable[Mapping[str, Any]] | None, table: str, key: str = "idx") -> list[Row]:
    return sorted((_typed(table, r) for r in rows or ()), key=lambda r: r[key])


def event_from_row(r: Mapping[str, Any], source: tuple[str, ...], target: tuple[str, ...],
                   mentions: tuple[Span, ...] = ()) -> Event:
    r = _typed("events", r)
    date = None
    if r["date_value"] is not None:
        date = EventDate(value=r["date_value"], granularity=r["date_granularity"], text=r["date_text"],
                         start=r["date_start"], end=r["date_end"])
    loc = None
    if r["location_name"] is not None:
        loc = EventLocation(name=r["location_name"], country=r["location_country"], lat=r["location_lat"],
                            lon=r["location_lon"], start=r["location_start"], end=r["location_end"])
    return Event(
        id=r["id"], source=source, target=target, cameo=r["cameo"], cameo_root=r["cameo_root"],
        plover=r["plover"], plover_mode=r["plover_mode"], goldstein=r["goldstein"], quad_class=r["quad_class"],
        trigger=Span(r["trigger_text"], r["trigger_start"], r["trigger_end"]),
        sentence=SentenceSpan(r["sentence_start"], r["sentence_end"]),
        date=date, location=loc, negated=r["negated"], hypothetical=r["hypothetical"], confidence=r["confidence"],
        mentions=mentions,
    )


def from_rows(rows: Mapping[str, Iterable[Mapping[str, Any]]]) -> Record:
    """The record whose rows these are (the inverse of :func:`to_rows`; ``rows`` hold one article)."""
    arts = [_typed("articles", r) for r in rows["articles"]]
    if len(arts) != 1:
        raise ValueError(f"from_rows needs exactly one article row, got {len(arts)}")
    a = arts[0]
    mentions: dict[int, list[Span]] = {}
    for m in _sorted(rows.get("mentions"), "mentions"):
        mentions.setdefault(m["actor_idx"], []).append(Span(m["text"], m["start"], m["end"]))
    roles: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for ea in _sorted(rows.get("event_actors"), "event_actors"):
        roles.setdefault((ea["event_idx"], ea["role"]), []).append((ea["pos"], ea["actor_id"]))

    ev_mentions: dict[int, list[Span]] = {}
    for m in _sorted(rows.get("event_mentions"), "event_mentions"):
        ev_mentions.setdefault(m["event_idx"], []).append(Span(m["text"], m["start"], m["end"]))

    def ids(i: int, role: str) -> tuple[str, ...]:
        return tuple(x for _, x in sorted(roles.get((i, role), [])))

    return Record(
        id=a["id"], text=a["text"], input_id=a["input_id"], url=a["url"], outlet=a["outlet"], title=a["title"],
        published=a["published"], language=a["language"], schema=a["schema"],
        extractor=Extractor(name=a["extractor_name"], version=a["extractor_version"], model=a["extractor_model"]),
        entities=tuple(Entity(id=r["id"], text=r["text"], label=r["label"], start=r["start"], end=r["end"],
                              actor=r["actor"], country=r["country"]) for r in _sorted(rows.get("entities"), "entities")),
        actors=tuple(Actor(id=r["id"], name=r["name"], kind=r["kind"], country=r["country"], sector=r["sector"],
                           role=r["role"], cameo=r["cameo"], mentions=tuple(mentions.get(r["idx"], ())))
                     for r in _sorted(rows.get("actors"), "actors")),
        times=tuple(TimeExpr(text=r["text"], start=r["start"], end=r["end"], value=r["value"],
                             granularity=r["granularity"]) for r in _sorted(rows.get("times"), "times")),
        places=tuple(Place(text=r["text"], start=r["start"], end=r["end"], name=r["name"], country=r["country"],
                           lat=r["lat"], lon=r["lon"]) for r in _sorted(rows.get("places"), "places")),
        quotes=tuple(Quote(id=r["id"], text=r["text"], start=r["start"], end=r["end"], direct=r["direct"],
                           speaker=r["speaker"], speaker_text=r["speaker_text"], cue=r["cue"],
                           cue_lemma=r["cue_lemma"]) for r in _sorted(rows.get("quotes"), "quotes")),
        events=tuple(event_from_row(r, ids(r["idx"], "source"), ids(r["idx"], "target"),
                                    tuple(ev_mentions.get(r["idx"], ())))
                     for r in _sorted(rows.get("events"), "events")),
    )


__all__ = ["COVERED_FIELDS", "TABLES", "TABLE_ORDER", "Column", "Row", "columns", "event_from_row", "event_row", "from_rows",
           "to_rows"]
