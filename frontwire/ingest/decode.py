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
