"""Same-name places told apart by the countries the sentence, then the article, names; places as on the
publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.geo import gazetteer
from test_actors import actor_with_mention


def _place(rec, text):
    for p in rec.places:
        if p.text == text:
            return p
    raise AssertionError(f"no place {text!r} in {[p.text for p in rec.places]}")


@pytest.mark.parametrize("text, name, iso", [
    # the sentence names the country as a place (a demonym before a place noun counts)
    ("Rival gunmen clashed in Tripoli, the northern Lebanese city, on Sunday.", "Tripoli", "LBN"),
    ("Gunmen stormed a hotel in Tripoli on Friday, Libyan officials said.", "Tripoli", "LBY"),
    ("Shells fell on Tripoli, Lebanon, overnight.", "Tripoli", "LBN"),
    # two cities, no capital: a demonym of people is enough
    ("Protesters marched through Hyderabad after Pakistani troops fired on a crowd.", "Hyderabad", "PAK"),
    # the sentence beats the rest of the article
    ("Talks opened in Libya on Monday.\nFighting in Tripoli, a port in northern Lebanon, killed five people.",
     "Tripoli", "LBN"),
])
def test_same_name_place_follows_the_country_named_nearby(pipeline, text, name, iso):
    assert _place(pipeline.extract(text), name).country == iso


def test_article_context_when_the_sentence_names_none(pipeline):
    rec = pipeline.extract("Fighting spread across northern Lebanon on Monday.\nShells hit Tripoli overnight.")
    assert _place(rec, "Tripoli").country == "LBN"


def test_group_in_a_same_name_place_takes_the_country_named_nearby(pipeline):
    rec = pipeline.extract("Rival gunmen in Tripoli clashed on Sunday, the second day of fighting in Lebanon.")
    assert actor_with_mention(rec, "Rival gunmen in Tripoli").country == "LBN"
    assert "LBY" not in {a.country for a in rec.actors}  # "Tripoli" is not read as Libya's capital


@pytest.mark.parametrize("text, name, iso", [
    ("The Canadian prime minister arrived in London for talks.", "London", "GBR"),
    ("The US Secretary of State landed in Athens on Monday.", "Athens", "GRC"),
])
def test_capital_yields_only_to_a_country_named_as_a_place(pipeline, text, name, iso):
    rec = pipeline.extract(text)
    assert _place(rec, name).country == iso
    assert actor_with_mention(rec, name).country == iso


@pytest.mark.parametrize("text, iso", [
    ("Police in Delhi arrested three men.", "IND"),          # not Dili, East Timor (one of its alternate names)
    ("Protesters gathered in Philadelphia on Sunday.", "USA"),  # not Amman (its ancient name)
])
def test_a_city_s_own_name_beats_another_s_alternate_name(pipeline, text, iso):
    rec = pipeline.extract(text)
    assert rec.places[0].country == iso
    assert all(a.country in (iso, None) for a in rec.actors)


def test_small_namesake_never_wins_over_a_capital(pipeline):
    # Moscow, Idaho (25,000 people) does not take the name because the United States is named beside it.
    rec = pipeline.extract("Moscow dismissed the American plan on Tuesday.")
    a = actor_with_mention(rec, "Moscow")
    assert a.kind == "country" and a.country == "RUS"


@pytest.mark.parametrize("published, iso", [("2005-03-01", "SDN"), ("2011-07-08", "SDN"), ("2011-07-09", "SSD"),
                                            ("2016-05-02", "SSD"), (None, "SSD")])
def test_place_in_a_state_not_yet_independent(pipeline, published, iso):
    rec = pipeline.extract("Rebels shelled Juba on Sunday, aid workers said.", published=published)
    assert _place(rec, "Juba").country == iso


def test_capital_of_a_state_not_yet_independent_is_no_country_actor(pipeline):
    rec = pipeline.extract("Juba accused the rebels of shelling the airport.", published="2006-01-10")
    assert "SSD" not in {a.country for a in rec.actors}
    rec = pipeline.extract("Juba accused the rebels of shelling the airport.", published="2016-01-10")
    assert actor_with_mention(rec, "Juba").country == "SSD"


def test_as_of_keeps_country_names_and_demonyms():
    gaz = gazetteer()
    day = dt.date(1990, 1, 1)
    assert gaz.as_of(gaz.lookup("Eritrea"), day).country == "ERI"
    assert gaz.as_of(gaz.lookup("Eritrean"), day).country == "ERI"
    asmara = gaz.as_of(gaz.lookup("Asmara"), day)
    assert (asmara.country, asmara.kind) == ("ETH", "city")
    assert gaz.as_of(gaz.lookup("Asmara"), dt.date(2000, 1, 1)).country == "ERI"


@pytest.mark.parametrize("published, iso", [("1988-05-01", "COG"), ("1997-05-16", "COG"), ("1997-05-17", "COD"),
                                            ("2005-05-01", "COD"), (None, "COD")])
def test_congo_means_congo_brazzaville_while_zaire_was_named_so(pipeline, published, iso):
    rec = pipeline.extract("Kenya threatened to cut ties with Congo.", published=published)
    assert _place(rec, "Congo").country == iso
    assert actor_with_mention(rec, "Congo").country == iso


def test_country_name_with_two_readings_follows_the_article(pipeline):
    rec = pipeline.extract("Gabon's envoy met the Foreign Minister of Congo in Brazzaville.", published="2012-03-01")
    assert _place(rec, "Congo").country == "COG"


@pytest.mark.parametrize("text, mention, iso", [
    ("Somaliland closed its border with Ethiopia on Monday.", "Somaliland", "SOM"),
    ("Moldova said Transnistria had blocked the railway.", "Transnistria", "MDA"),
    ("The Turkish Republic of Northern Cyprus held an election.", "Turkish Republic of Northern Cyprus", "CYP"),
])
def test_partially_recognized_entity_is_the_claimant_country_with_sector_pre(pipeline, text, mention, iso):
    a = actor_with_mention(pipeline.extract(text), mention)
    assert (a.country, a.sector, a.cameo) == (iso, "PRE", iso + "PRE")


def test_an_ordinary_region_is_no_breakaway_entity(pipeline):
    # the scene of clashes stands for its country (the actor stage's acted_upon), with no PRE sector
    rec = pipeline.extract("Clashes erupted in Crimea on Monday.")
    assert [(a.name, a.country, a.sector) for a in rec.actors if any(m.text == "Crimea" for m in a.mentions)] \
        == [("Ukraine", "UKR", None)]
    assert _place(rec, "Crimea").country == "UKR"
