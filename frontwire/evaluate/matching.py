"""How an extracted event is compared with a gold one: names after transliteration, distances, accept lists."""

from __future__ import annotations

import math
from typing import Any

from frontwire.geo.normalize import phonetic_keys


def accepted(spec: Any) -> list[Any]:
    """Gold writes either a plain value or ``{"accept": [...]}``."""
    if isinstance(spec, dict) and "accept" in spec:
        return list(spec["accept"])
    return [spec]


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


def same_name(a: str | None, b: str | None) -> bool:
    """Two spellings of one name: any transliteration key in common (Gubadli = Qubadlı, Aghdam = Ağdam)."""
    if not a or not b:
        return False
    a, b = _strip_kind(a), _strip_kind(b)
    return bool(phonetic_keys(a) & phonetic_keys(b))


def _strip_kind(name: str) -> str:
    words = name.replace("-", " ").split()
    while len(words) > 1 and words[-1].lower() in {"district", "region", "rayon", "province", "village", "city"}:
        words.pop()
    return " ".join(words)
