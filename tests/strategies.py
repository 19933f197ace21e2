"""Hypothesis strategies for records (offsets always valid: ``text[start:end]`` is the cited span)."""

from __future__ import annotations

from hypothesis import strategies as st

from eventwire.record import (
    Actor,
    Entity,
    Event,
    EventDate,
    EventLocation,
    Extractor,
    Place,
    Quote,
    Record,
    SentenceSpan,
    Span,
    TimeExpr,
    record_id,
)

# Any text, including quotes, SQL-special characters, NUL-free control characters and astral-plane symbols.
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1,
                max_size=300)
short = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)
opt_short = st.none() | short
codes = st.none() | st.sampled_from(["USA", "NER", "RUS", "IRN", "IGO", "ARN"])
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
opt_floats = st.none() | floats
dates = st.none() | st.sampled_from(["2024-03-18", "2024-03", "2024", "1999-12-31"])


@st.composite
def spans(draw, text: str) -> tuple[int, int]:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return start, end


@st.composite
def records(draw) -> Record:
    text = draw(texts)
    url = draw(st.none() | st.just("https://example.org/a?x='1';--") | short)

    def span() -> Span:
        s, e = draw(spans(text))
        return Span(text[s:e], s, e)

    actors = []
    for i in range(draw(st.integers(0, 3))):
        actors.append(Actor(id=f"a{i}", name=draw(short), kind=draw(st.sampled_from(["person", "organization",
                                                                                       "country", "group"])),
                            country=draw(codes), sector=draw(st.none() | st.sampled_from(["GOV", "MIL"])),
                            role=draw(opt_short), cameo=draw(st.none() | st.sampled_from(["USAGOV", "NERMIL"])),
                            mentions=tuple(span() for _ in range(draw(st.integers(0, 3))))))
    ids = [a.id for a in actors]
    entities = []
    for i in range(draw(st.integers(0, 3))):
        sp = span()
        entities.append(Entity(id=f"e{i}", text=sp.text, label=draw(st.sampled_from(["PERSON", "GPE", "ORG"])),
                               start=sp.start, end=sp.end, actor=draw(st.none() | st.sampled_from(ids or ["x"])),
                               country=draw(codes)))
    times = []
    for _ in range(draw(st.integers(0, 2))):
        sp = span()
        times.append(TimeExpr(sp.text, sp.start, sp.end, value=draw(dates),
                              granularity=draw(st.none() | st.sampled_from(["day", "week", "month", "year"]))))
    places = []
    for _ in range(draw(st.integers(0, 2))):
        sp = span()
        places.append(Place(sp.text, sp.start, sp.end, name=draw(short), country=draw(codes), lat=draw(opt_floats),
                            lon=draw(opt_floats)))
    quotes = []
    for i in range(draw(st.integers(0, 2))):
        sp = span()
        quotes.append(Quote(id=f"q{i}", text=sp.text, start=sp.start, end=sp.end, direct=draw(st.booleans()),
                            speaker=draw(st.none() | st.sampled_from(ids or ["x"])), speaker_text=draw(opt_short),
                            cue=draw(opt_short), cue_lemma=draw(opt_short)))
    events = []
    for i in range(draw(st.integers(0, 3))):
        trig = span()
        ss, se = draw(spans(text))
        date = None
        if draw(st.booleans()):
            sp = span()
            date = EventDate(value=draw(st.sampled_from(["2024-03-18", "2024-03", "2024"])),
                             granularity=draw(st.sampled_from(["day", "month", "year"])), text=sp.text,
                             start=sp.start, end=sp.end)
        loc = None
        if draw(st.booleans()):
            sp = span()
            loc = EventLocation(name=draw(short), country=draw(codes), lat=draw(opt_floats), lon=draw(opt_floats),
                                start=sp.start, end=sp.end)
        root = draw(st.integers(1, 20))
        events.append(Event(
            id=f"ev{i}", source=tuple(draw(st.lists(st.sampled_from(ids), max_size=2)) if ids else ()),
            target=tuple(draw(st.lists(st.sampled_from(ids), max_size=2)) if ids else ()),
            cameo=f"{root:02d}{draw(st.sampled_from(['', '1', '42']))}", cameo_root=f"{root:02d}",
            plover=draw(st.none() | st.sampled_from(["CONSULT", "REJECT"])), plover_mode=draw(opt_short),
            goldstein=draw(floats), quad_class=draw(st.integers(1, 4)), trigger=trig,
            sentence=SentenceSpan(ss, se), date=date, location=loc, negated=draw(st.booleans()),
            hypothetical=draw(st.booleans()), confidence=draw(st.floats(0, 1)),
            mentions=tuple(span() for _ in range(draw(st.integers(0, 2))))))
    return Record(
        id=record_id(text, url), text=text, input_id=draw(opt_short), url=url, outlet=draw(opt_short),
        title=draw(opt_short), published=draw(st.none() | st.just("2024-03-18")),
        extractor=Extractor("eventwire", draw(st.sampled_from(["0.1.0", "0.2.0"])), "en_core_web_sm 3.8.0"),
        entities=tuple(entities), actors=tuple(actors), times=tuple(times), places=tuple(places),
        quotes=tuple(quotes), events=tuple(events))
