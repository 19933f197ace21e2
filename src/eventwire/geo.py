"""Gazetteer and places. (Skeleton: filled by the geo work.)"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from .record import Place


@dataclass(frozen=True)
class GeoEntry:
    name: str          # canonical name ("Niamey", "Niger")
    kind: str          # country | capital | city | region | demonym
    country: str       # ISO alpha-3
    lat: float | None
    lon: float | None
    population: int = 0


class Gazetteer:
    def lookup(self, text: str) -> GeoEntry | None:
        return None

    def country_name(self, iso3: str) -> str | None:
        return None

    def ruler_patterns(self) -> list[dict]:
        return []


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


def find_places(doc: Doc, gaz: Gazetteer) -> tuple[Place, ...]:
    return ()
