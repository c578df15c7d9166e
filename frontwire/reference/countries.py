"""Countries: the name frontwire writes (ACLED's), the adjectives news uses, and other names (capitals,
official names, acronyms), from ``countries*.tsv``.

A user row for a country the table already has adds its spellings to that country, so a user file can
teach one more adjective ("Azerbaycan") without repeating the row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from frontwire.reference.files import spellings, table_files, tsv_rows
from frontwire.reference.fold import fold


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    adjectives: tuple[str, ...]
    aliases: tuple[str, ...]

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name, the adjectives, then the other names."""
        return (self.name, *self.adjectives, *self.aliases)


def read_countries(folders: Iterable[Path]) -> tuple[Country, ...]:
    """Every country in the tables of ``folders``, in table order, rows of one country merged."""
    merged: dict[str, Country] = {}
    for path in table_files(folders, "countries*.tsv"):
        for name, adjectives, aliases, *_ in tsv_rows(path, 3):
            known = merged.get(name)
            if known is None:
                merged[name] = Country(name, spellings(adjectives), spellings(aliases))
            else:
                merged[name] = Country(name, _union(known.adjectives, spellings(adjectives)),
                                       _union(known.aliases, spellings(aliases)))
    return tuple(merged.values())


def _union(first: tuple[str, ...], more: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *more)))


class CountryWords:
    """Lookups over every spelling of every country, built once per table.

    Where two countries share a spelling ("Congolese") the first listed keeps it, as ACLED codes the larger
    conflict.
    """

    def __init__(self, countries: Iterable[Country]) -> None:
        countries_list = list(countries)
        self.by_fold: dict[str, str] = {}
        surface: dict[str, str] = {}
        for country in countries_list:
            for word in country.spellings:
                self.by_fold.setdefault(fold(word), country.name)
                surface.setdefault(word.lower(), word)
        # Every spelling once (case-insensitively), in table order: what text patterns are built from.
        self.spellings: tuple[str, ...] = tuple(surface.values())
        # In text that is already folded: acronyms ("US", "CAR", "U.S.") are words only in capitals, which a
        # fold cannot see ("car bomb"), so only the other spellings count there.
        self.in_folded_text: dict[str, str] = {}
        for country in countries_list:
            for word in country.spellings:
                if not word.isupper() and fold(word):
                    self.in_folded_text.setdefault(fold(word), country.name)
        folded = sorted(self.in_folded_text, key=len, reverse=True)
        self._in_folded = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in folded) + r")\b") if folded else None
        self._first_in: dict[str, str | None] = {}

    def country_of(self, word: str) -> str | None:
        """The country a spelling names ("Azeri", "azerbaijani", "Nagorno Karabakh"), or None."""
        return self.by_fold.get(fold(word))

    def first_in(self, folded: str) -> str | None:
        """The first country named in already folded text ("military forces of armenia" -> "Armenia"); at one
        position the longest spelling wins ("nagorno karabakh" before a shorter word)."""
        if folded not in self._first_in:
            if len(self._first_in) > 65536:  # a long-running service sees endless claimant strings
                self._first_in.clear()
            match = self._in_folded.search(folded) if self._in_folded else None
            self._first_in[folded] = self.in_folded_text[match.group(0)] if match else None
        return self._first_in[folded]
