"""Putting a frame together: ACLED fields from the pieces, the claim chain, losses to the nearest event, duplicates.
"""

from __future__ import annotations

import re
from dataclasses import replace

from frontwire.extract.acled import disorder_type_of, event_type_of, interaction, state_inter
from frontwire.extract.actors import ActorMention, find_countries
from frontwire.extract.claims import Attribution
from frontwire.extract.geo_hints import place_countries, place_in_country
from frontwire.extract.places import PlaceMention
from frontwire.extract.roles import STATE_KINDS
from frontwire.extract.subevent import Typing
from frontwire.records import Document, EventFrame, Loss, Span
from frontwire.reference import reference

# de facto entities are not gazetteer countries: hint the state the territory is recognised as part of
_RECOGNISED = {"Artsakh": "Azerbaijan", "Western Sahara": "Morocco"}


def attach_losses(frames: list[EventFrame], where: list[int], orphans: list[tuple[int, str | None, tuple[Loss, ...]]]
                   ) -> list[EventFrame]:
    for idx, claimant, losses in orphans:
        best = None
        for k, (frame, at) in enumerate(zip(frames, where, strict=True)):
            same = frame.claimed_by == claimant
            # losses told after an event belong to it more often than to the next one
            distance = abs(at - idx) + (0 if same else 10) + (1.5 if at > idx else 0)
            if best is None or distance < best[0]:
                best = (distance, k)
        if best is None:
            continue
        k = best[1]
        have = {(loss.category, loss.item) for loss in frames[k].losses}
        new = tuple(loss for loss in losses if (loss.category, loss.item) not in have)
        frames[k] = replace(frames[k], losses=frames[k].losses + new)
    return frames


def dedupe(frames: list[EventFrame]) -> list[EventFrame]:
    """One event per type, place and claimant: keep the first, gather the others' losses into it."""
    out: list[EventFrame] = []
    index: dict[tuple[str, str, str | None], int] = {}
    for frame in frames:
        place = frame.place_names[0].text.lower() if frame.place_names else ""
        key = (frame.sub_event_type, place, frame.claimed_by)
        if key in index:
            k = index[key]
            have = {(loss.category, loss.item) for loss in out[k].losses}
            new = tuple(loss for loss in frame.losses if (loss.category, loss.item) not in have)
            out[k] = replace(out[k], losses=out[k].losses + new, evidence=out[k].evidence + frame.evidence[:1])
            continue
        index[key] = len(out)
        out.append(frame)
    return out


_GENERIC_LABELS = {"civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters",
                   "unidentified": "Unidentified Armed Group"}


def _localise(actor: ActorMention | None, country: str | None) -> ActorMention | None:
    if actor is None or not country or actor.kind not in _GENERIC_LABELS or actor.country == country:
        return actor
    if find_countries(actor.text):  # "Armenian civilians": the text says whose
        return actor
    return replace(actor, name=f"{_GENERIC_LABELS[actor.kind]} ({country})", country=country)


def _unnamed_nationality(actor: ActorMention | None) -> bool:
    return actor is not None and actor.kind in _GENERIC_LABELS and not find_countries(actor.text)


def _place_country(place: PlaceMention | None, countries: list[str]) -> str | None:
    """The country the event's place lies in, where the gazetteer knows it (decides inter 1 vs 8); of a name
    found in several countries, the one the document is about ("Shatin": Armenia's village, not Hong Kong's)."""
    if place is None:
        return None
    if place.name is not None and place.context is None and countries and place_in_country(place.name.text,
                                                                                              countries[0]):
        return countries[0]  # the article's own country holds a place of that name: it is that one
    words = " , ".join(dict.fromkeys(s.text for s in (place.name, place.context) if s is not None))
    found = place_countries("in " + words)
    if not found:
        return None
    best = next((c for c in found if c in countries), None)
    if best is None:
        # the name is known only abroad ("Kara Tepe" in an article on Lesbos): a homonym, or a place the gazetteer
        # lacks; the article's own country decides (the geo stage rules the homonym out)
        return None
    named = find_countries(best)
    return named[0][0] if named else best


def _relays(document: Document, sentence: str) -> list[str]:
    """Agencies a claim passed through before this outlet: "told Anadolu Agency", an agency's photo credit."""
    out: list[str] = []
    for outlet in reference().outlets:
        names = [n for n in (outlet.name, *outlet.aliases) if len(n) > 2 and n in sentence]
        if any(re.search(rf"\b(?:told|to|by|via|cited by|quoted by)\s+(?:the\s+)?{re.escape(n)}\b", sentence)
               for n in names):
            out.append(outlet.name)
        elif not outlet.party and any(r.reason.startswith("photo credit") and r.text.strip() in (outlet.name, *outlet.aliases)
                                      for r in document.removed) and outlet.name != document.source:
            out.append(outlet.name)
    return out


def make_frame(document: Document, anchor: Span, typing: Typing, agent: ActorMention | None,
                target: ActorMention | None, places: list[PlaceMention], speaker: Attribution | None,
                fatalities: int | None, losses: tuple[Loss, ...], countries: list[str], home: str | None,
                modality: str, extra: list[Span] | None = None) -> EventFrame:
    sub = typing.sub_event_type
    text = document.text
    place = places[0] if places else None
    event_country = _place_country(place, countries) or home
    # civilians, protesters, gunmen named without a nationality belong to the country the event is in
    agent, target = _localise(agent, event_country), _localise(target, event_country)
    inter1 = agent.inter if agent else 0
    inter2 = target.inter if target else 0
    if agent is not None and agent.kind in STATE_KINDS:
        inter1 = state_inter(agent.country, event_country)
    if target is not None and target.kind in STATE_KINDS:
        inter2 = state_inter(target.country, event_country)
    claimed_by = speaker.claimed_by if speaker else document.source
    chain: tuple[str, ...] = speaker.chain if speaker else ()
    for relay in _relays(document, anchor.text):
        if relay not in chain:
            chain = chain + (relay,)
    if document.source and document.source not in chain:
        chain = chain + (document.source,)
    evidence = [anchor]
    if typing.trigger is not None:
        pass  # trigger offsets are relative to the typed text; the anchor already shows them in context
    for span in (place.name if place else None, place.context if place else None):
        if span is not None and span not in evidence:
            evidence.append(span)
    if speaker is not None:
        evidence.append(Span(text[speaker.start:speaker.end], speaker.start, speaker.end))
    evidence.extend(extra or [])
    hints = [c for c in (event_country, agent.country if agent else None, target.country if target else None) if c]
    hints += [c for c in countries[:3] if c not in hints]
    # de facto entities are not gazetteer countries: hint the state the territory is recognised as part of
    hints = list(dict.fromkeys(_RECOGNISED.get(c, c) for c in hints))
    confidence = round(min(0.99, typing.confidence * (0.95 if place else 0.7)), 3)
    return EventFrame(
        event_type=event_type_of(sub), sub_event_type=sub, disorder_type=disorder_type_of(sub), anchor=anchor,
        actor1=agent.name if agent else None, actor1_country=agent.country if agent else None,
        actor2=target.name if target else None, actor2_country=target.country if target else None,
        actor1_local=_unnamed_nationality(agent), actor2_local=_unnamed_nationality(target),
        inter1=inter1, inter2=inter2, interaction=interaction(inter1, inter2),
        place_names=(place.name,) if place and place.name else (),
        place_context=(place.context,) if place and place.context else (),
        fatalities=fatalities, losses=losses, claimed_by=claimed_by, claim_chain=chain, modality=modality,
        evidence=tuple(evidence), confidence=confidence, country_hints=tuple(hints),
    )
