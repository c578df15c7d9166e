"""What every command shares: --db, input and engine options, logging to standard error, exit codes."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from frontwire.engine import EngineOptions

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL",
                        help="SQLite file path or postgresql:// URL (default: $FRONTWIRE_DB, else ./frontwire.db)")


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help=".txt, .html, .jsonl, .jsonl.gz, .warc or .warc.gz files, folders (recursively), or - for JSONL "
                             "on standard input")
    parser.add_argument("--examples", action="store_true",
                        help="also read the example reports bundled with frontwire")
    parser.add_argument("--published", metavar="DATE",
                        help="publication date (YYYY-MM-DD) for plain files that lack one")
    parser.add_argument("--source", metavar="NAME", help="the outlet, for plain files that lack one")
    parser.add_argument("--country", metavar="NAME", action="append", default=[],
                        help="a country the feed covers (name or ISO code; repeat for several): places and "
                             "actors are read there unless the text says otherwise; a JSONL line's "
                             "'country' wins")
    parser.add_argument("--max-bytes", type=int, metavar="N",
                        help="refuse input files larger than N bytes (default 20,000,000; $FRONTWIRE_MAX_INPUT_BYTES)")


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=int, metavar="N",
                        help=f"code in N worker processes (default: one per core, {os.cpu_count() or 1} here; 1: in "
                             "this process); with --engine dask and no --scheduler, the local cluster's processes")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local: worker processes on this machine (default); dask: tasks on a Dask cluster "
                             "(pip install 'frontwire[cluster]')")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask, the scheduler to use (tcp://HOST:8786); without it a local "
                             "cluster is started")


def engine_options(args: argparse.Namespace) -> EngineOptions:
    """``--workers``, ``--engine`` and ``--scheduler`` as ``EngineOptions``; a bad combination is a ``UsageError``."""
    from frontwire.engine import EngineOptions, default_workers

    workers = args.workers if args.workers is not None else default_workers()
    return EngineOptions(engine=args.engine, workers=workers, scheduler=args.scheduler)


def input_paths(args: argparse.Namespace) -> list[str]:
    from frontwire.config import DATA_DIR

    paths = list(args.paths)
    if args.examples:
        paths.append(str(DATA_DIR / "examples"))
    return paths


def input_countries(args: argparse.Namespace) -> tuple[str, ...]:
    """``--country`` values as frontwire spells them; an unknown one is a ``UsageError``."""
    from frontwire.clean import feed_countries
    from frontwire.errors import MalformedInput, UsageError

    try:
        return feed_countries(tuple(args.country), "--country")
    except MalformedInput as exc:
        raise UsageError(exc.message, hint=exc.hint) from exc


def setup_logging(verbosity: int) -> None:
    level = logging.WARNING - 10 * verbosity
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("frontwire: %(message)s"))
    root = logging.getLogger("frontwire")
    root.handlers[:] = [handler]
    root.setLevel(max(logging.DEBUG, min(logging.ERROR, level)))
    root.propagate = False


def say(message: str) -> None:
    """One line on standard error: what happened and, for problems, what to do."""
    print(f"frontwire: {message}", file=sys.stderr, flush=True)
