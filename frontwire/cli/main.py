"""The ``frontwire`` command: one module per subcommand, each parsing its arguments and calling a library function.

Exit codes: 0 ok, 1 failure (some input could not be processed, a score fell below its floor), 2 usage,
130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from frontwire import __version__
from frontwire.cli import bench, evaluate, events, export, extract, gazetteer, ingest, ledger, serve, watch
from frontwire.cli.common import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_USAGE, say, setup_logging
from frontwire.config import Settings
from frontwire.errors import FrontwireError, UsageError
from frontwire.reference import use_reference_dir

COMMANDS = (extract, ingest, watch, events, export, ledger, evaluate, bench, gazetteer, serve)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontwire",
        description="Turn conflict news into a sourced, geolocated, de-duplicated ledger of ACLED-coded events.",
        epilog="Run 'frontwire COMMAND --help' for a command's options. Quick start: "
               "frontwire ingest --examples && frontwire events",
    )
    parser.add_argument("--version", action="version", version=f"frontwire {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="say more on standard error")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only warnings and errors")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(args.verbose)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        settings = Settings.load(
            db=getattr(args, "db", None) or os.environ.get("FRONTWIRE_DB"),
            max_input_bytes=getattr(args, "max_bytes", None),
            progress=False if args.quiet else None,
        )
        use_reference_dir(settings.reference_dir)
        return int(args.func(args, settings))
    except UsageError as exc:
        say(str(exc))
        return EXIT_USAGE
    except FrontwireError as exc:
        say(str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        say("interrupted; every document stored so far is complete: run the same command again to finish")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader (head, less) went away: not an error of ours
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
