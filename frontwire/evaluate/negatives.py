"""Count the events coded from articles where an expert codes none (sport, business, science, travel...).

``shared/data/news/dev/negatives.jsonl.gz`` holds such articles. Every current event frontwire codes from them
is a false alarm; the report gives the total, the events per article (the figure ``floors.json`` caps for the
``negatives`` kind) and every offending article with its events, so a developer sees which words set them off.
Events reported as historical, planned or hypothetical are counted apart, as the news scorer does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frontwire.config import Settings
from frontwire.evaluate.corpus import ArticleRun, events_per_article, evidence_of, place_of, run_files


@dataclass(slots=True)
class NegativesReport:
    scores: dict[str, float] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)


def evaluate_negatives(paths: Sequence[Path], settings: Settings) -> NegativesReport:
    """Run the pipeline over every article in ``paths`` (JSONL, ``.jsonl.gz``, folders) and count its events."""
    return score_negatives(run_files(paths, settings))


def score_negatives(runs: list[ArticleRun]) -> NegativesReport:
    """The counts and the offending articles for articles already run."""
    report = NegativesReport()
    events = sum(len(r.events) for r in runs)
    aside = sum(len(r.set_aside) for r in runs)
    offending = [r for r in runs if r.events]
    failed = [r for r in runs if r.failure]
    report.scores = {"articles": float(len(runs)), "events": float(events),
                     "events_per_article": events / len(runs) if runs else 0.0,
                     "articles_with_events": float(len(offending))}
    report.lines.append(f"{len(runs)} articles where nothing should be coded: {events} events in all, "
                        f"{report.scores['events_per_article']:.3f} per article, from {len(offending)} articles")
    report.lines.append(f"events per article: {events_per_article(runs)}")
    if aside:
        report.lines.append(f"{aside} more reported as historical, planned or hypothetical (not counted)")
    if failed:
        report.lines.append(f"{len(failed)} articles came out with no document (no_article, language, ...): "
                            + ", ".join(f"{r.article_id} ({r.failure})" for r in failed[:5])
                            + (" ..." if len(failed) > 5 else ""))
    for run in offending:
        report.lines.append(f"- {run.article_id}: {len(run.events)} event{'s' if len(run.events) > 1 else ''}")
        for e in run.events:
            report.lines.append(f"    {e.get('sub_event_type')} at {place_of(e)}: {evidence_of(e, 100)!r}")
    return report
