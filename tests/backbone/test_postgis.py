"""On PostgreSQL with PostGIS the merged events carry an indexed point, and a bounding box asks that index; the
events it keeps are exactly those the plain longitude/latitude filter keeps (SQLite, or PostgreSQL without PostGIS),
edges and the antimeridian included. Needs the server FRONTWIRE_TEST_POSTGRES names (.ci/run starts one, with
PostGIS)."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from frontwire.ledger.bench import synthetic_claims
from frontwire.records import Claim, Document
from frontwire.store import open_store
from frontwire.store.events import EventQuery, _and, _where, iter_event_records, refresh_events, select_events

pytestmark = pytest.mark.postgres

BASE = os.environ.get("FRONTWIRE_TEST_POSTGRES")


@contextmanager
def _database(owner: str | None = None) -> Iterator[str]:
    """A new, empty database on the test server (owned by ``owner``, connecting as them, when given)."""
    if not BASE:
        pytest.skip("set FRONTWIRE_TEST_POSTGRES to a PostgreSQL URL to test the PostgreSQL store (.ci/run does)")
    import psycopg

    name = f"frontwire_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(BASE, autocommit=True) as admin:
        if owner:
            admin.execute(f'CREATE ROLE "{owner}" LOGIN')
        admin.execute(f'CREATE DATABASE "{name}"' + (f' OWNER "{owner}"' if owner else ""))
    server, _ = BASE.rsplit("/", 1)
    if owner:
        server = server.split("://", 1)[0] + "://" + owner + "@" + server.split("@", 1)[-1]
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(BASE, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if owner:
                admin.execute(f'DROP ROLE IF EXISTS "{owner}"')


@pytest.fixture
def postgis_url() -> Iterator[str]:
    """A fresh PostgreSQL store's URL, on a server that has PostGIS."""
    with _database() as url:
        with open_store(url) as store:
            available = store._execute("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").fetchone()
        if not available:
            pytest.skip("PostGIS is not installed on the FRONTWIRE_TEST_POSTGRES server (Debian: apt-get install "
                        "postgresql-15-postgis-3, for the server's major version; .ci/run does)")
        yield url


# Points on and about the edges the boxes below use, exact and a hair off; and either side of the antimeridian.
# (The synthetic war lies in 45..52 E, 38.5..45 N.)
_EDGES = [(30.0, 10.0), (30.0000001, 10.0), (30.0, 10.0000001), (29.9999999, 9.9999999), (29.0, 9.0),
          (28.9999999, 9.5), (179.9, 0.0), (-179.9, 0.0), (180.0, 0.0), (-180.0, 0.0), (0.0, 90.0), (0.0, -90.0)]
_BOXES = [
    (46.0, 39.0, 47.0, 40.0),
    (29.0, 9.0, 30.0, 10.0),        # the edges exactly: points on them are in, a hair outside are out
    (30.0, 10.0, 30.0, 10.0),       # a single point
    (170.0, -10.0, 180.0, 10.0),    # up to the antimeridian from the west
    (-180.0, -10.0, -170.0, 10.0),  # and from the east
    (170.0, -10.0, -170.0, 10.0),   # west edge east of the east edge: no box, no events (not a box round the world)
    (-180.0, -90.0, 180.0, 90.0),   # the whole globe
    (45.0, 38.5, 52.0, 45.0),       # the synthetic war's whole front
]


def _claims() -> list[Claim]:
    claims = synthetic_claims(1500, seed=13)
    for n, (lon, lat) in enumerate(_EDGES):  # one event each: a place of its own
        claims.append(replace(claims[n * 7], claim_id=f"edge-{n}", doc_id=f"edge-doc-{n}", longitude=lon,
                              latitude=lat, place_id=f"edge:{n}", location=f"Edge {n}", admin1=f"Edge {n}"))
    return claims


def _fill(url: str, claims: list[Claim]) -> None:
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.doc_id, []).append(claim)
    with open_store(url) as store:
        store.save_documents((Document(id=doc, text=" ", content_hash=f"h-{doc}"), group)
                             for doc, group in by_doc.items())
        refresh_events(store)


def _in_box(url: str, box: tuple[float, float, float, float]) -> tuple[int, list[str]]:
    with open_store(url) as store:
        query = EventQuery(bbox=box, include_historical=True)
        ids = [event["event_id"] for event in iter_event_records(store, query)]
        return select_events(store, replace(query, limit=1)).total, ids


def test_postgis_store_has_the_point_column_and_its_gist_index(postgis_url):
    with open_store(postgis_url) as store:
        assert store.spatial
        assert "0004_postgis" in store.migrations()
        column = store._execute("SELECT udt_name FROM information_schema.columns WHERE table_name = 'events' "
                                "AND column_name = 'geom'").fetchone()
        assert column == ("geometry",)
        assert store._execute("SELECT type, srid FROM geometry_columns WHERE f_table_name = 'events' "
                              "AND f_geometry_column = 'geom'").fetchone() == ("POINT", 4326)
        index = store._execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'events' "
                               "AND indexname = 'events_geom'").fetchone()
        assert index is not None and "USING gist (geom)" in index[0]


def test_bbox_query_on_postgis_uses_the_spatial_index(postgis_url):
    _fill(postgis_url, synthetic_claims(6000, seed=1))
    with open_store(postgis_url) as store:
        store._execute("ANALYZE events")
        store._execute("SET enable_seqscan = off")  # a small table may be read whole; the plan is what is pinned
        where, params = _where(EventQuery(bbox=(46.0, 39.0, 46.5, 39.5)), spatial=store.spatial)
        plan = "\n".join(row[0] for row in store._execute("EXPLAIN SELECT COUNT(*) FROM events" + _and(where),
                                                          params).fetchall())
        assert "events_geom" in plan, plan


def test_bbox_keeps_the_same_events_with_postgis_as_on_sqlite(postgis_url, tmp_path: Path):
    claims = _claims()
    sqlite_url = str(tmp_path / "store.db")
    _fill(sqlite_url, claims)
    _fill(postgis_url, claims)
    for box in _BOXES:
        assert _in_box(postgis_url, box) == _in_box(sqlite_url, box), box
    total, ids = _in_box(postgis_url, (29.0, 9.0, 30.0, 10.0))
    assert total == len(ids) == 3  # (30, 10), (29.9999999, 9.9999999) and (29, 9); the rest lie a hair outside
    assert _in_box(postgis_url, (170.0, -10.0, 180.0, 10.0))[0] == 2  # 179.9 and 180
    assert _in_box(postgis_url, (170.0, -10.0, -170.0, 10.0)) == (0, [])


def test_points_follow_the_positions_whenever_the_events_are_rebuilt(postgis_url):
    claims = _claims()
    _fill(postgis_url, claims[:800])
    _fill(postgis_url, claims[800:])  # a second refresh rewrites every row
    with open_store(postgis_url) as store:
        assert store._execute("SELECT COUNT(*) FROM events").fetchone()[0] > 500
        astray = store._execute(
            "SELECT COUNT(*) FROM events WHERE (geom IS NULL) <> (longitude IS NULL OR latitude IS NULL) "
            "OR ST_X(geom) <> longitude OR ST_Y(geom) <> latitude OR ST_SRID(geom) <> 4326").fetchone()[0]
        assert astray == 0


def test_without_postgis_the_store_keeps_plain_columns_and_says_so_once(caplog, tmp_path: Path):
    """A user who may not create extensions (or a server without PostGIS) still gets a working store with the
    same answers; the log says once why there is no spatial index."""
    claims = _claims()
    sqlite_url = str(tmp_path / "store.db")
    _fill(sqlite_url, claims)
    with _database(owner=f"frontwire_plain_{uuid.uuid4().hex[:8]}") as plain_url:
        with caplog.at_level(logging.WARNING, logger="frontwire.store"):
            _fill(plain_url, claims)
            with open_store(plain_url) as store:
                assert not store.spatial
                assert "0004_postgis" in store.migrations()
                assert store._execute("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'events' "
                                      "AND column_name = 'geom'").fetchone()[0] == 0
        said = [r.getMessage() for r in caplog.records if "PostGIS is not available" in r.getMessage()]
        assert len(said) == 1, said
        for box in _BOXES:
            assert _in_box(plain_url, box) == _in_box(sqlite_url, box), box
