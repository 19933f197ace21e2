"""Actors the text gives no country: the title's international organisation, the sentence's country (domestic
default), and where the stage must not guess. Sentences written for these tests."""

from __future__ import annotations

import pytest

from test_actors import actor_with_mention


@pytest.mark.parametrize("text, mention, cameo", [
    ("Villagers said they would meet U.N. envoy Marta Oyelaran if she came to the valley.", "Marta Oyelaran", "IGOUNO"),
    ("Arab League Secretary-General Omar Haddadin urged both sides to stop the shelling.", "Omar Haddadin", "IGOARL"),
])
def test_an_international_organisation_in_the_title_wins(pipeline, text, mention, cameo):
    a = actor_with_mention(pipeline.extract(text), mention)
    assert a.country is None and a.cameo == cameo and a.sector == "IGO"


def test_secretary_general_is_not_a_military_rank(pipeline):
    a = actor_with_mention(pipeline.extract("Arab League Secretary General Omar Haddadin flew to Cairo."), "Omar Haddadin")
    assert a.sector != "MIL"


@pytest.mark.parametrize("text, mention, country", [
    # a person with a title but no nationality, beside a domestic actor of one country
    ("A Peruvian court ordered former president Julio Arambide to hand over his passport.", "Julio Arambide", "PER"),
    ("The Malian rebels said they would free Prime Minister Ousmane Kaba on Sunday.", "Ousmane Kaba", "MLI"),
    # an organisation the lexicons do not know, beside a government of one country
    ("Kenyan police raided the offices of the Ufungamano Youth Movement on Tuesday.", "Ufungamano Youth Movement",
     "KEN"),
    # a group of a sector with no nationality: the article's country
    ("Islamist fighters attacked a checkpoint in northern Burkina Faso on Friday.", "Islamist fighters", "BFA"),
])
def test_domestic_default_takes_the_sentence_country(pipeline, text, mention, country):
    a = actor_with_mention(pipeline.extract(text), mention)
    assert a.country == country
    assert a.cameo is None  # inferred, not stated: marked by the absence of a CAMEO code


def test_stated_countries_keep_their_cameo_code(pipeline):
    a = actor_with_mention(pipeline.extract("A Peruvian court ordered the arrest of the mayor."), "Peruvian court")
    assert a.country == "PER" and a.cameo == "PERJUD"


def test_a_leader_beside_foreign_leaders_is_not_guessed(pipeline):
    rec = pipeline.extract("President Arnaud Delacroix welcomed Ghanaian Foreign Minister Kofi Asante on Monday.")
    a = actor_with_mention(rec, "Arnaud Delacroix")
    assert a.country is None


def test_an_organisation_named_as_international_is_not_made_domestic(pipeline):
    rec = pipeline.extract("The International Water Forum criticised the Egyptian government on Monday.")
    a = actor_with_mention(rec, "International Water Forum")
    assert a.country != "EGY"


def test_a_leader_beside_a_foreign_former_leader_is_not_guessed(pipeline):
    rec = pipeline.extract("President Arnaud Delacroix received former Ghanaian president Kofi Mensah on Monday.")
    assert actor_with_mention(rec, "Arnaud Delacroix").country is None


@pytest.mark.parametrize("text, mention, country", [
    ("Chancellor Helmut Kohl telephoned the mayor of Lyon.", "Helmut Kohl", "DEU"),
    ("Gorbachev said the treaty would be signed.", "Gorbachev", "RUS"),
])
def test_earlier_office_holders_are_known(pipeline, text, mention, country):
    rec = pipeline.extract(text, published="1989-05-01")
    a = actor_with_mention(rec, mention)
    assert a.country == country and a.sector == "GOV"


@pytest.mark.parametrize("text, mention, country, sector", [
    ("Lithuania's central bank raised its rates.", "Lithuania's central bank", "LTU", "GOV"),
    ("Kaunas police station was closed on Monday.", "Kaunas police station", "LTU", "COP"),
    ("Moroccan agricultural workers marched on Monday.", "Moroccan agricultural workers", "MAR", "AGR"),
    ("Togolese opposition supporters marched in Lome.", "Togolese opposition supporters", "TGO", "OPP"),
    ("Sri Lankan Tamils gathered in Jaffna.", "Sri Lankan Tamils", "LKA", "CVL"),
    ("Nigerian Christians prayed in Jos.", "Nigerian Christians", "NGA", "REL"),
])
def test_multiword_sector_phrases(pipeline, text, mention, country, sector):
    a = actor_with_mention(pipeline.extract(text), mention)
    assert (a.country, a.sector) == (country, sector)


def test_a_generic_name_with_another_country_in_front_is_that_country_s_body(pipeline):
    a = actor_with_mention(pipeline.extract("Peru's Defense Department denied the report."), "Defense Department")
    assert a.country == "PER" and a.sector == "GOV"


def test_a_named_organisation_keeps_its_country_after_a_foreign_possessive(pipeline):
    a = actor_with_mention(pipeline.extract("Iran's Hezbollah allies fired rockets."), "Hezbollah")
    assert a.country == "LBN"


def test_an_organisation_named_after_a_user_actor_takes_its_country(tmp_path):
    from eventwire.pipeline import Pipeline

    f = tmp_path / "actors.tsv"
    f.write_text("name\taliases\tcountry\tsector\tcameo\trole\tkind\tstart\tend\n"
                 "Zembla\t\tQZB\t\t\t\t\t\t\n", encoding="utf-8")
    rec = Pipeline(actors=str(f)).extract("The Zembla Ministry of Fisheries closed the harbour on Monday.")
    a = actor_with_mention(rec, "Zembla Ministry of Fisheries")
    assert a.country == "QZB"


@pytest.mark.parametrize("text, mention, country", [
    ("Ethnic Hungarians in northern Serbia asked for their own schools.", "Ethnic Hungarians", "SRB"),
    ("The Hungarians of southern Slovakia asked for their own schools.", "Hungarians", "SVK"),
])
def test_a_people_living_in_another_country_is_a_group_of_that_country(pipeline, text, mention, country):
    a = actor_with_mention(pipeline.extract(text), mention)
    assert a.kind == "group" and a.country == country


def test_nationals_abroad_keep_their_country(pipeline):
    a = actor_with_mention(pipeline.extract("Hungarians in Iraq were evacuated on Friday."), "Hungarians")
    assert a.country == "HUN"


def test_a_group_in_a_city_of_another_country_takes_that_country(pipeline):
    rec = pipeline.extract("A Canadian envoy said the militants in Kandahar had freed two hostages.")
    assert actor_with_mention(rec, "militants in Kandahar").country == "AFG"


def test_a_people_of_a_place_its_own_country_holds_keeps_its_country(pipeline):
    rec = pipeline.extract("Palestinians of the Israeli-occupied West Bank stayed home on Monday.")
    assert actor_with_mention(rec, "Palestinians").country == "PSE"


def test_beside_actors_of_several_countries_the_leading_one_is_taken(pipeline):
    rec = pipeline.extract("Malian soldiers arrested Amadou Kelly near the border, Nigerien police said.")
    assert actor_with_mention(rec, "Amadou Kelly").country == "MLI"


def test_an_organisation_named_by_a_sector_phrase_takes_its_sector(pipeline):
    a = actor_with_mention(pipeline.extract("The Central Bank of Kenya raised its main rate."), "Central Bank of Kenya")
    assert (a.country, a.sector) == ("KEN", "GOV")


def test_a_lexicon_name_with_a_possessive_inside_is_one_actor(pipeline):
    rec = pipeline.extract("The Lord's Resistance Army freed twenty children on Monday.")
    a = actor_with_mention(rec, "Lord's Resistance Army")
    assert (a.country, a.sector) == ("UGA", "REB")


def test_a_modified_subject_without_an_article_is_a_group(pipeline):
    rec = pipeline.extract("Paramilitary organization claims attack on pipeline")
    a = actor_with_mention(rec, "Paramilitary organization")
    assert a.kind == "group" and a.sector == "PRM"


def test_gunmen_of_a_named_group_take_its_sector(pipeline):
    rec = pipeline.extract("Hamas gunmen attacked a checkpoint on Monday.")
    a = actor_with_mention(rec, "Hamas gunmen")
    assert (a.country, a.sector) == ("PSE", "REB")


def test_a_group_for_an_international_organisation_takes_its_code(pipeline):
    rec = pipeline.extract("Kenyan police arrested two men. A spokesman for the United Nations said it was concerned.")
    a = actor_with_mention(rec, "spokesman")
    assert a.country is None and a.cameo == "IGOUNO"


@pytest.mark.parametrize("text, country", [
    # his = a person whose country the sentence gives: the group shares it (inferred, so no CAMEO code)
    ("A Fijian court on Monday summoned Prime Minister Tomasi Vakalo, saying his government had failed.", "FJI"),
    # his = a visiting minister of unknown country: no guess from the host country
    ("Nigeria's president hosted Foreign Minister Jean-Paul Mbeki, who said his government wanted ties.", None),
])
def test_his_government_is_the_government_of_the_person_it_refers_to(pipeline, text, country):
    a = actor_with_mention(pipeline.extract(text), "his government")
    assert a.country == country and a.cameo is None


def test_a_known_name_spelled_one_letter_off_is_that_person(pipeline):
    a = actor_with_mention(pipeline.extract("Helmut Kohll arrived in Paris.", published="1990-05-01"), "Helmut Kohll")
    assert a.country == "DEU"


def test_a_different_first_name_is_not_a_misspelling(pipeline):
    a = actor_with_mention(pipeline.extract("Dieter Kohll arrived in Paris.", published="1990-05-01"), "Dieter Kohll")
    assert a.country != "DEU"


def test_a_group_in_an_article_naming_no_country_takes_its_sentence_country(pipeline):
    rec = pipeline.extract("Rebels rejected an appeal from President Alassane Ouattara on Friday.", published="2015-05-01")
    assert actor_with_mention(rec, "Rebels").country == "CIV"


def test_a_group_conjoined_with_a_national_one_shares_its_country(pipeline):
    # "Bosnian Croat and Moslem armed forces": the Moslem forces are Bosnian too, not of the article's leading country
    rec = pipeline.extract("The United States suspended an aid programme meant to unite Bosnian Croat and Moslem "
                           "armed forces.")
    a = actor_with_mention(rec, "Moslem armed forces")
    assert a.country == "BIH" and a.cameo is None  # inferred: no CAMEO code


@pytest.mark.parametrize("text, mention, country", [
    # an office with no country, in a story filed from a country the story names: that country's (not the
    # country of the sentence's other actors)
    ("LONDON (AP) — Britain on Monday accused China of hacking its electoral commission. Deputy Prime Minister "
     "Halvard Pennick told lawmakers that Chinese hackers had reached the records of 40 million voters.",
     "Halvard Pennick", "GBR"),
    ("KYIV, Ukraine (AP) — Russia struck power plants across Ukraine overnight. Energy Minister Oleksandr Kovalenko said "
     "Russian missiles had hit two plants in the west.", "Oleksandr Kovalenko", "UKR"),
])
def test_an_untold_office_in_a_datelined_story_is_the_datelines_country(pipeline, text, mention, country):
    assert actor_with_mention(pipeline.extract(text, published="2024-03-25"), mention).country == country


def test_a_dateline_the_story_does_not_name_gives_no_country(pipeline):
    # (talks held in Geneva: Switzerland is no party, and the minister is not Swiss)
    text = ("GENEVA (AP) — Iran and the United States held indirect talks on Tuesday. Foreign Minister Kaveh "
            "Tabrizi said Iran wanted the sanctions lifted.")
    assert actor_with_mention(pipeline.extract(text, published="2024-03-25"), "Kaveh Tabrizi").country != "CHE"


def test_civilians_in_a_datelined_story_are_the_datelines_country_before_the_leading_one(pipeline):
    text = ("SEOUL, South Korea (AP) — South Korea and Japan agreed on Tuesday to resume visits by their leaders. "
            "Japan said it would lift export controls, and Japanese officials said Tokyo wanted closer ties. "
            "Hundreds of protesters rallied outside the presidential office.")
    assert actor_with_mention(pipeline.extract(text, published="2023-03-16"), "protesters").country == "KOR"


def test_a_party_known_abroad_is_the_datelines_countrys(pipeline):
    text = ("SEOUL, South Korea (AP) — South Korea's President Yoon Suk Yeol declared martial law late Tuesday. The "
            "opposition Democratic Party said it would file an impeachment motion against Yoon.")
    assert actor_with_mention(pipeline.extract(text, published="2024-12-04"), "Democratic Party").country == "KOR"


def test_an_office_named_before_with_its_country_gives_it_to_its_holder(pipeline):
    # (a visitor in a story filed from the host's capital: not the dateline's country)
    text = ("ADDIS ABABA, Ethiopia (AP) — A delegation led by Somalia's foreign minister arrived in Addis Ababa on "
            "Monday for talks on the port dispute. \"We have come in good faith,\" Foreign Minister Ahmed Moallim Fiqi "
            "told reporters. Ethiopia's foreign ministry welcomed the visit.")
    assert actor_with_mention(pipeline.extract(text, published="2024-03-20"), "Ahmed Moallim Fiqi").country == "SOM"


_HAITI = ("PORT-AU-PRINCE, Haiti (AP) — The first contingent of Kenyan police officers arrived in Haiti on Tuesday to "
          "lead a mission against the gangs that control much of the capital.\n\nKenyan President William Ruto said the "
          "mission would restore order.")


@pytest.mark.parametrize("text, mention, country", [
    # a legislature told by an official is his country's (the sentence's other actors, and the dateline, are India's)
    ("NEW DELHI (AP) — India on Monday expelled a senior Canadian diplomat.\n\nEarlier, Canadian Prime Minister "
     "Justin Trudeau told Parliament that Canada was pursuing allegations linking agents of the Indian government to "
     "the killing.", "Parliament", "CAN"),
    # in a datelined story, criminal gangs and "the capital" are the dateline's country's (not Kenya's, named most)
    (_HAITI, "gangs", "HTI"),
    (_HAITI, "capital", "HTI"),
    # protesters are of those who protested before (not the dateline's Azerbaijan)
    ("BAKU, Azerbaijan (AP) — Armenia and Azerbaijan agreed on Tuesday to return four border villages to Azerbaijan."
     "\n\nResidents of the Armenian villages protested the deal on Wednesday. Police detained several protesters, "
     "the Interior Ministry said.", "several protesters", "ARM"),
    # "the government" in a state body's words is its own (not North Korea's, the country named most)
    ("SEOUL, South Korea (AP) — North Korea sent hundreds of balloons across the border into South Korea overnight, "
     "prompting Seoul to suspend a military agreement with Pyongyang.\n\nSouth Korea's National Security Council "
     "said the government would resume loudspeaker broadcasts along the border. North Korea's leader Kim Jong Un has "
     "called the balloons a response to leaflets sent by activists.", "government", "KOR"),
])
def test_what_the_story_says_of_a_group_gives_its_country(pipeline, text, mention, country):
    assert actor_with_mention(pipeline.extract(text), mention).country == country


def test_the_members_of_a_body_of_an_international_organisation_are_the_organisations(pipeline):
    rec = pipeline.extract("The U.N. atomic watchdog's board of governors on Wednesday passed a resolution censuring "
                           "Iran.")
    gov = actor_with_mention(rec, "governors")
    assert gov.country is None and gov.cameo.startswith("IGO")  # (not Iran's, the country the sentence names)


@pytest.mark.parametrize("text", [
    "Australia called for an independent investigation into the origins of the COVID-19 pandemic.",
    "Guinea declared an end to the Ebola outbreak on Monday.",
])
def test_a_disease_is_no_actor(pipeline, text):
    rec = pipeline.extract(text)
    assert [a.kind for a in rec.actors] == ["country"], [(a.name, a.kind) for a in rec.actors]


@pytest.mark.parametrize("text, mention", [
    ("TBILISI, Georgia (AP) — Georgian Prime Minister Irakli Kobakhidze accused Western governments of interfering "
     "in the country's internal affairs.", "Western governments"),
    ("QUITO, Ecuador (AP) — Ecuadorian police raided the Mexican Embassy on Friday. Several Latin American "
     "governments condemned the raid.", "Several Latin American governments"),
    # the parties to a conflict
    ("SEOUL, South Korea (AP) — North Korea launched a spy satellite on Tuesday. China called for calm and said all "
     "parties should address each other's concerns through dialogue.", "parties"),
])
def test_states_in_the_plural_are_no_one_countrys(pipeline, text, mention):
    a = actor_with_mention(pipeline.extract(text), mention)
    assert a.country is None and not a.cameo  # (not the dateline's)


def test_a_group_counted_anew_is_not_the_one_named_before(pipeline):
    rec = pipeline.extract("German prosecutors have charged three men with spying for China. The arrests came a day "
                           "after Britain charged two men with spying for Beijing.")
    assert actor_with_mention(rec, "two men") is not actor_with_mention(rec, "three men")
    rec = pipeline.extract("Police in Lagos arrested three men on Monday. The three men were charged with murder.")
    assert len(actor_with_mention(rec, "three men").mentions) == 2  # ("the three men": those named before)
