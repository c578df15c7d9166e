"""Which version of an updated article counts: the one it dates last, whatever order the versions arrive in."""

from __future__ import annotations

from datetime import date
from itertools import permutations

import pytest

from frontwire.records import Claim, Document
from frontwire.store import open_store


def _claim(cid: str, doc: Document) -> Claim:
    return Claim(claim_id=cid, doc_id=doc.id, event_type="Battles", sub_event_type="Armed clash",
                 disorder_type="Political violence", event_date=None, date_start=None, date_end=None,
                 time_precision=None)


VERSIONS = [
    Document(id="story", text="First.", url="https://example.org/s", published_at=date(2020, 11, 3),
             content_hash="9" * 64),
    Document(id="story", text="Updated.", url="https://example.org/s", published_at=date(2020, 11, 4),
             content_hash="1" * 64),
    # the same update day as the second: the greater content hash decides, not arrival
    Document(id="story", text="Updated again.", url="https://example.org/s", published_at=date(2020, 11, 4),
             content_hash="5" * 64),
]


@pytest.mark.parametrize("order", list(permutations(range(3))))
def test_latest_version_is_decided_by_its_date_then_hash_never_by_arrival(store_url: str, order: tuple) -> None:
    with open_store(store_url) as store:
        for i in order:
            store.save_document(VERSIONS[i], [_claim(f"clm-{i}", VERSIONS[i])])
        assert [c.claim_id for c in store.iter_claims()] == ["clm-2"]
        assert sorted(c.claim_id for c in store.iter_claims(all_versions=True)) == ["clm-0", "clm-1", "clm-2"]
        assert store.get_document("story").text == "Updated again."
        assert [d.text for d in store.iter_documents()][-1] == "Updated again."


def test_a_claim_reads_back_under_either_spelling_of_its_id() -> None:
    doc = VERSIONS[0]
    claim = _claim("clm-x", doc)
    assert claim.claim_id == "clm-x" and Claim.from_dict(claim.to_dict()) == claim
    assert claim.to_dict()["event_id"] == "clm-x"  # extract's record: a claim unmerged is its own event
    assert Claim.from_dict({**claim.to_dict(), "claim_id": "clm-x"}) == claim
