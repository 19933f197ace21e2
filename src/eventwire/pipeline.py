"""From an article to its record: input checks, the spaCy pass, then each stage in turn.

Every command that extracts (``extract``, ``ingest``, ``batch``, the API) goes through :class:`Pipeline`; nothing is
computed two ways. Stages talk through the record types only:

    geo.find_places(doc, gazetteer, published)            -> places
    dates.find_times(doc, published)                      -> times
    actors.resolve(doc, gazetteer, lexicon)               -> entities, actors
    quotes.find_quotes(doc, actors)                       -> quotes
    events.find_events(doc, EventInputs(...))             -> events
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from . import actors as actors_stage
from . import dates as dates_stage
from . import events as events_stage
from . import geo as geo_stage
from . import nlp as nlp_mod
from . import quotes as quotes_stage
from .errors import EventwireError, InputError
from .langid import detect_language
from .record import Extractor, Record, record_id

log = logging.getLogger(__name__)

DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class ArticleInput:
    """One article to extract. ``id`` is the caller's identifier, kept as ``input_id``."""

    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed, with the reason (never a traceback)."""

    input: ArticleInput | None
    reason: str


def parse_date(value: str | dt.date | None, what: str = "published") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"bad {what} date {text!r}: expected YYYY-MM-DD") from None


def check_text(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    if not isinstance(text, str):
        raise InputError("the article text must be a string")
    if not text.strip():
        raise InputError("the article is empty")
    if len(text) > max_chars:
        raise InputError(f"the article has {len(text):,} characters, over the limit of {max_chars:,} (--max-chars)")
    if "\x00" in text:
        raise InputError("the article looks binary (it contains NUL characters)")


class Pipeline:
    """The extractor: a spaCy pipeline plus eventwire's stages and resources, loaded once and reused."""

    def __init__(self, model: str | None = None, actors: str | Path | None = None,
                 max_chars: int = DEFAULT_MAX_CHARS):
        self.max_chars = max_chars
        self.gazetteer = geo_stage.gazetteer()
        self.lexicon = actors_stage.load_lexicon(actors)
        patterns = self.gazetteer.ruler_patterns() + self.lexicon.ruler_patterns()
        key = (str(Path(actors).resolve()) if actors else "",)
        self.nlp = nlp_mod.load(model, patterns, key)
        self.extractor = Extractor(name="eventwire", version=__version__, model=nlp_mod.model_label(self.nlp))

    # -- public ----------------------------------------------------------------------------------------------------

    def extract(self, text: str, published: str | dt.date | None = None, url: str | None = None,
                title: str | None = None, outlet: str | None = None, input_id: str | None = None) -> Record:
        art = ArticleInput(text=text, published=_iso(published), url=url, title=title, outlet=outlet, id=input_id)
        pub = self._check(art)
        return self._build(art, pub, self.nlp(text))

    def extract_many(self, items: Iterable[ArticleInput | Failure], batch_size: int = 32) -> Iterator[Record | Failure]:
        """One Record or Failure per item, in input order; the model runs over valid inputs with ``nlp.pipe``.

        A Failure among the items (an input the caller could not even read) is passed through in its place.
        """
        checked: list[tuple[ArticleInput, dt.date | None | Failure]] = []

        def flush() -> Iterator[Record | Failure]:
            ok = [(a, p) for a, p in checked if not isinstance(p, Failure)]
            docs = iter(self.nlp.pipe((a.text for a, _ in ok), batch_size=batch_size))
            for art, pub in checked:
                if isinstance(pub, Failure):
                    yield pub
                    continue
                doc = next(docs)
                try:
                    yield self._build(art, pub, doc)
                except EventwireError as exc:
                    yield Failure(art, str(exc))
                except Exception as exc:  # a bug must not sink the other articles of a run: this one fails, said why
                    log.exception("extraction failed on an article of %d characters", len(art.text))
                    yield Failure(art, f"internal error in extraction ({type(exc).__name__}: {exc}); this is a bug "
                                       "in eventwire: please report it with the article")
            checked.clear()

        for art in items:
            if isinstance(art, Failure):
                checked.append((ArticleInput(text=""), art))
                if len(checked) >= batch_size:
                    yield from flush()
                continue
            try:
                checked.append((art, self._check(art)))
            except EventwireError as exc:
                checked.append((art, Failure(art, str(exc))))
            if len(checked) >= batch_size:
                yield from flush()
        if checked:
            yield from flush()

    # -- internals -------------------------------------------------------------------------------------------------

    def _check(self, art: ArticleInput) -> dt.date | None:
        check_text(art.text, self.max_chars)
        pub = parse_date(art.published)
        lang = detect_language(art.text)
        if lang != "en":
            from .errors import UnsupportedLanguage

            raise UnsupportedLanguage(lang)
        return pub

    def _build(self, art: ArticleInput, pub: dt.date | None, doc) -> Record:
        doc.user_data.setdefault("eventwire_text", art.text)  # (= doc.text, which spaCy rebuilds from the tokens)
        try:
            return self._stages(art, pub, doc)
        finally:
            nlp_mod.release(doc)

    def _stages(self, art: ArticleInput, pub: dt.date | None, doc) -> Record:
        places = geo_stage.find_places(doc, self.gazetteer, published=pub)
        times = dates_stage.find_times(doc, pub)
        entities, actor_list = actors_stage.resolve(doc, self.gazetteer, self.lexicon, pub)
        quotes = quotes_stage.find_quotes(doc, actor_list)
        events = events_stage.find_events(doc, events_stage.EventInputs(
            actors=actor_list, entities=entities, times=times, places=places, quotes=quotes, published=pub))
        return Record(
            id=record_id(art.text, art.url), input_id=art.id, url=art.url, outlet=art.outlet, title=art.title,
            published=pub.isoformat() if pub else None, language="en", text=art.text,
            entities=entities, actors=actor_list, times=times, places=places, quotes=quotes, events=events,
            extractor=self.extractor,
        )


def _iso(value: str | dt.date | None) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(text: str, published: str | dt.date | None = None, url: str | None = None,
            title: str | None = None, outlet: str | None = None) -> Record:
    """Extract one article with the default pipeline (model loaded once per process)."""
    return default_pipeline().extract(text, published=published, url=url, title=title, outlet=outlet)
