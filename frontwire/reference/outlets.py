"""News outlets and agencies (``outlets*.tsv``): the name, other spellings, and the party whose own outlet it
is (ACLED codes a party outlet's claims about its enemy's dead as 0 fatalities).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from frontwire.reference.files import spellings, table_files, tsv_rows


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    party: str | None


def read_outlets(folders: Iterable[Path]) -> tuple[Outlet, ...]:
    """Every outlet in the ``outlets*.tsv`` files of ``folders``, in table order."""
    return tuple(Outlet(name, spellings(aliases), party or None)
                 for path in table_files(folders, "outlets*.tsv")
                 for name, aliases, party, *_ in tsv_rows(path, 3))
