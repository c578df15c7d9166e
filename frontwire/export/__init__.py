"""Event records out: JSON lines, ACLED's CSV columns, GeoJSON, and a readable table for people."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Mapping
from typing import IO, Any

# ACLED's column order, then the fields frontwire adds; a CSV row is one event.
ACLED_COLUMNS = (
    "event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "interaction", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
)
EXTRA_COLUMNS = ("date_start", "date_end", "actor1_country", "actor2_country", "place_id", "claimed_by",
                 "claim_chain", "modality", "losses", "confidence", "doc_id")
FORMATS = ("table", "jsonl", "csv", "geojson")


def write_jsonl(records: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
        count += 1
    return count


def csv_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """One ACLED CSV row: ``source`` is the outlet chain, lists are joined as ACLED joins them ("; ")."""
    row = {column: record.get(column) for column in ACLED_COLUMNS + EXTRA_COLUMNS}
    reported_by = record.get("reported_by")
    sources = record.get("sources") or ([reported_by] if reported_by else [])
    row["source"] = "; ".join(s for s in sources if s) or None
    row["claim_chain"] = " > ".join(record.get("claim_chain") or []) or None
    row["losses"] = "; ".join(
        f"{loss.get('side') or '?'}: {loss.get('count') if loss.get('count') is not None else '?'} {loss.get('item')} "
        f"{loss.get('status')}" for loss in record.get("losses") or []) or None
    return row


def write_csv(records: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS + EXTRA_COLUMNS), lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
    return count


def write_geojson(records: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """A FeatureCollection; events without coordinates keep a null geometry (GeoJSON allows it)."""
    features = []
    for record in records:
        lat, lon = record.get("latitude"), record.get("longitude")
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        properties = {k: v for k, v in record.items() if k not in ("latitude", "longitude")}
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def format_table(records: Iterable[Mapping[str, Any]], *, width: int | None = None) -> str:
    """A plain-text table for a terminal: date, type, actors, place, fatalities, who claims it."""
    width = width or shutil.get_terminal_size((160, 20)).columns
    columns = (("date", 10), ("sub-event type", 30), ("actor1", 28), ("actor2", 24), ("place", 30),
               ("prec", 4), ("fat", 4), ("claimed by", 30))
    lines = ["  ".join(name.ljust(size) for name, size in columns)]
    lines.append("  ".join("-" * size for _, size in columns))
    for r in records:
        place = ", ".join(p for p in (r.get("location"), r.get("admin1"), r.get("country")) if p)
        if r.get("event_date") and r.get("date_end") and r.get("date_start") != r.get("date_end"):
            day = f"{r.get('date_start')}"
        else:
            day = r.get("event_date") or "?"
        cells = (day, r.get("sub_event_type"), r.get("actor1"), r.get("actor2"), place,
                 r.get("geo_precision"), r.get("fatalities"), r.get("claimed_by"))
        lines.append("  ".join(_cell(value, size) for value, (_, size) in zip(cells, columns, strict=True)))
    return "\n".join(line[:width].rstrip() for line in lines) + "\n"


def _cell(value: Any, size: int) -> str:
    text = "" if value is None else str(value)
    return (text if len(text) <= size else text[: size - 1] + "…").ljust(size)


def write_records(records: Iterable[Mapping[str, Any]], out: IO[str], fmt: str) -> int:
    """Write ``records`` to ``out`` in ``fmt`` (one of ``FORMATS``); return how many were written."""
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt == "csv":
        return write_csv(records, out)
    if fmt == "geojson":
        return write_geojson(records, out)
    rows = list(records)
    out.write(format_table(rows))
    return len(rows)
