"""Place an event: choose among the gazetteer's homonyms as a careful coder would.

Evidence, strongest first: the district or region the text names for the event ("villages of Jabrayil",
"near Aygedzor, Tavush", "Dawlat Abad district, Balkh"); the conflict's countries (``frame.country_hints``);
the other places of the document; what the text calls the name (village, district, direction). A name the
gazetteer holds only outside the named district is a different village that shares the name: the event is
then placed in the district (geo_precision 2) with the name kept as ``location``. Fuzzy matching is tried
last, and only among the places of the named district or the hinted country.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from frontwire.geo.context import (
    DISTRICT_ADMIN1,
    STRONG,
    Context,
    _across_border,
    _strong_units,
    _unit_of,
    build_context,
    country_codes,
    distance_km,
    in_context,
    score_candidate,
    strip_unit_words,
)
from frontwire.geo.gazetteer import Gazetteer, get_gazetteer
from frontwire.geo.toponyms import INNER_CAPITAL, Toponym, find_toponyms, is_common_word, unit_after
from frontwire.records import Document, EventFrame, Place, Span

DISTRICT_CUTOFF = 75.0  # fuzzy score a name called a district needs among its province's districts


@dataclass(slots=True)
class Choice:
    index: int
    score: float
    how: str  # exact, phonetic, fuzzy, partial


def choose(gaz: Gazetteer, name: str, candidates: list[int], unit: str | None, ctx: Context,
           partial: bool = False) -> Choice | None:
    """The best reading of ``name``; fuzzy matching inside the named unit or hinted country when no key fits."""
    best: Choice | None = None
    for i in candidates:
        s = score_candidate(gaz, i, name, unit, ctx) - (1.0 if partial else 0.0)
        if best is None or s > best.score:
            best = Choice(i, s, "partial" if partial else ("exact" if gaz.exact(i, name) else "phonetic"))
    strong = _strong_units(ctx)
    if best is not None and _fold(gaz.primary[best.index]) != _fold(name) and not (
            gaz.exact(best.index, name) and gaz.pops[best.index] >= 50_000 and ctx.countries
            and gaz.ccs[best.index] in ctx.countries):
        # the name as a big city is known by beats a small place that only sounds like it, wherever the hints
        # point ("Novorossiysk" in a report of Ukrainian drones is Russia's port); a big place in the conflict's
        # country that bears the name exactly stays ("Westminster" in London, not the Colorado city)
        cities = [i for i in candidates if _strong(gaz, i, name)]
        if cities:
            best = Choice(max(cities, key=lambda i: gaz.pops[i]), best.score, "exact")
    if best is not None and (not strong or in_context(gaz, best.index, ctx, True) > 0 or gaz.kinds[best.index] == 0):
        return best
    # Nothing inside the named unit: a misspelling of one of its villages is likelier than a homonym.
    pools: list[tuple[str, str | None]] = [(cc, a1) for (cc, a1), _w in strong]
    if not pools and not candidates:
        pools = [(cc, None) for cc in ctx.countries[:2]]
    for cc, a1 in pools:
        # A name the text calls a district is one of the province's dozen or so districts: a looser spelling
        # ("Khaniqa" for "Khanaqah", "Gramsir" for "Garmsir") is safe among so few.
        found = gaz.fuzzy(name, cc, a1, cutoff=DISTRICT_CUTOFF, districts=True) if a1 and unit == "district" else []
        for i, fscore in found or gaz.fuzzy(name, cc, a1, cutoff=84.0 if a1 else 90.0):
            if not found and _far_from_named_district(gaz, i, ctx):
                continue  # a close spelling at the far end of the province is another village
            s = score_candidate(gaz, i, name, unit, ctx) - 1.0 + (fscore - 84.0) / 16.0
            if best is None or s > best.score or (strong and in_context(gaz, best.index, ctx, True) <= 0):
                best = Choice(i, s, "fuzzy")
            break
        if best is not None and best.how == "fuzzy":
            break
    return best


FUZZY_REACH_KM = 40.0  # how far from the district the text names a village found by its spelling may lie


def _far_from_named_district(gaz: Gazetteer, i: int, ctx: Context) -> bool:
    """True when the text names a district (with coordinates) and village ``i`` lies well outside it."""
    districts = [j for j, w in ctx.admin2.items() if w >= STRONG and gaz.lats[j] == gaz.lats[j]]
    if not districts or gaz.kinds[i] != 3:
        return False
    return all(distance_km(gaz.lats[i], gaz.lons[i], gaz.lats[j], gaz.lons[j]) > FUZZY_REACH_KM for j in districts)


def make_place(gaz: Gazetteer, i: int, evidence: Span | None, location: str | None, precision: int,
               reason: str) -> Place:
    """A ``Place`` record for entry ``i``, with admin names as the gazetteer spells them."""
    kind = gaz.kinds[i]
    cc = gaz.ccs[i]
    lat, lon = gaz.lats[i], gaz.lons[i]
    if lat != lat:  # an admin2 without coordinates: fall back to its admin1's
        j = gaz.admin1_index(cc, gaz.admin1s[i])
        lat, lon = (gaz.lats[j], gaz.lons[j]) if j is not None else (float("nan"), float("nan"))
    admin2 = gaz.primary[i] if kind == 2 else (gaz.admin2s[i] or None)
    return Place(
        country=gaz.country_name(cc),
        admin1=gaz.admin1_name(cc, gaz.admin1s[i]) if kind >= 1 else None,
        admin2=admin2 if kind >= 2 else None,
        location=location or gaz.primary[i],
        latitude=None if lat != lat else round(lat, 5),
        longitude=None if lat != lat else round(lon, 5),
        geo_precision=precision,
        place_id=gaz.ids[i],
        evidence=evidence,
        reason=reason,
    )


def _precision(gaz: Gazetteer, i: int, unit: str | None, near: bool) -> int:
    kind = gaz.kinds[i]
    if kind == 3:
        return 2 if near else 1
    if kind == 2:
        return 2
    if kind == 1:
        return 2 if unit in ("district", "direction") or gaz.ccs[i] in DISTRICT_ADMIN1 else 3
    return 3


def place_name(gaz: Gazetteer, span: Span, ctx: Context, candidates: list[int] | None = None,
               unit: str | None = None, near: bool = False, partial: bool = False) -> Place | None:
    """Resolve one named place of the event (a ``frame.place_names`` span or a toponym of the anchor)."""
    name = strip_unit_words(span.text)
    unit = unit or _unit_of(span.text)
    cands = gaz.lookup(name) if candidates is None else list(candidates)
    choice = choose(gaz, name, cands, unit, ctx, partial)
    strong = _strong_units(ctx)
    if choice is not None and choice.index is not None:
        i = choice.index
        inside = in_context(gaz, i, ctx, True) > 0
        if inside or not strong or gaz.kinds[i] == 0:
            if ctx.countries and gaz.ccs[i] not in ctx.countries and not _across_border(gaz, i, ctx) \
                    and not inside and not _strong(gaz, i, name) and not _one_country_name(gaz, name, cands):
                choice = None  # only homonyms abroad: the conflict's countries rule them out
            elif choice.how == "partial" and gaz.kinds[i] == 3:
                # "Haji Isaqli" is not "Isaqli": villages often differ by such a word only. Place the event in
                # the district that holds the shorter name, not at that other village.
                j = _named_district(gaz, ctx) or gaz.admin1_index(gaz.ccs[i], gaz.admin1s[i])
                if j is not None:
                    return make_place(gaz, j, span, name, 2, f"only {gaz.primary[i]} (without the qualifier) is in "
                                      "the gazetteer, which may be another village: district level")
            else:
                precision = _precision(gaz, i, unit, near)
                why = {"exact": "name matches", "phonetic": "name matches after transliteration",
                       "fuzzy": "closest spelling", "partial": "name matches without its qualifier"}[choice.how]
                if inside:
                    why += " in the unit named in the text"
                elif ctx.countries and gaz.ccs[i] in ctx.countries:
                    why += " in the conflict's country"
                location = span.text if gaz.kinds[i] == 3 or gaz.kinds[i] == 2 else name
                return make_place(gaz, i, span, strip_unit_words(location), precision, why)
    district = _named_district(gaz, ctx)
    if district is not None and choice is not None and choice.index is not None and choice.how != "partial":
        border = _border_village(gaz, choice.index, district, span, name, unit, near)
        if border is not None:
            return border
    if district is not None:
        elsewhere = ""
        if choice is not None and choice.index is not None:
            other = gaz.admin1_name(gaz.ccs[choice.index], gaz.admin1s[choice.index])
            elsewhere = f"; the {name} the gazetteer holds lies in {other}, not the unit named"
        return make_place(gaz, district, span, name, 2, f"{name} not in the gazetteer for the unit named in the "
                          f"text{elsewhere}: district level")
    return None


BORDER_KM = 30.0  # how far outside the named unit's centre a same-named village may lie


def _border_village(gaz: Gazetteer, i: int, district: int, span: Span, name: str, unit: str | None,
                    near: bool) -> Place | None:
    """A village the gazetteer files under the unit next door, close to the unit the text names.

    Along a front line administration and control differ from the gazetteer's borders (an Armenian-held
    village WOF files under Nakhchivan, reported "near Tigranashen, Ararat"): the coordinates are the
    village's, the country and admin1 the text's."""
    if gaz.kinds[i] != 3 or gaz.lats[i] != gaz.lats[i] or gaz.lats[district] != gaz.lats[district]:
        return None
    if distance_km(gaz.lats[i], gaz.lons[i], gaz.lats[district], gaz.lons[district]) > BORDER_KM:
        return None
    unit_place = make_place(gaz, district, span, name, 2, "")
    other = gaz.admin1_name(gaz.ccs[i], gaz.admin1s[i])
    return replace(make_place(gaz, i, span, name, _precision(gaz, i, unit, near),
                              f"name matches a village the gazetteer files under {other}, next to the "
                              f"{unit_place.admin1} the text names: the text's unit, the village's coordinates"),
                   country=unit_place.country, admin1=unit_place.admin1, admin2=unit_place.admin2)


def _named_district(gaz: Gazetteer, ctx: Context) -> int | None:
    """The most specific unit the text ties to the event: a named admin2 with coordinates, else a town named
    right after it ("X of Obe district", "X area of Gardez city"), else the admin1."""
    admin2 = [(w, j) for j, w in ctx.admin2.items() if w >= STRONG and gaz.lats[j] == gaz.lats[j]]
    if admin2:
        return max(admin2)[1]
    strong = _strong_units(ctx)
    units = {key for key, _ in strong}
    towns = [(w, j) for _, _, w, j in ctx.points
             if w >= STRONG and (not units or (gaz.ccs[j], gaz.admin1s[j]) in units)]
    if towns:
        return max(towns)[1]
    return gaz.admin1_index(*strong[0][0]) if strong else None


def resolve_event_place(frame: EventFrame, document: Document, gazetteer: Gazetteer | None = None) -> Place | None:
    """Where ``frame``'s event happened: a ``Place`` with precision and the evidence span, or None.

    Tries ``frame.place_names`` in order, then the place names of the anchor sentence (the first that the
    gazetteer places in the conflict's countries, country names aside), then the document's own dominant
    region at geo_precision 3.
    """
    gaz = gazetteer or get_gazetteer()
    place, text, toponyms = _resolve(gaz, frame, document)
    home = _at_home(gaz, frame, place)
    if home is not None:
        return home
    return _bracketed_seat(gaz, place, text, toponyms) if place is not None else None


AT_HOME = "the article's town"  # how a place given by the article's town begins its reason


def _at_home(gaz: Gazetteer, frame: EventFrame, place: Place | None) -> Place | None:
    """The article's own town (``frame.home_place``) for an event whose sentences name only the region or the
    country that holds it, or no place at all ("hundreds of Melburnians took to the streets of Victoria's
    capital" in an article about Melbourne), at geo precision 2: a coder places such an event at the town the
    story is about, not at the region's centre or the country's capital."""
    home = frame.home_place
    if home is None or (place is not None and (place.geo_precision or 3) < 3):
        return None
    if place is not None and (place.location or "") not in (place.admin1, place.country):
        return None  # a named place the gazetteer lacks ("the island of Vamizi"), placed at its country
    codes = country_codes(frame.country_hints[:1], gaz)
    towns = [i for i in gaz.lookup(home.text) if gaz.exact(i, home.text) and gaz.kinds[i] == 3
             and (not codes or gaz.ccs[i] in codes)]
    if not towns:
        return None
    i = max(towns, key=lambda j: gaz.pops[j])
    if place is not None and (gaz.country_name(gaz.ccs[i]) != place.country or (
            place.admin1 and gaz.admin1_name(gaz.ccs[i], gaz.admin1s[i]) != place.admin1)):
        return None  # the region the sentence names does not hold the article's town
    where = f"within {place.location}, where its sentences alone put it" if place is not None else \
        "its sentences name no place"
    return make_place(gaz, i, home, gaz.primary[i], 2, f"{AT_HOME}, named in its first reports ({where})")


def _resolve(gaz: Gazetteer, frame: EventFrame, document: Document) -> tuple[Place | None, str, list[Toponym]]:
    anchor = frame.anchor
    text = document.text or ""
    if text[anchor.start:anchor.end] != anchor.text:
        # The anchor does not point into this text (a frame built by hand): read it where it says it is.
        text = " " * anchor.start + anchor.text
    document = replace(document, text=text)
    toponyms = find_toponyms(anchor.text, gaz, offset=anchor.start)
    for span in frame.place_names:
        if span.text == "capital":
            capital = _capital_of_hinted(gaz, frame)
            if capital is not None:
                return (make_place(gaz, capital, span, gaz.primary[capital], 1,
                                   "the capital of the country the event is in"), text, toponyms)
        country = _country_named_in(gaz, span.text)
        state = _state_of_hinted(gaz, frame, span.text) if country is not None else None
        if state is not None:
            # "women detained in Georgia" in a story from the United States: the state, not the country
            return (make_place(gaz, state, span, span.text, 3, "a state or province of the article's country that "
                               "bears a country's name"), text, toponyms)
        if country is not None and not _LOCAL_UNIT.match(text, span.end):
            # "Syria", "North East Syria", "northern Israel": the country (a village may share its name) or a part
            # of it the gazetteer has no entry for
            return (make_place(gaz, country, span, span.text, 3, "the country the text names, or a part of it"),
                    text, toponyms)
        if not plausible_name(span.text):
            continue
        ctx = build_context(gaz, frame, toponyms, _same_span(toponyms, span), document.text)
        found = _toponym_for(toponyms, span)
        unit = found.unit if found else unit_after(text, span.end)
        place = place_name(gaz, span, ctx, unit=unit, near=bool(found and found.near),
                           partial=bool(found and found.partial),
                           candidates=list(found.candidates) if found and found.partial else None)
        if place is not None:
            return place, text, toponyms
    if frame.place_names:
        name = frame.place_names[0]
        for span in frame.place_context:
            country = _country_named_in(gaz, span.text)
            if country is not None:
                # "the island of Vamizi, Mozambique": a place the gazetteer lacks, in the country the text names
                return (make_place(gaz, country, name, strip_unit_words(name.text), 3,
                                   f"{name.text} is not in the gazetteer: the country the text names for it"),
                        text, toponyms)
        ctx = build_context(gaz, frame, toponyms, None, document.text)
        j = _named_district(gaz, ctx)
        if j is not None:
            return (make_place(gaz, j, name, name.text, 2, "named place not found: district named in text"),
                    text, toponyms)
    place = _from_anchor(gaz, frame, document.text, toponyms) if frame.read_anchor else None
    if place is not None:
        return place, text, toponyms
    # the article's own town before the region or country the document names most
    return _at_home(gaz, frame, None) or _from_document(gaz, frame, document), text, toponyms


_COMPASS = re.compile(r"^(?:(?:the\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
                      r"central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
                      r"south-?western|upper|lower)\s+)+", re.I)


# "the Jordan neighbourhood": a country's name used for a part of a town
_LOCAL_UNIT = re.compile(r"\s+(?:neighbou?rhood|quarter|suburb|street|road)\b", re.IGNORECASE)


def _state_of_hinted(gaz: Gazetteer, frame: EventFrame, name: str) -> int | None:
    """The admin1 unit called ``name`` in the article's first country, where that is not the country called so."""
    codes = country_codes(frame.country_hints[:1], gaz)
    if not codes:
        return None
    units = [i for i in gaz.lookup(name) if gaz.kinds[i] == 1 and gaz.ccs[i] == codes[0] and gaz.exact(i, name)]
    named = [i for i in gaz.lookup(name) if gaz.kinds[i] == 0 and gaz.exact(i, name)]
    return units[0] if units and all(gaz.ccs[i] != codes[0] for i in named) else None


def _country_named_in(gaz: Gazetteer, name: str) -> int | None:
    """The country entry of "Syria" or "North East Syria" (a compass part of a country), else None."""
    m = _COMPASS.match(name)
    if m is not None and m.end() >= len(name):
        return None
    rest = name[m.end():] if m is not None else name
    found = [i for i in gaz.lookup(rest) if gaz.kinds[i] == 0 and gaz.exact(i, rest)]
    return found[0] if found else None


_BRACKETS = re.compile(r"\s*\(([^()]{3,40})\)")


def _bracketed_seat(gaz: Gazetteer, place: Place, text: str, toponyms: list[Toponym]) -> Place:
    """ "Andar (Shalgar) district", "Dara i Pech (Manogi) district", "the Turt Kul (Tor Kotal) area": a name in
    brackets after a district or an unknown village is its other name or its seat. Where the gazetteer holds
    it in the same province, the event is placed there, at the precision the text allows."""
    ev = place.evidence
    entry = gaz.by_id(place.place_id or "")
    if ev is None or entry is None or place.geo_precision == 1 or entry.kind not in ("admin1", "admin2"):
        return place
    m = _BRACKETS.match(text, ev.end)
    if m is None:
        return place
    inner = [t for t in toponyms if m.start(1) <= t.span.start and t.span.end <= m.end(1)]
    seats = [i for t in inner for i in t.candidates if gaz.kinds[i] == 3 and gaz.ccs[i] == entry.cc
             and gaz.admin1s[i] == entry.admin1 and gaz.lats[i] == gaz.lats[i]]
    if not seats:  # a spelling no key meets ("Manogi" for "Manogay"): the closest in the province, if close
        seats = [i for i, _ in gaz.fuzzy(m.group(1), entry.cc, entry.admin1, cutoff=88.0, limit=1)
                 if gaz.kinds[i] == 3 and gaz.lats[i] == gaz.lats[i]]
    if not seats:
        return place
    i = max(seats, key=lambda j: (gaz.exact(j, m.group(1)), gaz.pops[j]))
    return replace(place, latitude=round(gaz.lats[i], 5), longitude=round(gaz.lons[i], 5),
                   reason=f"{place.reason}; placed at {gaz.primary[i]}, the name the text gives in brackets")


def plausible_name(text: str) -> bool:
    """False for what extraction sometimes hands over as a place: "VoJ", "GoodWin", "Size", "NATO"."""
    name = strip_unit_words(text)
    if len(name) < 3 or INNER_CAPITAL.search(name) or (name.isupper() and len(name) <= 5):
        return False
    return not is_common_word(name)


def _same_span(toponyms: list[Toponym], span: Span) -> Span:
    found = _toponym_for(toponyms, span)
    return found.span if found else span


def _toponym_for(toponyms: list[Toponym], span: Span) -> Toponym | None:
    for t in toponyms:
        if t.span.start <= span.start < t.span.end or span.start <= t.span.start < span.end:
            return t
    return None


_LOCATIVE = re.compile(r"\b(?:in|near|at|around|outside|inside|into|towards?|to|on|of|from)\s+(?:the\s+)?$",
                       re.IGNORECASE)
_UNKNOWN_NAME = re.compile(r"\b(?:in|near|at|around|outside)\s+(?:the\s+)?'?([A-Z][\w’\-]+(?:\s[A-Z][\w’\-]+){0,3})'?"
                           r"(?=,\s*[A-Z]|\s+(?:village|area|district|town|city)\b|\s+of\s+[A-Z])")


_QUALIFIER_GAP = re.compile(r"^'?\s*(?:\([^)]*\)\s*)?(?:[a-z]+\s*){0,2},\s*(?:in\s+)?$")


def _locative(text: str, start: int) -> bool:
    """The name is where something happened ("in X", "near X"), not where people came from ("of X", "from X")."""
    m = _LOCATIVE.search(text[max(0, start - 16):start])
    return m is not None and m.group(0).split()[0].lower() not in ("of", "from", "to", "on")


def _anchor_names(gaz: Gazetteer, anchor: Span, anchor_text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """The anchor's toponyms plus the unknown names it places ("near Kolagir, Tavush"), locative ones first."""
    names = list(toponyms)
    for m in _UNKNOWN_NAME.finditer(anchor_text):
        start = anchor.start + m.start(1)
        if not any(t.span.start <= start < t.span.end for t in toponyms):
            names.append(Toponym(Span(m.group(1), start, start + len(m.group(1))), (),
                                 unit_after(anchor_text, m.end(1)),
                                 m.group(0).lower().startswith(("near", "around", "outside"))))
    names.sort(key=lambda t: t.span.start)
    # "Khan Abad (Aqtash) district": the name in brackets is the other's alias or seat (see _bracketed_seat)
    aliases = {id(b) for a, b in zip(names, names[1:], strict=False)
               if re.fullmatch(r"\s*\(", anchor_text[a.span.end - anchor.start:b.span.start - anchor.start])
               and anchor_text[b.span.end - anchor.start:].startswith(")")}
    names = [t for t in names if id(t) not in aliases]
    qualifiers = {id(b) for a, b in zip(names, names[1:], strict=False)
                  if _QUALIFIER_GAP.match(anchor_text[a.span.end - anchor.start:b.span.start - anchor.start])}
    # "X district, Balkh", "near Aygedzor, Tavush": the second name qualifies the first. A named district or
    # region frames a village named with it. Among the rest, names the text says something happened in or
    # near come first.
    return sorted(names, key=lambda t: (id(t) in qualifiers, t.unit in ("district", "region", "direction"),
                                        not _locative(anchor_text, t.span.start - anchor.start)))


def _one_country_name(gaz: Gazetteer, name: str, candidates: list[int]) -> bool:
    """A name of several words that the gazetteer holds exactly in one country only ("Jisr al-Shughur"): no
    homonym to confuse it with, so it places the event even where the text names another country (the
    attacker's: "Russian warplanes strike ...")."""
    if len(re.split(r"[\s-]+", name.strip())) < 2:
        return False
    exact = {gaz.ccs[i] for i in candidates if gaz.exact(i, name)}
    return len(exact) == 1


def _nationality(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is (part of) a country's adjective in the reference tables ("Korean" of "South
    Korean", "Azerbaijani")."""
    from frontwire.reference import reference

    for adjective in reference().adjectives:  # (any one near the span will do: their order does not matter)
        # each place the adjective is written near the span (a plain search: the ``re`` module's cache of 512
        # patterns would turn over on the six hundred adjectives, each call)
        window = max(0, end - len(adjective) - 8)
        at = text.find(adjective, window, end + len(adjective))
        while at != -1 and at <= start:
            if end <= at + len(adjective):
                return True
            at = text.find(adjective, at + len(adjective), end + len(adjective))
    return False


def _strong(gaz: Gazetteer, i: int, name: str) -> bool:
    """A match good enough to beat the country hints: the name a big city is known by (its primary name, not one
    of its alternates: "Baga" in Borno is not Bargarh in Odisha, which lists "Baga" among its other names)."""
    return gaz.exact(i, name) and gaz.pops[i] >= 50_000 and _fold(gaz.primary[i]) == _fold(name)


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


def _from_anchor(gaz: Gazetteer, frame: EventFrame, text: str, toponyms: list[Toponym]) -> Place | None:
    countries = country_codes(frame.country_hints, gaz)
    anchor_text = text[frame.anchor.start:frame.anchor.end]
    for t in _anchor_names(gaz, frame.anchor, anchor_text, toponyms):
        if t.unit == "road":
            continue  # a road's end points tell the country, not the place
        if _nationality(anchor_text, t.span.start - frame.anchor.start, t.span.end - frame.anchor.start):
            continue  # "South Korean troops": a people's adjective, not a place called "Korean"
        if any(gaz.kinds[i] == 0 and gaz.exact(i, t.span.text) for i in t.candidates):
            continue  # a country name is an actor's more often than the event's place
        nearby = countries + [n for cc in countries for n in gaz.neighbours(cc)]
        if t.candidates and countries and not any(gaz.ccs[i] in nearby for i in t.candidates):
            strong = [i for i in t.candidates if _strong(gaz, i, t.span.text)]
            if not strong:
                continue
        ctx = build_context(gaz, frame, toponyms, t.span, text)
        place = place_name(gaz, t.span, ctx, list(t.candidates), t.unit, t.near, t.partial)
        if place is not None:
            return place
    return None


def _from_document(gaz: Gazetteer, frame: EventFrame, document: Document) -> Place | None:
    """No place in the event's sentence: the region the document is about in the event's country, at
    geo_precision 3 (a region of another country the article names is no fallback)."""
    countries = country_codes(frame.country_hints, gaz)[:1]
    counts: dict[tuple[str, str], int] = {}
    first: dict[tuple[str, str], Span] = {}
    for t in find_toponyms(document.text or "", gaz):
        # a name spelt as the gazetteer spells it: a near-spelling ("Charges" for Chirk) is a word, not a region
        cands = [i for i in t.candidates if gaz.kinds[i] in (1, 2, 3) and (not countries or gaz.ccs[i] in countries)
                 and gaz.exact(i, t.span.text)]
        if not cands or any(gaz.kinds[i] == 0 and gaz.exact(i, t.span.text) for i in t.candidates):
            continue
        best = max(cands, key=lambda i: (gaz.kinds[i] == 1, gaz.pops[i]))
        key = (gaz.ccs[best], gaz.admin1s[best])
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, t.span)
    if counts:
        key = max(counts, key=lambda k: counts[k])
        j = gaz.admin1_index(*key)
        if j is not None:
            return make_place(gaz, j, first[key], gaz.primary[j], 3,
                              "no place in the event's sentence: the region the document names most")
    if countries:
        j = gaz.country_index(countries[0])
        if j is not None:
            place = make_place(gaz, j, None, gaz.primary[j], 3, "no place in the text: the conflict's country, "
                               "placed at its capital (where national institutions sit)")
            capital = _capital_admin1(gaz, j)
            return replace(place, admin1=capital) if capital else place
    return None


def _capital_of_hinted(gaz: Gazetteer, frame: EventFrame) -> int | None:
    """The capital city of the event's first hinted country: the place the build puts at the country's point."""
    for cc in country_codes(frame.country_hints, gaz)[:1]:
        j = gaz.country_index(cc)
        if j is None or gaz.lats[j] != gaz.lats[j]:
            continue
        for i in gaz.members(cc):
            if gaz.kinds[i] == 3 and gaz.lats[i] == gaz.lats[j] and gaz.lons[i] == gaz.lons[j]:
                return i
    return None


def _capital_admin1(gaz: Gazetteer, country: int) -> str | None:
    """The admin1 of the place at the country's coordinates (the build puts a country at its capital)."""
    lat, lon = gaz.lats[country], gaz.lons[country]
    if lat != lat:
        return None
    cc = gaz.ccs[country]
    for i in gaz.members(cc):
        if gaz.kinds[i] == 3 and gaz.lats[i] == lat and gaz.lons[i] == lon:
            return gaz.admin1_name(cc, gaz.admin1s[i])
    return None
