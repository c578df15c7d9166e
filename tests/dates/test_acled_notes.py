"""ACLED's own notes as reports: the date resolved from each note must be the coder's for >= 99% of rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontwire.dates.devscore import DEFAULT_DATA, FILES, score_file

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "gold" / "acled"


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["none", "near"])
@pytest.mark.parametrize("name", FILES)
def test_acled_notes_are_dated_as_the_coders_did(name, mode):
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{path} is not here (development data)")
    score = score_file(path, mode, today=date(2026, 11, 25))
    assert score.total > 400
    assert score.rate >= 0.99, score.misses[:10]


def test_devscore_default_data_path_points_at_shared():
    assert DEFAULT_DATA.resolve() == DATA.resolve()
