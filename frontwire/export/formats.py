"""Which writer each output format uses: ``write_records`` for what ``extract`` and ``events`` print,
``export_events`` for ``frontwire export``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from frontwire.errors import UsageError
from frontwire.export.acled_csv import write_acled_csv
from frontwire.export.claims_csv import write_csv
from frontwire.export.filters import EventFilter, filter_events
from frontwire.export.geojson import write_events_geojson, write_geojson
from frontwire.export.jsonl import write_jsonl
from frontwire.export.table import format_table

FORMATS = ("table", "jsonl", "csv", "geojson")
EXPORT_FORMATS = ("acled", "geojson", "parquet", "jsonl")
BINARY_FORMATS = ("parquet",)


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


def check_export_format(fmt: str) -> str:
    """``fmt`` if it is one of ``EXPORT_FORMATS``, else a ``UsageError`` naming them."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r}", hint=f"choose one of {', '.join(EXPORT_FORMATS)}")
    return fmt


def export_events(events: Iterable[Mapping[str, Any]], fmt: str, out: IO[str] | IO[bytes] | str | Path, *,
                  where: EventFilter | None = None) -> int:
    """Write the merged events that pass ``where`` to ``out`` in ``fmt`` (one of ``EXPORT_FORMATS``), streaming;
    return how many were written.

    ``out`` is a text stream for ``acled``, ``geojson`` and ``jsonl`` (open files with ``newline=""``) and a binary
    stream or a path for ``parquet``. ``events`` are ``frontwire.ledger.event_to_dict`` dicts from any source: the
    store, a JSONL file of ``frontwire events``, a notebook.
    """
    kept = filter_events(events, where)
    if check_export_format(fmt) == "parquet":
        from frontwire.export.parquet import write_parquet  # pyarrow loads only for Parquet

        return write_parquet(kept, out)  # type: ignore[arg-type]  # a binary stream or a path, as documented
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return export_events(kept, fmt, stream)
    text_out: IO[str] = out  # type: ignore[assignment]  # a text stream, as documented
    if fmt == "acled":
        return write_acled_csv(kept, text_out)
    if fmt == "geojson":
        return write_events_geojson(kept, text_out)
    return write_jsonl(kept, text_out)
