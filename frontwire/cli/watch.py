"""``frontwire watch``: poll RSS/Atom feeds and code each new article into the store, as ``frontwire ingest`` would.

The store remembers, per feed, every entry it has coded (its id, else its link) and the feed's ETag and
Last-Modified, sent back as a conditional GET. Each entry is stored with its document in one transaction, and the
feed's validators only once all its entries are done: a second run stores nothing new, and a run killed midway
takes up where it stopped, without losing an entry or storing one twice.
"""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from frontwire.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, add_db_option, input_countries, say
from frontwire.cli.ingest import IngestSummary
from frontwire.config import Settings
from frontwire.errors import InputError
from frontwire.ingest.feeds import Feed, FeedEntry, entry_document, feed_location, parse_feed
from frontwire.ingest.fetch import Fetcher, UrlFetcher
from frontwire.pipeline import Pipeline
from frontwire.records import Failure
from frontwire.store import Store, open_store
from frontwire.store.events import refresh_events

log = logging.getLogger("frontwire.watch")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "watch", help="poll RSS/Atom feeds and code each new article into the store",
        description="Poll each feed, fetch each new entry's article page (the feed's own text of it when the page "
                    "cannot be fetched), code it as 'frontwire ingest' does and store it. The store remembers "
                    "what it has seen: a second run stores nothing new, and an interrupted run resumes where it "
                    "stopped. Without --once it polls every --interval seconds until Ctrl-C.")
    parser.add_argument("feeds", nargs="+", metavar="URL",
                        help="a feed's http:// or https:// URL, a file:// URL or a local path")
    add_db_option(parser)
    parser.add_argument("--interval", type=float, default=900.0, metavar="SECONDS",
                        help="seconds between polls (default 900)")
    parser.add_argument("--once", action="store_true", help="poll each feed once and exit (for cron and tests)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="give up on a feed or page that does not answer within this (default 30)")
    parser.add_argument("--source", metavar="NAME", help="the outlet (default: each feed's title)")
    parser.add_argument("--country", metavar="NAME", action="append", default=[],
                        help="a country the feeds cover (name or ISO code; repeat for several)")
    parser.add_argument("--max-bytes", type=int, metavar="N",
                        help="refuse feeds and pages larger than N bytes (default 20,000,000)")
    parser.set_defaults(func=run)


class FeedWatcher:
    """Polls feeds into the store at ``settings.db``; the library behind the command. The pipeline (and its
    model) is built once and serves every poll; ``fetcher`` is what talks to the network (``UrlFetcher``)."""

    def __init__(self, settings: Settings, *, fetcher: Fetcher | None = None, source: str | None = None,
                 countries: tuple[str, ...] = (), pipeline: Pipeline | None = None) -> None:
        self.settings = settings
        self.fetcher = fetcher or UrlFetcher(max_bytes=settings.max_input_bytes)
        self.source = source
        self.countries = countries
        self.pipeline = pipeline or Pipeline(settings)

    def poll(self, feeds: Sequence[str], *, stop: threading.Event | None = None) -> IngestSummary:
        """Poll each feed once, store its new entries, then bring the store's merged events up to date. ``stop``,
        once set, ends the poll after the entry in hand (what is left is taken up by the next poll)."""
        summary = IngestSummary()
        with open_store(self.settings.db) as store:
            for url in feeds:
                if stop is not None and stop.is_set():
                    break
                self._poll_feed(store, feed_location(url), summary, stop)
            refresh_events(store)
        return summary

    def _poll_feed(self, store: Store, url: str, summary: IngestSummary, stop: threading.Event | None) -> None:
        etag, last_modified = store.feed_validators(url)
        try:
            fetched = self.fetcher.fetch(url, etag=etag, last_modified=last_modified)
            if fetched.status == 304:
                log.info("%s: unchanged since the last poll", url)
                return
            feed = parse_feed(fetched.body, url, fetched.content_type)
        except InputError as exc:
            summary.failed += 1
            say(str(exc))
            return
        seen = store.seen_entries(url)
        complete = True
        for entry in feed.entries:
            if entry.key in seen:
                continue
            if stop is not None and stop.is_set():
                complete = False
                break
            if self._code_entry(store, feed, entry, summary):
                seen.add(entry.key)
            else:
                complete = False
        # only now: a 304 must never hide an entry that is still to do
        if complete:
            store.set_feed_validators(url, fetched.etag, fetched.last_modified)

    def _code_entry(self, store: Store, feed: Feed, entry: FeedEntry, summary: IngestSummary) -> bool:
        """Code and store one entry; return False when it is left for the next poll (its page may come back)."""
        got = entry_document(entry, feed, self.fetcher, source=self.source, countries=self.countries)
        if got.raw is None:
            assert got.problem is not None
            summary.failed += 1
            say(str(got.problem))
            if got.problem.retryable:
                return False
            store.record_failure(Failure(entry.link or f"{feed.url}#{entry.key}", got.problem.stage,
                                         str(got.problem)))
            store.save_feed_entry(feed.url, entry.key, entry.link)
            return True
        if got.problem is not None:
            say(f"{got.problem}; coded the feed's own text of the entry instead")
        held: list[str] = []

        def already_stored(content_hash: str) -> bool:
            if store.has_document(content_hash):
                held.append(content_hash)
                return True
            return False

        results = list(self.pipeline.run([got.raw], skip=already_stored))
        if not results:  # the same article came in before, from another feed or file
            summary.already += 1
            store.save_feed_entry(feed.url, entry.key, entry.link, content_hash=held[0] if held else None)
        for result in results:
            if result.failure:
                summary.failed += 1
                say(result.failure.reason)
                store.record_failure(result.failure)
            # as ingest's store_result, but the entry is marked seen in the document's own transaction
            if store.save_feed_entry(feed.url, entry.key, entry.link, document=result.document,
                                     claims=result.claims):
                summary.stored += 1
                summary.claims += len(result.claims)
            elif result.document is not None:
                summary.already += 1
        return True


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.interval <= 0 or args.timeout <= 0:
        say("--interval and --timeout must be more than 0 seconds")
        return EXIT_USAGE
    watcher = FeedWatcher(settings, fetcher=UrlFetcher(timeout=args.timeout, max_bytes=settings.max_input_bytes),
                          source=args.source, countries=input_countries(args))
    stop = threading.Event()
    failed = 0
    with _stop_on_signals(stop):
        while True:
            summary = watcher.poll(args.feeds, stop=stop)
            failed += summary.failed
            say(f"{len(args.feeds)} feed(s) polled: {summary.stored} document(s) stored with {summary.claims} "
                f"claim(s), {summary.already} already in the store, {summary.failed} failed ({settings.db})")
            if args.once or stop.wait(args.interval):
                break
    if stop.is_set():
        say("stopped; every entry stored so far is complete, and the next run takes up the rest")
    return EXIT_FAILURE if args.once and failed else EXIT_OK


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT (Ctrl-C) and SIGTERM set ``stop``: the poll ends after the entry in hand and the loop exits. A
    second signal stops at once (``KeyboardInterrupt``); the entry in hand is then rolled back, not half-stored."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread; a caller elsewhere stops the watcher itself
        return

    def handler(signum: int, frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        say("stopping after the article in hand (press Ctrl-C again to stop at once)")

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
