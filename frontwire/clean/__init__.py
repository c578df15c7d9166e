"""Raw scraped articles -> ``Document``: clean text, title, headings, captions, publication date, language.

``clean_raw`` never raises for a bad article: it returns a ``Document`` whose ``status`` says what is wrong
(``no_article``, ``unsupported_language``) and whose ``error`` says what to do, so the batch goes on.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime

from frontwire.clean.html import extract_page
from frontwire.clean.language import detect_language
from frontwire.clean.text import clean_text, normalise
from frontwire.dates import infer_published
from frontwire.errors import EmptyInput, MalformedInput, NoArticle
from frontwire.records import Document, RawDocument

SUPPORTED_LANGUAGES = ("en",)

__all__ = ["clean_raw", "content_hash", "feed_countries", "SUPPORTED_LANGUAGES"]


def content_hash(raw: RawDocument) -> str:
    """A hash of the article's content (not its metadata): the same article read twice gets the same key."""
    body = normalise(raw.text if raw.text is not None else raw.html or "")
    digest = hashlib.sha256()
    digest.update((raw.id or "").encode())
    digest.update(b"\0")
    digest.update(" ".join(body.split()).encode())
    return digest.hexdigest()


def clean_raw(raw: RawDocument) -> Document:
    """Clean one raw article into a ``Document`` (see the module docstring for how failures are reported)."""
    chash = content_hash(raw)
    doc_id = raw.id or f"doc-{chash[:16]}"
    base = Document(id=doc_id, text="", content_hash=chash, origin=raw.origin, source=raw.source, url=raw.url,
                    countries=feed_countries(raw.countries, raw.origin))
    page_date = None
    try:
        if raw.html is not None:
            page = extract_page(raw.html, raw.origin)
            cleaned = clean_text(page.text, title=raw.title or page.title, marked_headings=True)
            page_date = page.date
            base = replace(base, url=raw.url or page.url)
        else:
            cleaned = clean_text(raw.text or "", title=raw.title)
    except NoArticle as exc:
        return replace(base, status="no_article", error=str(exc))
    if not cleaned.text.strip():
        empty = EmptyInput(f"{raw.origin}: nothing is left once page debris is removed",
                           hint="check that the input holds an article")
        return replace(base, title=cleaned.title, status="no_article", error=str(empty),
                       removed=tuple(cleaned.removed))

    published, how = _publication_date(raw, page_date, cleaned.text, cleaned.captions)
    language = (raw.language or "").split("-")[0].lower() or detect_language(cleaned.text) or "en"
    status, error = "ok", None
    if language not in SUPPORTED_LANGUAGES:
        status = "unsupported_language"
        error = (f"{raw.origin}: the article is in language '{language}'; frontwire codes English only. "
                 "It was stored but not coded; translate it to English to code it")
    return replace(
        base,
        text=cleaned.text,
        title=cleaned.title,
        published_at=published,
        published_at_source=how,
        language=language,
        headings=cleaned.headings,
        captions=cleaned.captions,
        removed=tuple(cleaned.removed),
        status=status,
        error=error,
    )


def _publication_date(raw: RawDocument, page_date: str | None, text: str, captions: tuple[str, ...]
                      ) -> tuple[date | None, str | None]:
    if raw.published_at:
        return parse_iso_date(raw.published_at, raw.origin), "given"
    if page_date:
        return parse_iso_date(page_date, raw.origin), "html metadata"
    found = infer_published(text, captions=captions)
    if found is None:
        return None, None
    return found


def feed_countries(values: tuple[str, ...], origin: str) -> tuple[str, ...]:
    """The feed's countries as frontwire spells them ("am" -> "Armenia"); an unknown one is a ``MalformedInput``."""
    if not values:
        return ()
    from frontwire.geo.gazetteer import canonical_country

    out: list[str] = []
    for value in values:
        name = canonical_country(value)
        if name is None:
            raise MalformedInput(f"{origin}: {value!r} is not a country frontwire knows",
                                 hint="give a country name or its two-letter ISO code, e.g. 'Armenia' or 'AM'")
        if name not in out:
            out.append(name)
    return tuple(out)


def parse_iso_date(value: str, origin: str) -> date:
    """Parse an ISO 8601 date or datetime; a bad value is a ``MalformedInput`` naming the input."""
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError as exc:
            raise MalformedInput(f"{origin}: published_at {value!r} is not an ISO 8601 date",
                                 hint="write it as YYYY-MM-DD") from exc
