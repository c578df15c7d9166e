"""Quality gate on ACLED's coded notes (read from ../shared, skipped where absent).

The floors sit a little under the measured figures (python -m frontwire.geo.devscore): a fall fails the
build unless someone lowers a floor on purpose, in a commit that says why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ACLED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "gold" / "acled"
FLOORS = {  # file: (within 10 km, same admin1)
    "acled_arm_2018-2019.csv": (0.98, 0.985),
    "acled_afghanistan_2020-03_dkoban.csv": (0.59, 0.975),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_acled_notes_are_placed_where_the_coder_placed_them(gaz, name):
    from frontwire.geo.devscore import read_rows, score

    path = ACLED / name
    if not path.exists():
        pytest.skip("ACLED development data not present")
    result = score(read_rows([path]), gaz)
    near, admin = FLOORS[name]
    assert result["within_10km"] >= near
    assert result["same_admin1"] >= admin
