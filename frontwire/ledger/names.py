"""Names the ledger compares: place names, claimant names, and the conflict side behind a claimant.

Two reports name one village differently ("Gubadli" / "Qubadlı", "Isaqli" / "Isakhly") and one claimant
differently ("Azerbaijani Defence Ministry" / "Ministry of Defense of Azerbaijan"). The ledger only needs
to know whether two names are the same, so it folds them to a comparable skeleton instead of resolving them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from frontwire.geo.normalize import azerbaijani_to_english, looks_azerbaijani, phonetic_key
from frontwire.reference import Reference, fold, reference

__all__ = ["aligned", "country_in", "fold", "origin_key", "place_skeleton", "same_place_name", "side_of"]


@lru_cache(maxsize=65536)
def place_skeleton(name: str | None) -> str:
    """A spelling-insensitive key of a place name: the gazetteer's phonetic key, read as Azerbaijani where the
    letters say so, so that transliteration variants (Qubadlı / Gubadli, Xocavənd / Khojavend) fold to one."""
    if not name:
        return ""
    return phonetic_key(azerbaijani_to_english(name)) if looks_azerbaijani(name) else phonetic_key(name)


def same_place_name(a: str | None, b: str | None) -> bool:
    """True when two place names are spellings of one name ("Haji Isaqli" / "Haji Isakhly")."""
    ka, kb = place_skeleton(a), place_skeleton(b)
    if not ka or not kb:
        return False
    return ka == kb or fuzz.ratio(ka, kb) >= 88


# --- claimants and sides ---------------------------------------------------------------------------

# A claimant speaks for a side only when it is an organ of that side, not a newspaper that happens to be
# from there: these words mark an official source.
_OFFICIAL_WORDS = re.compile(
    r"\b(ministry|minister|mod|government|president|presidential|prime|army|armed forces|forces|military|"
    r"defen[cs]e|spokes(?:man|woman|person)|official|officials|office|authorities|command|general staff|"
    r"service|governor|mayor|embassy|parliament|assembly|ombudsman|administration|state)\b"
)


_ORIGIN_DROP = {"the", "of", "s", "and", "for", "on", "republic", "said", "says", "according", "to"}
_ORIGIN_SYNONYMS = {"defense": "defence", "mod": "ministry defence", "mfa": "ministry foreign affairs"}


def country_in(folded: str) -> str | None:
    """The first country named in a folded string ("military forces of armenia" -> "Armenia"): earliest
    position wins ("Turkish agency quoting Azerbaijani ministry" is about Turkey), then the longest spelling."""
    return reference().country_words.first_in(folded)


def aligned(side: str) -> str:
    """The side a party fights on ("Artsakh" -> "Armenia"; see the ``with`` rows of ``sides.tsv``): a claimant
    of the first counts as a source of the second's side when the event's actors name only the second."""
    return reference().allies.get(side, side)


def side_of(claimant: str | None) -> str | None:
    """The conflict party a claimant speaks for ("Ilham Aliyev" -> "Azerbaijan"), or None for outlets."""
    return _side_of(claimant, reference())


# Cached per reference tables as well as per name: a user folder read later in the process changes answers.
@lru_cache(maxsize=16384)
def _side_of(claimant: str | None, lex: Reference) -> str | None:
    folded = fold(claimant)
    if not folded:
        return None
    person = lex.person_words.first_in(folded)
    if person is not None:
        return person.country
    if not _OFFICIAL_WORDS.search(folded):
        return None
    return country_in(folded)


def origin_key(name: str | None) -> str:
    """A key under which spellings of one source agree ("Azerbaijani Defence Ministry" and
    "Ministry of Defense of Azerbaijan" give the same key). Empty for no name."""
    return _origin_key(name, reference())


@lru_cache(maxsize=16384)
def _origin_key(name: str | None, lex: Reference) -> str:
    folded = fold(name)
    if not folded:
        return ""
    person = lex.person_words.first_in(folded)
    if person is not None:
        # "President Ilham Aliyev" and "Aliyev" are one source: every spelling maps to the full name.
        return "person:" + fold(person.name)
    tokens: list[str] = []
    for token in folded.split():
        token = _ORIGIN_SYNONYMS.get(token, token)
        for part in token.split():
            if part in _ORIGIN_DROP:
                continue
            country = lex.country_words.in_folded_text.get(part)
            tokens.append(country.lower() if country else part)
    return " ".join(sorted(set(tokens))) or folded
