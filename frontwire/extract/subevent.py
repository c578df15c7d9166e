"""Choosing one ACLED sub-event type for a text: the codebook's rules where they are decisive, the classifier
otherwise.

ACLED's own precedence is followed where several things happen at once (the ``precedence`` list of
``frontwire/data/codebook/acled.toml``): a protest that police disperse is "Protest with intervention"; an
explosion's weapon decides its sub-type; fire with small arms, even mixed with mortars, is an armed clash unless
the weapons were "primarily heavy". The context tests that list refers to are defined here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from frontwire.extract.acled import PROTEST_FAMILY, Codebook, SubEventType, load_codebook
from frontwire.extract.triggers import TriggerHit, fold_case, may_hold, pattern_needles, triggers_of

if TYPE_CHECKING:  # pragma: no cover
    from frontwire.extract.classifier import SubEventClassifier

_MILITARY_TARGET = re.compile(
    r"\b(?:soldiers?|troops|police(?:m[ae]n)?|security (?:forces|personnel|posts?)|check ?points?|check ?posts?|"
    r"military|army|commandos?|militants?|Taliban|NDS|Arbakis?|militia|positions|convoy|base)\b", re.IGNORECASE)
_MILITARY_VICTIM = re.compile(r"\b(?:soldiers?|troops|police(?:m[ae]n)?|security personnel|Arbakis?|militia members?|"
                              r"servicem[ae]n|officers?)\b", re.IGNORECASE)
# "police said", "according to police": the police speak, they are not the victims
_SOURCE_MENTION = re.compile(r"\b(?:according to (?:the )?(?:\w+ ){0,2}police\w*|(?:the )?(?:\w+ ){0,2}police\w* "
                             r"(?:(?:officials?|spokesm[ae]n|sources?) )?(?:said|say|says|told|reported|confirmed|stated)|"
                             r"(?:said|told) (?:the )?(?:\w+ )?police\w*)\b", re.I)


def _military_victim_in(text: str) -> bool:
    """True when soldiers, police or militia are among the people acted on (not merely the source)."""
    return bool(_MILITARY_VICTIM.search(_SOURCE_MENTION.sub(" ", text)))


_PROTEST_WORD = re.compile(
    r"\b(?:protest\w*|rall(?:y|ies|ied)|demonstrat\w+|picket\w*|rioters?|rioting|(?-i:march(?:ed|es)?)|sit-in|occupy(?:ing)?|hunger strike|on strike|"
    r"gathered (?:outside|in front of)|(?:gathered|assembled|marched) [^.;]{0,80}?\bto (?:demand|protest|"
    r"denounce|condemn|call for))\b", re.I)
_ARMED = re.compile(r"\b(?:soldiers?|troops|army|military|armed forces|forces|militants?|rebels?|insurgents?|Taliban|"
                    r"fighters?|militias?|jihadists?|al-Shabaab|Islamic State|(?-i:IS|ISIS|ISIL)|Boko Haram|guerrillas?|"
                    r"paramilitar\w+|battalions?|brigades?|units?)\b", re.I)
_HUMAN_HARM = re.compile(r"\b(?:kill\w*|wound\w*|injur\w*|dead|died|shot|beat\w*|attack\w*|clash\w*|fir(?:ed|ing)|"
                         r"explo\w+|protest\w*|demonstrat\w+|rall(?:y|ies))\b", re.I)
_ANIMALS = re.compile(r"\b\d+ (?:animals|sheep|cows|cattle|heads? of cattle|livestock)\b[^.;]*", re.I)
_CROWD = re.compile(r"\[size=|\b(?:mob|crowd|\d+ people|(?:an? )?(?:unidentified )?group|group of (?:\w+ ){0,3}(?:people|men|villagers|residents|students|activists)|"
                    r"about \d+ (?:men|people|villagers)|several (?:young )?men|dozens? of|members of)\b", re.I)
_SMALL_ARMS = re.compile(r"\b(?:small arms|sniper|machine ?guns?|gunfire|gun ?fire|rifles?|automatic weapons)\b", re.I)


# the graver forms of a demonstration the classifier may choose only where a trigger found their act (a trigger of
# any of the listed types): violence by the crowd, an intervention by the police, force against the protesters
_NEEDS_ITS_TRIGGER: dict[str, frozenset[str]] = {
    "Violent demonstration": frozenset({"Violent demonstration", "Mob violence"}),
    "Mob violence": frozenset({"Violent demonstration", "Mob violence"}),
    "Protest with intervention": frozenset({"Protest with intervention", "Excessive force against protesters"}),
    "Excessive force against protesters": frozenset({"Excessive force against protesters"}),
}


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
                    r"football|soccer|cricket|tennis|fixtures?|kick-off|goalkeeper|referee|playoffs?|Olympics?|penalt(?:y|ies)|finals?|"
                    r"EFL|FA Cup|Premier League|extra time)\b", re.I)


_ACCIDENT = re.compile(r"\b(?:accidents?|gas (?:leak|explosion|cylinder)s?|crash(?:ed|es)?|collisions?|collided|overturned|derailed|drown\w*|blaze|"
                       r"fire broke out|struck by lightning|hit-and-run|earthquake|flood\w*|landslides?|stampede)\b", re.I)
_WEAPON = re.compile(r"\b(?:gun\w*|shot|shooting|bomb\w*|explosi\w+|blasts?|IEDs?|mines?|missiles?|rockets?|shell\w*|"
                     r"drones?|air ?strikes?|militants?|rebels?|insurgents?|Taliban|soldiers?|troops|forces|attack\w*|"
                     r"armed|fighters?|ambush\w*|grenades?|snipers?)\b", re.I)
_POLITICAL = re.compile(
    r"\b(?:president|prime[- ]minister|premier|ministers?|ministry|government|parliament\w*|party|parties|opposition|"
    r"activists?|journalists?|protest\w*|demonstrat\w+|rall(?:y|ies)|election\w*|candidates?|MPs?|lawmakers?|"
    r"governors?|mayors?|officials?|leaders?|commanders?|militants?|rebels?|insurgents?|Taliban|terror\w*|"
    r"extremists?|jihadists?|Islamic State|(?-i:ISIS|IS)|al-Qaeda|Shabaab|Boko Haram|separatists?|dissidents?|bloggers?|"
    r"spy|spies|espionage|treason|coup|soldiers?|troops|army|military|militias?|fighters?|gunmen|armed|"
    r"hostages?|prisoners? of war|captives?|ceasefire|war|conflict|constitutional order|national security|"
    r"security forces|rioters?|mobs?|looters?|vigilantes?|refugees?|displaced|pro-independence|slogans?|"
    r"national security|sedition|subversion|dissent\w*|unlawful assembly)\b", re.I)


def _mask_figurative(text: str) -> str:
    """Blank the event words a text uses in another sense (offsets kept): "shares rallied" in a market report;
    "rally to a 3-2 win", "a derby clash" in a match report; nine people "killed in an accident"; "the army
    demonstrated high professionalism"."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group())

    # each test is made only where the text holds a word every match of it needs (``pattern_needles``): most
    # texts hold none of a market's, a match's or an accident's words
    folded = fold_case(text)
    if may_hold(pattern_needles(_MARKET), folded) and len(_MARKET.findall(text)) >= 2:
        text = re.sub(r"\b(?:rall(?:y|ies|ied|ying)|march(?:ed|es|ing)?)\b", blank, text, flags=re.I)
        folded = fold_case(text)
    if may_hold(pattern_needles(_SPORT), folded) and len(_SPORT.findall(text)) >= 2:
        text = re.sub(r"\b(?:rall(?:y|ies|ied|ying)|march(?:ed|es|ing)?|clash(?:es|ed)?|battl\w*|fight\w*|fought|"
                      r"attack\w*|shots?|shooting|shoot-?outs?|beat(?:en|ing)?|offensive|derby)\b", blank, text, flags=re.I)
        folded = fold_case(text)
    if may_hold(pattern_needles(_ACCIDENT), folded) and _ACCIDENT.search(text) and not _WEAPON.search(text):
        text = re.sub(r"\b(?:killed|killing|died|dead|injured|wounded|hurt|hit)\b", blank, text, flags=re.I)
        folded = fold_case(text)
    if "demonstrated" not in folded:
        return text
    return re.sub(r"\bdemonstrated(?=\s+(?:its|their|his|her|high|great|a|an|the|that|how)\b)", blank, text,
                  flags=re.I)


# -- context tests: what a codebook entry may ask of the text (``needs`` / ``unless``) --------------------------

@dataclass(frozen=True, slots=True)
class Context:
    """What the tests look at: the text, the triggers that fired, and whether the acting side is a state force."""

    text: str
    by_type: dict[str, TriggerHit]
    actor1_state: bool | None


def _political(c: Context) -> bool:
    """A political or armed actor is in view (ACLED codes arrests, thefts, rapes and releases only then)."""
    return bool(_POLITICAL.search(c.text))


def _protest_event(c: Context) -> bool:
    """Protest words and a protest-family trigger: the text tells a demonstration."""
    return any(str(t) in c.by_type for t in PROTEST_FAMILY) and bool(_PROTEST_WORD.search(c.text))


def _shot_down_while_striking(c: Context) -> bool:
    """An aircraft that struck and was shot down: the strike is the event, the shoot-down a second one."""
    hit = c.by_type.get("Disrupted weapons use")
    shot_down = hit is not None and re.match(r"(?:shot down|intercepted)", hit.text, re.I)
    return bool(shot_down) and any(t in c.by_type for t in ("Air/drone strike", "Shelling/artillery/missile attack"))


def _kidnapped_and_killed(c: Context) -> bool:
    """ "kidnapped and killed": the killing is the event."""
    return bool(re.search(r"\bkidnapped and killed\b", c.text, re.I))


def _military_victim(c: Context) -> bool:
    """Soldiers, police or militia are among the people acted on (not merely the source)."""
    return _military_victim_in(c.text)


def _actor1_state(c: Context) -> bool:
    """The acting side is a state force."""
    return c.actor1_state is True


def _actor1_not_state(c: Context) -> bool:
    """The acting side is known not to be a state force."""
    return c.actor1_state is False


def _small_arms_only(c: Context) -> bool:
    """Small arms are named and no heavy weapon is: a clash, even with a mortar round."""
    heavy = re.search(r"primarily heavy|long range weapons|\bshell(?:ed|ing)\b|missiles?|rockets?|MLRS|howitzer",
                      c.text, re.I)
    return not heavy and bool(_SMALL_ARMS.search(c.text))


def _human_harm(c: Context) -> bool:
    """People were hurt, fought or demonstrated (animals killed do not count)."""
    return bool(_HUMAN_HARM.search(_ANIMALS.sub("", c.text)))


def _armed_actor(c: Context) -> bool:
    """An army or an armed group is in view (a word for one, or a group the reference tables know: "MNDAA"): a
    base is theirs (refugees who "set up camp" establish none)."""
    return bool(_ARMED.search(c.text) or _known_groups().search(c.text))


@lru_cache(maxsize=1)
def _known_groups() -> re.Pattern[str]:
    from frontwire.reference import reference

    names = sorted({n for g in reference().groups if g.inter in (2, 3, 4) for n in (g.name, *g.aliases)
                    if len(n) > 2}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b") if names else re.compile(r"(?!x)x")


def _crowd(c: Context) -> bool:
    """A crowd, a group or a number of people acted."""
    return bool(_CROWD.search(c.text))


_CROWD_AGAINST_POLICE = re.compile(r"^(?:protest[eo]rs?|demonstrators?|rioters?|crowds?|mobs?|marchers)\b.*\b(?:police\w*|"
                                   r"officers?|constables?|cops|gendarmes?|troopers|security|cordons?|lines?)\b", re.I | re.S)


def _against_police(c: Context) -> bool:
    """The violent demonstration's trigger has the crowd act against the police ("the mob tried to shove past
    police"): a crowd against the police lines is a demonstration, not a mob attacking people."""
    hit = c.by_type.get("Violent demonstration")
    return hit is not None and bool(_CROWD_AGAINST_POLICE.search(hit.text))


def _military_target(c: Context) -> bool:
    """Soldiers, police, a checkpoint or a base were the target."""
    return bool(_MILITARY_TARGET.search(c.text))


def _clash_toll(c: Context) -> bool:
    """ "clashes killed 20 people": people killed in a fight are its toll, not victims of an attack."""
    attack = c.by_type.get("Attack")
    return attack is not None and "Armed clash" in c.by_type and attack.text.lower().endswith("people")


CONTEXT_TESTS: dict[str, Callable[[Context], bool]] = {
    "political": _political, "protest_event": _protest_event, "shot_down_while_striking": _shot_down_while_striking,
    "kidnapped_and_killed": _kidnapped_and_killed, "military_victim": _military_victim,
    "actor1_state": _actor1_state, "actor1_not_state": _actor1_not_state, "small_arms_only": _small_arms_only,
    "human_harm": _human_harm, "crowd": _crowd, "armed_actor": _armed_actor, "military_target": _military_target, "clash_toll": _clash_toll,
    "against_police": _against_police,
}


def codebook() -> Codebook:
    """The codebook, checked against the context tests defined here."""
    return load_codebook(tests=frozenset(CONTEXT_TESTS))


def type_by_rules(text: str, *, actor1_state: bool | None = None, hits: list[TriggerHit] | None = None
                  ) -> Typing | None:
    """The sub-event type the codebook gives for ``text``, or None where no trigger fires.

    The one loop that applies the codebook: triggers fire, a type's ``needs`` filter them, and the first
    precedence entry that holds decides. ``actor1_state`` tells whether the acting side is a state force
    (decides who "captured" a place).
    """
    if hits is None:
        return _typed_by_rules(text, actor1_state)
    return _typing(text, actor1_state, hits)


@lru_cache(maxsize=4096)
def _typed_by_rules(text: str, actor1_state: bool | None) -> Typing | None:
    """``type_by_rules`` of a text with its own triggers, remembered: a note's one sentence is typed as its
    event sentence, as its lead and as its body."""
    return _typing(text, actor1_state, _hits(text))


def _typing(text: str, actor1_state: bool | None, hits: list[TriggerHit]) -> Typing | None:
    book = codebook()
    context = Context(text, {}, actor1_state)
    hits = [h for h in hits if all(CONTEXT_TESTS[t](context) for t in book.types[SubEventType(h.sub_event_type)].needs)]
    if not hits:
        return None
    by_type = {h.sub_event_type: h for h in hits}
    context = Context(text, by_type, actor1_state)
    for decision in book.precedence:
        fired = [str(t) for t in decision.fired if str(t) in by_type]
        if not fired:
            continue
        if not all(CONTEXT_TESTS[t](context) for t in decision.needs):
            continue
        if any(CONTEXT_TESTS[t](context) for t in decision.unless):
            continue
        becomes = str(decision.becomes)
        return Typing(becomes, decision.confidence, by_type.get(becomes, by_type[fired[0]]))
    return None


def _hits(text: str) -> list[TriggerHit]:
    """The triggers of ``text`` with its figures of speech masked (``triggers_of`` remembers them)."""
    return list(triggers_of(_mask_figurative(text)))


def choose_sub_event(text: str, *, classifier: SubEventClassifier | None, actor1_state: bool | None = None,
                     always: bool = False) -> Typing | None:
    """Combine rules and classifier: decisive rules win, then a confident classifier, then the rules.

    ``always``: answer even when no rule fires and the classifier is unsure (a note's main event).
    """
    hits = _hits(text)
    rules = type_by_rules(text, actor1_state=actor1_state)
    if classifier is None:
        return rules
    label, prob = classifier.predict_one(text)  # typed ahead in a batch where the caller expected it
    if label in _NEEDS_ITS_TRIGGER and not ({h.sub_event_type for h in hits} & _NEEDS_ITS_TRIGGER[label]):
        # the model reads words, not who did what: "riot police", "fears of clashes" or officers standing by make
        # it guess a violent or policed demonstration; only the act itself, as a trigger found it, makes one
        if rules is not None or not always:
            return rules
    if rules is None:
        return Typing(label, prob * 0.8, None) if (prob >= 0.6 or always) else None
    if rules.confidence >= 0.75 and rules.sub_event_type != label:
        return rules
    if prob >= 0.5 or rules.sub_event_type == label:
        return Typing(label, max(prob, rules.confidence), rules.trigger if rules.sub_event_type == label else None)
    return rules
