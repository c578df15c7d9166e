"""One-line reports of our own writing, run through the whole pipeline: each is coded as a careful ACLED coder
would code that line alone, or deliberately not at all.

OSINT posts, wire flashes, video captions and police blotter lines are articles too. ``one_line_reports.tsv``
holds them with the expected sub-event type (ACLED's spelling, or ``none``), the place as GeoNames spells it,
the country as frontwire names it, and the reason for the coding; about a quarter are no event, each for a
reason a word-matcher would miss (a sports clash, a market rally, a planned march, a diplomatic protest, an
anniversary, an accident, a crime with no political actor, a weather strike, an opinion).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from frontwire.config import Settings
from frontwire.evaluate.matching import same_name
from frontwire.extract.acled import SUB_EVENT_TYPES
from frontwire.records import RawDocument

TABLE = Path(__file__).with_name("one_line_reports.tsv")
NONE = "none"


def _rows() -> list[dict[str, str]]:
    with open(TABLE, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


ROWS = _rows()


def _row_id(row: dict[str, str]) -> str:
    return re.sub(r"\W+", "-", " ".join(row["text"].split()[:6]).lower()).strip("-")


@pytest.fixture(scope="module")
def results() -> dict[str, object]:
    """Every line through one pipeline run (one spaCy batch, one gazetteer load), keyed by row id."""
    from frontwire.pipeline import Pipeline

    raws = [RawDocument(id=_row_id(row), text=row["text"], published_at=row["published"], origin=_row_id(row))
            for row in ROWS]
    return {result.document.id: result for result in Pipeline(Settings(progress=False)).run(raws)
            if result.document is not None}


def test_the_table_has_enough_reports_and_about_a_quarter_are_no_event():
    assert len(ROWS) >= 48
    nones = sum(row["sub_event_type"] == NONE for row in ROWS)
    assert 0.2 <= nones / len(ROWS) <= 0.33
    assert len({_row_id(row) for row in ROWS}) == len(ROWS), "row ids must be unique"
    for row in ROWS:
        assert row["reason"].strip(), row["text"]
        assert row["sub_event_type"] == NONE or row["sub_event_type"] in SUB_EVENT_TYPES, row["sub_event_type"]
        assert (row["sub_event_type"] == NONE) == (not row["location"]), row["text"]


def test_every_expected_place_is_a_town_of_its_country_in_the_gazetteer():
    from frontwire.geo import get_gazetteer

    gazetteer = get_gazetteer()
    for row in ROWS:
        if row["sub_event_type"] == NONE:
            continue
        places = [gazetteer.place(i) for i in gazetteer.lookup(row["location"])]
        assert any(p.kind == "place" and p.name == row["location"] and p.population > 500
                   and gazetteer.country_name(p.cc) == row["country"] for p in places), row["location"]


def _names_expected_place(claim, expected: str) -> bool:
    """The claim's location is the expected place: in GeoNames' spelling, or in the text's own spelling of the
    very place it resolved to ("El Geneina" for Al-Junaynah), never a stray word placed there ("Missile")."""
    from frontwire.geo import get_gazetteer

    if same_name(claim.location, expected):
        return True
    place = get_gazetteer().by_id(claim.place_id) if claim.place_id else None
    return (place is not None and same_name(place.name, expected)
            and any(same_name(claim.location, name) for name in place.names))


@pytest.mark.parametrize("row", ROWS, ids=[_row_id(row) for row in ROWS])
def test_one_line_report_is_coded_as_a_careful_coder_would(row, results):
    result = results.get(_row_id(row))
    assert result is not None and result.failure is None, f"not read as an article: {result and result.failure}"
    claims = result.claims
    found = [(c.sub_event_type, c.location, c.country) for c in claims]
    if row["sub_event_type"] == NONE:
        assert not claims, f"no event ({row['reason']}), found {found}"
        return
    assert claims, f"expected {row['sub_event_type']} in {row['location']} ({row['reason']}), found nothing"
    first = claims[0]
    assert first.sub_event_type == row["sub_event_type"], f"{row['reason']}; found {found}"
    assert _names_expected_place(first, row["location"]), f"expected {row['location']}; found {found}"
    assert first.country == row["country"], f"expected {row['country']}; found {found}"
