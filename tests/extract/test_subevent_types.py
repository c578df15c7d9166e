"""Every ACLED sub-event type is reachable from text a reporter could write (rules alone, no model)."""

from __future__ import annotations

import pytest

from frontwire.extract import SUB_EVENT_TYPES, extract_frames
from frontwire.extract.acled import disorder_type_of, event_type_of, interaction
from frontwire.extract.subevent import choose_sub_event, type_by_rules

from .conftest import note

CASES = {
    "Armed clash": "On 3 May, government troops clashed with rebels near Kidal, killing 4 fighters.",
    "Government regains territory": "On 5 June, the national army recaptured the town of Tessit from rebels.",
    "Non-state actor overtakes territory": "On 6 June, Taliban militants overran a police checkpoint in Jaghatu district and seized it.",
    "Shelling/artillery/missile attack": "On 7 June, artillery shells fired by separatist forces hit the outskirts of Donetsk.",
    "Air/drone strike": "On 8 June, an air strike by the military hit a market in Madagali, killing 6 people.",
    "Suicide bomb": "On 9 June, a suicide bomber blew himself up at a mosque in Peshawar, killing 12 worshippers.",
    "Remote explosive/landmine/IED": "On 10 June, a roadside bomb struck a minibus in Ghazni city, killing 2 passengers.",
    "Grenade": "On 11 June, unidentified men threw a hand grenade into a shop in Srinagar, injuring 3 people.",
    "Chemical weapon": "On 12 June, government forces used chemical weapons against the town of Douma.",
    "Sexual violence": "On 13 June, soldiers raped two women in a village of Kasai province.",
    "Attack": "On 14 June, gunmen shot dead a teacher in her house in Kandahar city.",
    "Abduction/forced disappearance": "On 15 June, gunmen abducted 20 students from a school in Kaduna.",
    "Peaceful protest": "On 16 June, several hundred farmers held a protest in Yerevan demanding lower fuel prices.",
    "Protest with intervention": "On 17 June, students staged a protest in Almaty and police dispersed the rally.",
    "Excessive force against protesters": "On 18 June, security forces opened fire on protesters in Khartoum, killing 5 demonstrators.",
    "Violent demonstration": "On 19 June, demonstrators threw stones at the town hall in Lyon and set cars on fire during a protest.",
    "Mob violence": "On 20 June, a mob of villagers beat a man accused of theft in the village of Rusizi.",
    "Agreement": "On 21 June, 40 Islamic State fighters surrendered to government forces in Kunar province.",
    "Arrests": "On 22 June, police arrested a local journalist in Tbilisi on charges of fraud.",
    "Change to group/activity": "On 23 June, 25 soldiers defected and joined the rebels in Shan state.",
    "Disrupted weapons use": "On 24 June, army engineers defused a bomb found under a bridge in Mogadishu.",
    "Headquarters or base established": "On 25 June, the rebels established a new headquarters in the town of Bambari.",
    "Looting/property destruction": "On 26 June, armed men looted shops and torched houses in Djibo, no one was hurt.",
    "Non-violent transfer of territory": "On 27 June, government forces handed over control of the district to the tribal council without a fight.",
    "Other": "On 28 June, the court sentenced the former minister to five years in prison in Dushanbe.",
}


def test_cases_cover_every_sub_event_type():
    assert set(CASES) == set(SUB_EVENT_TYPES)
    assert len(SUB_EVENT_TYPES) == 25


@pytest.mark.parametrize("sub_event_type", sorted(CASES))
def test_rules_reach_sub_event_type(sub_event_type, parse):
    text = CASES[sub_event_type]
    frames = extract_frames(note(text), parse(text), use_packaged=False)
    assert frames, text
    main = frames[0]
    assert main.sub_event_type == sub_event_type
    assert main.event_type == event_type_of(sub_event_type)
    assert main.disorder_type == disorder_type_of(sub_event_type)


def test_taxonomy_codes():
    assert event_type_of("Grenade") == "Explosions/Remote violence"
    assert disorder_type_of("Peaceful protest") == "Demonstrations"
    assert disorder_type_of("Arrests") == "Strategic developments"
    assert interaction(8, 1) == 18 and interaction(2, 1) == 12 and interaction(6, 0) == 60


@pytest.mark.parametrize("text", [
    "Shares in the bank rose 0.8 percent to 930 pence, helping rally the sector.",
    "West Ham scored three goals in the final minutes to rally to a 3-2 win at Everton.",
    "The Lions beat the Stormers 41-22 in their derby clash in the rugby league.",
    "Nine people were killed in an accident when a minibus overturned near the town.",
    "A teacher was arrested on Monday for claiming an insurance policy by fraud, police said.",
    "Two men were found in possession of stolen car parts.",
    "Workers at the gold mine were paid a bonus this year.",
    "The only mobile network in the village is French.",
    "The minister said the army demonstrated high professionalism during the exercise.",
    "He took over from his predecessor in May.",
])
def test_words_used_in_another_sense_are_no_event(text):
    # a news feed is mostly not conflict: markets, matches, accidents, crime and mining use the same words
    assert type_by_rules(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Police arrested an opposition leader at his home in the capital.", "Arrests"),
    ("Gunmen killed nine people near the market on Sunday.", "Attack"),
    ("Clashes between the army and rebels killed 20 people.", "Armed clash"),
    ("A soldier was killed by a mine on the road to the base.", "Remote explosive/landmine/IED"),
    ("Hundreds of students demonstrated outside parliament.", "Peaceful protest"),
    ("Football fans marched to the stadium to protest the sale of the club.", "Peaceful protest"),
])
def test_the_same_words_in_a_conflict_report_still_count(text, expected):
    assert type_by_rules(text).sub_event_type == expected


# -- demonstrations: who used force decides between peaceful, policed and violent -------------------------------

@pytest.mark.parametrize("text", [
    # the police's name and kit are no riot
    "Riot police detained hundreds of women who had linked arms at a march in the capital.",
    "Officers in riot gear watched as students marched past the ministry.",
    # violence feared, expected or denied is no violence
    "The town is bracing for possible riots as rival groups plan rallies on Saturday.",
    "Residents fear clashes between the two marches planned for the weekend.",
    "'There is no riot here,' protesters chanted at the line of officers.",
    # the legal status of a gathering is no act
    "Organisers were fined for an illegal gathering after the rally in the park.",
    "Police declared an unlawful assembly as the march reached the bridge.",
    # hyperbolic verbs
    "A dozen protesters stormed a shopping mall to sing carols against the lockdown.",
    "Protesters swarmed the square and descended on the town hall, chanting slogans.",
    "Protesters punched the air and chanted outside the embassy.",
    # the police beat the protesters, not the other way round
    "Police cracked down on protesters, bundling them into vans and beating them with batons.",
    # an offence in a charge is alleged, not reported
    "Two demonstrators were charged with assaulting police after the rally.",
])
def test_a_demonstration_is_violent_only_where_its_crowd_acts_violently(text):
    typing = type_by_rules(text)
    assert typing is not None and typing.sub_event_type in ("Peaceful protest", "Protest with intervention"), text


@pytest.mark.parametrize("text", [
    "Protesters threw bottles at officers outside the courthouse during the march.",
    "The crowd of protesters tried to push through the police cordon outside the ministry.",
    "Protesters assaulted officers outside the courthouse.",
    "Two officers were assaulted during the rally in the city centre, police said.",
    "Demonstrators began hitting the car with sticks during the march.",
    "Extinction protesters tried to storm the broadcaster's new building this afternoon.",
    "Police clashed with thousands of demonstrators outside the parliament.",
])
def test_violence_by_the_protesters_makes_a_violent_demonstration(text):
    typing = type_by_rules(text)
    assert typing is not None and typing.sub_event_type == "Violent demonstration", text


def test_a_crowd_forcing_police_lines_is_a_violent_demonstration_not_mob_violence():
    typing = type_by_rules("Part of the mob shoved past police lines outside the broadcaster's studios.")
    assert typing is not None and typing.sub_event_type == "Violent demonstration"
    # a mob attacking a person is still mob violence
    typing = type_by_rules("A mob beat a man accused of stealing a goat in the market.")
    assert typing is not None and typing.sub_event_type == "Mob violence"


@pytest.mark.parametrize("text", [
    "A student was carried away by police from the sit-in outside the parliament.",
    "Officers hauled away activists who had glued themselves to the road during the protest.",
    "Protesters blocking the bridge were moved on by police.",
    "Students who protested outside the ministry were dragged away by police.",
    "Police remove a woman who had chained herself to the railings during the protest.",
    "Police charged 31 people after the demonstration at the printing plant.",
    "A man is detained by riot police during a demonstration outside the court.",
    "Marchers cheered as the officers took them away to police vans after the protest.",
])
def test_protesters_removed_or_arrested_make_a_protest_with_intervention(text):
    typing = type_by_rules(text)
    assert typing is not None and typing.sub_event_type == "Protest with intervention", text


@pytest.mark.parametrize("text", [
    "Police warned protesters they would be arrested if they stayed past the curfew.",
    "Police threatened to detain anyone who joined the rally.",
    "Police put up a sign ordering the crowd to disperse at the protest.",
    "Protesters must follow the rules or be liable to arrest, police said before the rally.",
    "Officers stood by as protesters gathered in defiance of a curfew.",
])
def test_a_warning_a_curfew_or_police_standing_by_is_no_intervention(text):
    typing = type_by_rules(text)
    assert typing is None or typing.sub_event_type == "Peaceful protest", text


class _AlwaysSays:
    """A stand-in classifier that gives one label, sure of it."""

    def __init__(self, label: str) -> None:
        self.label = label

    def predict_one(self, text: str) -> tuple[str, float]:
        return self.label, 0.95


@pytest.mark.parametrize("label", ["Violent demonstration", "Mob violence", "Protest with intervention",
                                   "Excessive force against protesters"])
def test_the_classifier_cannot_make_a_demonstration_graver_than_its_words(label):
    # a model of words reads "riot police" or officers standing by as violence or an intervention
    calm = "A demonstrator argues with riot police during the rally in the capital."
    typing = choose_sub_event(calm, classifier=_AlwaysSays(label))
    assert typing is not None and typing.sub_event_type == "Peaceful protest"
    assert choose_sub_event("Officers stood by at the square.", classifier=_AlwaysSays(label)) is None


def test_the_classifier_still_chooses_among_the_demonstration_types_the_words_name():
    text = "Protesters threw stones at police, who arrested a dozen of them at the rally."
    assert choose_sub_event(text, classifier=_AlwaysSays("Protest with intervention")).sub_event_type == \
        "Protest with intervention"
    assert choose_sub_event(text, classifier=_AlwaysSays("Violent demonstration")).sub_event_type == \
        "Violent demonstration"
