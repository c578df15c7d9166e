"""A small sub-event classifier: hashed word and character n-grams plus the rules' votes, logistic regression.

The features are hash buckets, not a vocabulary: the shipped model holds bucket numbers and weights, never
a word or phrase of the notes it was trained on (a TF-IDF vocabulary would store n-grams of third-party
text). Only the most frequent buckets of the training data are kept (a vocabulary's ``max_features``), which
bounds the file to a few MB. The rules' votes enter as pseudo-words ("__rule_armed_clash_2__"), so the model
learns how far to trust each rule; they stay because without them the cross-validated ACLED scores fell
(sub-event macro agreement 0.886 -> 0.839, protest with intervention 84% -> 42%). The price is that a change
to a trigger pattern stales the shipped model: :func:`rules_fingerprint` hashes exactly what the votes
depend on, the build manifest records it, and ``tests/backbone/test_manifests.py`` fails until the model is
retrained.

Training takes seconds (k-fold evaluation retrains it per fold); the packaged model lives in
``frontwire/data/models/subevent.joblib`` with its manifest, both written by ``scripts/train_classifier.py``.
Everything is deterministic (fixed seed, ties broken by bucket number): the same notes and rules give the
same bytes.
"""

from __future__ import annotations

import hashlib
import inspect
import re
import threading
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import numpy as np

from frontwire.extract.triggers import find_triggers, triggers_of

if TYPE_CHECKING:  # pragma: no cover
    from frontwire.extract.acled import Codebook

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "subevent.joblib"
# The code that shapes the model besides the trigger rules (see rules_fingerprint): a change stales the shipped file.
CODE_FILES = (Path(__file__).resolve(),)
LIBRARIES = ("scikit-learn", "numpy", "scipy", "joblib")
SEED = 13
N_FEATURES = 2**20  # buckets per block: few collisions among the n-grams of a few thousand notes (2**18 scored lower)
MAX_BUCKETS = 30000  # kept per block, the most frequent in training
EXPECTED = 1024  # texts typed ahead (``SubEventClassifier.expect``) kept until asked for
_TOKEN = r"(?u)\b\w[\w/-]*\b"
_LOCK = threading.Lock()
_PACKAGED: dict[str, Any] = {}  # each packaged model by path, once loaded (None: missing or unreadable)
T = TypeVar("T")


def _with_rule_votes(text: str) -> str:
    votes = " ".join("__rule_" + re.sub(r"\W+", "_", h.sub_event_type.lower()) + f"_{h.strength}__"
                     for h in triggers_of(text))
    # ACLED notes open with the date; drop digits so that dates and counts do not become features
    return re.sub(r"\d+", "0", text) + " " + votes


def rules_fingerprint(codebook: Codebook | None = None) -> dict[str, str]:
    """A digest of what the rules' votes depend on: ``find_triggers`` and every type's pattern and strength.

    Narrower than hashing the codebook file: a precedence entry or a note template may change without
    staling the model; a trigger pattern may not. ``codebook``: the packaged one unless given.
    """
    from frontwire.extract.acled import load_codebook

    digest = hashlib.sha256(inspect.getsource(find_triggers).encode())
    for name, spec in (codebook or load_codebook()).types.items():  # in file order: it orders equal votes
        digest.update(f"\n{name}\t{spec.strength}\t{spec.pattern.flags}\t{spec.pattern.pattern}".encode())
    return {"trigger_rules": digest.hexdigest()}


class HashedBlock:
    """One feature block: a stateless hashing vectorizer, the buckets kept, and their idf weights.

    Nothing here depends on a string seen in training: the vectorizer holds only its parameters,
    ``columns`` bucket numbers, the TF-IDF transformer one float per kept bucket.
    """

    def __init__(self, hasher: Any, min_df: int) -> None:
        self.hasher = hasher
        self.min_df = min_df
        self.columns: np.ndarray = np.zeros(0, dtype=np.int32)
        self.tfidf: Any = None
        self._lookup: np.ndarray | None = None
        self._analyzer: Any = None

    def __getstate__(self) -> dict[str, Any]:
        # rebuilt when first needed: the lookup from ``columns``, the analyzer from the vectorizer (left out, so
        # that the saved bytes stay those of the model file)
        state = {**self.__dict__, "_lookup": None}
        state.pop("_analyzer", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update({"_analyzer": None, **state})

    def fit_transform(self, texts: Sequence[str]) -> Any:
        from sklearn.feature_extraction.text import TfidfTransformer

        counts = self.hasher.transform(texts)
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        candidates = np.flatnonzero(df >= self.min_df)
        if len(candidates) > MAX_BUCKETS:
            total = np.bincount(counts.indices, weights=counts.data, minlength=counts.shape[1])[candidates]
            # most frequent first; equal counts by bucket number, so the choice is deterministic
            candidates = np.sort(candidates[np.lexsort((candidates, -total))[:MAX_BUCKETS]])
        self.columns = candidates.astype(np.int32)
        self._lookup = None
        self.tfidf = TfidfTransformer(sublinear_tf=True)
        return self.tfidf.fit_transform(self._kept(counts))

    def transform(self, texts: Sequence[str]) -> Any:
        return self.tfidf.transform(self._kept(self.hasher.transform(texts)))

    def quick_transform(self, texts: Sequence[str]) -> Any:
        """``transform``'s very numbers, in the steps scikit-learn takes, without its checks of the input on every
        call (which cost more than the work on a sentence): hashing with the vectorizer's own analyzer, the
        sub-linear term frequency, the idf weights and each row's l2 norm."""
        from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

        if self._analyzer is None:
            self._analyzer = self.hasher.build_analyzer()
        analyzer = self._analyzer
        counts = self.hasher._get_hasher().transform(analyzer(doc) for doc in texts)
        x = self._kept(counts)
        np.log(x.data, x.data)
        x.data += 1.0
        x.data *= self.tfidf.idf_[x.indices]
        inplace_csr_row_normalize_l2(x)
        return x

    def _kept(self, counts: Any) -> Any:
        """The kept buckets' columns of ``counts`` (CSR), in O(non-zeros): slicing columns out of a matrix
        2**20 wide allocates its width on every call, which doubled the time to type one sentence."""
        from scipy.sparse import csr_matrix

        if self._lookup is None:
            self._lookup = np.full(counts.shape[1], -1, dtype=np.int64)
            self._lookup[self.columns] = np.arange(len(self.columns))
        columns = self._lookup[counts.indices]
        keep = columns >= 0
        rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
        return csr_matrix((counts.data[keep], (rows[keep], columns[keep])), shape=(counts.shape[0], len(self.columns)))


class SubEventClassifier:
    """Predicts an ACLED sub-event type for a short text (a note or a sentence)."""

    def __init__(self, blocks: Sequence[HashedBlock], model: Any, labels: Sequence[str]) -> None:
        self.blocks = tuple(blocks)
        self.model = model
        self.labels = tuple(labels)
        self._coef_t: np.ndarray | None = None
        self._answers: dict[str, tuple[str, float]] = {}  # what ``expect`` typed ahead, by text

    def _features(self, texts: Sequence[str]) -> Any:
        from scipy.sparse import hstack

        voted = [_with_rule_votes(t) for t in texts]
        return hstack([block.transform(voted) for block in self.blocks], format="csr")

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities, one row per text, columns in ``self.labels`` order."""
        if self._quick():
            return self._quick_proba(texts)
        return np.asarray(self.model.predict_proba(self._features(texts)))

    def _quick(self) -> bool:
        """Whether ``_quick_proba`` computes what scikit-learn would: a multinomial logistic regression over
        sub-linear, l2-normalised tf-idf of unnormalised counts (the model ``train_classifier`` builds)."""
        from sklearn.linear_model import LogisticRegression

        model = self.model
        return isinstance(model, LogisticRegression) and len(model.classes_) > 2 and all(
            b.tfidf.sublinear_tf and b.tfidf.use_idf and b.tfidf.norm == "l2" and b.hasher.norm is None
            and not b.hasher.binary for b in self.blocks)

    def _quick_proba(self, texts: Sequence[str]) -> np.ndarray:
        """``model.predict_proba`` of the features, step by step as scikit-learn takes them (the scores, then the
        softmax), without the checks of the input it makes on every call."""
        from scipy.sparse import hstack
        from sklearn.utils.extmath import softmax

        voted = [_with_rule_votes(t) for t in texts]
        features = hstack([block.quick_transform(voted) for block in self.blocks], format="csr")
        if self._coef_t is None:
            # the same numbers, laid out for the product and in the features' precision: a float32 copy was widened
            # to float64 on every call (exactly, so the scores are the same), which cost more than the product
            self._coef_t = np.ascontiguousarray(self.model.coef_.T, dtype=np.result_type(self.model.coef_, np.float64))
        scores = features @ self._coef_t + self.model.intercept_
        return np.asarray(softmax(scores, copy=False))

    def predict_many(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """The most likely sub-event type of each text and its probability, in one pass over the model (each
        row as ``predict_one`` gives it: every step works row by row)."""
        if not texts:
            return []
        proba = self.predict_proba(texts)
        best = np.argmax(proba, axis=1)
        return [(self.labels[int(b)], float(row[int(b)])) for row, b in zip(proba, best, strict=True)]

    def expect(self, texts: Sequence[str]) -> None:
        """Type ``texts`` in one pass ahead of the ``predict_one`` calls that will ask for them: a batch of short
        documents (coders' notes) is typed whole, one text each, in the time a few take alone. ``predict_one``
        answers from these while they last (the latest ``EXPECTED`` texts), each as it would have alone."""
        fresh = [t for t in dict.fromkeys(texts) if t not in self._answers]
        if not fresh:
            return
        for text, answer in zip(fresh, self.predict_many(fresh), strict=True):
            self._answers[text] = answer
        for text in list(self._answers)[: max(0, len(self._answers) - EXPECTED)]:
            del self._answers[text]

    def predict_one(self, text: str) -> tuple[str, float]:
        """The most likely sub-event type of ``text`` and its probability."""
        answer = self._answers.get(text)
        if answer is not None:
            return answer
        proba = self.predict_proba([text])[0]
        best = int(np.argmax(proba))
        return self.labels[best], float(proba[best])

    def save(self, path: Path = MODEL_PATH) -> Path:
        """Write the model with joblib (compressed); the same model always gives the same bytes."""
        import joblib

        path.parent.mkdir(parents=True, exist_ok=True)
        for block in self.blocks:
            # a cache of id(stop_words), a memory address that differs per process: it would change the bytes
            vars(block.hasher).pop("_stop_words_id", None)
        joblib.dump({"blocks": self.blocks, "model": self.model, "labels": self.labels}, path, compress=3)
        return path


def _blocks() -> list[HashedBlock]:
    from sklearn.feature_extraction.text import HashingVectorizer

    common = {"n_features": N_FEATURES, "alternate_sign": False, "norm": None}
    return [
        HashedBlock(HashingVectorizer(ngram_range=(1, 2), token_pattern=_TOKEN, **common), min_df=1),
        HashedBlock(HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), **common), min_df=2),
    ]


def train_classifier(texts: Sequence[str], labels: Sequence[str]) -> SubEventClassifier:
    """Fit the classifier on ``texts`` (notes or sentences) and their ACLED sub-event types.

    Deterministic for the same input; takes a few seconds for a few thousand notes.
    """
    from scipy.sparse import hstack
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        raise ValueError("train_classifier needs at least two distinct sub-event types")
    voted = [_with_rule_votes(t) for t in texts]
    blocks = _blocks()
    features = hstack([block.fit_transform(voted) for block in blocks], format="csr")
    model = LogisticRegression(C=20.0, max_iter=3000, class_weight="balanced", random_state=SEED)
    model.fit(features, list(labels))
    # float32 halves the file; the probabilities move by less than 1e-7 (measured on the ACLED notes)
    model.coef_ = model.coef_.astype(np.float32)
    return SubEventClassifier(blocks, model, [str(c) for c in model.classes_])


def load_classifier(path: Path | None = None) -> SubEventClassifier | None:
    """The packaged classifier, loaded once; None when the model file is missing (rules alone then)."""
    return load_packaged(path or MODEL_PATH,
                         lambda data: SubEventClassifier(data["blocks"], data["model"], data["labels"]),
                         unreadable="sub-event model {path} unreadable ({exc}); typing with rules alone; rebuild it "
                                    "with scripts/train_classifier.py")


def load_packaged(path: Path, build: Callable[[dict[str, Any]], T], *, unreadable: str) -> T | None:
    """A packaged joblib model built by ``build`` from the stored dict, loaded once per path; None when the file
    is missing, or unreadable (another scikit-learn): ``unreadable`` (with ``{path}`` and ``{exc}``) is warned."""
    key = str(path)
    with _LOCK:
        if key not in _PACKAGED:
            if not path.exists():
                _PACKAGED[key] = None
            else:
                import joblib

                try:
                    _PACKAGED[key] = build(joblib.load(path))
                except Exception as exc:  # noqa: BLE001 - an unreadable model means rules alone
                    warnings.warn(unreadable.format(path=path, exc=exc), stacklevel=3)
                    _PACKAGED[key] = None
        return cast("T | None", _PACKAGED[key])
