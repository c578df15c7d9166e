"""Which merged events an export keeps: every filter, alone and together, on events written here."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwire.errors import UsageError
from frontwire.export import EventFilter, filter_events


def _claim(claimed_by: str | None, reported_by: str | None, sentence: str, chain: tuple[str, ...] = ()) -> dict:
    return {"claimed_by": claimed_by, "claim_chain": list(chain), "reported_by": reported_by,
            "evidence": [{"text": sentence, "start": 0, "end": len(sentence)}]}


EVENTS = [
    {"event_id": "evt-a", "event_date": "2020-10-30", "date_start": "2020-10-30", "date_end": "2020-10-30",
     "event_type": "Battles", "sub_event_type": "Armed clash", "country": "Azerbaijan", "location": "Hadrut",
     "actor1": "Military Forces of Azerbaijan (2003-)", "actor2": "Military Forces of Armenia (2018-)",
     "sources_independent": 1, "disputed": False, "notes": "Clashes near Hadrut.",
     "claims": [_claim("Ministry of Defence of Azerbaijan", "Wire One", "Fighting went on near Hadrut all day.")]},
    {"event_id": "evt-b", "event_date": "2020-11-01", "date_start": "2020-11-01", "date_end": "2020-11-03",
     "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
     "country": "Armenia", "location": "Goris", "actor1": "Military Forces of Azerbaijan (2003-)",
     "actor2": "Civilians (Armenia)", "sources_independent": 2, "disputed": True,
     "claims": [_claim(None, "Wire Two", "Shells hit a school in Goris.", chain=("Armenian Foreign Ministry",)),
                _claim("Ministry of Defence of Azerbaijan", "Wire One", "The ministry denied shelling Goris.")]},
    {"event_id": "evt-c", "event_date": "2022-03-01", "date_start": "2022-03-01", "date_end": "2022-03-01",
     "event_type": "Protests", "sub_event_type": "Peaceful protest", "country": "Ukraine", "location": "Lviv",
     "actor1": "Protesters (Ukraine)", "actor2": None, "sources_independent": 3, "disputed": False,
     "claims": [_claim(None, "Wire Three", "Hundreds marched through Lviv with sunflowers.")]},
    {"event_id": "evt-d", "event_date": None, "date_start": None, "date_end": None, "event_type": "Protests",
     "sub_event_type": "Peaceful protest", "country": None, "location": None, "actor1": None, "actor2": None,
     "sources_independent": 1, "disputed": False, "claims": []},
]


def _kept(**options) -> list[str]:
    return [e["event_id"] for e in filter_events(EVENTS, EventFilter.parse(**options))]


def test_no_filter_keeps_everything_in_order():
    assert [e["event_id"] for e in filter_events(EVENTS, None)] == ["evt-a", "evt-b", "evt-c", "evt-d"]
    assert _kept() == ["evt-a", "evt-b", "evt-c", "evt-d"]


def test_dates_keep_events_whose_range_overlaps_them():
    assert _kept(date_from="2020-11-02") == ["evt-b", "evt-c"], "evt-b runs from 1 to 3 November"
    assert _kept(date_to="2020-10-31") == ["evt-a"]
    assert _kept(date_from="2020-11-03", date_to="2020-11-03") == ["evt-b"]
    assert _kept(date_from="2021-01-01", date_to="2021-12-31") == []


def test_country_by_name_or_iso_code_in_any_case():
    assert _kept(country="armenia") == ["evt-b"]
    assert _kept(country="UA") == ["evt-c"]
    assert _kept(country="ukr") == ["evt-c"]
    assert EventFilter.parse(country="aze").country == "Azerbaijan"


def test_type_matches_the_event_type_or_the_sub_event_type_whole():
    assert _kept(event_type="protests") == ["evt-c", "evt-d"]
    assert _kept(event_type="Armed clash") == ["evt-a"]
    assert _kept(event_type="clash") == [], "a type is matched whole, not as a word inside it"


def test_disputed_and_minimum_independent_sources():
    assert _kept(disputed=True) == ["evt-b"]
    assert _kept(disputed=False) == ["evt-a", "evt-c", "evt-d"]
    assert _kept(min_sources="2") == ["evt-b", "evt-c"]
    assert _kept(min_sources=3) == ["evt-c"]
    assert _kept(min_sources="0") == ["evt-a", "evt-b", "evt-c", "evt-d"]


def test_actor_matches_either_actor_anywhere_in_its_name():
    assert _kept(actor="azerbaijan") == ["evt-a", "evt-b"]
    assert _kept(actor="civilians") == ["evt-b"]


def test_claimant_is_whoever_asserts_any_claim():
    assert _kept(claimant="Ministry of Defence of Azerbaijan") == ["evt-a", "evt-b"]
    # no claimant named: the first link of the chain asserts it, else the outlet
    assert _kept(claimant="foreign ministry") == ["evt-b"]
    assert _kept(claimant="wire three") == ["evt-c"]


def test_text_searches_notes_places_actors_claimants_and_evidence():
    assert _kept(text="sunflowers") == ["evt-c"], "evidence"
    assert _kept(text="hadrut") == ["evt-a"], "notes and place"
    assert _kept(text="denied shelling") == ["evt-b"]


def test_filters_combine_with_and():
    assert _kept(actor="azerbaijan", date_from="2020-11-01") == ["evt-b"]
    assert _kept(actor="azerbaijan", disputed=True, min_sources=3) == []


def test_the_filter_holds_dates_as_dates():
    where = EventFilter.parse(date_from="2020-11-01", date_to="2020-11-30", text="  ", actor="")
    assert where == EventFilter(date_from=dt.date(2020, 11, 1), date_to=dt.date(2020, 11, 30))


@pytest.mark.parametrize("options, says", [
    ({"date_from": "2020-13-01"}, "not a date"),
    ({"date_to": "1 March 2020"}, "not a date"),
    ({"date_from": "20200301"}, "not a date"),
    ({"date_from": "2020-12-01", "date_to": "2020-11-01"}, "after"),
    ({"min_sources": "-1"}, "whole number"),
    ({"min_sources": "two"}, "whole number"),
])
def test_malformed_options_are_usage_errors_that_say_what_to_write(options, says):
    with pytest.raises(UsageError) as error:
        EventFilter.parse(**options)
    assert says in error.value.message
    assert error.value.hint


@pytest.mark.parametrize("options", [
    {}, {"date_from": "2020-11-01", "date_to": "2020-11-02"}, {"country": "AZE"}, {"event_type": "Battles"},
    {"text": "tartar"}, {"disputed": True}, {"min_sources": 1}, {"actor": "forces of armenia"},
    {"claimant": "ministry of defence"}, {"actor": "azerbaijan", "date_to": "2020-11-01"},
])
def test_the_store_applies_the_same_filter_in_sql(example_db, example_events, options):
    """``frontwire export`` filters in the store's SQL, a notebook's events in memory: the same events either way."""
    from frontwire.store import open_store
    from frontwire.store.events import iter_event_records

    where = EventFilter.parse(**options)
    with open_store(example_db) as store:
        in_sql = [e["event_id"] for e in iter_event_records(store, where.to_query())]
    in_memory = [e["event_id"] for e in filter_events(example_events, where)]
    assert in_sql == in_memory
