"""Plain text (.txt, .md and anything else that is text): bytes → str.

Byte-order marks first; then UTF-16 without a mark when the bytes show it (NULs at
every other position), before any binary check, since UTF-16 is full of NULs; then
UTF-8 and GB18030. What is left is binary, or text in an encoding we don't read.
"""

from __future__ import annotations

import codecs
import re

from bot.read.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark names, and the mark's length."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NULs fall on one parity only, as the high bytes of
    ASCII characters (newlines, digits, spaces) do in UTF-16 text."""
    sample = data[:8192]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd >= max(2, pairs // 50) and even <= odd // 20:
        return "utf-16-le"
    if even >= max(2, pairs // 50) and odd <= even // 20:
        return "utf-16-be"
    return None


# The C0 and C1 control characters (Unicode category Cc) but tab, newline, vertical tab,
# form feed and carriage return: counted by a regex, in C.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    """Control characters other than tab, newline, carriage return and form feed."""
    sample = text[:20000]
    bad = len(_CONTROL.findall(sample))
    return bad > max(2, len(sample) // 200)


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in, or a ReadError that says why not."""
    if not data.strip():
        raise ReadError("the file is empty")
    candidates: list[str] = []
    if found := bom_encoding(data):
        encoding, skip = found
        try:
            return _checked(data[skip:].decode(encoding), encoding)
        except UnicodeDecodeError:
            raise ReadError(f"the file starts with a {encoding.upper()} byte-order mark but is not "
                            f"{encoding.upper()} text") from None
    if encoding := utf16_without_bom(data):
        candidates.append(encoding)
    for encoding in candidates:
        try:
            text = data[: len(data) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text):
            return _checked(text, encoding)
    if b"\x00" in data[:8192]:
        raise ReadError("a binary file, not a document")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _checked(text, encoding)
    raise ReadError("the file is not UTF-8 (nor UTF-16 or GB18030) text")


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if not text.strip():
        raise ReadError("the file is empty")
    if _looks_binary(text):
        raise ReadError("a binary file, not a document")
    return normalise_newlines(text), encoding


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_bytes(data: bytes) -> tuple[str, str, int | None]:
    """(text, encoding, pages): pages only when form feeds divide the text."""
    text, encoding = decode(data)
    return text, encoding, (text.count("\f") + 1 if "\f" in text else None)
