"""Worker processes on this machine: ``frontwire ingest --workers N``.

Each worker is a fresh interpreter (the ``spawn`` start method: no copy of the reading process's open store or
threads, and the same on every platform) that builds its pipeline when it starts and loads spaCy, the gazetteer and
the classifiers once, for its first batch. Workers ignore Ctrl-C: the reading process stops them, so that an
interrupted run ends at once and cleanly.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from frontwire.config import Settings
from frontwire.engine.ordered import WorkerLost
from frontwire.engine.tasks import worker_pipeline

log = logging.getLogger("frontwire.engine")


class LocalBackend:
    """``workers`` processes fed through a ``ProcessPoolExecutor``; a pool that breaks (a worker killed) is
    replaced by a fresh one at the next task."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings, self.workers = settings, workers
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, task: Callable[[Settings, list[Any]], list[Any]], chunk: list[Any]) -> Future:
        for _ in range(2):
            if self._pool is None:
                log.info("coding in %d worker processes", self.workers)
                self._pool = ProcessPoolExecutor(
                    self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker,
                    initargs=(self.settings, logging.getLogger("frontwire").getEffectiveLevel()))
            try:
                with _ctrl_c_held():  # a worker is spawned in the first submits
                    return self._pool.submit(task, self.settings, chunk)
            except BrokenProcessPool:
                self._stop()
        raise WorkerLost("the worker processes could not be started again")

    def result(self, future: Future) -> list[Any]:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise WorkerLost(str(exc)) from exc

    def close(self) -> None:
        self._stop()

    def _stop(self) -> None:
        """End the workers now, even in the middle of a batch: what they were coding is not stored, and a second
        run codes it again."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        # no public way to end a busy pool's workers before Python 3.14 (terminate_workers)
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(10)


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back while workers may be spawned: a worker starts with it blocked (the mask outlives exec) until
    ``_start_worker`` ignores it, instead of dying with a traceback if it comes while the worker imports frontwire;
    this process gets a Ctrl-C sent meanwhile when the block ends."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _start_worker(settings: Settings, log_level: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("frontwire: %(message)s"))
    root = logging.getLogger("frontwire")
    root.handlers[:] = [handler]
    root.setLevel(log_level)
    root.propagate = False
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent,), name="frontwire-reader-watch", daemon=True).start()
    # the models load at the worker's first batch, once: a run that only finds stored documents never loads them
    worker_pipeline(settings)


def _end_with(parent: multiprocessing.process.BaseProcess) -> None:
    """End this worker when the reading process is gone without stopping it (killed with SIGKILL, out of memory):
    nothing else would, and a worker waits for its next chunk for ever, holding its models' memory."""
    parent.join()
    os._exit(1)
