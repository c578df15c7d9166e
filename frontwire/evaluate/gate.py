"""The quality gate: a bound per score and gold kind, recorded in ``floors.json``, compared with a run's scores.

Most scores are good when high (recall, accuracy) and get a floor: the run fails when one falls below it. A few
are good when low (must-not rules broken, events coded from articles where nothing should be) and get a
ceiling: the run fails when one rises above it. In ``floors.json`` a plain number is a floor and
``{"at_most": N}`` a ceiling (``{"at_least": N}`` spells a floor out), so a reader sees which way each bound
points beside its value.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontwire.errors import GoldError

FLOORS_PATH = Path(__file__).with_name("floors.json")
_SLACK = 1e-9  # scores are ratios of integers: a value printed equal to its bound must pass


@dataclass(frozen=True, slots=True)
class Bound:
    """One recorded bound: ``value`` is a floor (the score must stay at or above it) or, with ``ceiling``, a
    ceiling (the score must stay at or below it)."""

    value: float
    ceiling: bool = False

    def broken_by(self, score: float) -> bool:
        if self.ceiling:
            return score > self.value + _SLACK
        return score + _SLACK < self.value

    def describe(self) -> str:
        return f"{'ceiling' if self.ceiling else 'floor'} {self.value:.3f}"


def parse_bound(spec: Any, where: str = "floors.json") -> Bound:
    """A number is a floor; ``{"at_least": x}`` a floor and ``{"at_most": x}`` a ceiling."""
    if isinstance(spec, bool):
        raise GoldError(f"{where}: a bound must be a number, not {spec!r}")
    if isinstance(spec, int | float):
        return Bound(float(spec))
    if isinstance(spec, dict) and len(spec) == 1:
        way, value = next(iter(spec.items()))
        if way in ("at_least", "at_most") and isinstance(value, int | float) and not isinstance(value, bool):
            return Bound(float(value), ceiling=way == "at_most")
    raise GoldError(f"{where}: cannot read the bound {spec!r}",
                    hint='write a floor as a number, a ceiling as {"at_most": N}')


def load_floors(path: Path | None = None) -> dict[str, dict[str, Bound]]:
    """Every gold kind's bounds, by score name (the file's ``about`` is its documentation, not a kind)."""
    where = str(path or FLOORS_PATH)
    try:
        with open(path or FLOORS_PATH, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{where}: cannot read the floors ({exc})") from exc
    return {kind: {metric: parse_bound(spec, f"{where}: {kind}.{metric}") for metric, spec in bounds.items()}
            for kind, bounds in data.items() if kind != "about"}


def check_floors(kind: str, scores: Mapping[str, float],
                 floors: Mapping[str, Mapping[str, Bound | float]]) -> list[str]:
    """One line per score on the wrong side of its bound (empty when the gate passes). A missing score fails too.

    ``floors`` maps each kind to its bounds; a bare number there is a floor, as in the file.
    """
    problems = []
    for metric, spec in sorted(floors.get(kind, {}).items()):
        bound = spec if isinstance(spec, Bound) else Bound(float(spec))
        value = scores.get(metric)
        if value is None:
            problems.append(f"{kind}: {metric} was not measured ({bound.describe()})")
        elif bound.broken_by(value):
            side = "above its ceiling" if bound.ceiling else "below its floor"
            problems.append(f"{kind}: {metric} = {value:.3f} is {side} {bound.value:.3f}")
    return problems
