"""Date one event: walk outwards from its sentence to the nearest date that can be its date.

Order of search, as a careful coder reads:

1. the event's own words (the anchor span), then the rest of its sentence (a side clause too, where it
   tells the event itself: "Newman tweeted after protesters clashed with police in Broadmeadows on Sunday
   night"); a sentence with no date that goes on with "also", "meanwhile" or "elsewhere" takes the day of
   the sentence before; then its evidence sentences;
2. earlier sentences of the same paragraph, nearest first;
3. the next two sentences, where they go on about the same thing (they share a word rare in the text:
   "convoy", "Su-25");
4. the date of the statement that reports it ("the ministry said on Monday"): the event is that day
   or the day before;
5. the nearest earlier sentence with a date, in the two paragraphs before (not across a heading);
6. a period framing a tally ("the third in the last four days");
7. the publication date, as the day of the report or the day before.

Statement dates, plans ("will", "next week") and history ("since 1991", dates over a month before
publication) never date a current event; a frame whose ``modality`` is "planned"/"hypothetical" may take
a future date, a "historical" one a background date. A sentence whose own day or week is history or a
plan borrows no date from its neighbours (steps 2, 3 and 5): it is about that other time. Nor does any
event borrow the day of a plan or a call to act ("those encouraging protest activity on Saturday"), or the
day of another event a sentence compares ("the biggest march so far ... over the weekend").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from frontwire.dates.arithmetic import precision_for
from frontwire.dates.context import in_side_clause, plan_cue, side_clause_start
from frontwire.dates.expressions import DateExpression, find_date_expressions
from frontwire.dates.published import infer_published
from frontwire.dates.segments import sentence_index
from frontwire.dates.segments import sentences as split_sentences
from frontwire.dates.vocabulary import GENERIC_WORDS
from frontwire.records import Document, EventDate, EventFrame, Sentence
from frontwire.reference.vocabulary import WEEKDAY_NAMES

_WORD = re.compile(r"[A-Za-z][\w-]*\d[\w-]*|[A-Za-z][A-Za-z'-]{3,}")
_RARE_AT_MOST = 4  # sentences a word may appear in and still tie two sentences to one event
_WIDEN_DAYS = 2  # how far from its own date a related sentence may stretch the event's range


def resolve_event_date(frame: EventFrame, document: Document, *, sentences: Sequence[Sentence] | None = None,
                       today: date | None = None) -> EventDate | None:
    """The date of the event whose sentence is ``frame.anchor``, as a range with ACLED's precision.

    ``event_date`` follows ACLED's conventions: for a range the text states ("during the day on November 1
    and night on November 2") the first day, the day the event began, as ACLED codes a multi-day event to
    its first day; where a neighbouring sentence widens the range (the convoy seen "on October 31",
    destroyed "on Sunday") the day the event's own sentence gives; for a range the reader infers ("last
    week", "earlier this month") its middle, the 15th for a month; where only a report or publication
    date is known, that date ("As reported on 21 March 2020"). ``reason`` says which words decided and
    how. None when neither the text nor a publication date gives anything.

    ``sentences`` are the document's sentences as the nlp stage split them (the pipeline hands them on); a
    caller without a parse (a coder's note) leaves them to a punctuation rule.
    """
    text = document.text
    if not text or frame.anchor is None:
        return None
    published, published_how = _reference(document, today)
    expressions = find_date_expressions(text, published, today=today)
    sents = tuple(sentences) if sentences is not None else split_sentences(text)
    anchor_index = sentence_index(sents, frame.anchor.start)
    if anchor_index is None or not sents:
        return _from_publication(published, published_how, "the event's sentence is not in the text")
    anchor = sents[anchor_index]
    headings = {sentence_index(sents, h.start) for h in document.headings}
    usable = _usable_for(frame.modality)

    def within(sentence: Sentence) -> list[DateExpression]:
        return [e for e in expressions if sentence.start <= e.span.start < sentence.end]

    def borrowable(sentence: Sentence) -> list[DateExpression]:
        """The dates another sentence may lend the event: none of a plan, none of another event compared."""
        if _about_another_time(text, sentence):
            return []
        return [e for e in within(sentence) if usable(e) and not _planned(text, sentence, e)]

    # 1. The event's own words, then its sentence and the sentences of its evidence.
    def main_clause(e: DateExpression, sentence: Sentence) -> bool:
        return not in_side_clause(text[sentence.start:sentence.end], e.span.start - sentence.start)

    own = [e for e in expressions if frame.anchor.start <= e.span.start < frame.anchor.end and usable(e)
           and main_clause(e, anchor)]
    evidence_indexes = [anchor_index] + sorted(
        {i for i in (sentence_index(sents, s.start) for s in frame.evidence) if i is not None} - {anchor_index})
    found, found_in = own, anchor_index
    for index in [] if own else evidence_indexes:  # the anchor's sentence first, then each evidence sentence
        sentence = sents[index]
        lent = within(sentence) if index == anchor_index else borrowable(sentence)
        found = [e for e in lent if usable(e) and main_clause(e, sentence)]
        if not found and index == anchor_index:
            # "Newman tweeted after protesters clashed with police in Broadmeadows on Sunday night": the side
            # clause tells the event itself (its place, its protest), so its date is the event's
            found = [e for e in within(sentence) if usable(e) and e.precision == 1
                     and not _planned(text, sentence, e) and _side_clause_tells_event(text, sentence, e, frame)]
        if not found and index == anchor_index and _CONTINUES.search(text, sentence.start, sentence.end) \
                and not any(e.kind in ("background", "future") for e in within(sentence)):
            continued = _continued(text, sents, anchor_index, headings, borrowable, frame)
            if continued is not None:
                word = _CONTINUES.search(text, sentence.start, sentence.end).group()  # type: ignore[union-attr]
                return _result(continued, published, published_how,
                               f"in the sentence before, which the event's sentence continues ({word!r})")
        if found:
            found_in = index
            break
    if found:
        chosen = _main_date(text, found, frame)
        statements = [e for e in within(anchor) if e.role == "report" and e.date_start == e.date_end]
        if statements and _quoted(text, anchor, chosen):
            chosen = _as_of_statement(chosen, statements[0], published)
        named = _named_day(text, sents, chosen, evidence_indexes, borrowable) if found_in == anchor_index else None
        if named is not None:
            other, word = named
            return _result(other, published, published_how,
                           f"in an evidence sentence that names the day of the same {word!r}, over "
                           f"{chosen.span.text!r} in the event's sentence (counted from a day the text was not "
                           "written on)")
        widened = _widen(text, sents, anchor_index, chosen, within, usable, headings)
        return _result(chosen, published, published_how, "in the event's sentence", widened)

    # A sentence whose own day or week is history or a plan ("Russia invaded on 24 February 2022",
    # "talks will resume next week") is about that time: no date is borrowed from its neighbours.
    ignored = [e for i in evidence_indexes for e in within(sents[i])
               if e.kind in ("background", "future") and e.role == "event"]
    elsewhere = any(e.precision <= 2 for e in ignored)

    # 2. Earlier sentences of the same paragraph, nearest first.
    for index in range(anchor_index - 1, -1, -1):
        if elsewhere or sents[index].paragraph != anchor.paragraph:
            break
        found = borrowable(sents[index])
        if found:
            return _result(found[-1], published, published_how, "in an earlier sentence of the paragraph")

    # 3. The next sentences, where they go on about the same thing.
    for index in [] if elsewhere else _following(sents, anchor_index, headings):
        shared = _shared_rare_words(text, sents, sents[anchor_index], sents[index])
        found = borrowable(sents[index])
        if shared and found:
            where = f"in a following sentence about the same {shared[0]!r}"
            return _result(found[0], published, published_how, where)

    # 4. The date of the statement that reports the event.
    reported = [e for i in evidence_indexes for e in within(sents[i]) if e.role == "report" and e.kind in ("absolute", "relative")]
    if reported:
        return _from_report(reported[0], published, published_how)

    # 5. The nearest earlier sentence with a date, up to two paragraphs back.
    for index in range(anchor_index - 1, -1, -1):
        if elsewhere or sents[index].paragraph < anchor.paragraph - 2 or index in headings:
            break
        found = borrowable(sents[index])
        if found:
            return _result(found[-1], published, published_how, "in the nearest earlier sentence with a date")

    # 6. A period framing a tally in the event's sentence.
    periods = [e for i in evidence_indexes for e in within(sents[i]) if e.role == "period" and e.kind == "relative"]
    if periods:
        return _result(periods[0], published, published_how, "a period in the event's sentence (no closer date)")

    note = f"; {ignored[0].span.text!r} is {ignored[0].kind} ({ignored[0].cue})" if ignored else ""
    return _from_publication(published, published_how, "no date in the event's sentence or its neighbours" + note)


# "Demonstrators also took to the streets in New York": with no date of its own, the sentence goes on with
# the day of the one before it
_CONTINUES = re.compile(r"\b(?:also|meanwhile|elsewhere)\b", re.IGNORECASE)
_CONTINUE_BACK = 3  # sentences back that an "also" sentence may take its date from
# words that tell a demonstration (a riot police van is not one)
_DEMONSTRATION = re.compile(
    r"\b(?:protest(?:s|ers?|ed|ing)?|rall(?:y|ies|ied)|demonstrat(?:ion|ions|ors?|ed|ing)|(?-i:march(?:ed|es|ers|ing)?)|"
    r"riot(?:s|ers?|ing|ed)?(?!\s+(?:police|gear|squad|shields?|officers?|vans?))|clash(?:ed|es)?|unrest|sit-ins?|"
    r"(?:violence|trouble|fighting)\s+(?:broke|erupted|flared))\b", re.IGNORECASE)
# "The biggest demonstration so far drew tens of thousands over the weekend" compares another event
_OTHER_EVENT = re.compile(r"\b(?:biggest|largest|smallest|most\s+violent)\b[^.;]{0,80}\b(?:so\s+far|yet|to\s+date)\b",
                          re.IGNORECASE)


def _about_another_time(text: str, sentence: Sentence) -> bool:
    """Whether a sentence that is not the event's own compares another event ("the biggest demonstration so
    far drew thousands over the weekend"): its day is that event's."""
    return bool(_OTHER_EVENT.search(text, sentence.start, sentence.end))


def _planned(text: str, sentence: Sentence, expression: DateExpression) -> bool:
    """Whether a date is the day of a plan or of a call to act ("those encouraging protest activity on
    Saturday", "as protesters vow to march again on Sunday"): an event told elsewhere, or in the main clause
    of the sentence, borrows no such day."""
    return bool(plan_cue(text, sentence.start, expression.span.start))


def _side_clause_tells_event(text: str, sentence: Sentence, expression: DateExpression, frame: EventFrame) -> bool:
    """Whether the side clause holding ``expression`` is where the event itself is told: it holds the event's
    place and the main clause does not, or (for a demonstration) neither clause holds its place and the side
    clause holds the protest words and the main clause none ("A nurse urged the crowd on before violence broke out at a rally yesterday")."""
    opener = side_clause_start(text[sentence.start:sentence.end], expression.span.start - sentence.start)
    if opener is None:
        return False
    side = sentence.start + opener
    places = [s for s in (*frame.place_names, *frame.evidence) if s.end - s.start < 60]
    if any(sentence.start <= s.start < side for s in places):
        return False  # the event is where the main clause puts it
    if any(side <= s.start < sentence.end for s in places):
        return True
    return frame.event_type in ("Protests", "Riots") and bool(_DEMONSTRATION.search(text, side, sentence.end)) \
        and not _DEMONSTRATION.search(text, sentence.start, side)


_COUNTED_WORDS = re.compile(r"\b(?:yesterday|today|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening))\b",
                            re.IGNORECASE)


def _named_day(text, sents, chosen, evidence_indexes, borrowable) -> tuple[DateExpression, str] | None:
    """A weekday or written day that another sentence of the event gives for the same rally, a day or two
    before the "yesterday" or "today" of the event's sentence: that word counts from the publication day,
    which copied or late-published text was not written on ("who yesterday rallied in London", in a Monday
    article that elsewhere puts the same London rally "on Saturday"). Only where such sentences agree."""
    if chosen.kind != "relative" or not _COUNTED_WORDS.search(chosen.span.text) \
            or not chosen.reading.startswith(_COUNTED_FROM_TODAY):
        return None
    anchor = sents[evidence_indexes[0]]
    if _AGAIN.search(text, anchor.start, anchor.end):
        return None  # "marched again yesterday": a day after the named one, not a copy of it
    named: list[tuple[DateExpression, str]] = []
    for index in evidence_indexes[1:]:
        shared = _shared_rare_words(text, sents, anchor, sents[index])
        for other in borrowable(sents[index]) if shared else []:
            if other.precision == 1 and other.date_start == other.date_end \
                    and not _COUNTED_WORDS.search(other.span.text) \
                    and (other.kind == "absolute" or other.reading.startswith("the ")) \
                    and 0 <= (chosen.date_start - other.date_start).days <= 2:
                named.append((other, shared[0]))
    # one day named, and it is not the counted day itself (then both days are told)
    if len({other.date_start for other, _ in named}) != 1 or named[0][0].date_start == chosen.date_start:
        return None
    return named[0]


_AGAIN = re.compile(r"\b(?:again|another|second\s+day|third\s+day|fresh|renewed|continued|latest)\b", re.IGNORECASE)


def _continued(text, sents, anchor_index, headings, borrowable, frame) -> DateExpression | None:
    """The date of the nearest sentence before, in this paragraph or the two before, that an "also" or
    "meanwhile" sentence goes on from; sentences about a plan are passed over."""
    anchor = sents[anchor_index]
    for index in range(anchor_index - 1, max(anchor_index - 1 - _CONTINUE_BACK, -1), -1):
        sentence = sents[index]
        if index in headings or sentence.paragraph < anchor.paragraph - 2:
            break
        found = borrowable(sentence)
        if found:
            main = [e for e in found if not in_side_clause(text[sentence.start:sentence.end], e.span.start - sentence.start)]
            return _main_date(text, main or found, frame)
    return None


_SUBORDINATE = re.compile(r"\b(?:after|before|since|when|while|who|which|whose|following|until|ahead\s+of)\b",
                          re.IGNORECASE)
_CLAUSE_EDGE = re.compile(r"[,;:()\"“”]|\s[–—-]\s")


def _clause(text: str, position: int) -> tuple[int, int]:
    """The clause (between commas, semicolons, brackets, quotes) holding ``position``."""
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(text, max(0, position - 300), position)), default=0)
    right_match = _CLAUSE_EDGE.search(text, position)
    return left, right_match.start() if right_match else len(text)


_COUNTED_FROM_TODAY = ("the publication day", "1 day(s) before publication", "2 day(s) before publication",
                       "the night before publication")


def _quoted(text: str, sentence: Sentence, expression: DateExpression) -> bool:
    """Whether the expression sits inside quotation marks opened in its sentence."""
    before = text[sentence.start:expression.span.start]
    straight = before.count('"')
    return straight % 2 == 1 or before.count("“") > before.count("”")


def _as_of_statement(chosen: DateExpression, statement: DateExpression | None,
                     published: date | None) -> DateExpression:
    """"'We struck them yesterday,' the commander said on Monday", in a Wednesday report: yesterday
    counts from the Monday of the statement, not from the day of publication."""
    if statement is None or published is None or chosen.kind != "relative" \
            or not chosen.reading.startswith(_COUNTED_FROM_TODAY) or statement.date_start >= published:
        return chosen
    shift = statement.date_start - published
    return replace(chosen, date_start=chosen.date_start + shift, date_end=chosen.date_end + shift,
                   event_date=chosen.event_date + shift,
                   reading=f"{chosen.reading.replace('publication', 'the statement')} of {statement.span.text!r}")


def _main_date(text: str, found: list[DateExpression], frame: EventFrame) -> DateExpression:
    """Of several dates in the event's sentence, the one of the event's own clause.

    "After troops entered the village on Monday, rebels shelled it on Tuesday": the date in the clause
    holding the frame's evidence (its place, its actor) wins; else the first date outside a clause opened
    by "after", "before", "who", "which" ...; else the first.
    """
    if len({(e.date_start, e.date_end) for e in found}) == 1:
        return found[0]
    evidence = [s for s in frame.evidence if s.end - s.start < 60]
    for expression in found:
        left, right = _clause(text, expression.span.start)
        if any(left <= s.start < right for s in evidence):
            return expression
    for expression in found:
        left, _ = _clause(text, expression.span.start)
        if not _SUBORDINATE.search(text, left, expression.span.start):
            return expression
    return found[0]


@lru_cache(maxsize=64)
def _inferred(text: str, captions: tuple[str, ...], today: date | None) -> tuple[date, str] | None:
    return infer_published(text, captions=captions, today=today)


def _reference(document: Document, today: date | None) -> tuple[date | None, str]:
    if document.published_at is not None:
        how = document.published_at_source or "given"
        published = document.published_at
        if isinstance(published, datetime):  # a timestamp given where a date was meant: its day
            published = published.date()
        return published, f"published {_day(published)} ({how})"
    found = _inferred(document.text, tuple(document.captions), today)
    if found is None:
        return None, "no publication date"
    return found[0], f"published {_day(found[0])} (inferred: {found[1]})"


def _usable_for(modality: str):
    allowed = {"absolute", "relative"}
    if modality in ("planned", "hypothetical"):
        allowed.add("future")
    if modality == "historical":
        allowed.add("background")

    def usable(expression: DateExpression) -> bool:
        return expression.role == "event" and expression.kind in allowed

    return usable


def _following(sents: tuple[Sentence, ...], anchor_index: int, headings: set[int | None]) -> list[int]:
    """The next two sentences, in this paragraph or the next one, not past a heading."""
    out = []
    for index in range(anchor_index + 1, min(anchor_index + 3, len(sents))):
        if index in headings or sents[index].paragraph > sents[anchor_index].paragraph + 1:
            break
        out.append(index)
    return out


@lru_cache(maxsize=64)
def _document_frequency(text: str, sents: tuple[Sentence, ...]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for sentence in sents:
        counts.update({w.lower() for w in _WORD.findall(text[sentence.start:sentence.end])})
    return counts


def _shared_rare_words(text: str, sents: tuple[Sentence, ...], first: Sentence, second: Sentence) -> list[str]:
    """Words both sentences use that few other sentences do: they speak of the same thing."""
    counts = _document_frequency(text, sents)
    words_first = {w.lower() for w in _WORD.findall(text[first.start:first.end])}
    words_second = {w.lower() for w in _WORD.findall(text[second.start:second.end])}
    shared = [w for w in words_first & words_second
              if w not in GENERIC_WORDS and counts[w] <= _RARE_AT_MOST and w not in _WEEKDAY_WORDS]
    # The rarest first, and a name with digits ("Su-25", "BM-21") before a plain word.
    return sorted(shared, key=lambda w: (counts[w], not any(c.isdigit() for c in w), w))


_WEEKDAY_WORDS = {name.lower() for name in WEEKDAY_NAMES}


def _preceding(sents: tuple[Sentence, ...], anchor_index: int, headings: set[int | None]) -> list[int]:
    """The two sentences before, in this paragraph or the one before, not across a heading."""
    out = []
    for index in range(anchor_index - 1, max(anchor_index - 3, -1), -1):
        if index in headings or sents[index].paragraph < sents[anchor_index].paragraph - 1:
            break
        out.append(index)
    return out


def _widen(text, sents, anchor_index, chosen, within, usable, headings) -> tuple[DateExpression, str, str] | None:
    """A neighbouring sentence about the same thing, dated a day or two apart, widens the range.

    "the army on Sunday destroyed a convoy" + "the convoy was detected ... on October 31": the event ran
    from 31 October to 1 November, whichever of the two sentences the event was anchored on.
    """
    if chosen.date_start != chosen.date_end:
        return None
    for side, indexes in (("next", _following(sents, anchor_index, headings)),
                          ("previous", _preceding(sents, anchor_index, headings))):
        for index in indexes:
            shared = _shared_rare_words(text, sents, sents[anchor_index], sents[index])
            if not shared:
                continue
            for other in within(sents[index]):
                gap = abs((chosen.date_start - other.date_start).days)
                if usable(other) and other.date_start == other.date_end and 0 < gap <= _WIDEN_DAYS:
                    return other, shared[0], side
    return None


def _result(chosen: DateExpression, published: date | None, published_how: str, where: str,
            widened: tuple[DateExpression, str, str] | None = None) -> EventDate:
    start, end = chosen.date_start, chosen.date_end
    reason = f"{_describe(chosen, published_how)} {where}"
    if widened is not None:
        other, word, side = widened
        start, end = min(start, other.date_start), max(end, other.date_end)
        which = "starts" if other.date_start < chosen.date_start else "ends"
        reason += (f"; the {side} sentence dates the same {word!r} {other.span.text!r} ({_day(other.date_start)}), "
                   f"so the range {which} then")
    precision = chosen.precision if widened is None else max(chosen.precision, precision_for(start, end))
    return EventDate(event_date=chosen.event_date, date_start=start, date_end=end, time_precision=precision,
                     expression=chosen.span, reason=reason)


def _from_report(report: DateExpression, published: date | None, published_how: str) -> EventDate:
    day = report.event_date
    if report.cue == "reported":
        # "As reported on 21 March": ACLED codes the report date at week precision.
        start, precision = day - timedelta(days=6), 2
    else:
        start, precision = day - timedelta(days=1), 1
    reason = (f"only the date of the report is given: {_describe(report, published_how)}; "
              f"the event is that day or before it ({_day(start)}..{_day(day)})")
    return EventDate(event_date=day, date_start=start, date_end=day, time_precision=precision,
                     expression=report.span, reason=reason)


def _from_publication(published: date | None, published_how: str, why: str) -> EventDate | None:
    if published is None:
        return None
    start = published - timedelta(days=1)
    reason = (f"{why}: fell back to the publication date, {published_how}; "
              f"news reports the day's or the previous day's events ({_day(start)}..{_day(published)})")
    return EventDate(event_date=published, date_start=start, date_end=published, time_precision=1,
                     expression=None, reason=reason)


def _describe(expression: DateExpression, published_how: str) -> str:
    span = expression.span.text
    if expression.date_start == expression.date_end:
        value = _day(expression.date_start)
    else:
        value = f"{_day(expression.date_start)}..{_day(expression.date_end)}"
    how = expression.reading
    if expression.kind == "relative" and "publication" in how:
        how = f"{how}, {published_how}"
    if not expression.year_known:
        how += "; the year is assumed (no publication date, no written year)"
    return f"{span!r} -> {value} ({how})"


def _day(day: date) -> str:
    return f"{day.isoformat()}, {WEEKDAY_NAMES[day.weekday()]}"

