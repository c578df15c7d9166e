"""Finding an event's sentence among a text's sentences, and splitting a text that has no parse.

The pipeline hands ``resolve_event_date`` the nlp stage's sentences. A caller that has only a text (the ACLED
notes' date scoring, a notebook) gets them from a plain punctuation rule here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from frontwire.dates.vocabulary import ABBREVIATIONS
from frontwire.records import Sentence

_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


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


def sentence_index(sents: Sequence[Sentence], offset: int) -> int | None:
    """The index of the sentence of ``sents`` holding ``offset`` (or the nearest one before it)."""
    found = None
    for index, sentence in enumerate(sents):
        if sentence.start <= offset:
            found = index
        else:
            break
    return found
