"""The in-memory gazetteer: the bundled places merged with the user's imports, indexed by phonetic key.

Loaded on first use (``get_gazetteer``), never at import. Entries live in parallel columns (no object per
place) and are materialised as ``GazetteerPlace`` only when a lookup returns them. The index maps a phonetic
key to one entry number, or to a tuple of them for shared names.
"""

from __future__ import annotations

import os
import threading
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from frontwire.config import DATA_DIR
from frontwire.geo.normalize import phonetic_keys, strict_key
from frontwire.geo.store import read_rows

BUNDLED = DATA_DIR / "gazetteer" / "places.tsv.gz"
_KIND_CODES = {"country": 0, "admin1": 1, "admin2": 2, "place": 3}
_KIND_NAMES = {v: k for k, v in _KIND_CODES.items()}
STRICT_CACHE = 50_000  # entries whose folded spellings ``Gazetteer.exact`` keeps


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    """One gazetteer entry as lookups return it."""

    index: int
    id: str
    kind: str  # country, admin1, admin2, place
    name: str
    lat: float | None
    lon: float | None
    cc: str
    admin1: str  # admin1 code within the country ("14")
    admin2: str  # admin2 name where known
    population: int
    names: tuple[str, ...]
    historic: bool


class Gazetteer:
    """Places, admin units and countries with a phonetic-key index. Build with ``Gazetteer.load``."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.kinds = array("b")
        self.primary: list[str] = []
        self.lats = array("d")
        self.lons = array("d")
        self.ccs: list[str] = []
        self.admin1s: list[str] = []
        self.admin2s: list[str] = []
        self.pops = array("q")
        self.flags: list[str] = []
        self.alt: list[str] = []
        self.name_keys: list[str] = []  # each entry's phonetic keys as the file gives them, "|"-joined
        self.index: dict[str, int | tuple[int, ...]] = {}
        self._by_id: dict[str, int] = {}
        self._admin1: dict[tuple[str, str], int] = {}
        self._country: dict[str, int] = {}
        self._by_unit: dict[tuple[str, str], list[int]] | None = None
        self._cells: dict[str, set[tuple[int, int]]] = {}
        self._strict: dict[int, frozenset[str]] = {}  # entries' spellings as ``exact`` compares them, once met
        self._asked: dict[str, str] = {}  # the names ``exact`` was asked about, likewise (each against many entries)
        self._fuzzy_keys: dict[tuple[str, str, bool], tuple[list[str], list[int]]] = {}

    # -- building ---------------------------------------------------------------------------------------

    @classmethod
    def load(cls, paths: Iterable[Path] = (BUNDLED,)) -> Gazetteer:
        """Load gazetteer files in order; a later file's entry with the same id replaces an earlier one and
        keeps the earlier spellings (a user's AZ.txt improves the bundled village, loses none of its names)."""
        paths = [Path(p) for p in paths]
        # The imports are small: hold them, stream the big first file past them (no second copy of it).
        overrides: dict[str, list[str]] = {}
        for path in paths[1:]:
            for row in read_rows(path):
                old = overrides.get(row[0])
                overrides[row[0]] = _merge_rows(old, row) if old else row
        gaz = cls()
        for row in read_rows(paths[0]) if paths else ():
            newer = overrides.pop(row[0], None)
            gaz._add(_merge_rows(row, newer) if newer else row)
        for row in overrides.values():
            gaz._add(row)
        return gaz

    def _add(self, row: list[str]) -> None:
        i = len(self.ids)
        pid, kind, name, lat, lon, cc, a1, a2, pop, flags, _alias, names, keys = row
        self.ids.append(pid)
        self.kinds.append(_KIND_CODES[kind])
        self.primary.append(name)
        self.lats.append(float(lat) if lat else float("nan"))
        self.lons.append(float(lon) if lon else float("nan"))
        self.ccs.append(_intern(cc))
        self.admin1s.append(_intern(a1))
        self.admin2s.append(_intern(a2))
        self.pops.append(int(pop or 0))
        self.flags.append(_intern(flags))
        self.alt.append(names)
        self.name_keys.append(keys)
        self._by_id[pid] = i
        if kind == "admin1":
            self._admin1[(cc, a1)] = i
        elif kind == "country":
            self._country[cc] = i
        index = self.index
        for key in keys.split("|"):
            if not key:
                continue
            old = index.get(key)
            if old is None:
                index[key] = i
            elif isinstance(old, int):
                index[key] = (old, i) if old != i else old
            elif i not in old:
                index[key] = (*old, i)

    # -- access -----------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.ids)

    def place(self, i: int) -> GazetteerPlace:
        """The entry number ``i`` as a record."""
        lat = self.lats[i]
        return GazetteerPlace(
            index=i, id=self.ids[i], kind=_KIND_NAMES[self.kinds[i]], name=self.primary[i],
            lat=None if lat != lat else lat, lon=None if lat != lat else self.lons[i], cc=self.ccs[i],
            admin1=self.admin1s[i], admin2=self.admin2s[i], population=self.pops[i],
            names=tuple(self.alt[i].split("|")), historic="h" in self.flags[i],
        )

    def by_id(self, place_id: str) -> GazetteerPlace | None:
        i = self._by_id.get(place_id)
        return None if i is None else self.place(i)

    def admin1_index(self, cc: str, code: str) -> int | None:
        """Entry number of the admin1 unit ``code`` of country ``cc`` ("AZ", "14" -> Jabrayil)."""
        return self._admin1.get((cc, code))

    def admin1_name(self, cc: str, code: str) -> str | None:
        i = self._admin1.get((cc, code))
        return None if i is None else self.primary[i]

    def admin1_entries(self, countries: Iterable[str]) -> list[int]:
        """Entry numbers of the admin1 units of ``countries``."""
        wanted = set(countries)
        return [i for (cc, _), i in self._admin1.items() if cc in wanted]

    def country_index(self, cc: str) -> int | None:
        return self._country.get(cc)

    def neighbours(self, cc: str) -> list[str]:
        """The codes of the countries bordering ``cc`` (from GeoNames countryInfo)."""
        i = self._country.get(cc)
        return [c for c in self.admin2s[i].split(",") if c] if i is not None else []

    def near_country(self, i: int, cc: str, reach: int = 2) -> bool:
        """True when entry ``i`` lies within about ``reach`` x 25 km of a place of country ``cc``.

        A coarse stand-in for "near the border": the country's territory as the set of 0.25-degree cells
        that hold one of its places."""
        cells = self._cells.get(cc)
        if cells is None:
            cells = {(int(self.lats[j] * 4 // 1), int(self.lons[j] * 4 // 1)) for j in self.members(cc)
                     if self.lats[j] == self.lats[j]}
            self._cells[cc] = cells
        lat, lon = self.lats[i], self.lons[i]
        if lat != lat:
            return False
        y, x = int(lat * 4 // 1), int(lon * 4 // 1)
        return any((y + dy, x + dx) in cells for dy in range(-reach, reach + 1) for dx in range(-reach, reach + 1))

    def country_name(self, cc: str) -> str | None:
        i = self._country.get(cc)
        return None if i is None else self.primary[i]

    # -- lookups ----------------------------------------------------------------------------------------

    def lookup(self, name: str) -> list[int]:
        """Entry numbers whose spellings share a phonetic key with ``name`` (any romanisation)."""
        found: list[int] = []
        for key in phonetic_keys(name):
            hit = self.index.get(key)
            if hit is None:
                continue
            if isinstance(hit, int):
                found.append(hit)
            else:
                found.extend(hit)
        return list(dict.fromkeys(found))

    def weight(self, i: int) -> int:
        """How many people live at entry ``i``: a town's population; an admin1 unit's is that of its biggest
        town (the state of Victoria weighs as Melbourne, the Jamaican parish of Portland as Port Antonio)."""
        if self.kinds[i] != 1:
            return self.pops[i]
        return max([self.pops[i], *(self.pops[j] for j in self.members(self.ccs[i], self.admin1s[i]))])

    def exact(self, i: int, name: str) -> bool:
        """True when ``name`` equals one of entry ``i``'s spellings up to diacritics and case."""
        spellings = self._strict.get(i)
        if spellings is None:
            if len(self._strict) >= STRICT_CACHE:
                self._strict.clear()  # bounded: a long run meets ever more places
            spellings = self._strict[i] = frozenset(strict_key(n) for n in self.alt[i].split("|"))
        key = self._asked.get(name)
        if key is None:
            if len(self._asked) >= STRICT_CACHE:
                self._asked.clear()
            key = self._asked[name] = strict_key(name)
        return key in spellings

    def members(self, cc: str, admin1: str | None = None) -> list[int]:
        """Entry numbers of the places in a country, or in one admin1 unit of it."""
        if self._by_unit is None:
            units: dict[tuple[str, str], list[int]] = defaultdict(list)
            for i, kind in enumerate(self.kinds):
                if kind >= 2:
                    units[(self.ccs[i], self.admin1s[i])].append(i)
                    units[(self.ccs[i], "*")].append(i)
            self._by_unit = dict(units)
        return self._by_unit.get((cc, admin1 or "*"), [])

    def fuzzy(self, name: str, cc: str, admin1: str | None = None, cutoff: float = 84.0,
              limit: int = 5, districts: bool = False) -> list[tuple[int, float]]:
        """Closest spellings of ``name`` among one country's (or admin1's) places: (entry, score 0..100).

        The last resort for a name no key matches: rapidfuzz's ratio on phonetic keys, so that it measures
        the edits romanisations do not explain (``Chaprand`` against ``Chapand``). ``districts``: among the
        admin2 units only (a name the text calls a district).
        """
        try:
            from rapidfuzz import fuzz, process
        except ImportError:  # optional: without rapidfuzz there is no fuzzy tier
            return []
        unit = (cc, admin1 or "*", districts)
        if unit not in self._fuzzy_keys:
            keys: list[str] = []
            owners: list[int] = []
            for i in self.members(cc, admin1):
                if districts and self.kinds[i] != 2:
                    continue
                for key in self._fuzzy_keys_of(i):
                    keys.append(key)
                    owners.append(i)
            self._fuzzy_keys[unit] = (keys, owners)
        keys, owners = self._fuzzy_keys[unit]
        best: dict[int, float] = {}
        for query in phonetic_keys(name):
            for _key, score, pos in process.extract(query, keys, scorer=fuzz.ratio, score_cutoff=cutoff,
                                                   limit=limit * 3):
                owner = owners[pos]
                best[owner] = max(best.get(owner, 0.0), score)
        return sorted(best.items(), key=lambda kv: -kv[1])[:limit]


    def _fuzzy_keys_of(self, i: int) -> list[str]:
        """The phonetic keys of entry ``i``'s names, each name's spelling read for what it looks like: the keys
        the file gives where no name was read as Azerbaijani by the file's own flag (the same keys, computed
        once, at the build), else computed here."""
        if "a" not in self.flags[i]:
            return sorted(k for k in self.name_keys[i].split("|") if k)
        return sorted({k for n in self.alt[i].split("|") for k in phonetic_keys(n)})


def _merge_rows(old: list[str], new: list[str]) -> list[str]:
    """``new`` replaces ``old`` but keeps its spellings (and its coordinates where ``new`` has none)."""
    row = list(new)
    row[11] = "|".join(dict.fromkeys(new[11].split("|") + old[11].split("|")))
    row[12] = "|".join(sorted(set(new[12].split("|")) | set(old[12].split("|"))))
    if not row[3]:
        row[3], row[4] = old[3], old[4]
    return row


_interned: dict[str, str] = {}


def _intern(value: str) -> str:
    return _interned.setdefault(value, value)


_lock = threading.Lock()
_cache: dict[tuple[str, ...], Gazetteer] = {}


def default_extra_dir() -> str:
    """Where `frontwire gazetteer import` writes: $FRONTWIRE_GAZETTEER_DIR, else the per-user data dir."""
    env = os.environ.get("FRONTWIRE_GAZETTEER_DIR")
    if env:
        return env
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "frontwire", "gazetteer")


def extension_files(extra_dir: str | None) -> list[Path]:
    folder = Path(extra_dir or default_extra_dir())
    return sorted(folder.glob("*.tsv.gz")) if folder.is_dir() else []


def get_gazetteer(extra_dir: str | None = None) -> Gazetteer:
    """The gazetteer (bundled + imports in ``extra_dir``, default ``default_extra_dir()``), cached per process.

    The cache key includes the import files and their modification times, so an import in this process is
    seen by the next call.
    """
    files = extension_files(extra_dir)
    cache_key = (str(BUNDLED), *(f"{p}:{p.stat().st_mtime_ns}" for p in files))
    with _lock:
        gaz = _cache.get(cache_key)
        if gaz is None:
            gaz = Gazetteer.load([BUNDLED, *files])
            _cache.clear()
            _cache[cache_key] = gaz
        return gaz


@lru_cache(maxsize=1)
def _country_table() -> dict[str, str]:
    """Every spelling and ISO code of every country -> the name frontwire writes (ACLED's). Country rows come
    first in the bundled file, so this reads a few hundred lines, not the whole gazetteer."""
    table: dict[str, str] = {}
    for row in read_rows(BUNDLED):
        if row[1] != "country":
            break
        for spelling in (row[5], *row[11].split("|")):
            table.setdefault(strict_key(spelling), row[2])
        table[row[5].lower()] = row[2]
    return table


def canonical_country(value: str) -> str | None:
    """The country a user names ("Armenia", "armenia", "AM", "Hayastan") as frontwire spells it; None if
    no country goes by that name."""
    value = value.strip()
    table = _country_table()
    return table.get(value.lower()) if len(value) == 2 else table.get(strict_key(value))
