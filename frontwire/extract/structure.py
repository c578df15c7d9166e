"""Article structure: the cleaned text as a sequence of units (sentences), each with the role it plays.

A news article is not a coder's note. Besides the report of what happened, it carries photo captions (often a
copy of a body sentence, often a file photo), background history, reactions from other capitals, quotes, plans
and page debris. Only reports of current happenings may become asserted events; a caption or a repeated line may
add to an event told in the body but never makes one; background, reactions and plans make none.

Roles, as a coder reads them:

``report``      tells a happening of the news window ("Police fired tear gas at protesters on Sunday")
``background``  history and context: an earlier date, a past year, "last month", a cumulative toll
``reaction``    a statement about events: condemnation, calls, warnings, diplomatic protests
``planned``     the future, the expected, the threatened and the hypothetical
``quote``       direct speech
``caption``     a photo or video caption: describes an image (present tense, "pictured", no full stop)
``repeat``      a copy of another unit (a caption block repeating the lead)
``debris``      related links, "Scroll down for video", share lines

Each unit keeps the cue that decided its role (``why``) so that a reader can see why a sentence was not coded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from frontwire.dates.context import in_side_clause
from frontwire.dates.expressions import DateExpression, find_date_expressions
from frontwire.nlp import lemma, pos
from frontwire.nlp import sentences as split_sentences
from frontwire.records import Document, Sentence


class Role(StrEnum):
    REPORT = "report"
    BACKGROUND = "background"
    REACTION = "reaction"
    PLANNED = "planned"
    QUOTE = "quote"
    CAPTION = "caption"
    REPEAT = "repeat"
    DEBRIS = "debris"


# roles whose events are coded; the others may only add to an event told by one of these
EVENT_ROLES = frozenset({Role.REPORT})
# roles that may add details (a toll, a claimant, a date) to an event told elsewhere in the article
SUPPORT_ROLES = frozenset({Role.REPORT, Role.CAPTION, Role.REPEAT, Role.QUOTE})


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence (or line) of the cleaned text with its role; offsets point into ``document.text``."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int  # the paragraph (non-empty line) of the cleaned text it stands in
    role: Role
    why: str = ""  # the cue that decided the role
    repeats: int | None = None  # for a repeat: the index of the unit it copies
    lead: bool = False  # among the article's first reports


# How far before publication a happening is still the news of the day, as coders of a daily feed read it.
NEWS_WINDOW_DAYS = 10

_DEBRIS = re.compile(
    r"^\W*(?:READ MORE|Read more|RELATED|Related(?: articles| stories)?:|Loading\.\.\.|Advertisement|Share this|"
    r"Follow us|Scroll down for (?:video|more)|Watch(?: the)? video|Click here|Sign up|Subscribe|"
    r"Comments? \(\d+\)|Share or comment)", re.I)
_TERMINAL = re.compile(r"[.!?…]['’\"”)\]]*\s*$|[.!?]\s*['’\"”]\s*$")
_PHOTO = re.compile(
    r"\b(?:pictured|pictures?|photographed|photo(?:graph)?s?|file (?:photo|picture|image)|in this (?:image|handout|"
    r"photo|picture|still|video|footage)|seen here|(?:is|are) seen|poses?|posing|shown)\b|"
    r"\((?:left|right|centre|center|pictured|above|below|top|bottom|inset|front|back|L|R|C)\)|"
    r"\b(?:above|below)(?:[,.]|\s*$)|^\s*(?:Pictured|Video|Watch|WATCH)\s*:|^\W*(?:A|The|This) (?:graphic|map|video|still|image|chart) "
    r"(?:shows|showing|of)\b", re.I)
# verbs whose subject reacts to events rather than tells one ("X condemned the attack", "X urged calm")
_REACTION_VERB = frozenset({
    "condemn", "denounce", "criticise", "criticize", "slam", "liken", "accuse", "blame", "urge", "warn", "welcome",
    "praise", "hail", "vow", "pledge", "promise", "threaten", "demand", "insist", "appeal", "express", "lodge",
    "summon", "brand", "deplore", "regret", "mourn", "congratulate", "thank", "reject", "defend", "call",
    # criticism and second thoughts told in the active: "X blasted the premier for ...", "has backtracked on his call"
    "blast", "lambast", "mock", "rebuke", "chastise", "ridicule", "berate", "backtrack", "comment",
})
# "X has been slammed for ...": criticism of someone, told in the passive, is a reaction too (not "was attacked")
_CRITICISED_VERB = frozenset({
    "slam", "blast", "criticise", "criticize", "condemn", "denounce", "accuse", "blame", "brand", "lambast", "mock",
    "praise", "hail", "rebuke", "chastise", "pan",
})
# what follows an event in the courts and the rule books is not the event: a charge, a fine, a hearing, a ruling
_AFTERMATH_VERB = frozenset({
    "charge", "fine", "sentence", "convict", "plead", "acquit", "indict", "jail", "rule", "decide", "clear", "sue",
    "prosecute",
})
_AFTERMATH = re.compile(r"\b(?:(?:handed|issued|given|slapped with) (?:a |an |the )?(?:first |\w+ )?(?:£|\$|€)?[\d,]*\s*"
                        r"(?:fines?|penalty notices?|charges?)|faces? (?:\w+ )?charges)\b", re.I)
# a hearing retells the act it tries: aftermath whatever it tells
_COURT = re.compile(r"\b(?:appear(?:s|ed|ing)? (?:in|at|before) (?:\w+ )?court|(?:court|jury|jurors|judge|magistrates?) "
                    r"(?:heard|hears|was told|were told)|court hearing)\b", re.I)
# the act itself, which the aftermath's sentence may also tell ("arrested 16 and issued 21 fines as 150 clashed")
# ("an illegal gathering", the offence a fine is for, is not the act told)
_ACT = re.compile(r"\b(?:arrest(?:ed|ing)?|detain(?:ed|ing)?|clash(?:ed|es|ing)?|march(?:ed|ing)|rall(?:ied|ying)|"
                  r"gathered|(?:were|was|are|is) gathering|protest(?:ed|ing)|block(?:ed|ing)|attack(?:ed|ing)|fired|threw|dispersed)\b", re.I)
# the story before the news: "It comes a day after ...", "The latest protest comes after ..."
_COMES_AFTER = re.compile(r"^\W*(?:It|This|That|The (?:\w+ ){0,3}(?:protest|rally|march|move|attack|arrest|demonstration|"
                          r"incident|clash|news)s?) (?:comes?|came) (?:(?:just |only )?(?:a|one|two|three|four|five|six|"
                          r"several|\d+) (?:hours?|days?|weeks?|months?) |just |only |shortly )?(?:after|as|amid|following)\b")
# a pattern, not an event: "have frequently clashed", "over the past few weekends", "every weekend"
_HABITUAL = re.compile(r"\b(?:frequently|regularly|routinely|repeatedly|often|usually|typically)\b|\bover the (?:past|last) "
                       r"(?:few |several |\w+ )?(?:weeks|weekends|months|years|nights)\b|\bevery (?:weekend|week|night|"
                       r"day|month|year)\b|\bon (?:many|several|numerous) occasions\b", re.I)
# an official's characterisation of events is a statement, not a report ("says the protests are paid for")
_CHARACTERISED = re.compile(r"\bsays?\b[^.;]{0,60}\b(?:protests?|rall(?:y|ies)|demonstrations?|riots?|attacks?|strikes?)\b"
                            r"[^.;]{0,40}\b(?:are|is|were|was) (?:being |not )?(?:paid|funded|organi[sz]ed|orchestrated|"
                            r"staged|backed|financed|illegal|a |an |the |part of|aimed|meant|foreign)", re.I)
_DIPLOMATIC = re.compile(r"\blodg(?:e|ed|es|ing) (?:a |an )?(?:formal |strong )?protests?\b|\bsummoned the\b|"
                         r"\bprotest(?:ed|s)? (?:to|with) the (?:\w+ ){0,2}(?:ambassador|embassy|envoy|government)\b",
                         re.I)
_PLANNED = re.compile(
    r"\b(?:is|are|was|were) (?:due|set|scheduled|planning|expected|preparing|going) to\b|\bwill (?:be )?\w+|"
    r"\b(?:is|are|was|were) (?:due|scheduled|slated)\b|\bcalls? (?:a |for a |for )?(?:\w+ )?(?:march|protest|rally|strike|"
    r"demonstration|boycott)s?\b|"
    r"\b(?:plans?|planned|intends?|intended|intention) to\b|\bwere (?:also )?expected\b|\bare expected\b|"
    r"\b(?:was|were|is|are) organi[sz]ing\b|\bcall(?:s|ed|ing)? (?:on|for) (?:people|supporters|residents|citizens)|"
    r"\bthreaten(?:s|ed)? to\b|\bvow(?:s|ed)? to\b|\bfears? (?:of|that|grow)\b|\b(?:could|might|may) (?:be |have )?\w+|"
    r"\bwould\b|\bin the coming (?:days|weeks)\b|\bnext (?:week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b|\bahead of\b", re.I)
_BACKGROUND = re.compile(
    r"\b(?:last|earlier this|previous) (?:month|year|summer|winter|spring|autumn|decade)\b|\bearlier this year\b|"
    r"\bin (?:the )?(?:19|20)\d\d\b|\bsince (?:the )?(?:early |late |mid-)?(?:(?:19|20)\d\d|\w+ (?:war|conflict|"
    r"election|protests?))\b|\b(?:years|decades|months) ago\b|\b(?:decade|year|month)s?-long\b|\b(?:three|four|five|"
    r"six|seven|eight|nine|ten|\d+)-year\b(?!-old)|\bin the first (?:days|weeks|months)\b|\bhistory of\b|\bfor (?:decades|"
    r"years)\b|\bformer(?:ly)?\b.{0,40}\bsince\b|\bback in\b|\bonce again\b.{0,30}\bsince\b", re.I)
_CUMULATIVE = re.compile(
    r"\b(?:has|have) (?:so far )?(?:killed|claimed|left|displaced|cost)\b[^.;]{0,60}\b(?:people|lives|dead|civilians|"
    r"soldiers)\b|\b(?:insurgency|conflict|war|campaign|uprising|violence|crackdown)\b[^.;]{0,60}\b(?:has|have) "
    r"(?:killed|claimed|left|displaced|taken)\b|\btaken (?:more than )?[\d,]+ lives\b|\bso far this year\b|"
    r"\bthis year alone\b|\bin total\b|\bsince (?:it|they) (?:began|started)\b|"
    # a running count of arrests: "have so far arrested 648 people ... since the beginning of the month"
    r"\bso far (?:arrested|detained)\b|\b(?:has|have|had) (?:now )?(?:arrested|detained) [^.;]{0,80}\bsince\b|"
    r"\bsince\b[^.;]{0,60}\b(?:has|have|had) (?:now )?(?:arrested|detained)\b", re.I)
_PLUPERFECT = re.compile(r"^\W*(?:\w+\s+){0,6}?had (?:been |also )?\w+(?:ed|en|wn|ht|ne)\b", re.I)
_QUOTE_OPEN = re.compile(r"^\s*['‘\"“]")


def _norm_tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _copies(a: list[str], b: list[str]) -> bool:
    """``a`` says what ``b`` says: nearly every word of the shorter is in the longer (a caption repeating a
    sentence, with a word or a trailing clause changed)."""
    if len(a) < 6 or len(b) < 6:
        return a == b and len(a) >= 3
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 0.5 * len(long_):
        return False
    have = set(long_)
    inside = sum(1 for w in short if w in have)
    return inside >= 0.9 * len(short)


def _root(doc: Any, start: int, end: int) -> Any:
    """The syntactic root of the span ``start:end`` of ``doc`` (None without a parse)."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _present_tense_root(root: Any) -> bool:
    """The main verb is a bare present ("Police detain protesters", "A man waves a rifle"): caption style."""
    if root is None:
        return False
    if root.tag_ in ("VBZ", "VBP") and not any(child.dep_ == "aux" for child in root.children):
        return lemma(root) not in ("be", "have") or any(c.tag_ == "VBG" for c in root.children)
    if root.tag_ == "VBG" and not any(child.dep_ in ("aux", "auxpass") for child in root.children):
        return True  # "Protesters blockading access to the presses"
    return pos(root) in ("NOUN", "PROPN") and not any(pos(t) in ("VERB", "AUX") for t in root.subtree)


def _role_by_time(text: str, expressions: Sequence[DateExpression], published: date | None, offset: int = 0) -> str:
    """``background`` when the unit's own dates are history, ``planned`` when they are the future, else "".

    A date in a clause that follows the main one ("... has deployed troops after soldiers were injured last
    month") dates that clause, not the unit."""
    kinds = [e for e in expressions if e.role != "period" and not in_side_clause(text, e.span.start - offset)]
    if not kinds:
        return ""
    if published is not None:
        old = [e for e in kinds if e.kind == "background"
               or e.date_end < published - timedelta(days=NEWS_WINDOW_DAYS)]
        if old and len(old) == len(kinds):
            return "background: " + old[0].span.text
    future = [e for e in kinds if e.kind == "future"]
    if future and len(future) == len(kinds):
        return "planned: " + future[0].span.text
    return ""


def read_structure(document: Document, doc: Any, sentences: Sequence[Sentence] | None = None) -> list[Unit]:
    """The units of ``document`` (whose spaCy parse is ``doc``) with their roles, in text order: one per sentence
    of ``sentences`` (the nlp stage's, from ``doc`` where not given)."""
    text = document.text
    published = document.published_at
    headings = [(h.start, h.end) for h in document.headings]
    captions = {" ".join(c.split()) for c in document.captions if c.strip()}
    expressions = find_date_expressions(text, published)
    pieces = [(s.start, s.end, s.paragraph) for s in (split_sentences(doc, text) if sentences is None else sentences)]
    tokens = [_norm_tokens(text[s:e]) for s, e, _ in pieces]
    units: list[Unit] = []
    for index, (start, end, paragraph) in enumerate(pieces):
        piece = text[start:end]
        role, why, repeats = _first_role(piece, index, tokens, pieces, text, headings, captions)
        if role is None:
            own = [e for e in expressions if start <= e.span.start < end]
            role, why = _role_of(piece, _root(doc, start, end), own, published, start)
        units.append(Unit(index, start, end, piece, paragraph, role, why, repeats))
    if units and all(u.role in (Role.CAPTION, Role.REPEAT, Role.DEBRIS) for u in units):
        # a one-line post, a wire flash, a video caption: what reads like a caption is the report itself
        units = [replace(u, role=role, why=why) if u.role == Role.CAPTION and not u.why.startswith("a caption clean")
                 else u for u in units
                 for role, why in [_role_of(u.text, _root(doc, u.start, u.end),
                                            [e for e in expressions if u.start <= e.span.start < u.end],
                                            published, u.start, captions=False)]]
    return _mark_lead(_carry_background(_caption_blocks(units), doc, expressions, published))


def _caption_blocks(units: list[Unit]) -> list[Unit]:
    """Captions come in blocks: a line with no full stop next to a caption or a repeated line is a caption too
    ("Protesters marched towards the residence" between two photo captions)."""
    units = list(units)
    changed = True
    while changed:
        changed = False
        for k, unit in enumerate(units):
            if unit.role != Role.REPORT or _TERMINAL.search(unit.text):
                continue
            neighbours = [units[j] for j in (k - 1, k + 1) if 0 <= j < len(units)]
            if any(n.role in (Role.CAPTION, Role.REPEAT) for n in neighbours):
                units[k] = replace(unit, role=Role.CAPTION, why="a line with no full stop among captions")
                changed = True
    return units


def _carry_background(units: list[Unit], doc: Any, expressions: Sequence[DateExpression], published: date | None
                      ) -> list[Unit]:
    """A story told as background goes on in the next sentences ("The previous attack in Sousse on June 26, 2015
    ..." "He then continued to the hotel pool ..."): a report right after background, with no date of its own and
    no present-perfect or present verb that would bring the reader back to the news, is background too."""
    out: list[Unit] = []
    previous: Unit | None = None
    for unit in units:
        if unit.role == Role.REPORT and previous is not None and previous.role == Role.BACKGROUND \
                and not any(unit.start <= e.span.start < unit.end for e in expressions) \
                and not _NOW.search(unit.text) and not _REPORTED.search(unit.text) \
                and (_GOES_ON.search(unit.text) or previous.why.startswith("goes on")) \
                and _past_narrative(_root(doc, unit.start, unit.end)):
            unit = replace(unit, role=Role.BACKGROUND, why=f"goes on with the background of unit {previous.index}")
        elif unit.role == Role.REPORT and _LATER.search(unit.text) and not _NOW.search(unit.text) \
                and not any(unit.start <= e.span.start < unit.end for e in expressions):
            # "... died in a shootout two days after that attack": a time counted from the last date the text
            # told, which was history
            told = [e for e in expressions if e.span.start < unit.start]
            if told and published is not None and (published - told[-1].date_end).days > NEWS_WINDOW_DAYS:
                unit = replace(unit, role=Role.BACKGROUND, why=f"counts its time from {told[-1].span.text!r}, "
                                                                "which is history")
        out.append(unit)
        if unit.role not in (Role.CAPTION, Role.REPEAT, Role.DEBRIS, Role.QUOTE):
            previous = unit
    return out


# the story told before goes on: "that attack", "He then ..."
_GOES_ON = re.compile(r"\b(?:that|the previous|the earlier|the same|those) (?:attacks?|incidents?|massacres?|day|year|"
                      r"time|clashes|protests?|riots?|bombings?|war)\b|^\W*(?:He|She|They|It|Then)\b|\bthen\b")
# a time counted from the one told before ("two days later", "the following morning")
_LATER = re.compile(r"\b(?:(?:\w+|a) (?:days?|weeks?|months?|years?|hours?) (?:later|after (?:the|that|this|his|her|their))|"
                    r"the (?:next|following) (?:day|week|month|year|morning|evening|night)|the day after)\b", re.I)
# a reported statement is the news of the day, whatever came before it
_REPORTED = re.compile(r"\b(?:said|says|told|according to|statement|announced|reported)\b")
_NOW = re.compile(r"\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week)|last night|now|currently|"
                  r"still|latest|new)\b", re.I)


def _past_narrative(root: Any) -> bool:
    """The main verb is a simple past (or a past passive): the narrative of the story before."""
    if root is None:
        return False
    if any(child.dep_ == "aux" and lemma(child) in ("have", "be") and child.tag_ in ("VBZ", "VBP")
           for child in root.children):
        return False  # "has been", "are marching": the present
    return root.tag_ == "VBD" or (root.tag_ == "VBN" and any(c.tag_ == "VBD" for c in root.children))


def _first_role(piece: str, index: int, tokens: list[list[str]], pieces: list[tuple[int, int, int]], text: str,
                headings: list[tuple[int, int]], captions: set[str]) -> tuple[Role | None, str, int | None]:
    """Roles read from the line's form and its copies: debris, heading, caption kept apart, repeat."""
    start, end, _ = pieces[index]
    if _DEBRIS.match(piece):
        return Role.DEBRIS, "page debris", None
    if any(hs <= start < he or start <= hs < end for hs, he in headings):
        return Role.DEBRIS, "heading", None
    if " ".join(piece.split()) in captions:
        return Role.CAPTION, "a caption cleaning kept apart", None
    terminal = bool(_TERMINAL.search(piece))
    for j, other in enumerate(tokens):
        if j == index or not _copies(tokens[index], other):
            continue
        other_terminal = bool(_TERMINAL.search(text[pieces[j][0]:pieces[j][1]]))
        # the copy that reads as body (a full stop) is the original; between equals, the first one
        if (other_terminal and not terminal) or (other_terminal == terminal and j < index):
            return Role.REPEAT, f"repeats unit {j}", j
    return None, "", None


def _role_of(piece: str, root: Any, expressions: Sequence[DateExpression], published: date | None,
             offset: int = 0, captions: bool = True) -> tuple[Role, str]:
    """The role of a body line from its own words: quote, caption, background, plan, reaction or report.
    ``captions``: False where the text is all captions or headlines (a one-line post), which are its report."""
    if _QUOTE_OPEN.match(piece):
        return Role.QUOTE, "direct speech"
    terminal = bool(_TERMINAL.search(piece))
    if captions and _PHOTO.search(piece) and (not terminal or re.match(r"\W*Pictured\b", piece)):
        return Role.CAPTION, "describes a picture"
    if captions and not terminal and _present_tense_root(root):
        return Role.CAPTION, "a present-tense line without a full stop"
    by_time = _role_by_time(piece, expressions, published, offset)
    if by_time.startswith("background"):
        return Role.BACKGROUND, by_time
    m = _CUMULATIVE.search(piece)
    if m:
        return Role.BACKGROUND, "a cumulative toll: " + m.group(0)
    m = _BACKGROUND.search(piece)
    if m and in_side_clause(piece, m.start()):
        m = None
    if m and not any(e.kind != "background" and e.precision == 1 and published is not None
                     and e.date_end >= published - timedelta(days=NEWS_WINDOW_DAYS) for e in expressions):
        return Role.BACKGROUND, "history: " + m.group(0)
    m = _DIPLOMATIC.search(piece) or _CHARACTERISED.search(piece)
    if m:
        return Role.REACTION, "a diplomatic protest or a statement about events: " + m.group(0)[:40]
    if by_time.startswith("planned"):
        return Role.PLANNED, by_time
    m = _PLANNED.search(_main_clause(piece, root))
    if m:
        return Role.PLANNED, "a plan or a possibility: " + m.group(0)
    passive = root is not None and any(child.dep_ in ("auxpass", "nsubjpass") for child in root.children)
    verb = lemma(root) if root is not None else ""
    if root is not None and verb.lower() in _REACTION_VERB and not passive:
        return Role.REACTION, f"a statement ({verb})"
    if root is not None and verb.lower() in _CRITICISED_VERB and passive:
        return Role.REACTION, f"criticism of someone ({verb})"
    m = _COMES_AFTER.match(piece)
    if m:
        return Role.BACKGROUND, "the story before the news: " + m.group(0).strip()
    adverbs = " ".join(t.text for t in root.children if t.dep_ in ("advmod", "prep", "npadvmod")
                       for t in t.subtree) if root is not None else piece
    m = _HABITUAL.search(_main_clause(piece, root) + " " + adverbs)
    if m:
        return Role.BACKGROUND, "a pattern, not one event: " + m.group(0)
    main = [root, *(t for t in root.children if t.dep_ in ("ccomp", "conj"))] if root is not None else []
    aftermath = next((lemma(t) for t in main if lemma(t).lower() in _AFTERMATH_VERB), None)
    if aftermath is None:
        m = _AFTERMATH.search(piece)
        aftermath = m.group(0) if m else None
    if aftermath is not None and not _ACT.search(piece):
        return Role.REACTION, f"aftermath in the courts or the rule books ({aftermath})"
    m = _COURT.search(piece)
    if m:
        return Role.REACTION, f"aftermath in the courts ({m.group(0)})"
    return Role.REPORT, ""


def _main_clause(piece: str, root: Any) -> str:
    """The words that govern the unit's main verb, with its complement ("is due to march", "were expected"): a
    plan in a side clause does not make the unit a plan."""
    if root is None:
        return piece
    def governing(verb: Any, depth: int) -> list[Any]:
        # a verb with its auxiliaries and complements ("is due to march", "said it was organising"), not the
        # relative clauses of its objects ("an official who may have attempted to defect")
        words = [verb, *(t for t in verb.children if t.dep_ in ("aux", "auxpass", "neg", "acomp"))]
        if depth < 2:
            for comp in [t for w in words for t in w.children if t.dep_ in ("xcomp", "ccomp")]:
                words += governing(comp, depth + 1)
        return words

    return " ".join(t.text for t in sorted(set(governing(root, 0)), key=lambda t: t.i))


def _mark_lead(units: list[Unit]) -> list[Unit]:
    """The article's first two reports are its lead: the main event is usually told there."""
    out = []
    seen = 0
    for unit in units:
        if unit.role == Role.REPORT and seen < 2:
            seen += 1
            unit = replace(unit, lead=True)
        out.append(unit)
    return out
