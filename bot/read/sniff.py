"""What a file is, from its first bytes: the extension is only a hint people get wrong."""

from __future__ import annotations

import io
import re
import zipfile

from bot.read.errors import ReadError

PDF, DOCX, HTML, TEXT = "pdf", "docx", "html", "text"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word .doc, .xls, .msg
_STRONG_HTML = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_TAG = re.compile(
    r"</?(?:p|div|span|br|hr|table|tr|td|th|h[1-6]|ul|ol|li|a|b|i|em|strong|sup|sub|meta|title|"
    r"section|article|main|nav|header|footer|blockquote|pre|font|center|img)\b[^<>]{0,500}>",
    re.IGNORECASE,
)


def sniff_binary(data: bytes) -> str | None:
    """pdf or docx from the magic bytes; None for anything that may be text."""
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
        except zipfile.BadZipFile:
            raise ReadError("a damaged zip archive (a Word .docx file is one)") from None
        if "word/document.xml" in names:
            return DOCX
        raise ReadError("a zip archive, not a Word document")
    if data.startswith(_OLE2):
        raise ReadError("an old Office file (.doc): save it as .docx or PDF first")
    return None


def looks_like_html(text: str) -> bool:
    """A document declared as HTML, or text where HTML tags are thick on the ground."""
    head = text[:8192]
    if "<" not in head:  # every pattern here opens with one; most text files have none
        return False
    if _STRONG_HTML.search(head[:2048]):
        return True
    tags = len(_TAG.findall(head))
    lines = sum(1 for ln in head.splitlines() if ln.strip())
    return tags >= 5 and tags * 3 >= lines
