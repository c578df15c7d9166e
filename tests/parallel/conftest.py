"""Fixtures of the engine tests: the invented corpus, written once, and fresh PostgreSQL databases."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from parallel_corpus import write_corpus  # noqa: E402


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("parallel") / "corpus")


@pytest.fixture
def postgres_databases():
    """Make fresh PostgreSQL databases on the server FRONTWIRE_TEST_POSTGRES names, dropped after the test."""
    base = os.environ.get("FRONTWIRE_TEST_POSTGRES")
    if not base:
        pytest.skip("set FRONTWIRE_TEST_POSTGRES to a PostgreSQL URL to test the PostgreSQL store (.ci/run does)")
    import psycopg

    names: list[str] = []

    def make() -> str:
        name = f"frontwire_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        names.append(name)
        return base.rsplit("/", 1)[0] + "/" + name

    yield make
    with psycopg.connect(base, autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
