"""What news writes about dates, read against the publication date: one row per expression.

Every sentence here is written for this test. Each row: the sentence, the publication date, the words of
the expression to check (None: the sentence holds no date), the range, ACLED's precision, the kind and
the role.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontwire.dates import find_date_expressions

D = date
MON_2_NOV = D(2020, 11, 2)  # a Monday
SUN_1_NOV = D(2020, 11, 1)
THU_5_NOV = D(2020, 11, 5)

CASES = [
    # weekdays and days counted from publication
    ("Armenian forces shelled Tartar on Sunday.", MON_2_NOV, "Sunday", D(2020, 11, 1), D(2020, 11, 1), 1, "relative", "event"),
    ("Fresh shelling hit the outskirts of Barda on Monday.", MON_2_NOV, "Monday", MON_2_NOV, MON_2_NOV, 1, "relative", "event"),
    ("Two soldiers were killed yesterday near Fuzuli.", MON_2_NOV, "yesterday", SUN_1_NOV, SUN_1_NOV, 1, "relative", "event"),
    ("Protesters gathered outside parliament today.", MON_2_NOV, "today", MON_2_NOV, MON_2_NOV, 1, "relative", "event"),
    ("Drones struck the bridge overnight, officials said.", MON_2_NOV, "overnight", SUN_1_NOV, MON_2_NOV, 1, "relative", "event"),
    ("The bridge was destroyed this morning.", MON_2_NOV, "this morning", MON_2_NOV, MON_2_NOV, 1, "relative", "event"),
    ("The attack came last night.", MON_2_NOV, "last night", SUN_1_NOV, SUN_1_NOV, 1, "relative", "event"),
    ("The day before yesterday, a drone struck the depot.", MON_2_NOV, "The day before yesterday", D(2020, 10, 31), D(2020, 10, 31), 1, "relative", "event"),
    ("Sunday's strike on the market killed ten civilians.", MON_2_NOV, "Sunday's", SUN_1_NOV, SUN_1_NOV, 1, "relative", "event"),
    ("Last Sunday, gunmen ambushed a patrol.", SUN_1_NOV, "Last Sunday", D(2020, 10, 25), D(2020, 10, 25), 1, "relative", "event"),
    ("On Sunday, gunmen ambushed a patrol.", SUN_1_NOV, "Sunday", SUN_1_NOV, SUN_1_NOV, 1, "relative", "event"),
    ("Clashes went on for a second day on Tuesday.", D(2020, 11, 4), "Tuesday", D(2020, 11, 3), D(2020, 11, 3), 1, "relative", "event"),
    ("Shelling hit Tovuz on Saturday night.", MON_2_NOV, "Saturday night", D(2020, 10, 31), D(2020, 10, 31), 1, "relative", "event"),
    ("Two days ago, a car bomb exploded near the ministry.", D(2020, 3, 10), "Two days ago", D(2020, 3, 8), D(2020, 3, 8), 1, "relative", "event"),
    ("A week ago, protesters blocked the highway.", D(2020, 3, 10), "A week ago", D(2020, 2, 29), D(2020, 3, 6), 2, "relative", "event"),
    ("In the past 24 hours, the enemy broke the ceasefire 30 times.", MON_2_NOV, "In the past 24 hours", SUN_1_NOV, MON_2_NOV, 1, "relative", "event"),
    ("Earlier today, a mortar round hit the school.", MON_2_NOV, "Earlier today", MON_2_NOV, MON_2_NOV, 1, "relative", "event"),
    # weeks, weekends, months
    ("The town was shelled repeatedly last week.", MON_2_NOV, "last week", D(2020, 10, 26), SUN_1_NOV, 2, "relative", "event"),
    ("Militants struck again this week.", THU_5_NOV, "this week", MON_2_NOV, THU_5_NOV, 2, "relative", "event"),
    ("Earlier this week, militants struck a convoy.", THU_5_NOV, "Earlier this week", MON_2_NOV, D(2020, 11, 4), 2, "relative", "event"),
    ("Fighting raged over the weekend.", MON_2_NOV, "the weekend", D(2020, 10, 31), SUN_1_NOV, 2, "relative", "event"),
    ("Clashes intensified earlier this month.", D(2020, 11, 20), "earlier this month", D(2020, 11, 1), D(2020, 11, 19), 3, "relative", "event"),
    ("The offensive began late last month.", MON_2_NOV, "late last month", D(2020, 10, 21), D(2020, 10, 31), 3, "relative", "event"),
    ("Mines were cleared from the road last month.", MON_2_NOV, "last month", D(2020, 10, 1), D(2020, 10, 31), 3, "relative", "event"),
    ("Fighting resumed in mid-October.", MON_2_NOV, "mid-October", D(2020, 10, 11), D(2020, 10, 20), 3, "absolute", "event"),
    ("The operation ended in late October.", MON_2_NOV, "late October", D(2020, 10, 21), D(2020, 10, 31), 3, "absolute", "event"),
    ("Rockets hit the airport at the end of October.", MON_2_NOV, "the end of October", D(2020, 10, 26), D(2020, 10, 31), 2, "absolute", "event"),
    ("Troops withdrew in the first week of October.", D(2020, 10, 20), "the first week of October", D(2020, 10, 1), D(2020, 10, 7), 2, "absolute", "event"),
    ("The village was retaken in early November.", D(2020, 11, 20), "early November", D(2020, 11, 1), D(2020, 11, 10), 3, "absolute", "event"),
    ("A curfew was imposed in September 2018.", D(2018, 9, 20), "September 2018", D(2018, 9, 1), D(2018, 9, 30), 3, "absolute", "event"),
    # written dates, both orders, with and without years, across a new year
    ("The convoy was detected around 5 pm local time (1300 GMT) on October 31.", MON_2_NOV, "October 31", D(2020, 10, 31), D(2020, 10, 31), 1, "absolute", "event"),
    ("The blast came at 2000 GMT on 14 March, police said.", D(2020, 3, 15), "14 March", D(2020, 3, 14), D(2020, 3, 14), 1, "absolute", "event"),
    ("Militants attacked a checkpoint on December 30.", D(2021, 1, 3), "December 30", D(2020, 12, 30), D(2020, 12, 30), 1, "absolute", "event"),
    ("Clashes erupted again on 2 January.", D(2021, 1, 3), "2 January", D(2021, 1, 2), D(2021, 1, 2), 1, "absolute", "event"),
    ("The raid took place on December 31, residents said.", D(2021, 1, 2), "December 31", D(2020, 12, 31), D(2020, 12, 31), 1, "absolute", "event"),
    ("The statement is dated 2019-12-31.", None, "2019-12-31", D(2019, 12, 31), D(2019, 12, 31), 1, "absolute", "event"),
    ("A mortar hit the market on 31.12.2019.", None, "31.12.2019", D(2019, 12, 31), D(2019, 12, 31), 1, "absolute", "event"),
    ("Police detained 12 people on 5/11/2020.", None, "5/11/2020", D(2020, 11, 5), D(2020, 11, 5), 1, "absolute", "event"),
    ("A roadside bomb exploded on 12/31/2019.", None, "12/31/2019", D(2019, 12, 31), D(2019, 12, 31), 1, "absolute", "event"),
    ("Rebels seized the district on 1st of October, 2020.", D(2020, 10, 5), "1st of October, 2020", D(2020, 10, 1), D(2020, 10, 1), 1, "absolute", "event"),
    ("On 1 October 2020, rebels seized the district.", D(2020, 10, 5), "1 October 2020", D(2020, 10, 1), D(2020, 10, 1), 1, "absolute", "event"),
    ("Gunmen opened fire on Nov. 3, 2020, in the capital.", D(2020, 11, 4), "Nov. 3, 2020", D(2020, 11, 3), D(2020, 11, 3), 1, "absolute", "event"),
    ("A blast hit the market on Sept. 8.", D(2020, 9, 10), "Sept. 8", D(2020, 9, 8), D(2020, 9, 8), 1, "absolute", "event"),
    ("The parade took place on June 13th 2018.", None, "June 13th 2018", D(2018, 6, 13), D(2018, 6, 13), 1, "absolute", "event"),
    ("On Thursday 29 October, a missile hit Barda.", MON_2_NOV, "Thursday 29 October", D(2020, 10, 29), D(2020, 10, 29), 1, "absolute", "event"),
    ("The attack occurred Friday, October 30, 2020.", MON_2_NOV, "Friday, October 30, 2020", D(2020, 10, 30), D(2020, 10, 30), 1, "absolute", "event"),
    ("The strike came in the early hours of 3 November 2020.", D(2020, 11, 3), "3 November 2020", D(2020, 11, 3), D(2020, 11, 3), 1, "absolute", "event"),
    ("A truce agreed on 10 October was broken within minutes.", D(2020, 10, 20), "10 October", D(2020, 10, 10), D(2020, 10, 10), 1, "absolute", "event"),
    # ranges
    ("During the day on November 1 and night on November 2, artillery hit the positions.", MON_2_NOV,
     "November 1 and night on November 2", SUN_1_NOV, MON_2_NOV, 1, "absolute", "event"),
    ("Villagers fled between 1 and 3 March.", D(2020, 3, 5), "between 1 and 3 March", D(2020, 3, 1), D(2020, 3, 3), 2, "absolute", "event"),
    ("The base came under rocket fire on the night of 4-5 March.", D(2020, 3, 6), "4-5 March", D(2020, 3, 4), D(2020, 3, 5), 1, "absolute", "event"),
    ("Militants attacked the post from 30 October to 2 November.", MON_2_NOV, "from 30 October to 2 November", D(2020, 10, 30), MON_2_NOV, 2, "absolute", "event"),
    ("Heavy fighting raged between Friday and Sunday.", MON_2_NOV, "between Friday and Sunday", D(2020, 10, 30), SUN_1_NOV, 2, "relative", "event"),
    ("The village changed hands on Saturday and Sunday.", MON_2_NOV, "Saturday and Sunday", D(2020, 10, 31), SUN_1_NOV, 1, "relative", "event"),
    ("Strikes hit the city on December 30 and 31.", D(2021, 1, 2), "December 30 and 31", D(2020, 12, 30), D(2020, 12, 31), 1, "absolute", "event"),
    # statements and tallies
    ("As reported on 21 March 2020, three policemen were killed.", None, "21 March 2020", D(2020, 3, 21), D(2020, 3, 21), 1, "absolute", "report"),
    ("The ministry said on Monday that rebels had seized the town.", MON_2_NOV, "Monday", MON_2_NOV, MON_2_NOV, 1, "relative", "report"),
    ("On Monday, the Defence Ministry said two drones were downed.", MON_2_NOV, "Monday", MON_2_NOV, MON_2_NOV, 1, "relative", "report"),
    ("The jet was downed, according to the country's Defence Ministry on Monday.", MON_2_NOV, "Monday", MON_2_NOV, MON_2_NOV, 1, "relative", "report"),
    ("The commander told reporters on Monday that the hill was taken.", MON_2_NOV, "Monday", MON_2_NOV, MON_2_NOV, 1, "relative", "report"),
    ("Rebels shelled the town, according to a statement on Sunday.", MON_2_NOV, "Sunday", SUN_1_NOV, SUN_1_NOV, 1, "relative", "report"),
    ("The ministry said Armenian forces shelled Tartar on Sunday.", MON_2_NOV, "Sunday", SUN_1_NOV, SUN_1_NOV, 1, "relative", "event"),
    ("According to the ministry, the strike hit the depot on Sunday morning.", MON_2_NOV, "Sunday morning", SUN_1_NOV, SUN_1_NOV, 1, "relative", "event"),
    ("The ministry reported fresh shelling of Terter on Sunday.", MON_2_NOV, "Sunday", SUN_1_NOV, SUN_1_NOV, 1, "relative", "event"),
    ("It was the third drone downed in the last four days.", MON_2_NOV, "in the last four days", D(2020, 10, 29), MON_2_NOV, 2, "relative", "period"),
    # history
    ("Violations have been reported since October 10.", MON_2_NOV, "October 10", D(2020, 10, 10), D(2020, 10, 10), 1, "background", "event"),
    ("The dispute has simmered since 1991.", MON_2_NOV, "1991", D(1991, 1, 1), D(1991, 12, 31), 3, "background", "event"),
    ("A ceasefire was signed in 1994.", MON_2_NOV, "1994", D(1994, 1, 1), D(1994, 12, 31), 3, "background", "event"),
    ("In 2016, a four-day war broke out.", MON_2_NOV, "2016", D(2016, 1, 1), D(2016, 12, 31), 3, "background", "event"),
    ("The town was captured on 27 September.", MON_2_NOV, "27 September", D(2020, 9, 27), D(2020, 9, 27), 1, "background", "event"),
    ("The war began 30 years ago.", MON_2_NOV, "30 years ago", D(1990, 1, 1), D(1990, 12, 31), 3, "background", "event"),
    # plans
    ("Talks will be held in Moscow on Sunday.", MON_2_NOV, "Sunday", D(2020, 11, 8), D(2020, 11, 8), 1, "future", "event"),
    ("A new round of negotiations is planned for next week.", MON_2_NOV, "next week", D(2020, 11, 9), D(2020, 11, 15), 2, "future", "event"),
    ("Elections are scheduled for 10 January 2021.", MON_2_NOV, "10 January 2021", D(2021, 1, 10), D(2021, 1, 10), 1, "future", "event"),
    ("Talks will be held in Geneva this week.", MON_2_NOV, "this week", MON_2_NOV, D(2020, 11, 8), 2, "future", "event"),
    ("The rally is set for tomorrow.", MON_2_NOV, "tomorrow", D(2020, 11, 3), D(2020, 11, 3), 1, "future", "event"),
    ("Next Monday the court will rule on the appeal.", MON_2_NOV, "Next Monday", D(2020, 11, 9), D(2020, 11, 9), 1, "future", "event"),
    # ongoing since a recent day; possessives; lower-cased wires
    ("Clashes have continued since this morning near the airport.", MON_2_NOV, "this morning", MON_2_NOV, MON_2_NOV, 1, "relative", "event"),
    ("Fighting has raged since Saturday, residents said.", MON_2_NOV, "Saturday", D(2020, 10, 31), MON_2_NOV, 2, "relative", "event"),
    ("The government will not bow to threats such as Wednesday's bombing.", THU_5_NOV, "Wednesday's", D(2020, 11, 4), D(2020, 11, 4), 1, "relative", "event"),
    ("Two hostages were released on Sunday.", MON_2_NOV, "Sunday", SUN_1_NOV, SUN_1_NOV, 1, "relative", "event"),
    ("the army denied today that guerrillas attacked the farm 2 days ago.", D(1990, 2, 20), "2 days ago", D(1990, 2, 18), D(1990, 2, 18), 1, "relative", "event"),
    ("the president has stayed at the farm since 2 february.", D(1990, 3, 1), "2 february", D(1990, 2, 2), D(1990, 2, 2), 1, "background", "event"),
    ("We will halt the movement of goods, including milk and medicine, from Friday morning.", THU_5_NOV, "Friday morning", D(2020, 11, 6), D(2020, 11, 6), 1, "future", "event"),
    ("Armenia, which will face sanctions, shelled the town on Friday.", THU_5_NOV, "Friday", D(2020, 10, 30), D(2020, 10, 30), 1, "relative", "event"),
    # no date at all
    ("Thousands march on parliament every year.", MON_2_NOV, None, None, None, None, None, None),
    ("Troops may withdraw from the villages.", MON_2_NOV, None, None, None, None, None, None),
    ("The shelling killed 2 civilians and wounded 20 in 2 villages.", MON_2_NOV, None, None, None, None, None, None),
    ("The Su-25 was shot down at 1930 local time.", MON_2_NOV, None, None, None, None, None, None),
    ("Forces fired 4 - BM-21 rockets and 10 - howitzers.", MON_2_NOV, None, None, None, None, None, None),
]


@pytest.mark.parametrize(("text", "published", "words", "start", "end", "precision", "kind", "role"), CASES,
                         ids=[case[0][:48] for case in CASES])
def test_expression_reads_as_a_news_reader_would(text, published, words, start, end, precision, kind, role):
    found = find_date_expressions(text, published, today=D(2026, 1, 1))
    current = [e for e in found if e.kind != "background" or kind == "background"]
    if words is None:
        assert [e for e in found if e.kind != "background"] == [], found
        return
    matching = [e for e in current if e.span.text == words]
    assert matching, f"{words!r} not found in {[e.span.text for e in found]}"
    expression = matching[0]
    assert (expression.date_start, expression.date_end) == (start, end)
    assert expression.precision == precision
    assert expression.kind == kind
    assert expression.role == role
    assert text[expression.span.start:expression.span.end] == expression.span.text


def test_table_is_large_enough():
    assert len(CASES) >= 60


def test_anaphor_counts_from_the_previous_date():
    text = "On 5 March, rebels seized the checkpoint. The next day, they shelled the town."
    found = find_date_expressions(text, D(2020, 3, 8))
    assert [(e.span.text, e.date_start) for e in found] == [("5 March", D(2020, 3, 5)), ("The next day", D(2020, 3, 6))]


def test_a_day_after_a_named_happening_is_not_counted_from_the_previous_date():
    text = "Rebels shelled the town on Tuesday, a day after the army captured the ridge."
    found = find_date_expressions(text, THU_5_NOV)
    assert [e.span.text for e in found] == ["Tuesday"]
    text = "On 5 March, rebels seized the checkpoint. Police had warned of an attack the day before."
    found = find_date_expressions(text, D(2020, 3, 8))
    assert [(e.span.text, e.date_start) for e in found][-1] == ("the day before", D(2020, 3, 4))


def test_clock_times_never_become_years():
    for text in ("at 2000 GMT on Sunday", "around 1900 hrs", "at 2030 local time", "(1300 GMT) on October 31"):
        found = find_date_expressions(text, MON_2_NOV)
        assert all(e.date_start.year == 2020 for e in found), (text, found)


def test_offset_shifts_spans_into_the_document():
    found = find_date_expressions("on Sunday", MON_2_NOV, offset=100)
    assert (found[0].span.start, found[0].span.end) == (103, 109)


def test_without_publication_date_relative_words_are_skipped_and_years_assumed():
    found = find_date_expressions("On Sunday, and on 21 September, troops fired.", None, today=D(2026, 11, 25))
    assert [e.span.text for e in found] == ["21 September"]
    assert found[0].year_known is False
    found = find_date_expressions("On 1 March 2020 rebels struck; on 3 March they struck again.", None)
    assert [e.date_start for e in found] == [D(2020, 3, 1), D(2020, 3, 3)]
    assert all(e.year_known for e in found)


def test_event_date_conventions():
    (month,) = find_date_expressions("Mines were cleared last month.", MON_2_NOV)
    assert month.event_date == D(2020, 10, 15)
    (days,) = find_date_expressions("Villagers fled between 1 and 3 March.", D(2020, 3, 5))
    assert days.event_date == D(2020, 3, 1)
    (week,) = find_date_expressions("The town was shelled last week.", MON_2_NOV)
    assert week.date_start < week.event_date < week.date_end


def test_dateparser_reads_what_the_patterns_leave():
    for text, expected in (("Updated 03-Nov-2020 at noon.", D(2020, 11, 3)),
                           ("The raid happened on 2nd, Nov 2020.", D(2020, 11, 2))):
        (found,) = find_date_expressions(text, THU_5_NOV)
        assert (found.date_start, found.kind) == (expected, "absolute")
        assert "dateparser" in found.reading


def test_clock_time_is_understood_and_kept_out_of_the_year():
    (found,) = find_date_expressions("The convoy was detected around 5 pm local time (1300 GMT) on October 31.", MON_2_NOV)
    assert found.date_start == D(2020, 10, 31)
    assert "around 5 pm local time (1300 GMT)" in found.reading
