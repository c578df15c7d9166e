"""Score one article's events against its gold file: pairs, spurious events, fields, fatalities, losses, rules.

``score_article`` pairs events with gold events (``matching.match_events``), then judges on every pair the
fields the gold gives (a gold event without, say, ``claimed_by_contains`` is not judged on the claimant),
counts the events that match nothing and are not tolerated as spurious, finds the gold's loss items among the
events' losses and checks every event against the ``must_not`` rules. ``describe`` turns the result into the
lines a developer reads to see what to fix. Events are dicts in the form of SCHEMA.md (``Claim.to_dict``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from frontwire.evaluate.corpus import evidence_of, place_of
from frontwire.evaluate.matching import (
    DEFAULT_RADIUS_KM,
    accepted,
    admin1_matches,
    date_matches,
    match_events,
    place_matches,
    type_matches,
)
from frontwire.evaluate.rules import breaks, machine_checked, tolerated, unchecked_tolerations
from frontwire.geo.context import distance_km

# the fields judged on matched pairs; a verdict of None means the gold does not give that field
FIELDS = ("event_type", "event_date", "actor1_country", "actor2_country", "claimed_by", "place", "coordinates",
          "admin1", "fatalities")
_SHOWN = {"coordinates": "latitude", "place": "location"}


@dataclass(slots=True)
class ArticleScore:
    """Everything judged on one article; ratios are left to the reports that sum articles up."""

    gold_events: list[dict[str, Any]]
    events: list[dict[str, Any]]
    matches: dict[str, tuple[int, str]]  # gold id -> (event index, pass)
    spurious: list[int]
    tolerated: list[int]
    verdicts: dict[str, dict[str, bool]]  # field -> gold id -> right?
    fatalities: dict[str, bool]  # gold id (every gold event with a figure, matched or not) -> exact?
    losses_found: list[dict[str, Any]]
    losses_missing: list[dict[str, Any]]
    optional_losses_found: list[dict[str, Any]]
    broken: list[tuple[dict[str, Any], list[int]]]  # machine-checked rule -> the events that break it
    unchecked_rules: list[dict[str, Any]]
    unchecked_tolerations: list[str]
    set_aside: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return len(self.matches) / len(self.gold_events) if self.gold_events else 1.0

    @property
    def precision(self) -> float | None:
        """Share of the events that match or are tolerated; None for an article that emitted none."""
        return (len(self.events) - len(self.spurious)) / len(self.events) if self.events else None

    def field_counts(self, name: str) -> tuple[int, int]:
        """(right, judged) for one field over the matched pairs."""
        verdicts = self.verdicts.get(name, {})
        return sum(verdicts.values()), len(verdicts)


def score_article(gold: dict[str, Any], events: list[dict[str, Any]],
                  set_aside: list[dict[str, Any]] | None = None) -> ArticleScore:
    """Judge ``events`` (the article's current events) against ``gold``; ``set_aside`` are only listed."""
    gold_events = gold["events"]
    matches = match_events(gold_events, events, fit=fields_right)
    paired = {i for i, _ in matches.values()}
    unpaired = [i for i in range(len(events)) if i not in paired]
    ok_extra = [i for i in unpaired if tolerated(gold, events[i])]
    verdicts: dict[str, dict[str, bool]] = {name: {} for name in FIELDS}
    for g in gold_events:
        if g["id"] in matches:
            e = events[matches[g["id"]][0]]
            for name in FIELDS:
                verdict = field_ok(g, e, name)
                if verdict is not None:
                    verdicts[name][g["id"]] = verdict
    fatalities = {g["id"]: verdicts["fatalities"].get(g["id"], False) for g in gold_events if "fatalities" in g}
    found, missing = _losses(gold.get("losses", {}).get("items", []), events)
    optional, _ = _losses(gold.get("losses", {}).get("optional_items", []), events)
    checked, unchecked = machine_checked(gold.get("must_not", []))
    broken = [(rule, hits) for rule in checked if (hits := [i for i, e in enumerate(events) if breaks(rule, e)])]
    return ArticleScore(gold_events=gold_events, events=events, matches=matches,
                        spurious=[i for i in unpaired if i not in ok_extra], tolerated=ok_extra, verdicts=verdicts,
                        fatalities=fatalities, losses_found=found, losses_missing=missing,
                        optional_losses_found=optional, broken=broken, unchecked_rules=unchecked,
                        unchecked_tolerations=unchecked_tolerations(gold), set_aside=list(set_aside or []))


def fields_right(g: dict[str, Any], e: dict[str, Any]) -> float:
    """How many of the gold event's fields ``e`` gets right: which of several candidates is its record."""
    return float(sum(field_ok(g, e, name) is True for name in FIELDS))


def field_ok(g: dict[str, Any], e: dict[str, Any], name: str) -> bool | None:
    """Is ``e``'s value of field ``name`` one the gold event ``g`` accepts? None where the gold does not say."""
    loc = g.get("location", {})
    if name == "event_type":
        allowed = ([*accepted(g["event_type"])] if "event_type" in g else []) + list(g.get("event_type_accept", []))
        return e.get("event_type") in allowed if allowed else None
    if name == "event_date":
        return date_matches(g, e)
    if name == "claimed_by":
        spec = g.get("claimed_by_contains")
        if spec is None:
            return None
        claimant = (e.get("claimed_by") or "").lower()
        return any(str(a).lower() in claimant for a in accepted(spec) if a)
    if name == "place":
        return place_matches(g, e)
    if name == "coordinates":
        if not loc.get("coords_required") or loc.get("lat") is None or loc.get("radius_km"):
            return None
        if e.get("latitude") is None:
            return False
        return distance_km(loc["lat"], loc["lon"], e["latitude"], e["longitude"]) <= DEFAULT_RADIUS_KM
    if name == "admin1":
        return admin1_matches(loc, e) if loc.get("admin1") else None
    if name == "fatalities":
        if "fatalities" not in g:
            return None
        wanted = accepted(g["fatalities"])
        # ACLED writes 0 where nobody is reported killed; an event with no figure says the same
        return e.get("fatalities") in wanted or (e.get("fatalities") is None and 0 in wanted)
    if name not in g:
        return None
    return e.get(name) in accepted(g[name])


def _losses(items: list[dict[str, Any]], events: list[dict[str, Any]]
            ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The gold loss items some event carries (same side, item named, same count), and those none does."""
    losses = [loss for e in events for loss in e.get("losses", [])]
    found: list[dict[str, Any]] = []
    missing: list[dict[str, Any]] = []
    for item in items:
        needle = str(item.get("item_contains", "")).lower()
        hit = any(loss.get("side") == item.get("side") and needle in (loss.get("item") or "").lower()
                  and loss.get("count") == item.get("count") for loss in losses)
        (found if hit else missing).append(item)
    return found, missing


# -- what a developer reads ---------------------------------------------------------------------------------
def describe(score: ArticleScore, fields: tuple[str, ...] = FIELDS) -> list[str]:
    """Misses (with the nearest event and why it did not match), wrong fields, spurious events, lost items
    and broken rules, one line each, with the evidence that shows where to look."""
    events = score.events
    lines = [f"events: {len(events)} extracted, {len(score.matches)}/{len(score.gold_events)} gold matched, "
             f"{len(score.spurious)} spurious" + (f", {len(score.tolerated)} tolerated" if score.tolerated else "")]
    for g in score.gold_events:
        if g["id"] not in score.matches:
            lines.append(f"  missed {g['id']}: {_closest(g, events)}")
            evidence = g.get("evidence")
            if evidence:
                first = evidence[0] if isinstance(evidence, list) else evidence
                lines.append(f"      gold evidence: {_short(str(first))!r}")
            continue
        index, how = score.matches[g["id"]]
        e = events[index]
        wrong = [n for n in fields if n in score.verdicts and score.verdicts[n].get(g["id"]) is False]
        if wrong:
            shown = ", ".join(f"{n}={e.get(_SHOWN.get(n, n))!r}" for n in wrong)
            lines.append(f"  {g['id']}: wrong {shown}" + ("" if how == "exact" else f" (paired with its {how})"))
            lines.append(f"      evidence: {evidence_of(e, 100)!r}")
    for i in score.spurious:
        e = events[i]
        lines.append(f"  spurious: {e.get('sub_event_type')} at {place_of(e)} on {e.get('event_date')}: "
                     f"{evidence_of(e, 90)!r}")
    for e in score.set_aside:
        lines.append(f"  set aside ({e.get('modality')}): {e.get('sub_event_type')} at {place_of(e)} on "
                     f"{e.get('event_date')}: {evidence_of(e, 80)!r}")
    if score.losses_found or score.losses_missing:
        missing = ", ".join(f"{m.get('count')} {m.get('item_contains')} ({m.get('side')})"
                            for m in score.losses_missing)
        lines.append(f"losses: {len(score.losses_found)}/{len(score.losses_found) + len(score.losses_missing)} "
                     f"found" + (f"; missing {missing}" if missing else ""))
    for rule, hits in score.broken:
        for i in hits:
            e = events[i]
            lines.append(f"  broken rule: {rule['rule'][:70]}... by {e.get('sub_event_type')} at "
                         f"{e.get('location')}")
    for rule in score.unchecked_rules:
        lines.append(f"  not machine-checked (read it): {rule['rule'][:100]}")
    for text in score.unchecked_tolerations:
        lines.append(f"  tolerated, not machine-checked: {text[:100]}")
    return lines


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _closest(g: dict[str, Any], events: list[dict[str, Any]]) -> str:
    """Why the nearest event did not match: at the gold's place with another type or date, or of its type
    somewhere else."""
    near = [e for e in events if place_matches(g, e)]
    if near:
        e = near[0]
        why = []
        if not type_matches(g, e):
            why.append(f"type {e.get('sub_event_type')!r}")
        if not date_matches(g, e):
            why.append(f"date {e.get('event_date')}")
        return "nearest event has " + ", ".join(why)
    same_type = [e for e in events if type_matches(g, e)]
    if same_type:
        e = same_type[0]
        return f"no event at that place; one of its type is at {place_of(e)} on {e.get('event_date')}"
    return "no event at that place"
