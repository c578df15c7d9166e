"""The store opens in datasette, and its ``acled_events`` view has ACLED's columns, names and order."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from frontwire.export import ACLED_COLUMNS, event_row

from .conftest import ACLED_AFGHANISTAN, acled_file_header, event_at

datasette_app = pytest.importorskip("datasette.app", reason="datasette is a dev dependency: pip install -e '.[dev]'")


def _get(db: str, path: str) -> dict:
    async def fetch() -> dict:
        ds = datasette_app.Datasette([db])
        response = await ds.client.get(f"/{Path(db).stem}/{path}")
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


def test_acled_events_view_has_acleds_columns(example_db):
    view = _get(example_db, "acled_events.json?_size=max")
    assert view["is_view"] is True
    assert view["columns"] == list(ACLED_COLUMNS)
    if ACLED_AFGHANISTAN.exists():
        assert view["columns"] == acled_file_header(ACLED_AFGHANISTAN)


def test_acled_events_view_rows_agree_with_the_acled_export(example_db, example_events):
    rows = _get(example_db, "acled_events.json?_shape=array&_size=max")
    assert sorted(r["event_id_cnty"] for r in rows) == sorted(e["event_id"] for e in example_events)
    kharkiv = event_at(example_events, "Kharkiv")
    in_view = next(r for r in rows if r["event_id_cnty"] == kharkiv["event_id"])
    exported = event_row(kharkiv)
    for column in ("event_date", "year", "iso", "iso3", "region", "country", "admin1", "location", "latitude",
                   "longitude", "geo_precision", "fatalities", "source", "notes"):
        value = exported[column]
        assert in_view[column] == (value.isoformat() if column == "event_date" else value), column
