"""Written-out dates ("1 October 2020", "Nov. 3", "31.12.2019", "between 1 and 3 March", "mid-October"),
each turned into a ``Raw`` candidate, and the scanning helpers that the relative forms share.

Absolute forms keep their parts (a year may be missing: it is filled in later, against the publication
date or a neighbouring date). Relative forms (``relative``) carry a function that reads them against the
publication date. The frequent forms are all here, so dateparser is needed only for leftovers (``fallback``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from frontwire.dates import arithmetic as cal
from frontwire.dates.vocabulary import DAY, MONTH, MONTH_BY_DAY, YEAR
from frontwire.reference.vocabulary import MONTHS, NUMBER_WORDS

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


FLAGS = re.IGNORECASE
_FLAGS = FLAGS


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def number_value(text: str) -> int | None:
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
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
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


def windows(source: str, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    hits: list[int] = []
    for key in keys:
        found = source.find(key)
        while found >= 0:
            hits.append(found)
            found = source.find(key, found + 1)
    return _windows_of(hits, len(source))


def month_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around month names: the only places a written date can be."""
    return windows(text, _MONTH_KEYS)


def matches(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]]):
    for start, end in spans:
        yield from pattern.finditer(text, start, end)


def absolute_candidates(text: str) -> list[Raw]:
    """Every written-out date in ``text``: days, day ranges, months, years (years may be missing)."""
    out: list[Raw] = []
    months = month_windows(text)
    for match in matches(_RANGE_DM, text, months):
        out.append(_range(match))
    for match in matches(_RANGE_MD, text, months):
        out.append(_range(match))
    for match in matches(_DMY, text, months):
        out.append(_day_raw(match, match.group("d"), match.group("m")))
    for match in matches(_MDY, text, months):
        out.append(_day_raw(match, match.group("d"), match.group("m")))
    numeric = _windows_of([m.start() for m in _DIGIT_SEPARATOR.finditer(text)], len(text))
    for match in matches(_ISO, text, numeric):
        out.append(Raw(match.start(), match.end(), "day", int(match["y"]), int(match["m"]), int(match["d"])))
    for match in matches(_NUMERIC, text, numeric):
        first, second = int(match["a"]), int(match["b"])
        # Day first (the international order) unless only month-first is possible (12/31/2019).
        day, month = (second, first) if second > 12 else (first, second)
        if month <= 12:
            out.append(Raw(match.start(), match.end(), "day", int(match["y"]), month, day))
    for match in matches(_MONTH_QUALIFIED, text, months):
        qualifier = " ".join((match["q1"] or match["q2"]).lower().split())
        out.append(Raw(match.start(), match.end(), "month", _year(match), _month(match["m"]), qualifier=qualifier))
    for match in matches(_MONTH_YEAR, text, months):
        out.append(Raw(match.start("m"), match.end(), "month", int(match["y"]), _month(match["m"])))
    for match in matches(_MONTH_ONLY, text, months):
        out.append(Raw(match.start("m"), match.end(), "month", None, _month(match["m"])))
    years = _windows_of([m.start() for m in _YEAR_DIGITS.finditer(text)], len(text))
    for match in matches(_YEAR_ONLY, text, years):
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


