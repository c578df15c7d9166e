"""One user folder of reference tables reaches extraction, notes and the ledger alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwire.extract.actors import find_actors
from frontwire.extract.claims import find_speaker
from frontwire.extract.frames import _partisan_outlet
from frontwire.extract.notes import describe_actor
from frontwire.ledger.names import aligned, origin_key, side_of


@pytest.fixture
def user_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A country pair at war, its president, a party outlet and the pair's sides, in files of the packaged names."""
    (tmp_path / "countries.tsv").write_text(
        "# country\tadjectives\tother names\n"
        "Ruritania\tRuritanian\tStrelsau\n"
        "Grand Fenwick\tFenwickian\t\n", encoding="utf-8")
    (tmp_path / "people.tsv").write_text(
        "Rudolf Elphberg\tPresident of Ruritania\tRuritania\tGovernment of Ruritania\tElphberg\n", encoding="utf-8")
    (tmp_path / "outlets.tsv").write_text("Strelsau Herald\tHerald\tRuritania\n", encoding="utf-8")
    (tmp_path / "sides.tsv").write_text(
        "Ruritania\tagainst\tGrand Fenwick\nGrand Fenwick\tagainst\tRuritania\n"
        "Zenda Militia\twith\tRuritania\n", encoding="utf-8")
    monkeypatch.setenv("FRONTWIRE_REFERENCE_DIR", str(tmp_path))
    return tmp_path


def _names(text: str, **kwargs: object) -> list[str]:
    return [a.name for a in find_actors(text, **kwargs)]  # type: ignore[arg-type]


def test_packaged_tables_know_none_of_it():
    assert "Military Forces of Ruritania" not in _names("Ruritanian troops shelled the border")
    assert side_of("Ruritanian Defence Ministry") is None


def test_extraction_finds_the_user_country_person_outlet_and_enemy(user_tables):
    assert "Military Forces of Ruritania" in _names("Ruritanian troops shelled the border")
    assert "Rudolf Elphberg" in _names("Rudolf Elphberg visited the front")
    assert "Military Forces of Grand Fenwick" in _names("The enemy shelled our positions",
                                                        speaker_country="Ruritania")
    speaker = find_speaker("Two soldiers were killed, the commander told Strelsau Herald.")
    assert speaker is not None and speaker.claimed_by == "Strelsau Herald"
    assert _partisan_outlet("Strelsau Herald")


def test_notes_describe_the_user_country(user_tables):
    assert describe_actor("Military Forces of Ruritania", fallback="someone") == "Ruritanian forces"


def test_the_ledger_reads_sides_from_the_user_tables(user_tables):
    assert side_of("Ruritanian Defence Ministry") == "Ruritania"
    assert side_of("President Elphberg") == "Ruritania"
    assert origin_key("Elphberg") == origin_key("Rudolf Elphberg")
    assert origin_key("Ruritanian Defence Ministry") == origin_key("Ministry of Defense of Ruritania")
    assert aligned("Zenda Militia") == "Ruritania"


def test_the_pipeline_codes_with_the_reference_dir_setting(tmp_path):
    from frontwire.config import Settings
    from frontwire.pipeline import Pipeline
    from frontwire.records import RawDocument
    from frontwire.reference import use_reference_dir

    (tmp_path / "countries.tsv").write_text("Ruritania\tRuritanian\t\nGrand Fenwick\tFenwickian\t\n", encoding="utf-8")
    report = RawDocument(id="r1", published_at="2024-05-08",
                         text="Ruritanian troops shelled a border village in Grand Fenwick on Monday, killing two "
                              "civilians, the Fenwickian Defence Ministry said.")
    try:
        results = list(Pipeline(Settings(progress=False, reference_dir=str(tmp_path))).run([report]))
        claims = [c for r in results for c in r.claims]
        assert [(c.actor1, c.actor2) for c in claims] == [("Military Forces of Ruritania", "Civilians (Grand Fenwick)")]
        assert side_of(claims[0].claimed_by) == "Grand Fenwick"
    finally:
        use_reference_dir(None)
