"""A week of reports, end to end: the real pipeline codes ``stream/week.jsonl``, the store keeps it, and the
ledger's ``events``, ``control`` and ``losses`` give the expected answer, the same in any order.

The stream (``stream/README.md``) is written for these tests: one village captured, retaken and recaptured
(with denials and fighting nearby on another day), a village in two spellings, three villages in one
announcement that other outlets report one by one, an updated article, relayed ministry statements, personnel
and equipment losses copied by several outlets, running totals, and background paragraphs.

The permutation property reuses the claims the pipeline coded once (coding takes seconds; 200 orders of it
would take minutes): each order stores the documents afresh, so the store's choice of an article's latest
version and the whole ledger stage run every time.
"""

from __future__ import annotations

import argparse
import io
import json
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontwire.cli import ledger as ledger_cli
from frontwire.cli.events import query_events
from frontwire.config import Settings
from frontwire.export import write_records
from frontwire.ledger.records import Event
from frontwire.records import Claim, Document
from frontwire.store import open_store

STREAM = Path(__file__).parent / "stream" / "week.jsonl"
TAGHAVARD, MADAGIZ = "wof:1293323223", "wof:1209142461"
CAPTURE, CLASH = "Government regains territory", "Armed clash"
SHELLING = "Shelling/artillery/missile attack"
Coded = tuple[tuple[Document, tuple[Claim, ...]], ...]


@lru_cache(maxsize=1)
def coded() -> Coded:
    """Every line of the stream through the real pipeline, once per test session."""
    from frontwire.ingest import iter_raw_documents
    from frontwire.pipeline import Pipeline

    run = Settings(progress=False)
    out = []
    for result in Pipeline(run).run(iter_raw_documents([str(STREAM)], run)):
        assert result.failure is None, result.failure
        assert result.document is not None
        out.append((result.document, tuple(result.claims)))
    return tuple(out)


def _store(db: str, order: Coded) -> Settings:
    with open_store(db) as store:
        for document, claims in order:
            store.save_document(document, claims)
    return Settings(db=db, progress=False)


def _outputs(db_settings: Settings) -> tuple[str, str, str]:
    """What ``frontwire events``, ``control`` and ``losses`` print with ``--format jsonl``."""
    events = io.StringIO()
    write_records(query_events(db_settings), events, "jsonl")
    control, losses = io.StringIO(), io.StringIO()
    ledger_cli.run_control(argparse.Namespace(at=None, place=None, format="jsonl"), db_settings, out=control)
    ledger_cli.run_losses(argparse.Namespace(date_from=None, date_to=None, format="jsonl"), db_settings, out=losses)
    return events.getvalue(), control.getvalue(), losses.getvalue()


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return _store(str(tmp_path_factory.mktemp("stream") / "week.db"), coded())


@pytest.fixture(scope="module")
def events(stored: Settings) -> list[Event]:
    return ledger_cli.load_events(stored)


def _docs(event: Event) -> set[str]:
    return {f"{c.doc_id}:{c.modality}" for c in event.claims}


EXPECTED_EVENTS = {
    # (date, sub-event type, place id or location, reports with their modality)
    ("2020-11-01", CAPTURE, TAGHAVARD, frozenset({"azmod-01:asserted", "aa-01:asserted", "trt-01:asserted",
                                                  "armod-01:denied"})),
    ("2020-11-02", SHELLING, MADAGIZ, frozenset({"apa-02:asserted", "reuters-02:asserted"})),
    ("2020-11-02", CLASH, TAGHAVARD, frozenset({"newsam-01:asserted", "bbc-01:asserted"})),
    ("2020-11-03", CAPTURE, TAGHAVARD, frozenset({"armod-02:asserted", "armenpress-01:asserted",
                                                  "azmod-02:denied"})),
    ("2020-11-04", CAPTURE, TAGHAVARD, frozenset({"apa-01:asserted", "reuters-01:asserted", "reuters-01:denied"})),
    ("2020-11-04", CLASH, "geonames:148107", frozenset({"azmod-04:asserted", "aa-03:asserted", "trt-02:asserted"})),
    ("2020-11-04", CLASH, "wof:1125938249", frozenset({"armod-03:asserted"})),
    ("2020-11-05", SHELLING, "geonames:584871", frozenset({"azertac-02:asserted", "aa-04:asserted"})),
    ("2020-11-05", CAPTURE, "wof:1242909349", frozenset({"azertac-01:asserted", "aa-02:asserted"})),
    ("2020-11-05", CAPTURE, "wof:1243102281", frozenset({"azertac-01:asserted", "sabah-01:asserted"})),
    ("2020-11-05", CAPTURE, "wof:1242907683", frozenset({"azertac-01:asserted"})),
    ("2020-11-06", SHELLING, "geonames:147625", frozenset({"rferl-01:asserted"})),
}


@pytest.mark.slow
def test_the_stream_gives_the_expected_events(events: list[Event]) -> None:
    got = {(e.event_date.isoformat() if e.event_date else "", e.sub_event_type, e.place_id or e.location,
            frozenset(_docs(e))) for e in events}
    assert got == EXPECTED_EVENTS


@pytest.mark.slow
def test_background_and_running_totals_make_no_event(events: list[Event]) -> None:
    docs = {c.doc_id for e in events for c in e.claims}
    assert not docs & {"eurasianet-01", "armod-04", "armenpress-02"}  # 1993, 1994, totals since September
    lachin = [e for e in events if e.place_id == "geonames:147625"]
    assert [e.sub_event_type for e in lachin] == [SHELLING]  # the 1992 capture is background, not a capture


@pytest.mark.slow
def test_the_updated_article_counts_in_its_latest_version(events: list[Event]) -> None:
    [recapture] = [e for e in events if e.sub_event_type == CAPTURE and e.event_date == date(2020, 11, 4)]
    reuters = [c for c in recapture.claims if c.doc_id == "reuters-01"]
    latest = next(d for d, _claims in coded() if d.id == "reuters-01" and d.published_at == date(2020, 11, 5))
    assert {c.claim_id for c in reuters} == {c.claim_id for d, cs in coded() if d is latest for c in cs}
    assert recapture.disputed and {d.field for d in recapture.disputes} == {"modality"}


@pytest.mark.slow
def test_relayed_ministry_claims_support_the_ministrys_side(events: list[Event]) -> None:
    sides = {(e.event_date.isoformat(), e.sub_event_type, e.place_id): e.supporting_sides for e in events
             if e.event_date}
    assert sides[("2020-11-01", CAPTURE, TAGHAVARD)] == ("Azerbaijan",)
    assert sides[("2020-11-02", SHELLING, MADAGIZ)] == ("Azerbaijan",)  # "..., Azerbaijan's Defence Ministry said"
    assert sides[("2020-11-03", CAPTURE, TAGHAVARD)] == ("Armenia",)
    assert sides[("2020-11-02", CLASH, TAGHAVARD)] == ("Artsakh",)  # "the Artsakh Defence Army said"


@pytest.mark.slow
def test_one_spelling_or_another_is_one_place_and_no_dispute(events: list[Event]) -> None:
    [retake] = [e for e in events if e.sub_event_type == CAPTURE and e.event_date == date(2020, 11, 3)]
    assert {c.location for c in retake.claims if c.modality == "asserted"} == {"Taghavard", "Kaghavard"}
    assert "location" not in {d.field for d in retake.disputes}
    [capture] = [e for e in events if e.sub_event_type == CAPTURE and e.event_date == date(2020, 11, 1)]
    assert capture.sources_independent == 1  # the ministry, the agency relaying it, the outlet copying the agency


@pytest.mark.slow
def test_the_control_timeline_of_the_week(stored: Settings) -> None:
    _events, control, _losses = _outputs(stored)
    rows = [json.loads(line) for line in control.splitlines()]
    taghavard = [(r["holder"], r["since"], r["until"], r["claimed_by"], r["denied_by"]) for r in rows
                 if r["place_id"] == TAGHAVARD]
    az, am = "Ministry of Defence of Azerbaijan", "Ministry of Defence of Armenia"
    assert taghavard == [("Azerbaijan", "2020-11-01", "2020-11-03", [az], [am]),
                         ("Artsakh", "2020-11-03", "2020-11-04", [am], [az]),
                         ("Azerbaijan", "2020-11-04", None, [az], [am])]
    zangilan = {(r["place_id"], r["holder"], r["since"], r["until"], r["basis"]) for r in rows
                if r["place_id"] != TAGHAVARD}
    assert zangilan == {(pid, holder, since, until, basis)
                        for pid in ("wof:1242909349", "wof:1243102281", "wof:1242907683")
                        for holder, since, until, basis in (("Armenia", None, "2020-11-05", "implied"),
                                                            ("Azerbaijan", "2020-11-05", None, "stated"))}
    assert len(rows) == 9


@pytest.mark.slow
def test_the_loss_tallies_of_the_week(stored: Settings) -> None:
    _events, _control, losses = _outputs(stored)
    rows = {(r["side"], r["item"], r["status"], r["period"], r["count"], r["claimed_by"], r["date_start"],
             r["date_end"]) for r in map(json.loads, losses.splitlines())}
    assert rows == {
        # the ministry's figure, relayed by the agency and copied by an outlet: counted once
        ("Armenia", "personnel", "killed", "daily", 35, "Ministry of Defence of Azerbaijan", "2020-11-04", "2020-11-04"),
        ("Azerbaijan", "personnel", "killed", "daily", 12, "Ministry of Defence of Armenia", "2020-11-04", "2020-11-04"),
        ("Azerbaijan", "drones", "shot down", "daily", 2, "Ministry of Defence of Armenia", "2020-11-04", "2020-11-04"),
    }


@pytest.mark.slow
def test_the_stream_ingested_shuffled_and_twice_prints_the_same(stored: Settings, tmp_path: Path) -> None:
    again = list(reversed(coded())) + list(coded())
    assert _outputs(_store(str(tmp_path / "again.db"), tuple(again))) == _outputs(stored)


@st.composite
def orders(draw: st.DrawFn) -> Coded:
    """The stream in any order, some reports ingested twice (the updated article's versions too)."""
    base = list(coded())
    shuffled = draw(st.permutations(base))
    repeats = draw(st.lists(st.sampled_from(base), max_size=8))
    out = list(shuffled)
    for item in repeats:
        out.insert(draw(st.integers(0, len(out))), item)
    return tuple(out)


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(orders())
def test_any_order_with_duplicates_prints_byte_identical_events_control_and_losses(order: Coded) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        baseline = _baseline()
        assert _outputs(_store(str(Path(folder) / "order.db"), order)) == baseline


@lru_cache(maxsize=1)
def _baseline() -> tuple[str, str, str]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return _outputs(_store(str(Path(folder) / "base.db"), coded()))


@pytest.mark.slow
def test_events_say_why_their_claims_were_merged(stored: Settings) -> None:
    events_out, _control, _losses = _outputs(stored)
    [capture] = [e for e in map(json.loads, events_out.splitlines())
                 if e["sub_event_type"] == CAPTURE and e["event_date"] == "2020-11-01"]
    asserted = sorted(c["claim_id"] for c in capture["claims"] if c["modality"] == "asserted")
    linked = {tuple(r["claim_ids"]) for r in capture["merged_because"]}
    assert {tuple(sorted(p)) for p in linked} >= {(a, b) for a in asserted for b in asserted if a < b}
    reason = capture["merged_because"][0]
    assert reason["matched"]["place"] == "same gazetteer place" and reason["matched"]["document"] == "two documents"


@pytest.mark.slow
def test_merge_explain_says_why_two_claims_were_or_were_not_merged(stored: Settings, events: list[Event]) -> None:
    [capture] = [e for e in events if e.sub_event_type == CAPTURE and e.event_date == date(2020, 11, 1)]
    [fighting] = [e for e in events if e.sub_event_type == CLASH and e.place_id == TAGHAVARD]
    az = next(c.claim_id for c in capture.claims if c.doc_id == "azmod-01")
    aa = next(c.claim_id for c in capture.claims if c.doc_id == "aa-01")
    news = next(c.claim_id for c in fighting.claims if c.doc_id == "newsam-01")

    def explain(a: str, b: str) -> dict:
        out = io.StringIO()
        args = argparse.Namespace(action="explain", claim_ids=[a, b], note=None)
        assert ledger_cli.run_merge(args, stored, out=out) == 0
        return json.loads(out.getvalue())

    merged = explain(az, aa)
    assert merged["merged"] and merged["verdict"].startswith("merged")
    assert merged["features"]["type"] == "same sub-event type"
    apart = explain(az, news)
    assert not apart["merged"] and "date" in apart["verdict"]
    assert apart["features"]["date"] == "no: dates of different types do not overlap"
