"""Floors and ceilings in the gate: which way each bound points, and how floors.json spells them."""

from __future__ import annotations

import json

import pytest

from frontwire.errors import GoldError
from frontwire.evaluate.gate import Bound, check_floors, load_floors, parse_bound


def test_a_ceiling_fails_when_the_score_rises_above_it_and_passes_at_it():
    floors = {"negatives": {"events_per_article": Bound(0.05, ceiling=True)}}
    assert check_floors("negatives", {"events_per_article": 0.05}, floors) == []
    assert check_floors("negatives", {"events_per_article": 0.01}, floors) == []
    problems = check_floors("negatives", {"events_per_article": 0.2}, floors)
    assert problems == ["negatives: events_per_article = 0.200 is above its ceiling 0.050"]


def test_a_floor_fails_below_it_and_a_ceiling_never_does():
    floors = {"news": {"events.recall": Bound(0.3), "must_not.violations": Bound(17, ceiling=True)}}
    problems = check_floors("news", {"events.recall": 0.2, "must_not.violations": 0.0}, floors)
    assert problems == ["news: events.recall = 0.200 is below its floor 0.300"]


def test_a_missing_score_fails_whichever_way_its_bound_points():
    problems = check_floors("news", {}, {"news": {"must_not.violations": Bound(3, ceiling=True)}})
    assert problems == ["news: must_not.violations was not measured (ceiling 3.000)"]


def test_the_file_writes_a_floor_as_a_number_and_a_ceiling_as_at_most(tmp_path):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"about": "test", "k": {"a": 0.5, "b": {"at_most": 2}, "c": {"at_least": 0.1}}}))
    assert load_floors(path) == {"k": {"a": Bound(0.5), "b": Bound(2.0, ceiling=True), "c": Bound(0.1)}}


@pytest.mark.parametrize("spec", [{"below": 2}, {"at_most": "2"}, True, "0.5", {"at_most": 1, "at_least": 0}])
def test_an_unreadable_bound_is_an_error(spec):
    with pytest.raises(GoldError, match="cannot read the bound|must be a number"):
        parse_bound(spec)
