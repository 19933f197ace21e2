"""Language identification with py3langid (a bundled model; no download), steadied for short English texts."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_EN_FUNCTION_WORDS = frozenset(
    "the a an of to in and or for on at by with from that this is are was were be been has have had it its he she "
    "they we you i his her their our not as but said says will would who which".split()
)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language.

    Short texts (fewer than 8 words, e.g. a headline or a name) are taken as English: a language identifier cannot
    judge them, and names alone ("President Kassym-Jomart Tokayev") look like any language. Longer ones are English
    when enough of their words are English function words, or when the identifier is unsure and finds English a
    close second.
    """
    sample = text[:5000]
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 8:
        return "en"
    share_en = sum(w in _EN_FUNCTION_WORDS for w in words) / len(words)
    if share_en >= 0.12:
        return "en"
    ranked = _identifier().rank(sample)
    lang, prob = ranked[0]
    if lang != "en" and prob < 0.9:
        # a text with some English function words, or one the identifier finds nearly as likely English (a short
        # sentence of names and content words, "Nigeria's military government executed nine Ogoni activists ...",
        # read as Nigerian Pidgin); with function words, also one the identifier cannot place at all ("Armenian Prime
        # Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Brussels": Pidgin at 0.17, English
        # far below)
        en_prob = next((p for code, p in ranked if code == "en"), 0.0)
        if share_en >= 0.05 and (en_prob >= 0.02 or prob < 0.5) or en_prob >= 0.25:  # (not Spanish for its "a")
            return "en"
    return lang
