"""Countries implied by the place names of a text, through the geo stage's gazetteer (an adapter).

Used only where a text names no country at all ("a protest was held in front of the Government House in
Yerevan", "attacks on check points in Nijrab district, Kapisa"): generic actors (protesters, civilians,
unidentified gunmen) and unnamed state forces then belong to the country the places lie in. Without the
geo package or its gazetteer this returns nothing and extraction goes on without it.
"""

from __future__ import annotations

from collections import Counter


def place_countries(text: str) -> list[str]:
    """Countries of the places ``text`` names, most supported first (admin units count double)."""
    try:
        from frontwire.geo.gazetteer import get_gazetteer
        from frontwire.geo.toponyms import find_toponyms

        gaz = get_gazetteer()
        votes: Counter[str] = Counter()
        for toponym in find_toponyms(text, gaz):
            ccs: dict[str, int] = {}
            for i in toponym.candidates:
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
