"""``frontwire bench --store``: the store's scaling benchmark runs end to end at tiny sizes on both stores, and the
bulk load it times stores exactly what storing the documents one at a time does."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from frontwire.cli.main import main
from frontwire.errors import UsageError
from frontwire.records import Claim, Document
from frontwire.store import open_store
from frontwire.store.bench import benchmark_store


def test_bench_store_fills_merges_and_times_queries_at_each_size(store_url, capsys):
    assert main(["bench", "--store", store_url, "--claims", "200,500", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert [run["claims"] for run in figures["runs"]] == [200, 500]
    for run in figures["runs"]:
        assert 0 < run["events"] <= run["claims"]
        assert run["insert_s"] >= 0 and run["refresh_s"] > 0
        assert 0 < run["filtered_p50_ms"] <= run["filtered_p99_ms"] and 0 < run["bbox_p50_ms"] <= run["bbox_p99_ms"]
        assert run["bbox_matches"] > 0  # the boxes fall on the synthetic war, not beside it
    with open_store(store_url) as store:  # the largest size stays, merged
        assert store.counts()["claims"] == 500
        assert store._execute("SELECT COUNT(*) FROM events").fetchone()[0] == figures["runs"][-1]["events"]


def test_bench_store_prints_a_table(tmp_path, capsys):
    assert main(["bench", "--store", str(tmp_path / "bench.db"), "--claims", "300"]) == 0
    out = capsys.readouterr().out
    assert "filtered p50" in out and "refresh s" in out
    assert any(line.split()[0] == "300" for line in out.splitlines() if line.strip())


def test_bench_store_refuses_a_store_with_real_documents(tmp_path, capsys):
    url = str(tmp_path / "ledger.db")
    with open_store(url) as store:
        store.save_document(Document(id="a", text="Police fired tear gas at protesters in Lahore.",
                                     content_hash="a" * 64))
    with pytest.raises(UsageError, match="not the benchmark's"):
        benchmark_store(url, (100,))
    assert main(["bench", "--store", str(tmp_path / "new.db"), "--claims", "ten"]) == 2
    with open_store(url) as store:
        assert store.counts()["documents"] == 1


def _claim(claim_id: str, doc_id: str) -> Claim:
    return Claim(claim_id=claim_id, doc_id=doc_id, event_type="Protests", sub_event_type="Peaceful protest",
                 disorder_type="Demonstrations", event_date=None, date_start=None, date_end=None, time_precision=None)


def test_saving_documents_in_bulk_stores_what_saving_them_one_by_one_does(store_url, tmp_path):
    """Duplicates within the batch and of the store are skipped, and versions of one URL are numbered in turn."""
    url = "https://example.org/lahore"
    first = Document(id="lahore", text="Protesters gathered in Lahore.", url=url, content_hash="1" * 64,
                     published_at=datetime(2024, 3, 1))
    second = Document(id="lahore", text="Police dispersed protesters in Lahore.", url=url, content_hash="2" * 64,
                      published_at=datetime(2024, 3, 2))
    other = Document(id="karachi", text="Traders marched in Karachi.", content_hash="3" * 64)
    batch = [(second, [_claim("c2", "lahore")]), (other, [_claim("c3", "karachi"), _claim("c4", "karachi")]),
             (second, [_claim("c2", "lahore")])]
    one_by_one = str(tmp_path / "one_by_one.db")

    def stored(store_url: str) -> list[tuple]:
        with open_store(store_url) as store:
            rows = store._execute("SELECT d.content_hash, d.doc_id, d.version_key, d.version, c.claim_id "
                                  "FROM documents d LEFT JOIN claims c ON c.content_hash = d.content_hash "
                                  "ORDER BY d.content_hash, c.claim_id").fetchall()
            return [tuple(row) for row in rows]

    with open_store(one_by_one) as store:
        store.save_document(first, [_claim("c1", "lahore")])
        assert [store.save_document(document, claims) for document, claims in batch] == [True, True, False]
    with open_store(store_url) as store:
        store.save_document(first, [_claim("c1", "lahore")])
        assert store.save_documents(batch) == 2
        assert store.save_documents(batch) == 0
        assert store.save_documents([]) == 0
    assert stored(store_url) == stored(one_by_one)
    assert [row[3] for row in stored(store_url)] == [1, 2, 1, 1]
