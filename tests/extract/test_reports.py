"""The report model: a learned second opinion on whether a sentence of an article tells a current event."""

from __future__ import annotations

import gzip
import json
import pickle
import re
import zlib
from pathlib import Path

import numpy as np
import pytest

from frontwire.extract.reports import MODEL_PATH, load_report_model, sentence_features, train_report_model


def test_features_mark_form_place_and_neighbours():
    features = sentence_features(["Police fired tear gas at protesters in the capital on Sunday.",
                                  "Protesters march past the parliament",
                                  "Protesters march past the parliament"])
    assert "__pos_0__" in features[0] and "__noterm__" not in features[0]
    assert "__noterm__" in features[1] and "__dup__" in features[1]
    assert "next_protesters" in features[0] and "prev_police" in features[1]


def test_a_model_learns_reports_from_labels_and_keeps_no_words():
    articles = [["Soldiers shelled the village of Karmir overnight, the ministry said.",
                 "The conflict began decades ago.", "Analysts expect more talks next year."],
                ["Protesters blocked the main road into the city on Monday.",
                 "The dispute has a long history.", "Officials said they hoped for calm."]] * 4
    labels = [[1, 0, 0], [1, 0, 0]] * 4
    model = train_report_model(articles, labels)
    scores = model.predict(["Troops shelled the town of Karmir on Monday, officials said.",
                            "The dispute has a long history."])
    assert scores[0] > scores[1]
    blob = pickle.dumps(model)
    assert b"Karmir" not in blob and b"shelled" not in blob


def test_the_packaged_model_reads_an_article_of_our_own():
    model = load_report_model()
    assert model is not None
    scores = model.predict([
        "Police fired tear gas to disperse hundreds of protesters outside parliament in the capital on Saturday.",
        "The protest movement began three years ago over rising fuel prices.",
        "Protesters hold banners outside parliament",
    ])
    assert scores.shape == (3,) and np.all((scores >= 0) & (scores <= 1))
    assert scores[0] > scores[1] and scores[0] > scores[2]


SHARED_NEWS = Path(__file__).resolve().parents[3] / "shared" / "data" / "news" / "dev"


def _news_words_and_phrases(limit: int = 40) -> list[str]:
    """Long words and three-word phrases of the development news articles, read now (never copied)."""
    texts = []
    for path in sorted(SHARED_NEWS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            texts.extend(json.loads(line).get("text") or "" for line in handle if line.strip())
    words = sorted({w for t in texts for w in re.findall(r"[A-Za-z]{12,}", t)})
    phrases = sorted({" ".join(m) for t in texts[::13] for m in re.findall(r"([a-z]{4,}) ([a-z]{4,}) ([a-z]{4,})", t)})
    return words[:: max(1, len(words) // limit)][:limit] + phrases[:: max(1, len(phrases) // limit)][:limit]


@pytest.mark.skipif(not SHARED_NEWS.exists(), reason="../shared (the development articles) is not at hand")
def test_the_packaged_model_holds_no_word_or_phrase_of_the_articles():
    raw = zlib.decompress(MODEL_PATH.read_bytes())  # joblib's compress=3 writes one zlib stream
    assert b"blocks" in raw  # the search does see strings the file does hold
    probes = _news_words_and_phrases()
    assert len(probes) >= 40
    found = [p for p in probes if p.encode() in raw or p.lower().encode() in raw]
    assert not found, f"text of the development articles in the shipped model: {found[:5]}"
