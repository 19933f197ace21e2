"""Exports of stored records: PLOVER JSONL, the GDELT 2.0 event table, our records as JSONL, CSV and Parquet tables.

Every export reads records from the store and builds its rows from the record types (CSV/Parquet through
:mod:`eventwire.tables`), so an export never computes something the record does not say.

Event exports (PLOVER, GDELT) leave out events that the text negates ("did not meet") or states as hypothetical
("may impose") unless ``include_uncertain``: both formats have no field to say so, and a consumer would read them as
things that happened. PLOVER also leaves out events without a PLOVER type, without a source actor or without any date (neither the
event's nor the article's), since these are required PLOVER fields. Every export counts what it left out and why.

GDELT notes: one row per (source actor, target actor) pair of an event (GDELT has one actor per side);
``GLOBALEVENTID`` numbers the rows of this export; ``NumMentions``/``NumSources``/``NumArticles`` are 1 (an event
in our record is one mention in one article); ``AvgTone`` is empty (not computed). Geography country codes are ISO
3166 alpha-3 as in our records (GDELT itself uses FIPS 10-4), ``ADM1Code``/``ADM2Code``/``FeatureID`` are empty. An
actor's geography is the place nearest to the actor's mention in the event's sentence, else the event's location.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import EventwireError
from .record import Actor, Event, Place, Record
from .store import Store
from .tables import TABLES, columns, to_rows

FORMATS = ("plover", "gdelt", "jsonl", "csv", "parquet")

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
assert len(GDELT_COLUMNS) == 61

PLOVER_REQUIRED = ("id", "date", "actor", "event")


@dataclass
class ExportReport:
    format: str
    out: str
    articles: int = 0
    written: int = 0  # lines/rows written (events for plover/gdelt, records for jsonl, rows for tables)
    left_out: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def skip(self, why: str) -> None:
        self.left_out[why] = self.left_out.get(why, 0) + 1


_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def jsonl_line(text: str) -> str:
    """A JSON text made safe for line-based readers: the Unicode line breaks JSON leaves raw are escaped."""
    return text.translate(_LINE_BREAKS) + "\n"


def _open_out(path: str) -> IO[str]:
    p = Path(path)
    if p.is_dir():
        raise EventwireError(f"{path}: is a folder; this format writes one file")
    if not p.parent.exists():
        raise EventwireError(f"{path}: folder {p.parent} does not exist")
    return open(p, "w", encoding="utf-8", newline="")


def _uncertain(ev: Event, include: bool, rep: ExportReport) -> bool:
    if include:
        return False
    if ev.negated:
        rep.skip("negated")
        return True
    if ev.hypothetical:
        rep.skip("hypothetical")
        return True
    return False


def _event_day(ev: Event, rec: Record) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD, precision) for an event: its own date (first day of a month/year), else the publication date."""
    if ev.date is not None:
        v = ev.date.value
        gran = ev.date.granularity
        if len(v) == 4:
            return v + "-01-01", gran or "year"
        if len(v) == 7:
            return v + "-01", gran or "month"
        return v[:10], gran or "day"
    if rec.published:
        return rec.published, "published"
    return None, None


# -- our records ------------------------------------------------------------------------------------------------

def export_jsonl(store: Store, out: str) -> ExportReport:
    rep = ExportReport("jsonl", out, files=[out])
    with _open_out(out) as fh:
        for rec in store.iter_records():
            fh.write(jsonl_line(rec.to_json()))
            rep.articles += 1
            rep.written += 1
    return rep


# -- PLOVER -----------------------------------------------------------------------------------------------------

def _plover_entity(a: Actor | None, actor_id: str) -> dict[str, Any]:
    if a is None:
        return {"code": None, "identifier_text": actor_id}
    ent: dict[str, Any] = {"code": a.country, "sector": a.sector, "entity_text": a.mentions[0].text if a.mentions
                           else a.name, "identifier_text": a.name}
    if a.role:
        ent["office"] = a.role
    if a.cameo:
        ent["cameo"] = a.cameo
    return ent


def plover_event(rec: Record, ev: Event, coded: str) -> dict[str, Any]:
    day, precision = _event_day(ev, rec)
    loc = None
    if ev.location is not None:
        loc = {"extracted_place": rec.text[ev.location.start:ev.location.end], "resolved_place": ev.location.name,
               "lat": ev.location.lat, "lon": ev.location.lon, "country_code": ev.location.country}
    return {
        "id": f"{rec.id}-{ev.id}",
        "has_event": True,
        "date": day,
        "date_precision": precision,
        "actor": [_plover_entity(rec.actor(x), x) for x in ev.source],
        "recipient": [_plover_entity(rec.actor(x), x) for x in ev.target],
        "event": [ev.plover],
        "mode": [ev.plover_mode] if ev.plover_mode else [],
        "context": [],
        "event_loc": loc,
        "event_text": [ev.trigger.text],
        "quad_code": ev.quad_class,
        "text_info": {"start": ev.sentence.start, "end": ev.sentence.end,
                      "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end},
        "cite_info": {"url": rec.url, "title": rec.title, "publication": rec.outlet, "language": rec.language,
                      "coder": f"{rec.extractor.name} {rec.extractor.version} ({rec.extractor.model})",
                      "codebook": "CAMEO, converted to PLOVER"},
        "coder": f"{rec.extractor.name} {rec.extractor.version}",
        "coded_date": coded,
        "cameo": ev.cameo,
        "goldstein": ev.goldstein,
        "confidence": ev.confidence,
        "article_id": rec.id,
    }


def export_plover(store: Store, out: str, include_uncertain: bool = False) -> ExportReport:
    rep = ExportReport("plover", out, files=[out])
    coded = dt.date.today().isoformat()
    with _open_out(out) as fh:
        for rec in store.iter_records():
            rep.articles += 1
            for ev in rec.events:
                if not ev.plover:
                    rep.skip("no PLOVER type")
                    continue
                if _uncertain(ev, include_uncertain, rep):
                    continue
                obj = plover_event(rec, ev, coded)
                if obj["date"] is None:  # PLOVER requires a date; neither the event nor the article has one
                    rep.skip("no date")
                    continue
                if not obj["actor"]:  # PLOVER requires the source actor
                    rep.skip("no source actor")
                    continue
                fh.write(jsonl_line(json.dumps(obj, ensure_ascii=False)))
                rep.written += 1
    return rep


# -- GDELT 2.0 event table --------------------------------------------------------------------------------------

def _geo_type(p_name: str, p_country: str | None) -> int:
    from .geo import gazetteer

    g = gazetteer()
    entry = g.lookup(p_name)
    if entry is not None and entry.kind == "country":
        return 1
    if p_country and g.country_name(p_country) == p_name:
        return 1
    return 4  # world city / place (GDELT has no finer class we could know)


def _geo_cols(place: Place | None, loc: Any = None) -> list[Any]:
    if place is not None:
        return [_geo_type(place.name, place.country), place.name, place.country or "", "", "",
                _num(place.lat), _num(place.lon), ""]
    if loc is not None:
        return [_geo_type(loc.name, loc.country), loc.name, loc.country or "", "", "", _num(loc.lat),
                _num(loc.lon), ""]
    return [""] * 8


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}"


def _actor_cols(a: Actor | None) -> list[Any]:
    if a is None:
        return [""] * 10
    code = a.cameo or ((a.country or "") + (a.sector or ""))
    known = a.sector if a.sector in ("IGO", "NGO", "IMG") else ""
    return [code, a.name.upper(), a.country or "", known, "", "", "", a.sector or "", "", ""]


def _actor_place(rec: Record, ev: Event, a: Actor | None) -> Place | None:
    """The place nearest to the actor's mention inside the event's sentence (None if either is missing)."""
    if a is None:
        return None
    s, e = ev.sentence.start, ev.sentence.end
    places = [p for p in rec.places if s <= p.start and p.end <= e]
    mentions = [m for m in a.mentions if s <= m.start and m.end <= e]
    if not places or not mentions:
        return None
    return min(places, key=lambda p: min(abs(p.start - m.start) for m in mentions))


def _first_paragraph_end(text: str) -> int:
    i = text.find("\n", 1)
    return len(text) if i < 0 else i


def gdelt_rows(rec: Record, ev: Event, next_id: int, added: str) -> list[list[Any]]:
    day, _ = _event_day(ev, rec)
    d = dt.date.fromisoformat(day) if day else None
    date_cols: list[Any] = ["", "", "", ""]
    if d is not None:
        frac = d.year + (d.timetuple().tm_yday - 1) / (366 if _leap(d.year) else 365)
        date_cols = [d.strftime("%Y%m%d"), d.strftime("%Y%m"), d.year, f"{frac:.4f}"]
    sources = [rec.actor(x) for x in ev.source] or [None]
    targets = [rec.actor(x) for x in ev.target] or [None]
    root_event = 1 if ev.sentence.start < _first_paragraph_end(rec.text) else 0
    rows = []
    for a1 in sources:
        for a2 in targets:
            p1 = _actor_place(rec, ev, a1)
            p2 = _actor_place(rec, ev, a2)
            row = [next_id + len(rows), *date_cols, *_actor_cols(a1), *_actor_cols(a2),
                   root_event, ev.cameo, ev.cameo[:3], ev.cameo_root, ev.quad_class, f"{ev.goldstein:.1f}", 1, 1, 1,
                   "",
                   *_geo_cols(p1, ev.location if a1 is not None else None),
                   *_geo_cols(p2, ev.location if a2 is not None else None),
                   *_geo_cols(None, ev.location),
                   added, rec.url or ""]
            rows.append([_clean(v) for v in row])
    return rows


def _leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _clean(v: Any) -> str:
    # A tab or newline inside a field would break the table; GDELT has no quoting.
    return " ".join(str(v).split()) if isinstance(v, str) else str(v)


def export_gdelt(store: Store, out: str, include_uncertain: bool = False) -> ExportReport:
    rep = ExportReport("gdelt", out, files=[out])
    added_at = {r[0]: r[1] for r in store.conn.execute("SELECT id, ingested_at FROM articles")}
    next_id = 1
    with _open_out(out) as fh:
        for rec in store.iter_records():
            rep.articles += 1
            stamp = (added_at.get(rec.id) or "").replace("-", "").replace(":", "").replace("T", "").rstrip("Z")
            for ev in rec.events:
                if _uncertain(ev, include_uncertain, rep):
                    continue
                for row in gdelt_rows(rec, ev, next_id, stamp):
                    fh.write("\t".join(row) + "\n")
                    next_id += 1
                    rep.written += 1
    return rep


# -- CSV and Parquet tables -------------------------------------------------------------------------------------

def _table_dir(out: str) -> Path:
    p = Path(out)
    if p.exists() and not p.is_dir():
        raise EventwireError(f"{out}: exists and is not a folder; csv and parquet write one file per table")
    p.mkdir(parents=True, exist_ok=True)
    return p


def _rows_by_table(store: Store, rep: ExportReport) -> Iterator[dict[str, list[dict[str, Any]]]]:
    for rec in store.iter_records():
        rep.articles += 1
        yield to_rows(rec)


def export_csv(store: Store, out: str) -> ExportReport:
    d = _table_dir(out)
    rep = ExportReport("csv", out)
    handles = {t: open(d / f"{t}.csv", "w", encoding="utf-8", newline="") for t in TABLES}
    try:
        writers = {t: csv.writer(h) for t, h in handles.items()}
        for t, w in writers.items():
            w.writerow(columns(t))
        for rows in _rows_by_table(store, rep):
            for t, rs in rows.items():
                cols = columns(t)
                writers[t].writerows([["" if r[c] is None else r[c] for c in cols] for r in rs])
                rep.written += len(rs)
    finally:
        for h in handles.values():
            h.close()
    rep.files = [str(d / f"{t}.csv") for t in TABLES]
    return rep


def arrow_schema(table: str):
    import pyarrow as pa

    types = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([pa.field(c.name, types[c.type], nullable=c.nullable) for c in TABLES[table]])


def export_parquet(store: Store, out: str, rows_per_group: int = 50_000) -> ExportReport:
    import pyarrow as pa
    import pyarrow.parquet as pq

    d = _table_dir(out)
    rep = ExportReport("parquet", out)
    schemas = {t: arrow_schema(t) for t in TABLES}
    writers = {t: pq.ParquetWriter(str(d / f"{t}.parquet"), schemas[t]) for t in TABLES}
    buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}

    def flush(t: str) -> None:
        if buffers[t]:
            writers[t].write_table(pa.Table.from_pylist(buffers[t], schema=schemas[t]))
            buffers[t] = []

    try:
        for rows in _rows_by_table(store, rep):
            for t, rs in rows.items():
                buffers[t].extend(rs)
                rep.written += len(rs)
                if len(buffers[t]) >= rows_per_group:
                    flush(t)
        for t in TABLES:
            flush(t)
    finally:
        for w in writers.values():
            w.close()
    rep.files = [str(d / f"{t}.parquet") for t in TABLES]
    return rep


def export(store: Store, fmt: str, out: str, include_uncertain: bool = False) -> ExportReport:
    if fmt == "plover":
        return export_plover(store, out, include_uncertain)
    if fmt == "gdelt":
        return export_gdelt(store, out, include_uncertain)
    if fmt == "jsonl":
        return export_jsonl(store, out)
    if fmt == "csv":
        return export_csv(store, out)
    if fmt == "parquet":
        return export_parquet(store, out)
    raise EventwireError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "GDELT_COLUMNS", "PLOVER_REQUIRED", "ExportReport", "arrow_schema", "export", "gdelt_rows",
           "plover_event"]
