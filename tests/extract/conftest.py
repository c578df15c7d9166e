"""Shared helpers for extraction tests: parsing, notes as documents, the seed document."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from frontwire.records import Document, RawDocument, Span

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seed" / "000_d54e5245f36c7340.txt"
GOLD = SHARED / "gold" / "seed.json"


@pytest.fixture(scope="session")
def parse():
    from frontwire.nlp import parse_one

    return parse_one


def note(text: str, source: str | None = None, published: date | None = None) -> Document:
    return Document(id="t", text=text, source=source, published_at=published)


def _fallback_clean(raw: str) -> Document:
    """The seed with obvious debris removed, as the clean stage does (used only if it is not importable)."""
    caption_seen = False
    lines = []
    for line in raw.split("\n")[1:]:
        s = line.strip()
        if s in ("AA", "Loading...", "Route 6") or s.startswith("READ MORE"):
            continue
        if s.endswith("November 2, 2020."):
            if caption_seen:
                continue
            caption_seen = True
        lines.append(line)
    text = "\n".join(lines)
    heads = tuple(Span(h, text.index(h), text.index(h) + len(h))
                  for h in ("Armenian army losses", "Third Su-25 downed", "Civilian killings"))
    return Document(id="seed", text=text, title=raw.split("\n")[0], published_at=date(2020, 11, 2), headings=heads)


@pytest.fixture(scope="session")
def seed_document() -> Document:
    if not SEED.exists():
        pytest.skip("shared seed not available")
    raw = SEED.read_text(encoding="utf-8")
    try:
        from frontwire.clean import clean_raw

        return clean_raw(RawDocument(id="seed", text=raw))
    except ImportError:
        return _fallback_clean(raw)


def fold(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())
