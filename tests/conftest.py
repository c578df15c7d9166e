"""Shared fixtures: where ../shared is, the seed report, temporary stores (SQLite, and PostgreSQL when CI starts one)."""

from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path

import pytest

from frontwire.config import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_d54e5245f36c7340.txt"
SEED_GOLD = SHARED / "gold" / "seed.json"
ACLED_DIR = SHARED / "data" / "gold" / "acled"
EXAMPLES = ROOT / "frontwire" / "data" / "examples"


@pytest.fixture(autouse=True)
def _frontwire_logger_as_it_was():
    """``main()`` points frontwire's logger at this process's stderr and stops it propagating: put it back after
    each test, or a later test would no longer see frontwire's warnings in caplog (which test runs first must not
    matter)."""
    logger = logging.getLogger("frontwire")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    yield
    logger.handlers[:], logger.level, logger.propagate = saved


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside the checkout")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "test.db"), progress=False)


def postgres_url() -> str | None:
    return os.environ.get("FRONTWIRE_TEST_POSTGRES")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh, empty store of each kind: SQLite always, PostgreSQL when FRONTWIRE_TEST_POSTGRES names a server."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    base = postgres_url()
    if not base:
        pytest.skip("set FRONTWIRE_TEST_POSTGRES to a PostgreSQL URL to test the PostgreSQL store (.ci/run does)")
    import psycopg

    name = f"frontwire_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = base.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
