"""Properties that hold for every date: written forms round-trip, weekdays land in the week before
publication, year-less dates stay on the right side of a new year, clock times never become years."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from frontwire.dates import find_date_expressions
from frontwire.reference.vocabulary import WEEKDAY_NAMES

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _forms(day: date) -> list[str]:
    month = MONTH_NAMES[day.month - 1]
    return [
        f"{day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        f"{_ordinal(day.day)} of {month}, {day.year}",
        f"{month[:3]}. {day.day}, {day.year}" if month != "May" else f"May {day.day}, {day.year}",
        day.isoformat(),
        f"{day.day:02d}.{day.month:02d}.{day.year}",
    ]


@settings(max_examples=150, deadline=None)
@given(DAYS, st.integers(min_value=0, max_value=5))
def test_written_dates_round_trip(day, form_index):
    text = f"Gunmen attacked the post on {_forms(day)[form_index]}, police said."
    found = [e for e in find_date_expressions(text, day + timedelta(days=1)) if e.role == "event"]
    assert len(found) == 1, (text, found)
    assert (found[0].date_start, found[0].date_end, found[0].precision, found[0].kind) == (day, day, 1, "absolute")


@settings(max_examples=150, deadline=None)
@given(DAYS, st.integers(min_value=0, max_value=6))
def test_weekday_is_the_last_such_day_up_to_publication(published, weekday):
    text = f"Rebels shelled the town on {WEEKDAY_NAMES[weekday]}."
    (found,) = find_date_expressions(text, published)
    assert found.date_start.weekday() == weekday
    assert published - timedelta(days=6) <= found.date_start <= published


@settings(max_examples=150, deadline=None)
@given(DAYS, st.integers(min_value=0, max_value=6))
def test_year_less_date_reported_within_a_week_keeps_its_year(day, delay):
    text = f"Rebels shelled the town on {day.day} {MONTH_NAMES[day.month - 1]}."
    (found,) = find_date_expressions(text, day + timedelta(days=delay))
    assert found.date_start == day


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59),
       st.sampled_from(["GMT", "UTC", "hrs", "hours", "local time"]))
def test_clock_times_are_never_years(hour, minute, zone):
    text = f"The strike came at {hour:02d}{minute:02d} {zone} on 14 March 2020."
    found = find_date_expressions(text, date(2020, 3, 15))
    assert [(e.date_start, e.precision) for e in found] == [(date(2020, 3, 14), 1)], (text, found)
