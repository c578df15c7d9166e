"""Actor names, countries and office holders (user tables: tests/reference)."""

from __future__ import annotations

from frontwire.extract.actors import actor_country, correct_person, find_actors, state_actor


def test_state_forces_named_acled_style():
    found = find_actors("military forces of Azerbaijan fired on the positions of the military forces of Armenia")
    assert [a.name for a in found] == ["Military Forces of Azerbaijan (2003-)", "Military Forces of Armenia (2018-)"]
    assert all(a.inter == 1 for a in found)


def test_adjectives_and_generic_actors_take_home_country():
    found = find_actors("Afghan forces repelled Taliban militants; two civilians and a policeman were hurt",
                        home="Afghanistan")
    names = [a.name for a in found]
    assert names[0].startswith("Military Forces of Afghanistan")
    assert "Taliban" in names and "Civilians (Afghanistan)" in names
    assert any(n.startswith("Police Forces of Afghanistan") for n in names)


def test_enemy_in_a_partys_statement_is_the_other_side():
    found = find_actors("a large number of enemy forces were destroyed", speaker_country="Azerbaijan")
    assert found[0].country == "Armenia" and found[0].name.startswith("Military Forces of Armenia")


def test_misspelt_office_holder_is_corrected():
    person = correct_person("Ilhan Aliyev")
    assert person is not None and person.name == "Ilham Aliyev" and person.office == "President of Azerbaijan"
    assert correct_person("Somebody Unknown") is None


def test_period_suffix_follows_the_date():
    from datetime import date

    assert state_actor("Military Forces", "Armenia", date(2017, 1, 1)) == "Military Forces of Armenia (2008-2018)"
    assert state_actor("Police Forces", "France") == "Police Forces of France"


def test_actor_country_of_acled_names():
    assert actor_country("Military Forces of Afghanistan (2014-) Special Forces") == "Afghanistan"
    assert actor_country("Civilians (Armenia)") == "Armenia"
    assert actor_country("Taliban") == "Afghanistan"
    assert actor_country("Islamic State (Afghanistan)") == "Afghanistan"


def test_units_of_an_army_make_the_army_the_actor(parse):
    from datetime import date

    from frontwire.extract import extract_frames
    from frontwire.records import Document

    text = "Units of the Azerbaijan Army took control of Gosha Bulag village of Jabrayil district on November 2."
    document = Document(id="u", text=text, published_at=date(2020, 11, 2))
    [frame] = extract_frames(document, parse(text), use_packaged=False)
    assert frame.actor1 == "Military Forces of Azerbaijan (2003-)"
    assert frame.actor2 != frame.actor1
