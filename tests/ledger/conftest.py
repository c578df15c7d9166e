"""Fixtures of the ledger tests; ``ledger_claims`` (beside this file) builds the claims."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger_claims import seed_scenario  # noqa: E402 - importable only once the folder is on the path

from frontwire.records import Claim  # noqa: E402


@pytest.fixture
def seed_claims() -> list[Claim]:
    return seed_scenario()
