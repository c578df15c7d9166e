"""Bytes -> text: encoding detection, mixed-encoding repair, binary refusal."""

from __future__ import annotations

import codecs

from frontwire.errors import BinaryInput, EmptyInput, EncodingError

_CONTROL = {b for b in range(32) if b not in (9, 10, 12, 13)} | {127}


def looks_binary(data: bytes) -> bool:
    """A NUL byte, or many control characters in the first 8 KiB, means this is not text."""
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 text has NULs too; a BOM says it is text
        return not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not head:
        return False
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def decode_bytes(data: bytes, origin: str) -> tuple[str, str | None]:
    """Decode ``data`` to text, returning ``(text, warning)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Text that is mostly UTF-8 with some
    bytes of a single-byte encoding (the "mixed encoding" of scraped pages) is repaired byte by byte with
    cp1252, and the warning says so. Anything else goes to charset-normalizer's best guess.
    """
    if not data.strip():
        raise EmptyInput(f"{origin}: the input is empty", hint="check the scraper that wrote it; nothing was stored")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise EncodingError(f"{origin}: broken UTF-16 ({exc.reason})", hint="re-save the file as UTF-8") from exc
    if looks_binary(data):
        raise BinaryInput(f"{origin}: this is a binary file, not an article",
                          hint="give frontwire .txt, .html or .jsonl files")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    repaired, bad = _repair_mixed(data)
    if bad and _utf8_multibyte_count(data) > 0:
        return repaired, f"{origin}: repaired {bad} byte(s) not in UTF-8 (mixed encoding) as cp1252; check the text"
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - core dependency
        return repaired, f"{origin}: not UTF-8; read as cp1252"
    best = from_bytes(data).best()
    if best is None:
        raise EncodingError(f"{origin}: the text encoding cannot be recognised",
                            hint="convert the file to UTF-8 (e.g. iconv -f CHARSET -t UTF-8)")
    return str(best), f"{origin}: not UTF-8; read as {best.encoding}"


def _utf8_multibyte_count(data: bytes) -> int:
    count = 0
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        width = 2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF else 4 if 0xF0 <= b <= 0xF4 else 0
        if width and i + width <= n:
            try:
                data[i:i + width].decode("utf-8")
                count += 1
                i += width
                continue
            except UnicodeDecodeError:
                pass
        i += 1
    return count


def _repair_mixed(data: bytes) -> tuple[str, int]:
    """Decode as UTF-8, decoding each invalid byte as cp1252 instead (latin-1 where cp1252 has a hole)."""
    out: list[str] = []
    bad = 0
    i = 0
    while i < len(data):
        try:
            out.append(data[i:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            out.append(data[i:i + exc.start].decode("utf-8"))
            pos = i + exc.start
            byte = data[pos:pos + 1]
            try:
                out.append(byte.decode("cp1252"))
            except UnicodeDecodeError:
                out.append(byte.decode("latin-1"))
            bad += 1
            i = pos + 1
    return "".join(out), bad


# a single-byte charset a server declares by default, whatever the page holds (browsers read these as cp1252)
_LEGACY_DEFAULTS = {"iso8859-1", "ascii", "cp1252"}


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """``"text/html; charset=UTF-8"`` -> ``("text/html", "UTF-8")``: the lower-cased media type and the declared
    charset, if any."""
    if not content_type:
        return "", None
    kind, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip("\"'"):
            charset = value.strip().strip("\"'")
    return kind.strip().lower(), charset


def decode_http_body(data: bytes, content_type: str | None, origin: str) -> tuple[str, str | None]:
    """Decode the body of an HTTP response (a WARC record's, a fetched page's), returning ``(text, warning)``.

    The charset the ``Content-Type`` header declares wins, as in a browser, with two exceptions: a byte-order
    mark says more than the header, and bytes that are valid UTF-8 with multi-byte characters are UTF-8 even where
    the header claims latin-1 or ASCII (a server's default that nobody set). With no charset, an unknown one or
    bytes that do not fit it, ``decode_bytes`` decides as it does for files.
    """
    _, charset = media_type(content_type)
    codec = _codec(charset)
    if codec is None or not data.strip() or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                              codecs.BOM_UTF16_BE)):
        return decode_bytes(data, origin)
    if looks_binary(data) and not codec.startswith("utf-16"):
        return decode_bytes(data, origin)  # refuses it, saying why
    if codec in _LEGACY_DEFAULTS and _utf8_multibyte_count(data) > 0:
        try:
            return data.decode("utf-8"), None
        except UnicodeDecodeError:
            pass
    if codec in _LEGACY_DEFAULTS:
        codec = "cp1252"
    try:
        return data.decode(codec), None
    except UnicodeDecodeError:
        text, warning = decode_bytes(data, origin)
        return text, warning or f"{origin}: the bytes are not the declared charset {charset}; read as UTF-8"


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None
