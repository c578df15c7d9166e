"""Months, weekdays and number words, with their values: the words every stage reads dates and counts by.

These are English and fixed, so they are plain constants (no file, nothing to load); the stages build their
patterns from them (``dates.vocabulary`` its month and number expressions, ``extract.quantities`` its
counts), so a word added here reaches them all.
"""

from __future__ import annotations

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
# Lower-cased month names and the abbreviations news uses ("Sept.", "Nov") -> month number.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# "(?:January|...|December)": a month written out in Title case (the verbs "may" and "march" stay verbs).
MONTH_NAME_PATTERN = "(?:" + "|".join(MONTH_NAMES) + ")"

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Lower-cased weekday -> ``date.weekday()`` number (Monday is 0).
WEEKDAYS: dict[str, int] = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)}

# Number words proper: the exact counts news writes out.
CARDINALS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
# Articles that count their noun exactly: "a day ago" is one day, "a couple of villages" two.
ARTICLE_COUNTS: dict[str, int] = {"a": 1, "an": 1, "a couple of": 2, "couple of": 2}
# Words that count people or things but not time: "another soldier", "both drivers", "a few houses" (3, the
# conservative reading); "a few days ago" is no date, so the date patterns leave these out.
COUNT_WORDS: dict[str, int] = {"another": 1, "single": 1, "both": 2, "a few": 3}
# Every number word with its value.
NUMBER_WORDS: dict[str, int] = {**ARTICLE_COUNTS, **CARDINALS, **COUNT_WORDS}
