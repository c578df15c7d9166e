"""The quality gate: recorded floors per gold kind, compared with the scores of a run."""

from __future__ import annotations

import json
from pathlib import Path

FLOORS_PATH = Path(__file__).with_name("floors.json")


def load_floors(path: Path | None = None) -> dict[str, dict[str, float]]:
    with open(path or FLOORS_PATH, encoding="utf-8") as handle:
        data = json.load(handle)
    return {kind: {k: float(v) for k, v in floors.items()} for kind, floors in data.items() if kind != "about"}


def check_floors(kind: str, scores: dict[str, float], floors: dict[str, dict[str, float]]) -> list[str]:
    """Return one line per score below its floor (empty when the gate passes). A missing score fails too."""
    problems = []
    for metric, floor in sorted(floors.get(kind, {}).items()):
        value = scores.get(metric)
        if value is None:
            problems.append(f"{kind}: {metric} was not measured (floor {floor:.3f})")
        elif value + 1e-9 < floor:
            problems.append(f"{kind}: {metric} = {value:.3f} is below its floor {floor:.3f}")
    return problems
