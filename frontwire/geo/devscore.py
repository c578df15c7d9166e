"""Score place resolution on ACLED's coded notes: ``python -m frontwire.geo.devscore [CSV...]``.

Each ACLED row is a short report (``notes``) and the place an expert coded from it. We build the frame
extraction would give for a note with no place names tied to it (anchor = the whole note, countries =
those the note names), resolve it, and count the rows placed within 10 km of the coder's coordinates and
in the coder's admin1 (the same unit, compared through the gazetteer so that "Urozgan" meets "Oruzgan").
Reads ``../shared/data/gold/acled/*.csv`` by default; prints both figures and the misses.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from frontwire.geo.context import distance_km
from frontwire.geo.gazetteer import Gazetteer, get_gazetteer
from frontwire.geo.normalize import phonetic_key
from frontwire.geo.resolve import resolve_event_place
from frontwire.records import Document, EventFrame, Place, Span

DEFAULT_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "gold" / "acled"


@dataclass(frozen=True, slots=True)
class Row:
    source: str
    notes: str
    country: str
    admin1: str
    location: str
    lat: float
    lon: float


def read_rows(paths: Iterable[Path]) -> list[Row]:
    rows: list[Row] = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for n, rec in enumerate(csv.DictReader(handle), start=2):
                if not rec.get("notes") or not rec.get("latitude"):
                    continue
                rows.append(Row(f"{path.name}:{n}", rec["notes"], rec["country"], rec["admin1"], rec["location"],
                                float(rec["latitude"]), float(rec["longitude"])))
    return rows


_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def note_countries(note: str, gaz: Gazetteer, fallback: str) -> tuple[str, ...]:
    """The countries a note names or implies ("Afghan forces"), in order of first mention: the frame's
    ``country_hints`` as extraction would give them. A note that implies none gets the export's country,
    as a per-country feed would."""
    seen: list[str] = []
    for m in _WORD.finditer(note):
        country = _country_of_word(m.group(), gaz)
        if country and country not in seen:
            seen.append(country)
    return tuple(seen) or (fallback,)


def _country_of_word(word: str, gaz: Gazetteer) -> str | None:
    """The country a word names ("Armenia") or its demonym ("Armenian", "Azerbaijani", "Afghan")."""
    for stem in (word, word[:-1], word[:-2], word[:-3], word + "istan"):
        if len(stem) < 4:
            continue
        for i in gaz.lookup(stem):
            if gaz.kinds[i] == 0 and gaz.exact(i, stem):
                return gaz.primary[i]
    return None


def frame_for(row: Row, gaz: Gazetteer) -> tuple[EventFrame, Document]:
    document = Document(id=row.source, text=row.notes)
    frame = EventFrame(event_type="", sub_event_type="", disorder_type="",
                       anchor=Span(row.notes, 0, len(row.notes)),
                       country_hints=note_countries(row.notes, gaz, row.country))
    return frame, document


def same_admin1(gaz: Gazetteer, place: Place | None, row: Row) -> bool:
    """True when ``place`` lies in the admin1 unit the coder named (by the gazetteer's reading of the name)."""
    if place is None or not place.admin1:
        return False
    if phonetic_key(place.admin1) == phonetic_key(row.admin1):
        return True
    wanted = {gaz.ids[i] for i in gaz.lookup(row.admin1) if gaz.kinds[i] == 1}
    if not wanted:
        wanted = {gaz.ids[i] for i, _ in gaz.fuzzy(row.admin1, _cc(gaz, place), None, cutoff=80) if gaz.kinds[i] == 1}
    got = {gaz.ids[i] for i in gaz.lookup(place.admin1) if gaz.kinds[i] == 1}
    return bool(wanted & got)


def _cc(gaz: Gazetteer, place: Place) -> str:
    entry = gaz.by_id(place.place_id or "")
    return entry.cc if entry is not None else ""


def score(rows: list[Row], gaz: Gazetteer) -> dict[str, object]:
    near = admin = 0
    misses: list[tuple[Row, Place | None, float | None]] = []
    for row in rows:
        frame, document = frame_for(row, gaz)
        place = resolve_event_place(frame, document, gaz)
        dist = None
        if place is not None and place.latitude is not None and place.longitude is not None:
            dist = distance_km(place.latitude, place.longitude, row.lat, row.lon)
        ok_near = dist is not None and dist <= 10
        ok_admin = same_admin1(gaz, place, row)
        near += ok_near
        admin += ok_admin
        if not (ok_near and ok_admin):
            misses.append((row, place, dist))
    return {"rows": len(rows), "within_10km": near / len(rows) if rows else 0.0,
            "same_admin1": admin / len(rows) if rows else 0.0, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score frontwire.geo on ACLED notes")
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--show", type=int, default=40, help="how many misses to print")
    args = parser.parse_args(argv)
    paths = args.paths or sorted(DEFAULT_DIR.glob("*.csv"))
    if not paths:
        print(f"no ACLED files under {DEFAULT_DIR}", file=sys.stderr)
        return 1
    gaz = get_gazetteer()
    for path in paths:
        result = score(read_rows([path]), gaz)
        print(f"{path.name}: {result['rows']} rows, within 10 km {result['within_10km']:.1%}, "
              f"same admin1 {result['same_admin1']:.1%}")
    result = score(read_rows(paths), gaz)
    print(f"all: {result['rows']} rows, within 10 km {result['within_10km']:.1%}, "
          f"same admin1 {result['same_admin1']:.1%}")
    for row, place, dist in result["misses"][: args.show]:  # type: ignore[index]
        got = f"{place.location} / {place.admin1} p{place.geo_precision} ({place.reason})" if place else "nothing"
        far = f"{dist:.0f} km" if dist is not None else "no coords"
        print(f"- {row.source}: coded {row.location} / {row.admin1}; got {got}, {far}\n    {row.notes[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
