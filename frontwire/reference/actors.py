"""Armed groups and named organisations (``groups*.json``), and the periods ACLED dates a state's forces by
(``periods*.tsv``: "Military Forces of Armenia (2018-)").
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from frontwire.reference.files import table_files, tsv_rows

# start, end (None: still in office), ACLED's suffix for the state's forces then
Period = tuple[date, date | None, str]


@dataclass(frozen=True, slots=True)
class Group:
    """A non-state actor: ``inter`` is ACLED's code (2 rebels, 3 political militias, 4 identity militias,
    8 external forces); ``generic_aliases`` name it only with the home country ("Islamic State (X)")."""

    name: str
    country: str | None
    inter: int
    aliases: tuple[str, ...]
    generic_aliases: tuple[str, ...] = ()


def read_groups(folders: Iterable[Path]) -> tuple[Group, ...]:
    """Every group in the ``groups*.json`` files of ``folders``, in file order."""
    groups: list[Group] = []
    for path in table_files(folders, "groups*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data.get("actors", []):
            groups.append(Group(item["name"], item.get("country"), int(item.get("inter", 3)),
                                tuple(item.get("aliases", ())), tuple(item.get("generic_aliases", ()))))
    return tuple(groups)


def read_periods(folders: Iterable[Path]) -> dict[str, list[Period]]:
    """Each country's periods, in date order."""
    periods: dict[str, list[Period]] = {}
    for path in table_files(folders, "periods*.tsv"):
        for country, start, end, suffix, *_ in tsv_rows(path, 4):
            periods.setdefault(country, []).append(
                (date.fromisoformat(start), date.fromisoformat(end) if end else None, suffix))
    for spans in periods.values():
        spans.sort()
    return periods


def period_suffix(spans: list[Period], on: date | None) -> str:
    """ACLED's period suffix on date ``on`` ("(2003-)"): the latest for no date, the nearest outside the
    table's range, "" when the country has none."""
    if not spans:
        return ""
    if on is None:
        return spans[-1][2]
    for start, end, suffix in spans:
        if start <= on and (end is None or on < end):
            return suffix
    return spans[0][2] if on < spans[0][0] else spans[-1][2]
