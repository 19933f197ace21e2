"""The AttributeRuler's matches found from the doc's columns (``nlp._attribute_rules_on_columns``) are the Matcher's:
the same part-of-speech, morphology and lemma annotations, on the English pipeline's own rules and on rules written
here for each kind of test; a rule with a test it does not read keeps the Matcher."""

import spacy
from spacy.attrs import LEMMA, MORPH, POS

from eventwire.nlp import _attribute_rules_on_columns, model_name

TEXTS = [
    "Niger's junta cancelled its defence agreement with the United States on Saturday.",
    "I ain't gonna sign it, y'all. Let's go. C'mon, nothin' is done.  \n\nThere's a delegation; it is here.",
    "Do you have it? They did, and I didn't. Whether or not they'd come, that one was hers.",
    "\n  The spokesperson said that the U.S. had not responded, though officials met in Niamey.\t",
    "",
]


def _annotations(nlp, texts):
    return [d.to_array([POS, MORPH, LEMMA]).tolist() for d in nlp.pipe(texts)]


def test_the_english_pipelines_rules_give_the_matchers_annotations():
    plain, patched = spacy.load(model_name()), spacy.load(model_name())
    _attribute_rules_on_columns(patched)
    ruler = patched.get_pipe("attribute_ruler")
    assert "match" in vars(ruler)  # (the rules were read: the ruler's own method is replaced)
    assert _annotations(patched, TEXTS) == _annotations(plain, TEXTS)
    for a, b in zip(plain.pipe(TEXTS), patched.pipe(TEXTS), strict=True):
        assert plain.get_pipe("attribute_ruler").match(a) == ruler.match(b)


def _tagged(rules):
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(rules)
    return nlp


RULES = [
    {"patterns": [[{"LOWER": "niger"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"LOWER": {"IN": ["junta", "army"]}}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "niger", ""]}, "IS_SPACE": False}]], "attrs": {"MORPH": "Foo=Bar"}},
    {"patterns": [[{"LOWER": {"REGEX": "^ca?n"}}]], "attrs": {"LEMMA": "cancel"}},
    {"patterns": [[{"LOWER": "united"}, {"LOWER": "states"}]], "attrs": {"POS": "PROPN"}, "index": -1},
    {"patterns": [[{"LOWER": "the"}], [{"LOWER": "its"}]], "attrs": {"POS": "DET"}},  # (two patterns, one rule)
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "its", "niger"]}}]], "attrs": {"POS": "X"}},  # (a test wanting no value)
]


def test_rules_of_each_kind_give_the_matchers_annotations():
    plain, patched = _tagged(RULES), _tagged(RULES)
    _attribute_rules_on_columns(patched)
    assert "match" in vars(patched.get_pipe("attribute_ruler"))
    texts = [*TEXTS, "the the can cane united states united  united states"]
    assert _annotations(patched, texts) == _annotations(plain, texts)


def test_a_rule_with_another_kind_of_test_keeps_the_matcher():
    nlp = _tagged([*RULES, {"patterns": [[{"ORTH": "Niger", "OP": "+"}]], "attrs": {"POS": "PROPN"}}])
    _attribute_rules_on_columns(nlp)
    assert "match" not in vars(nlp.get_pipe("attribute_ruler"))
