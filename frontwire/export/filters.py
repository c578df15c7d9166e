"""Which merged events an export keeps: one filter object, checked once, applied to event dicts.

    where = EventFilter.parse(date_from="2020-11-01", country="AZ", min_sources="2")   # UsageError if malformed
    kept = filter_events(events, where)

Every filter is optional and they combine with AND. They read the merged event (the ledger's reading and its
claims), never a single claim, so a filter never splits an event whose claims differ on the filtered field. The
rules are those of the store's event queries (``frontwire.store.events``), so an export and ``/api/events`` with the
same filters keep the same events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from frontwire.errors import UsageError
from frontwire.reference.codes import codes_of_country

if TYPE_CHECKING:
    from frontwire.store.events import EventQuery

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """``date_from``/``date_to`` keep events whose date range overlaps them; ``country`` and ``event_type`` (the
    type or the sub-event type) match whole values, case-insensitively; ``text``, ``actor`` (actor1 or actor2) and
    ``claimant`` (who asserts any of its claims) match anywhere in the value; ``disputed`` keeps only disputed (or
    only undisputed) events; ``min_sources`` keeps events with at least that many independent sources."""

    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    event_type: str | None = None
    text: str | None = None
    disputed: bool | None = None
    min_sources: int | None = None
    actor: str | None = None
    claimant: str | None = None

    @classmethod
    def parse(cls, *, date_from: str | None = None, date_to: str | None = None, country: str | None = None,
              event_type: str | None = None, text: str | None = None, disputed: bool | None = None,
              min_sources: str | int | None = None, actor: str | None = None,
              claimant: str | None = None) -> EventFilter:
        """A filter from options as a person types them; a malformed one raises ``UsageError`` saying which.

        A country may be named as frontwire writes it or by its ISO code ("UA", "UKR")."""
        start, end = _parse_day("from", date_from), _parse_day("to", date_to)
        if start and end and start > end:
            raise UsageError(f"the from date {start} is after the to date {end}", hint="swap them")
        codes = codes_of_country(country)
        return cls(date_from=start, date_to=end, country=codes.name if codes else _text(country),
                   event_type=_text(event_type), text=_text(text), disputed=disputed,
                   min_sources=_parse_count(min_sources), actor=_text(actor), claimant=_text(claimant))

    def to_query(self) -> EventQuery:
        """The same filter as a query of the store's events (``frontwire.store.events``), which applies it in SQL."""
        from frontwire.store.events import EventQuery

        return EventQuery(date_from=self.date_from.isoformat() if self.date_from else None,
                          date_to=self.date_to.isoformat() if self.date_to else None, country=self.country,
                          event_type=self.event_type, text=self.text, disputed=self.disputed,
                          min_sources=self.min_sources or None, actor=self.actor, claimant=self.claimant)

    def matches(self, event: Mapping[str, Any]) -> bool:
        """Whether ``event`` (a merged-event dict) passes every filter set."""
        if self.date_from and not _on_or_after(event, self.date_from.isoformat()):
            return False
        if self.date_to and not _on_or_before(event, self.date_to.isoformat()):
            return False
        if self.country and (event.get("country") or "").lower() != self.country.lower():
            return False
        if self.event_type and self.event_type.lower() not in (
                (event.get("event_type") or "").lower(), (event.get("sub_event_type") or "").lower()):
            return False
        if self.disputed is not None and bool(event.get("disputed")) != self.disputed:
            return False
        if self.min_sources is not None and (event.get("sources_independent") or 0) < self.min_sources:
            return False
        if self.actor and not _contains((event.get("actor1"), event.get("actor2")), self.actor):
            return False
        if self.claimant and not _contains(claimants(event), self.claimant):
            return False
        return not self.text or self.text.lower() in searchable_text(event)


def filter_events(events: Iterable[Mapping[str, Any]], where: EventFilter | None) -> Iterator[Mapping[str, Any]]:
    """The events that pass ``where`` (all of them when it is None), in their order, as they come."""
    for event in events:
        if where is None or where.matches(event):
            yield event


def claimants(event: Mapping[str, Any]) -> list[str]:
    """Who asserts the event's claims: each claim's claimant, else the first link of its chain, else its outlet
    (the ledger's rule, ``frontwire.ledger.reading.claimant``)."""
    names = []
    for claim in event.get("claims") or [event]:
        chain = claim.get("claim_chain") or []
        name = claim.get("claimed_by") or (chain[0] if chain else None) or claim.get("reported_by")
        if name and name not in names:
            names.append(name)
    return names


def searchable_text(event: Mapping[str, Any]) -> str:
    """What ``text`` searches, lowercased: notes, place names, actors, claimants and every claim's evidence."""
    parts = [event.get(k) for k in ("notes", "location", "admin1", "admin2", "country", "actor1", "actor2")]
    parts += claimants(event)
    parts += [span.get("text") for claim in event.get("claims") or [event] for span in claim.get("evidence") or []]
    return " ".join(str(p) for p in parts if p).lower()


def _on_or_after(event: Mapping[str, Any], day: str) -> bool:
    last = event.get("date_end") or event.get("event_date")
    return bool(last) and str(last) >= day


def _on_or_before(event: Mapping[str, Any], day: str) -> bool:
    first = event.get("date_start") or event.get("event_date")
    return bool(first) and str(first) <= day


def _contains(values: Iterable[Any], needle: str) -> bool:
    needle = needle.lower()
    return any(needle in str(v).lower() for v in values if v)


def _parse_day(which: str, value: str | None) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        if not _DAY.fullmatch(value.strip()):
            raise ValueError(value)
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"the {which} date {value!r} is not a date", hint="write it as YYYY-MM-DD (2020-11-02)") \
            from None


def _parse_count(value: str | int | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        count = int(value)
    except ValueError:
        count = -1
    if count < 0:
        raise UsageError(f"the minimum number of sources {value!r} is not a whole number",
                         hint="give 1, 2, 3 ... (independent sources an event must have)")
    return count


def _text(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None
