"""Does this sentence of an article tell a current event? A small learned second opinion beside the structure rules.

Rules recognise a caption by its missing full stop and background by its dates; they miss the sentence that
describes a scene in event words ("The child was seen trying to run away from a group of officers"), the
reaction phrased as news, the colour paragraph. The report model reads each sentence of an article with a few
marks of its place in it (its position, whether it ends like a sentence, whether it is a quote, whether the page
repeats it) and the words of its neighbours, and says how likely it is that the sentence itself tells a current
event an ACLED coder would code. ``events`` uses it to keep a trigger word in a non-report sentence from making an
event; it never adds one.

It is trained by ``scripts/train_report_model.py`` on the team's labels of the unlabeled development articles
(``scripts/labels/news_sentences.tsv``: roles and event types by sentence hash, no text), with the features
hashed as the sub-event classifier's are: the shipped file holds bucket numbers and weights, no words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from frontwire.extract.classifier import HashedBlock, load_packaged

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "reports.joblib"
CODE_FILES = (Path(__file__).resolve(), Path(__file__).resolve().with_name("classifier.py"))
LIBRARIES = ("scikit-learn", "numpy", "scipy", "joblib")
SEED = 13
N_FEATURES = 2**18
_TOKEN = r"(?u)\b\w[\w/-]*\b"
_TERMINAL = re.compile(r"[.!?…]['’\"”)\]]*\s*$")
_QUOTE = re.compile(r"^\s*['‘\"“]")
_SAID = re.compile(r"\b(?:said|says|told|according to|reported|claimed|announced|tweeted|wrote)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[a-z][a-z'-]+")


def _position(index: int) -> str:
    for bound, name in ((1, "0"), (2, "1"), (5, "2_4"), (10, "5_9"), (20, "10_19")):
        if index < bound:
            return name
    return "20p"


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def sentence_features(sentences: Sequence[str]) -> list[str]:
    """The text the model reads for each sentence of one article: the sentence (digits as 0), marks of its form
    and place (``__noterm__``, ``__quote__``, ``__said__``, ``__year__``, ``__dup__``, ``__pos_k__``) and the words
    of the sentences before and after it (as ``prev_word`` and ``next_word``)."""
    copies = Counter(_norm(s) for s in sentences)
    out = []
    for i, text in enumerate(sentences):
        marks = [f"__pos_{_position(i)}__"]
        if not _TERMINAL.search(text):
            marks.append("__noterm__")
        if _QUOTE.match(text):
            marks.append("__quote__")
        if _SAID.search(text):
            marks.append("__said__")
        if _YEAR.search(text):
            marks.append("__year__")
        if copies[_norm(text)] > 1:
            marks.append("__dup__")
        before = sentences[i - 1] if i > 0 else ""
        after = sentences[i + 1] if i + 1 < len(sentences) else ""
        context = [f"prev_{w}" for w in _WORD.findall(before.lower())] + \
                  [f"next_{w}" for w in _WORD.findall(after.lower())]
        out.append(" ".join([re.sub(r"\d+", "0", text), *marks, *context]))
    return out


class ReportModel:
    """P(the sentence tells a current codable event) for every sentence of an article."""

    def __init__(self, blocks: Sequence[HashedBlock], model: Any) -> None:
        self.blocks = tuple(blocks)
        self.model = model

    def _features(self, sentences: Sequence[str]) -> Any:
        from scipy.sparse import hstack

        texts = sentence_features(sentences)
        return hstack([block.transform(texts) for block in self.blocks], format="csr")

    def predict(self, sentences: Sequence[str]) -> np.ndarray:
        """One probability per sentence of one article, in order (an empty article gives an empty array)."""
        if not sentences:
            return np.zeros(0)
        return np.asarray(self.model.predict_proba(self._features(sentences))[:, 1])

    def save(self, path: Path = MODEL_PATH) -> Path:
        """Write the model with joblib (compressed); the same model always gives the same bytes."""
        import joblib

        path.parent.mkdir(parents=True, exist_ok=True)
        for block in self.blocks:
            vars(block.hasher).pop("_stop_words_id", None)  # a memory address: it would change the bytes
        joblib.dump({"blocks": self.blocks, "model": self.model}, path, compress=3)
        return path


def _blocks() -> list[HashedBlock]:
    from sklearn.feature_extraction.text import HashingVectorizer

    common = {"n_features": N_FEATURES, "alternate_sign": False, "norm": None}
    return [HashedBlock(HashingVectorizer(ngram_range=(1, 2), token_pattern=_TOKEN, **common), min_df=2)]


def train_report_model(articles: Sequence[Sequence[str]], labels: Sequence[Sequence[int]]) -> ReportModel:
    """Fit on articles (each a list of its sentences) and per-sentence labels (1: tells a current event)."""
    from scipy.sparse import hstack
    from sklearn.linear_model import LogisticRegression

    texts = [t for sentences in articles for t in sentence_features(sentences)]
    y = [label for row in labels for label in row]
    if len(set(y)) < 2:
        raise ValueError("train_report_model needs sentences of both kinds")
    blocks = _blocks()
    features = hstack([block.fit_transform(texts) for block in blocks], format="csr")
    model = LogisticRegression(C=2.0, max_iter=3000, class_weight="balanced", random_state=SEED)
    model.fit(features, y)
    model.coef_ = model.coef_.astype(np.float32)
    return ReportModel(blocks, model)


def load_report_model(path: Path | None = None) -> ReportModel | None:
    """The packaged report model, loaded once; None when the file is missing (the rules decide alone then)."""
    return load_packaged(path or MODEL_PATH, lambda data: ReportModel(data["blocks"], data["model"]),
                         unreadable="report model {path} unreadable ({exc}); reading articles with rules alone; "
                                    "rebuild it with scripts/train_report_model.py")
