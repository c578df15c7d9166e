"""The quality gate: floors are read, a score under its floor (or missing) fails, and the seed clears every floor."""

from __future__ import annotations

import pytest

from frontwire.cli.main import main
from frontwire.evaluate import check_floors, load_floors

from ..conftest import SEED_GOLD  # noqa: TID252 - tests share the conftest's paths


def test_a_score_below_its_floor_fails_and_a_missing_one_too():
    floors = {"seed": {"events.recall": 0.9, "losses.recall": 1.0}}
    assert check_floors("seed", {"events.recall": 0.95, "losses.recall": 1.0}, floors) == []
    problems = check_floors("seed", {"events.recall": 0.5}, floors)
    assert len(problems) == 2
    assert "events.recall = 0.500 is below its floor 0.900" in problems[0]
    assert "losses.recall was not measured" in problems[1]


def test_packaged_floors_cover_every_gold_kind():
    floors = load_floors()
    assert {"seed", "acled", "news"} <= set(floors)
    assert floors["acled"]["sub_event_type"].value >= 0.92


def test_seed_clears_every_floor(capsys):
    if not SEED_GOLD.exists():
        pytest.skip("../shared/gold is not beside the checkout")
    assert main(["eval", str(SEED_GOLD)]) == 0
    out = capsys.readouterr().out
    assert "events.recall" in out and "losses.recall" in out


def test_a_raised_floor_fails_the_gate(tmp_path, capsys):
    if not SEED_GOLD.exists():
        pytest.skip("../shared/gold is not beside the checkout")
    floors = tmp_path / "floors.json"
    floors.write_text('{"seed": {"events.recall": 1.01}}')
    assert main(["eval", str(SEED_GOLD), "--floors", str(floors)]) == 1
    assert "events.recall = 1.000 is below its floor 1.010" in capsys.readouterr().err
