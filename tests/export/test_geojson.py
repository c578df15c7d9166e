"""GeoJSON: a valid FeatureCollection, coordinates as [longitude, latitude], flat properties."""

from __future__ import annotations

import io
import json
import math
from typing import Any

import pytest

from frontwire.export import EXPORT_COLUMNS, export_events, write_events_geojson, write_geojson

from .conftest import event_at


def geojson_problems(document: Any) -> list[str]:
    """What makes ``document`` not a FeatureCollection of Points (RFC 7946): each Feature's geometry is a Point of
    two finite numbers, longitude in [-180, 180] then latitude in [-90, 90], or null."""
    problems = []
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        return ["not a FeatureCollection"]
    if not isinstance(document.get("features"), list):
        return ["features is not a list"]
    for i, feature in enumerate(document["features"]):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(f"feature {i} is not a Feature")
            continue
        if not isinstance(feature.get("properties"), dict | None):
            problems.append(f"feature {i}: properties is neither an object nor null")
        if "geometry" not in feature:
            problems.append(f"feature {i} has no geometry member")
            continue
        geometry = feature["geometry"]
        if geometry is None:
            continue
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            problems.append(f"feature {i}: geometry is not a Point")
            continue
        coordinates = geometry.get("coordinates")
        if not (isinstance(coordinates, list) and len(coordinates) == 2
                and all(isinstance(c, int | float) and not isinstance(c, bool) and math.isfinite(c)
                        for c in coordinates)):
            problems.append(f"feature {i}: coordinates are not two numbers")
            continue
        lon, lat = coordinates
        if not -180 <= lon <= 180:
            problems.append(f"feature {i}: longitude {lon} is out of range")
        if not -90 <= lat <= 90:
            problems.append(f"feature {i}: latitude {lat} is out of range")
    return problems


def _geojson(events: list[dict]) -> dict:
    out = io.StringIO()
    assert write_events_geojson(events, out) == len(events)
    return json.loads(out.getvalue())


def test_the_validator_catches_what_is_not_geojson():
    assert geojson_problems({"type": "Feature"}) == ["not a FeatureCollection"]
    bad = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [10.0, 95.0]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": ["36.2", "50.0"]}},
        {"type": "Feature", "properties": {}},
    ]}
    assert len(geojson_problems(bad)) == 3


def test_merged_events_geojson_validates(example_events):
    document = _geojson(example_events)
    assert geojson_problems(document) == []
    assert len(document["features"]) == len(example_events)
    assert [f["id"] for f in document["features"]] == [e["event_id"] for e in example_events]


def test_coordinates_are_longitude_then_latitude(example_events):
    document = _geojson(example_events)
    kharkiv = event_at(example_events, "Kharkiv")
    feature = next(f for f in document["features"] if f["id"] == kharkiv["event_id"])
    lon, lat = feature["geometry"]["coordinates"]
    assert lon == pytest.approx(36.25, abs=0.05), "Kharkiv lies at about 36.2 E"
    assert lat == pytest.approx(49.98, abs=0.05), "and about 50.0 N"
    for feature, event in zip(document["features"], example_events, strict=True):
        assert feature["geometry"]["coordinates"] == [event["longitude"], event["latitude"]]


def test_properties_are_the_export_columns_as_flat_values(example_events):
    document = _geojson(example_events)
    for feature in document["features"]:
        properties = feature["properties"]
        assert list(properties) == [c for c in EXPORT_COLUMNS if c not in ("latitude", "longitude")]
        assert all(isinstance(v, str | int | float | bool) or v is None for v in properties.values())
    tartar = event_at(example_events, "Tartar")
    properties = next(f for f in document["features"] if f["id"] == tartar["event_id"])["properties"]
    assert properties["disputed"] is True and properties["claims_count"] == 2
    assert properties["event_date"] == "2020-11-01"


def test_an_event_without_coordinates_keeps_a_null_geometry():
    placeless = {"event_id": "evt-no-place", "event_date": "2021-01-02", "latitude": None, "longitude": None}
    outside = {"event_id": "evt-bad-place", "event_date": "2021-01-02", "latitude": 120.0, "longitude": 10.0}
    document = _geojson([placeless, outside])
    assert geojson_problems(document) == []
    assert [f["geometry"] for f in document["features"]] == [None, None]
    assert [f["properties"]["event_id_cnty"] for f in document["features"]] == ["evt-no-place", "evt-bad-place"]


def test_an_empty_export_is_an_empty_collection():
    document = _geojson([])
    assert document == {"type": "FeatureCollection", "features": []}


def test_export_events_writes_geojson_to_a_path(example_events, tmp_path):
    path = tmp_path / "events.geojson"
    assert export_events(example_events, "geojson", path) == len(example_events)
    assert geojson_problems(json.loads(path.read_text(encoding="utf-8"))) == []


def test_the_records_geojson_of_extract_and_events_still_validates(example_events):
    out = io.StringIO()
    assert write_geojson(example_events, out) == len(example_events)
    document = json.loads(out.getvalue())
    assert geojson_problems(document) == []
    assert document["features"][0]["properties"]["claims"], "records keep every field, nested ones included"
