"""Loss totals with provenance: what each claimant says was lost, never summed across claimants.

Within one event, the claims of one origin (a ministry statement and the outlets that copied it) count
once, at the lowest figure they give; across events, one claimant's figures add up.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from frontwire.ledger.reading import SUPPORTING, claimant, independent_origins, origin_of
from frontwire.ledger.records import Event


def _group_key(group: list) -> str:
    # A named source outranks the outlet that copied it word for word.
    keys = Counter(origin_of(c) for c in group)
    return min(keys, key=lambda k: (k.startswith(("outlet:", "doc:")), -keys[k], k))


def loss_tallies(events: Iterable[Event], *, start: date | None = None, end: date | None = None) -> list[dict]:
    """Tallies ``{"side", "category", "item", "count", "claimed_by", "date_start", "date_end",
    "event_ids"}`` (plus ``status``): one row per claimant and kind of loss over the events dated within
    [start, end]. ``count`` is null when the claimant gives no figure."""
    totals: dict[tuple, dict[str, Any]] = {}
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for event in sorted(events, key=lambda e: e.event_id):
        when = event.event_date
        if (start or end) and when is None:
            continue
        if when is not None and (start and when < start or end and when > end):
            continue
        support = [c for c in event.claims if c.modality in SUPPORTING and c.losses]
        for group in independent_origins(support):
            origin = _group_key(group)
            for claim in group:
                who = claimant(claim)
                if origin_of(claim) == origin and who:
                    names[origin][who] += 1
            lowest: dict[tuple, int | None] = {}
            for claim in group:
                for loss in claim.losses:
                    key = (loss.side, loss.category, loss.item, loss.status)
                    current = lowest.get(key)
                    if key not in lowest or (loss.count is not None and (current is None or loss.count < current)):
                        lowest[key] = loss.count
            for (side, category, item, status), count in lowest.items():
                row = totals.setdefault((origin, side, category, item, status), {
                    "side": side, "category": category, "item": item, "status": status, "count": None,
                    "claimed_by": None, "date_start": None, "date_end": None, "event_ids": [],
                })
                if count is not None:
                    row["count"] = (row["count"] or 0) + count
                first, last = event.date_start or event.event_date, event.date_end or event.event_date
                if first and (row["date_start"] is None or first < row["date_start"]):
                    row["date_start"] = first
                if last and (row["date_end"] is None or last > row["date_end"]):
                    row["date_end"] = last
                row["event_ids"].append(event.event_id)
    rows = []
    for (origin, *_rest), row in totals.items():
        spelled = names.get(origin)
        row["claimed_by"] = min(spelled, key=lambda n: (-spelled[n], len(n), n)) if spelled else None
        for field in ("date_start", "date_end"):
            row[field] = row[field].isoformat() if row[field] else None
        rows.append(row)
    return sorted(rows, key=lambda r: (r["side"] or "", r["category"], r["item"], r["status"], r["claimed_by"] or ""))
