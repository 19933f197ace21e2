"""Golden test on the founding article: entities and actors as ../shared/corpus/niger-us-2024-03/expected.json says.

Names and roles compare case-insensitively, ignoring a leading 'the' (the expectations' own rule).
"""

from __future__ import annotations

import re

import pytest


def _n(s: str | None) -> str:
    return re.sub(r"^the\s+", "", (s or "").strip().lower().replace("’", "'"))


def _entity_ids(founding):
    return [f"{e['text']}/{e['label']}" for e in founding["expected"]["entities"]["must"]]


@pytest.fixture(scope="module")
def rec(founding_record):
    return founding_record


def test_every_must_entity_is_found_with_its_country(rec, founding):
    missing = []
    for exp in founding["expected"]["entities"]["must"]:
        ok = any(_n(e.text) == _n(exp["text"]) and e.label == exp["label"] and e.country == exp["country"]
                 for e in rec.entities)
        if not ok:
            seen = [(e.text, e.label, e.country) for e in rec.entities if _n(e.text) == _n(exp["text"])]
            missing.append(f"{exp['text']} {exp['label']} {exp['country']} (seen: {seen[:3]})")
    assert not missing, "missing entities:\n" + "\n".join(missing)


def test_every_must_actor_has_country_role_and_partial_mentions(rec, founding):
    problems = []
    for exp in founding["expected"]["actors"]["must"]:
        cands = [a for a in rec.actors if _n(a.name) == _n(exp["name"])]
        if not cands:
            problems.append(f"no actor named {exp['name']!r}")
            continue
        a = cands[0]
        if a.country != exp["country"]:
            problems.append(f"{a.name}: country {a.country}, expected {exp['country']}")
        if exp.get("role_contains") and exp["role_contains"].lower() not in (a.role or "").lower():
            problems.append(f"{a.name}: role {a.role!r} lacks {exp['role_contains']!r}")
        texts = {m.text for m in a.mentions}
        for m in exp.get("mentions_include", []):
            if m not in texts:
                problems.append(f"{a.name}: mention {m!r} not among {sorted(texts)}")
    assert not problems, "\n".join(problems)


def test_entity_links_to_country_actor(rec):
    by_id = {a.id: a for a in rec.actors}
    for e in rec.entities:
        if _n(e.text) in ("niamey", "nigerien", "niger"):
            assert e.actor is not None, e
            assert by_id[e.actor].country == "NER"
            assert by_id[e.actor].kind == "country"


def test_pronoun_he_joins_abdramane(rec):
    abd = next(a for a in rec.actors if a.name == "Amadou Abdramane")
    assert any(m.text == "He" for m in abd.mentions)


def test_sectors_and_cameo_codes(rec):
    """The expectations' note: the Pentagon and Yevkurov are MIL; Abdramane, Zeine and Sangare are NER GOV."""
    by_name = {_n(a.name): a for a in rec.actors}
    assert by_name["pentagon"].country == "USA" and by_name["pentagon"].sector == "MIL"
    assert by_name["yunus-bek yevkurov"].sector == "MIL"
    for name in ("amadou abdramane", "ali mahamane lamine zeine", "bakary yaou sangare"):
        assert by_name[name].sector == "GOV", by_name[name]
        assert by_name[name].cameo == "NERGOV"


def test_acronym_is_alias_of_the_council(rec):
    council = [a for a in rec.actors if "safeguard of the homeland" in _n(a.name)]
    assert council and council[0].country == "NER"
    assert any(m.text == "CNSP" for m in council[0].mentions)


def test_demonym_does_not_cut_into_organisation(rec):
    assert any(e.text.endswith("American Department of Defense") and e.label == "ORG" and e.country == "USA"
               for e in rec.entities)


def test_offsets_are_exact(rec):
    for e in rec.entities:
        assert rec.text[e.start:e.end] == e.text
    for a in rec.actors:
        for m in a.mentions:
            assert rec.text[m.start:m.end] == m.text
