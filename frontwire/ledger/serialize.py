"""An event as the JSON object of SCHEMA.md ("The ledger"): every event field, then the ledger's own."""

from __future__ import annotations

from typing import Any

from frontwire.ledger.records import Event
from frontwire.records import Claim, fields_to_dict

_LEDGER_FIELDS = ("event_id", "claims", "sources_independent", "supporting_sides", "disputed", "disputes",
                  "merged_because")


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """One entry of an event's ``claims``: who says it, how it travelled, and every value it asserts.

    The claim's own id is ``claim_id`` (``event_id`` belongs to the merged event)."""
    return {"claim_id": claim.claim_id, **fields_to_dict(claim, skip=frozenset({"claim_id"}))}


def event_to_dict(event: Event) -> dict[str, Any]:
    """The JSON object ``frontwire events --format jsonl`` prints for one merged event."""
    out = {"event_id": event.event_id, **fields_to_dict(event, skip=frozenset(_LEDGER_FIELDS))}
    out["claims"] = [claim_to_dict(c) for c in event.claims]
    out["sources_independent"] = event.sources_independent
    out["supporting_sides"] = list(event.supporting_sides)
    out["disputed"] = event.disputed
    out["disputes"] = [d.to_dict() for d in event.disputes]
    out["merged_because"] = [reason.to_dict() for reason in event.merged_because]
    return out
