"""Relations between states: actors across articles, linked events, near-duplicate articles, dyads and shifts.

The store calls :func:`update_for_article` once per article it writes (in ``Store._insert``, inside the write
transaction), so the relation tables grow with the store. :func:`rebuild` recomputes them from scratch in store
order. The read side returns plain rows (lists of dicts) that ``pandas.DataFrame`` loads as they are:

    >>> from eventwire import relations
    >>> relations.dyad_series("eventwire.db", "NER", "USA", by="month")
    >>> relations.shifts("eventwire.db", "NER", split="2024-01-01")
    >>> relations.actor_quotes("eventwire.db", "Sabrina Singh")

How events are linked: :mod:`.linking`; near-duplicates: :mod:`.dedup`; actors: :mod:`.actors`.
"""

from __future__ import annotations

from .queries import (
    actor_events,
    actor_quotes,
    dyad_series,
    dyad_summary,
    ensure_current,
    find_actors,
    linked_events,
    shifts,
)
from .update import catch_up, forget_article, pending, rebuild, update_for_article

__all__ = ["actor_events", "actor_quotes", "catch_up", "dyad_series", "dyad_summary", "ensure_current",
           "find_actors", "forget_article", "linked_events", "pending", "rebuild", "shifts", "update_for_article"]
