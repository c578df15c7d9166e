"""The store round-trips what it keeps, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontwire.records import Claim, Document, Failure, Loss, Removed, Span
from frontwire.store import open_store
from frontwire.store.migrations import MIGRATIONS

text_st = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=200)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def documents(draw):
    text = draw(text_st.filter(lambda t: t.strip()))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Document(
        id=draw(st.text(min_size=1, max_size=30)),
        text=text,
        title=draw(st.none() | text_st),
        published_at=draw(st.none() | dates),
        published_at_source=draw(st.none() | st.sampled_from(["given", "caption", "dateline"])),
        source=draw(st.none() | text_st),
        url=draw(st.none() | st.just("https://example.org/a")),
        language="en",
        headings=(Span(text[start:end], start, end),),
        captions=tuple(draw(st.lists(text_st, max_size=2))),
        removed=tuple(Removed(r, "loader") for r in draw(st.lists(text_st, max_size=2))),
        content_hash=draw(st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)),
    )


@st.composite
def claims(draw, document: Document):
    return Claim(
        claim_id="clm-" + draw(st.text(alphabet="0123456789abcdef", min_size=8, max_size=8)),
        doc_id=document.id,
        event_type="Battles",
        sub_event_type=draw(st.sampled_from(["Armed clash", "Government regains territory"])),
        disorder_type="Political violence",
        event_date=draw(st.none() | dates),
        date_start=None, date_end=None, time_precision=draw(st.none() | st.integers(1, 3)),
        actor1=draw(st.none() | text_st),
        latitude=draw(st.none() | st.floats(-90, 90)),
        longitude=draw(st.none() | st.floats(-180, 180)),
        fatalities=draw(st.none() | st.integers(0, 10_000)),
        losses=tuple(Loss("Armenia", "MLRS", "BM-21 Grad", draw(st.none() | st.integers(0, 99)), "destroyed")
                     for _ in range(draw(st.integers(0, 2)))),
        claim_chain=tuple(draw(st.lists(text_st, max_size=3))),
        evidence=(Span(document.text[:5], 0, len(document.text[:5])),),
        notes=draw(text_st),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_documents_and_claims_round_trip(store_url, data):
    document = data.draw(documents())
    claim_list = data.draw(st.lists(claims(document), max_size=3, unique_by=lambda c: c.claim_id))
    with open_store(store_url) as store:
        if store.has_document(document.content_hash):
            return  # hypothesis may draw the same hash twice in one store
        assert store.save_document(document, claim_list)
        assert not store.save_document(document, claim_list)
        stored = [d for d in store.iter_documents() if d.content_hash == document.content_hash]
        assert len(stored) == 1 and stored[0].to_dict() == document.to_dict()
        # every version's claims: drawn documents share one URL, and which version counts is decided by its date
        # (tests/ledger/test_versions.py), not by which was saved last
        back = {c.claim_id: c for c in store.iter_claims(all_versions=True)}
        for claim in claim_list:
            assert back[claim.claim_id] == claim


def test_an_updated_version_of_the_same_url_keeps_both(store_url):
    first = Document(id="a", text="First version.", url="https://example.org/x", content_hash="1" * 64)
    second = Document(id="a", text="Second version.", url="https://example.org/x", content_hash="2" * 64)
    with open_store(store_url) as store:
        assert store.save_document(first) and store.save_document(second)
        versions = [d.text for d in store.iter_documents()]
        assert versions == ["First version.", "Second version."]
        assert store.get_document("a").text == "Second version."


def test_failures_and_decisions_are_recorded_once(store_url):
    with open_store(store_url) as store:
        failure = Failure("x.txt", "ingest", "x.txt: the input is empty")
        store.record_failure(failure)
        store.record_failure(failure)
        store.add_decision("join", ["b", "a"])
        store.add_decision("join", ["a", "b"])
        assert store.failures() == [failure]
        assert store.decisions() == [("join", ("a", "b"), None)]
    with open_store(store_url) as store:  # reopening migrates nothing again
        assert store.migrations() == [name for name, _ in MIGRATIONS]  # every one, each once


def test_only_the_latest_version_of_a_document_asserts_claims(store_url):
    def claim(cid: str, doc: Document) -> Claim:
        return Claim(claim_id=cid, doc_id=doc.id, event_type="Battles", sub_event_type="Armed clash",
                     disorder_type="Political violence", event_date=None, date_start=None, date_end=None,
                     time_precision=None)

    old = Document(id="a", text="Old.", url="https://example.org/y", content_hash="3" * 64)
    new = Document(id="a", text="New.", url="https://example.org/y", content_hash="4" * 64)
    with open_store(store_url) as store:
        store.save_document(old, [claim("clm-old", old)])
        store.save_document(new, [claim("clm-new", new)])
        assert [c.claim_id for c in store.iter_claims()] == ["clm-new"]
        assert [c.claim_id for c in store.iter_claims(all_versions=True)] == ["clm-new", "clm-old"]
