"""All reference tables together, read once per set of folders when first asked for (never at import time).

The packaged tables live in ``frontwire/data/reference/``. A user extends them with files of the same names
(``countries.tsv``, ``people.tsv``, ``outlets.tsv``, ``sides.tsv``, ``periods.tsv``, ``groups.json``, or any
``countries*.tsv`` ...) in the folder of the ``reference_dir`` setting (``$FRONTWIRE_REFERENCE_DIR``; several
folders separated by ``os.pathsep``). Every stage asks ``reference()`` for its tables, so one user folder
reaches extraction, notes and the ledger alike.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from frontwire.reference.actors import Group, Period, period_suffix, read_groups, read_periods
from frontwire.reference.countries import Country, CountryWords, read_countries
from frontwire.reference.outlets import Outlet, read_outlets
from frontwire.reference.people import Person, PersonWords, read_people
from frontwire.reference.sides import Sides, read_sides

PACKAGED_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"
ENV = "FRONTWIRE_REFERENCE_DIR"

_lock = threading.Lock()
_cache: dict[str, Reference] = {}
_chosen: str | None = None


# eq=False: a Reference is one loaded set of tables, hashed by identity, so callers may key their own
# caches of derived patterns on it.
@dataclass(frozen=True, eq=False)
class Reference:
    """Countries, state-force periods, groups, people, outlets and sides, with lookups built on first use."""

    countries: tuple[Country, ...]
    periods: dict[str, list[Period]]
    groups: tuple[Group, ...]
    people: tuple[Person, ...]
    outlets: tuple[Outlet, ...]
    sides: Sides
    folders: tuple[Path, ...] = ()

    @cached_property
    def country_words(self) -> CountryWords:
        """Every spelling of every country, folded for lookup."""
        return CountryWords(self.countries)

    @cached_property
    def adjectives(self) -> frozenset[str]:
        """Every country's adjectives ("Afghan", "Russian"): whose, not where."""
        return frozenset(a for c in self.countries for a in c.adjectives if a)

    @cached_property
    def person_words(self) -> PersonWords:
        return PersonWords(self.people)

    @property
    def adversaries(self) -> dict[str, str]:
        """Party -> the party its partisan words ("the enemy") mean."""
        return self.sides.adversaries

    @property
    def allies(self) -> dict[str, str]:
        """Party -> the party it fights beside."""
        return self.sides.allies

    def country_of(self, word: str) -> str | None:
        """The country a name, adjective or other name spells ("Azeri" -> "Azerbaijan"), or None."""
        return self.country_words.country_of(word)

    def country(self, name: str) -> Country | None:
        """The table row of the country frontwire writes as ``name``."""
        return next((c for c in self.countries if c.name == name), None)

    def period_suffix(self, country: str, on: date | None) -> str:
        """ACLED's period suffix for a state's forces ("(2003-)"), or "" when the table has none."""
        return period_suffix(self.periods.get(country, []), on)


def use_reference_dir(reference_dir: str | None) -> None:
    """Make ``reference_dir`` (the setting) the user folder that ``reference()`` reads in this process; None
    leaves it to ``$FRONTWIRE_REFERENCE_DIR``. The command line and the pipeline call this with their
    settings, so stages that are not yet handed their tables still see the user's."""
    global _chosen
    _chosen = reference_dir


def reference_key(reference_dir: str | None = None) -> str:
    """The user folder(s) in force: ``reference_dir``, else the chosen setting, else the environment."""
    if reference_dir is not None:
        return reference_dir
    return _chosen if _chosen is not None else os.environ.get(ENV, "")


def reference(reference_dir: str | None = None) -> Reference:
    """The reference tables: the packaged ones extended by the user folder(s) in force (see
    ``reference_key``), read on the first call for those folders and shared by every later one."""
    key = reference_key(reference_dir)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    with _lock:
        if key not in _cache:
            _cache[key] = load_reference([Path(p) for p in key.split(os.pathsep) if p])
        return _cache[key]


def load_reference(user_folders: list[Path]) -> Reference:
    """Read the packaged tables, then those in ``user_folders`` (missing folders are skipped)."""
    folders = tuple(f for f in (PACKAGED_DIR, *user_folders) if f.is_dir())
    return Reference(countries=read_countries(folders), periods=read_periods(folders), groups=read_groups(folders),
                     people=read_people(folders), outlets=read_outlets(folders), sides=read_sides(folders),
                     folders=folders)
