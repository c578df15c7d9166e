"""The report model: a learned second opinion on whether a sentence of an article tells a current event."""

from __future__ import annotations

import pickle

import numpy as np

from frontwire.extract.reports import load_report_model, sentence_features, train_report_model


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
