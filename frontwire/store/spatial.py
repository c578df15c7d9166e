"""PostGIS on PostgreSQL: the merged events' positions as points with a spatial index, for bounding-box filters.

Migration ``0004_postgis`` gives ``events`` a ``geom`` column, a ``geometry(Point, 4326)`` that PostgreSQL generates
from ``longitude`` and ``latitude`` (so whatever writes the table keeps it in step without knowing it is there),
with a GiST index. A server without PostGIS keeps the plain columns and their B-tree index, and the log says so
once, when the store is created. SQLite always keeps the plain columns: its B-tree on (longitude, latitude)
serves the boxes a map asks for well enough.

A bounding box reads the same on both: ``bbox_condition`` asks the index for the points in the envelope, then
keeps exactly those whose longitude and latitude lie between its edges (inclusive), as the plain filter does. The
index alone would not do: it compares boxes rounded outwards to single precision, so a point a hair outside an
edge would pass, and an envelope given west edge east of its east edge would be turned around, not left empty.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from frontwire.store.database import Store

log = logging.getLogger("frontwire.store")

SRID = 4326  # WGS 84 longitude/latitude: what the gazetteer's coordinates are


def add_geometry(store: Store) -> None:
    """Migration ``0004_postgis``: on PostgreSQL with PostGIS, the generated point column and its GiST index;
    otherwise nothing, said once in the log. It may run again (see the log line): every step is idempotent."""
    if store.dialect.name != "postgresql":
        return
    missing = _enable_postgis(store)
    if missing:
        log.warning("PostGIS is not available on this PostgreSQL server (%s): the merged events keep plain "
                    "longitude/latitude columns and bounding boxes use their B-tree index. To index them "
                    "spatially, install PostGIS on the server (Debian: postgresql-15-postgis-3), run DELETE FROM "
                    "schema_migrations WHERE name = '0004_postgis', and open the store again", missing)
        return
    store._execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS geom geometry(Point, 4326) GENERATED ALWAYS AS "
                   f"(ST_SetSRID(ST_MakePoint(longitude, latitude), {SRID})) STORED")
    store._execute("CREATE INDEX IF NOT EXISTS events_geom ON events USING GIST (geom)")
    # the GiST index serves every bounding box; with the B-tree beside it the planner would pick either
    store._execute("DROP INDEX IF EXISTS events_position")


def _enable_postgis(store: Store) -> str | None:
    """Make sure the PostGIS extension is in this database; return why it cannot be, or None when it is."""
    import psycopg

    if store._execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone():
        return None
    if not store._execute("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").fetchone():
        return "the extension is not installed"
    # a user who may not create extensions keeps a working store: undo only this statement, not the migration
    store._execute("SAVEPOINT frontwire_postgis")
    try:
        store._execute("CREATE EXTENSION IF NOT EXISTS postgis")
    except psycopg.Error as exc:
        store._execute("ROLLBACK TO SAVEPOINT frontwire_postgis")
        return f"CREATE EXTENSION postgis failed: {str(exc).strip().splitlines()[0]}"
    store._execute("RELEASE SAVEPOINT frontwire_postgis")
    return None


def has_geometry(store: Store) -> bool:
    """Whether this store's events carry the indexed ``geom`` point (PostgreSQL with PostGIS)."""
    if store.dialect.name != "postgresql":
        return False
    row = store._execute("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                         "AND table_name = 'events' AND column_name = 'geom'").fetchone()
    store.connection.commit()  # a catalog read; no transaction left open behind it
    return row is not None


def bbox_condition(bbox: tuple[float, float, float, float], *, spatial: bool) -> tuple[str, list[Any]]:
    """The SQL condition and parameters keeping events inside ``bbox`` (min lon, min lat, max lon, max lat), edges
    included; with ``spatial``, led by the envelope test that the GiST index answers."""
    min_lon, min_lat, max_lon, max_lat = (float(edge) for edge in bbox)
    exact = "longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?"
    params: list[Any] = [min_lon, max_lon, min_lat, max_lat]
    if not spatial:
        return exact, params
    return (f"geom && ST_MakeEnvelope(?, ?, ?, ?, {SRID}) AND {exact}",
            [min_lon, min_lat, max_lon, max_lat, *params])
