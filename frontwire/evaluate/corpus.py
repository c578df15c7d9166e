"""Run the pipeline over articles for the scorers: per article its document, its events and why it failed.

Articles are read through the normal ingest path (``iter_raw_documents``: plain text, HTML, JSONL and
``.jsonl.gz``), so an article is scored with the publication date and outlet a user's feed would give it.

An event's ``modality`` says whether the article reports it as happening now: events reported as background
(``historical``), or as planned or possible, are what a careful reader keeps apart, and the issue's design
allows extraction to keep background that way. Scorers therefore score the current events (``asserted``, and
``denied``: a denial still reports the disputed event) and list the others as set aside.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwire.config import Settings
from frontwire.errors import GoldError
from frontwire.ingest import iter_raw_documents
from frontwire.pipeline import Pipeline
from frontwire.records import Failure, RawDocument

NOT_CURRENT = frozenset({"historical", "planned", "hypothetical"})


@dataclass(slots=True)
class ArticleRun:
    """What the pipeline made of one article: its current events and those set aside, as dicts (SCHEMA.md)."""

    article_id: str
    origin: str
    events: list[dict[str, Any]] = field(default_factory=list)
    set_aside: list[dict[str, Any]] = field(default_factory=list)
    failure: str | None = None
    document: Any = None  # the cleaned Document, where there is one


def is_current(event: dict[str, Any]) -> bool:
    return event.get("modality") not in NOT_CURRENT


def run_articles(items: Iterable[RawDocument | Failure], settings: Settings, *, classifier: Any = None
                 ) -> list[ArticleRun]:
    """One ``ArticleRun`` per item, in order; an article that fails is kept with its reason and no events."""
    items = list(items)
    runs: list[ArticleRun] = []
    for n, (item, result) in enumerate(zip(items, Pipeline(settings, classifier=classifier).run(items),
                                           strict=True), start=1):
        article_id = result.document.id if result.document is not None else _id_of(item) or f"#{n}"
        run = ArticleRun(article_id=article_id, origin=item.origin, document=result.document)
        if result.failure is not None:
            run.failure = f"{result.failure.stage}: {result.failure.reason}"
        events = [c.to_dict() for c in result.claims]
        run.events = [e for e in events if is_current(e)]
        run.set_aside = [e for e in events if not is_current(e)]
        runs.append(run)
    return runs


def _id_of(item: RawDocument | Failure) -> str | None:
    return item.doc_id if isinstance(item, Failure) else item.id


def evidence_of(event: dict[str, Any], width: int = 110) -> str:
    """The event's first evidence sentence on one line, shortened to ``width`` characters."""
    text = " ".join(str((event.get("evidence") or [{}])[0].get("text", "")).split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def place_of(event: dict[str, Any]) -> str:
    """Where an event is, as a table shows it: location (admin1, country)."""
    within = ", ".join(str(v) for v in (event.get("admin1"), event.get("country")) if v)
    return f"{event.get('location') or '?'}" + (f" ({within})" if within else "")


def run_files(paths: Iterable[Path], settings: Settings) -> list[ArticleRun]:
    """Every article in ``paths`` (files or folders, as ``frontwire extract`` reads them), run through the
    pipeline. A path that does not exist is an error here: a scorer must not report on nothing."""
    paths = list(paths)
    for path in paths:
        if not path.exists():
            raise GoldError(f"{path}: no such file or folder", hint="check the path")
    return run_articles(iter_raw_documents([str(p) for p in paths], settings), settings)


def events_per_article(runs: list[ArticleRun]) -> str:
    """How many articles emitted 0, 1, 2 and 3 or more events, on one line."""
    counts = Counter(min(len(r.events), 3) for r in runs)
    return ", ".join(f"{counts[n]} with {label}" for n, label in ((0, "none"), (1, "one"), (2, "two"),
                                                                    (3, "three or more")))
