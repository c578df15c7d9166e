"""Dating an event in a full news article: whose weekday it is, and which neighbours may lend one.

Every sentence here is written for this test (the places are made up). Each test states the rule an expert
review of dated events asked for.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontwire.dates import find_date_expressions, resolve_event_date
from frontwire.records import Document, EventFrame, Span

D = date
SUN_20_SEP = D(2020, 9, 20)
MON_7_SEP = D(2020, 9, 7)
WED_2_SEP = D(2020, 9, 2)
FRI_4_SEP = D(2020, 9, 4)
SAT_5_SEP = D(2020, 9, 5)


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(words, start, start + len(words))


def _sentence(text: str, words: str) -> Span:
    start = text.index(words)
    end = text.find(".", start)
    end = len(text) if end < 0 else end + 1
    return Span(text[start:end], start, end)


def resolve(text: str, anchor: str, published: date, *, evidence: tuple[str, ...] = (),
            places: tuple[str, ...] = (), event_type: str = "Protests", modality: str = "asserted"):
    """Date the event told in the sentence starting with ``anchor``; ``evidence`` starts other sentences of
    the frame, ``places`` are the names tied to it."""
    frame = EventFrame(event_type=event_type, sub_event_type="Peaceful protest", disorder_type="Demonstrations",
                       anchor=_sentence(text, anchor), modality=modality,
                       evidence=tuple(_sentence(text, e) for e in evidence) + tuple(_span(text, p) for p in places),
                       place_names=tuple(_span(text, p) for p in places))
    return resolve_event_date(frame, Document(id="t", text=text, published_at=published), today=D(2026, 1, 1))


# 1. The event's own clause first, even where it follows the main clause.

def test_a_weekday_in_the_events_own_clause_beats_one_borrowed_from_an_evidence_sentence():
    text = ("The senator posted an angry message after demonstrators fought with police in Riverton on Sunday night.\n"
            "A police spokesman said officers were watching those who are promoting protest activity on Saturday.")
    result = resolve(text, "The senator", WED_2_SEP, evidence=("A police spokesman",), places=("Riverton",))
    assert result.event_date == D(2020, 8, 30)
    assert result.expression.text == "Sunday night"


def test_a_date_at_the_end_of_a_long_sentence_after_place_clauses_is_the_events():
    text = ("Police handed out 30 fines and detained 12 people as about 200 marchers scuffled with officers at "
            "rallies in Greenvale and Eastport, 9km from the city centre, on Saturday.")
    result = resolve(text, "Police handed", SUN_20_SEP, places=("Greenvale",))
    assert result.event_date == D(2020, 9, 19)
    assert result.expression.text == "Saturday"


def test_a_side_clause_telling_the_demonstration_dates_it():
    text = "An organiser goaded the crowd before violence broke out at a large rally of lockdown sceptics yesterday."
    result = resolve(text, "An organiser", SUN_20_SEP, event_type="Riots")
    assert result.event_date == D(2020, 9, 19)


def test_a_side_clause_about_something_else_still_dates_only_itself():
    text = "The army has moved tanks into the region after soldiers were hurt by a patrol last month."
    result = resolve(text, "The army", SUN_20_SEP, event_type="Strategic developments")
    assert result.expression is None  # the publication day, not last month
    text = "Police in Lakeport pinned a teenager to the ground after a rally was called in the city on Friday."
    result = resolve(text, "Police in", SUN_20_SEP, places=("Lakeport",))
    assert result.expression is None  # the place is in the main clause: the rally's call is another matter


def test_a_vague_range_in_a_side_clause_gives_way_to_a_day_in_the_evidence():
    text = ("Riot police pinned a teenager to the ground in Kowtown as protests returned to the city over the weekend.\n"
            "On Sunday, more than 200 people were arrested at protests against the delay.")
    result = resolve(text, "Riot police", MON_7_SEP, evidence=("On Sunday",), places=("Kowtown",))
    assert result.event_date == D(2020, 9, 6)


# 2. No weekday from a sentence about a planned event.

def test_no_weekday_is_borrowed_from_an_evidence_sentence_about_a_plan():
    text = ("Protesters blocked the bridge in Millford.\n"
            "Police said they were ready for those encouraging more protest activity on Saturday.")
    result = resolve(text, "Protesters blocked", WED_2_SEP, evidence=("Police said",), places=("Millford",))
    assert result.expression is None
    assert result.event_date == WED_2_SEP


def test_no_weekday_is_borrowed_from_an_earlier_sentence_about_a_plan():
    text = "Organisers are urging supporters to gather outside the town hall on Friday. Hundreds blocked the main road."
    result = resolve(text, "Hundreds blocked", WED_2_SEP)
    assert result.expression is None


def test_a_plan_later_in_the_sentence_does_not_void_its_past_day():
    text = ("Extra troops took up posts in the valley.\n"
            "Six armoured vehicles arrived in the valley Friday, while there will also be more air patrols.")
    result = resolve(text, "Extra troops", SAT_5_SEP, evidence=("Six armoured",), event_type="Strategic developments")
    assert result.event_date == FRI_4_SEP


def test_another_event_compared_with_this_one_lends_no_day():
    text = ("Students mocked the minister outside parliament in Sandbay.\n"
            "The biggest march so far drew tens of thousands over the weekend.")
    result = resolve(text, "Students mocked", D(2020, 9, 24), evidence=("The biggest",), places=("Sandbay",))
    assert result.expression is None


# 3. A weekday inside a name is no date.

@pytest.mark.parametrize("text", [
    "A Mail on Sunday photographer had his mask torn off.",
    "The Sunday Times said the march was peaceful.",
    "Marchers remembered Bloody Sunday in the city.",
    "The Good Friday Agreement was signed decades ago.",
    "Shops braced for Black Friday crowds.",
    "Candidates looked ahead to Super Tuesday.",
    "An editor at the Independent on Sunday wrote about the rally.",
])
def test_a_weekday_inside_a_name_is_no_date(text):
    assert [e.span.text for e in find_date_expressions(text, SUN_20_SEP)] == []


@pytest.mark.parametrize(("text", "words"), [
    ("Police in Scotland on Sunday arrested six men.", "Sunday"),
    ("Good marchers came out on Friday.", "Friday"),
    ("Protesters marched on Sunday, the Post said.", "Sunday"),
])
def test_a_plain_weekday_next_to_a_capital_is_still_a_date(text, words):
    assert [e.span.text for e in find_date_expressions(text, SUN_20_SEP)] == [words]


def test_a_newspapers_weekday_in_the_next_sentence_does_not_date_the_event():
    text = ("An organiser urged men towards the police lines at the rally.\n"
            "A Mail on Sunday photographer was surrounded by shouting protesters.")
    result = resolve(text, "An organiser", D(2020, 9, 21), evidence=("A Mail on",))
    assert result.expression is None  # the publication day, not the Sunday of the newspaper's name


# 4. "also", "meanwhile", "elsewhere" go on with the day of the sentence before.

@pytest.mark.parametrize("word", ["also took", "meanwhile took", "elsewhere took"])
def test_an_also_sentence_continues_the_previous_sentences_day(word):
    text = ("Angry protests broke out in Lakeside on Thursday, with officers using pepper spray.\n"
            f"Demonstrators {word} to the streets of Hillport, where a van drove into the crowd.\n"
            "Police drove marchers back in the early hours of Friday")
    result = resolve(text, "Demonstrators", FRI_4_SEP, evidence=("Police drove",), places=("Hillport",))
    assert result.event_date == D(2020, 9, 3)
    assert "continues" in result.reason


def test_an_also_sentence_with_its_own_day_keeps_it():
    text = ("Angry protests broke out in Lakeside on Thursday.\n"
            "Demonstrators also took to the streets of Hillport on Friday.")
    result = resolve(text, "Demonstrators", SAT_5_SEP, places=("Hillport",))
    assert result.event_date == FRI_4_SEP


def test_an_also_sentence_does_not_continue_a_plan():
    text = ("Organisers are urging supporters to march in Lakeside on Thursday.\n"
            "Demonstrators also took to the streets of Hillport.")
    result = resolve(text, "Demonstrators", FRI_4_SEP, places=("Hillport",))
    assert result.expression is None


# 5. "this weekend", "earlier this week", "over the weekend" against the publication day.

WEEKEND_CASES = [
    # sentence, published, words, start, end, kind
    ("Marchers were told to keep away from the harbour this weekend.", FRI_4_SEP, "this weekend",
     D(2020, 9, 5), D(2020, 9, 6), "future"),
    ("Marchers were told to keep away from the harbour this weekend.", D(2020, 9, 1), "this weekend",
     D(2020, 9, 5), D(2020, 9, 6), "future"),
    ("Thousands marched through the capital this weekend.", MON_7_SEP, "this weekend",
     D(2020, 9, 5), D(2020, 9, 6), "relative"),
    ("Thousands are marching through the capital this weekend.", SAT_5_SEP, "this weekend",
     SAT_5_SEP, SAT_5_SEP, "relative"),
    ("Crowds gathered in the square over the weekend.", MON_7_SEP, "the weekend",
     D(2020, 9, 5), D(2020, 9, 6), "relative"),
    ("Activists will rally in the square this weekend.", MON_7_SEP, "this weekend",
     D(2020, 9, 12), D(2020, 9, 13), "future"),
    ("Earlier this week, a crowd gathered outside the embassy.", MON_7_SEP, "Earlier this week",
     D(2020, 8, 31), D(2020, 9, 6), "relative"),
    ("Earlier this week, a crowd gathered outside the embassy.", D(2020, 9, 9), "Earlier this week",
     MON_7_SEP, D(2020, 9, 8), "relative"),
]


@pytest.mark.parametrize(("text", "published", "words", "start", "end", "kind"), WEEKEND_CASES,
                         ids=[f"{case[0][:30]}-{case[1]}" for case in WEEKEND_CASES])
def test_weekend_and_week_against_the_publication_day(text, published, words, start, end, kind):
    (found,) = [e for e in find_date_expressions(text, published) if e.span.text == words]
    assert (found.date_start, found.date_end, found.kind) == (start, end, kind)


def test_earlier_this_week_in_a_monday_article_is_the_week_before_at_week_precision():
    text = "Earlier this week, a crowd cornered a reporter outside the embassy."
    result = resolve(text, "Earlier this week", MON_7_SEP)
    assert (result.date_start, result.date_end, result.time_precision) == (D(2020, 8, 31), D(2020, 9, 6), 2)


def test_a_warning_about_this_weekend_in_a_friday_article_is_no_past_weekend():
    text = "Protesters should stay away from Portsea this weekend, the MP said."
    result = resolve(text, "Protesters should", FRI_4_SEP, places=("Portsea",))
    assert result.date_start >= FRI_4_SEP - D.resolution
    assert result.date_start != D(2020, 8, 29)


# 6. A weekday the article names for the same rally beats a "yesterday" counted from the publication day.

def test_a_named_day_for_the_same_rally_beats_a_stale_yesterday():
    text = ("A care worker, who yesterday marched in Westford with 5,000 other lockdown sceptics, lost her job.\n"
            "She had posted a photo on her way to join the lockdown sceptics at the 'Free Air' rally in Westford on "
            "Saturday.")
    result = resolve(text, "A care worker", MON_7_SEP, evidence=("She had posted",), places=("Westford",))
    assert result.event_date == SAT_5_SEP
    assert "yesterday" in result.reason


@pytest.mark.parametrize("text", [
    # a second day of the same protests
    ("Lockdown sceptics marched again yesterday in Westford.\n"
     "The first Westford march of lockdown sceptics was on Saturday."),
    # the article tells both days
    ("Lockdown sceptics marched yesterday in Westford.\n"
     "Westford saw lockdown sceptics on Saturday and on Sunday."),
    # the other sentence is about something else
    ("Lockdown sceptics marched yesterday in Westford.\n"
     "A minister opened a hospital on Saturday."),
])
def test_yesterday_stands_where_no_single_named_day_contradicts_it(text):
    result = resolve(text, "Lockdown sceptics", MON_7_SEP, evidence=(text.split("\n")[1][:12],),
                     places=("Westford",))
    assert result.event_date == D(2020, 9, 6)


def test_a_side_clause_about_a_vow_lends_the_main_clause_no_day():
    text = ("The state recorded 41 new cases as lockdown sceptics vow to fill the streets of Portsea again on Sunday.\n"
            "Police detained 14 lockdown sceptics at a rally in Portsea on Saturday.")
    result = resolve(text, "The state", SAT_5_SEP, evidence=("Police detained",), places=("Portsea",))
    assert result.event_date == SAT_5_SEP


def test_a_plan_carried_out_still_names_its_day():
    text = ("A few protesters sang in a shopping centre in Portsea before police arrived.\n"
            "Organisers had been planning Sunday's flash protest for a week.")
    result = resolve(text, "A few", D(2020, 9, 6), evidence=("Organisers had",), places=("Portsea",))
    assert result.expression is not None and result.expression.text == "Sunday's"
