"""Read what frontwire codes from articles with no gold, as an expert would: a random draw of events to check.

No score can be computed without gold, but a person can read a sample of events against their articles and
say how many are right (the issue's 40 events drawn from ``shared/data/news/dev/unlabeled.jsonl.gz``). The
draw is seeded, so the same file, code and seed give the same events to read, and a second reader can check
the first. Events reported as historical, planned or hypothetical are counted apart and not drawn.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwire.config import Settings
from frontwire.evaluate.corpus import ArticleRun, events_per_article, place_of, run_files


@dataclass(slots=True)
class UnlabeledReport:
    scores: dict[str, float] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    drawn: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (article id, event)


def evaluate_unlabeled(paths: Sequence[Path], settings: Settings, *, sample: int = 40, seed: int = 0
                       ) -> UnlabeledReport:
    """Run the pipeline over ``paths`` and draw ``sample`` of its current events with ``seed``."""
    return read_unlabeled(run_files(paths, settings), sample=sample, seed=seed)


def read_unlabeled(runs: list[ArticleRun], *, sample: int = 40, seed: int = 0) -> UnlabeledReport:
    """Events per article and a seeded draw of events, for articles already run."""
    report = UnlabeledReport()
    pool = [(r.article_id, e) for r in runs for e in r.events]
    aside = sum(len(r.set_aside) for r in runs)
    report.scores = {"articles": float(len(runs)), "events": float(len(pool)),
                     "events_per_article": len(pool) / len(runs) if runs else 0.0}
    report.lines.append(f"{len(runs)} articles: {len(pool)} events, {report.scores['events_per_article']:.2f} "
                        f"per article" + (f" ({aside} more set aside as historical, planned or hypothetical)"
                                          if aside else ""))
    report.lines.append(f"events per article: {events_per_article(runs)}")
    picks = random.Random(seed).sample(range(len(pool)), min(sample, len(pool)))
    report.drawn = [pool[i] for i in picks]
    report.lines.append(f"{len(picks)} events drawn at random (seed {seed}) to read against their articles:")
    for n, (article_id, e) in enumerate(report.drawn, start=1):
        report.lines += event_card(n, article_id, e)
    return report


def event_card(n: int, article_id: str, e: dict[str, Any]) -> list[str]:
    """One drawn event as a reader checks it: what, who, where, when, by whose word, and the evidence."""
    actors = " / ".join(str(a) for a in (e.get("actor1"), e.get("actor2")) if a) or "no actor"
    evidence = " ".join(str((e.get("evidence") or [{}])[0].get("text", "")).split())
    return [f"[{n}] {article_id}: {e.get('sub_event_type')} ({e.get('event_type')})",
            f"    actors: {actors}; place: {place_of(e)} (precision {e.get('geo_precision')}); "
            f"date: {e.get('event_date')}; claimed by: {e.get('claimed_by')}; fatalities: {e.get('fatalities')}",
            f"    evidence: {evidence[:400]}"]
