"""An event as the JSON object of SCHEMA.md ("The ledger"): every event field, then the ledger's own."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from frontwire.ledger.records import Event
from frontwire.records import Claim

_LEDGER_FIELDS = ("claims", "sources_independent", "supporting_sides", "disputed", "disputes")


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """One entry of an event's ``claims``: who says it, how it travelled, and every value it asserts.

    The claim's own id is ``claim_id`` (``event_id`` belongs to the merged event)."""
    out = claim.to_dict()
    out["claim_id"] = out.pop("event_id")
    return {"claim_id": out["claim_id"], **{k: v for k, v in out.items() if k != "claim_id"}}


def event_to_dict(event: Event) -> dict[str, Any]:
    """The JSON object ``frontwire events --format jsonl`` prints for one merged event."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(event):
        if f.name in _LEDGER_FIELDS:
            continue
        value = getattr(event, f.name)
        if isinstance(value, date):
            value = value.isoformat()
        elif f.name == "losses":
            value = [loss.to_dict() for loss in value]
        elif f.name == "evidence":
            value = [span.to_dict() for span in value]
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    out["claims"] = [claim_to_dict(c) for c in event.claims]
    out["sources_independent"] = event.sources_independent
    out["supporting_sides"] = list(event.supporting_sides)
    out["disputed"] = event.disputed
    out["disputes"] = [d.to_dict() for d in event.disputes]
    return out
