"""Scraped article text -> the text a reader would see, its title, headings, captions and what was removed.

Two kinds of line leave the text. Page debris (share buttons, loaders, credits: ``boilerplate.LINE_RULES``) is
recognised by what it says and always goes. Titles, headings and captions are recognised by their *shape*
(short, unpunctuated, repeated, dated), which only means something beside a story: a short line is a heading
when body text follows it, a caption when the article around it is the story. An input with no story line
at all (an OSINT post, a wire flash, a video caption, a one-line report) is made of nothing but such
lines, and then those lines are the story: shape alone never empties an input.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from frontwire.clean.boilerplate import (
    classify_line,
    ends_like_sentence,
    is_alert_line,
    looks_like_heading,
    strip_trailing_credit,
)
from frontwire.records import Removed, Span

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.*\S)\s*#*$")
_CAPTION_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}\.?$"
    r"|\b\d{1,2}\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\.?$")

BODY, HEADING, MAYBE_HEADING, CAPTION, DEBRIS, ORPHAN = "body", "heading", "heading?", "caption", "debris", "orphan"
_SHAPE_ONLY = (CAPTION, ORPHAN)  # dropped for their shape: they become the story when there is no other


@dataclass(slots=True)
class CleanText:
    text: str
    title: str | None
    headings: tuple[Span, ...]
    captions: tuple[str, ...]
    removed: list[Removed] = field(default_factory=list)


@dataclass(slots=True)
class _Line:
    """One paragraph of the input and what cleaning makes of it."""

    text: str  # without its heading mark
    kind: str
    reasons: list[Removed] = field(default_factory=list)  # why it (or a credit cut from it) left the text
    caption: str | None = None  # the caption it adds to ``captions`` (once per caption)


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def normalise(text: str) -> str:
    """NFC, unified newlines, no trailing spaces, no zero-width or control characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    if text.isascii():  # ASCII's control characters are these (a test of each character costs more)
        text = _ASCII_CONTROL.sub("", text)
    else:
        text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = text.replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def clean_text(raw: str, *, title: str | None = None, marked_headings: bool = False) -> CleanText:
    """Clean scraped text. ``marked_headings``: lines like "## Heading" (from HTML extraction) are headings.

    Every non-empty line is a paragraph (scrapers write one per line). A paragraph that occurs more than once is a
    photo caption: kept once in ``captions``, never in the text; so is a paragraph followed by a photo credit.
    When no story line is left, the lines dropped only for their shape are the story (see the module docstring).
    """
    raw_lines = [line.strip() for line in normalise(raw).split("\n")]
    raw_lines = [line for line in raw_lines if line]
    given_title = title
    title, title_line, raw_lines = _take_title(raw_lines, title)
    lines = _settle_headings(_classify(raw_lines, marked_headings))
    if not any(line.kind == BODY for line in lines):
        return _short_text(lines, given_title, title_line)

    parts: list[str] = []
    headings: list[Span] = []
    offset = 0
    for line in lines:
        if line.kind not in (BODY, HEADING):
            continue
        if parts:
            offset += 2
        if line.kind == HEADING:
            headings.append(Span(line.text, offset, offset + len(line.text)))
        parts.append(line.text)
        offset += len(line.text)
    captions = tuple(line.caption for line in lines if line.caption)
    return CleanText("\n\n".join(parts), title, tuple(headings), captions, _removed(lines))


def _take_title(lines: list[str], title: str | None) -> tuple[str | None, str | None, list[str]]:
    """The title (given, else the first line when it reads as one), the line it was read from, the rest.

    A wire flash's "BREAKING: ..." line is the report itself, never a title.
    """
    if not lines:
        return title, None, lines
    first = _unmark(lines[0])
    if title and _same(first, title):
        return title, first, lines[1:]
    if (not title and len(lines) > 1 and len(first.split()) <= 30 and not first.endswith((".", ",", ";"))
            and not is_alert_line(first)):
        return first, first, lines[1:]
    return title, None, lines


def _body_copies(lines: list[str], counts: Counter[str]) -> dict[str, int]:
    """Of a line the page repeats, the copy that is the body paragraph the captions repeat: the first one that
    ends like a sentence and carries no photo credit or caption date ("... in Sousse." in the body, "... in
    Sousse" under each photo). A line repeated only in caption form has none: every copy is a caption."""
    body: dict[str, int] = {}
    for i, line in enumerate(lines):
        key = _key(line)
        if counts[key] < 2 or key in body:
            continue
        text, credit = strip_trailing_credit(_unmark(line))
        if credit is None and ends_like_sentence(text) and _CAPTION_DATE.search(text) is None \
                and classify_line(lines[i + 1] if i + 1 < len(lines) else "") != "photo credit":
            body[key] = i
    return body


def _classify(lines: list[str], marked_headings: bool) -> list[_Line]:
    counts = Counter(_key(line) for line in lines)
    body_copy = _body_copies(lines, counts)
    seen_captions: set[str] = set()
    out: list[_Line] = []
    for i, line in enumerate(lines):
        unmarked = _unmark(line)
        reason = classify_line(unmarked)
        if reason:
            out.append(_Line(unmarked, DEBRIS, [Removed(unmarked, reason)]))
            continue
        body, credit = strip_trailing_credit(unmarked)
        next_reason = classify_line(lines[i + 1]) if i + 1 < len(lines) else None
        credited = next_reason == "photo credit" and _could_be_caption(body)
        repeated = counts[_key(line)] > 1 and body_copy.get(_key(line)) != i
        is_caption = (repeated or credit is not None or credited
                      or (_CAPTION_DATE.search(body) is not None and len(body.split()) > 4))
        marked = marked_headings and _MARKDOWN_HEADING.match(line) is not None
        if is_caption and not marked:
            first_time = _key(body) not in seen_captions
            seen_captions.add(_key(body))
            why = "photo caption (kept in captions)" if first_time else "duplicated photo caption"
            reasons = [Removed(unmarked, why)] + ([Removed(credit, "photo credit")] if credit else [])
            out.append(_Line(body, CAPTION, reasons, caption=body if first_time else None))
        elif marked_headings:
            out.append(_Line(unmarked, HEADING if marked else BODY))
        else:
            out.append(_Line(unmarked, MAYBE_HEADING if looks_like_heading(line) else BODY))
    return out


def _settle_headings(lines: list[_Line]) -> list[_Line]:
    """A short unpunctuated line is a heading only when body text follows it; at the end it is page debris."""
    seen_body = False
    for line in reversed(lines):
        if line.kind in (HEADING, MAYBE_HEADING):
            if seen_body:
                line.kind = HEADING
            else:
                line.kind = ORPHAN
                line.reasons = [Removed(line.text, "navigation debris")]
        elif line.kind == BODY and ends_like_sentence(line.text):
            seen_body = True
    return lines


def _short_text(lines: list[_Line], given_title: str | None, title_line: str | None) -> CleanText:
    """No story line is left: the title, caption and heading-shaped lines are the story, once each, in order.

    What was debris by its words (loaders, share buttons, credits) stays removed, so a page of nothing but
    debris still comes out empty. A title read off the first line goes back into the text; a given title stays.
    """
    parts: list[str] = []
    keys: set[str] = set()
    title_debris = classify_line(title_line) if title_line else None
    first = [title_line] if title_line and not title_debris else []
    candidates = first + [line.text for line in lines if line.kind in _SHAPE_ONLY]
    for text in candidates:
        if _key(text) not in keys:
            keys.add(_key(text))
            parts.append(text)
    removed = [Removed(title_line, title_debris)] if title_line and title_debris else []
    removed += [r for line in lines for r in line.reasons if line.kind not in _SHAPE_ONLY or r.reason == "photo credit"]
    return CleanText("\n\n".join(parts), given_title, (), (), removed)


def _removed(lines: list[_Line]) -> list[Removed]:
    """Every dropped line with its reason, in reading order."""
    return [reason for line in lines for reason in line.reasons]


_REPORTED = re.compile(r"\b(said|says|told|reported|added|stated|announced|according to [^.]+)\W*$", re.I)


def _could_be_caption(paragraph: str) -> bool:
    """A paragraph before a photo credit is its caption only if it reads like one: short, and not a reported
    paragraph of the story ("... wounding four civilians, local officials said." before a closing "Photo: File")."""
    return len(paragraph.split()) <= 45 and not _REPORTED.search(paragraph)


def _unmark(line: str) -> str:
    match = _MARKDOWN_HEADING.match(line)
    return match.group(1) if match else line


def _key(line: str) -> str:
    line = strip_trailing_credit(_unmark(line))[0]
    return re.sub(r"\W+", " ", line).strip().lower()


def _same(a: str, b: str) -> bool:
    return _key(a) == _key(b)
