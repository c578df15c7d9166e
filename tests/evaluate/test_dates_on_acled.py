"""ACLED's own notes as reports: the date resolved from each note must be the coder's (floors: the ``dates`` kind)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwire.evaluate.acled import ACLED_DIR
from frontwire.evaluate.dates import MODES, gate_scores, score_file
from frontwire.evaluate.gate import check_floors, load_floors

from .conftest import SHARED

FILES = ("acled_arm_2018-2019.csv", "acled_afghanistan_2020-03_dkoban.csv")


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", FILES)
def test_acled_notes_are_dated_as_the_coders_did(name, mode):
    path = ACLED_DIR / name
    if not path.exists():
        pytest.skip(f"{path} is not here (development data)")
    score = score_file(path, mode, today=date(2026, 11, 25))
    assert score.total > 400
    wanted = f"{path.stem}.{mode}"
    floors = {"dates": {wanted: load_floors()["dates"][wanted]}}
    assert check_floors("dates", gate_scores([score]), floors) == [], score.misses[:10]


def test_the_acled_data_folder_is_shared_beside_the_checkout():
    assert ACLED_DIR.resolve() == (SHARED / "data" / "gold" / "acled").resolve()
