"""Quotes and their speakers. (Skeleton: filled by the quotes work.)"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .record import Actor, Quote


def find_quotes(doc: Doc, actors: Sequence[Actor]) -> tuple[Quote, ...]:
    return ()
