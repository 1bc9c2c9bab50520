"""Files → text: PDF (text layer), Word .docx, web pages and plain text, told apart by
their content (magic bytes, then the decoded head), not by their extension.

``read_source(path)`` gives a Source whose text the parser takes as it takes a .txt:
paragraphs on lines, pages separated by form feeds, footnote markers as superscript
digits (¹²³), headings as markdown "# " lines. Anything that can't be read raises
ReadError (a ParseError) whose message says why in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.read.errors import ReadError
from bot.read.sniff import DOCX, HTML, PDF, TEXT, looks_like_html, sniff_binary

__all__ = ["FORMATS", "ReadError", "Source", "read_bytes", "read_source", "read_text"]

FORMATS = (PDF, DOCX, HTML, TEXT)


@dataclass(frozen=True)
class Source:
    text: str  # pages separated by "\f"
    format: str  # pdf, docx, html, text
    encoding: str | None  # of a text or HTML file
    pages: int | None  # a PDF's pages; a text's or a Word file's when page breaks mark them


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f}".rstrip("0").rstrip(".")


def read_source(path: Path, max_bytes: int | None = None) -> Source:
    """The text of the file at ``path``, whatever its format."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise ReadError(f"the file is {_mb(size)} MB, over the limit of {_mb(max_bytes)} MB "
                            "(set PLENARY_MAX_FILE_MB to raise it)")
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReadError("a folder, not a file") from None
    except OSError as e:
        raise ReadError(f"the file can't be opened ({e.strerror or e})") from None
    return read_bytes(data)


def read_text(path: Path) -> str:
    """A file's text, whatever its format (scripts and tests that want only the text)."""
    return read_source(Path(path)).text


def read_bytes(data: bytes) -> Source:
    """The text of a file's content (what read_source does once it has the bytes)."""
    kind = sniff_binary(data)
    if kind == PDF:
        from bot.read.pdf import read_pdf

        text, pages = read_pdf(data)
        return Source(text, PDF, None, pages)
    if kind == DOCX:
        from bot.read.docx import read_docx

        text = read_docx(data)
        return Source(text, DOCX, None, _pages(text))
    from bot.read.text import decode

    text, encoding = decode(data)
    if looks_like_html(text):
        from bot.read.html import read_html

        text, encoding = read_html(data, encoding)
        return Source(text, HTML, encoding, _pages(text))
    return Source(text, TEXT, encoding, _pages(text))


def _pages(text: str) -> int | None:
    return text.count("\f") + 1 if "\f" in text else None
