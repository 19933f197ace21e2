"""Running the pipeline over many inputs: in this process, or in a pool of local worker processes.

:func:`process_batch` is THE per-process unit of work: a list of inputs in, one Record or Failure per input out,
with the :class:`~eventwire.pipeline.Pipeline` loaded lazily once per process and reused. ``ingest``, ``reprocess``
and the benchmarks call it through :class:`LocalRunner`; ``eventwire batch`` (:mod:`eventwire.scale`) calls it from
its per-partition task, run in :func:`process_pool` or on Dask workers.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing as mp
import os
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from .pipeline import DEFAULT_MAX_CHARS, ArticleInput, Failure, Pipeline
from .record import Record

T = TypeVar("T")
Result = Record | Failure


@dataclass(frozen=True)
class PipelineConfig:
    """What it takes to build the same Pipeline in any process (must be picklable)."""

    model: str | None = None
    actors: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = 32  # nlp.pipe batch size


_pipelines: dict[PipelineConfig, Pipeline] = {}


def get_pipeline(cfg: PipelineConfig) -> Pipeline:
    """The Pipeline for ``cfg`` in this process, built on first use and kept."""
    pipe = _pipelines.get(cfg)
    if pipe is None:
        pipe = _pipelines[cfg] = Pipeline(model=cfg.model, actors=cfg.actors, max_chars=cfg.max_chars)
    return pipe


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    ru = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return ru / (1024 * 1024) if sys.platform == "darwin" else ru / 1024


@dataclass(frozen=True)
class BatchResult:
    results: list[Result]
    pid: int
    peak_rss_mb: float


def process_batch(cfg: PipelineConfig, items: list[ArticleInput | Failure]) -> BatchResult:
    """One Record or Failure per item, in order (the model runs once per process, over the batch with nlp.pipe)."""
    pipe = get_pipeline(cfg)
    results = list(pipe.extract_many(items, batch_size=cfg.batch_size))
    return BatchResult(results, os.getpid(), peak_rss_mb())


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent died (kill -9, power button) exits instead of waiting forever for work."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _worker_init(cfg: PipelineConfig, parent: int) -> None:
    # Ctrl-C goes to the whole process group; the parent decides what to do, workers just stop when told.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    get_pipeline(cfg)  # load the model once, up front


def process_pool(cfg: PipelineConfig, workers: int) -> cf.ProcessPoolExecutor:
    """A pool of ``workers`` fresh processes, each loading the Pipeline for ``cfg`` once when it starts.

    :class:`LocalRunner` maps :func:`process_batch` over it; ``eventwire batch`` maps its per-partition task (which
    calls :func:`process_batch`) over it.
    """
    return cf.ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"), initializer=_worker_init,
                                  initargs=(cfg, os.getpid()))


class LocalRunner:
    """Map batches through :func:`process_batch`, in-process (``workers <= 1``) or in ``workers`` processes.

    ``map`` takes ``(tag, items)`` pairs and yields ``(tag, results)`` in the same order, keeping at most
    ``2 * workers`` batches in flight so memory stays bounded. ``peak_rss_mb`` maps each worker pid to its peak.
    """

    def __init__(self, cfg: PipelineConfig, workers: int = 1):
        self.cfg = cfg
        self.workers = max(1, int(workers))
        self.peak_rss_mb: dict[int, float] = {}
        self._pool: cf.ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalRunner:
        return self

    def __exit__(self, exc_type: Any, *rest: Any) -> None:
        self.close(cancel=exc_type is not None)

    def start(self) -> None:
        if self.workers > 1 and self._pool is None:
            self._pool = process_pool(self.cfg, self.workers)

    def close(self, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=not cancel, cancel_futures=True)
            self._pool = None

    def _note(self, br: BatchResult) -> list[Result]:
        self.peak_rss_mb[br.pid] = max(self.peak_rss_mb.get(br.pid, 0.0), br.peak_rss_mb)
        return br.results

    def map(self, batches: Iterable[tuple[T, list[ArticleInput | Failure]]]) -> Iterator[tuple[T, list[Result]]]:
        if self.workers <= 1:
            for tag, items in batches:
                yield tag, self._note(process_batch(self.cfg, items))
            return
        self.start()
        assert self._pool is not None
        pending: deque[tuple[T, cf.Future[BatchResult]]] = deque()
        for tag, items in batches:
            pending.append((tag, self._pool.submit(process_batch, self.cfg, items)))
            while len(pending) >= 2 * self.workers:
                t, fut = pending.popleft()
                yield t, self._note(self._result(fut))
        while pending:
            t, fut = pending.popleft()
            yield t, self._note(self._result(fut))

    @staticmethod
    def _result(fut: cf.Future[BatchResult]) -> BatchResult:
        try:
            return fut.result()
        except cf.process.BrokenProcessPool:
            from .errors import EventwireError

            raise EventwireError("a worker process died (out of memory?); re-run to finish the rest") from None


def extract_all(items: Iterable[ArticleInput | Failure], cfg: PipelineConfig | None = None, workers: int = 1,
                chunk: int = 64) -> Iterator[Result]:
    """Every item's Record or Failure, in input order (a convenience over :class:`LocalRunner`)."""
    cfg = cfg or PipelineConfig()

    def batches() -> Iterator[tuple[None, list[ArticleInput | Failure]]]:
        buf: list[ArticleInput | Failure] = []
        for it in items:
            buf.append(it)
            if len(buf) >= chunk:
                yield None, buf
                buf = []
        if buf:
            yield None, buf

    with LocalRunner(cfg, workers) as runner:
        for _, results in runner.map(batches()):
            yield from results


__all__ = ["BatchResult", "LocalRunner", "PipelineConfig", "extract_all", "get_pipeline", "peak_rss_mb",
           "process_batch", "process_pool"]
