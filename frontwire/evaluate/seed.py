"""Score one document against one gold file in the form of ``shared/gold/seed.json``, field by field.

The founding report's score: its cleaning (title, publication date, page debris, caption copies, headings) and
its events as ``article.score_article`` judges them (SCHEMA.md, "How correctness is judged"), as ratios the
``seed`` floors hold at 1.0. The document is run as a plain file with no metadata, as a user would give it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwire.config import Settings
from frontwire.errors import GoldError
from frontwire.evaluate.article import ArticleScore, describe, score_article
from frontwire.evaluate.corpus import is_current
from frontwire.evaluate.gold import document_path, load_gold
from frontwire.ingest import iter_raw_documents
from frontwire.pipeline import Pipeline
from frontwire.records import Claim, Document

FIELDS = ("event_type", "event_date", "actor1_country", "actor2_country", "claimed_by", "place", "coordinates",
          "admin1")


@dataclass(slots=True)
class SeedReport:
    scores: dict[str, float] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)


def evaluate_seed(gold_path: Path, settings: Settings) -> SeedReport:
    """Run the pipeline on the gold's document (as a plain file, no metadata given) and score it."""
    gold = load_gold(gold_path)
    text_path = document_path(gold_path, gold)
    results = list(Pipeline(settings).run(iter_raw_documents([str(text_path)], settings)))
    if not results or results[0].document is None:
        reason = results[0].failure.reason if results and results[0].failure else "nothing came out"
        raise GoldError(f"{text_path}: the pipeline failed on the gold document: {reason}")
    return score_document(gold, results[0].document, results[0].claims)


def score_document(gold: dict[str, Any], document: Document, claims: list[Claim]) -> SeedReport:
    report = SeedReport()
    _score_cleaning(gold["document"], document, report)
    events = [c.to_dict() for c in claims]
    score = score_article(gold, [e for e in events if is_current(e)], [e for e in events if not is_current(e)])
    report.scores.update(seed_scores(score))
    report.lines += describe(score, FIELDS)
    return report


def seed_scores(score: ArticleScore) -> dict[str, float]:
    """The event scores of one article as ratios: recall, precision, F1, each field, losses, must-not."""
    recall, precision = score.recall, score.precision or 0.0
    scores = {"events.recall": recall, "events.precision": precision,
              "events.f1": 2 * recall * precision / (recall + precision) if recall + precision else 0.0}
    for name in FIELDS:
        right, judged = score.field_counts(name)
        scores[f"fields.{name}"] = right / judged if judged else 0.0
    items = len(score.losses_found) + len(score.losses_missing)
    scores["losses.recall"] = len(score.losses_found) / items if items else 1.0
    scores["must_not.clean"] = float(not score.broken)
    return scores


# -- the document ---------------------------------------------------------------------------------------------
def _score_cleaning(gdoc: dict[str, Any], document: Document, report: SeedReport) -> None:
    s = report.scores
    s["document.title"] = float((document.title or "").strip() == gdoc.get("title", "").strip())
    s["document.published_at"] = float(
        document.published_at is not None and document.published_at.isoformat() == gdoc.get("published_at"))
    debris = gdoc.get("boilerplate_to_remove", [])
    survived = [item for item in debris if re.search(r"(?m)^\s*" + re.escape(item) + r"\s*", document.text)
                and (len(item) > 3 or re.search(r"(?m)^\s*" + re.escape(item) + r"\s*$", document.text))]
    s["document.boilerplate_removed"] = 1 - len(survived) / len(debris) if debris else 1.0
    caption = gdoc.get("caption")
    if caption:
        s["document.caption_once"] = float(document.text.count(caption["text"]) <= caption.get("max_copies_in_text", 1))
    headings = gdoc.get("section_headings", [])
    marked = {h.text.strip() for h in document.headings}
    s["document.headings_marked"] = sum(h in marked for h in headings) / len(headings) if headings else 1.0
    report.lines.append(f"document: title={document.title!r} published_at={document.published_at} "
                        f"({document.published_at_source}); boilerplate left: {survived or 'none'}")
