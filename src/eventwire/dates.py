"""Time expressions: find them and resolve them against the publication date. (Skeleton: filled by the dates work.)"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from .record import TimeExpr


def find_times(doc: Doc, published: dt.date | None) -> tuple[TimeExpr, ...]:
    return ()
