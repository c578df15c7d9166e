"""Quality gate on place resolution over ACLED's coded notes (read from ../shared, skipped where absent).

The floors are the ``places`` kind of floors.json, a little under the measured figures
(``python -m frontwire.evaluate.places``): a fall fails the build unless someone lowers a floor on purpose.
"""

from __future__ import annotations

import pytest

from frontwire.evaluate.acled import ACLED_DIR
from frontwire.evaluate.gate import check_floors, load_floors

FILES = ("acled_arm_2018-2019.csv", "acled_afghanistan_2020-03_dkoban.csv")


def test_every_file_scored_here_has_its_floors():
    floors = load_floors()["places"]
    for name in FILES:
        stem = name.removesuffix(".csv")
        assert {f"{stem}.within_10km", f"{stem}.same_admin1"} <= set(floors)


@pytest.mark.slow
@pytest.mark.parametrize("name", FILES)
def test_acled_notes_are_placed_where_the_coder_placed_them(gaz, name):
    from frontwire.evaluate.places import gate_scores, placed_rows, score

    path = ACLED_DIR / name
    if not path.exists():
        pytest.skip("ACLED development data not present")
    scores = gate_scores(path, score(placed_rows([path]), gaz))
    floors = {"places": {k: v for k, v in load_floors()["places"].items() if k.startswith(path.stem + ".")}}
    assert check_floors("places", scores, floors) == []
