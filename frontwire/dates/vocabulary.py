"""The words news uses for dates, as regular-expression pieces (the month, weekday and number tables
themselves are ``frontwire.reference.vocabulary``, shared with extraction).

Month names are matched case-sensitively (Title or UPPER case) so that the verb "may" and the verb
"march" never become months; everything else is matched case-insensitively by the patterns that use it.
"""

from __future__ import annotations

from frontwire.reference.vocabulary import ARTICLE_COUNTS, CARDINALS, MONTHS, WEEKDAYS


def _cased(words: list[str]) -> str:
    """An alternation that accepts each word in Title and UPPER case only (longest first)."""
    forms: list[str] = []
    for word in sorted(words, key=len, reverse=True):
        forms += [word.capitalize(), word.upper()]
    return "(?-i:" + "|".join(forms) + ")"


# A month name, or its abbreviation with an optional full stop ("Nov.", "Sept.").
_FULL_MONTHS = [name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july")]
_SHORT_MONTHS = [name for name in MONTHS if name not in _FULL_MONTHS]
MONTH = rf"(?:{_cased(_FULL_MONTHS)}\b|{_cased(_SHORT_MONTHS)}\b(?:\.(?!\d))?)"
# Next to a day number a full month name is a month in any case ("2 february" in lower-cased wires),
# except the verbs "may" and "march" ("troops may 5 times").
_ANY_CASE = sorted((m for m in _FULL_MONTHS if m not in ("may", "march")), key=len, reverse=True)
MONTH_BY_DAY = (rf"(?:(?i:{'|'.join(_ANY_CASE)})\b|{_cased(['may', 'march'])}\b|"
                rf"{_cased(_SHORT_MONTHS)}\b(?:\.(?!\d))?)")
WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
# A day of the month: 1..31 with an optional ordinal suffix; never the start of a longer number.
DAY = r"(?<!\d)(?:[0-3]?\d)(?!\d)(?:st|nd|rd|th)?(?![:.,]\d)"
# A year 1900..2099, but never a clock time: "1300 GMT", "2000 hrs", "1930 local time" are times.
YEAR = r"(?:19|20)\d\d(?!\d)(?!\s*(?:GMT|UTC|Z\b|hrs\b|hours\b|h\b|local\b|IST\b|CET\b|EET\b|MSK\b|AST\b|:\d))"
# A count of days, weeks ...: digits, a number word or an article ("a day ago"); the vague count words
# ("a few") are left to the patterns that want them.
NUMBER = r"(?:\d{1,2}|" + "|".join(sorted((*CARDINALS, *ARTICLE_COUNTS), key=len, reverse=True)) + ")"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|midnight|dawn|daybreak|noon|early\s+hours)"

# Words that, just before a date, make it the date of a statement rather than of the event.
REPORT_VERBS = (
    r"said|says|announced|reported|stated|told|added|claimed|confirmed|tweeted|wrote|posted|declared|noted|"
    r"insisted|denied|disclosed|revealed|warned|alleged|informed|briefed|published|"
    r"according\s+to"
)
# Gap words allowed between such a verb and the date ("said in a written statement on Monday").
REPORT_GAP_WORDS = frozenset(
    "a an the in at on during via its his her their our late early earlier later written statement "
    "statements press release briefing conference twitter telegram facebook video address interview tv "
    "television news official website channel message post report reports daily regular evening morning "
    "night afternoon reporters journalists media lawmakers parliament agency agencies correspondent "
    "correspondents reuters afp ap tass interfax anadolu".split()
)

# Words before a date (in its clause) that make it a future or planned date.
FUTURE_CUES = (
    r"will|shall|'ll|to\s+be\s+held|is\s+due|are\s+due|due\s+to|scheduled|planned|plans\s+to|plan\s+to|"
    r"is\s+expected|are\s+expected|expected\s+to|set\s+to|going\s+to|intends?\s+to|upcoming|forthcoming"
)
# These count only right before the date ("next week", "this coming Sunday"): elsewhere they mean
# other things ("coming under fire", "next to the village").
FUTURE_CUES_NEAR = FUTURE_CUES + r"|next|tomorrow|coming"

# Words that do not tie two sentences to the same event (too common in conflict news).
GENERIC_WORDS = frozenset(
    """about after again against also among army armed attack attacks before being between both could
    defence defense during each enemy forces force from front have into killed military ministry more most
    other over positions said says some such than that their them then there these they this those through
    troops under very were what when where which while will with would soldiers statement country region
    according since until another added""".split()
)

# Words a full stop follows without ending the sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt brig adm rep sen gov st no jan feb mar apr jun jul aug sep sept oct "
    "nov dec u.s u.n e.g i.e vs approx inc co ltd jr sr prof rev".split()
)
