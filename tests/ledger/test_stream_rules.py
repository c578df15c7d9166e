"""The rules the stream needed, one at a time, on hand-coded claims."""

from __future__ import annotations

import dataclasses
from datetime import date

from ledger_claims import AM_FORCES, AZ_FORCES, CAPTURE, make_claim

from frontwire.ledger import control_timeline, loss_tallies, merge_claims
from frontwire.ledger.reading import claimant_side, is_current
from frontwire.records import Loss, Span

ARMED_CLASH = ("Battles", "Armed clash", "Political violence")
D = {n: date(2020, 11, n) for n in range(1, 8)}


def test_capture_retake_and_recapture_are_three_events_and_three_transitions() -> None:
    claims = [
        make_claim("a1", "az1", CAPTURE, "Aghdam", day=D[1], claimed_by="Ministry of Defence of Azerbaijan"),
        make_claim("a2", "am1", CAPTURE, "Aghdam", day=D[1], claimed_by="Ministry of Defence of Armenia",
                   modality="denied"),
        make_claim("b1", "am2", CAPTURE, "Aghdam", day=D[3], actor1=AM_FORCES, actor2=AZ_FORCES,
                   claimed_by="Ministry of Defence of Armenia"),
        make_claim("c1", "az2", CAPTURE, "Aghdam", day=D[4], claimed_by="Ministry of Defence of Azerbaijan"),
        make_claim("n1", "news", ARMED_CLASH, "Aghdam", day=D[2], claimed_by="Ministry of Defence of Armenia"),
    ]
    events = merge_claims(claims)
    assert sorted(e.claim_ids for e in events) == [("a1", "a2"), ("b1",), ("c1",), ("n1",)]
    rows = control_timeline(events, place="Aghdam")
    assert [(r["holder"], r["since"], r["until"]) for r in rows if r["basis"] == "stated"] == [
        ("Azerbaijan", "2020-11-01", "2020-11-03"), ("Armenia", "2020-11-03", "2020-11-04"),
        ("Azerbaijan", "2020-11-04", None)]


def test_fighting_the_day_after_a_capture_is_not_the_capture() -> None:
    capture = make_claim("a", "d1", CAPTURE, "Milanli", day=D[1])
    fighting = make_claim("b", "d2", ARMED_CLASH, "Milanli", day=D[2])
    same_day = make_claim("c", "d3", ARMED_CLASH, "Milanli", day=D[1])
    assert sorted(e.claim_ids for e in merge_claims([capture, fighting])) == [("a",), ("b",)]
    assert sorted(e.claim_ids for e in merge_claims([capture, same_day])) == [("a", "c")]


def test_place_ids_decide_one_place_not_names() -> None:
    a = make_claim("a", "d1", CAPTURE, "Milanli", day=D[1])
    other_spelling = dataclasses.replace(a, claim_id="b", doc_id="d2", location="Kaghavard-like name")
    namesake = dataclasses.replace(a, claim_id="c", doc_id="d3", place_id="wof:99", latitude=39.49, longitude=46.74)
    [event] = merge_claims([a, other_spelling])
    assert not any(d.field == "location" for d in event.disputes)  # one gazetteer entry, two spellings
    assert len(merge_claims([a, namesake])) == 2  # one name, two entries of one gazetteer: two places


def test_a_claimant_named_without_its_country_takes_the_party_the_sentence_names() -> None:
    claim = make_claim("a", "d", ARMED_CLASH, "Milanli", claimed_by="Defence Army",
                       evidence="Fighting went on near the village, the Artsakh Defence Army said.")
    assert claimant_side(claim) == "Artsakh"
    relayed = make_claim("b", "d", claimed_by=None, chain=("Ministry of Defence of Azerbaijan", "Anadolu Agency"))
    assert claimant_side(relayed) == "Azerbaijan"


def test_personnel_losses_are_tallied_and_running_totals_kept_apart() -> None:
    az = "Ministry of Defence of Azerbaijan"
    day = make_claim("a", "d1", ARMED_CLASH, "Aghdam", day=D[4], claimed_by=az, fatalities=35,
                     evidence="Up to 35 Armenian servicemen were killed in the fighting.")
    relayed = dataclasses.replace(day, claim_id="b", doc_id="d2", reported_by="Anadolu Agency",
                                  claim_chain=(az, "Anadolu Agency"))
    other_day = make_claim("c", "d3", ARMED_CLASH, "Aghdam", day=D[7], claimed_by=az, fatalities=10,
                           evidence="The enemy lost 10 soldiers.")
    total = make_claim("t", "d4", ARMED_CLASH, "Aghdam", day=D[6], start=date(2020, 9, 27), end=D[6],
                       claimed_by=az, fatalities=1200, evidence="Since 27 September, 1,200 Armenian soldiers killed.")
    total = dataclasses.replace(total, date_start=date(2020, 9, 27))
    rows = loss_tallies(merge_claims([day, relayed, other_day, total]))
    got = {(r["side"], r["item"], r["period"], r["count"]) for r in rows}
    assert got == {("Armenia", "personnel", "daily", 45), ("Armenia", "personnel", "cumulative", 1200)}


def test_background_makes_no_event_control_or_tally() -> None:
    old = make_claim("h", "d1", CAPTURE, "Milanli", day=date(1993, 8, 1), actor1=AM_FORCES, actor2=AZ_FORCES,
                     modality="historical", losses=(Loss("Azerbaijan", "tank", "tank", 3, "destroyed"),))
    [event] = merge_claims([old])
    assert not is_current(event)
    assert control_timeline([event]) == [] and loss_tallies([event]) == []


def test_evidence_spans_stay_in_claims() -> None:
    claim = make_claim("a", "d", evidence="x" * 5)
    assert claim.evidence == (Span("xxxxx", 0, 5),)
