"""What the words around a date say about it: a statement's date, a plan, or history.

"the ministry said on Monday" dates the statement, not the event; "talks will be held on Sunday" is a
plan; "since October 10" and "in 1994" are history. These read only the sentence around the date.
"""

from __future__ import annotations

import re

from frontwire.dates.vocabulary import ABBREVIATIONS, FUTURE_CUES, FUTURE_CUES_NEAR, REPORT_GAP_WORDS, REPORT_VERBS

# Any full stop and space ends a sentence here (lower-cased wires have no capital to look for), unless
# the word before it is an abbreviation.
_SENTENCE_END = re.compile(r"(?:[.!?][\"'”’)\]]*\s+|\n)")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\s[–—-]\s")
_REPORT_BEFORE = re.compile(rf"\b(?P<verb>{REPORT_VERBS})\b", re.IGNORECASE)
_REPORT_AFTER = re.compile(
    r"^\s*,?\s*(?:[\w'’.-]+\s+){0,6}?(?P<verb>said|says|announced|reported|stated|claimed|confirmed|told|"
    r"denied|tweeted|wrote|declared|warned)\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"^\s*(?:(?:late|early|earlier|later)\s+)?(?:on|in|during)?\s*$", re.IGNORECASE)
_FUTURE = re.compile(rf"\b(?:{FUTURE_CUES_NEAR})\b", re.IGNORECASE)
_FUTURE_FAR = re.compile(rf"\b(?:{FUTURE_CUES})\b", re.IGNORECASE)
_BACKGROUND_BEFORE = re.compile(
    r"\b(?:since|ever\s+since|dating\s+back\s+to|as\s+far\s+back\s+as|as\s+early\s+as|back\s+in|anniversary\s+of)"
    r"\s+(?:(?:early|mid|late|the|end\s+of|the\s+end\s+of|the\s+start\s+of)[-\s]+)*$", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
_MODAL = re.compile(r"\b(?:will|shall|would|'ll|going\s+to|scheduled|planned|plans\s+to|set\s+to|expected\s+to|"
                    r"threatened\s+to|vowed\s+to|promised\s+to|intends?\s+to)\b", re.IGNORECASE)
_PAST = re.compile(r"^(?:\w{2,}ed|was|were|had|did|said|says|told|began|fought|shot|hit|struck|took|fell|"
                   r"killed|came|went|broke|left|made|saw|found|seized|held|met|led)$", re.IGNORECASE)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, found by a plain punctuation rule."""
    left = max(0, start - 400)
    for match in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        if match.end() <= start and not _after_abbreviation(text, match.start()):
            left = match.end()
    right = len(text)
    for match in _SENTENCE_END.finditer(text, end, min(len(text), end + 400)):
        if not _after_abbreviation(text, match.start()):
            right = match.start() + 1
            break
    return left, right


def _after_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation ("Gen.", "Nov.", "U.S.") or an initial."""
    if text[stop] != ".":
        return False
    word = text[max(0, stop - 12):stop].rsplit(None, 1)
    token = word[-1].lower() if word else ""
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def clause_before(text: str, sentence_start: int, start: int) -> str:
    """The words of the clause before the date (back to a comma, bracket, quote or the sentence start)."""
    prefix = text[sentence_start:start]
    breaks = list(_CLAUSE_BREAK.finditer(prefix))
    return prefix[breaks[-1].end():] if breaks else prefix


def report_cue(text: str, start: int, end: int) -> str:
    """The reporting verb that makes this the date of a statement ("said", "according to"), or ""."""
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    prefix = text[sentence_start:start]
    clause = clause_before(text, sentence_start, start)
    verbs = list(_REPORT_BEFORE.finditer(clause))
    if verbs:
        verb = verbs[-1]
        gap = _WORD.findall(clause[verb.end():])
        name = " ".join(verb["verb"].lower().split())
        if name == "according to":
            if len(gap) <= 8:
                return name
        elif all(word.lower() in REPORT_GAP_WORDS for word in gap):
            return name
    # "On Monday, the ministry said ..." : the date opens the sentence and a reporting verb follows.
    if _CLAUSE_START.match(prefix):
        after = _REPORT_AFTER.match(text[end:sentence_end])
        if after and "," not in after.group()[1:]:
            return after["verb"].lower()
    return ""


def future_cue(text: str, start: int, end: int) -> str:
    """A word before the date, in its clause, that makes it a plan ("will", "scheduled"), or ""."""
    sentence_start, _ = sentence_bounds(text, start, end)
    clause = clause_before(text, sentence_start, start)
    near = text[max(sentence_start, start - 12):start]
    found = _FUTURE.search(near) or _FUTURE_FAR.search(clause[-90:])
    if found:
        return found.group().lower()
    # "we will halt the movement of goods, including milk, from Friday morning": a modal earlier in the
    # sentence still governs the date, unless a verb in the past comes between them.
    prefix = text[max(sentence_start, start - 160):start]
    modals = list(_MODAL.finditer(prefix))
    if modals:
        between = _WORD.findall(prefix[modals[-1].end():])
        if not any(_PAST.match(word) for word in between):
            return modals[-1].group().lower()
    return ""


def background_cue(text: str, start: int) -> str:
    """"since", "back in" ... right before the date: it opens a period or points to history."""
    found = _BACKGROUND_BEFORE.search(text[max(0, start - 40):start])
    return " ".join(found.group().split()).lower() if found else ""


_CLOCK = re.compile(
    r"(?:(?:around|about|at|approximately|shortly\s+(?:before|after))\s+)?"
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d\d|[012]\d[0-5]\d\s*(?:GMT|UTC|hrs|hours|h)\b)"
    r"(?:\s+(?:local\s+time|GMT|UTC|Moscow\s+time|Baku\s+time|Kyiv\s+time))?"
    r"(?:\s*\(\s*[012]?\d[:.]?[0-5]\d\s*(?:GMT|UTC)\s*\))?",
    re.IGNORECASE)


def clock_time(text: str, start: int, end: int) -> str:
    """The clock time written next to a date ("around 5 pm local time (1300 GMT) on October 31"), or "".

    Only for the reason shown to a reader: the date is the one written, whatever the time zone; the
    time itself never becomes a year.
    """
    before = text[max(0, start - 70):start]
    after = text[end:end + 50]
    found = [m for m in _CLOCK.finditer(before) if before[m.end():].strip().lower() in ("on", "of", "", ",")]
    if found:
        return " ".join(found[-1].group().split())
    match = _CLOCK.match(after.lstrip(" ,")) if re.match(r"^\s*,?\s*(?:at|around|about|\d)", after) else None
    return " ".join(match.group().split()) if match else ""


# a clause after the main one, whose date is its own ("The US has deployed troops ... after soldiers were injured
# last month"), unless the main clause only points at it ("It comes after IS last month captured ...")
_SIDE_OPENER = re.compile(r"\b(?:after|following|since|before|when|because|as)\b", re.IGNORECASE)
_POINTER = re.compile(r"\b(?:comes?|came|follows?|followed|began|started)\s*$", re.IGNORECASE)


def side_clause_start(sentence: str, at: int) -> int | None:
    """Where the side clause holding position ``at`` of ``sentence`` begins (its "after", "as" ...), when
    ``in_side_clause`` puts ``at`` in one; None when ``at`` is in the main clause."""
    if not in_side_clause(sentence, at):
        return None
    return [m.start() for m in _SIDE_OPENER.finditer(sentence, 0, max(0, at))][-1]


def in_side_clause(sentence: str, at: int) -> bool:
    """True when position ``at`` of ``sentence`` lies in a clause that follows the sentence's main clause and
    dates only itself: "The US has deployed armored vehicles ... after soldiers were injured last month"."""
    found = list(_SIDE_OPENER.finditer(sentence, 0, max(0, at)))
    if not found:
        return False
    head = sentence[:found[-1].start()]
    return len(head.split()) >= 5 and not _POINTER.search(head)


# A sentence about a plan or a call to act ("police are preparing for the rally planned on Saturday", "those
# encouraging protest activity on Saturday"): its days are that other, coming event's, so an event told
# elsewhere borrows none of them.
_PLAN = re.compile(
    r"\b(?:will|won't|shall|plans?\s+to|planning|planned\s+(?:for|on)|set\s+to|expected\s+to|is\s+due|are\s+due|"
    r"due\s+to\s+(?:be|take|hold|gather|march|meet)|scheduled|upcoming|forthcoming|intends?\s+to|going\s+to|"
    r"encourag(?:e|es|ing)|urg(?:e|es|ing)|call(?:s|ing)\s+(?:for|on)|organis(?:e|es|ing)|organiz(?:e|es|ing)|"
    r"coordinat(?:e|es|ing)|prepar(?:e|es|ing)\s+for|(?:vow|pledge|threaten|promise)(?:s|d|ed)?\s+to)\b|\w'll\b",
    re.IGNORECASE)


_DONE = re.compile(r"\b(?:been|had|was|were)\s+$", re.IGNORECASE)


def plan_cue(text: str, sentence_start: int, start: int) -> str:
    """The word before the date at ``start`` that makes it the day of a coming event ("will", "planned for",
    "encouraging ... activity on Saturday"), or "". A verb in the past between them ends its reach: "troops
    arrived on Friday, while there will be more patrols" keeps Friday."""
    prefix = text[max(sentence_start, start - 120):start]
    cues = list(_PLAN.finditer(prefix))
    if not cues or _DONE.search(prefix, 0, cues[-1].start()):
        return ""  # "organisers had been planning Sunday's protest": the plan is carried out
    between = _WORD.findall(prefix[cues[-1].end():])
    if any(_PAST.match(word) for word in between):
        return ""
    return " ".join(cues[-1].group().split()).lower()
