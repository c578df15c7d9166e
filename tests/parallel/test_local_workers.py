"""``--workers N``: worker processes on this machine store exactly what one process stores, in the same order,
and a second run over the same input stores nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from parallel_corpus import PUBLISHED, stored  # noqa: E402

from frontwire.cli.ingest import ingest  # noqa: E402
from frontwire.config import Settings  # noqa: E402
from frontwire.engine import EngineOptions  # noqa: E402
from frontwire.engine.local import LocalBackend  # noqa: E402

BATCH = 4  # small batches, so that the corpus makes several and two workers share them


@pytest.fixture(scope="module")
def two_runs(corpus, tmp_path_factory):
    """The corpus ingested by one process and by two workers, each into a fresh SQLite store."""
    folder = tmp_path_factory.mktemp("stores")
    one, two = str(folder / "one.db"), str(folder / "two.db")
    alone = ingest([str(corpus)], Settings(db=one, progress=False, batch_size=BATCH), published=PUBLISHED)
    submitted: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        submit = LocalBackend.submit

        def counted(self, task, chunk):
            submitted.append(task.__name__)
            return submit(self, task, chunk)

        patch.setattr(LocalBackend, "submit", counted)
        shared = ingest([str(corpus)], Settings(db=two, progress=False, batch_size=BATCH), published=PUBLISHED,
                        engine=EngineOptions(workers=2))
    return one, two, alone, shared, submitted


def test_two_workers_store_the_documents_claims_failures_and_events_of_one_process(two_runs):
    one, two, alone, shared, submitted = two_runs
    assert submitted.count("code_batch") >= 4, "the corpus should have been coded by the workers, in batches"
    assert shared == alone
    assert alone.stored == 16 and alone.already == 1 and alone.failed == 4  # the copy, and the four bad inputs
    expected, got = stored(one), stored(two)
    assert expected["claims"] and expected["events"] and expected["control"] and expected["losses"]
    assert got == expected


def test_running_the_same_input_again_with_workers_stores_nothing_new(two_runs, corpus):
    one, two, alone, shared, submitted = two_runs
    before = stored(two)
    again = ingest([str(corpus)], Settings(db=two, progress=False, batch_size=BATCH), published=PUBLISHED,
                   engine=EngineOptions(workers=2))
    assert (again.stored, again.claims, again.already) == (0, 0, alone.stored + alone.already)
    assert stored(two) == before
