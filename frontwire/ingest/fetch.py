"""Fetching feeds and article pages: one GET with a timeout, a size limit and conditional requests.

``UrlFetcher`` is the one place ``frontwire watch`` talks to the network (the standard library's urllib: frontwire
has no HTTP client among its dependencies). Anything with its ``fetch`` method can stand in for it, so a caller or
a test can route, slow down or break the traffic without patching.

A GET either returns a ``Fetched`` (status 200, or 304 when the copy named by ``etag``/``last_modified`` is still
current) or raises ``FetchFailed``, whose ``retryable`` says whether trying again later can help (a timeout, a
refused connection, a 5xx) or not (a 404, a page over the size limit).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from frontwire import __version__
from frontwire.errors import FetchFailed

USER_AGENT = f"frontwire/{__version__} (feed reader)"
RETRYABLE_STATUS = {408, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True, slots=True)
class Fetched:
    """What one GET returned: the final URL (after redirects), the status, the body and the headers frontwire
    reads."""

    url: str
    status: int  # 200, or 304: the copy the caller holds is current (and ``body`` is empty)
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class Fetcher(Protocol):
    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched: ...


class UrlFetcher:
    """GET over http(s) with urllib; ``file://`` URLs are read from disk (a feed kept as a local file)."""

    def __init__(self, *, timeout: float = 30.0, max_bytes: int = 20_000_000) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "file":
            return self._read_file(url, etag)
        if scheme not in ("http", "https"):
            raise FetchFailed(f"{url}: frontwire fetches only http://, https:// and file:// URLs",
                              hint="give the feed's web address or a local path")
        headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - scheme checked
                body = response.read(self.max_bytes + 1)
                final, status, got = response.geturl(), response.status, response.headers
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Fetched(url=url, status=304, etag=etag, last_modified=last_modified)
            retryable = exc.code in RETRYABLE_STATUS
            raise FetchFailed(f"{url}: HTTP {exc.code} {exc.reason}",
                              hint="it is tried again at the next poll" if retryable else
                              "check the address; the server says it cannot give it",
                              retryable=retryable) from exc
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FetchFailed(f"{url}: cannot be fetched ({reason})",
                              hint="check the address and the network; it is tried again at the next poll",
                              retryable=True) from exc
        except OSError as exc:  # a connection cut mid-body, a TLS failure
            raise FetchFailed(f"{url}: the download broke off ({exc})", hint="it is tried again at the next poll",
                              retryable=True) from exc
        if len(body) > self.max_bytes:
            raise FetchFailed(f"{url}: over the limit of {self.max_bytes:,} bytes",
                              hint="raise the limit with --max-bytes or FRONTWIRE_MAX_INPUT_BYTES")
        return Fetched(url=final, status=status, body=body, content_type=got.get("Content-Type"),
                       etag=got.get("ETag"), last_modified=got.get("Last-Modified"))

    def _read_file(self, url: str, etag: str | None) -> Fetched:
        path = Path(unquote(urlsplit(url).path))
        try:
            stat = path.stat()
            # a file's own validator: its modification time to the nanosecond and its size
            stamp = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
            if etag == stamp:
                return Fetched(url=url, status=304, etag=stamp)  # unchanged since the last poll
            if stat.st_size > self.max_bytes:
                raise FetchFailed(f"{path}: over the limit of {self.max_bytes:,} bytes",
                                  hint="raise the limit with --max-bytes or FRONTWIRE_MAX_INPUT_BYTES")
            body = path.read_bytes()
        except FileNotFoundError as exc:
            raise FetchFailed(f"{path}: no such file", hint="check the path") from exc
        except IsADirectoryError as exc:
            raise FetchFailed(f"{path}: a folder, not a feed file", hint="give the feed file itself") from exc
        except PermissionError as exc:
            raise FetchFailed(f"{path}: cannot be read ({exc.strerror})", hint="check its permissions") from exc
        return Fetched(url=url, status=200, body=body, etag=stamp)
