"""JSON lines: one record per line, every field as it is, nothing flattened (the lossless format)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import IO, Any


def write_jsonl(records: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Write each record as one line of JSON to ``out``, streaming; return how many were written."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
        count += 1
    return count
