"""Any other readable text: a document no family grammar recognises is still kept, searchable.

Its paragraphs are what the layout pass finds (blank lines, or one paragraph per line); its
symbol, date and title come from the first lines when they are there, else from the file name
and the catalog. The ingest report says it was stored as a plain document.
"""

from __future__ import annotations

import re

from bot.model import Document, Paragraph, ParseError
from bot.parse.layout import apply_heads, clean_lines, is_wrapped, paragraphs
from bot.symbols import find_symbols
from bot.text import chinese_date, english_date

_HEAD_LINES = 30  # the masthead, if any, is within these
_SENTENCE_END = "。！？；.!?;:：，,"
_SYMBOL_ALONE = re.compile(r"^[A-Z]{1,5}/[A-Za-z0-9./()\- ]+$")


def _title(lines: list[str]) -> str:
    for text in lines[:10]:
        if 2 <= len(text) <= 120 and text[-1] not in _SENTENCE_END and not _SYMBOL_ALONE.match(text):
            return text
    return (lines[0][:80] if lines else "")


def parse_document(text: str) -> Document:
    lines, footnotes, heads = clean_lines(text)
    doc = Document(kind="document", footnotes=footnotes)
    head = [ln.text for ln in lines if not ln.blank][:_HEAD_LINES]
    for t in head:
        if doc.symbol is None and _SYMBOL_ALONE.match(t) and (found := find_symbols(t)):
            doc.symbol = found[0].symbol
        if doc.date is None:
            doc.date = chinese_date(t) or english_date(t)
    apply_heads(doc, heads)
    blocks = paragraphs(lines, is_wrapped(lines))
    for k, b in enumerate(blocks, start=1):
        doc.paragraphs.append(Paragraph("body", f"¶{k}", b.text, b.line))
    if not doc.paragraphs:
        raise ParseError("no text left once page numbers and running heads are taken out")
    doc.title = _title([b.text for b in blocks])
    return doc
