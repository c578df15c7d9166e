"""Parquet through pyarrow: the export's columns (``frontwire.export.acled``) with one fixed, explicit schema.

Dates are ``date32``, counts and codes ``int64``, coordinates and confidence ``float64``, ``disputed`` a boolean,
name and sentence lists ``list<string>``, losses a list of structs; every column but the event id, the claim count
and ``disputed`` may be null. The schema is the same whatever the rows hold (an empty export included), so files
written on different days concatenate. Rows are written in row groups as they come, never all held at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from frontwire import __version__
from frontwire.export.acled import EXPORT_COLUMNS, event_row

ROWS_PER_GROUP = 10_000

_INT_COLUMNS = ("data_id", "iso", "event_id_no_cnty", "year", "time_precision", "inter1", "inter2", "interaction",
                "geo_precision", "fatalities", "timestamp", "claims_count", "sources_independent")
_FLOAT_COLUMNS = ("latitude", "longitude", "confidence")
_DATE_COLUMNS = ("event_date", "date_start", "date_end")
_STRING_LIST_COLUMNS = ("claimants", "outlets", "evidence", "supporting_sides", "disputes", "doc_ids")
_REQUIRED = ("event_id_cnty", "claims_count", "disputed")
LOSS_TYPE = pa.struct([("side", pa.string()), ("category", pa.string()), ("item", pa.string()),
                       ("count", pa.int64()), ("status", pa.string())])


def _type(column: str) -> pa.DataType:
    if column in _INT_COLUMNS:
        return pa.int64()
    if column in _FLOAT_COLUMNS:
        return pa.float64()
    if column in _DATE_COLUMNS:
        return pa.date32()
    if column in _STRING_LIST_COLUMNS:
        return pa.list_(pa.string())
    if column == "losses":
        return pa.list_(LOSS_TYPE)
    if column == "disputed":
        return pa.bool_()
    return pa.string()


SCHEMA = pa.schema(
    [pa.field(column, _type(column), nullable=column not in _REQUIRED) for column in EXPORT_COLUMNS],
    metadata={"frontwire": f"merged events: ACLED's export columns, then frontwire's (frontwire {__version__})"},
)


def write_parquet(events: Iterable[Mapping[str, Any]], out: str | Path | IO[bytes], *,
                  rows_per_group: int = ROWS_PER_GROUP) -> int:
    """Write merged events to ``out`` (a path, or a binary stream such as ``sys.stdout.buffer``: Parquet is
    written front to back, so a pipe works) as one Parquet file of ``SCHEMA``; return how many rows were written."""
    count = 0
    with pq.ParquetWriter(str(out) if isinstance(out, Path) else out, SCHEMA, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for event in events:
            batch.append(event_row(event))
            if len(batch) >= rows_per_group:
                writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
            count += len(batch)
    return count
