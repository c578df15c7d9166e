"""dates: every event's date as ACLED codes it, from the words of the text and the publication date.

    find_date_expressions(text, published)  every date in a text, placed in time, with its kind
    resolve_event_date(frame, document)     the date of one event: a range with ACLED's precision
    infer_published(text, captions=...)     the publication date a dateline, caption or weekday gives

Regular expressions read the frequent forms; dateparser (English only, never guessing) reads leftovers.
"""

from frontwire.dates.expressions import DateExpression, find_date_expressions
from frontwire.dates.published import infer_published
from frontwire.dates.resolve import resolve_event_date

__all__ = ["DateExpression", "find_date_expressions", "infer_published", "resolve_event_date"]
