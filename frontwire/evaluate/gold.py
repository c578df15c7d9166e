"""Gold files in the form of ``shared/gold/seed.json``: reading one, finding many in folders, and their articles.

A gold file says what an expert coder extracts from one article (``document.path``, relative to the gold file's
folder or the one above it: ``gold/seed.json`` -> ``seed/...``, ``dev/gold/x.json`` -> ``dev/articles/x.jsonl``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from frontwire.errors import GoldError


def load_gold(path: Path) -> dict[str, Any]:
    """One gold file, checked for the two keys every scorer needs."""
    try:
        with open(path, encoding="utf-8") as handle:
            gold = json.load(handle)
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc})", hint="give a gold JSON like shared/gold/seed.json"
                        ) from exc
    if not isinstance(gold, dict) or "document" not in gold or "events" not in gold:
        raise GoldError(f"{path}: not a frontwire gold file (needs 'document' and 'events')")
    return gold


def gold_files(paths: Iterable[Path]) -> list[Path]:
    """The gold files named, a folder standing for every ``*.json`` under it (sorted, so runs print alike)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*.json") if not p.name.startswith("."))
            if not inside:
                raise GoldError(f"{path}: no gold .json file in this folder")
            found += inside
        elif path.exists():
            found.append(path)
        else:
            raise GoldError(f"{path}: no such file or folder", hint="check the path")
    return found


def document_path(gold_path: Path, gold: dict[str, Any]) -> Path:
    """The gold's ``document.path``, relative to the gold file's folder or the one above it."""
    relative = gold["document"]["path"]
    for base in (gold_path.parent, gold_path.parent.parent):
        if (base / relative).exists():
            return base / relative
    raise GoldError(f"{gold_path}: its document {relative} was not found beside it",
                    hint="keep the gold file beside its articles, as shared/ lays them out")


def short_ids(paths: list[Path], words: int = 3, width: int = 28) -> list[str]:
    """A short, unique name per gold file for tables: its first few words, more where two would read alike."""
    stems = [p.stem for p in paths]
    for n in range(words, 1 + max((len(s.split("_")) for s in stems), default=words)):
        names = ["_".join(s.split("_")[:n])[:width] for s in stems]
        if len(set(names)) == len(names):
            return names
    return stems
