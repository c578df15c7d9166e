"""Claimants, quotes, modality and background."""

from __future__ import annotations

from datetime import date

from frontwire.extract.claims import find_speaker, is_historical, modality_of, quote_spans, quote_speaker


def test_ministry_names_are_normalised():
    for text in ("the Azerbaijani Defence Ministry said", "according to Armenia's Defense Ministry",
                 "the Ministry of Defence of Azerbaijan reported"):
        speaker = find_speaker(text)
        assert speaker is not None and speaker.claimed_by.startswith("Ministry of Defence of"), text


def test_quote_attributed_to_the_speaker_after_it():
    text = '"Our units took the hill," President Ilhan Aliyev said on Twitter.'
    quote = quote_spans(text)[0]
    speaker = quote_speaker(text, quote)
    assert speaker is not None and speaker.claimed_by == "Ilham Aliyev" and speaker.country == "Azerbaijan"


def test_background_is_historical():
    published = date(2020, 11, 2)
    assert is_historical("Relations have been tense since 1991 when the war began.", published)
    assert is_historical("A ceasefire was agreed in 1994.", published)
    assert is_historical("Fresh clashes erupted on September 27 along the line.", published)
    assert not is_historical("The convoy was hit on October 31.", published)


def test_modality():
    assert modality_of("The ministry denied that its forces shelled the village.") == "denied"
    assert modality_of("The army plans to attack the town next week.") == "planned"
    assert modality_of("Rebels could seize the town.") == "hypothetical"
    assert modality_of("Rebels seized the town.") == "asserted"
