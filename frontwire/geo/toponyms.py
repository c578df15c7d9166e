"""Find the place names in a text: capitalised phrases the gazetteer knows, with their spans and candidates.

A scan, not a tagger: every run of capitalised words (with the lower-case particles of Arabic, Persian
and Romance names between them: "Deir ez-Zor", "Nawa-e Barakzayi") is looked up longest first. Common
English words that happen to be place names somewhere ("Long", "Mobile", "March") are skipped unless they
are part of a longer name. The word after a name ("district", "region", "village", "direction") and the
words before it ("villages of", "near") are kept as hints for resolution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from frontwire.geo.gazetteer import Gazetteer, get_gazetteer
from frontwire.geo.normalize import strict_key
from frontwire.records import Span

INNER_CAPITAL = re.compile(r"[a-z][A-Z]")  # "MoD", "GoodWin": abbreviations and brands, not places
_WORD = re.compile(r"[^\W\d_](?:[\w’'\-]*\w)?")
_PARTICLES = {"e", "ez", "es", "el", "al", "as", "ad", "az", "ar", "an", "ash", "at", "ud", "ul", "de", "da",
              "del", "di", "du", "la", "le", "wa", "va", "y", "i", "o", "of", "e-", "bin", "ibn", "sur"}
# Words after a name that say what kind of unit it is.
UNIT_WORDS = {
    "district": "district", "districts": "district", "rayon": "district", "raion": "district",
    "county": "district", "municipality": "district", "subdistrict": "district",
    "region": "region", "regions": "region", "province": "region", "provinces": "region", "oblast": "region",
    "governorate": "region", "state": "region", "marz": "region",
    "village": "village", "villages": "village", "settlement": "village", "town": "city", "city": "city",
    "area": "area", "direction": "direction", "directions": "direction", "front": "direction",
    "sector": "direction", "outskirts": "area", "neighbourhood": "area", "neighborhood": "area",
}
# Capitalised words that are far more often English than a toponym (place names elsewhere all the same).
_COMMON = set("""
a about above according after again against ago all also am among an and any april are around as at august
away back be because been before being below between both but by call can city come could day days december
during each east eight even every february few first five for forces four friday from front general good
great had has have he her here high his home how however i if in into is it its january july june just last
late later least left less like live long made main make many march may me mid military might ministry monday
more most much must my near new next night nine no north not now november october of off on one only or
other our out over own part party people per police president press read rebel rebels red reported right
route said saturday second security see september seven she should since six so some south spokesman state
still such sunday ten than that the their them then there these they third this those three through
thursday time to today told too tuesday two under union until up upon us very war was we wednesday week
were west what when where which while who will with within world would year years yesterday you
armed army defence defense ministry forces troops soldiers civilians government official officials agency
news twitter statement aa reuters tass read more loading live long victory national republic people's
armenian armenians azerbaijani azerbaijanis afghan afghans russian turkish iranian syrian iraqi ukrainian
soviet american british french german israeli palestinian georgian kurdish arab european islamic taliban
council fresh grad media size minister member chamber constitution channel hero secretary cross parliament
senate battle siege massacre liberation parade navy air major gen list due dead early popular various land
empire bay thomas thomson cornell muslim christian azeri azeris russians greek canadian kazakh chechen
congress assembly committee office square street avenue airport station embassy government house court upper
lower greater central western eastern northern southern commander gunmen
resistance video protest protests rebellion freedom justice unity hope progress independence liberty peace
""".split())
# Qualifiers a text may drop or add ("Haji Isaqli" for the gazetteer's "Isaqli"): tried without them last.
_QUALIFIERS = {"haji", "haci", "hajji", "boyuk", "beyuk", "kichik", "kicik", "yukhari", "yuxari", "ashaghi",
               "asagi", "upper", "lower", "old", "new", "greater", "little", "big", "small", "nerkin", "verin",
               "mets", "pokr", "nor", "hin", "qala", "kala", "deh", "qaryeh", "kot", "mullah", "sheikh", "sheykh"}


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in a text: where it is, what the gazetteer holds for it, and the words around it.

    ``candidates`` are gazetteer entry numbers (``Gazetteer.place(i)`` gives the record), in index order;
    ``unit``: the kind of unit the text calls it ("district", "region", "village", "direction", ...;
    "road" for a town named in a road's name, "the Ijevan-Noyemberyan highway");
    ``near``: the text says "near" or "around" it.
    """

    span: Span
    candidates: tuple[int, ...]
    unit: str | None = None
    near: bool = False
    partial: bool = False  # found only without a leading qualifier ("Haji")


def is_common_word(word: str) -> bool:
    """An English word that a capital letter does not make a place name ("March", "Long", "Size")."""
    return strict_key(word) in _COMMON


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _capitalised(word: str) -> bool:
    """"Deir", and also "ez-Zor": a hyphenated particle before a capitalised part."""
    return word[0].isupper() or any(part[:1].isupper() for part in word.split("-")[1:])


def _joinable(text: str, end: int, start: int) -> bool:
    """Two words belong to one name only if nothing but a space or a hyphen stands between them."""
    gap = text[end:start]
    return gap in (" ", "-", " - ", "- ")


def find_toponyms(text: str, gazetteer: Gazetteer | None = None, offset: int = 0) -> list[Toponym]:
    """Every place name in ``text`` the gazetteer knows, in text order, longest names first where they overlap.

    ``offset`` is added to the spans (pass the start of ``text`` in the document to get document offsets).
    """
    found = _scanned(text, gazetteer or get_gazetteer())
    if not offset:
        return list(found)
    return [replace(t, span=Span(t.span.text, t.span.start + offset, t.span.end + offset)) for t in found]


@lru_cache(maxsize=256)
def _scanned(text: str, gaz: Gazetteer) -> tuple[Toponym, ...]:
    """The names of the latest texts scanned: a short document is scanned whole for its regions and its
    countries, and again as its event's sentence."""
    return tuple(_scan(text, gaz))


def _scan(text: str, gaz: Gazetteer) -> list[Toponym]:
    tokens = _tokens(text)
    found: list[Toponym] = []
    i = 0
    while i < len(tokens):
        word, start, _ = tokens[i]
        if not _capitalised(word):
            i += 1
            continue
        hit = None
        for n in range(min(5, len(tokens) - i), 0, -1):
            window = tokens[i:i + n]
            last = window[-1][0]
            if not _capitalised(last) or any(
                not _joinable(text, window[k][2], window[k + 1][1]) for k in range(n - 1)
            ) or any(not _capitalised(w) and w.lower() not in _PARTICLES for w, _, _ in window[1:-1]):
                continue
            end = window[-1][2]
            phrase = text[start:end]
            phrase = re.sub(r"[’']s$", "", phrase)  # Armenia's
            if n == 1 and (strict_key(phrase) in _COMMON or len(phrase) < 3 or phrase.isupper() and len(phrase) < 5
                           or INNER_CAPITAL.search(phrase)):  # "MoD", "POWs"
                continue
            if n > 1 and all(strict_key(w) in _COMMON or w.lower() in _PARTICLES for w, _, _ in window):
                continue  # "Red Cross", "The US"
            candidates = gaz.lookup(phrase)
            if candidates:
                hit = (n, phrase, candidates, False)
                break
            if n >= 2 and strict_key(window[0][0]) in _QUALIFIERS and (n > 2 or strict_key(last) not in _COMMON):
                candidates = gaz.lookup(text[window[1][1]:end])
                if candidates:
                    hit = (n, phrase, candidates, True)
                    break
        if hit is None:
            found.extend(_hyphen_parts(text, tokens[i], gaz))
            i += 1
            continue
        n, phrase, candidates, partial = hit
        if _inside_longer_name(text, tokens, i, i + n):
            i += n  # "Khush Hel Killi", "Band Temur": part of a name the gazetteer does not hold
            continue
        span = Span(phrase, start, start + len(phrase))
        unit = _unit_after(tokens, i + n, text) or _unit_before(text, start)
        found.append(Toponym(span, tuple(candidates), unit, _near_before(text, start), partial))
        i += n
    return found


def _hyphen_parts(text: str, token: tuple[str, int, int], gaz: Gazetteer) -> list[Toponym]:
    """ "the Ijevan-Noyemberyan highway": a road between two towns names both."""
    word, start, _ = token
    if "-" not in word:
        return []
    out = []
    pos = start
    for part in word.split("-"):
        if len(part) >= 4 and part[0].isupper() and strict_key(part) not in _COMMON:
            candidates = gaz.lookup(part)
            if candidates:
                out.append(Toponym(Span(part, pos, pos + len(part)), tuple(candidates), "road"))
        pos += len(part) + 1
    return out if len(out) == len(word.split("-")) else []


def _name_word(word: str) -> bool:
    return _capitalised(word) and strict_key(word) not in _COMMON and word.lower() not in UNIT_WORDS


def _inside_longer_name(text: str, tokens: list[tuple[str, int, int]], i: int, j: int) -> bool:
    """True when capitalised words run on right before or after tokens[i:j] (no comma between)."""
    if i > 0 and _name_word(tokens[i - 1][0]) and text[tokens[i - 1][2]:tokens[i][1]] in (" ", "-") \
            and not _sentence_start(text, tokens[i - 1][1]):
        return True
    return j < len(tokens) and _name_word(tokens[j][0]) and text[tokens[j - 1][2]:tokens[j][1]] in (" ", "-")


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].strip()
    return not before or before[-1] in ".!?\"“"


def _unit_after(tokens: list[tuple[str, int, int]], j: int, text: str) -> str | None:
    if j < len(tokens):
        word = tokens[j][0].lower()
        if word in UNIT_WORDS and text[tokens[j - 1][2]:tokens[j][1]].strip() in ("", "-"):
            return UNIT_WORDS[word]
    # "the Aghdam, Khojavend, and Gubadli direction": a list shares the unit word after its last member;
    # "Jiji (Zazi Aryub) district": so does a name with its other name in brackets.
    tail = text[tokens[j - 1][2]:tokens[j - 1][2] + 80] if j else ""
    m = _LIST_TAIL.match(tail) or _BRACKETED_TAIL.match(tail)
    if m and m.group(1).lower() in UNIT_WORDS:
        return UNIT_WORDS[m.group(1).lower()]
    return None


# "the state of New York", "the province of Balkh": the unit named before the name
_UNIT_BEFORE = re.compile(r"\bthe\s+(state|province|region|governorate|oblast|county)\s+of\s+$", re.IGNORECASE)


def _unit_before(text: str, start: int) -> str | None:
    m = _UNIT_BEFORE.search(text, max(0, start - 40), start)
    return UNIT_WORDS[m.group(1).lower()] if m else None


_BRACKETED = r"\s*\([^()]{1,40}\)"  # another name in brackets: "Jiji (Zazi Aryub) district"
_BRACKETED_TAIL = re.compile(_BRACKETED + r"\s*(\w+)")


def unit_after(text: str, end: int) -> str | None:
    """What the text calls a name the scan did not find, ending at ``end`` ("Khaniqa district", "the 'Qalat'
    area", "Jiji (Zazi Aryub) district")."""
    after = re.match(rf"'?(?:{_BRACKETED})?\s+(\w+)", text[end:end + 60])
    return UNIT_WORDS.get(after.group(1).lower()) if after else None
_LIST_TAIL = re.compile(r"(?:\s*(?:,\s*(?:and|or)?|and|or)\s+[A-Z][\w\-’']*(?:\s[A-Z][\w\-’']*)?)+\s+(\w+)")


_NEAR = re.compile(r"\b(?:near|nearby|around|outside|outskirts of|vicinity of|close to|direction of|area of|"
                   r"limits of|towards?)\s+(?:the\s+)?$", re.IGNORECASE)


def _near_before(text: str, start: int) -> bool:
    return bool(_NEAR.search(text[max(0, start - 30):start]))
