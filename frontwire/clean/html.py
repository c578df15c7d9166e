"""HTML page -> article text with its headings marked, title and metadata date (trafilatura, comments off)."""

from __future__ import annotations

from dataclasses import dataclass

from frontwire.errors import MissingDependency, NoArticle

_MIN_ARTICLE_CHARS = 80


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    text: str  # markdown-ish: "## Heading" lines mark headings
    title: str | None
    date: str | None  # ISO date from the page's metadata, if any
    url: str | None


def extract_page(html: str, origin: str) -> ExtractedPage:
    """Extract the main article of ``html``; raise ``NoArticle`` when the page holds none."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - core dependency
        raise MissingDependency("trafilatura", "core") from exc
    result = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_formatting=True,
        include_tables=False,
        with_metadata=True,
        favor_precision=False,
    )
    text = (getattr(result, "text", None) if result is not None else None) or ""
    if result is None or len(text.strip()) < _MIN_ARTICLE_CHARS:
        raise NoArticle(f"{origin}: no article text found in this HTML page",
                        hint="check that the page is an article and not an index, login or error page")
    # bare_extraction returns a trafilatura Document (or a dict with as_dict=True): read it by attribute
    return ExtractedPage(text=text, title=getattr(result, "title", None) or None,
                         date=getattr(result, "date", None) or None, url=getattr(result, "url", None) or None)
