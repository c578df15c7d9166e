"""Event triggers: which ACLED sub-event types the words of a text name, by the codebook's trigger patterns.

Each type's patterns live in ``frontwire/data/codebook/acled.toml`` (one per line); a type fires at its first
match. Its strength says how far to trust it: 3 is decisive (a suicide bomber is a suicide bomb whatever else the
sentence says), 2 a clear trigger, 1 a weak hint the classifier may overrule. Which fired type wins is decided in
``subevent`` by the codebook's precedence list.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontwire.extract.acled import load_codebook


@dataclass(frozen=True, slots=True)
class TriggerHit:
    sub_event_type: str
    strength: int
    start: int
    end: int
    text: str


def find_triggers(text: str) -> list[TriggerHit]:
    """Every type whose triggers fire on ``text`` (its first match), strongest first, then by position."""
    hits = []
    for spec in load_codebook().types.values():
        m = spec.pattern.search(text)
        if m is not None:
            hits.append(TriggerHit(str(spec.name), spec.strength, m.start(), m.end(), m.group(0)))
    hits.sort(key=lambda h: (-h.strength, h.start))
    return hits
