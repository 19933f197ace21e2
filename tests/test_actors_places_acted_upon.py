"""A town or region named as what an act is done to stands for its country; a town named as where it happens does not."""

from __future__ import annotations

import pytest


def _mention_country(rec, text):
    for a in rec.actors:
        if any(m.text == text for m in a.mentions):
            return a.country, a.kind
    return None


@pytest.mark.parametrize("text, place, iso", [
    ("Government troops shelled Aleppo on Sunday.", "Aleppo", "SYR"),
    ("Rebels launched an attack on Aleppo.", "Aleppo", "SYR"),
    ("The army bombarded the city of Aleppo overnight.", "Aleppo", "SYR"),
])
def test_a_town_acted_upon_stands_for_its_country(pipeline, text, place, iso):
    assert _mention_country(pipeline.extract(text), place) == (iso, "country")


@pytest.mark.parametrize("text, place", [
    ("Thousands of people marched in Aleppo on Sunday.", "Aleppo"),
    ("The delegation flew from Aleppo to Beirut.", "Aleppo"),
])
def test_a_town_where_an_act_happens_stays_a_place(pipeline, text, place):
    rec = pipeline.extract(text)
    assert _mention_country(rec, place) is None
    assert any(p.name == place for p in rec.places)


def test_the_shelled_town_gives_the_event_its_target(pipeline):
    rec = pipeline.extract("Turkish troops shelled Aleppo on Sunday.")
    (ev,) = [e for e in rec.events if e.cameo_root == "19"]
    assert {rec.actor(x).country for x in ev.target} == {"SYR"}
