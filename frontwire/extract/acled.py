"""ACLED's codebook: the taxonomy as enums, and per sub-event type its triggers, precedence and note verb.

The taxonomy (six event types, 25 sub-event types, three disorder types, the actor-type "inter" codes) is code,
so that a misspelt type is an error where it is written. How each sub-event type is recognised is data:
``frontwire/data/codebook/acled.toml`` holds, per type, its trigger patterns (one per line, commented), what it
needs from context, its note verb and its related types, and the precedence list that decides between types
firing together. Adding a trigger or a type is an edit of that file; ``load_codebook`` checks it when it is read
(every type and context test it names exists), not halfway through a feed.
"""

from __future__ import annotations

import re
import threading
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

CODEBOOK_PATH = Path(__file__).resolve().parents[1] / "data" / "codebook" / "acled.toml"


class EventType(StrEnum):
    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(StrEnum):
    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    SHELLING = "Shelling/artillery/missile attack"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    CHEMICAL_WEAPON = "Chemical weapon"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    BASE_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"


class Disorder(StrEnum):
    POLITICAL_VIOLENCE = "Political violence"
    DEMONSTRATIONS = "Demonstrations"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


S = SubEventType
EVENT_TYPES: dict[EventType, tuple[SubEventType, ...]] = {
    EventType.BATTLES: (S.ARMED_CLASH, S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_OVERTAKES_TERRITORY),
    EventType.EXPLOSIONS: (S.SHELLING, S.AIR_DRONE_STRIKE, S.SUICIDE_BOMB, S.REMOTE_EXPLOSIVE, S.GRENADE,
                           S.CHEMICAL_WEAPON),
    EventType.VIOLENCE_AGAINST_CIVILIANS: (S.SEXUAL_VIOLENCE, S.ATTACK, S.ABDUCTION),
    EventType.PROTESTS: (S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE),
    EventType.RIOTS: (S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE),
    EventType.STRATEGIC_DEVELOPMENTS: (S.AGREEMENT, S.ARRESTS, S.CHANGE_TO_GROUP, S.DISRUPTED_WEAPONS_USE,
                                       S.BASE_ESTABLISHED, S.LOOTING, S.NON_VIOLENT_TRANSFER, S.OTHER),
}
SUB_EVENT_TYPES: tuple[str, ...] = tuple(str(s) for subs in EVENT_TYPES.values() for s in subs)
EVENT_TYPE_OF: dict[str, EventType] = {str(s): e for e, subs in EVENT_TYPES.items() for s in subs}
DISORDER_OF_EVENT_TYPE: dict[EventType, Disorder] = {
    EventType.BATTLES: Disorder.POLITICAL_VIOLENCE,
    EventType.EXPLOSIONS: Disorder.POLITICAL_VIOLENCE,
    EventType.VIOLENCE_AGAINST_CIVILIANS: Disorder.POLITICAL_VIOLENCE,
    EventType.RIOTS: Disorder.POLITICAL_VIOLENCE,
    EventType.PROTESTS: Disorder.DEMONSTRATIONS,
    EventType.STRATEGIC_DEVELOPMENTS: Disorder.STRATEGIC_DEVELOPMENTS,
}
# the demonstration family: one crowd's protest, its policing and its violence are one event of the gravest kind
PROTEST_FAMILY: tuple[SubEventType, ...] = (S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE,
                                            S.VIOLENT_DEMONSTRATION)
DEMONSTRATION_TYPES = frozenset((*PROTEST_FAMILY, S.MOB_VIOLENCE))

# ACLED inter codes
STATE, REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type of a sub-event type (KeyError for a misspelt one)."""
    return str(EVENT_TYPE_OF[sub_event_type])


def disorder_type_of(sub_event_type: str) -> str:
    """ACLED's disorder type: Political violence, Demonstrations or Strategic developments.

    ACLED codes "Excessive force against protesters" as political violence (the force, not the protest,
    is the event), and mob violence / violent demonstrations as political violence.
    """
    if sub_event_type == S.EXCESSIVE_FORCE:
        return str(Disorder.POLITICAL_VIOLENCE)
    return str(DISORDER_OF_EVENT_TYPE[EVENT_TYPE_OF[sub_event_type]])


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: the two inter codes as a sorted pair (1 and 8 -> 18; 2 alone -> 20)."""
    if not inter1 and not inter2:
        return 0
    if not inter2:
        return inter1 * 10
    if not inter1:
        return inter2 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def state_inter(actor_country: str | None, event_country: str | None) -> int:
    """A state force is 1 in its own country and 8 (external) in another (ACLED's convention)."""
    if actor_country and event_country and actor_country != event_country:
        return EXTERNAL
    return STATE


# -- the codebook file -----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SubEventSpec:
    """How one sub-event type is recognised and described (one ``[types."..."]`` entry of the codebook)."""

    name: SubEventType
    event_type: EventType
    strength: int  # 3 decisive, 2 a clear trigger, 1 a hint the classifier may overrule
    pattern: re.Pattern[str]  # the trigger lines as one alternation, in file order
    needs: tuple[str, ...]  # context tests that must hold for a trigger of this type to count
    note: str  # the neutral note's verb phrase
    related: tuple[SubEventType, ...]  # types two sides may use for one happening
    absorbs: tuple[SubEventType, ...] = ()  # types whose event at its place on its day is part of this one


@dataclass(frozen=True, slots=True)
class Decision:
    """One line of the precedence list: when one of ``fired`` fired and the tests hold, the type is ``becomes``."""

    fired: tuple[SubEventType, ...]
    becomes: SubEventType
    confidence: float
    needs: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Codebook:
    types: dict[SubEventType, SubEventSpec]
    precedence: tuple[Decision, ...]

    def related(self, a: str, b: str) -> bool:
        """True when sub-event types ``a`` and ``b`` may describe one happening told by two sides."""
        spec = self.types.get(SubEventType(a)) if a in SUB_EVENT_TYPES else None
        return spec is not None and b in spec.related

    def absorbs(self, a: str, b: str) -> bool:
        """True when an event of type ``b`` at the place and on the day of an event of type ``a`` is part of it
        (ACLED codes a takeover, with the looting and burning that came with it, as the takeover)."""
        spec = self.types.get(SubEventType(a)) if a in SUB_EVENT_TYPES else None
        return spec is not None and b in spec.absorbs


class CodebookError(ValueError):
    """The codebook file names a type, fragment or context test that does not exist."""


_LOCK = threading.Lock()
_CACHE: dict[tuple[str, frozenset[str]], Codebook] = {}


def trigger_lines(block: str, fragments: dict[str, str]) -> list[str]:
    """The patterns of a ``triggers`` block: one per line, comments and blank lines skipped, %NAME% expanded."""
    lines = []
    for raw in block.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        for name in re.findall(r"%([A-Z_]+)%", line):
            if name not in fragments:
                raise CodebookError(f"trigger {line!r} uses the unknown fragment %{name}%")
            line = line.replace(f"%{name}%", fragments[name])
        lines.append(line)
    return lines


def load_codebook(path: Path | None = None, *, tests: frozenset[str] = frozenset()) -> Codebook:
    """Read and check the codebook (once per path): every type, fragment and (when ``tests`` is given) context
    test it names must exist, and every sub-event type must have an entry."""
    path = path or CODEBOOK_PATH
    key = (str(path), tests)
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = _read_codebook(path, tests)
        return _CACHE[key]


def _sub(name: str, where: str) -> SubEventType:
    try:
        return SubEventType(name)
    except ValueError:
        raise CodebookError(f"{where}: {name!r} is not an ACLED sub-event type") from None


def _read_codebook(path: Path, tests: frozenset[str]) -> Codebook:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    fragments: dict[str, str] = data.get("fragments", {})
    types: dict[SubEventType, SubEventSpec] = {}
    for name, entry in data.get("types", {}).items():
        sub = _sub(name, "types")
        event_type = EventType(entry["event_type"])
        if EVENT_TYPE_OF[sub] != event_type:
            raise CodebookError(f"{name} belongs to {EVENT_TYPE_OF[sub]}, not {event_type}")
        lines = trigger_lines(entry.get("triggers", ""), fragments)
        flags = re.IGNORECASE if entry.get("ignore_case", True) else 0
        pattern = re.compile("|".join(f"(?:{line})" for line in lines), flags) if lines else re.compile(r"(?!x)x")
        types[sub] = SubEventSpec(sub, event_type, int(entry.get("strength", 2)), pattern,
                                  tuple(entry.get("needs", ())), entry.get("note", "{a1} was involved in {loc}"),
                                  tuple(_sub(r, f"{name}.related") for r in entry.get("related", ())),
                                  tuple(_sub(r, f"{name}.absorbs") for r in entry.get("absorbs", ())))
    missing = [s for s in SubEventType if s not in types]
    if missing:
        raise CodebookError(f"{path}: no entry for {', '.join(missing)}")
    precedence = tuple(
        Decision(fired=tuple(_sub(f, "precedence") for f in item["fired"]),
                 becomes=_sub(item.get("becomes", item["fired"][0]), "precedence"),
                 confidence=float(item["confidence"]), needs=tuple(item.get("needs", ())),
                 unless=tuple(item.get("unless", ())))
        for item in data.get("precedence", ()))
    if tests:
        named = {t for spec in types.values() for t in spec.needs}
        named |= {t for d in precedence for t in (*d.needs, *d.unless)}
        unknown = sorted(named - tests)
        if unknown:
            raise CodebookError(f"{path}: unknown context test(s) {', '.join(unknown)}")
    return Codebook(types, precedence)
