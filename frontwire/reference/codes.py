"""Country codes and ACLED regions, from ``country_codes.tsv`` (built from GeoNames by
``scripts/build_country_codes.py``): what ACLED's ``iso``, ``iso3`` and ``region`` columns hold for a country.

Read from the packaged folder only: the codes are ISO's and the regions ACLED's, neither a user's to extend.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from frontwire.reference.files import tsv_rows
from frontwire.reference.tables import PACKAGED_DIR

TABLE = PACKAGED_DIR / "country_codes.tsv"


@dataclass(frozen=True, slots=True)
class CountryCodes:
    name: str          # as frontwire (and ACLED) writes it: "Democratic Republic of Congo"
    iso2: str          # ISO 3166-1 alpha-2: "CD"
    iso3: str          # alpha-3: "COD"
    iso_numeric: int   # numeric, as ACLED's ``iso`` column writes it (no leading zeros): 180
    region: str        # ACLED's region: "Middle Africa"


@lru_cache(maxsize=1)
def _codes_by_key() -> dict[str, CountryCodes]:
    table: dict[str, CountryCodes] = {}
    for name, iso2, iso3, numeric, region, *_ in tsv_rows(TABLE, 5):
        codes = CountryCodes(name, iso2, iso3, int(numeric), region)
        for key in (name, iso2, iso3):
            table.setdefault(key.casefold(), codes)
    return table


def codes_of_country(country: str | None) -> CountryCodes | None:
    """The codes of a country named as frontwire writes it ("Azerbaijan"), or by its ISO alpha-2 or alpha-3 code
    ("AZ", "aze"); None for anything else (a region with no ISO code, such as "Artsakh", or no country at all)."""
    if not country:
        return None
    return _codes_by_key().get(country.strip().casefold())
