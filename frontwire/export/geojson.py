"""GeoJSON (RFC 7946): a FeatureCollection, one Feature per record, written as the records come.

Coordinates are ``[longitude, latitude]`` (GeoJSON's order, the reverse of how places are usually said). A record
without coordinates, or with coordinates outside WGS84's range, has a null geometry, which GeoJSON allows: the
event is still in the file and a map simply does not draw it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from frontwire.export.acled import event_row, flat_row


def point(latitude: Any, longitude: Any) -> dict[str, Any] | None:
    """A GeoJSON Point at ``[longitude, latitude]``, or None where either is missing or out of range."""
    if any(isinstance(v, bool) or not isinstance(v, int | float) for v in (latitude, longitude)):
        return None
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return {"type": "Point", "coordinates": [longitude, latitude]}


def write_geojson(records: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Records as they are (``frontwire extract``, ``frontwire events``): every field a property except the
    coordinates, which are the geometry. Return how many features were written."""
    features = ({"type": "Feature", "geometry": point(r.get("latitude"), r.get("longitude")),
                 "properties": {k: v for k, v in r.items() if k not in ("latitude", "longitude")}}
                for r in records)
    return write_feature_collection(features, out)


def write_events_geojson(events: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Merged events for maps and GIS: the feature ``id`` is the event id, and the properties are the export's
    columns (``frontwire.export.acled``) as flat values (text, numbers, booleans, null; lists joined as in the
    CSV), so QGIS, Leaflet and spreadsheets read them without unpacking. Return how many features were written."""
    return write_feature_collection((event_feature(event) for event in events), out)


def event_feature(event: Mapping[str, Any]) -> dict[str, Any]:
    """One merged event as a GeoJSON Feature (see ``write_events_geojson``)."""
    row = flat_row(event_row(event))
    geometry = point(row.pop("latitude"), row.pop("longitude"))
    return {"type": "Feature", "id": row["event_id_cnty"], "geometry": geometry, "properties": row}


def write_feature_collection(features: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Write a FeatureCollection one feature per line, never holding the collection in memory."""
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for text in _dumps(features):
        out.write(("\n" if count == 0 else ",\n") + text)
        count += 1
    out.write("\n]}\n")
    return count


def _dumps(features: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    for feature in features:
        # allow_nan=False: NaN is not JSON; a NaN property is a bug upstream, better caught than written
        yield json.dumps(feature, ensure_ascii=False, allow_nan=False)
