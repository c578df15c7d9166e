"""The model's attribute ruler and lemmatizer run on demand (``frontwire.nlp.lemma`` and ``pos``), for the few
words the stages ask about: every token gets what the whole pipeline, run as shipped, gives it."""

from __future__ import annotations

import pytest

from frontwire.nlp import DEFAULT_MODEL, lemma, load_nlp, parse_one, pos

TEXTS = [
    # the ruler's two-token patterns: "let 's", "gon na", and "there" + a form of "be"
    "Let's go, the commander told the men, we're gonna take the ridge before dawn.",
    "There were clashes in the north; there's been no word from the garrison since.",
    "On 4 May, 2 soldiers were killed and 3 wounded when militants attacked a checkpoint.\n\nProtesters  marched "
    "to the ministry, which said it had detained I and me and you.",
    "Ain't nobody leaving, y'all said, c'mon, and they gotta stay put.",
]


@pytest.fixture(scope="module")
def shipped():
    import spacy

    return spacy.load(DEFAULT_MODEL)  # every component on, as the model ships


def test_frontwire_runs_neither_the_ruler_nor_the_lemmatizer_over_whole_texts():
    names = load_nlp().pipe_names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert {"tagger", "parser", "ner"} <= set(names)


@pytest.mark.parametrize("text", TEXTS)
def test_lemmas_and_coarse_tags_on_demand_are_those_of_the_whole_pipeline(shipped, text):
    whole = shipped(text)
    ours = parse_one(text)
    assert [t.text for t in ours] == [t.text for t in whole]
    # in the order a stage might ask, back to front too: one token's answer must not depend on another's
    for token in reversed(ours):
        expected = whole[token.i]
        assert (lemma(token), pos(token), str(token.morph)) == (expected.lemma_, expected.pos_, str(expected.morph))
    assert [(t.tag_, t.dep_, t.head.i) for t in ours] == [(t.tag_, t.dep_, t.head.i) for t in whole]
    assert [(e.start, e.end, e.label_) for e in ours.ents] == [(e.start, e.end, e.label_) for e in whole.ents]
