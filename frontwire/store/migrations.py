"""Named schema migrations, each applied once, in order, inside a transaction.

``{id}`` in the DDL becomes the dialect's auto-increment key, ``{json}`` its JSON text type, ``{float}`` its
double-precision float. Never edit a
migration that has shipped: add a new one. A migration that depends on what the server offers is a function of the
store instead of statements (0004: PostGIS, only where the server has it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from frontwire.store.spatial import add_geometry

if TYPE_CHECKING:
    from frontwire.store.database import Store

MIGRATIONS: tuple[tuple[str, tuple[str, ...] | Callable[[Store], None]], ...] = (
    ("0001_documents_claims_failures", (
        """CREATE TABLE documents (
            content_hash TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL,
            version_key TEXT NOT NULL,
            version INTEGER NOT NULL,
            url TEXT,
            title TEXT,
            published_at TEXT,
            source TEXT,
            language TEXT,
            status TEXT NOT NULL,
            origin TEXT,
            record {json} NOT NULL,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX documents_doc_id ON documents (doc_id)",
        "CREATE INDEX documents_version_key ON documents (version_key)",
        """CREATE TABLE claims (
            claim_id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL REFERENCES documents (content_hash),
            doc_id TEXT NOT NULL,
            event_date TEXT,
            country TEXT,
            admin1 TEXT,
            location TEXT,
            event_type TEXT,
            sub_event_type TEXT,
            record {json} NOT NULL
        )""",
        "CREATE INDEX claims_event_date ON claims (event_date)",
        "CREATE INDEX claims_country ON claims (country)",
        "CREATE INDEX claims_content_hash ON claims (content_hash)",
        """CREATE TABLE failures (
            id {id},
            origin TEXT NOT NULL,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            doc_id TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (origin, stage, reason)
        )""",
    )),
    ("0002_merge_decisions", (
        """CREATE TABLE merge_decisions (
            id {id},
            kind TEXT NOT NULL CHECK (kind IN ('split', 'join')),
            claim_ids TEXT NOT NULL,
            note TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (kind, claim_ids)
        )""",
    )),
    # The ledger's merged events, kept in the store so the API and exports filter and page them in SQL rather than
    # re-merging every claim on each request. ``frontwire.store.events.refresh_events`` rebuilds them whenever the
    # documents, claims or merge decisions changed (``ledger_state`` holds the counts they were built from).
    ("0003_merged_events", (
        """CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            sort_day TEXT NOT NULL,
            event_date TEXT,
            date_start TEXT,
            date_end TEXT,
            year INTEGER,
            time_precision INTEGER,
            disorder_type TEXT,
            event_type TEXT,
            sub_event_type TEXT,
            actor1 TEXT,
            inter1 INTEGER,
            actor2 TEXT,
            inter2 INTEGER,
            interaction INTEGER,
            iso INTEGER,
            iso3 TEXT,
            region TEXT,
            country TEXT,
            admin1 TEXT,
            admin2 TEXT,
            location TEXT,
            place_id TEXT,
            latitude {float},
            longitude {float},
            geo_precision INTEGER,
            source TEXT,
            source_scale TEXT,
            notes TEXT,
            fatalities INTEGER,
            disputed INTEGER NOT NULL,
            sources_independent INTEGER NOT NULL,
            claims_count INTEGER NOT NULL,
            is_current INTEGER NOT NULL,
            claimants TEXT NOT NULL,
            outlets TEXT NOT NULL
        )""",
        # the wide parts apart, so that a filter scans narrow rows: the JSON records, and the words a search reads
        """CREATE TABLE event_records (
            event_id TEXT PRIMARY KEY,
            summary {json} NOT NULL,
            record {json} NOT NULL
        )""",
        """CREATE TABLE event_text (
            event_id TEXT PRIMARY KEY,
            search TEXT NOT NULL
        )""",
        "CREATE INDEX events_sort ON events (sort_day, event_id)",
        "CREATE INDEX events_country ON events (country)",
        "CREATE INDEX events_type ON events (sub_event_type)",
        "CREATE INDEX events_position ON events (longitude, latitude)",
        "CREATE INDEX events_district ON events (country, admin1)",
        "CREATE INDEX events_place ON events (place_id)",
        """CREATE TABLE event_claims (
            claim_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL
        )""",
        "CREATE INDEX event_claims_event ON event_claims (event_id)",
        "CREATE TABLE ledger_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # ACLED's export columns, names and order, for datasette, spreadsheets and anything that reads ACLED files
        """CREATE VIEW acled_events AS SELECT
            NULL AS data_id, iso, event_id AS event_id_cnty, NULL AS event_id_no_cnty, event_date, year,
            time_precision, event_type, sub_event_type, actor1, NULL AS assoc_actor_1, inter1, actor2,
            NULL AS assoc_actor_2, inter2, interaction, region, country, admin1, admin2, NULL AS admin3, location,
            latitude, longitude, geo_precision, source, source_scale, notes, fatalities, NULL AS timestamp, iso3
            FROM events WHERE is_current = 1""",
    )),
    # On PostgreSQL with PostGIS, the events' positions as indexed points (frontwire.store.spatial).
    ("0004_postgis", add_geometry),
    # What ``frontwire watch`` has seen of each feed: the entries it coded (by id, else link) and the validators
    # for its next conditional GET. Tables of their own, apart from 0004's: either may be applied first.
    ("0005_feeds", (
        """CREATE TABLE feeds (
            feed_url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            polled_at TEXT NOT NULL
        )""",
        """CREATE TABLE feed_entries (
            feed_url TEXT NOT NULL,
            entry_key TEXT NOT NULL,
            link TEXT,
            content_hash TEXT,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_url, entry_key)
        )""",
    )),
)
