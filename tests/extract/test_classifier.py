"""The small sub-event model: trains in seconds, deterministic to the byte, round-trips through a file, and
ships hash-bucket weights only, no word of the notes it learnt from."""

from __future__ import annotations

import csv
import re
import zlib
from pathlib import Path

import numpy as np
import pytest

from frontwire.extract import extract_frames, load_classifier, train_classifier
from frontwire.extract.acled import CODEBOOK_PATH, load_codebook
from frontwire.extract.classifier import MODEL_PATH, rules_fingerprint

from .conftest import note

SHARED_ACLED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "gold" / "acled"

TEXTS = [f"On {d} May, militants attacked a checkpoint in Zhari district, killing {d} soldiers." for d in range(1, 9)] + [
    f"On {d} May, dozens of residents held a protest in Gyumri demanding higher wages." for d in range(1, 9)]
LABELS = ["Armed clash"] * 8 + ["Peaceful protest"] * 8


def test_training_is_deterministic_and_predicts():
    a = train_classifier(TEXTS, LABELS)
    b = train_classifier(TEXTS, LABELS)
    probe = ["Rebels attacked a checkpoint near the town.", "Workers held a protest outside the factory."]
    assert np.allclose(a.predict_proba(probe), b.predict_proba(probe))
    assert a.predict_one(probe[0])[0] == "Armed clash" and a.predict_one(probe[1])[0] == "Peaceful protest"


def test_the_same_training_data_saves_the_same_bytes(tmp_path):
    first = train_classifier(TEXTS, LABELS).save(tmp_path / "a.joblib")
    second = train_classifier(TEXTS, LABELS).save(tmp_path / "b.joblib")
    assert first.read_bytes() == second.read_bytes()


def test_save_and_load_round_trip(tmp_path):
    model = train_classifier(TEXTS, LABELS)
    path = model.save(tmp_path / "m.joblib")
    loaded = load_classifier(path)
    assert loaded is not None and loaded.labels == model.labels
    probe = ["Gunmen attacked a police post."]
    assert np.array_equal(loaded.predict_proba(probe), model.predict_proba(probe))
    assert load_classifier(tmp_path / "missing.joblib") is None


def test_extract_uses_a_given_classifier(parse):
    model = train_classifier(TEXTS, LABELS)
    text = "On 3 May, residents gathered in Gyumri."  # no rule fires: the model decides
    frames = extract_frames(note(text), parse(text), classifier=model)
    assert frames and frames[0].sub_event_type == "Peaceful protest"


def test_training_needs_two_types():
    with pytest.raises(ValueError, match="two distinct"):
        train_classifier(TEXTS[:8], LABELS[:8])


@pytest.fixture(scope="module")
def packaged():
    model = load_classifier()
    if model is None:
        pytest.skip("no packaged model (build it with scripts/train_classifier.py)")
    return model


@pytest.mark.parametrize(("text", "expected"), [
    # sentences of our own, in news phrasing rather than a coder's
    ("Enemy artillery shelled the outskirts of the village overnight, damaging several houses.",
     "Shelling/artillery/missile attack"),
    ("Hundreds of teachers marched to the ministry to demand their unpaid salaries.", "Peaceful protest"),
    ("A roadside bomb exploded under a police vehicle on the highway, wounding two officers.",
     "Remote explosive/landmine/IED"),
    ("Warplanes bombed militant hideouts in the mountains, the army said.", "Air/drone strike"),
    ("Police fired tear gas to disperse students who were demonstrating outside parliament.",
     "Protest with intervention"),
    ("Protesters threw stones at the governor's office and set tyres on fire.", "Violent demonstration"),
])
def test_packaged_model_types_news_sentences_of_our_own(packaged, text, expected):
    assert packaged.predict_one(text)[0] == expected


def test_packaged_model_is_small(packaged):
    assert MODEL_PATH.stat().st_size < 5_000_000


VOCABULARY_ATTRIBUTES = {"vocabulary", "vocabulary_", "stop_words", "stop_words_", "fixed_vocabulary_"}


def _reachable(obj, seen: set[int], strings: list[str], mappings: list[dict], attributes: set[str],
               allowed: set[str]) -> None:
    """Every string and mapping reachable from ``obj``, and the vocabulary-like attributes that hold something;
    estimators' string parameters go to ``allowed`` (our own settings: "char_wb", the token pattern, "lbfgs")."""
    if id(obj) in seen or obj is None or isinstance(obj, (bool, int, float, complex, bytes, type)):
        return
    seen.add(id(obj))
    if isinstance(obj, str):
        strings.append(obj)
        return
    if isinstance(obj, np.ndarray):
        if obj.dtype.kind in "OUS":
            for item in obj.ravel().tolist():
                _reachable(item, seen, strings, mappings, attributes, allowed)
        return
    if isinstance(obj, dict):
        mappings.append(obj)
        for key, value in obj.items():
            _reachable(key, seen, strings, mappings, attributes, allowed)
            _reachable(value, seen, strings, mappings, attributes, allowed)
        return
    if isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            _reachable(item, seen, strings, mappings, attributes, allowed)
        return
    if hasattr(obj, "get_params"):
        allowed.update(v for v in obj.get_params(deep=False).values() if isinstance(v, str))
    state = dict(vars(obj)) if hasattr(obj, "__dict__") else {}
    for slot in getattr(type(obj), "__slots__", ()):
        if hasattr(obj, slot):
            state[slot] = getattr(obj, slot)
    if hasattr(obj, "indptr"):  # a scipy sparse matrix: numbers only
        return
    for name, value in state.items():  # attribute names are code, not data: only their values are walked
        if name in VOCABULARY_ATTRIBUTES and value is not None:
            attributes.add(name)
        _reachable(value, seen, strings, mappings, attributes, allowed)


def test_packaged_model_holds_no_vocabulary_and_no_string_but_its_labels_and_settings(packaged):
    import joblib

    strings: list[str] = []
    mappings: list[dict] = []
    attributes: set[str] = set()
    allowed: set[str] = set()
    stored = joblib.load(MODEL_PATH)
    assert set(stored) == {"blocks", "model", "labels"}  # the file's own layout; its values are walked
    _reachable(list(stored.values()), set(), strings, mappings, attributes, allowed)
    assert not attributes, f"vocabulary-like attributes stored in the model: {sorted(attributes)}"
    assert all(len(m) <= 20 for m in mappings), "a mapping as big as a vocabulary is stored in the model"
    unexplained = set(strings) - set(packaged.labels) - allowed
    assert not unexplained, f"strings stored in the model: {sorted(unexplained)[:10]}"
    assert len(set(strings)) < 60


def _long_words_and_phrases(limit: int = 40) -> list[str]:
    """Long words and three-word phrases of the ACLED notes, read now (never copied into the repository)."""
    notes = []
    for path in sorted(SHARED_ACLED.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            notes.extend(row["notes"] for row in csv.DictReader(handle) if row.get("notes"))
    words = sorted({w for n in notes for w in re.findall(r"[A-Za-z]{11,}", n)})
    phrases = sorted({" ".join(m) for n in notes[::97] for m in re.findall(r"([a-z]{4,}) ([a-z]{4,}) ([a-z]{4,})", n)})
    return words[:: max(1, len(words) // limit)][:limit] + phrases[:limit]


@pytest.mark.skipif(not SHARED_ACLED.exists(), reason="../shared (the ACLED notes) is not at hand")
def test_packaged_model_bytes_contain_no_word_or_phrase_of_the_notes(packaged):
    raw = zlib.decompress(MODEL_PATH.read_bytes())  # joblib's compress=3 writes one zlib stream
    assert packaged.labels[0].encode() in raw  # the search does see strings the file does hold
    probes = _long_words_and_phrases()
    assert len(probes) >= 40
    found = [p for p in probes if p.encode() in raw or p.lower().encode() in raw]
    assert not found, f"text of the training notes in the shipped model: {found[:5]}"


def test_rules_fingerprint_moves_with_a_trigger_pattern_not_with_a_note_template(tmp_path):
    source = CODEBOOK_PATH.read_text(encoding="utf-8")
    assert rules_fingerprint(load_codebook(CODEBOOK_PATH)) == rules_fingerprint()
    note_changed = tmp_path / "note.toml"
    note_changed.write_text(source.replace('note = "', 'note = "then ', 1), encoding="utf-8")
    assert note_changed.read_text(encoding="utf-8") != source
    assert rules_fingerprint(load_codebook(note_changed)) == rules_fingerprint()
    strength_changed = tmp_path / "strength.toml"
    strength_changed.write_text(source.replace("strength = 2", "strength = 1", 1), encoding="utf-8")
    assert rules_fingerprint(load_codebook(strength_changed)) != rules_fingerprint()


def test_texts_typed_ahead_get_the_answers_they_get_alone(packaged, monkeypatch):
    from frontwire.extract import classifier as module
    from frontwire.extract.classifier import SubEventClassifier

    texts = [f"On {d} June, {who} in Kunduz." for d in range(1, 7)
             for who in ("militants attacked a checkpoint", "teachers held a protest", "a roadside bomb hit a car")]
    alone = SubEventClassifier(packaged.blocks, packaged.model, packaged.labels)
    ahead = SubEventClassifier(packaged.blocks, packaged.model, packaged.labels)
    monkeypatch.setattr(module, "EXPECTED", 10)
    ahead.expect(texts)
    assert len(ahead._answers) == 10  # the latest ten are kept, the rest typed again when asked
    assert [ahead.predict_one(t) for t in texts] == [alone.predict_one(t) for t in texts]
    ahead.expect(texts[-3:])  # already typed: nothing to do
    assert ahead.predict_one("Police dispersed the crowd.") == alone.predict_one("Police dispersed the crowd.")
