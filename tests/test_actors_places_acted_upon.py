"""A town or region named as what an act is done to stands for its country; a town named as where it happens does not."""

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


@pytest.mark.parametrize("text, place", [
    ("Thousands of people marched in Aleppo on Sunday.", "Aleppo"),
    ("The delegation flew from Aleppo to Beirut.", "Aleppo"),
])
def test_a_town_where_an_act_happens_stays_a_place(pipeline, text, place):
    rec = pipeline.extract(text)
    assert not any(m.text == place for a in rec.actors for m in a.mentions)
    assert any(p.name == place for p in rec.places)


def test_the_shelled_town_gives_the_event_its_target(pipeline):
    rec = pipeline.extract("Turkish troops shelled Aleppo on Sunday.")
    (ev,) = [e for e in rec.events if e.cameo_root == "19"]
    assert {rec.actor(x).country for x in ev.target} == {"SYR"}
