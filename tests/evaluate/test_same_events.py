"""The events the shipped pipeline codes from the development corpora are the ones recorded in
``tests/data/event_digests.json``: a change meant only for speed (issue #13) must not change one of them. After a
change meant to change what is coded, re-record with ``python scripts/record_event_digests.py``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwire.config import Settings
from frontwire.evaluate.fingerprint import acled_notes, differences, event_digests, news_articles

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
RECORDED = json.loads((ROOT / "tests" / "data" / "event_digests.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not (SHARED / "data" / "news" / "dev" / "articles").is_dir(),
                                reason="the development corpora (../shared) are not beside the checkout")


def test_the_news_articles_code_the_recorded_events():
    now = event_digests(news_articles(SHARED / "data" / "news" / "dev" / "articles", Settings(progress=False)),
                        Settings(progress=False))
    assert not differences(RECORDED["news"], now)


def test_the_acled_notes_code_the_recorded_events():
    now = event_digests(acled_notes(sorted((SHARED / "data" / "gold" / "acled").glob("*.csv"))),
                        Settings(progress=False))
    assert not differences(RECORDED["acled"], now)


def test_a_changed_event_is_told():
    recorded = {"a": "0" * 20, "b": "1" * 20}
    assert differences(recorded, {"a": "0" * 20, "c": "2" * 20}) == ["c: not coded before", "b: no longer coded"]
    assert differences(recorded, {"a": "9" * 20, "b": "1" * 20}) == ["a: events differ"]
