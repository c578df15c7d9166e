"""Event records out, one module per format.

    jsonl        one JSON object per line: the whole record (``extract``, ``events``, ``export --format jsonl``)
    claims_csv   the CSV of ``extract`` and ``events``: ACLED's coded fields under SCHEMA.md's names
    table        a plain-text table for a terminal
    acled        a merged event as an ACLED-shaped row: ACLED's export columns, then frontwire's
    acled_csv    that row as ACLED's CSV (``export --format acled``)
    geojson      FeatureCollections: records as they are, or merged events with flat properties
    parquet      that row through pyarrow, with a fixed schema (``export --format parquet``)
    filters      which merged events an export keeps
    formats      which writer each format uses: ``write_records``, ``export_events``
"""

from frontwire.export.acled import ACLED_COLUMNS, EXPORT_COLUMNS, FRONTWIRE_COLUMNS, country_codes, event_row
from frontwire.export.acled_csv import write_acled_csv
from frontwire.export.claims_csv import csv_row, write_csv
from frontwire.export.filters import EventFilter, filter_events
from frontwire.export.formats import EXPORT_FORMATS, FORMATS, export_events, write_records
from frontwire.export.geojson import write_events_geojson, write_geojson
from frontwire.export.jsonl import write_jsonl
from frontwire.export.table import format_table

__all__ = ["ACLED_COLUMNS", "EXPORT_COLUMNS", "EXPORT_FORMATS", "FORMATS", "FRONTWIRE_COLUMNS", "EventFilter",
           "country_codes", "csv_row", "event_row", "export_events", "filter_events", "format_table",
           "write_acled_csv", "write_csv", "write_events_geojson", "write_geojson", "write_jsonl", "write_records"]
