"""Score frontwire against ACLED CSV exports: each row's ``notes`` is the document, its coded fields the answer.

The main event (the first frontwire codes from a note) is compared with the coder's: sub-event and event type,
actor1 and its country, fatalities, place (within 10 km, same admin1) and date. The sub-event classifier is
cross-validated: every note is scored by a model trained on the other folds, never on itself. Each note is
given a publication date 0-2 days after the coder's date, as the report it summarises would have had, and its
row's country as the feed's country (``--country``): ACLED's exports, like the feeds a coder reads, are per
country. Without it a village name found in several countries ("Shatin") has nothing to decide by.

This module is also the one ACLED reader (``read_acled``, ``GoldRow``) and the one fold scheme (``fold_of``,
by row id) of every score on ACLED notes: the stage scores (``places``, ``dates``, ``extraction``) and ``bench``.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from frontwire.config import Settings
from frontwire.errors import GoldError
from frontwire.evaluate.matching import same_name
from frontwire.extract import train_classifier
from frontwire.geo.context import distance_km
from frontwire.pipeline import Pipeline
from frontwire.records import RawDocument

NEAR_KM = 10.0
ACLED_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "gold" / "acled"


@dataclass(frozen=True, slots=True)
class GoldRow:
    row_id: str
    file: str
    notes: str
    event_date: date | None
    event_type: str
    sub_event_type: str
    actor1: str
    actor1_country: str | None
    country: str
    admin1: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    source: str | None = None  # the outlet(s) the coder read: a document's source, as ingest would give it
    time_precision: int | None = None  # 1 the day, 2 the week, 3 the month
    interaction: int | None = None  # ACLED's two-digit code of the actors' types


@dataclass(slots=True)
class AcledReport:
    scores: dict[str, float] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)


def acled_files(paths: Sequence[Path] = ()) -> list[Path]:
    """The ACLED exports named, else the development ones in ``../shared`` (empty where it is absent)."""
    return list(paths) or sorted(ACLED_DIR.glob("*.csv"))


def read_rows(paths: Sequence[Path]) -> list[GoldRow]:
    """Every noted row of every export, in file and row order."""
    return [row for path in paths for row in read_acled(path)]


def read_acled(path: Path) -> Iterator[GoldRow]:
    """Rows of an ACLED CSV export (either the HDX layout or the full 31-column one); rows without notes
    are skipped (there is no report to read)."""
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise GoldError(f"{path}: cannot read ({exc.strerror})") from exc
    with handle:
        reader = csv.DictReader(handle)
        needed = {"notes", "sub_event_type", "event_date", "actor1", "country"}
        if not reader.fieldnames or not needed <= set(reader.fieldnames):
            raise GoldError(f"{path}: not an ACLED export (needs columns {', '.join(sorted(needed))})")
        for number, row in enumerate(reader, start=2):
            if not (row.get("notes") or "").strip():
                continue
            yield GoldRow(
                row_id=row.get("data_id") or row.get("event_id_cnty") or f"{path.name}:{number}",
                file=path.name,
                notes=row["notes"].strip(),
                event_date=_parse_date(row.get("event_date", "")),
                event_type=row.get("event_type", ""),
                sub_event_type=row.get("sub_event_type", ""),
                actor1=row.get("actor1", ""),
                actor1_country=actor_country(row.get("actor1", ""), row.get("country", "")),
                country=row.get("country", ""),
                admin1=row.get("admin1", ""),
                location=row.get("location", ""),
                latitude=_float(row.get("latitude")),
                longitude=_float(row.get("longitude")),
                fatalities=_int(row.get("fatalities")),
                source=(row.get("source") or "").strip() or None,
                time_precision=_int(row.get("time_precision")),
                interaction=_int(row.get("interaction")),
            )


def actor_country(actor: str, event_country: str) -> str | None:
    """The state an ACLED actor name belongs to: "Military Forces of Azerbaijan (2003-)" -> Azerbaijan,
    "Civilians (Afghanistan)" -> Afghanistan; a national group named without a country ("Taliban") belongs
    to the country where the event happened."""
    if not actor:
        return None
    match = re.search(r"\bof ([A-Z][\w' -]+?)(?: \(|$)", actor) or re.search(r"\(([A-Z][A-Za-z' -]+)\)", actor)
    if match and not match.group(1)[0].isdigit():
        return match.group(1).strip()
    return event_country or None


def _parse_date(text: str) -> date | None:
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _int(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def publication_date(row: GoldRow) -> str | None:
    """A note stands for the news report the coder read, which was published on the event's day or up to two
    days after it (varied by row). Many notes write no year ("On 21 September, ..."): like any reader of a
    news report, frontwire takes the year from the report's date, not from the coder's answer."""
    if row.event_date is None:
        return None
    return (row.event_date + timedelta(days=fold_of(row.row_id, 3))).isoformat()


def fold_of(row_id: str, folds: int) -> int:
    """The fold a row belongs to, from its id alone: the same on every run, every machine and every scorer,
    and a row keeps its fold when rows are added to or removed from the export."""
    return int(hashlib.sha256(row_id.encode()).hexdigest(), 16) % folds


def evaluate_acled(paths: Sequence[Path], settings: Settings, *, folds: int = 5, limit: int | None = None
                   ) -> AcledReport:
    """Cross-validate frontwire on the notes of ``paths``; ``limit`` scores only the first N rows (quick runs)."""
    rows = read_rows(paths)
    if not rows:
        raise GoldError("no ACLED rows with notes were found", hint="check the CSV paths")
    scored = rows[:limit] if limit else rows
    predictions: dict[str, dict[str, Any] | None] = {}
    for k in range(folds):
        train = [r for r in rows if fold_of(r.row_id, folds) != k]
        test = [r for r in scored if fold_of(r.row_id, folds) == k]
        if not test:
            continue
        classifier = train_classifier([r.notes for r in train], [r.sub_event_type for r in train])
        pipeline = Pipeline(settings, classifier=classifier)
        raws = [RawDocument(id=f"acled-{r.row_id}", text=r.notes, origin=f"{r.file}:{r.row_id}",
                            published_at=publication_date(r), source=r.source,
                            countries=(r.country,) if r.country else ()) for r in test]
        for row, result in zip(test, pipeline.run(raws), strict=True):
            predictions[row.row_id] = result.claims[0].to_dict() if result.claims else None
    return score_rows(scored, predictions)


def score_rows(rows: Sequence[GoldRow], predictions: dict[str, dict[str, Any] | None]) -> AcledReport:
    report = AcledReport()
    hits: dict[str, list[bool]] = defaultdict(list)
    per_type: dict[str, list[bool]] = defaultdict(list)
    confusions: Counter[tuple[str, str]] = Counter()
    for row in rows:
        p = predictions.get(row.row_id) or {}
        predicted_type = p.get("sub_event_type") or "(none)"
        ok = predicted_type == row.sub_event_type
        hits["sub_event_type"].append(ok)
        per_type[row.sub_event_type].append(ok)
        if not ok:
            confusions[(row.sub_event_type, predicted_type)] += 1
        hits["event_type"].append(p.get("event_type") == row.event_type)
        hits["found"].append(bool(p))
        hits["actor1"].append(bool(p.get("actor1")) and p.get("actor1") == row.actor1)
        if row.actor1_country:
            hits["actor1_country"].append(p.get("actor1_country") == row.actor1_country)
        if row.fatalities is not None:
            hits["fatalities"].append(p.get("fatalities") == row.fatalities
                                      or (p.get("fatalities") is None and row.fatalities == 0))
        if row.event_date:
            hits["event_date"].append(p.get("event_date") == row.event_date.isoformat())
        if row.latitude is not None and row.longitude is not None:
            near = (p.get("latitude") is not None and p.get("longitude") is not None
                    and distance_km(row.latitude, row.longitude, p["latitude"], p["longitude"]) <= NEAR_KM)
            hits["location_10km"].append(near)
        if row.admin1:
            hits["admin1"].append(same_name(p.get("admin1"), row.admin1))
    s = report.scores
    for name, values in hits.items():
        s[name] = sum(values) / len(values) if values else 0.0
    type_scores = {t: sum(v) / len(v) for t, v in per_type.items()}
    s["sub_event_type_macro"] = sum(type_scores.values()) / len(type_scores) if type_scores else 0.0
    report.lines.append(f"{len(rows)} notes scored")
    report.lines.append("sub-event type agreement by coder's type:")
    for t, value in sorted(type_scores.items(), key=lambda kv: -len(per_type[kv[0]])):
        report.lines.append(f"  {t:<40} {value:6.1%}  (n={len(per_type[t])})")
    report.lines.append("main confusions (coder -> frontwire):")
    for (gold_type, predicted), n in confusions.most_common(12):
        report.lines.append(f"  {n:4d}  {gold_type} -> {predicted}")
    return report
