"""Extend the gazetteer with the user's own dumps: GeoNames country/allCountries files and Who's On First.

Accepted inputs (format decided by content, not name):

- GeoNames dumps (``AZ.txt``, ``allCountries.txt``, or the ``.zip`` they ship in): the 19-column format.
  Populated places (feature class P) become places; ADM1/ADM2 features become admin units with their
  coordinates (which the bundled code tables lack); PCLI features countries.
- ``alternateNamesV2.txt`` (or the older 8-column ``alternateNames.txt``), given with the dump it belongs to:
  its Latin-script names are added to that dump's places.
- Who's On First exports: TSV/CSV with the columns of ``data/gazetteer/wof/*.tsv``, or GeoJSON (a
  FeatureCollection, a single feature, or one feature per line).

Every input is validated while it is read; a malformed one is refused with its file and line number and
nothing is written. Each dump becomes one ``<name>.tsv.gz`` in the import directory, written to a temporary
file and renamed into place, so a failed import leaves the directory as it was.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from frontwire.errors import GazetteerError
from frontwire.geo.store import GazetteerEntry, clean_names, write_temporary

GEONAMES_COLUMNS = 19
WOF_REQUIRED = ("wof_id", "placetype", "name", "latitude", "longitude", "country")
_WOF_PLACES = ("locality", "localadmin", "neighbourhood", "borough", "microhood", "campus")
_WOF_OTHER_LANGS = ("und", "azb", "tur", "crh", "kur", "ukr", "bel", "rus")
_ALT_SKIP_LANGS = {"link", "wkdt", "post", "iata", "icao", "faac", "abbr", "unlc", "tcid", "fr_1793"}
_COUNTRY_CODES = {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"}


@dataclass(slots=True)
class ImportReport:
    """What an import wrote: one line per output file."""

    written: dict[str, int] = field(default_factory=dict)  # output path -> entries

    def summary(self) -> str:
        return "; ".join(f"{n:,} entries -> {path}" for path, n in self.written.items()) or "nothing imported"


def _fail(path: Path, line: int | None, message: str) -> GazetteerError:
    where = f"{path}:{line}" if line else str(path)
    return GazetteerError(f"{where}: {message}", hint="fix or remove that line (nothing was imported)")


def _open_text(path: Path) -> io.TextIOBase:
    """The text of ``path``; for a GeoNames ``.zip`` the ``.txt`` inside it."""
    if path.suffix.lower() == ".zip":
        archive = zipfile.ZipFile(path)
        members = [n for n in archive.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
        if len(members) != 1:
            raise _fail(path, None, "expected exactly one .txt data file inside the zip")
        return io.TextIOWrapper(archive.open(members[0]), encoding="utf-8")
    return open(path, encoding="utf-8", newline="")


def sniff(path: Path) -> str:
    """geonames, alternatenames, wof-tsv, wof-csv or geojson, from the first line of the file."""
    try:
        with _open_text(path) as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise _fail(path, None, f"cannot read: {exc}") from exc
    stripped = first.lstrip("\ufeff").strip()
    if stripped.startswith("{"):
        return "geojson"
    if stripped.startswith("wof_id\t"):
        return "wof-tsv"
    if stripped.startswith("wof_id,"):
        return "wof-csv"
    cols = first.rstrip("\r\n").split("\t")
    if len(cols) == GEONAMES_COLUMNS:
        return "geonames"
    if len(cols) in (8, 10) and cols[0].isdigit() and cols[1].isdigit():
        return "alternatenames"
    raise _fail(path, 1, f"not a GeoNames dump (19 tab-separated columns, found {len(cols)}), an alternateNames "
                         "file, a Who's On First TSV/CSV (header starting wof_id) or GeoJSON")


# -- GeoNames ------------------------------------------------------------------------------------------


def _geonames_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    with _open_text(path) as handle:
        for n, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line:
                continue
            cols = line.split("\t")
            if len(cols) != GEONAMES_COLUMNS:
                raise _fail(path, n, f"expected {GEONAMES_COLUMNS} tab-separated columns, found {len(cols)}")
            if not cols[0].isdigit():
                raise _fail(path, n, f"geonameid {cols[0]!r} is not a number")
            try:
                lat, lon = float(cols[4]), float(cols[5])
            except ValueError as exc:
                raise _fail(path, n, f"latitude/longitude {cols[4]!r}, {cols[5]!r} are not numbers") from exc
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise _fail(path, n, f"coordinates {lat}, {lon} out of range")
            if not cols[1].strip():
                raise _fail(path, n, "empty name")
            if cols[14] and not cols[14].lstrip("-").isdigit():
                raise _fail(path, n, f"population {cols[14]!r} is not a number")
            yield n, cols


def read_alternate_names(path: Path) -> dict[str, list[str]]:
    """geonameid -> Latin-script alternate names (skipping links, codes and postcodes)."""
    names: dict[str, list[str]] = defaultdict(list)
    with _open_text(path) as handle:
        for n, line in enumerate(handle, start=1):
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) not in (8, 10) or not cols[1].isdigit():
                raise _fail(path, n, f"expected 8 or 10 tab-separated columns starting with two ids, found {len(cols)}")
            if cols[2] in _ALT_SKIP_LANGS or not cols[3]:
                continue
            names[cols[1]].append(cols[3])
    return names


def geonames_entries(path: Path, alternate: dict[str, list[str]] | None = None) -> Iterator[GazetteerEntry]:
    """Validate a GeoNames dump, then yield its places, admin units and countries as entries.

    Two passes: the first validates every line and collects the admin2 names that places refer to by
    code, so the second (which streams, for allCountries) meets no malformed line halfway."""
    admin2_names: dict[tuple[str, str, str], str] = {}
    for _, cols in _geonames_rows(path):
        if cols[7] == "ADM2":
            admin2_names[(cols[8], cols[10], cols[11])] = cols[2] or cols[1]
    return _geonames_stream(path, alternate or {}, admin2_names)


def _geonames_stream(path: Path, alternate: dict[str, list[str]],
                     admin2_names: dict[tuple[str, str, str], str]) -> Iterator[GazetteerEntry]:
    for _, cols in _geonames_rows(path):
        fclass, fcode, cc = cols[6], cols[7], cols[8]
        if fclass == "P":
            kind = "place"
        elif fclass == "A" and fcode in ("ADM1", "ADM2"):
            kind = "admin1" if fcode == "ADM1" else "admin2"
        elif fclass == "A" and fcode in _COUNTRY_CODES:
            kind = "country"
        else:
            continue
        names = [cols[1], cols[2], *cols[3].split(","), *alternate.get(cols[0], ())]
        admin2 = cols[2] or cols[1] if kind == "admin2" else admin2_names.get((cc, cols[10], cols[11]), "")
        yield GazetteerEntry(
            id=f"geonames:{cols[0]}", kind=kind, name=cols[2] or cols[1], lat=float(cols[4]), lon=float(cols[5]),
            cc=cc, admin1=cols[10], admin2=admin2, population=max(0, int(cols[14] or 0)),
            names=clean_names(names), az=cc == "AZ",
        )


# -- Who's On First ------------------------------------------------------------------------------------


def wof_names(row: dict[str, str]) -> list[str]:
    """Every useful spelling of a WOF record: its name, the English/Azerbaijani/Armenian/Russian names, and
    the undetermined or Turkic-language variants (other languages' exonyms only add noise)."""
    names = [row.get("name", "")]
    for column in ("names_eng", "names_aze", "names_hye", "names_rus"):
        names.extend(n for n in (row.get(column) or "").split("|") if n)
    for tagged in (row.get("names_other") or "").split("|"):
        lang, _, name = tagged.partition(":")
        if name and lang in _WOF_OTHER_LANGS:
            names.append(name)
    return clean_names(names)


def _wof_tsv_rows(path: Path, delimiter: str) -> Iterator[tuple[int, dict[str, str]]]:
    with _open_text(path) as handle:
        reader = csv.DictReader(handle, delimiter=delimiter,
                                quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL)
        missing = [c for c in WOF_REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise _fail(path, 1, f"Who's On First header lacks {', '.join(missing)}")
        for row in reader:
            yield reader.line_num, row


def _wof_geojson_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with _open_text(path) as handle:
        text = handle.read()
    try:
        doc = json.loads(text)
        features = doc.get("features", [doc]) if isinstance(doc, dict) else None
        lines = None
    except json.JSONDecodeError:
        features, lines = [], text.splitlines()
    if features is None:
        raise _fail(path, 1, "GeoJSON must be a FeatureCollection or a Feature")
    numbered = [(1, f) for f in features]
    for n, line in enumerate(lines or [], start=1):
        if line.strip():
            try:
                numbered.append((n, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise _fail(path, n, f"invalid JSON: {exc.msg}") from exc
    for n, feature in numbered:
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            raise _fail(path, n, "a feature without properties")
        names: dict[str, list[str]] = defaultdict(list)
        for key, value in props.items():
            m = re.match(r"name:([a-z]{3})_x_(?:preferred|variant|colloquial)$", key)
            if m and isinstance(value, list):
                names[m.group(1)].extend(str(v) for v in value)
        concord = props.get("wof:concordances") or {}
        yield n, {
            "wof_id": str(props.get("wof:id", "")), "placetype": str(props.get("wof:placetype", "")),
            "name": str(props.get("wof:name", "")), "latitude": str(props.get("geom:latitude", "")),
            "longitude": str(props.get("geom:longitude", "")), "country": str(props.get("wof:country", "")),
            "region": "", "gn_id": str(concord.get("gn:id", "") or ""),
            "is_current": str(props.get("mz:is_current", "")), "deprecated": str(props.get("edtf:deprecated", "") or ""),
            "superseded_by": ",".join(str(x) for x in props.get("wof:superseded_by", []) or []),
            "names_eng": "|".join(names.pop("eng", [])), "names_aze": "|".join(names.pop("aze", [])),
            "names_hye": "|".join(names.pop("hye", [])), "names_rus": "|".join(names.pop("rus", [])),
            "names_other": "|".join(f"{lang}:{v}" for lang, vs in names.items() for v in vs),
            "parent_id": str(props.get("wof:parent_id", "")),
        }


def wof_entries(path: Path, fmt: str, admin1_of: dict[tuple[str, str], str] | None = None) -> list[GazetteerEntry]:
    """Validate a Who's On First export and turn its villages and towns into entries.

    ``admin1_of`` maps (country, region name key) to a GeoNames admin1 code, so the villages land in the
    same admin1 units as the rest of the gazetteer.
    """
    from frontwire.geo.normalize import phonetic_key

    rows = _wof_geojson_rows(path) if fmt == "geojson" else _wof_tsv_rows(path, "\t" if fmt == "wof-tsv" else ",")
    entries: list[GazetteerEntry] = []
    for n, row in rows:
        if not (row.get("wof_id") or "").lstrip("-").isdigit():
            raise _fail(path, n, f"wof_id {row.get('wof_id')!r} is not a number")
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except (TypeError, ValueError) as exc:
            raise _fail(path, n, f"latitude/longitude {row.get('latitude')!r}, {row.get('longitude')!r} "
                                 "are not numbers") from exc
        if row["placetype"] not in _WOF_PLACES or row.get("deprecated") or row.get("superseded_by"):
            continue
        cc = (row.get("country") or "").upper()
        region = row.get("region") or ""
        admin1 = (admin1_of or {}).get((cc, phonetic_key(region)), "") if region else ""
        entries.append(GazetteerEntry(
            id=f"wof:{row['wof_id']}", kind="place", name=row["name"], lat=lat, lon=lon, cc=cc, admin1=admin1,
            names=wof_names(row), az=cc == "AZ", historic=row.get("is_current") == "0",
            alias_of=f"geonames:{row['gn_id']}" if row.get("gn_id") else "",
        ))
    return entries


# -- the command's library call ------------------------------------------------------------------------


def _output_name(path: Path) -> str:
    stem = path.name
    for suffix in (".zip", ".txt", ".tsv", ".csv", ".geojson", ".json", ".jsonl"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", stem).strip("._") or "import"
    return f"{safe}.tsv.gz"


def import_gazetteer(paths: list[str | Path], into: str | Path) -> ImportReport:
    """Import GeoNames and Who's On First dumps into the directory ``into`` (created if needed).

    All inputs are read and validated before anything is written; a malformed one raises
    ``GazetteerError`` naming the file and line. Re-importing a dump of the same name replaces it.
    """
    files = [Path(p) for p in paths]
    for path in files:
        if not path.is_file():
            raise GazetteerError(f"{path}: no such file", hint="give GeoNames dumps or Who's On First exports")
    kinds = {path: sniff(path) for path in files}
    alternate: dict[str, list[str]] = {}
    for path, kind in kinds.items():
        if kind == "alternatenames":
            for gid, names in read_alternate_names(path).items():
                alternate.setdefault(gid, []).extend(names)
    dumps = [p for p, k in kinds.items() if k != "alternatenames"]
    if alternate and not any(kinds[p] == "geonames" for p in dumps):
        raise GazetteerError("an alternateNames file needs the GeoNames dump it belongs to",
                             hint="import it together with that dump, e.g. AZ.txt alternateNamesV2.txt")
    admin1_of = _admin1_codes() if any(kinds[p] != "geonames" for p in dumps) else {}
    # Every dump goes to a temporary file first; only when all are read are they renamed into place.
    staged: list[tuple[Path, Path, int]] = []
    try:
        for path in dumps:
            kind = kinds[path]
            entries = geonames_entries(path, alternate) if kind == "geonames" else wof_entries(path, kind, admin1_of)
            target = Path(into) / _output_name(path)
            tmp, count = write_temporary(target, entries)
            staged.append((tmp, target, count))
    except BaseException:
        for tmp, _, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    report = ImportReport()
    for tmp, target, count in staged:
        os.replace(tmp, target)
        report.written[str(target)] = count
    return report


def _admin1_codes() -> dict[tuple[str, str], str]:
    """(country, phonetic key of an admin1 spelling) -> admin1 code, from the bundled gazetteer."""
    from frontwire.geo.gazetteer import BUNDLED
    from frontwire.geo.normalize import phonetic_keys
    from frontwire.geo.store import read_rows

    out: dict[tuple[str, str], str] = {}
    for row in read_rows(BUNDLED):
        if row[1] == "admin1":
            for name in row[11].split("|"):
                for key in phonetic_keys(name):
                    out.setdefault((row[5], key), row[6])
    return out
