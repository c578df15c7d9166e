"""Who claims an event, how the claim travelled, and how it is asserted (modality, background or current).

A claim is attributed to the speaker of the quote or reported-speech clause that holds it ("... ," the
Azerbaijani Defence Ministry said -> Ministry of Defence of Azerbaijan), to the last named speaker when the
text refers back ("It said", "the ministry added"), and otherwise to the outlet. Background ("since 1991",
"a ceasefire was agreed in 1994", "fresh clashes erupted on September 27" in a November report) is
``historical`` and is not coded as a current event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from frontwire.extract.actors import correct_person, find_countries
from frontwire.reference import reference
from frontwire.reference.vocabulary import MONTH_NAME_PATTERN, MONTHS

_SAY = (r"(?:said|says|stated|states|claimed|claims|announced|announces|reported|reports|tweeted|wrote|told|added|"
        r"stressed|noted|confirmed|denied|denies|refuted|declared|informed|posted|insisted|alleged)")
_MINISTRY = re.compile(
    r"\b(?:(?:the\s+)?(?P<adj>[A-Z][\w'-]+(?:'s)?)\s+)?(?:(?P<kind>(?i:defen[cs]e|interior|foreign|foreign affairs|emergency|"
    r"emergencies|health|internal affairs))\s+(?i:ministry)|(?P<mod>MoD|MOD)\b|Ministry\s+of\s+(?P<kind2>Defen[cs]e|Interior|Foreign Affairs|"
    r"Internal Affairs|Emergency Situations|Health)(?:\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?(?P<country>[A-Z][\w-]+))?)")
_KIND = {"defence": "Defence", "defense": "Defence", "interior": "Interior Affairs", "internal affairs": "Interior Affairs",
         "foreign": "Foreign Affairs", "foreign affairs": "Foreign Affairs", "emergency": "Emergency Situations",
         "emergencies": "Emergency Situations", "emergency situations": "Emergency Situations", "health": "Health"}
_BACKREF = re.compile(r"(?:^\W*|\W)(?:It|it|[Tt]he ministry|[Tt]he statement|He|he|She|she|They|[Tt]he spokesman|"
                      r"[Tt]he spokeswoman|[Tt]he president|[Tt]he agency|[Tt]he office|[Tt]he (?:news)?paper|[Tt]he daily|"
                      r"[Tt]he broadcaster|[Tt]he outlet|[Tt]he Post|[Tt]he Times)\s+(?:also\s+|further\s+)?" + _SAY + r"\b")
_MONTH_RE = MONTH_NAME_PATTERN


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speaker of a claim, normalised, with the country they speak for and the chain it came through."""

    claimed_by: str
    country: str | None
    chain: tuple[str, ...]
    start: int
    end: int


def _ministry(m: re.Match[str], context: str) -> tuple[str, str | None]:
    kind = _KIND[(m.group("kind") or m.group("kind2") or "defence").lower()]
    word = m.group("country") or m.group("adj") or ""
    word = re.sub(r"'s$", "", word)
    country = None
    if word:
        found = find_countries(word)
        country = found[0][0] if found else None
    if country is None:
        # "the country's Defence Ministry": the country named before it in the sentence
        found = find_countries(context[: m.start()])
        country = found[0][0] if found else None
    name = f"Ministry of {kind} of {country}" if country else f"Ministry of {kind}"
    return name, country


def _aliases(country: str) -> tuple[str, ...]:
    for c in reference().countries:
        if c.name == country:
            return c.aliases
    return ()


def _office_holder(adjective: str, office: str):  # -> Person | None
    """ "Azerbaijani" + "President" -> the President of Azerbaijan in the dictionary (the first listed)."""
    found = find_countries(adjective)
    if not found:
        return None
    office = re.sub(r"Defen[cs]e Minister", "Minister of Defence", office).replace("Foreign Minister",
                                                                                   "Minister of Foreign Affairs")
    wanted = f"{office} of {found[0][0]}".lower()
    for person in reference().people:
        if person.office.lower() == wanted:
            return person
    return None


def _outlet(name: str) -> str | None:
    for outlet in reference().outlets:
        if name == outlet.name or name in outlet.aliases:
            return outlet.name
    return None


def find_speaker(text: str, offset: int = 0) -> Attribution | None:
    """The speaker named in ``text`` (a sentence or the words around a quote), or None."""
    m = _MINISTRY.search(text)
    if m:
        name, country = _ministry(m, text)
        if country is None:
            # "Defence Ministry spokeswoman Shushan Stepanyan": the spokesperson says whose ministry it is
            for p in re.finditer(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}", text[m.end(): m.end() + 60]):
                person = correct_person(p.group(0), cutoff=88.0)
                if person is not None and person.speaks_for:
                    return Attribution(person.speaks_for, person.country, (person.speaks_for,), m.start() + offset,
                                       m.end() + p.end() + offset)
        return Attribution(name, country, (name,), m.start() + offset, m.end() + offset)
    m = re.search(r"\b(?P<adj>[A-Z][a-z]+)(?:'s)?\s+(?P<office>President|Prime Minister|Defen[cs]e Minister|Foreign Minister)\b"
                  r"(?!\s+[A-Z])", text)
    if m:
        holder = _office_holder(m.group("adj"), m.group("office"))
        if holder is not None:
            return Attribution(holder.name, holder.country, (holder.name,), m.start() + offset, m.end() + offset)
    for m in re.finditer(r"\b(?:President|Prime Minister|Minister|spokesman|spokeswoman|spokesperson|Defence Minister|"
                         r"Defense Minister|commander)?\s*(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})", text):
        person = correct_person(m.group("name"), cutoff=88.0)
        if person is not None:
            return Attribution(person.name, person.country, (person.name,), m.start("name") + offset,
                               m.end("name") + offset)
    m = re.search(r"\baccording to (?:the )?(?P<who>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})", text)
    if m:
        who = m.group("who")
        outlet = _outlet(who)
        countries = find_countries(who)
        return Attribution(outlet or who, countries[0][0] if countries else None, (outlet or who,),
                           m.start("who") + offset, m.end("who") + offset)
    m = re.search(r"\b(?P<c>[A-Z][a-z]+)\s+(?:also\s+)?(?:said|stated|claimed|announced|reported|declared)\b", text)
    if m:
        found = find_countries(m.group("c"))
        if found and found[0][0] == m.group("c") or found and m.group("c") in _aliases(found[0][0]):
            name = f"Government of {found[0][0]}"
            return Attribution(name, found[0][0], (name,), m.start() + offset, m.end("c") + offset)
    m = re.search(r"\b(?:the\s+)?(?P<adj>[A-Z][\w-]+(?:'s)?\s+)?(?P<org>(?i:general staff|air force|armed forces|army|military|"
                  r"navy|national guard|border (?:guard )?service|police|civil defen[cs]e(?: agency)?|health ministry|"
                  r"emergency service|interior ministry))\s+(?:also\s+|later\s+)?(?:said|says|stated|reported|announced|claimed)\b",
                  text)
    if m:
        found = find_countries(m.group("adj") or "") if m.group("adj") else []
        org = " ".join(w if w.isupper() else w.capitalize() for w in m.group("org").split())
        country = found[0][0] if found else None
        if country and org.lower() in ("army", "military", "armed forces"):
            org = "Military Forces"
        name = f"{org} of {country}" if country else (f"{m.group('adj').strip()} {org}" if m.group("adj") else org)
        return Attribution(name, country, (name,), m.start() + offset, m.end("org") + offset)
    m = re.search(r"\b(?:governor|mayor|spokesm[ae]n|spokeswoman|spokesperson|commander|minister|official|chief|"
                  r"head|president|prime minister)\s+(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})\s+(?:also\s+)?"
                  r"(?:said|says|stated|told|wrote|posted|announced|claimed)\b", text, re.I)
    if m and m.group("name")[0].isupper():
        name = m.group("name")
        return Attribution(name, None, (name,), m.start("name") + offset, m.end("name") + offset)
    for known in reference().outlets:
        for alias in (known.name, *known.aliases):
            if len(alias) < 3 or alias not in text:
                continue  # (every pattern below holds the alias as written)
            hit = re.search(rf"\b(?:told|reported by|cited by|quoted by|via|to)\s+{re.escape(alias)}\b|"
                            rf"\b{re.escape(alias)}(?:\s+(?:newspaper|daily|news agency|agency|website|broadcaster|channel))?"
                            rf"\s+(?:reported|said|quoted)", text)
            if hit:
                return Attribution(known.name, None, (known.name,), hit.start() + offset, hit.end() + offset)
    return None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in ``text``, straight or curly quotes."""
    spans = []
    for m in re.finditer(r"“[^”]{10,}”|\"[^\"]{10,}\"", text):
        spans.append((m.start(), m.end()))
    return spans


def quote_speaker(text: str, quote: tuple[int, int]) -> Attribution | None:
    """The speaker of a quotation: "...," the ministry said / X said: "..." / "..." X said on Twitter."""
    after = text[quote[1]: quote[1] + 160]
    end = re.search(r"[.!?](?:\s|$)", after)
    tail = after[: end.start() + 1] if end else after
    if re.search(r"\b" + _SAY + r"\b", tail):
        speaker = find_speaker(tail, quote[1])
        if speaker:
            return speaker
    before = text[max(0, quote[0] - 200): quote[0]]
    start = max(before.rfind(". "), before.rfind("\n"))
    lead = before[start + 1:] if start >= 0 else before
    if re.search(r"\b" + _SAY + r"\W*$", lead.strip()) or lead.strip().endswith(":"):
        return find_speaker(lead, quote[0] - len(lead))
    return None


def is_backreference(sentence: str) -> bool:
    """ "It said ...", "The ministry added ...": the claim belongs to the last speaker."""
    return bool(_BACKREF.search(sentence))


def _explicit_dates(sentence: str, published: date) -> list[date]:
    out = []
    for m in re.finditer(rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_RE})|(?P<m2>{_MONTH_RE})\s+(?P<d2>\d{{1,2}})\b)"
                         rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?", sentence):
        month = MONTHS[(m.group("m1") or m.group("m2")).lower()]
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y")) if m.group("y") else published.year
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if not m.group("y") and when > published:
            when = date(year - 1, month, day)
        out.append(when)
    return out


def is_historical(sentence: str, published: date | None, *, window_days: int = 7) -> bool:
    """True when the sentence is background: a past year, "since ...", or a date well before publication."""
    if re.search(r"\bsince (?:the )?(?:\d{4}|early|late|the \w+ (?:war|conflict))\b|\bfor (?:nearly |almost |over |more than )?"
                 r"(?:two|three|four|several|\d+) (?:decades|years)\b|\bin the (?:19|20)\d0s\b|\bformer Soviet\b.*\bsince\b",
                 sentence, re.I):
        return True
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", sentence)]
    if published is not None:
        if years and all(y < published.year for y in years) and not _explicit_dates(sentence, published):
            return True
        dates = _explicit_dates(sentence, published)
        if dates and all((published - d).days > window_days for d in dates):
            return True
    elif years and all(y < 2000 for y in years):
        return True
    if re.search(r"\b(?:fresh|renewed) (?:clashes|fighting|hostilities) (?:erupted|broke out)\b", sentence, re.I):
        return True
    return False


# the words just before a trigger that make its happening a plan, a call or a vow, not a report: "protesters vow to
# take to the streets", "his call to fellow Melburnians to protest", "prepare to rally"
_PLAN_BEFORE = re.compile(
    r"\b(?:vow(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|prepar(?:e|es|ed|ing)|plan(?:s|ned|ning)?|"
    r"intend(?:s|ed|ing)?|call(?:s|ed|ing)?|urg(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|invit(?:e|es|ed|ing)|"
    r"(?:is|are|was|were) (?:set|due|scheduled|expected|going)|aim(?:s|ed|ing)?|hop(?:e|es|ed|ing)|want(?:s|ed)?|"
    r"vote[sd]?|decid(?:e|es|ed))\b(?:\s+[\w'’-]+){0,5}?\s+to\s+"
    # the trigger right after "to", or a noun of the called-for act ("to take to the streets in protest", "to stage
    # a rally"); not a verb of another clause ("calling for the president to resign marched")
    r"(?:(?:(?!(?:as|while|after|when|because|amid|but|and|since|before|where|following)\b)[\w'’-]+\s+){0,4}?"
    r"(?:in|a|an|the|another|more|new|mass)\s+)?$", re.I)
# a happening named by a noun that a modal or a plan then governs: "where Saturday demonstrations would be", "a
# protest is planned for Friday", "protests were expected"
_PLAN_AFTER = re.compile(r"[\w-]*\s+(?:would|will|could|might|may|(?:is|are|was|were) (?:planned|expected|due|"
                         r"scheduled|set to|being planned|likely)|"
                         # the crowd named as the trigger, then what it vows to do: "protesters vow to take to the
                         # streets again on Sunday"
                         r"(?:vow(?:s|ed)?|pledge[sd]?|promise[sd]?|threaten(?:s|ed)?|plan(?:s|ned)?|intend(?:s|ed)?|"
                         r"prepare[sd]?) to)\b", re.I)


def modality_of(sentence: str, trigger_start: int | None = None) -> str:
    """asserted, denied, hypothetical or planned, from the words that govern the event's trigger."""
    head = sentence if trigger_start is None else sentence[:trigger_start]
    if trigger_start is not None and re.search(r"\b(?:planned|proposed|upcoming|scheduled|expected|intended|future|"
                                               r"next|possible|potential|threatened)\s+$|\btalks? (?:of|about|"
                                               r"surrounding|around) (?:a |an |another |more |new )?$", head, re.I):
        return "planned"  # "at a planned march in Westminster": the march has not happened
    if trigger_start is not None and (_PLAN_BEFORE.search(head) or _PLAN_AFTER.match(sentence, trigger_start)):
        return "planned"
    # a negation denies the happening it governs ("forces did not shell"), not one a later clause names ("the
    # premier did not comment on where the demonstrations would be")
    negated = r"(?:did not|didn't|never)\b" + (r"(?:\s+\w+){0,2}\s+$" if trigger_start is not None else "")
    if re.search(r"\b(?:denied|denies|refuted|rejected (?:the )?(?:claims?|reports?|allegations?)|dismissed (?:the )?"
                 r"(?:claims?|reports?))\b|\b" + negated, head, re.I):
        return "denied"
    if re.search(r"\b(?:plans? to|planned to|planning to|intends? to|will|is going to|are going to|prepar(?:es|ing) to|"
                 r"scheduled to|vowed to)\b", head, re.I):
        return "planned"
    if re.search(r"\b(?:could|might|may|would|threaten(?:s|ed)? to|if|unless|in case|risk of|warned)\b", head, re.I):
        return "hypothetical"
    return "asserted"


def speaker_of(start: int, end: int, text: str, quotes: list[tuple[int, int]], last: Attribution | None
               ) -> Attribution | None:
    """Who says what ``text[start:end]`` (a sentence) tells: the speaker of a quote it is in, the speaker its
    reported speech names ("..., the ministry said"), or ``last`` (the previous speaker) where it refers back
    ("It said", "the ministry added")."""
    sentence = text[start:end]
    for q in quotes:
        if q[0] <= start < q[1] or start <= q[0] < end:
            found = quote_speaker(text, q)
            if found:
                return found
            tail = text[q[1]: q[1] + 80]
            if is_backreference(tail) and last is not None:
                return last
    if re.search(r"\b(?:said|says|stated|claimed|announced|reported|according to|added|stressed|told|tweeted|denied)\b",
                 sentence):
        found = find_speaker(sentence, start)
        if found:
            return found
        if is_backreference(sentence) and last is not None:
            return last
    return None
