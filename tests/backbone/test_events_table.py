"""The store keeps the ledger's merged events: rebuilt when claims or decisions change, filtered and paged in SQL,
on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from frontwire.errors import UsageError
from frontwire.ledger import merge_claims
from frontwire.records import Document
from frontwire.store import open_store
from frontwire.store.events import EventQuery, event_stats, get_event, iter_event_records, refresh_events, select_events

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ledger"))
from ledger_claims import AM_MOD, AZ_MOD, SHELLING, make_claim  # noqa: E402


def _claims():
    """Ten captures on ten days, and one shelling two ministries report (one event with two claims)."""
    claims = [make_claim(f"c{i:02d}", f"d{i:02d}", place="Milanli" if i % 2 else "Chaprand",
                         day=date(2020, 10, 1 + i), claimed_by=AZ_MOD, reported_by="Wire A",
                         evidence=f"Forces took the village on day {i}.") for i in range(10)]
    claims.append(make_claim("s1", "da", SHELLING, "Aghdam", day=date(2020, 11, 1), claimed_by=AZ_MOD,
                             reported_by="Wire A", evidence="Aghdam was shelled overnight, the ministry said."))
    claims.append(make_claim("s2", "db", SHELLING, "Aghdam", day=date(2020, 11, 1), claimed_by=AM_MOD,
                             reported_by="Wire B", modality="denied", evidence="The ministry denied shelling Aghdam."))
    return claims


def _fill(url: str) -> None:
    with open_store(url) as store:
        for claim in _claims():
            doc = Document(id=claim.doc_id, text=claim.evidence[0].text, content_hash=claim.doc_id.ljust(64, "0"))
            store.save_document(doc, [claim])
        assert refresh_events(store)


def test_stored_events_are_the_ledgers_merge(store_url):
    _fill(store_url)
    expected = merge_claims(_claims())
    with open_store(store_url) as store:
        stored = list(iter_event_records(store, EventQuery()))
        assert [e["event_id"] for e in stored] == [e.event_id for e in expected]
        shelling = get_event(store, stored[-1]["event_id"])
        assert shelling is not None and shelling["disputed"] is True
        assert {c["claim_id"] for c in shelling["claims"]} == {"s1", "s2"}


def test_refresh_happens_only_when_the_store_changed(store_url):
    _fill(store_url)
    with open_store(store_url) as store:
        assert not refresh_events(store)
        store.add_decision("split", ["s1", "s2"])
        assert refresh_events(store)
        assert select_events(store, EventQuery()).total == 12


def test_pages_follow_each_other_without_gap_or_repeat(store_url):
    _fill(store_url)
    with open_store(store_url) as store:
        seen, cursor = [], None
        while True:
            page = select_events(store, EventQuery(limit=4, cursor=cursor))
            assert page.total == 11
            seen += [e["event_id"] for e in page.events]
            cursor = page.next_cursor
            if cursor is None:
                break
        days = [e["event_date"] for e in select_events(store, EventQuery(limit=100)).events]
        assert len(seen) == len(set(seen)) == 11
        assert days == sorted(days, reverse=True)
        oldest = select_events(store, EventQuery(limit=1, sort="date")).events[0]
        assert oldest["event_date"] == "2020-10-01"


@pytest.mark.parametrize(("query", "count"), [
    (EventQuery(date_from="2020-10-05", date_to="2020-10-07"), 3),
    (EventQuery(bbox=(46.7, 39.4, 46.8, 39.6)), 5),  # Milanli only
    (EventQuery(event_type="Shelling/artillery/missile attack"), 1),
    (EventQuery(event_type="battles"), 10),
    (EventQuery(claimant="armenia"), 1),
    (EventQuery(outlet="wire b"), 1),
    (EventQuery(text="overnight"), 1),
    (EventQuery(text="100%"), 0),  # a wildcard in the words is a character, not a pattern
    (EventQuery(disputed=True), 1),
    (EventQuery(actor="military forces of armenia"), 11),
    (EventQuery(admin1="Qubadli"), 5),
])
def test_filters_combine_in_sql(store_url, query, count):
    _fill(store_url)
    with open_store(store_url) as store:
        assert select_events(store, query).total == count
        assert len(list(iter_event_records(store, query))) == count
        assert event_stats(store, query)["total"] == count


def test_stats_count_by_day_type_and_country(store_url):
    _fill(store_url)
    with open_store(store_url) as store:
        stats = event_stats(store, EventQuery())
    assert stats["total"] == 11
    assert sum(row["count"] for row in stats["by_day"]) == 11
    assert {row["sub_event_type"]: row["count"] for row in stats["by_type"]} == {
        "Government regains territory": 10, "Shelling/artillery/missile attack": 1}
    assert stats["by_country"] == [{"country": "Azerbaijan", "count": 11}]


def test_a_cursor_not_given_by_the_service_is_refused(tmp_path):
    url = str(tmp_path / "s.db")
    _fill(url)
    with open_store(url) as store, pytest.raises(UsageError, match="cursor"):
        select_events(store, EventQuery(cursor="not-a-cursor"))


def test_acled_view_has_acleds_columns(tmp_path):
    url = str(tmp_path / "s.db")
    _fill(url)
    with open_store(url) as store:
        cursor = store._execute("SELECT * FROM acled_events")
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    assert columns[:5] == ["data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date"]
    assert columns[-3:] == ["fatalities", "timestamp", "iso3"] and len(columns) == 31
    assert len(rows) == 11


def test_two_writers_refreshing_at_once_take_turns(store_url):
    import threading

    _fill(store_url)
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def refresh() -> None:
        try:
            with open_store(store_url) as store:
                start.wait()
                refresh_events(store, force=True)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=refresh) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(store_url) as store:
        assert select_events(store, EventQuery()).total == 11
