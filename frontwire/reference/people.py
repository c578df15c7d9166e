"""Office holders who speak for a party (``people*.tsv``): name, office, country, the organisation their
statements speak for, and the shorter or other spellings reports use for them ("Aliyev", "Zelenskyy").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from frontwire.reference.files import spellings, table_files, tsv_rows
from frontwire.reference.fold import fold


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    office: str
    country: str
    speaks_for: str
    aliases: tuple[str, ...] = ()


def read_people(folders: Iterable[Path]) -> tuple[Person, ...]:
    """Every person in the ``people*.tsv`` files of ``folders``, in table order."""
    return tuple(Person(name, office, country, speaks_for, spellings(aliases))
                 for path in table_files(folders, "people*.tsv")
                 for name, office, country, speaks_for, aliases, *_ in tsv_rows(path, 5))


class PersonWords:
    """Finds a known person in folded text (a claimant: "president ilham aliyev", "aliyev s office")."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.by_fold: dict[str, Person] = {}
        for person in people:
            for spelling in (person.name, *person.aliases):
                self.by_fold.setdefault(fold(spelling), person)
        words = sorted((w for w in self.by_fold if w), key=len, reverse=True)
        self._in_folded = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b") if words else None

    def first_in(self, folded: str) -> Person | None:
        """The person named first in ``folded`` (the longest spelling at one position), or None."""
        match = self._in_folded.search(folded) if self._in_folded else None
        return self.by_fold[match.group(0)] if match else None
