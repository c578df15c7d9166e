"""What the scale-input tests share: short reports of our own, and a real HTTP server on 127.0.0.1 that serves
feeds and pages, answers conditional GETs and logs every request."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

# Invented one-paragraph reports (none is taken from a real article); each codes to one event.
REPORTS = {
    "lahore": "Police fired tear gas at protesters in Lahore on Tuesday, officials said. Hundreds of shopkeepers "
              "had gathered outside the main courthouse to demand lower electricity prices.",
    "nakuru": "Farmers blocked a highway near Nakuru on Monday to protest against rising fuel costs, witnesses said. "
              "The demonstration ended peacefully in the evening.",
    "kandahar": "Gunmen attacked a police checkpoint in Kandahar on Wednesday, killing two officers, a provincial "
                "spokesman said.",
    "santiago": "Thousands of students marched through central Santiago on Friday demanding free university "
                "tuition, organisers said. The march passed without incident.",
    "tunis": "Protesters burned tyres on a main road in Tunis on Sunday to denounce the arrest of a union leader, "
             "police said.",
    "durban": "Dockworkers went on strike in Durban on Thursday over unpaid wages, a union spokeswoman said. "
              "Hundreds gathered at the harbour gates.",
}


def article_page(title: str, text: str, *, meta_date: str | None = None, charset: str = "utf-8") -> str:
    """A news page around ``text``: head, navigation, the article, a footer."""
    meta = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>{meta}</head><body>'
            '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f"<article><h1>{title}</h1><p>{text}</p></article>"
            "<footer>Copyright The Example Courier</footer></body></html>")


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering: a server that hangs


@dataclass
class Site:
    """The test server's content (``routes``, editable while it runs) and what was asked of it (``log``)."""

    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, int, str | None, str | None]] = field(default_factory=list)  # path, status, INM, IMS

    def url(self, path: str) -> str:
        return self.base + path

    def requests(self, path: str) -> list[tuple[int, str | None, str | None]]:
        return [(status, inm, ims) for p, status, inm, ims in self.log if p == path]


@pytest.fixture
def site():
    state = Site(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server spelling
            route = state.routes.get(self.path)
            if route is not None and route.delay:
                time.sleep(route.delay)
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            if route is None:
                status, body, headers = 404, b"<html><body>Not found</body></html>", {"Content-Type": "text/html"}
            elif (route.etag and inm == route.etag) or (route.last_modified and ims == route.last_modified):
                status, body, headers = 304, b"", {}
            else:
                status, body = route.status, route.body
                headers = {"Content-Type": route.content_type}
                if route.etag:
                    headers["ETag"] = route.etag
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
            state.log.append((self.path, status, inm, ims))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
