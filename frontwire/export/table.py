"""A plain-text table for people at a terminal: one line per event, the columns a reader scans first."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from typing import Any


def format_table(records: Iterable[Mapping[str, Any]], *, width: int | None = None) -> str:
    """A plain-text table for a terminal: date, type, actors, place, fatalities, who claims it."""
    width = width or shutil.get_terminal_size((160, 20)).columns
    columns = (("date", 10), ("sub-event type", 30), ("actor1", 28), ("actor2", 24), ("place", 30),
               ("prec", 4), ("fat", 4), ("claimed by", 30))
    lines = ["  ".join(name.ljust(size) for name, size in columns)]
    lines.append("  ".join("-" * size for _, size in columns))
    for r in records:
        place = ", ".join(p for p in (r.get("location"), r.get("admin1"), r.get("country")) if p)
        if r.get("event_date") and r.get("date_end") and r.get("date_start") != r.get("date_end"):
            day = f"{r.get('date_start')}"
        else:
            day = r.get("event_date") or "?"
        cells = (day, r.get("sub_event_type"), r.get("actor1"), r.get("actor2"), place,
                 r.get("geo_precision"), r.get("fatalities"), r.get("claimed_by"))
        lines.append("  ".join(_cell(value, size) for value, (_, size) in zip(cells, columns, strict=True)))
    return "\n".join(line[:width].rstrip() for line in lines) + "\n"


def _cell(value: Any, size: int) -> str:
    text = "" if value is None else str(value)
    return (text if len(text) <= size else text[: size - 1] + "…").ljust(size)
