"""``frontwire gazetteer import PATH... [--into DIR]``: extend the gazetteer with GeoNames or WOF dumps."""

from __future__ import annotations

import argparse
import sys

from frontwire.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, say
from frontwire.config import Settings
from frontwire.errors import GazetteerError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gazetteer", help="manage the gazetteer (import GeoNames / Who's On First dumps)",
        description="frontwire ships a gazetteer (GeoNames cities500, GeoNames admin units, Who's On First "
                    "villages of Azerbaijan and Armenia). 'import' adds your own dumps; they are merged at load.")
    sub = parser.add_subparsers(dest="gazetteer_command", metavar="SUBCOMMAND")
    imp = sub.add_parser(
        "import", help="import GeoNames or Who's On First dumps",
        description="Import GeoNames country or allCountries dumps (the 19-column format, .txt or .zip; add "
                    "alternateNamesV2.txt beside its dump for more spellings) and Who's On First exports "
                    "(TSV/CSV with the wof_id ... names_other columns, or GeoJSON). A malformed file is refused "
                    "with its line number and nothing is imported.",
        epilog="The import directory is --into, else the gazetteer_dir setting ($FRONTWIRE_GAZETTEER_DIR), "
               "else ~/.local/share/frontwire/gazetteer.")
    imp.add_argument("paths", nargs="+", metavar="PATH", help="GeoNames dumps, alternateNames files, WOF exports")
    imp.add_argument("--into", metavar="DIR", help="the import directory (default: see below)")
    parser.set_defaults(func=run, _gazetteer_parser=parser)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``frontwire gazetteer``; returns the exit code (0 ok, 1 a file was refused, 2 usage)."""
    from frontwire.geo.gazetteer import default_extra_dir
    from frontwire.geo.importer import import_gazetteer

    if getattr(args, "gazetteer_command", None) != "import":
        args._gazetteer_parser.print_help(sys.stderr)
        return EXIT_USAGE
    into = args.into or settings.gazetteer_dir or default_extra_dir()
    try:
        report = import_gazetteer(args.paths, into)
    except GazetteerError as exc:
        say(str(exc))
        return EXIT_FAILURE
    say(f"imported: {report.summary()}")
    return EXIT_OK
