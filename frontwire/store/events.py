"""The ledger's merged events kept in the store: rebuilt when the claims change, filtered and paged in SQL.

    refresh_events(store)                                   # re-merge if documents, claims or decisions changed
    page = select_events(store, EventQuery(country="Azerbaijan", limit=50))
    page.events, page.next_cursor, page.total               # summaries, newest first
    get_event(store, "evt-...")                             # the full merged event (SCHEMA.md, "The ledger")

The merge itself is the ledger's (``frontwire.ledger.merge_claims``): this module only keeps its result where a
query can reach it, so the HTTP API and the exports answer a filtered page without re-merging every claim.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from frontwire.errors import UsageError
from frontwire.records import Claim
from frontwire.reference.codes import codes_of_country
from frontwire.store.spatial import bbox_condition

if TYPE_CHECKING:
    from frontwire.ledger import Event, MergeDecision
    from frontwire.store.database import Store

MAX_PAGE = 1000
SORTS = ("-date", "date")

# The columns of ``events`` in insert order (see migration 0003); each event's JSON is in ``event_records`` and
# its searchable words in ``event_text``, so that filters scan narrow rows.
_COLUMNS = (
    "event_id", "sort_day", "event_date", "date_start", "date_end", "year", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2", "interaction", "iso", "iso3", "region",
    "country", "admin1", "admin2", "location", "place_id", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "disputed", "sources_independent", "claims_count", "is_current", "claimants", "outlets",
)
# What a page of ``/api/events`` shows of each event; the full record is one more request away.
SUMMARY_FIELDS = (
    "event_id", "event_date", "date_start", "date_end", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "notes", "disputed", "sources_independent", "supporting_sides",
)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which merged events to return: every filter optional, combined with AND.

    ``date_from``/``date_to`` keep events whose date range overlaps them; ``bbox`` is (min lon, min lat, max lon,
    max lat); ``actor``, ``claimant``, ``outlet`` and ``text`` match case-insensitively anywhere in the value;
    ``event_type`` matches the type or the sub-event type. Background events (only ever told as history) are left
    out unless ``include_historical``.
    """

    date_from: str | None = None
    date_to: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    claimant: str | None = None
    outlet: str | None = None
    text: str | None = None
    disputed: bool | None = None
    min_sources: int | None = None
    include_historical: bool = False
    sort: str = "-date"
    limit: int = 100
    cursor: str | None = None


@dataclass(frozen=True, slots=True)
class EventPage:
    events: list[dict[str, Any]]
    next_cursor: str | None
    total: int


# -- keeping the table current ------------------------------------------------------------------------------------
def ledger_fingerprint(store: Store) -> str:
    """What the stored events were merged from. The store only ever adds documents, claims and decisions, so
    their counts change whenever anything the merge reads changes."""
    counts = store.counts()
    return f"{counts['documents']}:{counts['claims']}:{counts['merge_decisions']}"


def events_are_current(store: Store) -> bool:
    row = store._execute("SELECT value FROM ledger_state WHERE name = 'fingerprint'").fetchone()
    return row is not None and row[0] == ledger_fingerprint(store)


def refresh_events(store: Store, *, force: bool = False) -> bool:
    """Re-merge every stored claim and replace the stored events, if anything changed since the last time (or
    ``force``). Return whether it rebuilt them. One transaction: a reader sees the old events or the new ones."""
    if not force and events_are_current(store):
        return False
    rebuild_events(store)
    return True


def rebuild_events(store: Store) -> tuple[str, list[Event]]:
    """Re-merge every stored claim and replace the stored events with the result; return it with the fingerprint
    of the store it was merged from."""
    fingerprint = ledger_fingerprint(store)  # before merging: a document stored meanwhile makes the next check stale
    events = merge_stored(store)
    write_events(store, events, fingerprint)
    return fingerprint, events


def merge_stored(store: Store) -> list[Event]:
    """The ledger's merge of every stored claim (each document's latest version), honouring analysts' decisions."""
    from frontwire.ledger import merge_claims

    claims = list(store.iter_claims())
    documents = {d.id: d for d in store.iter_documents()}
    return merge_claims(claims, documents=documents, decisions=stored_decisions(store))


def stored_decisions(store: Store) -> list[MergeDecision]:
    """The analysts' splits and joins kept in the store, in the order they were made."""
    from frontwire.ledger import MergeDecision

    return [MergeDecision(kind=kind, claim_ids=tuple(ids), note=note) for kind, ids, note in store.decisions()]


def write_events(store: Store, events: list[Event], fingerprint: str) -> None:
    """Replace the stored events with ``events``, merged from the store as ``fingerprint`` describes it."""
    rows, records, texts = [], [], []
    for event in events:
        row, summary, record, search = _row(event)
        rows.append(row)
        records.append((event.event_id, summary, record))
        texts.append((event.event_id, search))
    links = [(cid, event.event_id) for event in events for cid in event.claim_ids]
    placeholders = ", ".join("?" for _ in _COLUMNS)
    with store.transaction():
        if store.dialect.name == "postgresql":
            # two writers refreshing at once take turns (SQLite's BEGIN IMMEDIATE already makes them): without
            # the lock the second would not see the rows the first inserted and fail on their keys
            store._execute("LOCK TABLE ledger_state IN EXCLUSIVE MODE")
        for table in ("events", "event_records", "event_text", "event_claims"):
            store._execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
        cursor = store.connection.cursor()
        cursor.executemany(store._sql(f"INSERT INTO events ({', '.join(_COLUMNS)}) VALUES ({placeholders})"), rows)
        cursor.executemany(store._sql("INSERT INTO event_records (event_id, summary, record) VALUES (?, ?, ?)"),
                           records)
        cursor.executemany(store._sql("INSERT INTO event_text (event_id, search) VALUES (?, ?)"), texts)
        cursor.executemany(store._sql("INSERT INTO event_claims (claim_id, event_id) VALUES (?, ?)"), links)
        store._execute("DELETE FROM ledger_state WHERE name IN ('fingerprint', 'span_days')")
        store._execute("INSERT INTO ledger_state (name, value) VALUES ('fingerprint', ?)", (fingerprint,))
        store._execute("INSERT INTO ledger_state (name, value) VALUES ('span_days', ?)", (str(_span_days(events)),))


def _span_days(events: list[Event]) -> int:
    """How far any event's date range reaches from its own date: what bounds a date filter on that date."""
    spans = [0]
    for event in events:
        if event.event_date:
            if event.date_start:
                spans.append((event.event_date - event.date_start).days)
            if event.date_end:
                spans.append((event.date_end - event.event_date).days)
    return max(spans)


def _row(event: Event) -> tuple[tuple[Any, ...], str, str, str]:
    """An event's row of ``events``, its summary and record as JSON, and its searchable words."""
    from frontwire.ledger import event_to_dict
    from frontwire.ledger.reading import claimant, is_current

    record = event_to_dict(event)
    claimants = sorted({name for c in event.claims if (name := claimant(c))})
    outlets = sorted({c.reported_by for c in event.claims if c.reported_by})
    summary = {name: record.get(name) for name in SUMMARY_FIELDS}
    summary.update(claims_count=len(event.claims), claimants=claimants, outlets=outlets,
                   claims=[{"claim_id": c.claim_id, "doc_id": c.doc_id, "claimed_by": claimant(c),
                            "reported_by": c.reported_by, "modality": c.modality} for c in event.claims])
    search = " ".join(str(part) for part in (
        event.notes, event.location, event.admin1, event.admin2, event.country, event.actor1, event.actor2,
        *claimants, *(span.text for c in event.claims for span in c.evidence)) if part).lower()
    country = codes_of_country(event.country)  # ACLED's iso, iso3 and region columns
    day = event.event_date or event.date_start
    values = {
        **record,
        # the ledger's own order (``event_order``): by ACLED's single date, undated events first
        "sort_day": event.event_date.isoformat() if event.event_date else "",
        "year": day.year if day else None,
        "iso": country.iso_numeric if country else None, "iso3": country.iso3 if country else None,
        "region": country.region if country else None,
        "source": "; ".join(outlets) or None,
        "disputed": int(event.disputed),
        "claims_count": len(event.claims),
        "is_current": int(is_current(event)),
        "claimants": "\n".join(claimants).lower(),
        "outlets": "\n".join(outlets).lower(),
    }
    return (tuple(values.get(column) for column in _COLUMNS), json.dumps(summary, ensure_ascii=False),
            json.dumps(record, ensure_ascii=False), search)


# -- reading ------------------------------------------------------------------------------------------------------
def _like(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(query: EventQuery, span_days: int | None = None, *, spatial: bool = False) -> tuple[list[str], list[Any]]:
    """The SQL conditions of ``query``. With ``span_days`` (how far any stored range reaches from its event's
    date), a date filter also bounds the date itself, which the index on it can serve; with ``spatial``, a bounding
    box asks the events' GiST index (``frontwire.store.spatial``)."""
    where: list[str] = []
    params: list[Any] = []
    if not query.include_historical:
        where.append("is_current = 1")
    if query.date_from:
        where.append("COALESCE(date_end, event_date) >= ?")
        params.append(query.date_from)
        if span_days is not None:
            where.append("(sort_day >= ? OR sort_day = '')")
            params.append((date.fromisoformat(query.date_from) - timedelta(days=span_days)).isoformat())
    if query.date_to:
        where.append("COALESCE(date_start, event_date) <= ?")
        params.append(query.date_to)
        if span_days is not None:
            where.append("sort_day <= ?")
            params.append((date.fromisoformat(query.date_to) + timedelta(days=span_days)).isoformat())
    if query.bbox:
        condition, values = bbox_condition(query.bbox, spatial=spatial)
        where.append(condition)
        params.extend(values)
    for column, value in (("country", query.country), ("admin1", query.admin1),
                          ("sub_event_type", query.sub_event_type)):
        if value:
            where.append(f"LOWER({column}) = ?")
            params.append(value.lower())
    if query.event_type:
        where.append("(LOWER(event_type) = ? OR LOWER(sub_event_type) = ?)")
        params.extend([query.event_type.lower()] * 2)
    if query.actor:
        where.append("(LOWER(actor1) LIKE ? ESCAPE '\\' OR LOWER(actor2) LIKE ? ESCAPE '\\')")
        params.extend([_like(query.actor)] * 2)
    for column, value in (("claimants", query.claimant), ("outlets", query.outlet)):
        if value:
            where.append(f"{column} LIKE ? ESCAPE '\\'")
            params.append(_like(value))
    if query.text:
        where.append("event_id IN (SELECT event_id FROM event_text WHERE search LIKE ? ESCAPE '\\')")
        params.append(_like(query.text))
    if query.disputed is not None:
        where.append("disputed = ?")
        params.append(int(query.disputed))
    if query.min_sources:
        where.append("sources_independent >= ?")
        params.append(query.min_sources)
    return where, params


def encode_cursor(sort_day: str, event_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([sort_day, event_id]).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        day, event_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(day, str) or not isinstance(event_id, str):
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise UsageError(f"cursor {cursor!r} is not one this service gave",
                         hint="pass the next_cursor of the previous page unchanged, or leave it out") from exc
    return day, event_id


def _stored_span(store: Store) -> int | None:
    row = store._execute("SELECT value FROM ledger_state WHERE name = 'span_days'").fetchone()
    return int(row[0]) if row else None


def _validate(query: EventQuery) -> None:
    if query.sort not in SORTS:
        raise UsageError(f"sort {query.sort!r} is not one of {', '.join(SORTS)}", hint="sort=-date is newest first")
    if not 1 <= query.limit <= MAX_PAGE:
        raise UsageError(f"limit {query.limit} is out of range", hint=f"ask for 1 to {MAX_PAGE} events a page")


def select_events(store: Store, query: EventQuery) -> EventPage:
    """One page of event summaries matching ``query``, by date (newest first unless ``sort="date"``), with the
    cursor of the next page and how many match in all."""
    _validate(query)
    where, params = _where(query, _stored_span(store), spatial=store.spatial)
    total = int(store._execute("SELECT COUNT(*) FROM events" + _and(where), params).fetchone()[0])
    descending = query.sort == "-date"
    if query.cursor:
        day, event_id = decode_cursor(query.cursor)
        op = "<" if descending else ">"
        where = [*where, f"(sort_day {op} ? OR (sort_day = ? AND event_id {op} ?))"]
        params = [*params, day, day, event_id]
    order = "DESC" if descending else "ASC"
    rows = store._execute(f"SELECT sort_day, event_id FROM events{_and(where)} "
                          f"ORDER BY sort_day {order}, event_id {order} LIMIT ?", [*params, query.limit + 1]).fetchall()
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    next_cursor = encode_cursor(rows[-1][0], rows[-1][1]) if more and rows else None
    ids = [row[1] for row in rows]
    summaries = dict(store._execute(
        f"SELECT event_id, summary FROM event_records WHERE event_id IN ({', '.join('?' for _ in ids)})", ids
    ).fetchall()) if ids else {}
    return EventPage([json.loads(summaries[event_id]) for event_id in ids], next_cursor, total)


def iter_event_records(store: Store, query: EventQuery) -> Iterator[dict[str, Any]]:
    """Every full merged event matching ``query`` (its page and limit ignored), oldest first: for exports."""
    _validate(query)
    where, params = _where(query, _stored_span(store), spatial=store.spatial)
    cursor = store._execute(f"SELECT r.record FROM events JOIN event_records r USING (event_id){_and(where)} "
                            "ORDER BY sort_day, event_id", params)
    while batch := cursor.fetchmany(500):
        for (record,) in batch:
            yield json.loads(record)


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    row = store._execute("SELECT record FROM event_records WHERE event_id = ?", (event_id,)).fetchone()
    return json.loads(row[0]) if row else None


def claims_around(store: Store, event: dict[str, Any]) -> list[Claim]:
    """The claims of the stored events at ``event``'s place or in its district: enough to re-merge the events that
    tell who held that place, without merging the whole store."""
    where = ["(e.country = ? AND e.admin1 = ?)"] if event.get("admin1") else ["(e.country = ? AND e.admin1 IS NULL)"]
    params: list[Any] = [event.get("country"), event.get("admin1")] if event.get("admin1") else [event.get("country")]
    if event.get("place_id"):
        where.append("e.place_id = ?")
        params.append(event["place_id"])
    where.append("e.event_id = ?")
    params.append(event["event_id"])
    rows = store._execute(
        "SELECT c.record FROM events e JOIN event_claims ec ON ec.event_id = e.event_id "
        "JOIN claims c ON c.claim_id = ec.claim_id WHERE " + " OR ".join(where), params).fetchall()
    return [Claim.from_dict(json.loads(row[0])) for row in rows]


def event_of_claim(store: Store, claim_id: str) -> str | None:
    row = store._execute("SELECT event_id FROM event_claims WHERE claim_id = ?", (claim_id,)).fetchone()
    return row[0] if row else None


def event_stats(store: Store, query: EventQuery) -> dict[str, Any]:
    """Counts of the events matching ``query``: in all, per day, per type and sub-event type, per country."""
    where, params = _where(query, _stored_span(store), spatial=store.spatial)
    clause = _and(where)

    def grouped(columns: str) -> list[tuple]:
        sql = f"SELECT {columns}, COUNT(*) FROM events{clause} GROUP BY {columns} ORDER BY {columns}"
        return store._execute(sql, params).fetchall()

    return {
        "total": int(store._execute("SELECT COUNT(*) FROM events" + clause, params).fetchone()[0]),
        "by_day": [{"day": day, "count": n} for day, n in grouped("sort_day") if day],
        "by_type": [{"event_type": t, "sub_event_type": s, "count": n} for t, s, n in grouped("event_type, sub_event_type")],
        "by_country": [{"country": c, "count": n} for c, n in grouped("country")],
    }


def _and(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""
