"""Fatalities under ACLED's conventions and equipment losses."""

from __future__ import annotations

from frontwire.extract.quantities import count_fatalities, find_losses


def test_only_deaths_count_and_lists_are_summed():
    assert count_fatalities("4 soldiers and 3 militants were killed and 6 were wounded in the attack.") == 7


def test_most_conservative_figure():
    assert count_fatalities("Between 2-5 policemen were killed at the post.") == 2
    assert count_fatalities("At least 25 soldiers were killed (22 according to Taliban sources).") == 25


def test_included_people_are_not_counted_twice():
    assert count_fatalities("12 fighters including 2 commanders were killed near the town.") == 12


def test_active_voice_and_animals():
    assert count_fatalities("Gunmen attacked the village, killing 3 farmers.") == 3
    assert count_fatalities("Shelling hit a farm and 3 animals were killed.") is None


def test_unknown_split_and_none():
    assert count_fatalities("Several soldiers were killed and wounded in the ambush.") == 0
    assert count_fatalities("Protesters marched through the city.") is None
    assert count_fatalities("No casualties were reported.") == 0


def test_partisan_outlet_claims_count_zero():
    assert count_fatalities("Militants ambushed and killed 3 soldiers.", partisan_source=True) == 0


def test_coder_remark_wins():
    assert count_fatalities("2 soldiers were killed. Fatalities coded as 0 (VoJ reported 2).") == 0


def test_enumerated_losses():
    text = ("A large number of enemy forces, 4 - BM-21 \"Grad\" MLRS, 10 - different types of howitzers, "
            "3 – trucks loaded with ammunition, and 5 – other auto vehicles were destroyed.")
    losses = {(loss.category, loss.count) for loss in find_losses(text, "Ruritania")}
    assert losses == {("MLRS", 4), ("artillery", 10), ("truck", 3), ("vehicle", 5)}
    assert all(loss.status == "destroyed" and loss.side == "Ruritania" for loss in find_losses(text, "Ruritania"))


def test_single_aircraft_shot_down():
    losses = find_losses("Air defence units shot down another Su-25 attack aircraft over the valley.", "X")
    assert [(loss.category, loss.count, loss.status) for loss in losses] == [("aircraft", 1, "shot down")]
    assert "Su-25" in losses[0].item


def test_reported_total_is_split_between_listed_locations(parse):
    from frontwire.extract import extract_frames
    from frontwire.records import Document

    text = "On 7 May, army operations killed 9 militants in Chora, Deh Rawud and Tarinkot districts, Urozgan."
    frames = extract_frames(Document(id="n", text=text), parse(text), use_packaged=False)
    assert frames[0].fatalities == 3


def test_numbers_inside_phrases_are_not_people():
    text = "Militants attacked several posts, as a result 3 militants were killed and 2 injured."
    assert count_fatalities(text) == 3


def test_a_figure_of_speech_kills_no_one():
    assert count_fatalities("Protesters held signs saying the bank is killing the planet.") is None
    assert count_fatalities("Protesters said the new law was killing the economy.") is None
    assert count_fatalities("The blast ripped through the market, killing the driver.") == 1
