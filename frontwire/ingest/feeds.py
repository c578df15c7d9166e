"""RSS and Atom feeds -> their entries, and each entry -> a ``RawDocument`` to code.

``parse_feed`` reads a feed's bytes (feedparser: RSS 0.9x/1.0/2.0, Atom 0.3/1.0) into a ``Feed`` of ``FeedEntry``
records. ``entry_document`` turns one entry into an article: its page, fetched over HTTP, or, when the page
cannot be fetched or is not HTML, the entry's own text from the feed (its content, else its summary). Which
entries are new, and storing them, is ``frontwire watch``'s business (``frontwire.cli.watch``).
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from frontwire.errors import FetchFailed, InputError, MalformedInput, MissingDependency
from frontwire.ingest.decode import decode_http_body, media_type
from frontwire.ingest.fetch import Fetcher
from frontwire.records import RawDocument

log = logging.getLogger("frontwire.ingest")

PAGE_HTML_TYPES = {"text/html", "application/xhtml+xml"}
PAGE_TEXT_TYPES = {"text/plain"}


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed, as much of it as frontwire reads."""

    key: str  # what names it within its feed: its id (RSS guid), else its link, else a hash of its title and text
    link: str | None
    title: str | None
    published: str | None  # ISO 8601, in the offset the feed gave
    text: str | None  # the feed's own text of it (content, else summary), as plain text


@dataclass(frozen=True, slots=True)
class Feed:
    url: str
    title: str | None
    entries: tuple[FeedEntry, ...]


@dataclass(frozen=True, slots=True)
class EntryInput:
    """What to code for one entry, and what went wrong getting its page. ``raw`` is None when there is nothing
    to code: the page failed and the feed has no text of the entry."""

    raw: RawDocument | None
    problem: FetchFailed | None = None


def feed_location(value: str) -> str:
    """A feed named on the command line as the URL frontwire fetches: a local path becomes a ``file://`` URL."""
    if urlsplit(value).scheme.lower() in ("http", "https", "file"):
        return value
    return Path(value).expanduser().resolve().as_uri()


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> Feed:
    """Read an RSS or Atom document; raise ``MalformedInput`` when ``body`` is not a feed."""
    try:
        import feedparser
    except ImportError as exc:  # pragma: no cover - core dependency
        raise MissingDependency("feedparser", "core") from exc
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    # a stream, never a string: feedparser fetches a string that looks like a URL itself
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = parsed.get("bozo_exception") or "no RSS or Atom elements in it"
        raise MalformedInput(f"{url}: not a readable RSS or Atom feed ({str(reason).strip() or 'empty'})",
                             hint="check the address: it should be the feed itself, not the site's home page")
    entries = tuple(_entry(item, url) for item in parsed.entries)
    return Feed(url=url, title=_clean(parsed.feed.get("title")), entries=entries)


def entry_document(entry: FeedEntry, feed: Feed, fetcher: Fetcher, *, source: str | None = None,
                   countries: tuple[str, ...] = ()) -> EntryInput:
    """The article to code for ``entry``: its page, else the feed's text of it (see the module docstring).

    The entry's own date is the article's publication date and ``source`` (else the feed's title) its outlet.
    A feed fetched over the network may only point at web pages: a ``file://`` link is followed only in a feed
    that is itself a local file.
    """
    outlet = source or feed.title
    problem: FetchFailed | None = None
    if entry.link:
        try:
            raw = _page(entry, feed, fetcher, outlet, countries)
            if raw is not None:
                return EntryInput(raw)
            problem = FetchFailed(f"{entry.link}: not an HTML page", hint="frontwire codes web pages and text")
        except FetchFailed as exc:
            problem = exc
        except InputError as exc:  # the page is binary, empty or undecodable
            problem = FetchFailed(exc.message, hint=exc.hint)
    if entry.text:
        raw = RawDocument(id=None, text=entry.text, url=entry.link, title=entry.title, source=outlet,
                          published_at=entry.published, origin=f"{feed.url}#{entry.key}", countries=countries)
        return EntryInput(raw, problem)
    if problem is None:
        problem = FetchFailed(f"{feed.url}: the entry {entry.key!r} has neither a link nor any text",
                              hint="nothing to code; it is skipped from now on")
    return EntryInput(None, problem)


def _page(entry: FeedEntry, feed: Feed, fetcher: Fetcher, outlet: str | None, countries: tuple[str, ...]
          ) -> RawDocument | None:
    assert entry.link is not None
    scheme = urlsplit(entry.link).scheme.lower()
    local_feed = urlsplit(feed.url).scheme.lower() == "file"
    if scheme not in ("http", "https") and not (scheme == "file" and local_feed):
        raise FetchFailed(f"{entry.link}: a link frontwire does not follow from this feed",
                          hint="entries should link to http:// or https:// pages")
    fetched = fetcher.fetch(entry.link)
    kind, _ = media_type(fetched.content_type)
    origin = fetched.url
    if not kind:  # a local file, or a server that does not say: look at it
        head = fetched.body[:1000].lstrip().lower()
        kind = "text/html" if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head else "text/plain"
    if kind not in PAGE_HTML_TYPES and kind not in PAGE_TEXT_TYPES:
        return None
    text, warning = decode_http_body(fetched.body, fetched.content_type, origin)
    if warning:
        log.warning(warning)
    html = kind in PAGE_HTML_TYPES
    return RawDocument(id=None, html=text if html else None, text=None if html else text, url=fetched.url,
                       title=entry.title, source=outlet, published_at=entry.published, origin=origin,
                       countries=countries)


def _entry(item: Any, feed_url: str) -> FeedEntry:
    link = _clean(item.get("link"))
    if link and link.lower().startswith("file://") and not link.lower().startswith("file:///"):
        link = "file:///" + link[len("file://"):]  # feedparser turns file:///tmp/a into file://tmp/a
    if link:
        link = urljoin(feed_url, link)
    title = _clean(item.get("title"))
    text = _entry_text(item)
    key = _clean(item.get("id")) or link
    if not key:
        key = "sha256:" + hashlib.sha256(f"{title}\0{text}".encode()).hexdigest()
    return FeedEntry(key=key, link=link, title=title, published=_published(item), text=text)


def _entry_text(item: Any) -> str | None:
    """The longest of the entry's content blocks, else its summary, as plain text."""
    blocks = [(c.get("value") or "", c.get("type") or "") for c in item.get("content") or ()]
    if item.get("summary"):
        detail = item.get("summary_detail") or {}
        blocks.append((item["summary"], detail.get("type") or "text/html"))
    best = ""
    for value, kind in blocks:
        text = value if kind == "text/plain" else html_to_text(value)
        if len(text) > len(best):
            best = text
    return best or None


def _published(item: Any) -> str | None:
    """The entry's date as ISO 8601 in the offset the feed gives: the day its readers saw (the UTC form that
    feedparser also gives puts a story of early morning in Asia on the day before)."""
    for field in ("published", "updated"):
        value = (item.get(field) or "").strip()
        if not value:
            continue
        try:
            return parsedate_to_datetime(value).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
        parsed = item.get(f"{field}_parsed")
        if parsed:
            year, month, day, hour, minute, second = parsed[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
    return None


class _TextOfHtml(HTMLParser):
    BLOCKS = {"p", "br", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
              "section", "article", "figcaption", "table", "hr"}
    SKIP = {"script", "style"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """An HTML fragment (a feed's summary) as plain text: one paragraph a line, tags and scripts gone."""
    parser = _TextOfHtml()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
