"""Shared paths for the evaluation tests: the gold articles we wrote ourselves, and ../shared where present."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
NEWS = HERE / "news"  # two short articles of our own writing and their gold, laid out as shared/data/news/dev
SHARED = HERE.parents[2] / "shared"
NEWS_DEV = SHARED / "data" / "news" / "dev"


def our_gold(name: str) -> dict[str, Any]:
    return json.loads((NEWS / "gold" / f"{name}.json").read_text(encoding="utf-8"))


def event(**fields: Any) -> dict[str, Any]:
    """An extracted event as ``Claim.to_dict`` gives it, with only the fields a test needs."""
    base: dict[str, Any] = {"modality": "asserted", "confidence": 0.5, "losses": [], "evidence": [{"text": "..."}]}
    return base | fields


@pytest.fixture(scope="session")
def gaz():
    """The packaged gazetteer, loaded once (no user extensions)."""
    from frontwire.geo import get_gazetteer

    return get_gazetteer("/nonexistent-frontwire-test-dir")
