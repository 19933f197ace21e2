"""Ingest: inputs -> records -> store, idempotent and resumable.

Articles are keyed by the record id (content-based), so an article already in the store is skipped before the model
sees it, and a re-run after an interruption only extracts what is missing. Records are written one batch per
transaction (WAL, synchronous=FULL): an article reported done is on disk; an interrupted batch leaves nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..pipeline import Failure
from ..record import Record, record_id
from ..runners import LocalRunner, PipelineConfig
from ..sources import SourceItem
from .db import RunCounts, SourceInfo, Store

log = logging.getLogger(__name__)


@dataclass
class Progress:
    """What a progress display needs after each committed batch."""

    done: int = 0  # inputs settled: added + skipped + failed
    added: int = 0
    skipped: int = 0
    failed: int = 0
    total: int | None = None
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        dt = time.monotonic() - self.started
        return self.done / dt if dt > 0 else 0.0

    @property
    def eta(self) -> float | None:
        if not self.total or not self.rate:
            return None
        return max(0.0, (self.total - self.done) / self.rate)


Callback = Callable[[Progress], None]


def _info(item: SourceItem) -> SourceInfo:
    return SourceInfo(source=item.name, author=item.author, canonical_url=item.canonical_url,
                      sitename=item.sitename)


def ingest(store: Store, items: Iterable[SourceItem], cfg: PipelineConfig | None = None, workers: int = 1,
           batch_size: int = 32, total: int | None = None, on_progress: Callback | None = None,
           run_args: dict | None = None, runner: LocalRunner | None = None) -> RunCounts:
    """Extract and store every article in ``items``; returns the counts and this run's failures.

    ``runner``: an already started :class:`LocalRunner` to use (benchmarks warm one up); else one is made.
    """
    cfg = cfg or PipelineConfig()
    counts = RunCounts()
    prog = Progress(total=total)
    run_id = counts.run_id = store.start_run("ingest", run_args)
    seen: set[str] = set()

    def batches() -> Iterator[tuple[list[SourceItem], list]]:
        """Batches of (items, ArticleInputs to extract); already stored or repeated articles are dropped here."""
        buf: list[SourceItem] = []

        def flush() -> Iterator[tuple[list[SourceItem], list]]:
            arts = [it for it in buf if it.article is not None]
            ids = {id(it): record_id(it.article.text, it.article.url) for it in arts}  # type: ignore[union-attr]
            have = store.existing(set(ids.values()) - seen)
            todo: list[SourceItem] = []
            bad: list[SourceItem] = []
            skipped: list[SourceItem] = []
            for it in buf:
                if it.article is None:
                    bad.append(it)
                    continue
                rid = ids[id(it)]
                if rid in have or rid in seen:
                    skipped.append(it)
                else:
                    seen.add(rid)
                    todo.append(it)
            if bad or skipped:
                _settle_unextracted(bad, skipped)
            ready = [it for it in todo if it.record is not None]  # already extracted (an `eventwire batch` output)
            if ready:
                _store_extracted(ready)
                todo = [it for it in todo if it.record is None]
            if todo:
                yield todo, [it.article for it in todo]
            buf.clear()

        for item in items:
            buf.append(item)
            if len(buf) >= batch_size:
                yield from flush()
        if buf:
            yield from flush()

    def _settle_unextracted(bad: list[SourceItem], skipped: list[SourceItem]) -> None:
        fails = [(it.name, it.reason or "unreadable") for it in bad]
        if fails:
            store.write_batch([], failures=fails, run_id=run_id)
        for name, reason in fails:
            counts.failures.append((name, reason))
            log.info("failed: %s: %s", name, reason)
        counts.failed += len(fails)
        counts.skipped += len(skipped)
        prog.failed, prog.skipped = counts.failed, counts.skipped
        prog.done += len(fails) + len(skipped)
        if on_progress:
            on_progress(prog)

    def _store_extracted(ready: list[SourceItem]) -> None:
        added, skipped = store.write_batch([(it.record, _info(it)) for it in ready], failures=[], run_id=run_id)
        counts.added += len(added)
        counts.skipped += len(skipped)
        prog.added, prog.skipped = counts.added, counts.skipped
        prog.done += len(ready)
        if on_progress:
            on_progress(prog)

    own = runner is None
    run = runner or LocalRunner(cfg, workers)
    try:
        for todo, results in run.map(batches()):
            recs: list[tuple[Record, SourceInfo | None]] = []
            fails: list[tuple[str, str]] = []
            for it, res in zip(todo, results, strict=True):
                if isinstance(res, Failure):
                    fails.append((it.name, res.reason))
                else:
                    recs.append((res, _info(it)))
            added, skipped = store.write_batch(recs, failures=fails, run_id=run_id)
            counts.added += len(added)
            counts.skipped += len(skipped)
            counts.failed += len(fails)
            counts.failures.extend(fails)
            prog.added, prog.skipped, prog.failed = counts.added, counts.skipped, counts.failed
            prog.done += len(todo)
            if on_progress:
                on_progress(prog)
    except BaseException:
        if own:
            run.close(cancel=True)
        raise
    if own:
        run.close()
    store.finish_run(run_id, counts)
    return counts
