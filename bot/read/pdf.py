"""PDF with a text layer → text, through PDFium (pypdfium2).

PDFium gives every character with its position and size; the lines are rebuilt here
rather than taken from PDFium's own text, because what the parser needs is:

- one line per printed line, top to bottom (a page's running head and foot wherever the
  PDF drew them), pieces on the same baseline (job number … page number) on one line;
- a blank line where the gap between two lines is wider than the page's usual leading
  (between paragraphs, before the footnotes), none inside a paragraph;
- spaces where the printed gap is a word space, none between CJK characters spread by
  justification;
- footnote markers, digits set smaller and raised above their line, as Unicode
  superscripts (…的报告，¹), in the text and at the head of each note;
- one form feed between pages.

Page furniture (running heads, job numbers, "2/5", 请回收) stays: the layout pass knows
it. Characters drawn in a bar-code font are dropped, and so are private-use characters
(logos drawn with symbol fonts).
"""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
import threading
from dataclasses import dataclass

from bot.read.errors import ReadError

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_BARCODE_FONT = re.compile(r"barcode|bar ?code|code ?39|code ?128|3 ?of ?9|idautomation|ean-?13|upc|interleaved", re.IGNORECASE)
_LOCK = threading.Lock()  # PDFium is not thread-safe


@dataclass(slots=True)
class Char:
    c: str
    x0: float
    x1: float
    y: float  # baseline (origin), PDF units, up is larger
    size: float  # the em height as set, text matrix included
    raised: bool = False


def _cjk(c: str) -> bool:
    o = ord(c)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x3FFFF


def _page_chars(textpage, raw) -> list[Char]:
    n = raw.FPDFText_CountChars(textpage)
    x, y = ctypes.c_double(), ctypes.c_double()
    box = raw.FS_RECTF()
    fonts: dict[int | None, bool] = {}  # text object → drawn in a bar-code font
    name = ctypes.create_string_buffer(128)
    chars: list[Char] = []
    for i in range(n):
        if raw.FPDFText_IsGenerated(textpage, i) == 1:
            continue
        u = raw.FPDFText_GetUnicode(textpage, i)
        if u in (0, 0xFFFE, 0xFFFF, 0xFFFD) or 0xE000 <= u <= 0xF8FF or u in (0x0D, 0x0A):
            continue
        obj = raw.FPDFText_GetTextObject(textpage, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value if obj else None
        if key not in fonts:
            barcode = False
            font = raw.FPDFTextObj_GetFont(obj) if obj else None
            if font:
                size = raw.FPDFFont_GetBaseFontName(font, name, len(name))
                barcode = bool(_BARCODE_FONT.search(name.value[: max(0, size - 1)].decode("latin-1")))
            fonts[key] = barcode
        if fonts[key]:
            continue
        raw.FPDFText_GetCharOrigin(textpage, i, ctypes.byref(x), ctypes.byref(y))
        raw.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(box))
        size = box.top - box.bottom
        if size <= 0:
            size = raw.FPDFText_GetFontSize(textpage, i)
        chars.append(Char(chr(u), box.left, box.right, y.value, size))
    return chars


def _rows(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped by baseline, top to bottom; a row of small raised characters
    (footnote markers) joins the line it is raised above."""
    rows: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: -c.y):
        if rows and abs(rows[-1][0].y - ch.y) <= max(1.0, 0.15 * ch.size):
            rows[-1].append(ch)
        else:
            rows.append([ch])
    merged: list[list[Char]] = []
    for i, row in enumerate(rows):
        size = max(c.size for c in row)
        below = rows[i + 1] if i + 1 < len(rows) else None
        if below is not None:
            bsize = statistics.median(c.size for c in below if not c.c.isspace()) if any(
                not c.c.isspace() for c in below) else 0
            rise = row[0].y - below[0].y
            left, right = min(c.x0 for c in below), max(c.x1 for c in below)
            if (bsize and size < 0.8 * bsize and 0.1 * bsize <= rise <= 0.7 * bsize
                    and min(c.x0 for c in row) <= right + bsize and max(c.x1 for c in row) >= left - bsize):
                for c in row:
                    c.raised = True
                below.extend(row)
                continue
        merged.append(row)
    return merged


def _line_text(row: list[Char]) -> str:
    row.sort(key=lambda c: c.x0)
    out: list[str] = []
    prev: Char | None = None
    for ch in row:
        if ch.c.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            prev = ch
            continue
        if prev is not None and out and out[-1] != " ":
            gap = ch.x0 - prev.x1
            em = min(ch.size, prev.size) if not (ch.raised or prev.raised) else max(ch.size, prev.size)
            cjk = _cjk(ch.c) and _cjk(prev.c)
            if gap > (0.8 if cjk else 0.22) * em:
                out.append(" ")
        out.append(ch.c.translate(SUPERSCRIPTS) if ch.raised and ch.c.isdigit() else ch.c)
        prev = ch
    return "".join(out).strip()


@dataclass(slots=True)
class Row:
    text: str
    y: float  # baseline
    size: float  # median size of its characters (markers aside)

    @property
    def key(self) -> int:
        return round(self.size * 2)


def page_rows(chars: list[Char]) -> list[Row]:
    out = []
    for row in _rows(chars):
        body = [c for c in row if not c.raised and not c.c.isspace()] or [c for c in row if not c.c.isspace()]
        if not body:
            continue
        out.append(Row(_line_text(row), statistics.median(c.y for c in body),
                       statistics.median(c.size for c in body)))
    return out


def _similar(a: Row, b: Row) -> bool:
    return abs(a.size - b.size) <= 0.15 * max(a.size, b.size)


def usual_leading(pages: list[list[Row]]) -> dict[int, float]:
    """Each size of type's line spacing (as a share of the size) over the whole document:
    the narrowest gap between two lines of that size, since most are inside paragraphs
    and a page may hold none that are (a masthead, a page of one-line paragraphs)."""
    gaps: dict[int, list[float]] = {}
    for rows in pages:
        for above, below in itertools.pairwise(rows):
            ratio = (above.y - below.y) / below.size
            if _similar(above, below) and ratio >= 0.9:
                gaps.setdefault(below.key, []).append(ratio)
    return {k: sorted(v)[len(v) // 20] for k, v in gaps.items()}


def page_text(rows: list[Row], usual: dict[int, float]) -> str:
    """Lines top to bottom; a blank line where the gap is wider than the usual leading
    (a new paragraph, the footnotes, the foot of the page) or the size of type changes."""
    lines: list[str] = []
    for i, row in enumerate(rows):
        if i:
            above = rows[i - 1]
            ratio = (above.y - row.y) / row.size
            if not _similar(above, row) or ratio > 1.3 * usual.get(row.key, ratio):
                lines.append("")
        lines.append(row.text)
    return "\n".join(lines)


def read_pdf(data: bytes) -> tuple[str, int]:
    """(text with a form feed between pages, number of pages)."""
    import pypdfium2 as pdfium
    from pypdfium2 import raw

    with _LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as e:
            code = getattr(e, "err_code", None)
            if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
                raise ReadError("an encrypted PDF: remove the password first") from None
            raise ReadError(f"a damaged PDF ({_reason(e)})") from None
        try:
            pages: list[list[Row]] = []
            for i in range(len(pdf)):
                try:
                    page = pdf[i]
                    textpage = page.get_textpage()
                except pdfium.PdfiumError as e:
                    raise ReadError(f"a damaged PDF (page {i + 1}: {_reason(e)})") from None
                try:
                    pages.append(page_rows(_page_chars(textpage, raw)))
                finally:
                    textpage.close()
                    page.close()
        finally:
            pdf.close()
    if not any(pages):
        raise ReadError("a scanned PDF without a text layer: OCR it first")
    usual = usual_leading(pages)
    return "\f".join(page_text(rows, usual) for rows in pages), len(pages)


def _reason(e: Exception) -> str:
    text = str(e)
    m = re.search(r"PDFium: ([^)]*)", text)
    return (m.group(1) if m else text).strip(". ").lower() or "PDFium could not open it"
