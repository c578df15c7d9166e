"""Numbers in event text: fatalities under ACLED's conventions, and equipment / personnel losses.

ACLED's fatality conventions followed here: only deaths count (wounded, animals and property do not); the
most conservative figure is taken ("1-2" -> 1, "at least 25" -> 25); vague plurals get ACLED's defaults
("several"/"many" -> 10, "dozens" -> 12, "hundreds" -> 100, "a/an" -> 1) only where deaths are certain;
an unknown number is 0; a claim a party makes through its own propaganda outlet about its enemy's dead is
coded 0 unless an independent source confirms it; a coder's explicit note ("Fatalities coded as 3") wins.
"""

from __future__ import annotations

import re

from frontwire.records import Loss
from frontwire.reference.vocabulary import MONTH_NAME_PATTERN, NUMBER_WORDS

VAGUE = {"several": 10, "many": 10, "scores of": 12, "dozens of": 12, "dozens": 12, "tens of": 12,
         "hundreds of": 100, "hundreds": 100, "numerous": 10}
_NUM = (r"(?:\b\d+(?:,\d{3})*(?:\s*[-–]\s*\d+)?|a couple of|a few|scores of|dozens of|dozens|tens of|hundreds of|hundreds|"
        r"several|many|numerous|" + "|".join(rf"\b{w}" for w in sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True)) + ")")
_MONTHS = MONTH_NAME_PATTERN
_DATE = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? {_MONTHS}|{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?)?,? ?(?:19|20)\d\d\b|"
                   rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTHS}\b|\b{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?\b")
_PEOPLE = (r"(?:(?![\d])(?!(?:and|or|in|of|at|on|by|as|a|an)\s)[\w'-]+\s+){0,4}?(?:people|persons?|civilians?|soldiers?|servicem[ae]n|troops|militants?|fighters?|"
           r"insurgents?|rebels?|policem[ae]n|police(?:\s+officers?)?|officers?|personnel|members?|commanders?|"
           r"children|child|women|woman|men|man|boys?|girls?|employees?|agents?|guards?|Arbakis?|'Arbakis'|"
           r"militiam[ae]n|gunm[ae]n|attackers?|teachers?|students?|farmers?|villagers?|residents?|"
           r"worshippers|passengers?|scholars?|journalists?|Taliban|shepherds?|sheperds?|others|of them)")


def to_number(word: str) -> int | None:
    """A count from digits, number words, a range (its low end) or a vague plural (ACLED's default)."""
    w = word.strip().lower().replace(",", "")
    m = re.match(r"(\d+)\s*[-–]\s*(\d+)", w)
    if m:
        return min(int(m.group(1)), int(m.group(2)))
    if w.isdigit():
        return int(w)
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    return VAGUE.get(w)


_CODED = re.compile(r"Fatalities (?:are |were )?coded as (\d+)", re.I)
_SPLIT = re.compile(r"Fatalities (?:are |were )?split (?:across|over|between) \d+ (?:events|locations)[^()]*\((\d+)\)", re.I)
_PEOPLE_ITEM = re.compile(rf"(?:at least |more than |over |about |around |up to |some |nearly |almost |at leat )?({_NUM})\s+{_PEOPLE}\b",
                          re.I)
_DEATH_PASSIVE = re.compile(r"\b(?:were|was|have been|has been|had been|got|are|is)\s+(?:reportedly |also |all )?"
                            r"(?:shot and |shot |stabbed and |abducted and (?:later )?|ambushed and )?"
                            r"(?:killed|dead|slain|executed|beheaded|massacred)\b|\b(?:died|lost their lives)\b", re.I)
# "is killing the earth", "killing the bill": things, not people, and a figure of speech
_NOT_PERSON = re.compile(r"(?:the|a|an)\s+(?:\w+\s+)?(?:earth|planet|economy|bill|deal|plan|idea|mood|business|industry|"
                         r"environment|climate|momentum|story|project|proposal|dream|joke|game|engine|lights?|time)\b", re.I)
_ONGOING = re.compile(r"\b(?:is|are|am|'s|'re)\s+$", re.I)
_DEATH_ACTIVE = re.compile(r"\b(?:killed|killing|kill|executed|shot dead|shooting dead|beheaded)\s+", re.I)
_CLAUSE_BREAK = re.compile(r"\b(?:were|was|been)\s+(?:\w+\s+)?(?:wounded|injured|arrested|detained|abducted|taken)\b|"
                           r"\bwhile\b|\bwhen\b|\bafter\b|\bfollowing\b|:|;", re.I)
_LIST_END = re.compile(r"\b(?:and|while|as well as)\s+(?:injur|wound)|,?\s+(?:in|near|at|on|during|when|after|following|as)\s+"
                       r"|\bwounding\b|\binjuring\b|\.", re.I)
# "an ambush which left 30 dead", "leaving five people dead"
_LEFT_DEAD = re.compile(rf"\b(?:left|leaving|leaves)\s+(?:at least |some |about |around |more than )?({_NUM})\s+"
                        r"(?:\w+\s+){0,2}?(?:dead|killed)\b", re.I)
# "he was executed", "the official was shot dead": one person, named by a pronoun or a singular noun
_ONE_PERSON = re.compile(r"(?:^|\s)(?:he|she)\s*$|\b(?:the|a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|boy|girl|child|"
                         r"official|officer|policeman|policewoman|soldier|serviceman|civilian|journalist|guard|driver|"
                         r"farmer|teacher|student|activist|protester|commander|leader|resident|worker|person)\s*$", re.I)
_DEATH_TOLL = re.compile(rf"\b(?:death toll|toll)\b[^.;]{{0,30}}?\b(?:rose to|reached|at|of|is)\s+({_NUM})", re.I)
_UNKNOWN = re.compile(r"\b(?:unknown number|unclear (?:if|whether|how many)|casualties (?:were )?unknown|"
                      r"number of (?:casualties|dead) (?:is|was) unknown|unspecified number)\b", re.I)
_ANIMAL = re.compile(r"\b(?:animals?|sheep|cows?|cattle|livestock|dogs?|horses?)\b", re.I)
_PARTISAN_ATTRIBUTION = re.compile(
    r"\b(?:according to (?:the )?(?:Taliban|militants?|VoJ|rebels?|insurgents?)(?: sources)?|"
    r"(?:Taliban|VoJ|militants?|insurgents?|rebels?)(?: sources| spokesm[ae]n)? (?:said|claimed|reported|stated)|"
    r"(?:Other|local) sources (?:said|reported)|VoJ)\b", re.I)


def _sum_people(segment: str) -> int | None:
    # "12 militants including 2 commanders": the commanders are among the 12
    segment = re.sub(r"\b(?:including|among them|of whom|of them)\s+(?:\w+\s+){0,2}?(?:\d+|an?)\s+[^,;]*", " ", segment, flags=re.I)
    items = [m for m in _PEOPLE_ITEM.finditer(segment) if not _ANIMAL.search(m.group(0))]
    if any(re.match(r"\d", m.group(1)) for m in items):
        # "1 child, a shepherd, was killed": an appositive "a" restates a counted person
        items = [m for m in items if m.group(1).lower() not in ("a", "an")]
    counts = [c for c in (to_number(m.group(1)) for m in items) if c is not None]
    return sum(counts) if counts else None


def _sentence_deaths(sentence: str) -> tuple[bool, int]:
    """(deaths mentioned, their conservative count) in one sentence."""
    found, total = False, 0
    passive_spans = [(m.start(), m.end()) for m in _DEATH_PASSIVE.finditer(sentence)]
    for m in _DEATH_PASSIVE.finditer(sentence):
        before = sentence[:m.start()]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        subject = before[breaks[-1].end():] if breaks else before
        if re.search(r"\b(?:wounded|injured) and$", before.strip(), re.I):
            continue
        after = sentence[m.end():m.end() + 20]
        if re.match(r"\s+and (?:wounded|injured)", after, re.I):
            # "7 soldiers were killed and wounded": how many died is unknown
            found = True
            continue
        count = _sum_people(subject)
        if count is None:
            if re.search(r"\b(?:his|her|their) (?:guard|driver|son|brother|wife)\b", subject, re.I) \
                    or _ONE_PERSON.search(subject):
                count = 1
            else:
                continue
        found, total = True, total + count
    for m in _DEATH_ACTIVE.finditer(sentence):
        if any(a <= m.start() < b for a, b in passive_spans) or re.match(r"by\b", sentence[m.end():]):
            continue
        rest = sentence[m.end():]
        end = _LIST_END.search(rest)
        obj = rest[:end.start()] if end else rest
        count = _sum_people(obj)
        if count is None:
            # "killing one and injuring another": a bare number is that many people
            bare = re.match(rf"\s*(?:at least |some )?({_NUM})\s*(?:,|and\b|$|\.|;)", rest, re.I)
            if bare and not re.match(r"\s*(?:a|an)\b", rest, re.I):
                count = to_number(bare.group(1))
        if re.match(r"\s*and (?:wounded|injured|injuring|wounding)", rest, re.I) or count is None:
            if count is None and re.match(r"(?:the|a|an)\s+\w+", obj, re.I) and not _ANIMAL.search(obj) \
                    and not _NOT_PERSON.match(obj) and not _ONGOING.search(sentence[:m.start()]):
                found, total = True, total + 1
            continue
        found, total = True, total + count
    for m in _LEFT_DEAD.finditer(sentence):
        count = to_number(m.group(1))
        if count is not None:
            found, total = True, total + count
    for m in _DEATH_TOLL.finditer(sentence):
        count = to_number(m.group(1))
        if count is not None:
            found, total = True, max(total, count)
    return found, total


def coder_remark(text: str) -> bool:
    """True when the text carries a coder's own fatality remark ("Fatalities coded as 0 (VoJ reported 3)")."""
    return bool(_CODED.search(text) or _SPLIT.search(text))


def count_fatalities(text: str, *, partisan_source: bool = False) -> int | None:
    """ACLED's fatality count for ``text`` (one event's evidence); None when the text gives no figure.

    ``partisan_source``: the only source is a party's own outlet (e.g. Voice of Jihad for the Taliban); its
    counts of enemy dead are coded 0 as ACLED does. Sentences attributed to a party's own claims
    ("Taliban said 11 soldiers were killed") are left out when another account is given.
    """
    m = _CODED.search(text)
    if m:
        return int(m.group(1))
    m = _SPLIT.search(text)
    if m:
        return int(m.group(1))
    text = re.sub(r"\([^()]*(?:according to|reported|sources?|claimed)[^()]*\)", " ", text)  # alternative figures
    text = _DATE.sub(" ", text)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    found, total = False, 0
    independent = [s for s in sentences if not _PARTISAN_ATTRIBUTION.search(s)]
    for sentence in independent or sentences:
        f, n = _sentence_deaths(sentence)
        found, total = found or f, total + n
    if not found:
        if _UNKNOWN.search(text) or re.search(r"\b(?:no (?:one|casualties|fatalities|injuries|deaths)|"
                                              r"nobody)\b", text, re.I):
            return 0
        return None
    if partisan_source:
        return 0
    return total


# -- losses --------------------------------------------------------------------------------------------

LOSS_CATEGORIES: list[tuple[str, str]] = [
    # (category, regex on the item phrase); first match wins
    ("MLRS", r"MLRS|multiple rocket|BM-\d+|Grad|Smerch|Uragan|HIMARS|TOS-1"),
    ("air defence", r"air defen[cs]e|SAM|S-300|S-400|Osa|Tor-M|Buk|Pantsir|anti-aircraft|radar"),
    ("aircraft", r"Su-\d+|MiG-\d+|F-16|fighter jets?|attack aircraft|aircraft|warplanes?|bombers?|planes?|jets?"),
    ("helicopter", r"helicopters?|Mi-\d+|Ka-\d+"),
    ("drone", r"drones?|UAVs?|Bayraktar|Orlan|Shahed|unmanned"),
    ("tank", r"tanks?|T-\d{2}"),
    ("armoured vehicle", r"armou?red|APCs?|IFVs?|BMP|BTR|infantry fighting|personnel carriers?|Humvees?"),
    ("artillery", r"howitzers?|artillery|guns?|cannons?|mortars?|D-\d+|Msta|Akatsiya|Gvozdika"),
    ("missile", r"missiles?|rockets?|launchers?"),
    ("truck", r"trucks?|lorr(?:y|ies)|KamAZ|Ural"),
    ("vehicle", r"vehicles?|cars?|auto ?vehicles?|automobiles?|convoy"),
    ("ammunition depot", r"ammunition depots?|depots?|warehouses?|stores?"),
    ("personnel", r"manpower|personnel|soldiers?|servicem[ae]n|troops|fighters|militants"),
]
_STATUS_WORDS = [
    ("shot down", r"shot down|downed|shoot down"),
    ("destroyed", r"destroyed|wrecked|annihilated|eliminated|neutrali[sz]ed|burn(?:ed|t)|disabled|put out of action"),
    ("damaged", r"damaged|hit"),
    ("captured", r"captured|seized|taken as (?:a )?trophy|trophies|taken|made (?:away|off) with|stole|carried off"),
    ("abandoned", r"abandoned|left behind"),
    ("killed", r"killed|dead|died"),
    ("wounded", r"wounded|injured"),
]
_LIST_ITEM = re.compile(
    rf"(?<![\w-])(?P<n>\d+|{'|'.join(w for w in NUMBER_WORDS if ' ' not in w and len(w) > 2)})\s*[-–—:]?\s*"
    r"(?P<item>(?:(?!\band\b|,|;)[^.;,])+?)(?=\s*(?:,|;|\.|\band\b|\bwere\b|\bwas\b|\bhave\b|\bhad\b|\bover\b|"
    r"\bnear\b|\bin\b|\bon\b|\bof the\b|\bbelonging\b|$))", re.I)


def _category(item: str) -> str | None:
    for category, pattern in LOSS_CATEGORIES:
        if re.search(rf"\b(?:{pattern})", item, re.I):
            return category
    return None


def _status(text: str) -> str | None:
    for status, pattern in _STATUS_WORDS:
        if re.search(rf"\b(?:{pattern})\b", text, re.I):
            return status
    return None


def _clean_item(item: str) -> str:
    item = re.sub(r"[\"“”]", "", item)
    item = re.sub(r"^(?:(?:other|different|more|another|additional)\s+(?:types? of\s+)?)+", "", item.strip(), flags=re.I)
    item = re.sub(r"\s+(?:loaded|belonging|of the|in|on)\b.*$", "", item, flags=re.I) if "loaded" in item else item
    return re.sub(r"\s+", " ", item).strip(" -–")


def _item_side(item: str) -> str | None:
    """ "Armenian servicemen", "Azerbaijani drones": the item says whose it was."""
    from frontwire.extract.actors import find_countries

    found = find_countries(item)
    return found[0][0] if found else None


def find_losses(text: str, side: str | None) -> list[Loss]:
    """Equipment and personnel losses claimed in ``text`` for ``side`` (the country that lost them).

    Reads enumerations ("4 - BM-21 Grad MLRS, 10 - howitzers ... were destroyed") and single losses
    ("shot down another Su-25"). Counts stay None where the text gives none ("a large number of").
    """
    status = _status(text)
    if status is None:
        return []
    losses: list[Loss] = []
    for m in _LIST_ITEM.finditer(text):
        item = _clean_item(m.group("item"))
        if not item or re.match(r"(?:percent|km|kilomet|hours?|days?|pm|am|GMT|local)", item, re.I):
            continue
        if re.match(rf"{MONTH_NAME_PATTERN}\b", item):
            continue
        category = _category(item)
        if category is None or category == "personnel" and status not in ("killed", "wounded", "captured"):
            continue
        count = to_number(m.group("n"))
        item_status = "shot down" if category in ("aircraft", "helicopter", "drone") and status == "shot down" else status
        losses.append(Loss(_item_side(item) or side, category, item, count, item_status))
    # "made away with an armoured personnel carrier, a gun truck and six SUVs": a list whose items count one each
    verb = re.search(r"\b(?:made (?:away|off) with|stole|carried off)\s+", text, re.I)
    if verb:
        for m in re.finditer(r"(?:^|,\s*|\band\s+)(?:an?|one)\s+(?P<item>(?:(?!\band\b|,)[\w-]+\s*){1,4})", text[verb.end():]):
            item = _clean_item(m.group("item"))
            category = _category(item)
            if category is None or category == "personnel" or any(item in loss.item for loss in losses):
                continue
            losses.append(Loss(_item_side(item) or side, category, item, 1, status))
    # "an Armenian Su-25 attack aircraft was shot down": one, told in the passive
    for m in re.finditer(r"\b(?:an?|one|another)\s+(?:[\w-]+\s+){0,3}?(?P<item>(?:Su|MiG|Mi|Ka|Tu|F)-\d+\w*(?:\s+(?:attack aircraft|fighter jet|jet|aircraft|helicopter))?|"
                         r"Bayraktar|TB2|drone|UAV|helicopter|tank|fighter jet|aircraft)\b[^.;]{0,40}?\b(?:was|has been)\s+"
                         r"(?P<st>shot down|downed|destroyed|captured)", text):
        item = m.group("item")
        if any(item in loss.item or loss.item in item for loss in losses):
            continue
        category = _category(item) or "vehicle"
        status_here = "shot down" if m.group("st") in ("shot down", "downed") else m.group("st")
        losses.append(Loss(_item_side(m.group(0)) or side, category, item, 1, status_here))
    # a single named loss without a number: "shot down another Armenian Su-25 fighter jet"
    for m in re.finditer(r"\b(?:shot down|downed|destroyed|captured)\s+(?:an?|another|one|the)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?P<item>(?:Su|MiG|Mi|Ka|Tu|F)-\d+\w*|Bayraktar|TB2|drone|UAV|helicopter|tank|"
                         r"fighter jet|aircraft)\b", text):
        item = m.group("item")
        if any(item in loss.item for loss in losses):
            continue
        category = _category(item) or "vehicle"
        losses.append(Loss(side, category, item, 1, _status(m.group(0)) or status))
    return losses
