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
import importlib
import re
import threading
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontwire.extract.acled import CODEBOOK_PATH, Codebook, SubEventSpec, load_codebook, trigger_lines


@dataclass(frozen=True, slots=True)
class TriggerHit:
    sub_event_type: str
    strength: int
    start: int
    end: int
    text: str


# the parsed form of a pattern, read by ``_needles`` (the ``re`` module's own parser, which has no type stubs)
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")
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
    folded = fold_case(text)
    for pattern, needles in _needled_unreported():
        if not may_hold(needles, folded):
            continue  # (see ``find_triggers``)
        blanked = pattern.sub(_blank, text)
        if blanked != text:
            text, folded = blanked, fold_case(blanked)  # blanks may join words into another's test
    return text


@lru_cache(maxsize=1)
def _needled_unreported() -> tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...]:
    return tuple((pattern, pattern_needles(pattern)) for pattern in unreported_patterns())


def find_triggers(text: str) -> list[TriggerHit]:
    """Every type whose triggers fire on ``text`` (its first match), strongest first, then by position; words
    the codebook marks as unreported never fire."""
    text = blank_unreported(text)
    folded = fold_case(text)
    hits = []
    for spec, needles in _needled_types(load_codebook()):
        if needles is not None and not any(n in folded for n in needles):
            continue  # no word that every match of the type holds: its pattern cannot match
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


# the letters outside ASCII that a case-insensitive regex matches to an ASCII letter ("İ" to "i"; checked over every
# code point), written as that letter before a quick test of words, so that the test never says "absent" where the
# regex would match
_FOLDS_TO_ASCII = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def fold_case(text: str) -> str:
    """``text`` lower-cased as the quick tests of words read it (see ``_FOLDS_TO_ASCII``)."""
    return text.translate(_FOLDS_TO_ASCII).lower()


_NEEDLED: dict[int, tuple[Codebook, tuple[tuple[SubEventSpec, tuple[str, ...] | None], ...]]] = {}


def _needled_types(book: Codebook) -> tuple[tuple[SubEventSpec, tuple[str, ...] | None], ...]:
    """Each type with the words one of which every match of its pattern holds (lower-cased), or None where the
    pattern does not say: a text that holds none of them is not searched for the type (a third of the time a note
    took to be typed went to searching it for types whose words it lacks). Worked out once per codebook."""
    known = _NEEDLED.get(id(book))
    if known is None or known[0] is not book:
        known = _NEEDLED[id(book)] = (book, _needled(book))
    return known[1]


def _needled(book: Codebook) -> tuple[tuple[SubEventSpec, tuple[str, ...] | None], ...]:
    return tuple((spec, pattern_needles(spec.pattern)) for spec in book.types.values())


def may_hold(needles: tuple[str, ...] | None, folded: str) -> bool:
    """Whether a text whose ``fold_case`` is ``folded`` may match a pattern whose ``pattern_needles`` are
    ``needles``: it holds one of them, or the pattern does not say."""
    return needles is None or any(n in folded for n in needles)


@lru_cache(maxsize=256)
def pattern_needles(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-cased words one of which every match of ``pattern`` holds in its text ``fold_case``'d, or None where
    the pattern does not say (or says it in letters beyond ASCII, whose case-folding is not worked out here)."""
    needles = _needles(sre_parse.parse(pattern.pattern, pattern.flags))
    if needles is None or not all(n.isascii() for n in needles):
        return None
    lowered = {n.lower() for n in needles}
    # a word that holds another is present only where that one is: the shorter one is the test
    return tuple(sorted(n for n in lowered if not any(m != n and m in n for m in lowered)))


def _needles(items: Any) -> set[str] | None:
    """Words one of which every match of the parsed pattern ``items`` holds, or None where it cannot tell.

    Each run of literal letters of the sequence is such a word, and so are the words of a group, an alternation
    (all its branches must have them) or a repeat of at least one; lookarounds and word boundaries take no letters
    and are passed over. Of these, the set whose shortest word is longest is kept: the rarer the words, the fewer
    texts are searched.
    """
    options: list[set[str]] = []
    prefix = ""
    for op, av in items:
        if op is sre.LITERAL:
            prefix += chr(av)
            continue
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue
        if prefix:
            options.append({prefix})
            prefix = ""
        found: set[str] | None = None
        if op is sre.SUBPATTERN:
            found = _needles(av[3])
        elif op is sre.BRANCH:
            each = [_needles(branch) for branch in av[1]]
            found = set().union(*(e for e in each if e is not None)) if None not in each else None
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            found = _needles(av[2])
        if found is not None:
            options.append(found)
    if prefix:
        options.append({prefix})
    return max(options, key=lambda words: min(len(w.strip()) for w in words)) if options else None
