"""Shared fixtures for the geo tests: the gazetteer loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def gaz():
    from frontwire.geo import get_gazetteer

    return get_gazetteer("/nonexistent-frontwire-test-dir")
