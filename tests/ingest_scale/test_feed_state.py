"""What the store keeps for ``frontwire watch`` (migration 0005_feeds), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from frontwire.store import database, open_store

FEED = "https://news.example/feed.rss"


@pytest.mark.parametrize("left_out", ["0004", "0005"])
def test_the_feeds_migration_applies_before_or_after_0004(store_url, monkeypatch, left_out):
    """A store made by a build that lacked one of the two migrations (0004 landed apart from 0005) gets the missing
    one when a full build opens it, and keeps what it held. The list of migrations is swapped for the build's; the
    store is real."""
    full = database.MIGRATIONS
    monkeypatch.setattr(database, "MIGRATIONS", tuple(m for m in full if not m[0].startswith(left_out)))
    with open_store(store_url) as store:
        assert not any(name.startswith(left_out) for name in store.migrations())
        if left_out == "0004":
            store.set_feed_validators(FEED, '"v1"', "Sat, 09 Mar 2024 06:00:00 GMT")
            store.save_feed_entry(FEED, "urn:a", "https://news.example/a")

    monkeypatch.setattr(database, "MIGRATIONS", full)
    with open_store(store_url) as store:
        assert store.migrations() == sorted(name for name, _ in full)
        if left_out == "0004":
            assert store.feed_validators(FEED) == ('"v1"', "Sat, 09 Mar 2024 06:00:00 GMT")
            assert store.seen_entries(FEED) == {"urn:a"}
        else:
            assert store.feed_validators(FEED) == (None, None) and store.seen_entries(FEED) == set()


def test_feed_state_is_kept_per_feed_and_each_entry_once(store_url):
    with open_store(store_url) as store:
        store.set_feed_validators(FEED, '"v1"', None)
        store.set_feed_validators(FEED, '"v2"', "Sun, 10 Mar 2024 06:00:00 GMT")
        assert store.save_feed_entry(FEED, "urn:a", "https://news.example/a") is False  # no document: nothing new
        store.save_feed_entry(FEED, "urn:a", "https://news.example/a")
        store.save_feed_entry(FEED, "urn:b", None, content_hash="ab" * 32)
        store.save_feed_entry("file:///srv/other.xml", "urn:a")
    with open_store(store_url) as store:
        assert store.feed_validators(FEED) == ('"v2"', "Sun, 10 Mar 2024 06:00:00 GMT")
        assert store.feed_validators("file:///srv/other.xml") == (None, None)
        assert store.seen_entries(FEED) == {"urn:a", "urn:b"}
        assert store.seen_entries("file:///srv/other.xml") == {"urn:a"}
