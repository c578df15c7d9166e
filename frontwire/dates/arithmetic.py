"""Calendar arithmetic for news dates: which year a year-less date falls in, weeks, months, precision."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# A year-less date up to this many days after publication is still read in the publication year
# (datelines lag time zones, and a few days ahead is usually an announced plan, not last year).
FUTURE_SLACK_DAYS = 7


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None where the day does not exist (31 June, 29 February 2019)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def year_for(month: int, day: int, reference: date) -> int:
    """The year a writer on ``reference`` means by a year-less "month day": the latest not far after it.

    A report of 3 January 2021 saying "on December 30" means 2020-12-30.
    """
    year = reference.year
    candidate = safe_date(year, month, min(day, month_end(year, month)))
    if candidate is not None and candidate > reference + timedelta(days=FUTURE_SLACK_DAYS):
        year -= 1
    return year


def nearest_year(month: int, day: int, near: date) -> int:
    """The year putting a year-less "month day" nearest to ``near`` (a chronicle's previous date); a tie
    goes forward, as a story does."""
    best: tuple[int, int] | None = None
    for year in (near.year, near.year + 1, near.year - 1):
        candidate = safe_date(year, month, min(day, month_end(year, month)))
        if candidate is not None:
            distance = abs((candidate - near).days) * 2 + (1 if candidate < near else 0)
            if best is None or distance < best[0]:
                best = (distance, year)
    return best[1] if best else near.year


def year_for_month(month: int, reference: date) -> int:
    """The year of a year-less month name: this year's, unless that month has not begun yet."""
    return reference.year if month <= reference.month else reference.year - 1


def last_weekday(weekday: int, reference: date, *, strictly_before: bool = False) -> date:
    """The most recent ``weekday`` on or before ``reference`` ("on Monday" in a Monday report is that day)."""
    back = (reference.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return reference - timedelta(days=back)


def next_weekday(weekday: int, reference: date, *, strictly_after: bool = True) -> date:
    ahead = (weekday - reference.weekday()) % 7
    if ahead == 0 and strictly_after:
        ahead = 7
    return reference + timedelta(days=ahead)


def week_of(reference: date) -> tuple[date, date]:
    """Monday..Sunday of the ISO week holding ``reference``."""
    monday = reference - timedelta(days=reference.weekday())
    return monday, monday + timedelta(days=6)


def month_of(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, month_end(year, month))


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def precision_for(start: date, end: date) -> int:
    """ACLED's time precision for a range: 1 within two days, 2 within a week, 3 beyond."""
    days = (end - start).days + 1
    if days <= 2:
        return 1
    if days <= 7:
        return 2
    return 3


def middle(start: date, end: date) -> date:
    """The middle day of a range; a whole calendar month gives the 15th, as ACLED codes month precision."""
    if start.day == 1 and end.day == month_end(end.year, end.month) and (start.year, start.month) == (end.year, end.month):
        return start.replace(day=15)
    return start + timedelta(days=(end - start).days // 2)
