"""WARC archives (``*.warc``, ``*.warc.gz``) -> one ``RawDocument`` per archived HTML or plain-text page.

Web crawls are how news archives ship. Each ``response`` record whose HTTP body is HTML or plain text (status 2xx)
becomes an article: its URL is the record's WARC-Target-URI, its text is decoded with the charset of the HTTP
``Content-Type`` (``decode_http_body``), and its publication date is the page's own metadata date when the HTML
has one, as ``frontwire.clean`` reads it, else the record's WARC-Date. Every other record (warcinfo, requests,
metadata, revisits, images, DNS, redirects and error pages) is skipped without a word.

The archive is read record by record and each body at most ``max_input_bytes`` at a time: a crawl of many
gigabytes never sits in memory. An archive that ends early or is corrupt gives one ``Failure`` that says so, after
the articles of the records read before the fault.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from frontwire.config import Settings
from frontwire.errors import EmptyInput, InputError, InputTooLarge, MalformedInput, MissingDependency
from frontwire.ingest.decode import decode_http_body, media_type
from frontwire.records import Failure, RawDocument

log = logging.getLogger("frontwire.ingest")

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}
_GZIP_MAGIC = b"\x1f\x8b"
_DRAIN_BYTES = 1 << 16


class _Damaged(Exception):
    """The archive ends inside a record, or holds something that is not a WARC record."""


def iter_warc(path: Path, settings: Settings, *, source: str | None = None) -> Iterator[RawDocument | Failure]:
    """Yield the articles of the WARC archive at ``path`` in archive order, then a ``Failure`` if it is cut short
    or corrupt. Each article's ``origin`` is ``PATH#N``, N counting every record of the archive from 1.

    ``source`` names the outlet, as for ``.html`` files; a record always has a date, so ``--published`` is not
    needed (nor used).
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
        from warcio.statusandheaders import StatusAndHeadersParserException
    except ImportError as exc:  # pragma: no cover - core dependency
        raise MissingDependency("warcio", "core") from exc
    origin = str(path)
    if path.stat().st_size == 0:
        yield _failure(EmptyInput(f"{origin}: the WARC archive is empty", hint="check the crawl that wrote it"),
                       origin)
        return
    complete = 0
    with path.open("rb") as handle:
        gzipped = handle.read(2) == _GZIP_MAGIC
        handle.seek(0)
        archive = ArchiveIterator(_GzipMembers(handle) if gzipped else handle)
        try:
            for number, record in enumerate(archive, start=1):
                item = _article(record, f"{origin}#{number}", settings, source)
                _read_to_end(record)  # before the article is given out: a cut-off record is not an article
                complete = number
                if item is not None:
                    yield item
            # warcio ends quietly where a record is cut off in its headers; its offset then stops short of the end
            if not gzipped and archive.offset < path.stat().st_size:
                raise _Damaged("the archive ends inside a record's headers")
        # warcio's parser meets a damaged archive with its own errors and with plain ones (a record cut off in its
        # headers lacks the URI it calls .startswith on): all of them mean the same to the reader
        except (_Damaged, ArchiveLoadFailed, StatusAndHeadersParserException, OSError, EOFError, zlib.error,
                ValueError, AttributeError, TypeError, IndexError, KeyError) as exc:
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            yield _failure(MalformedInput(
                f"{origin}: the WARC archive is cut short or corrupt after {complete} complete record(s) ({detail})",
                hint="the articles before that point were read; copy or download the archive again "
                     "(`warcio check` names the damaged records)"), origin)


class _GzipMembers:
    """A ``.warc.gz`` uncompressed for warcio, which then reads plain WARC.

    warcio would uncompress it itself, but it takes a gzip member cut off at the end of the file for a short record
    and ends quietly; ``gzip`` raises ``EOFError`` there, which is turned into ``_Damaged`` (warcio reads an
    ``EOFError`` as the archive's normal end). ``read1`` stops at the end of a member, so the fault of a later
    member surfaces only once the records before it are read.
    """

    def __init__(self, handle: IO[bytes]) -> None:
        self._gzip = gzip.GzipFile(fileobj=handle, mode="rb")

    def read(self, size: int = -1) -> bytes:
        try:
            return self._gzip.read1(size)
        except EOFError as exc:
            raise _Damaged(f"the gzip stream ends early: {exc}") from exc


def _article(record: Any, where: str, settings: Settings, source: str | None) -> RawDocument | Failure | None:
    if record.format != "warc":  # warcio reads any line of five words as the header of an old ARC record
        raise _Damaged("not a WARC record")
    length = record.rec_headers.get_header("Content-Length") or ""
    if not length.strip().isdigit():
        raise _Damaged(f"a record with Content-Length {length!r}: the archive ends inside its headers or is damaged")
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if not record.http_headers.get_statuscode().startswith("2"):
        return None
    content_type = record.http_headers.get_header("Content-Type")
    kind, _ = media_type(content_type)
    if kind not in HTML_TYPES and kind not in TEXT_TYPES:
        return None
    body = record.content_stream().read(settings.max_input_bytes + 1)
    if len(body) > settings.max_input_bytes:
        return _failure(InputTooLarge(f"{where}: the page is over the limit of {settings.max_input_bytes:,} bytes",
                                      hint="raise the limit with --max-bytes or FRONTWIRE_MAX_INPUT_BYTES"), where)
    try:
        text, warning = decode_http_body(body, content_type, where)
    except InputError as exc:
        return _failure(exc, where)
    if warning:
        log.warning(warning)
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = record.rec_headers.get_header("WARC-Date")
    if kind in TEXT_TYPES:
        return RawDocument(id=None, text=text, url=url, source=source, published_at=crawled, origin=where)
    published = None if page_metadata_date(text) else crawled
    return RawDocument(id=None, html=text, url=url, source=source, published_at=published, origin=where)


def page_metadata_date(html: str) -> str | None:
    """The date ``frontwire.clean`` will find in the page's metadata, or None: trafilatura's metadata reader with
    the date options of the ``bare_extraction`` that ``extract_page`` runs (without the costlier text extraction).
    The page keeps its own date that way, and the crawl's date only stands in where it has none."""
    try:
        from trafilatura.metadata import extract_metadata
        from trafilatura.settings import set_date_params
    except ImportError as exc:  # pragma: no cover - core dependency
        raise MissingDependency("trafilatura", "core") from exc
    try:
        return extract_metadata(html, None, set_date_params(True)).date or None
    except Exception:  # noqa: BLE001 - a page trafilatura cannot read has no date for it either
        return None


def _read_to_end(record: Any) -> None:
    """Read what is left of the record; raise ``_Damaged`` when the archive ends before its Content-Length."""
    stream = record.raw_stream
    while stream.read(_DRAIN_BYTES):
        pass
    if getattr(stream, "limit", 0) > 0:  # warcio's LimitReader: the bytes the record promised and never gave
        raise _Damaged(f"the last record lacks {stream.limit:,} of its bytes")


def _failure(exc: InputError, origin: str) -> Failure:
    return Failure(origin=origin, stage=exc.stage, reason=str(exc))
