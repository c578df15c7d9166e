"""Two ingesters writing overlapping articles into the same store at once keep each document and each claim once,
on SQLite and on a real PostgreSQL server: the store, not the callers, settles who stored an article first."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path
from typing import Any

from frontwire.cli.ingest import ingest
from frontwire.config import Settings
from frontwire.store import open_store

# Short reports of our own invention, one happening each, so that every article gives a claim or two.
_PLACES = ("Lahore", "Karachi", "Peshawar", "Quetta", "Multan", "Faisalabad", "Rawalpindi", "Hyderabad",
           "Sialkot", "Gujranwala", "Sukkur", "Bahawalpur", "Mardan", "Abbottabad", "Sargodha", "Larkana")
_TEMPLATES = (
    "Police fired tear gas at protesters in {place} on Tuesday, officials said.",
    "Gunmen attacked a police checkpoint in {place} on Monday, killing two officers, the district police chief said.",
    "Hundreds of traders marched through {place} on Friday to protest against new taxes, witnesses said.",
    "A roadside bomb exploded near a market in {place} on Wednesday, wounding four people, police said.",
)


def _articles() -> list[dict[str, str]]:
    return [{"id": f"report-{n:02d}", "published_at": f"2024-03-{1 + n:02d}",
             "text": _TEMPLATES[n % len(_TEMPLATES)].format(place=place)}
            for n, place in enumerate(_PLACES)]


def _write(path: Path, articles: list[dict[str, str]]) -> str:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return str(path)


def _ingester(url: str, path: str, barrier: multiprocessing.synchronize.Barrier) -> None:
    """One ingesting process: load the models first, so that both start writing at the same moment."""
    from frontwire.geo import get_gazetteer
    from frontwire.nlp import load_nlp

    settings = Settings(db=url, progress=False, batch_size=4)
    load_nlp(settings.spacy_model)
    get_gazetteer(settings.gazetteer_dir)
    barrier.wait(timeout=300)
    ingest([path], settings)


def _stored(url: str) -> tuple[dict[str, int], list[tuple[str, str]], list[tuple[str, int]]]:
    with open_store(url) as store:
        claims = store._execute("SELECT content_hash, claim_id FROM claims ORDER BY claim_id").fetchall()
        hashes = store._execute("SELECT doc_id, COUNT(*) FROM documents GROUP BY doc_id ORDER BY doc_id").fetchall()
        return store.counts(), [tuple(row) for row in claims], [tuple(row) for row in hashes]


def test_two_ingesters_at_once_store_each_document_and_claim_once(store_url, tmp_path):
    articles = _articles()
    shared, only_first, only_second = articles[:10], articles[10:13], articles[13:]
    # the shared articles first and in the same order in both, so both reach each one at the same moment
    first = _write(tmp_path / "first.jsonl", shared + only_first)
    second = _write(tmp_path / "second.jsonl", shared + only_second)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    workers = [context.Process(target=_ingester, args=(store_url, path, barrier)) for path in (first, second)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(600)
    assert [worker.exitcode for worker in workers] == [0, 0], "an ingester failed: see its traceback above"

    alone = str(tmp_path / "alone.db")  # the same articles, ingested by one process
    ingest([_write(tmp_path / "all.jsonl", articles)], Settings(db=alone, progress=False))
    counts, claims, per_document = _stored(store_url)
    expected_counts, expected_claims, _ = _stored(alone)
    assert per_document == [(a["id"], 1) for a in articles]  # each article stored once
    assert expected_claims, "the invented articles should give claims"
    assert claims == expected_claims  # each claim once, attached to its one document
    assert counts == expected_counts
    assert len({claim_id for _, claim_id in claims}) == len(claims)


def _stored_meanwhile(store_url: str, first: tuple[Any, list[Any]], second: tuple[Any, list[Any]]) -> list[object]:
    """The first writer stores ``first`` (a document and its claims) and, before it commits, another writer (its
    own connection, in its own thread) stores ``second``: what its ``save_document`` answered, or its error."""
    import threading
    import time

    outcome: list[object] = []

    def save_meanwhile() -> None:
        try:
            with open_store(store_url) as other:
                outcome.append(other.save_document(*second))
        except Exception as exc:  # noqa: BLE001 - the failure is what the test reports
            outcome.append(exc)

    with open_store(store_url) as store:
        with store.transaction():
            store._insert_document(*first)
            writer = threading.Thread(target=save_meanwhile)
            writer.start()
            time.sleep(1)  # the second writer now waits for the first's transaction, or has read what it holds
        writer.join(60)
    return outcome


def test_a_document_stored_meanwhile_by_another_writer_is_not_stored_again(store_url):
    """The narrow race the ingesters above rarely hit: the second writer looks for the document before the first
    commits it, then inserts it too. It must find it stored, not fail on the key (PostgreSQL) or store it twice."""
    from frontwire.records import Claim, Document

    document = Document(id="report-x", text="Police fired tear gas at protesters in Lahore on Tuesday.",
                        content_hash="5" * 64)
    claim = Claim(claim_id="report-x-1", doc_id="report-x", event_type="Protests", sub_event_type="Violent demonstration",
                  disorder_type="Demonstrations", event_date=None, date_start=None, date_end=None, time_precision=None)
    assert _stored_meanwhile(store_url, (document, [claim]), (document, [claim])) == [False]
    with open_store(store_url) as store:
        assert store.counts()["documents"] == 1 and store.counts()["claims"] == 1


def _at_once(open_one: Any, threads: int) -> list[object]:
    """What ``open_one()`` returns (or raises) in each of ``threads`` threads started together."""
    import threading

    barrier = threading.Barrier(threads)
    outcome: list[object] = []

    def run() -> None:
        barrier.wait(30)
        try:
            outcome.append(open_one())
        except Exception as exc:  # noqa: BLE001 - the failure is what the test reports
            outcome.append(exc)

    openers = [threading.Thread(target=run) for _ in range(threads)]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join(60)
    return outcome


def test_writers_opening_a_new_store_at_once_each_find_it_migrated(store_url):
    """Several processes starting on an empty store all migrate it: one applies each migration, the others wait
    and see it applied (two CREATE TABLEs at once failed on PostgreSQL; a stale list of done migrations on SQLite)."""

    def migrations() -> list[str]:
        with open_store(store_url) as store:
            return store.migrations()

    outcome = _at_once(migrations, 4)
    with open_store(store_url) as store:
        assert outcome == [store.migrations()] * 4


def test_sqlite_files_opened_new_by_several_writers_at_once_all_open(tmp_path):
    """Switching a new SQLite file to WAL answers 'database is locked' at once, without waiting, while another
    connection switches it (one ingester of two failed so); each opener waits its turn instead."""
    failures: list[object] = []
    for round_ in range(40):  # the race is narrow: one round in a dozen or so lost it before
        url = str(tmp_path / f"store-{round_}.db")
        outcome = _at_once(lambda url=url: open_store(url).close(), 6)
        failures += [o for o in outcome if isinstance(o, Exception)]
    assert failures == []


def test_two_versions_of_one_url_stored_at_once_get_two_version_numbers(store_url):
    """Another writer stores a new version of a page while the first is storing one: each gets its own number."""
    from frontwire.records import Document

    url = "https://news.example/2026/12/01/clashes"
    first_version = Document(id="a", url=url, text="Clashes were reported near the border on Monday.",
                             content_hash="6" * 64)
    second_version = Document(id="a", url=url, text="Clashes near the border left two soldiers dead on Monday.",
                              content_hash="7" * 64)
    assert _stored_meanwhile(store_url, (first_version, []), (second_version, [])) == [True]
    with open_store(store_url) as store:
        assert sorted(row["version"] for row in store.document_versions("a")) == [1, 2]
