"""Event mentions: what each unit of an article says happened, with the arguments its own words give.

A mention is one clause's account of one happening: its sub-event type (codebook rules and classifier), who
acted and who was acted on, the places its clause names, who says so and how (modality), the deaths and losses it
counts. A unit with no event words may still count deaths or losses ("Five servicemen were killed."): it is a
*detail*, a mention without a type, which ``events`` hands to the event it belongs to. Mentions are read from
every unit that may tell or support an event (reports, captions, repeats, quotes); which of them make events is
decided in ``events``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from frontwire.dates.context import in_side_clause
from frontwire.extract.actors import ActorMention, find_actors, state_actor
from frontwire.extract.claims import Attribution, find_speaker, is_historical, modality_of, quote_spans, speaker_of
from frontwire.extract.classifier import SubEventClassifier
from frontwire.extract.places import PlaceMention, event_places, stated_count
from frontwire.extract.quantities import count_fatalities, find_losses
from frontwire.extract.roles import STATE_KINDS, assign_roles, bare_country_subject, generic_agent, loss_side
from frontwire.extract.structure import SUPPORT_ROLES, Role, Unit
from frontwire.extract.subevent import Typing, choose_sub_event, type_by_rules
from frontwire.records import Document, Loss, Span
from frontwire.reference import reference
from frontwire.reference.vocabulary import CARDINALS

# habitual or ongoing ("has continued to shell", "every day"): no one happening to code
_GENERIC = re.compile(r"\b(?:has|have) (?:continued|been continuing) to\b|\bcontinues? to\b|\brepeatedly\b|"
                      r"\bon a daily basis\b|\bevery day\b|\b(?:has|have|had) (?:recently )?(?:intensified|stepped up|"
                      r"escalated|increased) (?:its |their )?(?:attacks|raids|operations|campaign)\b", re.I)
# weapons and violence that armed groups use without saying so (air strikes and shelling need an army)
_UNCLAIMED_ATTACKS = {"Remote explosive/landmine/IED", "Grenade", "Attack", "Abduction/forced disappearance"}
_SIDE = re.compile(r"\b(?:after|following|since|before|when|because)\b", re.I)
# police acts that end a demonstration told nearby ("As many as 13 arrests have been made by the force")
_COUNT = r"(?:[\d,]+|" + "|".join(sorted(CARDINALS, key=len, reverse=True)) + \
         r"|a hundred|dozens of|scores of|hundreds of|several|many|more than \d+|at least \d+)"
_INTERVENTION = re.compile(r"\b" + _COUNT + r" (?:arrests|(?:people|protesters|protestors|demonstrators|activists|men|"
                           r"women) (?:were |have been |had been )?(?:arrested|detained|taken into custody))\b|"
                           r"\b(?:taken|took|taking) (?:\w+ ){0,3}?into custody\b|"
                           r"\barrests? (?:have|has|had) been made\b|\b(?:were|was) (?:arrested|detained|dispersed)\b|"
                           r"\b(?:police|officers) (?:arrested|detained|dispersed|restrained|removed)\b", re.I)
# "The ministry denied that its forces had shelled A and said drones struck B": two reports, two modalities
_SECOND_REPORT = re.compile(r",?\s+and (?:also )?(?:said|added|claimed|stated|reported|announced)\b(?: that)?\s+")
_FIRST_REPORT = re.compile(r"\b(?:denied|rejected|dismissed|said|claimed|stated|reported|announced)\b(?: that)?\s")


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What every mention of one article is read against: the document, the countries it is about, the
    classifier, whose voice an unattributed claim is in."""

    document: Document
    home: str | None
    countries: tuple[str, ...]
    classifier: SubEventClassifier | None = None
    partisan: bool = False  # the only source is a party's own outlet (ACLED codes its enemy tolls 0)
    source_speaker: Attribution | None = None  # an official body's own release speaks for its side
    entities: tuple[tuple[int, int, str], ...] = ()  # the parser's named entities (start, end, label)
    reports: tuple[float, ...] = ()  # per unit: how likely it tells a current event (the report model), if known
    home_town: Span | None = None  # the one town the article's first reports place its story in, if only one

    @property
    def published(self) -> date | None:
        return self.document.published_at


@dataclass(frozen=True, slots=True)
class Mention:
    """One clause's account of one happening (or, with ``typing`` None, of a toll or losses only)."""

    unit: Unit
    start: int
    end: int
    text: str
    typing: Typing | None
    rules: Typing | None = None  # what the codebook alone said (the trigger's position decides modality)
    agent: ActorMention | None = None
    target: ActorMention | None = None
    places: tuple[PlaceMention, ...] = ()
    speaker: Attribution | None = None
    modality: str = "asserted"
    fatalities: int | None = None
    losses: tuple[Loss, ...] = ()
    count: int | None = None  # the number of places it says it lists ("liberated eight more villages")
    joins_only: bool = False  # police action with no protest named ("13 arrests have been made"): may only join
    secondary: tuple[tuple[Typing, ActorMention | None, ActorMention | None], ...] = ()

    @property
    def index(self) -> int:
        return self.unit.index

    @property
    def sub_event_type(self) -> str | None:
        return self.typing.sub_event_type if self.typing else None


@dataclass(frozen=True, slots=True)
class _Clause:
    unit: Unit
    start: int
    end: int
    continues: bool = False  # the second report of "X denied that ... and said ...": X still speaks


def _clauses(units: list[Unit], text: str) -> list[_Clause]:
    """Units, with a speaker's second report split off ("... denied that ... and said ...")."""
    out: list[_Clause] = []
    for unit in units:
        piece = text[unit.start:unit.end]
        m = _SECOND_REPORT.search(piece)
        first = _FIRST_REPORT.search(piece)
        if m is None or first is None or first.start() >= m.start() or not type_by_rules(piece[:m.start()]) \
                or not type_by_rules(piece[m.end():]):
            out.append(_Clause(unit, unit.start, unit.end))
            continue
        out.append(_Clause(unit, unit.start, unit.start + m.start()))
        out.append(_Clause(unit, unit.start + m.end(), unit.end, continues=True))
    return out


def read_mentions(units: list[Unit], ctx: ArticleContext) -> list[Mention]:
    """Every mention of the article's report, caption, repeat and quote units, in text order."""
    text = ctx.document.text
    quotes = quote_spans(text)
    clauses = [c for c in _clauses([u for u in units if u.role in SUPPORT_ROLES], text)]
    speakers: dict[int, Attribution | None] = {}
    last: Attribution | None = None
    for k, clause in enumerate(clauses):
        if clause.unit.role in (Role.CAPTION, Role.REPEAT):
            speakers[k] = None  # a caption speaks for no one; it does not move the conversation on either
            continue
        found = speaker_of(clause.start, clause.end, text, quotes, last)
        if clause.continues and last is not None:
            found = last
        speakers[k] = found
        if found is not None:
            last = found
    # the rules type every clause first, so that the classifier reads the clauses they find events in at once
    typed = [_typed(text[c.start:c.end], ctx.published) for c in clauses]
    if ctx.classifier is not None:
        ctx.classifier.expect([text[c.start:c.end] for c, rules in zip(clauses, typed, strict=True) if _classified(rules)])
    out: list[Mention] = []
    for k, clause in enumerate(clauses):
        if typed[k] is _NOT_NEWS:
            continue
        mention = _mention(clause, speakers[k], ctx, typed[k])
        if mention is not None:
            out.append(mention)
    return out


_NOT_NEWS = Typing("", 0.0, None)  # a clause that tells history or a habit, not a happening


def _typed(piece: str, published: date | None) -> Typing | None:
    """The rules' type of a clause; None where no trigger fires, ``_NOT_NEWS`` where it tells no happening."""
    if is_historical(piece, published) or _GENERIC.search(piece):
        return _NOT_NEWS
    return type_by_rules(piece)


def _classified(rules: Typing | None) -> bool:
    """Whether a clause the rules typed so goes on to the classifier (a mention of an event)."""
    return rules is not None and rules is not _NOT_NEWS and not (
        rules.sub_event_type == "Other" and rules.confidence < 0.8)


def _mention(clause: _Clause, speaker: Attribution | None, ctx: ArticleContext, rules: Typing | None
             ) -> Mention | None:
    text = ctx.document.text
    piece = text[clause.start:clause.end]
    published = ctx.published
    voice = speaker or ctx.source_speaker
    base = Mention(clause.unit, clause.start, clause.end, piece, None, rules, speaker=speaker)
    if rules is None or (rules.sub_event_type == "Other" and rules.confidence < 0.8):
        deaths = count_fatalities(piece, partisan_source=ctx.partisan)
        losses = tuple(find_losses(piece, loss_side(piece, voice, None)))
        if deaths is None and not losses:
            if _INTERVENTION.search(piece):
                # the policing of a protest told nearby: it can only make that protest "with intervention"
                return replace(base, typing=Typing("Protest with intervention", 0.5, None), joins_only=True,
                               places=tuple(event_places(piece, clause.start, list(ctx.entities))))
            return None
        return replace(base, fatalities=deaths, losses=losses, places=tuple(event_places(piece, clause.start, list(ctx.entities))))
    actors = find_actors(piece, home=ctx.home, speaker_country=voice.country if voice else None, on=published,
                         offset=clause.start)
    agent, target = _roles(piece, clause.start, actors, speaker, voice, rules, published)
    typing = choose_sub_event(piece, classifier=ctx.classifier,
                              actor1_state=(agent.kind in STATE_KINDS) if agent else None) or rules
    if agent is None and typing.sub_event_type in _UNCLAIMED_ATTACKS:
        # a roadside bomb or gunmen nobody names: ACLED's unidentified armed group of the country
        agent = generic_agent(typing.sub_event_type, ctx.home, clause.start)
    if target is None and agent is not None and agent.country and typing.sub_event_type in (
            "Government regains territory", "Non-state actor overtakes territory"):
        # territory is taken from someone: the other side of this conflict where the text does not say
        other = reference().adversaries.get(agent.country)
        if other:
            target = ActorMention(state_actor("Military Forces", other, published), other, 1, "military",
                                  clause.start, clause.start, "")
    return replace(
        base, typing=typing, agent=agent, target=target,
        places=tuple(event_places(piece, clause.start, list(ctx.entities))),
        modality=modality_of(piece, rules.trigger.start if rules.trigger else None),
        fatalities=count_fatalities(piece, partisan_source=ctx.partisan),
        losses=tuple(find_losses(piece, loss_side(piece, voice, target))),
        count=stated_count(piece),
        secondary=tuple(_secondary(piece, clause.start, typing, agent, target, published)),
    )


def _roles(piece: str, offset: int, actors: list[ActorMention], speaker: Attribution | None,
           voice: Attribution | None, rules: Typing, published: date | None
           ) -> tuple[ActorMention | None, ActorMention | None]:
    """actor1 and actor2 of a clause, with the speaker's side filled in where the words imply it."""
    # the main clause's actors act; "... after soldiers were injured by a Russian patrol" names others
    side = next((m.start() for m in _SIDE.finditer(piece) if in_side_clause(piece, m.end())), None)
    if side is not None:
        main = [a for a in actors if a.start - offset < side]
        if main or bare_country_subject(piece[:side], published) is not None:
            actors = main
    agent, target = assign_roles(piece, actors, speaker, rules.sub_event_type, offset)
    if agent is None:
        agent = bare_country_subject(piece, published)
        if agent is not None:
            agent = replace(agent, start=agent.start + offset, end=agent.end + offset)
    if voice and voice.country and re.search(
            r"\bby (?:our|its) (?:\w+ ){0,3}?(?:units|forces|troops|army|defen[cs]e)\b", piece, re.I):
        # "shot down by our air defence units": the speaker's side acted, whatever else is named
        if agent is not None and agent.country != voice.country:
            target = agent
        agent = ActorMention(state_actor("Military Forces", voice.country, published), voice.country, 1,
                             "military", offset, offset, "")
    if agent is None and speaker and speaker.country and re.search(
            r"\b(?:(?:its|our|their|his|her) (?:forces|troops|units|army|soldiers)|(?:it|they) (?:had |has |have )?"
            r"\w+ed)\b", piece, re.I):
        agent = ActorMention(state_actor("Military Forces", speaker.country, published), speaker.country, 1,
                             "military", offset, offset, "")
    if agent is None and target is not None and speaker and speaker.country == target.country:
        adversary = reference().adversaries.get(target.country or "")
        if adversary:
            agent = ActorMention(state_actor("Military Forces", adversary, published), adversary, 1, "partisan",
                                 offset, offset, "")
    return agent, target


def _secondary(piece: str, offset: int, typing: Typing, agent: ActorMention | None, target: ActorMention | None,
               published: date | None) -> list[tuple[Typing, ActorMention | None, ActorMention | None]]:
    """A second event in the same clause: an aircraft that struck and "was shot down" is two events."""
    if typing.sub_event_type == "Disrupted weapons use":
        return []
    m = re.search(r"\b(?:was|were) shot down\b|\bshot (?:it|them) down\b|\bwas intercepted\b", piece)
    if not m or agent is None or not agent.country:
        return []
    shooter_country = reference().adversaries.get(agent.country)
    shooter = ActorMention(state_actor("Military Forces", shooter_country, published), shooter_country, 1, "military",
                           offset + m.start(), offset + m.end(), m.group(0)) if shooter_country else target
    return [(Typing("Disrupted weapons use", 0.7, None), shooter, agent)]


def source_speaker(document: Document) -> Attribution | None:
    """The speaker a document's own source is (an official body's release), or None for an outlet."""
    return find_speaker(document.source) if document.source else None
