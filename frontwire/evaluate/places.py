"""Score place resolution (the geo stage alone) on ACLED's coded notes: ``python -m frontwire.evaluate.places``.

Each ACLED row is a short report (``notes``) and the place an expert coded from it. We build the frame
extraction would give for a note with no place names tied to it (anchor = the whole note, countries =
those the note names), resolve it, and count the rows placed within 10 km of the coder's coordinates and
in the coder's admin1 (the same unit, compared through the gazetteer so that "Urozgan" meets "Oruzgan").
Reads ``../shared/data/gold/acled/*.csv`` by default; prints both figures per file and the misses. The floors
are the ``places`` kind of ``floors.json`` (``<file stem>.within_10km``, ``<file stem>.same_admin1``).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from frontwire.evaluate.acled import ACLED_DIR, GoldRow, acled_files, read_rows
from frontwire.geo.context import distance_km
from frontwire.geo.gazetteer import Gazetteer, get_gazetteer
from frontwire.geo.normalize import phonetic_key
from frontwire.geo.resolve import resolve_event_place
from frontwire.records import Document, EventFrame, Place, Span

_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def placed_rows(paths: list[Path]) -> list[GoldRow]:
    """The noted rows that carry the coder's coordinates (the others cannot be scored here)."""
    return [r for r in read_rows(paths) if r.latitude is not None and r.longitude is not None]


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


def frame_for(row: GoldRow, gaz: Gazetteer) -> tuple[EventFrame, Document]:
    document = Document(id=row.row_id, text=row.notes)
    frame = EventFrame(event_type="", sub_event_type="", disorder_type="",
                       anchor=Span(row.notes, 0, len(row.notes)),
                       country_hints=note_countries(row.notes, gaz, row.country))
    return frame, document


def same_admin1(gaz: Gazetteer, place: Place | None, row: GoldRow) -> bool:
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


def score(rows: list[GoldRow], gaz: Gazetteer) -> dict[str, Any]:
    """``rows``: how many; ``within_10km`` and ``same_admin1`` as shares; ``misses`` as (row, place, km)."""
    near = admin = 0
    misses: list[tuple[GoldRow, Place | None, float | None]] = []
    for row in rows:
        frame, document = frame_for(row, gaz)
        place = resolve_event_place(frame, document, gaz)
        dist = None
        if (place is not None and place.latitude is not None and place.longitude is not None
                and row.latitude is not None and row.longitude is not None):
            dist = distance_km(place.latitude, place.longitude, row.latitude, row.longitude)
        ok_near = dist is not None and dist <= 10
        ok_admin = same_admin1(gaz, place, row)
        near += ok_near
        admin += ok_admin
        if not (ok_near and ok_admin):
            misses.append((row, place, dist))
    return {"rows": len(rows), "within_10km": near / len(rows) if rows else 0.0,
            "same_admin1": admin / len(rows) if rows else 0.0, "misses": misses}


def gate_scores(path: Path, result: dict[str, Any]) -> dict[str, float]:
    """One file's figures by the names the ``places`` floors use."""
    return {f"{path.stem}.within_10km": result["within_10km"], f"{path.stem}.same_admin1": result["same_admin1"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score frontwire's place resolution on ACLED notes")
    parser.add_argument("paths", nargs="*", type=Path, help=f"ACLED CSV exports (default: {ACLED_DIR})")
    parser.add_argument("--show", type=int, default=40, help="how many misses to print")
    args = parser.parse_args(argv)
    paths = acled_files(args.paths)
    if not paths:
        print(f"no ACLED files under {ACLED_DIR}", file=sys.stderr)
        return 1
    gaz = get_gazetteer()
    for path in paths:
        result = score(placed_rows([path]), gaz)
        print(f"{path.name}: {result['rows']} rows, within 10 km {result['within_10km']:.1%}, "
              f"same admin1 {result['same_admin1']:.1%}")
    result = score(placed_rows(paths), gaz)
    print(f"all: {result['rows']} rows, within 10 km {result['within_10km']:.1%}, "
          f"same admin1 {result['same_admin1']:.1%}")
    for row, place, dist in result["misses"][: args.show]:
        got = f"{place.location} / {place.admin1} p{place.geo_precision} ({place.reason})" if place else "nothing"
        far = f"{dist:.0f} km" if dist is not None else "no coords"
        print(f"- {row.file}:{row.row_id}: coded {row.location} / {row.admin1}; got {got}, {far}\n"
              f"    {row.notes[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
