"""Score one document against a gold file in the form of ``shared/gold/seed.json``.

An extracted event matches a gold event when its sub-event type is one the gold accepts, its place matches
(the same name after transliteration, within the gold's radius, or the same district for district-level gold)
and its date is one the gold accepts. Actors, claimant and coordinates are then scored field by field on the
matched pairs; losses against the gold's list; every event against the ``must_not`` rules.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwire.config import Settings
from frontwire.errors import GoldError
from frontwire.evaluate.matching import accepted, same_name
from frontwire.geo.context import distance_km
from frontwire.ingest import iter_raw_documents
from frontwire.pipeline import Pipeline
from frontwire.records import Claim, Document

DEFAULT_RADIUS_KM = 5.0


@dataclass(slots=True)
class SeedReport:
    scores: dict[str, float] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)


def load_gold(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            gold = json.load(handle)
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc})", hint="give a gold JSON like shared/gold/seed.json"
                        ) from exc
    if "document" not in gold or "events" not in gold:
        raise GoldError(f"{path}: not a frontwire gold file (needs 'document' and 'events')")
    return gold


def document_path(gold_path: Path, gold: dict[str, Any]) -> Path:
    """The gold's ``document.path`` is relative to the gold file's folder or the one above it."""
    relative = gold["document"]["path"]
    for base in (gold_path.parent, gold_path.parent.parent):
        if (base / relative).exists():
            return base / relative
    raise GoldError(f"{gold_path}: its document {relative} was not found beside it",
                    hint="keep the gold file in shared/gold/ with the text in shared/")


def evaluate_seed(gold_path: Path, settings: Settings) -> SeedReport:
    """Run the pipeline on the gold's document (as a plain file, no metadata given) and score it."""
    gold = load_gold(gold_path)
    text_path = document_path(gold_path, gold)
    results = list(Pipeline(settings).run(iter_raw_documents([str(text_path)], settings)))
    if not results or results[0].document is None:
        reason = results[0].failure.reason if results and results[0].failure else "nothing came out"
        raise GoldError(f"{text_path}: the pipeline failed on the gold document: {reason}")
    return score_document(gold, results[0].document, results[0].claims)


def score_document(gold: dict[str, Any], document: Document, claims: list[Claim]) -> SeedReport:
    report = SeedReport()
    _score_cleaning(gold["document"], document, report)
    events = [c.to_dict() for c in claims]
    matches = _match_events(gold["events"], events)
    _score_events(gold, events, matches, report)
    _score_losses(gold, events, report)
    _score_must_not(gold.get("must_not", []), events, report)
    return report


# -- the document ---------------------------------------------------------------------------------------------
def _score_cleaning(gdoc: dict[str, Any], document: Document, report: SeedReport) -> None:
    s = report.scores
    s["document.title"] = float((document.title or "").strip() == gdoc.get("title", "").strip())
    s["document.published_at"] = float(
        document.published_at is not None and document.published_at.isoformat() == gdoc.get("published_at"))
    debris = gdoc.get("boilerplate_to_remove", [])
    survived = [item for item in debris if re.search(r"(?m)^\s*" + re.escape(item) + r"\s*", document.text)
                and (len(item) > 3 or re.search(r"(?m)^\s*" + re.escape(item) + r"\s*$", document.text))]
    s["document.boilerplate_removed"] = 1 - len(survived) / len(debris) if debris else 1.0
    caption = gdoc.get("caption")
    if caption:
        s["document.caption_once"] = float(document.text.count(caption["text"]) <= caption.get("max_copies_in_text", 1))
    headings = gdoc.get("section_headings", [])
    marked = {h.text.strip() for h in document.headings}
    s["document.headings_marked"] = sum(h in marked for h in headings) / len(headings) if headings else 1.0
    report.lines.append(f"document: title={document.title!r} published_at={document.published_at} "
                        f"({document.published_at_source}); boilerplate left: {survived or 'none'}")


# -- events ---------------------------------------------------------------------------------------------------
def _place_matches(g: dict[str, Any], e: dict[str, Any]) -> bool:
    loc = g.get("location", {})
    if any(same_name(e.get("location"), name) for name in loc.get("names", [])):
        return True
    lat, lon = loc.get("lat"), loc.get("lon")
    radius = loc.get("radius_km", DEFAULT_RADIUS_KM)
    if lat is not None and e.get("latitude") is not None and e.get("longitude") is not None:
        if distance_km(lat, lon, e["latitude"], e["longitude"]) <= radius:
            return True
    district_level = not loc.get("coords_required", True) or lat is None or radius > DEFAULT_RADIUS_KM
    return district_level and same_name(e.get("admin1"), loc.get("admin1"))


def _compatible(g: dict[str, Any], e: dict[str, Any]) -> bool:
    return (e.get("sub_event_type") in accepted(g["sub_event_type"])
            and e.get("event_date") in accepted(g["event_date"])
            and _place_matches(g, e))


def _match_events(gold_events: list[dict[str, Any]], events: list[dict[str, Any]]) -> dict[str, int]:
    """Gold id -> index of the extracted event matched to it, one-to-one except for ``may_merge_with`` pairs."""
    matches: dict[str, int] = {}
    used: set[int] = set()
    # gold events with fewest candidates first, so a scarce match is not taken by a plentiful one
    candidates = {g["id"]: [i for i, e in enumerate(events) if _compatible(g, e)] for g in gold_events}
    for g in sorted(gold_events, key=lambda g: len(candidates[g["id"]])):
        free = [i for i in candidates[g["id"]] if i not in used]
        if free:
            best = max(free, key=lambda i: events[i].get("confidence") or 0)
            matches[g["id"]] = best
            used.add(best)
    for g in gold_events:
        partner = g.get("may_merge_with")
        if g["id"] not in matches and partner in matches and _compatible(g, events[matches[partner]]):
            matches[g["id"]] = matches[partner]
    return matches


def _tolerated(gold: dict[str, Any], e: dict[str, Any]) -> bool:
    return any(all(e.get(k) == v for k, v in t["match"].items()) for t in gold.get("tolerated", []))


def _field_ok(g: dict[str, Any], e: dict[str, Any], name: str) -> bool | None:
    if name == "claimed_by":
        spec = g.get("claimed_by_contains")
        if spec is None:
            return None
        claimant = (e.get("claimed_by") or "").lower()
        return any(str(a).lower() in claimant for a in accepted(spec))
    if name == "coordinates":
        loc = g.get("location", {})
        if not loc.get("coords_required") or loc.get("lat") is None or loc.get("radius_km"):
            return None
        if e.get("latitude") is None:
            return False
        return distance_km(loc["lat"], loc["lon"], e["latitude"], e["longitude"]) <= DEFAULT_RADIUS_KM
    if name == "admin1":
        return same_name(e.get("admin1"), g.get("location", {}).get("admin1"))
    if name not in g:
        return None
    return e.get(name) in accepted(g[name])


_SHOWN = {"coordinates": "latitude", "claimed_by": "claimed_by"}
FIELDS = ("event_type", "actor1_country", "actor2_country", "claimed_by", "coordinates", "admin1")


def _score_events(gold: dict[str, Any], events: list[dict[str, Any]], matches: dict[str, int],
                  report: SeedReport) -> None:
    s = report.scores
    gold_events = gold["events"]
    matched_idx = set(matches.values())
    spurious = [i for i, e in enumerate(events) if i not in matched_idx and not _tolerated(gold, e)]
    recall = len(matches) / len(gold_events) if gold_events else 1.0
    precision = (len(events) - len(spurious)) / len(events) if events else 0.0
    s["events.recall"] = recall
    s["events.precision"] = precision
    s["events.f1"] = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    for name in FIELDS:
        judged = [_field_ok(g, events[matches[g["id"]]], name) for g in gold_events if g["id"] in matches]
        verdicts = [v for v in judged if v is not None]
        s[f"fields.{name}"] = sum(verdicts) / len(verdicts) if verdicts else 0.0
    report.lines.append(f"events: {len(events)} extracted, {len(matches)}/{len(gold_events)} gold matched, "
                        f"{len(spurious)} spurious")
    for g in gold_events:
        if g["id"] not in matches:
            report.lines.append(f"  missed {g['id']}: {_closest(g, events)}")
        else:
            e = events[matches[g["id"]]]
            wrong = [n for n in FIELDS if _field_ok(g, e, n) is False]
            if wrong:
                shown = ", ".join(f"{n}={e.get(_SHOWN.get(n, n))!r}" for n in wrong)
                report.lines.append(f"  {g['id']}: wrong {shown}")
    for i in spurious:
        e = events[i]
        report.lines.append(f"  spurious: {e.get('sub_event_type')} at {e.get('location')} ({e.get('admin1')}) "
                            f"on {e.get('event_date')}: {(e.get('evidence') or [{}])[0].get('text', '')[:80]!r}")


def _closest(g: dict[str, Any], events: list[dict[str, Any]]) -> str:
    near = [e for e in events if _place_matches(g, e)]
    if not near:
        return "no event at that place"
    e = near[0]
    why = []
    if e.get("sub_event_type") not in accepted(g["sub_event_type"]):
        why.append(f"type {e.get('sub_event_type')!r}")
    if e.get("event_date") not in accepted(g["event_date"]):
        why.append(f"date {e.get('event_date')}")
    return "nearest event has " + ", ".join(why)


# -- losses and rules -----------------------------------------------------------------------------------------
def _score_losses(gold: dict[str, Any], events: list[dict[str, Any]], report: SeedReport) -> None:
    items = list(gold.get("losses", {}).get("items", []))
    found_losses = [loss for e in events for loss in e.get("losses", [])]
    hits = 0
    missing = []
    for item in items:
        ok = any(loss.get("side") == item["side"] and item["item_contains"].lower() in (loss.get("item") or "").lower()
                 and loss.get("count") == item["count"] for loss in found_losses)
        hits += ok
        if not ok:
            missing.append(f"{item['count']} {item['item_contains']} ({item['side']})")
    report.scores["losses.recall"] = hits / len(items) if items else 1.0
    report.lines.append(f"losses: {hits}/{len(items)} found" + (f"; missing {', '.join(missing)}" if missing else ""))


def _breaks(rule: dict[str, Any], e: dict[str, Any]) -> bool:
    check = rule["check"]
    value = e.get(check["field"])
    if "equals" in check:
        return value == check["equals"]
    if "before" in check:
        return value is not None and str(value) < check["before"]
    if "not_in" in check:
        return value is not None and value not in check["not_in"]
    if "contains" in check:
        needle = check["contains"].lower()
        if isinstance(value, list):
            return any(needle in json.dumps(v, ensure_ascii=False).lower() for v in value)
        return needle in str(value or "").lower()
    return False


def _score_must_not(rules: list[dict[str, Any]], events: list[dict[str, Any]], report: SeedReport) -> None:
    broken = [(r["rule"], e) for r in rules for e in events if _breaks(r, e)]
    report.scores["must_not.clean"] = float(not broken)
    for rule, e in broken:
        report.lines.append(f"  broken rule: {rule[:70]}... by {e.get('sub_event_type')} at {e.get('location')}")
