"""``frontwire eval``: score extraction against gold and fail when a score falls below its recorded floor."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from frontwire.cli.common import EXIT_FAILURE, EXIT_OK, say
from frontwire.config import Settings
from frontwire.evaluate import check_floors, load_floors
from frontwire.evaluate.gate import FLOORS_PATH


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval", help="score extraction against gold files, with a quality gate",
        description="Score frontwire against gold: a JSON gold file in the form of shared/gold/seed.json, or "
                    "ACLED CSV exports (each row's notes is the document, its coded fields the answer; "
                    "cross-validated). Prints per-field scores and exits 1 when one is below its floor.")
    parser.add_argument("gold", nargs="+", metavar="GOLD", help="gold .json file(s) or ACLED .csv file(s)")
    parser.add_argument("--floors", type=Path, default=FLOORS_PATH, help="floors file (default: the packaged one)")
    parser.add_argument("--no-gate", action="store_true", help="print scores only; never fail on a floor")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds for ACLED gold (default 5)")
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N ACLED notes (no gate)")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from frontwire.evaluate.acled import evaluate_acled
    from frontwire.evaluate.seed import evaluate_seed

    paths = [Path(p) for p in args.gold]
    csvs = [p for p in paths if p.suffix.lower() == ".csv"]
    jsons = [p for p in paths if p.suffix.lower() != ".csv"]
    floors = load_floors(args.floors)
    problems: list[str] = []
    output: dict[str, dict[str, float]] = {}
    for path in jsons:
        report = evaluate_seed(path, settings)
        output[str(path)] = report.scores
        problems += check_floors("seed", report.scores, floors)
        if not args.json:
            _print(f"== {path}", report.scores, report.lines)
    if csvs:
        acled = evaluate_acled(csvs, settings, folds=args.folds, limit=args.limit)
        output["acled"] = acled.scores
        if not args.limit:
            problems += check_floors("acled", acled.scores, floors)
        if not args.json:
            _print(f"== ACLED notes: {', '.join(str(p) for p in csvs)}", acled.scores, acled.lines)
    if args.json:
        json.dump(output, sys.stdout, indent=1, sort_keys=True)
        print()
    if args.no_gate:
        return EXIT_OK
    for line in problems:
        say(f"below the floor: {line}")
    if problems:
        return EXIT_FAILURE
    say("every score is at or above its floor")
    return EXIT_OK


def _print(title: str, scores: dict[str, float], lines: list[str]) -> None:
    print(title)
    for name, value in sorted(scores.items()):
        print(f"  {name:<34} {value:7.3f}")
    for line in lines:
        print(f"  {line}")
