"""Digests of the events the pipeline codes from the development corpora, one per article, to show that a change
meant only to make the pipeline faster codes exactly the same events (claim ids, evidence offsets and all).

``scripts/record_event_digests.py`` records them in ``tests/data/event_digests.json``; a test runs the pipeline
again and compares. The digests are hashes: no article text is kept.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from frontwire.config import Settings
from frontwire.evaluate.acled import publication_date, read_rows
from frontwire.ingest import iter_raw_documents
from frontwire.pipeline import Pipeline
from frontwire.records import RawDocument


def news_articles(folder: Path, settings: Settings) -> Iterator[RawDocument]:
    """The articles of a folder (or file) as ``frontwire extract`` reads them."""
    for item in iter_raw_documents([str(folder)], settings):
        if isinstance(item, RawDocument):
            yield item


def acled_notes(paths: Iterable[Path]) -> Iterator[RawDocument]:
    """The notes of ACLED CSV files as articles, dated and sourced as the ACLED evaluation reads them."""
    for row in read_rows(list(paths)):
        yield RawDocument(id=f"acled-{row.row_id}", text=row.notes, origin=f"{row.file}:{row.row_id}",
                          published_at=publication_date(row), source=row.source,
                          countries=(row.country,) if row.country else ())


def event_digests(raws: Iterable[RawDocument], settings: Settings) -> dict[str, str]:
    """For each article, a digest of every claim the shipped pipeline codes from it (or of its failure)."""
    out: dict[str, str] = {}
    for result in Pipeline(settings).run(raws):
        document = result.document
        key = document.id if document is not None and document.id else (result.failure.doc_id if result.failure
                                                                          else None)
        if key is None:
            continue
        coded = {"claims": [claim.to_dict() for claim in result.claims],
                 "failure": result.failure.reason if result.failure else None}
        out[key] = hashlib.sha256(json.dumps(coded, sort_keys=True, default=str).encode()).hexdigest()[:20]
    return out


def differences(recorded: dict[str, str], now: dict[str, str]) -> list[str]:
    """The articles whose events differ, are new or are gone, one line each."""
    lines = [f"{key}: events differ" for key in sorted(recorded.keys() & now.keys()) if recorded[key] != now[key]]
    lines += [f"{key}: not coded before" for key in sorted(now.keys() - recorded.keys())]
    lines += [f"{key}: no longer coded" for key in sorted(recorded.keys() - now.keys())]
    return lines
