"""Scoring extraction against gold files: format detection and one pure scorer per format.

The rules are those of ``../shared/README.md`` ("How the suites are scored") and are written out for analysts in
``docs/gold-formats.md``. Nothing here runs the model: the CLI (``eventwire eval``) extracts, then hands the gold
items and the predictions to the scorers below, so tests can feed hand-made predictions.

Formats (detected from the content, see :func:`detect_format`):

- ``petrarch``: JSONL, ``expected_events`` with string (or null) ``source``/``target`` CAMEO actor codes and a CAMEO
  ``code``. Metrics: % of gold (source, target, code) tuples found (and at root level), extra predicted tuples per 100
  scored records, micro P/R/F1 on full codes.
- ``plover``: JSONL, ``expected_events`` whose ``source``/``target`` are lists of ``{"code": ...}`` objects and whose
  ``code`` is a PLOVER type. Metrics: micro P/R/F1 over (source, target, PLOVER type) tuples.
- ``codebook``: CSV with columns ``code`` and ``example`` (the CAMEO codebook). Metrics: share of example sentences
  with some predicted event of the example's root / full code.
- ``actors``: JSONL with a ``method`` field (actor-resolution cases). Metrics: share right for ``agent_to_code`` (all,
  and split into titled/organisation texts, bare personal names and the rest) and for ``search_nat``.
- ``quotes``: JSONL with ``expected_quotes``. Metrics: share of gold quotes found and attributed.

Every share is a percentage (0-100) rounded to two decimals.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .record import Actor, Record

FORMATS = ("petrarch", "plover", "codebook", "actors", "quotes")

# CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "UKG": "GBR", "GER": "DEU", "ROM": "ROU"}
# Keys of actors that are not states.
ORG_KEYS = frozenset({"IGO", "NGO", "IMG"})
# PLOVER 0.5b1 type names and the current names they map to.
PLOVER_OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
                    "YIELD": "CONCEDE"}
NONE_KEY = "none"      # a missing source or target
UNKNOWN_KEY = "---"    # an actor whose country is not known (the CAMEO convention for an unknown country)


# -- gold items ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldItem:
    """One text to extract and score. ``scored`` is False for records the rules skip (they are not extracted)."""

    id: str
    text: str
    published: str | None
    gold: Any               # the format's gold: the JSON record, or the codebook row
    scored: bool = True


@dataclass
class GoldFile:
    path: str
    format: str
    items: list[GoldItem] = field(default_factory=list)
    skipped: int = 0        # records skipped by the rules (evaluate: false, expected errors, unscored methods)


def _read_jsonl(path: Path) -> list[dict]:
    out = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: invalid UTF-8 at byte {exc.start}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: malformed JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(obj, dict):
            raise InputError(f"{path}:{n}: expected a JSON object per line")
        out.append(obj)
    return out


def detect_format(records: Sequence[dict]) -> str | None:
    """The gold format of a list of JSONL records, or None when it is none of ours."""
    if not records:
        return None
    if all("method" in r for r in records):
        return "actors"
    if all("expected_quotes" in r for r in records):
        return "quotes"
    if all("expected_events" in r and "text" in r for r in records):
        for r in records:
            for ev in r.get("expected_events") or ():
                if isinstance(ev, dict) and (isinstance(ev.get("source"), list) or isinstance(ev.get("target"), list)):
                    return "plover"
        return "petrarch"
    return None


def _is_false(value: Any) -> bool:
    return value is False or (isinstance(value, str) and value.strip().lower() == "false")


def petrarch_skipped(rec: dict) -> bool:
    """Records the rules skip: ``evaluate: false``, records expecting an error, and (the PETRARCH-2 file's spelling
    of the same flag) ``sentence: "false"``."""
    return (_is_false(rec.get("evaluate")) or _is_false(rec.get("sentence")) or bool(rec.get("expected_errors"))
            or rec.get("gold_status") == "error")


SCORED_METHODS = ("agent_to_code", "search_nat")


def load_gold(path: str | Path) -> GoldFile:
    """Read a gold file and detect its format; raises InputError with a one-line message when it cannot."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory (give the gold files themselves)")
    if p.suffix.lower() == ".csv":
        return _load_codebook(p)
    records = _read_jsonl(p)
    if not records:
        raise InputError(f"{path}: the gold file is empty")
    fmt = detect_format(records)
    if fmt is None:
        raise InputError(f"{path}: not a gold file eventwire knows (see docs/gold-formats.md): expected JSON lines "
                         "with expected_events, expected_quotes or method, or a CSV with code and example columns")
    gf = GoldFile(path=str(path), format=fmt)
    for n, rec in enumerate(records, 1):
        rid = str(rec.get("id", n))
        if fmt == "actors":
            args = rec.get("args") or {}
            if rec.get("method") not in SCORED_METHODS or not isinstance(args.get("text"), str):
                gf.skipped += 1
                continue
            gf.items.append(GoldItem(rid, args["text"], None, rec))
            continue
        text = rec.get("text")
        if not isinstance(text, str):
            raise InputError(f"{path}:{n}: missing or non-string 'text' field")
        published = rec.get("date") if isinstance(rec.get("date"), str) else None
        if fmt in ("petrarch", "plover") and petrarch_skipped(rec):
            gf.skipped += 1
            continue
        if fmt == "quotes" and not isinstance(rec.get("expected_quotes"), list):
            raise InputError(f"{path}:{n}: 'expected_quotes' must be a list")
        gf.items.append(GoldItem(rid, text, published, rec))
    return gf


def _load_codebook(p: Path) -> GoldFile:
    try:
        with p.open(encoding="utf-8", errors="replace", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = set(reader.fieldnames or ())
            if not {"code", "example"} <= fields:
                raise InputError(f"{p}: a codebook CSV needs the columns code and example")
            rows = list(reader)
    except csv.Error as exc:
        raise InputError(f"{p}: malformed CSV ({exc})") from None
    gf = GoldFile(path=str(p), format="codebook")
    for n, row in enumerate(rows, 2):
        code = (row.get("code") or "").strip()
        example = (row.get("example") or "").strip()
        if not code or not example or example.upper() == "NA":
            gf.skipped += 1
            continue
        gf.items.append(GoldItem(f"{code}@{n}", example, None, {"code": code}))
    return gf


# -- keys and tuples ----------------------------------------------------------------------------------------------

def code_key(code: str | None) -> str:
    """The actor key of a gold CAMEO actor code: first three letters, CAMEO country codes mapped to ISO."""
    if code is None:
        return NONE_KEY
    c = code.strip().strip('"').upper()
    if not c:
        return NONE_KEY
    c = c[:3]
    return CAMEO_TO_ISO.get(c, c)


def actor_key(actor: Actor | None) -> str:
    """The key of a predicted actor: its country (CAMEO codes mapped to ISO; IGO/NGO/IMG kept); else the first three
    letters of its CAMEO code; else IGO/NGO/IMG from its sector; else ``---`` (unknown country)."""
    if actor is None:
        return UNKNOWN_KEY
    if actor.country:
        return code_key(actor.country)
    if actor.cameo and len(actor.cameo.strip()) >= 3:
        return code_key(actor.cameo)
    if actor.sector and actor.sector.upper() in ORG_KEYS:
        return actor.sector.upper()
    return UNKNOWN_KEY


def plover_name(name: str | None) -> str | None:
    if not name:
        return None
    n = name.strip().upper()
    return PLOVER_OLD_NAMES.get(n, n)


def cameo_root(code: str) -> str:
    return code.strip()[:2]


Tuple3 = tuple[str, str, str]


def _product(sources: Iterable[str], targets: Iterable[str], label: str) -> set[Tuple3]:
    src = set(sources) or {NONE_KEY}
    tgt = set(targets) or {NONE_KEY}
    return {(s, t, label) for s in src for t in tgt}


def predicted_tuples(record: Record | None, level: str) -> set[Tuple3]:
    """Tuples of a record's events. ``level`` is ``code`` (full CAMEO), ``root`` (CAMEO root) or ``plover``.

    An event with no source (or target) actor has the key ``none`` there; an event with no PLOVER type (CAMEO 01, 02)
    gives no PLOVER tuple. A tuple stated twice in one record counts once.
    """
    out: set[Tuple3] = set()
    if record is None:
        return out
    by_id = {a.id: a for a in record.actors}
    for ev in record.events:
        if ev.negated:
            continue  # "did not attack": the record says it did not happen; the suites list what happened
        if level == "code":
            label = ev.cameo
        elif level == "root":
            label = ev.cameo_root or cameo_root(ev.cameo)
        elif level == "plover":
            label = plover_name(ev.plover)  # type: ignore[assignment]
            if label is None:
                continue
        else:
            raise ValueError(f"unknown level {level!r}")
        out |= _product((actor_key(by_id.get(i)) for i in ev.source), (actor_key(by_id.get(i)) for i in ev.target),
                        label)
    return out


def petrarch_gold_tuples(rec: dict, level: str) -> set[Tuple3]:
    out: set[Tuple3] = set()
    for ev in rec.get("expected_events") or ():
        code = str(ev.get("code") or "").strip()
        if not code:
            continue
        label = code if level == "code" else cameo_root(code)
        out.add((code_key(ev.get("source")), code_key(ev.get("target")), label))
    return out


def plover_gold_tuples(rec: dict) -> set[Tuple3]:
    out: set[Tuple3] = set()
    for ev in rec.get("expected_events") or ():
        label = plover_name(ev.get("code"))
        if label is None:
            continue
        src = [code_key(a.get("code")) for a in ev.get("source") or () if isinstance(a, dict) and a.get("code")]
        tgt = [code_key(a.get("code")) for a in ev.get("target") or () if isinstance(a, dict) and a.get("code")]
        out |= _product(src, tgt, label)
    return out


# -- metrics ------------------------------------------------------------------------------------------------------

def pct(num: float, den: float) -> float | None:
    return round(100.0 * num / den, 2) if den else None


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | None]:
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else (0.0 if p is not None and r is not None
                                                                                else None)
    return {"precision": _r(p), "recall": _r(r), "f1": _r(f)}


def _r(x: float | None) -> float | None:
    return None if x is None else round(100.0 * x, 2)


def _count(golds: Sequence[set[Tuple3]], preds: Sequence[set[Tuple3]]) -> tuple[int, int, int, int]:
    tp = n_gold = n_pred = extra = 0
    for g, p in zip(golds, preds, strict=True):
        tp += len(g & p)
        n_gold += len(g)
        n_pred += len(p)
        extra += len(p - g)
    return tp, n_gold, n_pred, extra


def score_petrarch(items: Sequence[GoldItem], preds: Sequence[Record | None]) -> dict[str, float | int | None]:
    """PETRARCH suites: % of gold tuples found (full code and root), extra tuples per 100 records, P/R/F1 (code)."""
    gold_code = [petrarch_gold_tuples(i.gold, "code") for i in items]
    gold_root = [petrarch_gold_tuples(i.gold, "root") for i in items]
    pred_code = [predicted_tuples(p, "code") for p in preds]
    pred_root = [predicted_tuples(p, "root") for p in preds]
    tp, n_gold, n_pred, extra = _count(gold_code, pred_code)
    tp_root, n_gold_root, _, _ = _count(gold_root, pred_root)
    out: dict[str, float | int | None] = {"records": len(items), "gold": n_gold, "found": pct(tp, n_gold),
                                          "found_root": pct(tp_root, n_gold_root),
                                          "extra_per_100": pct(extra, len(items))}
    out.update(prf(tp, n_pred, n_gold))
    return out


def score_plover(items: Sequence[GoldItem], preds: Sequence[Record | None]) -> dict[str, float | int | None]:
    """PLOVER records: micro P/R/F1 over (source, target, PLOVER type); ``type_found`` = % of records where some
    predicted event has a gold type (actors ignored), a diagnostic for the event typing alone."""
    gold = [plover_gold_tuples(i.gold) for i in items]
    pred = [predicted_tuples(p, "plover") for p in preds]
    tp, n_gold, n_pred, _ = _count(gold, pred)
    typed = sum(1 for g, p in zip(gold, pred, strict=True) if {t[2] for t in g} & {t[2] for t in p})
    out: dict[str, float | int | None] = {"records": len(items), "gold": n_gold}
    out.update(prf(tp, n_pred, n_gold))
    out["type_found"] = pct(typed, sum(1 for g in gold if g))
    return out


def score_codebook(items: Sequence[GoldItem], preds: Sequence[Record | None]) -> dict[str, float | int | None]:
    """CAMEO codebook examples: right at root (full-code) level when some predicted event has the example's root
    (code)."""
    root_ok = code_ok = 0
    for item, rec in zip(items, preds, strict=True):
        code = item.gold["code"]
        events = rec.events if rec is not None else ()
        if any((e.cameo_root or cameo_root(e.cameo)) == cameo_root(code) for e in events):
            root_ok += 1
        if any(e.cameo == code for e in events):
            code_ok += 1
    return {"records": len(items), "root_acc": pct(root_ok, len(items)), "code_acc": pct(code_ok, len(items))}


# -- actor cases --------------------------------------------------------------------------------------------------

# Words that make a text more than a bare personal name: titles, offices, organisation heads, and words of place
# names. Lower-case comparison; the list is for splitting the report, not for resolving anything.
_TITLE_ORG_WORDS = frozenset("""
president vice prime minister ministers ministry secretary deputy chief general gen gen. lt. lt col. col colonel
sen. sen senator rep. governor mayor king queen prince princess pope sheikh emir sultan chancellor premier ambassador
spokesman spokeswoman spokesperson commander admiral marshal judge justice chairman chairwoman chair director leader
head official officials minister. mr. mrs. ms. dr. dr sir lord lady former late
party army navy forces force fleet guard council union bank court organization organisation agency office authority
authorities department government parliament assembly congress senate committee commission service services police
university college institute school society group league alliance front movement church company corporation news
station team board federation association foundation fund ministry republic kingdom state states united nations
international national federal central royal
north south east west northern southern eastern western great new saint san santa puerto port mount lake river
island islands gulf bay republika africa america arabia asia europe
""".split())
_NOT_NAME_START = frozenset("the a an this these those two three four five six seven eight nine ten some several many "
                            "all".split())
_NAME_PARTICLES = frozenset("al al- el bin ibn bint abu abd de da do dos das del della di du la le van von der den ter "
                            "wa y".split())
_WORD_RE = re.compile(r"[^\W\d_][\w.'’-]*", re.UNICODE)


def text_group(text: str) -> str:
    """Split rule for the actor-case report: ``titled`` when the text carries a title or organisation word,
    ``bare_name`` when it is only two to five capitalised name words (name particles allowed), ``other`` otherwise
    (countries, nationalities, common nouns, single words). Pure function of the text, not of the gold."""
    words = _WORD_RE.findall(text)
    if not words:
        return "other"
    if any(w.lower() in _TITLE_ORG_WORDS or w.lower().rstrip(".") in _TITLE_ORG_WORDS for w in words):
        return "titled"
    if words[0].lower() in _NOT_NAME_START:
        return "other"
    other_tokens = re.sub(r"[^\W\d_][\w.'’-]*", " ", text).strip(" ,")
    name_words = [w for w in words if w.lower() not in _NAME_PARTICLES]
    if (2 <= len(name_words) <= 5 and not other_tokens
            and all(w[0].isupper() and not w.isupper() for w in name_words)):
        return "bare_name"
    return "other"


def _country_candidates(actor: Actor) -> set[str]:
    out = set()
    if actor.country:
        out.add(code_key(actor.country))
    if actor.cameo:
        c = actor.cameo.strip().upper()
        out |= {CAMEO_TO_ISO.get(c[i:i + 3], c[i:i + 3]) for i in range(0, len(c) - 2, 3)}
    if actor.sector and actor.sector.upper() in ORG_KEYS:
        out.add(actor.sector.upper())
    return out


def _has_state_country(actor: Actor) -> bool:
    return bool(actor.country) and code_key(actor.country) not in ORG_KEYS


def _sector_candidates(actor: Actor) -> set[str]:
    out = set()
    if actor.sector:
        out.add(actor.sector.strip().upper())
    if actor.cameo and len(actor.cameo.strip()) >= 6:
        out.add(actor.cameo.strip().upper()[3:6])
    return out


def _check(expected: Any, candidates: set[str]) -> bool:
    """One expected value (``"X"``, ``""``, ``{"in": [...]}``, ``{"!=": "X"}``) against the candidate codes."""
    if isinstance(expected, dict):
        if "in" in expected:
            return bool({str(x).upper() for x in expected["in"]} & candidates)
        if "!=" in expected:
            return str(expected["!="]).upper() not in candidates
        return True
    if expected is None:
        return True
    exp = str(expected).strip().upper()
    if not exp:
        return True
    return CAMEO_TO_ISO.get(exp, exp) in candidates


def actor_case_right(case: dict, actor: Actor | None) -> bool:
    """Is a resolved actor right for an actor-resolution case (methods agent_to_code and search_nat)?

    agent_to_code: ``{"__value__": null}`` expects no actor (or one with neither country nor sector). Otherwise the
    country must match when the key is given (``""`` = the actor has no state country), and the sector ``code_1``
    must match when given and not blank. search_nat: the country must equal ``ret0``.
    """
    exp = case.get("expected") or {}
    if case.get("method") == "search_nat":
        want = str(exp.get("ret0") or "").upper()
        if actor is None:
            return not want
        return CAMEO_TO_ISO.get(want, want) in _country_candidates(actor)
    if "__value__" in exp and exp["__value__"] is None:
        return actor is None or (not actor.country and not actor.sector and not actor.cameo)
    if "country" in exp:
        want = exp["country"]
        if isinstance(want, str) and not want.strip():
            if actor is not None and _has_state_country(actor):
                return False
        elif actor is None:
            if not (isinstance(want, dict) and "!=" in want):
                return False
        elif not _check(want, _country_candidates(actor)):
            return False
    if "code_1" in exp:
        want = exp["code_1"]
        given = not (isinstance(want, str) and not want.strip())
        if given:
            if actor is None or not _check(want, _sector_candidates(actor)):
                return False
    return True


def score_actor_cases(items: Sequence[GoldItem], preds: Sequence[Actor | None]) -> dict[str, float | int | None]:
    """Share of actor cases right: agent_to_code overall and by :func:`text_group`, search_nat separately."""
    tallies: dict[str, list[int]] = {}

    def add(key: str, ok: bool) -> None:
        t = tallies.setdefault(key, [0, 0])
        t[0] += ok
        t[1] += 1

    for item, actor in zip(items, preds, strict=True):
        ok = actor_case_right(item.gold, actor)
        method = item.gold.get("method")
        if method == "search_nat":
            add("search_nat", ok)
        else:
            add("agent_to_code", ok)
            add(text_group(item.text), ok)
    out: dict[str, float | int | None] = {"records": len(items)}
    for key in ("agent_to_code", "titled", "bare_name", "other", "search_nat"):
        right, n = tallies.get(key, [0, 0])
        out[key] = pct(right, n)
        out[f"{key}_n"] = n
    return out


# -- quotes -------------------------------------------------------------------------------------------------------

_QUOTE_CHARS = "\"'“”‘’«»„‚‹›「」"
_TRANS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"})


def _norm(text: str) -> str:
    t = unicodedata.normalize("NFC", text).translate(_TRANS).casefold()
    return re.sub(r"\s+", " ", t).strip()


def quote_core(content: str) -> str:
    """A gold quote's content with its enclosing quote marks stripped (punctuation inside them kept), normalised:
    NFC, curly quotes as straight ones, case folded, whitespace runs as one space."""
    return _norm(content.strip().strip(_QUOTE_CHARS).strip())


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", _norm(text or "")) if w != "and"}


def speaker_matches(gold_speaker: str | None, resolved: str | None, quote, record: Record | None) -> bool:
    """Does the predicted quote's speaker match the gold speaker?

    A prediction is judged by the most specific claim it makes. When it links a speaker actor and the gold gives the
    ``resolved`` speaker (coreference), the actor's name must contain the resolved name's words (or one of its
    mentions equal it). Otherwise the gold speaker's words must be among the words of the predicted speaker text or
    of the actor's name, or equal one of the actor's mentions ("he" for an actor whose mentions include that "he").
    """
    actor = record.actor(quote.speaker) if record is not None and quote.speaker else None
    mentions = {_norm(m.text) for m in actor.mentions} if actor else set()
    if actor is not None and resolved:
        want = _words(resolved)
        return bool(want) and (want <= _words(actor.name) or _norm(resolved) in mentions)
    want = _words(gold_speaker)
    if not want:
        return False
    names = [quote.speaker_text] + ([actor.name] if actor else [])
    return any(n and want <= _words(n) for n in names) or _norm(gold_speaker or "") in mentions


def score_quote_record(rec: dict, record: Record | None) -> tuple[int, int, int, int]:
    """(gold quotes, found, attributed, extra predicted quotes) for one quote case."""
    golds = rec.get("expected_quotes") or []
    resolved = rec.get("resolved_speakers") or []
    quotes = list(record.quotes) if record is not None else []
    used: set[int] = set()
    found = attributed = 0
    pending = []
    for gi, g in enumerate(golds):
        res = resolved[gi] if gi < len(resolved) else None
        content = g.get("content") if isinstance(g, dict) else None
        if not content:
            pending.append((g, res))
            continue
        core = quote_core(content)
        hits = [qi for qi, q in enumerate(quotes) if core and core in _norm(q.text)]
        if not hits:
            continue
        found += 1
        good = [qi for qi in hits if speaker_matches(g.get("speaker"), res, quotes[qi], record)]
        if good:
            attributed += 1
        used.add((good or hits)[0])
    # Gold quotes given by speaker only: found (and attributed) when a predicted quote not used by another gold quote
    # has that speaker; each predicted quote serves one such gold quote.
    for g, res in pending:
        good = [qi for qi in range(len(quotes))
                if qi not in used and speaker_matches(g.get("speaker"), res, quotes[qi], record)]
        if good:
            found += 1
            attributed += 1
            used.add(good[0])
    extra = len(quotes) - len(used)
    return len(golds), found, attributed, extra


def score_quotes(items: Sequence[GoldItem], preds: Sequence[Record | None]) -> dict[str, float | int | None]:
    n_gold = found = attributed = extra = 0
    for item, rec in zip(items, preds, strict=True):
        g, f, a, x = score_quote_record(item.gold, rec)
        n_gold += g
        found += f
        attributed += a
        extra += x
    return {"records": len(items), "gold": n_gold, "found": pct(found, n_gold),
            "attributed": pct(attributed, n_gold), "extra": extra}


def check_baseline(results: dict[str, dict[str, Any]], baseline: dict[str, Any]) -> list[str]:
    """Violations of a baseline: a metric below its floor or above its ceiling (a missing or None metric counts as
    0 against a floor). ``results`` and the baseline's ``floors``/``ceilings`` are keyed by file name."""
    problems = []
    for kind, worse in (("floors", lambda v, b: v < b - 1e-9), ("ceilings", lambda v, b: v > b + 1e-9)):
        for name, metrics in (baseline.get(kind) or {}).items():
            got = results.get(name)
            if got is None:
                problems.append(f"{name}: not evaluated (baseline has {kind} for it)")
                continue
            for metric, bound in metrics.items():
                value = got.get(metric)
                value = 0.0 if value is None else float(value)
                if worse(value, float(bound)):
                    word = "below its floor" if kind == "floors" else "above its ceiling"
                    problems.append(f"{name}: {metric} = {value:.2f} is {word} {float(bound):.2f}")
    return problems


SCORERS = {"petrarch": score_petrarch, "plover": score_plover, "codebook": score_codebook,
           "actors": score_actor_cases, "quotes": score_quotes}


def score(gold: GoldFile, preds: Sequence[Any]) -> dict[str, float | int | None]:
    """Score a gold file's items against one prediction per item (a Record, an Actor for actor cases, or None)."""
    if len(preds) != len(gold.items):
        raise ValueError(f"{len(preds)} predictions for {len(gold.items)} gold items")
    return SCORERS[gold.format](gold.items, preds)


__all__ = [
    "CAMEO_TO_ISO", "FORMATS", "check_baseline", "GoldFile", "GoldItem", "actor_case_right", "actor_key", "code_key", "detect_format",
    "load_gold", "petrarch_gold_tuples", "plover_gold_tuples", "predicted_tuples", "prf", "quote_core", "score",
    "score_actor_cases", "score_codebook", "score_petrarch", "score_plover", "score_quote_record", "score_quotes",
    "speaker_matches", "text_group",
]
