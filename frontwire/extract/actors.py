"""Actor mentions: who is named in a sentence, normalised to ACLED-style names with their country and inter code.

ACLED names state forces "Military Forces of X (period)", "Police Forces of X (period)", and generic
actors "Civilians (X)", "Protesters (X)", "Rioters (X)", "Unidentified Armed Group (X)". Armed groups and
office holders come from the reference tables (``frontwire.reference``). "The enemy" and similar partisan words are
resolved against the speaker: in an Azerbaijani ministry's statement they mean Armenia's forces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from frontwire.extract.triggers import fold_case, may_hold, pattern_needles
from frontwire.reference import Person, Reference, reference

_MILITARY_NOUNS = (r"(?:armed forces|military forces|security forces|government forces|forces|army|military|troops|"
                   r"soldiers?|servicem[ae]n|units|commandos?|special forces|air forces?|aviation|artillery|"
                   r"border guards?|army units|military units|army convoy|army's|defence forces|defense forces|"
                   r"security personnel|military personnel|drones?|helicopters?|warplanes?|jets?|aircraft|positions|"
                   r"checkpoints?|posts?|convoy|side|air ?strikes?|drone strikes?|strikes?|shelling|missiles?|rockets?|navy|warships?)")
_POLICE_NOUNS = r"(?:police(?:m[ae]n|\s+forces|\s+officers?)?|policewom[ae]n|law enforcement|NDS|intelligence)"
_CIVILIAN = r"(?:civilians?|residents?|villagers?|children|child|women|wom[ae]n|farmers?|shepherds?|sheperds?|teachers?|students?|journalists?|activists?|merchants?|passengers?|traders?|travell?ers?|pilgrims?|citizens?|worshippers|people|family|a man|a boy|a girl|employees?|scholars?|elders?|doctors?|bloggers?)"
_PROTEST = r"(?:protesters?|protestors?|demonstrators?|rally|protest|marchers|strikers|picketers)"
_RIOT = r"(?:rioters?|mob|crowd)"
_UNIDENTIFIED = r"(?:unknown|unidentified)\s+(?:gunm[ae]n|armed m[ae]n|assailants?|attackers?|people|individuals?|persons?)|gunm[ae]n|armed m[ae]n|assailants?|perpetrators?"
_PARTISAN = r"(?:the enemy|enemy(?: forces| troops| units| positions| aviation)?|occupiers|occupying forces|occupation forces|invading forces|invaders|aggressors?|the adversary|opposing side|the other side)"


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text: ``kind`` is military, police, government, civilians, protesters, rioters,
    unidentified, group, person or partisan."""

    name: str
    country: str | None
    inter: int
    kind: str
    start: int
    end: int
    text: str


def state_actor(kind: str, country: str, on: date | None = None, lex: Reference | None = None) -> str:
    """The ACLED name of a state's ``kind`` (Military Forces, Police Forces, Government) on date ``on``."""
    lex = lex or reference()
    suffix = lex.period_suffix(country, on)
    stem = "the United States" if country == "United States" else country
    return f"{kind} of {stem} {suffix}".strip()


def generic_actor(kind: str, country: str | None) -> str:
    """"Civilians (Armenia)", "Protesters (Afghanistan)", ..."""
    return f"{kind} ({country})" if country else kind


_LOCAL_KINDS = ("Protesters", "Rioters")
_UNNAMED_KINDS = ("Civilians", "Unidentified Armed Group")


def local_actor(name: str | None, country: str | None, event_country: str | None, on: date | None = None, *,
                unnamed: bool = False) -> tuple[str | None, str | None]:
    """An actor renamed for where its event took place: ACLED names protesters and rioters by the country they
    gather in (Afghan diaspora marching in Melbourne are "Protesters (Australia)"), and a police force is the
    one of the country it polices ("Victoria Police" is not Malta's). Civilians and unidentified gunmen the text
    names without a nationality (``unnamed``) are the event country's too. Other actors keep their name."""
    if not name or not event_country or country == event_country:
        return name, country
    kind = name.split(" (")[0]
    if kind in _LOCAL_KINDS or (unnamed and kind in _UNNAMED_KINDS):
        return generic_actor(kind, event_country), event_country
    if name.startswith("Police Forces of"):
        return state_actor("Police Forces", event_country, on), event_country
    return name, country


# The compiled patterns are cached per reference tables (a ``Reference`` hashes by identity).
@lru_cache(maxsize=4)
def _country_spellings(lex: Reference) -> tuple[str, ...]:
    """The country words a pattern tries, longest first (the first that fits at a place wins)."""
    return tuple(w for w in sorted(lex.country_words.spellings, key=len, reverse=True) if len(w) > 1)


@lru_cache(maxsize=4)
def _country_alternation(lex: Reference) -> str:
    return "|".join(re.escape(w) for w in _country_spellings(lex))


@lru_cache(maxsize=4)
def _lowered_spellings(lex: Reference) -> tuple[str, ...] | None:
    """The country words lower-cased, where lower-casing is the regexes' case-folding for every letter in them
    (ASCII and Latin-1 letters); None where a spelling has another letter."""
    if not all(c.isascii() or ("à" <= c.lower() <= "þ" and c.lower() != "÷") for w in _country_spellings(lex)
               for c in w):
        return None
    return tuple(w.lower() for w in _country_spellings(lex))


@lru_cache(maxsize=1024)
def _countries_alternation_in(lower: str, lex: Reference) -> str:
    """The alternation of the country words a text holds (``lower``: the text ``fold_case``'d), in the full
    alternation's order: a word the text does not hold cannot match, so the patterns find what they would find
    with all of them, and scan far less. Remembered for the latest texts: a sentence is read for its actors and
    for its countries."""
    lowered = _lowered_spellings(lex)
    if lowered is None:
        return _country_alternation(lex)
    by_start, short = _spellings_by_start(lex)
    # a word of three letters or more is in the text only where its first three are: those are tried alone
    starts = {lower[i:i + 3] for i in range(len(lower) - 2)}
    held = [k for start in starts & by_start.keys() for k in by_start[start] if lowered[k] in lower]
    held += [k for k in short if lowered[k] in lower]
    spellings = _country_spellings(lex)
    return "|".join(re.escape(spellings[k]) for k in sorted(held))


@lru_cache(maxsize=4)
def _spellings_by_start(lex: Reference) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """The country words' numbers (in ``_country_spellings``) by their first three letters lower-cased, and
    those of the shorter words."""
    by_start: dict[str, list[int]] = {}
    short: list[int] = []
    for k, low in enumerate(_lowered_spellings(lex) or ()):
        if len(low) >= 3:
            by_start.setdefault(low[:3], []).append(k)
        else:
            short.append(k)
    return {start: tuple(ks) for start, ks in by_start.items()}, tuple(short)


@lru_cache(maxsize=4)
def _acronyms(lex: Reference) -> dict[str, str]:
    """The countries' acronyms ("CAR", "DRC"), by their lower-cased spelling."""
    return {a.lower(): a for c in lex.countries for a in c.aliases if a.isupper()}


@lru_cache(maxsize=1024)
def _country_word_pattern(words: str) -> re.Pattern[str]:
    """A country word of the alternation ``words``: compiled once per set of words (the ``re`` module's own cache
    of 512 patterns turns over within a few hundred sentences, and compiling costs more than the search)."""
    return re.compile(rf"\b({words})(?:'s)?\b", re.IGNORECASE)


def find_countries(text: str) -> list[tuple[str, int, int]]:
    """Countries named in ``text`` by name, adjective or capital: (country, start, end)."""
    lex = reference()
    out: list[tuple[str, int, int]] = []
    words = _countries_alternation_in(fold_case(text), lex)
    if not words:
        return out
    acronyms = _acronyms(lex)
    for m in _country_word_pattern(words).finditer(text):
        word = m.group(1)
        country = lex.country_of(word)
        if acronyms.get(word.lower(), word) != word:
            continue  # "Car bomb" is not the CAR: an acronym counts only in capitals
        if country and (word in ("US", "U.S.", "AA", "UK") or word[0].isupper()):
            out.append((country, m.start(), m.end()))
    return out


# "Taliban-planted", "Houthi-controlled": a hyphen joins the actor to what it did, not to another name
_HYPHEN_OK = r"(?!-(?!(?:planted|placed|laid|fired|led|held|controlled|run|backed|linked|affiliated)\b))"


def _group_patterns(lex: Reference) -> list[tuple[re.Pattern[str], Any, str | None]]:
    """The group and people patterns, each with the lower-cased name any match of it contains (None where the name
    is not plain ASCII, whose case-folding the regex may do otherwise): a sentence without it is not scanned."""
    pats: list[tuple[re.Pattern[str], Any, str | None]] = []

    def needle(name: str) -> str | None:
        return name.lower() if name.isascii() else None

    for group in lex.groups:
        for alias in (group.name, *group.aliases):
            flags = 0 if (alias.isupper() or len(alias) <= 4) else re.IGNORECASE
            pats.append((re.compile(rf"(?<![\w-])(?:{re.escape(alias)})(?!\w){_HYPHEN_OK}", flags), group,
                         needle(alias)))
        for alias in group.generic_aliases:
            pats.append((re.compile(rf"(?<![\w-])(?:{re.escape(alias)})(?![\w-])"), ("generic", group), needle(alias)))
    for person in lex.people:
        pats.append((re.compile(rf"\b{re.escape(person.name)}\b"), person, needle(person.name)))
    return pats


@lru_cache(maxsize=4)
def _cached_group_patterns(lex: Reference) -> list[tuple[re.Pattern[str], Any, str | None]]:
    return _group_patterns(lex)


@dataclass(frozen=True, slots=True)
class _CountryActorPatterns:
    """The patterns of state forces, civilians and governments named by a country word, for one alternation of the
    country words a sentence holds (group ``c``, or ``d`` in a government's "of" form)."""

    military: re.Pattern[str]
    forces_of: re.Pattern[str]
    people: re.Pattern[str]
    police: re.Pattern[str]
    government: re.Pattern[str]


@lru_cache(maxsize=1024)
def _country_actor_patterns(words: str) -> _CountryActorPatterns:
    adj = rf"(?P<c>{words})(?:'s)?"
    adj2 = adj.replace("?P<c>", "?P<d>")
    # "Syrian army units", "Russia's air force"; not "to Syria and an aircraft carrier" (the words between are the
    # forces' own: no conjunction, article or preposition)
    between = r"(?:(?!(?:and|or|an?|the|to|in|at|of|on|with|from|by|for)\s)[\w-]+\s+)"
    flags = re.IGNORECASE
    return _CountryActorPatterns(
        military=re.compile(rf"\b{adj}\s+{between}{{0,2}}?{_MILITARY_NOUNS}\b", flags),
        forces_of=re.compile(rf"\b(?:armed forces|military forces|army|military|troops|forces|border guards?)\s+of\s+"
                             rf"(?:the\s+)?(?:Republic of\s+)?{adj}", flags),
        people=re.compile(rf"\b{adj}\s+(?P<g>civilians?|villagers|residents|protesters|demonstrators|rioters|children)\b",
                          flags),
        police=re.compile(rf"\b{adj}\s+(?:[\w-]+\s+)?{_POLICE_NOUNS}\b", flags),
        government=re.compile(rf"\b{adj}\s+(?:government|authorities|officials)\b|\bgovernments? of\s+{adj2}", flags),
    )


def _add_country_actors(text: str, patterns: _CountryActorPatterns, lex: Reference, on: date | None,
                        add: Callable[[str, str | None, int, str, int, int], None]) -> None:
    """State forces, civilians and governments named with a country word ("Syrian army units", "Afghan
    civilians", "the government of Mali")."""
    for m in patterns.military.finditer(text):
        country = lex.country_of(m.group("c"))
        if country and m.group("c")[0].isupper():
            add(state_actor("Military Forces", country, on, lex), country, 1, "military", m.start(), m.end())
    for m in patterns.forces_of.finditer(text):
        country = lex.country_of(m.group("c"))
        if country:
            add(state_actor("Military Forces", country, on, lex), country, 1, "military", m.start(), m.end())
    for m in patterns.people.finditer(text):
        country = lex.country_of(m.group("c"))
        if country and m.group("c")[0].isupper():
            label, inter, kind = {"protesters": ("Protesters", 6, "protesters"), "demonstrators": ("Protesters", 6, "protesters"),
                                  "rioters": ("Rioters", 5, "rioters")}.get(m.group("g").lower(), ("Civilians", 7, "civilians"))
            add(generic_actor(label, country), country, inter, kind, m.start(), m.end())
    for m in patterns.police.finditer(text):
        country = lex.country_of(m.group("c"))
        if country and m.group("c")[0].isupper():
            add(state_actor("Police Forces", country, on, lex), country, 1, "police", m.start(), m.end())
    for m in patterns.government.finditer(text):
        country = lex.country_of(m.group("c") or m.group("d"))
        if country:
            add(state_actor("Government", country, on, lex), country, 1, "government", m.start(), m.end())


def find_actors(text: str, *, home: str | None = None, speaker_country: str | None = None,
                on: date | None = None, offset: int = 0) -> list[ActorMention]:
    """Every actor mention in ``text`` (a sentence), left to right, with ACLED names.

    ``home`` is the country the document is about (for "police", "civilians" with no adjective);
    ``speaker_country`` resolves partisan words ("the enemy"); ``on`` picks the state forces' period.
    """
    lex = reference()
    found: list[ActorMention] = []

    def add(name: str, country: str | None, inter: int, kind: str, s: int, e: int) -> None:
        found.append(ActorMention(name, country, inter, kind, s + offset, e + offset, text[s:e]))

    lower = fold_case(text)
    # only the country words the sentence holds; none: the patterns that need one cannot match
    words = _countries_alternation_in(lower, lex)
    if words:
        _add_country_actors(text, _country_actor_patterns(words), lex, on, add)
    for pattern, item, needle in _cached_group_patterns(lex):
        if needle is not None and needle not in lower:
            continue
        for m in pattern.finditer(text):
            if isinstance(item, tuple):
                group = item[1]
                name = f"Islamic State ({home})" if home else group.name
                add(name, home or group.country, group.inter, "group", m.start(), m.end())
            elif isinstance(item, Person):
                add(item.name, item.country, 1, "person", m.start(), m.end())
            else:
                add(item.name, item.country, item.inter, "group", m.start(), m.end())
    for generic_regex, kind, needles in _generic_patterns():
        if not may_hold(needles, lower):
            continue  # none of the words every match holds: it cannot match
        for m in generic_regex.finditer(text):
            if kind == "police" and m.group(0) in ("NDS", "intelligence"):
                country = home
            else:
                country = home
            if kind == "partisan":
                country = lex.adversaries.get(speaker_country or "", None)
                if country is None:
                    continue
                add(state_actor("Military Forces", country, on, lex), country, 1, "partisan", m.start(), m.end())
            elif kind == "police":
                if country:
                    add(state_actor("Police Forces", country, on, lex), country, 1, "police", m.start(), m.end())
            elif kind == "military":
                if country:
                    add(state_actor("Military Forces", country, on, lex), country, 1, "military", m.start(), m.end())
            else:
                label = {"civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters",
                         "unidentified": "Unidentified Armed Group"}[kind]
                inter = {"civilians": 7, "protesters": 6, "rioters": 5, "unidentified": 3}[kind]
                add(generic_actor(label, country), country, inter, kind, m.start(), m.end())
    return _drop_overlaps(found)


@lru_cache(maxsize=1)
def _generic_patterns() -> tuple[tuple[re.Pattern[str], str, tuple[str, ...] | None], ...]:
    """The unnamed actors' patterns, each with its kind and the words one of which every match holds."""
    generic = [
        (_POLICE_NOUNS, "police"), (_CIVILIAN, "civilians"), (_PROTEST, "protesters"), (_RIOT, "rioters"),
        (_UNIDENTIFIED, "unidentified"), (_PARTISAN, "partisan"),
        (r"(?:security forces|government forces|soldiers?|troops|servicem[ae]n|the army|army units|military forces|"
         r"armed forces|commandos?|security personnel|military personnel|check ?posts?|checkpoints?|military base|outposts?)",
         "military"),
    ]
    out = []
    for generic_pattern, kind in generic:
        flags = re.IGNORECASE if kind != "police" else 0
        # police are lower case in running text; "Police" only where a sentence starts with them
        compiled = re.compile(rf"\b{generic_pattern}\b" if kind != "police"
                              else rf"(?:\b{generic_pattern}|(?:^|(?<=[.!?]\s)|(?<=\n))Police(?:m[ae]n)?)\b", flags)
        out.append((compiled, kind, pattern_needles(compiled)))
    return tuple(out)


def _drop_overlaps(found: list[ActorMention]) -> list[ActorMention]:
    """Keep the longest mention where several overlap (specific patterns beat generic ones)."""
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[ActorMention] = []
    for m in found:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def correct_person(name: str, *, cutoff: float = 85.0) -> Person | None:
    """The known office holder that ``name`` spells (fuzzy: "Ilhan Aliyev" -> Ilham Aliyev), or None."""
    people = reference().people
    if not people:
        return None
    names = [p.name for p in people]
    best = process.extractOne(name, names, scorer=fuzz.ratio, score_cutoff=cutoff)
    if best is None:
        if len(name.split()) > 1:
            return None
        # a surname alone ("Aliyev said") when it is unambiguous
        surname = [p for p in people if p.name.split()[-1].lower() == name.lower()]
        return surname[0] if len(surname) == 1 else None
    return people[best[2]]


def actor_country(name: str | None) -> str | None:
    """The country of an ACLED-style actor name ("Military Forces of Armenia (2018-)" -> "Armenia")."""
    if not name:
        return None
    lex = reference()
    m = re.match(r"(?:Military Forces|Police Forces|Government) of (?:the )?([^()]+?)\s*(?:\(|$)", name)
    if m:
        country = m.group(1).strip()
        return "United States" if country == "United States" else country
    m = re.search(r"\(([^()]+)\)\s*$", name)
    if m and m.group(1) in {c.name for c in lex.countries}:
        return m.group(1)
    for group in lex.groups:
        if name == group.name or name.startswith(group.name + " "):
            return group.country
    return None
