"""Build the packaged sub-event classifier from ACLED's coded notes.

    python scripts/train_classifier.py [ACLED_CSV ...] [--out frontwire/data/models/subevent.joblib]

Reads the notes and their sub-event types (default: the shared development files), fits
``frontwire.extract.train_classifier`` (fixed seed, so the same data gives the same model) and writes it
with joblib. The notes themselves are not stored, only the model's vocabulary and weights.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from frontwire.extract.classifier import MODEL_PATH, train_classifier  # noqa: E402

DEFAULT_DIR = REPO / ".." / "shared" / "data" / "gold" / "acled"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="train the packaged sub-event classifier")
    parser.add_argument("csv", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    paths = args.csv or sorted(DEFAULT_DIR.glob("*.csv"))
    if not paths:
        print(f"no ACLED CSV given and none found in {DEFAULT_DIR}", file=sys.stderr)
        return 2
    texts: list[str] = []
    labels: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row.get("notes") and row.get("sub_event_type"):
                    texts.append(row["notes"])
                    labels.append(row["sub_event_type"])
    model = train_classifier(texts, labels)
    out = model.save(args.out)
    print(f"trained on {len(texts)} notes, {len(model.labels)} sub-event types -> {out} "
          f"({out.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
