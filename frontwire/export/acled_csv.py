"""ACLED's CSV: its export header, names and order, then frontwire's columns; one row per merged event.

Written as ACLED's files are: comma-separated, LF line ends, no byte-order mark, quotes only where a cell needs
them. Booleans are ``true``/``false`` (pandas and R read them as booleans), missing values empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any

from frontwire.export.acled import EXPORT_COLUMNS, event_row, flat_row
from frontwire.export.claims_csv import write_rows


def acled_csv_row(event: Mapping[str, Any]) -> dict[str, str]:
    """One merged event as the cells of its CSV row, keyed by ``EXPORT_COLUMNS``."""
    return {column: _cell(value) for column, value in flat_row(event_row(event)).items()}


def write_acled_csv(events: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Write the header and one row per merged event to ``out`` (a text stream opened with ``newline=""``),
    streaming; return how many rows were written."""
    return write_rows((acled_csv_row(event) for event in events), EXPORT_COLUMNS, out)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
