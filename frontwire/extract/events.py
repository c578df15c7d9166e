"""From mentions to events: the mentions of one happening within an article become one event, as ACLED codes it.

ACLED codes one event per place per day (and per pair of actors). An article tells a happening several times, in
its lead, a detail paragraph, a caption and a quote, and tells several happenings in one sentence ("captured A, B
and C"). The rules, in the order they apply:

1. A *report* mention (a unit whose role is ``report``) that asserts or denies a happening makes events: one per
   place its clause names. Plans, possibilities, background and reactions make none.
2. A counted capture ("liberated eight more villages") takes the villages the next sentences list for it.
3. A report mention whose clause names no place takes the places of the next sentence when that sentence goes on
   about the same thing ("... destroyed a convoy." "The convoy ... in the direction of Khojavend"; "It said the
   clashes were mainly in the A, B and C direction").
4. Otherwise a mention joins the event of the same kind (the same sub-event type, the demonstration family, or a
   type the codebook relates to it) told before it, at the same place when it names one: its deaths, losses and
   actors complete that event, and a graver form of a demonstration (police dispersing the protest just told)
   becomes the event's type. Captions, repeats and quotes only ever join.
5. A lead report mention that joins nothing and names no place is still an event (the geo stage places it by
   the article's own region); elsewhere such a mention is dropped: no fallback to an unrelated place.
6. A mention with no event words that counts deaths right after an event's sentence gives that event its toll;
   losses go to the nearest event of the same claimant.

``merge_placed`` then merges events that the geo and dates stages put at the same place on the same day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

from frontwire.dates.expressions import find_date_expressions
from frontwire.extract.acled import DEMONSTRATION_TYPES, disorder_type_of, event_type_of, interaction, load_codebook
from frontwire.extract.actors import ActorMention, find_actors, find_countries, state_actor
from frontwire.extract.assemble import make_frame
from frontwire.extract.claims import Attribution, quote_spans, speaker_of
from frontwire.extract.geo_hints import biggest_place, place_in_country
from frontwire.extract.mentions import ArticleContext, Mention
from frontwire.extract.places import PlaceMention, event_places
from frontwire.extract.roles import STATE_KINDS, generic_agent
from frontwire.extract.structure import EVENT_ROLES, Role, Unit
from frontwire.extract.subevent import Typing, type_by_rules
from frontwire.records import EventFrame, Loss, Place, Span

# the gravity of the demonstration family: police who detain a protest's participants make it a protest with
# intervention, force against it "Excessive force", violence by its crowd a violent demonstration
_GRAVITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Violent demonstration": 2,
            "Excessive force against protesters": 3, "Mob violence": 2}
EVENT_MODALITIES = ("asserted", "denied")
_LOOK_AHEAD = 2  # sentences a mention may look ahead for its places or its listed villages
_REFERS_BACK = re.compile(r"\b(?:the|these|those)\s+(?:clashes|attacks?|shelling|fighting|strikes?|battles?|"
                          r"protests?|demonstrations?|rall(?:y|ies)|march(?:es)?)\b", re.I)
_SHARED_OBJECTS = frozenset({"convoy", "aircraft", "helicopter", "drone", "tank", "jet", "base", "checkpoint",
                             "village", "town", "ship"})
# "after the rampage which killed 12 people": the toll of another happening, named in passing
_OTHER_TOLL = re.compile(r"\b(?:which|that|who) (?:had )?(?:killed|left|claimed)\b", re.I)
# a count of all the dead ("Eight people died", "left 30 dead", "the death toll rose to 9"), not of some of them
_TOTAL_DEAD = re.compile(r"\b(?:people|persons|lives|victims|death toll|toll)\b|\b\d+\s+(?:were\s+)?dead\b|"
                         r"\b(?:were|are)\s+dead\b", re.I)


def family(sub_event_type: str | None) -> str:
    """Sub-event types that one happening's mentions may carry: the demonstration family is one, each other type
    its own."""
    if sub_event_type in DEMONSTRATION_TYPES:
        return "demonstration"
    return sub_event_type or ""


def joinable(a: str | None, b: str | None) -> bool:
    """Two mentions' types may tell one happening: the same family, or types the codebook relates."""
    if a is None or b is None:
        return False
    return family(a) == family(b) or load_codebook().related(a, b)


@dataclass(slots=True)
class _Event:
    """An event being gathered: its head mention (the first report of it), the place, and what joins it."""

    head: Mention
    typing: Typing
    place: PlaceMention | None
    agent: ActorMention | None
    target: ActorMention | None
    fatalities: int | None
    losses: tuple[Loss, ...]
    evidence: list[Span] = field(default_factory=list)
    members: list[Mention] = field(default_factory=list)
    secondary: bool = False  # a second event of the head's clause (the shoot-down of an aircraft that struck)

    @property
    def place_key(self) -> str:
        return _place_key(self.place)


def _place_key(place: PlaceMention | None) -> str:
    if place is None or place.name is None:
        return ""
    return " ".join(place.name.text.lower().split())


# below this the report model finds a sentence unlikely to tell a current event: its trigger words make no event
# (0.1 keeps every event of the seed, a wire report unlike the model's training outlet; 0.2 already lost events
# of the development articles)
REPORT_FLOOR = 0.1


# how deep into an article a happening told with no mark of the present is more likely history than news
DEEP_UNIT = 20
_PRESENT = re.compile(r"\b(?:today|tonight|yesterday|last night|this (?:morning|afternoon|evening|week|weekend)|"
                      r"over the weekend|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?|"
                      r"(?:has|have) (?:been )?\w+(?:ed|en|wn|ht)|(?:is|are) (?:still )?\w+ing|now|still)\b")


def makes_events(mention: Mention, ctx: ArticleContext | None = None, units: list[Unit] | None = None) -> bool:
    """A mention that may make events: a report (or a quote its speaker is named for) that asserts or denies a
    happening, that the report model does not find unlikely to tell a current event, and, deep in an article,
    that it or a report just before it marks as present ("on Sunday", "has been"): past-tense narration told
    after twenty sentences of an article is its background more often than its news."""
    told = mention.unit.role in EVENT_ROLES or (mention.unit.role == Role.QUOTE and mention.speaker is not None)
    if ctx is not None and ctx.reports and ctx.reports[mention.index] < REPORT_FLOOR:
        return False
    if units is not None and mention.index >= DEEP_UNIT and not any(
            _PRESENT.search(u.text) for u in units[max(0, mention.index - 2):mention.index + 1]
            if u.role in (Role.REPORT, Role.QUOTE)):
        return False
    return told and mention.typing is not None and mention.modality in EVENT_MODALITIES


def _told_later(events: list[_Event], mention: Mention, published: date | None) -> _Event | None:
    """The one event, made after a placeless mention was read, that tells the same day and kind of happening."""
    day = _own_day(mention.text, published)
    if day is None or mention.typing is None:
        return None
    same = [e for e in events if not e.secondary and _own_day(e.head.text, published) == day
            and joinable(e.typing.sub_event_type, mention.sub_event_type)]
    return same[0] if len(same) == 1 else None


def group_mentions(mentions: list[Mention], units: list[Unit], ctx: ArticleContext) -> list[EventFrame]:
    """The article's events, in the order their first report is told (see the module docstring)."""
    events: list[_Event] = []
    consumed: set[int] = set()  # units whose mention another mention took over
    orphans: list[Mention] = []  # losses of reports that made no event
    for mention in mentions:
        if mention.index in consumed:
            continue
        if mention.typing is None:
            _add_detail(events, mention)
        elif mention.joins_only or mention.sub_event_type == "Arrests":
            # arrests at a protest are its policing, not a development of their own (ACLED codes one event)
            protest = _demonstration_nearby(events, mention, _recent_places(units, mention, events))
            if protest is not None:
                typing = Typing("Protest with intervention", 0.6, mention.typing.trigger)
                policing = replace(mention, typing=typing)
                _merge_into(protest, policing)
                for place in mention.places[1:]:
                    # "scores were arrested in Minsk and in the city of Grodno": a protest policed in each place
                    if place.kind != "country" and _same_event(events, policing, place) is None:
                        events.append(_Event(policing, typing, place, protest.agent, protest.target,
                                             None, (), [_span(mention)], [policing]))
            elif not mention.joins_only and makes_events(mention, ctx, units) and not _report(events, mention, units, consumed,
                                                                                  ctx):
                orphans.append(mention)
        elif makes_events(mention, ctx, units):
            if not _report(events, mention, units, consumed, ctx):
                orphans.append(mention)
        else:
            _join(events, mention, ctx.published)
    for mention in orphans:
        later = _told_later(events, mention, ctx.published)
        if later is not None:
            # "A previous protest on Friday night was peaceful though police arrested 22", told before the
            # article names where Friday's march was: it joins that day's event once there is one
            _merge_into(later, mention)
        elif mention.losses:
            _add_detail(events, replace(mention, fatalities=None))
    for event in events:
        _refine_place(event, units, ctx.entities)
    return [_frame(e, ctx) for e in events]


_EVENT_NOUNS = re.compile(r"\b(?:attacks?|assaults?|blasts?|bomb(?:s|ings?)?|explosions?|clash(?:es)?|fighting|"
                          r"shelling|strikes?|raids?|ambush(?:es)?|protests?|rall(?:y|ies)|demonstrations?|march(?:es)?|"
                          r"riots?|shootings?|stabbings?|killings?|violence|operation)\b", re.I)


def _refine_place(event: _Event, units: list[Unit], entities: tuple[tuple[int, int, str], ...]) -> None:
    """An event told with no place, or only a country ("bomb attacks at a shopping area in Thailand"), takes the
    first town a following sentence gives for the same thing ("... behind the attacks which happened ... in Yala
    city"): the place comes from the event's own clause, then from the sentences that go on about it."""
    if event.place is not None and event.place.kind != "country":
        return
    nouns = {w.lower().rstrip("s") for w in _EVENT_NOUNS.findall(event.head.text)}
    members = {m.index for m in event.members}
    for unit in units[event.head.index: event.head.index + 4]:
        if unit.role not in (Role.REPORT, Role.QUOTE):
            continue
        shared = {w.lower().rstrip("s") for w in _EVENT_NOUNS.findall(unit.text)} & nouns
        # the lead's placeless event is placed by the sentences right after it, whatever words they use
        right_after = event.place is None and event.head.unit.lead and unit.index - event.head.index <= 2
        if unit.index not in members and not shared and not right_after:
            continue
        places = [p for p in event_places(unit.text, unit.start, list(entities)) if p.kind != "country"]
        if event.place is not None and event.place.name is not None:
            # a country told for the event bounds where the sentences after it may place it
            country = find_countries(event.place.name.text)
            places = [p for p in places if p.name is not None and country
                      and place_in_country(p.name.text, country[0][0])]
        if places:
            event.place = places[0]
            if Span(unit.text, unit.start, unit.end) not in event.evidence:
                event.evidence.append(Span(unit.text, unit.start, unit.end))
            return


HOME_REPORT = 0.6  # how surely a sentence must tell a current event to be placed at the article's town alone


def _told_at_home(mention: Mention, ctx: ArticleContext) -> bool:
    """A report of a current happening that names no place, in an article whose first reports place its story in
    one town ("Police arrested 74 people during last Sunday's protest at the market" in a Melbourne story): the
    coder places it in that town, as the geo stage does for an event whose sentences name only its region."""
    index = mention.unit.index
    if ctx.home_town is None or index >= len(ctx.reports) or ctx.reports[index] < HOME_REPORT:
        return False
    # a sentence that names another town in words the place reader does not take ("the building where Portland
    # Mayor Ted Wheeler lives") is not the home town's; a park or a square the gazetteer lacks may be
    unit, text = mention.unit, ctx.document.text
    return not any(unit.start <= s and e <= unit.end and label == "GPE" and text[s:e] != ctx.home_town.text
                   and biggest_place(text[s:e]) is not None for s, e, label in ctx.entities)


def _report(events: list[_Event], mention: Mention, units: list[Unit], consumed: set[int],
            ctx: ArticleContext) -> bool:
    """Make (or join) the events a report mention tells; False when it makes none and joins none."""
    places = list(mention.places)
    extra: list[Span] = []
    if mention.count is not None and not any(p.kind == "village" for p in places):
        listed = _listed_ahead(units, mention, places, ctx.entities)
        if isinstance(listed, str):
            return True  # the next sentence lists the villages with its own capture words: it makes the events
        if listed is not None:
            later, places = listed
            consumed.add(later.index)
            extra.append(Span(later.text, later.start, later.end))
    if not places:
        borrowed = _places_ahead(units, mention, ctx.entities)
        if borrowed is not None:
            later, places, takes_over = borrowed
            extra.append(Span(later.text, later.start, later.end))
            if takes_over:
                consumed.add(later.index)
            if mention.speaker is None:
                # "... destroyed a convoy." "The ministry said the convoy ...": who tells the rest tells it all
                text = ctx.document.text
                mention = replace(mention, speaker=speaker_of(later.start, later.end, text, quote_spans(text), None))
    if not places:
        target = _joinable_event(events, mention, _recent_places(units, mention, events), ctx.published)
        if target is not None:
            _merge_into(target, mention)
            return True
        earlier = _places_before(units, mention, ctx.entities)
        if earlier is not None:
            # "Zulum was returning from the town of Baga ..." "On Friday ... an ambush was launched on his
            # convoy": the place comes from the paragraph the event is told in
            later, places = earlier
            extra.append(Span(later.text, later.start, later.end))
        elif not mention.unit.lead and not _told_at_home(mention, ctx):
            return False  # no place of its own and nothing to join: no fallback to an unrelated place
    if places and all(p.kind == "country" for p in places):
        # "... arrived in Syria Friday" after "sent vehicles to North East Syria": a country adds no new place to
        # an event of the same kind already placed in it
        inside = _event_in_country(events, mention, places[0])
        if inside is not None:
            _merge_into(inside, mention)
            return True
    assert mention.typing is not None
    typing = mention.typing
    villages = [p for p in places if p.kind == "village"]
    if mention.count is not None and villages and mention.count != len(villages):
        typing = Typing(typing.sub_event_type, typing.confidence * 0.8, typing.trigger)
    for n, place in enumerate(places or [None]):
        same = _same_event(events, mention, place, ctx.published) or _told_in_country(events, mention, place)
        if same is not None:
            _merge_into(same, mention)
            continue
        event = _Event(mention, typing, place, mention.agent, mention.target,
                       mention.fatalities if n == 0 else None,
                       mention.losses if n == 0 and not mention.secondary else (), [_span(mention), *extra],
                       [mention])
        events.append(event)
        for sec_typing, sec_agent, sec_target in mention.secondary:
            events.append(_Event(mention, sec_typing, place, sec_agent, sec_target, None,
                                 mention.losses if n == 0 else (), [_span(mention), *extra], [mention], secondary=True))
    return True


def _ahead(units: list[Unit], mention: Mention) -> list[Unit]:
    """The units just after a mention's, up to ``_LOOK_AHEAD``, that may go on about its happening."""
    return [u for u in units[mention.index + 1: mention.index + 1 + _LOOK_AHEAD]
            if u.role in (Role.REPORT, Role.QUOTE)]


def _listed_ahead(units: list[Unit], mention: Mention, here: list[PlaceMention],
                  entities: tuple[tuple[int, int, str], ...]) -> tuple[Unit, list[PlaceMention]] | str | None:
    """The villages a later sentence lists for a counted capture ("took three villages ..." "It named them as A,
    B and C"), each with this sentence's district as context; "own" when that sentence tells its own capture."""
    for later in _ahead(units, mention):
        villages = [p for p in event_places(later.text, later.start, list(entities)) if p.kind == "village"]
        if not villages:
            continue
        if type_by_rules(later.text) is not None:
            return "own"
        district = next((p.context or p.name for p in here if p.kind == "district"), None)
        return later, [p if p.context is not None else replace(p, context=district) for p in villages]
    return None


def _told_in_country(events: list[_Event], mention: Mention, place: PlaceMention | None) -> _Event | None:
    """An event of the same kind told just before with only a country (or no place), which this mention places
    in that country ("The US has deployed armored vehicles to Syria." "The Army sent Bradleys to North East
    Syria."): the mention says where; the event takes the place."""
    if place is None or place.name is None or place.kind == "country":
        return None
    for event in reversed(events):
        reach = 6 if event.head.unit.lead else 3  # the lead's event is told again in the paragraphs after it
        if event.secondary or mention.index - event.head.index > reach or \
                family(event.typing.sub_event_type) != family(mention.sub_event_type):
            continue
        if event.place is None or (event.place.kind == "country" and event.place.name is not None
                                   and _in_country(place.name.text, event.place.name.text)):
            event.place = place
            return event
    return None


def _in_country(name: str, country_text: str) -> bool:
    named = find_countries(country_text)
    if not named:
        return False
    return bool(find_countries(name) and find_countries(name)[0][0] == named[0][0]) or \
        place_in_country(name, named[0][0])


def _event_in_country(events: list[_Event], mention: Mention, country: PlaceMention) -> _Event | None:
    """An event of the mention's kind placed in the country the mention names."""
    if country.name is None:
        return None
    named = find_countries(country.name.text)
    if not named:
        return None
    for event in reversed(events):
        if event.secondary or family(event.typing.sub_event_type) != family(mention.sub_event_type):
            continue
        if event.place is None and event.head.unit.lead:
            event.place = country  # the lead told it with no place; the country is where it is
            return event
        if event.place is None or event.place.name is None:
            continue
        here = event.place.name.text
        if (find_countries(here) and find_countries(here)[0][0] == named[0][0]) or place_in_country(here, named[0][0]):
            return event
    return None


def _places_before(units: list[Unit], mention: Mention, entities: tuple[tuple[int, int, str], ...]
                   ) -> tuple[Unit, list[PlaceMention]] | None:
    """The places of the sentences just before a mention (its paragraph, in an article of one-sentence
    paragraphs), when one of them names the place the mention points back to ("the town", "the village")."""
    back = _POINTS_BACK.search(mention.text)
    if not back:
        return None
    for unit in reversed(units[max(0, mention.index - _LOOK_AHEAD):mention.index]):
        if unit.role not in (Role.REPORT, Role.REPEAT, Role.CAPTION):
            continue
        places = [p for p in event_places(unit.text, unit.start, list(entities)) if p.kind != "country"]
        if places:
            return unit, places[:1]
    # "the ruins of the camp": the camp the article named before ("the Moria camp"), however far back
    noun = back.group(1).lower()
    for unit in reversed(units[:mention.index]):
        if unit.role == Role.DEBRIS:
            continue
        named = list(re.finditer(rf"\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) {noun}\b", unit.text))
        if named:
            m = named[-1]
            return unit, [PlaceMention(Span(m.group(1), unit.start + m.start(1), unit.start + m.end(1)), None, "in")]
    return None


_POINTS_BACK = re.compile(r"\bthe (town|village|city|area|district|region|island|camp|site|base|border|road)\b", re.I)


def _places_ahead(units: list[Unit], mention: Mention, entities: tuple[tuple[int, int, str], ...]
                  ) -> tuple[Unit, list[PlaceMention], bool] | None:
    """The places of a later sentence that goes on about the same thing, and whether it is taken over: one that
    refers back ("It said the clashes were mainly in ...") and names no actor of its own is this event's; the
    next one sharing a distinctive word ("the convoy", "the Su-25") lends its places and still tells its own."""
    for later in _ahead(units, mention):
        places = event_places(later.text, later.start, list(entities))
        if not places:
            if later.index == mention.index + 1:
                continue
            break
        if _REFERS_BACK.search(later.text) and not find_actors(later.text):
            return later, places, True
        if later.index == mention.index + 1 and not mention.losses and _shares_object(mention.text, later.text):
            return later, places, False
        break
    return None


def _shares_object(a: str, b: str) -> bool:
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w-]{3,}", a)}
    keys = {w for w in words if re.search(r"\d", w) or w in _SHARED_OBJECTS}
    return bool(keys and keys & {w.lower() for w in re.findall(r"[A-Za-z][\w-]{3,}", b)})


def _same_event(events: list[_Event], mention: Mention, place: PlaceMention | None,
                published: date | None = None) -> _Event | None:
    """An event already made of this happening: the same kind, place, day and voice (one per place and day)."""
    key = _place_key(place)
    day = _own_day(mention.text, published)
    for event in events:
        if event.secondary or event.head.modality != mention.modality or _other_day(event, day, published, mention.text):
            continue
        if family(event.typing.sub_event_type) != family(mention.sub_event_type):
            continue
        if key and event.place_key == key and _same_voice(event.head, mention):
            return event
    return None


def _same_voice(a: Mention, b: Mention) -> bool:
    """Two sides' accounts of one place stay two claims (the ledger weighs them); one voice's repeats are one."""
    ca = a.speaker.country if a.speaker else None
    cb = b.speaker.country if b.speaker else None
    return ca is None or cb is None or ca == cb


def _joinable_event(events: list[_Event], mention: Mention, recent: frozenset[str] = frozenset(),
                    published: date | None = None) -> _Event | None:
    """The event a mention with no place of its own (or a caption, a repeat, a quote) most likely tells again:
    the latest of a joinable kind, at the same place where the mention names one; with no place, one at a place
    the sentences just before it name (``recent``: "... the Broxbourne site, police said." "13 arrests have been
    made"). A mention whose own day differs from the event's ("Trucks were yesterday blocking access to the
    camp" after today's march) tells another happening."""
    key = _place_key(mention.places[0]) if mention.places else ""
    day = _own_day(mention.text, published)
    if not key and recent:
        for event in reversed(events):
            if not event.secondary and event.place_key in recent and \
                    joinable(event.typing.sub_event_type, mention.sub_event_type) and \
                    not _other_day(event, day, published, mention.text):
                return event
    for event in reversed(events):
        if event.secondary or not joinable(event.typing.sub_event_type, mention.sub_event_type) or \
                _other_day(event, day, published, mention.text):
            continue
        if key and event.place_key and key != event.place_key and not _key_inside(key, event.place_key):
            continue
        return event
    return None


@lru_cache(maxsize=1024)
def _own_day(text: str, published: date | None) -> date | None:
    """The one day a sentence names for itself ("yesterday", "on Tuesday"), if it names exactly one."""
    if published is None:
        return None
    days = {e.event_date for e in find_date_expressions(text, published) if e.precision == 1}
    return days.pop() if len(days) == 1 else None


def _other_day(event: _Event, day: date | None, published: date | None, mention_text: str = "") -> bool:
    """True when the mention names a day and the event's first report names another, or names none where the
    mention's day is well before the news ("clashed ... last Saturday" beside today's arrests: a report that
    names no day tells of the last day or two)."""
    if day is None:
        return False
    first = _own_day(event.head.text, published)
    if first is None:
        return published is not None and (published - day).days > RECENT_DAYS and _marked_past(mention_text, published)
    return first != day


@lru_cache(maxsize=1024)
def _marked_past(text: str, published: date | None) -> bool:
    """The sentence marks its day as past ("last Saturday", "three days ago")."""
    return any(_PAST_MARK.search(e.span.text) for e in find_date_expressions(text, published) if e.precision == 1)


RECENT_DAYS = 2  # how far back a report that names no day may be telling of
# a day the text itself marks as past ("last Saturday", "three days ago"), not a plain "on Thursday" that may
# date the news
_PAST_MARK = re.compile(r"\blast\b|\bago\b|\bprevious\b|\bearlier\b", re.I)


def _key_inside(a: str, b: str) -> bool:
    """ "trafalgar square" and "london" are not one key, but "dover" and "dover seafront" are."""
    return a in b or b in a


def _join(events: list[_Event], mention: Mention, published: date | None = None) -> None:
    """A caption, repeat or quote adds to the event it tells again; on its own it makes none."""
    target = _joinable_event(events, mention, published=published)
    if target is not None:
        _merge_into(target, mention)


def _merge_into(event: _Event, mention: Mention) -> None:
    """What a mention adds to an event: a graver form of a demonstration, missing actors, the more conservative
    toll, new losses, its sentence as evidence."""
    event.members.append(mention)
    span = _span(mention)
    if span not in event.evidence:
        event.evidence.append(span)
    sub = mention.sub_event_type
    if sub and family(sub) == "demonstration" == family(event.typing.sub_event_type) and \
            _GRAVITY.get(sub, 0) > _GRAVITY.get(event.typing.sub_event_type, 0) and mention.typing is not None:
        event.typing = Typing(sub, max(mention.typing.confidence, event.typing.confidence), mention.typing.trigger)
        if mention.target is not None and mention.target.name != (event.agent.name if event.agent else None):
            event.target = event.target or mention.target
    if event.agent is None and mention.agent is not None:
        event.agent = mention.agent
    if event.target is None and mention.target is not None and (
            event.agent is None or mention.target.name != event.agent.name):
        event.target = mention.target
    if not _OTHER_TOLL.search(mention.text):
        event.fatalities = _conservative(event.fatalities, mention)
    have = {(loss.category, loss.item) for loss in event.losses}
    event.losses += tuple(loss for loss in mention.losses if (loss.category, loss.item) not in have)


def _conservative(current: int | None, mention: Mention) -> int | None:
    """ACLED takes the most conservative count of one happening's dead: a later total ("Eight people died") lower
    than the first report's replaces it; a count of some of the dead ("three policemen") never does."""
    count = mention.fatalities
    if count is None:
        return current
    if current is None:
        return count
    if count < current and _TOTAL_DEAD.search(mention.text):
        return count
    return current


def _demonstration_nearby(events: list[_Event], mention: Mention, recent: frozenset[str] = frozenset()
                          ) -> _Event | None:
    """The demonstration told in the last few sentences, at the mention's place where it names one (else at a
    place the sentences just before it name)."""
    key = _place_key(mention.places[0]) if mention.places else ""
    if not key and recent:
        for event in reversed(events):
            if family(event.typing.sub_event_type) == "demonstration" and event.place_key in recent:
                return event
    for event in reversed(events):
        if family(event.typing.sub_event_type) != "demonstration":
            continue
        last = max(m.index for m in event.members)
        if 0 < mention.index - last <= 3 and (not key or not event.place_key or _key_inside(key, event.place_key)):
            return event
    return None


def _recent_places(units: list[Unit], mention: Mention, events: list[_Event]) -> frozenset[str]:
    """The places of events so far that the two report sentences before a mention name, however they name them
    ("the Broxbourne site"): where a placeless sentence after them is."""
    before = " ".join(" ".join(u.text.lower().split()) for u in units[max(0, mention.index - 2):mention.index]
                      if u.role in (Role.REPORT, Role.QUOTE))
    return frozenset(e.place_key for e in events if e.place_key and re.search(rf"\b{re.escape(e.place_key)}\b", before))


def _add_detail(events: list[_Event], mention: Mention) -> None:
    """A sentence with no event words: its deaths are the toll of the event told just before it, its losses go
    to the nearest event told in the same voice."""
    if not events:
        return
    last = events[-1]
    if mention.fatalities is not None and mention.index - last.head.index <= 1 and last.fatalities is None \
            and mention.unit.role in EVENT_ROLES and not _OTHER_TOLL.search(mention.text):
        last.fatalities = mention.fatalities
        last.evidence.append(_span(mention))
    if mention.losses:
        claimant = mention.speaker.claimed_by if mention.speaker else None
        best = min(events, key=lambda e: (abs(e.head.index - mention.index)
                                          + (0 if (e.head.speaker.claimed_by if e.head.speaker else None) == claimant
                                             else 10) + (1.5 if e.head.index > mention.index else 0)))
        have = {(loss.category, loss.item) for loss in best.losses}
        best.losses += tuple(loss for loss in mention.losses if (loss.category, loss.item) not in have)


def _state_agent(sub_event_type: str, speaker: Attribution | None, ctx: ArticleContext, at: int
                 ) -> ActorMention | None:
    """ACLED codes every event with an actor1: people "were arrested" by the police of the country the article
    is about; exercises or a deployment a defence ministry announces are its country's military's."""
    if sub_event_type == "Arrests":
        return generic_agent(sub_event_type, ctx.home, at, ctx.published)
    if event_type_of(sub_event_type) == "Strategic developments" and speaker is not None and speaker.country and \
            re.search(r"\b(?:Defen[cs]e|Military|Armed Forces|Army)\b", speaker.claimed_by):
        country = speaker.country
        return ActorMention(state_actor("Military Forces", country, ctx.published), country, 1, "military", at, at, "")
    return None


def _span(mention: Mention) -> Span:
    return Span(mention.text, mention.start, mention.end)


def _frame(event: _Event, ctx: ArticleContext) -> EventFrame:
    head = event.head
    if family(event.typing.sub_event_type) == "demonstration" and (event.agent is None or event.agent.kind in STATE_KINDS):
        # a demonstration is its crowd's: police named first are whom it met (actor2), not its actor1
        if event.agent is not None and event.target is None:
            event.target = event.agent
        event.agent = generic_agent(event.typing.sub_event_type, ctx.home, head.start)
    anchor = Span(head.text, head.start, head.end)
    speaker = head.speaker or next((m.speaker for m in event.members if m.speaker is not None), None)
    if event.agent is None:
        event.agent = _state_agent(event.typing.sub_event_type, speaker, ctx, head.start)
    places = [event.place] if event.place is not None else []
    # a loss nobody said whose it was is the side acted on; with an armed group acting and no side named, the
    # country's own forces ("made away with an armoured personnel carrier ... in the convoy")
    side = event.target.country if event.target is not None else (
        ctx.home if event.agent is None or event.agent.kind not in STATE_KINDS else None)
    losses = tuple(loss if loss.side else replace(loss, side=side) for loss in event.losses)
    frame = make_frame(ctx.document, anchor, event.typing, event.agent, event.target, places, speaker,
                       event.fatalities, losses, list(ctx.countries), ctx.home, head.modality,
                       [s for s in event.evidence if s != anchor])
    return replace(frame, read_anchor=False)


# -- after the geo and dates stages -----------------------------------------------------------------------------

T = TypeVar("T")


def merge_placed(items: list[T], key: Callable[[T], tuple[Any, ...] | None], merge: Callable[[T, T], T]) -> list[T]:
    """Merge items (an event with its resolved place and date) that share ``key`` (None: never merged), keeping
    the first one's position: the same happening told twice, found to be at one place on one day only once
    the gazetteer had placed both ("the capital" and "Minsk")."""
    out: list[T] = []
    seen: dict[tuple[Any, ...], int] = {}
    for item in items:
        k = key(item)
        if k is not None and k in seen:
            out[seen[k]] = merge(out[seen[k]], item)
            continue
        if k is not None:
            seen[k] = len(out)
        out.append(item)
    return out


def place_day_key(modality: str, place: Place | None, event_date: Any) -> tuple[Any, ...] | None:
    """Where, when and how asserted (a denial stays beside the claim it answers): two events of one article
    with this key and one family of types (``family``) are one happening. Events placed only at a country or a
    region are kept apart (they may be anywhere in it) unless the text named the same place for both (an
    island the gazetteer does not hold); so are two named places the gazetteer could only put at their
    district (two villages it does not hold)."""
    from frontwire.geo.resolve import AT_HOME  # the geo stage's wording (imported late: extract runs without geo)

    if place is None or place.place_id is None or event_date is None:
        return None
    name = " ".join((place.location or "").lower().split())
    if (place.geo_precision or 3) >= 3:
        if not name or name == " ".join((place.country or "").lower().split()):
            return None
        return (modality, place.place_id, name, event_date)
    # (an event put at the article's town is at that town: it is one happening with the town's named event)
    at_town = place.geo_precision == 1 or (place.reason or "").startswith(AT_HOME)
    return (modality, place.place_id, "" if at_town else name, event_date)


def absorb_placed(items: list[T], key: Callable[[T], tuple[Any, ...] | None], kind: Callable[[T], str],
                  merge: Callable[[T, T], T]) -> list[T]:
    """Fold each event into another of the same place, day and modality (``key``) whose type the codebook says
    absorbs it (the looting of a village taken that day is part of the takeover), at the absorbing one's
    position."""
    codebook = load_codebook()
    keys = [key(item) for item in items]
    host_of: dict[int, int] = {}
    for i, k in enumerate(keys):
        if k is None:
            continue
        for j, other in enumerate(keys):
            if j != i and other == k and j not in host_of and codebook.absorbs(kind(items[j]), kind(items[i])):
                host_of[i] = j
                break
    out = list(items)
    for i, j in host_of.items():
        out[j] = merge(out[j], items[i])
    return [item for i, item in enumerate(out) if i not in host_of]


def merge_frames(a: EventFrame, b: EventFrame) -> EventFrame:
    """One event from two frames of one happening: ``a``'s reading, the graver form of a demonstration, the more
    conservative toll, both frames' losses and evidence."""
    sub = graver(a.sub_event_type, b.sub_event_type)
    fatalities = a.fatalities
    if b.fatalities is not None and (fatalities is None or (b.fatalities < fatalities
                                                            and _TOTAL_DEAD.search(b.anchor.text))):
        fatalities = b.fatalities
    have = {(loss.category, loss.item) for loss in a.losses}
    losses = a.losses + tuple(loss for loss in b.losses if (loss.category, loss.item) not in have)
    evidence = a.evidence + tuple(s for s in b.evidence if s not in a.evidence)
    merged = replace(a, fatalities=fatalities, losses=losses, evidence=evidence,
                     actor2=a.actor2 or b.actor2, actor2_country=a.actor2_country or b.actor2_country,
                     inter2=a.inter2 or b.inter2)
    if sub != a.sub_event_type:
        merged = replace(merged, sub_event_type=sub, event_type=event_type_of(sub), disorder_type=disorder_type_of(sub))
    return replace(merged, interaction=interaction(merged.inter1, merged.inter2))


def graver(a: str, b: str) -> str:
    """Of two types of one happening, the one the event takes: the graver form of a demonstration, else the
    first told."""
    if family(a) == "demonstration" == family(b):
        return b if _GRAVITY.get(b, 0) > _GRAVITY.get(a, 0) else a
    return a
