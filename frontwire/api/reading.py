"""The API's read endpoints: events (filtered, paged), one event with its claims side by side, documents,
control of places, loss tallies and counts. None needs a token."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from frontwire.api.errors import ApiError
from frontwire.api.service import Service
from frontwire.export import export_events
from frontwire.ledger import control_timeline, loss_tallies
from frontwire.store.events import MAX_PAGE, EventQuery, event_stats, get_event, iter_event_records, select_events

router = APIRouter(prefix="/api")


def service(request: Request) -> Service:
    return request.app.state.service


def _day(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ApiError(400, f"{name}={value!r} is not a date", hint="write dates as YYYY-MM-DD") from None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in value.split(","))
    except ValueError:
        raise ApiError(400, f"bbox={value!r} is not four numbers",
                       hint="write bbox=min_lon,min_lat,max_lon,max_lat, e.g. bbox=44,38,48,41") from None
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ApiError(400, f"bbox={value!r} is not a box on the globe",
                       hint="longitudes -180..180 and latitudes -90..90, each minimum first")
    return min_lon, min_lat, max_lon, max_lat


def event_query(
    date_from: Annotated[str | None, Query(alias="from", description="events on or after (YYYY-MM-DD)")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="events on or before (YYYY-MM-DD)")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    country: str | None = None,
    admin1: str | None = None,
    event_type: Annotated[str | None, Query(description="an ACLED event type or sub-event type")] = None,
    sub_event_type: str | None = None,
    actor: Annotated[str | None, Query(description="words in actor1 or actor2")] = None,
    claimant: Annotated[str | None, Query(description="words in the name of any claimant")] = None,
    outlet: Annotated[str | None, Query(description="words in the name of any reporting outlet")] = None,
    q: Annotated[str | None, Query(description="words in the notes, place, actors or evidence")] = None,
    disputed: bool | None = None,
    min_sources: Annotated[int | None, Query(ge=1, description="at least this many independent sources")] = None,
    include_historical: bool = False,
    sort: Annotated[str, Query(pattern="^-?date$", description="-date newest first (default), date oldest")] = "-date",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> EventQuery:
    """The filters every event listing shares (events, stats, exports)."""
    return EventQuery(
        date_from=_day(date_from, "from"), date_to=_day(date_to, "to"), bbox=_bbox(bbox), country=country,
        admin1=admin1, event_type=event_type, sub_event_type=sub_event_type, actor=actor, claimant=claimant,
        outlet=outlet, text=q, disputed=disputed, min_sources=min_sources, include_historical=include_historical,
        sort=sort, limit=limit, cursor=cursor or None,
    )


Filters = Annotated[EventQuery, Depends(event_query)]
Svc = Annotated[Service, Depends(service)]


@router.get("/events", summary="merged events, filtered and paged by date")
def list_events(query: Filters, svc: Svc) -> dict[str, Any]:
    """A page of merged events (newest first), each with a summary of its claims, the cursor of the next page
    (null on the last) and how many events match in all."""
    with svc.store() as store:
        page = select_events(store, query)
    return {"events": page.events, "next_cursor": page.next_cursor, "total": page.total}


@router.get("/events/{event_id}", summary="one merged event with every claim side by side")
def show_event(event_id: str, svc: Svc) -> dict[str, Any]:
    """The merged event (SCHEMA.md, "The ledger") with each claim's evidence spans, modality, claimant chain and
    document link; the control timeline of its place and its losses as each claimant reports them."""
    with svc.store() as store:
        record = get_event(store, event_id)
        if record is None:
            raise ApiError(404, f"no event {event_id!r} in the store",
                           hint="list events with GET /api/events; an id changes when new claims join the event")
        events = svc.events_around(store, record)
    for claim in record["claims"]:
        claim["document_url"] = f"/api/documents/{claim['doc_id']}"
    event = next((e for e in events if e.event_id == event_id), None)
    place = record.get("place_id") or record.get("location")
    record["control"] = control_timeline(events, place=place) if place else []
    record["losses_by_claimant"] = loss_tallies([event]) if event is not None else []
    return record


@router.get("/documents/{doc_id}", summary="a stored article: cleaned text, what cleaning removed, versions")
def show_document(doc_id: str, svc: Svc) -> dict[str, Any]:
    """The latest version of a document: the cleaned text the evidence offsets point into, title, outlet,
    publication date, headings, captions, what cleaning removed and why, every stored version, its claims."""
    with svc.store() as store:
        document = store.get_document(doc_id)
        if document is None:
            raise ApiError(404, f"no document {doc_id!r} in the store",
                           hint="a claim's doc_id names its document; see GET /api/events/{id}")
        versions = store.document_versions(doc_id)
        claim_ids = store.claim_ids_of(document.content_hash)
    return {**document.to_dict(), "origin": document.origin, "versions": versions, "claim_ids": claim_ids}


@router.get("/control", summary="who holds each place, and who says so")
def control(svc: Svc, place: str | None = None,
            at: Annotated[str | None, Query(description="only the period covering this day")] = None) -> dict[str, Any]:
    """Per place, the periods in which one side held it, from the stored captures, withdrawals and handovers."""
    day = _day(at, "at")
    with svc.store() as store:
        events = svc.ledger_events(store)
    return {"periods": control_timeline(events, place=place, at=date.fromisoformat(day) if day else None)}


@router.get("/losses", summary="losses per claimant, never summed across claimants")
def losses(svc: Svc, date_from: Annotated[str | None, Query(alias="from")] = None,
           date_to: Annotated[str | None, Query(alias="to")] = None) -> dict[str, Any]:
    """Equipment and personnel losses as each claimant reports them over the events dated in the range."""
    start, end = _day(date_from, "from"), _day(date_to, "to")
    if start and end and start > end:
        raise ApiError(400, f"from={start} is after to={end}", hint="swap them")
    with svc.store() as store:
        events = svc.ledger_events(store)
    rows = loss_tallies(events, start=date.fromisoformat(start) if start else None,
                        end=date.fromisoformat(end) if end else None)
    return {"losses": rows}


_MEDIA = {"acled": ("text/csv; charset=utf-8", "csv"), "geojson": ("application/geo+json", "geojson"),
          "parquet": ("application/vnd.apache.parquet", "parquet"), "jsonl": ("application/x-ndjson", "jsonl")}


@router.get("/export", summary="the matching events as a file: ACLED CSV, GeoJSON, Parquet or JSON lines")
def export(query: Filters, svc: Svc,
           format: Annotated[str, Query(pattern="^(acled|geojson|parquet|jsonl)$")] = "acled") -> FileResponse:
    """Every event matching the filters (pages ignored), one row per merged event, as ``frontwire export`` writes
    it; downloaded as an attachment."""
    media_type, suffix = _MEDIA[format]
    folder = tempfile.mkdtemp(prefix="frontwire-export-")
    path = Path(folder) / f"frontwire-events.{suffix}"
    try:
        with svc.store() as store:
            export_events(iter_event_records(store, query), format, path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(path, media_type=media_type, filename=path.name,
                        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))


@router.get("/stats", summary="counts of the matching events by day, type and country")
def stats(query: Filters, svc: Svc) -> dict[str, Any]:
    with svc.store() as store:
        return event_stats(store, query)
