"""Unit tables for the actor stage: general rules, the user actor file, and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors import load_lexicon, read_actor_file
from eventwire.errors import LexiconError
from eventwire.pipeline import Pipeline


def actor_named(rec, name):
    for a in rec.actors:
        if a.name.lower() == name.lower():
            return a
    raise AssertionError(f"no actor {name!r} in {[a.name for a in rec.actors]}")


def actor_with_mention(rec, text):
    for a in rec.actors:
        if any(m.text == text for m in a.mentions):
            return a
    raise AssertionError(f"no actor with mention {text!r} in {[(a.name, [m.text for m in a.mentions]) for a in rec.actors]}")


@pytest.mark.parametrize("text, mention, country, sector", [
    ("American soldiers opened fire near the border.", "American soldiers", "USA", "MIL"),
    ("Ukrainian farmers blocked the roads on Monday.", "Ukrainian farmers", "UKR", "AGR"),
    ("Niger's army said it had repelled the attack.", "Niger's army", "NER", "MIL"),
    ("The government of Chad closed the border.", "government of Chad", "TCD", "GOV"),
    ("Senior Russian military officials arrived in Bamako.", "Senior Russian military officials", "RUS", "MIL"),
    ("French police arrested three men.", "French police", "FRA", "COP"),
    ("Chinese carmakers criticised the tariffs.", "Chinese carmakers", "CHN", "BUS"),
    ("Russian oil producers cut exports.", "Russian oil producers", "RUS", "BUS"),
])
def test_groups_get_country_and_sector(pipeline, text, mention, country, sector):
    rec = pipeline.extract(text)
    a = actor_with_mention(rec, mention)
    assert (a.country, a.sector) == (country, sector)
    assert a.cameo == country + sector


@pytest.mark.parametrize("text, mention, iso", [
    ("Niamey said the agreement was illegal.", "Niamey", "NER"),
    ("Moscow denied the report.", "Moscow", "RUS"),
    ("Iranian officials welcomed the delegation.", "Iranian", "IRN"),
    ("The U.S. imposed new sanctions.", "U.S.", "USA"),
])
def test_capitals_and_demonyms_link_to_the_country(pipeline, text, mention, iso):
    rec = pipeline.extract(text)
    a = actor_with_mention(rec, mention)
    assert a.kind == "country" and a.country == iso and a.cameo == iso


def test_title_role_country_partial_name_and_pronoun(pipeline):
    rec = pipeline.extract("Kenyan Foreign Minister Musalia Mudavadi met his Ethiopian counterpart on Monday. "
                           "Mudavadi said talks would continue. He added that Nairobi wanted peace.")
    a = actor_named(rec, "Musalia Mudavadi")
    assert a.country == "KEN" and a.sector == "GOV" and "Foreign Minister" in (a.role or "")
    texts = [m.text for m in a.mentions]
    assert "Mudavadi" in texts and "He" in texts


@pytest.mark.parametrize("text, name, sector, cameo", [
    # a civil office in the defence department: military, and government in CAMEO's code
    ("Colombian Defence Minister Rafael Ortiz said troops would be sent.", "Rafael Ortiz", "MIL", "COLGOVMIL"),
    ("Kenyan Deputy Minister of Defence Colonel John Mwangi inspected the base.", "John Mwangi", "MIL", "KENGOVMIL"),
    # a rank or a military institution alone stays military
    ("Kenyan army spokesman Colonel John Mwangi said the base was attacked.", "John Mwangi", "MIL", "KENMIL"),
    ("Kenyan General John Mwangi said the base was attacked.", "John Mwangi", "MIL", "KENMIL"),
])
def test_defence_department_offices_are_military_government(pipeline, text, name, sector, cameo):
    a = actor_named(pipeline.extract(text), name)
    assert (a.sector, a.cameo) == (sector, cameo)


def test_a_stated_international_office_outranks_the_lexicons_national_one(pipeline):
    # the bundled lexicon knows Stoltenberg, undated, as Norway's finance minister (2025-)
    a = actor_named(pipeline.extract("NATO Secretary-General Jens Stoltenberg urged allies to send more air defence "
                                     "systems to Ukraine."), "Jens Stoltenberg")
    assert (a.country, a.sector, a.cameo) == (None, "IGO", "IGOWSTNAT")


def test_the_body_an_envoy_is_posted_to_is_not_their_sector(pipeline):
    a = actor_named(pipeline.extract("Kenya's ambassador to the UN, Martin Kimani, condemned the invasion."),
                    "Martin Kimani")
    assert (a.country, a.sector) == ("KEN", "GOV")


def test_apposition_after_the_name(pipeline):
    rec = pipeline.extract("Annalena Baerbock, Germany's foreign minister, visited Kyiv on Tuesday.")
    a = actor_named(rec, "Annalena Baerbock")
    assert a.country == "DEU" and "foreign minister" in (a.role or "").lower()


def test_acronym_in_parentheses_is_an_alias(pipeline):
    rec = pipeline.extract("The Economic Community of West African States (ECOWAS) lifted sanctions. "
                           "ECOWAS said the decision was final.")
    a = actor_with_mention(rec, "ECOWAS")
    assert len([m for m in a.mentions if m.text == "ECOWAS"]) == 2


def test_demonym_does_not_cut_into_an_organisation(pipeline):
    rec = pipeline.extract("Staff from the American Department of Defense left the base.")
    ents = [(e.text, e.label, e.country) for e in rec.entities]
    assert any(t.endswith("American Department of Defense") and lab == "ORG" and c == "USA" for t, lab, c in ents)


USER_TSV = """# test actors
name\taliases\tcountry\tsector\tcameo\trole\tkind\tstart\tend
Zorvan Keltis\tKeltis\tARN\tGOV\tARNGOV\tPresident of Arnor\tperson\t2020-01-01\t2022-12-31
Grey Company\tRangers\tARN\tMIL\t\t\torganization\t\t
"""


def test_user_actor_file_is_used_with_dates(tmp_path: Path):
    f = tmp_path / "actors.tsv"
    f.write_text(USER_TSV, encoding="utf-8")
    pipe = Pipeline(actors=f)
    rec = pipe.extract("Zorvan Keltis praised the Grey Company on Friday.", published="2021-06-01")
    k = actor_named(rec, "Zorvan Keltis")
    assert (k.country, k.sector, k.cameo, k.role) == ("ARN", "GOV", "ARNGOV", "President of Arnor")
    g = actor_named(rec, "Grey Company")
    assert (g.country, g.sector, g.cameo) == ("ARN", "MIL", "ARNMIL")
    later = pipe.extract("Zorvan Keltis praised the Grey Company on Friday.", published="2024-06-01")
    k2 = actor_named(later, "Zorvan Keltis")
    assert k2.country == "ARN" and k2.role is None and k2.sector == "ELI"


def test_user_actor_json(tmp_path: Path):
    f = tmp_path / "actors.json"
    f.write_text('[{"name": "Grey Company", "aliases": ["Rangers"], "country": "ARN", "sector": "MIL"}]')
    entries = read_actor_file(f)
    assert entries[0].aliases == ("Rangers",) and entries[0].country == "ARN"
    assert load_lexicon(f).find("the rangers").name == "Grey Company"


@pytest.mark.parametrize("content, needle", [
    ("name\tcolour\nX\tred\n", "unknown column"),
    ("name\tcountry\nX\tArnor\n", "3-letter code"),
    ("name\tstart\nX\t2020-13-01\n", "bad date"),
    ("name\tkind\nX\tplanet\n", "kind"),
    ("name\tstart\tend\nX\t2021-01-01\t2020-01-01\n", "after end"),
    ("country\nNER\n", "header must name"),
])
def test_malformed_actor_files_name_file_and_line(tmp_path: Path, content, needle):
    f = tmp_path / "bad.tsv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as exc:
        read_actor_file(f)
    assert needle in str(exc.value) and str(f) in str(exc.value)


def test_an_undated_text_reads_a_person_in_their_latest_office():
    import datetime as dt

    from eventwire.actors import LexEntry, Lexicon
    old = LexEntry(name="Ana Test", aliases=(), country="PRT", sector="GOV", cameo="PRTGOV", role="Prime Minister",
                   kind="person", start=dt.date(1995, 1, 1), end=dt.date(2002, 1, 1), source="test")
    new = LexEntry(name="Ana Test", aliases=(), country=None, sector="IGO", cameo="IGOUNO", role="UN Secretary-General",
                   kind="person", start=dt.date(2017, 1, 1), end=None, source="test")
    lex = Lexicon(entries=[old, new])
    assert lex.find("Ana Test").cameo == "IGOUNO"
    assert lex.find("Ana Test", dt.date(2000, 6, 1)).cameo == "PRTGOV"


@pytest.mark.parametrize("text, mention, iso", [
    ("Niger revoked the licence of French nuclear fuel producer Orano.", "Orano", "FRA"),
    ("India banned Chinese video app TikTok in 2020.", "TikTok", "CHN"),
])
def test_a_descriptor_in_front_of_a_name_gives_its_country(pipeline, text, mention, iso):
    assert actor_with_mention(pipeline.extract(text), mention).country == iso


def test_two_bodies_of_one_state_are_two_actors(pipeline):
    rec = pipeline.extract("Japan's defence ministry said the drills were routine. Japan's foreign ministry protested "
                           "to Beijing. The defence ministry later released photographs.")
    defence, foreign = actor_with_mention(rec, "Japan's defence ministry"), actor_with_mention(rec, "Japan's foreign ministry")
    assert defence.id != foreign.id and defence.country == foreign.country == "JPN"
    # a later definite mention still joins the body it names by its head ("the defence ministry")
    assert actor_with_mention(rec, "defence ministry").id in (defence.id, foreign.id)


@pytest.mark.parametrize("text, name, iso", [
    # a title only one country's government has gives the holder that country
    ("Assistant Secretary of State for African Affairs Molly Phee met Niger's prime minister in Niamey.",
     "Molly Phee", "USA"),
    ("Assistant Secretary of Defense Jane Smith met Japanese officials in Tokyo.", "Jane Smith", "USA"),
    # the longest title listed wins: a British secretary of state named by portfolio
    ("Secretary of State for Scotland Ian Murray met Norwegian officials in Oslo.", "Ian Murray", "GBR"),
    # a country named in the title itself wins over the table
    ("Polish Defense Secretary Jan Nowak met NATO officials.", "Jan Nowak", "POL"),
])
def test_a_title_of_one_countrys_government_gives_its_country(pipeline, text, name, iso):
    a = actor_with_mention(pipeline.extract(text), name)
    assert a.country == iso


def test_the_national_titles_table_is_read_as_words():
    lex = load_lexicon()
    assert lex.national_titles[("under", "secretary", "of", "state")] == "USA"
    assert lex.national_titles[("chancellor", "of", "the", "exchequer")] == "GBR"


def test_the_capital_alone_is_the_leading_countrys(pipeline):
    rec = pipeline.extract("Burkina Faso's junta has turned to Russia for security assistance. Russian military "
                           "instructors arrived in the capital in January.")
    assert actor_with_mention(rec, "capital").country == "BFA"


@pytest.mark.parametrize("text", [
    # qualified, it is the named country's; as the clause subject's object, not the subject's own
    "Burkina Faso's junta met Afghan envoys. A bomb hit the Afghan capital.",
    "Russian troops shelled the capital.",
])
def test_a_qualified_capital_or_the_subjects_own_is_not_the_leading_countrys(pipeline, text):
    rec = pipeline.extract(text)
    assert not any(m.text == "capital" for a in rec.actors if a.country in ("BFA", "RUS") for m in a.mentions)


def test_their_is_not_one_country_named_alone_but_the_parties_further_up(pipeline):
    rec = pipeline.extract("Ethiopia and Somalia agreed to resume talks after Turkey brokered a meeting between "
                           "their foreign ministers in Ankara.")
    assert actor_with_mention(rec, "their foreign ministers").country in ("ETH", "SOM")


def test_a_possessed_group_is_not_of_the_place_it_is_in(pipeline):
    rec = pipeline.extract("Israel has strengthened its forces in Lebanon after rocket fire last week.")
    assert actor_with_mention(rec, "its forces").country == "ISR"


def test_a_possessor_in_front_of_a_title_is_part_of_the_role(pipeline):
    rec = pipeline.extract("Indian troops withdrew from the border. China's foreign ministry spokesman Lin Jian "
                           "confirmed the withdrawal.")
    a = actor_with_mention(rec, "Lin Jian")
    assert a.country == "CHN" and a.role == "China's foreign ministry spokesman"


@pytest.mark.parametrize("text, mention, iso", [
    ("North Korea fired missiles into the sea. South Korea said the North had fired eight missiles.", "North", "PRK"),
    ("Sudan and South Sudan agreed to reopen the border. The South will export oil through Port Sudan.",
     "South", "SSD"),
])
def test_the_north_or_the_south_is_the_one_country_of_that_name(pipeline, text, mention, iso):
    assert actor_with_mention(pipeline.extract(text), mention).country == iso


def test_the_first_word_of_a_name_is_no_half(pipeline):
    rec = pipeline.extract("North Korea fired missiles. China's navy patrolled the South China Sea near the North "
                           "Pacific.")
    assert not any(m.text in ("North", "South") for a in rec.actors for m in a.mentions)


def test_its_mission_is_its_clause_subjects_not_the_nearest_states(pipeline):
    rec = pipeline.extract("Iran launched dozens of drones at Israel in retaliation for a suspected Israeli strike on "
                           "its consulate in Syria.")
    assert actor_with_mention(rec, "its consulate").country == "IRN"


@pytest.mark.parametrize("text, name, iso", [
    # a body the lexicon knows in one country, placed "in" another's city, is that country's body of the name
    ("The Joint Chiefs of Staff in Seoul said North Korea fired two ballistic missiles.", "Joint Chiefs of Staff",
     "KOR"),
    # (not when the place is in the lexicon's own country)
    ("The Pentagon in Washington said Iran had attacked a US base.", "Pentagon", "USA"),
    # (nor for a name only one body bears: the place is where the act happens)
    ("Sudan's army held talks with the Rapid Support Forces in Jeddah.", "Rapid Support Forces", "SDN"),
    # a possessor's country names the body of a name many countries' bodies bear
    ("South Korea's Joint Chiefs of Staff said North Korea fired a missile.", "Joint Chiefs of Staff", "KOR"),
])
def test_a_lexicon_body_placed_in_another_country_is_that_countrys(pipeline, text, name, iso):
    assert actor_with_mention(pipeline.extract(text), name).country == iso


@pytest.mark.parametrize("text, name, cameo", [
    # a capitalised word that ends an organisation's name named before is that organisation
    ("The International Criminal Court issued a warrant for Putin. The Court said he was responsible for the "
     "deportation of children.", "Court", "IGOICC"),
    ("The Security Council met on Monday. The Council urged Israel to allow aid into Gaza.", "Council", "IGOUNO"),
])
def test_the_end_of_an_organisations_name_is_that_organisation(pipeline, text, name, cameo):
    rec = pipeline.extract(text)
    (a,) = [a for a in rec.actors if any(m.text == name for m in a.mentions)]
    assert a.cameo == cameo, (a.name, a.cameo, a.country)


def test_a_quantified_group_is_no_group_named_before(pipeline):
    rec = pipeline.extract("Prime Minister Sheikh Hasina resigned on Monday. Protesters set fire to the headquarters "
                           "of her party. The United States urged all parties to refrain from further violence.")
    (parties,) = [a for a in rec.actors if any(m.text == "parties" for m in a.mentions)]
    assert not any(m.text == "her party" for m in parties.mentions), parties.name


def test_his_country_is_the_possessors_before_the_storys(pipeline):
    rec = pipeline.extract("The European Union agreed new sanctions against Russia. Hungarian Prime Minister Viktor "
                           "Orban had blocked the package for weeks, demanding guarantees for his country's energy "
                           "supplies.")
    (country,) = [a for a in rec.actors if any(m.text == "country" for m in a.mentions)]
    assert country.country == "HUN", country.name


def test_a_title_alias_followed_by_the_rest_of_the_name_is_one_mention(pipeline):
    rec = pipeline.extract("Indian Prime Minister Narendra Modi and Chinese President Xi Jinping met on the sidelines "
                           "of a BRICS summit in Russia last week.")
    xi = actor_with_mention(rec, "President Xi Jinping")
    assert xi.country == "CHN"
    (met,) = [e for e in rec.events if e.trigger.text == "met"]
    assert {rec.actor(x).country for x in met.source} == {"IND", "CHN"}  # (both leaders met, not Modi alone)
