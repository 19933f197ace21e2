"""Wire datelines ("KYIV (Reuters) -"): the place a story was filed from is a place, and neither it nor the agency's
credit is part of the first sentence's clause."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:.*W036")


def _names(rec, ids):
    return sorted(rec.actor(x).name for x in ids)


@pytest.mark.parametrize("text, place, country", [
    ("KYIV (Reuters) - Russian drones struck the city overnight, officials said.", "KYIV", "UKR"),
    ("NIAMEY, Niger — The junta said on Saturday it had ended the agreement.", "NIAMEY", "NER"),
    ("NEW DELHI, March 3 (AP) — India summoned Pakistan's envoy.", "NEW DELHI", "IND"),
    # (a hyphenated name: its "AU" is not the African Union)
    ("PORT-AU-PRINCE, Haiti (AP) — Kenyan police officers arrived in Haiti on Tuesday.", "PORT-AU-PRINCE", "HTI"),
])
def test_the_dateline_place_is_a_place(pipeline, text, place, country):
    rec = pipeline.extract(text)
    assert any(p.text == place and p.country == country and p.start == 0 for p in rec.places), rec.places
    assert all(m.start >= len(place) for a in rec.actors if a.kind != "country" for m in a.mentions)


@pytest.mark.parametrize("text, sources", [
    ("NEW DELHI (Reuters) - India and Pakistan traded fire across the border on Monday.", ["India", "Pakistan"]),
    ("UNITED NATIONS (AP) — The Security Council condemned the attack on Monday.", ["UN Security Council"]),
])
def test_the_credit_is_not_a_party(pipeline, text, sources):
    rec = pipeline.extract(text)
    evs = [e for e in rec.events if not e.cameo.startswith("01")]
    assert evs and all(_names(rec, e.source) == sources for e in evs), [(e.cameo, _names(rec, e.source)) for e in evs]


@pytest.mark.parametrize("text, source", [
    ("NATO - the Western alliance - met Russian officials in Geneva on Monday.", "NATO"),
    ("US - China talks: the US met Chinese officials in Geneva on Monday.", "United States"),
])
def test_a_text_opening_in_capitals_without_a_dateline_keeps_its_first_words(pipeline, text, source):
    # (guard) an organisation or a country in capitals before a dash is no dateline
    rec = pipeline.extract(text)
    assert any(source in _names(rec, e.source) for e in rec.events if e.cameo.startswith("04")), \
        [(e.cameo, _names(rec, e.source)) for e in rec.events]


def test_the_dateline_does_not_make_its_country_the_one_the_story_is_about(pipeline):
    # "the country" refers back to the story's leading country, North Korea, not Seoul's, where it was filed
    text = ("SEOUL, Oct 9 (Yonhap) - North Korea fired several missiles into the sea on Wednesday, South Korea's "
            "military said, hours after Pyongyang warned it would respond to joint drills by the United States and "
            "South Korea. The launches came a day after Kim Jong Un vowed to bolster the country's nuclear arsenal.")
    rec = pipeline.extract(text, published="2024-10-09")
    at = text.index("country's")
    assert [a.country for a in rec.actors if any(m.start == at for m in a.mentions)] == ["PRK"]
