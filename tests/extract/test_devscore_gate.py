"""Quality gate on ACLED's Afghanistan notes (cross-validated); skipped where the dev data is absent.

Floors sit a little under the measured scores (see the extract stage's report); raise them as scores rise.
"""

from __future__ import annotations

import io

import pytest

from frontwire.extract.devscore import read_rows, score

from .conftest import SHARED

AFGHANISTAN = SHARED / "data" / "gold" / "acled" / "acled_afghanistan_2020-03_dkoban.csv"


@pytest.mark.slow
def test_afghanistan_notes_gate():
    if not AFGHANISTAN.exists():
        pytest.skip("ACLED dev data not available")
    rows = read_rows([AFGHANISTAN])
    out = io.StringIO()
    result = score(rows, folds=5, strip_remarks=True, out=out)
    assert result["accuracy"] >= 0.93, out.getvalue()
    assert result["actor1_country"] >= 0.95, out.getvalue()
    assert result["fatalities"] >= 0.90, out.getvalue()
