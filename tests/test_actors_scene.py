"""A civilian group the text gives no country takes the country of the towns its sentence happens in."""

from __future__ import annotations

import pytest

from test_actors import actor_with_mention


@pytest.mark.parametrize("text, mention, iso", [
    ("Thousands of farmers protested in Marseille against the British trade deal.", "farmers", "FRA"),
    ("Hundreds of demonstrators gathered outside the British embassy in Tehran on Monday.", "demonstrators", "IRN"),
])
def test_group_takes_the_country_of_the_scene(pipeline, text, mention, iso):
    a = actor_with_mention(pipeline.extract(text), mention)
    assert a.country == iso and a.cameo is None  # inferred, so no CAMEO code


@pytest.mark.parametrize("text, mention, iso", [
    # a place hung on another actor says where that actor is, not where the sentence happens
    ("Rebels killed dozens of villagers, Sudanese officials in Nairobi said.", "villagers", "SDN"),
    # armed forces are sent abroad: the place is no clue to their country
    ("The soldiers were deployed to Basra, the British defence ministry said.", "soldiers", "GBR"),
])
def test_places_that_are_no_clue_to_a_group(pipeline, text, mention, iso):
    assert actor_with_mention(pipeline.extract(text), mention).country == iso


def test_a_capital_named_as_a_party_is_no_scene(pipeline):
    # Washington is a party to the deal, not where the prisoners are
    rec = pipeline.extract("The Cuban government freed 40 political prisoners under a deal with Washington.")
    a = actor_with_mention(rec, "40 political prisoners")
    assert a.country != "USA"


def test_a_demonym_before_a_place_noun_names_the_scene(pipeline):
    rec = pipeline.extract("Russian mercenaries massacred dozens of civilians in the Malian village of Moura.")
    assert actor_with_mention(rec, "civilians").country == "MLI"


@pytest.mark.parametrize("text, mention, iso", [
    ("Chechen fighters attacked a checkpoint near the border.", "Chechen fighters", "RUS"),
    ("Tigrayan fighters fled across the border into Sudan.", "Tigrayan fighters", "ETH"),
    ("Uighur activists staged a protest in Berlin.", "Uighur activists", "CHN"),
])
def test_a_regions_demonym_gives_a_group_its_country(pipeline, text, mention, iso):
    """regions.tsv's demonyms: a group named by a region's people is of that region's country, wherever it acts."""
    a = actor_with_mention(pipeline.extract(text), mention)
    assert a.country == iso


def test_a_regions_demonym_is_no_place(pipeline):
    # (a guard: the demonym must not become a place record of the region; it held before demonyms were added)
    rec = pipeline.extract("Tigrayan officials met the envoy in Addis Ababa.")
    assert [p.name for p in rec.places] == ["Addis Ababa"]
