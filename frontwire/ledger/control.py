"""Who holds each place, and who says so: a timeline per place from capture, withdrawal and handover events.

A territorial event (ACLED's "Government regains territory", "Non-state actor overtakes territory",
"Non-violent transfer of territory": actor1 is the side that gains the place) opens a period in which its
actor1's side holds the place, until an event gives it to another side. Before the first capture the
loser (actor2) is taken to have held it: that period is marked ``"basis": "implied"``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from frontwire.ledger.compat import TERRITORY_TYPES, is_point
from frontwire.ledger.names import country_in, fold, place_skeleton, same_place_name
from frontwire.ledger.reading import SUPPORTING, claimant, origin_of
from frontwire.ledger.records import Event

CONTROL_DISPUTE_FIELDS = ("modality", "holder", "location", "event_date")


def _side(country: str | None, actor: str | None) -> str | None:
    if country:
        return country
    if actor:
        return country_in(fold(actor)) or actor
    return None


_WITHDREW = re.compile(r"\b(?:withdr[ae]w|withdrawn|withdrawing|withdraws|pulled out|pulls out|retreated|left|evacuated|"
                      r"handed over|hands over|handing over|ceded|surrendered)\b", re.I)


def holder_after(event: Event) -> str | None:
    """The side holding the place after a territorial event: ACLED codes the side that gains it as actor1.

    An extractor reading "Armenian forces withdrew from Kalbajar" may code the side that leaves as actor1
    instead; when the evidence says actor1's side withdrew or handed the place over, the place goes to
    actor2's side (None when that is unknown)."""
    gainer = _side(event.actor1_country, event.actor1)
    if event.sub_event_type != "Non-violent transfer of territory" or gainer is None:
        return gainer
    for span in event.evidence:
        match = _WITHDREW.search(span.text)
        if match and country_in(fold(span.text[: match.start()])) == gainer:
            return _side(event.actor2_country, event.actor2)
    return gainer


def _names(claims: Iterable, *, supporting: bool) -> list[str]:
    """One name per origin: the spelling its claims use most, the shortest on a tie."""
    by_origin: dict[str, Counter[str]] = defaultdict(Counter)
    for claim in claims:
        if (claim.modality in SUPPORTING) == supporting and (supporting or claim.modality == "denied"):
            who = claimant(claim)
            if who:
                by_origin[origin_of(claim)][who] += 1
    return sorted(min(names, key=lambda n: (-names[n], len(n), n)) for names in by_origin.values())


def _place_key(event: Event) -> str:
    return "|".join((fold(event.country), place_skeleton(event.admin1), place_skeleton(event.location)))


def _matches(event: Event, place: str) -> bool:
    wanted = place.strip()
    return (event.place_id == wanted or same_place_name(event.location, wanted)
            or same_place_name(event.admin1, wanted))


def _row(event: Event, holder: str, since: date | None, basis: str) -> dict[str, Any]:
    return {
        "place_id": event.place_id, "location": event.location, "admin1": event.admin1, "country": event.country,
        "holder": holder, "since": since, "until": None,
        "claimed_by": _names(event.claims, supporting=True),
        "disputed": any(d.field in CONTROL_DISPUTE_FIELDS for d in event.disputes),
        "event_ids": [event.event_id], "basis": basis,
        "denied_by": _names(event.claims, supporting=False),
    }


def _extend(row: dict[str, Any], event: Event) -> None:
    row["event_ids"].append(event.event_id)
    row["claimed_by"] = sorted(set(row["claimed_by"]) | set(_names(event.claims, supporting=True)))
    row["denied_by"] = sorted(set(row["denied_by"]) | set(_names(event.claims, supporting=False)))
    row["disputed"] = row["disputed"] or any(d.field in CONTROL_DISPUTE_FIELDS for d in event.disputes)


def control_timeline(events: Iterable[Event], *, place: str | None = None, at: date | None = None) -> list[dict]:
    """Per place, the periods in which one side held it: ``{"place_id", "location", "admin1", "country",
    "holder", "since", "until", "claimed_by", "disputed", "event_ids"}`` (plus ``basis`` and ``denied_by``).

    ``place`` keeps one place (a name in any spelling, a place id, or a district: all its places);
    ``at`` keeps the period that covers that day ("who held Milanli on 1 November 2020?"). Dates are ISO
    strings; ``since``/``until`` are null where open. Events only denied, never asserted, move nothing.
    """
    territorial = [
        e for e in events
        if e.sub_event_type in TERRITORY_TYPES and e.location and e.event_date
        and any(c.modality in SUPPORTING for c in e.claims)
        and is_point(e.location, e.admin1, e.country, e.geo_precision)
    ]
    if place:
        territorial = [e for e in territorial if _matches(e, place)]
    ids_by_name: dict[str, str] = {}
    for e in sorted(territorial, key=lambda e: e.event_id):
        if e.place_id:
            ids_by_name.setdefault(_place_key(e), e.place_id)
    by_place: dict[str, list[Event]] = defaultdict(list)
    for e in territorial:
        by_place[e.place_id or ids_by_name.get(_place_key(e)) or _place_key(e)].append(e)
    rows: list[dict[str, Any]] = []
    for key in sorted(by_place):
        timeline: list[dict[str, Any]] = []
        for event in sorted(by_place[key], key=lambda e: (e.event_date, e.event_id)):
            holder = holder_after(event)
            if holder is None:
                continue
            if timeline and timeline[-1]["holder"] == holder:
                _extend(timeline[-1], event)
                continue
            if timeline:
                timeline[-1]["until"] = event.event_date
            else:
                sides = (_side(event.actor1_country, event.actor1), _side(event.actor2_country, event.actor2))
                loser = next((side for side in sides if side and side != holder), None)
                if loser:
                    implied = _row(event, loser, None, "implied")
                    implied["until"] = event.event_date
                    timeline.append(implied)
            timeline.append(_row(event, holder, event.event_date, "stated"))
        rows.extend(timeline)
    if at is not None:
        rows = [r for r in rows if (r["since"] is None or r["since"] <= at) and (r["until"] is None or at < r["until"])]
    for row in rows:
        row["since"] = row["since"].isoformat() if row["since"] else None
        row["until"] = row["until"].isoformat() if row["until"] else None
    return rows
