"""``frontwire events``: query the ledger's merged events (each with every claim that supports it)."""

from __future__ import annotations

import argparse
import sys

from frontwire.cli.common import EXIT_OK, add_db_option
from frontwire.cli.ledger import load_events
from frontwire.config import Settings
from frontwire.export import FORMATS, write_records
from frontwire.ledger import event_to_dict
from frontwire.ledger.reading import is_current


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
    """Merged events from the store as SCHEMA.md dicts, filtered; the library call behind the command.

    Claims are merged first and events filtered after, so a filter never splits an event whose claims differ
    on the filtered field.
    """
    events = [event_to_dict(event) for event in load_events(settings) if is_current(event)]
    if date_from:
        events = [e for e in events if (e.get("date_end") or e.get("event_date") or "") >= date_from]
    if date_to:
        events = [e for e in events if (e.get("date_start") or e.get("event_date") or "9999") <= date_to]
    if country:
        events = [e for e in events if (e.get("country") or "").lower() == country.lower()]
    if event_type:
        wanted = event_type.lower()
        events = [e for e in events if wanted in ((e.get("event_type") or "").lower(),
                                                  (e.get("sub_event_type") or "").lower())]
    if text:
        needle = text.lower()
        events = [e for e in events if needle in _searchable(e)]
    return events


def _searchable(event: dict) -> str:
    parts = [event.get(k) or "" for k in ("notes", "location", "admin1", "actor1", "actor2", "claimed_by")]
    parts += [span.get("text", "") for claim in event.get("claims", []) for span in claim.get("evidence", [])]
    return " ".join(str(p) for p in parts).lower()


def run(args: argparse.Namespace, settings: Settings) -> int:
    events = query_events(settings, date_from=args.date_from, date_to=args.date_to, country=args.country,
                          event_type=args.event_type, text=args.text)
    write_records(events, sys.stdout, args.format)
    return EXIT_OK
