"""Find every date expression in a text and place it in time against the publication date.

Each expression becomes a ``DateExpression``: the span, the range it allows, ACLED's precision, and
its kind: ``absolute`` (written out), ``relative`` (worked out from the publication date or from the
previous date), ``background`` (history: "since 1991", "in 1994", a date long before publication) or
``future`` (a plan: "will ... on Sunday", "next week"). ``role`` says whether it dates an event, a
statement ("the ministry said on Monday") or only frames a tally ("in the last four days").

A chronicle (a timeline dated day by day, mostly long before its own date) is read twice: its old
written days are its events, and a year-less day takes the year nearest the day written before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from frontwire.dates import arithmetic as cal
from frontwire.dates.context import background_cue, clock_time, future_cue, report_cue
from frontwire.dates.fallback import leftover_spans, parse_snippet
from frontwire.dates.patterns import Raw, absolute_candidates, month_part, month_windows
from frontwire.dates.relative import relative_candidates
from frontwire.records import Span
from frontwire.reference.vocabulary import WEEKDAY_NAMES

KINDS = ("absolute", "relative", "background", "future")
ROLES = ("event", "report", "period")
# A date this long before publication is history, not the news of the day ("Fresh clashes erupted on
# September 27" in a 2 November report). The event stage may still date a historical event by it.
BACKGROUND_AFTER_DAYS = 30
# "since Sunday", "since this morning" (a few days at most) is an event still going on; "since October 10"
# (three weeks before a 2 November report) opens a period of history.
RECENT_SINCE_DAYS = 7
OLD = "long before publication"
# A text with at least this many written days over a month old, and more of them than recent dates, is a
# chronicle (a war's timeline, a long feature), whose old days are its events.
CHRONICLE_MIN_OLD_DAYS = 4


@dataclass(frozen=True, slots=True)
class DateExpression:
    """One date in the text, placed in time.

    ``event_date`` is ACLED's single date for it: the first day of a range the text states
    ("1-2 November" -> 1 November), the middle of a range the reader infers ("last week"), the 15th for a
    month. ``year_known`` is False where neither the text nor a publication date gave the year.
    """

    span: Span
    date_start: date
    date_end: date
    precision: int
    kind: str
    event_date: date
    role: str = "event"
    reading: str = ""
    cue: str = ""
    year_known: bool = True


def find_date_expressions(text: str, published: date | None, *, offset: int = 0,
                          today: date | None = None) -> list[DateExpression]:
    """Every date expression in ``text``, in text order, read against ``published``.

    ``offset`` is added to every span (pass the start of ``text`` inside a larger document). Without a
    publication date, relative expressions ("on Sunday") are skipped and a year-less date takes the year
    of the nearest earlier written year, else the year of ``today`` (``year_known=False``).
    """
    if isinstance(published, datetime):  # a timestamp given where a date was meant: its day
        published = published.date()
    found = _scan(text, published, today or date.today())
    if not offset:
        return list(found)
    return [replace(e, span=Span(e.span.text, e.span.start + offset, e.span.end + offset)) for e in found]


@lru_cache(maxsize=128)
def _scan(text: str, published: date | None, today: date) -> tuple[DateExpression, ...]:
    candidates = absolute_candidates(text) + relative_candidates(text)
    # Leftovers compete with month-level readings ("2nd, Nov 2020" is a day, not "Nov 2020").
    candidates += _leftovers(text, [c for c in candidates if c.form in ("day", "days")], published)
    raws = _absorb_weekdays(text, _select(candidates))
    raws.sort(key=lambda raw: raw.start)
    units = _merge_ranges(text, raws)
    found = _read_all(text, units, published, today, chronicle=False)
    if published is not None and _is_chronicle(found):
        found = _read_all(text, units, published, today, chronicle=True)
    return tuple(found)


def _read_all(text: str, units: list[tuple[Raw, ...]], published: date | None, today: date,
              chronicle: bool) -> list[DateExpression]:
    out: list[DateExpression] = []
    context: date | None = None  # the last written day with a known year
    previous: DateExpression | None = None
    for unit in units:
        expression = _place(text, unit, published, context, today, previous, chronicle)
        if expression is None:
            continue
        out.append(expression)
        if expression.kind in ("absolute", "relative") and expression.role != "period":
            previous = expression
        written = unit[0].form in ("day", "days", "month") and (expression.year_known or unit[0].y is not None)
        if written and (chronicle or published is None or unit[0].y is not None or unit[-1].y is not None):
            context = expression.date_start
    return out


def _is_chronicle(found: list[DateExpression]) -> bool:
    """A chronicle (a war's timeline, a long feature) is dated day by day, mostly well before its own
    date: its old days are its events, not history. Only news reads "on September 27" as background."""
    old = [e for e in found if e.cue == OLD and e.precision == 1]
    recent = [e for e in found if e.kind in ("absolute", "relative") and e.role == "event"]
    return len(old) >= CHRONICLE_MIN_OLD_DAYS and len(old) >= len(recent)


def _select(raws: list[Raw]) -> list[Raw]:
    """Keep the longest reading where matches overlap ("between 1 and 3 March" over "3 March")."""
    kept: list[Raw] = []
    taken: list[tuple[int, int]] = []  # kept spans, sorted by start
    for raw in sorted(raws, key=lambda r: (-r.length, r.start)):
        at = bisect.bisect_left(taken, (raw.start, raw.end))
        before = taken[at - 1] if at else None
        after = taken[at] if at < len(taken) else None
        if (before is None or before[1] <= raw.start) and (after is None or after[0] >= raw.end):
            taken.insert(at, (raw.start, raw.end))
            kept.append(raw)
    return sorted((k for k in kept if k.form != "ignore"), key=lambda r: r.start)


_WEEKDAY_JOIN = re.compile(r"^\s*,?\s*(?:the\s+)?$", re.IGNORECASE)
_OVERNIGHT_JOIN = re.compile(r"^\s+(?:on|into|to|of)\s+(?:the\s+)?$", re.IGNORECASE)


def _absorb_weekdays(text: str, raws: list[Raw]) -> list[Raw]:
    """"Sunday, November 1" is one date: the weekday joins the written date that follows it."""
    out: list[Raw] = []
    skip = False
    for index, raw in enumerate(raws):
        if skip:
            skip = False
            continue
        nxt = raws[index + 1] if index + 1 < len(raws) else None
        if nxt is not None and raw.form == "weekday" and nxt.form in ("day", "days") \
                and _WEEKDAY_JOIN.match(text[raw.end:nxt.start]):
            out.append(replace(nxt, start=raw.start, weekday=raw.weekday))
            skip = True
            continue
        if nxt is not None and text[raw.start:raw.end].lower() == "overnight" \
                and _OVERNIGHT_JOIN.match(text[raw.end:nxt.start]):
            continue  # "overnight on Monday": the named day decides
        out.append(raw)
    return out


def _leftovers(text: str, raws: list[Raw], published: date | None) -> list[Raw]:
    out = []
    for start, end in leftover_spans(text, [(r.start, r.end) for r in raws], month_windows(text)):
        found = parse_snippet(text[start:end], published)
        if found is not None:
            out.append(Raw(start, end, "day", found.year if re.search(r"\d{4}|'\d\d", text[start:end]) else None,
                           found.month, found.day, qualifier="dateparser"))
    return out


_RANGE_GAP = re.compile(
    r"^\s*(?:,\s*)?(?:-|–|—|to|till|until|through|thru|and|into)\s*(?:(?:the\s+)?(?:day|night|morning|evening|"
    r"afternoon|early\s+hours)\s+(?:of|on)\s+)?(?:the\s+)?$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)


def _merge_ranges(text: str, raws: list[Raw]) -> list[tuple[Raw, ...]]:
    """Join "November 1 and night on November 2", "30 October to 2 November", "Saturday and Sunday"."""
    units: list[tuple[Raw, ...]] = []
    index = 0
    while index < len(raws):
        raw = raws[index]
        nxt = raws[index + 1] if index + 1 < len(raws) else None
        if nxt is not None and raw.form in ("day", "weekday") and nxt.form == raw.form \
                and _RANGE_GAP.match(text[raw.end:nxt.start]):
            opener = _RANGE_OPEN.search(text[max(0, raw.start - 12):raw.start])
            first = replace(raw, start=raw.start - (len(opener.group()) if opener else 0))
            units.append((first, nxt))
            index += 2
            continue
        units.append((raw,))
        index += 1
    return units


def _place(text: str, unit: tuple[Raw, ...], published: date | None, context: date | None,
           today: date, previous: DateExpression | None, chronicle: bool = False) -> DateExpression | None:
    """Read one unit (a date, or two joined as a range) into a ``DateExpression``."""
    first, last = unit[0], unit[-1]
    year_known = True
    if first.form in ("relative", "weekday"):
        if published is None:
            return None
        reading = first.read(published) if first.read else None
        if reading is None:
            return None
        start, end, precision, event_date, how, hint = reading
        hint = hint or first.hint
        if len(unit) == 2 and last.read is not None:
            second = last.read(published)
            if second is None:
                return None
            if second[0] < start:  # "Saturday and Monday" read on a Wednesday: Saturday is the week before
                start -= timedelta(days=7)
            end, precision, event_date, how = second[1], None, start, f"{how} to {second[4]}"
        kind = "relative"
    elif first.form == "anaphor":
        if previous is None:
            return None
        start = end = event_date = previous.event_date + timedelta(days=first.offset_days)
        precision, hint, kind = previous.precision, "", "relative"
        how = f"{first.offset_days:+d} day(s) from {previous.span.text!r}"
    else:
        years = _years(unit, published, context, today, chronicle)
        if years is None:
            return None
        (y1, y2), year_known = years
        dates = _absolute_range(first, last, y1, y2)
        if dates is None:
            return None
        start, end, precision, event_date, how = dates
        hint, kind = first.hint, "absolute"
    if end < start:
        return None
    precision = precision or cal.precision_for(start, end)
    event_date = event_date or (start if first.form in ("day", "days") or len(unit) == 2 else cal.middle(start, end))
    span = Span(text[first.start:last.end], first.start, last.end)
    clock = clock_time(text, span.start, span.end)
    if clock:
        how += f", {clock}" if clock.split()[0].lower() in ("at", "around", "about", "approximately", "shortly") \
            else f", at {clock}"
    # In a chronicle, old written days and the days counted from them ("the next day") are its events.
    chronicle_day = chronicle and first.form in ("day", "days", "month", "anaphor")
    kind, role, cue = _classify(text, span, start, end, kind, hint, published, first.either_way, chronicle_day)
    if chronicle_day and kind in ("absolute", "relative"):
        how += " (in a chronicle, old days are its events)"
    if cue.startswith("since") and kind != "background" and published is not None:
        # "fighting has gone on since Sunday": an ongoing event, from then until publication.
        end, precision, how = published, cal.precision_for(start, published), f"{how}, until publication"
    if kind == "future" and published is not None and first.either_way and end <= published:
        start, end, event_date, how = _forwards(first, span.text, published, start, event_date, how)
        precision = cal.precision_for(start, end) if first.form != "weekday" else 1
    return DateExpression(span, start, end, precision, kind, event_date, role, how, cue, year_known)


def _forwards(raw: Raw, words: str, published: date, start: date, event_date: date,
              how: str) -> tuple[date, date, date, str]:
    """Read a two-way word forwards, as a plan: "will meet on Sunday" is the Sunday ahead, "talks this
    week" the rest of the publication week, "this month" the rest of its month."""
    if raw.form == "weekday":
        day = cal.next_weekday(raw.weekday or 0, published, strictly_after=False)
        return day, day, day, f"the {WEEKDAY_NAMES[day.weekday()]} ahead of publication (a plan)"
    lowered = words.lower()
    if "weekend" in lowered:
        sunday = cal.next_weekday(6, published, strictly_after=False)
        saturday = max(published, sunday - timedelta(days=1))
        return saturday, sunday, saturday, "the weekend ahead of publication (a plan)"
    if "month" in lowered:
        end = published.replace(day=cal.month_end(published.year, published.month))
    elif "week" in lowered:
        end = cal.week_of(published)[1]
    else:
        return start, published, event_date, how
    return published, end, cal.middle(published, end), f"{how}, from publication on (a plan)"


def _years(unit: tuple[Raw, ...], published: date | None, context: date | None, today: date,
           chronicle: bool) -> tuple[tuple[int, int], bool] | None:
    """The years of a date or a range: written, else inherited across the range, else from the reference.

    News reads a year-less date against its publication date (the latest such day, give or take a week);
    a chronicle, or a text without a publication date, against the date written just before it (the
    nearest such day), since its story moves on from there.
    """
    first, last = unit[0], unit[-1]
    if first.form == "year":
        return (first.y or 0, first.y or 0), True
    m_last, d_last = (last.m2 or last.m or 1), (last.d2 or last.d or 1)
    m_first, d_first = (first.m or 1), (first.d or 1)
    known = True
    if last.y is not None:
        y2 = last.y
    elif first.y is not None and len(unit) == 2:
        y2 = first.y + (1 if (m_last, d_last) < (m_first, d_first) else 0)
    elif context is not None and (chronicle or published is None):
        y2 = cal.nearest_year(m_last, d_last, context)
    elif published is not None:
        if last.form == "month" and last.d is None:
            y2 = cal.year_for_month(m_last, published)
        else:
            y2 = cal.year_for(m_last, d_last, published)
    else:
        y2, known = today.year, False
    if len(unit) == 1:
        y1 = y2 if first.y is None else first.y
    else:
        y1 = first.y if first.y is not None else y2 - (1 if (m_first, d_first) > (m_last, d_last) else 0)
    return (y1, y2), known


def _absolute_range(first: Raw, last: Raw, y1: int, y2: int) -> tuple[date, date, int | None, date | None, str] | None:
    if first.form == "year":
        return date(y1, 1, 1), date(y1, 12, 31), 3, None, "a year"
    if first.form == "month":
        if first.m is None:
            return None
        start, end = month_part(y1, first.m, first.qualifier)
        return start, end, (3 if not first.qualifier else None), None, (first.qualifier + " month").strip()
    first_day = cal.safe_date(y1, first.m or 1, first.d or 1)
    if first is last and first.form == "days":
        last_day = cal.safe_date(y1, first.m2 or 1, first.d2 or 1)
        how = "the night of a two-day range" if first.qualifier == "night" else "a stated range of days"
    else:
        last_day = cal.safe_date(y2, last.m2 or last.m or 1, last.d2 or last.d or 1)
        how = "a written date" if first is last else "a stated range of days"
        how += " (read by dateparser)" if first.qualifier == "dateparser" else ""
    if first_day is None or last_day is None or (last_day - first_day).days > 62:
        return None
    start, end = first_day, last_day
    if first.weekday is not None and start.weekday() != first.weekday:
        how += " (its weekday does not match: the date is kept)"
    return start, end, None, None, how


def _classify(text: str, span: Span, start: date, end: date, kind: str, hint: str,
              published: date | None, either_way: bool = False, chronicle: bool = False) -> tuple[str, str, str]:
    """kind (absolute, relative, background, future), role (event, report, period) and the deciding cue."""
    role, cue = "event", ""
    if hint == "period":
        role = "period"
    if hint == "background":
        return "background", role, "history"
    found = background_cue(text, span.start)
    if found:
        if found.startswith("since") and published is not None \
                and published - timedelta(days=RECENT_SINCE_DAYS) <= start <= published:
            return kind, role, found  # "since this morning": still going on
        return "background", role, found
    if hint == "future":
        return "future", role, "future"
    if published is not None:
        if end < published - timedelta(days=BACKGROUND_AFTER_DAYS) and not chronicle:
            return "background", role, OLD
        cue = future_cue(text, span.start, span.end)
        if start > published + timedelta(days=0 if cue else 1):
            return "future", role, cue or "after publication"
        if cue and kind == "relative" and either_way:
            return "future", role, cue  # relative words read backwards by default; a plan reads forwards
    reported = report_cue(text, span.start, span.end)
    if reported and role == "event":
        return kind, "report", reported
    return kind, role, cue
