"""Merging claims into events: the seed days' reports coded by hand, and the rules one at a time."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from ledger_claims import (
    AM_FORCES,
    AZ_FORCES,
    CAPTURE,
    D2,
    SHELLING,
    make_claim,
)

from frontwire.ledger import Event, Ledger, MergeDecision, event_to_dict, merge_claims
from frontwire.ledger.records import event_id_of
from frontwire.records import Claim, Document, EventFields


def _by_claims(events: list[Event]) -> dict[frozenset[str], Event]:
    return {frozenset(e.claim_ids): e for e in events}


def _event_with(events: list[Event], claim_id: str) -> Event:
    return next(e for e in events if claim_id in e.claim_ids)


def test_seed_days_merge_into_seven_events(seed_claims: list[Claim]) -> None:
    events = merge_claims(seed_claims)
    groups = set(_by_claims(events))
    assert groups == {
        frozenset({"aa1-1", "trt1-1", "sab1-1", "reu1-1", "arm1-1"}),  # Milanli, with the Armenian denial
        frozenset({"aa1-2", "trt1-2", "sab1-2"}),  # Ishigli
        frozenset({"aa1-3", "trt1-3", "sab1-3", "apa1-1"}),  # Chaprand
        frozenset({"azm1-1", "aa2-1", "arm1-2"}),  # Aghdam exchange of fire, told by both ministries
        frozenset({"azm1-2", "arm2-1"}),  # Su-25 shot down / denied
        frozenset({"azm2-1"}),  # a district-level capture in Jabrayil: not Chaprand
        frozenset({"arp1-1"}),  # Stepanakert
    }
    assert sum(len(e.claims) for e in events) == len(seed_claims)  # no claim discarded


def test_copies_of_one_statement_count_as_one_source(seed_claims: list[Claim]) -> None:
    events = merge_claims(seed_claims)
    assert _event_with(events, "aa1-1").sources_independent == 1  # Aliyev via AA, TRT, Daily Sabah, Reuters
    assert _event_with(events, "aa1-2").sources_independent == 1
    assert _event_with(events, "aa1-3").sources_independent == 2  # Aliyev, and the ministry via APA
    assert _event_with(events, "azm1-1").sources_independent == 2  # the two ministries


def test_denial_is_kept_beside_the_claim_and_marks_the_event_disputed(seed_claims: list[Claim]) -> None:
    milanli = _event_with(merge_claims(seed_claims), "aa1-1")
    assert milanli.disputed
    assert milanli.modality == "asserted"
    data = event_to_dict(milanli)
    denial = next(c for c in data["claims"] if c["modality"] == "denied")
    assert denial["claimed_by"] == "Shushan Stepanyan" and denial["claim_id"] == "arm1-1"
    modality = next(d for d in data["disputes"] if d["field"] == "modality")
    assert {"value": "denied", "claimed_by": "Shushan Stepanyan"} in modality["values"]
    assert milanli.supporting_sides == ("Azerbaijan",)


def test_conservative_reading_where_claims_differ(seed_claims: list[Claim]) -> None:
    aghdam = _event_with(merge_claims(seed_claims), "azm1-1")
    assert aghdam.fatalities == 5  # ACLED: the lowest figure
    assert aghdam.supporting_sides == ("Armenia", "Azerbaijan")
    fields = {d.field: d for d in aghdam.disputes}
    assert set(fields) == {"fatalities", "actor1"}  # and each says the other fired first
    assert {v.value for v in fields["actor1"].values} == {"Armenia", "Azerbaijan"}
    assert aghdam.reported_by != "Anadolu Agency"  # a ministry's own statement shows it, not the wire's copy
    assert {(v.value, v.claimed_by) for v in fields["fatalities"].values} == {
        (30, "Ministry of Defence of Azerbaijan"), (5, "Ministry of Defence of Armenia")}
    chaprand = _event_with(merge_claims(seed_claims), "apa1-1")
    # APA dates it 1-2 November, the others 2 November: the range all reports allow is 2 November.
    assert (chaprand.event_date, chaprand.date_start, chaprand.date_end) == (D2, D2, D2)
    assert not chaprand.disputed


def test_event_to_dict_has_schema_fields(seed_claims: list[Claim]) -> None:
    event = merge_claims(seed_claims)[0]
    data = event_to_dict(event)
    shared = [f.name for f in dataclasses.fields(EventFields)]
    ledger_fields = ["claims", "sources_independent", "supporting_sides", "disputed", "disputes", "merged_because"]
    assert list(data) == ["event_id"] + shared + ledger_fields
    assert list(data["claims"][0]) == ["claim_id"] + shared
    assert data["event_id"] == event_id_of(c.claim_id for c in event.claims)
    for claim in data["claims"]:
        assert {"doc_id", "claimed_by", "claim_chain", "reported_by", "modality", "evidence"} <= set(claim)
    json.dumps(data)  # plain JSON all the way down


def test_two_claims_of_one_document_are_two_events() -> None:
    a = make_claim("a", "doc", place="Dere Gilatagh")
    b = make_claim("b", "doc", place="Dere Gilatagh")
    assert len(merge_claims([a, b])) == 2


def test_one_sides_denial_reported_beside_the_others_claim_answers_it() -> None:
    # "The ministry said Armenian artillery shelled Aghdam ... Armenia's ministry denied it": one article, two
    # claims about one happening, side by side in one disputed event
    claim = make_claim("a", "doc", SHELLING, "Aghdam", actor1=AM_FORCES, actor2=None,
                       claimed_by="Ministry of Defence of Azerbaijan")
    denial = make_claim("b", "doc", SHELLING, "Aghdam", actor1=AM_FORCES, actor2=None,
                        claimed_by="Ministry of Defence of Armenia", modality="denied")
    [event] = merge_claims([claim, denial])
    assert event.disputed and {d.field for d in event.disputes} == {"modality"}
    # the same speaker twice, or two assertions, are still two events of that article
    again = dataclasses.replace(denial, claimed_by=claim.claimed_by)
    assert len(merge_claims([claim, again])) == 2
    assert len(merge_claims([claim, dataclasses.replace(denial, modality="asserted")])) == 2


def test_near_places_merge_but_named_neighbours_do_not() -> None:
    # Dere and Boyuk Gilatagh are 1.8 km apart but are two villages the gazetteer tells apart.
    dere, boyuk = make_claim("a", "d1", place="Dere Gilatagh"), make_claim("b", "d2", place="Boyuk Gilatagh")
    assert len(merge_claims([dere, boyuk])) == 2
    # A point without a gazetteer id 1 km from Milanli is Milanli spelled some other way.
    other = dataclasses.replace(make_claim("c", "d3", place="Milanli"), location="Milanly village",
                                place_id=None, latitude=39.495, longitude=46.738)
    assert len(merge_claims([make_claim("m", "d4", place="Milanli"), other])) == 1


def test_spelling_variants_of_one_village_merge() -> None:
    a = dataclasses.replace(make_claim("a", "d1", place="Milanli"), place_id=None, latitude=None, longitude=None)
    b = dataclasses.replace(a, claim_id="b", doc_id="d2", location="Milanlı", admin1="Qubadlı")
    assert len(merge_claims([a, b])) == 1


def test_dates_must_overlap_within_a_day() -> None:
    a = make_claim("a", "d1", day=date(2020, 11, 1))
    assert len(merge_claims([a, make_claim("b", "d2", day=date(2020, 11, 2))])) == 1
    assert len(merge_claims([a, make_claim("c", "d3", day=date(2020, 11, 4))])) == 2


def test_incompatible_types_and_actors_stay_apart() -> None:
    capture = make_claim("a", "d1", place="Aghdam")
    shelling = make_claim("b", "d2", SHELLING, "Aghdam")
    assert len(merge_claims([capture, shelling])) == 2
    retaken = make_claim("c", "d3", CAPTURE, "Aghdam", actor1=AM_FORCES, actor2=AZ_FORCES)
    assert len(merge_claims([capture, retaken])) == 2  # a capture and a counter-capture


def test_two_sides_reports_of_one_exchange_of_fire_merge() -> None:
    ours = make_claim("a", "d1", SHELLING, "Aghdam", actor1=AM_FORCES, actor2=AZ_FORCES)
    theirs = make_claim("b", "d2", ("Battles", "Armed clash", "Political violence"), "Aghdam",
                        actor1=AZ_FORCES, actor2=AM_FORCES)
    assert len(merge_claims([ours, theirs])) == 1


def test_district_level_claim_between_two_villages_stays_apart() -> None:
    shelling = ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence")
    a = make_claim("a", "d1", shelling, "Milanli")
    b = make_claim("b", "d1", shelling, "Ishigli")  # same report, another village
    coarse = make_claim("c", "d2", shelling, None, admin1="Qubadli")
    events = merge_claims([a, b, coarse])
    assert _event_with(events, "c").claim_ids == ("c",)
    # with only one village it may be that village's event
    assert len(merge_claims([a, coarse])) == 1


def test_split_and_join_override_the_automatic_merge(seed_claims: list[Claim]) -> None:
    split = MergeDecision("split", ("aa1-1", "reu1-1"))
    events = merge_claims(seed_claims, decisions=[split])
    assert "reu1-1" not in _event_with(events, "aa1-1").claim_ids
    join = MergeDecision("join", ("azm2-1", "aa1-3"))
    events = merge_claims(seed_claims, decisions=[join])
    assert "azm2-1" in _event_with(events, "aa1-3").claim_ids
    # the later decision wins for the same pair
    events = merge_claims(seed_claims, decisions=[join, MergeDecision("split", ("azm2-1", "aa1-3"))])
    assert "azm2-1" not in _event_with(events, "aa1-3").claim_ids


def test_incremental_ledger_equals_batch(seed_claims: list[Claim]) -> None:
    batch = merge_claims(seed_claims)
    ledger = Ledger()
    by_doc: dict[str, list[Claim]] = {}
    for claim in seed_claims:
        by_doc.setdefault(claim.doc_id, []).append(claim)
    for doc_id in sorted(by_doc, reverse=True):
        ledger.add(by_doc[doc_id])
    assert ledger.events() == batch
    assert ledger.add(seed_claims) == []  # adding again changes nothing
    assert ledger.events() == batch


def test_incremental_add_only_touches_affected_events(seed_claims: list[Claim]) -> None:
    ledger = Ledger()
    ledger.add(seed_claims)
    late = make_claim("late-1", "late", place="Ishigli", claimed_by="Anadolu Agency", reported_by="Anadolu Agency")
    changed = ledger.add([late])
    assert [e.claim_ids for e in changed] == [("aa1-2", "late-1", "sab1-2", "trt1-2")]


def test_ledger_decision_after_claims_equals_batch_with_decision(seed_claims: list[Claim]) -> None:
    decision = MergeDecision("split", ("aa1-3", "apa1-1"))
    ledger = Ledger()
    ledger.add(seed_claims)
    ledger.add_decision(decision)
    assert ledger.events() == merge_claims(seed_claims, decisions=[decision])


def test_replacing_a_claim_recomputes_its_event(seed_claims: list[Claim]) -> None:
    ledger = Ledger()
    ledger.add(seed_claims)
    moved = dataclasses.replace(next(c for c in seed_claims if c.claim_id == "reu1-1"),
                                location="Chaprand", admin1="Jabrayil", place_id="wof:4",
                                latitude=39.3717, longitude=47.1311)
    ledger.add([moved])
    expected = merge_claims([moved if c.claim_id == "reu1-1" else c for c in seed_claims])
    assert ledger.events() == expected


def test_undated_claim_takes_its_document_date() -> None:
    a = make_claim("a", "d1", day=D2)
    undated = dataclasses.replace(make_claim("b", "d2"), event_date=None, date_start=None, date_end=None)
    assert len(merge_claims([a, undated])) == 2  # no date: nothing to match on
    documents = {"d2": Document(id="d2", text="...", published_at=D2)}
    assert len(merge_claims([a, undated], documents=documents)) == 1


@pytest.mark.parametrize("bad", ["merge", ""])
def test_merge_decision_rejects_unknown_kinds(bad: str) -> None:
    with pytest.raises(ValueError):
        MergeDecision(bad, ("a", "b"))


def test_allied_parties_and_unidentified_actors_do_not_block_a_merge() -> None:
    ours = make_claim("a", "d1", SHELLING, "Stepanakert", actor1=AZ_FORCES, actor2=AM_FORCES)
    theirs = dataclasses.replace(make_claim("b", "d2", SHELLING, "Stepanakert"), actor1="Military Forces of Artsakh",
                                 actor1_country="Artsakh", actor2=AZ_FORCES, actor2_country="Azerbaijan")
    assert len(merge_claims([ours, theirs])) == 1
    unknown = dataclasses.replace(theirs, claim_id="c", doc_id="d3", actor1="Unidentified Armed Group (Azerbaijan)",
                                  actor1_country=None, actor2=None, actor2_country=None)
    assert len(merge_claims([ours, unknown])) == 1


@pytest.mark.parametrize("a,b,same", [
    ("Milanli", "Milanlı", True), ("Aghdam", "Ağdam", True), ("Gubadli", "Qubadlı", True),
    ("Khojavend", "Xocavənd", True), ("Haji Isaqli", "Haji Isakhly", True), ("Ishigli", "Ishygly", True),
    ("Milanli", "Muradkhanli", False), ("Dere Gilatagh", "Boyuk Gilatagh", False), ("Aghdam", "Agdere", False),
])
def test_place_spellings(a: str, b: str, same: bool) -> None:
    from frontwire.ledger.names import same_place_name

    assert same_place_name(a, b) is same


def test_a_threat_is_not_the_act() -> None:
    act = make_claim("a", "d1", SHELLING, "Aghdam")
    threat = make_claim("b", "d2", SHELLING, "Aghdam", modality="hypothetical")
    plan = make_claim("c", "d3", SHELLING, "Aghdam", modality="planned")
    events = merge_claims([act, threat, plan])
    assert sorted(e.claim_ids for e in events) == [("a",), ("b", "c")]
    assert _event_with(events, "b").sources_independent == 0
