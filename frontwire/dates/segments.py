"""Paragraphs and sentences of a cleaned text, by offsets, for walking outwards from an event's sentence.

The nlp stage has spaCy's sentences, but ``resolve_event_date`` receives only the frame and the
document; a plain punctuation rule is enough to find the neighbouring sentences a date may sit in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from frontwire.dates.vocabulary import ABBREVIATIONS

_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph (a line of the cleaned text) holding it


@lru_cache(maxsize=64)
def sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` in order; every line is its own paragraph."""
    out: list[Sentence] = []
    paragraph = 0
    position = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        if not line.strip():
            continue
        start = line_start
        for match in _BOUNDARY.finditer(line):
            before = line[:match.start()].rsplit(None, 1)
            word = before[-1].lower().rstrip(".") if before else ""
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            end = line_start + match.start() + 1
            if text[start:end].strip():
                out.append(Sentence(start, end, paragraph))
            start = line_start + match.end()
        end = line_start + len(line.rstrip())
        if text[start:end].strip():
            out.append(Sentence(start, end, paragraph))
        paragraph += 1
    return tuple(out)


def sentence_index(text: str, offset: int) -> int | None:
    """The index of the sentence holding ``offset`` (or the nearest one before it)."""
    found = None
    for index, sentence in enumerate(sentences(text)):
        if sentence.start <= offset:
            found = index
        else:
            break
    return found
