"""ACLED's CSV of merged events: ACLED's header, names and order, then frontwire's; each row holds its event."""

from __future__ import annotations

import csv
import io

import pytest

from frontwire.export import ACLED_COLUMNS, FRONTWIRE_COLUMNS, event_row, write_acled_csv
from frontwire.export.acled import evidence_sentences

from .conftest import ACLED_AFGHANISTAN, SHARED_ACLED, acled_file_header, event_at

# ACLED's export header as its data export tool writes it (a public format, written out here on purpose: the
# constant in the code must not be the only place it is spelt).
ACLED_HEADER = ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,"
                "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,"
                "admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3")
# The columns frontwire adds, first those every reader of the export is promised, in this order.
PROMISED_FRONTWIRE_COLUMNS = ["claims_count", "sources_independent", "disputed", "claimants", "outlets", "evidence",
                              "date_start", "date_end", "place_id", "supporting_sides", "modality", "losses"]


def _csv(events: list[dict]) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    assert write_acled_csv(events, out) == len(events)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def _header(events: list[dict]) -> list[str]:
    out = io.StringIO(newline="")
    write_acled_csv(events, out)
    return out.getvalue().splitlines()[0].split(",")


def test_acled_columns_are_acleds_export_header():
    assert ",".join(ACLED_COLUMNS) == ACLED_HEADER


@pytest.mark.skipif(not ACLED_AFGHANISTAN.exists(), reason="../shared/data/gold/acled is not beside the checkout")
def test_acled_columns_equal_the_header_of_a_real_acled_export():
    assert list(ACLED_COLUMNS) == acled_file_header(ACLED_AFGHANISTAN)


def test_csv_header_is_acleds_then_frontwires(example_events):
    header = _header(example_events)
    assert header[: len(ACLED_COLUMNS)] == ACLED_HEADER.split(",")
    if ACLED_AFGHANISTAN.exists():
        assert header[: len(ACLED_COLUMNS)] == acled_file_header(ACLED_AFGHANISTAN)
    assert header[len(ACLED_COLUMNS): len(ACLED_COLUMNS) + len(PROMISED_FRONTWIRE_COLUMNS)] == \
        PROMISED_FRONTWIRE_COLUMNS
    assert header[len(ACLED_COLUMNS):] == list(FRONTWIRE_COLUMNS)
    assert len(set(header)) == len(header)


def test_csv_of_no_events_is_the_header_alone():
    out = io.StringIO(newline="")
    assert write_acled_csv([], out) == 0
    assert out.getvalue() == ",".join(ACLED_COLUMNS + FRONTWIRE_COLUMNS) + "\n"


def test_kharkiv_example_row_has_its_date_place_precision_and_toll(example_events):
    # world_feed.jsonl: published 2022-03-02, "shelled residential areas of Kharkiv on Tuesday, killing at least
    # eight civilians"
    kharkiv = event_at(example_events, "Kharkiv")
    row = next(r for r in _csv(example_events) if r["event_id_cnty"] == kharkiv["event_id"])
    assert row["event_date"] == "2022-03-01"
    assert row["year"] == "2022"
    assert row["time_precision"] == "1"
    assert (row["country"], row["admin1"], row["location"]) == ("Ukraine", "Kharkiv", "Kharkiv")
    assert float(row["latitude"]) == pytest.approx(49.98, abs=0.05)
    assert float(row["longitude"]) == pytest.approx(36.25, abs=0.05)
    assert row["geo_precision"] == "1"
    assert row["fatalities"] == "8"
    assert (row["iso"], row["iso3"], row["region"]) == ("804", "UKR", "Europe")
    assert row["source"] == "Example Wire"
    assert row["event_type"] == "Explosions/Remote violence"
    # what frontwire cannot know stays empty, never guessed
    assert row["data_id"] == row["event_id_no_cnty"] == row["timestamp"] == row["admin3"] == ""


def test_every_row_holds_its_own_events_values(example_events):
    rows = _csv(example_events)
    assert [r["event_id_cnty"] for r in rows] == [e["event_id"] for e in example_events]
    for event, row in zip(example_events, rows, strict=True):
        assert row["event_date"] == event["event_date"]
        assert row["year"] == event["event_date"][:4]
        assert (row["date_start"], row["date_end"]) == (event["date_start"], event["date_end"])
        assert float(row["latitude"]) == event["latitude"]
        assert float(row["longitude"]) == event["longitude"]
        assert row["geo_precision"] == str(event["geo_precision"])
        # no figure in the reports: an empty cell, not ACLED's 0
        assert row["fatalities"] == ("" if event["fatalities"] is None else str(event["fatalities"]))
        assert row["claims_count"] == str(len(event["claims"]))
        assert row["sources_independent"] == str(event["sources_independent"])
        assert row["disputed"] == ("true" if event["disputed"] else "false")
        assert row["place_id"] == (event["place_id"] or "")
        assert row["modality"] == event["modality"]
        quoted = {" ".join(span["text"].split()) for claim in event["claims"] for span in claim["evidence"]}
        assert row["evidence"], "every event has the sentence it was read from"
        assert set(row["evidence"].split(" | ")) <= quoted


def test_disputed_event_row_names_both_claimants_and_what_they_dispute(example_events):
    # karabakh_front: Azerbaijan's ministry says Armenian artillery fired on Tartar, Armenia's ministry denies it
    tartar = event_at(example_events, "Tartar")
    row = next(r for r in _csv(example_events) if r["event_id_cnty"] == tartar["event_id"])
    assert row["disputed"] == "true"
    assert row["claims_count"] == "2"
    assert row["claimants"] == "Ministry of Defence of Armenia; Ministry of Defence of Azerbaijan"
    assert row["disputes"].startswith("modality: ")
    assert "denied (Ministry of Defence of Armenia)" in row["disputes"]
    assert row["supporting_sides"] == "Azerbaijan"
    assert len(row["evidence"].split(" | ")) == 2, "one sentence per claim, no bare names"


def test_a_claim_record_without_claims_counts_as_its_own_single_claim():
    record = {"event_id": "evt-1", "event_date": "2021-05-04", "country": "Armenia", "latitude": 40.1,
              "longitude": 44.5, "claimed_by": "A Ministry", "reported_by": "A Wire", "fatalities": 0,
              "losses": [{"side": "Armenia", "category": "equipment", "item": "tank", "count": 2,
                          "status": "destroyed"}],
              "evidence": [{"text": "Two tanks were destroyed near the village, the ministry said.", "start": 0,
                            "end": 61}]}
    row = event_row(record)
    assert row["claims_count"] == 1
    assert row["claimants"] == ["A Ministry"] and row["outlets"] == ["A Wire"]
    assert row["fatalities"] == 0, "a reported zero stays zero"
    assert (row["iso"], row["iso3"], row["region"]) == (51, "ARM", "Caucasus and Central Asia")
    assert row["losses"] == [{"side": "Armenia", "category": "equipment", "item": "tank", "count": 2,
                              "status": "destroyed"}]
    cells = _csv([record])[0]
    assert cells["losses"] == "Armenia: 2 tank destroyed"
    assert cells["sources_independent"] == "" and cells["disputed"] == "false"


def test_a_country_with_no_iso_code_leaves_the_codes_empty():
    row = event_row({"event_id": "evt-2", "country": "Artsakh"})
    assert (row["iso"], row["iso3"], row["region"]) == (None, None, None)


def test_evidence_keeps_sentences_and_leaves_out_the_names_read_from_them():
    sentence = "Shells hit the market of Avanport on Friday, the regional office said."
    claim = {"evidence": [
        {"text": sentence, "start": 100, "end": 100 + len(sentence)},
        {"text": "Avanport", "start": 125, "end": 133},                       # the place, inside its sentence
        {"text": "Northern Defence Office", "start": 20, "end": 43},          # the speaker, named elsewhere
        {"text": "Two more shells fell on the road out of town.", "start": 200, "end": 246},
    ]}
    copy = {"evidence": [{"text": sentence.replace(" on Friday", "\n on Friday"), "start": 5, "end": 78}]}
    # the copy's sentence differs only in a line break: one sentence, once
    assert evidence_sentences([claim, copy]) == [sentence, "Two more shells fell on the road out of town."]


def _shared_rows():
    for path in sorted(SHARED_ACLED.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            yield from csv.DictReader(f)


@pytest.mark.skipif(not SHARED_ACLED.exists(), reason="../shared/data/gold/acled is not beside the checkout")
def test_country_codes_and_regions_agree_with_acleds_own_files():
    seen = set()
    for acled in _shared_rows():
        key = (acled["country"], acled.get("iso"), acled["iso3"], acled["region"])
        if key in seen:
            continue
        seen.add(key)
        ours = event_row({"event_id": "evt", "country": acled["country"]})
        assert ours["iso3"] == acled["iso3"] and ours["region"] == acled["region"], acled["country"]
        if acled.get("iso"):
            assert ours["iso"] == int(acled["iso"])
    assert len({k[0] for k in seen}) >= 2, "the shared ACLED files cover Afghanistan and Armenia"


def test_every_gazetteer_country_has_its_codes_under_the_name_frontwire_writes():
    from frontwire.geo.gazetteer import BUNDLED, read_rows
    from frontwire.reference.codes import codes_of_country

    countries = 0
    for row in read_rows(BUNDLED):
        if row[1] != "country":
            break
        codes = codes_of_country(row[2])
        assert codes is not None and codes.iso2 == row[5], row[2]
        countries += 1
    assert countries > 200
