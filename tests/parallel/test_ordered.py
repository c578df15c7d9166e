"""``run_in_order`` with the tasks run in this process: the results of ``Pipeline.run`` in its order, and what
becomes of a worker that dies or a task that fails."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from parallel_corpus import PUBLISHED  # noqa: E402

from frontwire.config import Settings  # noqa: E402
from frontwire.engine.ordered import WorkerLost, run_in_order  # noqa: E402
from frontwire.engine.tasks import TaskFailed  # noqa: E402
from frontwire.errors import FrontwireError  # noqa: E402
from frontwire.ingest import iter_raw_documents  # noqa: E402
from frontwire.pipeline import Pipeline  # noqa: E402

SETTINGS = Settings(progress=False, batch_size=3)


class _Later:
    def __init__(self, run: Any, ready: bool) -> None:
        self.run, self.ready = run, ready

    def done(self) -> bool:
        return self.ready


class InlineBackend:
    """Runs each task here when its result is asked for; ``die`` and ``fail`` name the task numbers (from 1) whose
    worker dies or that raise; tasks that are not ``ready`` look busy until their result is asked for."""

    def __init__(self, *, die: tuple[int, ...] = (), fail: dict[int, TaskFailed] | None = None,
                 ready: bool = True) -> None:
        self.die, self.fail, self.ready, self.tasks = die, fail or {}, ready, 0

    def submit(self, task, chunk):
        self.tasks += 1
        number = self.tasks

        def run():
            if number in self.die:
                raise WorkerLost("killed")
            if number in self.fail:
                raise self.fail[number]
            return task(SETTINGS, chunk)

        return _Later(run, self.ready)

    def result(self, future):
        return future.run()

    def close(self) -> None:
        pass


def _outcomes(results) -> list[tuple[Any, ...]]:
    return [(r.document, r.claims, r.failure) for r in results]


@pytest.fixture(scope="module")
def items(corpus):
    return list(iter_raw_documents([str(corpus)], SETTINGS, published=PUBLISHED))


def test_results_come_in_the_order_one_process_gives_them(items):
    expected = _outcomes(Pipeline(SETTINGS).run(items))
    assert _outcomes(run_in_order(InlineBackend(), SETTINGS, items, depth=1)) == expected
    assert _outcomes(run_in_order(InlineBackend(), SETTINGS, items, depth=5)) == expected


def test_a_copy_met_while_its_original_is_still_being_coded_is_skipped_as_in_one_process(items):
    def runs(engine):
        stored: set[str] = set()
        asked: list[str] = []

        def skip(content_hash: str) -> bool:
            asked.append(content_hash)
            return content_hash in stored

        out = []
        for result in engine(skip):
            out.append(result)
            if result.document is not None:
                stored.add(result.document.content_hash)  # the caller stores what it is handed
        return _outcomes(out), asked

    copies = items + items[:5]  # the first five again, while their batches are still with the (busy) workers
    one = runs(lambda skip: Pipeline(SETTINGS).run(copies, skip=skip))
    busy = InlineBackend(ready=False)
    assert runs(lambda skip: run_in_order(busy, SETTINGS, copies, skip=skip, depth=8)) == one


def test_a_worker_that_dies_once_is_retried_and_one_that_dies_twice_fails_its_inputs(items):
    expected = _outcomes(Pipeline(SETTINGS).run(items))
    assert _outcomes(run_in_order(InlineBackend(die=(2,)), SETTINGS, items)) == expected

    backend = InlineBackend(die=(1, 2))  # the first chunk to clean, and its retry (the second task submitted)
    results = list(run_in_order(backend, SETTINGS, items, depth=1))
    lost = [r for r in results if r.failure is not None and r.failure.stage == "worker"]
    assert lost and all(r.document is None for r in lost)  # not stored: a second run tries them again
    assert all("worker process died twice" in r.failure.reason for r in lost)
    assert len(results) == len(expected)


def test_a_task_that_fails_fails_its_inputs_and_frontwire_errors_end_the_run(items):
    failed = list(run_in_order(InlineBackend(fail={1: TaskFailed("ValueError", "boom", False)}), SETTINGS, items,
                               depth=1))
    bad = [r for r in failed if r.failure is not None and r.failure.stage == "worker"]
    assert bad and all("a worker failed on it (ValueError: boom)" in r.failure.reason for r in bad)

    with pytest.raises(FrontwireError, match="install the model"):
        list(run_in_order(InlineBackend(fail={1: TaskFailed("MissingDependency", "install the model", True)}),
                          SETTINGS, items))
