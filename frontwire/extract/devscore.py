"""Score extraction on ACLED's own notes: each note is a short report, the coded row beside it the answer.

    python -m frontwire.extract.devscore [ACLED_CSV ...] [--folds 5] [--no-coder-remarks]

Cross-validated: the classifier is trained on the other folds for every note it types, so no note is scored
by a model that saw it. Prints the main event's sub-event type accuracy (overall and averaged over types),
per-type scores, the main confusions, actor1's country, and fatalities on rows that carry them.
``--no-coder-remarks`` strips the coder's own remarks ("Fatalities coded as 0 (VoJ reported 3)") from the
notes first, to show what the rules read from the report alone.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "gold" / "acled"
_REMARK = re.compile(r"\s*(?:Fatalities (?:are |were )?(?:coded as|split)[^.]*(?:\.[^.]*\))?\.?|\[[^\]]*\])")


def read_rows(paths: list[Path]) -> list[dict[str, str]]:
    """Every row of the ACLED CSVs, with the file it came from."""
    rows = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                row["_file"] = path.name
                rows.append(row)
    return rows


def _folds(n: int, k: int, seed: int = 0) -> list[list[int]]:
    import random

    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def score(rows: list[dict[str, str]], *, folds: int = 5, strip_remarks: bool = False, out=sys.stdout) -> dict[str, float]:
    """Run the cross-validated evaluation over ``rows`` and print the report; returns the headline numbers."""
    from frontwire.extract import extract_frames, train_classifier
    from frontwire.extract.actors import actor_country
    from frontwire.nlp import parse
    from frontwire.records import Document

    texts = [_REMARK.sub("", r["notes"]).strip() if strip_remarks else r["notes"] for r in rows]
    labels = [r["sub_event_type"] for r in rows]
    docs = list(parse(texts, batch_size=64))
    predictions: list[tuple[str | None, str | None, int | None, int]] = [(None, None, None, 0)] * len(rows)
    for test in _folds(len(rows), folds):
        held = set(test)
        train = [i for i in range(len(rows)) if i not in held]
        clf = train_classifier([texts[i] for i in train], [labels[i] for i in train])
        for i in test:
            document = Document(id=rows[i].get("event_id_cnty", str(i)), text=texts[i],
                                source=rows[i].get("source") or None)
            frames = extract_frames(document, docs[i], classifier=clf)
            main = frames[0] if frames else None
            predictions[i] = (main.sub_event_type if main else None, main.actor1_country if main else None,
                              main.fatalities if main else None, main.interaction if main else 0)
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    confusions: Counter[tuple[str, str | None]] = Counter()
    actor_ok = actor_n = fat_ok = fat_n = inter_ok = 0
    for row, (sub, country, fatalities, inter) in zip(rows, predictions, strict=True):
        inter_ok += str(inter) == row.get("interaction", "").strip()
        gold = row["sub_event_type"]
        total[gold] += 1
        if sub == gold:
            right[gold] += 1
        else:
            confusions[(gold, sub)] += 1
        gold_country = actor_country(row["actor1"])
        if row["actor1"]:
            actor_n += 1
            actor_ok += gold_country == country
        if row.get("fatalities", "") != "":
            fat_n += 1
            fat_ok += int(row["fatalities"]) == (fatalities or 0)
    accuracy = sum(right.values()) / max(1, len(rows))
    macro = sum(right[t] / total[t] for t in total) / max(1, len(total))
    print(f"notes: {len(rows)}  folds: {folds}  coder remarks stripped: {strip_remarks}", file=out)
    print(f"sub_event_type accuracy: {accuracy:.4f}", file=out)
    print(f"sub_event_type averaged over {len(total)} types: {macro:.4f}", file=out)
    print(f"actor1 country: {actor_ok / max(1, actor_n):.4f} ({actor_n} rows)", file=out)
    print(f"interaction code: {inter_ok / max(1, len(rows)):.4f}", file=out)
    if fat_n:
        print(f"fatalities exact: {fat_ok / fat_n:.4f} ({fat_n} rows)", file=out)
    print("per type (right/total):", file=out)
    for t, n in total.most_common():
        print(f"  {right[t]:5d}/{n:<5d} {right[t] / n:6.3f}  {t}", file=out)
    print("main confusions (gold -> predicted):", file=out)
    for (gold, pred), n in confusions.most_common(15):
        print(f"  {n:4d}  {gold} -> {pred}", file=out)
    return {"accuracy": accuracy, "macro": macro, "actor1_country": actor_ok / max(1, actor_n),
            "fatalities": fat_ok / fat_n if fat_n else float("nan")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv", nargs="*", type=Path, help="ACLED CSV files (default: the shared dev files)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-coder-remarks", action="store_true")
    args = parser.parse_args(argv)
    paths = args.csv or sorted(DEFAULT_DIR.glob("*.csv"))
    if not paths:
        print(f"no ACLED CSV given and none found in {DEFAULT_DIR}", file=sys.stderr)
        return 2
    rows = read_rows(paths)
    results = score(rows, folds=args.folds, strip_remarks=args.no_coder_remarks)
    afg = [r for r in rows if r.get("fatalities", "") != ""]
    if afg and len(afg) != len(rows):
        print("\n-- rows with fatalities only --")
        score(afg, folds=args.folds, strip_remarks=args.no_coder_remarks)
    return 0 if results["accuracy"] > 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
