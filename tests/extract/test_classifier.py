"""The small sub-event model: trains in seconds, deterministic, round-trips through a file."""

from __future__ import annotations

import numpy as np

from frontwire.extract import extract_frames, load_classifier, train_classifier

from .conftest import note

TEXTS = [f"On {d} May, militants attacked a checkpoint in Zhari district, killing {d} soldiers." for d in range(1, 9)] + [
    f"On {d} May, dozens of residents held a protest in Gyumri demanding higher wages." for d in range(1, 9)]
LABELS = ["Armed clash"] * 8 + ["Peaceful protest"] * 8


def test_training_is_deterministic_and_predicts():
    a = train_classifier(TEXTS, LABELS)
    b = train_classifier(TEXTS, LABELS)
    probe = ["Rebels attacked a checkpoint near the town.", "Workers held a protest outside the factory."]
    assert np.allclose(a.predict_proba(probe), b.predict_proba(probe))
    assert a.predict_one(probe[0])[0] == "Armed clash" and a.predict_one(probe[1])[0] == "Peaceful protest"


def test_save_and_load_round_trip(tmp_path):
    model = train_classifier(TEXTS, LABELS)
    path = model.save(tmp_path / "m.joblib")
    loaded = load_classifier(path)
    assert loaded is not None and loaded.labels == model.labels
    assert load_classifier(tmp_path / "missing.joblib") is None


def test_extract_uses_a_given_classifier(parse):
    model = train_classifier(TEXTS, LABELS)
    text = "On 3 May, residents gathered in Gyumri."  # no rule fires: the model decides
    frames = extract_frames(note(text), parse(text), classifier=model)
    assert frames and frames[0].sub_event_type == "Peaceful protest"


def test_packaged_model_is_small_if_present():
    from frontwire.extract.classifier import MODEL_PATH

    if MODEL_PATH.exists():
        assert MODEL_PATH.stat().st_size < 5_000_000
