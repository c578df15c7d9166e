"""What a reader never sees: classify the lines of a scraped article.

Each rule names its reason, so ``Document.removed`` says why every dropped line went. Rules are about the
shape of page debris common to news sites (share buttons, "READ MORE" teasers, photo credits, cookie notices,
loaders and navigation labels), not about any one outlet.
"""

from __future__ import annotations

import re

# Whole lines that are page furniture. Reason code -> pattern (matched against the stripped line).
LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("read more link", re.compile(r"^(read more|read also|also read|related|see also|more on this|recommended|"
                                  r"you may also like|don'?t miss|watch|listen)\s*[:>\-–|]", re.I)),
    ("loader", re.compile(r"^(loading|please wait)\W*$", re.I)),
    ("share buttons", re.compile(r"^((share|tweet|pin|email|print|copy link|whatsapp|facebook|twitter|telegram|"
                                 r"linkedin|reddit|x)\W*){1,8}$|^share (this|on)\b.{0,40}$", re.I)),
    ("cookie notice", re.compile(r"\b(cookies?|cookie policy)\b.{0,200}\b(accept|consent|agree|privacy|settings)\b|"
                                 r"^(accept|reject) (all )?cookies", re.I)),
    ("advertisement", re.compile(r"^(advertisement|sponsored( content)?|ad|scroll to continue|continue reading)\W*$",
                                 re.I)),
    ("subscription prompt", re.compile(r"^(subscribe|sign up|follow us|join us|download (our|the) app|get the latest)"
                                       r"\b.{0,120}$", re.I)),
    ("copyright line", re.compile(r"^(©|\(c\)|copyright\b).{0,160}$|all rights reserved", re.I)),
    ("byline", re.compile(r"^(by|written by|reporting by|editing by)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}"
                          r"(\s*(and|,)\s*[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3})*\s*$")),
    ("timestamp line", re.compile(r"^(published|updated|last updated|posted)\s*(on|:)?\s*[\w ,:.+-]{0,60}$", re.I)),
    ("hashtag line", re.compile(r"^([#@][^\W_][\w-]*[\s,;]*)+$")),  # a post's tags: its report is the other line
    ("photo credit", re.compile(r"^((?i:(photo|image|picture|credit|photograph|file photo)s?\s*(:|by)\s*.{1,80})|"
                                r"[A-Z]{1,5}(/[A-Z][\w ]{1,30})?|\(?(AFP|AP|Reuters|Getty Images|EPA|AA|Xinhua|"
                                r"TASS|Sputnik|Anadolu( Agency)?)( via Getty Images)?\)?)$")),
)

# Debris that scrapers glue onto one line: "Loading... Route 6"
_DEBRIS_TOKEN = re.compile(r"^(loading\W*|please wait\W*|route \d+|menu|home|search|close|skip to (main )?content|"
                           r"back to top|next|previous|prev|more|top stories|live|video|photos?|gallery)$", re.I)
_TRAILING_CREDIT = re.compile(r"(?<=[.!?”\"])\s+(AA|AP|AFP|Reuters|EPA|Getty Images|Xinhua|TASS|Anadolu Agency)$")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’')\]]$")
# A wire flash's label: the line it opens is the report itself, never a title or a section heading
# ("BREAKING: ...", "URGENT - ...", "🚨 JUST IN: ...", "#BREAKING ...")
_ALERTS = r"(breaking( news)?|just in|urgent|flash|news alert|alert|developing)"
_ALERT_LABEL = re.compile(rf"^[^\w#]*(#{_ALERTS}\b|{_ALERTS}\s*[:|–—-])\s*\S", re.I)


def classify_line(line: str) -> str | None:
    """Return the reason to drop ``line`` from the article text, or None to keep it."""
    stripped = line.strip()
    if not stripped:
        return None
    for reason, pattern in LINE_RULES:
        if pattern.search(stripped):
            return reason
    if is_debris_run(stripped):
        return "navigation debris"
    return None


def is_debris_run(line: str) -> bool:
    """True for a line made only of loader/navigation labels ("Loading... Route 6")."""
    parts = re.split(r"(?<=\.\.\.)\s+|\s{2,}|\s*[|•·]\s*", line)
    parts = [p.strip() for p in parts if p.strip()]
    return bool(parts) and all(_DEBRIS_TOKEN.match(p) for p in parts)


def strip_trailing_credit(paragraph: str) -> tuple[str, str | None]:
    """Split "caption text. AA" into ("caption text.", "AA")."""
    match = _TRAILING_CREDIT.search(paragraph)
    if match:
        return paragraph[: match.start()].rstrip(), match.group(1)
    return paragraph, None


def looks_like_heading(line: str) -> bool:
    """A section heading: short, no sentence punctuation at the end, starts with a capital or digit."""
    stripped = line.strip()
    words = stripped.split()
    if not (1 <= len(words) <= 12 and len(stripped) <= 90):
        return False
    if _SENTENCE_END.search(stripped) or is_alert_line(stripped):
        return False
    return stripped[0].isupper() or stripped[0].isdigit()


def ends_like_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.strip()))


def is_alert_line(line: str) -> bool:
    """A wire flash ("BREAKING: ...", "URGENT - ..."): a report in headline form."""
    return bool(_ALERT_LABEL.match(line.strip()))
