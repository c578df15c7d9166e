"""``frontwire watch``: RSS and Atom feeds served by a real HTTP server on 127.0.0.1, coded into a real store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from xml.sax.saxutils import escape

import pytest

from frontwire.cli.main import main
from frontwire.cli.watch import FeedWatcher
from frontwire.config import Settings
from frontwire.ingest.fetch import Fetched, UrlFetcher
from frontwire.store import open_store

from .conftest import REPORTS, Route, Site, article_page

FEED_MODIFIED = "Sat, 09 Mar 2024 06:00:00 GMT"


def rss(site: Site, items: list[dict[str, str]]) -> bytes:
    """An RSS 2.0 channel; each item's keys: guid, link, title, date, description (any may be left out)."""
    parts = []
    for item in items:
        fields = [f"<title>{escape(item.get('title', 'Report'))}</title>"]
        if "guid" in item:
            fields.append(f'<guid isPermaLink="false">{escape(item["guid"])}</guid>')
        if "link" in item:
            link = item["link"]
            fields.append(f"<link>{escape(site.url(link) if link.startswith('/') else link)}</link>")
        if "date" in item:
            fields.append(f"<pubDate>{item['date']}</pubDate>")
        if "description" in item:
            fields.append(f"<description>{escape(item['description'])}</description>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>The Example Courier</title>'
            f'<link>{site.url("/")}</link><description>World news</description>{"".join(parts)}'
            "</channel></rss>").encode()


def atom(site: Site, entries: list[dict[str, str]]) -> bytes:
    parts = []
    for entry in entries:
        summary = f"<summary type=\"html\">{escape(entry['summary'])}</summary>" if "summary" in entry else ""
        parts.append(f"<entry><id>{entry['id']}</id><title>{entry.get('title', 'Report')}</title>"
                     f"<link rel=\"alternate\" href=\"{site.url(entry['link'])}\"/>"
                     f"<updated>{entry['updated']}</updated>{summary}</entry>")
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>Southern Wire</title><id>urn:example:southern</id><updated>2024-03-09T06:00:00Z</updated>'
            f'{"".join(parts)}</feed>').encode()


def page(key: str) -> Route:
    return Route(article_page(f"Report from {key.title()}", REPORTS[key]).encode())


RSS_ITEMS = [
    # 01:30 in Pakistan on 6 March is still 5 March in UTC: the feed's own day is the one kept
    {"guid": "urn:courier:lahore", "link": "/news/lahore.html", "title": "Tear gas in Lahore",
     "date": "Wed, 06 Mar 2024 01:30:00 +0500", "description": "Police and protesters in Lahore."},
    {"guid": "urn:courier:nakuru", "link": "/news/nakuru.html", "title": "Farmers block a highway",
     "date": "Tue, 05 Mar 2024 09:00:00 +0300"},
    # the page is gone (404): the feed's own text of the entry is coded instead
    {"guid": "urn:courier:kandahar", "link": "/news/kandahar.html", "title": "Checkpoint attacked",
     "date": "Thu, 07 Mar 2024 10:00:00 +0430", "description": f"<p>{REPORTS['kandahar']}</p>"},
]
ATOM_ENTRIES = [
    {"id": "tag:southern.example,2024:santiago", "link": "/south/santiago", "updated": "2024-03-09T00:10:00-03:00",
     "summary": "Students march in Santiago."},
]


@pytest.fixture
def feeds(site: Site) -> tuple[str, str]:
    """A Courier RSS feed (ETag) and a Southern Wire Atom feed (Last-Modified), with their pages."""
    site.routes["/feeds/world.rss"] = Route(rss(site, RSS_ITEMS), "application/rss+xml", etag='"world-1"')
    site.routes["/feeds/south.atom"] = Route(atom(site, ATOM_ENTRIES), "application/atom+xml; charset=utf-8",
                                             last_modified=FEED_MODIFIED)
    site.routes["/news/lahore.html"] = page("lahore")
    site.routes["/news/nakuru.html"] = page("nakuru")
    site.routes["/south/santiago"] = page("santiago")
    return site.url("/feeds/world.rss"), site.url("/feeds/south.atom")


def stored(url: str) -> tuple[dict[str, int], dict[str, str | None], list[str]]:
    """The store's counts, each document's publication date by URL, and every claim id."""
    with open_store(url) as store:
        dates = {d.url or "": d.published_at.isoformat() if d.published_at else None for d in store.iter_documents()}
        return store.counts(), dates, sorted(c.claim_id for c in store.iter_claims(all_versions=True))


def test_watch_once_stores_each_new_entry_and_a_second_run_stores_nothing_new(store_url, site, feeds, capsys):
    rss_url, atom_url = feeds
    assert main(["watch", rss_url, atom_url, "--db", store_url, "--once"]) == 0
    err = capsys.readouterr().err

    counts, dates, claims = stored(store_url)
    assert counts["documents"] == 4 and counts["failures"] == 0
    assert dates == {site.url("/news/lahore.html"): "2024-03-06", site.url("/news/nakuru.html"): "2024-03-05",
                     site.url("/news/kandahar.html"): "2024-03-07", site.url("/south/santiago"): "2024-03-09"}
    with open_store(store_url) as store:
        located = {(c.location, c.reported_by) for c in store.iter_claims()}
    assert {("Lahore", "The Example Courier"), ("Nakuru", "The Example Courier"),
            ("Kandahar", "The Example Courier"), ("Santiago", "Southern Wire")} <= located
    assert f"{site.url('/news/kandahar.html')}: HTTP 404" in err and "coded the feed's own text" in err
    assert "2 feed(s) polled: 4 document(s) stored" in err

    # the second run: both feeds answer 304 to the validators the first run kept, and no page is fetched again
    site.log.clear()
    assert main(["watch", rss_url, atom_url, "--db", store_url, "--once"]) == 0
    assert "0 document(s) stored with 0 claim(s)" in capsys.readouterr().err
    assert site.log == [("/feeds/world.rss", 304, '"world-1"', None), ("/feeds/south.atom", 304, None, FEED_MODIFIED)]
    assert stored(store_url) == (counts, dates, claims)

    # the feed changes: only its new entry is fetched and stored
    site.log.clear()
    site.routes["/feeds/world.rss"] = Route(rss(site, [{"guid": "urn:courier:tunis", "link": "/news/tunis.html",
                                                        "date": "Mon, 04 Mar 2024 08:00:00 +0100"}] + RSS_ITEMS),
                                            "application/rss+xml", etag='"world-2"')
    site.routes["/news/tunis.html"] = page("tunis")
    assert main(["watch", rss_url, atom_url, "--db", store_url, "--once"]) == 0
    assert [path for path, *_ in site.log] == ["/feeds/world.rss", "/news/tunis.html", "/feeds/south.atom"]
    counts_after, dates_after, claims_after = stored(store_url)
    assert counts_after["documents"] == 5 and set(claims) < set(claims_after)
    assert dates_after[site.url("/news/tunis.html")] == "2024-03-04"


def test_an_entry_without_a_page_or_feed_text_is_a_failure_and_is_not_tried_again(tmp_path, site, capsys):
    db = str(tmp_path / "store.db")
    site.routes["/feeds/world.rss"] = Route(rss(site, [
        {"guid": "urn:courier:gone", "link": "/news/gone.html"},
        {"guid": "urn:courier:lahore", "link": "/news/lahore.html"},
        # an http feed may not send frontwire to read local files: the feed's text is coded instead
        {"guid": "urn:courier:sneaky", "link": "file:///etc/hostname", "description": REPORTS["durban"]},
    ]), "application/rss+xml", etag='"world-1"')
    site.routes["/news/lahore.html"] = page("lahore")

    assert main(["watch", site.url("/feeds/world.rss"), "--db", db, "--once"]) == 1
    err = capsys.readouterr().err
    assert f"{site.url('/news/gone.html')}: HTTP 404 Not Found; check the address" in err
    assert "/etc/hostname: a link frontwire does not follow from this feed" in err
    with open_store(db) as store:
        assert [(f.origin, f.stage) for f in store.failures()] == [(site.url("/news/gone.html"), "ingest")]
        texts = {d.text for d in store.iter_documents()}
        assert len(texts) == 2 and REPORTS["durban"] in texts  # the feed's text, not the file's
        assert {c.location for c in store.iter_claims()} >= {"Lahore", "Durban"}
        assert store.seen_entries(site.url("/feeds/world.rss")) == {"urn:courier:gone", "urn:courier:lahore",
                                                                    "urn:courier:sneaky"}

    site.log.clear()
    assert main(["watch", site.url("/feeds/world.rss"), "--db", db, "--once"]) == 0
    assert site.log == [("/feeds/world.rss", 304, '"world-1"', None)]


def test_a_page_that_fails_for_now_is_fetched_again_at_the_next_poll(tmp_path, site, capsys):
    db = str(tmp_path / "store.db")
    site.routes["/feeds/world.rss"] = Route(rss(site, [{"guid": "urn:courier:nakuru", "link": "/news/nakuru.html"}]),
                                            "application/rss+xml", etag='"world-1"')
    site.routes["/news/nakuru.html"] = Route(b"<html><body>Busy</body></html>", status=503)

    assert main(["watch", site.url("/feeds/world.rss"), "--db", db, "--once"]) == 1
    assert "HTTP 503" in capsys.readouterr().err
    with open_store(db) as store:
        assert store.counts()["documents"] == 0 and store.failures() == []
        assert store.feed_validators(site.url("/feeds/world.rss")) == (None, None)  # no 304 may hide the entry

    site.routes["/news/nakuru.html"] = page("nakuru")
    site.log.clear()
    assert main(["watch", site.url("/feeds/world.rss"), "--db", db, "--once"]) == 0
    assert site.log == [("/feeds/world.rss", 200, None, None), ("/news/nakuru.html", 200, None, None)]
    with open_store(db) as store:
        assert [d.url for d in store.iter_documents()] == [site.url("/news/nakuru.html")]
        assert store.feed_validators(site.url("/feeds/world.rss")) == ('"world-1"', None)


def test_a_page_that_does_not_answer_in_time_is_one_line_and_the_rest_goes_on(tmp_path, site, capsys):
    db = str(tmp_path / "store.db")
    site.routes["/feeds/world.rss"] = Route(rss(site, [{"guid": "slow", "link": "/news/slow.html"},
                                                       {"guid": "nakuru", "link": "/news/nakuru.html"}]),
                                            "application/rss+xml")
    site.routes["/news/slow.html"] = Route(page("lahore").body, delay=3)
    site.routes["/news/nakuru.html"] = page("nakuru")
    started = time.monotonic()
    assert main(["watch", site.url("/feeds/world.rss"), "--db", db, "--once", "--timeout", "0.5"]) == 1
    assert time.monotonic() - started < 30
    err = capsys.readouterr().err
    assert f"{site.url('/news/slow.html')}: cannot be fetched (timed out)" in err
    with open_store(db) as store:
        assert [d.url for d in store.iter_documents()] == [site.url("/news/nakuru.html")]
        assert store.seen_entries(site.url("/feeds/world.rss")) == {"nakuru"}  # the slow one is tried again


class KilledAtSecondPage:
    """The network as UrlFetcher sees it, until the process is killed while fetching the second page."""

    def __init__(self) -> None:
        self.inner = UrlFetcher(timeout=10)
        self.pages = 0

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        if "/feeds/" not in url:
            self.pages += 1
            if self.pages == 2:
                raise KeyboardInterrupt
        return self.inner.fetch(url, etag=etag, last_modified=last_modified)


def test_a_run_killed_midway_resumes_without_losing_or_duplicating_an_entry(store_url, tmp_path, site, feeds):
    rss_url, atom_url = feeds
    settings = Settings(db=store_url, progress=False)
    with pytest.raises(KeyboardInterrupt):
        FeedWatcher(settings, fetcher=KilledAtSecondPage()).poll([rss_url, atom_url])
    counts, _, _ = stored(store_url)
    assert counts["documents"] == 1  # the first entry, complete
    with open_store(store_url) as store:
        assert store.seen_entries(rss_url) == {"urn:courier:lahore"}
        assert store.feed_validators(rss_url) == (None, None)

    assert main(["watch", rss_url, atom_url, "--db", store_url, "--once"]) == 0
    assert len(site.requests("/news/lahore.html")) == 1  # done before the kill, not fetched again

    whole = str(tmp_path / "whole.db")  # the same feeds in one uninterrupted run
    assert main(["watch", rss_url, atom_url, "--db", whole, "--once"]) == 0
    resumed, uninterrupted = stored(store_url), stored(whole)
    assert resumed == uninterrupted
    assert resumed[0]["documents"] == 4 and len(resumed[2]) >= 4


def test_a_feed_in_a_local_file_is_read_by_path_or_file_url(tmp_path, site, capsys):
    site.routes["/news/santiago.html"] = page("santiago")
    local_page = tmp_path / "nakuru.html"
    local_page.write_text(article_page("Farmers block a highway", REPORTS["nakuru"]), encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss(site, [
        {"guid": "a", "link": "/news/santiago.html", "date": "Sat, 09 Mar 2024 01:00:00 -0300"},
        {"guid": "b", "link": local_page.as_uri(), "date": "Tue, 05 Mar 2024 09:00:00 +0300"},
    ]))
    db = str(tmp_path / "store.db")

    assert main(["watch", str(feed), "--db", db, "--once"]) == 0
    with open_store(db) as store:
        assert {d.url for d in store.iter_documents()} == {site.url("/news/santiago.html"), local_page.as_uri()}
        assert {c.location for c in store.iter_claims()} >= {"Santiago", "Nakuru"}
    capsys.readouterr()
    assert main(["watch", feed.as_uri(), "--db", db, "--once"]) == 0  # the same feed, named by its URL
    assert "0 document(s) stored" in capsys.readouterr().err
    assert len(site.requests("/news/santiago.html")) == 1


def test_a_url_that_is_not_a_feed_gives_one_clear_line_and_the_other_feeds_go_on(tmp_path, site, capsys):
    site.routes["/index.html"] = page("lahore")
    site.routes["/feeds/south.atom"] = Route(atom(site, ATOM_ENTRIES), "application/atom+xml")
    site.routes["/south/santiago"] = page("santiago")
    db = str(tmp_path / "store.db")
    assert main(["watch", site.url("/index.html"), site.url("/nothing.rss"), site.url("/feeds/south.atom"),
                 "--db", db, "--once"]) == 1
    err = capsys.readouterr().err
    assert f"{site.url('/index.html')}: not a readable RSS or Atom feed" in err
    assert f"{site.url('/nothing.rss')}: HTTP 404" in err
    assert "3 feed(s) polled: 1 document(s) stored" in err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_watch_loop_stops_cleanly_on_sigterm_and_sigint(tmp_path, signum):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss(Site(base="http://127.0.0.1:9"), [{"guid": "a", "description": REPORTS["tunis"],
                                                             "date": "Mon, 04 Mar 2024 08:00:00 +0100"}]))
    db = tmp_path / "store.db"
    process = subprocess.Popen([sys.executable, "-m", "frontwire", "watch", str(feed), "--db", str(db),
                                "--interval", "3600"], stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert process.stderr is not None
        deadline = time.monotonic() + 120
        lines = []
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            lines.append(line)
            if "feed(s) polled" in line or not line:
                break
        assert "1 feed(s) polled: 1 document(s) stored" in "".join(lines)
        process.send_signal(signum)  # while it waits for the next poll
        rest = process.stderr.read()
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert "stopped; every entry stored so far is complete" in rest
    with open_store(str(db)) as store:
        assert store.counts()["documents"] == 1
