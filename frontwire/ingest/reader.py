"""Walk the inputs named on the command line and yield one ``RawDocument`` (or ``Failure``) per article."""

from __future__ import annotations

import gzip
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

from frontwire.config import Settings
from frontwire.errors import InputError, InputTooLarge, MalformedInput, MissingInput
from frontwire.ingest.decode import decode_bytes
from frontwire.ingest.warc import WARC_SUFFIXES, iter_warc
from frontwire.records import Failure, RawDocument

log = logging.getLogger("frontwire.ingest")

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
GZIP_JSONL_SUFFIX = ".jsonl.gz"  # how feeds and archives ship: read line by line, never unpacked on disk
JSONL_SUFFIXES = {".jsonl", GZIP_JSONL_SUFFIX}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | set(WARC_SUFFIXES)
JSONL_FIELDS = {"id", "text", "html", "url", "title", "source", "published_at", "language", "country"}


def iter_raw_documents(
    paths: Iterable[str],
    settings: Settings,
    *,
    published: str | None = None,
    source: str | None = None,
    countries: tuple[str, ...] = (),
    stdin: IO[str] | None = None,
) -> Iterator[RawDocument | Failure]:
    """Yield every article found under ``paths``, in a stable order, and a ``Failure`` for each unreadable one.

    ``published`` and ``source`` fill in what a plain ``.txt``/``.html`` file lacks, ``countries`` (the
    countries the feed covers) what any article lacks; a JSONL line's own fields win.
    """
    for item in _iter_paths(paths, settings, published, source, stdin):
        if countries and isinstance(item, RawDocument) and not item.countries:
            item = replace(item, countries=countries)
        yield item


def _iter_paths(paths: Iterable[str], settings: Settings, published: str | None, source: str | None,
                stdin: IO[str] | None) -> Iterator[RawDocument | Failure]:
    for name in paths:
        if name == "-":
            yield from _iter_jsonl_lines(stdin or sys.stdin, "<stdin>", settings, published, source)
            continue
        path = Path(name)
        if not path.exists():
            yield _failure(MissingInput(f"{name}: no such file or folder", hint="check the path"), name)
        elif path.is_dir():
            yield from _iter_folder(path, settings, published, source)
        else:
            yield from _iter_file(path, settings, published, source, explicit=True)


def _iter_folder(folder: Path, settings: Settings, published: str | None, source: str | None
                 ) -> Iterator[RawDocument | Failure]:
    # os.walk with sorted names: stable order, no list of every path held at once for huge trees
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file_name in sorted(files):
            path = Path(root) / file_name
            if input_suffix(path) in KNOWN_SUFFIXES and not file_name.startswith("."):
                yield from _iter_file(path, settings, published, source, explicit=False)


def _iter_file(path: Path, settings: Settings, published: str | None, source: str | None, *, explicit: bool
               ) -> Iterator[RawDocument | Failure]:
    suffix = input_suffix(path)
    origin = str(path)
    if suffix not in KNOWN_SUFFIXES and not explicit:
        return
    try:
        if suffix in WARC_SUFFIXES:
            # record by record, each body under the size limit: a crawl is larger than any one article
            yield from iter_warc(path, settings, source=source)
            return
        if suffix in JSONL_SUFFIXES:
            _check_size(path, settings)
            opener = gzip.open if suffix == GZIP_JSONL_SUFFIX else open
            with opener(path, "rb") as handle:
                yield from _iter_jsonl_bytes(handle, origin, settings, published, source)
            return
        text = read_text_file(path, settings)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        # the lines before the fault were read; what follows it is lost
        yield _failure(InputError(f"{origin}: not a readable gzip file ({exc or 'it ends too early'})",
                                  hint="check the download, or unpack it and give the .jsonl"), origin)
        return
    except InputError as exc:
        yield _failure(exc, origin)
        return
    except OSError as exc:
        yield _failure(InputError(f"{origin}: cannot be read ({exc.strerror})", hint="check its permissions"), origin)
        return
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        yield RawDocument(id=None, html=text, published_at=published, source=source, origin=origin)
    else:
        yield RawDocument(id=None, text=text, published_at=published, source=source, origin=origin)


def input_suffix(path: Path) -> str:
    """The suffix that says how to read ``path``: ``.jsonl.gz`` and ``.warc.gz`` whole, else the last one,
    lower-cased."""
    name = path.name.lower()
    for whole in (GZIP_JSONL_SUFFIX, ".warc.gz"):
        if name.endswith(whole):
            return whole
    return path.suffix.lower()


def read_text_file(path: Path, settings: Settings) -> str:
    """Read one file as text, refusing what is too large, empty, binary or undecodable."""
    _check_size(path, settings)
    data = path.read_bytes()
    text, warning = decode_bytes(data, str(path))
    if warning:
        log.warning(warning)
    return text


def _check_size(path: Path, settings: Settings) -> None:
    size = path.stat().st_size
    if size > settings.max_input_bytes:
        raise InputTooLarge(
            f"{path}: {size:,} bytes is over the limit of {settings.max_input_bytes:,}",
            hint="split it, or raise the limit with --max-bytes or FRONTWIRE_MAX_INPUT_BYTES",
        )


def _iter_jsonl_bytes(handle: Iterable[bytes], origin: str, settings: Settings, published: str | None,
                      source: str | None) -> Iterator[RawDocument | Failure]:
    for number, raw_line in enumerate(handle, start=1):
        where = f"{origin}:{number}"
        if not raw_line.strip():
            continue
        if len(raw_line) > settings.max_input_bytes:
            yield _failure(InputTooLarge(f"{where}: line of {len(raw_line):,} bytes is over the limit",
                                         hint="raise FRONTWIRE_MAX_INPUT_BYTES"), where)
            continue
        try:
            line, warning = decode_bytes(raw_line, where)
            if warning:
                log.warning(warning)
        except InputError as exc:
            yield _failure(exc, where)
            continue
        yield _parse_jsonl_line(line, where, published, source)


def _iter_jsonl_lines(handle: IO[str], origin: str, settings: Settings, published: str | None,
                      source: str | None) -> Iterator[RawDocument | Failure]:
    for number, line in enumerate(handle, start=1):
        if line.strip():
            where = f"{origin}:{number}"
            if len(line) > settings.max_input_bytes:
                yield _failure(InputTooLarge(f"{where}: line is over the size limit",
                                             hint="raise FRONTWIRE_MAX_INPUT_BYTES"), where)
                continue
            yield _parse_jsonl_line(line, where, published, source)


def _parse_jsonl_line(line: str, where: str, published: str | None, source: str | None) -> RawDocument | Failure:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _failure(MalformedInput(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})",
                                       hint="fix or remove that line; the other lines were read"), where)
    return raw_document_from_record(record, where, published=published, source=source)


def raw_document_from_record(record: object, where: str, *, published: str | None = None,
                             source: str | None = None) -> RawDocument | Failure:
    """One article given as a JSON object (a JSONL line, a POSTed document): ``id``, ``text`` or ``html``,
    optional ``url``, ``title``, ``source``, ``published_at``, ``language``, ``country``."""
    if not isinstance(record, dict):
        return _failure(MalformedInput(f"{where}: a JSON object was expected", hint='write {"id": ..., "text": ...}'),
                        where)
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str | None) or not isinstance(html, str | None) or not (text or html):
        return _failure(MalformedInput(f"{where}: needs a non-empty string 'text' or 'html'",
                                       hint='write {"id": ..., "text": ...}'), where)
    return RawDocument(
        id=_str_or_none(record.get("id")),
        text=text if text else None,
        html=None if text else html,
        url=_str_or_none(record.get("url")),
        title=_str_or_none(record.get("title")),
        source=_str_or_none(record.get("source")) or source,
        published_at=_str_or_none(record.get("published_at")) or published,
        language=_str_or_none(record.get("language")),
        origin=where,
        countries=_countries(record.get("country")),
    )


def _countries(value: object) -> tuple[str, ...]:
    """A JSONL line's ``country``: one name or code, or a list of them."""
    values = value if isinstance(value, list) else [value]
    return tuple(c for c in (_str_or_none(v) for v in values) if c)


def _str_or_none(value: object) -> str | None:
    """Metadata as a one-line string: control characters (a NUL in an id) become spaces."""
    if value in (None, ""):
        return None
    return re.sub(r"[\x00-\x1f\x7f]", " ", str(value)).strip() or None


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _failure(exc: InputError, origin: str) -> Failure:
    return Failure(origin=origin, stage=exc.stage, reason=str(exc))
