"""The ledger's records: a merged ``Event``, what is disputed about it, and an analyst's ``MergeDecision``.

An ``Event`` carries every field of a ``Claim`` holding the ledger's reading of all its claims (ACLED's
conservative one where they differ), plus the claims themselves, never thrown away.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from frontwire.records import Claim, EventFields

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
class MergeReason:
    """Why two claims of an event were merged: each feature compared and how it matched."""

    claim_ids: tuple[str, str]
    matched: tuple[tuple[str, str], ...]  # (feature, how it matched), features in a fixed order
    score: float | None  # the compatibility score; None for an analyst's join

    def to_dict(self) -> dict[str, Any]:
        return {"claim_ids": list(self.claim_ids), "score": self.score, "matched": dict(self.matched)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(EventFields):
    """One happening as the ledger reads it from all the claims that report it (SCHEMA.md, "The ledger").

    The event fields are declared once, in ``EventFields``; an event adds its id and the ledger's own fields.
    ``event_id`` is derived from the set of its claim ids (``event_id_of``): the same claims give the same id,
    in whatever order they arrived.
    """

    event_id: str
    claims: tuple[Claim, ...] = ()
    sources_independent: int = 0
    supporting_sides: tuple[str, ...] = ()
    disputed: bool = False
    disputes: tuple[Dispute, ...] = ()
    # why the claims were merged: one entry per pair of claims linked in the merge, with the features that matched
    merged_because: tuple[MergeReason, ...] = ()

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return tuple(c.claim_id for c in self.claims)


def event_id_of(claim_ids: Iterable[str]) -> str:
    """An event's id from the set of its claims' ids (content, not arrival): stable across runs and orders."""
    key = "|".join(sorted(set(claim_ids)))
    return "evt-" + hashlib.sha256(key.encode()).hexdigest()[:20]
