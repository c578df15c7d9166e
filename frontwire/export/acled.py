"""A merged event as one ACLED-shaped row: ACLED's export columns, names and order, then frontwire's own.

    row = event_row(event)          # typed values: dates as ``date``, counts as ``int``, lists as ``list``
    flat = flat_row(row)            # one scalar per column: lists joined, dates as YYYY-MM-DD (CSV, GeoJSON)

``event`` is the dict ``frontwire.ledger.event_to_dict`` gives (what ``frontwire events --format jsonl`` prints).
The CSV, GeoJSON and Parquet exports all write these rows, so a column means the same thing in each.

What ACLED has and frontwire cannot know stays empty, never guessed: ``data_id`` and ``event_id_no_cnty`` are
ACLED's database numbers; ``assoc_actor_1``/``assoc_actor_2`` and ``admin3`` are not coded by frontwire;
``timestamp`` is when ACLED last changed its row (see ``event_row``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from frontwire.reference.codes import codes_of_country

# ACLED's export header, names and order as its data export tool writes them (a public format).
ACLED_COLUMNS = (
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "timestamp", "iso3",
)
# What frontwire adds after ACLED's columns: the claims behind the event and the fields ACLED keeps only in prose.
FRONTWIRE_COLUMNS = (
    "claims_count", "sources_independent", "disputed", "claimants", "outlets", "evidence", "date_start",
    "date_end", "place_id", "supporting_sides", "modality", "losses", "disorder_type", "actor1_country",
    "actor2_country", "disputes", "doc_ids", "confidence",
)
EXPORT_COLUMNS = ACLED_COLUMNS + FRONTWIRE_COLUMNS

# How list columns become one cell: names as ACLED joins its sources ("Xinhua; Khaama Press"); evidence sentences
# with a bar, since sentences carry semicolons of their own.
LIST_SEPARATOR = "; "
EVIDENCE_SEPARATOR = " | "
LIST_COLUMNS = ("claimants", "outlets", "evidence", "supporting_sides", "losses", "disputes", "doc_ids")


def country_codes(event: Mapping[str, Any]) -> dict[str, Any]:
    """ACLED's ``iso`` (numeric ISO 3166), ``iso3`` and ``region`` for the event's country; each None where the
    country has no ISO code ("Artsakh") or the event has no country."""
    codes = codes_of_country(event.get("country"))
    if codes is None:
        return {"iso": None, "iso3": None, "region": None}
    return {"iso": codes.iso_numeric, "iso3": codes.iso3, "region": codes.region}


def event_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """One merged event as a row of ``EXPORT_COLUMNS`` with typed values (None where unknown).

    A record that is not a merged event (one ``frontwire extract`` claim, with no ``claims``) counts as its own
    single claim, so the exports also take extraction output.
    """
    claims: list[Mapping[str, Any]] = list(event.get("claims") or [event])
    day = _day(event.get("event_date"))
    first_day = day or _day(event.get("date_start"))
    outlets = sorted({c["reported_by"] for c in claims if c.get("reported_by")})
    row: dict[str, Any] = {
        "data_id": None,
        **country_codes(event),
        "event_id_cnty": event.get("event_id"),
        "event_id_no_cnty": None,
        # ISO dates, as ACLED's API and current exports write them (older files spell "21 March 2020"); pandas,
        # R and QGIS read them as dates without a format string.
        "event_date": day,
        "year": first_day.year if first_day else None,
        "time_precision": _int(event.get("time_precision")),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "actor1": event.get("actor1"),
        "assoc_actor_1": None,
        "inter1": _int(event.get("inter1")),
        "actor2": event.get("actor2"),
        "assoc_actor_2": None,
        "inter2": _int(event.get("inter2")),
        "interaction": _int(event.get("interaction")),
        "country": event.get("country"),
        "admin1": event.get("admin1"),
        "admin2": event.get("admin2"),
        "admin3": None,
        "location": event.get("location"),
        "latitude": _float(event.get("latitude")),
        "longitude": _float(event.get("longitude")),
        "geo_precision": _int(event.get("geo_precision")),
        # ACLED's sources are the reports it coded from: the outlets whose texts frontwire read.
        "source": LIST_SEPARATOR.join(outlets) or None,
        "source_scale": event.get("source_scale"),
        "notes": event.get("notes"),
        # Null where the reports give no figure: ACLED would code 0 or its own estimate, and writing either would
        # say more than the sources did. An empty cell reads as missing in pandas and R.
        "fatalities": _int(event.get("fatalities")),
        # ACLED's timestamp is when its row last changed. The ledger re-merges events from their claims and keeps
        # no such time per event (an event's id is a hash of its claims: a changed event is a new one), and the
        # time of the export would make two exports of one store differ. Empty.
        "timestamp": None,
        "claims_count": len(claims),
        "sources_independent": _int(event.get("sources_independent")),
        "disputed": bool(event.get("disputed")),
        "claimants": sorted({name for c in claims if (name := _claimant(c))}),
        "outlets": outlets,
        "evidence": evidence_sentences(claims),
        "date_start": _day(event.get("date_start")),
        "date_end": _day(event.get("date_end")),
        "place_id": event.get("place_id"),
        "supporting_sides": list(event.get("supporting_sides") or []),
        "modality": event.get("modality"),
        "losses": [_loss(loss) for loss in event.get("losses") or []],
        "disorder_type": event.get("disorder_type"),
        "actor1_country": event.get("actor1_country"),
        "actor2_country": event.get("actor2_country"),
        "disputes": [_dispute(d) for d in event.get("disputes") or []],
        "doc_ids": list(dict.fromkeys(c["doc_id"] for c in claims if c.get("doc_id"))),
        "confidence": _float(event.get("confidence")),
    }
    return {column: row[column] for column in EXPORT_COLUMNS}


def flat_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """``row`` with one scalar per column (str, int, float, bool or None): dates as YYYY-MM-DD, lists joined."""
    return {column: _flat(column, value) for column, value in row.items()}


def evidence_sentences(claims: Iterable[Mapping[str, Any]]) -> list[str]:
    """The sentences every claim's evidence quotes, each once, whitespace collapsed so a cell stays on one line.

    A claim's evidence holds its sentence first, then the names it was read from (the place, the place's context,
    the speaker) and any further sentence. Spans carry no kind, so the names are told apart by shape: a span inside
    another span of its claim is left out, and so is one that does not read as a sentence (a speaker named in a
    sentence of its own, "Armenia's Defence Ministry"). The claim's first span is its sentence, whatever its shape.
    """
    sentences: dict[str, None] = {}
    for claim in claims:
        spans = [s for s in claim.get("evidence") or [] if s.get("text")]
        for i, span in enumerate(spans):
            if any(other is not span and _inside(span, other) for other in spans):
                continue
            if i == 0 or _reads_as_sentence(span["text"]):
                sentences.setdefault(" ".join(span["text"].split()), None)
    return list(sentences)


def format_loss(loss: Mapping[str, Any]) -> str:
    """ "Armenia: 3 tank destroyed"; a side or count the text does not give is "?"."""
    count = loss.get("count")
    what = loss.get("item") or loss.get("category") or "?"
    status = f" {loss['status']}" if loss.get("status") else ""
    return f"{loss.get('side') or '?'}: {count if count is not None else '?'} {what}{status}"


def _flat(column: str, value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        if column == "losses":
            value = [format_loss(loss) for loss in value]
        separator = EVIDENCE_SEPARATOR if column == "evidence" else LIST_SEPARATOR
        return separator.join(str(v) for v in value) or None
    return value


def _claimant(claim: Mapping[str, Any]) -> str | None:
    # the ledger's rule (``frontwire.ledger.reading.claimant``) on the dict: claimant, first link, else the outlet
    chain = claim.get("claim_chain") or []
    return claim.get("claimed_by") or (chain[0] if chain else None) or claim.get("reported_by")


# Lowercase words that names contain ("Ministry of Defence of Azerbaijan", "Ahrar al-Sham"): not a sign of a clause.
_NAME_PARTICLES = frozenset({"of", "the", "and", "for", "de", "del", "al", "el", "in", "on", "bin", "ibn", "van", "von"})


def _reads_as_sentence(text: str) -> bool:
    """At least four words, two of them lowercase words that are not name particles: a clause, not a name."""
    words = text.split()
    clause_words = [w for w in words if w[:1].islower() and w.lower().split("-")[0] not in _NAME_PARTICLES]
    return len(words) >= 4 and len(clause_words) >= 2


def _inside(span: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    if len(span["text"]) >= len(other["text"]):
        return False
    start, end, o_start, o_end = span.get("start"), span.get("end"), other.get("start"), other.get("end")
    if isinstance(start, int) and isinstance(end, int) and isinstance(o_start, int) and isinstance(o_end, int):
        return o_start <= start and end <= o_end
    return span["text"] in other["text"]


def _loss(loss: Mapping[str, Any]) -> dict[str, Any]:
    return {"side": loss.get("side"), "category": loss.get("category"), "item": loss.get("item"),
            "count": _int(loss.get("count")), "status": loss.get("status")}


def _dispute(dispute: Mapping[str, Any]) -> str:
    values = " / ".join(f"{v.get('value')} ({v.get('claimed_by') or '?'})" for v in dispute.get("values") or [])
    return f"{dispute.get('field')}: {values}"


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _int(value: Any) -> int | None:
    return None if value is None or value == "" else int(value)


def _float(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)
