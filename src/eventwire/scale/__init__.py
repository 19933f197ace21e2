"""Scale-out batch extraction: input files cut into partitions, each extracted where it runs (a local process pool
or Dask workers) and written as hive-partitioned Parquet datasets, one per record table. See ``docs/scale.md``.

Modules: :mod:`.plan` (inputs to partitions), :mod:`.partition` (the per-partition task), :mod:`.dataset` (the
output layout, atomic writes, reading back), :mod:`.engines` (local pool, Dask), :mod:`.batch` (the command's core).
"""

from __future__ import annotations

from .batch import BatchReport, run_batch
from .dataset import read_failures, read_records

__all__ = ["BatchReport", "read_failures", "read_records", "run_batch"]
