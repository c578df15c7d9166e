"""``frontwire ingest``: code articles and keep documents, claims and failures in the store."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from frontwire.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    add_db_option,
    add_engine_options,
    add_input_options,
    engine_options,
    input_countries,
    input_paths,
    say,
)
from frontwire.config import Settings
from frontwire.engine import EngineOptions, open_engine
from frontwire.ingest import iter_raw_documents
from frontwire.pipeline import Result
from frontwire.store import Store, open_store
from frontwire.store.events import refresh_events


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest", help="code articles into the store",
        description="Clean, parse and code each article and store the document, its claims, and any failure. "
                    "Each document is stored in one transaction: an interrupted run, run again, finishes the job; "
                    "the same input twice changes nothing.")
    add_input_options(parser)
    add_engine_options(parser)
    add_db_option(parser)
    parser.set_defaults(func=run)


@dataclass(slots=True)
class IngestSummary:
    stored: int = 0
    already: int = 0
    failed: int = 0
    claims: int = 0


def ingest(paths: list[str], settings: Settings, *, published: str | None = None, source: str | None = None,
           countries: tuple[str, ...] = (), progress: bool = False, engine: EngineOptions | None = None
           ) -> IngestSummary:
    """Ingest ``paths`` into ``settings.db``, then bring the store's merged events up to date; the library call
    behind the command. ``engine`` says where the documents are coded (default: in this process); they are stored
    here, in input order, whatever it says."""
    summary = IngestSummary()
    with open_store(settings.db) as store:
        items = iter_raw_documents(paths, settings, published=published, source=source, countries=countries)
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(unit=" docs", file=sys.stderr, disable=None, desc="ingest")

        def already_stored(content_hash: str) -> bool:
            if store.has_document(content_hash):
                summary.already += 1
                if bar is not None:
                    bar.update(1)
                return True
            return False

        try:
            with open_engine(settings, engine) as coder:  # its workers are gone before the merge below
                for result in coder.run(items, skip=already_stored):
                    if result.failure:
                        summary.failed += 1
                        say(result.failure.reason)
                    if store_result(store, result):
                        summary.stored += 1
                        summary.claims += len(result.claims)
                    elif result.document is not None:
                        summary.already += 1
                    if bar is not None:
                        bar.update(1)
        finally:
            if bar is not None:
                bar.close()
        refresh_events(store)
    return summary


def store_result(store: Store, result: Result) -> bool:
    """Keep what the pipeline made of one input: its failure, if any, and its document with its claims. Return
    whether the document was new to the store."""
    if result.failure:
        store.record_failure(result.failure)
    return result.document is not None and store.save_document(result.document, result.claims)


def run(args: argparse.Namespace, settings: Settings) -> int:
    paths = input_paths(args)
    if not paths:
        say("ingest needs at least one PATH (or - for standard input, or --examples)")
        return EXIT_USAGE
    summary = ingest(paths, settings, published=args.published, source=args.source,
                     countries=input_countries(args), progress=settings.progress, engine=engine_options(args))
    say(f"{summary.stored} document(s) stored with {summary.claims} claim(s), {summary.already} already in the "
        f"store, {summary.failed} failed ({settings.db})")
    return EXIT_FAILURE if summary.failed else EXIT_OK
