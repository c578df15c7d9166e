"""Who holds each place over time, and loss totals per claimant."""

from __future__ import annotations

import dataclasses
from datetime import date

from ledger_claims import AM_FORCES, AZ_FORCES, CAPTURE, make_claim

from frontwire.ledger import control_timeline, loss_tallies, merge_claims
from frontwire.records import Claim, Loss

CONTROL_FIELDS = {"place_id", "location", "admin1", "country", "holder", "since", "until", "claimed_by", "disputed",
                  "event_ids"}
LOSS_FIELDS = {"side", "category", "item", "count", "claimed_by", "date_start", "date_end", "event_ids"}


def test_each_seed_village_has_a_timeline(seed_claims: list[Claim]) -> None:
    rows = control_timeline(merge_claims(seed_claims))
    assert all(CONTROL_FIELDS <= set(row) for row in rows)
    stated = {(r["location"], r["holder"], r["since"], r["until"]) for r in rows if r["basis"] == "stated"}
    assert stated == {("Milanli", "Azerbaijan", "2020-11-02", None), ("Ishigli", "Azerbaijan", "2020-11-02", None),
                      ("Chaprand", "Azerbaijan", "2020-11-02", None)}
    implied = {(r["location"], r["holder"], r["until"]) for r in rows if r["basis"] == "implied"}
    assert ("Milanli", "Armenia", "2020-11-02") in implied


def test_who_held_milanli_and_who_says_so(seed_claims: list[Claim]) -> None:
    events = merge_claims(seed_claims)
    [row] = control_timeline(events, place="Milanlı", at=date(2020, 11, 2))
    assert row["holder"] == "Azerbaijan"
    assert row["claimed_by"] == ["Ilham Aliyev"]  # four reports, one origin, one name
    assert row["disputed"] and row["denied_by"] == ["Shushan Stepanyan"]
    [before] = control_timeline(events, place="Milanli", at=date(2020, 11, 1))
    assert before["holder"] == "Armenia" and before["basis"] == "implied"
    chaprand = control_timeline(events, place="Chaprand", at=date(2020, 11, 3))
    assert [r["claimed_by"] for r in chaprand] == [["Azerbaijani Defence Ministry", "Ilham Aliyev"]]
    assert not chaprand[0]["disputed"]


def test_a_place_changing_hands_twice() -> None:
    taken = make_claim("a", "d1", CAPTURE, "Aghdam", day=date(2020, 11, 1), claimed_by="Ilham Aliyev")
    retaken = make_claim("b", "d2", CAPTURE, "Aghdam", day=date(2020, 11, 5), actor1=AM_FORCES, actor2=AZ_FORCES,
                         claimed_by="Ministry of Defence of Armenia")
    handed = make_claim("c", "d3", ("Strategic developments", "Non-violent transfer of territory",
                                    "Strategic developments"), "Aghdam", day=date(2020, 11, 20), actor2=AM_FORCES,
                        claimed_by="Kremlin")
    events = merge_claims([taken, retaken, handed])
    rows = control_timeline(events, place="Aghdam")
    assert [(r["holder"], r["since"], r["until"]) for r in rows] == [
        ("Armenia", None, "2020-11-01"), ("Azerbaijan", "2020-11-01", "2020-11-05"),
        ("Armenia", "2020-11-05", "2020-11-20"), ("Azerbaijan", "2020-11-20", None)]
    assert rows[2]["event_ids"] == [next(e.event_id for e in events if e.claim_ids == ("b",))]


def test_only_denied_captures_move_nothing() -> None:
    denial = make_claim("a", "d1", place="Milanli", modality="denied", claimed_by="Ministry of Defence of Armenia")
    assert control_timeline(merge_claims([denial])) == []


def test_loss_tallies_one_row_per_claimant(seed_claims: list[Claim]) -> None:
    rows = loss_tallies(merge_claims(seed_claims))
    assert all(LOSS_FIELDS <= set(row) for row in rows)
    got = {(r["claimed_by"], r["item"], r["count"], r["status"]) for r in rows}
    assert got == {
        # the ministry's statement and the wire copying it count once: 4, not 8
        ("Ministry of Defence of Azerbaijan", "BM-21 Grad", 4, "destroyed"),
        ("Ministry of Defence of Azerbaijan", "howitzer", 10, "destroyed"),
        ("Ministry of Defence of Azerbaijan", "Su-25", 1, "shot down"),
        ("Ministry of Defence of Armenia", "UAV", 2, "shot down"),
    }


def test_loss_tallies_add_up_per_claimant_never_across() -> None:
    grad = Loss("Armenia", "MLRS", "BM-21 Grad", 3, "destroyed")
    day1 = make_claim("a", "d1", place="Aghdam", day=date(2020, 11, 1), claimed_by="Azerbaijani Defence Ministry",
                      losses=(grad,))
    day3 = make_claim("b", "d2", place="Chaprand", day=date(2020, 11, 3), claimed_by="Ministry of Defense of Azerbaijan",
                      losses=(grad,))
    other = make_claim("c", "d3", place="Aghdam", day=date(2020, 11, 1), claimed_by="Ministry of Defence of Armenia",
                       losses=(Loss("Armenia", "MLRS", "BM-21 Grad", 1, "destroyed"),))
    events = merge_claims([day1, day3, other])
    rows = loss_tallies(events)
    assert sorted((r["claimed_by"], r["count"]) for r in rows) == [
        ("Azerbaijani Defence Ministry", 6), ("Ministry of Defence of Armenia", 1)]
    azerbaijan = next(r for r in rows if r["count"] == 6)
    assert (azerbaijan["date_start"], azerbaijan["date_end"]) == ("2020-11-01", "2020-11-03")
    assert len(azerbaijan["event_ids"]) == 2
    only_first_day = loss_tallies(events, start=date(2020, 11, 1), end=date(2020, 11, 1))
    assert sorted(r["count"] for r in only_first_day) == [1, 3]


def test_a_withdrawal_coded_with_the_leaving_side_as_actor1_gives_the_place_to_the_other() -> None:
    from frontwire.records import Span

    text = "Armenian forces withdrew from Aghdam under the ceasefire agreement."
    withdrawal = make_claim("a", "d1", ("Strategic developments", "Non-violent transfer of territory",
                                        "Strategic developments"), "Aghdam", day=date(2020, 11, 20),
                            actor1=AM_FORCES, actor2=AZ_FORCES, claimed_by="Ministry of Defence of Armenia")
    withdrawal = dataclasses.replace(withdrawal, evidence=(Span(text, 0, len(text)),))
    rows = control_timeline(merge_claims([withdrawal]))
    assert [(r["holder"], r["since"], r["until"]) for r in rows] == [
        ("Armenia", None, "2020-11-20"), ("Azerbaijan", "2020-11-20", None)]
