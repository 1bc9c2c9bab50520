"""Resolutions of the General Assembly, the Security Council and other organs, of every era
(and draft resolutions annexed to letters).

Grammar, top to bottom (every cue is a row in bot/parse/cues.py or a pattern below):
  header    masthead (大 会), Distr. line, 第七十五届会议, 议程项目 130(t), agenda title,
            the adoption line ("2021 年 4 月 28 日大会决议"; "2016年12月15日安全理事会第7838次会议
            通过" or "安全理事会2016年12月15日第7838次会议通过"), "[未经发交主要委员会而通过(…)]",
            the number: "75/276. Title", "第2326(2016)号决议", "2159 (XXI). Title",
            "第二一五九(二十一)号决议", "第四十八(一九四八)号决议"
  parts     optional lettered parts ("A", "B" before each opener), as in 50/28 A and B
  opener    "大会，" / "安全理事会，" (or the opener and the first recital on one line)
  preamble  recitals, each closing with "，"; a line that runs several together is split
            where a new recital opens
  operative numbered "1." "一、" "（一）", sub-items "(a)" "(甲)" "(i)"; or not numbered at all:
            the operative part starts at the first clause that opens with an operative verb
            and closes with "；" or "。"
  trailer   the adoption date and "第62次全体会议"
  annex     "附件" and the annexed text's paragraphs
Text before the header's first fact and after the resolution's end (a web page's chrome)
is left out, with a warning saying how much.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.model import Document, Footnote, Paragraph, ParseError
from bot.parse.cues import (
    FOOTNOTE_GLUED,
    NUMBERED,
    PLAIN_FOOTNOTE,
    SUB_ITEM,
    SUPERSCRIPT,
    ZH_RESOLUTION,
    ResolutionCues,
    recital_split_pattern,
    verb_at,
)
from bot.parse.layout import Block, Line, apply_heads, clean_lines, is_wrapped, paragraphs
from bot.symbols import find_symbols
from bot.text import chinese_date, chinese_number, english_date, roman_number, to_roman

CUES = ZH_RESOLUTION
_ORGANS = "|".join(CUES.organs)
_SPACED_ORGANS = _ORGANS.replace("大会", r"大\s*会")  # the masthead spaces 大 会
OPENER = re.compile(rf"^(?P<organ>{_SPACED_ORGANS})\s*[，,]$")
# The opener with the first recital on the same line, as pasted text often has it.
_OPENER_INLINE = re.compile(rf"^(?P<organ>{_ORGANS})\s*[，,]\s*(?P<rest>\S.*)$")

_CN = "〇零一二三四五六七八九十百"
_NUM = rf"[\d{_CN}]+"
# "75/276. Title", "ES-11/1. Title", "75/276 A. Title" (a lettered part in the number line).
_GA_NUMBER = re.compile(r"^(?P<num>(?:E?S-)?\d{1,3}/\d{1,4})(?:\s*(?P<part>[A-Z]))?\s*[.．]\s*(?P<title>\S.*)$")
# Numbers before 1976, and Council numbers, written "N (SESSION|YEAR)" with or without 第…号决议,
# in ASCII digits, Roman numerals or Chinese numerals.
_PAREN_NUMBER = re.compile(
    rf"^(?P<wrap>第)?\s*(?P<n>{_NUM})\s*[（(]\s*(?P<p>{_NUM}|[IVXLC]+)\s*[)）]\s*"
    r"(?:(?(wrap)号决议|[.．]?)\s*(?P<title>\S.*)?|号决议)$"
)
_SESSION = re.compile(r"^第(.{1,6}?)届(特别|紧急特别)?会议$")
_AGENDA = re.compile(r"^议程项目\s*(\S+)")
_DATE = rf"(?:\d{{4}}|[{_CN}]{{4}})\s*年\s*{_NUM}\s*月\s*{_NUM}\s*日"
_GA_ADOPTED = re.compile(rf"^(?P<date>{_DATE})\s*(?P<body>{_ORGANS})决议$|^(?P<body2>{_ORGANS})\s*(?P<date2>{_DATE})\s*决议$")
# The Council's adoption line, in both word orders, with an optional vote.
_ADOPTED_AT_MEETING = re.compile(
    rf"^(?:(?P<date>{_DATE})\s*(?P<body>{_ORGANS})|(?P<body2>{_ORGANS})\s*(?:于\s*)?(?P<date2>{_DATE}))\s*"
    rf"(?:举行的)?\s*第\s*(?P<meeting>{_NUM})\s*次(?P<kind>全体会议|会议)(?:上)?(?:[，,]?.{{0,40}})?通过[。.]?$"
)
_HOW = re.compile(r"^\[(.+)\]$")
_MEETING = re.compile(rf"^(?:(?P<date>{_DATE})\s*)?第\s*(?P<n>{_NUM})\s*次(?P<kind>全体会议|会议)[。.]?$")
_DATE_ONLY = re.compile(rf"^{_DATE}[。.]?$")
_PART = re.compile(r"^(?P<part>[A-Z])[.．]?$")
_ANNEX = re.compile(rf"^附\s*件\s*(?P<n>[{_CN}\dIVX]*)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
_SPLIT = recital_split_pattern(CUES)
_CLAUSE = re.compile(
    rf"(?<=[；;])[⁰¹²³⁴⁵⁶⁷⁸⁹]*(?=(?:{'|'.join(CUES.verb_prefixes)})?(?:{'|'.join(map(re.escape, CUES.operative_verbs))}))"
)
_ENDS = CUES.recital_end + CUES.operative_end

# Kept for the letter grammar, which reads a draft resolution's verbs the same way.
OPERATIVE_VERBS = CUES.operative_verbs


def is_opener(text: str) -> bool:
    return bool(OPENER.match(text) or _inline_opener(text))


def looks_like(lines: list[str]) -> bool:
    """A resolution: an opener, and after it a recital, an operative clause or a number."""
    body = [ln for ln in lines if ln]
    for i, t in enumerate(body):
        if _inline_opener(t):
            return True
        if OPENER.match(t) and i + 1 < len(body):
            nxt = body[i + 1]
            if NUMBERED.match(nxt) or verb_at(nxt, CUES.recital_verbs + CUES.operative_verbs, CUES.verb_prefixes):
                return True
    return False


def _inline_opener(text: str) -> re.Match[str] | None:
    m = _OPENER_INLINE.match(text)
    if m and verb_at(m.group("rest"), CUES.recital_verbs + CUES.operative_verbs, CUES.verb_prefixes):
        return m
    return None


def _starts(text: str) -> bool:
    return bool(
        NUMBERED.match(text)
        or SUB_ITEM.match(text)
        or OPENER.match(text)
        or _DATE_ONLY.match(text)
        or _MEETING.match(text)
        or _GA_NUMBER.match(text)
        or _ANNEX.match(text)
    )


def leading_verb(text: str, bold: list[str], cues: ResolutionCues = CUES) -> str | None:
    if bold and text.startswith(bold[0]):
        return bold[0]
    return verb_at(text, cues.operative_verbs, cues.verb_prefixes)


def split_recitals(text: str) -> list[str]:
    """A line that runs several recitals together, cut where each new one opens."""
    cuts = [m.end() for m in _SPLIT.finditer(text) if m.end() < len(text)]
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    return [p for p in pieces if p.strip()]


def split_clauses(text: str) -> list[str]:
    """Unnumbered operative clauses run together, cut after each "；" that an operative verb follows."""
    cuts = [m.end() for m in _CLAUSE.finditer(text) if m.end() < len(text)]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]


def _opens_operative(text: str, cues: ResolutionCues = CUES) -> bool:
    """An unnumbered clause that begins the operative part: an operative verb, and the
    clause closes as an operative one does (；or 。), not with a recital's comma."""
    body = text.rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹ ")
    return bool(body) and body[-1] in cues.operative_end and verb_at(text, cues.operative_verbs, cues.verb_prefixes) is not None


def _closed(text: str) -> bool:
    text = text.rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹ ")
    return bool(text) and text[-1] in _ENDS + "：:"


def resolution_body(
    blocks: list[Block], prefix: str = "", annex: str | None = None, warnings: list[str] | None = None
) -> list[Paragraph]:
    """Preamble and operative paragraphs of a resolution body (after its opener)."""
    out: list[Paragraph] = []
    pp = 0
    op: int | None = None
    numbered: bool | None = None  # does the operative part number its paragraphs?
    last_number = 0
    for b in blocks:
        m_num, m_sub = NUMBERED.match(b.text), SUB_ITEM.match(b.text)
        if m_num and (numbered is not False):
            n = int(m_num.group("n")) if m_num.group("n") else chinese_number(m_num.group("cn") or m_num.group("pcn"))
            if n is not None and (op is None or n == last_number + 1 or n > last_number):
                if op is not None and n != last_number + 1 and warnings is not None:
                    warnings.append(f"operative numbering jumps from {last_number} to {n}")
                numbered, op, last_number = True, n, n
                text = m_num.group("rest").strip()
                out.append(Paragraph("operative", f"{prefix}OP{op}", text, b.line, number=op, annex=annex,
                                     verb=leading_verb(text, b.bold)))
                continue
        if m_sub and op is not None:
            item = m_sub.group("p") or m_sub.group("b")
            out.append(Paragraph("operative", f"{prefix}OP{op}({item})", m_sub.group("rest") if m_sub.group("b") else b.text,
                                 b.line, number=op, annex=annex))
        elif op is None and not _opens_operative(b.text):
            for piece in split_recitals(b.text):
                pp += 1
                out.append(Paragraph("preamble", f"{prefix}PP{pp}", piece, b.line, annex=annex))
        elif op is None or (numbered is False and (_closed(out[-1].text) or _opens_operative(b.text))):
            # The operative part is not numbered: each clause is a paragraph, counted in order
            # (and a line that runs two clauses together is cut where the second opens).
            numbered = False
            for clause in split_clauses(b.text):
                op = (op or 0) + 1
                out.append(Paragraph("operative", f"{prefix}OP{op}", clause, b.line, number=op, annex=annex,
                                     verb=leading_verb(clause, b.bold)))
        elif out[-1].text.rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹ ").endswith(("。", ".")):
            # After the clause that ends the resolution: someone else's text (a page footer).
            if warnings is not None:
                warnings.append(f"left out text after the resolution's last paragraph at line {b.line}: {b.text[:40]}")
        else:
            # Unnumbered text after a numbered paragraph: a continuation the layout could not join.
            out[-1].text += b.text
    return out


# -- header ---------------------------------------------------------------------------------------


def _number(m: re.Match[str], doc: Document) -> None:
    """A number with a parenthesis: the Council's N (YEAR), or the Assembly's N (SESSION) before 1976."""
    n, p = chinese_number(m.group("n")), m.group("p")
    roman = re.fullmatch("[IVXLC]+", p) is not None
    year = None if roman else chinese_number(p)
    if n is None:
        return
    if year is not None and 1945 <= year <= 2100:
        doc.symbol = f"S/RES/{n} ({year})"
        doc.body = doc.body or "安全理事会"
    else:
        session = roman_number(p) if roman else year
        if session is None:
            return
        doc.symbol = f"A/RES/{n} ({to_roman(session)})"
        doc.session = doc.session or session
        doc.body = doc.body or "大会"
    if m.group("title"):
        doc.title = m.group("title").strip()


def _adopted_at_meeting(m: re.Match[str], doc: Document) -> None:
    doc.date = chinese_date(m.group("date") or m.group("date2"))
    doc.body = m.group("body") or m.group("body2")
    doc.meeting = f"第{chinese_number(m.group('meeting'))}次{m.group('kind')}"


def _ga_adopted(m: re.Match[str], doc: Document) -> None:
    doc.date = chinese_date(m.group("date") or m.group("date2"))
    doc.body = m.group("body") or m.group("body2")


def _how(m: re.Match[str], doc: Document) -> None:
    inner = m.group(1)
    doc.drafts = [s.symbol for s in find_symbols(inner)]
    doc.adoption = re.sub(r"\s*[(（][^()（）]*[)）]\s*", "", inner).strip()


def _ga_number(m: re.Match[str], doc: Document) -> None:
    doc.symbol = f"A/RES/{m.group('num')}"
    doc.title = m.group("title").strip()
    if m.group("part"):
        doc.facts["part"] = m.group("part")


def _session(m: re.Match[str], doc: Document) -> None:
    doc.session = chinese_number(m.group(1))
    if m.group(2):
        doc.facts["session_type"] = m.group(2)


def _agenda(m: re.Match[str], doc: Document) -> None:
    doc.agenda_item = m.group(1)


# Each header fact: a pattern and what it tells. The first line matching any of them is where
# the document starts; lines before it are someone else's (a web page's navigation).
_HEADER_FACTS: list[tuple[re.Pattern[str], Callable[[re.Match[str], Document], None]]] = [
    (_SESSION, _session),
    (_AGENDA, _agenda),
    (_GA_ADOPTED, _ga_adopted),
    (_ADOPTED_AT_MEETING, _adopted_at_meeting),
    (_HOW, _how),
    (_GA_NUMBER, _ga_number),
    (_PAREN_NUMBER, _number),
]
_MASTHEAD = re.compile(rf"^(?:联\s*合\s*国|{_SPACED_ORGANS}|Distr\b.*|[A-Z]{{1,3}}/\S+.*)$")


def _header(lines: list[Line], doc: Document) -> int:
    """Read the header's facts; returns how many lines before them were not the document's."""
    titles: list[str] = []
    start: int | None = None
    for i, ln in enumerate(lines):
        t = ln.text
        for pattern, apply in _HEADER_FACTS:
            if m := pattern.match(t):
                apply(m, doc)
                break
        else:
            m = None
            if _MASTHEAD.match(t):
                if t.replace(" ", "") in CUES.organs:
                    doc.body = t.replace(" ", "")
            elif english_date(t) and not _CJK.search(t):
                doc.distributed = english_date(t)
            elif start is not None and _CJK.search(t) and not _DATE_ONLY.match(t):
                titles.append(t)
            else:
                continue
        start = i if start is None else start
    if titles:
        doc.facts["agenda_title"] = "".join(titles)
        if not doc.title:
            doc.title = titles[-1].rstrip("：:")
    return start or 0


def _trailer(blocks: list[Block], doc: Document) -> list[Block]:
    """Take the adoption date and meeting off the end of the body, and anything after them
    that is not the resolution's (a licence line, a site footer)."""
    end = None
    for i, b in enumerate(blocks):
        if _MEETING.match(b.text) or _DATE_ONLY.match(b.text) or _ADOPTED_AT_MEETING.match(b.text):
            # A trailer is the date and meeting lines after the last operative paragraph.
            rest = blocks[i:]
            if all(_MEETING.match(r.text) or _DATE_ONLY.match(r.text) or _ADOPTED_AT_MEETING.match(r.text)
                   or not _looks_like_text(r.text) for r in rest):
                end = i
                break
    if end is None:
        return blocks
    for b in blocks[end:]:
        t = b.text
        if m := _MEETING.match(t):
            doc.meeting = doc.meeting or f"第{chinese_number(m.group('n'))}次{m.group('kind')}"
            doc.date = doc.date or (chinese_date(m.group("date")) if m.group("date") else None)
        elif _DATE_ONLY.match(t):
            doc.date = doc.date or chinese_date(t)
        elif m := _ADOPTED_AT_MEETING.match(t):
            if not doc.date:
                _adopted_at_meeting(m, doc)
        else:
            doc.warnings.append(f"left out text after the resolution's end at line {b.line}: {t[:40]}")
    return blocks[:end]


def _looks_like_text(text: str) -> bool:
    """A block that reads as a resolution's own paragraph, not a site's furniture."""
    return bool(NUMBERED.match(text) or SUB_ITEM.match(text) or verb_at(text, CUES.operative_verbs, CUES.verb_prefixes))


def _glue_footnotes(lines: list[Line], markers: set[int]) -> None:
    """Turn footnote markers that a PDF or a web page flattened to digits (…的报告,1欢迎…)
    back into superscripts, where the digit names a footnote or stands before a new clause."""
    cues = CUES.recital_verbs + CUES.operative_verbs

    def sup(m: re.Match[str]) -> str:
        after = m.string[m.end():]
        known = int(m.group("n")) in markers
        opens = not after.strip() or verb_at(after.lstrip(), cues, CUES.verb_prefixes)
        if known or (not m.group("closing") and opens):
            return m.group("n").translate(SUPERSCRIPT)
        return m.group(0)

    for ln in lines:
        if _DIGIT.search(ln.text):
            ln.text = FOOTNOTE_GLUED.sub(sup, ln.text)


def _plain_footnotes(lines: list[Line]) -> tuple[list[Line], list[Footnote]]:
    """Footnotes a pasted page prints as plain text after the adoption lines ("1 A/74/350。")."""
    last = max((i for i, ln in enumerate(lines) if _MEETING.match(ln.text) or _DATE_ONLY.match(ln.text)), default=None)
    if last is None:
        return lines, []
    kept, notes = lines[: last + 1], []
    for ln in lines[last + 1:]:
        if (m := PLAIN_FOOTNOTE.match(ln.text)) and not NUMBERED.match(ln.text):
            notes.append(Footnote(marker=int(m.group("n")), text=m.group("text"), line=ln.no))
        else:
            kept.append(ln)
    return kept, notes


def _annex(blocks: list[Block], doc: Document) -> list[Paragraph]:
    """The annex a resolution adopts (a declaration, a programme): its own numbered paragraphs."""
    out: list[Paragraph] = []
    name = "I"
    heading: list[str] = []
    k = 0
    for b in blocks:
        if m := _ANNEX.match(b.text):
            n = m.group("n")
            name = to_roman(chinese_number(n)) if n and chinese_number(n) else (n or "I")
            continue
        m = NUMBERED.match(b.text)
        if not m and not _closed(b.text) and not out:
            heading.append(b.text)
            continue
        k += 1
        number = int(m.group("n")) if m and m.group("n") else None
        out.append(Paragraph("annex", f"Annex {number or f'¶{k}'}" if name == "I" else f"Annex {name} {number or f'¶{k}'}",
                             m.group("rest") if m and m.group("n") else b.text, b.line, number=number, annex=name))
    if heading:
        doc.facts["annex_title"] = "：".join(heading)
    return out


def _parts(lines: list[Line]) -> list[tuple[str | None, int, int]]:
    """(part letter, index of its letter line, index of its opener line) for each opener;
    a lettered part's letter and subtitle stand before its opener."""
    out: list[tuple[str | None, int, int]] = []
    part: tuple[str, int] | None = None
    for i, ln in enumerate(lines):
        if m := _PART.match(ln.text):
            part = (m.group("part"), i)
        elif is_opener(ln.text):
            out.append((part[0], part[1], i) if part else (None, i, i))
            part = None
    return out


def parse_resolution(text: str) -> Document:
    lines, footnotes, heads = clean_lines(text)
    lines, plain_notes = _plain_footnotes(lines)
    for ln in lines:
        # Adoption lines stand alone even in text with one paragraph per line, where an
        # unpunctuated line would otherwise run into the next.
        if _MEETING.match(ln.text) or _DATE_ONLY.match(ln.text):
            ln.heading = ln.heading or 1
    openers = _parts(lines)
    if not openers:
        raise ParseError("no opening line such as '大会，' or '安全理事会，'")
    doc = Document(kind="resolution", footnotes=footnotes + plain_notes)
    lettered = len(openers) > 1 and all(part for part, _, _ in openers)
    first = openers[0][1] if lettered else openers[0][2]
    # Header lines are short, unpunctuated facts: each stands alone, never joined.
    skipped = _header([ln for ln in lines[:first] if not ln.blank], doc)
    if skipped:
        doc.warnings.append(f"left out {skipped} lines before the resolution's header")
    opener = lines[openers[0][2]].text
    doc.body = doc.body or (OPENER.match(opener) or _inline_opener(opener)).group("organ").replace(" ", "")
    apply_heads(doc, heads)
    if not doc.title and doc.symbol and doc.symbol.startswith("S/RES/"):
        # Council resolutions carry no title of their own: they are known by number.
        number, year = re.match(r"S/RES/(\d+) \((\d{4})\)", doc.symbol).groups()
        doc.title = f"第{number}({year})号决议"
    _glue_footnotes(lines, {f.marker for f in doc.footnotes})
    starts = [start for _, start, _ in openers[1:]] + [len(lines)]
    parts = []
    for (part, letter_at, opener_at), end in zip(openers, starts):
        if lettered:
            subtitle = [ln.text for ln in lines[letter_at + 1:opener_at] if not ln.blank]
            parts.append({"part": part, "title": "：".join(subtitle)})
        body = lines[opener_at:end]
        if inline := _inline_opener(body[0].text):
            body = [Line(body[0].no, body[0].raw, inline.group("rest"), 0, False, [], body[0].page), *body[1:]]
        else:
            body = body[1:]
        blocks = paragraphs(body, is_wrapped(body), starts=_starts, comma_ends=True)
        annex_at = next((i for i, b in enumerate(blocks) if _ANNEX.match(b.text)), len(blocks))
        own, annexed = blocks[:annex_at], blocks[annex_at:]
        paras = resolution_body(_trailer(own, doc), prefix=f"{part} " if lettered else "", warnings=doc.warnings)
        for p in paras:
            p.part = part if lettered else None
        doc.paragraphs += paras
        if annexed:
            doc.paragraphs += _annex(annexed, doc)
    if lettered:
        doc.facts["parts"] = parts
    if not doc.paragraphs:
        raise ParseError("a resolution with no paragraphs after its opening line")
    return doc
