"""Who fights whom (``sides*.tsv``): one row per party and relation.

``against``: partisan words in the party's statements ("the enemy", "the occupiers") mean the other party's
forces, and a captured place is taken from the other party. The relation is directed because statements
are: in Artsakh's statements the enemy is Azerbaijan, in Azerbaijan's it is Armenia.
``with``: the party fights on the other's side, so the ledger counts its claims as that side's.

A party has one adversary and one ally; a user row for a party the packaged table already has replaces it
(the user knows which war their documents are about).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from frontwire.errors import UsageError
from frontwire.reference.files import table_files, tsv_rows

_RELATIONS = ("against", "with")


@dataclass(frozen=True, slots=True)
class Sides:
    adversaries: dict[str, str] = field(default_factory=dict)
    allies: dict[str, str] = field(default_factory=dict)


def read_sides(folders: Iterable[Path]) -> Sides:
    """The relations in the ``sides*.tsv`` files of ``folders``; later rows win."""
    sides = Sides()
    for path in table_files(folders, "sides*.tsv"):
        for party, relation, other, *_ in tsv_rows(path, 3):
            if relation not in _RELATIONS or not party or not other:
                raise UsageError(f"{path}: the row {party!r} {relation!r} {other!r} is not 'party<TAB>against or "
                                 f"with<TAB>party'", hint="fix the row or remove the file")
            (sides.adversaries if relation == "against" else sides.allies)[party] = other
    return sides
