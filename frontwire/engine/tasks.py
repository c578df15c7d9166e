"""What a worker runs: one chunk of inputs cleaned, or one batch of cleaned documents coded.

The engines (``frontwire.engine.local``, ``frontwire.engine.dask``) send these functions, with the settings and
a chunk, to a worker process; the worker keeps one ``Pipeline`` per settings for its whole life, so spaCy, the
gazetteer and the classifiers load once per process, not once per chunk.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from frontwire import __version__
from frontwire.config import Settings
from frontwire.errors import FrontwireError
from frontwire.pipeline import Pipeline, Result, clean_item
from frontwire.records import Document, Failure, RawDocument
from frontwire.reference import use_reference_dir

log = logging.getLogger("frontwire.engine")

_PIPELINES: dict[Settings, Pipeline] = {}
# A Dask worker may run several tasks at once in threads: they take turns on the one pipeline, whose models are
# not made to be shared between threads (and the GIL would serialise the Python stages anyway)
_TURN = threading.Lock()


class TaskFailed(Exception):
    """A task's exception in a form every process can unpickle (some of frontwire's errors take other
    arguments than their message): its type, its message, and whether it is one of frontwire's own errors, which
    say what to do and end the run as they would in one process (a missing model, a bad gazetteer)."""

    def __init__(self, kind: str, message: str, ours: bool) -> None:
        super().__init__(kind, message, ours)
        self.kind, self.message, self.ours = kind, message, ours

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"


def worker_pipeline(settings: Settings) -> Pipeline:
    """This process's pipeline for ``settings``, built on the first call."""
    pipeline = _PIPELINES.get(settings)
    if pipeline is None:
        use_reference_dir(settings.reference_dir)  # as the command line does in the process that reads the input
        pipeline = _PIPELINES[settings] = Pipeline(settings)
    return pipeline


def warm(settings: Settings) -> str:
    """Load what coding reads (``Pipeline.load``) now rather than in the first batch; return this process's
    frontwire version, which must be the reading process's."""
    with _TURN:
        worker_pipeline(settings).load()
    return __version__


def clean_chunk(settings: Settings, items: list[RawDocument | Failure]) -> list[Document | Result]:
    """Clean each input of a chunk (``frontwire.pipeline.clean_item``), in order. An input that breaks the
    cleaner (a bug) is that input's failure, not the chunk's."""
    with _TURN, _transportable():
        worker_pipeline(settings)
        out: list[Document | Result] = []
        for item in items:
            try:
                out.append(clean_item(item))
            except Exception as exc:  # noqa: BLE001 - one document's bug must not fail its chunk
                assert isinstance(item, RawDocument)  # a Failure item is returned as it is
                log.debug("cleaning failed for %s", item.origin, exc_info=True)
                reason = f"{item.origin}: cleaning failed ({type(exc).__name__}: {exc}); please report it"
                out.append(Result(document=None, failure=Failure(item.origin, "clean", reason, item.id)))
        return out


def code_batch(settings: Settings, documents: list[Document]) -> list[Result]:
    """Parse, extract, place and date one batch (``Pipeline.code_batch``): the results in the batch's order."""
    with _TURN, _transportable():
        return worker_pipeline(settings).code_batch(documents)


@contextmanager
def _transportable() -> Iterator[None]:
    """Turn any exception leaving a task into ``TaskFailed``."""
    try:
        yield
    except TaskFailed:
        raise
    except Exception as exc:
        log.debug("task failed", exc_info=True)
        raise TaskFailed(type(exc).__name__, str(exc), isinstance(exc, FrontwireError)) from None
