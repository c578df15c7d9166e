"""Name keys that survive transliteration.

A place name reaches us in many spellings: Azerbaijani (``Qubadlı``), its ASCII fold (``Qubadli``), the
English transliteration (``Gubadli``), a Soviet-era romanisation of the Russian (``Kubatly``), an Armenian
one (``Ishyghly``). We never try to pick the right spelling; we map every spelling to keys and let equal
keys meet:

- ``strict_key``: diacritics folded, lower case, letters and digits only (``Çaprand`` -> ``caprand``).
- ``phonetic_keys``: the strict form after script transliteration (Cyrillic, Armenian), Azerbaijani/Turkish
  letter rules where the spelling looks Azerbaijani, and a phonetic collapse of the digraphs and vowels that
  romanisations disagree on (kh/x, gh/g/q/k, sh/s, ch/ç, j/dj/dzh/zh, y/i, e/a/ə, o/u, w/v, doubled
  letters). ``Chaprand``, ``Çaprand``, ``Caprand`` all give ``caprand``.
- a second key for names of several words, without the Persian/Dari ezafe and the final ``h`` of a word
  (``Nahr-e Saraj``, ``Nahri Saraj``, ``Nahr i Saraj``; ``Qal'ah-ye Now``, ``Qala i Naw``): romanisations
  write the linking vowel as ``-e``, ``-i``, ``-ye``, a separate ``i`` or a letter glued to the first word.

The collapse is lossy on purpose: disambiguation (district, country, other places) decides between the
homonyms it creates. Fuzzy matching on these keys is the last resort (see ``frontwire.geo.matching``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into ASCII.
_SPECIAL = str.maketrans({
    "ı": "i", "İ": "I", "ə": "e", "Ə": "E", "ǝ": "e", "Ǝ": "E", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
    "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ħ": "h", "ŀ": "l", "ĸ": "k",
    "‘": "", "’": "", "ʼ": "", "ʻ": "", "`": "", "'": "", "´": "", "ʿ": "", "ʾ": "", "ˈ": "",
})

# Azerbaijani/Turkish letters and their English renderings (applied before folding).
_AZ_LETTERS = str.maketrans({"ç": "ch", "ş": "sh", "ğ": "gh", "x": "kh", "q": "g", "ı": "i", "ə": "a", "ǝ": "a",
                             "c": "j", "ü": "u", "ö": "o"})
_AZ_MARKERS = set("çşğıəǝüöxqÇŞĞİƏÜÖXQ")

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ғ": "gh", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "о": "o", "ө": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ү": "u", "ф": "f", "х": "kh", "ҳ": "h", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "є": "ye",
    "і": "i", "ї": "yi", "ґ": "g", "ә": "a", "һ": "h",
}

# Armenian (Eastern, the romanisation most news and WOF use).
_ARMENIAN = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y", "թ": "t", "ժ": "zh",
    "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h", "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m",
    "յ": "y", "ն": "n", "շ": "sh", "ո": "o", "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v",
    "տ": "t", "ր": "r", "ց": "ts", "ւ": "v", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f", "և": "ev",
}

# Phonetic collapse, applied in order to a lower-case ASCII string without separators.
_PHONETIC_RULES = [
    (re.compile(r"dzh|dzj|dj|zh|dsch"), "j"),
    (re.compile(r"tsch|tch|ch"), "c"),
    (re.compile(r"kh|x"), "h"),  # Xocavənd / Khojavend / Hocavend
    (re.compile(r"gh|q|k"), "g"),  # Qoşabulaq / Gosha Bulag / Koshabulak; Aghdam / Agdam
    (re.compile(r"sch|sh"), "s"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ow(?=[^aeiou]|$)"), "o"),  # Ghowr / Ghor, Khowst / Khost
    (re.compile(r"au|aw"), "u"),  # Dawlat / Daulat, Zawr / Zor (o becomes u below)
    (re.compile(r"w"), "v"),
    (re.compile(r"^ye"), "e"),  # Yeraskh / Eraskh (Russian Е)
    (re.compile(r"y"), "i"),
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"e"), "a"),  # Azerbaijani ə is rendered a or e
    (re.compile(r"o"), "u"),
    (re.compile(r"(?<=[^aeiu])ia"), "a"),  # Gilyatag / Gilatagh (Russian я)
    (re.compile(r"(?<=[^aeiu])iu"), "u"),  # Russian ю
    (re.compile(r"(.)\1+"), r"\1"),
]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u0259]")


def fold(text: str) -> str:
    """Strip diacritics and map the few letters NFKD leaves alone (ı, ə, ø, ...) to ASCII."""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is in a Latin script (the names worth keeping for English text);
    punctuation of any script (the ‘ of "Pul-e ‘Alam") does not count."""
    return not any(ch.isalpha() for ch in _NON_LATIN.findall(text))


def transliterate_script(text: str) -> str | None:
    """Romanise Cyrillic or Armenian text letter by letter; None when the text is in neither script."""
    lower = text.lower()
    if any("\u0400" <= ch <= "\u04ff" for ch in lower):
        table = _CYRILLIC
    elif any("\u0530" <= ch <= "\u058f" for ch in lower):
        table = _ARMENIAN
    else:
        return None
    out = []
    for i, ch in enumerate(lower):
        if table is _ARMENIAN and ch == "ո" and i + 1 < len(lower) and lower[i + 1] == "ւ":
            out.append("u")
            continue
        if table is _ARMENIAN and ch == "ւ" and i and lower[i - 1] == "ո":
            continue
        if table is _ARMENIAN and ch == "ե" and (i == 0 or not lower[i - 1].isalpha()):
            out.append("ye")
            continue
        out.append(table.get(ch, ch))
    result = "".join(out)
    return result if is_latin(result) else None


def looks_azerbaijani(text: str) -> bool:
    """True when the spelling carries letters that only Azerbaijani/Turkish orthography uses this way."""
    return any(ch in _AZ_MARKERS for ch in text)


def azerbaijani_to_english(text: str) -> str:
    """Render Azerbaijani/Turkish spelling as English news does: Qubadlı -> Gubadli, Xocavənd -> Khojavand."""
    # One pass, so that the "c" of a rendered "ch" is not read again as Azerbaijani "c" (= j).
    return unicodedata.normalize("NFC", text.lower()).replace("i̇", "i").translate(_AZ_LETTERS)


def strict_key(text: str) -> str:
    """Lower-case ASCII letters and digits only: the key for exact (folded) matching."""
    return _NON_ALNUM.sub("", fold(text).lower())


@lru_cache(maxsize=200_000)
def _phonetic(key: str) -> str:
    for pattern, repl in _PHONETIC_RULES:
        key = pattern.sub(repl, key)
    return key


def phonetic_key(text: str) -> str:
    """The phonetic collapse of ``text`` read as an English-style romanisation."""
    return _phonetic(strict_key(text))


# The ezafe as its own word ("Pul-e Alam", "Dara i Pech", "Chashmah-ye Duzakh") or glued to a word that
# another follows ("Nahri Saraj", "Puli Khumri"); a word's final h after a vowel ("Darah", "Qal'ah").
_EZAFE_WORD = re.compile(r"(?<=[a-z])[\s-]+(?:e|i|y[ei]|ee)(?=[\s-]+[a-z])")
_EZAFE_GLUED = re.compile(r"(?<=[a-z]{3})[ie](?=[\s-]+[a-z]{3})")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")


def ezafe_key(text: str) -> str | None:
    """The phonetic key of a name of several words without its ezafe and final h; None for one word."""
    lower = fold(text).lower().replace("'", "")
    if not re.search(r"[a-z][\s-]+[a-z]", lower):
        return None
    loose = _FINAL_H.sub("", _EZAFE_GLUED.sub("", _EZAFE_WORD.sub(" ", lower)))
    return _phonetic(_NON_ALNUM.sub("", loose)) or None


def phonetic_keys(text: str, azerbaijani: bool | None = None) -> set[str]:
    """Every phonetic key ``text`` may stand for.

    ``azerbaijani``: True when the name is known to be in Azerbaijani spelling (a WOF ``names_aze`` value,
    or an Azerbaijani village's ASCII name), None to decide from the letters. Non-Latin scripts are
    transliterated first.
    """
    return set(_keys(text, azerbaijani))


@lru_cache(maxsize=100_000)
def _keys(text: str, azerbaijani: bool | None) -> frozenset[str]:
    """``phonetic_keys``, cached: a feed names the same places over and over."""
    keys: set[str] = set()
    romanised = transliterate_script(text)
    if romanised is not None:
        text = romanised
    elif not is_latin(text):
        return frozenset()
    base = phonetic_key(text)
    if base:
        keys.add(base)
    loose = ezafe_key(text)
    if loose:
        keys.add(loose)
    if azerbaijani or (azerbaijani is None and looks_azerbaijani(text)):
        az = phonetic_key(azerbaijani_to_english(text))
        if az:
            keys.add(az)
    return frozenset(keys)
