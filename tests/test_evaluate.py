"""The scoring rules of ``eventwire eval`` on small hand-made gold/prediction pairs (no model needed)."""

from __future__ import annotations

import json

import pytest

from eventwire import evaluate as ev
from eventwire.errors import InputError
from eventwire.record import Actor, Event, Extractor, Quote, Record, SentenceSpan, Span

EXTRACTOR = Extractor(name="eventwire", version="test", model="none")


def actor(aid, country=None, sector=None, cameo=None, name=None, mentions=()):
    return Actor(id=aid, name=name or aid, kind="organization", country=country, sector=sector, cameo=cameo,
                 mentions=tuple(mentions))


def event(source, target, cameo, plover=None):
    return Event(id=f"e-{cameo}-{'-'.join(source)}", source=tuple(source), target=tuple(target), cameo=cameo,
                 cameo_root=cameo[:2], plover=plover, plover_mode=None, goldstein=0.0, quad_class=1,
                 trigger=Span("x", 0, 1), sentence=SentenceSpan(0, 1))


def record(actors=(), events=(), quotes=(), text="x"):
    return Record(id="r", text=text, extractor=EXTRACTOR, actors=tuple(actors), events=tuple(events),
                  quotes=tuple(quotes))


def item(gold, text="x", scored=True):
    return ev.GoldItem(id="i", text=text, published=None, gold=gold, scored=scored)


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# -- keys ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("code, key", [
    (None, "none"), ("", "none"), ("USAGOV", "USA"), ("JAP", "JPN"), ("ITL", "ITA"), ("UKGGOV", "GBR"),
    ("GER", "DEU"), ("ROM", "ROU"), ("ARNGOV", "ARN"), ("igo", "IGO"), ("---REL", "---"), ("NGA", "NGA"),
])
def test_code_key(code, key):
    assert ev.code_key(code) == key


def test_actor_key_prefers_country_then_cameo_then_org_sector():
    assert ev.actor_key(actor("a", country="USA", cameo="GBRGOV")) == "USA"
    assert ev.actor_key(actor("a", country="JAP")) == "JPN"
    assert ev.actor_key(actor("a", cameo="ARNMIL")) == "ARN"
    assert ev.actor_key(actor("a", sector="IGO")) == "IGO"
    assert ev.actor_key(actor("a", sector="GOV")) == "---"
    assert ev.actor_key(None) == "---"


def test_predicted_tuples_product_none_and_dedup():
    rec = record(actors=[actor("u", "USA"), actor("f", "FRA"), actor("n", "NER")],
                 events=[event(["u", "f"], ["n"], "042", "CONSULT"), event(["u"], [], "010"),
                         event(["u"], ["n"], "042", "CONSULT")])
    assert ev.predicted_tuples(rec, "code") == {("USA", "NER", "042"), ("FRA", "NER", "042"), ("USA", "none", "010")}
    assert ev.predicted_tuples(rec, "root") == {("USA", "NER", "04"), ("FRA", "NER", "04"), ("USA", "none", "01")}
    # CAMEO 01 has no PLOVER type: no PLOVER tuple
    assert ev.predicted_tuples(rec, "plover") == {("USA", "NER", "CONSULT"), ("FRA", "NER", "CONSULT")}


def test_negated_events_give_no_tuple():
    from dataclasses import replace

    rec = record(actors=[actor("r", "RUS"), actor("k", "UKR")],
                 events=[replace(event(["r"], ["k"], "190", "ASSAULT"), negated=True), event(["r"], ["k"], "040")])
    assert ev.predicted_tuples(rec, "code") == {("RUS", "UKR", "040")}


# -- PETRARCH suites ----------------------------------------------------------------------------------------------

def petr(events, **extra):
    return {"id": "t", "text": "x", "expected_events": events, **extra}


def test_petrarch_found_root_extra_and_prf():
    gold = [item(petr([{"source": "ARN", "target": "GON", "code": "064"},
                       {"source": "ARNGOV", "target": None, "code": "111"}]))]
    pred = [record(actors=[actor("a", "ARN"), actor("g", "GON")],
                   events=[event(["a"], ["g"], "064"), event(["a"], [], "112"), event(["g"], ["a"], "190")])]
    m = ev.score_petrarch(gold, pred)
    assert m["gold"] == 2
    assert m["found"] == 50.0           # 064 found, 111 not (112 predicted)
    assert m["found_root"] == 100.0     # 11 root of 112 matches 111's root
    assert m["extra_per_100"] == 200.0  # (ARN,none,112) and (GON,ARN,190), one record
    assert m["precision"] == pytest.approx(33.33)
    assert m["recall"] == 50.0
    assert m["f1"] == pytest.approx(40.0)


def test_petrarch_record_expecting_no_events_counts_every_tuple_extra():
    gold = [item(petr([], expect_no_events=True)), item(petr([{"source": "ARN", "target": "GON", "code": "064"}]))]
    pred = [record(actors=[actor("a", "ARN")], events=[event(["a"], [], "010")]), None]
    m = ev.score_petrarch(gold, pred)
    assert m["extra_per_100"] == 50.0   # one extra over two records
    assert m["found"] == 0.0
    assert m["precision"] == 0.0


def test_petrarch_with_no_predictions_has_no_precision():
    m = ev.score_petrarch([item(petr([{"source": "ARN", "target": "GON", "code": "064"}]))], [None])
    assert m["precision"] is None and m["recall"] == 0.0 and m["extra_per_100"] == 0.0


def test_load_gold_skips_evaluate_false_errors_and_petrarch2_sentence_false(tmp_path):
    recs = [petr([{"source": "A", "target": "B", "code": "010"}], id="keep"),
            petr([{"source": "A", "target": "B", "code": "010"}], id="no-eval", evaluate="false"),
            petr([{"source": "A", "target": "B", "code": "010"}], id="p2", sentence="false"),
            petr([], id="err", gold_status="error", expected_errors=["dateline"]),
            petr([], id="none", expect_no_events=True)]
    gf = ev.load_gold(write_jsonl(tmp_path / "g.jsonl", recs))
    assert gf.format == "petrarch"
    assert [i.id for i in gf.items] == ["keep", "none"]
    assert gf.skipped == 3


# -- PLOVER -------------------------------------------------------------------------------------------------------

def plover_rec(code, sources, targets):
    return {"id": "p", "text": "x", "expected_events": [
        {"source": [{"code": c} for c in sources], "target": [{"code": c} for c in targets], "code": code}]}


def test_plover_old_names_mapped_and_cameo_codes_to_iso():
    gold = [item(plover_rec("DEMAND", ["USA", "JAP"], [])), item(plover_rec("FIGHT", ["SRB"], ["IGO"]))]
    pred = [record(actors=[actor("u", "USA"), actor("j", "JPN")], events=[event(["u", "j"], [], "102", "REQUEST")]),
            record(actors=[actor("s", "SRB"), actor("n", cameo="IGOUNO")],
                   events=[event(["s"], ["n"], "190", "ASSAULT"), event(["s"], ["n"], "112", "ACCUSE")])]
    m = ev.score_plover(gold, pred)
    assert m["gold"] == 3
    assert m["recall"] == 100.0
    assert m["precision"] == 75.0
    assert m["type_found"] == 100.0


def test_gold_tuples_are_the_product_of_sources_and_targets():
    assert ev.plover_gold_tuples(plover_rec("YIELD", ["USA", "GBR"], ["IRQ", "SYR"])) == {
        ("USA", "IRQ", "CONCEDE"), ("USA", "SYR", "CONCEDE"), ("GBR", "IRQ", "CONCEDE"), ("GBR", "SYR", "CONCEDE")}
    assert ev.plover_gold_tuples(plover_rec("INVESTIGATE", [], ["UKG"])) == {("none", "GBR", "ACCUSE")}
    rec = record(actors=[actor("u", "USA"), actor("i", "IRQ"), actor("s", "SYR")],
                 events=[event(["u"], ["i", "s"], "0831", "CONCEDE")])
    assert ev.predicted_tuples(rec, "plover") == {("USA", "IRQ", "CONCEDE"), ("USA", "SYR", "CONCEDE")}


def test_plover_wrong_actor_is_a_miss_but_type_found():
    gold = [item(plover_rec("AGREE", ["HUN"], ["ROU"]))]
    pred = [record(actors=[actor("h", "HUN"), actor("r", "ROM")], events=[event(["r"], ["h"], "057", "AGREE")])]
    m = ev.score_plover(gold, pred)
    assert m["recall"] == 0.0 and m["type_found"] == 100.0


# -- codebook -----------------------------------------------------------------------------------------------------

def test_codebook_root_and_code_accuracy(tmp_path):
    p = tmp_path / "codes.csv"
    p.write_text('"","code","name","example"\n"1","010","Make statement","A said B."\n'
                 '"2","0231","Appeal","C appealed."\n"3","024","x",NA\n"4","190","Fight","D shelled E."\n',
                 encoding="utf-8")
    gf = ev.load_gold(p)
    assert gf.format == "codebook" and len(gf.items) == 3 and gf.skipped == 1
    preds = [record(events=[event([], [], "010")]), record(events=[event([], [], "023")]), None]
    m = ev.score(gf, preds)
    assert m["root_acc"] == pytest.approx(66.67)
    assert m["code_acc"] == pytest.approx(33.33)


def test_codebook_needs_its_columns(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="code and example"):
        ev.load_gold(p)


# -- actor cases --------------------------------------------------------------------------------------------------

def case(expected, method="agent_to_code", text="x"):
    return {"method": method, "args": {"text": text}, "expected": expected}


@pytest.mark.parametrize("expected, pred, right", [
    ({"country": "KAZ", "code_1": "GOV"}, actor("a", "KAZ", "GOV"), True),
    ({"country": "KAZ", "code_1": "GOV"}, actor("a", "KAZ", "MIL"), False),
    ({"country": "KAZ", "code_1": "GOV"}, actor("a", "RUS", "GOV"), False),
    ({"country": "KAZ", "code_1": ""}, actor("a", "KAZ", "GOV"), True),       # blank sector: not given
    ({"country": "", "code_1": "COP"}, actor("a", None, "COP"), True),        # blank country: no state country
    ({"country": "", "code_1": "COP"}, actor("a", "USA", "COP"), False),
    ({"country": "IGO"}, actor("a", cameo="IGOUNO"), True),
    ({"country": "UNO"}, actor("a", cameo="IGOUNO"), True),
    ({"country": "JPN"}, actor("a", "JAP"), True),
    ({"code_1": {"in": ["PTY", "REB"]}, "country": "LBN"}, actor("a", "LBN", "REB"), True),
    ({"country": {"!=": "GBR"}}, None, True),
    ({"country": {"!=": "GBR"}}, actor("a", "GBR"), False),
    ({"__value__": None}, None, True),
    ({"__value__": None}, actor("a", "USA"), False),
    ({"country": "USA", "code_1": "GOV"}, None, False),
])
def test_agent_to_code_rules(expected, pred, right):
    assert ev.actor_case_right(case(expected), pred) is right


def test_search_nat_and_split_report():
    items = [item(case({"ret0": "GBR"}, "search_nat", "Great Britain"), "Great Britain"),
             item(case({"country": "FRA", "code_1": "GOV"}, text="French President Emmanuel Macron"),
                  "French President Emmanuel Macron"),
             item(case({"country": "FRA", "code_1": "GOV"}, text="Emmanuel Macron"), "Emmanuel Macron"),
             item(case({"country": "JPN"}, text="Japan"), "Japan")]
    preds = [actor("g", "GBR"), actor("m", "FRA", "GOV"), actor("m", "FRA", None), actor("j", "JPN")]
    m = ev.score_actor_cases(items, preds)
    assert m["search_nat"] == 100.0 and m["search_nat_n"] == 1
    assert m["agent_to_code"] == pytest.approx(66.67) and m["agent_to_code_n"] == 3
    assert m["titled"] == 100.0 and m["bare_name"] == 0.0 and m["other"] == 100.0


@pytest.mark.parametrize("text, group", [
    ("Vladimir Putin", "bare_name"), ("Jean-Yves Le Drian", "bare_name"), ("Nawaf Al-Ahmad Al-Jaber Al-Sabah", "bare_name"),
    ("President Kassym-Jomart Tokayev", "titled"), ("Lt. Gen. Muhoozi Kainerugaba", "titled"),
    ("Chile's Ministry of Mines", "titled"), ("World Bank", "titled"), ("South Africa", "titled"),
    ("Kazakhstan", "other"), ("ordinary Kazakhs", "other"), ("The Pentagon", "other"), ("he", "other"),
])
def test_text_group(text, group):
    assert ev.text_group(text) == group


def test_load_gold_actor_cases_scores_only_two_methods(tmp_path):
    recs = [case({"ret0": "GBR"}, "search_nat"), case({"country": "USA"}), case({"title": "X"}, "query_wiki")]
    for n, r in enumerate(recs):
        r["id"] = f"c{n}"
    gf = ev.load_gold(write_jsonl(tmp_path / "a.jsonl", recs))
    assert gf.format == "actors" and len(gf.items) == 2 and gf.skipped == 1


# -- quotes -------------------------------------------------------------------------------------------------------

def quote(text, speaker=None, speaker_text=None, qid="q"):
    return Quote(id=qid, text=text, start=0, end=len(text), direct=True, speaker=speaker, speaker_text=speaker_text)


def test_quote_found_and_attributed():
    rec = {"expected_quotes": [{"speaker": "Burton", "content": '"I love cats!"'},
                               {"speaker": "Burton", "content": '"I absolutely do."'}]}
    pred = record(actors=[actor("b", name="Burton")],
                  quotes=[quote("I love cats!", "b", "Burton"), quote("I absolutely do.", None, None, "q2")])
    assert ev.score_quote_record(rec, pred) == (2, 2, 1, 0)


def test_quote_punctuation_inside_the_marks_counts():
    rec = {"expected_quotes": [{"speaker": "Singh", "content": "“We will win,”"}]}
    assert ev.score_quote_record(rec, record(quotes=[quote("We will win", None, "Singh")]))[1] == 0
    assert ev.score_quote_record(rec, record(quotes=[quote("we  will win, and soon", None, "Sabrina Singh")])) \
        == (1, 1, 1, 0)


def test_quote_content_must_be_contained():
    rec = {"expected_quotes": [{"speaker": "he", "content": "“I couldn’t see how big the group was.”"}]}
    assert ev.score_quote_record(rec, record(quotes=[quote("I couldn't see how big", None, "he")]))[1] == 0
    longer = quote("I couldn't see how big the group was. I thought...", None, "he")
    assert ev.score_quote_record(rec, record(quotes=[longer])) == (1, 1, 1, 0)


def test_quote_speaker_by_mention_or_resolved_name():
    rec = {"expected_quotes": [{"speaker": "he", "content": '"I love cats,"'}],
           "resolved_speakers": ["Terrance Mannery"]}
    mannery = actor("m", name="Terrance Mannery", mentions=[Span("Mannery", 0, 7)])
    pred = record(actors=[mannery], quotes=[quote("I love cats,", "m", "Mannery")])
    assert ev.score_quote_record(rec, pred)[2] == 1
    wrong = record(actors=[actor("x", name="Michelle Turpin")], quotes=[quote("I love cats,", "x", "Turpin")])
    assert ev.score_quote_record(rec, wrong)[2] == 0
    # the pronoun matches the gold text, but the actor it was resolved to is not the resolved speaker
    misresolved = record(actors=[actor("x", name="Robot Fest")], quotes=[quote("I love cats,", "x", "he")])
    assert ev.score_quote_record(rec, misresolved)[2] == 0
    # no actor linked: the speaker text is judged against the gold speaker text
    unlinked = record(quotes=[quote("I love cats,", None, "he")])
    assert ev.score_quote_record(rec, unlinked)[2] == 1


def test_speaker_only_gold_and_extra_quotes():
    rec = {"expected_quotes": [{"speaker": "Richmond police"}]}
    pred = record(quotes=[quote("Detectives are looking into it", None, "Richmond police"),
                          quote("cuties", None, None, "q2")])
    assert ev.score_quote_record(rec, pred) == (1, 1, 1, 1)
    # a speaker-only gold quote needs a predicted quote with that speaker, one predicted quote per gold quote
    two = {"expected_quotes": [{"speaker": "Paul Martin"}, {"speaker": "Paul Martin"}]}
    one = record(quotes=[quote("He is going to hurt somebody", None, "Paul Martin"), quote("x", None, "Rogers")])
    assert ev.score_quote_record(two, one) == (2, 1, 1, 1)
    none_expected = {"expected_quotes": []}
    assert ev.score_quote_record(none_expected, record(quotes=[quote("cuties")])) == (0, 0, 0, 1)


def test_score_quotes_shares():
    items = [item({"expected_quotes": [{"speaker": "A", "content": '"one"'}, {"speaker": "B", "content": '"two"'}]})]
    m = ev.score_quotes(items, [record(quotes=[quote("one", None, "A")])])
    assert m == {"records": 1, "gold": 2, "found": 50.0, "attributed": 50.0, "extra": 0}


# -- formats ------------------------------------------------------------------------------------------------------

def test_detect_format():
    assert ev.detect_format([{"method": "search_nat"}]) == "actors"
    assert ev.detect_format([{"text": "x", "expected_quotes": []}]) == "quotes"
    assert ev.detect_format([{"text": "x", "expected_events": []},
                             {"text": "y", "expected_events": [{"source": [], "target": [], "code": "AGREE"}]}]) == "plover"
    assert ev.detect_format([{"text": "x", "expected_events": [{"source": "A", "target": None, "code": "010"}]}]) \
        == "petrarch"
    assert ev.detect_format([{"text": "x"}]) is None
    assert ev.detect_format([]) is None


def test_load_gold_errors_are_one_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "expected_events": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2: malformed JSON"):
        ev.load_gold(bad)
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        ev.load_gold(tmp_path / "empty.jsonl")
    with pytest.raises(InputError, match="no such file"):
        ev.load_gold(tmp_path / "missing.jsonl")
    with pytest.raises(InputError, match="not a gold file"):
        ev.load_gold(write_jsonl(tmp_path / "other.jsonl", [{"text": "x"}]))


def test_score_checks_prediction_count(tmp_path):
    gf = ev.load_gold(write_jsonl(tmp_path / "q.jsonl", [{"id": "1", "text": "x", "expected_quotes": []}]))
    with pytest.raises(ValueError):
        ev.score(gf, [])


# -- the command --------------------------------------------------------------------------------------------------

def test_cli_help_and_usage_errors(capsys, tmp_path):
    from eventwire.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["eval", "--help"])
    assert exc.value.code == 0
    assert "--actors-for" in capsys.readouterr().out
    assert main(["eval"]) == 2
    assert "no gold files given" in capsys.readouterr().err
    assert main(["eval", str(tmp_path / "missing.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("eventwire: error:") and "no such file" in err and "Traceback" not in err
    assert main(["eval", "x.jsonl", "--actors-for", "nonsense"]) == 2


def test_cli_table_and_json(capsys, tmp_path):
    from eventwire.cli import main
    from eventwire.cli.eval import render_table

    gold = write_jsonl(tmp_path / "q.jsonl", [{"id": "1", "text": 'Burton said, "I love cats!"',
                                               "expected_quotes": [{"speaker": "Burton", "content": '"I love cats!"'}]}])
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"text": "x"}])
    assert main(["eval", str(gold), str(bad), "--json"]) == 1  # one file scored, one refused
    out = json.loads(capsys.readouterr().out)
    assert list(out) == [str(gold)]
    assert out[str(gold)]["format"] == "quotes" and out[str(gold)]["gold"] == 1
    assert {"found", "attributed"} <= set(out[str(gold)])
    table = render_table({"a/x.jsonl": {"format": "quotes", "records": 1, "found": 50.0},
                          "b/y.jsonl": {"format": "petrarch", "records": 10, "extra_per_100": 3.5,
                                        "precision": None}})
    lines = table.splitlines()
    assert lines[0].split() == ["file", "format", "n", "found%", "extra/100", "P"]
    assert lines[1].split() == ["x.jsonl", "quotes", "1", "50.00"]
    assert lines[2].split() == ["y.jsonl", "petrarch", "10", "3.50", "-"]
    assert lines[0].index("format") == lines[1].index("quotes") == lines[2].index("petrarch")  # aligned
