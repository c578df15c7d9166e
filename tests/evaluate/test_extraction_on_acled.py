"""Quality gate on extraction over ACLED's Afghanistan notes (cross-validated, coder remarks stripped); skipped
where the dev data is absent. The floors are the ``extraction`` kind of floors.json; raise them as scores rise."""

from __future__ import annotations

import io

import pytest

from frontwire.evaluate.acled import ACLED_DIR, read_rows
from frontwire.evaluate.gate import check_floors, load_floors

AFGHANISTAN = ACLED_DIR / "acled_afghanistan_2020-03_dkoban.csv"


@pytest.mark.slow
def test_afghanistan_notes_gate():
    from frontwire.evaluate.extraction import gate_scores, score

    if not AFGHANISTAN.exists():
        pytest.skip("ACLED dev data not available")
    out = io.StringIO()
    result = score(read_rows([AFGHANISTAN]), folds=5, strip_remarks=True, out=out)
    assert check_floors("extraction", gate_scores(AFGHANISTAN, result), load_floors()) == [], out.getvalue()
