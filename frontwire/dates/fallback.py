"""dateparser, held on a short leash, for the rare date the regular expressions do not read.

The settings are fixed: English only (automatic language detection misreads "On 1 October 2020" as
"On 1" of the current month a few percent of the time), no guessing of missing parts, the publication
date as the base for anything relative, past dates preferred. Results are cached and dateparser is
imported only when first needed, so the common path never pays for it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from frontwire.dates.vocabulary import MONTH, YEAR

# A month name with digits near it that no pattern read: "Nov 2nd '20", "2nd, Nov", "the 3rd day of May".
_LEFTOVER = re.compile(rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\W{{1,4}}{MONTH}|{MONTH}\W{{1,4}}\d{{1,2}}(?:st|nd|rd|th)?\b)"
                       rf"(?:\W{{1,3}}(?:{YEAR}|'\d\d))?", re.IGNORECASE)


def leftover_spans(text: str, covered: list[tuple[int, int]],
                   windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Month-and-number snippets, inside ``windows``, that overlap no span already read."""
    out = []
    for window_start, window_end in windows:
        for match in _LEFTOVER.finditer(text, window_start, window_end):
            if not any(match.start() < end and start < match.end() for start, end in covered
                       if window_start <= end and start <= window_end):
                out.append((match.start(), match.end()))
    return out


@lru_cache(maxsize=4096)
def parse_snippet(snippet: str, reference: date | None) -> date | None:
    """The date in a short snippet, read by dateparser with fixed settings; None if it is not one."""
    import dateparser  # noqa: PLC0415 - loaded only when a leftover needs it

    settings = {
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
        "STRICT_PARSING": False,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if reference is not None:
        settings["RELATIVE_BASE"] = datetime(reference.year, reference.month, reference.day)
    found = dateparser.parse(snippet, languages=["en"], settings=settings)
    return found.date() if found else None
