"""Resolution behaviour on short sentences of our own: the text's district decides, homonyms abroad lose."""

from __future__ import annotations

from dataclasses import replace

import pytest

from frontwire.geo import find_toponyms, resolve_event_place
from frontwire.records import Document, EventFrame, Span


def _frame(text, names=(), context=(), hints=("Azerbaijan", "Armenia")):
    def span(word):
        i = text.index(word)
        return Span(word, i, i + len(word))

    return EventFrame(event_type="Battles", sub_event_type="Armed clash", disorder_type="Political violence",
                      anchor=Span(text, 0, len(text)), place_names=tuple(span(n) for n in names),
                      place_context=tuple(span(c) for c in context), country_hints=hints)


def _resolve(gaz, text, **kw):
    return resolve_event_place(_frame(text, **kw), Document(id="t", text=text), gaz)


def test_resolve_place_prefers_district_named_in_text(gaz):
    # İşıqlı exists in Qubadli and in Füzuli; Muradxanlı in Qubadli and in İmişli.
    for district, admin1 in (("Fuzuli", "Fuezuli"), ("Gubadli", "Qubadli")):
        text = f"The army said it had retaken Ishigli in the {district} district."
        place = _resolve(gaz, text, names=("Ishigli",), context=(district,))
        assert place.admin1 == admin1 and place.geo_precision == 1
    place = _resolve(gaz, "Shelling hit Muradkhanli, a village of Imishli.", names=("Muradkhanli",),
                     context=("Imishli",))
    assert place.admin1 == "Imisli"


def test_name_found_only_outside_named_district_gives_district_at_precision_2(gaz):
    text = "Troops entered Gosha Bulag, one of the villages of Jabrayil."
    place = _resolve(gaz, text, names=("Gosha Bulag",), context=("Jabrayil",))
    assert (place.admin1, place.geo_precision, place.location) == ("Jabrayil", 2, "Gosha Bulag")
    assert place.evidence == Span("Gosha Bulag", 15, 26)
    assert "not in the gazetteer for the unit named" in place.reason


def test_misspelt_village_is_matched_fuzzily_inside_the_named_district(gaz):
    place = _resolve(gaz, "The army took Chaprand in Jabrayil.", names=("Chaprand",), context=("Jabrayil",))
    assert place.place_id == "wof:1243234631" and place.geo_precision == 1  # WOF spells it Chapand
    assert "closest spelling" in place.reason


def test_country_hints_rule_out_homonyms_abroad(gaz):
    text = "Fighters shelled Dawlat Abad district on Tuesday."
    place = _resolve(gaz, text, names=("Dawlat Abad",), hints=("Afghanistan",))
    assert place.country == "Afghanistan"
    place = _resolve(gaz, "Clashes were reported near Tavush overnight.", names=("Tavush",), hints=("Armenia",))
    assert place.country == "Armenia" and place.admin1 == "Tavush"


def test_direction_of_front_is_placed_in_the_district(gaz):
    text = "Fighting went on in the Aghdam, Khojavend and Gubadli directions."
    for name, admin1 in (("Aghdam", "Agdam"), ("Khojavend", "Khojavend"), ("Gubadli", "Qubadli")):
        place = _resolve(gaz, text, names=(name,))
        assert place.admin1 == admin1 and place.geo_precision == 2
        assert place.latitude is not None


def test_empty_place_names_scan_the_anchor_first_located_place(gaz):
    text = "On 3 May, forces of Azerbaijan fired on positions of Armenia located near Berdavan, Tavush."
    place = _resolve(gaz, text)
    assert (place.location, place.admin1, place.country) == ("Berdavan", "Tavush", "Armenia")
    assert place.geo_precision == 2  # "near"


def test_district_and_province_pattern_gives_admin2_in_admin1(gaz):
    text = "On 2 March, a check point was attacked in Dawlat Abad district, Balkh."
    place = _resolve(gaz, text, hints=("Afghanistan",))
    assert place.admin1 == "Balkh" and place.admin2 and place.geo_precision == 2
    assert place.location == "Dawlat Abad"


def test_unknown_place_in_named_district_keeps_its_name_at_district_level(gaz):
    text = "On 5 March, a bomb exploded in the Qarzenabad area of Nad Ali district, Helmand."
    place = _resolve(gaz, text, hints=("Afghanistan",))
    assert place.admin1 == "Helmand" and place.location == "Qarzenabad" and place.geo_precision == 2


def test_no_place_in_text_gives_country_level_at_precision_3(gaz):
    place = _resolve(gaz, "Protesters gathered in front of the Government House.", hints=("Armenia",))
    assert place.country == "Armenia" and place.geo_precision == 3


def test_country_names_are_not_event_places(gaz):
    text = "Forces of Azerbaijan fired at Armenia's positions near Chinari."
    place = _resolve(gaz, text)
    assert place.location == "Chinari" and place.country == "Armenia"


def test_find_toponyms_gives_spans_and_candidates(gaz):
    text = "Aliyev said Chapand and Milanli villages of Qubadli were taken; Deir ez-Zor is elsewhere."
    found = {t.span.text: t for t in find_toponyms(text, gaz)}
    assert {"Milanli", "Qubadli", "Deir ez-Zor"} <= set(found)
    assert found["Milanli"].unit == "village"
    t = found["Deir ez-Zor"]
    assert text[t.span.start:t.span.end] == "Deir ez-Zor"
    assert any(gaz.place(i).cc == "SY" for i in t.candidates)


@pytest.mark.parametrize("word", ["March", "Long", "Monday", "Armenian", "Media"])
def test_common_words_are_not_toponyms(gaz, word):
    assert not find_toponyms(f"{word} was mentioned.", gaz)


def test_name_found_only_without_its_qualifier_is_not_that_other_village(gaz):
    # Jabrayil has both İsaqlı and Hacı İsaqlı; only İsaqlı is in the gazetteer.
    text = "The army took Haji Isaqli, a village of Jabrayil."
    place = _resolve(gaz, text, names=("Haji Isaqli",), context=("Jabrayil",))
    assert (place.admin1, place.geo_precision, place.location) == ("Jabrayil", 2, "Haji Isaqli")
    assert place.place_id != "wof:1259863059"


def test_border_village_filed_next_door_keeps_the_texts_region(gaz):
    # WOF files Tigranashen (Kərki) under Nakhchivan; Armenian reports place it in Ararat.
    text = "Forces of Azerbaijan fired on positions of Armenia located near Tigranashen, Ararat."
    place = _resolve(gaz, text)
    assert (place.country, place.admin1, place.location) == ("Armenia", "Ararat", "Tigranashen")
    assert abs(place.latitude - 39.787) < 0.05 and abs(place.longitude - 44.947) < 0.05


def test_other_places_in_the_document_decide_between_homonyms(gaz):
    # Şıxlar is the name of a dozen villages; the document is about the Jabrayil front.
    text = ("Heavy fighting went on around Jabrayil and Chapand all week. "
            "On Sunday the army said it had taken Shykhlar.")
    anchor_start = text.index("On Sunday")
    frame = EventFrame(event_type="Battles", sub_event_type="Government regains territory",
                       disorder_type="Political violence", anchor=Span(text[anchor_start:], anchor_start, len(text)),
                       place_names=(Span("Shykhlar", text.index("Shykhlar"), text.index("Shykhlar") + 8),),
                       country_hints=("Azerbaijan",))
    place = resolve_event_place(frame, Document(id="t", text=text), gaz)
    assert place.admin1 == "Jabrayil" and place.geo_precision == 1


AF = ("Afghanistan",)


def test_bracketed_other_name_places_a_district_at_its_seat(gaz):
    # GeoNames holds Andar district without coordinates and its seat Miray with "Shalgar" among its names
    text = "Taliban militants attacked a base in Andar (Shalgar) district, Ghazni."
    place = _resolve(gaz, text, hints=AF)
    miray = next(gaz.place(i) for i in gaz.lookup("Miray") if gaz.ccs[i] == "AF")
    assert (place.admin2, place.geo_precision) == ("Andar", 2)
    assert (place.latitude, place.longitude) == (round(miray.lat, 5), round(miray.lon, 5))
    assert "in brackets" in place.reason


def test_name_called_a_district_matches_loosely_among_the_provinces_districts(gaz):
    place = _resolve(gaz, "A policeman was killed in Khaniqa district, Jowzjan.", hints=AF)
    assert (place.admin1, place.admin2, place.geo_precision) == ("Jowzjan", "Khanaqah", 2)
    place = _resolve(gaz, "Two soldiers died in Jiji (Zazi Aryub) district, Paktia.", hints=AF)
    assert (place.admin1, place.admin2) == ("Paktia", "Jaji")


def test_close_spelling_far_from_the_named_district_is_not_taken(gaz):
    text = "Militants attacked a post in the 'Qalat' area of Kushki Kuhna district, Herat."
    place = _resolve(gaz, text, hints=AF)
    assert (place.admin1, place.geo_precision, place.location) == ("Herat", 2, "Qalat")
    district = next(gaz.place(i) for i in gaz.lookup("Kushk-e Kuhnah") if gaz.kinds[i] == 2)
    assert (place.latitude, place.longitude) == (round(district.lat, 5), round(district.lon, 5))


def test_where_a_march_went_is_not_the_unit_it_started_in(gaz):
    text = "On 31 March, in Gyumri, activists started a march from Gyumri to Yerevan."
    place = _resolve(gaz, text, hints=("Armenia",))
    assert (place.location, place.admin1, place.geo_precision) == ("Gyumri", "Shirak", 1)


def test_village_called_so_today_beats_one_that_once_was(gaz):
    # Aragatsavan was once called Aragats; the village called Aragats today is the one meant
    place = _resolve(gaz, "About 300 residents of Aragats blocked the highway.", hints=("Armenia",))
    aragats = [gaz.place(i) for i in gaz.lookup("Aragats") if gaz.primary[i] == "Aragats"]
    assert place.location == "Aragats" and place.place_id in {a.id for a in aragats}


def test_extractions_district_takes_the_province_its_clause_names(gaz):
    # Dawlat Abad is a district of Faryab and of Balkh; extraction hands over only the district
    text = "Two militants were killed in the Barbarpa village of Dawlat Abad district, Balkh."
    place = _resolve(gaz, text, names=("Barbarpa",), context=("Dawlat Abad",), hints=AF)
    assert (place.admin1, place.geo_precision, place.location) == ("Balkh", 2, "Barbarpa")


def test_karabakh_report_places_martuni_in_karabakh_not_armenia(gaz):
    # "Martuni" is Armenia's town in Gegharkunik and the Karabakh town Azerbaijan calls Khojavend; a report on the
    # fighting around Jabrayil and Tartar means the latter
    text = ("Azerbaijan's army took three villages in the Jabrayil district and Armenian artillery fired on Tartar. "
            "Armenia said Azerbaijani drones struck positions near Martuni.")
    i = text.index("Armenia said")
    frame = replace(_frame(text, names=("Martuni",)), anchor=Span(text[i:], i, len(text)))
    place = resolve_event_place(frame, Document(id="t", text=text), gaz)
    assert (place.country, place.admin1) == ("Azerbaijan", "Khojavend")


def test_the_state_of_a_name_is_the_state_not_its_city(gaz):
    # sentences of our own: "the state of New York" is the state, not the city; "the province of" likewise
    text = "Protests spread across the state of New York on Sunday."
    assert [t.unit for t in find_toponyms(text, gaz) if t.span.text == "New York"] == ["region"]
    place = _resolve(gaz, text, names=("New York",), hints=("United States",))
    assert place.location == place.admin1 == "New York" and place.geo_precision == 3
    assert _resolve(gaz, "Protests spread across New York on Sunday.", names=("New York",),
                    hints=("United States",)).geo_precision == 1  # the city, told plainly
    text = "Fighting was reported in the province of Balkh."
    assert [t.unit for t in find_toponyms(text, gaz) if t.span.text == "Balkh"] == ["region"]
