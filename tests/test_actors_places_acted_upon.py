"""A town or region named as what an act is done to, or as the land where it is done, stands for its country; a town
left or passed through does not."""

from __future__ import annotations

import pytest

from test_actors import actor_with_mention


@pytest.mark.parametrize("text, place, iso", [
    ("Government troops shelled Aleppo on Sunday.", "Aleppo", "SYR"),
    ("Rebels launched an attack on Aleppo.", "Aleppo", "SYR"),
    ("The army bombarded the city of Aleppo overnight.", "Aleppo", "SYR"),
])
def test_a_town_acted_upon_stands_for_its_country(pipeline, text, place, iso):
    a = actor_with_mention(pipeline.extract(text), place)
    assert (a.country, a.kind) == (iso, "country")


@pytest.mark.parametrize("text, place, iso", [
    ("Thousands of people marched in Aleppo on Sunday.", "Aleppo", "SYR"),
    ("Drones attacked an oil refinery in the Krasnodar region.", "Krasnodar", "RUS"),
    ("Troops were deployed near Kharkiv overnight.", "Kharkiv", "UKR"),
])
def test_a_town_where_an_act_happens_stands_for_its_country_and_stays_a_place(pipeline, text, place, iso):
    rec = pipeline.extract(text)
    a = actor_with_mention(rec, place)
    assert (a.country, a.kind) == (iso, "country")
    assert any(p.name == place for p in rec.places)


@pytest.mark.parametrize("text, place", [
    ("The delegation flew from Aleppo to Beirut.", "Aleppo"),
    ("Refugees from Aleppo arrived in Turkey on Monday.", "Aleppo"),
])
def test_a_town_left_or_named_stays_a_place(pipeline, text, place):
    rec = pipeline.extract(text)
    assert not any(m.text == place for a in rec.actors for m in a.mentions)
    assert any(p.name == place for p in rec.places)


def test_the_shelled_town_gives_the_event_its_target(pipeline):
    rec = pipeline.extract("Turkish troops shelled Aleppo on Sunday.")
    (ev,) = [e for e in rec.events if e.cameo_root == "19"]
    assert {rec.actor(x).country for x in ev.target} == {"SYR"}
