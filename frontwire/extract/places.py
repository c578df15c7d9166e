"""Place mentions tied to an event: enumerated villages, "directions" of a front, "near X, Y" and "in X district".

ACLED codes one event per location per day, so "liberated A, B villages of X, C and D villages of Y" is
four events: each village is a ``place_names`` span with its district as ``place_context``. Names are only
found here; the geo stage decides where they are.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import lru_cache

from frontwire.extract.geo_hints import biggest_place, known_city
from frontwire.records import Span
from frontwire.reference import Reference, reference
from frontwire.reference.vocabulary import CARDINALS, MONTH_NAMES, WEEKDAY_NAMES

_NAME = r"(?:[A-Z][\w'’-]*(?:[ -](?:D\.C\.|[A-Z][\w'’-]*|(?:e|i|al|el|ul|wa|de|du|ye)(?=[ -][A-Z])))*)"
_SETTLEMENT = r"(?:villages?|settlements?|towns?|cities|city|heights|hills?|areas?)"
_ADMIN = r"(?:district|region|province|rayon|raion|oblast|governorate|county|municipality|state|direction|directions|sector|area)"
_STOP = {
    "The", "A", "An", "In", "On", "At", "During", "It", "Its", "This", "That", "They", "He", "She", "We", "Our",
    "Long", "Victorious", "President", "Ministry", "Defence", "Defense", "Army", "Armed", "Forces", *WEEKDAY_NAMES,
    *MONTH_NAMES, "Twitter", "Facebook",
    "Telegram", "GMT", "UN", "NATO", "As", "According", "Also", "And", "But", "While", "Taliban", "IS",
}
# "in central London", "near coastal Sousse": a part of the place, which is still the place
_SIDE = (r"(?:central|northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western|"
         r"northeastern|northwestern|southeastern|southwestern|downtown|inner|outer|greater|coastal|nearby|neighbouring|"
         r"neighboring|rural|suburban)")
# verbs whose "in" is a particle ("sent in", "moved in on")
_PARTICLE_VERB = re.compile(r"\b(?:sent|send|sends|brought|bring|drafted|moved|move|called|rolled|poured|flew|drove|came|"
                            r"went|stepped|zoomed|phoned|dialled|weighed|chipped|joined|handed|turned|gave)\s*$", re.I)
# a lower-case site after a name: the name is its owner's ("Newsprinters printing works", "Kara Tepe camp" is kept)
_FACILITY_AFTER = re.compile(r"\s+(?:printing (?:works|plant|presses)|works|plant|factory|offices?|headquarters|"
                             r"building|store|shop|supermarket|restaurant|hotel|hospital|school|university|stadium|"
                             r"depot|warehouse|mill|refinery|mine)\b")
_NOT_PLACE = {"Palace", "Square", "Street", "Road", "Avenue", "Gallery", "Museum", "Hotel", "Station", "Park", "Bridge",
              "Column", "Market", "Hall", "House", "Stadium", "Airport", "Prison", "College", "School", "Hospital",
              "Church", "Mosque", "Cathedral", "Embassy", "Building", "Tower", "Plaza", "Boulevard", "Gulf", "Sea", "Ocean", "Strait", "Straits", "Channel", "Lake", "River", "Bay", "Mediterranean", "Atlantic",
              "Pacific", "Vehicle", "Vehicles", "Network", "Group", "Systems", "System", "Company", "Institute", "University",
              "Foundation", "Association", "Society", "Club", "Campaign", "Organisation", "Organization", "Trust",
              "Army", "Forces", "Ministry", "Armed", "Security", "Council", "Assembly", "Agency", "Press", "News",
              "Police", "Government", "Service", "Party", "Alliance", "Movement", "Front", "Committee", "Court",
              "War", "Wars", "Conflict", "Treaty", "Agreement", "Statement", "Declaration", "Protocol", "Union"}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place the event happened at: the name and the larger area the text ties it to."""

    name: Span | None
    context: Span | None
    kind: str  # village, direction, district, near, in


def _span(text: str, start: int, end: int, offset: int) -> Span:
    return Span(text[start:end], start + offset, end + offset)


def _names_in(text: str, start: int, end: int, offset: int) -> list[Span]:
    """Split an enumeration "A, B and C" into name spans."""
    out = []
    for m in re.finditer(_NAME, text[start:end]):
        word = m.group(0).strip()
        if word.split()[0] in _STOP:
            continue
        out.append(_span(text, start + m.start(), start + m.start() + len(word), offset))
    return out


def enumerated_settlements(text: str, offset: int = 0) -> list[PlaceMention]:
    """ "Chaprand, Haji Isaqli, Gosha Bulag villages of Jabrayil, Dere Gilatagh ... villages of Zangilan" """
    out: list[PlaceMention] = []
    group = re.compile(rf"(?P<names>{_NAME}(?:\s*,\s*(?:and\s+)?{_NAME})*(?:,?\s+and\s+{_NAME})?)\s+{_SETTLEMENT}\s+"
                       rf"(?:of|in)\s+(?:the\s+)?(?P<ctx>{_NAME})(?:\s+{_ADMIN})?")
    for m in group.finditer(text):
        ctx = _span(text, m.start("ctx"), m.end("ctx"), offset)
        for name in _names_in(text, m.start("names"), m.end("names"), offset):
            out.append(PlaceMention(name, ctx, "village"))
    # "the villages of A, B and C in X district"
    # "named the villages as A, B and C", "the villages are A, B and C", "the villages: A, B and C"
    lead = re.compile(rf"\b{_SETTLEMENT}\s*(?:\s(?:of|as|are|were)\s+|:\s*|\s)(?P<names>{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?)"
                      rf"(?:\s+(?:in|of)\s+(?:the\s+)?(?P<ctx>{_NAME})\s+{_ADMIN})?")
    if not out:
        for m in lead.finditer(text):
            listed_ctx = _span(text, m.start("ctx"), m.end("ctx"), offset) if m.group("ctx") else None
            for name in _names_in(text, m.start("names"), m.end("names"), offset):
                out.append(PlaceMention(name, listed_ctx, "village"))
    return out


def stated_count(text: str) -> int | None:
    """The number of places a sentence says it lists: "liberated eight more villages" -> 8."""
    m = re.search(rf"\b(\d+|{'|'.join(CARDINALS)})\s+(?:more\s+|other\s+|new\s+)?{_SETTLEMENT}\b", text, re.I)
    if not m:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else CARDINALS[word]


def directions(text: str, offset: int = 0) -> list[PlaceMention]:
    """ "mainly in the Aghdam, Khojavend, and Gubadli direction(s)" -> one mention per direction."""
    out: list[PlaceMention] = []
    m = re.search(rf"(?P<names>{_NAME}(?:\s*,\s*(?:and\s+)?{_NAME})*(?:,?\s+and\s+{_NAME})?)\s+(?:directions?|sectors?|fronts?)\b",
                  text)
    if m:
        for name in _names_in(text, m.start("names"), m.end("names"), offset):
            out.append(PlaceMention(name, name, "direction"))
    for m in re.finditer(rf"\b(?:in the )?directions? of\s+(?P<name>{_NAME})", text):
        name = _span(text, m.start("name"), m.end("name"), offset)
        out.append(PlaceMention(name, name, "direction"))
    return out


def located_places(text: str, offset: int = 0, *, exclude: Collection[str] = (), country_context: bool = False
                   ) -> list[PlaceMention]:
    """ "near Aygedzor, Tavush", "in Dawlat Abad district, Balkh", "in the Zangilan region", "in Kabul city"."""
    out: list[PlaceMention] = []
    pattern = re.compile(
        rf"\b(?i:in|near|at|around|over|outside(?: of)?|of|from|to|through|(?:descended|converged) on)\s+(?:the\s+)?(?:(?:limits|outskirts|vicinity|area|village|"
        rf"centre|center) of\s+(?:the\s+)?)?(?:{_SIDE}\s+)?(?P<name>{_NAME})(?P<kind>\s+(?:{_ADMIN}|village|city|town|city center|district center))?"
        rf"(?:\s*\([^()]*\))?(?:\s+(?:of|in)\s+(?:the\s+)?(?P<ctx1>{_NAME})(?:\s+{_ADMIN})?)?(?:,\s+(?P<ctx2>{_NAME})(?:\s+{_ADMIN})?)?")
    for m in pattern.finditer(text):
        name = m.group("name")
        local = _LOCAL_AFTER.match(text, m.end("name")) is not None  # "the Jordan neighbourhood"
        if name.split()[0] in _STOP or (name in exclude and not local) or _NOT_PLACE.intersection(name.split()):
            continue
        if re.search(r"\baccording\s*$", text[:m.start()], re.IGNORECASE):
            continue  # "according to Aravot": a newspaper, whatever village shares its name
        if m.group(0).lower().startswith("in") and _PARTICLE_VERB.search(text[:m.start()]):
            continue  # "sent in Bradley Fighting Vehicles": "in" is the verb's, not a place's
        if re.search(r"['’]s$", name) and _ANOTHER_CITY_OF.match(text, m.end("name")):
            continue  # "New York's third-largest city": another city of that state, which the text names elsewhere
        if _FACILITY_AFTER.match(text, m.end("name")) and not m.group("kind"):
            continue  # "outside Newsprinters printing works": the name of a site's owner
        appositive = out and re.search(r"[A-Za-z'’]\)?,\s+the\s+(?:\w+\s+){0,2}(?:capital|city|town|seat|centre|center)\s+$",
                                       text[:m.start()])
        if out and (appositive or re.search(r"[A-Za-z'’]\)?,\s*$", text[:m.start()]) and
                    re.match(r"(?:near|outside|south of|north of|east of|west of)\b", m.group(0), re.I)):
            # "in Knowsley, near Liverpool", "Muzaffarabad, the capital of Pakistan-administered Kashmir": a
            # reference point or the unit of the place before it, not a place of its own
            # "in Knowsley, near Liverpool": a reference point for the place before it, not a place of its own
            if out[-1].context is None:
                out[-1] = replace(out[-1], context=_span(text, m.start("name"), m.end("name"), offset))
            continue
        listed = _LISTED_TOWN.search(text[:m.start()]) if out and m.group(0).startswith("in ") else None
        if listed and listed.group("town").split()[0] not in _STOP and listed.group("town") not in exclude:
            # "at Broxbourne in Hertfordshire, Knowsley in Merseyside and Motherwell in North Lanarkshire": each
            # town of the list is a place, in the unit after it
            out.append(PlaceMention(_span(text, listed.start("town"), listed.end("town"), offset),
                                    _span(text, m.start("name"), m.end("name"), offset), "listed"))
            continue
        ctx_group = "ctx1" if m.group("ctx1") else "ctx2" if m.group("ctx2") else None
        ctx = None
        if ctx_group and m.group(ctx_group).split()[0] not in _STOP and (
                m.group(ctx_group) not in exclude or (country_context and ctx_group == "ctx2")):
            # "Vamizi, Mozambique": in an article a country after the comma frames a place the gazetteer may lack
            ctx = _span(text, m.start(ctx_group), m.end(ctx_group), offset)
        kind = (m.group("kind") or "").strip().lower()
        start = m.start("name")
        owner = re.match(r"(.+?)['’]s\s+(?=[A-Z])", name)
        if owner and ctx is None and _TOWN_PART.match(name[owner.end():]):
            # "Melbourne's CBD", "Sydney's Central Business District": the town itself
            end = start + len(owner.group(1))
            out.append(PlaceMention(_span(text, start, end, offset), None, "in"))
            continue
        if owner and ctx is None:
            # "Kowloon's Mongkok neighbourhood": the place is the second name, within the first
            ctx = _span(text, start, start + len(owner.group(1)), offset)
            start += owner.end()
        end = m.end("name") - (2 if re.search(r"['’]s$", name) else 0)  # "Stepanakert's"
        span = _span(text, start, end, offset)
        if kind in ("district", "region", "province", "rayon", "raion", "oblast", "governorate", "county") \
                and m.group("ctx1") and re.search(r"\bthe\s+$", text[max(0, m.start("name") - 5):m.start("name")]) \
                and m.group("ctx1") not in exclude and not re.match(r"\s+(?:of|in)\s+the\b", text[m.end("kind"):]):
            # "in the Kowloon district of Yau Ma Tei": the place is the second name, in the district the first
            # names (but "the Zangilan district of Azerbaijan" names a country second: excluded above)
            inner = _span(text, m.start("ctx1"), m.end("ctx1"), offset)
            out.append(PlaceMention(inner, span, "in"))
        elif kind in ("district", "region", "province", "rayon", "raion", "oblast", "governorate", "county"):
            out.append(PlaceMention(span, ctx or span, "district"))
        else:
            out.append(PlaceMention(span, ctx, "in"))
    return out


# the next town of a list of places each told with its unit ("..., Knowsley in Merseyside and Motherwell in ..."),
# just before that unit's "in"
_LISTED_TOWN = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?P<town>{_NAME})\s+$")

# "(New York's) third-largest city", "(Scotland's) second city": a city described by its rank in the name before
_ANOTHER_CITY_OF = re.compile(r"\s+(?:(?:second|third|fourth|fifth|2nd|3rd|4th|5th)[- ])?(?:largest|biggest|most "
                              r"populous|second|third)\s+(?:city|town)\b")

# a town's centre, told by a common name: the town is the place
_TOWN_PART = re.compile(r"(?:CBD|Central Business District|City Centre|City Center|Downtown|Old Town)$")


def listed_location_count(sentence: str) -> int:
    """How many locations a note lists for one report ("in Chora and Tarinkot districts" -> 2).

    ACLED codes one event per location and splits the reported fatalities between them.
    """
    best = 1
    for m in re.finditer(rf"\bin\s+(?:the\s+)?(?:limits of\s+)?(?P<list>{_NAME}(?:\s*\([^()]*\))?(?:\s+(?:district|city|province|area))?"
                         rf"(?:\s*,\s*(?:and\s+)?{_NAME}(?:\s*\([^()]*\))?(?:\s+(?:district|city|province|area))?)*"
                         rf"\s*,?\s+and\s+{_NAME}(?:\s*\([^()]*\))?)\s+(?P<unit>districts|provinces|cities|areas|district|city|province)\b",
                         sentence):
        parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.sub(r"\([^()]*\)", "", m.group("list")))
        names = [p for p in parts if p.strip() and p.strip()[0].isupper()]
        best = max(best, len(names))
    return best


def country_places(text: str, countries: tuple[str, ...], offset: int = 0, *, locative: bool = False
                   ) -> list[PlaceMention]:
    """ "rockets at northern Israel": a country (or part of one) as the only place given (geo precision 3).
    ``locative``: only "in", "inside", "across", "throughout" (where something happens, not whither)."""
    out = []
    alternation = "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True))
    preps = "in|inside|across|throughout" if locative else "in|at|into|across|on|over|to|inside|throughout"
    for m in re.finditer(rf"\b(?:{preps})\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|"
                         rf"north-eastern|north-western|south-eastern|south-western)\s+)?(?P<c>{alternation})\b(?!['’]s)", text):
        span = _span(text, m.start("c"), m.end("c"), offset)
        out.append(PlaceMention(span, span, "country"))
    return out[:1]


def captured_places(text: str, offset: int = 0) -> list[PlaceMention]:
    """ "had captured Milanli", "took control of the town of Hadrut": the object of a capture is the place."""
    out = []
    for m in re.finditer(rf"\b(?:captured|seized|recaptured|retook|liberated|took (?:full )?control of|taken (?:full )?control of|"
                         rf"entered|overran|shelled|struck|bombed|bombarded|attacked|targeted|hit)\s+(?:the\s+)?(?:(?:village|town|city|settlement|district)\s+of\s+)?"
                         rf"(?P<name>{_NAME})(?:\s+(?:village|town|city))?(?:\s+(?:of|in)\s+(?:the\s+)?(?P<ctx>{_NAME})"
                         rf"(?:\s+{_ADMIN})?)?", text):
        name = m.group("name")
        if name.split()[0] in _STOP or _NOT_PLACE.intersection(name.split()):
            continue
        ctx = _span(text, m.start("ctx"), m.end("ctx"), offset) if m.group("ctx") else None
        out.append(PlaceMention(_span(text, m.start("name"), m.end("name"), offset), ctx, "captured"))
    return out


# -- the places of an event sentence ----------------------------------------------------------------------

@lru_cache(maxsize=4)
def _country_words(lex: Reference) -> frozenset[str]:
    words: set[str] = set()
    for c in lex.countries:
        # capitals and regions among the aliases are real places; only names, adjectives and acronyms are not
        words.update((c.name, *c.adjectives, *(a for a in c.aliases if a.isupper() or a == "Kremlin")))
    # nor days and months ("at the head of Friday's protest march")
    words.update(WEEKDAY_NAMES + MONTH_NAMES)
    return frozenset(words)


# a place has no home: "outside Nancy Pelosi's home", "at the senator's house"
_DWELLING_AFTER = re.compile(r"['’]s\s+(?:\w+\s+)?(?:home|house|residence|apartment|flat|mansion|estate|farmhouse|"
                             r"doorstep|front door|driveway|pad)\b", re.I)

# named entities that are not places ("the National Gallery", "the Resist And Act For Freedom rally", "Viasna")
NOT_PLACE_LABELS = frozenset({"ORG", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "FAC"})


def _named_otherwise(place: PlaceMention, entities: list[tuple[int, int, str]], sentence: str = "",
                     offset: int = 0) -> bool:
    """The parser names the span something other than a place: an organisation, a law, a facility (a square or
    a road is a site in a town, never the town). Villages the small model takes for people or peoples are kept,
    except a person after "from", "of", "by" or "with" ("a show of force from Lukashenko")."""
    if place.name is None:
        return False
    start = place.name.start
    labels = {label for s, e, label in entities if s <= start < e or start <= s < place.name.end}
    # the name opens the entity ("[the] National Gallery", "Trafalgar Square"); a place at the end of one ("the
    # centre of Minsk") is still a place
    opens = {label for s, e, label in entities if label in NOT_PLACE_LABELS
             and (s == start or (s < start and sentence[s - offset:start - offset].strip().lower() == "the")
                  or start <= s < place.name.end)}
    before = sentence[max(0, place.name.start - offset - 24):place.name.start - offset]
    after = sentence[place.name.end - offset:place.name.end - offset + 16]
    if _DWELLING_AFTER.match(after):
        return True  # "outside Pelosi's house": a person's home, whatever the parser calls the name
    if any(label == "PERSON" and s == start and e in (place.name.end, place.name.end + 2) and " " in place.name.text
           for s, e, label in entities) and biggest_place(place.name.text) is None:
        return True  # "outside Nancy Pelosi's home": a person's full name the gazetteer does not hold
    if "SURNAME" in labels:
        biggest = biggest_place(place.name.text)
        if biggest is None or biggest[1] < BIG_CITY:
            return True  # "yelling at Victor", where the text named "Lauren B. Victor"
    if _KIND_AFTER.match(after) or _KIND_BEFORE.search(before):
        return False  # "Yala city", "the island of Vamizi": the text says it is a place, whatever the parser says
    if opens:
        return not ("ORG" in opens and opens <= {"ORG"} and (known_city(place.name.text) or place.context is not None))
    if place.context is not None:
        return False  # "the Kowloon district of Yau Ma Tei", "Vamizi, Mozambique": placed in a larger unit
    return "PERSON" in labels and bool(re.search(r"\b(?:from|of|by|with|to|over|against)\s+(?:the\s+)?$", before)) \
        and not known_city(place.name.text)  # "areas of Kharkiv", which the small model takes for a person


BIG_CITY = 100_000  # a name this big a city is that city, whatever else the sentence makes of it

# "the Department of Transport", "the Bank of England", "the Shrine of Remembrance": the head of a longer name
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_PLACE_HEADS = frozenset({"City", "Isle", "Island", "Islands", "Gulf", "Bay", "Port", "Republic", "State", "Province",
                          "Region", "District", "County", "Borough", "Town", "Village", "Cape", "Mount", "Lake"})


def _heads_a_name(place: PlaceMention, sentence: str, offset: int) -> bool:
    """The single word is the head of an institution's or a landmark's name ("outside the Department of
    Transport"), not a place; "City of London", "Isle of Wight" and towns ("Minsk of ...") are kept."""
    if place.name is None or " " in place.name.text or place.name.text in _PLACE_HEADS:
        return False
    if not _OF_NAME.match(sentence, place.name.end - offset):
        return False
    biggest = biggest_place(place.name.text)
    return biggest is None or biggest[1] < BIG_CITY


# "the nearby Jordan neighbourhood": a country's name used for a part of a town
_LOCAL_AFTER = re.compile(r"\s+(?:neighbou?rhood|quarter|district|suburb|street|road|area)\b")
_KIND_AFTER = re.compile(r"\s+(?:city|town|village|district|province|region|island|neighbou?rhood|county|governorate|"
                         r"municipality|area)\b")


def event_places(sentence: str, offset: int, entities: list[tuple[int, int, str]] | None = None
                 ) -> list[PlaceMention]:
    """The places a sentence gives for its event, best first: enumerated villages, directions of a front, the
    object of a capture, then "in/near X" (country words, people's names and where people come from set aside),
    then a country or part of one (geo precision 3)."""
    exclude = _country_words(reference())
    article = entities is not None
    settlements = enumerated_settlements(sentence, offset)
    if settlements and not all(_from_origin(sentence, p, offset) for p in settlements) and not (
            article and len(settlements) == 1):
        return settlements
    places = directions(sentence, offset)
    if places:
        return places
    entities = entities or []
    taken = [p for p in captured_places(sentence, offset) if not _named_otherwise(p, entities, sentence, offset)]
    if taken and taken[0].name and taken[0].name.text not in exclude:
        return taken
    people = _person_names(reference())
    adjectives = reference().adjectives
    located = []
    for p in located_places(sentence, offset, exclude=exclude, country_context=article):
        if _named_otherwise(p, entities, sentence, offset) or _heads_a_name(p, sentence, offset):
            continue
        place_text = p.name.text if p.name else ""
        words = place_text.split()
        local = p.name is not None and _LOCAL_AFTER.match(sentence, p.name.end - offset) is not None
        if place_text in adjectives:
            continue  # "in North Korean waters": a people's adjective, not a place
        if words and not local and (words[0] in exclude or words[0].rstrip("s") in exclude or place_text in exclude
                                    or any(name in place_text for name in people)):
            continue  # "presidents of Azerbaijan Ilham Aliyev", "Thousands of Azerbaijanis"
        located.append(p)
    # "residents of Norashen village held a protest in Yerevan": where people come from is not where it happened
    origin = {id(p) for p in located if _from_origin(sentence, p, offset)}
    if article:
        # in an article, the sentences around tell where it happened ("A man from the Reading area was arrested
        # at the gathering": not in Reading)
        located = [p for p in located if id(p) not in origin]
    elsewhere = any(id(p) not in origin and p.name and _AT.search(sentence[:max(0, p.name.start - offset)])
                    for p in located)
    if elsewhere:
        located.sort(key=lambda p: id(p) in origin)
    if settlements and article and len(settlements) == 1:
        # "arrested in Minsk and in the city of Grodno": the town a sentence names with "the city of" is one of
        # its places, beside those it names plainly
        names = {p.name.text for p in located if p.name}
        located = sorted(located + [p for p in settlements if p.name and p.name.text not in names],
                         key=lambda p: p.name.start if p.name else 0)
    elif settlements and not elsewhere:
        return settlements
    if located and article:
        # in an article, a name after "of", "from", "over" or "to" is as often a person, a paper or where people
        # come from: a place told with "in", "near", "at" (or a country so told) comes first
        where = [p for p in located if _locative(sentence, p, offset)]
        if not where:
            where = country_places(sentence, tuple(c.name for c in reference().countries), offset, locative=True)
        if not where:
            # names only after "of", "from", "to": places only where the parser reads them as places
            where = [p for p in located if p.name is not None and any(
                s <= p.name.start < e and label in ("GPE", "LOC") for s, e, label in entities)]
        located = where
    if not located:
        located = force_places(sentence, offset)
    if not located:
        located = capital_places(sentence, offset)
    if not located:
        located = country_places(sentence, tuple(c.name for c in reference().countries), offset)
    return located


_FORCE = re.compile(r"\b(?P<n>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}) (?:riot )?(?:police|cops|officers)\b"
                    r"(?!\s+(?:said|say|says|told|reported|stated|spokes\w+|statement|chief|department|commissioner))")


def force_places(sentence: str, offset: int = 0) -> list[PlaceMention]:
    """ "Hong Kong police have arrested 60 people": where no place is named, a city's police act in their city
    (a town the gazetteer knows by its name alone; "Metropolitan Police" and "Victoria Police" of a state are
    left to the article's town)."""
    for m in _FORCE.finditer(sentence):
        name = m.group("n")
        if known_city(name) and (biggest_place(name) or ("", 0, False))[2]:
            return [PlaceMention(_span(sentence, m.start("n"), m.end("n"), offset), None, "in")]
    return []


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|around|outside|inside|across|through|throughout|into|within|on the streets of|"
                              r"(?:descended|converged) on|"
                              r"(?:outskirts|centre|center|heart|vicinity|hub|streets|parts|areas?|districts|suburbs|neighbou?rhoods) of)\s+"
                              r"(?:the\s+|an?\s+)?(?:(?!(?:to|from|with|by|against|for|over|about)\s)[\w'-]+\s+){0,2}$", re.I)
# "the island of Vamizi", "the port town of Mocimboa": the text says the name is a place
_KIND_BEFORE = re.compile(r"\b(?:island|town|city|village|port|district|region|province|capital|suburb|"
                          r"neighbou?rhood|governorate|county|oblast|settlement)\s+of\s+$", re.I)


def _locative(sentence: str, place: PlaceMention, offset: int) -> bool:
    """The name is where something happens ("in Minsk", "near Motherwell", "Yala city"), not whose or whence."""
    if place.name is None:
        return False
    before = sentence[max(0, place.name.start - offset - 40):place.name.start - offset]
    after = sentence[place.name.end - offset:place.name.end - offset + 16]
    if place.kind == "listed":
        return True  # "..., Knowsley in Merseyside": a town of a list, told with its unit
    return bool(_LOCATIVE_BEFORE.search(before) or _KIND_AFTER.match(after) or _KIND_BEFORE.search(before))


_CAPITAL = re.compile(r"\b(?:in|at|near|around|outside|across|through|into)\s+the\s+(?:[A-Z][\w'-]+\s+|(?:country|nation)['’]s\s+)?"
                      r"(?P<c>capital)\b(?!\s+(?:of|city of)\b)")


def capital_places(text: str, offset: int = 0) -> list[PlaceMention]:
    """ "another rally in the capital": the capital of the country the event is in (the geo stage knows it)."""
    m = _CAPITAL.search(text)
    return [PlaceMention(_span(text, m.start("c"), m.end("c"), offset), None, "capital")] if m else []


_ORIGIN = re.compile(r"\b(?:residents?|villagers?|inhabitants?|people|citizens?|farmers?|workers?|natives?|locals|"
                     r"relatives|supporters|students|teachers|employees|families|representatives|refugees|"
                     r"displaced persons)\s+(?:\w+\s+)?(?:of|from)\s+(?:the\s+)?(?:(?:village|town|city) of\s+)?$|"
                     # a person and where they come from: "a 44-year-old man from the Reading area"
                     r"\b(?:man|woman|men|women|boy|girl|teenagers?|youths?|mother|father|person|individuals?|"
                     r"protesters?|activists?|demonstrators?|campaigners?)\s+(?:\w+\s+)?from\s+(?:the\s+)?$",
                     re.IGNORECASE)


_AT = re.compile(r"\b(?:in|near|at|around|over|outside)\s+(?:the\s+)?(?:\w+\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)


def _from_origin(sentence: str, place: PlaceMention, offset: int) -> bool:
    """The place people come from ("residents of X village") or a weapon was fired from ("a rocket fired from
    Gaza"), as the sentence names it."""
    before = sentence[:max(0, place.name.start - offset)] if place.name is not None else ""
    return place.name is not None and bool(_ORIGIN.search(before) or _LAUNCHED_FROM.search(before))


_LAUNCHED_FROM = re.compile(r"\b(?:fired|launched|shot|lobbed|sent|flew|came)\s+from\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=4)
def _person_names(lex: Reference) -> tuple[str, ...]:
    names: set[str] = set()
    for person in lex.people:
        names.add(person.name)
        names.add(person.name.split()[-1])
    return tuple(sorted(names))
