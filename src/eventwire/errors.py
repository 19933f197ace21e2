"""One root exception and a few subclasses. Messages say what was wrong and how to fix it; the CLI prints them."""

from __future__ import annotations


class EventwireError(Exception):
    """Root of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input that cannot be processed: empty, binary, not UTF-8, too long, malformed JSON, bad date."""


class UnsupportedLanguage(InputError):
    """The article is not in a language eventwire extracts yet."""

    def __init__(self, lang: str):
        self.lang = lang
        super().__init__(f"language {lang} is not supported yet (only en)")


class ModelError(EventwireError):
    """The spaCy pipeline named in the configuration is not installed."""


class LexiconError(EventwireError):
    """A data file (gazetteer, actor list, event lexicon) is malformed; the message names the file and line."""


class StoreError(EventwireError):
    """The store cannot be opened or written."""
