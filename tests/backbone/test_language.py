"""Which language a document is in: English is settled by its grammar words, anything else by langdetect."""

from __future__ import annotations

import pytest

from frontwire.clean.language import _reads_english, detect_language

# our own sentences, in the languages news arrives in
ENGLISH = ("Police said that the crowd was dispersed after it had blocked the road to the port for two hours, "
           "and that their officers were not hurt.")
OTHERS = {
    "fr": "La police a dispersé la foule qui bloquait la route du port depuis deux heures, selon la préfecture.",
    "es": "La policía dispersó a la multitud que bloqueaba la carretera al puerto desde hacía dos horas.",
    "it": "La polizia ha disperso in piazza a Milano la folla che da due ore bloccava la strada per il porto.",
    "pt": "A polícia dispersou as pessoas que bloqueavam a estrada para o porto há duas horas, em Lisboa.",
    # German and Dutch with as many of the English words they share ("in", "an", "was") as a sentence holds
    "de": "Was in der Stadt an diesem Tag in den Straßen geschah, war ein Protest gegen die neue Regierung.",
    "nl": "Het was in de stad een drukte van belang, want in de haven had de politie de weg geblokkeerd.",
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


def test_a_coders_note_is_settled_by_its_grammar_words():
    note = "On 4 May 2021, an IED planted by militants hit an army vehicle on the road in Maiwand district, Kandahar."
    assert _reads_english(note)
    assert detect_language(note) == "en"


def test_a_note_without_english_only_grammar_words_is_settled_by_its_report_words():
    # "was", "by", "in", "on" are German, Dutch or Danish words too: "killed" is English alone
    note = "On 9 June 2021, 1 soldier was killed by a sniper in Nad Ali district, Helmand."
    assert _reads_english(note)
    assert not _reads_english(note.replace("killed", "hit"))
    assert detect_language(note) == "en"
