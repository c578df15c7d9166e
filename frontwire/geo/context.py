"""What the text says around an event's place name: the units it names, the countries, the places nearby.

``build_context`` reads ``frame.place_context`` (extraction's district/region names for the event) or,
when that is empty or resolves to nothing, the anchor sentence itself: the admin units named after the
name in its clause ("X area of Y district, Helmand", "villages of Jabrayil") frame it; units elsewhere in
the sentence only lend weight; names listed together ("the Aghdam, Khojavend and Gubadli direction") are
peers, not context. ``score_candidate`` and ``in_context`` turn that into evidence for each homonym.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from frontwire.geo.gazetteer import Gazetteer
from frontwire.geo.normalize import phonetic_key, phonetic_keys, strict_key
from frontwire.geo.toponyms import UNIT_WORDS, Toponym
from frontwire.records import EventFrame, Span

STRONG = 2.0  # context weight from which a named unit decides between homonyms
# Countries whose GeoNames ADM1 units are districts (rayons), not provinces: naming one is district level.
DISTRICT_ADMIN1 = {"AZ"}
_UNIT_EDGE = re.compile(r"^(?:the|villages?|settlements?|district|region|province|city|town|of|in|near|\s)+|"
                        r"(?:\s+(?:" + "|".join(UNIT_WORDS) + r"))+$", re.IGNORECASE)


@dataclass(slots=True)
class Context:
    """What the text says around the event: the units it names, the countries, the places nearby."""

    units: dict[tuple[str, str], float] = field(default_factory=dict)  # (cc, admin1) -> weight
    admin2: dict[int, float] = field(default_factory=dict)  # admin2 entry -> weight
    points: list[tuple[float, float, float, int]] = field(default_factory=list)  # lat, lon, weight, entry
    countries: list[str] = field(default_factory=list)  # hinted country codes, best first
    neighbours: list[str] = field(default_factory=list)  # their neighbours: a front line runs along borders
    unit_spans: dict[tuple[str, str], Span] = field(default_factory=dict)
    named_admin1: set[tuple[str, str]] = field(default_factory=set)  # provinces the clause names


def country_codes(hints: tuple[str, ...] | list[str], gaz: Gazetteer) -> list[str]:
    """ISO codes for country names as extraction gives them ("Azerbaijan", "Armenia", "AZ")."""
    out: list[str] = []
    for hint in hints:
        if len(hint) == 2 and hint.isupper() and gaz.country_index(hint) is not None:
            out.append(hint)
            continue
        for i in gaz.lookup(hint):
            if gaz.kinds[i] == 0 and gaz.ccs[i] not in out:
                out.append(gaz.ccs[i])
                break
    return out


def strip_unit_words(text: str) -> str:
    """ "the Zangilan region" -> "Zangilan"; "villages of Jabrayil" -> "Jabrayil"."""
    return _UNIT_EDGE.sub("", text.strip(" '\"‘’“”")).strip(" ,.'\"‘’“”") or text


def _country_score(gaz: Gazetteer, i: int, ctx: Context) -> float:
    if not ctx.countries:
        return 0.0
    cc = gaz.ccs[i]
    if cc == ctx.countries[0]:
        return 2.0
    if cc in ctx.countries:
        return 1.5
    return 0.5 if _across_border(gaz, i, ctx) else -4.0


def _across_border(gaz: Gazetteer, i: int, ctx: Context) -> bool:
    """A place in a neighbouring country, close to a hinted one: front lines run along borders."""
    return gaz.ccs[i] in ctx.neighbours and any(gaz.near_country(i, cc) for cc in ctx.countries)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres: the one distance every stage uses."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


def in_context(gaz: Gazetteer, i: int, ctx: Context, strong_only: bool = False) -> float:
    """How strongly the text's named units and nearby places vouch for entry ``i`` (0 when they do not).

    ``strong_only``: count only what the text ties to the event (``place_context``, the unit right after
    the name), not every other unit the sentence mentions."""
    floor = STRONG if strong_only else 0.0
    score = ctx.units.get((gaz.ccs[i], gaz.admin1s[i]), 0.0)
    score = score if score >= floor else 0.0
    if gaz.kinds[i] == 3 and gaz.admin2s[i]:
        for j, weight in ctx.admin2.items():
            if weight >= floor and gaz.ccs[j] == gaz.ccs[i] and gaz.primary[j] == gaz.admin2s[i]:
                score = max(score, weight)
    lat = gaz.lats[i]
    if lat == lat:
        for plat, plon, weight, _ in ctx.points:
            if weight < floor:
                continue
            d = distance_km(lat, gaz.lons[i], plat, plon)
            if d < 40:
                score = max(score, weight * (1.0 - d / 60))
    return score


PRIMARY_BONUS = 0.3


def score_candidate(gaz: Gazetteer, i: int, name: str, unit: str | None, ctx: Context) -> float:
    """The evidence for reading ``name`` as entry ``i``; higher is better."""
    kind = gaz.kinds[i]
    score = 3.0 if gaz.exact(i, name) else 2.0
    if kind == 3 and strict_key(gaz.primary[i]) == strict_key(name):
        score += PRIMARY_BONUS  # the village called so today, over one that once was ("Aragats", "Alagyaz")
    score += _country_score(gaz, i, ctx) + in_context(gaz, i, ctx)
    if kind == 0:
        score -= 1.0
    elif unit in ("district", "region", "direction"):
        score += 2.0 if kind in (1, 2) else -1.0
        if unit == "region" and kind == 1:
            score += 0.5
        if unit == "district" and (kind == 2 or (kind == 1 and gaz.ccs[i] in DISTRICT_ADMIN1)):
            score += 0.5
    elif unit == "village":
        score += 1.5 if kind == 3 else -2.0
    elif kind == 3:
        score += 0.5
    score += min(1.5, math.log10(gaz.pops[i] + 1) / 5)
    if "h" in gaz.flags[i]:
        score -= 0.5
    if kind in (1, 2) and gaz.lats[i] != gaz.lats[i]:
        score -= 0.3  # an admin unit we cannot put on the map
    return score


_LIST_GAP = re.compile(r"^\s*(?:,|and|or|&|, and|, or)?\s*$")


def _list_members(toponyms: list[Toponym], target: Span, text: str) -> set[Toponym]:
    """The names listed together with ``target`` ("the Aghdam, Khojavend, and Gubadli direction"): peers, not
    context for one another."""
    pos = next((k for k, t in enumerate(toponyms) if t.span == target), None)
    if pos is None:
        return set()
    members: set[Toponym] = set()
    conjunction = False
    for step in (-1, 1):
        k = pos
        while 0 <= k + step < len(toponyms):
            a, b = (toponyms[k + step], toponyms[k]) if step < 0 else (toponyms[k], toponyms[k + step])
            gap = text[a.span.end:b.span.start]
            if not _LIST_GAP.match(gap):
                break
            conjunction = conjunction or "," not in gap
            k += step
            members.add(toponyms[k])
    # "near Aygedzor, Tavush" is a place and its region, not a list: a list has three names or a conjunction.
    return members if conjunction or len(members) >= 2 else set()


def build_context(gaz: Gazetteer, frame: EventFrame, toponyms: list[Toponym], target: Span | None,
                  document_text: str = "") -> Context:
    """Collect the named units: ``frame.place_context`` first, else the anchor's own admin names.

    ``document_text`` is the text the toponym spans point into (for reading what stands between them)."""
    ctx = Context(countries=_rank_countries(gaz, country_codes(frame.country_hints, gaz), toponyms, target,
                                            document_text))
    ctx.neighbours = [n for cc in ctx.countries for n in gaz.neighbours(cc) if n not in ctx.countries]
    # The provinces the target's clause names, so that "Qarabagh district, Kabul" picks Kabul's Qarabagh even
    # though the district comes first, and extraction's "Dawlat Abad" is Balkh's in "Dawlat Abad district, Balkh".
    clause_end = _clause_end(document_text, target.end) if target is not None else 0
    if target is not None:
        ctx.named_admin1 = {(gaz.ccs[i], gaz.admin1s[i]) for t in toponyms
                            if target.end <= t.span.start < clause_end
                            for i in t.candidates if gaz.kinds[i] == 1
                            and (gaz.exact(i, t.span.text) or not ctx.countries or gaz.ccs[i] in ctx.countries)}
    # A name is never its own context (extraction sometimes gives "Dawlat Abad" as both).
    spans = [s for s in frame.place_context if target is None or s.end <= target.start or s.start >= target.end]
    for span in spans:
        name = strip_unit_words(span.text)
        unit = _unit_of(span.text)
        _add_context_name(gaz, ctx, name, unit, 4.0, span)
    if ctx.units or ctx.admin2 or ctx.points or target is None:
        # extraction's context is trusted, with the provinces the clause names; else read the anchor
        for key in ctx.named_admin1:
            if not ctx.countries or key[0] in ctx.countries:
                ctx.units[key] = max(ctx.units.get(key, 0.0), STRONG)
        _add_qualifier_elsewhere(gaz, ctx, document_text, target)
        return _with_document(gaz, ctx, document_text)
    # No explicit context: the anchor's admin names, the nearest one after the target weighing most
    # ("Chaprand, Haji Isaqli villages of Jabrayil, Dere Gilatagh ... of Zangilan").
    siblings = _list_members(toponyms, target, document_text)
    _add_misspelt_province(gaz, ctx, document_text, target)
    # The units named after the target in its clause frame it ("X area of Y district, Helmand"), the
    # nearest most; units elsewhere in the sentence only lend weight.
    rank = 0
    target_keys = phonetic_keys(target.text)
    for t in toponyms:
        if t.span == target or t in siblings or t.unit == "road" or phonetic_keys(t.span.text) & target_keys:
            continue  # the name again ("residents of Jermuk ... in Jermuk") is no context for itself
        # "a march from Gyumri to Yerevan": where people went is not the unit the place lies in
        follows = target.end <= t.span.start < clause_end and not _DESTINATION.search(
            document_text[max(target.end, t.span.start - 12):t.span.start])
        if follows and _ANOTHER_TOWNS_UNIT.search(document_text[target.end:t.span.start]):
            continue  # "Knowsley in Merseyside and Motherwell in North Lanarkshire": Motherwell's unit, not Knowsley's
        weight = (4.0 if rank == 0 else 3.0) if follows else 1.0
        if _add_context_name(gaz, ctx, t.span.text, t.unit, weight, t.span, candidates=t.candidates,
                             admin_only=not follows) and follows:
            rank += 1
    _add_qualifier_elsewhere(gaz, ctx, document_text, target)
    return _with_document(gaz, ctx, document_text)


def _add_qualifier_elsewhere(gaz: Gazetteer, ctx: Context, text: str, target: Span | None) -> None:
    """ "Portland, Oregon" anywhere in the document decides a bare "Portland" elsewhere in it: the state or
    province the text once names right after the town outweighs where the document's other places lie
    (Pittsburgh and Butler County did not make Portland Pennsylvania's)."""
    if target is None or not text or not target.text.strip() or target.text + "," not in text:
        return  # (the pattern below needs the name and its comma together: most texts have neither)
    pattern = re.escape(target.text) + r",\s+((?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,2})\b" \
        r"(?!\s*(?:,\s*(?:and\b|or\b)?|\band\b|\bor\b|&)\s*[A-Z])"
    for m in re.finditer(pattern, text):
        if re.search(r"[A-Z][\w'-]*,\s*$|\b(?:and|or)\s+$", text[max(0, m.start() - 30):m.start()]):
            continue  # a list of names ("the Fuzuli, Aghdam and Tartar directions"), not a town and its state
        words = m.group(1).split()
        for n in range(len(words), 0, -1):  # "New York City" -> "New York City", "New York", "New"
            region = " ".join(words[:n])
            units = {(gaz.ccs[i], gaz.admin1s[i]) for i in gaz.lookup(region)
                     if gaz.kinds[i] == 1 and gaz.exact(i, region)}
            if units:
                for key in units:
                    ctx.units[key] = max(ctx.units.get(key, 0.0), STRONG)
                break


# a unit right after the next name of a list, told with "in" (", Knowsley in", "and Motherwell in"): that name's unit
_ANOTHER_TOWNS_UNIT = re.compile(r"(?:,|\band)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+in\s+$")

_DESTINATION = re.compile(r"\b(?:to|towards?|into)\s+(?:the\s+)?$", re.IGNORECASE)


def _with_document(gaz: Gazetteer, ctx: Context, text: str) -> Context:
    """The rest of the document: where its unambiguous names lie lends homonyms there a little weight."""
    if text.strip():
        for key, share in document_units(gaz, text, tuple(ctx.countries)).items():
            ctx.units[key] = max(ctx.units.get(key, 0.0), round(share, 2))
    return ctx


_PROVINCE_AFTER = re.compile(r"\b(?:district|city|area|village)(?:\s+\w+)?,\s+([A-Z][a-z]+)\b")


def _add_misspelt_province(gaz: Gazetteer, ctx: Context, text: str, target: Span) -> None:
    """ "Gulran district, Heart": the province after a district, misspelt, found by close spelling among the
    admin1 units of the hinted countries."""
    m = _PROVINCE_AFTER.search(text, target.end, _clause_end(text, target.end) + 1)
    if m is None or any(gaz.kinds[i] == 1 for i in gaz.lookup(m.group(1))):
        return
    try:
        from rapidfuzz import fuzz
    except ImportError:  # the fuzzy tier is optional
        return
    word = phonetic_key(m.group(1))
    best = max(((fuzz.ratio(word, phonetic_key(n)), i) for i in gaz.admin1_entries(ctx.countries[:2])
                for n in gaz.alt[i].split("|")), default=(0.0, -1))
    if best[0] >= 80.0:
        ctx.units[(gaz.ccs[best[1]], gaz.admin1s[best[1]])] = 3.0


_DOC_CACHE: dict[tuple[int, int, tuple[str, ...]], dict[tuple[str, str], float]] = {}


def document_units(gaz: Gazetteer, text: str, countries: tuple[str, ...]) -> dict[tuple[str, str], float]:
    """(country, admin1) -> share (0..1) of the document's unambiguous place names that lie there.

    A name counts when all its readings in the hinted countries fall in one admin1 unit. Cached for the
    last few documents, since every frame of a document asks."""
    from frontwire.geo.toponyms import find_toponyms

    key = (id(gaz), hash(text), countries)
    if key in _DOC_CACHE:
        return _DOC_CACHE[key]
    counts: dict[tuple[str, str], int] = {}
    total = 0
    for t in find_toponyms(text, gaz):
        units = {(gaz.ccs[i], gaz.admin1s[i]) for i in t.candidates
                 if gaz.kinds[i] in (1, 2, 3) and (not countries or gaz.ccs[i] in countries)}
        if len(units) == 1 and not any(gaz.kinds[i] == 0 and gaz.exact(i, t.span.text) for i in t.candidates):
            unit = units.pop()
            counts[unit] = counts.get(unit, 0) + 1
            total += 1
    result = {unit: n / total for unit, n in counts.items()} if total else {}
    if len(_DOC_CACHE) > 16:
        _DOC_CACHE.clear()
    _DOC_CACHE[key] = result
    return result


def _clause_end(text: str, start: int) -> int:
    """Where the clause that starts at ``start`` ends: a sentence stop or a semicolon, at most 160 chars on."""
    m = re.compile(r"[.;!?](?:\s|$)").search(text, start, start + 160)
    return m.start() if m else min(len(text), start + 160) if text else start + 160


# a name the sentence gives as a place ("in X", "near X", "X, Y"), not any capitalised word ("the Post said")
_PLACED = re.compile(r"(?:\b(?:in|near|at|around|outside|inside|of|from|to|into|across)\s+(?:the\s+)?|,\s*)$",
                     re.IGNORECASE)


def _rank_countries(gaz: Gazetteer, hinted: list[str], toponyms: list[Toponym], target: Span | None,
                    text: str = "") -> list[str]:
    """The hinted countries, best supported by the sentence's other place names first; a hinted country no
    name supports is dropped when another is supported. With no hints, the supported countries. Only names the
    sentence gives as places support a country (``text``: what the spans point into)."""
    support: dict[str, int] = {}
    for t in toponyms:
        if target is not None and t.span.start < target.end and target.start < t.span.end:
            continue
        if text and not _PLACED.search(text[max(0, t.span.start - 16):t.span.start]):
            continue
        countries = {gaz.ccs[i] for i in t.candidates if gaz.exact(i, t.span.text) and gaz.kinds[i] > 0
                     and (gaz.kinds[i] in (1, 2) or gaz.pops[i] >= 1000 or gaz.ids[i].startswith("wof:"))}
        if len(countries) > 3:
            continue  # a name found everywhere ("Salah Khana") says nothing about the country
        for cc in countries:
            support[cc] = support.get(cc, 0) + 1
    if not hinted:
        return sorted(support, key=lambda cc: -support[cc])[:2]
    if not any(support.get(cc) for cc in hinted):
        return hinted
    ranked = sorted(hinted, key=lambda cc: -support.get(cc, 0))
    return [cc for cc in ranked if support.get(cc)]


def _unit_of(text: str) -> str | None:
    for word in reversed(text.lower().split()):
        if word in UNIT_WORDS:
            return UNIT_WORDS[word]
    return None


def _add_context_name(gaz: Gazetteer, ctx: Context, name: str, unit: str | None, weight: float, span: Span,
                      candidates: tuple[int, ...] | None = None, admin_only: bool = False) -> bool:
    """Add what ``name`` says about the event's surroundings; True when it named an admin unit."""
    cands = list(candidates) if candidates is not None else gaz.lookup(name)
    if any(gaz.kinds[i] == 0 and gaz.exact(i, name) for i in cands):
        return False  # "Vamizi, Mozambique": the country (its countries rank apart), not a town of its name
    if ctx.countries:
        cands = [i for i in cands if gaz.ccs[i] in ctx.countries or _across_border(gaz, i, ctx)]
    admins = [i for i in cands if gaz.kinds[i] in (1, 2)]
    if admins:
        best = max(admins, key=lambda i: ((gaz.ccs[i], gaz.admin1s[i]) in ctx.named_admin1, gaz.exact(i, name),
                                          gaz.kinds[i] == 1, gaz.pops[i]))
        key = (gaz.ccs[best], gaz.admin1s[best])
        if gaz.kinds[best] == 2:
            ctx.admin2[best] = max(ctx.admin2.get(best, 0.0), weight)
            ctx.units[key] = max(ctx.units.get(key, 0.0), weight * 0.5)
        else:
            ctx.units[key] = max(ctx.units.get(key, 0.0), weight)
            ctx.unit_spans.setdefault(key, span)
        return True
    if admin_only or unit in ("village",):
        return False
    places = [i for i in cands if gaz.kinds[i] == 3 and gaz.lats[i] == gaz.lats[i]]
    if places:
        best = max(places, key=lambda i: ((gaz.ccs[i], gaz.admin1s[i]) in ctx.named_admin1, gaz.exact(i, name),
                                          gaz.pops[i]))
        ctx.points.append((gaz.lats[best], gaz.lons[best], weight * 0.75, best))
    return False


def _strong_units(ctx: Context) -> list[tuple[tuple[str, str], float]]:
    return sorted(((k, w) for k, w in ctx.units.items() if w >= STRONG), key=lambda kv: -kv[1])
