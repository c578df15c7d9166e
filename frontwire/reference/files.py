"""How the reference tables are written on disk: tab-separated rows, ``#`` comments, ``|`` between spellings.

Every table is read from the packaged folder first, then from each user folder, so a user file of the same
name extends (never replaces) the packaged one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path


def table_files(folders: Iterable[Path], pattern: str) -> Iterator[Path]:
    """The files matching ``pattern`` ("countries*.tsv") in each folder, folder by folder, names sorted."""
    for folder in folders:
        yield from sorted(folder.glob(pattern))


def tsv_rows(path: Path, width: int) -> Iterator[list[str]]:
    """The rows of a tab-separated table, each padded to ``width`` cells and stripped; blank and ``#`` lines
    are skipped."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        yield cells + [""] * (width - len(cells))


def spellings(cell: str) -> tuple[str, ...]:
    """The ``|``-separated spellings of one cell ("Azeri|Azerbaijani" -> two spellings)."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())
