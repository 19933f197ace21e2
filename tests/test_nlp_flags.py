"""The entity ruler's IN-list token tests become lexeme flags (nlp._flag_patterns): the matches must not change."""

import spacy
from spacy.matcher import Matcher

from eventwire.nlp import _flag_patterns

PATTERNS = [
    {"label": "TITLE", "pattern": [{"LOWER": {"IN": ["deputy", "acting"]}, "IS_TITLE": True, "OP": "?"},
                                   {"LOWER": {"IN": ["minister"]}, "IS_TITLE": True},
                                   {"LOWER": {"IN": ["of", "for"]}}, {"LOWER": {"IN": ["defence", "niger"]}, "OP": "+"}]},
    {"label": "NORP", "pattern": [{"LOWER": {"IN": ["anti", "pro"]}}, {"ORTH": "-"}, {"ORTH": {"IN": ["Syrian"]}}]},
    {"label": "ORG", "pattern": "Foreign Ministry"},
]
TEXT = ("Deputy Minister of Defence met the deputy minister of niger, Acting Minister for Niger Defence, "
        "MINISTER OF DEFENCE and an anti-Syrian, Pro-Syrian, pro-syrian and anti-SYRIAN crowd at the Foreign Ministry.")


def _matches(nlp, patterns):
    m = Matcher(nlp.vocab, validate=False)  # (as the ruler is configured: flags are not in the schema)
    for n, p in enumerate(patterns):
        m.add(str(n), [p["pattern"]])
    return sorted(m(nlp(TEXT)))


def test_flagged_patterns_match_the_same_tokens():
    nlp = spacy.blank("en")
    flagged = _flag_patterns(nlp.vocab, PATTERNS)
    assert flagged[2] == PATTERNS[2]  # phrase patterns are left alone
    assert all(isinstance(k, int) for spec in flagged[0]["pattern"] for k in spec if k not in ("IS_TITLE", "OP"))
    plain = spacy.blank("en")  # (words first seen after the flags were added get them too)
    expected = _matches(plain, PATTERNS[:2])
    assert expected  # the text does exercise the patterns
    assert _matches(nlp, flagged[:2]) == expected


def test_same_list_shares_one_flag_and_builtin_flags_are_untouched():
    nlp = spacy.blank("en")
    builtin = set(k for k in nlp.vocab.lex_attr_getters if k < 64)
    pats = [{"label": "A", "pattern": [{"LOWER": {"IN": ["x", "y"]}}]}, {"label": "B", "pattern": [{"LOWER": {"IN": ["y", "x"]}}]}]
    a, b = _flag_patterns(nlp.vocab, pats)
    assert list(a["pattern"][0]) == list(b["pattern"][0])
    assert not builtin & set(a["pattern"][0])
