"""Time expressions: find them in an article and resolve them against its publication date.

``find_times(doc, published)`` scans the article text with a handful of regular expressions compiled once from the
vocabulary in ``data/time_words.tsv`` (month and weekday names, relative words, modifiers, vague phrases, words that
make a number a count rather than a year), then uses the spaCy parse only where the grammar decides the answer: the
tense of the clause a weekday or month hangs on, and whether a four-digit number is a year.

Values and granularities (``TimeExpr.value`` / ``granularity``):
    day    ``YYYY-MM-DD``  "on Saturday", "Saturday night", "yesterday", "March 16, 2024", "16 March", "2024-03-16"
    week   ``YYYY-MM-DD`` of the week's Monday: "last week", "this week", "next weekend", "two weeks ago"
    month  ``YYYY-MM``    "in January", "October 2023", "mid-March", "last month", "three months ago"
    year   ``YYYY``       "2012", "late 2023", "last year", "last summer"

Decisions (tested in ``tests/test_dates.py``):
- News convention: a bare weekday or month is the most recent one on or before publication ("on Monday" in an article
  published on a Monday is that day). When the clause is future (an auxiliary will/shall/would, "going to", "is
  scheduled/expected/set/due to", a present progressive, or the simple present of a non-reporting verb: "parliament
  votes on Tuesday", but "Biden says Monday" is past), it is the nearest one on or after publication (same day/month
  included). "next Friday" is strictly after publication, "last Friday" strictly before. The tense is read from the
  verb the expression hangs on in the parse; an expression that hangs on a noun that is not the verb's argument
  ("after a June 30 coup") gets no tense, and no tense means the past convention.
- A day and month without a year ("March 16") takes the year that puts it nearest to publication; a past clause takes
  the latest such date no later than a week after publication, a future clause the earliest no earlier than a week
  before it.
- Without a publication date, absolute expressions still resolve; relative ones are kept with value null. Nothing is
  ever guessed from today's date.
- ``value`` is null exactly when ``granularity`` is null. Kept with value null: point-like expressions that cannot be
  resolved (decades "the 1990s", vague "recently", "soon", "in recent weeks", "several days ago", ambiguous numeric
  dates "03/04/2024", and relative expressions when there is no publication date).
- Skipped (not time points): durations ("five years", "for decades", "the past week", "the last month"), bare clock
  times ("10:30", "at 3 p.m."), times anchored to another event ("two days later", "the next day"), habits ("every
  Friday"), named days and names ("Good Friday", "Super Tuesday", "the Sunday Times", "May Day"), numbers that are
  counts or identifiers ("2,000 troops", "some 1500 soldiers", "Resolution 1973"; the parse's CARDINAL/MONEY labels
  and a plural noun after the number count too). Years before 1900 need "in"/"since"/... or parentheses ("(1648)").
- "Q3 2023", "fiscal 2023", "the first half of 2023", "late 2023" are years; "end-March", "mid-March" months; "August
  last year" the month in that year; "over the weekend" the weekend's week.
- Spans: ``doc.text[start:end] == text`` always. A directly preceding "on"/"in" is part of the span for weekdays,
  months, dates, years, seasons and decades ("on Saturday", "in January", "in 2012"); other prepositions ("since",
  "until", "by") are not, so the events stage can read them. Modifiers and parts of the day are included ("early
  Sunday", "Saturday night", "mid-March", "late 2023").
- Seasons are northern-hemisphere and resolve to the year of their first month ("last winter" published March 2024 is
  the winter that began in December 2023 -> 2023).

``resolve(text, published)`` applies the same rules to a bare string (no parse: tense comes from cue words such as
"will" or "next" in the string) and returns ``(value, granularity)`` for its first time expression, ``(None, None)``
when that expression cannot be resolved, or ``None`` when the string holds no time expression.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from .nlp import doc_text
from .record import TimeExpr

__all__ = ["find_times", "resolve", "time_words"]

Resolved = tuple[str | None, str | None]
_SKIP = object()  # a handler's answer for "this match is not a time expression"
_NULL: Resolved = (None, None)


# -- vocabulary ----------------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def time_words() -> dict[str, dict[str, int]]:
    """``{kind: {phrase: value}}`` from ``data/time_words.tsv`` (loaded once)."""
    raw = resources.files("eventwire").joinpath("data/time_words.tsv").read_text(encoding="utf-8")
    out: dict[str, dict[str, int]] = {}
    header = True
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header:  # the column names
            header = False
            continue
        phrase, kind, value = cols[0].strip().lower(), cols[1].strip(), (cols[2].strip() if len(cols) > 2 else "")
        out.setdefault(kind, {})[phrase] = int(value or 0)
    return out


def _alt(phrases, capitalised: bool = False) -> str:
    """A regex alternation, longest first; spaces match any whitespace. ``capitalised``: Title or UPPER case only,
    else also lower and Sentence case. (Case variants rather than re.IGNORECASE: several times faster in ``re``.)"""
    return f"(?:{_trie(_case_forms(phrases, capitalised))})"


def _case_forms(phrases, capitalised: bool = False) -> set[str]:
    """The forms of ``phrases`` as ``_alt`` matches them."""
    forms: set[str] = set()
    for p in phrases:
        forms.update({p.title(), p.upper()} if capitalised else {p, p.capitalize(), p.title(), p.upper()})
    return forms


def _trie(forms) -> str:
    """An alternation of ``forms`` written as a trie ("T(?:his(?:\\s+past)?|HIS)|last..."): ``re`` tries the
    alternatives of a group one by one at every position, and a trie has one branch per first letter. It matches what
    the flat alternation of the forms sorted longest first matches: forms that match at one place are prefixes of one
    another, and the trie too tries the longer one first (a greedy optional tail). A space matches any whitespace."""
    trie: dict = {}
    for f in forms:
        node = trie
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}  # a form ends here

    def branch(node: dict) -> str:
        parts = [(r"\s+" if ch == " " else re.escape(ch)) + branch(node[ch]) for ch in sorted(node) if ch]
        if not parts:
            return ""
        if "" in node:
            return "(?:" + "|".join(parts) + ")?"
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return branch(trie)


# Words before a bare month name that make it a date ("in January", "since May", "mid-March"). "May" also needs one.
_MONTH_CONTEXT = {"in", "since", "until", "till", "through", "throughout", "by", "from", "during", "before", "after",
                  "of", "between", "early", "late", "mid", "last", "next", "this", "the", "and", "or", "to", "on",
                  "that", "past", "coming"}
_MAY_CONTEXT = _MONTH_CONTEXT - {"the", "and", "or", "to", "that", "on"}
# Words before a number that make a 1500-1899 number a year.
_YEAR_CONTEXT = {"in", "since", "until", "till", "by", "from", "during", "before", "after", "of", "between", "early",
                 "late", "mid", "the", "and", "to", "through", "around"}
_UNITS = ("day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
          "centuries")
_UNIT_WORD = _alt(_UNITS + ("hour", "hours")) + r"\b"
# Words right before a year-like number that make it a year whatever the parse says ("in 2000 ...").
_YEAR_PREP = {"in", "since", "until", "till", "by", "from", "during", "before", "after", "of", "early", "late", "mid"}
_PREV_WORD = re.compile(r"([\w.'’]+)[\s-]*$")
_PREV_WORDS = re.compile(r"((?:[\w.'’]+\s+){0,2}[\w.'’]+)[\s-]*$")
_LEAD_ON = re.compile(r"(?<![\w'’])[Oo]n\s+$")
_LEAD_IN = re.compile(r"(?<![\w'’])[Ii]n\s+$")
_SENT_START = re.compile(r"(?:^|[.!?:;\"“”(\n]\s*|\n)$")


@dataclass(frozen=True)
class _Grammar:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    # Each pattern but the gated ones below runs only around its key, a word every match of it holds (a month name,
    # a weekday, "ago", a year-like number...): see ``_key_starts``.
    keys: dict[str, re.Pattern[str]]
    any_key: re.Pattern[str]  # any pattern's key
    words: frozenset[str]  # every word (lower case) a match may hold, but numbers
    # The other patterns (ISO and d/m/y dates) run over the whole text when it holds one of their gate strings and
    # matches their gate pattern: a number shape the pattern needs. (Gates only skip a pattern that cannot match.)
    gates: dict[str, tuple[str, ...]]
    case_gates: dict[str, re.Pattern[str]]
    future_cue: re.Pattern[str]


def _gate_words(phrases) -> tuple[str, ...]:
    """One word of each phrase (its longest), so that a key does not depend on the spacing between words."""
    return tuple(sorted({max(p.split(), key=len) for p in phrases}))


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    w = time_words()
    words: set[str] = {"fy", "fiscal", "year"}  # (with those of every phrase list below: ``fiscal`` is written out)

    def alt(phrases, capitalised: bool = False) -> str:
        words.update(x for p in phrases for x in p.lower().split())
        return _alt(phrases, capitalised)

    mon_full = alt(w["month"], capitalised=True)
    mon_abbr = alt(w["month_abbr"], capitalised=True)
    mon_any = rf"(?:{mon_full}|{mon_abbr}\b\.?)"
    wd = alt(w["weekday"], capitalised=True)
    mod = alt(w["modifier"])
    pod = alt(w["part_of_day"])
    numw = alt(list(w["number"]) + list(w["vague_number"]))
    dayw = alt(w["day_word"])
    rel_wd = alt(["this past", "this coming", "last", "next", "this", "coming", "past"])
    rel_unit = alt(["this past", "this coming", "last", "next", "this"])
    the, of, in_of, on = alt(["the"]), alt(["of"]), alt(["in", "of"]), alt(["on"])
    early_late = alt(["early", "late"])
    mod_day = alt(["early", "late", "earlier", "later"])
    unit_rel = alt(["week", "weekend", "month", "year"])
    units, ago = alt(_UNITS), alt(["ago"])
    fiscal = r"(?:Q[1-4]|H[12]|FY|[Ff]iscal(?:\s+year)?)"
    year_w, weekend_w = alt(["year"]), alt(["weekend"])
    year = r"(?:1[5-9]\d\d|20\d\d)"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    yr_tail = r"(?:(?:,\s*|\s+)(?P<y>" + year + r")(?!\d|[,.]\d))?"
    not_after = r"(?![\d:/]|\s*(?:%|percent|per\s+cent)|,\d)"
    b = r"(?<![\w'’])"
    e = r"\b(?!['’](?!s\b)\w)"  # a word end that lets a possessive or a full stop follow
    pats = [
        ("iso", r"(?<![\d-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"),
        ("numeric", r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
        ("mdy", rf"{b}(?:(?P<wd>{wd}),?\s+)?(?P<m>{mon_any})\s*{day}{not_after}{yr_tail}"),
        ("dmy", rf"(?<![\w$£€.,/])(?:(?P<wd>{wd}),?\s+)?(?:{the}\s+)?{day}\s+(?:{of}\s+)?(?P<m>{mon_any}){e}{yr_tail}"),
        ("month_year", rf"{b}(?:(?P<mod>{mod})[\s-]+)?(?P<m>{mon_any})\s+(?:{of}\s+)?(?P<y>{year})(?![\d,]\d|\d)"),
        ("month", rf"{b}(?:(?P<rel>{rel_wd})\s+|(?P<mod>{mod})[\s-]+(?:{in_of}\s+)?)?(?P<m>{mon_full}){e}(?!\s*\d)"),
        ("weekday", rf"{b}(?:(?P<rel>{rel_wd})\s+)?(?:(?P<mod>{early_late})\s+(?:{on}\s+)?)?(?P<wd>{wd}){e}"
                    rf"(?:\s+(?P<pod>{pod})\b)?"),
        ("day_word", rf"{b}(?:(?P<mod>{mod_day})\s+)?(?P<dw>{dayw})\b(?:\s+(?P<pod>{pod})\b)?"),
        ("month_rel_year", rf"{b}(?:(?P<mod>{mod})[\s-]+)?(?P<m>{mon_full})\s+(?P<rel>{rel_unit})\s+{year_w}\b"),
        ("weekend", rf"(?<=\s){the}\s+{weekend_w}\b"),
        ("rel_unit", rf"{b}(?:(?P<mod>{mod})\s+)?(?P<rel>{rel_unit})\s+(?P<unit>{unit_rel})\b(?!-)"),
        ("ago", rf"{b}(?P<n>\d{{1,3}}|{numw})\s+(?P<unit>{units})\s+{ago}\b"),
        ("season", rf"{b}(?:(?P<mod>{mod})[\s-]+)?(?:(?P<rel>{rel_unit})\s+)?(?P<s>{alt(w['season'])})\b"
                   rf"(?:\s+(?:{of}\s+)?(?P<y>{year})(?![\d,]\d|\d))?"),
        ("decade", rf"{b}(?:(?P<mod>{mod})[\s-]+)?(?:(?:1[5-9]|20)\d0s|['’]\d0s)\b"),
        ("year", rf"(?<![\w$£€#.,/:'’])(?:(?P<mod>{mod})[\s-]+|(?P<fiscal>{fiscal})\s*)?(?P<y>{year})"
                 r"(?![\d]|[,.]\d|s\b|\s*(?:%|(?:percent|per\s+cent|GMT|UTC|hours|hrs|local\s+time)\b))"),
        ("vague", rf"{b}{alt(w['vague'])}\b(?!\s+(?:[\w-]+\s+)?{_UNIT_WORD})"),
    ]
    compiled = tuple((kind, re.compile(p)) for kind, p in pats)
    future = re.compile(rf"{b}{_alt(w['future_cue'])}(?![\w])")
    months, full_months = (*w["month"], *w["month_abbr"]), tuple(w["month"])
    key_forms = {  # each pattern's key, in the forms its pattern matches (``_alt``)
        "mdy": _case_forms(months, True), "dmy": _case_forms(months, True),
        "month_year": _case_forms(months, True), "month": _case_forms(full_months, True),
        "month_rel_year": _case_forms(full_months, True), "weekday": _case_forms(w["weekday"], True),
        "day_word": _case_forms(_gate_words(w["day_word"])), "rel_unit": _case_forms(("week", "month", "year")),
        "weekend": _case_forms(("weekend",)), "ago": _case_forms(("ago",)), "season": _case_forms(w["season"]),
        "decade": {"0s"}, "vague": _case_forms(_gate_words(w["vague"])),
    }
    keys = {kind: re.compile(_trie(forms)) for kind, forms in key_forms.items()}
    keys["year"] = re.compile(year)
    any_key = re.compile(_trie(set().union(*key_forms.values())) + "|" + year)
    gates = {"iso": ("-",), "numeric": ("/",)}
    case_gates = {"iso": re.compile(r"\d{4}-[01]\d-[0-3]\d"), "numeric": re.compile(r"\d/\d\d?/\d")}
    return _Grammar(compiled, keys, any_key, frozenset(words), gates, case_gates, future)


# -- candidates ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Cand:
    kind: str
    start: int
    end: int
    m: re.Match[str]
    priority: int


def _scan(text: str) -> list[_Cand]:
    """Every pattern match, left to right, the longest first at each start (overlaps are settled by the caller).

    A pattern with a key is tried only where a match holding one of its keys can start (``_key_starts``), as
    ``finditer`` would find it; the gated ones run over the whole text when it passes their gates. (No pattern
    matches the empty string.)"""
    cands: list[_Cand] = []
    grammar = _grammar()
    starts = _key_starts(text, grammar)
    for prio, (kind, pat) in enumerate(grammar.patterns):
        if kind in grammar.keys:
            found = _matches_from(pat, text, starts.get(kind, ()))
        elif any(g in text for g in grammar.gates[kind]) and grammar.case_gates[kind].search(text):
            found = pat.finditer(text)
        else:
            continue
        cands.extend(_Cand(kind, m.start(), m.end(), m, prio) for m in found)
    cands.sort(key=lambda c: (c.start, -(c.end - c.start), c.priority))
    return cands


def _matches_from(pat: re.Pattern[str], text: str, starts) -> Iterator[re.Match[str]]:
    """What ``pat.finditer(text)`` finds, given (sorted) every position a match can start at and maybe others."""
    end = 0
    for s in starts:
        if s >= end and (m := pat.match(text, s)) is not None:
            end = m.end()
            yield m


_WORD_REST = re.compile(r"[\w'’]*")  # the rest of a word, as ``_key_starts`` reads words


def _word_start(text: str, end: int) -> int:
    """The start of the word (``[\\w'’]+``) ending at ``end``: ``end`` itself when there is none."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_'’"):  # (``\\w`` is alnum or "_")
        start -= 1
    return start


_BETWEEN_WORDS = frozenset(",./-")  # with white space: all that a match holds between its words


def _key_starts(text: str, grammar: _Grammar) -> dict[str, list[int]]:
    """For each pattern with a key: the positions (sorted) where a match holding a key of it may start.

    A match holds a key of its pattern inside one word (``[\\w'’]+``), and every other word of the match before it
    is a grammar word (``grammar.words``, in any case) or holds a digit, joined by white space and ``_BETWEEN_WORDS``;
    it starts at a word's start or right after a quote inside a word ("’5 May" starts at "5"). So from each word
    holding a key, the words before it are walked back while a match can hold them."""
    found: dict[str, set[int]] = {}
    end = -1
    for hit in grammar.any_key.finditer(text):
        if hit.start() < end:
            continue  # (another key in a word already looked at)
        start = _word_start(text, hit.start())
        end = _WORD_REST.match(text, hit.end()).end()  # type: ignore[union-attr]
        kinds = _key_kinds(text[start:end])
        if kinds:
            starts = _starts_back(text, start, end, grammar.words)
            for kind in kinds:
                found.setdefault(kind, set()).update(starts)
    return {kind: sorted(starts) for kind, starts in found.items()}


@lru_cache(maxsize=4096)
def _key_kinds(word: str) -> tuple[str, ...]:
    """The patterns a word holds a key of."""
    return tuple(kind for kind, key in _grammar().keys.items() if key.search(word))


_QUOTE = re.compile("['’]")


def _starts_back(text: str, start: int, end: int, words: frozenset[str]) -> list[int]:
    """Where a match holding the word ``text[start:end]`` may start: at that word or a word before it, back to the
    first that no match can hold (see ``_key_starts``)."""
    out: list[int] = []
    while True:
        word = text[start:end]
        out.append(start)
        if "'" in word or "’" in word:
            out.extend(start + q.end() for q in _QUOTE.finditer(word))
        end = start
        while end > 0 and (text[end - 1].isspace() or text[end - 1] in _BETWEEN_WORDS):
            end -= 1
        if end == start:
            return out  # (no white space or joining mark before the word: a match starts at it or not before)
        start = _word_start(text, end)
        word = text[start:end]
        if not word or not (any(ch.isdigit() for ch in word)
                            or any(part in words for part in _QUOTE.split(word.lower()))):
            return out


# -- date arithmetic -----------------------------------------------------------------------------------------------

def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _day(d: dt.date) -> Resolved:
    return d.isoformat(), "day"


def _week(d: dt.date) -> Resolved:
    return _monday(d).isoformat(), "week"


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_num(name: str) -> int:
    w = time_words()
    key = name.lower().rstrip(".")
    return w["month"].get(key) or w["month_abbr"][key]


# -- handlers: (match, text, published, tense) -> (value, granularity) | _SKIP ------------------------------------
# tense: True = future clause, False = past clause, None = not known (news convention: past)

Tense = Callable[[], "bool | None"]


_WORD_PUNCT = frozenset("_.'’")


def _prev_word(text: str, start: int) -> str:
    """The word before ``start`` (within 40 characters), lower-cased: ``_PREV_WORD.search(text, start - 40, start)``
    worked out from the end rather than tried at each of the 40 positions (``\\w`` is ``str.isalnum`` or "_",
    ``\\s`` is ``str.isspace``)."""
    lo = max(0, start - 40)
    j = start
    while j > lo and (text[j - 1].isspace() or text[j - 1] == "-"):
        j -= 1
    k = j
    while k > lo and (text[k - 1].isalnum() or text[k - 1] in _WORD_PUNCT):
        k -= 1
    return text[k:j].lower()


def _at_sentence_start(text: str, start: int) -> bool:
    return _SENT_START.search(text, max(0, start - 4), start) is not None or start == 0


def _h_iso(m, text, pub, tense):
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(d) if d else _SKIP


def _h_numeric(m, text, pub, tense):
    a, b_, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000
    if a > 12 and b_ <= 12:
        d = _safe_date(y, b_, a)
    elif b_ > 12 and a <= 12:
        d = _safe_date(y, a, b_)
    elif a <= 12 and b_ <= 12:
        return _safe_date(y, a, b_) and _NULL  # day-month order unknown: a date, value null
    else:
        d = None
    return _day(d) if d else _SKIP


def _pick_year(month: int, day: int, pub: dt.date, fut: bool | None) -> dt.date | None:
    cands = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _safe_date(y, month, day))]
    if not cands:
        return None
    week = dt.timedelta(days=7)
    if fut is True:
        after = [d for d in cands if d >= pub - week]
        return min(after) if after else None
    if fut is False:
        before = [d for d in cands if d <= pub + week]
        return max(before) if before else None
    # tense unknown: the nearest, a date after publication counting three times as far (news reports the past)
    return min(cands, key=lambda d: ((d - pub).days * 3 if d > pub else (pub - d).days, d > pub))


def _h_day_month(m, text, pub, tense):
    month = _month_num(m["m"])
    day = int(m["d"])
    if not 1 <= day <= 31:
        return _SKIP
    if m["y"]:
        d = _safe_date(int(m["y"]), month, day)
        return _day(d) if d else _SKIP
    if pub is None:
        return _NULL if _safe_date(2024, month, day) else _SKIP
    d = _pick_year(month, day, pub, tense())
    return _day(d) if d else _SKIP


def _h_month_year(m, text, pub, tense):
    return _ym(int(m["y"]), _month_num(m["m"])), "month"


def _h_month(m, text, pub, tense):
    name = m["m"]
    rel = (m["rel"] or "").lower().split()
    prev = _prev_word(text, m.start())
    possessive = text.startswith(("'s", "’s"), m.end())
    if not rel and not m["mod"]:
        ctx = _MAY_CONTEXT if name.lower() == "may" else _MONTH_CONTEXT
        if prev in time_words()["habitual"] or _named_day(text, m.start("m"), m.end("m")) or prev not in ctx and not (possessive and name.lower() != "may"):
            return _SKIP
    month = _month_num(name)
    if pub is None:
        return _NULL
    pm = pub.month
    if rel and rel[-1] in ("last", "past"):
        y = pub.year if month < pm else pub.year - 1
    elif rel and rel[-1] in ("next", "coming"):
        y = pub.year if month > pm else pub.year + 1
    elif rel == ["this"]:
        y = pub.year
    elif tense() is True:
        y = pub.year if month >= pm else pub.year + 1
    else:
        y = pub.year if month <= pm else pub.year - 1
    return _ym(y, month), "month"


_NEXT_WORD = re.compile(r"[\s-]*([\w'’]+)")


def _named_day(text: str, start: int, end: int) -> bool:
    """"Good Friday", "the Sunday Times", "May Day": a name, not a date (the phrases are in the data)."""
    named = time_words().get("named_day", {})
    word = text[start:end].lower()
    nxt = _NEXT_WORD.match(text, end)
    return (f"{_prev_word(text, start)} {word}" in named
            or (nxt is not None and f"{word} {nxt.group(1).lower()}" in named))


def _h_weekday(m, text, pub, tense):
    if not m["rel"] and not m["mod"] and (_named_day(text, m.start("wd"), m.end("wd"))
                                          or _prev_word(text, m.start()) in time_words()["habitual"]):
        return _SKIP
    if pub is None:
        return _NULL
    target = time_words()["weekday"][m["wd"].lower()]
    back = (pub.weekday() - target) % 7  # days back to the most recent one on or before publication
    fwd = (target - pub.weekday()) % 7  # days forward to the nearest one on or after
    rel = " ".join((m["rel"] or "").lower().split())
    if rel == "last":
        d = pub - dt.timedelta(days=back or 7)
    elif rel in ("this past", "past"):
        d = pub - dt.timedelta(days=back)
    elif rel == "next":
        d = pub + dt.timedelta(days=fwd or 7)
    elif rel in ("this coming", "coming"):
        d = pub + dt.timedelta(days=fwd)
    elif rel == "this":
        d = pub - dt.timedelta(days=back) if tense() is False else pub + dt.timedelta(days=fwd)
    else:
        d = pub + dt.timedelta(days=fwd) if tense() is True else pub - dt.timedelta(days=back)
    return _day(d)


def _h_day_word(m, text, pub, tense):
    dw = " ".join(m["dw"].lower().split())
    if m["dw"][:1].isupper() and not m["mod"] and not _at_sentence_start(text, m.start()):
        return _SKIP  # "USA Today", "Russia Today": a name
    if pub is None:
        return _NULL
    return _day(pub + dt.timedelta(days=time_words()["day_word"][dw]))


def _h_rel_unit(m, text, pub, tense):
    if _prev_word(text, m.start()) in ("the", "a", "every", "each", "per", "that"):
        return _SKIP  # "the last week", "the next month": a duration
    if pub is None:
        return _NULL
    rel = " ".join(m["rel"].lower().split())
    n = -1 if rel in ("last", "this past") else 1 if rel in ("next", "this coming") else 0
    unit = m["unit"].lower()
    if unit == "week":
        return _week(pub + dt.timedelta(weeks=n))
    if unit == "weekend":
        sat_back = (pub.weekday() - 5) % 7  # days back to the most recent Saturday on or before publication
        in_weekend = pub.weekday() >= 5
        if n == -1:
            sat = pub - dt.timedelta(days=sat_back + (7 if in_weekend else 0))
        elif n == 1:
            sat = pub + dt.timedelta(days=(5 - pub.weekday()) % 7 + (7 if in_weekend else 0))
        elif in_weekend or tense() is not True:
            sat = pub - dt.timedelta(days=sat_back)
        else:
            sat = pub + dt.timedelta(days=(5 - pub.weekday()) % 7)
        return _week(sat)
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, n)
        return _ym(y, mo), "month"
    return f"{pub.year + n:04d}", "year"


def _h_ago(m, text, pub, tense):
    w = time_words()
    raw = " ".join(m["n"].lower().split())
    unit = m["unit"].lower()
    if raw in w["vague_number"] or unit.startswith(("decade", "centur")):
        return _NULL
    n = int(raw) if raw.isdigit() else w["number"][raw]
    if pub is None:
        return _NULL
    if unit.startswith("day"):
        return _day(pub - dt.timedelta(days=n))
    if unit.startswith("week"):
        return _week(pub - dt.timedelta(weeks=n))
    if unit.startswith("month"):
        y, mo = _add_months(pub.year, pub.month, -n)
        return _ym(y, mo), "month"
    return f"{pub.year - n:04d}", "year"


def _h_season(m, text, pub, tense):
    if m["y"]:
        return m["y"], "year"
    if not m["rel"]:
        return _SKIP  # "in the summer", "fall": too vague or not a season
    if pub is None:
        return _NULL
    start = time_words()["season"][m["s"].lower()]
    y0 = pub.year if pub.month >= start else pub.year - 1  # the latest occurrence that began by publication
    within = (pub.month - start) % 12 < 3
    rel = " ".join(m["rel"].lower().split())
    if rel in ("last", "this past"):
        y = y0 - 1 if within else y0
    elif rel in ("next", "this coming"):
        y = y0 + 1
    else:
        y = y0 if within or tense() is not True else y0 + 1
    return f"{y:04d}", "year"


def _h_decade(m, text, pub, tense):
    return _NULL


def _h_year(m, text, pub, tense):
    y = int(m["y"])
    words = _PREV_WORDS.search(text, max(0, m.start() - 40), m.start())
    prev = words.group(1).lower().split() if words else []
    not_year = time_words()["not_year_after"]
    if not m["mod"] and prev and (prev[-1] in not_year or " ".join(prev[-2:]) in not_year
                                  or " ".join(prev[-3:]) in not_year):
        return _SKIP
    in_parens = text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")"
    if y < 1900 and not m["mod"] and not in_parens and (not prev or prev[-1] not in _YEAR_CONTEXT):
        return _SKIP
    return m["y"], "year"


def _h_vague(m, text, pub, tense):
    return _NULL


def _h_month_rel_year(m, text, pub, tense):
    if pub is None:
        return _NULL
    rel = " ".join(m["rel"].lower().split())
    n = -1 if rel in ("last", "this past") else 1 if rel in ("next", "this coming") else 0
    return _ym(pub.year + n, _month_num(m["m"])), "month"


_WEEKEND_PREP = {"over", "during", "at", "on", "through", "throughout", "this", "across", "since"}


def _h_weekend(m, text, pub, tense):
    if _prev_word(text, m.start()) not in _WEEKEND_PREP:
        return _SKIP  # "a weekend", "every weekend", "the weekend before"
    if pub is None:
        return _NULL
    sat_back = (pub.weekday() - 5) % 7
    if pub.weekday() < 5 and tense() is True:
        return _week(pub + dt.timedelta(days=(5 - pub.weekday()) % 7))
    return _week(pub - dt.timedelta(days=sat_back))


_HANDLERS = {
    "iso": _h_iso, "numeric": _h_numeric, "mdy": _h_day_month, "dmy": _h_day_month, "month_year": _h_month_year,
    "month": _h_month, "month_rel_year": _h_month_rel_year, "weekend": _h_weekend, "weekday": _h_weekday, "day_word": _h_day_word, "rel_unit": _h_rel_unit, "ago": _h_ago,
    "season": _h_season, "decade": _h_decade, "year": _h_year, "vague": _h_vague,
}
_TAKES_ON = {"iso", "numeric", "mdy", "dmy", "weekday"}  # "on Saturday", "on March 16"
_TAKES_IN = {"month_year", "month", "season", "decade", "year", "month_rel_year"}  # "in January", "in 2012"


# -- tense from the parse ------------------------------------------------------------------------------------------

_PAST_PREP = {"since"}
_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo", "would", "'d"}
_FUTURE_GOVERNORS = {"plan", "expect", "schedule", "set", "due", "go", "intend", "aim", "hope", "want", "prepare",
                     "promise", "pledge", "vow", "threaten", "agree", "propose", "seek", "try", "wish", "need"}
_ARG_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative"}
_FUTURE_ADJ = {"due", "set", "scheduled", "slated", "poised", "expected", "likely", "upcoming"}
_PRESENT_AUX = {"is", "are", "am", "'s", "'re", "’s", "’re"}


def _tense_from_doc(doc: Doc, start: int, end: int) -> bool | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    verb = None
    for _ in range(5):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            verb = tok
            break
        if tok.head is tok:
            break
        if tok.i not in range(span.start, span.end) and tok.pos_ in ("NOUN", "PROPN") \
                and tok.dep_ not in _ARG_DEPS:
            return None  # the time belongs to a noun that is not the verb's argument: "after a June 30 coup"
        tok = tok.head
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in auxes}
    if lowers & _FUTURE_AUX:
        return True
    if verb.tag_ == "VB" and any(c.tag_ == "TO" for c in auxes):
        gov = verb.head
        if gov is not verb and gov.lemma_.lower() in _FUTURE_GOVERNORS:
            return _tense_of(gov) is not False or gov.lemma_.lower() in ("schedule", "set", "due")
        return None
    present = verb.tag_ in ("VBZ", "VBP") or bool(lowers & _PRESENT_AUX)
    if present and (verb.lemma_.lower() in _FUTURE_GOVERNORS
                    or any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in _FUTURE_ADJ for c in verb.children)):
        return True  # "is scheduled for Thursday", "elections are due in December"
    return _tense_of(verb)


def _tense_of(verb) -> bool | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in auxes}
    if lowers & _FUTURE_AUX:
        return True
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return False
    if verb.tag_ == "VBN" and lowers & {"has", "have", "had", "'ve", "’ve"}:
        return False
    if verb.tag_ == "VBG" and lowers & _PRESENT_AUX:
        return True
    if verb.tag_ == "VBG" and lowers & {"was", "were"}:
        return False
    if verb.tag_ in ("VBZ", "VBP") and not auxes and verb.lemma_.lower() not in time_words()["reporting_verb"]:
        return True  # simple present of an event verb with a date: "parliament votes on Tuesday", "is on Sunday"
    return None


def _tense_from_string(text: str) -> bool | None:
    return True if _grammar().future_cue.search(text) else None


# -- public --------------------------------------------------------------------------------------------------------

def _extend_prep(text: str, c: _Cand) -> int:
    lead = _LEAD_ON if c.kind in _TAKES_ON else _LEAD_IN if c.kind in _TAKES_IN else None
    if lead is not None:
        m = lead.search(text, max(0, c.start - 6), c.start)
        if m:
            return m.start()
    return c.start


def _resolve_cand(c: _Cand, text: str, pub: dt.date | None, tense: Tense) -> Resolved | object:
    out = _HANDLERS[c.kind](c.m, text, pub, tense)
    if out is _SKIP:
        return _SKIP
    value, gran = out  # type: ignore[misc]
    if value is None or gran is None:
        return _NULL
    return value, gran


_BAD_YEAR_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"}


def find_times(doc: Doc, published: dt.date | None) -> tuple[TimeExpr, ...]:
    """Every time expression in ``doc``, resolved against ``published`` (see the module docstring for the rules)."""
    text = doc_text(doc)
    published = _as_date(published)
    out: list[TimeExpr] = []
    last_end = -1
    for c in _scan(text):
        if c.start < last_end:
            continue  # inside an expression already taken (a rejected longer match leaves room for a shorter one)
        if c.kind == "year" and not c.m["mod"] and not c.m["fiscal"] and _counted(doc, c):
            continue
        memo: list[bool | None] = []

        def tense(c: _Cand = c, memo: list[bool | None] = memo) -> bool | None:
            if not memo:
                past = _prev_word(text, c.start) in _PAST_PREP  # "since January" is past whatever the verb
                memo.append(False if past else _tense_from_doc(doc, c.start, c.end))
            return memo[0]

        res = _resolve_cand(c, text, published, tense)
        if res is _SKIP:
            continue
        start = max(_extend_prep(text, c), last_end, 0)
        last_end = c.end
        value, gran = res  # type: ignore[misc]
        out.append(TimeExpr(text=text[start:c.end], start=start, end=c.end, value=value, granularity=gran))
    return tuple(out)


def _counted(doc: Doc, c: _Cand) -> bool:
    """A year-like number the parse shows to be a count: "2000 troops", labelled CARDINAL/MONEY, "$2012"."""
    span = doc.char_span(c.m.start("y"), c.m.end("y"), alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if prev in _YEAR_PREP:
        return False
    if tok.ent_type_ in _BAD_YEAR_ENTS:
        return True
    if tok.i + 1 < len(doc):
        nxt = doc[tok.i + 1]
        if nxt.tag_ in ("NNS", "NNPS") and prev not in ("the", "a", "an", "'s", "’s", "its", "their", "his", "her"):
            return tok.ent_type_ != "DATE" or nxt.ent_type_ != "DATE"
    return False


def _as_date(value: dt.date | None) -> dt.date | None:
    """A datetime counts by its date (values are never given a time of day)."""
    return value.date() if isinstance(value, dt.datetime) else value


def resolve(text: str, published: dt.date | str | None) -> Resolved | None:
    """``(value, granularity)`` of the first time expression in ``text`` (a bare string, no parse), or None."""
    pub = _as_date(dt.date.fromisoformat(published[:10]) if isinstance(published, str) else published)
    fut = _tense_from_string(text)
    for c in _scan(text):
        res = _resolve_cand(c, text, pub, lambda: fut)
        if res is not _SKIP:
            return res  # type: ignore[return-value]
    return None

