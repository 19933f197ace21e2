"""Reprocess: re-extract stored articles from their stored text after the extractor or a lexicon changed.

Each article is rewritten atomically (old rows out, new rows in, one transaction); the report says which events
were added and removed. Events are compared by what they say (CAMEO code, trigger offsets, source and target actor
names, negation), not by their ids, which a new extractor may number differently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..pipeline import ArticleInput, Failure
from ..record import Event, Record
from ..runners import LocalRunner, PipelineConfig
from .db import RunCounts, Store


def event_key(rec: Record, ev: Event) -> tuple:
    def names(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted((rec.actor(x).name if rec.actor(x) else x) for x in ids))  # type: ignore[union-attr]

    return (ev.cameo, ev.trigger.start, ev.trigger.end, names(ev.source), names(ev.target), ev.negated,
            ev.hypothetical)


@dataclass
class ArticleChange:
    article_id: str
    added: list[Event]
    removed: list[Event]
    old_version: str
    new_version: str


@dataclass
class ReprocessReport:
    articles: int = 0
    changed: list[ArticleChange] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def events_added(self) -> int:
        return sum(len(c.added) for c in self.changed)

    @property
    def events_removed(self) -> int:
        return sum(len(c.removed) for c in self.changed)


def diff_events(old: Record, new: Record) -> tuple[list[Event], list[Event]]:
    ok = {event_key(old, e): e for e in old.events}
    nk = {event_key(new, e): e for e in new.events}
    return [e for k, e in nk.items() if k not in ok], [e for k, e in ok.items() if k not in nk]


def select_ids(store: Store, where: str | None = None, outdated_version: str | None = None,
               ids: list[str] | None = None) -> list[str]:
    conds, params = [], []
    if where:
        conds.append(f"({where})")
    if outdated_version:
        conds.append("extractor_version != ?")
        params.append(outdated_version)
    if ids:
        conds.append(f"id IN ({','.join('?' * len(ids))})")
        params.extend(ids)
    return store.ids(" AND ".join(conds) if conds else None, params)


def reprocess(store: Store, ids: list[str], cfg: PipelineConfig | None = None, workers: int = 1,
              batch_size: int = 32, dry_run: bool = False,
              on_article: Callable[[ArticleChange | None, int], None] | None = None) -> ReprocessReport:
    cfg = cfg or PipelineConfig()
    rep = ReprocessReport()
    run_id = store.start_run("reprocess", {"articles": len(ids), "dry_run": dry_run})

    def batches() -> Iterator[tuple[list[Record], list[ArticleInput | Failure]]]:
        for i in range(0, len(ids), batch_size):
            olds = [r for r in (store.get(x) for x in ids[i:i + batch_size]) if r is not None]
            yield olds, [ArticleInput(text=r.text, published=r.published, url=r.url, title=r.title, outlet=r.outlet,
                                      id=r.input_id) for r in olds]

    with LocalRunner(cfg, workers) as runner:
        for olds, results in runner.map(batches()):
            for old, new in zip(olds, results, strict=True):
                rep.articles += 1
                if isinstance(new, Failure):
                    rep.failures.append((old.id, new.reason))
                    continue
                if new.id != old.id:  # the id formula is fixed; a mismatch means the stored text was altered
                    rep.failures.append((old.id, f"re-extraction gave id {new.id}; stored text or url changed"))
                    continue
                added, removed = diff_events(old, new)
                change = None
                if added or removed:
                    change = ArticleChange(old.id, added, removed, old.extractor.version, new.extractor.version)
                    rep.changed.append(change)
                if not dry_run and new != old:
                    store.replace_record(new)
                if on_article:
                    on_article(change, rep.articles)
    store.finish_run(run_id, RunCounts(added=len(rep.changed), skipped=rep.articles - len(rep.changed)
                                       - len(rep.failures), failed=len(rep.failures)))
    return rep
