"""The quote-mark scanner (no model needed): pairing, apostrophes, nesting, news conventions, odd marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.quotes import scan_quotes


def contents(text: str) -> list[str]:
    return [text[q.start:q.end] for q in scan_quotes(text)]


def test_curly_and_straight_double_marks():
    assert contents("“We will win,” she said. He replied: \"No.\"") == ["We will win,", "No."]


def test_single_marks_with_apostrophes_inside():
    text = "'We've lost everything,' said Ana Silva, whose family's shop burned. 'It's gone.'"
    assert contents(text) == ["We've lost everything,", "It's gone."]


def test_possessive_apostrophe_is_not_a_quote():
    assert contents("The rebels' commander left. The horses' carrots were gone.") == []
    assert contents("It was the ’90s and rock ’n’ roll was loud.") == []


def test_nested_quotes_stay_inside_the_outer_quote():
    text = "“When they say ‘security operation’, they mean burning villages,” said Aung Kyaw."
    assert contents(text) == ["When they say ‘security operation’, they mean burning villages,"]
    text = "‘The court called it “unlawful”, but we sang,’ he said."
    assert contents(text) == ["The court called it “unlawful”, but we sang,"]


def test_quote_left_open_runs_to_the_end_of_its_paragraph_and_is_linked():
    text = "“First paragraph, still talking.\n“Second paragraph,” Singh said."
    qs = scan_quotes(text)
    assert [text[q.start:q.end] for q in qs] == ["First paragraph, still talking.", "Second paragraph,"]
    assert qs[0].open_end and qs[0].paragraph == 0 and not qs[1].open_end and qs[1].paragraph == 1
    assert qs[0].note


def test_unclosed_quote_without_continuation_is_kept_and_noted():
    text = "The commander said on radio that “the road is open.\nNo one believed him."
    qs = scan_quotes(text)
    assert [text[q.start:q.end] for q in qs] == ["the road is open."]
    assert qs[0].open_end and qs[0].note


def test_mismatched_marks_are_paired():
    assert contents("'AMANDA, you stabbed me,\" a stunned woman told her twin.") == ["AMANDA, you stabbed me,"]
    assert contents("\"We did not fire first,' the army spokesman said.") == ["We did not fire first,"]


def test_stray_closing_mark_does_not_break_earlier_quote():
    assert contents("“Nothing has changed,” a diplomat said. ” The sanctions stay.")[0] == "Nothing has changed,"


def test_closing_mark_without_opening_mark_starts_at_paragraph_start():
    text = "uneasy on Gilmer street\"\nPolice are investigating."
    assert contents(text) == ["uneasy on Gilmer street"]


def test_empty_and_markless_inputs():
    assert scan_quotes("") == []
    assert scan_quotes("\n\n   \n") == []
    assert scan_quotes("No quotes here at all.") == []
    assert scan_quotes('""') == []
    assert scan_quotes("“”") == []


MARKS = "\"'“”‘’«»„‚‹›″′"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(MARKS + "ab ,.\n!?-—") + ["x", "I", "é"]), max_size=80))
def test_scanner_never_raises_and_spans_are_inside_the_text(text):
    for q in scan_quotes(text):
        assert 0 <= q.open <= q.start < q.end <= q.close <= len(text)
        assert text[q.start:q.end].strip() == text[q.start:q.end]
        assert "\n" not in text[q.start:q.end]
