"""Offline gazetteer and the places stage.

The gazetteer is read from the committed tables in ``data/gazetteer/`` (see the README there for sources and
licences; ``scripts/build_gazetteer.py`` regenerates the country and city tables):

- ``countries.tsv``: every ISO 3166 country (plus Kosovo) with the short English name journalists use, aliases,
  further spellings, demonyms (with plurals), capital and coordinates.
- ``cities.tsv``: every GeoNames city of 100,000 people or more plus every capital.
- ``regions.tsv``: continents, sub-regions, seas and disputed or conflict areas with a representative point.
- ``city_aliases.tsv``: old names and transliterations of cities ("Kiev", "Bombay").
- ``norp_extra.tsv``: regional and compound nationality words ("Latin American", "European").
- ``ruler_stoplist.txt``: names the entity ruler leaves to the statistical NER (personal names, ordinary words).
- ``place_nouns.txt``: nouns for a place ("port", "border"): a demonym before one names the country as a place.
- ``campaign_nouns.txt``: nouns for a military campaign ("offensive", "siege"): its "of X" is the land acted upon.
- ``withdrawal_words.txt``: verbs and nouns of leaving land held ("withdraw", "pullout"): their "from X" is the land left.
- ``named_after_place_nouns.txt``: nouns a town names ("the Paris agreement", "the Oslo process"): no actor.
- ``name_periods.tsv``: names that meant another country for a period ("Congo" under Zaire).
- ``state_succession.tsv``: states that split from another, with the date (places inside belong to the old state
  before it).
- ``non_country_words.tsv``: words that keep a country word beside them from giving a country ("anti-Syria",
  "the Russian language", "French-speaking").
- ``cameo_codes.tsv``: CAMEO country codes that differ from ISO alpha-3.

``Gazetteer.lookup`` resolves a name out of context (country > capital > region > populous city; demonyms last);
``PlaceContext`` resolves a name inside an article (a same-name place in a country the sentence, else the article,
names; a place as it was on the publication date);
``nationality`` finds the country named or implied anywhere in a short phrase; ``ruler_patterns`` feeds the spaCy
EntityRuler; ``find_places`` turns the doc's GPE/LOC/FAC entities into ``Place`` records with exact offsets.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .nlp import doc_ents, doc_text, doc_tokens, sentence_index
from .record import Place


class GeoEntry(NamedTuple):
    """A place a name may denote (``_replace`` makes a changed copy). The gazetteer's name tables keep each reading as
    a plain tuple of its values and hand out a GeoEntry when asked: plain tuples of strings and numbers, and the dicts
    holding only them, are dropped from the garbage collector's watch, so its full collections during a run do not
    walk the tens of thousands of readings loaded (a named tuple, a subclass, stays watched)."""

    name: str          # canonical name ("Niamey", "Niger")
    kind: str          # country | capital | city | region | demonym
    country: str       # ISO alpha-3 ("" for a region spanning several countries)
    lat: float | None
    lon: float | None
    population: int = 0
    status: str = ""   # "PRE": a partially recognized entity ("Abkhazia"), coded as the country claiming it
    alternate: bool = False   # the name looked up is only one of a city's GeoNames alternates ("Delhi" for Dili,
    #                           "Philadelphia" for Amman): it ranks after every place the name is the own name of


RULER_MIN_POP = 100_000   # smaller towns are resolvable by lookup but not tagged by the entity ruler
BIG_CITY = 1_000_000
_KIND_RANK = {"country": 0, "capital": 1, "region": 2, "city": 3, "demonym": 4}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,5}$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|s')$|(?<=s)'$")
_WORD = re.compile(r"[\w'’.\-]*\w[\w'’.\-]*")


def _reading_rank(e: GeoEntry) -> tuple:
    """Order of a name's readings: own names before alternates, then country > capital > region > city > demonym,
    then the larger place."""
    return e.alternate, _KIND_RANK[e.kind], -e.population


def _fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive key."""
    return " ".join(_ascii(text.translate(_APOSTROPHES)).casefold().split())


def _ascii(text: str) -> str:
    """The text without diacritics (letters that do not decompose are kept)."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


# Transliteration marks for the Arabic ayn and hamza that GeoNames writes in names ("Sāmarrā’", "Tall ‘Afar",
# "Baʿqūbah") and English news does not: an opening mark anywhere, a closing one at the end of a word (inside a word
# it is more often a syllable break English keeps: "Xi’an").
_OPENING_MARKS = str.maketrans("", "", "‘ʿʾ")
_FINAL_MARK = re.compile(r"[’ʼ](?=\s|$)")


def _unmarked(name: str) -> str:
    """The name without diacritics or transliteration marks, as English spells it ("Samarra", "Tall Afar")."""
    return " ".join(_FINAL_MARK.sub("", _ascii(name).translate(_OPENING_MARKS)).split())


def _clean(text: str) -> str:
    """Strip surrounding space, a leading "the", a possessive and curly apostrophes."""
    text = " ".join(text.translate(_APOSTROPHES).split())
    text = _LEADING_THE.sub("", text)
    if len(text) > 3:
        text = _POSSESSIVE.sub("", text)
    return text.strip()


def _is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text))


def _acronym_key(text: str) -> str:
    return text.replace(".", "")


def _read_tsv(name: str) -> list[dict[str, str]]:
    path = resources.files("eventwire") / "data" / "gazetteer" / name
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _read_lines(name: str) -> list[str]:
    path = resources.files("eventwire") / "data" / "gazetteer" / name
    with path.open(encoding="utf-8") as fh:
        return [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


class Gazetteer:
    """Countries, capitals, cities, regions and demonyms, loaded from the bundled tables."""

    def __init__(self) -> None:
        self._folded: dict[str, list[GeoEntry]] = {}     # case-insensitive names
        self._acronyms: dict[str, list[GeoEntry]] = {}   # "US", "UK", "DRC": exact case, dots ignored
        self._names: dict[str, str] = {}                 # iso3 -> short name
        self._iso2: dict[str, str] = {}                  # iso2 -> iso3
        self._patterns: list[dict] = []
        self._cameo: dict[str, str] = {}
        self._ruler_cities: set[str] = set()
        self._big_person_cities: set[str] = set()
        self._stoplist = set(_read_lines("ruler_stoplist.txt"))
        self.person_towns: set[str] = set()  # towns named like people ("Wagner"): never a place the tagger missed
        kinds: dict[str, set[str]] = {}
        for row in _read_tsv("non_country_words.tsv"):
            kinds.setdefault(row["kind"].strip(), set()).add(row["word"].strip().casefold())
        self.stance_prefixes = frozenset(kinds.get("stance", ()))       # "anti-Syria", "pro-Moscow"
        self.language_words = frozenset(kinds.get("language", ()))      # "Russian language", "French-speaking"
        self.language_verbs = frozenset(kinds.get("language-verb", ()))  # "speaks Russian"
        self.language_preps = frozenset(kinds.get("language-prep", ()))  # "said in Russian"
        self.backer_words = frozenset(kinds.get("backer", ()))         # "Syrian-backed militia"
        self.backed_acts = frozenset(kinds.get("backed-act", ()))      # (but "a U.S.-backed call": the backer's)
        self.place_nouns = frozenset(w.casefold() for w in _read_lines("place_nouns.txt"))  # "Lebanese port"
        self.campaign_nouns = frozenset(w.casefold() for w in _read_lines("campaign_nouns.txt"))  # "siege of X"
        self.withdrawal_words = frozenset(w.casefold() for w in _read_lines("withdrawal_words.txt"))  # "withdrew from X"
        self.named_after_place = frozenset(w.casefold() for w in _read_lines("named_after_place_nouns.txt"))
        self._succession: dict[str, tuple[str, dt.date]] = {
            row["country"].strip(): (row["predecessor"].strip(), dt.date.fromisoformat(row["independence"].strip()))
            for row in _read_tsv("state_succession.tsv")}
        self._periods: dict[str, list[tuple[str, str, dt.date, dt.date]]] = {}
        for row in _read_tsv("name_periods.tsv"):
            self._periods.setdefault(_fold(row["name"]), []).append(
                (row["country"].strip(), row["kind"].strip(), dt.date.fromisoformat(row["start"].strip()),
                 dt.date.fromisoformat(row["end"].strip())))
        self._load()
        # Answers to the name queries, which every stage asks again and again for the same few hundred names (the
        # tables never change after loading). Bounded: cleared when full.
        self._memo_candidates: dict[str, tuple[GeoEntry, ...]] = {}
        self._memo_on: dict[tuple[str, dt.date | None], tuple[GeoEntry, ...]] = {}
        self._memo_nationality: dict[str, str | None] = {}

    # -- loading -------------------------------------------------------------------------------------------------
    def _add(self, name: str, entry: GeoEntry, alternate: bool = False) -> None:
        name = _clean(name)
        if not name:
            return
        if _is_acronym(name):
            bucket = self._acronyms.setdefault(_acronym_key(name), [])
        else:
            bucket = self._folded.setdefault(_fold(name), [])
        if alternate:
            if any(e == entry for e in bucket):
                return  # the name is the place's own name too
            entry = entry._replace(alternate=True)
        if entry not in bucket:
            bucket.append(entry)

    def _pattern(self, label: str, text: str, ident: str) -> None:
        text = " ".join(text.split())
        if not text or text in self._stoplist or text.lower().startswith("the "):
            return
        pat: dict = {"label": label, "pattern": text}
        if ident:
            pat["id"] = ident
        self._patterns.append(pat)

    def _load(self) -> None:
        country_entries: dict[str, GeoEntry] = {}
        for row in _read_tsv("countries.tsv"):
            iso3 = row["iso3"]
            self._names[iso3] = row["name"]
            self._iso2[row["iso2"]] = iso3
            lat = _float(row["lat"]) if row["lat"] else _float(row["capital_lat"])
            lon = _float(row["lon"]) if row["lon"] else _float(row["capital_lon"])
            entry = GeoEntry(row["name"], "country", iso3, lat, lon, int(row["population"] or 0))
            country_entries[iso3] = entry
            for name in [row["name"], *_split(row["aliases"])]:
                self._add(name, entry)
                self._pattern("GPE", name, iso3)
            for name in _split(row["alt_names"]):
                self._add(name, entry)
            demonym = GeoEntry(row["name"], "demonym", iso3, lat, lon, entry.population)
            for name in _split(row["demonyms"]):
                self._add(name, demonym)
                self._pattern("NORP", name, iso3)
        self._countries = country_entries

        for row in _read_tsv("norp_extra.tsv"):
            iso3 = row["country"].strip()
            base = country_entries.get(iso3)
            entry = GeoEntry(row["name"], "demonym", iso3, base.lat if base else None, base.lon if base else None)
            self._add(row["name"], entry)
            self._pattern("NORP", row["name"], iso3)

        for row in _read_tsv("regions.tsv"):
            entry = GeoEntry(row["name"], "region", row["country"].strip(), _float(row["lat"]), _float(row["lon"]),
                             status=(row.get("status") or "").strip().upper())
            for name in [row["name"], *_split(row["aliases"])]:
                self._add(name, entry)
                self._pattern(row.get("label") or "LOC", name, entry.country)
            for name in _split(row.get("demonyms")):  # "Tigrayan": the region's people, never a place record
                self._add(name, entry)
                self._pattern("NORP", name, entry.country)

        city_patterns: dict[str, tuple[int, str]] = {}
        for row in _read_tsv("cities.tsv"):
            is_cap = row["capital"] == "1"
            pop = int(row["population"] or 0)
            if row["common_word"] == "1" and not is_cap and pop < RULER_MIN_POP:
                continue    # "Police" (Poland), "Union" (US): small towns named like ordinary words
            entry = GeoEntry(row["name"], "capital" if is_cap else "city", row["country"],
                             _float(row["lat"]), _float(row["lon"]), pop)
            if row.get("person_name") == "1":
                self.person_towns.add(row["name"])
            self._add(row["name"], entry)
            unmarked = _unmarked(row["name"])
            if unmarked != row["name"]:
                self._add(unmarked, entry)  # "Sāmarrā’" is written "Samarra"
            for alt in _split(row["alternates"]):
                self._add(alt, entry, alternate=True)
            if pop < RULER_MIN_POP and not is_cap:
                continue
            # The name as written and without diacritics ("Tillabéri" / "Tillaberi", "Rafaḩ" / "Rafah").
            if is_cap:
                pass
            elif row["common_word"] == "1":
                continue
            elif row.get("person_name") == "1":
                if pop >= BIG_CITY:     # "Houston", "Santiago": implied country for nationality(), no pattern
                    self._big_person_cities.add(row["name"])
                    self._big_person_cities.add(_ascii(row["name"]))
                continue
            for name in dict.fromkeys([row["name"], _ascii(row["name"]), unmarked]):
                if (len(name) <= 2 or len(name) == 3 and pop < BIG_CITY // 2) or name in self._stoplist:
                    continue
                rank = pop + (10**10 if is_cap else 0)
                if name not in city_patterns or city_patterns[name][0] < rank:
                    city_patterns[name] = (rank, row["country"])
        for row in _read_tsv("city_aliases.tsv"):
            city = next((e for e in self._folded.get(_fold(row["city"]), [])
                         if e.kind in ("capital", "city") and e.country == row["country"]), None)
            if city is None:
                continue
            self._add(row["alias"], city)
            for name in dict.fromkeys([row["alias"], _ascii(row["alias"])]):
                if name not in city_patterns and name not in self._stoplist:
                    city_patterns[name] = (city.population, city.country)
        # "pro-Iranian", "anti-American": one NORP entity (no country id: a pro-Iranian militia is not Iranian).
        single = sorted({p["pattern"] for p in self._patterns if p["label"] == "NORP" and " " not in p["pattern"]})
        self._patterns.append({"label": "NORP", "pattern": [
            {"LOWER": {"IN": sorted(self.stance_prefixes)}}, {"ORTH": "-"}, {"ORTH": {"IN": single}}]})
        self._ruler_cities = set(city_patterns)
        taken = {p["pattern"] for p in self._patterns if isinstance(p["pattern"], str)}
        for name, (_, iso3) in sorted(city_patterns.items()):
            if name not in taken:
                self._pattern("GPE", name, iso3)

        # each name's readings best first, as plain tuples (see ``GeoEntry``)
        self._folded = {k: tuple(tuple(e) for e in sorted(v, key=_reading_rank))  # type: ignore[misc]
                        for k, v in self._folded.items()}
        self._acronyms = {k: tuple(tuple(e) for e in sorted(v, key=_reading_rank))  # type: ignore[misc]
                          for k, v in self._acronyms.items()}

        for row in _read_tsv("cameo_codes.tsv"):
            self._cameo[row["cameo"]] = row["iso3"]

    # -- queries -------------------------------------------------------------------------------------------------
    def candidates(self, text: str) -> list[GeoEntry]:
        """Every entry the name may denote, best first (country > capital > region > city by population > demonym)."""
        hits = self._memo_candidates.get(text)
        if hits is None:
            hits = _remember(self._memo_candidates, text, tuple(self._candidates(text)))
        return list(hits)

    def _candidates(self, text: str) -> list[GeoEntry]:
        name = _clean(text)
        if not name:
            return []
        if _is_acronym(name) or _is_acronym(name.rstrip(".") + "."):
            hits = self._acronyms.get(_acronym_key(name))
            if hits:
                return [GeoEntry._make(h) for h in hits]
            if name.isupper() and len(_acronym_key(name)) <= 3:
                return []
        return [GeoEntry._make(h) for h in self._folded.get(_fold(name), ())]

    def lookup(self, text: str) -> GeoEntry | None:
        hits = self.candidates(text)
        return hits[0] if hits else None

    def candidates_on(self, text: str, day: dt.date | None) -> list[GeoEntry]:
        """``candidates`` as the name was used on ``day``: a name that then meant another country reads as that one
        ("Congo" in 1990 is Congo-Brazzaville, ``name_periods.tsv``), and places are taken ``as_of`` that day."""
        key = (text, day)
        found = self._memo_on.get(key)
        if found is None:
            found = _remember(self._memo_on, key, tuple(self._candidates_on(text, day)))
        return list(found)

    def _candidates_on(self, text: str, day: dt.date | None) -> list[GeoEntry]:
        hits = self.candidates(text)
        if day is not None and hits and self._periods:
            for iso3, kind, start, end in self._periods.get(_fold(_clean(text)), ()):
                base = self._countries.get(iso3)
                if start <= day <= end and base is not None:
                    then = base._replace(kind=kind)
                    hits = [then, *(h for h in hits if h.kind != kind)]
                    break
        return [self.as_of(h, day) for h in hits]

    def as_of(self, entry: GeoEntry, day: dt.date | None) -> GeoEntry:
        """The entry as it was on ``day``: a city or region of a state not yet independent then belongs to the state
        it was part of ("Juba" before 9 July 2011 is in Sudan, and no capital). Countries and demonyms are kept."""
        if day is None or entry.kind in ("country", "demonym"):
            return entry
        for _ in range(4):
            old = self._succession.get(entry.country)
            if old is None or day >= old[1]:
                break
            entry = entry._replace(country=old[0], kind="city" if entry.kind == "capital" else entry.kind)
        return entry

    def country_name(self, iso3: str) -> str | None:
        iso3 = (iso3 or "").upper()
        if len(iso3) == 2:
            iso3 = self._iso2.get(iso3, "")
        return self._names.get(self.cameo_to_iso(iso3) or iso3)

    def country(self, iso3: str) -> GeoEntry | None:
        return self._countries.get(iso3)

    def cameo_to_iso(self, code: str) -> str | None:
        """ISO alpha-3 for a CAMEO country code (or a longer CAMEO actor code: its first three letters)."""
        key = (code or "").strip().upper()[:3]
        if len(key) != 3:
            return None
        return self._cameo.get(key, key if key in self._names else None)

    def nationality(self, text: str) -> str | None:
        """The country (alpha-3) named or implied anywhere in a short phrase.

        Longest match first; among matches of one length a country name or demonym beats a capital or a
        single-country region, which beats a large city written with a capital letter; then the leftmost. Hyphenated
        words are tried whole ("Guinea-Bissau") and, failing that, split ("US-led"). Words that name no country of the
        phrase are skipped (``_mask``: "anti-Syria", "Russian-backed", "English-language").
        """
        if text in self._memo_nationality:
            return self._memo_nationality[text]
        return _remember(self._memo_nationality, text, self._nationality(text))

    def _nationality(self, text: str) -> str | None:
        clean = text.translate(_APOSTROPHES)
        words = self._mask([m.group() for m in _WORD.finditer(clean)])
        found = self._nationality_in(words)
        if found is None and any("-" in w for w in words):
            found = self._nationality_in(self._mask([p for w in words for p in w.split("-") if p]))
        return found

    def _mask(self, words: list[str]) -> list[str]:
        """The words with those that name no country of the phrase blanked: a hyphenated word behind a stance
        prefix ("anti-Syria", "pro-Moscow") or before a backer's participle ("Syrian-backed"), and a demonym naming
        a language ("Russian language", "English-language", "French-speaking")."""
        out = list(words)
        for i, w in enumerate(words):
            parts = w.casefold().split("-")
            if len(parts) > 1 and parts[0] in self.stance_prefixes:
                out[i] = _MASK
            elif len(parts) > 1 and (parts[-1] in self.language_words or parts[-1] in self.backer_words):
                out[i] = _MASK
            elif i + 1 < len(words) and words[i + 1].casefold() in self.language_words:
                out[i] = _MASK
        return out

    def _nationality_in(self, words: list[str]) -> str | None:
        n = len(words)
        covered: set[int] = set()   # words inside a longer country-less name ("Central American", "Middle East")
        for size in range(min(n, 8), 0, -1):
            best: tuple[int, int, str] | None = None
            for i in range(n - size + 1):
                if covered.intersection(range(i, i + size)):
                    continue
                for phrase in _variants(" ".join(words[i:i + size])):
                    tier = self._nationality_tier(phrase)
                    if tier is None:
                        continue
                    if not tier[1]:
                        covered.update(range(i, i + size))
                    elif best is None or (tier[0], i) < best[:2]:
                        best = (tier[0], i, tier[1])
                    break
            if best is not None:
                return best[2]
        return None

    def _nationality_tier(self, phrase: str) -> tuple[int, str] | None:
        """(tier, country) for the best reading of the phrase; country "" for a known name without one."""
        hits = self.candidates(phrase)
        for hit in hits:
            if not hit.country:
                continue
            if hit.kind in ("country", "demonym"):
                return 0, hit.country
            if hit.kind in ("capital", "region"):
                return 1, hit.country
            name = _clean(phrase)
            if hit.kind == "city" and phrase[:1].isupper() and (name in self._ruler_cities
                                                               or name in self._big_person_cities):
                return 2, hit.country
        if any(h.kind in ("demonym", "region") and not h.country for h in hits):
            return 3, ""
        return None

    def ruler_patterns(self) -> list[dict]:
        return list(self._patterns)


_MEMO_LIMIT = 50_000


def _remember(memo: dict, key, value):
    """Store an answer in a memo dict (emptied when it reaches ``_MEMO_LIMIT`` entries) and return it."""
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


_MASK = "\x00"   # a blanked word: it matches no name and keeps its neighbours apart


def _variants(phrase: str) -> list[str]:
    """The phrase as is and without trailing punctuation ("Saudi," / "U.S." at a sentence end)."""
    out = [phrase]
    stripped = phrase.rstrip(".,;:!?")
    if stripped and stripped != phrase:
        out.append(stripped)
    return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


def cameo_to_iso(code: str) -> str | None:
    return gazetteer().cameo_to_iso(code)


def nationality(text: str) -> str | None:
    return gazetteer().nationality(text)


# -- the places stage ----------------------------------------------------------------------------------------------
_PLACE_LABELS = ("GPE", "LOC", "FAC")
# prepositions after which a name is named as a place ("in Kostyantynivka", "near Bakhmut")
TOWN_PREPS = frozenset({"in", "at", "near", "outside", "around", "into", "from", "toward", "towards", "to"})


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Char offsets of the span without a leading "the" and a trailing possessive or punctuation."""
    full = doc_text(doc)
    text = full[start:end]
    m = _LEADING_THE.match(text)
    if m and m.end() < len(text):
        start += m.end()
    text = full[start:end]
    m = _POSSESSIVE_END.search(text)
    if m and m.start() > 0:
        end = start + m.start()
    text = full[start:end]
    while end > start and text[-1] in ",;:!?":
        end -= 1
        text = full[start:end]
    while end > start and full[end - 1].isspace():
        end -= 1
    return start, end


_POSSESSIVE_END = re.compile(r"(?:['’]s|['’])$")


_DIRECTION = re.compile(r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
                        r"north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|"
                        r"southeast|southwest|upper|lower|greater|occupied)\s+)+", re.IGNORECASE)
_TYPE_WORD = re.compile(r"\s+(?:province|state|region|district|county|governorate|oblast|prefecture|department|"
                        r"municipality|city|town|village|area|territory|territories|enclave|border)$", re.IGNORECASE)


@lru_cache(maxsize=65536)  # (a pure function of the name, asked again for every mention)
def _core_name(text: str) -> str:
    """ "Kosovo province" -> "Kosovo", "northern Mali" -> "Mali", "Tillaberi region" -> "Tillaberi"."""
    text = _clean(text)
    core = _TYPE_WORD.sub("", text)
    lowered = _DIRECTION.sub("", core)
    if lowered and lowered[:1].isupper():
        core = lowered
    return core if core != text else ""


def non_country_entity(doc: Doc, ent: SpacySpan, gaz: Gazetteer) -> bool:
    """A country name or demonym that gives no one a country: behind a stance prefix ("an anti-Syria journalist",
    "pro-Moscow rebels", "non-Western diplomats"), before a backer's participle ("the Syrian-backed militia",
    "Iran-funded rebels"; not before a proposal it backs, "a U.S.-backed call"), or a demonym naming a language ("the
    use of the Russian language", "an English-language newspaper", "French-speaking rebels", "speaks Russian", "said
    in Russian"). The words are in ``non_country_words.tsv``."""
    if ent.label_ not in (*_PLACE_LABELS, "NORP", "LANGUAGE"):
        return False
    toks = doc_tokens(doc)
    first = toks[ent.start]
    if ent.start >= 2 and toks[ent.start - 1].text in ("-", "–") and not toks[ent.start - 1].whitespace_ \
            and not toks[ent.start - 2].whitespace_ and toks[ent.start - 2].lower_ in gaz.stance_prefixes:
        return True
    if len(ent) >= 3 and first.lower_ in gaz.stance_prefixes and toks[ent.start + 1].text in ("-", "–"):
        return True  # the ruler's "pro-Iranian"
    last = toks[ent.end - 1]
    if ent.end + 1 < len(toks) and toks[ent.end].text in ("-", "–") and not last.whitespace_ \
            and not toks[ent.end].whitespace_ and toks[ent.end + 1].lower_ in gaz.backer_words:
        # (a proposal or an act it backs leaves the country a party: "rejected a U.S.-backed call for talks")
        return toks[ent.end + 1].head.lower_ not in gaz.backed_acts
    if len(ent) != 1 or not any(h.kind == "demonym" for h in gaz.candidates(first.text)):
        return False
    if ent.label_ == "LANGUAGE":
        return True
    k = ent.end
    if k + 1 < len(toks) and toks[k].text in ("-", "–") and not toks[k].whitespace_ and not first.whitespace_:
        k += 1  # "English-language", "French-speaking"
    if k < len(toks) and toks[k].lower_ in gaz.language_words:
        return True
    tok = first
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "the Arabic and Russian languages"
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("amod", "compound", "nmod") and head.lower_ in gaz.language_words:
        return True
    if tok.tag_ in ("NNS", "NNPS") or tok.text.endswith("s") and not tok.text.endswith("ss"):
        return False  # "teaching Iraqis", "in Russians' hands": people, not a language
    if tok.dep_ == "dobj" and head.lemma_.lower() in gaz.language_verbs:
        return True
    return tok.dep_ == "pobj" and head.lower_ in gaz.language_preps \
        and all(c.dep_ in ("cc", "conj") for c in tok.children)


class PlaceContext:
    """The countries an article names without ambiguity, per sentence and in all, to tell same-name places apart.

    Counted: every place or demonym entity whose readings all lie in one country ("Lebanon", "Beirut", "Lebanese"),
    as that country was on the publication date. A country or place named as a place ("in Lebanon", "Tripoli,
    Lebanon", "the north Lebanese port" with ``place_nouns.txt``) is strong evidence; one named as an actor or its
    modifier ("Lebanon said", "Lebanese police", "the US Secretary of State") is weak.

    ``resolve`` picks, among a name's readings (towns under ``RULER_MIN_POP`` only when there is nothing bigger; a
    name that is only a city's GeoNames alternate last), the one in a country the same sentence names, else one the
    article names most, else by kind (capital first) and population. A national capital yields to a namesake only
    on strong evidence ("The Canadian prime minister arrived in London" stays in England). A country name yields to
    a place inside another country only when the article names other places inside that country ("Georgia" with
    "Atlanta" is the US state; with only "the US" mentioned, it stays the country).
    """

    def __init__(self, doc: Doc, gaz: Gazetteer, published: dt.date | None = None) -> None:
        self.doc, self.gaz, self.day = doc, gaz, published
        self.sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.article: Counter[str] = Counter()   # countries named unambiguously: strong evidence
        self.weak: Counter[str] = Counter()      # demonyms of people and things: weak evidence
        self.inside: Counter[str] = Counter()    # countries of unambiguous sub-national places (cities, regions)
        self.by_sent: dict[int, Counter[str]] = {}
        self.weak_by_sent: dict[int, Counter[str]] = {}
        self.ents: list[tuple[SpacySpan, int, int, list[GeoEntry]]] = []   # place/NORP entity, char span, readings
        self._non_country: dict[tuple[int, int, str], bool] = {}
        self._org_towns: dict[tuple[int, int], bool] = {}
        for ent in doc_ents(doc):
            if ent.label_ not in (*_PLACE_LABELS, "NORP") and not self.town_named_as_org(ent) \
                    or self.non_country(ent):
                continue
            start, end = _trim(doc, ent.start_char, ent.end_char)
            if end <= start:
                continue
            hits = self.readings(doc_text(doc)[start:end])
            own = [h for h in hits if not h.alternate] or hits   # "Lebanon" is not made ambiguous by a US town
            own = [h for h in own if h.kind != "city" or h.population >= RULER_MIN_POP] or own
            countries = {h.country for h in own if h.country}
            if len(countries) == 1:
                iso3 = next(iter(countries))
                weak = not self.as_a_place(ent)
                (self.weak if weak else self.article)[iso3] += 1
                (self.weak_by_sent if weak else self.by_sent).setdefault(self.sentence(ent.start), Counter())[iso3] += 1
                if all(h.kind in ("capital", "city", "region") for h in own):
                    self.inside[iso3] += 1
            self.ents.append((ent, start, end, hits))

    def town_named_as_org(self, ent: SpacySpan) -> bool:
        """A town too small for the entity ruler that the tagger took for an organisation or a one-word person, named
        where a place is named ("a market in Kostyantynivka", "the town of Avdiivka", "Russian forces seized
        Kostyantynivka"): a gazetteer town (not named like a person) after a preposition of place, after "the town
        of", or as a verb's direct object. The actor stage asks this only for names its lexicon does not know, except
        a one-word surname after a preposition ("near Djibo"), which it gives to the town."""
        if not (ent.label_ == "ORG" and len(ent) <= 3 or ent.label_ == "PERSON" and len(ent) == 1):
            return False
        key = (ent.start, ent.end)
        found = self._org_towns.get(key)
        if found is not None:
            return found
        root = ent.root
        head = root.head
        placed = root.dep_ == "pobj" and (head.lower_ in TOWN_PREPS or head.lower_ == "of"
                                           and head.head.lemma_.lower() in self.gaz.place_nouns) \
            or root.dep_ == "dobj" and head.pos_ == "VERB"
        text = ent.text
        found = placed and text not in self.gaz.person_towns and any(
            h.kind == "city" for h in self.gaz.candidates_on(text, self.day))
        self._org_towns[key] = found
        return found

    def non_country(self, ent: SpacySpan) -> bool:
        """``non_country_entity`` for an entity of this doc, worked out once (the places and actor stages both ask)."""
        key = (ent.start, ent.end, ent.label_)
        found = self._non_country.get(key)
        if found is None:
            found = self._non_country[key] = non_country_entity(self.doc, ent, self.gaz)
        return found

    def as_a_place(self, ent: SpacySpan) -> bool:
        """Is a country or place named as a place: after a preposition ("in Lebanon"), in apposition ("Tripoli,
        Lebanon"), or modifying a place noun ("the north Lebanese port", "Lebanon's second city", "a Syrian border
        town")? Not as an actor or a modifier of one ("the US Secretary of State", "Lebanese police")."""
        root = ent.root
        if root.dep_ in ("pobj", "appos", "npadvmod"):
            return True
        head = root.head
        while head.dep_ == "compound" and head.head.i != head.i and head.lemma_.lower() not in self.gaz.place_nouns:
            head = head.head   # "a Syrian border town": through the compound to its head
        return root.dep_ in ("amod", "compound", "nmod", "poss") and (
            root.head.lemma_.lower() in self.gaz.place_nouns or head.lemma_.lower() in self.gaz.place_nouns)

    def readings(self, text: str) -> list[GeoEntry]:
        """Every entry a name (or its core: "northern Mali" -> "Mali") may denote, as on the publication date."""
        return self.gaz.candidates_on(text, self.day) or self.gaz.candidates_on(_core_name(text), self.day)

    def sentence(self, tok_i: int) -> int:
        """The index of the sentence holding token ``tok_i`` (the last one starting at or before it; at least 0)."""
        return sentence_index(self.sent_starts, tok_i)

    def choose(self, places: list[GeoEntry], tok_i: int | None = None) -> GeoEntry:
        # A town too small for the entity ruler never takes a name from a bigger place ("Moscow" with "the US" named
        # is not Moscow, Idaho).
        notable = [p for p in places if p.kind in ("country", "capital", "region") or p.population >= RULER_MIN_POP]
        places = notable or places
        if len(places) == 1:
            return places[0]
        sent_i = self.sentence(tok_i) if tok_i is not None else -1
        sent = self.by_sent.get(sent_i, Counter())
        countries = [p for p in places if p.kind == "country"]   # "Congo" with "Brazzaville" named: Congo-Brazzaville
        country = min(countries, key=lambda h: (-sent.get(h.country, 0), -self.article.get(h.country, 0),
                                                countries.index(h))) if countries else None
        if country is not None:
            rivals = [p for p in places if p.kind != "country" and p.country != country.country
                      and self.inside.get(p.country, 0) > self.inside.get(country.country, 0)]
            if not rivals:
                return country
            places = rivals
        if any(p.kind == "capital" and not p.alternate for p in places):  # a capital yields on strong evidence only
            weak_sent: Counter[str] = Counter()
            weak: Counter[str] = Counter()
        else:
            weak_sent, weak = self.weak_by_sent.get(sent_i, Counter()), self.weak
        return min(places, key=lambda h: (h.alternate, -sent.get(h.country, 0) - weak_sent.get(h.country, 0),
                                          -self.article.get(h.country, 0) - weak.get(h.country, 0),
                                          _KIND_RANK[h.kind], -h.population))

    def resolve(self, text: str, tok_i: int | None = None) -> GeoEntry | None:
        """The best reading of a name written at token ``tok_i`` (demonyms only when nothing else fits)."""
        hits = self.gaz.candidates_on(text, self.day)
        if not hits:
            return None
        places = [h for h in hits if h.kind != "demonym"]
        return self.choose(places, tok_i) if places else hits[0]


def place_context(doc: Doc, gaz: Gazetteer, published: dt.date | None = None) -> PlaceContext:
    """The article's ``PlaceContext``, built once per doc and date (the places and actor stages share it)."""
    key = ("eventwire_places", published)
    ctx = doc.user_data.get(key)
    if ctx is None or ctx.gaz is not gaz:
        ctx = PlaceContext(doc, gaz, published)
        doc.user_data[key] = ctx
    return ctx


def find_places(doc: Doc, gaz: Gazetteer, published: dt.date | None = None) -> tuple[Place, ...]:
    """Every GPE/LOC/FAC entity that names a known place, disambiguated by what else the article mentions (see
    ``PlaceContext``), as the place was on the ``published`` date."""
    ctx = place_context(doc, gaz, published)
    spans: list[tuple[int, int, list[GeoEntry], int]] = []
    for ent, start, end, hits in ctx.ents:
        if ent.label_ == "NORP":
            continue
        places = [h for h in hits if h.kind != "demonym"]
        if places:
            spans.append((start, end, places, ent.start))
    spans.extend(_places_in_titles(doc, gaz, {(s, e) for s, e, _, _ in spans}, published))
    spans.sort(key=lambda t: t[0])
    out: list[Place] = []
    for start, end, places, tok_i in spans:
        best = ctx.choose(places, tok_i)
        out.append(Place(text=doc_text(doc)[start:end], start=start, end=end, name=best.name,
                         country=best.country or None, lat=best.lat, lon=best.lon))
    return tuple(out)


def _places_in_titles(doc: Doc, gaz: Gazetteer, seen: set[tuple[int, int]], day: dt.date | None = None
                      ) -> list[tuple[int, int, list[GeoEntry], int]]:
    """Place names inside official titles the actor ruler set aside ("Foreign Minister of Niger"), with the token
    each starts at."""
    out: list[tuple[int, int, list[GeoEntry], int]] = []
    for span in doc.spans["titles"] if "titles" in doc.spans else []:
        i = span.start
        while i < span.end:
            found = None
            if doc[i].text[:1].isupper():
                for j in range(min(span.end, i + 6), i, -1):
                    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
                    hits = [h for h in gaz.candidates_on(doc_text(doc)[start:end], day)
                            if h.kind != "demonym" and (h.kind != "city" or h.population >= RULER_MIN_POP)]
                    if hits:
                        found = (j, start, end, hits)
                        break
            if found is None:
                i += 1
                continue
            j, start, end, hits = found
            if (start, end) not in seen:
                out.append((start, end, hits, i))
            i = j
    return out
