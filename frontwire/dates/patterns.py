"""Regular expressions for the date forms news writes, each turned into a ``Raw`` candidate.

Absolute forms keep their parts (a year may be missing: it is filled in later, against the publication
date or a neighbouring date). Relative forms carry a function that reads them against the publication
date. The frequent forms are all here, so dateparser is needed only for leftovers (see ``fallback``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from frontwire.dates import arithmetic as cal
from frontwire.dates.vocabulary import (
    DAY,
    MONTH,
    MONTH_BY_DAY,
    MONTHS,
    NUMBER,
    NUMBER_WORDS,
    PART_OF_DAY,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
)

# start, end, precision (None: from the span), event_date (None: the convention), reading, hint
Reading = tuple[date, date, int | None, date | None, str, str]


@dataclass(slots=True)
class Raw:
    """A date-like match before it is placed in time."""

    start: int
    end: int
    form: str  # day, days, month, year, relative, weekday, anaphor
    y: int | None = None
    m: int | None = None
    d: int | None = None
    m2: int | None = None
    d2: int | None = None
    qualifier: str = ""  # early, mid, late, first week, ... for months; night for "night of 4-5 March"
    hint: str = ""  # background, future, period: what the words themselves say
    read: Callable[[date], Reading | None] | None = None  # relative forms: read against a reference
    offset_days: int = 0  # anaphors: days from the previous date ("the next day": +1)
    weekday: int | None = None
    # "today", "on Sunday", "this week" may point either way: a plan cue ("will") turns them forward.
    # "yesterday", "last week", "two days ago" point back whatever the verb.
    either_way: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


_FLAGS = re.IGNORECASE


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _number(text: str) -> int | None:
    text = " ".join(text.lower().split())
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)


_RANGE_DM = re.compile(
    rf"\b(?:between\s+|from\s+)?(?P<d1>{DAY})\s*(?:-|–|—|/|and|to|till|until|through)\s*(?P<d2>{DAY})\s+"
    rf"(?:of\s+)?(?P<m>{MONTH_BY_DAY})(?:,?\s+(?P<y>{YEAR}))?", _FLAGS)
_RANGE_MD = re.compile(
    rf"\b(?:between\s+|from\s+)?(?P<m>{MONTH_BY_DAY})\s+(?P<d1>{DAY})\s*(?:-|–|—|and|to|till|until|through)\s*"
    rf"(?P<d2>{DAY})\b(?:,?\s+(?P<y>{YEAR}))?", _FLAGS)
_DMY = re.compile(rf"\b(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH_BY_DAY})(?:,?\s+(?P<y>{YEAR}))?", _FLAGS)
_MDY = re.compile(rf"\b(?P<m>{MONTH_BY_DAY})\s+(?:the\s+)?(?P<d>{DAY})\b(?:\s?,?\s+(?P<y>{YEAR}))?", _FLAGS)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>0?[1-9]|1[0-2])-(?P<d>0?[1-9]|[12]\d|3[01])(?![\d-])")
_NUMERIC = re.compile(
    r"(?<![\d.])(?P<a>0?[1-9]|[12]\d|3[01])(?P<sep>[./])(?P<b>0?[1-9]|[12]\d|3[01])(?P=sep)"
    r"(?P<y>(?:19|20)\d\d)(?![\d])")
_MONTH_QUALIFIED = re.compile(
    rf"\b(?:(?P<q1>early|mid|late)[-\s]+|(?:the\s+)?(?P<q2>beginning|start|middle|end|first\s+half|"
    rf"second\s+half|first\s+week|second\s+week|third\s+week|fourth\s+week|last\s+week|final\s+week|"
    rf"last\s+days|first\s+days)\s+of\s+)(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?", _FLAGS)
_MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH}),?\s+(?P<y>{YEAR})", _FLAGS)
_MONTH_ONLY = re.compile(
    rf"\b(?:in|since|during|throughout|until|till|by|from|of|through|last|this|earlier\s+in|later\s+in|"
    rf"late\s+in|early\s+in)\s+(?P<m>{MONTH})(?![\s.,]*\d)", _FLAGS)
_YEAR_ONLY = re.compile(
    rf"\b(?:in|since|from|until|till|by|before|after|during|between|around|circa|back\s+in|of)\s+"
    rf"(?:the\s+(?:early|mid|late)\s+)?(?P<y>{YEAR})(?:s\b)?", _FLAGS)

# Qualified parts of a month: (first day, last day or None for the month's end) and a label.
_QUALIFIERS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10), "beginning": (1, 7), "start": (1, 7), "first days": (1, 5), "first week": (1, 7),
    "mid": (11, 20), "middle": (11, 20), "second week": (8, 14), "third week": (15, 21),
    "fourth week": (22, 28), "first half": (1, 15), "second half": (16, None), "late": (21, None),
    "end": (-6, None), "last week": (-6, None), "final week": (-6, None), "last days": (-4, None),
}


def month_part(year: int, month: int, qualifier: str) -> tuple[date, date]:
    """The days of ``month`` that "early", "mid", "the end of", "the first week of" ... mean."""
    last = cal.month_end(year, month)
    if not qualifier:
        return date(year, month, 1), date(year, month, last)
    first, end = _QUALIFIERS[qualifier]
    first = last + 1 + first if first < 0 else first
    return date(year, month, first), date(year, month, end or last)


# Each pattern runs only near the words it needs (a month name, "week", a weekday ...): news feeds are
# long and most of their text holds no date, so this keeps the scan to a few milliseconds an article.
_REACH = 80
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_MONTH_KEYS = tuple(k for name in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                    for k in (name, name.capitalize(), name.upper()))
_DIGIT_SEPARATOR = re.compile(r"\d[./-]\d")
_YEAR_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _windows_of(hits: list[int], length: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for hit in sorted(hits):
        start, end = max(0, hit - _REACH), min(length, hit + _REACH)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _windows(source: str, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    hits: list[int] = []
    for key in keys:
        found = source.find(key)
        while found >= 0:
            hits.append(found)
            found = source.find(key, found + 1)
    return _windows_of(hits, len(source))


def month_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around month names: the only places a written date can be."""
    return _windows(text, _MONTH_KEYS)


def _matches(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]):
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


def absolute_candidates(text: str) -> list[Raw]:
    """Every written-out date in ``text``: days, day ranges, months, years (years may be missing)."""
    out: list[Raw] = []
    months = month_windows(text)
    for match in _matches(_RANGE_DM, text, months):
        out.append(_range(match))
    for match in _matches(_RANGE_MD, text, months):
        out.append(_range(match))
    for match in _matches(_DMY, text, months):
        out.append(_day_raw(match, match.group("d"), match.group("m")))
    for match in _matches(_MDY, text, months):
        out.append(_day_raw(match, match.group("d"), match.group("m")))
    numeric = _windows_of([m.start() for m in _DIGIT_SEPARATOR.finditer(text)], len(text))
    for match in _matches(_ISO, text, numeric):
        out.append(Raw(match.start(), match.end(), "day", int(match["y"]), int(match["m"]), int(match["d"])))
    for match in _matches(_NUMERIC, text, numeric):
        first, second = int(match["a"]), int(match["b"])
        # Day first (the international order) unless only month-first is possible (12/31/2019).
        day, month = (second, first) if second > 12 else (first, second)
        if month <= 12:
            out.append(Raw(match.start(), match.end(), "day", int(match["y"]), month, day))
    for match in _matches(_MONTH_QUALIFIED, text, months):
        qualifier = " ".join((match["q1"] or match["q2"]).lower().split())
        out.append(Raw(match.start(), match.end(), "month", _year(match), _month(match["m"]), qualifier=qualifier))
    for match in _matches(_MONTH_YEAR, text, months):
        out.append(Raw(match.start("m"), match.end(), "month", int(match["y"]), _month(match["m"])))
    for match in _matches(_MONTH_ONLY, text, months):
        out.append(Raw(match.start("m"), match.end(), "month", None, _month(match["m"])))
    years = _windows_of([m.start() for m in _YEAR_DIGITS.finditer(text)], len(text))
    for match in _matches(_YEAR_ONLY, text, years):
        out.append(Raw(match.start("y"), match.end(), "year", int(match["y"]), hint="background"))
    return [raw for raw in out if _valid(raw)]


def _year(match: re.Match[str]) -> int | None:
    return int(match["y"]) if match["y"] else None


def _day_raw(match: re.Match[str], day: str, month: str) -> Raw:
    return Raw(match.start(), match.end(), "day", _year(match), _month(month), _day(day))


def _range(match: re.Match[str]) -> Raw:
    prefix = match.string[max(0, match.start() - 16):match.start()].lower()
    night = "night" if re.search(r"night\s+of\s*$", prefix) else ""
    return Raw(match.start(), match.end(), "days", _year(match), _month(match["m"]), _day(match["d1"]),
               _month(match["m"]), _day(match["d2"]), qualifier=night)


def _valid(raw: Raw) -> bool:
    if raw.d is not None and not 1 <= raw.d <= 31:
        return False
    if raw.d2 is not None and (not 1 <= raw.d2 <= 31 or (raw.d is not None and raw.d2 <= raw.d)):
        return False
    return True


# --- relative forms -------------------------------------------------------------------------------

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
        lower = text.translate(_ASCII_LOWER)

    def near(*keys: str) -> list[tuple[int, int]]:
        return _windows(lower, keys)

    for match in _matches(_TODAY, text, near("today", "tonight", "this ")):
        possessive = text.startswith(("'s", "’s"), match.end())  # "this morning's attack" is past
        out.append(replace(_rel(match, _fixed(0, "the publication day")), either_way=not possessive))
    for match in _matches(_YESTERDAY, text, near("yesterday", "last night")):
        back = 2 if match.group().lower().startswith("the day before") else 1
        out.append(_rel(match, _fixed(back, f"{back} day(s) before publication")))
    for match in _matches(_OVERNIGHT, text, near("overnight")):
        out.append(_rel(match, _fixed(1, "the night before publication", until_back=0)))
    for match in _matches(_TOMORROW, text, near("tomorrow")):
        ahead = 2 if match.group().lower().startswith("the day after") else 1
        out.append(_rel(match, _fixed(-ahead, "after publication"), hint="future"))
    for match in _matches(_WEEKDAY, text, near(*WEEKDAYS)):
        out.append(_weekday(match))
    weeks = near("week")
    for match in _matches(_WEEK, text, weeks):
        out.append(_week(match))
    for match in _matches(_WEEKEND, text, weeks):
        out.append(_weekend(match))
    for match in _matches(_MONTH_RELATIVE, text, near("month")):
        out.append(_month_relative(match))
    for match in _matches(_AGO, text, near(" ago")):
        out.append(_ago(match))
    for match in _matches(_PAST_N, text, near("past ", "last ", "previous ")):
        out.append(_past_n(match))
    for match in _matches(_RECENT, text, near("recent ")):
        recent_days = match["u"].lower() in ("days", "weeks")
        out.append(_rel(match, _fixed(7, "recent days", until_back=0), hint="period" if recent_days else "background"))
    for match in _matches(_YEAR_RELATIVE, text, near(" year")):
        qualifier = " ".join(match["q"].lower().split())
        hint = "future" if qualifier == "next" else "background"
        out.append(_rel(match, _year_relative(qualifier), hint=hint))
    for match in _matches(_ANAPHOR, text, near("day", "night", "morning", "evening", "afternoon", "week")):
        out.append(_anaphor(match))
    return out


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
    count = _number(match["n"]) or 1
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
    count = _number(count_text) if count_text not in ("few", "several", "") else (3 if count_text else 1)
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
        count = _number(match["n"]) or 1
        count *= 7 if match["u2"].lower().startswith("week") else 1
        offset = count if match["dir2"].lower() == "later" else -count
    elif "later" in words or "earlier" in words or "same" in words or "that" in words:
        offset = 0
    return Raw(match.start(), match.end(), "anaphor", offset_days=offset)
