"""Build the packaged sub-event classifier from ACLED's coded notes, and its build manifest.

    python scripts/train_classifier.py [ACLED_CSV ...] [--out frontwire/data/models/subevent.joblib]

Reads the notes and their sub-event types (default: every CSV of the shared development data), fits
``frontwire.extract.train_classifier`` (fixed seed, so the same data gives the same bytes) and writes it with
joblib, then ``subevent.manifest.json`` beside it: the hashes of the CSVs, of the code and the trigger rules
that shape the model and of the model itself, so that ``tests/backbone/test_manifests.py`` notices when the shipped file is stale.
The digest of the codebook's ``[unreported]`` words, which shape the rules' votes too, is kept among the manifest's
facts (``rules_fingerprint`` predates them); ``tests/extract/test_codebook.py`` compares it with today's.
The notes themselves are not stored: the model keeps hash-bucket numbers and weights only.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from frontwire.extract.classifier import (  # noqa: E402
    CODE_FILES,
    LIBRARIES,
    MODEL_PATH,
    rules_fingerprint,
    train_classifier,
)
from frontwire.extract.triggers import unreported_digest  # noqa: E402
from frontwire.manifest import write_manifest  # noqa: E402

DEFAULT_DIR = REPO / ".." / "shared" / "data" / "gold" / "acled"


def default_training_files() -> list[Path]:
    """The ACLED exports the packaged model is trained on (empty when ../shared is absent)."""
    return sorted(DEFAULT_DIR.glob("*.csv"))


def read_notes(paths: list[Path]) -> tuple[list[str], list[str]]:
    """Each row's notes and sub-event type, in file and row order (rows lacking either are skipped)."""
    texts: list[str] = []
    labels: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                notes, label = (row.get("notes") or "").strip(), (row.get("sub_event_type") or "").strip()
                if notes and label:
                    texts.append(notes)
                    labels.append(label)
    return texts, labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="train the packaged sub-event classifier")
    parser.add_argument("csv", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    paths = sorted(p.resolve() for p in args.csv) or default_training_files()
    if not paths:
        print(f"no ACLED CSV given and none found in {DEFAULT_DIR}", file=sys.stderr)
        return 2
    texts, labels = read_notes(paths)
    model = train_classifier(texts, labels)
    out = model.save(args.out)
    manifest = write_manifest(out, script=Path(__file__), inputs=paths, code=CODE_FILES, libraries=LIBRARIES,
                              derived=rules_fingerprint(), facts={"notes": len(texts), "labels": len(model.labels),
                                                             "unreported_words": unreported_digest()})
    print(f"trained on {len(texts)} notes, {len(model.labels)} sub-event types -> {out} "
          f"({out.stat().st_size / 1e6:.2f} MB), manifest {manifest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
