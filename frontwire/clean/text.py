"""Scraped article text -> the text a reader would see, its title, headings, captions and what was removed."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from frontwire.clean.boilerplate import (
    classify_line,
    ends_like_sentence,
    looks_like_heading,
    strip_trailing_credit,
)
from frontwire.records import Removed, Span

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.*\S)\s*#*$")
_CAPTION_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}\.?$"
    r"|\b\d{1,2}\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\.?$")


@dataclass(slots=True)
class CleanText:
    text: str
    title: str | None
    headings: tuple[Span, ...]
    captions: tuple[str, ...]
    removed: list[Removed] = field(default_factory=list)


def normalise(text: str) -> str:
    """NFC, unified newlines, no trailing spaces, no zero-width or control characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = text.replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def clean_text(raw: str, *, title: str | None = None, marked_headings: bool = False) -> CleanText:
    """Clean scraped text. ``marked_headings``: lines like "## Heading" (from HTML extraction) are headings.

    Every non-empty line is a paragraph (scrapers write one per line). A paragraph that occurs more than once is a
    photo caption: kept once in ``captions``, never in the text; so is a paragraph followed by a photo credit.
    """
    lines = [line.strip() for line in normalise(raw).split("\n")]
    lines = [line for line in lines if line]
    removed: list[Removed] = []

    # the title: given, else the first line when it reads as one
    if lines:
        first = _unmark(lines[0])
        if title and _same(first, title):
            lines = lines[1:]
        elif not title and len(lines) > 1 and len(first.split()) <= 30 and not first.endswith((".", ",", ";")):
            title, lines = first, lines[1:]

    counts = Counter(_key(line) for line in lines)
    kinds: list[str] = []  # body, heading, caption, drop
    captions: list[str] = []
    for i, line in enumerate(lines):
        unmarked = _unmark(line)
        reason = classify_line(unmarked)
        if reason:
            removed.append(Removed(unmarked, reason))
            kinds.append("drop")
            continue
        body, credit = strip_trailing_credit(unmarked)
        next_reason = classify_line(lines[i + 1]) if i + 1 < len(lines) else None
        credited = next_reason == "photo credit" and _could_be_caption(body)
        is_caption = (counts[_key(line)] > 1 or credit is not None or credited
                      or (_CAPTION_DATE.search(body) is not None and len(body.split()) > 4))
        if is_caption and not (marked_headings and _MARKDOWN_HEADING.match(line)):
            if _key(body) not in {_key(c) for c in captions}:
                captions.append(body)
                removed.append(Removed(unmarked, "photo caption (kept in captions)"))
            else:
                removed.append(Removed(unmarked, "duplicated photo caption"))
            if credit:
                removed.append(Removed(credit, "photo credit"))
            kinds.append("drop")
            continue
        if marked_headings:
            kinds.append("heading" if _MARKDOWN_HEADING.match(line) else "body")
        else:
            kinds.append("heading?" if looks_like_heading(line) else "body")
    kinds = _settle_headings(lines, kinds, removed)

    parts: list[str] = []
    headings: list[Span] = []
    offset = 0
    for line, kind in zip(lines, kinds, strict=True):
        if kind == "drop":
            continue
        line = _unmark(line)
        if parts:
            offset += 2
        if kind == "heading":
            headings.append(Span(line, offset, offset + len(line)))
        parts.append(line)
        offset += len(line)
    return CleanText("\n\n".join(parts), title, tuple(headings), tuple(captions), removed)


def _settle_headings(lines: list[str], kinds: list[str], removed: list[Removed]) -> list[str]:
    """A short unpunctuated line is a heading only when body text follows it; at the end it is page debris."""
    body_after = [False] * len(kinds)
    seen_body = False
    for i in range(len(kinds) - 1, -1, -1):
        body_after[i] = seen_body
        if kinds[i] == "body" and ends_like_sentence(lines[i]):
            seen_body = True
    settled = []
    for i, kind in enumerate(kinds):
        if kind == "heading?":
            if body_after[i]:
                kind = "heading"
            else:
                removed.append(Removed(_unmark(lines[i]), "navigation debris"))
                kind = "drop"
        elif kind == "heading" and not body_after[i]:
            removed.append(Removed(_unmark(lines[i]), "navigation debris"))
            kind = "drop"
        settled.append(kind)
    return settled


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
