"""``frontwire eval``: score extraction against gold and fail when a score crosses its recorded bound."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from frontwire.cli.common import EXIT_FAILURE, EXIT_OK, say
from frontwire.config import Settings
from frontwire.errors import UsageError
from frontwire.evaluate import check_floors, load_floors
from frontwire.evaluate.gate import FLOORS_PATH, Bound

Floors = dict[str, dict[str, Bound]]
Output = dict[str, dict[str, float]]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval", help="score extraction against gold files, with a quality gate",
        description="Score frontwire against gold. One JSON gold file in the form of shared/gold/seed.json is "
                    "scored alone, field by field (gate: the 'seed' floors); a folder of them, or several, is "
                    "scored as a set of news articles, with a table per article and the totals (gate: 'news'). "
                    "ACLED CSV exports: each row's notes is the document, its coded fields the answer, "
                    "cross-validated (gate: 'acled'). --negatives counts the events coded from articles where "
                    "none should be (gate: 'negatives'); --unlabeled draws events to read against articles with "
                    "no gold. "
                    "Exits 1 when a score is on the wrong side of its bound in floors.json. Each stage's "
                    "development score runs on its own: python -m frontwire.evaluate.places (geo), "
                    ".dates, .extraction (extract on ACLED notes), .feed (a general wire feed).")
    parser.add_argument("gold", nargs="*", metavar="GOLD",
                        help="gold .json file(s) or folders of them, or ACLED .csv file(s)")
    parser.add_argument("-v", "--verbose", dest="details", action="store_true",
                        help="for a set of gold articles: each article's misses, wrong fields and spurious events "
                             "with their evidence")
    parser.add_argument("--negatives", nargs="+", type=Path, default=[], metavar="FILE",
                        help="articles where nothing should be coded (JSONL, .jsonl.gz, folders): events in all, "
                             "per article (gate: 'negatives'), and each offending article with its events")
    parser.add_argument("--unlabeled", nargs="+", type=Path, default=[], metavar="FILE",
                        help="articles with no gold: events per article, and --sample events drawn at random "
                             "to read against their articles")
    parser.add_argument("--sample", type=int, default=40, metavar="N",
                        help="how many --unlabeled events to draw (default 40)")
    parser.add_argument("--seed", type=int, default=0, metavar="S",
                        help="the random draw's seed: the same seed draws the same events (default 0)")
    parser.add_argument("--floors", type=Path, default=FLOORS_PATH, help="floors file (default: the packaged one)")
    parser.add_argument("--no-gate", action="store_true", help="print scores only; never fail on a bound")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds for ACLED gold (default 5)")
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N ACLED notes (no gate)")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from frontwire.evaluate.gold import gold_files

    if not (args.gold or args.negatives or args.unlabeled):
        raise UsageError("nothing to score",
                         hint="name gold files or folders, --negatives or --unlabeled (frontwire eval --help)")
    paths = [Path(p) for p in args.gold]
    # a folder of ACLED exports stands for its CSVs, any other folder for the gold files in it
    acled_folders = [p for p in paths if p.is_dir() and not any(p.rglob("*.json")) and any(p.glob("*.csv"))]
    csvs = [p for p in paths if p.suffix.lower() == ".csv"] + [c for p in acled_folders for c in sorted(p.glob("*.csv"))]
    named = [p for p in paths if p.suffix.lower() != ".csv" and p not in acled_folders]
    golds = gold_files(named)
    floors = load_floors(args.floors)
    problems: list[str] = []
    output: Output = {}
    if len(golds) == 1 and named == golds:
        problems += _seed(golds[0], settings, floors, output, args)
    elif golds:
        problems += _news(golds, settings, floors, output, args)
    if csvs:
        problems += _acled(csvs, settings, floors, output, args)
    if args.negatives:
        problems += _negatives(args.negatives, settings, floors, output, args)
    if args.unlabeled:
        _unlabeled(args.unlabeled, settings, output, args)
    if args.json:
        json.dump(output, sys.stdout, indent=1, sort_keys=True)
        print()
    if args.no_gate:
        return EXIT_OK
    for line in problems:
        say(f"gate: {line}")
    if problems:
        return EXIT_FAILURE
    say("every score is within its bound")
    return EXIT_OK


def _seed(path: Path, settings: Settings, floors: Floors, output: Output, args: argparse.Namespace
                     ) -> list[str]:
    from frontwire.evaluate.seed import evaluate_seed

    report = evaluate_seed(path, settings)
    output[str(path)] = report.scores
    if not args.json:
        _print(f"== {path}", report.scores, report.lines)
    return check_floors("seed", report.scores, floors)


def _news(paths: list[Path], settings: Settings, floors: Floors, output: Output, args: argparse.Namespace
                            ) -> list[str]:
    from frontwire.evaluate.news import evaluate_news

    report = evaluate_news(paths, settings)
    output["news"] = report.scores
    if not args.json:
        print(f"== {len(paths)} gold articles")
        for line in report.lines:
            print(f"  {line}")
        if args.details:
            print()
            for line in report.details:
                print(line)
    return check_floors("news", report.scores, floors)


def _acled(paths: list[Path], settings: Settings, floors: Floors, output: Output, args: argparse.Namespace
                             ) -> list[str]:
    from frontwire.evaluate.acled import evaluate_acled

    acled = evaluate_acled(paths, settings, folds=args.folds, limit=args.limit)
    output["acled"] = acled.scores
    if not args.json:
        _print(f"== ACLED notes: {', '.join(str(p) for p in paths)}", acled.scores, acled.lines)
    return [] if args.limit else check_floors("acled", acled.scores, floors)


def _negatives(paths: list[Path], settings: Settings, floors: Floors, output: Output, args: argparse.Namespace
               ) -> list[str]:
    from frontwire.evaluate.negatives import evaluate_negatives

    report = evaluate_negatives(paths, settings)
    output["negatives"] = report.scores
    if not args.json:
        _print(f"== negatives: {', '.join(str(p) for p in paths)}", {}, report.lines)
    return check_floors("negatives", report.scores, floors)


def _unlabeled(paths: list[Path], settings: Settings, output: Output, args: argparse.Namespace) -> None:
    from frontwire.evaluate.unlabeled import evaluate_unlabeled

    report = evaluate_unlabeled(paths, settings, sample=args.sample, seed=args.seed)
    output["unlabeled"] = report.scores
    if not args.json:
        _print(f"== unlabeled: {', '.join(str(p) for p in paths)}", {}, report.lines)


def _print(title: str, scores: dict[str, float], lines: list[str]) -> None:
    print(title)
    for name, value in sorted(scores.items()):
        print(f"  {name:<34} {value:7.3f}")
    for line in lines:
        print(f"  {line}")
