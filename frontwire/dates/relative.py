"""Relative date words, read against the publication date or against the previous date in the text.

"on Sunday", "yesterday", "last week", "earlier this month", "two days ago", "in the past 24 hours", "the
next day": each match becomes a ``Raw`` whose ``read`` places it in time once the reference is known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from frontwire.dates import arithmetic as cal
from frontwire.dates.patterns import ASCII_LOWER, FLAGS, Raw, Reading, matches, month_part, number_value, windows
from frontwire.dates.vocabulary import NUMBER, PART_OF_DAY, WEEKDAY
from frontwire.reference.vocabulary import WEEKDAYS

_FLAGS = FLAGS


def _fixed(days_back: int, reading: str, until_back: int | None = None) -> Callable[[date], Reading]:
    def read(ref: date) -> Reading:
        start = ref - timedelta(days=days_back)
        end = ref - timedelta(days=until_back if until_back is not None else days_back)
        return start, end, None, start, reading, ""
    return read


_TODAY = re.compile(r"\b(?:earlier\s+|later\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", _FLAGS)
_YESTERDAY = re.compile(
    r"\b(?:the\s+day\s+before\s+yesterday|yesterday(?:\s+(?:morning|afternoon|evening|night))?|last\s+night)\b", _FLAGS)
_OVERNIGHT = re.compile(r"\bovernight\b", _FLAGS)
_TOMORROW = re.compile(r"\b(?:the\s+day\s+after\s+tomorrow|tomorrow)\b", _FLAGS)
_WEEKDAY = re.compile(
    rf"\b(?:(?P<q>last|this|next|past|coming|this\s+coming)\s+)?(?P<w>{WEEKDAY})(?:'s|’s)?"
    rf"(?:\s+{PART_OF_DAY})?\b", _FLAGS)
_WEEK = re.compile(
    r"\b(?P<q>last|this|past|previous|next|coming|earlier\s+this|later\s+this|the\s+previous|the\s+past|"
    r"the\s+coming|the\s+next)\s+week\b(?!\s+of\b)", _FLAGS)
_WEEKEND = re.compile(r"\b(?P<q>last|this|past|next|coming|the)\s+weekend\b", _FLAGS)
_MONTH_RELATIVE = re.compile(
    r"\b(?:(?P<q1>early|mid|late)[-\s]+|(?:the\s+)?(?P<q2>beginning|start|middle|end|first\s+half|second\s+half|"
    r"first\s+week|last\s+week)\s+of\s+|(?P<q3>earlier|later)\s+)?(?P<which>last|this|next|the\s+previous|"
    r"previous|the\s+past|past)\s+month\b", _FLAGS)
_AGO = re.compile(rf"\b(?P<n>{NUMBER})\s+(?P<u>days?|weeks?|months?|years?|decades?)\s+ago\b", _FLAGS)
_PAST_N = re.compile(
    rf"\b(?:in|over|during|for|within|throughout)\s+the\s+(?:past|last|previous)\s+(?:(?P<n>{NUMBER}|few|several)\s+)?"
    r"(?P<u>hours?|days?|weeks?|months?|years?|decades?)\b", _FLAGS)
_RECENT = re.compile(r"\b(?:in\s+)?recent\s+(?P<u>days|weeks|months|years)\b", _FLAGS)
_YEAR_RELATIVE = re.compile(r"\b(?P<q>last|this|earlier\s+this|later\s+this|next|the\s+previous)\s+year\b", _FLAGS)
_ANAPHOR = re.compile(
    rf"\b(?:(?P<fw>the\s+(?:next|following|previous|preceding)|a|one)\s+(?P<u1>day|night|morning)\s*(?P<dir1>later|earlier|before|after)?"
    rf"|the\s+day\s+(?P<ba>before|after)(?!\s+(?:yesterday|tomorrow))"
    rf"|(?P<n>{NUMBER})\s+(?P<u2>days?|weeks?)\s+(?P<dir2>later|earlier)"
    rf"|(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|night|morning|evening|afternoon)"
    rf"|(?:on\s+)?(?:that|the\s+same)\s+(?:day|night|morning|evening|afternoon))\b", _FLAGS)


def relative_candidates(text: str) -> list[Raw]:
    """Every date the reader works out from the publication date or from the previous date."""
    out: list[Raw] = []
    lower = text.lower()
    if len(lower) != len(text):  # a few letters ("İ") lower to two characters: keep offsets aligned
        lower = text.translate(ASCII_LOWER)

    def near(*keys: str) -> list[tuple[int, int]]:
        return windows(lower, keys)

    for match in matches(_TODAY, text, near("today", "tonight", "this ")):
        possessive = text.startswith(("'s", "’s"), match.end())  # "this morning's attack" is past
        out.append(replace(_rel(match, _fixed(0, "the publication day")), either_way=not possessive))
    for match in matches(_YESTERDAY, text, near("yesterday", "last night")):
        back = 2 if match.group().lower().startswith("the day before") else 1
        out.append(_rel(match, _fixed(back, f"{back} day(s) before publication")))
    for match in matches(_OVERNIGHT, text, near("overnight")):
        out.append(_rel(match, _fixed(1, "the night before publication", until_back=0)))
    for match in matches(_TOMORROW, text, near("tomorrow")):
        ahead = 2 if match.group().lower().startswith("the day after") else 1
        out.append(_rel(match, _fixed(-ahead, "after publication"), hint="future"))
    for match in matches(_WEEKDAY, text, near(*WEEKDAYS)):
        if not match["q"] and in_proper_name(text, match.start("w"), match.end("w")):
            out.append(Raw(match.start(), match.end(), "ignore"))  # "the Mail on Sunday", "Bloody Sunday"
            continue
        out.append(_weekday(match))
    weeks = near("week")
    for match in matches(_WEEK, text, weeks):
        out.append(_week(match))
    for match in matches(_WEEKEND, text, weeks):
        out.append(_weekend(match))
    for match in matches(_MONTH_RELATIVE, text, near("month")):
        out.append(_month_relative(match))
    for match in matches(_AGO, text, near(" ago")):
        out.append(_ago(match))
    for match in matches(_PAST_N, text, near("past ", "last ", "previous ")):
        out.append(_past_n(match))
    for match in matches(_RECENT, text, near("recent ")):
        recent_days = match["u"].lower() in ("days", "weeks")
        out.append(_rel(match, _fixed(7, "recent days", until_back=0), hint="period" if recent_days else "background"))
    for match in matches(_YEAR_RELATIVE, text, near(" year")):
        qualifier = " ".join(match["q"].lower().split())
        hint = "future" if qualifier == "next" else "background"
        out.append(_rel(match, _year_relative(qualifier), hint=hint))
    for match in matches(_ANAPHOR, text, near("day", "night", "morning", "evening", "afternoon", "week")):
        out.append(_anaphor(match))
    return out


# A weekday that is part of a name is no date: a day of history or of the calendar ("Bloody Sunday", "Good
# Friday", "Super Tuesday") or a newspaper ("the Sunday Times", "a Mail on Sunday photographer"). Matched
# on the text as written: names are capitalised.
_NAME_BEFORE = re.compile(r"\b(?:Bloody|Good|Black|Super|Cyber|Ash|Holy|Maundy|Shrove|Giving|Blue)\s+$")
_NEWSPAPER_ON = re.compile(r"(?:\b(?:Mail|Independent)|\b[Tt]he\s+(?:Scotland|Wales))\s+on\s+$")
_NAME_AFTER = re.compile(r"^\s+(?:Times|Telegraph|Mirror|Express|People|Post|Herald|Mail|Independent|Tribune|Star|"
                         r"Sport|World|Age|Observer|Business\s+Post|Night\s+(?:Live|Football))\b")


def in_proper_name(text: str, start: int, end: int) -> bool:
    """Whether the weekday ``text[start:end]`` is a word of a name ("Bloody Sunday", "the Sunday Times")."""
    if not text[start:start + 1].isupper():
        return False
    before = text[max(0, start - 20):start]
    if _NAME_BEFORE.search(before) or (text[start:end] == "Sunday" and _NEWSPAPER_ON.search(before)):
        return True
    return bool(_NAME_AFTER.match(text[end:end + 20]))


def _rel(match: re.Match[str], read: Callable[[date], Reading | None], *, hint: str = "", form: str = "relative") -> Raw:
    return Raw(match.start(), match.end(), form, read=read, hint=hint)


def _weekday(match: re.Match[str]) -> Raw:
    weekday = WEEKDAYS[match["w"].lower()]
    qualifier = " ".join((match["q"] or "").lower().split())
    name = match["w"].capitalize()

    def read(ref: date) -> Reading:
        if qualifier in ("next", "coming", "this coming"):
            day = cal.next_weekday(weekday, ref)
            return day, day, 1, day, f"the {name} after publication", "future"
        day = cal.last_weekday(weekday, ref, strictly_before=qualifier in ("last", "past"))
        when = "the publication day" if day == ref else f"the {name} before publication"
        return day, day, 1, day, when, ""

    hint = "future" if qualifier in ("next", "coming", "this coming") else ""
    possessive = match.group().lower().endswith(("'s", "’s"))  # "Wednesday's bombing" is past
    return Raw(match.start(), match.end(), "weekday", read=read, hint=hint, weekday=weekday,
               either_way=qualifier in ("", "this") and not possessive)


def _week(match: re.Match[str]) -> Raw:
    qualifier = " ".join(match["q"].lower().split()).replace("the ", "")

    def read(ref: date) -> Reading:
        monday, _ = cal.week_of(ref)
        if qualifier in ("last", "previous"):
            start = monday - timedelta(days=7)
            return start, start + timedelta(days=6), 2, None, "the week before publication", ""
        if qualifier == "past":
            return ref - timedelta(days=7), ref, 2, None, "the seven days before publication", ""
        if qualifier in ("next", "coming", "later this"):
            start = monday + timedelta(days=7) if qualifier != "later this" else ref + timedelta(days=1)
            return start, start + timedelta(days=6), 2, None, "after publication", "future"
        if qualifier == "earlier this" and ref == monday:
            # "earlier this week" on a Monday looks back past the weekend: the week before publication
            start = monday - timedelta(days=7)
            return start, start + timedelta(days=6), 2, None, "the week before a Monday publication", ""
        end = ref - timedelta(days=1) if qualifier == "earlier this" and ref > monday else ref
        return monday, end, 2, None, "the publication week", ""

    hint = "future" if qualifier in ("next", "coming", "later this") else ""
    return Raw(match.start(), match.end(), "relative", read=read, hint=hint, either_way=qualifier == "this")


def _weekend(match: re.Match[str]) -> Raw:
    qualifier = match["q"].lower()

    def read(ref: date) -> Reading:
        if qualifier in ("next", "coming"):
            saturday = cal.next_weekday(5, ref)
            return saturday, saturday + timedelta(days=1), 2, None, "the weekend after publication", "future"
        if qualifier == "this" and 1 <= ref.weekday() <= 4:
            # "this weekend", written Tuesday to Friday, is the weekend ahead; on a Monday it is the one just
            # past, on a Saturday or Sunday the one under way
            saturday = cal.next_weekday(5, ref)
            return saturday, saturday + timedelta(days=1), 2, None, "the weekend after publication", "future"
        saturday = cal.last_weekday(5, ref)
        if qualifier == "last" and ref.weekday() in (5, 6):
            saturday -= timedelta(days=7)
        end = min(saturday + timedelta(days=1), ref)
        return saturday, end, 2, None, "the weekend before publication", ""

    return Raw(match.start(), match.end(), "relative", read=read, hint="future" if qualifier in ("next", "coming") else "",
               either_way=qualifier in ("this", "the"))


def _month_relative(match: re.Match[str]) -> Raw:
    which = match["which"].lower().replace("the ", "")
    qualifier = " ".join((match["q1"] or match["q2"] or "").lower().split())
    earlier_later = (match["q3"] or "").lower()

    def read(ref: date) -> Reading:
        delta = {"last": -1, "previous": -1, "next": 1}.get(which, 0)
        if which == "past":
            return ref - timedelta(days=30), ref, 3, None, "the 30 days before publication", "period"
        year, month = cal.shift_month(ref.year, ref.month, delta)
        start, end = month_part(year, month, qualifier)
        hint = "future" if delta > 0 else ""
        if delta == 0:
            if earlier_later == "earlier":
                end = max(start, ref - timedelta(days=1))
            elif earlier_later == "later":
                start, hint = ref + timedelta(days=1), "future"
            elif not qualifier:
                end = ref
            end = min(end, ref) if hint != "future" else end
        label = f"{qualifier + ' ' if qualifier else ''}{earlier_later + ' ' if earlier_later else ''}{which} month"
        return start, end, 3, None, label.strip(), hint

    return Raw(match.start(), match.end(), "relative", read=read, hint="future" if which == "next" else "",
               either_way=which == "this" and not earlier_later)


def _ago(match: re.Match[str]) -> Raw:
    count = number_value(match["n"]) or 1
    unit = match["u"].lower().rstrip("s")

    def read(ref: date) -> Reading:
        if unit == "day":
            day = ref - timedelta(days=count)
            return day, day, 1, day, f"{count} day(s) before publication", ""
        if unit == "week":
            centre = ref - timedelta(days=7 * count)
            return centre - timedelta(days=3), centre + timedelta(days=3), 2, centre, f"{count} week(s) before publication", ""
        if unit == "month":
            year, month = cal.shift_month(ref.year, ref.month, -count)
            start, end = cal.month_of(year, month)
            return start, end, 3, None, f"{count} month(s) before publication", "background" if count > 1 else ""
        start = ref.replace(year=ref.year - count * (10 if unit == "decade" else 1), month=1, day=1)
        return start, start.replace(month=12, day=31), 3, None, f"{count} {unit}(s) before publication", "background"

    hint = "background" if unit in ("year", "decade") else ""
    return Raw(match.start(), match.end(), "relative", read=read, hint=hint)


def _past_n(match: re.Match[str]) -> Raw:
    count_text = (match["n"] or "").lower()
    count = number_value(count_text) if count_text not in ("few", "several", "") else (3 if count_text else 1)
    unit = match["u"].lower().rstrip("s")
    days = {"hour": max(1, -(-(count or 1) // 24)), "day": count or 1, "week": 7 * (count or 1),
            "month": 30 * (count or 1), "year": 365 * (count or 1), "decade": 3650 * (count or 1)}[unit]
    # "in the past 24 hours" dates an event (a daily bulletin); "in the last four days" frames a tally.
    hint = "" if days <= 1 else "period" if unit in ("day", "week") else "background"

    def read(ref: date) -> Reading:
        start = ref - timedelta(days=max(days, 1))
        return start, ref, None, ref if days <= 1 else None, f"the {days} day(s) before publication", ""

    return Raw(match.start(), match.end(), "relative", read=read, hint=hint)


def _year_relative(qualifier: str) -> Callable[[date], Reading]:
    def read(ref: date) -> Reading:
        year = ref.year + {"last": -1, "the previous": -1, "next": 1}.get(qualifier, 0)
        return date(year, 1, 1), date(year, 12, 31), 3, None, f"{qualifier} year", ""
    return read


_OBJECT_FOLLOWS = re.compile(r"\s+(?:the|a|an|his|her|their|its|this|that|[A-Z]\w*|\w+ing)\b")


def _anaphor(match: re.Match[str]) -> Raw:
    words = match.group().lower()
    offset = 0
    # "a day after the election", "the day before Azerbaijan said ...": counted from a named happening,
    # not from the previous date in the text.
    if words.endswith(("before", "after")) and _OBJECT_FOLLOWS.match(match.string, match.end()):
        return Raw(match.start(), match.end(), "ignore")
    if match["u1"]:
        lead = (match["fw"] or "").lower()
        direction = (match["dir1"] or "").lower()
        if "previous" in lead or "preceding" in lead or direction in ("earlier", "before"):
            offset = -1
        elif "next" in lead or "following" in lead or direction in ("later", "after"):
            offset = 1
        else:
            return Raw(match.start(), match.end(), "ignore")  # "a day" alone is a duration
    elif match["ba"]:
        offset = -1 if match["ba"].lower() == "before" else 1
    elif match["n"]:
        count = number_value(match["n"]) or 1
        count *= 7 if match["u2"].lower().startswith("week") else 1
        offset = count if match["dir2"].lower() == "later" else -count
    elif "later" in words or "earlier" in words or "same" in words or "that" in words:
        offset = 0
    return Raw(match.start(), match.end(), "anaphor", offset_days=offset)
