"""The records that flow between frontwire's stages.

Every record is a frozen dataclass. Anything shown to a user points into the cleaned document text by
character offsets (``Span``), so a field can always be shown in its sentence.

Data flow::

    RawDocument --clean--> Document --nlp--> (spaCy Doc) --extract--> EventFrame
    EventFrame --geo--> Place, --dates--> EventDate, --assemble--> Claim --ledger--> Event

A ``Claim`` is what one document asserts about one happening: it carries every field of the event record
in SCHEMA.md. An ``Event`` (ledger) is the merge of claims describing the same happening.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

MODALITIES = ("asserted", "denied", "hypothetical", "planned", "historical")
LOSS_STATUSES = ("destroyed", "damaged", "captured", "abandoned", "shot down", "killed", "wounded")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the cleaned text: ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text by offsets, as the nlp stage splits it once for every later stage, with the
    paragraph (the count of non-empty lines before it) it stands in."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Removed:
    """Something cleaning dropped from the article, and why (``reason`` is a short code)."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input article as read, before cleaning. Exactly one of ``text`` and ``html`` is set."""

    id: str | None
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published_at: str | None = None
    language: str | None = None
    origin: str = "<unknown>"  # where it came from: a path, "path:line", or "<stdin>:line"
    # the countries the feed covers ("a per-country feed", ``--country``), as frontwire spells them
    countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article: the text a reader would see, with what was removed and why."""

    id: str
    text: str
    title: str | None = None
    published_at: date | None = None
    published_at_source: str | None = None  # given, dateline, caption, weekday, ...
    source: str | None = None
    url: str | None = None
    language: str | None = None
    headings: tuple[Span, ...] = ()
    captions: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    status: str = "ok"  # ok, unsupported_language, no_article, failed
    error: str | None = None
    content_hash: str = ""
    origin: str = "<unknown>"
    countries: tuple[str, ...] = ()  # the feed's countries: where its events are, unless the text says otherwise

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "published_at_source": self.published_at_source,
            "source": self.source,
            "url": self.url,
            "language": self.language,
            "text": self.text,
            "headings": [h.to_dict() for h in self.headings],
            "captions": list(self.captions),
            "removed": [r.to_dict() for r in self.removed],
            "status": self.status,
            "error": self.error,
            "content_hash": self.content_hash,
            "countries": list(self.countries),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        published = data.get("published_at")
        return cls(
            id=data["id"],
            text=data["text"],
            title=data.get("title"),
            published_at=date.fromisoformat(published) if published else None,
            published_at_source=data.get("published_at_source"),
            source=data.get("source"),
            url=data.get("url"),
            language=data.get("language"),
            headings=tuple(Span(**h) for h in data.get("headings", ())),
            captions=tuple(data.get("captions", ())),
            removed=tuple(Removed(**r) for r in data.get("removed", ())),
            status=data.get("status", "ok"),
            error=data.get("error"),
            content_hash=data.get("content_hash", ""),
            countries=tuple(data.get("countries", ())),
        )


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, ACLED style. ``geo_precision``: 1 the place, 2 near/district, 3 region."""

    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    place_id: str | None = None
    evidence: Span | None = None  # the name in the text that decided it
    reason: str | None = None  # how it was chosen ("district named in text", ...)


@dataclass(frozen=True, slots=True)
class EventDate:
    """When: ACLED's single date, the range the text allows, and ``time_precision`` (1 day, 2 week, 3 month)."""

    event_date: date
    date_start: date
    date_end: date
    time_precision: int = 1
    expression: Span | None = None  # the expression that decided it
    reason: str | None = None  # e.g. "'on Sunday' against published 2020-11-02"


@dataclass(frozen=True, slots=True)
class Loss:
    side: str | None
    category: str
    item: str
    count: int | None
    status: str

    def to_dict(self) -> dict[str, Any]:
        return {"side": self.side, "category": self.category, "item": self.item, "count": self.count,
                "status": self.status}


@dataclass(frozen=True, slots=True)
class EventFrame:
    """What extraction finds for one event before it is placed and dated.

    ``anchor`` is the sentence (or clause) the event comes from; ``place_names`` the names extraction tied
    to this event, best first (a listed village); ``place_context`` the district/region/direction names the
    text gives for it ("villages of Jabrayil"). Geo and dates read the anchor themselves when these are empty.
    """

    event_type: str
    sub_event_type: str
    disorder_type: str
    anchor: Span
    actor1: str | None = None
    actor1_country: str | None = None
    actor2: str | None = None
    actor2_country: str | None = None
    inter1: int = 0
    inter2: int = 0
    interaction: int = 0
    place_names: tuple[Span, ...] = ()
    place_context: tuple[Span, ...] = ()
    fatalities: int | None = None
    losses: tuple[Loss, ...] = ()
    claimed_by: str | None = None
    claim_chain: tuple[str, ...] = ()
    modality: str = "asserted"
    evidence: tuple[Span, ...] = ()
    confidence: float = 0.5
    country_hints: tuple[str, ...] = ()  # conflict countries the text implies, best first
    # whether the geo stage may take any name the anchor sentence holds for the place (a coder's note names its
    # place plainly); an article's extraction already chose the places its sentences give, so a capitalised word
    # left in its sentence ("Palmer marched", "a former U.S. Marine") is no fallback
    read_anchor: bool = True
    # the town the article is about (its headline and first reports name it): where the event is when its own
    # sentences name only the region or country that holds it, or nothing
    home_place: Span | None = None
    # civilians, protesters or gunmen the text names without a nationality: they belong to the country the event
    # is found in, which only the geo stage knows for sure ("killing eight civilians" in Kharkiv are Ukraine's)
    actor1_local: bool = False
    actor2_local: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFields:
    """The fields of SCHEMA.md's event record, declared once for the two records that carry them.

    A ``Claim`` holds what one document asserts; a ledger ``Event`` holds the ledger's reading of all the
    claims merged into it. Each adds its own identity (``claim_id``, ``event_id``) and nothing else repeats.
    """

    doc_id: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    event_date: date | None
    date_start: date | None
    date_end: date | None
    time_precision: int | None
    actor1: str | None = None
    actor1_country: str | None = None
    actor2: str | None = None
    actor2_country: str | None = None
    inter1: int = 0
    inter2: int = 0
    interaction: int = 0
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    place_id: str | None = None
    fatalities: int | None = None
    losses: tuple[Loss, ...] = ()
    claimed_by: str | None = None
    claim_chain: tuple[str, ...] = ()
    reported_by: str | None = None
    modality: str = "asserted"
    evidence: tuple[Span, ...] = ()
    notes: str = ""
    confidence: float = 0.5
    source_scale: str | None = None
    date_reason: str | None = None
    place_reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim(EventFields):
    """One document's assertion of one event: the event record of SCHEMA.md, identified by ``claim_id``.

    ``claim_id`` is stable (a hash of the document's content and the claim's place in it). The ledger's
    merged event gets its own ``event_id``; out of ``extract`` (no ledger) a claim is its own event, so
    ``to_dict`` writes the id under SCHEMA's ``event_id``.
    """

    claim_id: str

    def to_dict(self) -> dict[str, Any]:
        """SCHEMA.md's event record of this claim: its id as ``event_id`` first, then every event field."""
        out = fields_to_dict(self, skip=frozenset({"claim_id"}))
        return {"event_id": self.claim_id, **out}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        names = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in names}
        kwargs["claim_id"] = data.get("claim_id") or data["event_id"]
        for key in ("event_date", "date_start", "date_end"):
            if kwargs.get(key):
                kwargs[key] = date.fromisoformat(kwargs[key])
        kwargs["losses"] = tuple(Loss(**loss) for loss in data.get("losses", ()))
        kwargs["evidence"] = tuple(Span(**s) for s in data.get("evidence", ()))
        kwargs["claim_chain"] = tuple(data.get("claim_chain", ()))
        return cls(**kwargs)


def fields_to_dict(record: Any, *, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A claim-like record as JSON-ready values: ISO dates, losses and evidence as dicts, tuples as lists."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        if f.name in skip:
            continue
        value = getattr(record, f.name)
        if isinstance(value, date):
            value = value.isoformat()
        elif f.name == "losses":
            value = [loss.to_dict() for loss in value]
        elif f.name == "evidence":
            value = [span.to_dict() for span in value]
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be processed: where, at which stage, and why (one line)."""

    origin: str
    stage: str
    reason: str
    doc_id: str | None = None


@dataclass(slots=True)
class Batch:
    """The outcome of running the pipeline over some inputs."""

    documents: list[Document] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
