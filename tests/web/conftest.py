"""The page's test rig: a store holding the bundled examples, the real app on uvicorn on loopback, and Debian's
Chromium driven through Playwright.

Chromium is the system package (``apt-get install chromium``, which ``.ci/run`` does), never a browser that
``playwright install`` downloads; without ``/usr/bin/chromium`` the browser tests skip and say so. The app runs
in a thread of the test process on a socket bound to 127.0.0.1, so every request the page makes can be checked
to stay on this machine.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from frontwire.config import DATA_DIR, Settings

CHROMIUM = Path("/usr/bin/chromium")
# No background traffic of the browser's own (updates, sync, safe browsing), no GPU in a container, no QUIC.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
WRITE_TOKEN = "web-test-token"
VIEWPORT = {"width": 1440, "height": 900}


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store with the bundled example articles ingested: what ``frontwire ingest --examples`` makes."""
    from frontwire.cli.ingest import ingest

    path = tmp_path_factory.mktemp("web-store") / "examples.db"
    summary = ingest([str(DATA_DIR / "examples")], Settings(db=str(path), progress=False))
    assert summary.stored and not summary.failed, summary
    return path


class LiveServer:
    """``frontwire.api.create_app`` on uvicorn in a background thread, on a free port of 127.0.0.1."""

    def __init__(self, settings: Settings) -> None:
        import uvicorn

        from frontwire.api import create_app

        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = (settings.api_tokens or "").split(",")[0].strip() or None
        config = uvicorn.Config(create_app(settings), log_level="warning", lifespan="on")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True,
                                        name=f"frontwire-web-test-{self.port}")

    def __enter__(self) -> LiveServer:
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the app did not start on uvicorn")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=15)
        self._socket.close()


@pytest.fixture(scope="session")
def server(examples_db: Path) -> Iterator[LiveServer]:
    """The app over the example store, read-only (no token configured), shared by the tests that only read."""
    with LiveServer(Settings(db=str(examples_db), progress=False)) as live:
        yield live


@pytest.fixture
def writable_server(examples_db: Path, tmp_path: Path) -> Iterator[LiveServer]:
    """The app over a private copy of the example store that accepts writes with ``WRITE_TOKEN``."""
    path = tmp_path / "writable.db"
    shutil.copyfile(examples_db, path)
    with LiveServer(Settings(db=str(path), api_tokens=WRITE_TOKEN, progress=False)) as live:
        yield live


@pytest.fixture
def empty_server(tmp_path: Path) -> Iterator[LiveServer]:
    """The app over a new, empty store."""
    with LiveServer(Settings(db=str(tmp_path / "empty.db"), progress=False)) as live:
        yield live


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("the page tests need Debian's Chromium at /usr/bin/chromium: apt-get install chromium "
                    "(.ci/run installs it; never `playwright install`)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[dev]' for Playwright")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Browsed:
    """A page and what it did: every URL it requested, and every script error and failed request."""

    page: Any  # playwright.sync_api.Page, imported only when Chromium is there
    base_url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str = "/") -> None:
        """Load the page and wait until its first query has answered and the country outlines are drawn."""
        page = self.page
        page.goto(self.base_url + path)
        page.wait_for_selector("body[data-state=ready]", timeout=20_000)
        page.wait_for_selector("body[data-basemap=ready]", timeout=20_000)

    def assert_clean(self) -> None:
        """Nothing left 127.0.0.1, no script error, no failed request."""
        hosts = {urlsplit(url).hostname for url in self.requests if not url.startswith("data:")}
        assert hosts == {"127.0.0.1"}, f"the page requested {sorted(self.requests)}"
        assert not self.errors, self.errors


def _browse(browser, base_url: str) -> Iterator[Browsed]:
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1, accept_downloads=True)
    page = context.new_page()
    browsed = Browsed(page=page, base_url=base_url)
    page.on("request", lambda request: browsed.requests.append(request.url))
    page.on("pageerror", lambda error: browsed.errors.append(f"script error: {error}"))
    page.on("requestfailed", lambda request: browsed.errors.append(f"failed: {request.url} {request.failure}"))
    page.on("console", lambda message: message.type == "error" and browsed.errors.append(f"console: {message.text}"))
    try:
        yield browsed
    finally:
        context.close()


@pytest.fixture
def browsed(browser, server: LiveServer) -> Iterator[Browsed]:
    yield from _browse(browser, server.url)


@pytest.fixture
def browsed_empty(browser, empty_server: LiveServer) -> Iterator[Browsed]:
    yield from _browse(browser, empty_server.url)


@pytest.fixture
def browsed_writable(browser, writable_server: LiveServer) -> Iterator[Browsed]:
    yield from _browse(browser, writable_server.url)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the run leaves its screenshots (git-ignored); the README's one is copied to docs/ on request."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
