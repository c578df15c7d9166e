"""The CSV of ``frontwire extract`` and ``frontwire events --format csv``: one row per record, ACLED's coded
fields under frontwire's names, then frontwire's own. ``frontwire export --format acled`` writes ACLED's exact
export header instead (``frontwire.export.acled``)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

# ACLED's coded fields in the order its codebook gives them, under the names SCHEMA.md uses, then frontwire's.
RECORD_COLUMNS = (
    "event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "interaction", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
)
RECORD_EXTRA_COLUMNS = ("date_start", "date_end", "actor1_country", "actor2_country", "place_id", "claimed_by",
                        "claim_chain", "modality", "losses", "confidence", "doc_id")


def csv_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """One CSV row: ``source`` is the outlet chain, lists are joined as ACLED joins them ("; ")."""
    row = {column: record.get(column) for column in RECORD_COLUMNS + RECORD_EXTRA_COLUMNS}
    reported_by = record.get("reported_by")
    sources = record.get("sources") or ([reported_by] if reported_by else [])
    row["source"] = "; ".join(s for s in sources if s) or None
    row["claim_chain"] = " > ".join(record.get("claim_chain") or []) or None
    row["losses"] = "; ".join(
        f"{loss.get('side') or '?'}: {loss.get('count') if loss.get('count') is not None else '?'} {loss.get('item')} "
        f"{loss.get('status')}" for loss in record.get("losses") or []) or None
    return row


def write_csv(records: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Write the header and one row per record to ``out``, streaming; return how many rows were written."""
    return write_rows((csv_row(record) for record in records), RECORD_COLUMNS + RECORD_EXTRA_COLUMNS, out)


def write_rows(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: IO[str]) -> int:
    """A header of ``columns``, then each row (LF line ends, quotes only where a cell needs them); streaming."""
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count
