"""``--engine dask``: the documents coded as tasks on a Dask cluster of worker processes, stored by the one client
into PostgreSQL, give the events, control of places and losses that one process gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from parallel_corpus import PUBLISHED, stored  # noqa: E402

from frontwire.cli.ingest import ingest  # noqa: E402
from frontwire.cli.main import main  # noqa: E402
from frontwire.config import Settings  # noqa: E402
from frontwire.engine import EngineOptions  # noqa: E402

BATCH = 4


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed", reason="pip install 'frontwire[cluster]' to test the Dask engine")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as local:
        yield local


@pytest.mark.postgres
def test_a_dask_cluster_gives_the_events_control_and_losses_of_one_process(postgres_databases, cluster, corpus,
                                                                           monkeypatch, capsys):
    one, on_cluster = postgres_databases(), postgres_databases()
    alone = ingest([str(corpus)], Settings(db=one, progress=False, batch_size=BATCH), published=PUBLISHED)
    options = EngineOptions(engine="dask", scheduler=cluster.scheduler_address)
    shared = ingest([str(corpus)], Settings(db=on_cluster, progress=False, batch_size=BATCH), published=PUBLISHED,
                    engine=options)
    assert shared == alone
    expected, got = stored(one), stored(on_cluster)
    assert expected["events"] and expected["control"] and expected["losses"]
    assert got["events"] == expected["events"] and got["event_claims"] == expected["event_claims"]
    assert got["control"] == expected["control"] and got["losses"] == expected["losses"]
    assert got == expected

    # the same again through the command line: nothing new is stored
    monkeypatch.setenv("FRONTWIRE_BATCH_SIZE", str(BATCH))
    capsys.readouterr()
    code = main(["-q", "ingest", str(corpus), "--published", PUBLISHED, "--db", on_cluster, "--engine", "dask",
                 "--scheduler", cluster.scheduler_address])
    assert code == 1  # the unreadable inputs fail again (the page with no article is stored, so skipped)
    assert "0 document(s) stored with 0 claim(s), 17 already in the store, 3 failed" in capsys.readouterr().err
    assert stored(on_cluster) == expected
