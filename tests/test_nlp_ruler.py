"""The entity ruler keeps its phrase patterns as text (``nlp._keep_pattern_texts``): it still matches them, lists them
and saves them as before."""

import spacy

from eventwire.nlp import _keep_pattern_texts


def _ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    ruler.add_patterns([{"label": "GPE", "pattern": "Niamey"}, {"label": "ORG", "pattern": "African Union"},
                        {"label": "PERSON", "pattern": "Boutros-Ghali", "id": "bbg"},
                        {"label": "GPE", "pattern": [{"LOWER": "niger"}]}])
    return nlp, ruler


def test_phrase_patterns_kept_as_text_match_list_and_save_as_docs_did():
    nlp, ruler = _ruler()
    before = (ruler.patterns, len(ruler), ruler.labels, ruler.ent_ids, ruler.to_bytes())
    _keep_pattern_texts(ruler)
    assert not any(isinstance(p, spacy.tokens.Doc) for ps in ruler.phrase_patterns.values() for p in ps)
    assert (ruler.patterns, len(ruler), ruler.labels, ruler.ent_ids, ruler.to_bytes()) == before
    doc = nlp("The African Union met Boutros-Ghali in Niamey, Niger.")
    assert [(e.text, e.label_) for e in doc.ents] == [("African Union", "ORG"), ("Boutros-Ghali", "PERSON"),
                                                     ("Niamey", "GPE"), ("Niger", "GPE")]
    ruler.add_patterns([{"label": "GPE", "pattern": "Agadez"}])  # (more patterns can still be added)
    assert [e.text for e in nlp("from Agadez").ents] == ["Agadez"]
