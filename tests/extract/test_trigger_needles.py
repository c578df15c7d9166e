"""Types whose words a text lacks are not searched for: the words are worked out from each pattern, and a text
is typed exactly as a search of every type's pattern types it."""

from __future__ import annotations

import re

import pytest

from frontwire.extract.acled import load_codebook
from frontwire.extract.triggers import blank_unreported, find_triggers, fold_case, pattern_needles

# sentences of our own, and the same with the letters a case-insensitive regex folds to ASCII ("ſ" is "s")
SENTENCES = [
    "Rebels shelled the outskirts of the town overnight, and two soldiers were killed in the clashes.",
    "Police fired tear gas to disperse students who were demonstrating outside parliament.",
    "A roadside bomb hit an army vehicle; the militants later seized the district centre.",
    "Riot police stood by as hundreds marched peacefully to the ministry.",
    "Fears of clashes grew after the talks on a ceasefire collapsed.",
    "Unknown gunmen abducted a journalist and torched two houses in the village.",
    "The market index fell two points on Tuesday.",
    "",
]
FOLDED = [s.replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0131") for s in SENTENCES]


def _every_type(text: str) -> list[tuple[str, int, int]]:
    text = blank_unreported(text)
    found = []
    for spec in load_codebook().types.values():
        m = spec.pattern.search(text)
        if m is not None:
            found.append((str(spec.name), m.start(), m.end()))
    return sorted(found)


@pytest.mark.parametrize("text", SENTENCES + FOLDED)
def test_a_text_is_typed_as_a_search_of_every_type_types_it(text):
    assert sorted((h.sub_event_type, h.start, h.end) for h in find_triggers(text)) == _every_type(text)


@pytest.mark.parametrize(("pattern", "needles"), [
    (r"\bclash(?:ed|es)?\b", ("clash",)),
    (r"\b(?:fired|launched) (?:\w+ ){0,3}?(?:rockets?|shells)\b", ("rocket", "shells")),
    # the rarer words of each branch: "strike" over "air", "strike"/"attack" over "drone"
    (r"(?:\bair ?strikes?)|(?:\bdrone (?:strike|attack)s?)", ("attack", "strike")),
    (r"\b(?-i:IS)\b", ("is",)),
    (r"\w+ed\b", ("ed",)),
    (r"[A-Z]\w+", None),  # no letter every match holds
    (r"\bsaïd\b", None),  # beyond ASCII: left to the search
])
def test_the_words_every_match_holds(pattern, needles):
    assert pattern_needles(re.compile(pattern, re.IGNORECASE)) == needles


def test_folding_meets_what_the_regex_matches():
    assert fold_case("\u0130\u0131\u017f\u212a") == "iisk"
    assert re.search("kiss", "\u212a\u0130\u017f\u017f", re.IGNORECASE)
