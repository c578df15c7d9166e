"""``frontwire extract``: print the events coded from articles (nothing is stored)."""

from __future__ import annotations

import argparse
import sys

from frontwire.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    add_engine_options,
    add_input_options,
    engine_options,
    input_countries,
    input_paths,
    say,
)
from frontwire.config import Settings
from frontwire.engine import open_engine
from frontwire.export import FORMATS, write_records
from frontwire.ingest import iter_raw_documents


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract", help="print the events coded from articles (stores nothing)",
        description="Clean, parse and code each article and print its events (SCHEMA.md records) on standard output.")
    add_input_options(parser)
    add_engine_options(parser)
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    parser.add_argument("--with-documents", action="store_true",
                        help='with --format jsonl, print a {"document": ...} line before each document\'s events')
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    paths = input_paths(args)
    if not paths:
        say("extract needs at least one PATH (or - for standard input, or --examples)")
        return EXIT_USAGE
    failed = 0
    records: list[dict] = []
    out = sys.stdout
    countries = input_countries(args)
    items = iter_raw_documents(paths, settings, published=args.published, source=args.source, countries=countries)
    with open_engine(settings, engine_options(args)) as coder:
        for result in coder.run(items):
            if result.failure:
                failed += 1
                say(result.failure.reason)
            if args.format == "jsonl":
                if args.with_documents and result.document is not None:
                    write_records([{"document": result.document.to_dict()}], out, "jsonl")
                write_records((c.to_dict() for c in result.claims), out, "jsonl")
                out.flush()
            else:
                records.extend(c.to_dict() for c in result.claims)
    if args.format != "jsonl":
        write_records(records, out, args.format)
    return EXIT_FAILURE if failed else EXIT_OK
