"""Build the packaged report model (does a sentence of an article tell a current event?) and its manifest.

    python scripts/train_report_model.py [--out frontwire/data/models/reports.joblib] [--folds 5]

Reads the unlabeled development articles (``../shared/data/news/dev/unlabeled.jsonl.gz``), cleans and parses
them as the pipeline does, and joins each sentence to the team's label (``scripts/labels/news_sentences.tsv``,
matched by article and sentence hash; sentences without a label are left out). A sentence counts as a report of
a current event when its role is ``report`` and it names an event type. Two more sources widen what it has seen
beyond one outlet's protest coverage: the first sentence of every fourth ACLED note (a coder's report of one
event, the date phrase dropped: political violence of other wars, told plainly) and the GLOCON sentences
labelled as telling a protest event or not. Prints the cross-validated precision and recall on the labelled
articles (folds by article; the extra sources are in every training fold) before fitting on everything; the
model keeps hash buckets and weights only.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from frontwire.clean import clean_raw  # noqa: E402
from frontwire.extract.reports import CODE_FILES, LIBRARIES, MODEL_PATH, train_report_model  # noqa: E402
from frontwire.extract.structure import read_structure  # noqa: E402
from frontwire.manifest import write_manifest  # noqa: E402
from frontwire.nlp import parse  # noqa: E402
from frontwire.records import RawDocument  # noqa: E402

ARTICLES = REPO / ".." / "shared" / "data" / "news" / "dev" / "unlabeled.jsonl.gz"
LABELS = REPO / "scripts" / "labels" / "news_sentences.tsv"
ACLED = sorted((REPO / ".." / "shared" / "data" / "gold" / "acled").glob("*.csv"))
GLOCON = REPO / ".." / "shared" / "data" / "gold" / "glocon_gold_sample" / "sentence" / "Sabinet.json"
_NOTE_DATE = re.compile(r"^\W*(?:On|Around|Between) [^,]{3,40},\s*")


def sentence_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:12]


def read_labels(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(article key, sentence key) -> (role, event) from the labels file."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("article\t"):
            continue
        article, sentence, role, event = line.split("\t")
        out[(article, sentence)] = (role, event)
    return out


def labelled_articles(articles: Path, labels: Path) -> tuple[list[list[str]], list[list[int]]]:
    """Each article's sentences as the pipeline splits them, and their labels (1: a report of a current event);
    unlabelled sentences are dropped from the sentence list, keeping the order of the rest."""
    table = read_labels(labels)
    with gzip.open(articles, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    documents = [clean_raw(RawDocument(id=r["id"], text=r.get("text"), title=r.get("title"),
                                       published_at=r.get("published_at"), source=r.get("source"), origin=r["id"]))
                 for r in rows]
    documents = [d for d in documents if d.status == "ok"]
    texts: list[list[str]] = []
    ys: list[list[int]] = []
    for document, doc in zip(documents, parse(d.text for d in documents), strict=True):
        key = hashlib.sha1(document.id.encode()).hexdigest()[:12]
        sentences, y = [], []
        for unit in read_structure(document, doc):
            found = table.get((key, sentence_key(unit.text)))
            if found is None:
                continue
            role, event = found
            sentences.append(unit.text)
            y.append(int(role == "report" and event != "none"))
        if sentences:
            texts.append(sentences)
            ys.append(y)
    return texts, ys


def other_sources(acled: list[Path], glocon: Path) -> tuple[list[list[str]], list[list[int]]]:
    """One-sentence "articles": the first sentence of every fourth ACLED note (a report, its date phrase
    dropped) and every GLOCON sentence with its label (1: it tells a protest event)."""
    texts: list[list[str]] = []
    ys: list[list[int]] = []
    for path in acled:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                notes = (row.get("notes") or "").strip()
                if i % 4 or not notes:
                    continue
                first = _NOTE_DATE.sub("", re.split(r"(?<=[.!?])\s+", notes)[0])
                texts.append([first])
                ys.append([1])
    if glocon.exists():
        for line in glocon.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append([row["sentence"]])
                ys.append([int(row.get("label") == 1)])
    return texts, ys


def cross_validate(texts: list[list[str]], ys: list[list[int]], folds: int,
                   extra: tuple[list[list[str]], list[list[int]]]) -> dict[str, float]:
    """Precision and recall of "tells a current event" at 0.5, folds by article (every k-th article held out)."""
    tp = fp = fn = 0
    for k in range(folds):
        train = [i for i in range(len(texts)) if i % folds != k]
        model = train_report_model([texts[i] for i in train] + extra[0], [ys[i] for i in train] + extra[1])
        for i in (i for i in range(len(texts)) if i % folds == k):
            predicted = model.predict(texts[i]) >= 0.5
            for p, y in zip(predicted, ys[i], strict=True):
                tp += int(p and y)
                fp += int(p and not y)
                fn += int(y and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"cv_precision": round(precision, 3), "cv_recall": round(recall, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="train the packaged report model")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    if not ARTICLES.exists():
        print(f"{ARTICLES} not found: the report model is trained on the shared development articles",
              file=sys.stderr)
        return 2
    texts, ys = labelled_articles(ARTICLES, LABELS)
    extra = other_sources(ACLED, GLOCON)
    scores = cross_validate(texts, ys, args.folds, extra) if args.folds > 1 else {}
    model = train_report_model(texts + extra[0], ys + extra[1])
    out = model.save(args.out)
    facts = {"articles": len(texts), "sentences": sum(map(len, ys)), "reports": sum(map(sum, ys)),
             "other_sentences": len(extra[0]), **scores}
    inputs = [ARTICLES.resolve(), LABELS, *(p.resolve() for p in ACLED), *([GLOCON.resolve()] if GLOCON.exists() else [])]
    manifest = write_manifest(out, script=Path(__file__), inputs=inputs, code=CODE_FILES,
                              libraries=LIBRARIES, facts=facts)
    print(f"trained on {facts['sentences']} sentences of {facts['articles']} articles ({facts['reports']} reports); "
          f"cross-validated {scores}; -> {out} ({out.stat().st_size / 1e6:.2f} MB), manifest {manifest}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
