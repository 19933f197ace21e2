"""The events stage: code tables, the lexicon, and extraction from the parse (actors given as mentions)."""

from __future__ import annotations

import re

import pytest

from eventwire.errors import LexiconError
from eventwire.events import EventInputs, evidence_mentions, find_events, tables
from eventwire.record import Actor, Place, Span, TimeExpr

# An entity ruler without patterns warns (until the gazetteer and actor lexicons feed it); not this module's concern.
pytestmark = pytest.mark.filterwarnings("ignore:.*W036")

# -- tables ------------------------------------------------------------------------------------------------------------


def test_cameo_codes_table_complete():
    codes = tables.cameo_codes()
    assert len(codes) == 312
    assert codes["042"].name == "Make a visit"
    assert codes["190"].goldstein == -10
    assert {codes[c].quad_class for c in ("01", "036", "057")} == {1}
    assert {codes[c].quad_class for c in ("06", "073", "0874")} == {2}
    assert {codes[c].quad_class for c in ("09", "112", "1312")} == {3}
    assert {codes[c].quad_class for c in ("14", "1622", "2042")} == {4}


def test_plover_table():
    assert tables.plover_for("010") is None and tables.plover_for("0234") is None
    assert tables.plover_for("042").plover == "CONSULT" and tables.plover_for("042").mode == "visit"
    assert tables.plover_for("1622").plover == "SANCTION"
    assert tables.plover_for("163").plover == "COERCE"
    assert tables.plover_for("0874").plover == "RETREAT"
    assert tables.plover_for("186").plover == "ASSAULT"


@pytest.mark.parametrize("control,code,expected", [
    ("INTENT", "042", "036"), ("INTENT", "0331", "0331"), ("INTENT", "073", "0333"), ("INTENT", "084", "0353"),
    ("INTENT", "190", "1384"), ("THREAT", "163", "1312"), ("THREAT", "161", "1313"), ("THREAT", "195", "1384"),
    ("THREAT", "051", "130"), ("APPEAL", "0871", "0256"), ("APPEAL", "046", "026"), ("DEMAND", "0841", "1053"),
    ("DEMAND", "087", "1056"), ("REFUSE", "040", "125"), ("REFUSE", "084", "1243"), ("REFUSE", "010", "011"),
    ("PASS", "042", "042"),
])
def test_recode(control, code, expected):
    got, _ = tables.recode(control, code)
    assert got == expected
    assert got in tables.cameo_codes()


def test_bundled_lexicon_codes_are_valid():
    lex = tables.lexicon()
    assert len(lex.entries) > 300
    for e in lex.entries:
        assert e.code is None or e.code in tables.cameo_codes()


def test_lexicon_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "lex.tsv"
    bad.write_text("# c\nlemma\tpos\tprep\tobject\tcode\tnote\nvisit\tVERB\t\t\t999\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"lex.tsv:3: '999' is not a CAMEO code"):
        tables.lexicon(str(bad))
    bad.write_text("lemma\tpos\tprep\tobject\tcode\nvisit\tADVERB\t\t\t042\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r":2: expected lemma, pos"):
        tables.lexicon(str(bad))


# -- extraction --------------------------------------------------------------------------------------------------------

COUNTRIES = {"Niger": "NER", "Nigerien": "NER", "Niamey": "NER", "United States": "USA", "US": "USA",
             "Russia": "RUS", "Russian": "RUS", "Iran": "IRN", "Tehran": "IRN", "Iraq": "IRQ", "France": "FRA",
             "French": "FRA", "Germany": "DEU", "Spain": "ESP", "Serbia": "SRB", "Kosovo": "XKX", "Ukraine": "UKR"}


def actors_for(text: str) -> tuple[Actor, ...]:
    """Stand-in for the actor stage: one country actor per code, a mention for every whole-word name."""
    spans: dict[str, list[Span]] = {}
    taken: set[int] = set()
    for name in sorted(COUNTRIES, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            spans.setdefault(COUNTRIES[name], []).append(Span(m.group(), m.start(), m.end()))
    return tuple(Actor(id=f"a{c}", name=c, kind="country", country=c, mentions=tuple(v)) for c, v in spans.items())


@pytest.fixture(scope="module")
def nlp():
    from eventwire import nlp as nlp_mod

    return nlp_mod.load()


def run(nlp, text, times=(), places=()):
    doc = nlp(text)
    return find_events(doc, EventInputs(actors=actors_for(text), entities=(), times=tuple(times),
                                        places=tuple(places), quotes=(), published=None))


def keys(ev):
    return ({s[1:] for s in ev.source}, {t[1:] for t in ev.target})


def test_control_verb_and_object_noun(nlp):
    text = "Niger's junta decided to suspend a military agreement with the United States."
    (ev,) = run(nlp, text)
    assert keys(ev) == ({"NER"}, {"USA"})
    assert ev.cameo_root == "16" and ev.plover == "SANCTION" and ev.quad_class == 4
    assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text == "suspend"
    assert (ev.sentence.start, ev.sentence.end) == (0, len(text))
    assert {text[m.start:m.end] for m in evidence_mentions(ev, actors_for(text))} == {"Niger", "United States"}


def test_passive_with_agent(nlp):
    (ev,) = run(nlp, "French diplomats were expelled by Russia on Monday.")
    assert keys(ev) == ({"RUS"}, {"FRA"})
    assert ev.cameo_root == "16"


def test_conjoined_actors_and_intent(nlp):
    (ev,) = run(nlp, "Serbia and Kosovo agreed to resume talks.")
    assert keys(ev)[0] == {"SRB", "XKX"}
    assert ev.cameo == "036" and ev.hypothetical and ev.plover == "AGREE"


def test_threat_is_coded_as_threat(nlp):
    (ev,) = run(nlp, "Iran threatened to impose sanctions on Iraq.")
    assert keys(ev) == ({"IRN"}, {"IRQ"})
    assert ev.cameo == "1312" and ev.hypothetical and ev.plover == "THREATEN"


def test_appeal_target_is_the_one_urged(nlp):
    (ev,) = run(nlp, "France urged Russia to withdraw its troops.")
    assert keys(ev) == ({"FRA"}, {"RUS"})
    assert ev.cameo == "0256" and ev.plover is None and ev.cameo_root == "02"


def test_negation(nlp):
    (ev,) = run(nlp, "Russia did not attack Ukraine.")
    assert ev.negated and ev.cameo_root == "19" and keys(ev) == ({"RUS"}, {"UKR"})


def test_said_gives_statement_and_the_reported_act(nlp):
    evs = run(nlp, "Germany said that France attacked Spain.")
    got = sorted((e.cameo, tuple(sorted(keys(e)[0])), tuple(sorted(keys(e)[1]))) for e in evs)
    assert got == [("010", ("DEU",), ("FRA",)), ("190", ("FRA",), ("ESP",))]  # the statement is about France
    assert [e.id for e in evs] == ["e1", "e2"]


def test_statement_of_own_intent_is_one_event(nlp):
    (ev,) = run(nlp, "Germany said it would send aid to Spain.")
    assert keys(ev) == ({"DEU"}, {"ESP"}) and ev.cameo == "033" and ev.hypothetical


def test_nominal_visit(nlp):
    text = "The move followed a visit to Niamey by a delegation of senior US military officials."
    (ev,) = run(nlp, text)
    assert keys(ev) == ({"USA"}, {"NER"}) and ev.cameo == "042" and ev.trigger.text == "visit"


def test_no_event_where_the_text_has_none(nlp):
    assert run(nlp, "The weather in Niamey was hot on Monday.") == ()
    assert run(nlp, "Crowds gathered near the market.") == ()


def test_date_of_the_clause_not_of_the_noun_phrase(nlp):
    text = "Niger announced on Saturday that it had canceled a 2012 defense cooperation agreement with the US."
    sat = TimeExpr("on Saturday", text.index("on Saturday"), text.index("on Saturday") + 11, "2024-03-16", "day")
    y12 = TimeExpr("2012", text.index("2012"), text.index("2012") + 4, "2012", "year")
    evs = run(nlp, text, times=[sat, y12])
    cancel = next(e for e in evs if e.cameo_root == "16")
    assert keys(cancel) == ({"NER"}, {"USA"})
    assert cancel.date is not None and cancel.date.value == "2024-03-16"
    assert all(e.date is None or e.date.value != "2012" for e in evs)


def test_location_and_own_time(nlp):
    text = "The foreign minister of Niger visited Tehran in October 2023."
    oct_ = TimeExpr("October 2023", text.index("October"), text.index("October") + 12, "2023-10", "month")
    teh = Place("Tehran", text.index("Tehran"), text.index("Tehran") + 6, "Tehran", "IRN", 35.69, 51.39)
    (ev,) = run(nlp, text, times=[oct_], places=[teh])
    assert keys(ev) == ({"NER"}, {"IRN"}) and ev.cameo == "042"
    assert ev.location is not None and ev.location.country == "IRN" and ev.location.name == "Tehran"
    assert ev.date is not None and ev.date.value == "2023-10" and ev.date.granularity == "month"


def test_several_events_in_one_sentence(nlp):
    evs = run(nlp, "Russian officials visited Niger and met with Iran's ambassador.")
    assert [e.cameo for e in evs] == ["042", "040"]
    assert all(keys(e)[0] == {"RUS"} for e in evs)
    assert keys(evs[1])[1] == {"IRN"}


def test_goldstein_and_confidence(nlp):
    (ev,) = run(nlp, "Russia attacked Ukraine.")
    assert ev.goldstein == -10 and 0 < ev.confidence <= 1
