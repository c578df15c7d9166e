"""Which language a document is in. frontwire codes English; anything else is stored and reported, never coded."""

from __future__ import annotations

import re
import threading
from itertools import islice

_LOCK = threading.Lock()
_READY = False
_MIN_LETTERS = 40  # below this, language identification is a guess: assume the declared/English language
_SURE = 0.9  # langdetect's probability for the top language of a text it can tell (real articles: above 0.99)


# words of English grammar: a fifth or more of any English text, coders' notes included. Other languages share some
# of them ("in" and "was" in German and Dutch, "a" in Spanish and Polish, "for" and "at" in Danish): a short text
# of theirs may reach a fifth, so a text must also hold one of the words no other language writes (the second set:
# grammar words, and the English forms of the words a report of violence is told in, which a coder's note
# ("On 3 May, 1 soldier was killed by ... in ... district") may hold without any of the grammar ones)
_ENGLISH_WORDS = frozenset("the of and to was were that with for from by at his their they which have has had been "
                           "said after are is it its this a an as in on".split())
_ENGLISH_ONLY = frozenset("the and were that with from his their they which been said after this "
                          "killed killing wounded injured attacked reported fatalities following several".split())
_ENGLISH_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")


def _reads_english(sample: str) -> bool:
    """Whether ``sample`` is plainly English: at least eight words, a fifth of them English grammar words, one of
    them a word only English writes (true of 4,347 of the 4,382 development texts, news and coders' notes, none of
    which langdetect reads as another language)."""
    words = _WORD.findall(sample.lower())
    return len(words) >= 8 and sum(w in _ENGLISH_WORDS for w in words) >= _ENGLISH_SHARE * len(words) and \
        not _ENGLISH_ONLY.isdisjoint(words)


def load_profiles() -> None:
    """Load langdetect's language profiles (half a second, once per process), as its first question would."""
    global _READY
    with _LOCK:
        if not _READY:
            from langdetect import DetectorFactory, detector_factory

            DetectorFactory.seed = 0  # deterministic: the same text always gets the same answer
            detector_factory.init_factory()
            _READY = True


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s main language, or None when the text is too short to tell (or English is as
    likely as the best guess)."""
    sample = text[:3000]
    if next(islice(_LETTER.finditer(sample), _MIN_LETTERS - 1, None), None) is None:
        return None  # fewer letters than that (counted no further)
    if _reads_english(sample):
        return "en"  # langdetect costs some milliseconds a text: it is asked only where this does not settle it
    load_profiles()
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    try:
        ranked = detect_langs(sample)
    except LangDetectException:
        return None
    if not ranked:
        return None
    best = ranked[0]
    if best.prob < _SURE and any(guess.lang == "en" for guess in ranked):
        # a short line ("Smoke rises over Khartoum after an air strike") draws Danish or Afrikaans at even odds:
        # an unsure guess that English could win is no answer, as for a text too short to tell
        return None
    return best.lang.split("-")[0]
