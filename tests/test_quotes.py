"""The quote stage on parsed text: cues, speakers, reported speech, actor linkage, the gold tables, never raising."""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire import quotes as quotes_mod
from eventwire.quotes import cue_lexicon, find_quotes
from eventwire.record import Actor, Span
from test_quotes_scoring import Score, load_cases, score_case

HARD = Path(__file__).parent / "data" / "quotes_hard.jsonl"
# Known misses of the hard table, kept visible: (case id, gold content prefix) -> reason.
KNOWN_MISSES = {
    ("hard-long-02", '"The boat had capsized'): "the cue ('described the scene') is in the previous sentence",
    ("hard-ho-24", "“shame”"): "the parser makes 'chanting' an adjective of the quoted word, so no cue governs it",
}


@lru_cache(maxsize=1)
def nlp():
    from eventwire import nlp as nlp_mod

    # one dummy ruler pattern keeps spaCy from warning about an empty EntityRuler (warnings are errors here)
    return nlp_mod.load(None, [{"label": "X_TEST", "pattern": "zzqqxxtest"}], ("quotes-tests",))


def parse(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return nlp()(text)


def person_actors(doc, pronouns: dict[int, str] | None = None) -> tuple[Actor, ...]:
    """Stand-in for the actor stage: one person actor per surname among PERSON entities (no pronoun resolution,
    unless ``pronouns`` maps a char offset of a pronoun to a surname)."""
    by_name: dict[str, list[Span]] = {}
    full: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            key = ent[-1].text
            by_name.setdefault(key, []).append(Span(ent.text, ent.start_char, ent.end_char))
            if len(ent.text) > len(full.get(key, "")):
                full[key] = ent.text
    for off, key in (pronouns or {}).items():
        m = re.match(r"\w+", doc.text[off:])
        if m and key in by_name:
            by_name[key].append(Span(m.group(), off, off + len(m.group())))
    return tuple(Actor(id=f"a{i}", name=full[k], kind="person", mentions=tuple(v))
                 for i, (k, v) in enumerate(by_name.items(), 1))


def names(actors) -> dict[str, str]:
    return {a.id: a.name for a in actors}


def one(text: str, actors=()):
    doc = parse(text)
    return doc, find_quotes(doc, actors)


# -- lexicon --------------------------------------------------------------------------------------------------------

def test_cue_lexicon_loads_verbs_and_phrases():
    lex = cue_lexicon()
    for verb in ("say", "add", "assert", "tell", "warn", "accuse"):
        assert verb in lex.verbs
    assert ("according", "to") in lex.phrases and ("according", "to") in lex.indirect_phrases
    assert ("in", "a", "statement") in lex.phrases
    assert "call" in lex.verbs and "call" not in lex.indirect_verbs


# -- direct quotes ----------------------------------------------------------------------------------------------------

def test_cue_after_quote_keeps_cue_and_lemma_and_text_without_marks():
    doc, qs = one("“The ceasefire is holding,” Colonel Ibrahim Sow added.")
    (q,) = qs
    assert q.direct and q.text == "The ceasefire is holding," and doc.text[q.start:q.end] == q.text
    assert q.cue == "added" and q.cue_lemma == "add" and q.id == "q1"
    assert q.speaker_text in ("Ibrahim Sow", "Colonel Ibrahim Sow")  # with or without the title, as the NER gives it


def test_inverted_and_preceding_cues():
    _, qs = one('"There is no military solution," said Helga Strand, the Norwegian envoy.')
    assert [(q.speaker_text, q.cue_lemma) for q in qs] == [("Helga Strand", "say")]
    _, qs = one("The general told reporters: “We will not withdraw.”")
    assert [(q.speaker_text, q.cue, q.text) for q in qs] == [("The general", "told", "We will not withdraw.")]


@pytest.mark.parametrize("text,speaker,cue", [
    ("“We are ready for elections,” the minister, whom critics have accused of graft, said on Monday.",
     "the minister", "said"),
    ("“The border stays closed,” the general, who has said little since the coup, told reporters.",
     "the general", "told"),
])
def test_cue_in_a_relative_clause_is_not_the_quotes_cue(text, speaker, cue):
    _, qs = one(text)
    assert [(q.speaker_text, q.cue) for q in qs] == [(speaker, cue)]


def test_cue_ending_the_previous_paragraph_with_a_colon():
    _, qs = one("Defence Minister Anita Brandt told parliament:\n“We are short of engineers.”\nThe session ended.")
    assert [(q.text, q.cue) for q in qs] == [("We are short of engineers.", "told")]
    assert qs[0].speaker_text.endswith("Anita Brandt")
    _, qs = one("Defence Minister Anita Brandt spoke to parliament.\n“We are short of engineers.”")
    assert qs == ()  # no cue, no colon: nobody is said to have said it


def test_split_quote_shares_the_speaker():
    _, qs = one("“The north is calm,” Singh said. “The south is not.”")
    assert [(q.text, q.speaker_text) for q in qs] == [("The north is calm,", "Singh"), ("The south is not.", "Singh")]


def test_paragraph_continuation_takes_the_next_paragraphs_speaker():
    text = "“We are short of engineers. We are short of pilots.\n“We cannot fix that in one budget,” Anita Brandt said."
    _, qs = one(text)
    assert [q.speaker_text for q in qs if q.direct] == ["Anita Brandt", "Anita Brandt"]
    assert qs[0].text == "We are short of engineers. We are short of pilots."


def test_split_quote_after_a_dropped_quote_keeps_its_own_speaker():
    # regression: an unattributed quote dropped earlier in the article once shifted the links between quotes
    text = "“A quote nobody claims.”\n“We tried,” Mayor Ana Lind said. “We failed.”\n“Not us,” the governor said."
    _, qs = one(text)
    assert [(q.text, (q.speaker_text or "").replace("Mayor ", "")) for q in qs] == [
        ("We tried,", "Ana Lind"), ("We failed.", "Ana Lind"), ("Not us,", "the governor")]


def test_fuzz_regression_text_does_not_raise():
    text = ("according added , asked added( “ ’ \n\n he “ ,\nasked …\n\" a\nthe (»said\nof accordingread minister "
            "that ' — It’s \n\n\na It’saccording Singhto :accused\nof\nministerIt’s « win ‘ ? ' ")
    doc = parse(text)
    for q in quotes_mod._find_quotes(doc, ()):
        assert doc.text[q.start:q.end] == q.text


def test_partial_quote_inside_a_cue_clause_is_a_quote():
    _, qs = one("Finance Minister Tomas Novak said the deal was “the best we could get” given the debt.")
    direct = [q for q in qs if q.direct]
    assert [(q.text, q.cue_lemma) for q in direct] == [("the best we could get", "say")]
    assert direct[0].speaker_text.endswith("Tomas Novak")


@pytest.mark.parametrize("text", [
    "The so-called “peace dividend” never reached the villages.",
    "The documentary “Children of the Delta” was screened in Lagos.",
    "Burton claims that his favourite book is \"One Hundred Years of Solitude\".",
    "Analysts believe the ‘reset’ with Moscow has ended.",
    "The so-called “moderate rebels” were armed by Ankara, officials said.",
    "Officials said the raid, code-named “Operation Dawn”, was a success.",
])
def test_scare_quotes_and_titles_are_not_direct_quotes(text):
    _, qs = one(text)
    assert [q for q in qs if q.direct] == []


@pytest.mark.parametrize("text,speaker", [
    ("“We are here to train the army,” one of the instructors told the broadcaster.", "one of the instructors"),
    ("“Yes,” said the chief. “No,” replied his deputy.", "his deputy"),
])
def test_speaker_phrases(text, speaker):
    _, qs = one(text)
    assert qs[-1].speaker_text == speaker


def test_one_capitalised_word_in_quote_marks_is_a_name_not_a_quote():
    _, qs = one("The minister appeared on the BBC’s “Newsnight” programme and told the presenter that the figures "
                "were wrong.")
    assert [(q.direct, q.text, q.cue) for q in qs] == [(False, "the figures were wrong", "told")]


def test_statement_read_by_a_spokesperson_keeps_the_person():
    _, qs = one("The ministry's statement, read on television by spokesman Kofi Mensah, said the curfew would stay.")
    assert qs and qs[0].speaker_text == "Kofi Mensah" and not qs[0].direct


# -- reported speech --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,speaker,cue,content", [
    ("The United Nations warned on Monday that famine was imminent in Sudan.", "The United Nations", "warned",
     "famine was imminent in Sudan"),
    ("Abdramane accused US officials of not following diplomatic protocol.", "Abdramane", "accused",
     "US officials of not following diplomatic protocol"),
    ("According to the health ministry, at least 230 people have died.", "the health ministry", "According to",
     "at least 230 people have died"),
    ("The strike was the largest since 2019, union officials said.", "union officials", "said",
     "The strike was the largest since 2019"),
])
def test_reported_speech(text, speaker, cue, content):
    _, qs = one(text)
    assert [(q.direct, q.speaker_text, q.cue, q.text) for q in qs] == [(False, speaker, cue, content)]


def test_dateline_is_not_the_speaker_and_that_clause_on_a_noun_is_reported():
    _, qs = one("KYIV, May 3 (Reuters) - Ukraine's air force said on Friday it had shot down 24 of 26 drones.")
    assert [(q.speaker_text, q.cue) for q in qs] == [("Ukraine's air force", "said")]
    _, qs = one("The Institute for the Study of War said in a report that Russian forces were likely to attack.")
    assert [(q.direct, q.text) for q in qs] == [(False, "Russian forces were likely to attack")]


def test_a_said_with_no_clause_is_not_reported_speech():
    _, qs = one("The minister said nothing on Monday.")
    assert qs == ()


# -- actors ---------------------------------------------------------------------------------------------------------

def test_speaker_links_to_the_actor_whose_mention_overlaps():
    doc = parse("Pentagon spokesperson Sabrina Singh said the talks were “direct and frank.”")
    actors = person_actors(doc)
    qs = find_quotes(doc, actors)
    assert qs and all(names(actors).get(q.speaker) == "Sabrina Singh" for q in qs)


def test_resolved_pronoun_mention_wins_and_unresolved_pronoun_falls_back_to_last_person():
    text = "Amadou Abdramane spoke on television. Molly Phee did not. Abdramane said more.\nHe added that “the talks failed.”"
    doc = parse(text)
    he = text.index("He added")
    unresolved = person_actors(doc)
    qs = [q for q in find_quotes(doc, unresolved) if q.direct]
    assert qs[0].speaker_text == "He" and names(unresolved)[qs[0].speaker] == "Amadou Abdramane"
    resolved = person_actors(doc, {he: "Phee"})  # pretend the actor stage resolved "He" to someone else
    qs = [q for q in find_quotes(doc, resolved) if q.direct]
    assert names(resolved)[qs[0].speaker] == "Molly Phee"


def test_surname_links_to_the_one_person_actor_with_that_name_when_no_mention_covers_it():
    doc = parse("“Then a man came out of the restaurant,” Rogers added.")
    actors = (Actor(id="a1", name="Ross Rogers", kind="person", mentions=(Span("Ross Rogers", 900, 911),)),)
    (q,) = find_quotes(doc, actors)
    assert q.speaker == "a1" and q.speaker_text == "Rogers"


def test_no_actors_means_no_speaker_id_but_speaker_text_kept():
    _, qs = one("“We will not back down,” he said.")
    assert [(q.speaker, q.speaker_text) for q in qs] == [(None, "he")]


# -- gold tables ------------------------------------------------------------------------------------------------------

def _hard_params():
    out = []
    for case in load_cases(HARD):
        for g in case["expected_quotes"]:
            reason = next((r for (cid, pre), r in KNOWN_MISSES.items()
                           if cid == case["id"] and g["content"].startswith(pre)), None)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(case, g, marks=marks, id=f"{case['id']}:{g['content'][:24]}"))
        if not case["expected_quotes"]:
            out.append(pytest.param(case, None, id=f"{case['id']}:none"))
    return out


def test_hard_table_has_at_least_40_cases_in_the_gold_format():
    cases = load_cases(HARD)
    assert len(cases) >= 40 and len({c["id"] for c in cases}) == len(cases)
    for c in cases:
        assert set(c) >= {"id", "text", "expected_quotes"}
        for g in c["expected_quotes"]:
            assert set(g) >= {"speaker", "cue", "content"}
            assert g["content"].strip("\"'“”‘’") in c["text"]


@pytest.mark.parametrize("case,gold", _hard_params())
def test_hard_case(case, gold):
    doc = parse(case["text"])
    qs = find_quotes(doc, ())
    for q in qs:
        assert doc.text[q.start:q.end] == q.text
    if gold is None:
        assert [q for q in qs if q.direct] == [], "a scare quote or title was taken for a quote"
        return
    s = Score()
    score_case({"id": case["id"], "expected_quotes": [gold]}, qs, {}, s)
    assert s.found == 1, f"not found: {gold['content']!r} in {[q.text for q in qs]}"
    assert s.attributed == 1, f"wrong speaker for {gold['content']!r}: {[(q.text, q.speaker_text) for q in qs]}"


def _extract_quietly(request, text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        pipe = request.getfixturevalue("pipeline")
        try:
            return pipe.extract(text)
        except Exception as exc:  # e.g. a Spanish case: the pipeline refuses other languages
            return exc


def _score_file(request, path: Path) -> tuple[Score, Score]:
    """Found/attributed on a gold file through the full pipeline (actor names count as the speaker)."""
    every, held_out = Score(), Score()
    for case in load_cases(path):
        rec = _extract_quietly(request, case["text"])
        quotes, actor_names = ((), {}) if isinstance(rec, Exception) else (rec.quotes, {a.id: a.name for a in rec.actors})
        score_case(case, quotes, actor_names, every)
        if case["id"].startswith("hard-ho-"):
            score_case(case, quotes, actor_names, held_out)
    return every, held_out


def test_hard_table_figures(request):
    s, held_out = _score_file(request, HARD)
    print("\nquotes_hard.jsonl:", s.line(), "| held-out subset:", held_out.line(), "| misses:", s.misses)
    assert s.gold >= 100 and s.found >= s.gold - len(KNOWN_MISSES) and s.attributed >= s.gold - len(KNOWN_MISSES)


def test_shared_quote_attribution_cases(request, shared_dir):
    s, _ = _score_file(request, shared_dir / "eval" / "quote_attribution_cases.jsonl")
    print("\nquote_attribution_cases.jsonl:", s.line(), "| misses:", s.misses)
    # floors: the two Spanish cases are out of scope (English pipeline); "Burton Nick" is a token list, not a name
    assert s.gold == 18 and s.found >= 16 and s.attributed >= 15


def test_resolved_pronoun_speakers(request, shared_dir):
    """Cases with `resolved_speakers`: the quote's actor (through the actor stage) is the person meant."""
    total = right = 0
    for path in (HARD, shared_dir / "eval" / "quote_attribution_cases.jsonl"):
        for case in load_cases(path):
            if "resolved_speakers" not in case:
                continue
            rec = _extract_quietly(request, case["text"])
            names_ = {a.id: a.name.lower() for a in rec.actors}
            for gold, want in zip(case["expected_quotes"], case["resolved_speakers"], strict=True):
                total += 1
                content = " ".join(gold["content"].strip("\"'“”‘’ ").split()).lower()
                hits = [q for q in rec.quotes if content in " ".join(q.text.split()).lower()]
                right += any(want.lower() in names_.get(q.speaker, "") for q in hits)
    print(f"\nresolved speakers: {right} of {total}")
    assert total >= 20 and right >= total - 2


def test_founding_article_must_quotes(founding):
    doc = parse(founding["text"])
    actors = person_actors(doc)
    qs = find_quotes(doc, actors)
    by_name = names(actors)
    for must in founding["expected"]["quotes"]["must"]:
        hits = [q for q in qs if q.direct and q.text.startswith(must["starts_with"])]
        assert hits, f"missing quote {must['starts_with']!r}"
        assert by_name.get(hits[0].speaker) == must["speaker"], (must, hits[0])
    he = [q for q in qs if q.text.startswith("intention of the American delegation")][0]
    assert he.speaker_text == "He" and he.cue == "added" and he.cue_lemma == "add"


def test_founding_record_from_the_pipeline(request, founding):
    """The real pipeline (actor stage included): every must quote with its speaker's actor."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # an empty gazetteer ruler warns until the geo stage lands
        rec = request.getfixturevalue("founding_record")
    if not rec.actors:
        pytest.skip("the actor stage gives no actors yet")
    for must in founding["expected"]["quotes"]["must"]:
        hits = [q for q in rec.quotes if q.direct and q.text.startswith(must["starts_with"])]
        assert hits, f"missing quote {must['starts_with']!r}"
        actor = rec.actor(hits[0].speaker)
        assert actor is not None and actor.name == must["speaker"], (must, hits[0])


# -- never raises -----------------------------------------------------------------------------------------------------

WORDS = ["said", "he", "She", "Singh", "told", "according", "to", "that", "added", "the", "minister", "“", "”", "\"",
         "'", "‘", "’", "«", "»", ",", ".", ":", "\n", "\n\n", "We", "will", "win", "accused", "of", "in", "a",
         "statement", "It’s", "don't", "—", "(", ")", "…", "?"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(["", " ", " ", "\n"])), max_size=40))
def test_never_raises_and_offsets_hold(parts):
    text = "".join(w + sep for w, sep in parts)
    doc = parse(text)
    # the inner function, not the guarded one: a bug must show up here, not be swallowed
    qs = quotes_mod._find_quotes(doc, person_actors(doc))
    assert [q.id for q in qs] == [f"q{i}" for i in range(1, len(qs) + 1)]
    for q in qs:
        assert doc.text[q.start:q.end] == q.text and q.text
        assert q.cue is None or q.cue_lemma is not None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=120))
def test_never_raises_on_arbitrary_text(text):
    doc = parse(text)
    for q in quotes_mod._find_quotes(doc, ()):
        assert doc.text[q.start:q.end] == q.text


def test_he_said_after_a_quotation_is_not_a_person_the_quotation_names(pipeline):
    rec = pipeline.extract('Defense Minister Mariusz Blaszczak said Belarusian forces had helped migrants cut through '
                           'the barrier. "This is a hybrid attack organized by the regime of Alexander Lukashenko," '
                           'he said.')
    (q,) = [q for q in rec.quotes if q.text.startswith("This is")]
    assert rec.actor(q.speaker).name == "Mariusz Blaszczak"
