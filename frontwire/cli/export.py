"""``frontwire export``: the ledger's merged events as ACLED's CSV, GeoJSON, Parquet or JSON lines, filtered."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from frontwire.cli.common import EXIT_OK, add_db_option, say
from frontwire.config import Settings
from frontwire.errors import UsageError
from frontwire.export import EXPORT_FORMATS, EventFilter, export_events
from frontwire.export.formats import BINARY_FORMATS, check_export_format
from frontwire.store import open_store
from frontwire.store.events import iter_event_records, refresh_events


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="write merged events as ACLED CSV, GeoJSON, Parquet or JSONL",
        description="Write the ledger's merged events, one row per event: 'acled' is ACLED's CSV export header "
                    "(names and order) followed by frontwire's columns (claims, independent sources, disputed, "
                    "claimants, evidence...); 'geojson' a FeatureCollection ([lon, lat]); 'parquet' the same "
                    "columns typed (dates as dates); 'jsonl' every field of every event.")
    add_db_option(parser)
    # Formats and numbers are checked by frontwire, not argparse, so that a bad value is one line on stderr.
    parser.add_argument("--format", default="acled", metavar="FORMAT",
                        help=f"one of {', '.join(EXPORT_FORMATS)} (default acled)")
    parser.add_argument("--out", metavar="FILE",
                        help="write to FILE (replaced only once the export is complete) instead of standard output; "
                             "Parquet to standard output only when it is redirected")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="events on or after DATE (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="events on or before DATE (YYYY-MM-DD)")
    parser.add_argument("--country", help="events in this country (its name, or ISO code: AZ, AZE)")
    parser.add_argument("--type", dest="event_type", metavar="TYPE", help="an ACLED event type or sub-event type")
    parser.add_argument("--text", metavar="WORDS", help="events whose notes, evidence, place or actors contain WORDS")
    parser.add_argument("--disputed", action="store_true", default=None, help="only events some claim disputes")
    parser.add_argument("--min-sources", metavar="N", help="only events with at least N independent sources")
    parser.add_argument("--actor", metavar="NAME", help="events whose actor1 or actor2 contains NAME")
    parser.add_argument("--claimant", metavar="NAME", help="events asserted by a claimant whose name contains NAME")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    fmt = check_export_format(args.format)
    where = EventFilter.parse(date_from=args.date_from, date_to=args.date_to, country=args.country,
                              event_type=args.event_type, text=args.text, disputed=args.disputed,
                              min_sources=args.min_sources, actor=args.actor, claimant=args.claimant)
    out = Path(args.out) if args.out else None
    if out is None and fmt in BINARY_FORMATS and sys.stdout.isatty():
        raise UsageError(f"{fmt} is binary and standard output is a terminal",
                         hint=f"pass --out FILE.{fmt}, or redirect standard output to a file")
    if out is not None and not out.parent.is_dir():
        raise UsageError(f"cannot write {out}: the folder {out.parent} does not exist", hint="create it first")
    with open_store(settings.db) as store:
        refresh_events(store)
        events = iter_event_records(store, where.to_query())  # filtered in SQL, streamed
        if out is None:
            stream = sys.stdout.buffer if fmt in BINARY_FORMATS else sys.stdout
            count = export_events(events, fmt, stream)
            stream.flush()
        else:
            count = _export_to_file(events, fmt, out)
    say(f"{count} event(s) exported as {fmt}" + (f" to {out}" if out else ""))
    return EXIT_OK


def _export_to_file(events: Iterable[dict], fmt: str, out: Path) -> int:
    """Write beside ``out`` first and rename when complete, so an interrupted export never leaves half a file
    where a reader expects a whole one."""
    partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
    try:
        count = export_events(events, fmt, partial)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return count
