"""Pronouns inside a sentence: a subject pronoun prefers the person named as a subject, an object pronoun is not the
subject of its own clause."""

from __future__ import annotations

from test_actors import actor_with_mention


def _pronoun_owner(rec, text, pronoun):
    at = text.index(pronoun)
    for a in rec.actors:
        if any(m.start == at for m in a.mentions):
            return a.name
    return None


def test_subject_pronoun_takes_the_subject_and_object_pronoun_the_other(pipeline):
    text = ("Kenyan President William Ruto declined to receive Ugandan envoy John Mulimba on Monday, "
            "saying he would meet him later.")
    rec = pipeline.extract(text)
    assert "Ruto" in (_pronoun_owner(rec, text, "he would") or "")
    assert "Mulimba" in (_pronoun_owner(rec, text, "him") or "")


def test_he_can_be_an_unnamed_office_holder(pipeline):
    rec = pipeline.extract("Chile's foreign minister arrived in Lima on Monday. He held talks with Peruvian officials.")
    a = actor_with_mention(rec, "Chile's foreign minister")
    assert any(m.text == "He" for m in a.mentions)


def test_a_plural_office_is_not_he(pipeline):
    rec = pipeline.extract("Chilean ministers arrived in Lima on Monday. He said nothing.")
    assert not any(m.text == "He" for a in rec.actors for m in a.mentions)



def test_a_sentence_opening_on_he_continues_with_the_main_subject_before(pipeline):
    # (the nearest person named before "He" is the counterpart; the sentence before was about the minister)
    text = ("Egypt's foreign minister Sameh Shoukry met his Turkish counterpart Hakan Fidan in Ankara. "
            "He said the two countries would restore full ties.")
    rec = pipeline.extract(text)
    assert "Shoukry" in (_pronoun_owner(rec, text, "He said") or "")
    # (a guard: a person named earlier in the pronoun's own sentence still comes first)
    text = "Hakan Fidan met Sameh Shoukry in Ankara. Shoukry's aide said he would return in May."
    rec = pipeline.extract(text)
    assert "Shoukry" in (_pronoun_owner(rec, text, "he would") or "")


def test_its_troops_are_the_clause_subject_s_own(pipeline):
    # "its" is NATO, the subject of the clause the call hangs on, not Ukraine (named later, as the destination)
    rec = pipeline.extract("NATO rejected calls for its troops to be sent to Ukraine.")
    a = actor_with_mention(rec, "its troops")
    assert a.country is None and a.cameo == "IGOWSTNAT", a


def test_their_citizens_are_the_subject_country_s(pipeline):
    # (not Israel, the country last named before the pronoun)
    rec = pipeline.extract("Israel closed its border on Sunday. Pakistan urged its citizens to leave Israel immediately.")
    assert actor_with_mention(rec, "its citizens").country == "PAK"


def test_its_passes_an_unresolved_it_for_the_body_further_up(pipeline):
    rec = pipeline.extract("Protesters stormed the prime minister's residence in Bangladesh. India said it was "
                           "monitoring the situation and advised its citizens not to travel to Bangladesh.")
    assert actor_with_mention(rec, "its citizens").country == "IND"


def test_its_passes_a_relative_pronoun_for_the_body_further_up(pipeline):
    rec = pipeline.extract("Fighting raged in Gaza. The Israeli military said it had killed several militants who had "
                           "attacked its troops in Khan Younis.")
    assert actor_with_mention(rec, "its troops").country == "ISR"


def test_its_in_an_infinitive_is_the_one_told_to_act(pipeline):
    # "urged Russia to withdraw its troops": Russia withdraws, so "its" is Russia, not NATO
    rec = pipeline.extract("NATO urged Russia to withdraw its troops from Ukraine.")
    assert actor_with_mention(rec, "its troops").country == "RUS"


def test_a_possessive_opening_a_sentence_is_the_person_the_last_one_told_of(pipeline):
    # (the sentence before is about Hasina; the army chief only tells it)
    text = ("Bangladesh's Prime Minister Sheikh Hasina resigned and fled the country on Monday, the army chief said. "
            "Thousands of protesters stormed her official residence in Dhaka.")
    rec = pipeline.extract(text, published="2024-08-06")
    (her,) = [a for a in rec.actors if any(m.text == "her" for m in a.mentions)]
    assert her.name == "Sheikh Hasina" or "Hasina" in her.name, her.name
