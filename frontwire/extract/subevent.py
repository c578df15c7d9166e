"""Choosing one ACLED sub-event type for a text: rules first where they are decisive, the classifier otherwise.

ACLED's own precedence is followed where several things happen at once: a protest that police disperse is
"Protest with intervention"; an explosion's weapon decides its sub-type; fire with small arms, even mixed
with mortars, is an armed clash unless the weapons were "primarily heavy".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from frontwire.extract.triggers import TriggerHit, find_triggers

if TYPE_CHECKING:  # pragma: no cover
    from frontwire.extract.classifier import SubEventClassifier

_PROTEST_FAMILY = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                   "Violent demonstration"}
_CIVILIAN_VICTIM = re.compile(
    r"\b(?:civilians?|villagers?|residents?|shepherds?|sheperds?|farmers?|teachers?|scholars?|journalists?|"
    r"activists?|employees?|passengers?|worshippers|children|child|boy|girl|women|woman|a man|merchants?|"
    r"family|people|bloggers?|doctors?|students?|elders?)\b", re.IGNORECASE)
_MILITARY_TARGET = re.compile(
    r"\b(?:soldiers?|troops|police(?:m[ae]n)?|security (?:forces|personnel|posts?)|check ?points?|check ?posts?|"
    r"military|army|commandos?|militants?|Taliban|NDS|Arbakis?|militia|positions|convoy|base)\b", re.IGNORECASE)
_MILITARY_VICTIM = re.compile(r"\b(?:soldiers?|troops|police(?:m[ae]n)?|security personnel|Arbakis?|militia members?|"
                              r"servicem[ae]n|officers?)\b", re.IGNORECASE)
# "police said", "according to police": the police speak, they are not the victims
_SOURCE_MENTION = re.compile(r"\b(?:according to (?:the )?(?:\w+ ){0,2}police\w*|(?:the )?(?:\w+ ){0,2}police\w* "
                             r"(?:(?:officials?|spokesm[ae]n|sources?) )?(?:said|say|says|told|reported|confirmed|stated)|"
                             r"(?:said|told) (?:the )?(?:\w+ )?police\w*)\b", re.I)


def _military_victim(text: str) -> bool:
    """True when soldiers, police or militia are among the people acted on (not merely the source)."""
    return bool(_MILITARY_VICTIM.search(_SOURCE_MENTION.sub(" ", text)))


_HUMAN_HARM = re.compile(r"\b(?:kill\w*|wound\w*|injur\w*|dead|died|shot|beat\w*|attack\w*|clash\w*|fir(?:ed|ing)|"
                         r"explo\w+|protest\w*|demonstrat\w+|rall(?:y|ies))\b", re.I)
_ANIMALS = re.compile(r"\b\d+ (?:animals|sheep|cows|cattle|heads? of cattle|livestock)\b[^.;]*", re.I)
_CROWD = re.compile(r"\[size=|\b(?:mob|crowd|\d+ people|(?:an? )?(?:unidentified )?group|group of (?:\w+ ){0,3}(?:people|men|villagers|residents|students|activists)|"
                    r"about \d+ (?:men|people|villagers)|several (?:young )?men|dozens? of|members of)\b", re.I)
_SMALL_ARMS = re.compile(r"\b(?:small arms|sniper|machine ?guns?|gunfire|gun ?fire|rifles?|automatic weapons)\b", re.I)


@dataclass(frozen=True, slots=True)
class Typing:
    """The chosen sub-event type, how sure we are, and the trigger that decided it (None: classifier)."""

    sub_event_type: str
    confidence: float
    trigger: TriggerHit | None


_MARKET = re.compile(r"\b(?:shares?|stocks?|index|indices|prices?|percent|pence|cents|points|futures|bonds?|"
                     r"currency|dollar|euro|yen|crude|FTSE|Nikkei|Dow|Nasdaq|investors?|traders?|markets?)\b", re.I)


_SPORT = re.compile(r"\b(?:goals?|scored|scores|match|league|cup|season|tournament|championship|wickets?|innings|"
                    r"quarterfinals?|semifinals?|striker|coach|squad|halftime|half-time|stadium|fans|derby|rugby|"
                    r"football|soccer|cricket|tennis|fixtures?|kick-off|goalkeeper|referee|playoffs?|Olympics?)\b", re.I)


_ACCIDENT = re.compile(r"\b(?:accidents?|crash(?:ed|es)?|collisions?|collided|overturned|derailed|drown\w*|blaze|"
                       r"fire broke out|struck by lightning|hit-and-run|earthquake|flood\w*|landslides?|stampede)\b", re.I)
_WEAPON = re.compile(r"\b(?:gun\w*|shot|shooting|bomb\w*|explosi\w+|blasts?|IEDs?|mines?|missiles?|rockets?|shell\w*|"
                     r"drones?|air ?strikes?|militants?|rebels?|insurgents?|Taliban|soldiers?|troops|forces|attack\w*|"
                     r"armed|fighters?|ambush\w*|grenades?|snipers?)\b", re.I)
_NEEDS_CONTEXT = frozenset({"Arrests", "Other", "Looting/property destruction", "Sexual violence"})
_POLITICAL = re.compile(
    r"\b(?:president|prime[- ]minister|premier|ministers?|ministry|government|parliament\w*|party|parties|opposition|"
    r"activists?|journalists?|protest\w*|demonstrat\w+|rall(?:y|ies)|election\w*|candidates?|MPs?|lawmakers?|"
    r"governors?|mayors?|officials?|leaders?|commanders?|militants?|rebels?|insurgents?|Taliban|terror\w*|"
    r"extremists?|jihadists?|Islamic State|(?-i:ISIS|IS)|al-Qaeda|Shabaab|Boko Haram|separatists?|dissidents?|bloggers?|"
    r"spy|spies|espionage|treason|coup|soldiers?|troops|army|military|militias?|fighters?|gunmen|armed|"
    r"hostages?|prisoners? of war|captives?|ceasefire|war|conflict|constitutional order|national security|"
    r"security forces|rioters?|mobs?|looters?|vigilantes?|refugees?|displaced)\b", re.I)


def _mask_figurative(text: str) -> str:
    """Blank the event words a text uses in another sense (offsets kept): "shares rallied" in a market report;
    "rally to a 3-2 win", "a derby clash" in a match report; nine people "killed in an accident"; "the army
    demonstrated high professionalism"."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group())

    if len(_MARKET.findall(text)) >= 2:
        text = re.sub(r"\b(?:rall(?:y|ies|ied|ying)|march(?:ed|es|ing)?)\b", blank, text, flags=re.I)
    if len(_SPORT.findall(text)) >= 2:
        text = re.sub(r"\b(?:rall(?:y|ies|ied|ying)|march(?:ed|es|ing)?|clash(?:es|ed)?|battl\w*|fight\w*|fought|"
                      r"attack\w*|shots?|shooting|beat(?:en|ing)?|offensive|derby)\b", blank, text, flags=re.I)
    if _ACCIDENT.search(text) and not _WEAPON.search(text):
        text = re.sub(r"\b(?:killed|killing|died|dead|injured|wounded|hurt|hit)\b", blank, text, flags=re.I)
    return re.sub(r"\bdemonstrated(?=\s+(?:its|their|his|her|high|great|a|an|the|that|how)\b)", blank, text,
                  flags=re.I)


def _in_context(sub_event_type: str, text: str) -> bool:
    """ACLED codes an arrest, a theft, a rape or a release only where politics or armed conflict is involved (a
    president arrested, soldiers looting, militants raping, hostages freed): a crime report is no event."""
    return sub_event_type not in _NEEDS_CONTEXT or bool(_POLITICAL.search(text))


def type_by_rules(text: str, *, actor1_state: bool | None = None, hits: list[TriggerHit] | None = None
                  ) -> Typing | None:
    """The sub-event type the rules give for ``text``, or None where no rule fires.

    ``actor1_state`` tells whether the acting side is a state force (decides who "captured" a place).
    """
    hits = find_triggers(_mask_figurative(text)) if hits is None else hits
    hits = [h for h in hits if _in_context(h.sub_event_type, text)]
    if not hits:
        return None
    by_type = {h.sub_event_type: h for h in hits}

    def pick(sub: str, conf: float) -> Typing:
        return Typing(sub, conf, by_type.get(sub))

    for decisive in ("Chemical weapon", "Suicide bomb", "Sexual violence"):
        if decisive in by_type:
            return pick(decisive, 0.9)
    if "Agreement" in by_type:
        return pick("Agreement", 0.85)
    protest = "Peaceful protest" in by_type or any(h in by_type for h in _PROTEST_FAMILY - {"Peaceful protest"})
    protest_word = re.search(r"\b(?:protest\w*|rall(?:y|ies|ied)|demonstrat\w+|picket\w*|(?-i:march(?:ed|es)?)|sit-in|"
                             r"hunger strike|on strike|gathered (?:outside|in front of|near|at)|(?:gathered|assembled|marched) [^.;]{0,80}?"
                             r"\bto (?:demand|protest|denounce|condemn|call for))\b", text, re.I)
    if protest and protest_word:
        if "Excessive force against protesters" in by_type:
            return pick("Excessive force against protesters", 0.8)
        if "Violent demonstration" in by_type:
            return pick("Violent demonstration", 0.65)
        if "Protest with intervention" in by_type:
            return pick("Protest with intervention", 0.7)
        if "Mob violence" in by_type:
            return pick("Violent demonstration", 0.55)
        return pick("Peaceful protest", 0.7)
    if "Disrupted weapons use" in by_type:
        shot_down = re.match(r"(?:shot down|intercepted)", by_type["Disrupted weapons use"].text, re.I)
        striking = [t for t in ("Air/drone strike", "Shelling/artillery/missile attack") if t in by_type]
        if not (shot_down and striking):
            return pick("Disrupted weapons use", 0.75)
        # an aircraft that struck and was shot down: the strike is the event, the shoot-down a second one
    if ("Abduction/forced disappearance" in by_type and not re.search(r"\bkidnapped and killed\b", text, re.I)
            and not _military_victim(text)):
        return pick("Abduction/forced disappearance", 0.8)
    if "Grenade" in by_type:
        return pick("Grenade", 0.8)
    if "Remote explosive/landmine/IED" in by_type:
        return pick("Remote explosive/landmine/IED", 0.75)
    if "Air/drone strike" in by_type:
        return pick("Air/drone strike", 0.75)
    if "Headquarters or base established" in by_type:
        return pick("Headquarters or base established", 0.7)
    if "Non-violent transfer of territory" in by_type:
        return pick("Non-violent transfer of territory", 0.7)
    taking = by_type.get("Government regains territory") or by_type.get("Non-state actor overtakes territory")
    if taking is not None:
        if "Non-state actor overtakes territory" in by_type and actor1_state is not True:
            return pick("Non-state actor overtakes territory", 0.8)
        if actor1_state is not False:
            return pick("Government regains territory", 0.7)
        return Typing("Non-state actor overtakes territory", 0.6, taking)
    if "Shelling/artillery/missile attack" in by_type:
        heavy = re.search(r"primarily heavy|long range weapons|\bshell(?:ed|ing)\b|missiles?|rockets?|MLRS|howitzer", text, re.I)
        if heavy or not _SMALL_ARMS.search(text):
            return pick("Shelling/artillery/missile attack", 0.7)
        return pick("Armed clash", 0.65)
    if "Looting/property destruction" in by_type and not _HUMAN_HARM.search(_ANIMALS.sub("", text)):
        return pick("Looting/property destruction", 0.8)
    if "Mob violence" in by_type and _CROWD.search(text) and not _MILITARY_TARGET.search(text):
        return pick("Mob violence", 0.8)
    # "clashes killed 20 people": people killed in a fight are its toll; "gunmen killed nine people", an attack
    toll = "Attack" in by_type and "Armed clash" in by_type and by_type["Attack"].text.lower().endswith("people")
    if "Attack" in by_type and not _military_victim(text) and not toll:
        return pick("Attack", 0.6)
    if "Armed clash" in by_type:
        return pick("Armed clash", 0.6)
    if "Attack" in by_type:
        return pick("Attack", 0.5)
    if "Mob violence" in by_type:
        return pick("Mob violence", 0.8 if _CROWD.search(text) else 0.55)
    if "Change to group/activity" in by_type:
        return pick("Change to group/activity", 0.6)
    if "Arrests" in by_type:
        return pick("Arrests", 0.6 if _HUMAN_HARM.search(text) else 0.8)
    if "Looting/property destruction" in by_type:
        return pick("Looting/property destruction", 0.5)
    if "Peaceful protest" in by_type:
        return pick("Peaceful protest", 0.5)
    if "Other" in by_type:
        return pick("Other", 0.4 if _HUMAN_HARM.search(text) else 0.8)
    return None


def choose_sub_event(text: str, *, classifier: SubEventClassifier | None, actor1_state: bool | None = None,
                     always: bool = False) -> Typing | None:
    """Combine rules and classifier: decisive rules win, then a confident classifier, then the rules.

    ``always``: answer even when no rule fires and the classifier is unsure (a note's main event).
    """
    rules = type_by_rules(text, actor1_state=actor1_state)
    if classifier is None:
        return rules
    label, prob = classifier.predict_one(text)
    if rules is None:
        return Typing(label, prob * 0.8, None) if (prob >= 0.6 or always) else None
    if rules.confidence >= 0.75 and rules.sub_event_type != label:
        return rules
    if prob >= 0.5 or rules.sub_event_type == label:
        return Typing(label, max(prob, rules.confidence), rules.trigger if rules.sub_event_type == label else None)
    return rules
