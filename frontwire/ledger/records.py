"""The ledger's records: a merged ``Event``, what is disputed about it, and an analyst's ``MergeDecision``.

An ``Event`` carries every field of a ``Claim`` holding the ledger's reading of all its claims (ACLED's
conservative one where they differ), plus the claims themselves, never thrown away.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from frontwire.records import Claim, Loss, Span

MERGE_KINDS = ("split", "join")


@dataclass(frozen=True, slots=True)
class MergeDecision:
    """An analyst's override of the automatic merge, kept in the store so it survives re-runs.

    ``kind`` "split": no two of ``claim_ids`` may sit in one event. "join": all of them must.
    Decisions apply in order; for the same pair of claims the later one wins.
    """

    kind: str
    claim_ids: tuple[str, ...]
    note: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in MERGE_KINDS:
            raise ValueError(f"merge decision kind must be one of {MERGE_KINDS}, not {self.kind!r}")
        object.__setattr__(self, "claim_ids", tuple(self.claim_ids))


@dataclass(frozen=True, slots=True)
class DisputedValue:
    """One value a claimant gives for a disputed field."""

    value: Any
    claimed_by: str | None

    def to_dict(self) -> dict[str, Any]:
        value = self.value.isoformat() if isinstance(self.value, date) else self.value
        return {"value": value, "claimed_by": self.claimed_by}


@dataclass(frozen=True, slots=True)
class Dispute:
    """A field on which an event's claims disagree, with every value and who gives it."""

    field: str
    values: tuple[DisputedValue, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "values": [v.to_dict() for v in self.values]}


@dataclass(frozen=True, slots=True)
class Event:
    """One happening as the ledger reads it from all the claims that report it (SCHEMA.md, "The ledger")."""

    event_id: str
    doc_id: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    event_date: date | None
    date_start: date | None
    date_end: date | None
    time_precision: int | None
    actor1: str | None = None
    actor1_country: str | None = None
    actor2: str | None = None
    actor2_country: str | None = None
    inter1: int = 0
    inter2: int = 0
    interaction: int = 0
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    place_id: str | None = None
    fatalities: int | None = None
    losses: tuple[Loss, ...] = ()
    claimed_by: str | None = None
    claim_chain: tuple[str, ...] = ()
    reported_by: str | None = None
    modality: str = "asserted"
    evidence: tuple[Span, ...] = ()
    notes: str = ""
    confidence: float = 0.5
    source_scale: str | None = None
    date_reason: str | None = None
    place_reason: str | None = None
    # the ledger's own fields
    claims: tuple[Claim, ...] = ()
    sources_independent: int = 0
    supporting_sides: tuple[str, ...] = ()
    disputed: bool = False
    disputes: tuple[Dispute, ...] = ()

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return tuple(c.event_id for c in self.claims)
