"""From a cleaned document and its parse to event frames: a coder's note read whole, an article read by its structure.

Two readings, as a coder would do it:

* a short note (an ACLED note, a wire brief, a one-line post) describes one event: the whole text is typed at once;
* an article is read in three steps: ``structure`` gives every sentence its role (report, background, reaction,
  plan, quote, caption, repeat, debris), ``mentions`` reads what each report, caption, repeat and quote says
  happened, and ``events`` turns the mentions of one happening into one event per place (the pipeline merges
  those the gazetteer puts at one place on one day).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from frontwire.extract.actors import find_actors, find_countries
from frontwire.extract.assemble import make_frame
from frontwire.extract.claims import find_speaker, is_historical, modality_of, quote_spans, speaker_of
from frontwire.extract.classifier import SubEventClassifier
from frontwire.extract.events import EVENT_MODALITIES, group_mentions
from frontwire.extract.geo_hints import (
    biggest_place,
    gazetteer_in_use,
    place_countries,
    state_anywhere,
    state_in_country,
)
from frontwire.extract.mentions import ArticleContext, read_mentions, source_speaker
from frontwire.extract.places import enumerated_settlements, event_places, listed_location_count
from frontwire.extract.quantities import coder_remark, count_fatalities
from frontwire.extract.reports import ReportModel, load_report_model
from frontwire.extract.roles import STATE_KINDS, assign_roles, bare_country_subject, generic_agent
from frontwire.extract.structure import Role, Unit, read_structure
from frontwire.extract.subevent import Typing, choose_sub_event, type_by_rules
from frontwire.nlp import entities as named_entities
from frontwire.records import Document, EventFrame, Sentence, Span
from frontwire.reference import reference

_NOTE_MAX_SENTENCES = 4
NOTE_MAX_CHARS = 1500  # a text this short of few sentences may be typed whole, as a coder's note


# how much a country named in a sentence of each role tells where the article's events are
_ROLE_WEIGHT = {Role.REPORT: 1.0, Role.QUOTE: 0.5, Role.CAPTION: 0.5, Role.REPEAT: 0.0, Role.BACKGROUND: 0.3,
                Role.REACTION: 0.3, Role.PLANNED: 0.3, Role.DEBRIS: 0.0}


def _home_country(text: str, units: list[Unit] | None = None) -> list[str]:
    """Countries the text names, where events happen first (see ``_country_scores``)."""
    scores = _country_scores(text, units)
    return sorted(scores, key=lambda c: -scores[c])


def _country_scores(text: str, units: list[Unit] | None = None) -> dict[str, float]:
    """Countries the text names, where events happen first: "in Yerevan" outweighs "the embassy of Germany", and
    a country the lead names outweighs one a background or reaction sentence names (an insurgency's threat to
    South Africa is not where an article on Mozambique's islands is)."""
    counts: dict[str, float] = {}
    adjectives = reference().adjectives
    for country, start, end in find_countries(text):
        before = text[max(0, start - 12):start]
        weight = 3.0 if re.search(r"\b(?:in|near|at|across|outside)\s+(?:the\s+)?$", before) else 1.0
        if text[start:end] in adjectives:
            weight = 0.5  # "the Afghan community", "Russian forces": whose, not where
        if re.search(r"\b(?:embassy|consulate|border|visit|of)\s+(?:of\s+)?(?:the\s+)?$", before, re.I):
            weight = 0.5
        unit = next((u for u in units or () if u.start <= start < u.end), None)
        if unit is not None:
            weight *= _ROLE_WEIGHT[unit.role] * (3.0 if unit.lead else 1.0)
        counts[country] = counts.get(country, 0) + weight
    return {c: w for c, w in counts.items() if w > 0}


LEAD_CITY_POPULATION = 100_000  # a town the lead places its story in, big enough to tell the country by its name


NAMED_ENOUGH = 1.5  # a country named this strongly (in a report sentence, or twice) is where the article is


def _lead_towns(units: list[Unit], entities: tuple[tuple[int, int, str], ...], text: str,
                title: str | None = None) -> list[tuple[Span, str, int, bool]]:
    """The places the article's first reports and its headline place the story in, as (span in the text, the
    country of the biggest place of that name, its population, whether it is a town rather than a state):
    "Melbourne's beaches", "the Oregon city" and "in Minsk" count; a headline's town counts where the text
    names it too."""
    found: list[tuple[Span, str, int, bool]] = []
    people = [(s, e) for s, e, label in entities if label in ("PERSON", "SURNAME")]

    def add(name: str, start: int, least: int = 0) -> None:
        if any(s <= start < e for s, e in people):
            return  # "Sam Newman's tweet": a person, not the story's town
        biggest = biggest_place(name)
        if biggest is not None and biggest[1] >= least:
            found.append((Span(name, start, start + len(name)), *biggest))

    reports = [u for u in units if u.role == Role.REPORT][:4]
    # an article of reactions ("X has been slammed for ...") places its story in the lines that react
    others = [u for u in units if u.role not in (Role.REPORT, Role.DEBRIS)][:6]

    for unit in reports + others:
        if unit.role != Role.REPORT and any(t[2] >= LEAD_CITY_POPULATION for t in found):
            break
        for p in event_places(unit.text, unit.start, list(entities)):
            if p.name is not None and p.kind != "country":
                add(p.name.text, p.name.start)
        # "The Oregon city", "Melbourne's beaches": a place named as a modifier tells the story's town too, if
        # it is a city (not "Taylor's apartment")
        for m in re.finditer(r"\b(?:The|the) ([A-Z][a-z]+) (?:city|state|capital)\b|\b([A-Z][a-z]+)['’]s\b", unit.text):
            group = 1 if m.group(1) else 2
            add(m.group(group), unit.start + m.start(group), 0 if group == 1 else LEAD_CITY_POPULATION)
    # a headline's names whole: "San Francisco", not "Francisco"; "St. Louis", not "Louis"; "Nancy Pelosi" is no
    # town
    for name in [n for n in re.findall(r"\b(?:(?:St|Ste|Mt|Ft)\.? )?[A-Z][a-z]+(?: [A-Z][a-z]+)*\b", title or "")
                 if len(n) > 3]:
        at = re.search(rf"\b{re.escape(name)}\b", text)  # the headline's town ("Melbourne during lockdown ...")
        if at is not None:
            add(name, at.start())
    return found


def _lead_first(scores: dict[str, float], towns: list[tuple[Span, str, int, bool]]) -> list[str]:
    """The country of the biggest town the article's first reports place their story in ("Melbourne": Australia)
    comes first unless those reports name it already: a single "Afghan" or "German" elsewhere in an article that
    never names its own country must not decide where its events are."""
    big = [t for t in towns if t[2] >= LEAD_CITY_POPULATION]
    lead = max(big, key=lambda t: t[2])[1] if big else None
    if lead is not None:
        # "women detained in Georgia" in a story from New York City: a state of the lead town's country that
        # bears a country's name counts for that country
        scores = dict(scores)
        for country in [c for c in scores if c != lead and state_in_country(c, lead)]:
            scores[lead] = scores.get(lead, 0.0) + scores.pop(country)
    named = sorted(scores, key=lambda c: -scores[c])
    if lead is None or lead in named[:1] or (named and scores[named[0]] >= NAMED_ENOUGH):
        return named
    return [lead, *(c for c in named if c != lead)]


def _lead_matters(scores: dict[str, float]) -> bool:
    """Whether the lead's towns can change the order ``_lead_first`` gives the countries of ``scores``: not where a
    country is named strongly enough to stand first whatever town leads, and none of them is also some country's
    state (whose score the lead town's country would take)."""
    return max(scores.values(), default=0.0) < NAMED_ENOUGH or any(state_anywhere(c) for c in scores)


def _home_town(towns: list[tuple[Span, str, int, bool]], country: str | None) -> Span | None:
    """The town the article is about: the one its first reports and headline name most, biggest first, in the
    article's country (where its events are when their own sentences name only a region or the country)."""
    here = [t for t in towns if t[1] == country and t[3]]
    if not here:
        return None
    counts: dict[str, int] = {}
    for span, *_ in here:
        counts[span.text] = counts.get(span.text, 0) + 1
    return max(here, key=lambda t: (counts[t[0].text], t[2]))[0]


# an opinion column: the columnist's name in capitals heads the title ("JANE DOE: Why ...", "JANE DOE Why ..."), or
# the title says who writes it ("..., writes Home Secretary JANE DOE"); its events are told by the news reports
_COLUMN = re.compile(r"^(?!(?:BREAKING|LIVE|UPDATE|WATCH|VIDEO|EXCLUSIVE|REVEALED|PICTURED|NEWS)\b)[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)"
                     r"{1,2}:?\s+[A-Z][a-z]|,\s+writes\s+[A-Z]|^(?:Opinion|Comment|Column|Editorial)\s*[:|-]")


def opinion_column(title: str | None) -> bool:
    """True when the title marks the article as an opinion column, which codes no events of its own."""
    return bool(title and _COLUMN.search(title))


def _entities(doc: Any, text: str) -> tuple[tuple[int, int, str], ...]:
    """The parser's named entities of the text, with the later bare uses of a person's surname (``_surnames``)."""
    found = named_entities(doc) if doc is not None else ()
    return found + _surnames(text, found)


def _surnames(text: str, entities: tuple[tuple[int, int, str], ...]) -> tuple[tuple[int, int, str], ...]:
    """Where the text names a person in full ("Lauren B. Victor"), each later bare use of the surname ("yelling
    at Victor") as a SURNAME entity: a person, never a place, whatever the gazetteer holds."""
    names = {re.sub(r"['’]s$", "", text[s:e].split()[-1]) for s, e, label in entities
             if label == "PERSON" and len(text[s:e].split()) >= 2}
    names = {n for n in names if n[:1].isupper() and len(n) > 2 and n.isalpha()}
    if not names:
        return ()
    covered = [(s, e) for s, e, label in entities if label in ("GPE", "LOC")]
    out = []
    for m in re.finditer(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names)) + r")\b", text):
        if not any(s <= m.start() < e for s, e in covered):
            out.append((m.start(), m.end(), "SURNAME"))
    return tuple(out)


def _feed_first(feed: tuple[str, ...], named: list[str]) -> list[str]:
    """The feed's countries first (a per-country feed's events happen there), then those the text names."""
    return list(dict.fromkeys((*feed, *named)))


def _partisan_outlet(source: str | None) -> bool:
    """True when the document's only source is a party's own outlet (ACLED codes its claims 0 fatalities)."""
    if not source or ";" in source:
        return False
    for outlet in reference().outlets:
        if outlet.party and (source == outlet.name or source in outlet.aliases):
            return True
    return False


def extract_frames(document: Document, doc: Any, *, classifier: SubEventClassifier | None = None,
                   report_model: ReportModel | None = None, gazetteer: Any = None,
                   sentences: Sequence[Sentence] | None = None, use_packaged: bool = True) -> list[EventFrame]:
    """The events a careful ACLED coder would code from ``document``, main event first.

    ``doc`` is the spaCy ``Doc`` of ``document.text`` and ``sentences`` its sentences as the nlp stage split
    them (from ``doc`` where not given). The pipeline hands in what extraction reads besides the text:
    ``classifier`` types sub-events together with the rules, ``report_model`` weighs which sentences tell a
    current event, ``gazetteer`` (the geo stage's, with the user's imports) tells which names are places and
    where. Left None, the packaged models and gazetteer are used; ``use_packaged=False`` runs the rules alone.
    """
    if classifier is None and use_packaged:
        from frontwire.extract.classifier import load_classifier

        classifier = load_classifier()
    if report_model is None and use_packaged:
        report_model = load_report_model()
    with gazetteer_in_use(gazetteer):
        return _extract_frames(document, doc, classifier, report_model, sentences)


def note_texts(documents: Sequence[Document]) -> list[str]:
    """The texts the classifier will be asked to type whole (``SubEventClassifier.expect``): those of the short
    documents, which a coder's note or a brief is typed as (the note's body is nearly always its whole text)."""
    return [d.text.strip() for d in documents if d.status == "ok" and len(d.text) < NOTE_MAX_CHARS]


def _extract_frames(document: Document, doc: Any, classifier: SubEventClassifier | None,
                    model: ReportModel | None, split: Sequence[Sentence] | None) -> list[EventFrame]:
    text = document.text
    if not text.strip() or document.status != "ok" or opinion_column(document.title):
        return []
    units = read_structure(document, doc, split)
    sentences = [u for u in units if u.role != Role.DEBRIS]
    if not sentences:
        return []
    scores = _country_scores(text, units)
    # the entities (and the lead's towns they place) are read where the lead's towns may change the countries'
    # order, and for an article: a coder's note that names its country needs neither (``parse``'s entities_from)
    entities = towns = None
    if _lead_matters(scores):
        entities = _entities(doc, text)
        towns = _lead_towns(units, entities, text, document.title)
    countries = _feed_first(document.countries, _lead_first(scores, towns or []))
    if not countries:
        # no country named: the places named decide (through the geo stage's gazetteer, where installed)
        for name in place_countries(text):
            found = find_countries(name)
            country = found[0][0] if found else name
            if country not in countries:
                countries.append(country)
    home = countries[0] if countries else None
    if len(sentences) <= _NOTE_MAX_SENTENCES and len(text) < NOTE_MAX_CHARS and _reads_as_one_event(sentences):
        frame = _note_frame(document, sentences, classifier, home, countries)
        return [frame] if frame else []
    reports = tuple(float(p) for p in model.predict([u.text for u in units])) if model is not None else ()
    if entities is None:
        entities = _entities(doc, text)
    if towns is None:
        towns = _lead_towns(units, entities, text, document.title)
    home_town = _home_town(towns, home)
    sole_town = home_town if len({t[0].text for t in towns if t[1] == home and t[3]}) == 1 else None
    ctx = ArticleContext(document, home, tuple(countries), classifier, _partisan_outlet(document.source),
                         source_speaker(document), entities, reports, sole_town)
    return [replace(f, home_place=home_town) for f in group_mentions(read_mentions(units, ctx), units, ctx)]


# -- short notes ---------------------------------------------------------------------------------------

_NOTE_OPENING = re.compile(r"^\W*(?:[A-Z][\w /-]{0,40}:\s*)?(?:[Oo]n|[Aa]s reported on|[Rr]eported on)\s+(?:\d|[A-Z][a-z]+ \d)")


def _reads_as_one_event(sentences: list[Unit]) -> bool:
    """A coder's note ("On 3 May, ...") or a brief whose only event sentence is one: typed as a whole."""
    if _NOTE_OPENING.match(sentences[0].text):
        return True
    with_events = [s for s in sentences if type_by_rules(s.text) is not None]
    if len(with_events) != 1:
        # none: a market report or a match result is no event, whatever type the classifier would guess
        return False
    return not (with_events and len(enumerated_settlements(with_events[0].text)) > 1)


def _note_frame(document: Document, sentences: list[Unit], classifier: SubEventClassifier | None,
                home: str | None, countries: list[str]) -> EventFrame | None:
    text = document.text
    # a plan, a reaction or history is no event however short the text ("Opposition calls a march for Saturday")
    # (a coder's note of a court's sentence is ACLED's "Other": what the courts do is aftermath only in the news)
    coder = bool(_NOTE_OPENING.match(sentences[0].text))
    current = [s for s in sentences if not is_historical(s.text, document.published_at)
               and (s.role not in (Role.PLANNED, Role.REACTION, Role.BACKGROUND)
                    or coder and s.why.startswith("aftermath"))]
    if not current:
        return None
    # the note's event sentence: the first one a rule recognises (a headline or background line may come first)
    first, first_rules = next(((s, r) for s in current if (r := type_by_rules(s.text)) is not None), (current[0], None))
    # a headline with no event words is not part of the note; everything after it is
    lead = current[0] if type_by_rules(current[0].text) is not None or len(current[0].text) > 80 else first
    start, end = min(lead.start, first.start), current[-1].end
    body = text[start:end]
    quotes = quote_spans(text)
    speaker = speaker_of(first.start, first.end, text, quotes, None) or find_speaker(body, start)
    typing0 = type_by_rules(body)
    agent = target = None
    # the actors: those of the first sentence that names any (the event sentence may only say "the clash")
    for s in [x for x in current if x.start >= start]:
        actors = find_actors(s.text, home=home, speaker_country=speaker.country if speaker else None,
                             on=document.published_at, offset=s.start)
        agent, target = assign_roles(s.text, actors, speaker,
                                     typing0.sub_event_type if typing0 else "Armed clash", s.start)
        if agent is None:
            agent = bare_country_subject(s.text, document.published_at)
        if agent is not None or target is not None:
            break
    # A coder's note ("On 3 May, ...") reports one event whatever its words; a
    # brief needs a rule or a sure classifier.
    coder_note = bool(_NOTE_OPENING.match(current[0].text))
    typing = choose_sub_event(body, classifier=classifier,
                              actor1_state=(agent.kind in STATE_KINDS) if agent else None, always=coder_note)
    if typing is None and re.search(r"\b(?:killed|killing|wounded|injured|attack\w*|fired|shot)\b", body, re.I):
        # no rule and no model: political violence of the commonest kind, marked as a guess
        victims_armed = re.search(r"\b(?:soldiers?|troops|police\w*|militants?|fighters|forces)\b", body, re.I)
        typing = Typing("Armed clash" if victims_armed else "Attack", 0.3, None)
    if typing is None:
        return None
    modality = modality_of(first.text, first_rules.trigger.start if first_rules and first_rules.trigger else None)
    if modality not in EVENT_MODALITIES and not coder_note:
        return None  # "her call to supporters to protest": a plan or a possibility, as in an article
    if agent is None:
        agent = generic_agent(typing.sub_event_type, home, first.start, document.published_at)
    places = event_places(first.text, first.start) or (
        event_places(body, start) if (body, start) != (first.text, first.start) else [])
    fatalities = count_fatalities(body, partisan_source=_partisan_outlet(document.source))
    locations = listed_location_count(first.text)
    if fatalities and locations > 1 and not coder_remark(body):
        # one event per location: the first gets its share, rounded up, as ACLED splits a reported total
        fatalities = -(-fatalities // locations)
    return make_frame(document, Span(body, start, end), typing, agent, target, places[:1], speaker, fatalities,
                       (), countries, home, modality)
