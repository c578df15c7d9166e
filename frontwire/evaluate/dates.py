"""Score event dating (the dates stage alone) against ACLED's coders: ``python -m frontwire.evaluate.dates``.

Each ACLED row's ``notes`` is a short report and ``event_date`` the coder's date. The note becomes a
``Document`` and its first sentence the event's anchor; ``resolve_event_date`` must give the coder's date.

Two readings, both printed:

* ``none``: no publication date, as the brief asks (``published_at=None``; the resolver infers one from
  the text where it can). Most Armenia notes write no year ("On 21 September, ..."), which no reader can
  recover from the note alone: where the resolver says it assumed the year, the day and month are
  compared; everywhere else the full date.
* ``near``: the note published on the coder's date or up to two days after (``acled.publication_date``, the
  same date the whole-pipeline ACLED score gives the note), as a news report would be: the full date is
  compared, so year inference across a new year is exercised.

The floors are the ``dates`` kind of ``floors.json`` (``<file stem>.none``, ``<file stem>.near``).
Usage: ``python -m frontwire.evaluate.dates [CSV...] [--show N]``
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from frontwire.dates.resolve import resolve_event_date
from frontwire.dates.segments import sentences
from frontwire.evaluate.acled import ACLED_DIR, acled_files, publication_date, read_acled
from frontwire.records import Document, EventFrame, Span

MODES = ("none", "near")


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


def first_sentence_frame(text: str) -> EventFrame:
    found = sentences(text)
    start, end = (found[0].start, found[0].end) if found else (0, len(text))
    return EventFrame(event_type="", sub_event_type="", disorder_type="", anchor=Span(text[start:end], start, end))


def score_file(path: Path, mode: str, today: date) -> Score:
    """Date every dated row of ``path`` in ``mode`` (``none`` or ``near``) and count agreement with the coder."""
    total = correct = day_month_only = precision_agrees = 0
    misses: list[tuple[str, str, str, str]] = []
    for row in read_acled(path):
        gold = row.event_date
        if gold is None:
            continue
        published = None if mode == "none" else date.fromisoformat(publication_date(row) or gold.isoformat())
        document = Document(id=row.row_id, text=row.notes, published_at=published)
        result = resolve_event_date(first_sentence_frame(row.notes), document, today=today)
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
        precision_agrees += result is not None and result.time_precision == row.time_precision
        if not ok:
            misses.append((document.id, gold.isoformat(), got.isoformat() if got else "None",
                           ((result.reason or "") if result else "") + " || " + row.notes[:160]))
    return Score(path.name, mode, total, correct, misses, day_month_only, precision_agrees)


def gate_scores(scores: list[Score]) -> dict[str, float]:
    """Each file and mode's rate by the names the ``dates`` floors use."""
    return {f"{Path(s.file).stem}.{s.mode}": s.rate for s in scores}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score frontwire's event dating on ACLED notes")
    parser.add_argument("paths", nargs="*", type=Path, help=f"ACLED CSV exports (default: {ACLED_DIR})")
    parser.add_argument("--show", type=int, default=10, help="misses to print per file and mode")
    args = parser.parse_args(argv)
    paths = acled_files(args.paths)
    if not paths:
        print(f"no ACLED files under {ACLED_DIR}", file=sys.stderr)
        return 1
    today = date.today()
    overall_total = overall_correct = 0
    for mode in MODES:
        for path in paths:
            began = time.perf_counter()
            score = score_file(path, mode, today)
            took = time.perf_counter() - began
            overall_total += score.total
            overall_correct += score.correct
            print(f"{mode:5s} {path.name:40s} {score.correct:5d}/{score.total:<5d} = {score.rate:.4f}  "
                  f"({1000 * took / max(score.total, 1):.2f} ms/note; {score.day_month_only} judged on day and month; "
                  f"precision agrees {score.precision_agrees}/{score.total})")
            for miss in score.misses[:args.show]:
                print("    miss", *miss, sep=" | ")
    if overall_total:
        print(f"all   {overall_correct}/{overall_total} = {overall_correct / overall_total:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
