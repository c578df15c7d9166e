"""The packaged actor dictionary: countries, state-force periods, armed groups, office holders, outlets.

Everything is read from ``frontwire/data/actors/`` the first time it is asked for (never at import time).
Users extend it by dropping more ``*.json`` files of the ``groups.json`` shape, or ``people*.tsv`` /
``outlets*.tsv`` files, into that folder or into a folder named by ``FRONTWIRE_ACTORS_DIR``.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"
_LOCK = threading.Lock()
_CACHE: dict[str, Lexicon] = {}


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    adjectives: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    country: str | None
    inter: int
    aliases: tuple[str, ...]
    generic_aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    office: str
    country: str
    speaks_for: str


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    party: str | None


@dataclass(slots=True)
class Lexicon:
    """All curated names, with lookup tables built once."""

    countries: list[Country] = field(default_factory=list)
    periods: dict[str, list[tuple[date, date | None, str]]] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    outlets: list[Outlet] = field(default_factory=list)

    def country_by_word(self) -> dict[str, str]:
        """Lower-cased adjective / name / alias -> country name."""
        table: dict[str, str] = {}
        for country in self.countries:
            for word in (country.name, *country.adjectives, *country.aliases):
                table.setdefault(word.lower(), country.name)
        return table

    def period_suffix(self, country: str, on: date | None) -> str:
        """ACLED's period suffix for a state's forces ("(2003-)"), or "" when the dictionary has none."""
        spans = self.periods.get(country, [])
        if not spans:
            return ""
        if on is None:
            return spans[-1][2]
        for start, end, suffix in spans:
            if start <= on and (end is None or on < end):
                return suffix
        return spans[0][2] if on < spans[0][0] else spans[-1][2]


def _tsv_rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _folders() -> list[Path]:
    folders = [DATA_DIR]
    extra = os.environ.get("FRONTWIRE_ACTORS_DIR")
    if extra:
        folders.extend(Path(p) for p in extra.split(os.pathsep) if p)
    return [f for f in folders if f.is_dir()]


def load_lexicon() -> Lexicon:
    """Return the actor dictionary, reading the packaged files (and user folders) on first use."""
    key = os.environ.get("FRONTWIRE_ACTORS_DIR", "")
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = _read_lexicon()
        return _CACHE[key]


def _read_lexicon() -> Lexicon:
    lex = Lexicon()
    for folder in _folders():
        for path in sorted(folder.glob("countries*.tsv")):
            for row in _tsv_rows(path):
                row += [""] * (3 - len(row))
                lex.countries.append(Country(row[0].strip(), _split(row[1]), _split(row[2])))
        for path in sorted(folder.glob("periods*.tsv")):
            for row in _tsv_rows(path):
                end = date.fromisoformat(row[2]) if len(row) > 2 and row[2].strip() else None
                lex.periods.setdefault(row[0], []).append((date.fromisoformat(row[1]), end, row[3].strip()))
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            for item in data.get("actors", []):
                lex.groups.append(Group(item["name"], item.get("country"), int(item.get("inter", 3)),
                                        tuple(item.get("aliases", ())), tuple(item.get("generic_aliases", ()))))
        for path in sorted(folder.glob("people*.tsv")):
            for row in _tsv_rows(path):
                row += [""] * (4 - len(row))
                lex.people.append(Person(row[0].strip(), row[1].strip(), row[2].strip(), row[3].strip()))
        for path in sorted(folder.glob("outlets*.tsv")):
            for row in _tsv_rows(path):
                row += [""] * (3 - len(row))
                lex.outlets.append(Outlet(row[0].strip(), _split(row[1]), row[2].strip() or None))
    for spans in lex.periods.values():
        spans.sort()
    return lex
