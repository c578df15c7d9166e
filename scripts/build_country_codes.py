"""Build frontwire's table of country codes and ACLED regions from the GeoNames country table.

    python scripts/build_country_codes.py [--source DIR]

Reads ``countryInfo.txt`` (GeoNames, CC BY 4.0) from ../shared/data/gazetteer/geonames and writes
``frontwire/data/reference/country_codes.tsv``: each country's name as frontwire writes it (the bundled gazetteer's,
which is ACLED's), its ISO 3166 alpha-2, alpha-3 and numeric codes, and the ACLED region it belongs to. ACLED's
exports carry ``iso`` (numeric), ``iso3`` and ``region``; the exports and the store's ``acled_events`` view fill them
from this table. A rebuild from the same inputs is byte-identical.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontwire.geo.gazetteer import BUNDLED, read_rows  # noqa: E402

DEFAULT_SOURCE = ROOT / ".." / "shared" / "data" / "gazetteer" / "geonames"
OUT = ROOT / "frontwire" / "data" / "reference" / "country_codes.tsv"

# ACLED's regions by ISO alpha-2 code. ACLED groups countries close to the UN M49 sub-regions, with its own
# departures: the Caucasus and Afghanistan go with Central Asia, Iran and Turkey with the Middle East, Mexico with
# Central America, and southern Africa is drawn wider (Angola, Madagascar, Malawi, Mozambique, Zambia, Zimbabwe).
# Territories ACLED does not cover take the region they lie in.
ACLED_REGIONS: dict[str, str] = {
    "Western Africa": "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG",
    "Middle Africa": "CD CF CG CM GA GQ ST TD",
    "Eastern Africa": "BI DJ ER ET IO KE KM MU RE RW SC SO SS TZ UG YT",
    "Southern Africa": "AO BW LS MG MW MZ NA SZ ZA ZM ZW",
    "Northern Africa": "DZ EG EH LY MA SD TN",
    "Middle East": "AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    "Caucasus and Central Asia": "AF AM AZ GE KG KZ TJ TM UZ",
    "South Asia": "BD BT IN LK MV NP PK",
    "Southeast Asia": "BN ID KH LA MM MY PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Europe": "AD AL AT AX BA BE BG BY CH CS CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU "
              "LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK",
    "North America": "BM CA GL PM US",
    "Central America": "BZ CR GT HN MX NI PA SV",
    "Caribbean": "AG AI AN AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI",
    "South America": "AR BO BR CL CO EC FK GF GY PE PY SR UY VE",
    "Oceania": "AS AU CC CK CX FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS",
    "Antarctica": "AQ BV GS HM TF",
}

HEADER = """\
# Country codes and ACLED regions, built by scripts/build_country_codes.py; do not edit by hand.
# ISO codes from GeoNames countryInfo.txt (https://www.geonames.org, CC BY 4.0); names as frontwire writes them.
# name\tiso2\tiso3\tiso_numeric\tregion
"""


def region_of() -> dict[str, str]:
    regions: dict[str, str] = {}
    for region, codes in ACLED_REGIONS.items():
        for code in codes.split():
            if code in regions:
                raise SystemExit(f"{code} is in {regions[code]} and {region}")
            regions[code] = region
    return regions


def gazetteer_names() -> dict[str, str]:
    """ISO alpha-2 -> the country's name in the bundled gazetteer (country rows come first)."""
    names: dict[str, str] = {}
    for row in read_rows(BUNDLED):
        if row[1] != "country":
            break
        names[row[5]] = row[2]
    return names


def build(source: Path) -> str:
    regions = region_of()
    names = gazetteer_names()
    lines = [HEADER]
    for line in (source / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        iso2, iso3, numeric, geonames_name = cells[0], cells[1], cells[2], cells[4]
        if iso2 not in regions:
            raise SystemExit(f"{iso2} ({geonames_name}) has no ACLED region: add it to ACLED_REGIONS")
        lines.append(f"{names.get(iso2, geonames_name)}\t{iso2}\t{iso3}\t{int(numeric)}\t{regions[iso2]}\n")
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder holding countryInfo.txt")
    args = parser.parse_args()
    OUT.write_text(build(args.source), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
