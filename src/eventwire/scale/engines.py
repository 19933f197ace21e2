"""Where partitions run: in this process, in a local process pool, or on a Dask cluster.

Every engine maps the same task, :func:`eventwire.scale.partition.run_partition`, over the partitions and yields
``(partition, PartitionResult | Exception)`` as they finish (any order). A partition whose task raised is reported,
not retried here: its marker is missing, so the next run does it again.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import os
from collections.abc import Iterator
from typing import Any

from ..errors import EventwireError
from ..runners import PipelineConfig, process_pool
from .partition import PartitionResult, run_partition, warm
from .plan import Partition

log = logging.getLogger(__name__)

Outcome = tuple[Partition, PartitionResult | BaseException]


class LocalEngine:
    """``workers <= 1``: in this process; else a pool of ``workers`` spawned processes (:func:`process_pool`)."""

    name = "local"

    def __init__(self, cfg: PipelineConfig, workers: int = 1):
        self.cfg = cfg
        self.workers = max(1, int(workers))
        self._pool: cf.ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        if self.workers > 1:
            self._pool = process_pool(self.cfg, self.workers)
        return self

    def __exit__(self, exc_type: Any, *rest: Any) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=exc_type is None, cancel_futures=True)
            self._pool = None

    def warm(self) -> None:
        if self._pool is None:
            warm(self.cfg)
            return
        # Submitted together, the tasks find no idle worker and the pool starts all of them; each loads the model.
        list(self._pool.map(warm, [self.cfg] * self.workers))

    def run(self, parts: list[Partition], out: str) -> Iterator[Outcome]:
        if self._pool is None:
            for p in parts:
                try:
                    yield p, run_partition(self.cfg, p, out)
                except Exception as exc:  # reported per partition, like a failed task in the pool or on Dask
                    yield p, exc
            return
        todo = iter(parts)
        pending: dict[cf.Future, Partition] = {}

        def fill() -> None:
            while len(pending) < 2 * self.workers:
                p = next(todo, None)
                if p is None:
                    return
                pending[self._pool.submit(run_partition, self.cfg, p, out)] = p  # type: ignore[union-attr]

        fill()
        while pending:
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for fut in done:
                p = pending.pop(fut)
                try:
                    yield p, fut.result()
                except cf.process.BrokenProcessPool:
                    raise EventwireError("a worker process died (out of memory?); re-run to finish the rest") from None
                except Exception as exc:
                    yield p, exc
            fill()


class DaskEngine:
    """Partitions as Dask tasks on the cluster at ``scheduler``, or on a LocalCluster of ``workers`` processes.

    Each Dask worker process keeps the Pipeline it loaded (module-level cache in :mod:`eventwire.runners`) across
    tasks. Workers must have eventwire (same version) installed and see the input and output paths.
    """

    name = "dask"

    def __init__(self, cfg: PipelineConfig, workers: int | None = None, scheduler: str | None = None):
        self.cfg = cfg
        self.scheduler = scheduler
        self.workers = workers
        self.client: Any = None
        self.cluster: Any = None

    def __enter__(self) -> DaskEngine:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise EventwireError("--engine dask needs Dask: pip install 'eventwire[scale]'") from None
        if not log.isEnabledFor(logging.INFO):  # Dask logs its start-up at INFO; show it only with --verbose
            for name in ("distributed", "dask"):
                logging.getLogger(name).setLevel(logging.WARNING)
        if self.scheduler:
            if self.workers:
                log.warning("--workers is ignored with --scheduler: the cluster has the workers it has")
            try:
                self.client = Client(self.scheduler, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise EventwireError(f"cannot reach the Dask scheduler at {self.scheduler} ({exc})") from None
        else:
            import dask

            # Two Dask worker defaults cost CPU on this workload (measured, docs/scale.md): the statistical profiler
            # (samples the busy thread every 10 ms, ~9%) and MALLOC_TRIM_THRESHOLD_=65536 set by the nanny (it also
            # turns off glibc's dynamic mmap threshold, so spaCy's large arrays are mmapped and unmapped each time,
            # ~10%). Workers then use ~5% more memory.
            env = {k: v for k, v in dask.config.get("distributed.nanny.pre-spawn-environ", {}).items()
                   if k != "MALLOC_TRIM_THRESHOLD_"}
            try:
                with dask.config.set({"distributed.worker.profile.enabled": False,
                                      "distributed.nanny.pre-spawn-environ": env}):
                    self.cluster = LocalCluster(n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1,
                                                processes=True, dashboard_address=None, silence_logs=logging.ERROR)
            except Exception as exc:  # RuntimeError("Nanny failed to start.") and the like
                raise EventwireError(f"cannot start a Dask LocalCluster ({type(exc).__name__}: {exc})") from None
            self.client = Client(self.cluster)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def worker_addresses(self) -> list[str]:
        return sorted(self.client.scheduler_info()["workers"])

    def warm(self) -> None:
        addrs = self.worker_addresses()
        if self.cluster is not None:
            for addr, ok in self.client.run(_worker_settings_ok).items():
                if not ok:
                    log.warning("Dask worker %s: profiler or malloc trim setting not applied (slower)", addr)
        futs = [self.client.submit(warm, self.cfg, workers=[a], allow_other_workers=False, pure=False) for a in addrs]
        self.client.gather(futs)

    def run(self, parts: list[Partition], out: str) -> Iterator[Outcome]:
        from dask.distributed import as_completed

        if not self.worker_addresses():
            raise EventwireError(f"the Dask cluster at {self.scheduler} has no workers")
        futs = {}
        for p in parts:
            # pure=False: a re-run in the same client must run again, not reuse a cached result.
            f = self.client.submit(run_partition, self.cfg, p, out, pure=False, key=f"eventwire-part-{p.key}")
            futs[f] = p
        for fut in as_completed(list(futs)):
            p = futs[fut]
            try:
                yield p, fut.result()
            except Exception as exc:  # the task's own error, or KilledWorker after Dask's retries
                yield p, exc
            fut.release()


def _worker_settings_ok() -> bool:
    import dask

    return (dask.config.get("distributed.worker.profile.enabled") is False
            and "MALLOC_TRIM_THRESHOLD_" not in os.environ)


def make_engine(engine: str, cfg: PipelineConfig, workers: int | None, scheduler: str | None):
    if engine == "local":
        if scheduler:
            raise EventwireError("--scheduler needs --engine dask")
        return LocalEngine(cfg, workers or os.cpu_count() or 1)
    if engine == "dask":
        return DaskEngine(cfg, workers, scheduler)
    raise EventwireError(f"unknown engine {engine!r}; choose local or dask")


__all__ = ["DaskEngine", "LocalEngine", "make_engine"]
