"""The ``Store``: documents, claims, failures and analysts' merge decisions over SQLite or PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from frontwire.errors import MissingDependency, StoreError
from frontwire.records import Claim, Document, Failure
from frontwire.store.migrations import MIGRATIONS
from frontwire.store.spatial import has_geometry


@dataclass(frozen=True, slots=True)
class Dialect:
    name: str
    param: str
    autoincrement: str
    json_type: str
    float_type: str


SQLITE = Dialect("sqlite", "?", "INTEGER PRIMARY KEY AUTOINCREMENT", "TEXT", "REAL")
POSTGRES = Dialect("postgresql", "%s", "BIGSERIAL PRIMARY KEY", "TEXT", "DOUBLE PRECISION")


# The key of the PostgreSQL advisory lock that migrations hold (any constant other programs are unlikely to use).
_SCHEMA_LOCK = 0x66726F6E74  # "front"


def open_store(url: str) -> Store:
    """Open (creating and migrating if needed) the store at ``url``: a SQLite path or a ``postgresql://`` URL."""
    if url.startswith(("postgresql://", "postgres://")):
        try:
            import psycopg
        except ImportError as exc:
            raise MissingDependency("psycopg", "postgres") from exc
        try:
            pg_connection = psycopg.connect(url, autocommit=False)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {_redact(url)}: {str(exc).strip().splitlines()[0]}",
                             hint="check that the server runs and the URL, user and database are right") from exc
        return Store(pg_connection, POSTGRES, url)
    try:
        connection = sqlite3.connect(url, timeout=30, isolation_level=None)
        _write_ahead_log(connection)
        connection.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the SQLite store {url}: {exc}",
                         hint="check the path and that the file is a frontwire database") from exc
    return Store(connection, SQLITE, url)


def _write_ahead_log(connection: sqlite3.Connection, wait: float = 30.0) -> None:
    """Put the SQLite file in WAL mode. Switching is the one step that does not wait for a lock (SQLite answers
    'database is locked' at once while another connection switches the same new file), so it is retried here."""
    deadline = time.monotonic() + wait
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A connection to frontwire's database. Use it as a context manager; it closes on exit."""

    def __init__(self, connection: Any, dialect: Dialect, url: str) -> None:
        self.connection = connection
        self.dialect = dialect
        self.url = url
        try:
            self.migrate()
            self.spatial = has_geometry(self)  # events.geom with its GiST index: PostgreSQL with PostGIS
        except Exception as exc:
            connection.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot prepare the store {_redact(url)}: {exc}",
                             hint="is this a frontwire database? point --db at a new file to start afresh") from exc

    # -- plumbing -------------------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def _sql(self, sql: str) -> str:
        return sql.replace("?", self.dialect.param) if self.dialect.param != "?" else sql

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cursor = self.connection.cursor()
        cursor.execute(self._sql(sql), _no_nul(params))
        return cursor

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: an interrupted write leaves the store as it was before it."""
        if self.dialect is SQLITE:
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.connection.execute("ROLLBACK")
                raise
            self.connection.execute("COMMIT")
        else:
            try:
                yield
            except BaseException:
                self.connection.rollback()
                raise
            self.connection.commit()

    def migrate(self) -> list[str]:
        """Apply the migrations this database has not seen; return their names. Processes opening a new store at
        once take turns: each migration is applied by whichever gets there first, and the others see it done."""
        with self.transaction():
            self._lock_schema()
            self._execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
        done = {row[0] for row in self._execute("SELECT name FROM schema_migrations").fetchall()}
        if self.dialect is POSTGRES:
            self.connection.commit()
        applied = []
        for name, migration in MIGRATIONS:
            if name in done:
                continue
            with self.transaction():
                self._lock_schema()
                if self._execute("SELECT 1 FROM schema_migrations WHERE name = ?", (name,)).fetchone():
                    continue  # another process applied it since we looked
                if callable(migration):
                    migration(self)
                else:
                    for statement in migration:
                        self._execute(statement.format(id=self.dialect.autoincrement, json=self.dialect.json_type,
                                                       float=self.dialect.float_type))
                self._execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", (name, _now()))
            applied.append(name)
        return applied

    def _lock_schema(self) -> None:
        """Within a transaction, wait for any other process changing the schema (SQLite's BEGIN IMMEDIATE already
        does): two concurrent CREATE TABLEs of the same name fail on PostgreSQL, even with IF NOT EXISTS."""
        if self.dialect is POSTGRES:
            self._execute("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))

    def migrations(self) -> list[str]:
        return [row[0] for row in self._execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]

    # -- writing --------------------------------------------------------------------------------------------
    def has_document(self, content_hash: str) -> bool:
        row = self._execute("SELECT 1 FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    def save_document(self, document: Document, claims: Sequence[Claim] = ()) -> bool:
        """Store ``document`` with its claims in one transaction. Return False if it was already stored."""
        with self.transaction():
            return self._insert_document(document, claims)

    def save_documents(self, items: Iterable[tuple[Document, Sequence[Claim]]]) -> int:
        """Store many documents with their claims in one transaction (all or none); return how many were new.
        For bulk loads: a few statements for the whole batch instead of four per document, and one commit."""
        items = list(items)
        with self.transaction():
            self._take_turns()
            stored = {row[0] for row in self._existing("SELECT content_hash FROM documents WHERE content_hash IN ({})",
                                                       [document.content_hash for document, _ in items])}
            versions = {row[0]: int(row[1]) for row in self._existing(
                "SELECT version_key, MAX(version) FROM documents WHERE version_key IN ({}) GROUP BY version_key",
                list({document.url or document.id for document, _ in items}))}
            documents: list[tuple[Any, ...]] = []
            claims: list[tuple[Any, ...]] = []
            for document, its_claims in items:
                if document.content_hash in stored:
                    continue
                stored.add(document.content_hash)
                version_key = document.url or document.id
                versions[version_key] = versions.get(version_key, 0) + 1
                documents.append(_document_row(document, version_key, versions[version_key]))
                claims.extend(_claim_row(document, claim) for claim in its_claims)
            cursor = self.connection.cursor()
            cursor.executemany(self._sql(_INSERT_DOCUMENT), [_no_nul(row) for row in documents])
            cursor.executemany(self._sql(_INSERT_CLAIM), [_no_nul(row) for row in claims])
        return len(documents)

    def _existing(self, sql: str, values: list[str]) -> list[tuple[Any, ...]]:
        """The rows ``sql`` finds for ``values`` (its ``{}`` a list of placeholders), asked 500 at a time."""
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(values), 500):
            chunk = values[start:start + 500]
            rows += self._execute(sql.format(", ".join("?" for _ in chunk)), chunk).fetchall()
        return rows

    def _take_turns(self) -> None:
        """Within a transaction that stores documents, wait for any other writer's, as SQLite's BEGIN IMMEDIATE
        makes writers do: what is found stored stays true until the commit, so a document and its claims are stored
        once, and two versions of one URL stored at the same moment get two version numbers."""
        if self.dialect is POSTGRES:
            self._execute("LOCK TABLE documents IN SHARE ROW EXCLUSIVE MODE")

    def _insert_document(self, document: Document, claims: Sequence[Claim]) -> bool:
        self._take_turns()
        if self.has_document(document.content_hash):
            return False
        version_key = document.url or document.id
        row = self._execute("SELECT COALESCE(MAX(version), 0) FROM documents WHERE version_key = ?",
                            (version_key,)).fetchone()
        inserted = self._execute(_INSERT_DOCUMENT, _document_row(document, version_key, int(row[0]) + 1))
        if inserted.rowcount == 0:
            return False
        for claim in claims:
            self._execute(_INSERT_CLAIM, _claim_row(document, claim))
        return True

    def record_failure(self, failure: Failure) -> None:
        """Note a document that could not be processed; the same failure twice is noted once."""
        with self.transaction():
            self._execute(
                "INSERT INTO failures (origin, stage, reason, doc_id, created_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (origin, stage, reason) DO NOTHING",
                (failure.origin, failure.stage, failure.reason, failure.doc_id, _now()),
            )

    def add_decision(self, kind: str, claim_ids: Sequence[str], note: str | None = None) -> None:
        """Record an analyst's ``split`` or ``join`` of claims; the ledger honours it on every run."""
        if kind not in ("split", "join"):
            raise StoreError(f"unknown merge decision {kind!r}", hint="use 'split' or 'join'")
        ids = json.dumps(sorted(set(claim_ids)))
        with self.transaction():
            self._execute("INSERT INTO merge_decisions (kind, claim_ids, note, created_at) VALUES (?, ?, ?, ?)"
                          " ON CONFLICT (kind, claim_ids) DO NOTHING", (kind, ids, note, _now()))

    # -- feeds (``frontwire watch``) ------------------------------------------------------------------------
    def feed_validators(self, feed_url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified of the feed's last poll whose entries were all stored, for a conditional GET."""
        row = self._execute("SELECT etag, last_modified FROM feeds WHERE feed_url = ?", (feed_url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def set_feed_validators(self, feed_url: str, etag: str | None, last_modified: str | None) -> None:
        with self.transaction():
            self._execute("INSERT INTO feeds (feed_url, etag, last_modified, polled_at) VALUES (?, ?, ?, ?)"
                          " ON CONFLICT (feed_url) DO UPDATE SET etag = excluded.etag,"
                          " last_modified = excluded.last_modified, polled_at = excluded.polled_at",
                          (feed_url, etag, last_modified, _now()))

    def seen_entries(self, feed_url: str) -> set[str]:
        rows = self._execute("SELECT entry_key FROM feed_entries WHERE feed_url = ?", (feed_url,)).fetchall()
        return {row[0] for row in rows}

    def save_feed_entry(self, feed_url: str, entry_key: str, link: str | None = None, *,
                        document: Document | None = None, claims: Sequence[Claim] = (),
                        content_hash: str | None = None) -> bool:
        """Mark an entry of a feed as done and store its document with its claims, if any, in the same
        transaction: a watcher stopped at any point has stored both or neither. Return whether the document was
        new; an entry marked twice is marked once."""
        with self.transaction():
            new = document is not None and self._insert_document(document, claims)
            self._execute("INSERT INTO feed_entries (feed_url, entry_key, link, content_hash, seen_at)"
                          " VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed_url, entry_key) DO NOTHING",
                          (feed_url, entry_key, link, document.content_hash if document else content_hash, _now()))
        return new

    # -- reading --------------------------------------------------------------------------------------------
    def iter_documents(self, *, status: str | None = None) -> Iterator[Document]:
        sql = "SELECT record, origin FROM documents"
        params: tuple[Any, ...] = ()
        if status:
            sql, params = sql + " WHERE status = ?", (status,)
        # oldest version first, by the article's own date (see ``iter_claims``): the last of an id is its latest
        for record, origin in self._execute(sql + " ORDER BY doc_id, " + _VERSION_ORDER, params).fetchall():
            document = Document.from_dict(json.loads(record))
            yield _with_origin(document, origin)

    def get_document(self, doc_id: str) -> Document | None:
        row = self._execute("SELECT record, origin FROM documents WHERE doc_id = ? ORDER BY "
                            "COALESCE(published_at, '') DESC, content_hash DESC", (doc_id,)).fetchone()
        return _with_origin(Document.from_dict(json.loads(row[0])), row[1]) if row else None

    def document_versions(self, doc_id: str) -> list[dict[str, Any]]:
        """Every stored version of a document, oldest first by its own date: hash, arrival number, dates."""
        rows = self._execute("SELECT content_hash, version, published_at, ingested_at, url FROM documents "
                             "WHERE doc_id = ? ORDER BY " + _VERSION_ORDER, (doc_id,)).fetchall()
        return [{"content_hash": r[0], "version": r[1], "published_at": r[2], "ingested_at": r[3], "url": r[4]}
                for r in rows]

    def claim_ids_of(self, content_hash: str) -> list[str]:
        """The ids of the claims one stored version of a document asserts."""
        rows = self._execute("SELECT claim_id FROM claims WHERE content_hash = ? ORDER BY claim_id",
                             (content_hash,)).fetchall()
        return [row[0] for row in rows]

    def iter_claims(self, *, date_from: str | None = None, date_to: str | None = None,
                    country: str | None = None, event_type: str | None = None,
                    all_versions: bool = False) -> Iterator[Claim]:
        """Every stored claim, ordered by its id, optionally filtered.

        Only the claims of each document's latest version count, unless ``all_versions``: an updated article
        replaces what its earlier version asserted (both versions stay stored). The latest version is the one
        the article itself dates last, then the greatest content hash: never the one ingested last, so the
        same documents ingested in any order give the same claims.
        """
        where, params = [], []
        if not all_versions:
            where.append(_LATEST_VERSION)
        if date_from:
            where.append("c.event_date >= ?")
            params.append(date_from)
        if date_to:
            where.append("c.event_date <= ?")
            params.append(date_to)
        if country:
            where.append("LOWER(c.country) = LOWER(?)")
            params.append(country)
        if event_type:
            where.append("(LOWER(c.event_type) = LOWER(?) OR LOWER(c.sub_event_type) = LOWER(?))")
            params.extend([event_type, event_type])
        sql = ("SELECT c.record FROM claims c JOIN documents d ON d.content_hash = c.content_hash"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.claim_id")
        for (record,) in self._execute(sql, params).fetchall():
            yield Claim.from_dict(json.loads(record))

    def failures(self) -> list[Failure]:
        rows = self._execute("SELECT origin, stage, reason, doc_id FROM failures ORDER BY id").fetchall()
        return [Failure(origin=r[0], stage=r[1], reason=r[2], doc_id=r[3]) for r in rows]

    def decisions(self) -> list[tuple[str, tuple[str, ...], str | None]]:
        rows = self._execute("SELECT kind, claim_ids, note FROM merge_decisions ORDER BY id").fetchall()
        return [(kind, tuple(json.loads(ids)), note) for kind, ids, note in rows]

    def counts(self) -> dict[str, int]:
        return {table: int(self._execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # noqa: S608 - fixed names
                for table in ("documents", "claims", "failures", "merge_decisions")}


_INSERT_DOCUMENT = (
    "INSERT INTO documents (content_hash, doc_id, version_key, version, url, title, published_at, source, language,"
    " status, origin, record, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    # another writer may have stored it since we looked (PostgreSQL lets both look before either commits)
    " ON CONFLICT (content_hash) DO NOTHING"
)
_INSERT_CLAIM = (
    "INSERT INTO claims (claim_id, content_hash, doc_id, event_date, country, admin1, location, event_type,"
    " sub_event_type, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id) DO NOTHING"
)


def _document_row(document: Document, version_key: str, version: int) -> tuple[Any, ...]:
    return (document.content_hash, document.id, version_key, version, document.url, document.title,
            document.published_at.isoformat() if document.published_at else None, document.source,
            document.language, document.status, document.origin,
            json.dumps(document.to_dict(), ensure_ascii=False, sort_keys=True), _now())


def _claim_row(document: Document, claim: Claim) -> tuple[Any, ...]:
    return (claim.claim_id, document.content_hash, claim.doc_id,
            claim.event_date.isoformat() if claim.event_date else None, claim.country, claim.admin1,
            claim.location, claim.event_type, claim.sub_event_type,
            json.dumps(claim.to_dict(), ensure_ascii=False, sort_keys=True))


def _no_nul(params: Sequence[Any]) -> tuple[Any, ...]:
    """PostgreSQL's TEXT cannot hold NUL; the JSON record keeps the exact value, escaped."""
    return tuple(p.replace("\x00", "\ufffd") if isinstance(p, str) else p for p in params)


# Which stored version of an article counts: the one it dates last (published or updated: the ``published_at``
# each version carries), then the greatest content hash. The ``version`` column only numbers arrivals.
_VERSION_ORDER = "COALESCE(published_at, ''), content_hash"
_LATEST_VERSION = (
    "NOT EXISTS (SELECT 1 FROM documents v WHERE v.version_key = d.version_key AND ("
    "COALESCE(v.published_at, '') > COALESCE(d.published_at, '') OR (COALESCE(v.published_at, '') = "
    "COALESCE(d.published_at, '') AND v.content_hash > d.content_hash)))"
)


def _with_origin(document: Document, origin: str | None) -> Document:
    from dataclasses import replace

    return replace(document, origin=origin or document.origin)
