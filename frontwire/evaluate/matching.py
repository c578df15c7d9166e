"""How an extracted event is compared with a gold one: names after transliteration and accept lists."""

from __future__ import annotations

from typing import Any

from frontwire.geo.normalize import phonetic_keys


def accepted(spec: Any) -> list[Any]:
    """Gold writes either a plain value or ``{"accept": [...]}``."""
    if isinstance(spec, dict) and "accept" in spec:
        return list(spec["accept"])
    return [spec]


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
