"""From a cleaned document to event frames: the sentence walk that ties triggers, actors, places and claims.

Two readings, as a coder would do it:

* a short note (an ACLED note, a wire brief) describes one event: the whole text is typed at once;
* an article is read sentence by sentence. A sentence becomes events when it has a current (not background)
  trigger and a place; one frame per place ("eight villages" -> eight frames). A sentence without a place
  lends its event to the next sentence that names places for it ("It said the clashes were mainly in the
  A, B and C direction"), or borrows the place of the next sentence about the same thing ("... destroyed a
  convoy." "... the convoy in the direction of Khojavend ..."). Losses in a sentence with no place of its
  own go to the nearest event of the same claimant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from frontwire.extract.acled import disorder_type_of, event_type_of, interaction, state_inter
from frontwire.extract.actors import ActorMention, find_actors, find_countries, state_actor
from frontwire.extract.assemble import attach_losses, dedupe, make_frame
from frontwire.extract.claims import (
    Attribution,
    find_speaker,
    is_backreference,
    is_historical,
    modality_of,
    quote_spans,
    quote_speaker,
)
from frontwire.extract.classifier import SubEventClassifier
from frontwire.extract.geo_hints import place_countries
from frontwire.extract.places import (
    PlaceMention,
    captured_places,
    country_places,
    directions,
    enumerated_settlements,
    listed_location_count,
    located_places,
    stated_count,
)
from frontwire.extract.quantities import coder_remark, count_fatalities, find_losses
from frontwire.extract.roles import STATE_KINDS, assign_roles, bare_country_subject, generic_agent, loss_side
from frontwire.extract.subevent import Typing, choose_sub_event, type_by_rules
from frontwire.records import Document, EventFrame, Loss, Span
from frontwire.reference import Reference, reference
from frontwire.reference.vocabulary import MONTH_NAMES, WEEKDAY_NAMES

_GENERIC = re.compile(r"\b(?:has|have) (?:continued|been continuing) to\b|\bcontinues? to\b|\brepeatedly\b|"
                      r"\bon a daily basis\b|\bevery day\b", re.I)
_DEBRIS = re.compile(r"^\s*(?:READ MORE|Read more|Related:|Loading\.\.\.|Advertisement|Share this|Follow us)\b")
_DATE_WORDS = re.compile(r"\b(?:" + "|".join((*WEEKDAY_NAMES, "yesterday", "today", "tonight", "last night", *MONTH_NAMES))
                         + r")\b")
_NOTE_MAX_SENTENCES = 4
# weapons and violence that armed groups use without saying so (air strikes and shelling need an army)
_UNCLAIMED_ATTACKS = {"Remote explosive/landmine/IED", "Grenade", "Attack", "Abduction/forced disappearance"}


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    text: str
    speaker: Attribution | None = None
    typing: Typing | None = None
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    continues: bool = False  # the second clause of "X denied that ... and said ...": X still speaks


def _sentences(document: Document, doc: Any) -> list[_Sentence]:
    """The doc's sentences minus headings, captions and debris lines, split at line breaks too."""
    text = document.text
    headings = [(h.start, h.end) for h in document.headings]
    captions = {c.strip() for c in document.captions if c.strip()}
    out: list[_Sentence] = []
    # debris lines ("READ MORE: ...") are dropped whole, however the parser split them into sentences
    debris = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if _DEBRIS.match(m.group(0))]
    headings = headings + debris
    for sent in doc.sents:
        for m in re.finditer(r"[^\n]+", text[sent.start_char:sent.end_char]):
            start, end = sent.start_char + m.start(), sent.start_char + m.end()
            piece = text[start:end].strip()
            if len(piece) < 3 or _DEBRIS.match(piece) or piece in captions:
                continue
            if any(hs <= start < he or start <= hs < end for hs, he in headings):
                continue
            out.append(_Sentence(start, end, text[start:end]))
    return out


def _home_country(text: str) -> list[str]:
    """Countries the text names, where events happen first: "in Yerevan" outweighs "the embassy of Germany"."""
    counts: dict[str, float] = {}
    for country, start, _ in find_countries(text):
        before = text[max(0, start - 12):start]
        weight = 3.0 if re.search(r"\b(?:in|near|at|across|outside)\s+(?:the\s+)?$", before) else 1.0
        if re.search(r"\b(?:embassy|consulate|border|visit|of)\s+(?:of\s+)?(?:the\s+)?$", before, re.I):
            weight = 0.5
        counts[country] = counts.get(country, 0) + weight
    return sorted(counts, key=lambda c: -counts[c])


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
                   use_packaged: bool = True) -> list[EventFrame]:
    """The events a careful ACLED coder would code from ``document``, main event first.

    ``doc`` is the spaCy ``Doc`` of ``document.text``. ``classifier`` types sub-events together with the
    rules; None means the packaged model (rules alone where it is not installed).
    """
    if classifier is None and use_packaged:
        from frontwire.extract.classifier import load_classifier

        classifier = load_classifier()
    text = document.text
    if not text.strip() or document.status != "ok":
        return []
    sentences = _sentences(document, doc)
    if not sentences:
        return []
    countries = _feed_first(document.countries, _home_country(text))
    if not countries:
        # no country named: the places named decide (through the geo stage's gazetteer, where installed)
        for name in place_countries(text):
            found = find_countries(name)
            country = found[0][0] if found else name
            if country not in countries:
                countries.append(country)
    home = countries[0] if countries else None
    published = document.published_at
    if len(sentences) <= _NOTE_MAX_SENTENCES and len(text) < 1500 and _reads_as_one_event(sentences):
        frame = _note_frame(document, sentences, classifier, home, countries)
        return [frame] if frame else []
    return _article_frames(document, _split_reports(sentences), classifier, home, countries, published)


# "The ministry denied that its forces had shelled A and said drones struck B": two reports, two modalities
_SECOND_REPORT = re.compile(r",?\s+and (?:also )?(?:said|added|claimed|stated|reported|announced)\b(?: that)?\s+")
_FIRST_REPORT = re.compile(r"\b(?:denied|rejected|dismissed|said|claimed|stated|reported|announced)\b(?: that)?\s")


def _split_reports(sentences: list[_Sentence]) -> list[_Sentence]:
    """Split a sentence where its speaker makes a second report ("... denied that ... and said ..."): each
    report is its own event, with its own modality; the second clause keeps the first one's speaker.
    """
    out: list[_Sentence] = []
    for s in sentences:
        m = _SECOND_REPORT.search(s.text)
        first = _FIRST_REPORT.search(s.text)
        if m is None or first is None or first.start() >= m.start() or not type_by_rules(s.text[:m.start()]) \
                or not type_by_rules(s.text[m.end():]):
            out.append(s)
            continue
        cut = s.start + m.start()
        out.append(_Sentence(s.start, cut, s.text[:m.start()]))
        out.append(_Sentence(s.start + m.end(), s.end, s.text[m.end():], continues=True))
    return out


# -- short notes ---------------------------------------------------------------------------------------

_NOTE_OPENING = re.compile(r"^\W*(?:[A-Z][\w /-]{0,40}:\s*)?(?:[Oo]n|[Aa]s reported on|[Rr]eported on)\s+(?:\d|[A-Z][a-z]+ \d)")


def _reads_as_one_event(sentences: list[_Sentence]) -> bool:
    """A coder's note ("On 3 May, ...") or a brief whose only event sentence is one: typed as a whole."""
    if _NOTE_OPENING.match(sentences[0].text):
        return True
    with_events = [s for s in sentences if type_by_rules(s.text) is not None]
    if len(with_events) != 1:
        # none: a market report or a match result is no event, whatever type the classifier would guess
        return False
    return not (with_events and len(enumerated_settlements(with_events[0].text)) > 1)


def _note_frame(document: Document, sentences: list[_Sentence], classifier: SubEventClassifier | None,
                home: str | None, countries: list[str]) -> EventFrame | None:
    text = document.text
    current = [s for s in sentences if not is_historical(s.text, document.published_at)] or sentences
    # the note's event sentence: the first one a rule recognises (a headline or background line may come first)
    first = next((s for s in current if type_by_rules(s.text) is not None), current[0])
    # a headline with no event words is not part of the note; everything after it is
    lead = current[0] if type_by_rules(current[0].text) is not None or len(current[0].text) > 80 else first
    start, end = min(lead.start, first.start), current[-1].end
    body = text[start:end]
    quotes = quote_spans(text)
    speaker = _speaker_for(first, text, quotes, None) or find_speaker(body, start)
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
    if agent is None:
        agent = generic_agent(typing.sub_event_type, home, first.start)
    places = _places_for(first.text, first.start) or _places_for(body, start)
    fatalities = count_fatalities(body, partisan_source=_partisan_outlet(document.source))
    locations = listed_location_count(first.text)
    if fatalities and locations > 1 and not coder_remark(body):
        # one event per location: the first gets its share, rounded up, as ACLED splits a reported total
        fatalities = -(-fatalities // locations)
    return make_frame(document, Span(body, start, end), typing, agent, target, places[:1], speaker, fatalities,
                       (), countries, home, modality_of(first.text, None))


# -- articles ------------------------------------------------------------------------------------------

@lru_cache(maxsize=4)
def _country_words(lex: Reference) -> tuple[str, ...]:
    words: set[str] = set()
    for c in lex.countries:
        # capitals and regions among the aliases are real places; only names, adjectives and acronyms are not
        words.update((c.name, *c.adjectives, *(a for a in c.aliases if a.isupper() or a == "Kremlin")))
    return tuple(sorted(words))


def _places_for(sentence: str, offset: int) -> list[PlaceMention]:
    exclude = _country_words(reference())
    settlements = enumerated_settlements(sentence, offset)
    if settlements and not all(_from_origin(sentence, p, offset) for p in settlements):
        return settlements
    places = directions(sentence, offset)
    if places:
        return places
    taken = captured_places(sentence, offset)
    if taken and taken[0].name and taken[0].name.text not in exclude:
        return taken
    people = _person_names(reference())
    located = []
    for p in located_places(sentence, offset, exclude=exclude):
        place_text = p.name.text if p.name else ""
        words = place_text.split()
        if words and (words[0] in exclude or words[0].rstrip("s") in exclude or place_text in exclude
                      or any(name in place_text for name in people)):
            continue  # "presidents of Azerbaijan Ilham Aliyev", "Thousands of Azerbaijanis"
        located.append(p)
    # "residents of Norashen village held a protest in Yerevan": where people come from is not where it happened
    origin = {id(p) for p in located if _from_origin(sentence, p, offset)}
    elsewhere = any(id(p) not in origin and p.name and _AT.search(sentence[:max(0, p.name.start - offset)])
                    for p in located)
    if elsewhere:
        located.sort(key=lambda p: id(p) in origin)
    if settlements and not elsewhere:
        return settlements
    if not located:
        located = country_places(sentence, tuple(c.name for c in reference().countries), offset)
    return located


_ORIGIN = re.compile(r"\b(?:residents?|villagers?|inhabitants?|people|citizens?|farmers?|workers?|natives?|locals|"
                     r"relatives|supporters|students|teachers|employees|families|representatives|refugees|"
                     r"displaced persons)\s+(?:\w+\s+)?(?:of|from)\s+(?:the\s+)?(?:(?:village|town|city) of\s+)?$",
                     re.IGNORECASE)


_AT = re.compile(r"\b(?:in|near|at|around|over|outside)\s+(?:the\s+)?(?:\w+\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)


def _from_origin(sentence: str, place: PlaceMention, offset: int) -> bool:
    """The place people come from ("residents of X village"), as the sentence names it."""
    return place.name is not None and bool(_ORIGIN.search(sentence[:max(0, place.name.start - offset)]))


@lru_cache(maxsize=4)
def _person_names(lex: Reference) -> tuple[str, ...]:
    names: set[str] = set()
    for person in lex.people:
        names.add(person.name)
        names.add(person.name.split()[-1])
    return tuple(sorted(names))


def _speaker_for(sentence: _Sentence, text: str, quotes: list[tuple[int, int]], last: Attribution | None,
                 ) -> Attribution | None:
    for q in quotes:
        if q[0] <= sentence.start < q[1] or sentence.start <= q[0] < sentence.end:
            found = quote_speaker(text, q)
            if found:
                return found
            tail = text[q[1]: q[1] + 80]
            if is_backreference(tail) and last is not None:
                return last
    if re.search(r"\b(?:said|says|stated|claimed|announced|reported|according to|added|stressed|told|tweeted|denied)\b",
                 sentence.text):
        found = find_speaker(sentence.text, sentence.start)
        if found:
            return found
        if is_backreference(sentence.text) and last is not None:
            return last
    return None


def _article_frames(document: Document, sentences: list[_Sentence], classifier: SubEventClassifier | None,
                    home: str | None, countries: list[str], published: date | None) -> list[EventFrame]:
    text = document.text
    quotes = quote_spans(text)
    partisan = _partisan_outlet(document.source)
    frames: list[tuple[int, EventFrame]] = []  # (sentence index, frame)
    pending: tuple[int, _Sentence, Typing, ActorMention | None, ActorMention | None] | None = None
    orphan_losses: list[tuple[int, str | None, tuple[Loss, ...]]] = []
    last_speaker: Attribution | None = None
    consumed: set[int] = set()

    for s in sentences:
        s.speaker = _speaker_for(s, text, quotes, last_speaker)
        if s.continues and last_speaker is not None:
            s.speaker = last_speaker
        if s.speaker is not None:
            last_speaker = s.speaker
    # an official body's own release speaks for its side where no one else is quoted ("the enemy" is the other side)
    source_speaker = find_speaker(document.source) if document.source else None
    for i, s in enumerate(sentences):
        if i in consumed or is_historical(s.text, published) or _GENERIC.search(s.text):
            continue
        speaker = s.speaker
        voice = speaker or source_speaker
        s.actors = find_actors(s.text, home=home, speaker_country=voice.country if voice else None,
                               on=published, offset=s.start)
        rules = type_by_rules(s.text)
        if rules is not None and _escalate_protest(frames, i, s, rules, speaker, published):
            continue  # "Police detained 20 protesters ...": the protest just told met an intervention
        if rules is None or (rules.sub_event_type == "Other" and rules.confidence < 0.8) or (
                frames and frames[-1][0] == i - 1 and not _places_for(s.text, s.start)):
            # "Five servicemen were killed." right after an event: its toll, not a new event
            deaths = count_fatalities(s.text, partisan_source=partisan)
            if deaths and frames and frames[-1][0] >= i - 1 and frames[-1][1].fatalities is None:
                k = len(frames) - 1
                frames[k] = (frames[k][0], replace(frames[k][1], fatalities=deaths,
                                                   evidence=frames[k][1].evidence + (Span(s.text, s.start, s.end),)))
                if rules is None or frames[-1][0] == i - 1:
                    losses = tuple(find_losses(s.text, loss_side(s.text, s.speaker or source_speaker, None)))
                    if losses:
                        orphan_losses.append((i, s.speaker.claimed_by if s.speaker else None, losses))
                    continue
            if rules is None or (rules.sub_event_type == "Other" and rules.confidence < 0.8):
                continue
        agent, target = assign_roles(s.text, s.actors, speaker, rules.sub_event_type, s.start)
        if agent is None:
            agent = bare_country_subject(s.text, published)
            if agent is not None:
                agent = replace(agent, start=agent.start + s.start, end=agent.end + s.start)
        if voice and voice.country and re.search(r"\bby (?:our|its) (?:\w+ ){0,3}?(?:units|forces|troops|army|defen[cs]e)\b",
                                                 s.text, re.I):
            # "shot down by our air defence units": the speaker's side acted, whatever else is named
            if agent is not None and agent.country != voice.country:
                target = agent
            agent = ActorMention(state_actor("Military Forces", voice.country, published), voice.country, 1,
                                 "military", s.start, s.start, "")
        if agent is None and speaker and speaker.country and re.search(
                r"\b(?:(?:its|our|their|his|her) (?:forces|troops|units|army|soldiers)|(?:it|they) (?:had |has |have )?\w+ed)\b",
                s.text, re.I):
            agent = ActorMention(state_actor("Military Forces", speaker.country, published), speaker.country, 1,
                                 "military", s.start, s.start, "")
        if agent is None and target is not None and speaker and speaker.country == target.country:
            adversary = reference().adversaries.get(target.country or "")
            if adversary:
                agent = ActorMention(state_actor("Military Forces", adversary, published), adversary, 1, "partisan",
                                     s.start, s.start, "")
        typing = choose_sub_event(s.text, classifier=classifier,
                                  actor1_state=(agent.kind in STATE_KINDS) if agent else None) or rules
        if agent is None and typing.sub_event_type in _UNCLAIMED_ATTACKS:
            # a roadside bomb or gunmen nobody names: ACLED's unidentified armed group of the country
            agent = generic_agent(typing.sub_event_type, home, s.start)
        modality = modality_of(s.text, rules.trigger.start if rules.trigger else None)
        side_lost = loss_side(s.text, voice, target)
        losses = tuple(find_losses(s.text, side_lost))
        places = _places_for(s.text, s.start)
        count = stated_count(s.text)
        if count is not None and not any(p.kind == "village" for p in places):
            # "liberated eight more villages": the names follow in the next sentences; check the count there
            ahead = [j for j in range(i + 1, min(i + 3, len(sentences)))
                     if any(p.kind == "village" for p in _places_for(sentences[j].text, sentences[j].start))]
            listed = _listed_ahead(sentences, ahead[0], places) if ahead else None
            if ahead and listed is None:
                continue
            if listed is not None:
                places = listed
                consumed.add(ahead[0])
        anchor = Span(s.text, s.start, s.end)
        evidence_extra: list[Span] = []
        if count is not None and consumed & {i + 1, i + 2}:
            j = min(consumed & {i + 1, i + 2})
            evidence_extra.append(Span(sentences[j].text, sentences[j].start, sentences[j].end))
        if not places and pending is None and not losses:
            borrowed = _borrow_place(sentences, i)
            if borrowed is not None:
                j, places = borrowed
                evidence_extra.append(Span(sentences[j].text, sentences[j].start, sentences[j].end))
                if _DATE_WORDS.search(sentences[j].text):
                    anchor = Span(sentences[j].text, sentences[j].start, sentences[j].end)
                speaker = speaker or sentences[j].speaker
        if not places:
            if losses:
                orphan_losses.append((i, speaker.claimed_by if speaker else None, losses))
            pending = (i, s, typing, agent, target)
            continue
        # a sentence that names places for an event told just before ("It said the clashes were mainly in ...")
        if pending is not None and i - pending[0] <= 2 and not s.actors and re.search(
                r"\b(?:the|these|those)\s+(?:clashes|attacks?|shelling|fighting|strikes?|battles?)\b", s.text, re.I):
            _, prev, prev_typing, prev_agent, prev_target = pending
            typing, agent, target = prev_typing, prev_agent, prev_target
            anchor = Span(text[prev.start:s.end], prev.start, s.end)
            speaker = speaker or prev.speaker
        pending = None
        fatalities = count_fatalities(s.text, partisan_source=partisan)
        extra_frames = _secondary_frames(s, typing, agent, target, published)
        if target is None and agent is not None and typing.sub_event_type in (
                "Government regains territory", "Non-state actor overtakes territory") and agent.country in reference().adversaries:
            # territory is taken from someone: the other side of this conflict where the text does not say
            other = reference().adversaries[agent.country or ""]
            target = ActorMention(state_actor("Military Forces", other, published), other, 1, "military",
                                  s.start, s.start, "")
        villages = [p for p in places if p.kind == "village"]
        if count is not None and villages and count != len(villages):
            typing = Typing(typing.sub_event_type, typing.confidence * 0.8, typing.trigger)
        for k, place in enumerate(places):
            frame = make_frame(document, anchor, typing, agent, target, [place], speaker,
                                fatalities if k == 0 else None, losses if k == 0 and not extra_frames else (),
                                countries, home, modality, evidence_extra)
            frames.append((i, frame))
            for sec_typing, sec_agent, sec_target in extra_frames:
                frames.append((i, make_frame(document, anchor, sec_typing, sec_agent, sec_target, [place], speaker,
                                              None, losses if k == 0 else (), countries, home, modality,
                                              evidence_extra)))
    out = attach_losses([f for _, f in frames], [i for i, _ in frames], orphan_losses)
    return dedupe(out)


_PROTEST_RANK = {"Peaceful protest": 0, "Protest with intervention": 1, "Violent demonstration": 2,
                 "Excessive force against protesters": 3}


def _escalate_protest(frames: list[tuple[int, EventFrame]], i: int, s: _Sentence, rules: Typing,
                      speaker: Attribution | None, published: date | None) -> bool:
    """A protest told in one sentence and its policing in the next is one event of the graver kind.

    ACLED codes a demonstration once: police who detain or disperse its participants make it a
    "Protest with intervention" (force: "Excessive force against protesters"), with the police as actor2.
    Applies when the sentence names no place of its own and follows a protest event within two sentences.
    """
    rank = _PROTEST_RANK.get(rules.sub_event_type)
    if not rank or not frames or i - frames[-1][0] > 2 or _places_for(s.text, s.start):
        return False
    last = frames[-1][0]
    idx = [k for k, (at, f) in enumerate(frames) if at == last and f.sub_event_type in _PROTEST_RANK]
    if not idx or _PROTEST_RANK[frames[idx[0]][1].sub_event_type] >= rank:
        return False
    _, other = assign_roles(s.text, s.actors, speaker, rules.sub_event_type, s.start)
    if rules.sub_event_type == "Violent demonstration":
        other = None  # rioters act; whoever they fought is not an intervening state force
    for k in idx:
        at, f = frames[k]
        inter2 = f.inter2
        actor2, country2 = f.actor2, f.actor2_country
        if other is not None and other.name != f.actor1:
            actor2, country2 = other.name, other.country
            inter2 = state_inter(other.country, f.country_hints[0] if f.country_hints else None) \
                if other.kind in STATE_KINDS else other.inter
        sub = rules.sub_event_type
        frames[k] = (at, replace(f, sub_event_type=sub, event_type=event_type_of(sub),
                                 disorder_type=disorder_type_of(sub), actor2=actor2, actor2_country=country2,
                                 inter2=inter2, interaction=interaction(f.inter1, inter2),
                                 evidence=f.evidence + (Span(s.text, s.start, s.end),)))
    return True


def _listed_ahead(sentences: list[_Sentence], j: int, here: list[PlaceMention]) -> list[PlaceMention] | None:
    """The villages a later sentence names for a counted capture ("took three villages ..." "It named them as A,
    B and C"), each with this sentence's district as context. None when that sentence tells its own event.
    """
    later = sentences[j]
    if type_by_rules(later.text) is not None:
        return None  # "liberated A, B and C villages": that sentence makes its own events
    villages = [p for p in _places_for(later.text, later.start) if p.kind == "village"]
    if not villages:
        return None
    district = next((p.context or p.name for p in here if p.kind == "district"), None)
    return [p if p.context is not None else replace(p, context=district) for p in villages]


def _borrow_place(sentences: list[_Sentence], i: int) -> tuple[int, list[PlaceMention]] | None:
    """The places of the next sentence when it speaks of the same thing (shares a distinctive word)."""
    if i + 1 >= len(sentences):
        return None
    here, nxt = sentences[i], sentences[i + 1]
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w-]{3,}", here.text)}
    keys = {w for w in words if re.search(r"\d", w) or w in {"convoy", "aircraft", "helicopter", "drone", "tank",
                                                              "jet", "base", "checkpoint", "village", "town", "ship"}}
    if not keys or not keys & {w.lower() for w in re.findall(r"[A-Za-z][\w-]{3,}", nxt.text)}:
        return None
    places = _places_for(nxt.text, nxt.start)
    return (i + 1, places) if places else None


def _secondary_frames(s: _Sentence, typing: Typing, agent: ActorMention | None, target: ActorMention | None,
                      published: date | None) -> list[tuple[Typing, ActorMention | None, ActorMention | None]]:
    """A second event in the same sentence: an aircraft that struck and "was shot down" is two events."""
    if typing.sub_event_type == "Disrupted weapons use":
        return []
    m = re.search(r"\b(?:was|were) shot down\b|\bshot (?:it|them) down\b|\bwas intercepted\b", s.text)
    if not m or agent is None or not agent.country:
        return []
    shooter_country = reference().adversaries.get(agent.country)
    shooter = ActorMention(state_actor("Military Forces", shooter_country, published), shooter_country, 1, "military",
                           s.start + m.start(), s.start + m.end(), m.group(0)) if shooter_country else target
    return [(Typing("Disrupted weapons use", 0.7, None), shooter, agent)]

