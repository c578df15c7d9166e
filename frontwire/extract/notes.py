"""Neutral one-sentence notes in ACLED's style, written from a claim's fields (never copied from the text).

"On 2 November 2020, Azerbaijani forces captured Milanli (Qubadli)." Partisan words of either side
("liberated", "occupiers", "terrorists", "martyr") never reach a note: the verbs come from the sub-event
type, the names from the normalised actors, and a last pass replaces any loaded word that slipped in.
"""

from __future__ import annotations

import re
from datetime import date

from frontwire.extract.acled import SubEventType, load_codebook
from frontwire.extract.actors import actor_country
from frontwire.records import Claim
from frontwire.reference import reference

LOADED_WORDS = {
    "liberated": "captured", "liberating": "capturing", "liberation": "capture", "liberate": "capture",
    "occupation": "control", "occupied": "held", "occupiers": "forces", "occupier": "force",
    "occupying": "opposing", "enemy": "opposing", "enemies": "opponents", "terrorists": "fighters",
    "terrorist": "armed", "victorious": "", "martyr": "killed person", "martyrs": "killed people",
    "martyred": "killed", "heroic": "", "heroes": "fighters", "invaders": "forces", "invading": "opposing",
    "aggressor": "opposing side", "aggressors": "opposing forces", "fascist": "", "fascists": "forces",
    "nazis": "forces", "neo-nazi": "", "puppet": "", "regime": "government", "bandits": "gunmen",
    "mercenaries": "foreign fighters", "junta": "government", "genocide": "killings",
}



def _adjective(country: str | None) -> str | None:
    if not country:
        return None
    for c in reference().countries:
        if c.name == country and c.adjectives:
            return c.adjectives[0]
    return country


def describe_actor(name: str | None, *, fallback: str) -> str:
    """A short plain description of an ACLED actor name: "Military Forces of Azerbaijan (2003-)" -> "Azerbaijani forces"."""
    if not name:
        return fallback
    country = actor_country(name)
    adjective = _adjective(country)
    if name.startswith("Military Forces of") and adjective:
        return f"{adjective} forces"
    if name.startswith("Police Forces of") and adjective:
        return f"{adjective} police"
    if name.startswith("Government of") and adjective:
        return f"the {adjective} government"
    for kind, word in (("Civilians", "civilians"), ("Protesters", "protesters"), ("Rioters", "rioters"),
                       ("Unidentified Armed Group", "unidentified gunmen")):
        if name.startswith(kind):
            return word
    return re.sub(r"\s*\(\d{4}-(?:\d{4})?\)", "", name)


def _when(claim: Claim) -> str:
    def fmt(d: date, year: bool = True) -> str:
        return f"{d.day} {d.strftime('%B')}" + (f" {d.year}" if year else "")

    if claim.date_start and claim.date_end and claim.date_start != claim.date_end:
        same_year = claim.date_start.year == claim.date_end.year
        return f"Between {fmt(claim.date_start, not same_year)} and {fmt(claim.date_end)}"
    when = claim.event_date or claim.date_start
    return f"On {fmt(when)}" if when else "On an unreported date"


def _where(claim: Claim) -> str:
    location, admin1 = claim.location, claim.admin1
    if location and admin1 and location.lower() != admin1.lower():
        return f"{location} ({admin1})"
    return location or admin1 or claim.country or "an unreported location"


def neutralise(text: str) -> str:
    """Replace loaded words of either side by neutral ones (case kept for the first letter)."""
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        new = LOADED_WORDS[word.lower()]
        return new.capitalize() if word[0].isupper() and new else new

    pattern = r"\b(?:" + "|".join(re.escape(w) for w in sorted(LOADED_WORDS, key=len, reverse=True)) + r")\b"
    text = re.sub(pattern, swap, text, flags=re.IGNORECASE)
    return re.sub(r"\s{2,}", " ", text).replace(" ,", ",").replace(" .", ".")


def compose_notes(claim: Claim) -> str:
    """A neutral ACLED-style sentence for ``claim`` from its date, place, actors, fatalities and losses."""
    template = load_codebook().types[SubEventType(claim.sub_event_type)].note
    near = "near" if (claim.geo_precision or 1) >= 2 else "in"
    # a protest with no named organiser was still held by protesters, a riot by rioters
    crowd = {"Violent demonstration": "rioters", "Mob violence": "rioters"}.get(
        claim.sub_event_type, "protesters" if claim.event_type == "Protests" else "an unidentified actor")
    a1 = describe_actor(claim.actor1, fallback=crowd)
    a2 = describe_actor(claim.actor2, fallback="another actor" if "{a2}" in template else "")
    body = template.format(a1=a1, a2=a2, loc=_where(claim), near=near)
    sentence = f"{_when(claim)}, {body}"
    extras = []
    if claim.fatalities:
        extras.append(f"{claim.fatalities} fatalit{'y was' if claim.fatalities == 1 else 'ies were'} reported")
    losses = [loss for loss in claim.losses if loss.count]
    if losses:
        listed = ", ".join(f"{loss.count} {loss.item}" for loss in losses[:4])
        side = _adjective(losses[0].side)
        extras.append(f"{claim.claimed_by or 'the source'} claimed {listed}{' of ' + side + ' forces' if side else ''} "
                      f"{losses[0].status}")
    # a denied, planned or hypothetical event is reported as such, never as a fact
    hedge = {"denied": "{who} denied this", "planned": "{who} reported it as planned",
             "hypothetical": "{who} reported it as a possibility"}.get(claim.modality)
    if hedge:
        extras.append(hedge.format(who=claim.claimed_by or "the source"))
    if extras:
        sentence += "; " + "; ".join(extras)
    sentence = sentence.rstrip(" ,;") + "."
    sentence = sentence[0].upper() + sentence[1:]
    return neutralise(sentence)
