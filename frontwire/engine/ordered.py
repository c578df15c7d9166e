"""Run the pipeline's per-document stages on workers and hand back exactly what one process would, in its order.

``Pipeline.run`` in one process cleans each input, skips the documents the store holds, and parses and codes the
rest in batches of ``batch_size``. ``run_in_order`` does the same with the work spread over a ``Backend`` (worker
processes, a Dask cluster):

    reading process                          workers
    ---------------                          -------
    read the input, chunk by chunk   ->      clean_chunk: clean each input
    skip what the store holds,       <-
    gather the batches run() would   ->      code_batch: parse, extract, place, date
    yield the results in run()'s order  <-

Only the cheap steps stay in the reading process, and the batches are the very batches ``run`` would make, so the
results are the same ones, in the same order: a caller that stores each result as it comes (the single writer)
stores what one process stores. At most ``depth`` chunks are being cleaned and ``depth`` batches coded at a time,
so a corpus of any size streams through in bounded memory.
"""

from __future__ import annotations

import logging
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

from frontwire.config import Settings
from frontwire.engine.tasks import TaskFailed, clean_chunk, code_batch
from frontwire.errors import FrontwireError
from frontwire.pipeline import Result, not_coded
from frontwire.records import Document, Failure, RawDocument

log = logging.getLogger("frontwire.engine")

Item = RawDocument | Failure
Skip = Callable[[str], bool]


class WorkerLost(Exception):
    """The process running a task died (killed, out of memory, a crash in native code)."""


class Backend(Protocol):
    """Where tasks run. ``result`` raises the task's ``TaskFailed``, or ``WorkerLost``."""

    def submit(self, task: Callable[[Settings, list[Any]], list[Any]], chunk: list[Any]) -> Any: ...

    def result(self, future: Any) -> list[Any]: ...

    def close(self) -> None: ...


@dataclass(slots=True)
class _Step:
    """One place in run()'s output: results ready now, or a batch being coded."""

    results: list[Result] | None = None
    future: Any = None
    documents: list[Document] = field(default_factory=list)
    # the documents the caller will have stored once this step's results are handed over
    hashes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        documents = self.documents if self.results is None else [r.document for r in self.results if r.document]
        self.hashes = [document.content_hash for document in documents]


def run_in_order(backend: Backend, settings: Settings, items: Iterable[Item], *, skip: Skip | None = None,
                 depth: int = 4) -> Iterator[Result]:
    """What ``Pipeline(settings).run(items, skip=skip)`` yields, in its order, with cleaning and coding done by
    ``backend``. ``skip`` is asked about each cleaned document when every result that ``run`` would have yielded
    before it has been handed over (and stored), as ``run`` asks it."""
    return _OrderedRun(backend, settings, skip, depth).run(items)


class _OrderedRun:
    def __init__(self, backend: Backend, settings: Settings, skip: Skip | None, depth: int) -> None:
        self.backend, self.settings, self.skip, self.depth = backend, settings, skip, max(1, depth)
        self.steps: deque[_Step] = deque()
        # the content hashes of the documents in ``steps``: one process would have stored them by now, so a copy
        # of one met now waits for them to be stored, then asks ``skip`` (and is skipped, as in one process)
        self.held: Counter[str] = Counter()
        self.coding = 0  # steps whose batch is still with the backend

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        chunks = _chunked(items, self.settings.batch_size)
        cleaning: deque[tuple[list[Item], Any]] = deque()
        batch: list[Document] = []
        while True:
            while len(cleaning) < self.depth and (chunk := next(chunks, None)) is not None:
                cleaning.append((chunk, self.backend.submit(clean_chunk, chunk)))
            if not cleaning:
                break
            chunk, future = cleaning.popleft()
            for cleaned in self._cleaned(chunk, future):
                if isinstance(cleaned, Result):
                    self._queue(_Step(results=[cleaned]))
                    continue
                if self.skip is not None:
                    if self.held[cleaned.content_hash]:
                        yield from self._hand_over(until=cleaned.content_hash)
                    if self.skip(cleaned.content_hash):
                        continue
                if cleaned.status != "ok":
                    self._queue(_Step(results=[not_coded(cleaned)]))
                    continue
                batch.append(cleaned)
                if len(batch) >= self.settings.batch_size:
                    yield from self._code(batch)
                    batch = []
            yield from self._hand_over()
        if batch:
            yield from self._code(batch)
        yield from self._hand_over(everything=True)

    def _cleaned(self, chunk: list[Item], future: Any) -> list[Document | Result]:
        try:
            return self._outcome(clean_chunk, chunk, future)
        except _ChunkFailed as failed:
            return [Result(document=None, failure=item) if isinstance(item, Failure) else _lost(item, failed.reason)
                    for item in chunk]

    def _code(self, batch: list[Document]) -> Iterator[Result]:
        self._queue(_Step(future=self.backend.submit(code_batch, batch), documents=batch))
        self.coding += 1
        while self.coding > self.depth:  # enough work queued: wait for the oldest before adding more
            yield from self._hand_over(one=True)

    def _queue(self, step: _Step) -> None:
        self.steps.append(step)
        self.held.update(step.hashes)

    def _hand_over(self, *, until: str | None = None, one: bool = False, everything: bool = False
                   ) -> Iterator[Result]:
        """Yield the steps at the head of the output: those ready (by default), those up to the last one holding
        the document ``until``, the oldest one (``one``), or all (``everything``)."""
        while self.steps:
            head = self.steps[0]
            wanted = everything or (until is not None and self.held[until] > 0) or one
            if not wanted and head.results is None and not head.future.done():
                return
            self.steps.popleft()
            if head.results is None:
                self.coding -= 1
                head.results = self._coded(head)
            yield from head.results
            for content_hash in head.hashes:  # handed over: the caller has stored them by now
                self.held[content_hash] -= 1
                if not self.held[content_hash]:
                    del self.held[content_hash]
            if one:
                return

    def _coded(self, step: _Step) -> list[Result]:
        try:
            return self._outcome(code_batch, step.documents, step.future)
        except _ChunkFailed as failed:
            return [_lost(document, failed.reason) for document in step.documents]

    def _outcome(self, task: Callable[[Settings, list[Any]], list[Any]], chunk: list[Any], future: Any) -> list[Any]:
        """The task's results. A task whose worker died gets one more try: a pool breaks under every task it
        holds, and only one of them may be to blame; the one to blame breaks it again and fails. frontwire's own
        errors (a missing model) end the run, as they do in one process."""
        for attempt in (1, 2):
            try:
                return self.backend.result(future)
            except WorkerLost as exc:
                if attempt == 2:
                    raise _ChunkFailed(f"its worker process died twice ({exc}); run again to retry, and report it "
                                       "if it fails again") from exc
                log.warning("a worker process died (%s); running its %d item(s) again", exc, len(chunk))
                future = self.backend.submit(task, chunk)
            except TaskFailed as exc:
                if exc.ours:
                    raise FrontwireError(exc.message) from exc
                raise _ChunkFailed(f"a worker failed on it ({exc}); please report it") from exc
        raise AssertionError("unreachable")  # pragma: no cover


class _ChunkFailed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _lost(item: RawDocument | Document, reason: str) -> Result:
    """An input a worker could not process: its failure, and no document, so that a second run tries it again."""
    return Result(document=None, failure=Failure(item.origin, "worker", f"{item.origin}: {reason}", item.id))


def _chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, max(1, size))):
        yield chunk
