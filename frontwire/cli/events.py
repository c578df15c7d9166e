"""``frontwire events``: query the ledger's merged events (each with every claim that supports it)."""

from __future__ import annotations

import argparse
import sys

from frontwire.cli.common import EXIT_OK, add_db_option
from frontwire.config import Settings
from frontwire.export import FORMATS, write_records
from frontwire.store import open_store
from frontwire.store.events import EventQuery, iter_event_records, refresh_events


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "events", help="list merged events from the store",
        description="Merge the stored claims into events (the same happening reported by several documents is one "
                    "event holding all its claims) and print them, filtered.")
    add_db_option(parser)
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="events on or after DATE (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="events on or before DATE (YYYY-MM-DD)")
    parser.add_argument("--country", help="events in this country")
    parser.add_argument("--type", dest="event_type", metavar="TYPE", help="an ACLED event type or sub-event type")
    parser.add_argument("--text", metavar="WORDS", help="events whose notes, evidence, place or actors contain WORDS")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default table)")
    parser.set_defaults(func=run)


def query_events(settings: Settings, *, date_from: str | None = None, date_to: str | None = None,
                 country: str | None = None, event_type: str | None = None, text: str | None = None) -> list[dict]:
    """Merged events from the store as SCHEMA.md dicts, filtered, oldest first; the library call behind the command.

    Claims are merged first and events filtered after, so a filter never splits an event whose claims differ
    on the filtered field. The store keeps the merged events; they are re-merged first if anything changed.
    """
    query = EventQuery(date_from=date_from, date_to=date_to, country=country, event_type=event_type, text=text)
    with open_store(settings.db) as store:
        refresh_events(store)
        return list(iter_event_records(store, query))


def run(args: argparse.Namespace, settings: Settings) -> int:
    events = query_events(settings, date_from=args.date_from, date_to=args.date_to, country=args.country,
                          event_type=args.event_type, text=args.text)
    write_records(events, sys.stdout, args.format)
    return EXIT_OK
