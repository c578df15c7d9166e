"""resolve_event_date: from the event's sentence outwards, as a careful ACLED coder dates an event."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontwire.dates import resolve_event_date
from frontwire.records import Document, EventFrame, Span

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "000_d54e5245f36c7340.txt"
MONDAY = date(2020, 11, 2)


def frame_at(text: str, words: str, *, modality: str = "asserted") -> EventFrame:
    """A frame anchored on the sentence of ``text`` that starts with ``words``."""
    start = text.index(words)
    end = text.find(".", start)
    end = len(text) if end < 0 else end + 1
    return EventFrame(event_type="Battles", sub_event_type="Armed clash", disorder_type="Political violence",
                      anchor=Span(text[start:end], start, end), modality=modality)


def resolve(text: str, words: str, published: date | None = MONDAY, **frame_options):
    document = Document(id="t", text=text, published_at=published)
    return resolve_event_date(frame_at(text, words, **frame_options), document, today=date(2026, 11, 25))


def test_date_in_the_sentence_itself():
    result = resolve("Rebels shelled the town on Sunday, killing two.", "Rebels")
    assert (result.event_date, result.date_start, result.date_end, result.time_precision) == (
        date(2020, 11, 1), date(2020, 11, 1), date(2020, 11, 1), 1)
    assert result.expression.text == "Sunday"
    assert "Sunday" in result.reason and "2020-11-02" in result.reason


def test_statement_date_is_not_the_event_date_when_the_sentence_has_one():
    text = "During the day on November 1 and night on November 2, troops fired at the posts, the ministry said on Monday."
    result = resolve(text, "During")
    assert (result.date_start, result.date_end, result.event_date) == (date(2020, 11, 1), date(2020, 11, 2), date(2020, 11, 1))


def test_main_clause_date_beats_a_subordinate_one():
    text = "After troops entered the village on Sunday, rebels shelled it on Monday."
    assert resolve(text, "After troops").event_date == MONDAY
    text = "Rebels shelled the village on Monday, a day after troops entered it on Sunday."
    assert resolve(text, "Rebels").event_date == MONDAY


def test_date_in_the_clause_of_the_evidence_wins():
    text = "Rebels shelled Tartar on Sunday, and drones struck Barda on Monday."
    start = text.index("Barda")
    frame = frame_at(text, "Rebels")
    frame = EventFrame(frame.event_type, frame.sub_event_type, frame.disorder_type, frame.anchor,
                       evidence=(Span("Barda", start, start + 5),))
    result = resolve_event_date(frame, Document(id="t", text=text, published_at=MONDAY))
    assert result.event_date == MONDAY


def test_yesterday_in_a_quote_counts_from_the_statement_day():
    text = "\"We struck their positions yesterday,\" the commander said on Monday."
    result = resolve(text, "\"We struck", published=date(2020, 11, 4))
    assert result.event_date == date(2020, 11, 1)
    assert "statement" in result.reason
    unquoted = resolve("Rebels shelled the town yesterday, the ministry said on Tuesday.", "Rebels",
                       published=date(2020, 11, 4))
    assert unquoted.event_date == date(2020, 11, 3)


def test_earlier_sentence_of_the_paragraph():
    text = "On Saturday, fighting flared near the river. Two villages were shelled and a bridge collapsed."
    result = resolve(text, "Two villages")
    assert result.event_date == date(2020, 10, 31)
    assert "earlier sentence" in result.reason


def test_following_sentence_about_the_same_thing():
    text = ("Government forces downed a reconnaissance drone, the ministry said.\n"
            "The drone was flying over the dam on Saturday when it was hit.")
    result = resolve(text, "Government forces")
    assert result.event_date == date(2020, 10, 31)
    assert "drone" in result.reason


def test_following_sentence_about_something_else_is_not_used():
    text = ("Government forces downed a reconnaissance drone.\n"
            "Separately, protesters gathered in the capital on Saturday.")
    result = resolve(text, "Government forces")
    assert result.expression is None  # fell back to publication
    assert result.date_end == MONDAY


def test_related_next_sentence_widens_the_range():
    text = ("In the meantime, the army on Sunday destroyed a supply column of the rebels.\n"
            "The column was spotted around 5 pm local time (1300 GMT) on October 31 near the pass.")
    result = resolve(text, "In the meantime")
    assert (result.date_start, result.date_end, result.event_date, result.time_precision) == (
        date(2020, 10, 31), date(2020, 11, 1), date(2020, 11, 1), 1)
    assert "column" in result.reason and "October 31" in result.reason


def test_related_previous_sentence_widens_the_range():
    text = ("In the meantime, the army on Sunday destroyed a supply column of the rebels.\n"
            "The column was spotted around 5 pm local time (1300 GMT) on October 31 near the pass.")
    result = resolve(text, "The column")
    assert (result.date_start, result.date_end, result.event_date) == (
        date(2020, 10, 31), date(2020, 11, 1), date(2020, 10, 31))
    assert "previous sentence" in result.reason and "ends" in result.reason


def test_unrelated_neighbour_does_not_widen():
    text = ("Protesters marched in the capital on Saturday.\n"
            "In the meantime, the army on Sunday destroyed a supply column of the rebels.")
    result = resolve(text, "In the meantime")
    assert (result.date_start, result.date_end) == (date(2020, 11, 1), date(2020, 11, 1))


def test_only_a_statement_date():
    result = resolve("Rebels seized the hill, the ministry said on Monday.", "Rebels")
    assert (result.event_date, result.date_start, result.date_end, result.time_precision) == (
        MONDAY, date(2020, 11, 1), MONDAY, 1)
    assert "report" in result.reason


def test_as_reported_on_takes_the_report_date_at_week_precision():
    text = "As reported on 21 March 2020, three policemen were killed at a checkpoint."
    result = resolve(text, "As reported", published=None)
    assert (result.event_date, result.time_precision) == (date(2020, 3, 21), 2)
    assert result.date_start == date(2020, 3, 15)


def test_nearest_earlier_paragraph_with_a_date():
    text = ("Late on Saturday, rockets hit the airport.\n"
            "Officials said the runway was closed.\n"
            "Two aircraft were damaged in the attack.")
    result = resolve(text, "Two aircraft")
    assert result.event_date == date(2020, 10, 31)
    assert "nearest earlier sentence" in result.reason


def test_search_does_not_cross_a_heading():
    text = "Late on Saturday, rockets hit the airport.\nCivilian losses\nTwo houses were destroyed in the village."
    heading_start = text.index("Civilian losses")
    document = Document(id="t", text=text, published_at=MONDAY,
                        headings=(Span("Civilian losses", heading_start, heading_start + 15),))
    result = resolve_event_date(frame_at(text, "Two houses"), document)
    assert result.expression is None and result.event_date == MONDAY


def test_background_and_future_dates_never_date_a_current_event():
    text = ("The region has been contested since 1991, and a ceasefire was agreed in 1994. "
            "Talks will resume next week. Troops exchanged fire along the line.")
    for words in ("The region", "Troops"):
        result = resolve(text, words)
        assert result.event_date >= date(2020, 10, 31), words
        assert result.expression is None


def test_old_date_is_history_unless_the_event_is_historical():
    text = "Fresh clashes erupted on September 27, and since then the front has moved."
    current = resolve(text, "Fresh clashes")
    assert current.event_date == MONDAY and "background" in current.reason
    historical = resolve(text, "Fresh clashes", modality="historical")
    assert historical.event_date == date(2020, 9, 27)


def test_a_sentence_about_another_time_borrows_no_neighbour_date():
    text = "On Friday, a drone killed two civilians.\nTalks on grain exports will resume next week.\nRussia invaded on 24 February 2022."
    for words in ("Talks on grain", "Russia invaded"):
        result = resolve(text, words)
        assert result.expression is None and result.event_date == MONDAY, words
    # a year-level aside does not stop the search
    text = "On Saturday, fighting flared near the river. Rebels, who have fought there since 1991, shelled the bridge."
    assert resolve(text, "Rebels").event_date == date(2020, 10, 31)


def test_planned_event_takes_its_future_date():
    text = "A prisoner exchange will take place on Sunday."
    assert resolve(text, "A prisoner", modality="planned").event_date == date(2020, 11, 8)
    assert resolve(text, "A prisoner").expression is None


def test_publication_inferred_when_not_given():
    text = "Baku, 2 November 2020 /AA/ Troops shelled the town on Sunday."
    result = resolve(text, "Troops", published=None)
    assert result.event_date == date(2020, 11, 1)
    assert "dateline" in result.reason


def test_no_date_anywhere_gives_none():
    assert resolve("Troops shelled the town.", "Troops", published=None) is None


def test_new_year_boundary():
    result = resolve("Militants attacked a checkpoint on December 30.", "Militants", published=date(2021, 1, 3))
    assert result.event_date == date(2020, 12, 30)


def _seed_document() -> Document:
    """The seed as the clean stage leaves it: the photo caption kept apart, once."""
    raw = SEED.read_text(encoding="utf-8")
    caption = next(line for line in raw.splitlines() if line.endswith("November 2, 2020."))
    text = raw.replace(caption + "\nAA\n", "").replace(caption + "\n", "")
    return Document(id="seed", text=text, published_at=date(2020, 11, 2), captions=(caption,))


SEED_EVENTS = [
    ("In the meantime, Azerbaijan's army on Sunday destroyed", date(2020, 10, 31), date(2020, 11, 1), {date(2020, 10, 31), date(2020, 11, 1)}),
    ("The Azerbaijani Defence Ministry said the movement", date(2020, 10, 31), date(2020, 11, 1), {date(2020, 10, 31), date(2020, 11, 1)}),
    ("During the day on November 1 and night on November 2", date(2020, 11, 1), date(2020, 11, 2), {date(2020, 11, 1), date(2020, 11, 2)}),
    ("It said the clashes were mainly", date(2020, 11, 1), date(2020, 11, 2), {date(2020, 11, 1), date(2020, 11, 2)}),
    ("In a statement, the ministry said the Su-25", date(2020, 11, 1), date(2020, 11, 1), {date(2020, 11, 1)}),
    ("Azerbaijan shot down another Armenian Su-25", date(2020, 11, 1), date(2020, 11, 1), {date(2020, 11, 1)}),
    ("The Azerbaijani army has liberated eight more villages", date(2020, 11, 1), date(2020, 11, 2), {date(2020, 11, 1), date(2020, 11, 2)}),
    ('"Victorious Armed Forces of Azerbaijan', date(2020, 11, 1), date(2020, 11, 2), {date(2020, 11, 1), date(2020, 11, 2)}),
]


@pytest.mark.parametrize(("words", "start", "end", "accepted"), SEED_EVENTS, ids=[e[0][:30] for e in SEED_EVENTS])
def test_seed_events(words, start, end, accepted):
    if not SEED.exists():
        pytest.skip("the seed report is not in ../shared/seed")
    document = _seed_document()
    result = resolve_event_date(frame_at(document.text, words), document)
    assert (result.date_start, result.date_end) == (start, end)
    assert result.event_date in accepted
    assert result.time_precision == 1
    assert result.reason


def test_seed_no_current_event_before_31_october():
    if not SEED.exists():
        pytest.skip("the seed report is not in ../shared/seed")
    document = _seed_document()
    for line in document.text.splitlines():
        if len(line) < 40:
            continue
        result = resolve_event_date(frame_at(document.text, line[:40]), document)
        assert result.date_start >= date(2020, 10, 31), (line, result)


def test_seed_without_a_given_publication_date():
    if not SEED.exists():
        pytest.skip("the seed report is not in ../shared/seed")
    raw = SEED.read_text(encoding="utf-8")
    document = Document(id="seed", text=raw, published_at=None)
    result = resolve_event_date(frame_at(raw, "In the meantime, Azerbaijan's army"), document)
    assert (result.date_start, result.date_end) == (date(2020, 10, 31), date(2020, 11, 1))
    assert "caption+weekday" in result.reason


def test_a_timestamp_as_publication_date_is_read_as_its_day():
    from datetime import datetime

    document = Document(id="t", text="Rebels shelled the town on Sunday.", published_at=datetime(2020, 11, 2, 14, 35))
    result = resolve_event_date(frame_at(document.text, "Rebels"), document)
    assert result.event_date == date(2020, 11, 1)


CHRONICLE = (
    "Battle for the valley\n"
    "On 27 September 2020, government forces launched an offensive along the river.\n"
    "On 4 October, they entered the district centre. The next day, rebels shelled the bridge.\n"
    "On 9 October, the army took the heights. On 15 October, it reached the pass.\n"
    "Rebels retook two villages on 21 October. Fighting ended on 10 November.\n"
    "The article was last revised on 13 February 2022."
)


def test_a_chronicle_dates_its_events_by_its_old_days():
    document = Document(id="c", text=CHRONICLE, published_at=date(2022, 2, 13))
    cases = {"On 4 October": date(2020, 10, 4), "The next day": date(2020, 10, 5),
             "On 15 October": date(2020, 10, 15), "Rebels retook": date(2020, 10, 21)}
    for words, expected in cases.items():
        result = resolve_event_date(frame_at(CHRONICLE, words), document)
        assert result.event_date == expected, (words, result)
        assert "chronicle" in result.reason


def test_news_still_reads_a_lone_old_day_as_history():
    text = "Fresh clashes erupted on 27 September, the ministry said. Troops shelled the town on Sunday."
    result = resolve(text, "Fresh clashes")
    assert result.event_date == MONDAY and "background" in result.reason
