"""infer_published: the publication date a reader takes from a dateline, a caption, a date line or weekdays."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from frontwire.dates import infer_published

TODAY = date(2026, 11, 25)
SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "000_d54e5245f36c7340.txt"


@pytest.mark.parametrize(("text", "captions", "expected"), [
    ("KABUL, March 3, 2020 (Reuters) - Taliban fighters attacked two checkpoints overnight.", (),
     (date(2020, 3, 3), "dateline")),
    ("Baku, 2 November 2020 /AA/ The army took three more villages, the president said.", (),
     (date(2020, 11, 2), "dateline")),
    ("YEREVAN, Nov. 2 (Reuters) - Shelling resumed near Stepanakert, officials said on Monday. "
     "A truce agreed on 26 October 2020 collapsed within hours.", (),
     (date(2020, 11, 2), "dateline")),
    ("Soldiers held the pass.\n\nThe ministry said on Monday that the pass was held.",
     ("Soldiers at the pass, a photo released by the Defence Ministry. November 2, 2020.",),
     (date(2020, 11, 2), "caption+weekday")),
    ("Soldiers held the pass, the ministry said.",
     ("Soldiers at the pass, a photo released by the Defence Ministry. November 3, 2020.",),
     (date(2020, 11, 3), "caption")),
    ("Troops regrouped near the river.\nA soldier cleans his rifle near the front line. 14 March 2021.\n"
     "The ministry said on Sunday that the river line held.", (),
     (date(2021, 3, 14), "caption+weekday")),
    ("Ceasefire breaks down\nPublished: 02.11.2020 14:35\nArmenian forces shelled the town.", (),
     (date(2020, 11, 2), "text date")),
    ("Border clash\n2021-06-05T09:12\nGuards exchanged fire at the border post.", (),
     (date(2021, 6, 5), "text date")),
    ("Border posts shelled\nBy Anna Petrosyan | November 2, 2020\nShells fell on two villages overnight.", (),
     (date(2020, 11, 2), "text date")),
    ("Border posts shelled\nMonday, 2 November 2020\nShells fell on two villages overnight.", (),
     (date(2020, 11, 2), "text date")),
    ("BAKU, Azerbaijan, Nov. 2 (Xinhua) -- Shells fell on two villages overnight, the ministry said. "
     "The truce of 26 October 2020 did not hold.", (), (date(2020, 11, 2), "dateline")),
    ("Yerevan, November 2, 2020 / ARKA / Shells fell on two villages overnight.", (),
     (date(2020, 11, 2), "dateline")),
    ("Yerevan, 2 November, /ARMENPRESS/. Shells fell on two villages. A truce of 26 October 2020 failed.", (),
     (date(2020, 11, 2), "dateline")),
    ("November 2, 2020 — Shells fell on two villages overnight.", (), (date(2020, 11, 2), "dateline")),
    ("Shelling resumes\nUpdated 1435 GMT (2235 HKT) November 2, 2020\nShells fell on two villages.", (),
     (date(2020, 11, 2), "text date")),
    ("Shelling resumes\n11:35, 02.11.2020\nShells fell on two villages.", (), (date(2020, 11, 2), "text date")),
    ("The convoy was first seen on October 31, 2020. The ministry said on Monday that it was destroyed.", (),
     (date(2020, 11, 2), "weekday")),
    ("Night trains run again 20th December 2011 08:23 AM ROURKELA: The first train arrived on Monday evening, "
     "officials said. Another leaves on Tuesday.", (), (date(2011, 12, 20), "text date")),
    ("Rockets hit the depot on October 31, 2020, and again on Sunday, the ministry said on Monday.", (),
     (date(2020, 11, 2), "weekday")),
    ("On 21 March 2020, three policemen were killed at a checkpoint in the district.", (),
     (date(2020, 3, 21), "text date")),
])
def test_infer_published(text, captions, expected):
    assert infer_published(text, captions=captions, today=TODAY) == expected


def test_no_date_at_all_gives_none():
    assert infer_published("Fighting continued along the front, the ministry said.", today=TODAY) is None


def test_dateline_without_year_takes_the_year_of_the_text():
    text = "KABUL, March 3 (Reuters) - Militants struck two posts. A deal was signed on 29 February 2020."
    assert infer_published(text, today=TODAY) == (date(2020, 3, 3), "dateline")


def test_planned_dates_do_not_count_as_written_dates():
    text = "Talks will resume on 10 January 2021. Shelling went on, the ministry said on Monday."
    assert infer_published(text, today=TODAY) is None


def test_seed_publication_date_is_the_caption_date_confirmed_by_monday():
    if not SEED.exists():
        pytest.skip("the seed report is not in ../shared/seed")
    text = SEED.read_text(encoding="utf-8")
    assert infer_published(text, today=TODAY) == (date(2020, 11, 2), "caption+weekday")


def test_infer_published_is_fast():
    text = ("Armenian forces shelled the town on Sunday, the ministry said on Monday. " * 400
            + "\nSoldiers at a post. November 2, 2020.")
    began = time.perf_counter()
    for _ in range(20):
        infer_published(text, today=TODAY)
    assert (time.perf_counter() - began) / 20 < 0.05
