"""The article record: one set of frozen types that every stage, the store, the API and the exports share.

The JSON form is the contract in ``docs/record.md`` (schema ``eventwire.record/1``). Offsets are Python string
indices into ``Record.text``: ``text[start:end]`` is always the cited span.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from typing import Any

SCHEMA = "eventwire.record/1"


def normalise_text(text: str) -> str:
    """Unicode NFC, every run of whitespace replaced by one space, stripped (the form the record id hashes)."""
    return " ".join(unicodedata.normalize("NFC", text).split())  # (= re.sub(r"\s+", " ", ...).strip(), faster)


def record_id(text: str, url: str | None = None) -> str:
    """First 16 hex digits of sha256(url or '' + newline + normalised text)."""
    payload = (url or "") + "\n" + normalise_text(text)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Span:
    """A cited piece of text: ``record.text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    id: str
    text: str
    label: str
    start: int
    end: int
    actor: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str  # person | organization | country | group
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    cameo: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class TimeExpr:
    text: str
    start: int
    end: int
    value: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY
    granularity: str | None = None  # day | week | month | year


@dataclass(frozen=True)
class Place:
    text: str
    start: int
    end: int
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    direct: bool
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    cue_lemma: str | None = None


@dataclass(frozen=True)
class EventDate:
    value: str
    granularity: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class EventLocation:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    start: int
    end: int


@dataclass(frozen=True)
class SentenceSpan:
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    id: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    cameo: str
    cameo_root: str
    plover: str | None
    plover_mode: str | None
    goldstein: float
    quad_class: int
    trigger: Span
    sentence: SentenceSpan
    date: EventDate | None = None
    location: EventLocation | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    mentions: tuple[Span, ...] = ()  # evidence: every actor mention the event's source and target rest on


@dataclass(frozen=True)
class Extractor:
    name: str
    version: str
    model: str


@dataclass(frozen=True)
class Record:
    id: str
    text: str
    extractor: Extractor
    input_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str = "en"
    entities: tuple[Entity, ...] = ()
    actors: tuple[Actor, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    schema: str = SCHEMA

    # -- serialisation -------------------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract as plain Python values (key order as in docs/record.md)."""
        raw = _plain(self)
        return {k: raw[k] for k in _RECORD_ORDER}

    def to_json(self, indent: int | None = None) -> str:
        if indent is not None:
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
        # The same text as ``json.dumps(self.to_dict())`` without building the plain copy first: the C encoder writes
        # tuples as arrays itself and asks ``_json_fields`` for each dataclass's fields (in declaration order). A record
        # is a tree of frozen values (it cannot hold itself), so the encoder's check for cycles is skipped.
        return json.dumps({k: getattr(self, k) for k in _RECORD_ORDER}, ensure_ascii=False, default=_json_fields,
                          check_circular=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        def spans(items: Any) -> tuple[Span, ...]:
            return tuple(Span(**m) for m in items or ())

        def event(e: dict[str, Any]) -> Event:
            e = dict(e)
            e["source"] = tuple(e.get("source") or ())
            e["target"] = tuple(e.get("target") or ())
            e["trigger"] = Span(**e["trigger"])
            e["sentence"] = SentenceSpan(**e["sentence"])
            e["date"] = EventDate(**e["date"]) if e.get("date") else None
            e["location"] = EventLocation(**e["location"]) if e.get("location") else None
            e["mentions"] = tuple(Span(**m) for m in e.get("mentions") or ())
            return Event(**_known(Event, e))

        def actor(a: dict[str, Any]) -> Actor:
            a = dict(a)
            a["mentions"] = spans(a.get("mentions"))
            return Actor(**_known(Actor, a))

        return cls(
            id=d["id"],
            text=d["text"],
            extractor=Extractor(**d["extractor"]),
            input_id=d.get("input_id"),
            url=d.get("url"),
            outlet=d.get("outlet"),
            title=d.get("title"),
            published=d.get("published"),
            language=d.get("language", "en"),
            entities=tuple(Entity(**_known(Entity, x)) for x in d.get("entities") or ()),
            actors=tuple(actor(x) for x in d.get("actors") or ()),
            times=tuple(TimeExpr(**_known(TimeExpr, x)) for x in d.get("times") or ()),
            places=tuple(Place(**_known(Place, x)) for x in d.get("places") or ()),
            quotes=tuple(Quote(**_known(Quote, x)) for x in d.get("quotes") or ()),
            events=tuple(event(x) for x in d.get("events") or ()),
            schema=d.get("schema", SCHEMA),
        )

    @classmethod
    def from_json(cls, s: str) -> Record:
        return cls.from_dict(json.loads(s))

    def actor(self, actor_id: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None


def _known(cls: type, d: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in d.items() if k in names}


_RECORD_ORDER = ("schema", "id", "input_id", "url", "outlet", "title", "published", "language", "text",
                 "entities", "actors", "times", "places", "quotes", "events", "extractor")
_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # dataclass -> its field names in order, looked up once per class


def _plain(obj: Any) -> Any:
    """Dataclasses as dicts (fields in declaration order), tuples and lists as lists, everything else as is.

    Serialising is a walk over every value of every record, so scalars are passed through without a call, tuples
    are told apart before any dataclass test, and the field names of each dataclass are read once (``dataclasses.
    fields`` is slow to call per object); the values are read from the instance dict (the record types have no
    slots), else with getattr."""
    cls = obj.__class__
    if cls in _SCALARS:
        return obj
    if cls is tuple or cls is list:
        return [x if x.__class__ in _SCALARS else _plain(x) for x in obj]
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(obj))
        elif isinstance(obj, (list, tuple)):
            return [x if x.__class__ in _SCALARS else _plain(x) for x in obj]
        else:
            return obj
    values = getattr(obj, "__dict__", None)
    if values is None or len(values) != len(names):
        values = {name: getattr(obj, name) for name in names}
    out = {}
    for name in names:
        v = values[name]
        out[name] = v if v.__class__ in _SCALARS else _plain(v)
    return out


def _json_fields(obj: Any) -> dict[str, Any]:
    """``json.dumps``'s ``default`` for ``Record.to_json``: a dataclass as the dict of its fields in declaration order
    (the instance dict itself when it holds exactly those, in that order); anything else is not serialisable, as
    for ``json.dumps(record.to_dict())``."""
    cls = obj.__class__
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
            raise TypeError(f"Object of type {cls.__name__} is not JSON serializable")
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(obj))
    values = getattr(obj, "__dict__", None)
    if values is not None and tuple(values) == names:
        return values
    return {name: getattr(obj, name) for name in names}


__all__ = [
    "SCHEMA", "Actor", "Entity", "Event", "EventDate", "EventLocation", "Extractor", "Place", "Quote", "Record",
    "SentenceSpan", "Span", "TimeExpr", "normalise_text", "record_id",
]
