"""Run the stages over documents: clean -> nlp -> extract -> geo -> dates -> claims.

    pipeline = Pipeline(Settings.load())
    for result in pipeline.run(iter_raw_documents(paths, settings)):
        result.document, result.claims, result.failure

Documents are parsed in batches (``nlp.pipe``). One bad document never stops the batch: it comes back with a
``Failure`` naming its stage and reason, and the next document goes on.
"""

from __future__ import annotations

import gc
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from frontwire.clean import clean_raw
from frontwire.config import Settings
from frontwire.dates import resolve_event_date
from frontwire.errors import FrontwireError
from frontwire.extract import NOTE_MAX_CHARS, compose_notes, extract_frames, note_texts
from frontwire.extract.actors import local_actor
from frontwire.extract.classifier import load_classifier
from frontwire.extract.events import absorb_placed, family, merge_frames, merge_placed, place_day_key
from frontwire.extract.reports import load_report_model
from frontwire.geo import get_gazetteer, resolve_event_place
from frontwire.geo.context import distance_km
from frontwire.geo.gazetteer import Gazetteer
from frontwire.nlp import parse
from frontwire.nlp import sentences as split_sentences
from frontwire.records import Claim, Document, EventDate, EventFrame, Failure, Place, RawDocument
from frontwire.reference import use_reference_dir

log = logging.getLogger("frontwire.pipeline")


@dataclass(slots=True)
class Result:
    """One input's outcome: its document (if it could be read), its claims, and its failure (if any)."""

    document: Document | None
    claims: list[Claim] = field(default_factory=list)
    failure: Failure | None = None


def clean_item(item: RawDocument | Failure) -> Document | Result:
    """Clean one input: its ``Document`` (coded or not, as its status says), or the ``Result`` holding its failure
    when it could not be read or cleaned."""
    if isinstance(item, Failure):
        return Result(document=None, failure=item)
    try:
        return clean_raw(item)
    except FrontwireError as exc:
        return Result(document=None, failure=Failure(item.origin, exc.stage, str(exc), item.id))


_SETTLED = False


def _settle() -> None:
    """Once a process: move what is alive now (the models, gazetteer and tables loaded, which live as long as the
    process) out of the garbage collector's sight, after a last collection of what is not: the collector otherwise
    walks their millions of objects again on every full collection, 0.4 s each, several in a thousand notes."""
    global _SETTLED
    if not _SETTLED:
        _SETTLED = True
        gc.collect()
        gc.freeze()


def not_coded(document: Document) -> Result:
    """The outcome of a cleaned document that is stored but not coded (no article, another language)."""
    failure = Failure(document.origin, "clean", document.error or document.status, document.id)
    return Result(document=document, failure=failure)


class Pipeline:
    """The whole chain of stages, built once (the spaCy model and gazetteer load when first needed)."""

    def __init__(self, settings: Settings | None = None, *, classifier: Any = None) -> None:
        self.settings = settings or Settings()
        self._classifier = classifier
        self._report_model: Any = None
        if self.settings.reference_dir is not None:
            # the reference tables are read through one accessor in every stage (the ledger's too): the pipeline
            # names the user's folder for it
            use_reference_dir(self.settings.reference_dir)

    # What extraction reads besides the text is loaded once here and handed to every document: no stage
    # loads its own.
    @property
    def classifier(self) -> Any:
        if self._classifier is None:
            self._classifier = load_classifier()
        return self._classifier

    @property
    def report_model(self) -> Any:
        if self._report_model is None:
            self._report_model = load_report_model()
        return self._report_model

    @property
    def gazetteer(self) -> Gazetteer:
        """The bundled gazetteer with the user's imports (``gazetteer_dir``), cached per process."""
        return get_gazetteer(self.settings.gazetteer_dir)

    def load(self) -> Pipeline:
        """Load now what the stages read (the spaCy model, the gazetteer, the classifiers, the reference tables,
        the language profiles), rather than in the first batch; return the pipeline. A benchmark times coding
        apart from loading, and a worker loads before its first task."""
        from frontwire.clean.language import load_profiles
        from frontwire.nlp import load_nlp
        from frontwire.reference import reference

        load_nlp(self.settings.spacy_model)
        self.gazetteer, self.classifier, self.report_model, reference()  # noqa: B018 - loading is the point
        load_profiles()
        _settle()
        return self

    def run(self, items: Iterable[RawDocument | Failure], *, skip: Any = None) -> Iterator[Result]:
        """Process ``items`` in order, yielding one ``Result`` per item.

        ``skip(content_hash) -> bool`` lets a caller (the store) skip documents it already holds, before the
        costly stages run.
        """
        batch: list[Document] = []
        for item in items:
            document = clean_item(item)
            if isinstance(document, Result):
                yield document
                continue
            if skip is not None and skip(document.content_hash):
                continue
            if document.status != "ok":
                yield not_coded(document)
                continue
            batch.append(document)
            if len(batch) >= self.settings.batch_size:
                yield from self._process_batch(batch)
                batch = []
                _settle()  # everything the stages load is loaded by the end of the first batch
        if batch:
            yield from self._process_batch(batch)

    def code_batch(self, documents: list[Document]) -> list[Result]:
        """Parse, extract, place and date one batch of cleaned documents, as ``run`` does with each batch it
        gathers: the unit of work a worker process or a cluster task runs (``frontwire.engine``)."""
        return list(self._process_batch(documents))

    def _process_batch(self, documents: list[Document]) -> Iterator[Result]:
        # a text short enough to be a coder's note is parsed without its entities, which a note's stages seldom read
        # (``frontwire.nlp.entities`` recognises them when one does)
        parsed = parse((d.text for d in documents), model=self.settings.spacy_model,
                       batch_size=self.settings.batch_size, entities_from=NOTE_MAX_CHARS)
        if self.classifier is not None:
            self.classifier.expect(note_texts(documents))
        gazetteer = self.gazetteer  # once a batch: it looks for new imports on disk each time it is asked for
        for document, doc in zip(documents, parsed, strict=True):
            try:
                claims = self.claims_for_document(document, doc, gazetteer)
            except Exception as exc:  # noqa: BLE001 - one document's bug must not stop the batch
                log.debug("extraction failed for %s", document.origin, exc_info=True)
                reason = f"{document.origin}: extraction failed ({type(exc).__name__}: {exc}); please report it"
                failed = replace(document, status="failed", error=reason)
                yield Result(document=failed, failure=Failure(document.origin, "extract", reason, document.id))
                continue
            yield Result(document=document, claims=claims)

    def claims_for_document(self, document: Document, doc: Any, gazetteer: Gazetteer | None = None) -> list[Claim]:
        """Extract, place and date every event of one parsed document (against ``gazetteer``, the pipeline's
        unless given)."""
        sentences = split_sentences(doc, document.text)  # the one split every stage below reads
        gazetteer = self.gazetteer if gazetteer is None else gazetteer
        frames = extract_frames(document, doc, classifier=self.classifier, report_model=self.report_model,
                                gazetteer=gazetteer, sentences=sentences)
        placed = [Placed(frame, resolve_event_place(frame, document, gazetteer),
                         resolve_event_date(frame, document, sentences=sentences))
                  for frame in frames]
        # a happening dated weeks before the report is its background, however its sentence reads ("After Hung
        # tried to run over protesters in Pasadena on May 31, ..." in a September story)
        placed = [p for p in placed if not _history(p, document)]
        # ... and so is one elsewhere that it dates only to a week or a month ("a diner in Washington D.C. was
        # cornered last week") beside its own happenings dated to the day
        placed = _without_recalled(placed)
        # the same happening told twice ("the capital", "Minsk") is one event once both are placed and dated
        placed = merge_placed(placed, key=_happening, merge=_merge)
        # ... and so is one told at a district or landmark of a city and at the city itself the same day
        placed = _into_cities(placed, gazetteer)
        # ... and the looting of a place taken that day is part of the takeover (the codebook's 'absorbs')
        placed = absorb_placed(placed, key=_place_day, kind=lambda p: p.frame.sub_event_type, merge=_merge)
        return [assemble_claim(document, p, index) for index, p in enumerate(placed)]


@dataclass(frozen=True, slots=True)
class Placed:
    """An event frame with the place and date the geo and dates stages gave it."""

    frame: EventFrame
    place: Place | None
    when: EventDate | None


HISTORY_DAYS = 30  # a happening that ended this long before the report is history, not news
RECALLED_DAYS = 6  # a happening dated only to a span this long or longer ("last week") is dated loosely
CITY_POPULATION = 300_000  # a city this big is where its districts' and landmarks' happenings are
CITY_KM_PER_ROOT_MILLION = 7.0  # its districts lie within 7 km times the square root of its millions of people


def _into_cities(placed: list[Placed], gazetteer: Gazetteer) -> list[Placed]:
    """Fold an event at a district or landmark of a city ("MPs returned to Westminster", "outside Holyrood",
    "Chadstone") into the event at that city on the same day, of one family of types: ACLED codes one event per
    town per day. A town of its own beyond the city's reach (Ashton-under-Lyne beside Manchester) stays apart,
    and so do the districts of a city that is its own country (Hong Kong's Mong Kok and Jordan)."""
    out: list[Placed | None] = list(placed)
    for k, city in enumerate(out):
        size = _population(city.place, gazetteer) if city is not None else 0
        if city is None or size < CITY_POPULATION:
            continue
        parts = [j for j, p in enumerate(out) if p is not None and j != k and _part_of(p, city, size, gazetteer)]
        for j in parts:
            part = out[j]
            assert part is not None
            sharper = part.place is not None and city.place is not None and \
                part.place.place_id == city.place.place_id and part.place.geo_precision < city.place.geo_precision
            if city.when is not None and city.when.expression is None and part.when is not None:
                city = replace(city, when=part.when)  # the day the words give, over the publication's fallback
            city = _merge(city, part)
            if sharper:
                city = replace(city, place=part.place)  # "Edinburgh" itself over "the Scottish Parliament" in it
            out[j] = None
        out[k] = city
    return [p for p in out if p is not None]


def _population(place: Place | None, gazetteer: Gazetteer) -> int:
    found = gazetteer.by_id(place.place_id) if place is not None and place.place_id else None
    return found.population if found is not None and found.kind == "place" else 0


def _part_of(part: Placed, city: Placed, size: int, gazetteer: Gazetteer) -> bool:
    a, b = part.place, city.place
    if a is None or b is None or a.latitude is None or b.latitude is None or a.longitude is None or \
            b.longitude is None or (a.geo_precision or 3) > 2 or (b.geo_precision or 3) > 2 or \
            b.location == b.country or a.location == b.location:
        return False
    if part.when is None or city.when is None or not _same_day(part.when, city.when) or \
            part.frame.modality != city.frame.modality or \
            family(part.frame.sub_event_type) != family(city.frame.sub_event_type):
        return False
    smaller = a.place_id == b.place_id or _population(a, gazetteer) * 10 <= size
    reach = CITY_KM_PER_ROOT_MILLION * (size / 1_000_000) ** 0.5
    return smaller and distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= reach


def _without_recalled(placed: list[Placed]) -> list[Placed]:
    """Drop the happenings an article recalls for comparison: dated by their own words only to a week or a month
    ("last week", "earlier this week"; not "over the weekend") at a place where none of the article's happenings
    dated to the day is."""
    days = {p.place.place_id or p.place.location for p in placed
            if p.when is not None and p.when.time_precision == 1 and p.place is not None}
    if not days:
        return placed
    return [p for p in placed if p.when is None or p.when.expression is None or p.place is None
            or (p.when.date_end - p.when.date_start).days < RECALLED_DAYS
            or (p.place.place_id or p.place.location) in days]


def _same_day(a: EventDate, b: EventDate) -> bool:
    """Whether two dates can be the one day of one happening: the same day, or one the text does not give (the
    publication day's fallback) whose range holds the day the other's words give ("a truck plowed into
    protesters in Los Angeles" in the lead, "on Thursday night ... in Hollywood" below)."""
    if a.event_date == b.event_date:
        return True
    undated, dated = (a, b) if a.expression is None else (b, a)
    return undated.expression is None and dated.expression is not None and \
        undated.date_start <= dated.event_date <= undated.date_end


def _history(p: Placed, document: Document) -> bool:
    end = p.when.date_end or p.when.event_date if p.when else None
    return end is not None and document.published_at is not None and \
        (document.published_at - end).days > HISTORY_DAYS


def _happening(p: Placed) -> tuple[Any, ...] | None:
    where = _place_day(p)
    return None if where is None else (family(p.frame.sub_event_type), *where)


def _place_day(p: Placed) -> tuple[Any, ...] | None:
    return place_day_key(p.frame.modality, p.place, p.when.event_date if p.when else None)


def _merge(a: Placed, b: Placed) -> Placed:
    return replace(a, frame=merge_frames(a.frame, b.frame))


def assemble_claim(document: Document, placed: Placed, index: int) -> Claim:
    """Turn a placed and dated frame into the ``Claim`` (event record) this document makes."""
    frame, place, when = placed.frame, placed.place, placed.when
    on = when.event_date if when else None
    country = place.country if place else None
    actor1, actor1_country = local_actor(frame.actor1, frame.actor1_country, country, on, unnamed=frame.actor1_local)
    actor2, actor2_country = local_actor(frame.actor2, frame.actor2_country, country, on, unnamed=frame.actor2_local)
    chain = list(frame.claim_chain)
    if document.source and (not chain or chain[-1] != document.source):
        chain.append(document.source)
    claim = Claim(
        claim_id=claim_id(document, frame, index),
        doc_id=document.id,
        event_type=frame.event_type,
        sub_event_type=frame.sub_event_type,
        disorder_type=frame.disorder_type,
        event_date=when.event_date if when else None,
        date_start=when.date_start if when else None,
        date_end=when.date_end if when else None,
        time_precision=when.time_precision if when else None,
        actor1=actor1,
        actor1_country=actor1_country,
        actor2=actor2,
        actor2_country=actor2_country,
        inter1=frame.inter1,
        inter2=frame.inter2,
        interaction=frame.interaction,
        country=place.country if place else (frame.country_hints[0] if frame.country_hints else None),
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        location=place.location if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else 3,
        place_id=place.place_id if place else None,
        fatalities=frame.fatalities,
        losses=frame.losses,
        claimed_by=frame.claimed_by,
        claim_chain=tuple(chain),
        reported_by=document.source,
        modality=frame.modality,
        evidence=frame.evidence or (frame.anchor,),
        confidence=frame.confidence,
        date_reason=when.reason if when else "no date in the text and no publication date",
        place_reason=place.reason if place else "no place found in the text",
    )
    return replace(claim, notes=compose_notes(claim))


def claim_id(document: Document, frame: EventFrame, index: int) -> str:
    """Stable: the same document content gives the same ids, whatever the run."""
    key = f"{document.content_hash}|{index}|{frame.sub_event_type}|{frame.anchor.start}"
    return "clm-" + hashlib.sha256(key.encode()).hexdigest()[:20]
