"""Named schema migrations, each applied once, in order, inside a transaction.

``{id}`` in the DDL becomes the dialect's auto-increment key, ``{json}`` its JSON text type. Never edit a
migration that has shipped: add a new one.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
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
)
