"""Fixtures of the export tests: one store of the bundled examples, ingested once for the whole session, and the
merged events it holds; ACLED's own files from ../shared where they are beside the checkout."""

from __future__ import annotations

import csv
import logging
from pathlib import Path

import pytest

from frontwire.cli.events import query_events
from frontwire.cli.main import main
from frontwire.config import Settings

SHARED_ACLED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "gold" / "acled"
ACLED_AFGHANISTAN = SHARED_ACLED / "acled_afghanistan_2020-03_dkoban.csv"


def acled_file_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding the bundled examples (``frontwire ingest --examples --db ...``)."""
    db = tmp_path_factory.mktemp("export") / "examples.db"
    # the same for this session fixture, which the per-test fixture above does not wrap
    logger = logging.getLogger("frontwire")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    try:
        assert main(["-q", "ingest", "--examples", "--db", str(db)]) == 0
    finally:
        logger.handlers[:], logger.level, logger.propagate = saved
    return str(db)


@pytest.fixture(scope="session")
def example_events(example_db: str) -> list[dict]:
    """The merged events of the example store, as ``frontwire events --format jsonl`` prints them."""
    events = query_events(Settings(db=example_db, progress=False))
    assert len(events) >= 10, "the examples describe a dozen events"
    return events


def event_at(events: list[dict], location: str) -> dict:
    """The one event at ``location``."""
    found = [e for e in events if e.get("location") == location]
    assert len(found) == 1, f"expected one event at {location}, found {len(found)}"
    return found[0]
