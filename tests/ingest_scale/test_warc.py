"""WARC archives in, one article per archived HTML (or plain-text) page out: gzipped or plain, streamed, and a
damaged archive reported once after the articles read before the damage."""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from frontwire.cli.main import main
from frontwire.config import Settings
from frontwire.ingest import iter_raw_documents
from frontwire.ingest.decode import decode_http_body
from frontwire.records import Failure, RawDocument
from frontwire.store import open_store

from .conftest import REPORTS, article_page

CRAWLED = "2024-03-09T06:15:00Z"


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]]) -> bytes:
    """Write ``(kind, url, content_type, body)`` records as one WARC (gzipped per record if the name says so),
    after a warcinfo record as a crawler writes it. ``kind``: response, notfound (a 404 page), request, metadata."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=path.name.endswith(".gz"))
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "a test of frontwire"}))
    for kind, url, content_type, body in records:
        headers = {"WARC-Date": CRAWLED}
        if kind in ("response", "notfound"):
            status = "200 OK" if kind == "response" else "404 Not Found"
            http = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                               warc_headers_dict=headers)
        elif kind == "request":
            http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            record = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http,
                                               warc_headers_dict=headers)
        else:
            record = writer.create_warc_record(url, kind, payload=io.BytesIO(body), warc_content_type=content_type,
                                               warc_headers_dict=headers)
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def crawl(path: Path) -> bytes:
    """A small crawl of news.example: three articles among what a crawler also keeps."""
    lahore = article_page("Tear gas in Lahore", REPORTS["lahore"], meta_date="2024-03-06T08:00:00+05:00")
    nakuru = article_page("Farmers block highway", REPORTS["nakuru"])
    latin1 = article_page("Café owners march", REPORTS["santiago"].replace("central Santiago",
                                                                           "central Santiago past the Café Colón"),
                          charset="iso-8859-1")
    return write_warc(path, [
        ("request", "https://news.example/lahore", "", b""),
        ("response", "https://news.example/lahore", "text/html; charset=utf-8", lahore.encode()),
        ("response", "https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
        ("metadata", "https://news.example/lahore", "application/warc-fields", b"outlinks: https://news.example/\r\n"),
        ("notfound", "https://news.example/gone", "text/html", b"<html><body><p>Page not found</p></body></html>"),
        ("response", "https://news.example/nakuru", "text/html", nakuru.encode()),
        ("response", "https://news.example/kandahar.txt", "text/plain; charset=utf-8", REPORTS["kandahar"].encode()),
        ("response", "https://news.example/santiago", "text/html; charset=ISO-8859-1", latin1.encode("latin-1")),
    ])


def read(paths: list[str], tmp_path: Path) -> list[RawDocument | Failure]:
    return list(iter_raw_documents(paths, Settings(db=str(tmp_path / "unused.db"), progress=False)))


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_each_html_or_text_response_is_one_article_and_every_other_record_is_skipped(tmp_path, name):
    crawl(tmp_path / name)
    items = read([str(tmp_path / name)], tmp_path)
    assert all(isinstance(item, RawDocument) for item in items), items
    assert [item.url for item in items] == ["https://news.example/lahore", "https://news.example/nakuru",
                                            "https://news.example/kandahar.txt", "https://news.example/santiago"]
    # origin: the archive and the record's number in it (the warcinfo record is #1)
    assert [item.origin for item in items] == [f"{tmp_path / name}#{n}" for n in (3, 7, 8, 9)]
    lahore, nakuru, kandahar, santiago = items
    assert lahore.html and REPORTS["lahore"] in lahore.html
    assert kandahar.text == REPORTS["kandahar"] and kandahar.html is None
    assert "Café Colón" in (santiago.html or "")  # decoded with the header's charset, not as UTF-8
    # the page's own metadata date is left for the HTML reading to find; a page without one gets the crawl's
    assert lahore.published_at is None
    assert nakuru.published_at == kandahar.published_at == CRAWLED


def test_extract_codes_the_pages_of_a_warc_with_their_dates(tmp_path, capsys):
    crawl(tmp_path / "crawl.warc.gz")
    assert main(["extract", "--with-documents", str(tmp_path / "crawl.warc.gz")]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    documents = {d["document"]["url"]: d["document"] for d in lines if "document" in d}
    assert documents["https://news.example/lahore"]["published_at"] == "2024-03-06"
    assert documents["https://news.example/lahore"]["published_at_source"] == "html metadata"
    assert documents["https://news.example/nakuru"]["published_at"] == "2024-03-09"
    assert documents["https://news.example/nakuru"]["published_at_source"] == "given"
    events = {(e["location"], e["event_date"]) for e in lines if "event_id" in e}
    # Tuesday before the page's own date (6 March), Monday before the crawl (9 March)
    assert ("Lahore", "2024-03-05") in events
    assert ("Nakuru", "2024-03-04") in events
    assert ("Kandahar", "2024-03-06") in events


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
@pytest.mark.parametrize("where", ["in the last page", "in the last record's headers"])
def test_a_truncated_warc_gives_one_failure_and_keeps_the_articles_before_it(tmp_path, name, where):
    path = tmp_path / name
    records = [("response", f"https://news.example/{key}", "text/html", article_page(key, text).encode())
               for key, text in list(REPORTS.items())[:3]]
    whole = write_warc(path, records)
    archive = ArchiveIterator(io.BytesIO(whole))
    start = [archive.get_record_offset() for _ in archive][-1]  # where the last record begins
    cut = start + (len(whole) - start) * 3 // 4 if where == "in the last page" else start + 40
    path.write_bytes(whole[:cut])

    items = read([str(path)], tmp_path)

    assert [item.url for item in items if isinstance(item, RawDocument)] == ["https://news.example/lahore",
                                                                            "https://news.example/nakuru"]
    failures = [item for item in items if isinstance(item, Failure)]
    assert len(failures) == 1 and items[-1] is failures[0]
    assert failures[0].origin == str(path)
    assert "cut short or corrupt after 3 complete record(s)" in failures[0].reason
    assert "the articles before that point were read" in failures[0].reason


def test_ingest_of_a_truncated_warc_stores_the_articles_before_the_cut_and_the_failure(tmp_path, store_url):
    path = tmp_path / "crawl.warc.gz"
    data = crawl(path)
    path.write_bytes(data[: len(data) - 200])  # into the last record, the Santiago page

    assert main(["ingest", str(tmp_path), "--db", store_url]) == 1  # a folder: the archive is found in it

    with open_store(store_url) as store:
        urls = sorted(d.url or "" for d in store.iter_documents())
        failures = store.failures()
        located = {c.location for c in store.iter_claims()}
    assert urls == ["https://news.example/kandahar.txt", "https://news.example/lahore",
                    "https://news.example/nakuru"]
    assert [f.origin for f in failures] == [str(path)]
    assert {"Lahore", "Nakuru", "Kandahar"} <= located


def test_a_file_that_is_not_a_warc_gives_one_failure(tmp_path):
    (tmp_path / "notes.warc").write_text("These are my notes on the crawl, not the crawl itself.\n")
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    items = read([str(tmp_path / "notes.warc"), str(tmp_path / "empty.warc.gz")], tmp_path)
    assert [type(item) for item in items] == [Failure, Failure]
    assert "cut short or corrupt after 0 complete record(s) (not a WARC record)" in items[0].reason
    assert "is empty" in items[1].reason


def test_a_warc_is_streamed_not_read_whole(tmp_path):
    """Forty pages of 250 kB each (10 MB uncompressed, a small file gzipped): reading them never holds more than
    a couple of pages at once."""
    page = article_page("Long report", " ".join([REPORTS["lahore"]] * 1500))
    assert len(page) > 250_000
    records = [("response", f"https://news.example/{n}", "text/html", page.replace("Long", f"Long {n}").encode())
               for n in range(40)]
    write_warc(tmp_path / "big.warc.gz", records)
    settings = Settings(db=str(tmp_path / "unused.db"), progress=False)
    for _ in iter_raw_documents([str(tmp_path / "big.warc.gz")], settings):
        break  # the modules a first read imports are not what is measured

    tracemalloc.start()
    try:
        count = 0
        for item in iter_raw_documents([str(tmp_path / "big.warc.gz")], settings):
            assert isinstance(item, RawDocument)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 40
    assert peak < 4_000_000, f"reading held {peak:,} bytes at once"


def test_a_body_is_read_in_its_declared_charset_unless_it_is_plainly_utf8():
    assert decode_http_body("Café Colón".encode("latin-1"), "text/html; charset=ISO-8859-1", "x") == ("Café Colón",
                                                                                                     None)
    assert decode_http_body("Привет, мир".encode("koi8-r"), 'text/html; charset="KOI8-R"', "x")[0] == "Привет, мир"
    # a server's default label on a UTF-8 page, and a label nobody knows
    assert decode_http_body("Café Colón".encode(), "text/html; charset=iso-8859-1", "x")[0] == "Café Colón"
    assert decode_http_body("Café Colón".encode(), "text/html; charset=klingon", "x")[0] == "Café Colón"
    assert decode_http_body("Café Colón".encode(), "text/html", "x")[0] == "Café Colón"
