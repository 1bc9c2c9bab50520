"""From converted text to paragraphs: the part every document family shares.

The conversion to text leaves artefacts that are the same in every family:
hard-wrapped lines, a leading space on the first line of a page, a blank line
where a page break fell (sometimes in the middle of a word), footnote
definitions printed between the two halves of a paragraph, and markdown
residue. This module repairs them; the family grammars only decide what each
paragraph *is*.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from bot.model import Document, Footnote
from bot.symbols import find_symbols
from bot.text import (
    SUPERSCRIPT_DIGITS,
    bold_spans,
    has_markdown,
    heading_level,
    join_wrapped,
    strip_markdown,
)

# A paragraph of running text ends with one of these; anything else at the end of a
# line or block means the paragraph goes on (across a wrap or a page break).
_END_WRAPPED = set("。！？；：…”’」』）)!?;:.")
# Unwrapped documents print one paragraph per line, and a preambular paragraph of a
# resolution ends with a comma.
_END_UNWRAPPED = _END_WRAPPED | set("，,")

_SUPERSCRIPT_SET = frozenset(SUPERSCRIPT_DIGITS)
_HEADING_WIDTH = 40  # columns: a heading or a title line, not a paragraph
_FOOTNOTE_DEF = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s*(\S.*)$")

# Page furniture printed by the UN's layout: the job number with the page ("22-25946  15/20",
# "24-04123 (C)", its bar code "*2404123*"), and the running head with date, title and symbol
# ("16/02/2022 … S/PV.8967") or the symbol alone ("S/RES/2999 (2024)", "联 合 国 S/PV.9998").
_JOB_NUMBER = re.compile(
    r"^(?:\d{1,3}/\d{1,3}\s+)?\d{2}-\d{5}(?:\s*[(（][A-Z][)）])?(?:\s+\d{1,3}/\d{1,3}|\s+\d{6}){0,3}$"
    r"|^\*\d{7,}\*$"
)
_RUNNING_HEAD = re.compile(
    r"^(?:(?P<d1>\d{2}/\d{2}/\d{4})\s+.*\s(?P<s1>[A-Z]{1,3}/\S+)"
    r"|(?P<s2>[A-Z]{1,3}/\S+)\s.*\s(?P<d2>\d{2}/\d{2}/\d{4}))$"
)
_FURNITURE_HINT = re.compile(r"[/*-]")
# Lines the UN's layout prints on a page that are no one's text: the recycling mark and a
# page number standing alone ("2/5", "- 3 -").
_FURNITURE_LINE = re.compile(
    r"^(?:请\s*回\s*收|請\s*回\s*收|Please\s+recycle|Merci\s+de\s+recycler|Просьба\s+отправить\s+на\s+вторичную\s+переработку"
    r"|Se\s+ruega\s+reciclar|\d{1,3}\s*/\s*\d{1,3}|-\s*\d{1,3}\s*-)\s*[♲]?$",
    re.IGNORECASE,
)
# A line of dot leaders (a list of members and their representatives): as wide as the column
# whatever the column is, so it does not count when the column's width is measured.
_LEADERS = re.compile(r"[.．…·]{6,}")


def _leaders(text: str) -> bool:
    """Is this a line of dot leaders? (Substring tests first: most lines have none.)"""
    return ("..." in text or "……" in text or "．．．" in text or "···" in text) and bool(_LEADERS.search(text))
_SYMBOL_LINE = re.compile(
    r"^(?:(?:联\s*合\s*国|United Nations|Nations Unies|Naciones Unidas|Организация Объединенных Наций|الأمم المتحدة)\s+)?"
    r"(?P<s>[A-Z]{1,3}/[A-Za-z0-9./()\- –]+)$"
)


@dataclass(slots=True)
class Line:
    no: int  # 1-based line number in the source file
    raw: str
    text: str  # markdown stripped, whitespace trimmed
    heading: int  # markdown heading depth, 0 if none
    indented: bool  # the conversion's page-break mark: a leading space
    bold: list[str] = field(default_factory=list)
    page: int = 1  # pages are separated by form feeds (the PDF reader writes one per page)

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(slots=True)
class Block:
    """A paragraph as laid out: its text and where it came from."""

    text: str
    line: int
    lines: list[Line]

    @property
    def bold(self) -> list[str]:
        return [b for ln in self.lines for b in ln.bold]


def source_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(line number, page, raw line) of a source text; a form feed starts a new page and
    is not a line of its own, so line numbers are the same with or without page marks."""
    no = 0
    for page, chunk in enumerate(text.split("\f"), start=1):
        for raw in chunk.splitlines():
            no += 1
            yield no, page, raw


def read_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    append = lines.append
    text = text.replace("\u3000", " ")
    markdown = has_markdown(text)  # most texts have none at all: no line needs looking at
    # source_lines, inlined: this runs on every line of every file.
    no = 0
    for page, chunk in enumerate(text.split("\f"), start=1):
        for raw in chunk.splitlines():
            no += 1
            raw = raw.rstrip()
            # Right-stripped already: a leading space is the page-break mark of a line with text.
            indented = raw[:1] == " "
            if not markdown or not has_markdown(raw):  # most lines: no markdown to strip
                append(Line(no, raw, raw.lstrip(), 0, indented, [], page))
            else:
                append(Line(no, raw, strip_markdown(raw).strip(), heading_level(raw), indented,
                            bold_spans(raw), page))
    return lines


def pages_by_line(text: str) -> dict[int, int]:
    """Line number → page, for a text with form feeds (empty for one without)."""
    if "\f" not in text:
        return {}
    return {no: page for no, page, _ in source_lines(text)}


def split_footnotes(lines: list[Line]) -> tuple[list[Line], list[Footnote]]:
    """Take footnote definitions (¹ text…) out of the flow of body lines."""
    body: list[Line] = []
    notes: list[Footnote] = []
    for ln in lines:
        m = _FOOTNOTE_DEF.match(ln.text) if ln.text[:1] in _SUPERSCRIPT_SET else None
        if m:
            marker = int("".join(str(SUPERSCRIPT_DIGITS.index(c)) for c in m.group(1)))
            notes.append(Footnote(marker=marker, text=m.group(2).strip(), line=ln.no))
        else:
            body.append(ln)
    return body, notes


@dataclass
class RunningHead:
    symbol: str
    date: str | None  # ISO, when the head prints one
    joint: list[str] = field(default_factory=list)  # the other halves of a joint symbol (A/…-S/…)


def _head(line: str) -> RunningHead | None:
    if m := _RUNNING_HEAD.match(line):
        day, month, year = (m.group("d1") or m.group("d2")).split("/")
        return RunningHead(m.group("s1") or m.group("s2"), f"{year}-{month}-{day}")
    if m := _SYMBOL_LINE.match(line):
        found = [s.symbol for s in find_symbols(m.group("s"))]
        if found:
            return RunningHead(found[0], None, found[1:])
    return None


def strip_page_furniture(lines: list[Line]) -> tuple[list[Line], list[RunningHead]]:
    """Drop job numbers and running heads; the heads are kept, as they name symbol and date."""
    kept: list[Line] = []
    heads: list[RunningHead] = []
    for ln in lines:
        if not _FURNITURE_HINT.search(ln.text):  # most lines: no slash, dash or star
            if not (("收" in ln.text or "ecycl" in ln.text or "ереработ" in ln.text) and _FURNITURE_LINE.match(ln.text)):
                kept.append(ln)
            continue
        if _FURNITURE_LINE.match(ln.text):
            continue
        if _JOB_NUMBER.match(ln.text):
            continue
        if head := _head(ln.text):
            heads.append(head)
            continue
        kept.append(ln)
    return kept, heads


def apply_heads(doc: Document, heads: list[RunningHead]) -> None:
    """Fill what the running heads tell and the text has not: symbol, joint symbols, date."""
    if not heads:
        return
    doc.symbol = doc.symbol or heads[0].symbol
    if heads[0].joint:
        doc.facts.setdefault("joint_symbols", heads[0].joint)
    doc.date = doc.date or next((h.date for h in heads if h.date), None)


def clean_lines(text: str) -> tuple[list[Line], list[Footnote], list[RunningHead]]:
    """The body lines of a converted document, its footnotes and its running heads."""
    lines, heads = strip_page_furniture(read_lines(text))
    lines, footnotes = split_footnotes(lines)
    return lines, footnotes, heads


_NARROW = re.compile(r"[^\u2e81-\U0010ffff]")


def display_width(text: str) -> float:
    """Columns a line takes on the printed page: CJK full, Latin half."""
    return len(text) - 0.5 * len(_NARROW.findall(text))


def _column(widths: list[float]) -> float:
    """The width of a full line: a line this wide was cut by the wrap, not by a paragraph's end."""
    return widths[int(len(widths) * 0.9)] if widths else 0.0


def is_wrapped(lines: Iterable[Line]) -> bool:
    """Does the text wrap paragraphs over several lines (as records do)?

    Wrapped text ends many lines mid-sentence, or (when the wrap happens to fall after
    punctuation, as it often does in short CJK paragraphs) has many lines of the same full
    width; text with one paragraph per line has neither."""
    body = [ln for ln in lines if ln.text and not ln.heading]
    if not body:
        return False
    open_ends = sum(1 for ln in body if ln.text[-1] not in _END_UNWRAPPED)
    if open_ends / len(body) > 0.4:
        return True
    widths = sorted(display_width(ln.text) for ln in body if not _leaders(ln.text))
    column = _column(widths)
    full = sum(1 for w in widths if w >= column - 1.5)
    return len(body) >= 6 and open_ends > 0 and full / len(body) >= 0.3


def ends_paragraph(text: str, wrapped: bool, comma_ends: bool = False) -> bool:
    # A footnote marker after the final comma ("的报告,¹") still ends the paragraph.
    text = text.rstrip(SUPERSCRIPT_DIGITS + " ")
    return bool(text) and text[-1] in (_END_WRAPPED if wrapped and not comma_ends else _END_UNWRAPPED)


def paragraphs(
    lines: list[Line],
    wrapped: bool,
    starts: Callable[[str], object] = lambda _: False,
    comma_ends: bool = False,
) -> list[Block]:
    """Group lines into paragraphs, undoing wraps and page breaks.

    ``starts(text)`` lets a grammar force a new paragraph at a line whatever came
    before it (a speaker's header, a numbered operative paragraph). ``comma_ends`` says
    a comma before a blank line ends a paragraph even in wrapped text, as it does in a
    resolution's preamble; the price is that a page break falling just after a comma
    inside a paragraph splits it.
    """
    blocks: list[Block] = []
    parts: list[Line] = []
    gap = False  # a blank line since the last text line
    # Every line of every file comes through here: display_width and ends_paragraph are
    # written out inline, and a line's closing character is read once.
    narrow = _NARROW.findall
    widths = [len(t) - 0.5 * len(narrow(t)) if (t := ln.text) else 0.0 for ln in lines]
    column = _column(sorted([w for ln, w in zip(lines, widths)
                             if ln.text and not ln.heading and not _leaders(ln.text)]))
    # A line this much shorter than the column was not cut by the wrap.
    short = column - max(2.5, column * 0.15)
    ends = _END_WRAPPED if wrapped and not comma_ends else _END_UNWRAPPED  # ends_paragraph(…, comma_ends)
    ends_plain = _END_WRAPPED if wrapped else _END_UNWRAPPED  # ends_paragraph(…) without comma_ends
    trailing = SUPERSCRIPT_DIGITS + " "

    def flush() -> None:
        if parts:
            blocks.append(Block(join_wrapped([p.text for p in parts]), parts[0].no, parts.copy()))
            parts.clear()

    last = 0.0  # the width of the paragraph's last line so far
    end = ""  # the closing character of the paragraph's last line so far (superscripts aside)
    for ln, w in zip(lines, widths):
        text = ln.text
        if not text:
            gap = True
            continue
        if ln.heading:
            flush()
            blocks.append(Block(text, ln.no, [ln]))
            gap = False
            continue
        # Whether a paragraph ended depends only on how its last line ends.
        if not parts or starts(text):
            new = True
        elif text[:1].islower():
            # A line opening in lower case (Latin, Cyrillic) goes on a sentence: a page break or
            # a ragged right edge put a gap before it, not the end of a paragraph.
            new = False
        elif wrapped:
            # A blank line ends a paragraph unless it fell where a page broke a full line
            # (预防冲 / blank / 突); a page-break indent ends one only after a full stop.
            # Without blank lines between paragraphs, a short line that closes a sentence
            # (or a recital) ends its paragraph.
            new = (gap and (end in ends or last < column - 2.5)) or (
                ln.indented and end in ends_plain
            ) or (not gap and last < short and end in ends)
        else:
            # One paragraph per line: a line that closes a sentence ends its paragraph, and so
            # does a short line standing alone before a blank line (a heading); a long line
            # before a blank line is a paragraph a page break cut.
            new = end in ends_plain or (gap and len(parts) == 1 and last <= _HEADING_WIDTH)
        if new:
            flush()
        parts.append(ln)
        last = w
        end = text.rstrip(trailing)[-1:]
        gap = False
    flush()
    return blocks
