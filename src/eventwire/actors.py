"""Actors. (Skeleton.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from spacy.tokens import Doc

from .geo import Gazetteer
from .record import Actor, Entity


class Lexicon:
    def ruler_patterns(self) -> list[dict]:
        return []


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    return Lexicon()


def resolve(doc: Doc, gaz: Gazetteer, lexicon: Lexicon, published: dt.date | None) -> tuple[tuple[Entity, ...], tuple[Actor, ...]]:
    return (), ()


def resolve_phrase(pipeline, text: str) -> Actor | None:
    """Resolve a short phrase ("Iraqi Kurdish leaders", "the French Foreign Minister") as one actor, or None.

    Used to score actor-resolution cases: the actor whose mentions cover most of the phrase.
    """
    return None
