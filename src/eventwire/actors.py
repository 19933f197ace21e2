"""Actors: group an article's mentions into people, organisations, groups and countries.

What it does, in order, on one parsed article:

1. Entities. Every named entity is looked up: places and demonyms in the gazetteer (a country, its capital used for
   its government, its people -> the country's actor; a town or region only when named as what an act is done to,
   "shelled Aleppo", "an attack on Basra", never where it happens, "marched in Aleppo"), names in the actor lexicons
   (bundled office holders and organisations, plus the user's ``--actors`` file; office holders are matched on the
   publication date).
2. Organisations get a country from the lexicon, from a nationality inside their name ("Russian Defense Ministry"),
   or from a possessive/modifier in front ("Niger's CNSP"); a sector from the lexicon or from the sector words of
   their name. An acronym in parentheses right after a name is an alias of it ("... Homeland (CNSP)").
3. People get a role from the title in front of their name ("Pentagon spokesperson Sabrina Singh"), from an
   apposition ("Foreign Minister of Niger, Bakary Yaou Sangare"; "the prime minister of the ruling junta, Ali
   Mahamane Lamine Zeine"), and the country and sector that role implies; a person with no country there inherits
   it from the group they are named in ("Russian officials, including Deputy Defense Minister ...").
   Later partial mentions ("Singh") join the person.
4. Groups: a noun phrase headed by a sector word ("Niger's junta", "senior US military officials", "the Nigerien
   army") is a group actor with that country and sector; a later definite mention of the same head ("the ruling
   junta", "the officials") refers back to it. "The country" refers back to the article's leading country.
5. Pronouns he/she/him/her that clearly refer back join the last person named before them; inside a sentence a
   subject pronoun prefers the person named as a subject, and an object pronoun is not its own clause's subject
   ("Katsav refused to meet King Abdullah, saying he would welcome him in Jerusalem").
6. Domestic default: a person, organisation or group still without a country takes, in order, the international
   organisation of its title ("U.N. mediator X" -> the UN's code), the country of the other actors of its sentence
   ("an Argentine judge ordered former president X"), or the article's leading country; a leader named beside only
   state actors of other countries is left without one. A country inferred this way is marked: the actor has no
   CAMEO code (``cameo`` null), while a country the text or a lexicon states always comes with one.

Each actor gets a CAMEO actor code: the country code followed by the sector (USAMIL, NERGOV), or the lexicon's code.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy
from spacy.attrs import IS_UPPER, LEMMA, LOWER, ORTH, POS, SENT_START
from spacy.parts_of_speech import NOUN, PROPN
from spacy.strings import hash_string
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .errors import LexiconError
from .geo import Gazetteer, place_context
from .nlp import (
    ADVERB_PARTICLES,
    BORDER_NOUNS,
    OWN_GOVERNMENT_NOUNS,
    dateline_end,
    doc_cache,
    doc_ents,
    doc_text,
    doc_tokens,
    isin_sorted,
    sentence_index,
    token_children,
    token_subtree,
)
from .quotes import cue_lexicon
from .record import Actor, Entity, Span

ACTOR_COLUMNS = ["name", "aliases", "country", "sector", "cameo", "role", "kind", "start", "end"]
KINDS = {"person", "organization", "country", "group"}
_SKIP_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "TITLE"}
_PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}
_PRONOUNS = {"he", "she", "him", "her", "his"}
_PRONOUN_IDS = numpy.array(sorted(hash_string(w) for w in _PRONOUNS), dtype="uint64")
# quotation marks, as the tokenizer gives them (lower case)
_QUOTE_MARK_IDS = numpy.array(sorted(hash_string(w) for w in ('"', "\u201c", "\u201d", "''", "``")), dtype="uint64")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Participles that tie a group to a party, whose country it takes ("individuals linked to the Russian military")
_TIE_VERBS = frozenset({"link", "tie", "connect", "affiliate"})
# Verbs that report what their subject says: in the clause they report, "its troops" are the speaker's
_REPORTING_VERBS = frozenset({"say", "tell", "announce", "claim", "report", "state", "add", "confirm", "insist",
                              "declare", "assert", "acknowledge", "admit", "boast", "stress"})
# Last words of named documents, which are no actors ("Indus Waters Treaty", "Minsk Agreement")
_DOCUMENT_WORDS = frozenset({"treaty", "accord", "accords", "agreement", "convention", "protocol", "pact", "charter",
                             "declaration", "memorandum", "resolution", "deal"})
_COUNTRY_ANAPHORA = {"country", "nation", "kingdom"}  # ("the kingdom said": as "the country")
_HALVES = {"North", "South"}  # "the North" for North Korea in a story that names it (``halves_pass``)
_HALVES_IDS = numpy.array(sorted(hash_string(w) for w in _HALVES), dtype="uint64")
# "arrived in the capital", with no other word: the capital of the country the story is about
_CAPITAL_ANAPHORA = {"capital"}
# Heads of a state's bodies, told apart by the words that qualify them: "Taiwan's foreign ministry" and "Taiwan's
# defence ministry" are two actors, while "senior US officials" and "US officials" are one group.
_BODY_HEADS = {"ministry", "department", "office", "agency", "service", "council", "committee", "commission",
               "bureau", "directorate", "court"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_ROLE_STOP_DEPS = {"det", "punct", "cc", "case"}
_NOUN, _PROPN = int(NOUN), int(PROPN)  # (plain ints: numpy asks an enum member for its array attributes in Python)


# -- lexicons ------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=65536)  # (a pure function of the string, asked for the same names many times per article)
def norm_name(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces, no leading 'the' or trailing possessive."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = t.replace("’", "'").replace("‘", "'").lower()
    t = re.sub(r"\s+", " ", t).strip()
    t = re.sub(r"^the ", "", t)
    t = re.sub(r"'s?$", "", t).strip()
    return t


@dataclass(frozen=True)
class LexEntry:
    """One named actor from a lexicon file (bundled or the user's)."""

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    cameo: str | None = None
    role: str | None = None
    kind: str = "organization"
    start: dt.date | None = None
    end: dt.date | None = None
    source: str = ""

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Lexicon:
    """Actor lexicons, sector words and title words, loaded once."""

    entries: list[LexEntry] = field(default_factory=list)
    sector_words: dict[str, str] = field(default_factory=dict)
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # word -> (kind, sector)
    # one country's own official titles, as word tuples -> ISO3 ("secretary", "of", "state") -> USA
    national_titles: dict[tuple[str, ...], str] = field(default_factory=dict)
    _index: dict[str, list[LexEntry]] = field(default_factory=dict)
    _by_first: dict[str, list[str]] = field(default_factory=dict)  # first word -> multi-word index keys
    _phrase_ends: tuple[int, frozenset[str]] | None = field(default=None, repr=False)
    _group_words: dict[tuple[int, int], bool] = field(default_factory=dict, repr=False, compare=False)
    _group_words_n: int = field(default=-1, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self._index = {}
        self._by_first = {}
        for e in self.entries:
            for n in (e.name, *e.aliases):
                key = norm_name(n)
                if key:
                    self._index.setdefault(key, []).append(e)

    def find(self, name: str, day: dt.date | None = None) -> LexEntry | None:
        """The entry for a name, preferring one valid on ``day``; user entries (added last) win ties."""
        cands = self._index.get(norm_name(name))
        if not cands:
            return None
        valid = [e for e in cands if e.valid_on(day)]
        if valid:
            if any(e.source.startswith("user") for e in valid):
                return valid[-1]
            if day is None:
                # an undated text is read as of now: a person's current or latest office ("Antonio Guterres" is
                # the UN Secretary-General, no longer Portugal's prime minister)
                return max(valid, key=lambda e: (e.end or dt.date.max, e.start or dt.date.min))
            return valid[0]
        if day is None:
            return cands[0]
        # Out of office on that day: the same person (country kept), no current role; after a term, ELI (former official).
        latest = max(cands, key=lambda e: e.end or dt.date.max)
        ended = latest.end is not None and latest.end < day
        return LexEntry(name=latest.name, aliases=latest.aliases, country=latest.country,
                        sector="ELI" if ended and latest.kind == "person" else None, cameo=None,
                        role=None, kind=latest.kind, source=latest.source)

    def find_spelling(self, name: str, day: dt.date | None = None) -> LexEntry | None:
        """A person's full name spelled one letter off a known one, same first name ("Francois Mitterand",
        "Laurent Gbago"): news transliterations and typos. Only names of two or more words, ten letters or more,
        and only when a single known person is that close."""
        key = norm_name(name)
        words = key.split()
        if len(words) < 2 or len(key) < 10:
            return None
        if not self._by_first:
            for k in self._index:
                if " " in k:
                    self._by_first.setdefault(k.split()[0], []).append(k)
        close = {k for k in self._by_first.get(words[0], ()) if k != key and _one_edit(k, key)
                 and any(e.kind == "person" for e in self._index[k])}
        if len(close) != 1:
            return None
        e = self.find(close.pop(), day)
        return e if e is not None and e.kind == "person" else None

    def sector_of(self, word: str) -> str | None:
        return self.sector_words.get(word.lower())

    def has_sector_phrase_ending(self, last: str) -> bool:
        """Whether some multi-word sector phrase ends with ``last`` ("police station" ends with "station")."""
        if self._phrase_ends is None or self._phrase_ends[0] != len(self.sector_words):  # (recomputed when words are added)
            self._phrase_ends = (len(self.sector_words),
                                 frozenset(k.rsplit(" ", 1)[1] for k in self.sector_words if " " in k))
        return last in self._phrase_ends[1]

    def may_head_group(self, lemma: int, lower: int, strings) -> bool:
        """Can a noun (its lemma and lower-case hashes) head a group or refer to the country (``groups_pass``): a
        sector word or the end of a sector phrase, or "country"/"nation"? Remembered per word."""
        if self._group_words_n != len(self.sector_words) or len(self._group_words) > 100_000:
            self._group_words.clear()
            self._group_words_n = len(self.sector_words)
        key = (lemma, lower)
        ok = self._group_words.get(key)
        if ok is None:
            lem, low = strings[lemma].lower(), strings[lower]
            ok = self._group_words[key] = bool(low in _COUNTRY_ANAPHORA or low in _CAPITAL_ANAPHORA
                                               or self.has_sector_phrase_ending(lem)
                                               or self.sector_of(lem) or self.sector_of(low))
        return ok

    def ruler_patterns(self) -> list[dict]:
        """Names and aliases as phrase patterns (ORG/PERSON), and capitalised official titles as TITLE."""
        pats: list[dict] = []
        seen: set[tuple[str, str]] = set()
        for e in self.entries:
            label = "PERSON" if e.kind == "person" else ("GPE" if e.kind == "country" else "ORG")
            # ("President Xi" followed by the rest of the name, "President Xi Jinping", is one mention, not a
            # title-and-first-name alias beside a stray "Jinping")
            first, *rest = e.name.split()
            joined = [f"{a.strip()} {' '.join(rest)}" for a in e.aliases
                      if rest and a.strip() != first and a.strip().split()[-1] == first]
            for n in (e.name, *e.aliases, *joined):
                n = n.strip()
                if len(n) < 2 or (label, n) in seen:
                    continue
                seen.add((label, n))
                pats.append({"label": label, "pattern": n})
        pats.extend(self._title_patterns())
        return pats

    def _title_patterns(self) -> list[dict]:
        offices = sorted(w for w, (k, _) in self.titles.items() if k == "office")
        mods = sorted(w for w, (k, _) in self.titles.items() if k in ("modifier", "office", "department"))
        portfolio = sorted(w for w, (k, _) in self.titles.items() if k in ("portfolio", "department"))
        from .geo import gazetteer

        portfolio = sorted(set(portfolio) | gazetteer_words(gazetteer()))
        office = {"LOWER": {"IN": offices}, "IS_TITLE": True}
        mod = {"LOWER": {"IN": mods}, "IS_TITLE": True}
        tail = [{"LOWER": {"IN": ["of", "for"]}}, {"LOWER": {"IN": portfolio}, "OP": "+"}]
        # Up to three modifiers, spelled out: a pattern that starts with an optional token is tried at every token.
        heads = [[mod] * k + [office] for k in range(4)]
        return [{"label": "TITLE", "pattern": h + t} for h in heads for t in ([], tail, tail + tail)]


def _one_edit(a: str, b: str) -> bool:
    """Are two strings one insertion, deletion or substitution apart?"""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


def gazetteer_words(gaz: Gazetteer) -> set[str]:
    """Lower-case words of country names, allowed after 'of' in a title ("Foreign Minister of Niger")."""
    words: set[str] = set()
    for pat in gaz.ruler_patterns():
        if pat.get("label") == "GPE" and isinstance(pat.get("pattern"), str) and len(str(pat.get("id", ""))) == 3:
            words.update(w.lower() for w in pat["pattern"].split())
    return words


def _parse_date(value: str, where: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            y, m = value.split("-")
            return dt.date(int(y), int(m), 1)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise LexiconError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


def _entry_from_row(row: dict, where: str, source: str) -> LexEntry:
    name = (row.get("name") or "").strip()
    if not name:
        raise LexiconError(f"{where}: missing name")
    aliases = row.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = tuple(a.strip() for a in aliases.split("|") if a.strip())
    else:
        aliases = tuple(str(a).strip() for a in aliases if str(a).strip())
    kind = (row.get("kind") or "organization").strip().lower() or "organization"
    if kind not in KINDS:
        raise LexiconError(f"{where}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    country = (row.get("country") or "").strip().upper() or None
    if country and not re.fullmatch(r"[A-Z]{3}", country):
        raise LexiconError(f"{where}: country {country!r} must be a 3-letter code")
    sector = (row.get("sector") or "").strip().upper() or None
    cameo = (row.get("cameo") or "").strip().upper() or None
    start = _parse_date(str(row.get("start") or ""), where)
    end = _parse_date(str(row.get("end") or ""), where)
    if start and end and start > end:
        raise LexiconError(f"{where}: start {start} is after end {end}")
    return LexEntry(name=name, aliases=aliases, country=country, sector=sector, cameo=cameo,
                    role=(row.get("role") or "").strip() or None, kind=kind, start=start, end=end, source=source)


def read_actor_file(path: str | Path, source: str = "user") -> list[LexEntry]:
    """Read an actor file: TSV with the header ``name aliases country sector cameo role kind start end`` (``#``
    comments allowed), or a JSON list of objects with those keys. Errors name the file and line."""
    p = Path(path)
    if not p.is_file():
        raise LexiconError(f"{path}: actor file not found")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot be read as UTF-8 text ({exc})") from None
    if p.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise LexiconError(f"{path}: malformed JSON ({exc.msg}, line {exc.lineno})") from None
        if not isinstance(data, list):
            raise LexiconError(f"{path}: expected a JSON list of actor objects")
        out = []
        for i, obj in enumerate(data, 1):
            if not isinstance(obj, dict):
                raise LexiconError(f"{path}: item {i} is not an object")
            out.append(_entry_from_row(obj, f"{path}: item {i}", source))
        return out
    return _read_tsv_entries(text.splitlines(), str(path), source)


def _read_tsv_entries(lines: Sequence[str], name: str, source: str) -> list[LexEntry]:
    rows = [(n, ln) for n, ln in enumerate(lines, 1) if ln.strip() and not ln.lstrip().startswith("#")]
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0][1].split("\t")]
    if "name" not in header:
        raise LexiconError(f"{name}:{rows[0][0]}: header must name the columns ({chr(9).join(ACTOR_COLUMNS)})")
    unknown = [h for h in header if h not in ACTOR_COLUMNS and h != "note"]
    if unknown:
        raise LexiconError(f"{name}:{rows[0][0]}: unknown column(s) {', '.join(unknown)}")
    out = []
    for n, ln in rows[1:]:
        cells = ln.split("\t")
        if len(cells) > len(header):
            raise LexiconError(f"{name}:{n}: {len(cells)} fields, the header has {len(header)}")
        out.append(_entry_from_row(dict(zip(header, cells, strict=False)), f"{name}:{n}", source))
    return out


def _data_text(rel: str) -> str | None:
    res = resources.files("eventwire").joinpath("data", *rel.split("/"))
    return res.read_text(encoding="utf-8") if res.is_file() else None


def _read_simple_tsv(text: str | None) -> list[list[str]]:
    if not text:
        return []
    rows = [r for r in csv.reader((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")),
                                  delimiter="\t")]
    return rows[1:] if rows else []


@lru_cache(maxsize=1)
def _bundled() -> tuple[tuple[LexEntry, ...], tuple[tuple[str, str], ...], tuple[tuple[str, str, str], ...]]:
    entries: list[LexEntry] = []
    for fname in ("organizations.tsv", "office_holders.tsv"):
        text = _data_text(f"actors/{fname}")
        if text:
            entries.extend(_read_tsv_entries(text.splitlines(), f"eventwire/data/actors/{fname}", f"bundled:{fname}"))
    sectors = tuple((r[0].strip().lower(), r[1].strip().upper()) for r in _read_simple_tsv(_data_text("actors/sectors.tsv"))
                    if len(r) >= 2 and r[0].strip())
    titles = tuple((r[0].strip().lower(), r[1].strip(), (r[2].strip().upper() if len(r) > 2 else ""))
                   for r in _read_simple_tsv(_data_text("actors/titles.tsv")) if len(r) >= 2)
    return tuple(entries), sectors, titles


@lru_cache(maxsize=1)
def _not_actors() -> frozenset[str]:
    """``not_actors.txt``: names the tagger takes for organisations or people that are no actors ("COVID-19")."""
    text = _data_text("actors/not_actors.txt") or ""
    return frozenset(norm_name(x.strip()) for x in text.splitlines() if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def _national_titles() -> dict[tuple[str, ...], str]:
    """``national_titles.tsv``: a title's words (lower case, hyphens as spaces) -> the country whose office it is."""
    out: dict[tuple[str, ...], str] = {}
    for r in _read_simple_tsv(_data_text("actors/national_titles.tsv")):
        if len(r) >= 2 and r[0].strip() and r[1].strip():
            out[tuple(r[0].strip().lower().replace("-", " ").split())] = r[1].strip().upper()
    return out


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The bundled lexicons plus, when given, the user's actor file (whose entries win over bundled ones)."""
    entries, sectors, titles = _bundled()
    user = read_actor_file(path) if path else []
    sector_words = dict(_BASE_SECTOR_WORDS)
    sector_words.update(dict(sectors))
    title_map: dict[str, tuple[str, str]] = {}
    for w, kind, sec in titles:
        # a word may be both an office and a modifier ("chief"); keep office
        if w not in title_map or kind == "office":
            title_map[w] = (kind, sec)
    return Lexicon(entries=list(entries) + user, sector_words=sector_words, titles=title_map,
                   national_titles=dict(_national_titles()))


# A minimal base so the stage works before the bundled sectors.tsv is extended; the data file overrides these.
_BASE_SECTOR_WORDS = {
    "government": "GOV", "junta": "GOV", "authority": "GOV", "authorities": "GOV", "ministry": "GOV",
    "minister": "GOV", "president": "GOV", "official": "GOV", "officials": "GOV", "spokesman": "GOV",
    "spokeswoman": "GOV", "spokesperson": "GOV", "diplomat": "GOV", "delegation": "GOV", "administration": "GOV",
    "leadership": "GOV", "regime": "GOV", "cabinet": "GOV", "embassy": "GOV", "council": "GOV",
    "military": "MIL", "army": "MIL", "troops": "MIL", "troop": "MIL", "soldier": "MIL", "forces": "MIL",
    "navy": "MIL", "general": "MIL", "warplane": "MIL", "defense": "MIL", "defence": "MIL",
    "police": "COP", "rebel": "REB", "insurgent": "REB", "militant": "REB", "opposition": "OPP",
    "protester": "OPP", "parliament": "LEG", "lawmaker": "LEG", "senator": "LEG", "court": "JUD",
    "judge": "JUD", "party": "PTY", "company": "BUS", "business": "BUS", "civilian": "CVL", "resident": "CVL",
    "people": "CVL", "refugee": "REF", "farmer": "AGR", "union": "LAB", "media": "MED", "journalist": "JRN",
}


# -- resolution ----------------------------------------------------------------------------------------------------


@dataclass
class _Actor:
    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    cameo_sector: str | None = None  # the CAMEO sector part when it is more than ``sector`` ("Defence Minister": GOVMIL)
    role: str | None = None
    cameo: str | None = None
    head: str | None = None  # head lemma for groups ("junta", "official")
    role_span: tuple[int, int] | None = None  # token range of a person's stated role
    from_lexicon: bool = False  # role and sector from a bundled lexicon: a role stated in the text overrides them
    inferred: bool = False  # country not stated but inferred from the sentence or the article (then no CAMEO code)
    no_guess: bool = False  # the text ties it to an actor of unknown country ("his government"): no domestic default
    owner: str | None = None  # the person a "his"/"her" group belongs to; it shares an inferred country
    mentions: list[tuple[int, int]] = field(default_factory=list)
    first: int = 0

    def add(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))


# a state's missions and envoys abroad ("its embassy in Quito", "its ambassador to Turkey")
_DIPLOMATIC_NOUNS = frozenset({"embassy", "consulate", "ambassador", "envoy", "diplomat", "mission", "legation",
                               "chargé", "charge"})

# prepositions naming the land where an act is done ("in southern Lebanon", "near Basra", "across the Donbas")
# Numbers that name people when they stand alone as a plural ("thousands rallied", "hundreds fled"): sectors.tsv
# gives them CVL; with an "of" phrase they only count something else
_CROWD_NUMBERS = frozenset({"thousand", "hundred", "dozen"})

_SCENE_PREPS = frozenset({"in", "inside", "near", "across", "at", "outside", "around", "along", "throughout", "off"})


class _Builder:
    def __init__(self, doc: Doc, gaz: Gazetteer, lex: Lexicon, day: dt.date | None):
        self.doc, self.gaz, self.lex, self.day = doc, gaz, lex, day
        self.text = doc_text(doc)
        self.ents = list(doc_ents(doc))  # (Doc.ents builds new spans on every access)
        sents = list(doc.sents)
        self.sent_starts = [sent.start_char for sent in sents] or [0]
        self.sent_tokens = [sent.start for sent in sents] or [0]  # (the same starts, as token indices)
        self.ent_at: dict[int, SpacySpan] = {i: e for e in self.ents for i in range(e.start, e.end)}
        self.actors: dict[str, _Actor] = {}
        self.tok_actor: dict[int, str] = {}  # token index -> actor key (names and groups)
        self.entities: list[tuple[SpacySpan, str | None, str | None, str]] = []  # span, actor key, country, label
        self.titles: list[SpacySpan] = list(doc.spans.get("titles", ()))
        self.title_at_end: dict[int, SpacySpan] = {t.end: t for t in self.titles}
        self.aliases: dict[str, str] = {}  # normalised acronym/alias -> actor key
        self.groups_by_head: dict[str, list[str]] = {}  # head lemma -> group actor keys in text order
        self.person_names: list[tuple[str, SpacySpan]] = []  # first full-name mention of each person, for roles
        self.role_tokens: set[int] = set()
        self.place_tokens: set[int] = set()
        # "anti-Syria", "the Russian language": country words that give no one a country
        self.places = place_context(doc, gaz, day)
        self.no_country: set[int] = {i for e in self.ents if self.places.non_country(e)
                                     for i in range(e.start, e.end)}
        # where a wire dateline ends (0 if none): its place names where the story was filed, not what it is about
        end = dateline_end(doc)
        self.filed = doc[end].idx if end else 0

    # ---- helpers ----
    def sentence_start(self, tok_i: int) -> int:
        """The first token of the sentence holding token ``tok_i`` (``Token.sent`` and ``Span.sent`` build the
        sentence span on every call)."""
        return self.sent_tokens[sentence_index(self.sent_tokens, tok_i)]

    def span_text(self, span: SpacySpan) -> str:
        """``span.text`` cut from the article text (spaCy joins the span's tokens on every access)."""
        return self.text[span.start_char:span.end_char]

    def actor(self, key: str, name: str, kind: str, first: int, **kw) -> _Actor:
        a = self.actors.get(key)
        if a is None:
            a = _Actor(key=key, name=name, kind=kind, first=first, **kw)
            self.actors[key] = a
        return a

    def link(self, a: _Actor, start_tok: int, end_tok: int) -> None:
        if 0 <= start_tok < end_tok <= len(self.doc):  # (char offsets from the token list: no Span to build)
            toks = doc_tokens(self.doc)
            last = toks[end_tok - 1]
            a.add(toks[start_tok].idx, last.idx + len(last))
        else:
            span = self.doc[start_tok:end_tok]
            a.add(span.start_char, span.end_char)
        for i in range(start_tok, end_tok):
            self.tok_actor.setdefault(i, a.key)

    def country_actor(self, iso3: str, first: int) -> _Actor:
        name = self.gaz.country_name(iso3) or iso3
        return self.actor(f"country:{iso3}", name, "country", first, country=iso3, cameo=iso3)

    def geo_country(self, text: str, at: int | None = None) -> tuple[str | None, str | None]:
        """(country, kind) of a place-like text: kind is country|capital|demonym|city|region|None. A name with
        readings in several countries is resolved in the article (see ``geo.PlaceContext``): the reading in a country
        the sentence of token ``at`` names, else the article; a place as it was on the publication date."""
        g = self.places.resolve(text, at)
        if g is None:
            return None, None
        return g.country, g.kind

    def halves_pass(self) -> None:
        """"the North", "the South" (capitalised, standing alone) for the one country of the article named "North
        ..." or "South ..." ("North Korea fired missiles ... hours after the North threatened to respond")."""
        toks = doc_tokens(self.doc)
        # (the candidates found on the ORTH column, as the other passes do: no string built per token)
        for i in numpy.flatnonzero(numpy.isin(self.doc.to_array(ORTH), _HALVES_IDS)).tolist():
            t = toks[i]
            if t.i in self.tok_actor or t.i == 0 or toks[t.i - 1].lower_ != "the" \
                    or t.dep_ in ("compound", "amod", "nmod") \
                    or t.i + 1 < len(toks) and toks[t.i + 1].pos_ in ("PROPN", "NOUN"):
                continue  # ("the North Atlantic", "the South China Sea": a name's first word)
            half = [a for a in self.actors.values() if a.kind == "country" and a.country
                    and a.name.startswith(t.text + " ") and any(s < t.idx for s, _ in a.mentions)]
            if len(half) == 1:
                self.link(half[0], t.i, t.i + 1)

    # ---- stage 1: entities ----
    def entities_pass(self) -> None:
        doc = self.doc
        for ent in self.ents:
            if ent.label_ in _SKIP_LABELS:
                continue
            start, end = _trim_span(ent)
            if start >= end:
                continue
            if start >= 2 and doc[start - 1].text in ("'s", "’s") and doc[start - 2].is_title \
                    and doc[start - 2].i not in self.tok_actor and self.lex.find(doc[start - 2:end].text, self.day):
                start -= 2  # a name with a possessive inside, cut at it: "People's Liberation Army"
            span = doc[start:end]
            text = self.span_text(span)
            label = ent.label_
            country, gkind = self.geo_country(text, start)
            if start in self.no_country:  # "anti-Syria", "the Russian language": a country word, no actor
                self.entities.append((span, None, None, label))
                continue
            lexe = self.lexicon_match(span, label) if label in ("PERSON", "ORG", "GPE", "NORP", "FAC") else None
            if lexe is not None and lexe.kind != "country" and lexe.country and label == "ORG" \
                    and self.generic_name(span) and self.modifier_country(span) not in (None, lexe.country):
                lexe = None  # "Chile's Defense Department" is not the Pentagon: a generic name, another country's
            if lexe is not None and lexe.kind == "person" and len(span) == 1 and ent.root.dep_ == "pobj" \
                    and self.places.town_named_as_org(ent):
                lexe = None  # "a base near Djibo": the town, not a former leader known by that surname
            if lexe is not None and lexe.kind != "country":
                self.named_from_lexicon(span, lexe, label)
                continue
            if gkind == "demonym" and self.ethnic_group(span, country):
                continue
            if gkind == "region" and country and self.breakaway(span, label):
                continue
            if label in ("ORG", "PERSON") and gkind == "city" and self.places.town_named_as_org(ent):
                label = "GPE"  # "Wagner fighters captured Bakhmut": a town the tagger took for an organisation
            if gkind in ("country", "capital", "demonym") or (gkind and label in _PLACE_LABELS):
                if label not in _PLACE_LABELS:
                    label = "NORP" if gkind == "demonym" else "GPE"
                key = None
                named = gkind in ("capital", "city") and span.root.dep_ == "compound" \
                    and span.root.head.lemma_.lower() in self.gaz.named_after_place  # "the Paris agreement"
                if country and not named and (gkind in ("country", "capital", "demonym") or self.acted_upon(span)):
                    a = self.country_actor(country, span.start)
                    self.link(a, span.start, span.end)
                    key = a.key
                else:
                    self.place_tokens.update(range(span.start, span.end))  # a place is not a group ("West Bank")
                self.entities.append((span, key, country, label))
                continue
            if label in ("ORG", "PERSON") and norm_name(text) in _not_actors():
                self.entities.append((span, None, country, label))  # "the COVID-19 pandemic": no one
                continue
            if label in ("ORG", "LAW", "WORK_OF_ART") and span[-1].lower_ in _DOCUMENT_WORDS:
                # "the Indus Waters Treaty", "the Minsk Agreement", "the Paris Accord": a document, not a party
                self.entities.append((span, None, country, label))
                continue
            if label == "PERSON" or self.person_part(span) is not None:
                self.person(span)
            elif label == "ORG":
                self.organization(span)
            else:
                self.entities.append((span, None, country, label))

    def acted_upon(self, span: SpacySpan) -> bool:
        """A town or region named as what an act is done to, not where it happens ("rebels shelled Kadugli", "an
        attack on Basra", "troops entered the town of Afrin", "withdrew from Tigray"): it stands for its country, as a
        capital does ("fired at Seoul"). So does the land where an act is done ("struck targets in southern Lebanon",
        "imposed a curfew in Lagos", "the offensive in Gaza"): news coders take the country where troops strike,
        deploy or stand on alert as the one acted upon; whether an event takes it is the events stage's choice. A town
        left or passed through ("flew from Aleppo", "the governor of Kherson") stays a place."""
        tok = span.root
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in self.gaz.place_nouns:
            tok = tok.head.head  # "the town of Afrin"
        elif tok.dep_ == "compound":  # "shelled the Kharkiv region", "raided the Jenin refugee camp"
            head = tok.head
            while head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.lemma_.lower() not in self.gaz.place_nouns:
                head = head.head
            if head.lemma_.lower() in self.gaz.place_nouns:
                tok = head
        if tok.dep_ in ("dobj", "nsubjpass") or tok.dep_ == "npadvmod" and tok.i == tok.head.i + 1:
            return tok.head.pos_ == "VERB"  # (a name right after the verb read as an adverb: "shelled Aleppo")
        if tok.dep_ == "pobj" and tok.head.lower_ in _SCENE_PREPS:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in self.gaz.campaign_nouns:
            return True  # "a siege of the Gaza Strip", "the invasion of Ukraine"
        if tok.dep_ == "pobj" and tok.head.lower_ in ("from", "of"):
            # "Eritrean troops withdrew from Tigray", "began to pull out of Chechnya": the land left
            leaving = tok.head.head if tok.head.lower_ == "from" else \
                tok.head.head.head if tok.head.head.lower_ == "out" else None
            if leaving is not None and leaving.dep_ == "advmod" and leaving.lower_ in ADVERB_PARTICLES:
                leaving = leaving.head  # ("pulled back from Kyiv", the particle read as an adverb)
            if leaving is not None and leaving.lemma_.lower() in self.gaz.withdrawal_words:
                return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.pos_ in ("VERB", "NOUN"):
            # "sent aid to northern Gaza", "deliveries to Darfur", "flew to Jeddah": the land things or people are
            # sent to; but not where troops are deployed ("soldiers were deployed to Basra": no clue to their side)
            head = tok.head.head
            return not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and self.lex.sector_of(c.lemma_.lower()) == "MIL"
                           for c in token_children(head))
        return tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against", "into", "at", "toward", "towards") \
            and tok.head.head.pos_ in ("VERB", "NOUN")  # ("fired rockets toward Haifa")

    def breakaway(self, span: SpacySpan, label: str) -> bool:
        """A partially recognized entity named ("Abkhazia", "Transnistria", "Northern Cyprus") is its breakaway
        government: an actor of the country that claims it, sector PRE (the PLOVER manual's convention)."""
        g = self.places.resolve(span.text, span.start)
        if g is None or g.status != "PRE" or not g.country:
            return False
        a = self.actor(f"pre:{norm_name(g.name)}", g.name, "organization", span.start, country=g.country,
                       sector="PRE")
        self.link(a, span.start, span.end)
        self.entities.append((span, a.key, g.country, label if label in _PLACE_LABELS else "GPE"))
        return True

    def generic_name(self, span: SpacySpan) -> bool:
        """A name made only of office and sector words ("Defense Department", "Foreign Ministry", "Supreme Court"),
        which many countries' bodies share."""
        return all(t.lower_ in _GENERIC_NAME_WORDS or self.lex.sector_of(t.lemma_.lower()) or self.lex.sector_of(t.lower_)
                   for t in span if not t.is_punct)

    def ethnic_group(self, span: SpacySpan, demonym_country: str | None) -> bool:
        """A people named as a community inside a country is a group of that country, not the state of its name:
        "ethnic Albanians in south Serbia", "the Albanians of southern Serbia" (a group of Serbia), "ethnic Turks"
        (a group whose country the sentence or article gives). Returns whether the span was taken as such."""
        doc = self.doc
        head = span.root
        if head.dep_ in ("amod", "compound", "poss") or head.tag_ not in ("NNPS", "NNS", "NNP"):
            return False  # "ethnic Albanian guerrillas", "Albania's": the demonym modifies something else
        ethnic = span.start > 0 and doc[span.start - 1].lower_ == "ethnic"
        country = None  # the country (or a place of it) they live in: "in south Serbia", "of southern Serbia"
        for prep in token_children(head):
            if prep.dep_ == "prep" and prep.i == span.end and prep.lower_ in (("of", "in") if ethnic else ("of",)):
                country = next((self.token_country(g, places=True) for g in token_children(prep) if g.dep_ == "pobj"), None)
        if not ethnic and country in (None, demonym_country):
            return False
        if country == demonym_country:
            country = None
        left = span.start - 1 if ethnic else span.start
        a = self.actor(f"group:ethnic:{norm_name(span.text)}:{country}", doc[left:span.end].text, "group", left,
                       country=country, sector="CVL", head=head.lemma_.lower())
        self.link(a, left, span.end)
        self.entities.append((span, a.key, demonym_country, "NORP"))
        return True

    def lexicon_match(self, span: SpacySpan, label: str) -> LexEntry | None:
        """A lexicon entry for an entity: its whole text; for a person, the longest run of two or more of its name
        parts that is a known name ("Ali Mahamane Lamine Zeine" -> "Lamine Zeine"); for an organisation named with
        a demonym or country in front, the rest when the entry is of that country ("American Department of
        Defense" -> the Pentagon)."""
        e = self.lex.find(self.span_text(span), self.day)
        if e is not None or len(span) < 2:
            return e
        if label == "PERSON":
            for size in range(len(span) - 1, 1, -1):
                for i in range(0, len(span) - size + 1):
                    e = self.lex.find(span[i:i + size].text, self.day)
                    if e is not None and e.kind == "person":
                        return e
            return self.lex.find_spelling(span.text, self.day)
        if label == "ORG":
            c, kind = self.geo_country(span[0].text, span.start)
            if c and kind in ("demonym", "country"):
                e = self.lex.find(span[1:].text, self.day)
                if e is not None and e.country == c:
                    return e
        return None

    def named_from_lexicon(self, span: SpacySpan, e: LexEntry, label: str) -> None:
        key = f"lex:{norm_name(e.name)}"
        # People are named as the article writes them (the longest form); organisations by their lexicon name.
        name = e.name if e.kind != "person" else span.text
        country, cameo = e.country, e.cameo
        there = self.placed_elsewhere(span, e) or self.home_party(span, e)
        if there is not None:
            # "the Joint Chiefs of Staff in Seoul": a body of that name in the country the place is in (the lexicon's
            # is the United States'), when the name itself names no country
            key, country, cameo = f"{key}:{there}", there, there + (e.sector or "") if e.sector else there
        a = self.actor(key, name, e.kind, span.start, country=country, sector=e.sector, role=e.role,
                       cameo=cameo)
        a.from_lexicon = not e.source.startswith("user")
        if e.kind == "person" and len(span.text) > len(a.name):
            a.name = span.text
        self.link(a, span.start, span.end)
        lab = "PERSON" if e.kind == "person" else ("ORG" if label not in ("ORG", "PERSON") else label)
        self.entities.append((span, a.key, country, lab))
        if e.kind == "person":
            self.person_names.append((a.key, span))

    def home_party(self, span: SpacySpan, e: LexEntry) -> str | None:
        """The dateline's country for a party the lexicon knows in another country, named with no country of its own
        in a story filed from a country the story names ("SEOUL (AP) — ... The opposition Democratic Party said it
        would file an impeachment motion": South Korea's, not the American party)."""
        if e.kind != "organization" or e.sector != "PTY" or not e.country:
            return None
        if hasattr(self.gaz, "nationality") and self.gaz.nationality(span.text) or self.modifier_country(span):
            return None
        home = self.dateline_country()
        return home if home and home != e.country else None

    def placed_elsewhere(self, span: SpacySpan, e: LexEntry) -> str | None:
        """The country of an "in" place right after a lexicon organisation's name, when it is another than the
        lexicon's and the name, made only of office words, names no country ("the Joint Chiefs of Staff in Seoul";
        not "the Pentagon in Washington", nor "the US Embassy in Kyiv", nor "the Rapid Support Forces in Jeddah")."""
        doc = self.doc
        if e.kind != "organization" or not e.country or span.end + 1 >= len(doc) or doc[span.end].lower_ != "in":
            return None
        if hasattr(self.gaz, "nationality") and self.gaz.nationality(span.text) or not self.generic_name(span):
            return None  # (a name only one body bears stays its own: "held talks with the Rapid Support Forces in
            # Jeddah", "the CIA in Kabul")
        place = doc[span.end + 1]
        c = self.token_country(place, places=True) if place.ent_type_ in ("GPE", "LOC") else None
        return c if c and c != e.country else None

    def organization(self, span: SpacySpan) -> None:
        doc = self.doc
        text = span.text
        if self.person_part(span) is not None:  # "Abdramane" tagged ORG after "Amadou Abdramane" was named
            self.person(span)
            return
        # An acronym in parentheses right after a name is an alias of that name.
        if span.start >= 1 and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")":
            prev = self.tok_actor.get(span.start - 2)
            if prev is not None:
                a = self.actors[prev]
                self.link(a, span.start, span.end)
                self.aliases.setdefault(norm_name(text), a.key)
                self.entities.append((span, a.key, a.country, "ORG"))
                return
        alias = self.aliases.get(norm_name(text)) or self.name_tail(span)
        if alias is not None:
            a = self.actors[alias]
            self.link(a, span.start, span.end)
            self.entities.append((span, a.key, a.country, "ORG"))
            return
        key = f"org:{norm_name(text)}"
        country = self.gaz.nationality(text) if hasattr(self.gaz, "nationality") else None
        if country is None:
            country = self.modifier_country(span)
        if country is None and len(span) > 1 and span[0].is_title:
            # a country or organisation of the lexicons in front: "Arnor Ministry of X", "Hamas Interior Ministry"
            e = self.lex.find(span[0].text, self.day)
            if e is not None and e.kind in ("country", "organization") and e.country:
                country = e.country
        sector = self.sector_of_tokens(span)
        if self.geo_country(text, span.start)[1] in ("region", "city"):
            sector = None  # a place tagged as an organisation ("West Bank"): its words say nothing of a sector
        if country is None and _looks_international(span):
            sector = "IGO"  # "Asia-Pacific Economic Cooperation", "European Community"
        a = self.actor(key, _strip_det(text), "organization", span.start, country=country, sector=sector,
                       cameo="IGO" if sector == "IGO" and country is None else None)
        self.link(a, span.start, span.end)
        self.entities.append((span, a.key, a.country, "ORG"))

    def name_tail(self, span: SpacySpan) -> str | None:
        """The key of the organisation named last before whose name ends in this one word ("the International
        Criminal Court ... the Court said", "the Security Council ... the Council urged")."""
        if len(span) != 1 or not span[0].is_title:
            return None
        word = span[0].lower_
        best: tuple[int, str] | None = None
        for k, a in self.actors.items():
            if a.kind == "organization" and a.mentions and " " in a.name:
                for s, e in a.mentions:
                    if e <= span.start_char and self.doc.text[s:e].lower().split()[-1] == word \
                            and (best is None or s > best[0]):
                        best = (s, k)
        return best[1] if best else None

    def person_part(self, span: SpacySpan) -> str | None:
        """The key of a person already named whose name contains this single capitalised word, if any."""
        if len(span) != 1 or not span[0].is_title:
            return None
        word = span.text  # (``Span.text`` is built on every access)
        for k, a in self.actors.items():
            if a.kind == "person" and " " in a.name and word in a.name and word in a.name.split():
                return k  # (the substring test is a cheap necessary condition for the word test)
        return None

    def surnames_pass(self) -> None:
        """A word outside any entity that repeats an acronym defined earlier ("ECOWAS"), or a part of a person's
        name already named ("Singh")."""
        toks = doc_tokens(self.doc)
        cols = self.doc.to_array([IS_UPPER, POS])  # (only an all-caps word or a PROPN can be either: found in C)
        for i in numpy.flatnonzero((cols[:, 0] != 0) | (cols[:, 1] == _PROPN)).tolist():
            tok = toks[i]
            if tok.i in self.tok_actor:
                continue
            if tok.is_upper and len(tok) > 1 and norm_name(tok.text) in self.aliases:  # a later "ECOWAS"
                self.link(self.actors[self.aliases[norm_name(tok.text)]], tok.i, tok.i + 1)
                continue
            if tok.ent_type_ or tok.pos_ != "PROPN":
                continue
            k = self.person_part(self.doc[tok.i:tok.i + 1])
            if k is not None and self.actors[k].first < tok.i:
                self.link(self.actors[k], tok.i, tok.i + 1)

    def person(self, span: SpacySpan) -> None:
        text = span.text
        toks = [t.text for t in span if t.is_alpha or "-" in t.text]
        key = None
        # A single name, or a shorter name, that is part of a person already named joins that person.
        for k, a in self.actors.items():
            if a.kind != "person":
                continue
            parts = a.name.split()
            if text == a.name or (len(toks) == 1 and toks[0] in parts and toks[0][:1].isupper()) or \
                    (len(toks) >= 2 and text in a.name):
                key = k
                break
        if key is None:
            key = f"person:{norm_name(text)}"
            a = self.actor(key, text, "person", span.start)
            self.link(a, span.start, span.end)
            self.person_names.append((a.key, span))
        else:
            a = self.actors[key]
            self.link(a, span.start, span.end)
        self.entities.append((span, a.key, a.country, "PERSON"))

    # ---- roles ----
    def roles_pass(self) -> None:
        """Roles of people from titles and appositions, once per person (first full mention that has one)."""
        done: set[str] = set()
        for key, span in self.person_names:
            a = self.actors[key]
            if key in done:
                continue
            if self.read_role(a, span):
                done.add(key)

    def read_role(self, a: _Actor, name: SpacySpan) -> bool:
        doc = self.doc
        if not a.country:
            a.country = self.of_country(name)
        role_span: SpacySpan | None = None
        appositive = False
        # 1. A title or a chain of modifiers right in front of the name: "Pentagon spokesperson Sabrina Singh",
        #    "Nigerien government spokesman Amadou Abdramane", "Under Secretary of State for African Affairs Molly Phee".
        j = name.start
        sent_start = self.sentence_start(name.start)
        while True:
            title = self.title_at_end.get(j)
            if title is not None:
                j = title.start
                continue
            if j - 2 >= sent_start and doc[j - 1].text in ("-", "–") and not doc[j - 2].whitespace_ \
                    and self.title_at_end.get(j - 1) is not None:  # "Secretary-General" split at its hyphen
                j -= 1
                continue
            if j > sent_start and doc[j - 1].dep_ in ("compound", "amod", "nmod", "poss", "case") \
                    and j <= doc[j - 1].head.i < name.end and not doc[j - 1].is_punct and doc[j - 1].tag_ != "DT":
                j -= 1
                continue
            if j - 2 >= sent_start and doc[j - 1].dep_ == "case" and doc[j - 1].head.i == j - 2 \
                    and doc[j - 2].dep_ == "poss" and j <= doc[j - 2].head.i < name.end:
                j -= 2  # "China's foreign ministry spokesman Lin Jian": the possessor is part of the role
                continue
            break
        root = name.root
        if j < name.start and root.dep_ == "appos" and root.head.i < j:
            # "Iran's religious leader Ayatollah Ruhollah Khomeini": the head noun is part of the role too
            head = root.head
            j = min(head.left_edge.i, j)  # (the subtree's first token)
        if j < name.start:
            role_span = doc[j:name.start]
        # 2. Apposition: "Foreign Minister of Niger, Bakary Yaou Sangare" / "the prime minister of X, Name,".
        if role_span is None and root.dep_ == "appos" and root.head.i < name.start:
            head = root.head
            left = head.left_edge.i  # (the subtree's first token)
            role_span = doc[left:_before_comma(doc, head, name.start)]
            appositive = True
        if role_span is None:
            for child in token_children(root):
                if child.dep_ == "appos" and child.i > name.end and child.pos_ in ("NOUN", "PROPN"):
                    sub = sorted(t.i for t in token_subtree(child))
                    role_span = doc[sub[0]:sub[-1] + 1]
                    appositive = True
                    break
        if role_span is None:
            return False
        role_span = _strip_span_det(role_span)
        if len(role_span) == 0:
            return False
        a.role = role_span.text
        a.role_span = (role_span.start, role_span.end)
        self.role_tokens.update(range(role_span.start, role_span.end))
        if appositive:  # "the prime minister of the ruling junta, Ali ..." is a mention of the person
            head = role_span.root
            left, right = _np_bounds(head)
            self.link(a, left, right)
        country = self.role_country(role_span)
        if country and not a.country:
            a.country = country
        if not a.country and not a.cameo or a.from_lexicon and not country:
            # "U.N. mediator Diego Cordovez", "Arab League Secretary-General X": the title's own organisation, an
            # international one, is what the person speaks for (not a country named nearby); a stated international
            # office also outranks the bundled entry's national one ("NATO Secretary-General Jens Stoltenberg", whom
            # the lexicon knows, undated, as Norway's finance minister)
            igo = self.international_in(role_span)
            if igo is not None:
                a.cameo = igo.cameo
                a.sector = igo.sector or a.sector
                a.country = None
                a.from_lexicon = False
        sector, cameo_sector = self.role_sector(role_span)
        if sector and (not a.sector or a.from_lexicon or a.sector == "GOV" and sector == "MIL"):
            a.sector = sector
            a.cameo_sector = cameo_sector
            if a.from_lexicon and a.country:
                a.cameo = None  # recomputed from country + the stated sector
        return True

    def of_country(self, name: SpacySpan) -> str | None:
        """"King Hassan of Morocco": a country in an "of" phrase right after a person's name."""
        for child in token_children(name.root):
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == name.end:
                for g in token_children(child):
                    if g.dep_ == "pobj":
                        c = self.token_country(g)
                        if c:
                            return c
        return None

    def ents_in(self, span) -> list[SpacySpan]:
        """``span.ents`` (the entities wholly inside it) from the entity list read once: ``Span.ents`` rebuilds every
        entity of the doc on each call."""
        if not isinstance(span, SpacySpan):
            return list(span.ents) if hasattr(span, "ents") else []
        return [e for e in self.ents if e.start >= span.start and e.end <= span.end]

    def role_country(self, span: SpacySpan) -> str | None:
        for ent in self.ents_in(span):
            if ent.label_ in ("TITLE",) or ent.start in self.no_country:
                continue
            c, kind = self.geo_country(ent.text, ent.start)
            if c and kind in ("country", "capital", "demonym"):
                return c
            e = self.lex.find(ent.text, self.day)
            if e and e.country:
                return e.country
        if hasattr(self.gaz, "nationality"):
            c = self.gaz.nationality(span.text)
            if c:
                return c
        c = self.national_title(span)
        if c:
            return c
        # a group or organisation already known inside the role ("the ruling junta", "Pentagon")
        for t in span:
            k = self.tok_actor.get(t.i)
            if k and self.actors[k].country:
                return self.actors[k].country
        for t in span:
            if t.pos_ == "NOUN":
                g = self.group_antecedent(t)
                if g is not None and g.country:
                    return g.country
        return None

    def national_title(self, span: SpacySpan) -> str | None:
        """The country whose own office the role names ("Assistant Secretary of State for African Affairs" -> USA),
        from ``national_titles.tsv``: the longest listed title inside the role."""
        table = self.lex.national_titles
        if not table:
            return None
        words = [t.lower_ for t in span if t.text not in ("-", "–")]
        best: tuple[int, str] | None = None
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                c = table.get(tuple(words[i:j]))
                if c is not None:
                    if best is None or j - i > best[0]:
                        best = (j - i, c)
                    break
        return best[1] if best else None

    def international_in(self, span: SpacySpan) -> _Actor | None:
        """An international organisation (IGO/NGO/IMG with a CAMEO code, in no one country) named inside a span."""
        for t in span:
            k = self.tok_actor.get(t.i)
            if k:
                b = self.actors[k]
                if not b.country and b.cameo and (b.sector in ("IGO", "NGO", "IMG") or b.cameo[:3] in ("IGO", "NGO", "IMG")):
                    return b
        return None

    def role_sector(self, span: SpacySpan) -> tuple[str | None, str | None]:
        """The sector a stated role implies, and the CAMEO sector code when it says more: a civil office in a
        department has the department's sector and is government in it ("Defence Minister", "Deputy Minister of
        Defence Colonel-General X": MIL, CAMEO GOVMIL)."""
        words = [t.lower_ for t in span if t.text not in ("-", "–")]
        # "Secretary General", "Attorney General", "Governor General": "general" after a civil office is not a rank
        words = [w for n, w in enumerate(words) if not (w == "general" and n > 0 and
                 self.lex.titles.get(words[n - 1], ("", ""))[0] == "office" and
                 self.lex.titles.get(words[n - 1], ("", ""))[1] != "MIL")]
        if "former" in words or any(w.startswith("ex-") for w in words):
            return "ELI", None  # CAMEO: elites, former government officials
        kinds = [self.lex.titles.get(w, ("", "")) for w in words]
        department = next((sec for kind, sec in kinds if kind == "department"), None)
        if department and any(kind == "office" and sec == "GOV" for kind, sec in kinds):
            return department, "GOV" + department
        mil = any(sec == "MIL" for _, sec in kinds) or any(self.lex.sector_of(w) == "MIL" for w in words)
        if mil:
            return "MIL", None
        for t in span:
            k = self.tok_actor.get(t.i)
            if k and self.actors[k].sector and not (t.dep_ == "pobj" and t.head.lower_ in ("to", "at")):
                # (the body one is posted to is not one's own: "Kenya's ambassador to the UN")
                return self.actors[k].sector, None
        for (_, sec), w in zip(reversed(kinds), reversed(words), strict=True):
            sec = sec or self.lex.sector_of(w)
            if sec:
                return sec, None
        return None, None

    def modifier_country(self, span: SpacySpan) -> str | None:
        """Country of a possessive or modifier in front of (or 'of X' after) a phrase."""
        root = span.root
        for child in token_children(root):
            if child.i >= span.start and child.i < span.end and child.dep_ not in ("poss", "compound", "amod", "nmod"):
                continue
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                c = self.token_country(child)
                if c:
                    return c
            if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i < root.i:
                # a descriptor in front of a name: "French nuclear fuel producer Orano", "Chinese video app TikTok"
                for mod in token_children(child):
                    if mod.dep_ in ("amod", "compound", "poss") and mod.i < child.i:
                        c = self.token_country(mod)
                        if c:
                            return c
            if child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
                for g in token_children(child):
                    if g.dep_ == "pobj":
                        c = self.token_country(g)
                        if c:
                            return c
        return None

    def token_country(self, tok: Token, places: bool = False) -> str | None:
        """Country a single token stands for (a place/demonym entity or an actor with a country), if any. With
        ``places``, a city or region counts too ("Shanghai police", "Rakhine rebels")."""
        if tok.i in self.no_country:
            return None
        key = self.tok_actor.get(tok.i)
        if key and self.actors[key].country:
            return self.actors[key].country
        if tok.ent_type_ in ("GPE", "NORP", "LOC") or tok.pos_ == "PROPN" or tok.tag_ in ("NNP", "JJ"):
            ent = self.ent_at.get(tok.i)
            text = ent.text if ent is not None else tok.text
            c, kind = self.geo_country(text, tok.i)
            if c and (kind in ("country", "capital", "demonym") or places and kind in ("city", "region")):
                return c
        if tok.lower_ in _COUNTRY_ANAPHORA and tok.head is not None:
            a = self.leading_country(tok.i)
            return a
        return None

    def sector_of_tokens(self, span: SpacySpan) -> str | None:
        toks = doc_tokens(self.doc)[span.start:span.end]  # (iterating the Span would build new Tokens)
        root = span.root  # (``Span.root`` searches the span's tokens on every access)
        words = [t.lower_ for t in toks]
        if root.lemma_.lower() in ("ministry", "department"):
            return "GOV"  # a defence ministry is a government body (as the lexicons code them), not the armed forces
        if span.start <= root.i < span.end:
            phrase = self.phrase_sector(root)  # "National Guard" MIL, "Central Bank of X" GOV
            if phrase:
                return phrase
        if any(self.lex.sector_of(w) == "MIL" for w in words):
            return "MIL"
        for t in [root, *reversed(toks)]:
            sec = self.lex.sector_of(t.lemma_.lower()) or self.lex.sector_of(t.lower_)
            if sec:
                return sec
        return None

    # ---- stage 4: groups ----
    def groups_pass(self) -> None:
        doc = self.doc
        toks = doc_tokens(doc)
        strings = doc.vocab.strings
        # (one flat list per column: ``.tolist()`` of the 2-D array makes a small list per token, which the garbage
        # collector then promotes and walks in full collections, ten times the cost of the read itself)
        cols = doc.to_array([POS, LEMMA, LOWER])
        lemma_ids, lower_ids = cols[:, 1].tolist(), cols[:, 2].tolist()
        # only a noun can head a group: the nouns are found in C, and the loop visits those alone
        nouns = numpy.flatnonzero((cols[:, 0] == _NOUN) | (cols[:, 0] == _PROPN)).tolist()
        for i in nouns:
            if i in self.tok_actor or i in self.role_tokens or i in self.place_tokens \
                    or not self.lex.may_head_group(lemma_ids[i], lower_ids[i], strings):  # (nothing below would apply)
                continue
            tok = toks[i]
            lemma = tok.lemma_.lower()
            if tok.lower_ in _COUNTRY_ANAPHORA and any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss"
                                                       and c.lower_ in ("his", "her", "its", "their")
                                                       for c in token_children(tok)):  # ("said his country had")
                # "Macron said his country would ...", "Orban blocked the package, demanding guarantees for his
                # country's energy supplies": the country of the one "his" is, before the story's leading one
                owner = self.possessor(tok)
                personal = any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in token_children(tok))
                iso = owner.country if owner is not None and personal else None
                if not iso:
                    subj = self.clause_subject_country(tok) if tok.dep_ in ("dobj", "pobj", "poss") else None
                    iso = self.leading_country(tok.i, exclude=subj)
                if not iso and owner is not None:
                    iso = owner.country
                if iso:
                    a = self.country_actor(iso, tok.i)
                    self.link(a, tok.i, tok.i + 1)
                continue
            if tok.lower_ in _CAPITAL_ANAPHORA and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") \
                    and [(c.dep_, c.lower_) for c in token_children(tok)] == [("det", "the")]:
                # "Russian instructors arrived in the capital": the leading country's (not the clause subject's own:
                # "Russian troops shelled the capital"); in a story filed from a country it names, that country's
                # ("PORT-AU-PRINCE, Haiti (AP) — Kenyan police ... the gangs that control much of the capital")
                subj = self.clause_subject_country(tok) if tok.dep_ in ("dobj", "pobj") else None
                home = self.dateline_country()
                iso = home if home and home != subj else self.leading_country(tok.i, exclude=subj)
                if iso:
                    self.link(self.country_actor(iso, tok.i), tok.i, tok.i + 1)
                continue
            unique = self.lex.find(tok.text, self.day) if tok.tag_ == "NN" else None
            if unique is not None and unique.kind == "group" and unique.cameo and not unique.country \
                    and all(c.dep_ == "det" and c.lower_ == "the" for c in token_children(tok) if c.i < tok.i):
                # "the pope", "the pontiff": an office with one holder in the world, as the lexicon codes it
                self.named_from_lexicon(doc[tok.i:tok.i + 1], unique, "ORG")
                continue
            sector = self.phrase_sector(tok) or self.lex.sector_of(lemma) or self.lex.sector_of(tok.lower_)
            if not sector or tok.dep_ in ("compound",) and tok.head.pos_ in ("NOUN", "PROPN"):
                continue
            if lemma in _CROWD_NUMBERS and (tok.tag_ != "NNS" or any(c.dep_ == "prep" and c.lower_ == "of"
                                                                     for c in token_children(tok))):
                continue  # ("thousands of dollars", "tens of thousands": the "of" phrase says what is counted)
            if tok.dep_ == "amod":
                continue
            left, right = _np_bounds(tok)
            np = doc[left:right]
            country, of_end = self.np_country(tok)
            if country is None and sector == "REF":
                country = self.fled_country(tok)
            inner = None
            if of_end > right:
                np = doc[left:of_end]
                inner = doc[of_end - 1]  # "a delegation of senior US military officials": "officials" refers too
            sector = self.np_sector(np, tok, sector)
            if sector == "UAF":  # "Boko Haram gunmen" are not unidentified: the named group's sector
                named = [self.actors[k] for k in (self.tok_actor.get(t.i) for t in np) if k]
                sector = next((b.sector for b in named if b.kind == "organization" and b.sector), sector)
            if country is not None:
                # "Senior Hungarian and Romanian officials": one group per country, each mentioned by the phrase.
                countries = [country] + [c for c in self.conjoined_countries(tok, left) if c != country]
                body = _body_qualifier(tok)
                for c in dict.fromkeys(countries):
                    key = f"group:{c}:{body}{lemma}"
                    a = self.actor(key, _strip_det(np.text), "group", np.start, country=c, sector=sector,
                                   head=lemma)
                    self.link(a, np.start, np.end)
                    self.groups_by_head.setdefault(lemma, []).append(a.key)
                    if inner is not None and inner.pos_ == "NOUN" and self.lex.sector_of(inner.lemma_.lower()):
                        self.groups_by_head.setdefault(inner.lemma_.lower(), []).append(a.key)
                continue
            igo = self.international_of(tok)  # "a spokesman for the United Nations": said explicitly, wins
            # (not a quantified group, "urged all parties to refrain", which is no group named before)
            # (nor one counted with no "the": "Britain charged two men with spying" after "three men" were charged
            # elsewhere names others)
            kids = token_children(tok)
            ante = self.group_antecedent(tok) if igo is None and not any(
                c.dep_ in ("det", "predet") and c.lower_ in _QUANTIFIERS for c in kids) and not (
                any(c.dep_ == "nummod" for c in kids) and not any(c.dep_ in ("det", "poss") for c in kids)) else None
            if ante is not None:
                self.link(ante, np.start, np.end)
                continue
            igo = igo or self.international_modifier(np, tok)
            if igo is not None:  # "U.N. peacekeepers", "NATO troops": of the organisation, in no one country
                key = f"group:{igo.key}:{lemma}"
                a = self.actor(key, _strip_det(np.text), "group", np.start, country=None, sector=sector,
                               head=lemma, cameo=igo.cameo)
                self.link(a, np.start, np.end)
                self.groups_by_head.setdefault(lemma, []).append(a.key)
                continue
            owner = self.possessor(tok)
            if owner is not None:  # "his government": the country of the person "his" refers to, or none
                key = f"group:{owner.key}:{lemma}"
                a = self.actor(key, _strip_det(np.text), "group", np.start, country=owner.country, sector=sector,
                               head=lemma, cameo=None if owner.country else owner.cameo)
                a.no_guess = not owner.country and not owner.cameo
                a.owner = owner.key
                self.link(a, np.start, np.end)
                self.groups_by_head.setdefault(lemma, []).append(a.key)
                continue
            if any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token_children(tok)) or tok.tag_ == "NNS" \
                    or (tok.is_title and tok.pos_ == "PROPN") \
                    or (tok.dep_ in ("nsubj", "nsubjpass", "ROOT") and left < tok.i):  # a bare title: "Defense Minister
                # said"; a modified subject with no article, as headlines write it ("Muslim cleric arrested")
                key = f"group:?:{lemma}:{tok.i}"
                a = self.actor(key, _strip_det(np.text), "group", np.start, country=None, sector=sector, head=lemma)
                # "Western governments", "several Latin American governments, including Brazil and Colombia": states
                # in the plural are several countries, none of them the story's own; so are "all parties" to a
                # conflict ("said all parties should address each other's concerns")
                a.no_guess = tok.tag_ == "NNS" and (lemma in _STATES_NOUNS or lemma in _SIDES_NOUNS and any(
                    c.dep_ in ("det", "predet") and c.lower_ in ("all", "both") for c in token_children(tok)))
                self.link(a, np.start, np.end)
                self.groups_by_head.setdefault(lemma, []).append(a.key)

    def phrase_sector(self, head: Token) -> str | None:
        """Sector of the longest sector phrase of sectors.tsv ending at a head noun ("police station" COP, "central
        bank" GOV, "agricultural workers" AGR), its earlier words as written and the head as its lemma."""
        last = head.lemma_.lower()
        if not self.lex.has_sector_phrase_ending(last):
            return None
        left, _ = _np_bounds(head)
        toks = doc_tokens(self.doc)  # (slices of the token list, not Spans: a Span builds new Tokens when iterated)
        for k in range(max(left, head.i - 3), head.i):
            words = [t.lower_ for t in toks[k:head.i] if not t.is_punct]
            if not words or words[0] in _DETERMINERS:
                continue
            sec = self.lex.sector_of(" ".join([*words, last]))
            if sec:
                return sec
        return None

    def possessor(self, head: Token) -> _Actor | None:
        """The person a "his"/"her" in front of a head noun refers to: the last person named before it. An "its" or
        "their" is the body that is the subject of the clause ("NATO rejected calls for its troops to be sent")."""
        poss = [c.lower_ for c in token_children(head) if c.dep_ == "poss"]
        if "its" in poss or "their" in poss:
            return self.clause_subject_body(head, plural="its" not in poss)
        if "his" not in poss and "her" not in poss:
            return None
        at = head.idx
        best: tuple[int, _Actor] | None = None
        for a in self.actors.values():
            if a.kind == "person":
                starts = [s for s, _ in a.mentions if s < at]
                if starts and (best is None or max(starts) > best[0]):
                    best = (max(starts), a)
        return best[1] if best else None

    def international_of(self, head: Token) -> _Actor | None:
        """An international organisation a head noun is "of", "for" or "from" ("a spokesman for the UN")."""
        for prep in token_children(head):
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "from", "at") and prep.i > head.i:
                for g in token_children(prep):
                    k = self.tok_actor.get(g.i) if g.dep_ == "pobj" else None
                    b = self.actors[k] if k else None
                    if b is not None and not b.country and b.cameo and b.sector in ("IGO", "NGO", "IMG"):
                        return b
        return None

    def international_modifier(self, np: SpacySpan, head: Token) -> _Actor | None:
        for t in np:
            if t.i == head.i:
                continue
            k = self.tok_actor.get(t.i)
            if k:
                a = self.actors[k]
                if not a.country and a.cameo and (a.sector in ("IGO", "NGO", "IMG")
                                                  or a.cameo.startswith(("IGO", "NGO", "IMG"))):
                    return a  # (also a militant group of no one country, coded IMG: "an Islamic State commander")
        return None

    def conjoined_countries(self, head: Token, left: int) -> list[str]:
        """Countries of modifiers joined by "and" in front of a head noun ("U.S. and Russian negotiators")."""
        out = []
        for t in self.doc[left:head.i]:
            if t.dep_ == "conj" or any(c.dep_ == "cc" for c in token_children(t)) or t.head.dep_ == "conj":
                c = self.token_country(t)
                if c:
                    out.append(c)
        return out if len(out) >= 1 and any(t.lower_ in ("and", "&") for t in self.doc[left:head.i]) else []

    def np_country(self, tok: Token, depth: int = 0) -> tuple[str | None, int]:
        """Country of a noun phrase from its modifiers ("Niger's junta", "US officials"), or from an "of"/"from"
        phrase ("the government of Niger", "a delegation of senior US military officials"); and where that ends."""
        left, right = _np_bounds(tok)
        for t in doc_tokens(self.doc)[left:right]:
            if t.i != tok.i:
                c = self.token_country(t, places=True)
                if c:
                    return c, right
        v = tok.head
        if v.dep_ == "relcl" and any(c.dep_ == "poss" and c.lower_ == "whose" for c in token_children(tok)):
            # "Eritrea, whose troops fought alongside Ethiopian forces": whose they are is the noun the clause is on
            c = self.token_country(v.head)
            if c:
                return c, right
        if tok.lemma_.lower() in _DIPLOMATIC_NOUNS and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                                          for c in token_children(tok)):
            # "police raided its embassy in Quito", "recalled its ambassador from Turkey": a state's mission is
            # never its host's; "its" is the nearest state named before that is not the host
            owner = self.mission_owner(tok)
            if owner:
                return owner, right
        said = tok.head.head if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp" else None
        if said is not None and said.lemma_.lower() in _REPORTING_VERBS and any(
                c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token_children(tok)):
            # "The Russian Defence Ministry said its troops had captured the village": in what a speaker reports,
            # "its"/"their" people are the speaker's own
            c = self.clause_subject_country(said)
            if c:
                return c, right
        # ("their foreign ministers in Ankara": whose they are is said by "their", not where they meet)
        possessed = any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in token_children(tok))
        if depth < 2:
            for child in token_children(tok):
                if child.dep_ == "prep" and child.lower_ == "in" and possessed:
                    continue
                if child.dep_ == "acl" and child.lemma_.lower() in _TIE_VERBS:
                    # "individuals linked to the Russian military", "companies tied to Iran's drone programme"
                    for prep in token_children(child):
                        if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                            for g in token_children(prep):
                                if g.dep_ == "pobj":
                                    c = self.token_country(g) or self.np_country(g, depth + 1)[0]
                                    if c:
                                        return c, right
                if child.dep_ == "prep" and child.lower_ in ("of", "from", "in") and child.i == right:
                    for g in token_children(child):
                        if g.dep_ == "pobj":  # a city or region counts: "the rebels in Darfur"
                            c = self.token_country(g, places=child.lower_ in ("in", "from"))
                            if c:
                                return c, g.i + 1
                            if g.pos_ in ("NOUN", "PROPN"):
                                c, end = self.np_country(g, depth + 1)
                                if c:
                                    return c, end
        return None, right

    def mission_owner(self, tok: Token) -> str | None:
        """The state whose embassy or envoy "its embassy in Quito" is: the state that is its clause's subject, else the
        nearest country named before it in its sentence; not the host named in the phrase ("in"/"to"/"from" X)."""
        hosts = {c for p in token_children(tok) if p.dep_ == "prep" and p.lower_ in ("in", "to", "from", "at")
                 for g in token_children(p) if g.dep_ == "pobj" and (c := self.token_country(g, places=True))}
        # the state that is its clause's subject first ("Iran launched drones at Israel in retaliation for a suspected
        # Israeli strike on its consulate in Syria"), then the nearest, passing over the doer of an act on it
        subject = self.clause_subject_body(tok)
        if subject is not None and subject.kind == "country" and subject.country and subject.country not in hosts:
            return subject.country
        act = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against") else None
        doers = {c.i for c in token_children(act) if c.dep_ in ("amod", "poss", "compound", "nmod")} \
            if act is not None else set()
        for i in range(tok.i - 1, self.sentence_start(tok.i) - 1, -1):
            if i in doers:
                continue
            k = self.tok_actor.get(i)
            a = self.actors.get(k) if k else None
            if a is not None and a.kind == "country" and a.country and a.country not in hosts:
                return a.country
        return None

    def fled_country(self, tok: Token) -> str | None:
        """Refugees are of the country they flee: "refugees fleeing Liberia", "migrants escaping the war in Sudan"."""
        for c in token_children(tok):
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _FLEE_VERBS:
                for o in token_children(c):
                    if o.dep_ == "dobj" or o.dep_ == "prep" and o.lower_ in ("from", "in"):  # ("the war in X")
                        obj = o if o.dep_ == "dobj" else next((g for g in token_children(o) if g.dep_ == "pobj"), None)
                        if obj is not None:
                            got = self.token_country(obj, places=True) or self.np_country(obj)[0]
                            if got:
                                return got
        return None

    def np_sector(self, np: SpacySpan, head: Token, sector: str) -> str:
        toks = doc_tokens(self.doc)[np.start:np.end]  # (iterating the Span would build new Tokens)
        if any(t.lower_ == "former" or t.lower_.startswith("ex-") for t in toks):
            return "ELI"
        if sector in ("GOV",) and head.lemma_.lower() in ("official", "leadership", "delegation", "junta") \
                and any(self.lex.sector_of(t.lower_) == "MIL" for t in toks
                        if t.i != head.i and t.dep_ in ("amod", "compound")):
            return "MIL"
        return sector

    def group_at(self, i: int) -> _Actor | None:
        k = self.tok_actor.get(i)
        return self.actors.get(k) if k else None

    def group_antecedent(self, tok: Token) -> _Actor | None:
        """What a definite sector noun refers back to: the last group with the same head ("the officials" after "US
        officials"), or the organisation named last before it whose name has that noun ("the court" after "the
        International Court of Justice", "the ministry" after "the Russian Defence Ministry"), whichever is nearer."""
        lemma = tok.lemma_.lower()
        keys = self.groups_by_head.get(lemma)
        group = self.actors[keys[-1]] if keys else None
        best, best_at = None, -1
        for a in self.actors.values():
            if a.kind != "organization" or not (lemma in (words := _name_words(a.name)) or lemma + "s" in words):
                continue
            at = max((s for s, _ in a.mentions if s < tok.idx), default=-1)
            if at > best_at:
                best, best_at = a, at
        if best is None or group is not None and max((s for s, _ in group.mentions if s < tok.idx), default=-1) > best_at:
            return group
        return best

    def leading_country(self, before: int, exclude: str | None = None, places: bool = False) -> str | None:
        """The article's leading country up to token ``before``: mentions counted, the article's first country
        (the lede's subject, as news is written) counting two more; ties to the earliest. ``exclude``: a country
        the phrase cannot be ("US officials visited the country" is not the United States)."""
        counts: dict[str, tuple[int, int]] = {}
        at = self.doc[before].idx
        filed = self.filed  # ("SEOUL (Yonhap) - North Korea ...": the dateline's country is not the story's)
        firsts = [a for a in self.actors.values() if a.kind == "country" and a.country
                  and any(s >= filed for s, _ in a.mentions)]
        lede = min(firsts, key=lambda a: min(s for s, _ in a.mentions if s >= filed)).country if firsts else None
        for a in firsts:
            n = sum(1 for (s, _) in a.mentions if filed <= s < at)
            if n and a.country != exclude:
                counts[a.country] = (n + (2 if a.country == lede else 0), -a.first)
        if places:  # cities and regions named in the article count for their country too ("in Algiers")
            for span, key, country, _label in self.entities:
                if key is None and country and span.start_char < at and country != exclude:
                    n, first = counts.get(country, (0, -span.start))
                    counts[country] = (n + 1, first)
        if not counts:
            return None
        return max(counts.items(), key=lambda kv: kv[1])[0]

    def clause_subject_country(self, tok: Token) -> str | None:
        """Country of the subject of the clause a token sits in (for "the country" as an object)."""
        head = tok
        for _ in range(6):
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        for child in token_children(head):
            if child.dep_ in ("nsubj", "nsubjpass"):
                for t in token_subtree(child):
                    k = self.tok_actor.get(t.i)
                    if k and self.actors[k].country:
                        return self.actors[k].country
        return None

    def clause_subject_body(self, tok: Token, plural: bool = False) -> _Actor | None:
        """The organisation or state that is the subject of the clause a token sits in, before it; for a clause with
        no such subject ("calls for its troops to be sent"), of the clause that one hangs on. ``plural`` (for
        "their"): not one country named alone, but the subject further up ("Ethiopia and Somalia agreed ... after
        Turkey brokered a meeting between their foreign ministers")."""
        head = tok
        for _ in range(10):
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            # (an unresolved "it", or a relative pronoun, "militants who had attacked its troops": further up)
            subj = [c for c in token_children(head) if c.dep_ == "nsubj" and c.i < tok.i
                    and (c.lower_ not in ("it", "they", "who", "which", "that") or c.i in self.tok_actor)]
            if not subj and head.dep_ == "xcomp":
                # "ordered seven countries to withdraw their diplomats": the object is the infinitive's subject
                subj = [c for c in token_children(head.head) if c.dep_ == "dobj" and c.i < tok.i]
            if subj:
                k = self.tok_actor.get(subj[0].i)
                a = self.actors[k] if k else None
                if plural and a is not None and a.kind == "country" and subj[0].tag_ in ("NNP", "NN") \
                        and not any(c.dep_ == "conj" for c in token_children(subj[0])):
                    # (further up: "Ethiopia and Somalia agreed ... after Turkey brokered a meeting between their
                    # foreign ministers")
                    if head.head.i == head.i:
                        return None
                    head = head.head
                    continue
                return a if a is not None and a.kind in ("organization", "country") and (a.country or a.cameo) \
                    else None
            if head.head.i == head.i:
                return None
            head = head.head
        return None

    # ---- stage 5: pronouns ----
    def office_holder(self, a: _Actor, tok: Token) -> bool:
        """A group actor named by one office ("the foreign minister", "Egypt's ambassador"): its head noun is an office
        word in the singular."""
        return a.kind == "group" and a.head is not None and tok.lemma_.lower() == a.head and tok.tag_ == "NN" \
            and self.lex.titles.get(a.head, ("",))[0] == "office"

    def pronouns_pass(self) -> None:
        """he/she/him/her join the last person named before them, with two preferences inside a sentence: a subject
        pronoun takes the latest person named as a subject ("Katsav refused to meet King Abdullah, saying he would
        ..." -> Katsav), and an object pronoun is not the subject of its own clause ("he would only welcome him" ->
        Abdullah)."""
        last_person: str | None = None
        toks = doc_tokens(self.doc)
        # (an unnamed office holder is a person too: "Turkey's foreign minister arrived ... He held talks")
        person_at = {i: k for i, k in self.tok_actor.items() if self.actors[k].kind == "person"
                     or self.office_holder(self.actors[k], toks[i])}
        subject_person: str | None = None  # the latest person named as a subject in this sentence
        content_first = False  # (this sentence's main subject is that of what it tells, its teller named after it)
        main_subject: str | None = None  # the person who is the main clause's subject in this sentence
        previous_main: str | None = None  # ... in the sentence before
        said: dict[int, str] = {}  # pronoun token -> the person it joined
        # Only a person's token or a he/she/him/her does anything below, and a sentence start resets the subject: those
        # are found in C (``Doc.to_array``), not token by token.
        cols = self.doc.to_array([LOWER, SENT_START])
        starts = numpy.flatnonzero(cols[:, 1].view("int64") == 1).tolist()
        pronouns = numpy.flatnonzero(isin_sorted(cols[:, 0], _PRONOUN_IDS)).tolist()
        n_starts, next_start = len(starts), 0
        sent_start = 0
        # the tokens that are quotation marks (few): a person named inside a quotation is not who a "he said" after
        # it is ('"This is an attack organized by the regime of Alexander Lukashenko," he said': the minister)
        marks = numpy.flatnonzero(isin_sorted(cols[:, 0], _QUOTE_MARK_IDS)).tolist()
        last_outside: str | None = None  # the last person named outside any quotation
        last_quoted = False  # (and whether the last person named was named inside one)
        cues = cue_lexicon().verbs
        for i in sorted(set(person_at).union(pronouns)):
            while next_start < n_starts and starts[next_start] <= i:
                sent_start, subject_person, previous_main, main_subject = starts[next_start], None, main_subject, None
                content_first = False
                next_start += 1
            tok = toks[i]
            k = person_at.get(tok.i)
            if k is not None:
                last_person = k
                last_quoted = bool(marks) and bisect.bisect_left(marks, tok.i) % 2 == 1
                if not last_quoted:
                    last_outside = k
                # (the name's last token carries its role in the clause; "Russia's foreign minister, Sergei
                # Lavrov": the subject's apposition)
                role = tok.head if tok.dep_ == "appos" else tok
                if (tok.i + 1 not in person_at or person_at[tok.i + 1] != k) and role.dep_ in _SUBJECT_DEPS:
                    subject_person = k
                    v = role.head
                    if v.dep_ == "ROOT" and not content_first:
                        main_subject = k
                    elif v.dep_ == "ccomp" and v.head.dep_ == "ROOT" and v.i < v.head.i and main_subject is None:
                        # "Prime Minister Sheikh Hasina resigned and fled, the army chief said": the sentence is about
                        # what is told, not its teller named after it
                        main_subject, content_first = k, True
                continue
            if tok.lower_ not in _PRONOUNS or tok.pos_ != "PRON" or last_person is None:
                continue
            pick = last_person
            if last_quoted and last_outside is not None and tok.dep_ in _SUBJECT_DEPS and tok.i >= 1 \
                    and (j := bisect.bisect_left(marks, tok.i - 1)) < len(marks) and marks[j] == tok.i - 1 \
                    and j % 2 == 1 and tok.head.lemma_.lower() in cues:
                pick = last_outside  # (the teller of a quotation, right after its closing mark, is not one it names)
            elif tok.dep_ in _SUBJECT_DEPS and subject_person is not None:
                pick = subject_person
            elif tok.dep_ in _SUBJECT_DEPS and previous_main is not None and person_at.get(sent_start) is None \
                    and not any(i in person_at for i in range(sent_start, tok.i)):
                # "Lavrov held talks with Wang Yi in Beijing. He said ...": a sentence that opens on a subject
                # pronoun continues with the one the sentence before was about, its main subject
                pick = previous_main
            elif tok.dep_ == "poss" and previous_main is not None and not any(
                    j in person_at for j in range(sent_start, tok.i)):
                # "... Hasina resigned and fled the country, the army chief said. Thousands of protesters stormed her
                # official residence": so does a possessive before any person is named in the sentence
                pick = previous_main
            elif tok.dep_ in ("dobj", "pobj", "dative"):
                clause_subj = next((said.get(c.i) or person_at.get(c.i) for c in token_children(tok.head)
                                    if c.dep_ in _SUBJECT_DEPS and c.i < tok.i), None)
                if clause_subj == pick:
                    pick = next((person_at[i] for i in range(tok.i - 1, sent_start - 1, -1)
                                 if i in person_at and person_at[i] != clause_subj), pick)
            said[tok.i] = pick
            if tok.dep_ in _SUBJECT_DEPS:
                subject_person = pick
                if tok.head.dep_ == "ROOT":
                    main_subject = pick
            self.actors[pick].add(tok.idx, tok.idx + len(tok.text))

    # ---- output ----
    def finish(self) -> tuple[tuple[Entity, ...], tuple[Actor, ...]]:
        # Persons without a country inherit the group they are named in ("officials, including ... Yevkurov").
        for a in self.actors.values():
            if a.kind == "person" and not a.country and a.role_span:
                # groups are known now: "the prime minister of the ruling junta" -> the junta's country
                a.country = self.role_country(self.doc[a.role_span[0]:a.role_span[1]])
            if a.kind in ("person", "organization") and not a.country and not a.cameo:
                a.country = self.inherited_country(a)
        for a in self.actors.values():
            if a.kind == "group" and not a.country and not a.cameo and a.mentions:
                igo = self.body_of_igo(a)
                if igo is not None:
                    a.sector, a.cameo = "IGO", igo.cameo
        self.domestic_fallback()
        for a in self.actors.values():
            if not a.cameo and a.country and not a.inferred:
                a.cameo = a.country + (a.cameo_sector or a.sector or "") if a.kind != "country" else a.country
        ordered = sorted(self.actors.values(), key=lambda a: (min(s for s, _ in a.mentions) if a.mentions else 0))
        ids = {a.key: f"a{n}" for n, a in enumerate(ordered, 1)}
        actors = tuple(
            Actor(id=ids[a.key], name=a.name, kind=a.kind, country=a.country, sector=a.sector, role=a.role,
                  cameo=a.cameo,
                  mentions=tuple(Span(self.text[s:e], s, e) for s, e in sorted(a.mentions)))
            for a in ordered
        )
        ents = []
        for n, (span, key, country, label) in enumerate(sorted(self.entities, key=lambda x: x[0].start_char), 1):
            a = self.actors.get(key) if key else None
            ents.append(Entity(id=f"t{n}", text=self.span_text(span), label=label, start=span.start_char, end=span.end_char,
                               actor=ids.get(key) if key else None, country=(a.country if a else None) or country))
        return tuple(ents), actors

    def domestic_fallback(self) -> None:
        """People, organisations and groups the article gives no country belong, as event coders read news, to the
        country of the sentence they are named in, else to the article's leading country ("an Argentine judge
        ordered former president Carlos Menem to appear"; "President X said"; "police arrested"; "the rebels").

        The title's own modifier was tried first (``read_role``). Then, for a person or organisation: the country
        held by the other people, groups and organisations of its sentence when they hold one, or several of which
        one is the leading country; for a group, the leading country. Not guessed: a person in state office (or of
        unknown sector) named beside only state actors or former leaders ("President X welcomed South African leader
        Y": leaders meet foreigners as often as compatriots), or beside actors of several countries none of them
        the leading one. A country inferred here is marked: the actor keeps no CAMEO code (``cameo`` null)."""
        cands = [a for a in self.actors.values() if not a.country and not a.cameo and a.mentions and not a.no_guess
                 and (a.kind == "person" or a.kind == "group" and a.sector and a.sector not in _NO_COUNTRY_SECTORS
                      or a.kind == "organization" and a.sector not in _NO_COUNTRY_SECTORS and not self.worldwide(a))]
        if not cands:
            return
        lead = self.leading_country(len(self.doc) - 1, places=True)
        sent_of = self.sentence_of
        held: dict[int, list[_Actor]] = {}
        for b in self.actors.values():
            if b.kind in ("person", "group", "organization") and b.country:
                for k in dict.fromkeys(sent_of(s) for s, _ in b.mentions):
                    held.setdefault(k, []).append(b)
        home = self.dateline_country()
        for a in cands:
            others = [b for b in held.get(sent_of(min(s for s, _ in a.mentions)), ()) if b.key != a.key]
            titled = self.titled_before(a) if a.kind == "person" and a.role else None
            if titled:
                # "A delegation led by Somalia's foreign minister arrived in Addis Ababa ... Foreign Minister Ahmed
                # Moallim Fiqi told reporters": the office named before with its country
                country = titled
            elif a.kind == "person" and a.role and home:
                # "LONDON (AP) — Britain accused China ... Deputy Prime Minister Oliver Dowden told lawmakers": an
                # office named with no country, in a story filed from a country it names, is that country's (as wire
                # copy names its own country's officials); not the sentence's other actors' ("the hackers")
                country = home
            elif a.kind == "group":  # the country of the group it is conjoined with ("Bosnian Croat and Moslem armed
                # forces"), where its sentence happens ("demonstrators rallied ... in Baghdad"), else the leading
                # country; with no country named at all, the sentence's other actors'
                # (civilians in a story filed from a country it names are that country's before the leading one's:
                # "SEOUL (AP) — ... Hundreds of protesters rallied outside the presidential office", in a story
                # naming Japan more often; so are criminal gangs, local as civilians are: "PORT-AU-PRINCE, Haiti —
                # Kenyan police ... against the gangs")
                country = self.conjunct_country(a) or self.doers_before(a) or self.speakers_own(a) \
                    or self.sentence_place(a) \
                    or (home if a.sector not in _STATE_SECTORS | _ARMED_SECTORS or a.sector == "CRM" else None) \
                    or lead \
                    or self.sentence_country(a, others, None)
            else:
                country = (self.addressed_by(a) if a.sector == "LEG" else None) \
                    or self.sentence_country(a, others, lead)
            if country:
                a.country = country
                a.cameo = None
                a.inferred = True
        for a in self.actors.values():  # "his government", his country once inferred
            o = self.actors.get(a.owner) if a.owner else None
            if o is not None and not a.country and not a.cameo and o.country:
                a.country, a.inferred = o.country, True

    def titled_before(self, a: _Actor) -> str | None:
        """The stated country of the latest unnamed holder of the same office named shortly before the person
        ("Somalia's foreign minister" before "Foreign Minister Ahmed Moallim Fiqi"; not a "Gambian president" named
        paragraphs before "President Dos Santos")."""
        role = (a.role or "").lower()
        first = min(s for s, _ in a.mentions)
        best: tuple[int, str] | None = None
        for b in self.actors.values():
            if b.kind != "group" or not b.country or b.inferred or not b.name.lower().endswith(role):
                continue
            at = max((s for s, _ in b.mentions if s < first), default=-1)
            if at >= 0 and first - at <= _OFFICE_WINDOW and (best is None or at > best[0]):
                best = (at, b.country)
        return best[1] if best else None

    def dateline_country(self) -> str | None:
        """The country of a wire dateline's place ("KYIV, Ukraine (AP) —"), when the story itself names that country
        (not a city where talks are held or a newsroom abroad: "GENEVA (AP) — Iran and the United States ...")."""
        if not self.filed:
            return None
        for ent in self.ents:
            if ent.start_char >= self.filed:
                break
            c, kind = self.geo_country(ent.text, ent.start)
            if c and kind in ("country", "capital", "city", "region"):
                named = any(a.country == c and a.kind == "country" and any(s >= self.filed for s, _ in a.mentions)
                            for a in self.actors.values())
                return c if named else None
        return None

    def stated_subject_country(self, verb: Token, not_key: str, deps=_SUBJECT_DEPS) -> str | None:
        """The country stated for (not guessed of) the actor that is ``verb``'s subject, other than ``not_key``."""
        for c in token_children(verb):
            k = self.tok_actor.get(c.i) if c.dep_ in deps else None
            b = self.actors.get(k) if k is not None else None
            if b is not None and b.key != not_key and b.country and not b.inferred:
                return b.country
        return None

    def speakers_own(self, a: _Actor) -> str | None:
        """The stated country of whoever says the clause a government named with no country is in ("South Korea's
        National Security Council said the government would resume loudspeaker broadcasts": South Korea's, in a story
        naming North Korea more often)."""
        if a.head not in OWN_GOVERNMENT_NOUNS or not a.mentions:
            return None
        span = self.doc.char_span(*min(a.mentions))
        if span is None or any(t.dep_ == "poss" or t.lower_ in ("its", "their", "his", "her") for t in span):
            return None
        cues = cue_lexicon().verbs
        tok = span.root
        for _ in range(8):
            if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in cues:
                return self.stated_subject_country(tok.head, a.key)
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    def doers_before(self, a: _Actor) -> str | None:
        """The stated country of those who did, before, what a group's noun names its members by ("Residents of the
        Armenian villages protested the deal ... Police detained several protesters": Armenian, in a story filed from
        Baku): the subject of the latest such verb before the group is first named."""
        verb = _DOER_VERBS.get(a.head or "")
        if verb is None or not a.mentions:
            return None
        first = self.doc.char_span(*min(a.mentions))
        if first is None:
            return None
        toks = doc_tokens(self.doc)
        for i in range(first.start - 1, -1, -1):
            if toks[i].lemma_.lower() == verb and toks[i].pos_ == "VERB":
                got = self.stated_subject_country(toks[i], a.key)
                if got:
                    return got
        return None

    def body_of_igo(self, a: _Actor) -> _Actor | None:
        """The international organisation a group is the members of a body of ("the U.N. atomic watchdog's board of
        governors", "the Security Council's panel of experts"): the group is that organisation's, of no country."""
        span = self.doc.char_span(*min(a.mentions))
        if span is None:
            return None
        root = span.root
        if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.head.pos_ not in ("NOUN", "PROPN"):
            return None
        body = root.head.head
        for t in body.subtree:
            if t.i >= body.i:
                break
            k = self.tok_actor.get(t.i)
            b = self.actors.get(k) if k is not None else None
            if b is not None and b.key != a.key and not b.country and (b.cameo or "").startswith("IGO"):
                return b
        return None

    def addressed_by(self, a: _Actor) -> str | None:
        """The stated country of whoever a legislature with no country of its own is told or addressed by ("Canadian
        Prime Minister Justin Trudeau told Parliament", "the minister told the National Assembly"): its own country's,
        as a story's other actors need not be."""
        span = self.doc.char_span(*min(a.mentions))
        if span is None:
            return None
        root = span.root
        verb = root.head if root.dep_ in ("dobj", "dative") else root.head.head \
            if root.dep_ == "pobj" and root.head.lower_ in ("to", "before") else None
        if verb is None or verb.pos_ != "VERB":
            return None
        return self.stated_subject_country(verb, a.key, ("nsubj",))

    def conjunct_country(self, a: _Actor) -> str | None:
        """The stated country of the words a group's noun is conjoined with ("Bosnian Croat and Moslem armed forces":
        the Moslem forces are Bosnian too)."""
        span = self.doc.char_span(*min(a.mentions))
        if span is None:
            return None
        root = span.root
        partners = [root.head] if root.dep_ == "conj" else []
        partners += [c for c in root.children if c.dep_ == "conj"]
        for p in partners:
            k = self.tok_actor.get(p.i)
            if k is not None and k != a.key and self.actors[k].country and not self.actors[k].inferred:
                return self.actors[k].country
        return None

    def sentence_place(self, a: _Actor) -> str | None:
        """The one country of the towns and regions a civilian group's sentence names as places ("demonstrators
        rallied outside the U.S. embassy in Baghdad": Iraq), if they all lie in one country; a place hung on another
        actor ("relief officials in Nairobi said") describes that actor, not the scene. Not for armed forces
        (sent abroad), nor for a group named with a possessive ("its troops", "their supporters": they refer back),
        nor from country names (more often a destination or a target than the group's home), except the country
        unidentified attackers act in ("gunmen kidnapped two Chinese engineers in northern Nigeria")."""
        if a.sector in _STATE_SECTORS or not a.mentions:
            return None
        first = min(a.mentions)
        span = self.doc.char_span(*first)
        if span is None or any(t.dep_ == "poss" or t.lower_ in ("its", "their", "his", "her", "our") for t in span):
            return None
        k = self.sentence_of(first[0])
        found: set[str] = set()
        for ent, _s, _e, hits in self.places.ents:
            if self.sentence_of(ent.start_char) != k:  # (the cheap test first: most places are in other sentences)
                continue
            root = ent.root  # (``Span.root`` searches the span's tokens on every access)
            # "in the Malian town of Moura": a demonym in front of a place noun names the country as a place
            # (not a border: "killed five militants near the Afghan border" may be on either side of it)
            demonym_place = root.dep_ in ("amod", "compound") and root.head.lemma_.lower() in self.gaz.place_nouns \
                and root.head.lemma_.lower() not in BORDER_NOUNS
            if ent.label_ not in ("GPE", "LOC", "FAC") and not demonym_place \
                    or ent.start in self.no_country or not self.places.as_a_place(ent) \
                    or self.describes_other(ent, a) or _party_position(root):
                continue
            places = [h for h in hits if h.kind != "demonym"]
            if not places and demonym_place:
                found.update(h.country for h in hits[:1] if h.kind == "demonym")
                continue
            if places:
                best = self.places.choose(places, ent.start)
                if best.kind == "country" and not (a.sector in ("UAF", "REB") and root.dep_ == "pobj"
                                                   and root.head.lower_ in ("in", "across")):
                    return None  # (unidentified attackers "in northern Nigeria" act there: the country is the scene)
                found.add(best.country)
        found.discard("")
        return found.pop() if len(found) == 1 else None

    def describes_other(self, ent: SpacySpan, a: _Actor) -> bool:
        """Is a place the object of a preposition hung on another actor that is neither in a place phrase nor a
        verb's object ("Sudanese officials in Nairobi said": where they are, not the scene; but "outside the British
        embassy in Tehran" and "stormed the Swedish embassy in Baghdad" are the scene)?"""
        root = ent.root
        if root.dep_ != "pobj" or root.head.dep_ != "prep":
            return False
        noun = root.head.head
        k = self.tok_actor.get(noun.i)
        return k is not None and k != a.key and self.actors[k].kind != "country" and noun.dep_ not in ("pobj", "dobj")

    def worldwide(self, a: _Actor) -> bool:
        """An organisation named as international ("International Crisis Group", "World Vision"): no one country."""
        return bool({w.lower() for w in re.findall(r"[\w.]+", a.name)} & _WORLDWIDE)

    def sentence_country(self, a: _Actor, others: list[_Actor], lead: str | None) -> str | None:
        """The country a person or organisation with none most likely belongs to, from the other actors of its
        sentence (see ``domestic_fallback``)."""
        if not others:
            return lead
        if a.kind == "person" and a.sector in _STATE_SECTORS and \
                all(b.sector in _STATE_SECTORS or b.sector == "ELI" for b in others):
            # a leader beside only state actors (or former leaders, who travel as current ones do): visitor or
            # host, too ambiguous to guess
            return None
        countries = list(dict.fromkeys(b.country for b in others))
        if len(countries) == 1:
            return countries[0]
        return lead if lead in countries else None

    def sentence_of(self, char: int) -> int:
        """The index of the sentence holding character ``char`` (the last one starting at or before it; at least 0)."""
        return sentence_index(self.sent_starts, char)

    def inherited_country(self, a: _Actor) -> str | None:
        """Country of the group or organisation a person or organisation is named in: "officials, including Deputy
        Defense Minister X"; "officials led by Under Secretary ... Molly Phee"; "the council, known as the CNSP"."""
        for s, e in sorted(a.mentions):
            span = self.doc.char_span(s, e)
            if span is None:
                continue
            tok = span.root
            for _hop in range(7):
                head = tok.head
                if head.i == tok.i or tok.dep_ not in _INHERIT_DEPS:
                    break
                k = self.tok_actor.get(head.i)
                if k and k != a.key and self.actors[k].country and self.actors[k].kind in ("group", "organization"):
                    return self.actors[k].country
                tok = head
        return None


_FLEE_VERBS = {"flee", "escape", "leave"}  # "refugees fleeing the war in Sudan": of the country fled
# group nouns that name their members by what they do, and that verb ("protesters" are those who protested)
_DOER_VERBS = {"protester": "protest", "demonstrator": "demonstrate", "rioter": "riot", "striker": "strike",
               "marcher": "march"}
_STATE_SECTORS = {None, "GOV", "MIL", "SPY"}  # actors that deal with foreign states as much as with their own
_OFFICE_WINDOW = 400  # characters: how far back an unnamed office holder may be the one then named
_STATES_NOUNS = {"government", "country", "nation", "state"}  # (in the plural, several states)
_SIDES_NOUNS = {"party", "side"}  # ("all parties": those to a conflict)
_QUANTIFIERS = {"all", "both", "each", "every", "any", "other", "some", "many", "several", "most"}
_ARMED_SECTORS = {"MIL", "COP", "SPY", "REB", "UAF", "CRM", "PRM"}  # (force, used at home or abroad)
_NO_COUNTRY_SECTORS = {"IGO", "NGO", "IMG", "REF"}  # international, or displaced by definition (unidentified attackers, UAF, are keyed to where they act)
_WORLDWIDE = {"international", "world", "global", "transnational", "u.n.", "un", "worldwide"}
_GENERIC_NAME_WORDS = {"department", "ministry", "of", "the", "for", "and", "foreign", "affairs", "interior", "home",
                       "national", "supreme", "federal", "state", "general", "staff", "high", "command", "assembly",
                       "council", "court", "security", "intelligence", "service", "services", "agency", "office",
                       "central", "bank", "house", "guard", "justice", "finance", "health", "education", "trade",
                       "joint", "chief", "chiefs"}
_INHERIT_DEPS = {"pobj", "prep", "agent", "acl", "appos", "compound", "conj"}


_REGIONAL = {"international", "united", "nations", "u.n.", "un", "world", "global", "european", "africa", "african",
             "arab", "asian", "asia", "asia-pacific", "pacific", "atlantic", "inter-american", "americas", "commonwealth",
             "nordic", "gulf", "caribbean", "eurasian", "regional", "intergovernmental", "west", "east", "southern"}
_IGO_HEADS = {"community", "union", "organization", "organisation", "league", "council", "cooperation", "bank", "fund",
              "court", "commission", "agency", "forum", "alliance", "conference", "association", "secretariat",
              "programme", "program", "tribunal", "office"}


def _looks_international(span: SpacySpan) -> bool:
    """An organisation named with a regional or international word and an IGO-type noun, in no one country."""
    words = {t.lower_ for t in span}
    return bool(words & _REGIONAL) and bool(words & _IGO_HEADS)


def _trim_span(ent: SpacySpan) -> tuple[int, int]:
    """Drop a leading determiner, verb or punctuation, and a trailing possessive or punctuation, from an entity."""
    start, end = ent.start, ent.end
    toks = doc_tokens(ent.doc)  # (``doc[i]`` builds a new Token on every call)
    while start < end and ((t := toks[start]).lower_ in _DETERMINERS or t.is_punct or t.is_space
                           or t.pos_ == "VERB" and end - start > 1):  # (a name misread as a verb stays)
        start += 1
    while end > start and ((t := toks[end - 1]).is_punct or t.is_space or t.text in ("'s", "’s")):
        end -= 1
    return start, end


@lru_cache(maxsize=4096)
def _name_words(name: str) -> frozenset[str]:
    """The lower-case words of an actor's name ("International Court of Justice" -> court, justice, ...)."""
    return frozenset(re.findall(r"[a-z]+", name.lower()))


_LEADING_DET = re.compile(r"^(the|a|an)\s+", re.I)


def _strip_det(text: str) -> str:
    return _LEADING_DET.sub("", text.strip())


def _strip_span_det(span: SpacySpan) -> SpacySpan:
    s, e = span.start, span.end
    doc = span.doc
    while s < e and (doc[s].dep_ in _ROLE_STOP_DEPS or doc[s].is_punct or doc[s].lower_ in _DETERMINERS):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    return doc[s:e]


def _before_comma(doc: Doc, head: Token, limit: int) -> int:
    end = head.i + 1
    for t in token_subtree(head):
        if t.i >= limit or t.is_punct and t.text == ",":
            break
        end = max(end, t.i + 1)
    return min(end, limit)


def _party_position(tok: Token) -> bool:
    """A place name where a party to an act stands, not a scene: a subject or object, or after "with", "by",
    "against" ("a deal with Washington", "talks with Moscow")."""
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj") or tok.dep_ == "pobj" \
        and tok.head.lower_ in ("with", "by", "against", "to", "toward", "towards")


def _body_qualifier(tok: Token) -> str:
    """The lower-case words qualifying the head of a state body ("foreign", "defence" in "defence ministry"), as a
    key prefix; empty for other heads."""
    if tok.lemma_.lower() not in _BODY_HEADS:
        return ""
    words = [c.lower_ for c in token_children(tok) if c.i < tok.i and c.dep_ in ("amod", "compound")
             and c.is_lower and c.is_alpha]
    return "".join(w + " " for w in words)


def _np_bounds(tok: Token) -> tuple[int, int]:
    """The noun phrase of a head noun: its left modifiers (not determiners) and the head itself. (Worked out once per
    token per doc: the groups pass asks it three times of each head noun.)"""
    memo = doc_cache(tok.doc, "np_bounds")
    found = memo.get(tok.i)
    if found is None:
        found = memo[tok.i] = _find_np_bounds(tok)
    return found


def _find_np_bounds(tok: Token) -> tuple[int, int]:
    left = tok.i
    for child in token_children(tok):
        if child.i > tok.i:
            break  # (the left children: ``tok.lefts``)
        if child.dep_ in ("det", "predet", "punct") and child.i == left - 1 and child.lower_ in _DETERMINERS:
            continue
        if child.dep_ in ("amod", "compound", "nmod", "poss", "nummod", "case", "npadvmod", "advmod", "punct"):
            if child.pos_ in ("VERB", "AUX") and any(g.dep_ in ("nsubj", "aux", "mark") for g in token_children(child)):
                # "denied that Russian forces had targeted civilians": a clause misparsed as a modifier is not
                # part of the noun phrase
                left = child.i + 1
                continue
            left = min(left, child.left_edge.i)  # (the subtree's first token)
    doc = tok.doc
    while left < tok.i and (doc[left].lower_ in _DETERMINERS or doc[left].is_punct):
        left += 1
    return left, tok.i + 1


def resolve(doc: Doc, gaz: Gazetteer, lexicon: Lexicon, published: dt.date | None
            ) -> tuple[tuple[Entity, ...], tuple[Actor, ...]]:
    """Entities and actors of a parsed article (see the module docstring for the rules)."""
    b = _Builder(doc, gaz, lexicon, published)
    b.entities_pass()
    b.roles_pass()
    b.surnames_pass()
    b.halves_pass()
    b.groups_pass()
    b.pronouns_pass()
    return b.finish()


def resolve_phrase(pipeline, text: str, published: str | dt.date | None = None) -> Actor | None:
    """Resolve a short phrase ("Iraqi Kurdish leaders", "the French Foreign Minister") as one actor, or None.

    Used to score actor-resolution cases: the actor whose mentions cover the phrase's head word, else the actor
    with the longest mention (people, organisations and groups before countries). ``published`` dates the phrase
    for office holders ("Tony Blair" in 2003 is the British prime minister).
    """
    rec = pipeline.extract(text, published=published)
    if not rec.actors:
        return None
    doc = pipeline.nlp(text)
    heads = [t for t in doc if t.dep_ == "ROOT"]
    head_char = heads[0].idx if heads else 0

    def score(a: Actor) -> tuple[int, int, int]:
        covers = any(m.start <= head_char < m.end for m in a.mentions)
        longest = max((m.end - m.start for m in a.mentions), default=0)
        return (int(covers), int(a.kind != "country"), longest)

    return max(rec.actors, key=score)


def actors_of(mentions: Iterable[Span], actors: Sequence[Actor]) -> list[Actor]:
    """Actors that have a mention overlapping any of the given spans (helper for later stages)."""
    out = []
    for a in actors:
        if any(m.start < s.end and s.start < m.end for m in a.mentions for s in mentions):
            out.append(a)
    return out
