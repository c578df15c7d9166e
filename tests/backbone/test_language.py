"""Which language a document is in: English is settled by its grammar words, anything else by langdetect."""

from __future__ import annotations

import pytest

from frontwire.clean.language import _reads_english, detect_language

# our own sentences, in the languages news arrives in
ENGLISH = ("Police said that the crowd was dispersed after it had blocked the road to the port for two hours, "
           "and that their officers were not hurt.")
OTHERS = {
    "fr": "La police a dispersé la foule qui bloquait la route du port depuis deux heures, selon la préfecture.",
    "de": "Die Polizei hat die Menge aufgelöst, die seit zwei Stunden die Straße zum Hafen blockiert hatte.",
    "nl": "De politie heeft de menigte uiteengedreven die de weg naar de haven twee uur lang had geblokkeerd.",
    "es": "La policía dispersó a la multitud que bloqueaba la carretera al puerto desde hacía dos horas.",
}


def test_plain_english_is_settled_by_its_grammar_words():
    assert _reads_english(ENGLISH)
    assert detect_language(ENGLISH) == "en"


@pytest.mark.parametrize("code", sorted(OTHERS))
def test_other_languages_are_left_to_langdetect(code):
    assert not _reads_english(OTHERS[code])
    assert detect_language(OTHERS[code]) == code


def test_a_terse_english_note_is_left_to_langdetect_and_still_english():
    note = "Armed clashes between army units and militants near Kandahar city; 4 militants killed, 2 soldiers wounded."
    assert not _reads_english(note)
    assert detect_language(note) == "en"
