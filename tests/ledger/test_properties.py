"""Properties every merge must keep: order never matters, ingesting twice changes nothing, no claim is lost,
incremental equals batch, and each claim's document reports it once per event."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ledger_claims import AM_FORCES, AZ_FORCES, CAPTURE, PLACES, SHELLING, make_claim, seed_scenario

from frontwire.ledger import Ledger, MergeDecision, merge_claims
from frontwire.ledger.records import event_id_of
from frontwire.records import Claim

SEED = seed_scenario()
ARMED_CLASH = ("Battles", "Armed clash", "Political violence")


@st.composite
def claims(draw: st.DrawFn) -> list[Claim]:
    """Small random sets of claims over a few places and days, dense enough to merge often."""
    count = draw(st.integers(1, 14))
    out = []
    for i in range(count):
        place = draw(st.sampled_from([*PLACES, None]))
        kind = draw(st.sampled_from([CAPTURE, SHELLING, ARMED_CLASH]))
        day = date(2020, 11, 1) + timedelta(days=draw(st.integers(0, 3)))
        span = draw(st.integers(0, 2))
        actors = draw(st.sampled_from([(AZ_FORCES, AM_FORCES), (AM_FORCES, AZ_FORCES), (AZ_FORCES, None)]))
        out.append(make_claim(
            f"c{i:02d}", f"d{draw(st.integers(0, 5))}", kind, place, day=day, start=day, end=day + timedelta(days=span),
            admin1=draw(st.sampled_from(["Qubadli", "Jabrayil"])) if place is None else None,
            actor1=actors[0], actor2=actors[1],
            claimed_by=draw(st.sampled_from(["Ilham Aliyev", "Ministry of Defence of Armenia", None])),
            modality=draw(st.sampled_from(["asserted", "asserted", "denied"])),
            fatalities=draw(st.one_of(st.none(), st.integers(0, 20))),
        ))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(SEED))
def test_seed_claims_in_any_order_give_the_same_ledger(order: list[Claim]) -> None:
    assert merge_claims(order) == merge_claims(SEED)


@settings(max_examples=80, deadline=None)
@given(claims(), st.randoms(use_true_random=False))
def test_random_claims_in_any_order_give_the_same_ledger(batch: list[Claim], rnd) -> None:
    shuffled = list(batch)
    rnd.shuffle(shuffled)
    assert merge_claims(shuffled) == merge_claims(batch)


@settings(max_examples=80, deadline=None)
@given(claims())
def test_every_claim_lands_in_exactly_one_event_and_documents_report_once(batch: list[Claim]) -> None:
    events = merge_claims(batch)
    ids = [cid for e in events for cid in e.claim_ids]
    assert sorted(ids) == sorted(c.claim_id for c in batch)
    for event in events:
        by_doc: dict[str, list[Claim]] = {}
        for c in event.claims:
            by_doc.setdefault(c.doc_id, []).append(c)
        for same in by_doc.values():
            # a document reports an event once, or reports one side's claim and the other's denial of it
            assert len(same) == 1 or (len(same) == 2 and sorted(c.modality == "denied" for c in same) == [False, True]
                                      and same[0].claimed_by and same[1].claimed_by
                                      and same[0].claimed_by != same[1].claimed_by)
        assert event.event_id == event_id_of(event.claim_ids)
        supporting = [c for c in event.claims if c.modality == "asserted"]
        assert (1 if supporting else 0) <= event.sources_independent <= len(supporting)
        assert event.disputed == bool(event.disputes)
        if event.fatalities is not None:
            basis = supporting or event.claims  # an event only denied reads its denials
            assert event.fatalities == min(c.fatalities for c in basis if c.fatalities is not None)


@settings(max_examples=60, deadline=None)
@given(claims(), st.randoms(use_true_random=False))
def test_incremental_in_any_chunks_equals_batch_and_twice_changes_nothing(batch: list[Claim], rnd) -> None:
    shuffled = list(batch)
    rnd.shuffle(shuffled)
    ledger = Ledger()
    position = 0
    while position < len(shuffled):
        step = rnd.randint(1, 4)
        ledger.add(shuffled[position:position + step])
        position += step
    expected = merge_claims(batch)
    assert ledger.events() == expected
    ledger.add(batch)
    assert ledger.events() == expected
    assert merge_claims(batch + batch) == expected


@settings(max_examples=60, deadline=None)
@given(claims(), st.data())
def test_decisions_are_honoured_whatever_the_order(batch: list[Claim], data: st.DataObject) -> None:
    ids = sorted(c.claim_id for c in batch)
    assume(len(ids) >= 2)
    picked = data.draw(st.lists(st.sampled_from(ids), min_size=2, max_size=3, unique=True))
    kind = data.draw(st.sampled_from(["split", "join"]))
    decision = MergeDecision(kind, tuple(picked))
    events = merge_claims(list(reversed(batch)), decisions=[decision])
    assert events == merge_claims(batch, decisions=[decision])
    owners = {cid: e.event_id for e in events for cid in e.claim_ids}
    if kind == "split":
        assert len({owners[cid] for cid in picked}) == len(picked)
    else:
        assert len({owners[cid] for cid in picked}) == 1
    ledger = Ledger()
    ledger.add(batch)
    ledger.add_decision(decision)
    assert ledger.events() == events


def test_changed_content_under_one_id_keeps_one_canonical_version() -> None:
    a = make_claim("x", "d1", place="Milanli")
    b = dataclasses.replace(a, fatalities=3)
    assert merge_claims([a, b]) == merge_claims([b, a])
    assert len(merge_claims([a, b])) == 1


@settings(max_examples=80, deadline=None)
@given(claims())
def test_blocking_finds_every_pair_that_all_pairs_comparison_finds(batch: list[Claim]) -> None:
    # The blocks only save time: comparing every pair must give the same events.
    from frontwire.ledger.cluster import cluster_component
    from frontwire.ledger.compat import claim_features, compatibility
    from frontwire.ledger.merge import event_order
    from frontwire.ledger.reading import build_event

    features = {c.claim_id: claim_features(c) for c in batch}
    edges: dict[str, dict[str, float]] = {cid: {} for cid in features}
    for a in features:
        for b in features:
            score = compatibility(features[a], features[b]) if a != b else None
            if score is not None:
                edges[a][b] = score
    seen: set[str] = set()
    groups = []
    for start in sorted(features):
        if start in seen:
            continue
        component, stack = {start}, [start]
        while stack:
            for other in edges[stack.pop()]:
                if other not in component:
                    component.add(other)
                    stack.append(other)
        seen |= component
        groups += cluster_component(sorted(component), features, edges, set(), set())
    by_id = {c.claim_id: c for c in batch}
    brute = sorted((build_event([by_id[cid] for cid in g]) for g in groups), key=event_order)
    assert [dataclasses.replace(e, merged_because=()) for e in merge_claims(batch)] == brute
