"""Grouping the claims of one connected component into events, as an analyst would.

Within a component (claims linked by compatible pairs or by an analyst's join) the merge is greedy
complete-linkage: the best-scoring pair is merged first, and two groups merge only when every claim of one
is compatible with every claim of the other. This keeps chains from gluing distinct happenings together
(A near B, B near C, A far from C), and it depends only on the set of claims, never on their order: ties
break on claim ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

from frontwire.ledger.compat import ClaimFeatures, place_score
from frontwire.ledger.records import MergeDecision

Pair = frozenset[str]


def resolve_decisions(decisions: Sequence[MergeDecision]) -> tuple[set[Pair], set[Pair]]:
    """Turn decisions into must-link and cannot-link pairs; for one pair the later decision wins."""
    must: set[Pair] = set()
    cannot: set[Pair] = set()
    for decision in decisions:
        ids = sorted(set(decision.claim_ids))
        for a, b in combinations(ids, 2):
            pair = frozenset((a, b))
            if decision.kind == "join":
                must.add(pair)
                cannot.discard(pair)
            else:
                cannot.add(pair)
                must.discard(pair)
    return must, cannot


def ambiguous_coarse(members: Iterable[str], features: Mapping[str, ClaimFeatures],
                     edges: Mapping[str, Mapping[str, float]]) -> set[str]:
    """District-level claims compatible with points at two different places ("fighting in Qubadli"
    beside captures of two Qubadli villages): an analyst could not tell which one they report, so they
    stay apart from every point-level claim."""
    out: set[str] = set()
    for cid in members:
        if features[cid].level != "district":
            continue
        points = sorted(o for o in edges.get(cid, {}) if features[o].level == "point")
        if any(place_score(features[p], features[q]) is None for p, q in combinations(points, 2)):
            out.add(cid)
    return out


def cluster_component(members: Sequence[str], features: Mapping[str, ClaimFeatures],
                      edges: Mapping[str, Mapping[str, float]], must: set[Pair],
                      cannot: set[Pair]) -> list[tuple[str, ...]]:
    """Split one component's claim ids into events (each a sorted tuple of claim ids)."""
    members = sorted(members)
    ambiguous = ambiguous_coarse(members, features, edges)

    def linked(a: str, b: str) -> bool:
        pair = frozenset((a, b))
        if pair in must:
            return True
        if pair in cannot or b not in edges.get(a, {}):
            return False
        if a in ambiguous and features[b].level == "point" or b in ambiguous and features[a].level == "point":
            return False
        return True

    group_of = {m: m for m in members}
    groups: dict[str, list[str]] = {m: [m] for m in members}

    def merge(a: str, b: str, *, check: bool) -> None:
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            return
        if check and not all(linked(x, y) for x in groups[ga] for y in groups[gb]):
            return
        if any(frozenset((x, y)) in cannot for x in groups[ga] for y in groups[gb]):
            return  # a split always wins over a join that would break it through a third claim
        keep, gone = sorted((ga, gb))
        for x in groups[gone]:
            group_of[x] = keep
        groups[keep].extend(groups.pop(gone))

    member_set = set(members)
    for pair in sorted(tuple(sorted(p)) for p in must if p <= member_set):
        merge(pair[0], pair[1], check=False)
    scored = sorted(
        (-score, a, b) for a in members for b, score in edges.get(a, {}).items() if a < b and b in group_of
    )
    for _neg, a, b in scored:
        merge(a, b, check=True)
    return sorted(tuple(sorted(g)) for g in groups.values())
