"""Events: who did what to whom, coded in CAMEO and PLOVER. (Skeleton: filled by the events work.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc

from .record import Actor, Entity, Event, Place, Quote, TimeExpr


@dataclass(frozen=True)
class EventInputs:
    """What the earlier stages found, as record types."""

    actors: tuple[Actor, ...]
    entities: tuple[Entity, ...]
    times: tuple[TimeExpr, ...]
    places: tuple[Place, ...]
    quotes: tuple[Quote, ...]
    published: dt.date | None


def find_events(doc: Doc, inputs: EventInputs) -> tuple[Event, ...]:
    return ()
