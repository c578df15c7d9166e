"""Whether two claims can describe one happening, and how strongly: type, place, date and actors.

Each claim is read once into ``ClaimFeatures``; ``compatibility(a, b)`` is a symmetric pure function of
two features (``None``: they cannot be one event; else a score, higher is a better match). ``block_keys``
and ``probe_keys`` make the candidate pairs: two claims are compared only when a probe key of one is a
home key of the other, which holds for every pair ``compatibility`` could accept, so blocking saves time
without changing any result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from frontwire.extract.acled import load_codebook
from frontwire.geo.context import distance_km
from frontwire.ledger.names import aligned, country_in, fold, place_skeleton, same_place_name
from frontwire.records import Claim, Document

TERRITORY_TYPES = frozenset({
    "Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory",
})
IRREALIS = frozenset({"hypothetical", "planned"})
DATE_SLACK_DAYS = 1  # a report dated the day after (an announcement) still matches
MAX_RANGE_DAYS = 40  # a claim dated only to a season is too vague to merge with anything
BUCKET_DAYS = 3
NEAR_KM = 3.0  # differently named points this close are one place (two gazetteers, one village)
SAME_NAME_KM = 25.0  # one name, two gazetteer points this far apart are still one place
GRID_DEG = 0.1  # grid cell >= 5.5 km up to 60 degrees: larger than NEAR_KM, so near pairs are neighbours


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    """What merging compares, read once from a claim."""

    claim_id: str
    doc_id: str
    sub_event_type: str
    country: str  # folded; "" unknown
    admin1: str  # place skeleton; "" unknown
    level: str  # "point", "district", "country" or "none"
    name: str  # place skeleton of the location ("" when the claim is district-level)
    place_id: str | None
    lat: float | None
    lon: float | None
    start: date | None
    end: date | None
    event_date: date | None
    actors: frozenset[str]  # folded actor countries (or actor names when no country)
    acquirer: str  # folded actor1 side for territory events
    irrealis: bool  # hypothetical or planned: a threat or a plan, not the act
    claimant: str = ""  # folded claimed_by: who says so
    denied: bool = False

    @property
    def mergeable(self) -> bool:
        return self.start is not None and self.level != "none"


def is_point(location: str | None, admin1: str | None, country: str | None, geo_precision: int | None) -> bool:
    """Whether a place names a point (a village, a town) rather than only its district or country.

    "Aghdam, Aghdam" at precision 1 is the town; at precision 2 or 3 it is the district (the gazetteer
    had only the district, as for a village it lacks)."""
    if not location or (geo_precision or 3) > 2:
        return False
    name = place_skeleton(location)
    if name == place_skeleton(country):
        return False
    return geo_precision == 1 or name != place_skeleton(admin1)


def claim_features(claim: Claim, document: Document | None = None) -> ClaimFeatures:
    """Read the fields merging compares; a claim without dates falls back on its document's publication."""
    start, end, event_date = claim.date_start, claim.date_end, claim.event_date
    if start is None and end is None and event_date is not None:
        start = end = event_date
    if start is None and document is not None and document.published_at is not None:
        # An undated claim happened on or shortly before publication.
        end = event_date = document.published_at
        start = end - timedelta(days=2)
    if start is not None and end is None:
        end = start
    if start is not None and end is not None:
        if end < start:
            start, end = end, start
        if (end - start).days > MAX_RANGE_DAYS:
            start = end = None
    if event_date is None:
        event_date = start
    country = fold(claim.country)
    admin1 = place_skeleton(claim.admin1)
    if is_point(claim.location, claim.admin1, claim.country, claim.geo_precision):
        level, name = "point", place_skeleton(claim.location)
    elif admin1:
        level, name = "district", ""
    elif country:
        level, name = "country", ""
    else:
        level, name = "none", ""
    actors = frozenset(
        _actor_side(country_, actor) for country_, actor in
        ((claim.actor1_country, claim.actor1), (claim.actor2_country, claim.actor2))
        if country_ or (actor and not fold(actor).startswith("unidentified"))  # "unknown" agrees with anyone
    )
    acquirer = _actor_side(claim.actor1_country, claim.actor1) if claim.sub_event_type in TERRITORY_TYPES else ""
    return ClaimFeatures(
        claim_id=claim.claim_id, doc_id=claim.doc_id, sub_event_type=claim.sub_event_type, country=country,
        admin1=admin1, level=level, name=name, place_id=claim.place_id,
        lat=claim.latitude, lon=claim.longitude, start=start, end=end, event_date=event_date,
        actors=actors, acquirer=acquirer, irrealis=claim.modality in IRREALIS,
        claimant=fold(claim.claimed_by), denied=claim.modality == "denied",
    )


def _actor_side(country: str | None, actor: str | None) -> str:
    """Compare actors by the side they fight for: "Military Forces of Armenia" and "Armenia" agree, and so
    do parties fighting on one side ("Artsakh" and "Armenia", see ``aligned``)."""
    side = country or country_in(fold(actor))
    if side:
        return fold(aligned(side))
    return fold(actor)


def _days(f: ClaimFeatures) -> range:
    assert f.start is not None and f.end is not None
    first = f.start.toordinal() // BUCKET_DAYS
    last = (f.end.toordinal() + DATE_SLACK_DAYS) // BUCKET_DAYS
    return range(first, last + 1)


def _cell(f: ClaimFeatures) -> tuple[int, int] | None:
    if f.lat is None or f.lon is None:
        return None
    return (math.floor(f.lat / GRID_DEG), math.floor(f.lon / GRID_DEG))


def block_keys(f: ClaimFeatures) -> list[tuple]:
    """The blocks a claim lives in: (country, district, date bucket), a map cell per bucket, and
    (country, date bucket) for country-level claims."""
    if not f.mergeable:
        return []
    keys: list[tuple] = []
    cell = _cell(f)
    for bucket in _days(f):
        if f.level == "country":
            keys.append(("c", f.country, bucket))
            continue
        keys.append(("a", f.country, f.admin1, bucket))
        if f.name:
            keys.append(("n", f.country, f.name, bucket))
        if f.place_id:
            keys.append(("p", f.place_id, bucket))
        if cell is not None:
            keys.append(("g", cell, bucket))
    return keys


def probe_keys(f: ClaimFeatures) -> list[tuple]:
    """The blocks to search for a claim's candidates: its own, plus the neighbouring map cells (a
    near pair can straddle a cell border)."""
    keys = block_keys(f)
    cell = _cell(f)
    if cell is None or not f.mergeable:
        return keys
    for bucket in _days(f):
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                if di or dj:
                    keys.append(("g", (cell[0] + di, cell[1] + dj), bucket))
    return keys


def _distance_km(a: ClaimFeatures, b: ClaimFeatures) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def type_score(a: str, b: str) -> float | None:
    """1 for the same sub-event type, 0.5 for types two sides may use for one happening, else None."""
    if a == b:
        return 1.0
    # one side's "they shelled us" is the other's "armed clash" (the codebook's related types)
    if load_codebook().related(a, b):
        return 0.5
    return None


def place_score(a: ClaimFeatures, b: ClaimFeatures) -> float | None:
    """How well two claims' places agree within the precision both allow; None when they differ.

    Every accepted pair shares a block key (see ``block_keys``): names and districts compare by their
    folded skeletons, and nearness is only trusted within ``NEAR_KM``, less than a map cell.
    """
    if a.country != b.country:
        return None
    if a.level == "country" or b.level == "country":
        return 0.2 if a.level == b.level else None  # country-level claims merge only with each other
    same_district = bool(a.admin1) and a.admin1 == b.admin1
    if a.level == "district" or b.level == "district":
        return 0.3 if same_district else None
    if a.place_id and a.place_id == b.place_id:
        return 1.0  # one gazetteer entry, however the outlets spell it (Taghavard, Tagaverd, Kaghavard)
    if a.place_id and b.place_id and _gazetteer(a.place_id) == _gazetteer(b.place_id):
        return None  # one gazetteer tells them apart: two places, however alike their names
    distance = _distance_km(a, b)
    exact = a.name == b.name
    if exact or (same_district and same_place_name(a.name, b.name)):
        if distance is not None:
            return 0.9 if distance <= SAME_NAME_KM else None
        return 0.9 if same_district or not a.admin1 or not b.admin1 else None
    # Differently named: one place only when no gazetteer tells them apart and they lie very close.
    if a.place_id and b.place_id:
        return None
    if distance is not None and distance <= NEAR_KM:
        return 0.5
    return None


def _gazetteer(place_id: str) -> str:
    return place_id.split(":", 1)[0]


def date_score(a: ClaimFeatures, b: ClaimFeatures) -> float | None:
    """How well two claims' date ranges agree: overlapping, or at most ``DATE_SLACK_DAYS`` apart when both
    tell the same sub-event type (an announcement dated the day after). Claims of different types must
    overlap: fighting near a village the day after its capture is another happening, not the capture."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return None
    gap = max((b.start - a.end).days, (a.start - b.end).days)
    if gap > (DATE_SLACK_DAYS if a.sub_event_type == b.sub_event_type else 0):
        return None
    if a.event_date == b.event_date:
        return 1.0
    return 0.6 if gap <= 0 else 0.3


def actor_score(a: ClaimFeatures, b: ClaimFeatures) -> float | None:
    """Actors agree when one claim's known actors are among the other's (sides swap roles freely:
    each calls the other the attacker), and a place changed hands to the same side."""
    if a.acquirer and b.acquirer and a.acquirer != b.acquirer:
        return None
    if not a.actors or not b.actors:
        return 0.0
    if a.actors == b.actors:
        return 0.5
    if a.actors <= b.actors or b.actors <= a.actors:
        return 0.25
    return None


def answers(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """One side's denial of the other side's claim, both reported in one article ("the ministry said Armenian
    artillery fired on Tartar ... Armenia's ministry denied that its forces had shelled Tartar"): two claims
    about one happening, not two happenings."""
    return a.denied != b.denied and bool(a.claimant) and bool(b.claimant) and a.claimant != b.claimant


def compatibility(a: ClaimFeatures, b: ClaimFeatures) -> float | None:
    """A score for two claims being one happening (higher is better), or None when they cannot be."""
    if (a.doc_id == b.doc_id and not answers(a, b)) or not a.mergeable or not b.mergeable:
        return None  # one document reports one event once: its claims are distinct events
    if a.irrealis != b.irrealis:
        return None  # "may attack" is not the attack; a denial or a recollection of the act is about it
    if (a.sub_event_type in TERRITORY_TYPES or b.sub_event_type in TERRITORY_TYPES) and a.level != b.level:
        # A capture is of one place: a district-level capture claim is of the district, or of a village
        # the gazetteer lacks, never of whichever named village the same report set mentions.
        return None
    scores = (type_score(a.sub_event_type, b.sub_event_type), place_score(a, b), date_score(a, b), actor_score(a, b))
    if any(s is None for s in scores):
        return None
    return round(sum(scores), 6)  # type: ignore[arg-type]


def explain(a: ClaimFeatures, b: ClaimFeatures) -> tuple[tuple[str, str], ...]:
    """Why two claims can or cannot be one happening, feature by feature (``compatibility``'s reasons, in
    words): ``(("document", "two documents"), ("type", "same sub-event type"), ...)``. A feature that
    rules the pair out reads ``"no: ..."``."""
    out: list[tuple[str, str]] = []
    if a.doc_id == b.doc_id:
        out.append(("document", "one document, one side's claim and the other's denial" if answers(a, b)
                    else "no: one document reports each happening once"))
    else:
        out.append(("document", "two documents"))
    if not a.mergeable or not b.mergeable:
        out.append(("dates and place", "no: a claim without a usable date or place merges with nothing"))
        return tuple(out)
    if a.irrealis != b.irrealis:
        out.append(("modality", "no: a threat or a plan is not the act"))
    typed = type_score(a.sub_event_type, b.sub_event_type)
    out.append(("type", "same sub-event type" if typed == 1.0 else "related sub-event types" if typed
                else f"no: {a.sub_event_type} / {b.sub_event_type}"))
    if (a.sub_event_type in TERRITORY_TYPES or b.sub_event_type in TERRITORY_TYPES) and a.level != b.level:
        out.append(("place level", f"no: a change of control at {a.level} level and one at {b.level} level"))
    placed = place_score(a, b)
    if placed is None:
        why = "different places"
        if a.place_id and b.place_id and a.place_id != b.place_id:
            why = f"different gazetteer places ({a.place_id}, {b.place_id})"
        out.append(("place", "no: " + why))
    else:
        out.append(("place", "same gazetteer place" if placed == 1.0 else "same name" if placed == 0.9
                    else "points within 3 km" if placed == 0.5 else "same district" if placed == 0.3
                    else "same country"))
    dated = date_score(a, b)
    if dated is None:
        out.append(("date", "no: dates apart" if a.sub_event_type == b.sub_event_type
                    else "no: dates of different types do not overlap"))
    else:
        out.append(("date", "same day" if dated == 1.0 else "overlapping ranges" if dated == 0.6
                    else "a day apart"))
    if a.acquirer and b.acquirer and a.acquirer != b.acquirer:
        out.append(("holder", f"no: {a.acquirer} and {b.acquirer} each end up holding the place"))
    else:
        acted = actor_score(a, b)
        out.append(("actors", "no: different sides" if acted is None else "same sides" if acted == 0.5
                    else "one claim's sides among the other's" if acted else "a side unnamed"))
    return tuple(out)
