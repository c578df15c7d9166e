"""Neutral notes written from a claim's fields."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from frontwire.extract.notes import LOADED_WORDS, compose_notes, neutralise
from frontwire.records import Claim, Loss


def _claim(**kw):
    base = dict(claim_id="e", doc_id="d", event_type="Battles", sub_event_type="Government regains territory",
                disorder_type="Political violence", event_date=date(2020, 11, 2), date_start=date(2020, 11, 2),
                date_end=date(2020, 11, 2), time_precision=1, actor1="Military Forces of Azerbaijan (2003-)",
                actor2="Military Forces of Armenia (2018-)", country="Azerbaijan", admin1="Qubadli",
                location="Milanli", geo_precision=1)
    base.update(kw)
    return Claim(**base)


def test_capture_note_reads_like_acled():
    assert compose_notes(_claim()) == "On 2 November 2020, Azerbaijani forces captured Milanli (Qubadli)."


def test_range_fatalities_and_losses():
    claim = _claim(sub_event_type="Shelling/artillery/missile attack", event_type="Explosions/Remote violence",
                   date_start=date(2020, 11, 1), date_end=date(2020, 11, 2), fatalities=2,
                   losses=(Loss("Armenia", "MLRS", "BM-21 Grad MLRS", 4, "destroyed"),),
                   claimed_by="Ministry of Defence of Azerbaijan", geo_precision=2)
    note = compose_notes(claim)
    assert note.startswith("Between 1 November and 2 November 2020")
    assert "2 fatalities" in note and "4 BM-21 Grad MLRS" in note and note.endswith(".")


@given(st.sampled_from(sorted(LOADED_WORDS)), st.sampled_from(["Milanli", "Kabul"]))
def test_loaded_words_never_survive(word, place):
    note = compose_notes(_claim(location=f"{place} {word}", actor1=f"{word.capitalize()} Brigade"))
    assert word not in note.lower().split()


def test_neutralise_keeps_case():
    assert neutralise("Liberated villages from occupiers") == "Captured villages from forces"


def test_denied_claim_note_says_it_was_denied():
    text = compose_notes(_claim(modality="denied", claimed_by="Ministry of Defence of Armenia"))
    assert text.endswith("; Ministry of Defence of Armenia denied this.")
    assert "denied" not in compose_notes(_claim())
