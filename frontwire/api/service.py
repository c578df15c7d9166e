"""What the HTTP service holds between requests: one store connection per worker thread, the merged events kept
current, the ledger's events for control and losses, and one pipeline for POSTed articles.

A request never waits on the network or re-merges the ledger unless the store changed: the stored events are
checked against the store at most every ``STALE_CHECK_SECONDS`` (another process may be ingesting into it).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from frontwire.config import Settings
from frontwire.ledger import Event, merge_claims
from frontwire.store import Store, open_store
from frontwire.store.events import (
    claims_around,
    events_are_current,
    ledger_fingerprint,
    merge_stored,
    rebuild_events,
    stored_decisions,
)

STALE_CHECK_SECONDS = 2.0


class Service:
    """The state behind one app. Constructing it opens nothing; the store opens on the first request."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._local = threading.local()
        self._refresh_lock = threading.Lock()
        self._checked_at = 0.0
        self._ledger: tuple[str, list[Event]] | None = None
        self._pipeline: Any = None
        self._pipeline_lock = threading.Lock()
        self._stores: list[Store] = []

    @property
    def tokens(self) -> tuple[str, ...]:
        raw = self.settings.api_tokens or ""
        return tuple(t.strip() for t in raw.split(",") if t.strip())

    # -- the store ---------------------------------------------------------------------------------------------
    def _store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.settings.db)
            self._local.store = store
            with self._refresh_lock:
                self._stores.append(store)
        return store

    @contextmanager
    def store(self) -> Iterator[Store]:
        """This thread's store, its merged events current; a read ends its transaction (PostgreSQL) after."""
        store = self._store()
        try:
            self.keep_current(store)
            yield store
        finally:
            if store.dialect.name == "postgresql":
                store.connection.rollback()

    def keep_current(self, store: Store, *, now: bool = False) -> None:
        """Re-merge the stored events if the store changed; checked at most every ``STALE_CHECK_SECONDS``."""
        if not now and time.monotonic() - self._checked_at < STALE_CHECK_SECONDS:
            return
        with self._refresh_lock:
            if not events_are_current(store):
                self._ledger = rebuild_events(store)
            self._checked_at = time.monotonic()

    def close(self) -> None:
        with self._refresh_lock:
            for store in self._stores:
                try:
                    store.close()
                except Exception:  # noqa: BLE001 - a connection already gone is closed enough
                    pass
            self._stores.clear()

    # -- the ledger's events, for control of places and loss tallies --------------------------------------------
    def ledger_events(self, store: Store) -> list[Event]:
        """Every merged event as the ledger's records, merged again only when the store changed."""
        fingerprint = ledger_fingerprint(store)
        cached = self._ledger
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
        events = merge_stored(store)
        self._ledger = (fingerprint, events)
        return events

    def events_around(self, store: Store, record: dict[str, Any]) -> list[Event]:
        """The ledger's events at a stored event's place and in its district, re-merged from their claims alone
        (merging never joins claims of different places, so they come out as the whole store's merge has them)."""
        claims = claims_around(store, record)
        doc_ids = {c.doc_id for c in claims}
        documents = {d.id: d for d in (store.get_document(doc_id) for doc_id in doc_ids) if d is not None}
        return merge_claims(claims, documents=documents, decisions=stored_decisions(store))

    # -- coding POSTed articles ---------------------------------------------------------------------------------
    @contextmanager
    def pipeline(self) -> Iterator[Any]:
        """The one pipeline (spaCy, the gazetteer, the classifier load on first use), one article at a time."""
        with self._pipeline_lock:
            if self._pipeline is None:
                from frontwire.pipeline import Pipeline

                self._pipeline = Pipeline(self.settings)
            yield self._pipeline
