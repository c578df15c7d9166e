"""Score a set of full news articles against their gold files: a table per article and the totals.

Each gold file (``shared/data/news/dev/gold/*.json``) codes one article (``articles/<id>.jsonl``, read through
ingest with its ``published_at`` and ``source``), in the form of ``shared/gold/seed.json``. Totals:

* recall: matched gold events over all gold events (micro: every gold event weighs the same);
* mean precision: the mean over articles of (extracted events that match or are tolerated) / extracted,
  over the articles that emitted at least one event (how many emitted none is said beside it);
* per-field accuracy on the matched pairs: ``event_date``, ``actor1_country``, ``claimed_by`` (by
  ``claimed_by_contains``) and ``place`` (as ``matching.place_matches`` judges it);
* fatalities: gold events with a figure whose paired event carries it exactly, out of all gold events with a
  figure (an unmatched one counts as wrong); losses: gold loss items found, out of all;
* must-not violations: machine-checkable rules broken by at least one event (rules with no check are listed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwire.config import Settings
from frontwire.errors import GoldError
from frontwire.evaluate.article import ArticleScore, describe, score_article
from frontwire.evaluate.corpus import ArticleRun, run_articles
from frontwire.evaluate.gold import document_path, load_gold, short_ids
from frontwire.ingest import iter_raw_documents
from frontwire.records import Failure, RawDocument

NEWS_FIELDS = ("event_date", "actor1_country", "claimed_by", "place")
SHOWN_FIELDS = ("event_type", *NEWS_FIELDS, "fatalities")  # the wrong fields -v shows on a matched event


@dataclass(slots=True)
class NewsReport:
    scores: dict[str, float] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)  # the table and the totals
    details: list[str] = field(default_factory=list)  # per article: misses, wrong fields, spurious (verbose)


def evaluate_news(gold_paths: Sequence[Path], settings: Settings) -> NewsReport:
    """Run the pipeline over every gold file's article (in one batch) and score the set."""
    golds = [load_gold(p) for p in gold_paths]
    items: list[RawDocument | Failure] = []
    for path, gold in zip(gold_paths, golds, strict=True):
        found = list(iter_raw_documents([str(document_path(path, gold))], settings))
        if len(found) != 1:
            raise GoldError(f"{path}: its document holds {len(found)} articles; a gold file codes exactly one")
        items += found
    runs = run_articles(items, settings)
    return score_news(list(gold_paths), golds, runs)


def score_news(gold_paths: list[Path], golds: list[dict[str, Any]], runs: list[ArticleRun]) -> NewsReport:
    """The table, totals and details for articles already run (one ``ArticleRun`` per gold, in order)."""
    report = NewsReport()
    names = short_ids(gold_paths)
    scores = [score_article(g, run.events, run.set_aside) for g, run in zip(golds, runs, strict=True)]
    width = max(len("article"), *(len(n) for n in names))
    header = (f"{'article':<{width}}  gold  extr  match  spur  tol  aside  recall  precision  must-not")
    report.lines += [header, "-" * len(header)]
    for name, path, run, score in zip(names, gold_paths, runs, scores, strict=True):
        precision = "-" if score.precision is None else f"{score.precision:.2f}"
        report.lines.append(
            f"{name:<{width}}  {len(score.gold_events):4d}  {len(score.events):4d}  {len(score.matches):5d}  "
            f"{len(score.spurious):4d}  {len(score.tolerated):3d}  {len(score.set_aside):5d}  "
            f"{score.recall:6.2f}  {precision:>9}  {len(score.broken):8d}"
            + (f"  FAILED {run.failure}" if run.failure else ""))
        report.details.append(f"== {name} ({path.name})" + (f": FAILED {run.failure}" if run.failure else ""))
        report.details += [f"  {line}" for line in describe(score, SHOWN_FIELDS)]
    report.scores = news_scores(scores)
    report.lines += [""] + totals_lines(scores, report.scores)
    return report


def news_scores(scores: list[ArticleScore]) -> dict[str, float]:
    """The set's scores, by the names ``floors.json`` keeps for the ``news`` kind."""
    gold = sum(len(s.gold_events) for s in scores)
    matched = sum(len(s.matches) for s in scores)
    precisions = [p for s in scores if (p := s.precision) is not None]
    out = {"events.recall": matched / gold if gold else 1.0,
           "events.mean_precision": sum(precisions) / len(precisions) if precisions else 0.0}
    for name in NEWS_FIELDS:
        right, judged = _sum(s.field_counts(name) for s in scores)
        out[f"fields.{name}"] = right / judged if judged else 0.0
    right, carried = sum(sum(s.fatalities.values()) for s in scores), sum(len(s.fatalities) for s in scores)
    out["fatalities.exact"] = right / carried if carried else 1.0
    found = sum(len(s.losses_found) for s in scores)
    items = found + sum(len(s.losses_missing) for s in scores)
    out["losses.recall"] = found / items if items else 1.0
    out["must_not.violations"] = float(sum(len(s.broken) for s in scores))
    return out


def totals_lines(scores: list[ArticleScore], totals: dict[str, float]) -> list[str]:
    gold = sum(len(s.gold_events) for s in scores)
    matched = sum(len(s.matches) for s in scores)
    silent = sum(s.precision is None for s in scores)
    lines = [f"recall               {totals['events.recall']:.3f}  ({matched} of {gold} gold events matched)",
             f"mean precision       {totals['events.mean_precision']:.3f}  (over the {len(scores) - silent} "
             f"articles that emitted an event; {silent} emitted none)"]
    for name in NEWS_FIELDS:
        right, judged = _sum(s.field_counts(name) for s in scores)
        lines.append(f"{name:<20} {totals[f'fields.{name}']:.3f}  ({right} of {judged} matched events)")
    right, carried = sum(sum(s.fatalities.values()) for s in scores), sum(len(s.fatalities) for s in scores)
    lines.append(f"fatalities           {right} of {carried} gold events that carry a figure")
    found = sum(len(s.losses_found) for s in scores)
    items = found + sum(len(s.losses_missing) for s in scores)
    optional = sum(len(s.optional_losses_found) for s in scores)
    lines.append(f"losses               {found} of {items} gold loss items found"
                 + (f" (and {optional} optional ones)" if optional else ""))
    checked = sum(len(s.broken) for s in scores)
    unchecked = sum(len(s.unchecked_rules) for s in scores)
    lines.append(f"must-not violations  {checked} machine-checkable rules broken; {unchecked} rules have no check "
                 f"and are not machine-checked (-v lists them)")
    aside = sum(len(s.set_aside) for s in scores)
    if aside:
        lines.append(f"set aside            {aside} events reported as historical, planned or hypothetical "
                     f"(not scored)")
    return lines


def _sum(pairs: Any) -> tuple[int, int]:
    right = judged = 0
    for r, j in pairs:
        right, judged = right + r, judged + j
    return right, judged
