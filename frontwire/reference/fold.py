"""The one text fold every reference lookup uses.

News spells one name many ways: "Burkinabé" / "Burkinabe", "Nagorno-Karabakh" / "Nagorno Karabakh",
"Qubadlı" / "Qubadli". A lookup table keyed by ``fold(name)`` answers for all of them, and a table and its
reader agree only if both fold the same way, which is why there is one fold and not one per stage.
Acronyms lose their case here ("US" and "us" fold alike): tables that must tell them apart keep the
surface spelling beside the fold.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not take apart (dotless i, schwa) or that English news transliterates with two
# letters (ç, ş, ğ): folded as the transliteration a reporter writes.
_TRANSLIT = str.maketrans({"ə": "a", "ı": "i", "ç": "ch", "ş": "sh", "ğ": "gh", "ö": "o", "ü": "u", "İ": "i",
                           "’": "'", "‘": "'"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Lowercase, transliterate, strip diacritics and turn punctuation into single spaces: the form under which
    two spellings of one name compare equal ("People's Republic" -> "people s republic"). Empty for no text."""
    if not text:
        return ""
    text = text.lower().translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", text).split())
