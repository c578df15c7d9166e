"""The ledger: claims from many reports merged into events, with corroboration, contradictions and control.

    events = merge_claims(claims, decisions=[MergeDecision("split", ("c1", "c2"))])
    event_to_dict(events[0])                       # SCHEMA.md's merged event
    control_timeline(events, place="Milanli", at=date(2020, 11, 1))
    loss_tallies(events, start=date(2020, 11, 1))

``Ledger`` is the incremental form: ``add(claims)`` re-merges only what the new claims touch and gives the
same events as one batch ``merge_claims``.
"""

from frontwire.ledger.control import control_timeline
from frontwire.ledger.losses import loss_tallies
from frontwire.ledger.merge import Ledger, merge_claims
from frontwire.ledger.records import Dispute, DisputedValue, Event, MergeDecision
from frontwire.ledger.serialize import claim_to_dict, event_to_dict

__all__ = [
    "Dispute", "DisputedValue", "Event", "Ledger", "MergeDecision", "claim_to_dict", "control_timeline",
    "event_to_dict", "loss_tallies", "merge_claims",
]
