"""Infer a document's publication date from its text when no one gave it.

In order of trust: a dateline ("KABUL, March 3 (Reuters) -", "Baku, 2 November 2020 /AA/"), a photo
caption that ends with a date ("... the Defence Ministry. November 2, 2020."), a date standing alone on
a line near the top ("Published: 02.11.2020 14:35"), the weekday the text reports on ("said on Monday")
counted forward from its latest written date, and last the latest written date itself. A caption date
is "confirmed" when the text reports on that weekday. Regular expressions only: this runs on every
document of a feed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from frontwire.dates import arithmetic as cal
from frontwire.dates.context import report_cue
from frontwire.dates.patterns import Raw, absolute_candidates
from frontwire.reference.vocabulary import WEEKDAY_NAMES, WEEKDAYS

_DATELINE = re.compile(
    r"^\s*(?:By\s+[^\n]{0,60}\n\s*)?(?!(?:" + "|".join((*WEEKDAY_NAMES, *(w.upper() for w in WEEKDAY_NAMES)))
    + r")\b|By\b|Published\b|Updated\b|Posted\b)(?P<city>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3})"
    r"(?:\s*,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?){0,2}\s*,\s*")
_DATELINE_END = re.compile(
    r"^\s*(?:\(|/|\[|[-–—:]|\.\s|\.?$|,\s*[A-Z]{2,}|,\s*[/(\[]|\s+\d{1,2}[:.]\d\d|\s*\((?:Reuters|AFP|AP|AA)\b)")
# A paragraph that opens with a full date and a dash: "November 2, 2020 — Armenian forces ..."
_DATE_OPENING_END = re.compile(r"^\s*(?:[-–—:|]|\(|/)")
_WEEKDAY_MENTION = re.compile(
    r"\b(?P<before>next|coming|will|on|last|late|early|since|until|by|said|from)?\s*"
    r"(?P<w>" + "|".join(WEEKDAY_NAMES) + r")(?:'s|’s)?\b")
_DATE_LINE_LABEL = re.compile(
    r"\b(?:published|updated|posted|last\s+updated|date|on|at|gmt|utc|local\s+time|am|pm|by|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b|[\d:|,./()+-]",
    re.IGNORECASE)
_ENDS_WITH_YEAR = re.compile(r"(?:19|20)\d\d\W{0,3}$")
_TOP_LINES = 8
_HEAD_CHARS = 400
_CLOCK = re.compile(r"\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*(?:[AaPp]\.?[Mm]\.?|IST|GMT|UTC|CET|EET|MSK|AST))?\b")


def infer_published(text: str, *, captions: Sequence[str] = (), today: date | None = None
                    ) -> tuple[date, str] | None:
    """The publication date a reader would infer from the text, and how it was found.

    The second item is one of "dateline", "caption", "caption+weekday" (a caption date on a weekday the
    text reports on: "said on Monday"), "text date" (a date line or a time stamp near the top, else the
    latest written date) or "weekday" (the first day on or after the latest written date that falls on a
    weekday the text reports on). None when the text gives no date at all.
    """
    today = today or date.today()
    weekdays = _weekday_mentions(text)
    lines = [line for line in text.split("\n") if line.strip()]
    found = _dateline(lines[:_TOP_LINES], text, captions, weekdays, today)
    if found:
        return found, "dateline"
    caption_date = _caption_date(captions, lines)
    if caption_date:
        return caption_date, ("caption+weekday" if caption_date.weekday() in weekdays else "caption")
    for line in lines[:_TOP_LINES]:
        found = _standalone_date(line)
        if found:
            return found, "text date"
    found = _stamp(text[:_HEAD_CHARS])
    if found:
        return found, "text date"
    written = _written_dates(text)
    if written and weekdays:
        # Publication falls on or after the latest written date, on a weekday the text reports on:
        # the first such day, preferring the weekday of a statement ("the ministry said on Monday").
        latest = max(written)
        wanted = _statement_weekdays(text) or weekdays
        candidate = min(latest + timedelta(days=(weekday - latest.weekday()) % 7) for weekday in wanted)
        if candidate <= today:
            return candidate, "weekday"
    if written:
        return max(written), "text date"
    return None


def _stamp(head: str) -> date | None:
    """A full date followed by a clock time near the top ("20th December 2011 08:23 AM"): a time stamp."""
    for raw, day in _full_dates(head):
        if _CLOCK.match(head, raw.end):
            return day
    return None


def _statement_weekdays(text: str) -> set[int]:
    """Weekdays on which the text says something was said ("said on Monday", "On Monday, X said")."""
    found: set[int] = set()
    checked = 0
    for match in _WEEKDAY_MENTION.finditer(text):
        weekday = WEEKDAYS[match["w"].lower()]
        if weekday in found:
            continue
        checked += 1
        if checked > 40:  # enough to see how the text reports; keeps long feeds fast
            break
        if report_cue(text, match.start("w"), match.end()):
            found.add(weekday)
    return found


def _full_dates(snippet: str) -> list[tuple[Raw, date]]:
    out = []
    for raw in absolute_candidates(snippet):
        if raw.form == "day" and raw.y is not None:
            day = cal.safe_date(raw.y, raw.m or 1, raw.d or 1)
            if day is not None:
                out.append((raw, day))
    return out


def _dateline(lines: list[str], text: str, captions: Sequence[str], weekdays: set[int],
              today: date) -> date | None:
    for line in lines[:4]:
        match = _DATELINE.match(line)
        if not match:
            continue
        rest = line[match.end():match.end() + 60]
        for raw in sorted(absolute_candidates(rest), key=lambda r: (r.start, -r.length)):
            if raw.start != 0 or raw.form != "day" or not _DATELINE_END.match(rest[raw.end:]):
                continue
            year = raw.y or _dateline_year(raw, text, captions, weekdays, today)
            found = cal.safe_date(year, raw.m or 1, raw.d or 1)
            if found:
                return found
    for line in lines[:4]:
        opening = line.lstrip()[:40]
        for raw, day in _full_dates(opening):
            if raw.start == 0 and _DATE_OPENING_END.match(opening[raw.end:]):
                return day
    return None


def _dateline_year(raw: Raw, text: str, captions: Sequence[str], weekdays: set[int], today: date) -> int:
    """A dateline without a year ("KABUL, March 3 (Reuters)"): the year of nearby written dates, else the
    latest year where that day fell on a weekday the text reports on, else the latest year not in the future."""
    month, day = raw.m or 1, raw.d or 1
    for written in sorted(_written_dates(text) + [d for c in captions for _, d in _full_dates(c)], reverse=True):
        candidate = cal.safe_date(written.year, month, day)
        if candidate and abs((candidate - written).days) <= 45:
            return written.year
    latest = cal.year_for(month, day, today)
    for year in range(latest, latest - 7, -1):
        candidate = cal.safe_date(year, month, day)
        if candidate and weekdays and candidate.weekday() in weekdays:
            return year
    return latest


def _caption_date(captions: Sequence[str], lines: list[str]) -> date | None:
    """The latest date a photo caption ends with (captions given apart, or caption lines left in the text)."""
    found: list[date] = []
    for caption in captions:
        found += [day for _, day in _full_dates(caption)]
    for line in lines:
        if len(line) > 400 or not _ENDS_WITH_YEAR.search(line.rstrip(" .)")):
            continue
        tail = line.rstrip()[-40:]
        for raw, day in _full_dates(tail):
            before = tail[:raw.start].rstrip()
            after = tail[raw.end:].strip(" .)")
            # A caption credits or describes a photo, then dates it: the date closes a sentence.
            # ... and it is a sentence first (lower-case words), not a byline ("By Anna Smith | 2 Nov 2020").
            sentence = len(re.findall(r"\b[a-z]{2,}\b", line[:len(line) - len(tail) + raw.start])) >= 4
            if not after and sentence and before.endswith((".", ",", "|", "-", "–", "—", "(", ":")):
                found.append(day)
    return max(found) if found else None


def _standalone_date(line: str) -> date | None:
    """A short line that is a date with labels, a clock time or a byline ("Published: 2 Nov 2020, 10:35 GMT",
    "By Anna Smith | November 2, 2020"): no sentence, since a sentence has lower-case words."""
    if len(line) > 90:
        return None
    dates = _full_dates(line)
    if not dates:
        return None
    raw, day = dates[-1]
    leftover = _DATE_LINE_LABEL.sub(" ", line[:raw.start] + " " + line[raw.end:])
    words = leftover.split()
    if len(" ".join(words)) <= 3:
        return day
    byline = all(word[:1].isupper() or word.lower() in ("by", "and", "staff", "reporter") for word in words)
    return day if byline and len(words) <= 6 else None


def _written_dates(text: str) -> list[date]:
    """Every full day date with a year in the text, except those a plan cue ("will", "next") precedes."""
    out = []
    for raw, day in _full_dates(text):
        before = text[max(0, raw.start - 40):raw.start].lower()
        if re.search(r"\b(?:will|next|scheduled|planned|due|until|by)\b[^.]*$", before):
            continue
        out.append(day)
    return out


def _weekday_mentions(text: str) -> set[int]:
    """Weekdays the text reports on ("on Monday", "said Monday", "Monday's"), plans excluded."""
    found = set()
    for match in _WEEKDAY_MENTION.finditer(text):
        before = (match["before"] or "").lower()
        if before in ("next", "coming", "will", "since", "until", "by", "from"):
            continue
        window = text[max(0, match.start() - 50):match.start()].lower()
        if re.search(r"\b(?:will|shall|scheduled|planned|expected)\b[^.,]*$", window):
            continue
        found.add(WEEKDAYS[match["w"].lower()])
    return found
