"""Event triggers: which ACLED sub-event types the words of a text name, by the codebook's trigger patterns.

Each type's patterns live in ``frontwire/data/codebook/acled.toml`` (one per line); a type fires at its first
match. Its strength says how far to trust it: 3 is decisive (a suicide bomber is a suicide bomb whatever else the
sentence says), 2 a clear trigger, 1 a weak hint the classifier may overrule. Which fired type wins is decided in
``subevent`` by the codebook's precedence list.

Before any trigger is tried, the words the codebook's ``[unreported]`` patterns match are blanked (offsets
kept): event words that report no act of the event ("riot police", "fears of clashes", "liable to arrest").
"""

from __future__ import annotations

import hashlib
import re
import threading
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from frontwire.extract.acled import CODEBOOK_PATH, load_codebook, trigger_lines


@dataclass(frozen=True, slots=True)
class TriggerHit:
    sub_event_type: str
    strength: int
    start: int
    end: int
    text: str


_LOCK = threading.Lock()
_UNREPORTED: list[re.Pattern[str]] = []


def unreported_patterns() -> list[re.Pattern[str]]:
    """The codebook's ``[unreported]`` patterns, case-insensitive, in file order (read once)."""
    with _LOCK:
        if not _UNREPORTED:
            with open(CODEBOOK_PATH, "rb") as handle:
                data = tomllib.load(handle)
            lines = trigger_lines(data.get("unreported", {}).get("patterns", ""), data.get("fragments", {}))
            _UNREPORTED.extend(re.compile(line, re.IGNORECASE) for line in lines)
        return _UNREPORTED


def unreported_digest() -> str:
    """A digest of the ``[unreported]`` patterns: they shape the rules' votes the classifier is trained on, so the
    sub-event model's build records it (``scripts/train_classifier.py``) and a test compares it with today's."""
    return hashlib.sha256("\n".join(p.pattern for p in unreported_patterns()).encode()).hexdigest()


def _blank(m: re.Match[str]) -> str:
    # a pattern with a group named "blank" blanks that group alone ("told the crowd to <disperse>": the crowd stays)
    if "blank" in m.re.groupindex and m.group("blank") is not None:
        start, end = m.span("blank")
        return m.group()[:start - m.start()] + " " * (end - start) + m.group()[end - m.start():]
    return " " * len(m.group())


def blank_unreported(text: str) -> str:
    """``text`` with the words that report no act of an event blanked, offsets kept."""
    for pattern in unreported_patterns():
        text = pattern.sub(_blank, text)
    return text


def find_triggers(text: str) -> list[TriggerHit]:
    """Every type whose triggers fire on ``text`` (its first match), strongest first, then by position; words
    the codebook marks as unreported never fire."""
    text = blank_unreported(text)
    hits = []
    for spec in load_codebook().types.values():
        m = spec.pattern.search(text)
        if m is not None:
            hits.append(TriggerHit(str(spec.name), spec.strength, m.start(), m.end(), m.group(0)))
    hits.sort(key=lambda h: (-h.strength, h.start))
    return hits


@lru_cache(maxsize=4096)
def triggers_of(text: str) -> tuple[TriggerHit, ...]:
    """``find_triggers(text)``, remembered: a note's sentence is read by the rules, and again for the rules' votes
    the classifier reads, and the trigger patterns are the dearer part of both."""
    return tuple(find_triggers(text))
