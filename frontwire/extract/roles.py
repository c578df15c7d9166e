"""Who did what to whom in a sentence: actor1 and actor2 among the actor mentions, and whose losses are told.

ACLED's actor1 is the side that acts (the attacker, the side that takes a place), actor2 the side acted
on. The passive agent ("killed by Taliban militants") acts; "on the positions of", "against", "belonging
to" mark the side acted on; whoever "said" or "reported" something is the claimant, not a party.
"""

from __future__ import annotations

import re
from datetime import date

from frontwire.extract.acled import event_type_of
from frontwire.extract.actors import ActorMention, find_countries, generic_actor, state_actor
from frontwire.extract.claims import Attribution
from frontwire.reference import reference

STATE_KINDS = {"military", "police", "government", "partisan"}
# "units of", "troops of", "fighters of" + an actor: the actor's own men, so the actor is the one acting
_UNIT_OF = re.compile(r"\b(?:units?|troops|soldiers|forces|members|servicemen|elements|fighters|detachments?|"
                      r"battalions?|brigades?|divisions?|personnel|militants|commandos)\s+of\s+(?:the\s+)?$", re.I)


def assign_roles(sentence: str, actors: list[ActorMention], speaker: Attribution | None, sub_event_type: str,
           offset: int = 0) -> tuple[ActorMention | None, ActorMention | None]:
    """actor1 (who acts) and actor2 (who is acted on) among the sentence's actor mentions.

    ``offset`` is where ``sentence`` starts in the document (mention offsets are document offsets).
    """
    if not actors:
        return None, None
    rel = offset
    family = {"Peaceful protest": "protesters", "Protest with intervention": "protesters",
              "Excessive force against protesters": "protesters", "Violent demonstration": "rioters",
              "Mob violence": "rioters"}.get(sub_event_type)
    if family is not None:
        # at a protest the protesters are actor1 and whoever intervenes actor2, whatever the word order
        crowd = [a for a in actors if a.kind in ("protesters", "rioters")]
        if not crowd:
            # "several hundred people gathered ... to demand": the people gathering are the protesters
            crowd = [a for a in actors if a.kind == "civilians" and not find_countries(a.text)]
        others = [a for a in actors if a.kind in STATE_KINDS or a.kind in ("unidentified", "group", "civilians")]
        others = [a for a in others if a not in crowd]
        if crowd:
            first = crowd[0]
            label = "Rioters" if family == "rioters" else "Protesters"
            if not first.name.startswith(label):
                first = ActorMention(generic_actor(label, first.country), first.country, 5 if family == "rioters" else 6,
                                     family, first.start, first.end, first.text)
            return first, (others[0] if others and sub_event_type != "Peaceful protest" else None)
    agent = target = None
    for a in actors:
        before = sentence[max(0, a.start - rel - 40): a.start - rel]
        after = sentence[a.end - rel: a.end - rel + 60]
        if re.search(r"\bby\s+(?:the\s+|an?\s+|\d+\s+)?(?:\w+\s+){0,2}$", before) or re.match(
                r"-(?:planted|placed|laid|fired|led)\b", after):
            agent = agent or a
        elif re.match(r"\s*(?:\([^()]*\)\s*)?(?:[\w,]+\s+){0,4}?(?:were|was|have been|had been|has been)\s+(?:\w+\s+)?"
                      r"(?:killed|wounded|injured|hit|attacked|targeted|ambushed|abducted|arrested|detained)\b", after):
            target = target or a  # the victims of a passive sentence are acted on
        elif _UNIT_OF.search(before):
            continue  # "units of the Azerbaijan Army": the army itself acts, it is not acted on
        elif re.search(r"\b(?:on|at|against|of|targeting|belonging to|from)\s+(?:the\s+)?(?:positions\s+of\s+(?:the\s+)?)?$", before):
            target = target or a
    # who "said" or "reported" something is its claimant, not a party to the event
    people = [a for a in actors if a.kind not in ("person",) and not re.match(
        r"\s+(?:\w+\s+){0,2}?(?:said|stated|reported|announced|claimed|told|confirmed|denied)\b",
        sentence[a.end - rel:])]
    if agent is not None and agent not in people:
        agent = None
    if target is not None and target not in people:
        target = None
    if agent is None:
        for a in people:
            if a is not target and a.kind not in ("civilians",):
                agent = a
                break
    if agent is None and people and people[0] is not target and people[0].kind != "civilians":
        agent = people[0]
    if target is None:
        for a in people:
            if agent is None or a.name != agent.name:
                target = a
                break
    if target is not None and agent is not None and target.name == agent.name and sub_event_type not in (
            "Armed clash", "Violent demonstration", "Mob violence"):
        target = None
    return agent, target


def bare_country_subject(sentence: str, on: date | None) -> ActorMention | None:
    """ "Azerbaijan shot down ...": a country as the subject of an action means its forces."""
    m = re.match(r"\W*(?:In the meantime,\s*|Meanwhile,\s*)?(?:The\s+)?(?P<c>[A-Z][a-z]+|US|UK|U\.S\.)(?:'s)?\s+"
                 r"(?:\w+\s+){0,2}?(?:shot|destroyed|captured|retook|attacked|fired|launched|struck|shelled|bombed|hit|"
                 r"downed|deployed|sent|dispatched|deploys|sends)\b", sentence)
    if not m:
        return None
    found = find_countries(m.group("c"))
    if not found:
        return None
    country = found[0][0]
    return ActorMention(state_actor("Military Forces", country, on), country, 1, "military", m.start("c"),
                        m.end("c"), m.group("c"))


def loss_side(text: str, speaker: Attribution | None, target: ActorMention | None) -> str | None:
    if re.search(r"\benemy\b|\boccupiers?\b|\binvaders?\b", text, re.I) and speaker and speaker.country:
        return reference().adversaries.get(speaker.country)
    m = re.search(r"(?:shot down|downed|destroyed|captured)\s+(?:an?|another|one|the)?\s*(?P<w>[A-Z][a-z]+)", text)
    if m:
        found = find_countries(m.group("w"))
        if found:
            return found[0][0]
    if target is not None and target.country:
        return target.country
    if speaker and speaker.country:
        return reference().adversaries.get(speaker.country)
    return None



def generic_agent(sub_event_type: str, home: str | None, at: int, on: date | None = None) -> ActorMention | None:
    """Who acted when the text names no one: protesters at a protest, rioters at a riot, the police of the country
    where people "were arrested", else unidentified."""
    if sub_event_type == "Arrests" and home:
        return ActorMention(state_actor("Police Forces", home, on), home, 1, "police", at, at, "")
    if sub_event_type in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"):
        return ActorMention(generic_actor("Protesters", home), home, 6, "protesters", at, at, "")
    if sub_event_type in ("Violent demonstration", "Mob violence"):
        return ActorMention(generic_actor("Rioters", home), home, 5, "rioters", at, at, "")
    if event_type_of(sub_event_type) in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return ActorMention(generic_actor("Unidentified Armed Group", home), home, 3, "unidentified", at, at, "")
    return None
