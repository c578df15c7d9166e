"""Where the pipeline runs: in this process, in worker processes on this machine, or on a Dask cluster.

    with open_engine(settings, EngineOptions(workers=8)) as engine:
        for result in engine.run(iter_raw_documents(paths, settings), skip=store.has_document):
            store_result(store, result)

Whatever the engine, ``run`` yields what ``Pipeline(settings).run`` yields, in the same order: the per-document
stages (clean, parse, extract, place, date) run where the engine puts them, while reading the input, the store's
skip of documents it already holds and storing stay with the caller, one writer in one process
(``frontwire.engine.ordered`` says how). ``local`` with one worker is the plain in-process pipeline.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from typing import Protocol

from frontwire.config import Settings
from frontwire.engine.ordered import Backend, Item, Skip, run_in_order
from frontwire.errors import UsageError
from frontwire.pipeline import Pipeline, Result

ENGINES = ("local", "dask")


def default_workers() -> int:
    """One worker per core."""
    return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class EngineOptions:
    """How to run the pipeline: ``engine`` local (``workers`` processes here; 1: in this process) or dask (tasks
    on the cluster of ``scheduler``, else on a local cluster of ``workers`` processes)."""

    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise UsageError(f"unknown engine {self.engine!r}", hint=f"use one of: {', '.join(ENGINES)}")
        if self.workers < 1:
            raise UsageError(f"--workers {self.workers}: a run needs one worker or more",
                             hint="give --workers 1 to code in this process")
        if self.scheduler and self.engine != "dask":
            raise UsageError("--scheduler names a Dask scheduler", hint="add --engine dask")


class Engine(Protocol):
    def run(self, items: Iterable[Item], *, skip: Skip | None = None) -> Iterator[Result]: ...


@contextmanager
def open_engine(settings: Settings, options: EngineOptions | None = None) -> Iterator[Engine]:
    """The engine ``options`` ask for, its workers stopped when the block ends (an interrupt included)."""
    options = options or EngineOptions()
    engine: InProcess | Workers
    if options.engine == "dask":
        from frontwire.engine.dask import DaskBackend

        cluster = DaskBackend(settings, scheduler=options.scheduler, workers=options.workers)
        engine = Workers(settings, cluster, depth=2 * cluster.slots)  # the cluster's size, not this machine's
    elif options.workers > 1:
        from frontwire.engine.local import LocalBackend

        engine = Workers(settings, LocalBackend(settings, options.workers), depth=2 * options.workers,
                         in_process_up_to=settings.batch_size)
    else:
        engine = InProcess(settings)
    try:
        yield engine
    finally:
        engine.close()


class InProcess:
    """The pipeline in this process: today's path, unchanged."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def run(self, items: Iterable[Item], *, skip: Skip | None = None) -> Iterator[Result]:
        return Pipeline(self.settings).run(items, skip=skip)

    def close(self) -> None:
        pass


class Workers:
    """The pipeline's stages on a backend's workers. An input of ``in_process_up_to`` items or fewer is one batch
    at most, which one worker would code alone: it is coded in this process, and no worker is started."""

    def __init__(self, settings: Settings, backend: Backend, *, depth: int, in_process_up_to: int = 0) -> None:
        self.settings, self.backend, self.depth, self.in_process_up_to = settings, backend, depth, in_process_up_to

    def run(self, items: Iterable[Item], *, skip: Skip | None = None) -> Iterator[Result]:
        iterator = iter(items)
        head = list(islice(iterator, self.in_process_up_to + 1)) if self.in_process_up_to else []
        if self.in_process_up_to and len(head) <= self.in_process_up_to:
            return Pipeline(self.settings).run(head, skip=skip)
        return run_in_order(self.backend, self.settings, chain(head, iterator), skip=skip, depth=self.depth)

    def close(self) -> None:
        self.backend.close()
