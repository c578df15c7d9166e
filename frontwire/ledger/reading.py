"""The ledger's reading of one event from its claims: ACLED's conservative values, independent sources,
the sides that assert it, and what the claims dispute.

Claims that *support* an event are those asserting it; a "denied" claim contradicts it; "hypothetical",
"planned" and "historical" claims (background: "Armenian forces captured Lachin in 1992") neither support
nor contradict, so an event told only as background is no current event: it moves no control and adds to
no tally, and ``frontwire events`` leaves it out (``is_current``).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from frontwire.ledger.compat import TERRITORY_TYPES, is_point
from frontwire.ledger.names import aligned, country_in, fold, origin_key, same_place_name, side_of
from frontwire.ledger.records import Dispute, DisputedValue, Event, event_id_of
from frontwire.records import Claim, Loss

SUPPORTING = ("asserted",)
COPY_MIN_CHARS = 40  # evidence shorter than this ("Milanli") is not enough to call one text a copy
COPY_MIN_RATIO = 90


def is_current(event: Event) -> bool:
    """Whether an event is a happening of the stream, not only background recalled by its reports."""
    return any(c.modality != "historical" for c in event.claims)


def claimant(claim: Claim) -> str | None:
    """Who asserts a claim: its claimant, else the first link of its chain, else the outlet."""
    return claim.claimed_by or (claim.claim_chain[0] if claim.claim_chain else None) or claim.reported_by


def origin_of(claim: Claim) -> str:
    """The key of the source a claim started from: claims that travelled one chain share it."""
    chain = claim.claim_chain
    first = chain[0] if chain else None
    if claim.claimed_by and (not chain or origin_key(claim.claimed_by) not in {origin_key(c) for c in chain}):
        first = claim.claimed_by  # the chain lists only the outlets that carried it
    if first:
        return origin_key(first)
    if claim.reported_by:
        return "outlet:" + origin_key(claim.reported_by)
    return "doc:" + claim.doc_id


def _evidence_text(claim: Claim) -> str:
    return fold(" ".join(span.text for span in claim.evidence))


def independent_origins(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Group claims by independent origin: one chain's claims, or texts copied word for word from each
    other without saying so (an outlet reprinting an agency wire), count once."""
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    origins = [origin_of(c) for c in claims]
    texts = [_evidence_text(c) for c in claims]
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            same = origins[i] == origins[j]
            if not same and len(texts[i]) >= COPY_MIN_CHARS and len(texts[j]) >= COPY_MIN_CHARS:
                same = fuzz.ratio(texts[i], texts[j]) >= COPY_MIN_RATIO
            if same:
                parent[find(j)] = find(i)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, claim in enumerate(claims):
        groups[find(i)].append(claim)
    return sorted(groups.values(), key=lambda g: min(c.claim_id for c in g))


def _primary_order(claim: Claim) -> tuple:
    # The claim whose text best shows the event: most precise place, then nearest its source (the
    # ministry's own statement before the wire that copied it), then most confident, then id.
    return (claim.geo_precision or 9, len(claim.claim_chain), -claim.confidence, claim.claim_id)


def _type_rank(sub_event_type: str) -> int:
    if sub_event_type in TERRITORY_TYPES:
        return 0  # a change of control is the most informative reading of a fight for a village
    return 2 if sub_event_type == "Armed clash" else 1


def _choose_type(groups: list[list[Claim]]) -> str:
    votes: Counter[str] = Counter()
    for group in groups:
        for sub_event_type in {c.sub_event_type for c in group}:
            votes[sub_event_type] += 1
    return min(votes, key=lambda t: (-votes[t], _type_rank(t), t))


def _dates(claims: Sequence[Claim]) -> tuple[date | None, date | None, date | None, int | None, Claim | None]:
    ranges = []
    for c in claims:
        start = c.date_start or c.event_date
        end = c.date_end or c.event_date or start
        if start and end:
            ranges.append((min(start, end), max(start, end), c))
    if not ranges:
        return None, None, None, None, None
    lo, hi = max(r[0] for r in ranges), min(r[1] for r in ranges)
    if lo > hi:  # the claims disagree: keep the whole span they give
        lo, hi = min(r[0] for r in ranges), max(r[1] for r in ranges)
    # ACLED: where reports differ, the earliest date the reports allow.
    dated = sorted((c.event_date, c.claim_id) for _s, _e, c in ranges if c.event_date and lo <= c.event_date <= hi)
    event_date = dated[0][0] if dated else lo
    source = next((c for _s, _e, c in ranges if c.event_date == event_date), ranges[0][2])
    precisions = [c.time_precision for c in claims if c.time_precision]
    return event_date, lo, hi, (min(precisions) if precisions else None), source


def _losses(claims: Sequence[Claim]) -> tuple[Loss, ...]:
    counts: dict[tuple, list[int | None]] = defaultdict(list)
    for claim in claims:
        for loss in claim.losses:
            counts[(loss.side, loss.category, loss.item, loss.status)].append(loss.count)
    out = []
    for (side, category, item, status), values in counts.items():
        known = [v for v in values if v is not None]
        out.append(Loss(side=side, category=category, item=item, count=min(known) if known else None, status=status))
    return tuple(sorted(out, key=lambda loss: (loss.side or "", loss.category, loss.item, loss.status)))


def _dispute(field: str, claims: Sequence[Claim], value_of: Callable[[Claim], Any]) -> Dispute | None:
    pairs = {}
    for claim in claims:
        value = value_of(claim)
        if value is None:
            continue
        pairs[(json.dumps(value, sort_keys=True, default=str), claimant(claim) or "")] = (value, claimant(claim))
    if len({key[0] for key in pairs}) < 2:
        return None
    return Dispute(field, tuple(DisputedValue(v, who) for _k, (v, who) in sorted(pairs.items())))


def _place_name(claim: Claim) -> str | None:
    return claim.location if is_point(claim.location, claim.admin1, claim.country, claim.geo_precision) else None


def _same_place(a: Claim, b: Claim) -> bool:
    if a.place_id and b.place_id and a.place_id.split(":")[0] == b.place_id.split(":")[0]:
        return a.place_id == b.place_id
    return a.place_id is not None and a.place_id == b.place_id or same_place_name(_place_name(a), _place_name(b))


def _disputes(support: Sequence[Claim], denials: Sequence[Claim], all_claims: Sequence[Claim]) -> list[Dispute]:
    disputes: list[Dispute] = []
    if support and denials:
        d = _dispute("modality", all_claims, lambda c: c.modality if c.modality in SUPPORTING + ("denied",) else None)
        if d:
            disputes.append(d)
    # one place when the gazetteer says so (one place id), whatever the spellings; else by name
    points = [c for c in support if _place_name(c)]
    if any(not _same_place(a, b) for a in points for b in points):
        d = _dispute("location", support, _place_name)
        if d:
            disputes.append(d)
    starts = [s for c in support if (s := c.date_start or c.event_date) is not None]
    ends = [e for c in support if (e := c.date_end or c.event_date) is not None]
    if starts and ends and max(starts) > min(ends):
        d = _dispute("event_date", support, lambda c: c.event_date.isoformat() if c.event_date else None)
        if d:
            disputes.append(d)
    d = _dispute("fatalities", support, lambda c: c.fatalities)
    if d:
        disputes.append(d)
    keys = sorted({(loss.side or "", loss.category, loss.item, loss.status) for c in support for loss in c.losses})
    for key in keys:
        def count_of(c: Claim, key: tuple = key) -> dict | None:
            for loss in c.losses:
                if (loss.side or "", loss.category, loss.item, loss.status) == key:
                    return loss.to_dict()
            return None
        d = _dispute("losses", support, count_of)
        if d:
            disputes.append(d)
    # Each side calling the other the attacker is the commonest dispute of all.
    d = _dispute("actor1", support, lambda c: c.actor1_country or (country_in(fold(c.actor1)) if c.actor1 else None))
    if d:
        disputes.append(d)
    territorial = [c for c in support if c.sub_event_type in TERRITORY_TYPES]
    d = _dispute("holder", territorial, lambda c: c.actor1_country or c.actor1)
    if d:
        disputes.append(d)
    return disputes


def _parties(claims: Sequence[Claim]) -> set[str]:
    parties = set()
    for c in claims:
        for country, actor in ((c.actor1_country, c.actor1), (c.actor2_country, c.actor2)):
            side = country or (country_in(fold(actor)) if actor else None)
            if side:
                parties.add(side)
    return parties


def claimant_side(claim: Claim) -> str | None:
    """The conflict party whose source asserts a claim, wherever the claim travelled since.

    A ministry's statement relayed by an agency ("the Defence Ministry said, AA reported") is the ministry's:
    its claimant, else the first link of the chain that speaks for a side (an outlet speaks for none). A
    claimant named without its country ("the Defence Army said") takes the party the evidence names just
    before it ("the Artsakh Defence Army said")."""
    side = side_of(claim.claimed_by)
    if side is None and claim.claimed_by:
        for span in claim.evidence:
            at = span.text.find(claim.claimed_by)
            if at > 0:
                words = span.text[:at].split()
                if words:
                    side = side_of(f"{words[-1]} {claim.claimed_by}")
            if side:
                break
    if side is None:
        side = next((s for s in (side_of(link) for link in claim.claim_chain) if s), None)
    return side


def supporting_sides(support: Sequence[Claim], all_claims: Sequence[Claim]) -> tuple[str, ...]:
    """The conflict parties whose own sources assert the event; a third state's ministry is not one."""
    parties = _parties(all_claims)
    sides = set()
    for claim in support:
        side = claimant_side(claim)
        # With both parties known, a third state's source is not one of theirs; with one known, the
        # other party is unnamed and every side counts.
        if side and (len(parties) < 2 or side in parties or aligned(side) in parties):
            sides.add(side)
    return tuple(sorted(sides))


def build_event(claims: Sequence[Claim]) -> Event:
    """Read one event from the claims merged into it (any order; the result depends only on the set)."""
    claims = sorted(claims, key=lambda c: c.claim_id)
    support = [c for c in claims if c.modality in SUPPORTING]
    denials = [c for c in claims if c.modality == "denied"]
    basis = support or claims
    groups = independent_origins(support)
    sub_event_type = _choose_type(groups if support else independent_origins(basis))
    ordered = sorted(basis, key=_primary_order)
    typed = [c for c in ordered if c.sub_event_type == sub_event_type]
    primary = typed[0]  # its notes and evidence tell the event as the ledger reads it
    actors = min(typed, key=lambda c: (-sum(x is not None for x in (c.actor1, c.actor2, c.actor1_country,
                                                                      c.actor2_country)), _primary_order(c)))
    placed = ordered[0]
    event_date, start, end, time_precision, dated = _dates(basis)
    fatalities = [c.fatalities for c in basis if c.fatalities is not None]
    confidence = 1.0
    for group in groups or [basis]:
        confidence *= 1.0 - max(c.confidence for c in group)
    scales = sorted({c.source_scale for c in claims if c.source_scale})
    modality = "asserted" if any(c.modality == "asserted" for c in claims) else primary.modality
    disputes = _disputes(support, denials, claims)
    return Event(
        event_id=event_id_of(c.claim_id for c in claims),
        doc_id=primary.doc_id,
        event_type=typed[0].event_type,
        sub_event_type=sub_event_type,
        disorder_type=typed[0].disorder_type,
        event_date=event_date, date_start=start, date_end=end, time_precision=time_precision,
        actor1=actors.actor1, actor1_country=actors.actor1_country, actor2=actors.actor2,
        actor2_country=actors.actor2_country, inter1=actors.inter1, inter2=actors.inter2,
        interaction=actors.interaction,
        country=placed.country, admin1=placed.admin1, admin2=placed.admin2, location=placed.location,
        latitude=placed.latitude, longitude=placed.longitude, geo_precision=placed.geo_precision,
        place_id=placed.place_id,
        fatalities=min(fatalities) if fatalities else None,
        losses=_losses(basis),
        claimed_by=primary.claimed_by, claim_chain=primary.claim_chain, reported_by=primary.reported_by,
        modality=modality, evidence=primary.evidence, notes=primary.notes,
        confidence=round(min(0.99, 1.0 - confidence), 4) if len(groups) > 1 else primary.confidence,
        source_scale="-".join(scales) if scales else None,
        date_reason=dated.date_reason if dated else None, place_reason=placed.place_reason,
        claims=tuple(claims),
        sources_independent=len(groups),
        supporting_sides=supporting_sides(support, claims),
        disputed=bool(disputes),
        disputes=tuple(disputes),
    )
