"""The reference tables: read once when first asked for, looked up through one fold, extended by a user folder."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from frontwire.errors import UsageError
from frontwire.reference import fold, reference, use_reference_dir
from frontwire.reference.vocabulary import MONTH_NAMES, MONTHS, NUMBER_WORDS, WEEKDAY_NAMES, WEEKDAYS


def test_fold_makes_spellings_of_one_name_equal():
    assert fold("Burkinabé") == fold("burkinabe") == "burkinabe"
    assert fold("Nagorno-Karabakh") == fold("nagorno karabakh")
    assert fold("Qubadlı") == "qubadli"
    assert fold("Şuşa") == "shusha"
    assert fold("People’s Republic") == fold("People's Republic") == "people s republic"
    assert fold(None) == fold("") == ""


def test_tables_are_not_read_at_import_time():
    code = ("import frontwire.extract, frontwire.dates, frontwire.ledger, frontwire.pipeline\n"
            "from frontwire.reference import tables\n"
            "print(len(tables._cache))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_any_spelling_of_a_country_finds_it():
    ref = reference()
    assert ref.country_of("Azeri") == ref.country_of("azerbaijani") == "Azerbaijan"
    assert ref.country_of("Burkinabe") == ref.country_of("Burkinabé") == "Burkina Faso"
    assert ref.country_of("Nagorno Karabakh") == "Artsakh"
    assert ref.country_of("Atlantis") is None


def test_acronyms_count_only_in_capitals_so_folded_text_ignores_them():
    words = reference().country_words
    assert words.country_of("CAR") == "Central African Republic"
    assert words.first_in("a car bomb went off") is None
    assert words.first_in("the ministry of defence of armenia") == "Armenia"
    # earliest position wins: a Turkish agency quoting an Azerbaijani ministry is Turkish
    assert words.first_in("turkish agency quoting azerbaijani ministry") == "Turkey"


def test_sides_are_directed():
    ref = reference()
    assert ref.adversaries["Azerbaijan"] == "Armenia"
    assert ref.adversaries["Artsakh"] == "Azerbaijan"
    assert ref.allies["Artsakh"] == "Armenia"
    assert "Eritrea" not in ref.adversaries


def test_a_month_weekday_and_number_word_have_one_value():
    assert [MONTHS[name.lower()] for name in MONTH_NAMES] == list(range(1, 13))
    assert MONTHS["sept"] == MONTHS["sep"] == 9
    assert [WEEKDAYS[name.lower()] for name in WEEKDAY_NAMES] == list(range(7))
    assert NUMBER_WORDS["sixteen"] == 16 and NUMBER_WORDS["a couple of"] == 2 and NUMBER_WORDS["a few"] == 3


def test_stages_read_number_words_from_the_one_table():
    from frontwire.dates.patterns import number_value
    from frontwire.extract.places import stated_count
    from frontwire.extract.quantities import to_number

    assert number_value("sixteen") == to_number("sixteen") == stated_count("took sixteen villages") == 16


def test_a_bad_sides_row_says_how_to_fix_it(tmp_path, monkeypatch):
    (tmp_path / "sides.tsv").write_text("Ruritania\tfights\tGrand Fenwick\n", encoding="utf-8")
    monkeypatch.setenv("FRONTWIRE_REFERENCE_DIR", str(tmp_path))
    with pytest.raises(UsageError, match="against or with"):
        reference()


def test_a_user_row_adds_spellings_to_a_country_the_table_has(tmp_path, monkeypatch):
    (tmp_path / "countries.tsv").write_text("Armenia\tHay\t\n", encoding="utf-8")
    monkeypatch.setenv("FRONTWIRE_REFERENCE_DIR", str(tmp_path))
    ref = reference()
    assert ref.country_of("Hay") == "Armenia"
    armenia = ref.country("Armenia")
    assert armenia is not None and armenia.adjectives[0] == "Armenian" and "Hay" in armenia.adjectives
    assert sum(c.name == "Armenia" for c in ref.countries) == 1


def test_the_setting_wins_over_the_environment(tmp_path, monkeypatch):
    (tmp_path / "countries.tsv").write_text("Ruritania\tRuritanian\t\n", encoding="utf-8")
    monkeypatch.setenv("FRONTWIRE_REFERENCE_DIR", str(tmp_path / "elsewhere"))
    assert reference().country_of("Ruritanian") is None
    use_reference_dir(str(tmp_path))
    try:
        assert reference().country_of("Ruritanian") == "Ruritania"
    finally:
        use_reference_dir(None)
    assert reference().country_of("Ruritanian") is None


def test_the_environment_fills_the_setting(tmp_path, monkeypatch):
    from frontwire.config import Settings

    monkeypatch.setenv("FRONTWIRE_REFERENCE_DIR", str(tmp_path))
    assert Settings.load().reference_dir == str(tmp_path)


def test_user_groups_file_extends_the_groups(tmp_path, monkeypatch):
    from frontwire.extract.actors import find_actors

    (tmp_path / "groups.json").write_text(json.dumps({"actors": [
        {"name": "Northern Liberation Front", "country": "Ruritania", "inter": 2, "aliases": ["NLF"]}]}))
    monkeypatch.setenv("FRONTWIRE_REFERENCE_DIR", str(tmp_path))
    found = find_actors("NLF fighters attacked an army post")
    assert any(a.name == "Northern Liberation Front" and a.country == "Ruritania" and a.inter == 2 for a in found)


def test_every_reference_country_is_spelled_as_the_gazetteer_spells_it():
    from frontwire.geo.gazetteer import canonical_country

    parties_without_a_state = {"Artsakh"}
    for country in reference().countries:
        if country.name not in parties_without_a_state:
            assert canonical_country(country.name) == country.name
