"""Language identification: English news sentences are English, other languages are refused by name."""

from __future__ import annotations

import pytest

from eventwire.langid import detect_language


@pytest.mark.parametrize("text", [
    # names and content words, no function word: read as Nigerian Pidgin by the bare identifier
    "Nigeria's military government executed nine Ogoni activists including writer Ken Saro-Wiwa.",
    "President Kassym-Jomart Tokayev",
    "Kenyan police arrested seven opposition lawmakers in Nairobi on Monday, officials said.",
    # mostly names, one function word: the identifier cannot place it (Pidgin at 0.17)
    "Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Brussels.",
])
def test_english_news_is_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text, lang", [
    ("Le gouvernement militaire du Nigeria a exécuté neuf militants ogoni, dont l'écrivain Ken Saro-Wiwa.", "fr"),
    ("Die Militärregierung Nigerias hat neun Aktivisten hingerichtet, darunter den Schriftsteller Ken Saro-Wiwa.",
     "de"),
    ("El gobierno militar de Nigeria ejecutó a nueve activistas ogoni, entre ellos el escritor Ken Saro-Wiwa.", "es"),
])
def test_other_languages_are_named(text, lang):
    assert detect_language(text) == lang
