"""Score extraction (the extract stage alone) on ACLED's own notes: each note a short report, its row the answer.

    python -m frontwire.evaluate.extraction [ACLED_CSV ...] [--folds 5] [--no-coder-remarks]

Cross-validated: the classifier is trained on the other folds for every note it types (folds by row id,
``acled.fold_of``, as the whole-pipeline ACLED score), so no note is scored by a model that saw it. Prints the
main event's sub-event type accuracy (overall and averaged over types), per-type scores, the main confusions,
actor1's country (the coder's actor read by ``acled.actor_country``), the interaction code, and fatalities on
rows that carry them. ``--no-coder-remarks`` strips the coder's own remarks ("Fatalities coded as 0 (VoJ
reported 3)") from the notes first, to show what the rules read from the report alone. The floors are the
``extraction`` kind of ``floors.json`` (``<file stem>.<score>``, remarks stripped).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from frontwire.evaluate.acled import ACLED_DIR, GoldRow, acled_files, fold_of, read_rows

_REMARK = re.compile(r"\s*(?:Fatalities (?:are |were )?(?:coded as|split)[^.]*(?:\.[^.]*\))?\.?|\[[^\]]*\])")


def score(rows: list[GoldRow], *, folds: int = 5, strip_remarks: bool = False, out: TextIO = sys.stdout
          ) -> dict[str, float]:
    """Run the cross-validated evaluation over ``rows`` and print the report; returns the headline numbers."""
    from frontwire.extract import extract_frames, train_classifier
    from frontwire.nlp import parse
    from frontwire.records import Document

    texts = [_REMARK.sub("", r.notes).strip() if strip_remarks else r.notes for r in rows]
    docs = list(parse(texts, batch_size=64))
    predictions: list[tuple[str | None, str | None, int | None, int]] = [(None, None, None, 0)] * len(rows)
    for k in range(folds):
        test = [i for i, r in enumerate(rows) if fold_of(r.row_id, folds) == k]
        if not test:
            continue
        train = [i for i, r in enumerate(rows) if fold_of(r.row_id, folds) != k]
        clf = train_classifier([texts[i] for i in train], [rows[i].sub_event_type for i in train])
        for i in test:
            document = Document(id=rows[i].row_id, text=texts[i], source=rows[i].source)
            frames = extract_frames(document, docs[i], classifier=clf)
            main = frames[0] if frames else None
            predictions[i] = (main.sub_event_type if main else None, main.actor1_country if main else None,
                              main.fatalities if main else None, main.interaction if main else 0)
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    confusions: Counter[tuple[str, str | None]] = Counter()
    actor_ok = actor_n = fat_ok = fat_n = inter_ok = 0
    for row, (sub, country, fatalities, inter) in zip(rows, predictions, strict=True):
        inter_ok += inter == row.interaction
        total[row.sub_event_type] += 1
        if sub == row.sub_event_type:
            right[row.sub_event_type] += 1
        else:
            confusions[(row.sub_event_type, sub)] += 1
        if row.actor1:
            actor_n += 1
            actor_ok += row.actor1_country == country
        if row.fatalities is not None:
            fat_n += 1
            fat_ok += row.fatalities == (fatalities or 0)
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
    return {"sub_event_type": accuracy, "sub_event_type_macro": macro, "actor1_country": actor_ok / max(1, actor_n),
            "fatalities": fat_ok / fat_n if fat_n else float("nan")}


def gate_scores(path: Path, result: dict[str, float]) -> dict[str, float]:
    """One file's figures by the names the ``extraction`` floors use."""
    return {f"{path.stem}.{name}": value for name, value in result.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score frontwire's extraction on ACLED notes (cross-validated)")
    parser.add_argument("csv", nargs="*", type=Path, help=f"ACLED CSV exports (default: {ACLED_DIR})")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-coder-remarks", action="store_true")
    args = parser.parse_args(argv)
    paths = acled_files(args.csv)
    if not paths:
        print(f"no ACLED CSV given and none found in {ACLED_DIR}", file=sys.stderr)
        return 2
    rows = read_rows(paths)
    results = score(rows, folds=args.folds, strip_remarks=args.no_coder_remarks)
    with_fatalities = [r for r in rows if r.fatalities is not None]
    if with_fatalities and len(with_fatalities) != len(rows):
        print("\n-- rows with fatalities only --")
        score(with_fatalities, folds=args.folds, strip_remarks=args.no_coder_remarks)
    return 0 if results["sub_event_type"] > 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
