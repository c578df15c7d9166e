"""How an extracted event is paired with a gold one: names after transliteration, accept lists, places and dates.

An extracted event matches a gold event (SCHEMA.md, "How correctness is judged") when its sub-event type is one
the gold accepts, its place matches (``place_matches``) and its date is one the gold accepts. Pairs are made
in three passes, each only among what the passes before left: first those right on all three; then, so that a
date read a day or two off is scored as a wrong date rather than as a miss and a spurious event, those whose
date is within ``DATE_SLACK_DAYS`` of an accepted one (or missing); then those whose place is wrong but in the
gold's country on an accepted date (a happening placed in the wrong town of the right country). The second and
third passes show in the ``event_date`` and ``place`` field scores. Within a pass, gold events with the fewest
candidates choose first, so a scarce match is not taken by a plentiful one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from frontwire.geo.context import distance_km
from frontwire.geo.normalize import phonetic_keys

DEFAULT_RADIUS_KM = 5.0
DATE_SLACK_DAYS = 3
PASSES = ("exact", "date off", "place off")


def accepted(spec: Any) -> list[Any]:
    """Gold writes either a plain value or ``{"accept": [...]}``."""
    if isinstance(spec, dict) and "accept" in spec:
        return list(spec["accept"])
    return [spec]


def same_name(a: str | None, b: str | None) -> bool:
    """Two spellings of one name: any transliteration key in common (Gubadli = Qubadlı, Aghdam = Ağdam)."""
    if not a or not b:
        return False
    a, b = _strip_kind(a), _strip_kind(b)
    return bool(phonetic_keys(a) & phonetic_keys(b))


def _strip_kind(name: str) -> str:
    words = name.replace("-", " ").split()
    while len(words) > 1 and words[-1].lower() in {"district", "region", "rayon", "province", "village", "city"}:
        words.pop()
    return " ".join(words)


# -- places -------------------------------------------------------------------------------------------------
def gold_countries(loc: dict[str, Any]) -> list[str]:
    """The country names a gold place accepts (``country`` and any ``country_accept``)."""
    return [c for c in [loc.get("country"), *loc.get("country_accept", [])] if c]


def in_gold_country(g: dict[str, Any], e: dict[str, Any]) -> bool:
    """The event lies in the gold place's country (True when the gold names none)."""
    countries = gold_countries(g.get("location", {}))
    return not countries or any(e.get("country") == c or same_name(e.get("country"), c) for c in countries)


def _within(loc: dict[str, Any], e: dict[str, Any], radius: float) -> bool:
    lat, lon = loc.get("lat"), loc.get("lon")
    if lat is None or lon is None or e.get("latitude") is None or e.get("longitude") is None:
        return False
    return distance_km(lat, lon, e["latitude"], e["longitude"]) <= radius


def admin1_matches(loc: dict[str, Any], e: dict[str, Any]) -> bool:
    return any(same_name(e.get("admin1"), name) for name in [loc.get("admin1"), *loc.get("admin1_variants", [])])


def place_matches(g: dict[str, Any], e: dict[str, Any]) -> bool:
    """The gold place: one of its names (where the gold requires coordinates, also within its radius), within its
    radius of its coordinates, or, for district-level gold, its admin1. Never in another country: a same-named
    town abroad is another place."""
    loc = g.get("location", {})
    if e.get("country") and not in_gold_country(g, e):
        return False
    radius = loc.get("radius_km", DEFAULT_RADIUS_KM)
    if any(same_name(e.get("location"), name) for name in loc.get("names", [])):
        placed = e.get("latitude") is not None and loc.get("lat") is not None
        if not (loc.get("coords_required") and placed) or _within(loc, e, radius):
            return True
    if _within(loc, e, radius):
        return True
    district_level = not loc.get("coords_required", True) or loc.get("lat") is None or radius > DEFAULT_RADIUS_KM
    return district_level and admin1_matches(loc, e)


# -- dates and types ----------------------------------------------------------------------------------------
def type_matches(g: dict[str, Any], e: dict[str, Any]) -> bool:
    return e.get("sub_event_type") in accepted(g["sub_event_type"])


def date_matches(g: dict[str, Any], e: dict[str, Any]) -> bool:
    return e.get("event_date") in accepted(g["event_date"])


def date_near(g: dict[str, Any], e: dict[str, Any]) -> bool:
    """No date, or one within ``DATE_SLACK_DAYS`` of a date the gold accepts."""
    if not e.get("event_date"):
        return True
    try:
        got = date.fromisoformat(str(e["event_date"]))
    except ValueError:
        return False
    wanted = [date.fromisoformat(d) for d in accepted(g["event_date"]) if isinstance(d, str)]
    return any(abs((got - d).days) <= DATE_SLACK_DAYS for d in wanted)


def compatible(g: dict[str, Any], e: dict[str, Any], how: str = "exact") -> bool:
    """Whether ``e`` may be paired with ``g`` in the pass named ``how`` (one of ``PASSES``)."""
    if not type_matches(g, e):
        return False
    if how == "exact":
        return date_matches(g, e) and place_matches(g, e)
    if how == "date off":
        return date_near(g, e) and place_matches(g, e)
    return date_matches(g, e) and bool(e.get("country")) and in_gold_country(g, e)


def match_events(gold_events: list[dict[str, Any]], events: list[dict[str, Any]],
                 fit: Callable[[dict[str, Any], dict[str, Any]], float] | None = None) -> dict[str, tuple[int, str]]:
    """Gold id -> (index of the extracted event paired with it, the pass that paired them). One-to-one, except
    that a gold event with ``may_merge_with`` may share its partner's event (a coder may merge the two).

    Among a gold event's candidates the one that ``fit``s it best is taken (then the most confident): where a
    caption repeats the lead, the copy that carries the right claimant is the gold event's record, the other
    the duplicate."""
    fit = fit or (lambda g, e: 0.0)
    matches: dict[str, tuple[int, str]] = {}
    used: set[int] = set()
    for how in PASSES:
        waiting = [g for g in gold_events if g["id"] not in matches]
        candidates = {g["id"]: [i for i, e in enumerate(events) if i not in used and compatible(g, e, how)]
                      for g in waiting}
        for g in sorted(waiting, key=lambda g: len(candidates[g["id"]])):
            free = [i for i in candidates[g["id"]] if i not in used]
            if free:
                best = max(free, key=lambda i: (fit(g, events[i]), events[i].get("confidence") or 0))
                matches[g["id"]] = (best, how)
                used.add(best)
    for g in gold_events:
        partner = g.get("may_merge_with")
        if g["id"] not in matches and partner in matches and compatible(g, events[matches[partner][0]]):
            matches[g["id"]] = matches[partner]
    return matches
