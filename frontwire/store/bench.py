"""How the store scales: a synthetic war's claims stored at growing sizes, the merged events rebuilt from them, and
filtered event queries timed at each size.

    figures = benchmark_store("postgresql://localhost/bench", sizes=(10_000, 100_000, 1_000_000))

Each size starts from a store without claims and is filled with ``synthetic_claims(size)`` (what ``bench --ledger``
merges: a war whose reports cover more days as it grows), one document per report, 5,000 to a transaction; so the
figures of a size do not depend on the sizes measured before it. The store must hold nothing but synthetic documents
of an earlier run: the benchmark removes them before each size and leaves the largest in place.

Timings depend on the machine and on what else runs on it: they are figures to report, never a pass/fail test.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from frontwire.errors import UsageError
from frontwire.records import Claim, Document
from frontwire.store.database import Store, _redact, open_store
from frontwire.store.events import EventQuery, refresh_events, select_events

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
BATCH = 5000  # documents a transaction
PREFIX = "bench-"  # the content hashes of the synthetic documents, which are all the benchmark ever removes
_TYPES = ("Battles", "Explosions/Remote violence", "Armed clash", "Shelling/artillery/missile attack")
_WORDS = ("armenia", "azerbaijan", "ministry", "village")


def benchmark_store(url: str, sizes: tuple[int, ...] = DEFAULT_SIZES, *, queries: int = 50, seed: int = 0,
                    note: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Fill the store at ``url`` with each of ``sizes`` synthetic claims in turn and time, at each: storing them,
    rebuilding the merged events (``refresh_events``), and ``queries`` filtered ``select_events`` of two kinds
    (a date window, box, type and words together; a box alone, as the map asks). Return the figures, with p50
    and p99 latency in milliseconds."""
    with open_store(url) as store:
        _check_only_synthetic(store)
        runs = [_measure(store, size, queries, seed, note) for size in sorted(set(sizes))]
        backend = ("PostgreSQL with PostGIS" if store.spatial else "PostgreSQL" if store.dialect.name == "postgresql"
                   else "SQLite")
    return {"store": _redact(url), "backend": backend, "queries": queries, "seed": seed, "runs": runs}


def _measure(store: Store, size: int, queries: int, seed: int, note: Callable[[str], None]) -> dict[str, Any]:
    from frontwire.ledger.bench import synthetic_claims

    _remove_synthetic(store)
    note(f"{size:,} claims: making them...")
    claims = synthetic_claims(size, seed)
    days = sorted(claim.event_date for claim in claims if claim.event_date)
    first_day, last_day = days[0], days[-1]
    items = _documents(claims)
    del claims, days
    note(f"{size:,} claims: storing them in {len(items):,} documents...")
    started = time.perf_counter()
    for start in range(0, len(items), BATCH):
        store.save_documents(items[start:start + BATCH])
    insert_s = time.perf_counter() - started
    del items
    note(f"{size:,} claims: merging them into events...")
    started = time.perf_counter()
    refresh_events(store, force=True)
    refresh_s = time.perf_counter() - started
    events = int(store._execute("SELECT COUNT(*) FROM events").fetchone()[0])
    if store.dialect.name == "postgresql":
        # what autovacuum does within a minute of the rewrite: timed before it, queries would read the replaced
        # rows' dead index entries and plan on the statistics of the replaced table
        store.connection.commit()
        store.connection.autocommit = True
        try:
            store._execute("VACUUM ANALYZE events, event_text, event_records")
        finally:
            store.connection.autocommit = False
    note(f"{size:,} claims: {events:,} events; timing {queries} queries of each kind...")
    rnd = random.Random(seed)
    filtered = _latencies(store, [_filtered(rnd, first_day, last_day) for _ in range(queries)])
    boxes = _latencies(store, [_box(rnd) for _ in range(queries)])
    return {"claims": size, "events": events, "insert_s": round(insert_s, 2),
            "claims_per_s": round(size / insert_s) if insert_s else None, "refresh_s": round(refresh_s, 2),
            "filtered_p50_ms": filtered[0], "filtered_p99_ms": filtered[1], "filtered_matches": filtered[2],
            "bbox_p50_ms": boxes[0], "bbox_p99_ms": boxes[1], "bbox_matches": boxes[2]}


def _documents(claims: list[Claim]) -> list[tuple[Document, list[Claim]]]:
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.doc_id, []).append(claim)
    return [(Document(id=doc_id, text=" ", content_hash=PREFIX + doc_id, source=group[0].reported_by,
                      published_at=group[0].event_date), group) for doc_id, group in by_doc.items()]


def _filtered(rnd: random.Random, first_day: date, last_day: date) -> EventQuery:
    """An analyst's query: a quarter's window, a box of about 200 km, a type and a word."""
    start = first_day + timedelta(days=rnd.randrange(max(1, (last_day - first_day).days - 90)))
    lon, lat = 45 + rnd.random() * 6, 38.5 + rnd.random() * 5
    return EventQuery(date_from=start.isoformat(), date_to=(start + timedelta(days=90)).isoformat(),
                      bbox=(lon, lat, lon + 2, lat + 2), event_type=rnd.choice(_TYPES), text=rnd.choice(_WORDS))


def _box(rnd: random.Random) -> EventQuery:
    """The map's query: what lies in the view, about 100 km across."""
    lon, lat = 45 + rnd.random() * 7, 38.5 + rnd.random() * 6
    return EventQuery(bbox=(lon, lat, lon + 1, lat + 1))


def _latencies(store: Store, queries: list[EventQuery]) -> tuple[float, float, int]:
    """p50 and p99 milliseconds of answering each query's first page with its total; and the median total."""
    seconds, totals = [], []
    for query in queries:
        started = time.perf_counter()
        page = select_events(store, query)
        seconds.append(time.perf_counter() - started)
        totals.append(page.total)
    if len(seconds) == 1:
        return round(seconds[0] * 1000, 2), round(seconds[0] * 1000, 2), totals[0]
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    return round(cuts[49] * 1000, 2), round(cuts[98] * 1000, 2), int(statistics.median(totals))


def _check_only_synthetic(store: Store) -> None:
    others = int(store._execute("SELECT COUNT(*) FROM documents WHERE content_hash NOT LIKE ?",
                                (PREFIX + "%",)).fetchone()[0])
    if others or store.counts()["merge_decisions"]:
        raise UsageError(f"the store {_redact(store.url)} holds {others:,} documents (or analysts' decisions) that "
                         "are not the benchmark's",
                         hint="point --store at a new SQLite file or an empty PostgreSQL database: the benchmark "
                              "fills it with synthetic claims and replaces them at each size")


def _remove_synthetic(store: Store) -> None:
    with store.transaction():
        store._execute("DELETE FROM claims WHERE content_hash LIKE ?", (PREFIX + "%",))
        store._execute("DELETE FROM documents WHERE content_hash LIKE ?", (PREFIX + "%",))


def format_table(figures: dict[str, Any]) -> str:
    """The figures as a plain-text table, one line per size."""
    lines = [f"store: {figures['store']} ({figures['backend']}); p50/p99 over {figures['queries']} queries of each "
             "kind, ms",
             f"{'claims':>10}{'events':>9}{'insert s':>10}{'claims/s':>10}{'refresh s':>11}"
             f"{'filtered p50':>14}{'p99':>8}{'n':>6}{'bbox p50':>10}{'p99':>8}{'n':>6}"]
    for run in figures["runs"]:
        lines.append(f"{run['claims']:>10,}{run['events']:>9,}{run['insert_s']:>10.1f}{run['claims_per_s'] or 0:>10,}"
                     f"{run['refresh_s']:>11.1f}{run['filtered_p50_ms']:>14.1f}{run['filtered_p99_ms']:>8.1f}"
                     f"{run['filtered_matches']:>6,}{run['bbox_p50_ms']:>10.1f}{run['bbox_p99_ms']:>8.1f}"
                     f"{run['bbox_matches']:>6,}")
    lines.append("filtered: a 90-day window, a 2x2 degree box, an event type and a word; bbox: a 1x1 degree box "
                 "alone; each the first page of 100 with the total; n: the median total")
    return "\n".join(lines)
