"""News reports of our own writing: the mistakes a human coder would not make."""

from __future__ import annotations

from datetime import date

from frontwire.extract import extract_frames
from frontwire.extract.subevent import type_by_rules

from .conftest import note


def test_police_as_source_do_not_make_an_abduction_an_attack(parse):
    text = ("Armed men kidnapped nine traders from a lorry near Gusau in Nigeria's Zamfara state on Friday, "
            "police said on Saturday.\n\nPolice said they were searching the forest for the kidnapped traders.")
    assert type_by_rules(text).sub_event_type == "Abduction/forced disappearance"
    frames = extract_frames(note(text, published=date(2021, 3, 6)), parse(text), use_packaged=False)
    assert frames and frames[0].sub_event_type == "Abduction/forced disappearance"
    assert frames[0].actor2 and frames[0].actor2.startswith("Civilians")


def test_police_victims_still_block_the_abduction_reading():
    text = "Gunmen kidnapped two policemen at a checkpoint near Gusau on Friday."
    typing = type_by_rules(text)
    assert typing is None or typing.sub_event_type != "Abduction/forced disappearance"


_RALLY = ("About two thousand people gathered in front of the parliament in Tbilisi on Saturday to demand early "
          "elections after the disputed vote.\n\n"
          "Police dispersed the crowd and detained a dozen protesters who blocked the avenue, the Interior Ministry "
          "said.\n\nNo one was hurt.\n\nOpposition leaders said they would hold more rallies next week.")


def test_people_gathering_to_demand_are_protesters_and_police_make_it_an_intervention(parse):
    document = note(_RALLY, published=date(2021, 5, 15))
    frames = extract_frames(document, parse(_RALLY), use_packaged=False)
    protests = [f for f in frames if f.event_type == "Protests"]
    assert len(protests) == 1
    assert protests[0].sub_event_type == "Protest with intervention"
    assert protests[0].actor1 and protests[0].actor1.startswith("Protesters")
    assert protests[0].actor2 and protests[0].actor2.startswith("Police Forces of Georgia")


def test_a_protest_note_never_has_an_unidentified_actor():
    from frontwire.extract.notes import compose_notes
    from frontwire.records import Claim

    for sub in ("Peaceful protest", "Protest with intervention"):
        claim = Claim(claim_id="e", doc_id="d", event_type="Protests", sub_event_type=sub,
                      disorder_type="Demonstrations", event_date=date(2021, 5, 15), date_start=date(2021, 5, 15),
                      date_end=date(2021, 5, 15), time_precision=1, location="Tbilisi")
        text = compose_notes(claim)
        assert "unidentified actor" not in text
        assert "protesters held a protest in Tbilisi" in text


_FRONT = ("KYIV, June 9, 2023 - Ukraine's army has retaken two more villages in the Bakhmut district, the General "
          "Staff said on Friday.\n\n"
          "The General Staff named the villages as Klishchiivka and Andriivka, and said Russian units had withdrawn "
          "to the east.\n\n"
          "Russian artillery fired on the town of Kostiantynivka overnight, damaging a school, regional officials said."
          "\n\nRussia's Defence Ministry denied that its forces had shelled Kostiantynivka and said Ukrainian drones "
          "struck a depot near Horlivka on Thursday.")


def test_a_counted_capture_takes_its_villages_from_the_next_sentence(parse):
    frames = extract_frames(note(_FRONT, published=date(2023, 6, 9)), parse(_FRONT), use_packaged=False)
    taken = [f for f in frames if f.sub_event_type == "Government regains territory"]
    assert [f.place_names[0].text for f in taken] == ["Klishchiivka", "Andriivka"]
    assert all(f.place_context and f.place_context[0].text == "Bakhmut" for f in taken)
    assert all(f.actor1 and f.actor1.startswith("Military Forces of Ukraine") for f in taken)


def test_a_denial_and_a_second_report_in_one_sentence_are_two_claims(parse):
    frames = extract_frames(note(_FRONT, published=date(2023, 6, 9)), parse(_FRONT), use_packaged=False)
    shelling = [f for f in frames if f.sub_event_type == "Shelling/artillery/missile attack"
                and f.place_names and f.place_names[0].text == "Kostiantynivka"]
    denied = [f for f in shelling if f.modality == "denied"]
    assert len(denied) == 1 and denied[0].claimed_by == "Ministry of Defence of Russia"
    assert any(f.modality == "asserted" for f in shelling)
    drones = [f for f in frames if f.sub_event_type == "Air/drone strike"]
    assert drones and drones[0].place_names[0].text == "Horlivka" and drones[0].modality == "asserted"
    assert drones[0].claimed_by == "Ministry of Defence of Russia"


_TWO_EVENTS = ("KANDAHAR, May 4, 2021 - Taliban fighters stormed an army outpost in Arghandab district of Kandahar "
               "province on Monday night, killing two soldiers, a provincial official said on Tuesday.\n\n"
               "The official said the attackers were pushed back after an hour of fighting.\n\n"
               "Separately, a roadside bomb hit a minibus in Maiwand district of Kandahar on Tuesday morning, "
               "wounding three civilians, police said.")


def test_a_dateline_report_is_read_sentence_by_sentence(parse):
    frames = extract_frames(note(_TWO_EVENTS, published=date(2021, 5, 4)), parse(_TWO_EVENTS), use_packaged=False)
    assert [f.sub_event_type for f in frames] == ["Armed clash", "Remote explosive/landmine/IED"]
    bomb = frames[1]
    assert bomb.place_names[0].text == "Maiwand" and bomb.place_context[0].text == "Kandahar"
    assert bomb.actor2 == "Civilians (Afghanistan)"
    assert bomb.actor1 == "Unidentified Armed Group (Afghanistan)"


def test_where_protesters_come_from_is_not_where_they_protest(parse):
    text = ("Residents of Norashen village held a protest in Yerevan on Monday against the dismissal of their "
            "village head.")
    frames = extract_frames(note(text, published=date(2019, 10, 8)), parse(text), use_packaged=False)
    assert frames and [p.text for p in frames[0].place_names] == ["Yerevan"]
    # with nowhere else named, the village is the place
    text = "Residents of Norashen village held a protest on Monday, demanding a new water pipe."
    frames = extract_frames(note(text, published=date(2019, 10, 8)), parse(text), use_packaged=False)
    assert frames and [p.text for p in frames[0].place_names] == ["Norashen"]


def test_a_newspaper_quoted_is_not_a_place(parse):
    text = "According to Aravot, farmers protested in Maralik on Tuesday over the price of milk."
    frames = extract_frames(note(text, published=date(2018, 10, 10)), parse(text), use_packaged=False)
    assert frames and [p.text for p in frames[0].place_names] == ["Maralik"]


def test_a_feeds_country_decides_a_village_name_found_in_many_countries(parse):
    from dataclasses import replace

    text = "Several dozen people protested in Shatin on Saturday, demanding the village head resign."
    document = note(text, published=date(2018, 8, 26))
    bare = extract_frames(document, parse(text), use_packaged=False)[0]
    fed = extract_frames(replace(document, countries=("Armenia",)), parse(text), use_packaged=False)[0]
    assert fed.country_hints[0] == "Armenia" and fed.actor1 == "Protesters (Armenia)"
    assert bare.actor1 != fed.actor1 or bare.country_hints[0] == "Armenia"


def test_a_brief_with_no_event_words_is_no_event_whatever_the_classifier_guesses(parse):
    # the packaged classifier only knows event types: asked about a market report it still names one
    text = ("Gold futures fell on Monday as the dollar firmed.\n\nTraders said thin holiday volumes exaggerated the "
            "move and expected prices to recover this week.")
    assert extract_frames(note(text, published=date(2021, 5, 3)), parse(text)) == []
