"""Merging claims into events, in one batch or incrementally as documents arrive.

Only claims that share a block (same district or name and date bucket, or neighbouring map cells) are
compared, so the cost grows with the number of claims, not its square. The compatible pairs form a graph;
each connected component (with an analyst's joins as extra links) is clustered on its own
(``cluster_component``). Adding claims only re-clusters the components they touch, so a ``Ledger`` fed
document by document gives exactly the events of one batch merge, in any order.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from frontwire.ledger.cluster import cluster_component, resolve_decisions
from frontwire.ledger.compat import ClaimFeatures, block_keys, claim_features, compatibility, explain, probe_keys
from frontwire.ledger.reading import build_event
from frontwire.ledger.records import Event, MergeDecision, MergeReason
from frontwire.records import Claim, Document


def event_order(event: Event) -> tuple[str, str]:
    """Events in the order a reader expects (by date), ties broken by id so the order never varies."""
    return (event.event_date.isoformat() if event.event_date else "", event.event_id)


def _canonical(claim: Claim) -> str:
    return json.dumps(claim.to_dict(), sort_keys=True, default=str)


class Ledger:
    """The merged events of every claim added so far; ``add`` recomputes only the affected components."""

    def __init__(self, *, decisions: Sequence[MergeDecision] = (),
                 documents: Mapping[str, Document] | None = None) -> None:
        self._claims: dict[str, Claim] = {}
        self._features: dict[str, ClaimFeatures] = {}
        self._keys: dict[str, list[tuple]] = {}
        self._index: dict[tuple, set[str]] = defaultdict(set)
        self._edges: dict[str, dict[str, float]] = defaultdict(dict)
        self._documents: dict[str, Document] = dict(documents or {})
        self._decisions: list[MergeDecision] = []
        self._must: set[frozenset[str]] = set()
        self._cannot: set[frozenset[str]] = set()
        self._must_links: dict[str, set[str]] = defaultdict(set)
        self._cluster_of: dict[str, tuple[str, ...]] = {}
        self._events: dict[tuple[str, ...], Event] = {}
        if decisions:
            self._set_decisions(list(decisions))

    def __len__(self) -> int:
        return len(self._events)

    @property
    def claim_count(self) -> int:
        return len(self._claims)

    def add(self, claims: Iterable[Claim], documents: Mapping[str, Document] | None = None) -> list[Event]:
        """Add claims (and the documents they come from); return the events that changed or appeared.

        A claim id seen before with the same content changes nothing; with new content it replaces the old
        claim. Within one call, duplicates of an id keep one canonical version, whatever the order.
        """
        self._documents.update(documents or {})
        chosen: dict[str, Claim] = {}
        for claim in claims:
            seen = chosen.get(claim.claim_id)
            if seen is None or (seen != claim and _canonical(claim) < _canonical(seen)):
                chosen[claim.claim_id] = claim
        dirty: set[str] = set()
        new: list[str] = []
        for cid in sorted(chosen):
            claim = chosen[cid]
            old = self._claims.get(cid)
            if old == claim:
                continue
            if old is not None:
                dirty |= self._remove(cid)
            self._claims[cid] = claim
            features = claim_features(claim, self._documents.get(claim.doc_id))
            self._features[cid] = features
            self._keys[cid] = block_keys(features)
            for key in self._keys[cid]:
                self._index[key].add(cid)
            new.append(cid)
        for cid in new:
            features = self._features[cid]
            candidates: set[str] = set()
            for key in probe_keys(features):
                candidates |= self._index.get(key, set())
            candidates.discard(cid)
            edges = self._edges[cid]
            for other in candidates:
                if other in edges:
                    continue
                score = compatibility(features, self._features[other])
                if score is not None:
                    edges[other] = score
                    self._edges[other][cid] = score
        dirty |= set(new)
        return self._recompute(dirty)

    def add_decision(self, decision: MergeDecision) -> list[Event]:
        """Record an analyst's split or join; return the events that changed."""
        before = {cid: set(links) for cid, links in self._must_links.items()}
        self._set_decisions(self._decisions + [decision])
        dirty = {cid for cid in decision.claim_ids if cid in self._claims}
        for cid in list(dirty):
            dirty |= before.get(cid, set()) & self._claims.keys()
        return self._recompute(dirty)

    def events(self) -> list[Event]:
        """Every event, ordered by date, then event id."""
        return sorted(self._events.values(), key=event_order)

    # --- internals ------------------------------------------------------------------------------------

    def _set_decisions(self, decisions: list[MergeDecision]) -> None:
        self._decisions = decisions
        self._must, self._cannot = resolve_decisions(decisions)
        self._must_links = defaultdict(set)
        for pair in self._must:
            a, b = sorted(pair)
            self._must_links[a].add(b)
            self._must_links[b].add(a)

    def _remove(self, cid: str) -> set[str]:
        for key in self._keys.pop(cid, []):
            self._index[key].discard(cid)
            if not self._index[key]:
                del self._index[key]
        neighbours = set(self._edges.pop(cid, {}))
        for other in neighbours:
            self._edges[other].pop(cid, None)
        self._claims.pop(cid, None)
        self._features.pop(cid, None)
        return neighbours | set(self._cluster_of.get(cid, ()))

    def _recompute(self, dirty: set[str]) -> list[Event]:
        # Old events of dirty claims are rebuilt in full: their other members may now sit elsewhere.
        for cid in list(dirty):
            dirty |= set(self._cluster_of.get(cid, ()))
        for cid in dirty:
            key = self._cluster_of.pop(cid, None)
            if key is not None:
                self._events.pop(key, None)
        seen: set[str] = set()
        changed: list[Event] = []
        pending = sorted(dirty, reverse=True)
        while pending:
            start = pending.pop()
            if start in seen or start not in self._claims:
                continue
            component = self._component(start)
            seen |= component
            for cid in component:  # an old event of a neighbouring claim may now be joined
                key = self._cluster_of.pop(cid, None)
                if key is not None:
                    self._events.pop(key, None)
                    for member in key:
                        self._cluster_of.pop(member, None)
                        if member not in component:
                            pending.append(member)
            for group in cluster_component(sorted(component), self._features, self._edges,
                                           self._must, self._cannot):
                event = replace(build_event([self._claims[cid] for cid in group]),
                                merged_because=self._reasons(group))
                self._events[group] = event
                for cid in group:
                    self._cluster_of[cid] = group
                changed.append(event)
        return sorted(changed, key=event_order)

    def _reasons(self, group: tuple[str, ...]) -> tuple[MergeReason, ...]:
        """Why the claims of one event were merged: every linked pair inside it, with the features that matched."""
        reasons = []
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                score = self._edges.get(a, {}).get(b)
                joined = frozenset((a, b)) in self._must
                if score is None and not joined:
                    continue
                matched = explain(self._features[a], self._features[b])
                if joined:
                    matched = (("analyst", "joined by hand"),) + matched
                reasons.append(MergeReason((a, b), matched, score))
        return tuple(reasons)

    def _component(self, start: str) -> set[str]:
        component = {start}
        stack = [start]
        while stack:
            cid = stack.pop()
            for other in list(self._edges.get(cid, ())) + list(self._must_links.get(cid, ())):
                if other not in component and other in self._claims:
                    component.add(other)
                    stack.append(other)
        return component


def merge_claims(claims: Iterable[Claim], *, documents: Mapping[str, Document] | None = None,
                 decisions: Sequence[MergeDecision] = ()) -> list[Event]:
    """Merge claims into events: every claim lands in exactly one event, none is discarded.

    Claims describing the same happening (compatible sub-event types, places within the precision both
    allow, overlapping dates, compatible actors) from different documents become one event. ``decisions``
    (an analyst's splits and joins) override the automatic merge. The result depends only on the set of
    claims and the decisions, never on their order; events come sorted by date, then ``event_id``.
    """
    ledger = Ledger(decisions=decisions, documents=documents)
    ledger.add(claims)
    return ledger.events()
