"""Loss totals with provenance: what each claimant says was lost, never summed across claimants.

The rules, each findable here:

- Equipment and personnel both count. A claim's ``losses`` give equipment (and personnel where extraction
  coded them); a claim whose only figure is its ``fatalities`` ("up to 35 Armenian servicemen were killed",
  "Azerbaijani forces lost 12 soldiers") counts as a personnel loss of the side its evidence names
  (``personnel_losses``).
- Within one event, the claims of one origin (a ministry statement and the five outlets that relayed or copied
  it) count once, at the lowest figure they give; across events, one claimant's daily figures add up.
- A running total ("1,177 servicemen killed since 27 September") is ``"period": "cumulative"``: it is kept
  in its own row, never added to daily figures, and a claimant's later total replaces its earlier one.
- Only asserted claims count: a denial, a plan or background ("historical") adds nothing.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from frontwire.ledger.names import country_in, fold
from frontwire.ledger.reading import SUPPORTING, claimant, claimant_side, independent_origins, origin_of
from frontwire.ledger.records import Event
from frontwire.records import Claim, Loss

CUMULATIVE_MIN_DAYS = 7  # a figure covering a week or more is a running total, not a day's losses
_CUMULATIVE = re.compile(r"\b(?:since (?:the (?:start|beginning)|\d|january|february|march|april|may|june|july|"
                         r"august|september|october|november|december)|so far|in total|a total of|to date|"
                         r"overall|total (?:number|death toll))\b", re.I)
_MEN = r"(?:servicem[ae]n|soldiers?|troops|military personnel|personnel|manpower|fighters)"
# "35 Armenian servicemen", "Armenian servicemen ... 35": the nationality word right before the men
_WHOSE = re.compile(r"\b(?P<who>[A-Z][\w'-]+|enemy)\s+" + _MEN + r"\b")
_WHOSE_AFTER_ONE = re.compile(r"\b(?P<who>[A-Z][\w'-]+|enemy)\s+\w+\s+" + _MEN + r"\b")  # "enemy's 40 servicemen"
_LOST = re.compile(r"\b(?P<who>[A-Z][\w'-]+(?:\s+(?:forces|side|army))?|the enemy|enemy)\s+(?:has\s+|have\s+)?lost\b")


def _side_named(text: str, claim: Claim) -> str | None:
    """The side whose men a sentence counts: the nationality before them, or "the enemy" of the claimant."""
    for pattern in (_LOST, _WHOSE, _WHOSE_AFTER_ONE):
        for match in pattern.finditer(text):
            who = match.group("who")
            if "enemy" in who.lower():
                own = claimant_side(claim)
                parties = {claim.actor1_country, claim.actor2_country} - {None, own}
                if own and len(parties) == 1:
                    return parties.pop()
                continue
            side = country_in(fold(who))
            if side:
                return side
    return None


def personnel_losses(claim: Claim) -> tuple[Loss, ...]:
    """A claim's losses with its personnel counted: coded personnel losses as they are, else its fatalities
    as the killed of the side its evidence names (none when no side is named: a toll of civilians or of both
    sides is ACLED's fatalities, not one side's loss)."""
    if any(loss.category == "personnel" for loss in claim.losses) or claim.fatalities is None:
        return claim.losses
    text = " ".join(span.text for span in claim.evidence)
    if not re.search(_MEN, text, re.I):
        return claim.losses
    side = _side_named(text, claim)
    if side is None:
        return claim.losses
    return claim.losses + (Loss(side=side, category="personnel", item="personnel", count=claim.fatalities,
                                status="killed"),)


def period_of(claim: Claim) -> str:
    """``"cumulative"`` for a running total (its range spans a week or more, or its words say so), else
    ``"daily"``."""
    start, end = claim.date_start or claim.event_date, claim.date_end or claim.event_date
    if start and end and (end - start).days >= CUMULATIVE_MIN_DAYS:
        return "cumulative"
    if any(_CUMULATIVE.search(span.text) for span in claim.evidence):
        return "cumulative"
    return "daily"


def _group_key(group: list) -> str:
    # A named source outranks the outlet that copied it word for word.
    keys = Counter(origin_of(c) for c in group)
    return min(keys, key=lambda k: (k.startswith(("outlet:", "doc:")), -keys[k], k))


def loss_tallies(events: Iterable[Event], *, start: date | None = None, end: date | None = None) -> list[dict]:
    """Tallies ``{"side", "category", "item", "count", "claimed_by", "date_start", "date_end",
    "event_ids"}`` (plus ``status`` and ``period``, daily or cumulative): one row per claimant, kind of
    loss and period over the events dated within [start, end]. ``count`` is null when the claimant gives no
    figure."""
    totals: dict[tuple, dict[str, Any]] = {}
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for event in sorted(events, key=lambda e: e.event_id):
        when = event.event_date
        if (start or end) and when is None:
            continue
        if when is not None and (start and when < start or end and when > end):
            continue
        support = [c for c in event.claims if c.modality in SUPPORTING and personnel_losses(c)]
        for group in independent_origins(support):
            origin = _group_key(group)
            for claim in group:
                who = claimant(claim)
                if origin_of(claim) == origin and who:
                    names[origin][who] += 1
            lowest: dict[tuple, int | None] = {}
            for claim in group:
                period = period_of(claim)
                for loss in personnel_losses(claim):
                    key = (loss.side, loss.category, loss.item, loss.status, period)
                    current = lowest.get(key)
                    if key not in lowest or (loss.count is not None and (current is None or loss.count < current)):
                        lowest[key] = loss.count
            first, last = event.date_start or event.event_date, event.date_end or event.event_date
            for (side, category, item, status, period), count in lowest.items():
                row = totals.setdefault((origin, side, category, item, status, period), {
                    "side": side, "category": category, "item": item, "status": status, "period": period,
                    "count": None, "claimed_by": None, "date_start": None, "date_end": None, "event_ids": [],
                })
                if period == "cumulative":
                    # a running total replaces the claimant's earlier one; it never adds to it
                    if count is not None and (row["date_end"] is None or (last, count) > (row["date_end"], row["count"] or 0)):
                        row["count"] = count
                elif count is not None:
                    row["count"] = (row["count"] or 0) + count
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
        row["event_ids"] = sorted(row["event_ids"])
        rows.append(row)
    return sorted(rows, key=lambda r: (r["side"] or "", r["category"], r["item"], r["status"], r["period"],
                                       r["claimed_by"] or "", r["date_start"] or ""))
