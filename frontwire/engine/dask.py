"""A Dask cluster: ``frontwire ingest --engine dask --scheduler tcp://HOST:8786``.

The chunks of documents are tasks on the cluster's workers; each worker process keeps one pipeline for its life
(``frontwire.engine.tasks``), loaded on every worker when the run starts. The input is read, and the store written,
only here, by the client: the workers need frontwire (``pip install 'frontwire[cluster]'``, the same version),
not the store. Without ``--scheduler`` a ``LocalCluster`` of ``--workers`` processes is started for a try-out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from frontwire import __version__
from frontwire.config import Settings
from frontwire.engine.tasks import TaskFailed, warm
from frontwire.errors import FrontwireError, MissingDependency

log = logging.getLogger("frontwire.engine")

CONNECT_SECONDS = 30


class DaskBackend:
    """The tasks of one run on a Dask cluster, reached through a ``distributed.Client``."""

    def __init__(self, settings: Settings, *, scheduler: str | None, workers: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise MissingDependency("distributed", "cluster") from exc
        self.settings = settings
        self._cluster: Any = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout=CONNECT_SECONDS, set_as_default=False)
            else:
                log.info("starting a local Dask cluster of %d worker processes", workers)
                self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                             dashboard_address=None)
                self._client = Client(self._cluster, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            self._close_cluster()
            raise FrontwireError(f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                                 hint="start one with 'dask scheduler' and give the address it prints "
                                      "(tcp://HOST:8786), or leave out --scheduler to try a local cluster") from exc
        try:
            self._check_workers()
        except BaseException:
            self.close()
            raise

    def _check_workers(self) -> None:
        """Load the pipeline on every worker now, and check that each runs this version of frontwire."""
        try:
            versions = self._client.run(warm, self.settings)
        except Exception as exc:
            raise FrontwireError(f"the Dask workers cannot run frontwire ({type(exc).__name__}: {exc})",
                                 hint=f"install it on every worker: pip install 'frontwire[cluster]=={__version__}'"
                                 ) from exc
        others = sorted({version for version in versions.values() if version != __version__})
        if others:
            raise FrontwireError(f"Dask workers run frontwire {', '.join(others)}, this process {__version__}",
                                 hint=f"install the same version everywhere: pip install "
                                      f"'frontwire[cluster]=={__version__}'")
        if not versions:
            log.warning("the Dask scheduler has no workers yet: the run waits for one to join")

    @property
    def slots(self) -> int:
        """How many tasks the cluster runs at once now: its workers' threads."""
        return max(1, sum(self._client.nthreads().values()))

    def submit(self, task: Callable[[Settings, list[Any]], list[Any]], chunk: list[Any]) -> Any:
        # pure=False: two chunks alike are still two tasks (Dask would otherwise compute one and hash the data)
        return self._client.submit(task, self.settings, chunk, pure=False)

    def result(self, future: Any) -> list[Any]:
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker as exc:  # Dask ran it on several workers already, and each died under it
            raise TaskFailed("KilledWorker", str(exc), False) from exc
        except TaskFailed:
            raise
        except Exception as exc:  # the scheduler went away, or cancelled the task
            raise FrontwireError(f"the Dask cluster stopped answering ({type(exc).__name__}: {exc})",
                                 hint="every document stored so far is complete: run the same command again "
                                      "once the scheduler is back") from exc

    def close(self) -> None:
        try:
            self._client.close()
        finally:
            self._close_cluster()

    def _close_cluster(self) -> None:
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
