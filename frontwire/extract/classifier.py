"""A small sub-event classifier: TF-IDF word and character n-grams plus the rules' votes, logistic regression.

The rules' votes enter as pseudo-words ("__rule_armed_clash__"), so the model learns how far to trust each
rule on the data it is trained on. Training takes seconds (k-fold evaluation retrains it per fold); the
packaged model lives in ``frontwire/data/models/subevent.joblib`` and is built by
``scripts/train_classifier.py``. Everything is deterministic (fixed seed, sorted vocabularies).
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from frontwire.extract.triggers import find_triggers

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "subevent.joblib"
SEED = 13
_LOCK = threading.Lock()
_PACKAGED: dict[str, SubEventClassifier | None] = {}


def _with_rule_votes(text: str) -> str:
    votes = " ".join("__rule_" + re.sub(r"\W+", "_", h.sub_event_type.lower()) + f"_{h.strength}__"
                     for h in find_triggers(text))
    # ACLED notes open with the date; drop digits so that dates and counts do not become features
    return re.sub(r"\d+", "0", text) + " " + votes


class SubEventClassifier:
    """Predicts an ACLED sub-event type for a short text (a note or a sentence)."""

    def __init__(self, pipeline: object, labels: Sequence[str]) -> None:
        self.pipeline = pipeline
        self.labels = tuple(labels)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities, one row per text, columns in ``self.labels`` order."""
        return self.pipeline.predict_proba([_with_rule_votes(t) for t in texts])  # type: ignore[attr-defined]

    def predict_one(self, text: str) -> tuple[str, float]:
        """The most likely sub-event type of ``text`` and its probability."""
        proba = self.predict_proba([text])[0]
        best = int(np.argmax(proba))
        return self.labels[best], float(proba[best])

    def save(self, path: Path = MODEL_PATH) -> Path:
        """Write the model with joblib (compressed)."""
        import joblib

        path.parent.mkdir(parents=True, exist_ok=True)
        for _, vectorizer in self.pipeline.steps[0][1].transformer_list:  # type: ignore[attr-defined]
            # the terms max_features cut are kept only for introspection: drop them (size, and no text kept)
            if hasattr(vectorizer, "stop_words_"):
                del vectorizer.stop_words_
        joblib.dump({"pipeline": self.pipeline, "labels": self.labels}, path, compress=3)
        return path


def train_classifier(texts: Sequence[str], labels: Sequence[str]) -> SubEventClassifier:
    """Fit the classifier on ``texts`` (notes or sentences) and their ACLED sub-event types.

    Deterministic for the same input; takes a few seconds for a few thousand notes.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    if len(set(labels)) < 2:
        raise ValueError("train_classifier needs at least two distinct sub-event types")
    features = make_union(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, max_features=30000,
                        token_pattern=r"(?u)\b\w[\w/-]*\b"),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, max_features=30000),
    )
    model = LogisticRegression(C=20.0, max_iter=3000, class_weight="balanced", random_state=SEED)
    pipeline = make_pipeline(features, model)
    pipeline.fit([_with_rule_votes(t) for t in texts], list(labels))
    return SubEventClassifier(pipeline, [str(c) for c in model.classes_])


def load_classifier(path: Path | None = None) -> SubEventClassifier | None:
    """The packaged classifier, loaded once; None when the model file is missing (rules alone then)."""
    path = path or MODEL_PATH
    key = str(path)
    with _LOCK:
        if key not in _PACKAGED:
            if not path.exists():
                _PACKAGED[key] = None
            else:
                import joblib

                try:
                    data = joblib.load(path)
                    _PACKAGED[key] = SubEventClassifier(data["pipeline"], data["labels"])
                except Exception as exc:  # noqa: BLE001 - an unreadable model (other scikit-learn) means rules alone
                    warnings.warn(f"sub-event model {path} unreadable ({exc}); typing with rules alone; rebuild it "
                                  "with scripts/train_classifier.py", stacklevel=2)
                    _PACKAGED[key] = None
        return _PACKAGED[key]
