"""Country words that give no one a country: stance prefixes ("anti-Syria"), languages ("the Russian language")."""

from __future__ import annotations

import pytest

from eventwire.geo import gazetteer
from test_actors import actor_with_mention


def _countries(rec) -> set[str]:
    return {a.country for a in rec.actors if a.kind == "country"}


@pytest.mark.parametrize("text, mention, prefixed", [
    ("An outspoken anti-Iran cleric was shot dead in Kabul on Friday.", "outspoken anti-Iran cleric", "IRN"),
    ("Pro-Beijing legislators walked out of the chamber in Taipei.", "Pro-Beijing legislators", "CHN"),
    ("Non-Kenyan traders were expelled from the market in Kampala.", "Non-Kenyan traders", "KEN"),
    ("Anti-Turkey demonstrators marched through Athens.", "Anti-Turkey demonstrators", "TUR"),
])
def test_stance_prefix_gives_no_country(pipeline, text, mention, prefixed):
    rec = pipeline.extract(text)
    a = actor_with_mention(rec, mention)
    assert a.country != prefixed
    assert prefixed not in _countries(rec)  # the country is not an actor an event could take


def test_stance_prefix_group_takes_the_country_of_its_place(pipeline):
    rec = pipeline.extract("An outspoken anti-Iran cleric was shot dead in Kabul on Friday.")
    assert actor_with_mention(rec, "outspoken anti-Iran cleric").country == "AFG"


@pytest.mark.parametrize("text, demonym", [
    ("Parliament banned the use of the Ukrainian language in public offices.", "UKR"),
    ("A Spanish-language radio station in Miami was fined.", "ESP"),
    ("German-speaking villagers protested the new road.", "DEU"),
    ("The prisoner said in Turkish that he was innocent.", "TUR"),
    ("The envoy speaks fluent Japanese and Korean.", "JPN"),
    ("Greek speakers in the region complained about the schools.", "GRC"),
])
def test_language_is_not_a_country(pipeline, text, demonym):
    rec = pipeline.extract(text)
    assert demonym not in _countries(rec)
    assert all(a.country != demonym for a in rec.actors)


@pytest.mark.parametrize("text, mention, iso", [
    ("The Ukrainian government recalled its envoy.", "Ukrainian government", "UKR"),
    ("Spanish troops left the base on Monday.", "Spanish troops", "ESP"),
    ("German officials met Turkish diplomats in Ankara.", "German officials", "DEU"),
])
def test_demonym_of_a_state_actor_still_gives_the_country(pipeline, text, mention, iso):
    rec = pipeline.extract(text)
    assert actor_with_mention(rec, mention).country == iso


@pytest.mark.parametrize("text, iso", [
    ("anti-Syria lawmaker", None),
    ("pro-Russian militia commander", None),
    ("English-language newspaper editor", None),
    ("French-speaking minister", None),
    ("Russian language teacher", None),
    ("Russian defence minister", "RUS"),
    ("US-led coalition", "USA"),
])
def test_nationality_skips_stance_and_language_words(text, iso):
    assert gazetteer().nationality(text) == iso


@pytest.mark.parametrize("text, mention, backer, iso", [
    ("Turkish-backed fighters in Aleppo clashed with Kurdish militias.", "Turkish-backed fighters in Aleppo", "TUR",
     "SYR"),
    ("Saudi-funded clerics in Lahore were arrested on Monday.", "Saudi-funded clerics in Lahore", "SAU", "PAK"),
])
def test_backer_is_not_the_country_of_the_group(pipeline, text, mention, backer, iso):
    rec = pipeline.extract(text)
    assert actor_with_mention(rec, mention).country == iso
    assert backer not in _countries(rec)


def test_the_backer_of_a_proposal_is_a_party_to_it(pipeline):
    # (a proposal the country backs is no group it could be the country of: the backer is named, and answered)
    rec = pipeline.extract("Sudan's military leader rejected a U.S.-backed call for peace talks in Switzerland.")
    (rejected,) = rec.events
    assert [rec.actor(x).country for x in rejected.target] == ["USA"]


@pytest.mark.parametrize("text, iso", [
    ("Russian-backed separatist commander", None),
    ("Iran-funded militia leader", None),
    ("Chinese-installed governor", None),
])
def test_nationality_skips_backers(text, iso):
    assert gazetteer().nationality(text) == iso


def test_people_named_by_a_plural_demonym_are_not_a_language(pipeline):
    rec = pipeline.extract("The academy will teach Iraqis to fly the new jets.")
    assert "IRQ" in _countries(rec)


@pytest.mark.parametrize("text, mention, iso", [
    ("Kenya deported refugees fleeing the war in Somalia.", "refugees", "SOM"),
    ("Greek coast guards turned back migrants who had fled Syria.", "migrants", "SYR"),
    ("Italy rescued migrants escaping from Libya.", "migrants", "LBY"),
])
def test_refugees_are_of_the_country_they_flee(pipeline, text, mention, iso):
    a = actor_with_mention(pipeline.extract(text), mention)
    assert a.country == iso


def test_refugees_fleeing_to_a_country_are_not_of_it(pipeline):
    a = actor_with_mention(pipeline.extract("Refugees fleeing to Kenya were stopped at the border."), "Refugees")
    assert a.country != "KEN"


@pytest.mark.parametrize("text, sea", [
    ("Russian and Chinese warships held drills in the Sea of Japan.", "Sea of Japan"),
    ("Iranian boats harassed a tanker in the Gulf of Oman.", "Gulf of Oman"),
])
def test_a_sea_named_after_a_country_is_not_that_country(pipeline, text, sea):
    rec = pipeline.extract(text)
    assert sea in [e.text for e in rec.entities]
    assert not [a for a in rec.actors if a.country in ("JPN", "OMN")]


def test_a_member_of_a_militant_group_of_no_one_country_is_of_the_group(pipeline):
    rec = pipeline.extract("Syrian troops killed a senior Islamic State commander near Deir ez-Zor.")
    a = actor_with_mention(rec, "senior Islamic State commander")
    assert a.country is None and (a.cameo or "").startswith("IMG")
