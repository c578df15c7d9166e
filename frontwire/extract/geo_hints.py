"""Countries implied by the place names of a text, through the geo stage's gazetteer (an adapter).

Used only where a text names no country at all ("a protest was held in front of the Government House in
Yerevan", "attacks on check points in Nijrab district, Kapisa"): generic actors (protesters, civilians,
unidentified gunmen) and unnamed state forces then belong to the country the places lie in. Without the
geo package or its gazetteer this returns nothing and extraction goes on without it. The gazetteer is the one
the pipeline hands ``extract_frames`` (with the user's imports), the packaged one for a direct caller.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

# the gazetteer the pipeline handed to the extraction in progress (None: the packaged one, for direct callers)
_HANDED: ContextVar[Any] = ContextVar("frontwire_extract_gazetteer", default=None)


@contextmanager
def gazetteer_in_use(gazetteer: Any) -> Iterator[None]:
    """Within the block, every hint below reads ``gazetteer`` (the geo stage's, with the user's imports); None
    leaves them the packaged gazetteer. Scoped to the current thread or task, so parallel extractions with
    different gazetteers do not see each other's."""
    token = _HANDED.set(gazetteer)
    try:
        yield
    finally:
        _HANDED.reset(token)


def _gazetteer() -> Any:
    handed = _HANDED.get()
    if handed is not None:
        return handed
    from frontwire.geo.gazetteer import get_gazetteer

    return get_gazetteer()


def place_countries(text: str) -> list[str]:
    """Countries of the places ``text`` names, most supported first (admin units count double)."""
    try:
        from frontwire.geo.toponyms import find_toponyms

        gaz = _gazetteer()
        votes: Counter[str] = Counter()
        for toponym in find_toponyms(text, gaz):
            ccs: dict[str, int] = {}
            # only names spelt as the gazetteer spells them: a near-spelling ("Charges" for Chirk) is a word
            for i in (i for i in toponym.candidates if gaz.exact(i, toponym.span.text)):
                weight = 3 if gaz.kinds[i] in (0, 1) else 1
                ccs[gaz.ccs[i]] = max(ccs.get(gaz.ccs[i], 0), weight)
            if len(ccs) > 3:  # a name found in many countries says little
                continue
            for cc, weight in ccs.items():
                votes[cc] += weight
        out = []
        for cc, _ in votes.most_common():
            name = gaz.country_name(cc)  # spelt as ACLED spells it
            if name:
                out.append(name)
        return out
    except Exception:  # noqa: BLE001 - the geo stage is optional here; extraction must not fail on it
        return []


CITY_POPULATION = 10_000  # a town this big is known by its name alone, whatever a parser takes it for


def known_city(name: str) -> bool:
    """True when the gazetteer holds ``name`` exactly as a city of at least ``CITY_POPULATION`` people or as an
    administrative unit: "Minsk" is a place even where the small parser reads it as an organisation."""
    try:
        gaz = _gazetteer()
        return any(gaz.exact(i, name) and (gaz.kinds[i] in (1, 2) or gaz.pops[i] >= CITY_POPULATION)
                   for i in gaz.lookup(name))
    except Exception:  # noqa: BLE001 - the geo stage is optional here, as above
        return False


def place_in_country(name: str, country: str) -> bool:
    """True when the gazetteer holds a place called ``name`` in ``country`` (spelt as ACLED spells it), however
    many other countries have one: a sentence may place an event told for that country there."""
    try:
        gaz = _gazetteer()
        return any(gaz.country_name(gaz.ccs[i]) == country for i in gaz.lookup(name))
    except Exception:  # noqa: BLE001 - the geo stage is optional here, as above
        return False


def state_in_country(name: str, country: str) -> bool:
    """True when ``country`` (as ACLED spells it) has a state or province called exactly ``name`` ("Georgia" in
    the United States)."""
    try:
        gaz = _gazetteer()
        return any(gaz.kinds[i] == 1 and gaz.exact(i, name) and gaz.country_name(gaz.ccs[i]) == country
                   for i in gaz.lookup(name))
    except Exception:  # noqa: BLE001 - the geo stage is optional here, as above
        return False


def state_anywhere(name: str) -> bool:
    """True when some country has a state or province called exactly ``name``: where this is False,
    ``state_in_country(name, country)`` is False for every country."""
    try:
        gaz = _gazetteer()
        return any(gaz.kinds[i] == 1 and gaz.exact(i, name) for i in gaz.lookup(name))
    except Exception:  # noqa: BLE001 - the geo stage is optional here, as above
        return False


def biggest_place(name: str) -> tuple[str, int, bool] | None:
    """The country and population of the most populous place called exactly ``name`` ("Melbourne": Australia,
    not Florida; "Portland": Oregon, not the Jamaican parish; a province or state weighs as its biggest town),
    with whether that place is a town (not a state), or None where the gazetteer has none."""
    try:
        from frontwire.geo.gazetteer import strict_key

        gaz = _gazetteer()
        named = [i for i in gaz.lookup(name) if gaz.exact(i, name) and gaz.kinds[i] in (1, 3)]
        # a place whose own name it is before one that has it among its other names ("Victoria" is the state,
        # not Hong Kong's old name for its city)
        primary = [i for i in named if strict_key(gaz.primary[i]) == strict_key(name)]
        found = [(gaz.weight(i), gaz.kinds[i] == 3, gaz.country_name(gaz.ccs[i])) for i in primary or named]
        if not found:
            return None
        pop, town, country = max(found)
        return (country, pop, town) if country else None
    except Exception:  # noqa: BLE001 - the geo stage is optional here, as above
        return None
