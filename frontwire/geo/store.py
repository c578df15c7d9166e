"""The gazetteer's file form: one gzip TSV of entries, shared by the bundled data and user imports.

Columns (tab-separated, one header line ``#frontwire-gazetteer <key version>`` then a column line)::

    id  kind  name  lat  lon  cc  admin1  admin2  population  flags  alias_of  names  keys

``kind`` is country, admin1, admin2 or place; ``admin1`` the GeoNames admin1 code within the country
(``14`` for AZ.14 Jabrayil); ``names`` every kept spelling, ``|``-joined; ``keys`` their phonetic keys
(``frontwire.geo.normalize``), recomputed at load when the key version in the header is not the current one.
For a country, ``admin2`` holds its neighbours' codes (``AM,GE,IR,RU,TR``).
``flags``: ``a`` names in Azerbaijani spelling, ``h`` a historic (not current) record.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from frontwire.geo import normalize
from frontwire.geo.normalize import is_latin, phonetic_keys, strict_key, transliterate_script

COLUMNS = ("id", "kind", "name", "lat", "lon", "cc", "admin1", "admin2", "population", "flags", "alias_of",
           "names", "keys")
KINDS = ("country", "admin1", "admin2", "place")
MAX_NAMES = 60  # big cities carry hundreds of exonyms; the first (local, English) ones are what news uses
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$|\d")


def key_version() -> str:
    """A fingerprint of the matching rules: keys written under other rules are recomputed at load."""
    source = Path(normalize.__file__).read_bytes()
    return hashlib.sha1(source).hexdigest()[:12]


@dataclass(slots=True)
class GazetteerEntry:
    """One row of a gazetteer file (mutable while a builder or importer assembles it)."""

    id: str
    kind: str
    name: str
    lat: float | None = None
    lon: float | None = None
    cc: str = ""
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    names: list[str] = field(default_factory=list)
    az: bool = False
    historic: bool = False
    alias_of: str = ""

    def keys(self) -> set[str]:
        out: set[str] = set()
        for name in self.names:
            out |= phonetic_keys(name, azerbaijani=self.az or None)
        return out


def clean_names(names: Iterable[str]) -> list[str]:
    """Keep the spellings English text can contain, once each: Latin script, or Cyrillic/Armenian romanised.

    Drops codes (``KBL``), names with digits and one-letter names; keeps the original order, so the
    primary name stays first.
    """
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        candidates = [name] if is_latin(name) else []
        romanised = transliterate_script(name)
        if romanised:
            candidates.append(romanised.title())
        for cand in candidates:
            key = strict_key(cand)
            if len(key) < 2 or _CODE_LIKE.search(cand) or key in seen:
                continue
            seen.add(key)
            out.append(cand)
            if len(out) >= MAX_NAMES:
                return out
    return out


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}".rstrip("0").rstrip(".")


def write_entries(path: Path, entries: Iterable[GazetteerEntry]) -> int:
    """Write ``entries`` to ``path`` atomically (a temp file renamed into place); returns the row count."""
    tmp, count = write_temporary(path, entries)
    os.replace(tmp, path)
    return count


def write_temporary(path: Path, entries: Iterable[GazetteerEntry]) -> tuple[Path, int]:
    """Stream ``entries`` into a hidden temporary file beside ``path``; the caller renames it into place
    (``os.replace``) once everything it imports has been read. On any error the temporary file is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".tsv.gz", dir=path.parent)
    count = 0
    try:
        with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            gz.write(f"#frontwire-gazetteer {key_version()}\n{chr(9).join(COLUMNS)}\n".encode())
            for e in entries:
                flags = ("a" if e.az else "") + ("h" if e.historic else "")
                row = [e.id, e.kind, e.name, _fmt(e.lat), _fmt(e.lon), e.cc, e.admin1, e.admin2,
                       str(e.population or ""), flags, e.alias_of, "|".join(e.names), "|".join(sorted(e.keys()))]
                gz.write(("\t".join(_safe(c) for c in row) + "\n").encode("utf-8"))
                count += 1
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp), count


def _safe(cell: str) -> str:
    return cell.replace("\t", " ").replace("\n", " ")


def read_rows(path: Path) -> Iterator[list[str]]:
    """Yield the rows of a gazetteer file as column lists; the keys column is refreshed if rules changed."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header = handle.readline().split()
        handle.readline()
        stale = len(header) < 2 or header[1] != key_version()
        for line in handle:
            row = line.rstrip("\n").split("\t")
            if stale:
                az = "a" in row[9]
                keys: set[str] = set()
                for name in row[11].split("|"):
                    keys |= phonetic_keys(name, azerbaijani=az or None)
                row[12] = "|".join(sorted(keys))
            yield row
