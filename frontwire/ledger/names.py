"""Names the ledger compares: place names, claimant names, and the conflict side behind a claimant.

Two reports name one village differently ("Gubadli" / "Qubadlı", "Isaqli" / "Isakhly") and one claimant
differently ("Azerbaijani Defence Ministry" / "Ministry of Defense of Azerbaijan"). The ledger only needs
to know whether two names are the same, so it folds them to a comparable skeleton instead of resolving them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from frontwire.geo.normalize import azerbaijani_to_english, looks_azerbaijani, phonetic_key

_TRANSLIT = str.maketrans({"ə": "a", "ı": "i", "ç": "ch", "ş": "sh", "ğ": "gh", "ö": "o", "ü": "u", "İ": "i",
                           "’": "'", "‘": "'"})


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Lowercase, transliterate and strip diacritics and punctuation: a comparable form of a name."""
    if not text:
        return ""
    text = text.lower().translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


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

# Country names and the adjectives news uses for them. Extend freely: the fallback reads these inside any
# claimant string ("Armenian Defence Ministry" -> Armenia).
COUNTRY_WORDS: dict[str, str] = {
    "azerbaijan": "Azerbaijan", "azerbaijani": "Azerbaijan", "azeri": "Azerbaijan", "baku": "Azerbaijan",
    "armenia": "Armenia", "armenian": "Armenia", "yerevan": "Armenia",
    "artsakh": "Artsakh", "nagorno karabakh": "Artsakh", "stepanakert": "Artsakh",
    "russia": "Russia", "russian": "Russia", "kremlin": "Russia",
    "ukraine": "Ukraine", "ukrainian": "Ukraine",
    "turkey": "Turkey", "turkish": "Turkey", "turkiye": "Turkey",
    "iran": "Iran", "iranian": "Iran", "israel": "Israel", "israeli": "Israel",
    "palestine": "Palestine", "palestinian": "Palestine", "syria": "Syria", "syrian": "Syria",
    "iraq": "Iraq", "iraqi": "Iraq", "afghanistan": "Afghanistan", "afghan": "Afghanistan",
    "pakistan": "Pakistan", "pakistani": "Pakistan", "india": "India", "indian": "India",
    "georgia": "Georgia", "georgian": "Georgia", "sudan": "Sudan", "sudanese": "Sudan",
    "ethiopia": "Ethiopia", "ethiopian": "Ethiopia", "yemen": "Yemen", "yemeni": "Yemen",
    "lebanon": "Lebanon", "lebanese": "Lebanon", "libya": "Libya", "libyan": "Libya",
    "mali": "Mali", "malian": "Mali", "somalia": "Somalia", "somali": "Somalia",
    "nigeria": "Nigeria", "nigerian": "Nigeria", "myanmar": "Myanmar", "colombia": "Colombia",
    "colombian": "Colombia", "congo": "Democratic Republic of Congo", "congolese": "Democratic Republic of Congo",
}

# People who speak for a party. Small on purpose: the country-name fallback covers institutions.
PERSON_SIDES: dict[str, str] = {
    "ilham aliyev": "Azerbaijan", "aliyev": "Azerbaijan", "hikmet hajiyev": "Azerbaijan",
    "vagif dargahli": "Azerbaijan", "jeyhun bayramov": "Azerbaijan", "zakir hasanov": "Azerbaijan",
    "nikol pashinyan": "Armenia", "pashinyan": "Armenia", "shushan stepanyan": "Armenia",
    "artsrun hovhannisyan": "Armenia", "david tonoyan": "Armenia", "armen sarkissian": "Armenia",
    "arayik harutyunyan": "Artsakh", "vahram poghosyan": "Artsakh",
    "vladimir putin": "Russia", "sergei shoigu": "Russia", "igor konashenkov": "Russia", "dmitry peskov": "Russia",
    "volodymyr zelensky": "Ukraine", "zelenskyy": "Ukraine",
}

# A claimant speaks for a side only when it is an organ of that side, not a newspaper that happens to be
# from there: these words mark an official source.
_OFFICIAL_WORDS = re.compile(
    r"\b(ministry|minister|mod|government|president|presidential|prime|army|armed forces|forces|military|"
    r"defen[cs]e|spokes(?:man|woman|person)|official|officials|office|authorities|command|general staff|"
    r"service|governor|mayor|embassy|parliament|assembly|ombudsman|administration|state)\b"
)

# Parties that fight on one side: a claimant of the first counts as a source of the second's side when
# the event's actors name only the second.
ALIGNED: dict[str, str] = {"Artsakh": "Armenia"}

_ORIGIN_DROP = {"the", "of", "s", "and", "for", "on", "republic", "said", "says", "according", "to"}
_ORIGIN_SYNONYMS = {"defense": "defence", "mod": "ministry defence", "mfa": "ministry foreign affairs"}


@lru_cache(maxsize=16384)
def country_in(folded: str) -> str | None:
    """The first country named in a folded string ("military forces of armenia" -> "Armenia")."""
    # Longest country word first, earliest position wins: "Turkish agency quoting Azerbaijani ministry"
    # is about the first-named country.
    best: tuple[int, int, str] | None = None
    for word, country in COUNTRY_WORDS.items():
        match = re.search(rf"\b{word}\b", folded)
        if match:
            key = (match.start(), -len(word), country)
            if best is None or key < best:
                best = key
    return best[2] if best else None


@lru_cache(maxsize=16384)
def side_of(claimant: str | None) -> str | None:
    """The conflict party a claimant speaks for ("Ilham Aliyev" -> "Azerbaijan"), or None for outlets."""
    folded = fold(claimant)
    if not folded:
        return None
    for person, side in PERSON_SIDES.items():
        if re.search(rf"\b{person}\b", folded):
            return side
    if not _OFFICIAL_WORDS.search(folded):
        return None
    return country_in(folded)


@lru_cache(maxsize=16384)
def origin_key(name: str | None) -> str:
    """A key under which spellings of one source agree ("Azerbaijani Defence Ministry" and
    "Ministry of Defense of Azerbaijan" give the same key). Empty for no name."""
    folded = fold(name)
    if not folded:
        return ""
    for person in PERSON_SIDES:
        if re.search(rf"\b{person}\b", folded):
            # "President Ilham Aliyev" and "Aliyev" are one source; surnames alone map to the full name.
            full = next((p for p in PERSON_SIDES if p.endswith(person) and " " in p), person)
            return "person:" + full
    tokens: list[str] = []
    for token in folded.split():
        token = _ORIGIN_SYNONYMS.get(token, token)
        for part in token.split():
            if part in _ORIGIN_DROP:
                continue
            country = COUNTRY_WORDS.get(part)
            tokens.append(country.lower() if country else part)
    return " ".join(sorted(set(tokens))) or folded
