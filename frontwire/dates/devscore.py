"""Score event dating against ACLED's coders on the development notes.

Each ACLED row's ``notes`` is a short report and ``event_date`` the coder's date. The note becomes a
``Document`` and its first sentence the event's anchor; ``resolve_event_date`` must give the coder's date.

Two readings, both printed:

* ``none``: no publication date, as the brief asks (``published_at=None``; the resolver infers one from
  the text where it can). Most Armenia notes write no year ("On 21 September, ..."), which no reader can
  recover from the note alone: where the resolver says it assumed the year, the day and month are
  compared; everywhere else the full date.
* ``near``: the note published on the coder's date or up to two days after (cycling 0, 1, 2), as a news
  report would be: the full date is compared, so year inference across a new year is exercised.

Usage: ``python -m frontwire.dates.devscore [--data DIR] [--show N]``
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from frontwire.dates.resolve import resolve_event_date
from frontwire.dates.segments import sentences
from frontwire.records import Document, EventFrame, Span

FILES = ("acled_arm_2018-2019.csv", "acled_afghanistan_2020-03_dkoban.csv")
DEFAULT_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "gold" / "acled"


@dataclass(frozen=True, slots=True)
class Score:
    file: str
    mode: str
    total: int
    correct: int
    misses: list[tuple[str, str, str, str]]  # id, gold, got, note
    day_month_only: int  # rows judged on day and month alone (year assumed)
    precision_agrees: int  # rows whose time_precision equals the coder's

    @property
    def rate(self) -> float:
        return self.correct / self.total if self.total else 0.0


def gold_date(value: str) -> date:
    """ACLED writes 2019-12-31 in one export and "21 March 2020" in another."""
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable ACLED date {value!r}")


def rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def first_sentence_frame(text: str) -> EventFrame:
    found = sentences(text)
    start, end = (found[0].start, found[0].end) if found else (0, len(text))
    return EventFrame(event_type="", sub_event_type="", disorder_type="", anchor=Span(text[start:end], start, end))


def score_file(path: Path, mode: str, today: date) -> Score:
    total = correct = day_month_only = precision_agrees = 0
    misses: list[tuple[str, str, str, str]] = []
    for index, row in enumerate(rows(path)):
        text = row["notes"]
        gold = gold_date(row["event_date"])
        published = None if mode == "none" else gold + timedelta(days=index % 3)
        document = Document(id=row.get("event_id_cnty") or str(index), text=text, published_at=published)
        result = resolve_event_date(first_sentence_frame(text), document, today=today)
        got = result.event_date if result else None
        # Where the resolver says it assumed the year (no year in the note, no publication date), only
        # the day and month can be judged; a year it claims to know is judged with the rest.
        year_assumed = result is not None and "year is assumed" in (result.reason or "")
        if mode == "none" and year_assumed:
            ok = got is not None and (got.month, got.day) == (gold.month, gold.day)
        else:
            ok = got == gold
        total += 1
        correct += ok
        day_month_only += mode == "none" and year_assumed
        precision_agrees += result is not None and str(result.time_precision) == row.get("time_precision", "").strip()
        if not ok:
            misses.append((document.id, gold.isoformat(), got.isoformat() if got else "None",
                           ((result.reason or "") if result else "") + " || " + text[:160]))
    return Score(path.name, mode, total, correct, misses, day_month_only, precision_agrees)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding the ACLED csv files")
    parser.add_argument("--show", type=int, default=10, help="misses to print per file and mode")
    args = parser.parse_args(argv)
    today = date.today()
    overall_total = overall_correct = 0
    for mode in ("none", "near"):
        for name in FILES:
            path = args.data / name
            if not path.exists():
                print(f"skipped {path}: not found", file=sys.stderr)
                continue
            began = time.perf_counter()
            score = score_file(path, mode, today)
            took = time.perf_counter() - began
            overall_total += score.total
            overall_correct += score.correct
            print(f"{mode:5s} {name:40s} {score.correct:5d}/{score.total:<5d} = {score.rate:.4f}  "
                  f"({1000 * took / max(score.total, 1):.2f} ms/note; {score.day_month_only} judged on day and month; "
                  f"precision agrees {score.precision_agrees}/{score.total})")
            for miss in score.misses[:args.show]:
                print("    miss", *miss, sep=" | ")
    if overall_total:
        print(f"all   {overall_correct}/{overall_total} = {overall_correct / overall_total:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
