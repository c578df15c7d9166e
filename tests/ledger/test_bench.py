"""The merge benchmark runs and reports what it promises (timings themselves are not asserted)."""

from __future__ import annotations

from frontwire.ledger.bench import benchmark_merge, synthetic_claims


def test_synthetic_claims_are_reproducible_and_sized() -> None:
    assert synthetic_claims(500, seed=3) == synthetic_claims(500, seed=3)
    assert len(synthetic_claims(500)) == 500


def test_benchmark_reports_each_size() -> None:
    figures = benchmark_merge(2_000, seed=1)
    assert [run["claims"] for run in figures["runs"]] == [2_000]
    run = figures["runs"][0]
    assert 0 < run["events"] < 2_000  # reports of one happening merged
    assert run["seconds"] > 0 and figures["growth"] == 1.0
    assert figures["incremental"]["equals_batch"] is True
