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

English has the same grammar with its own cues: "Resolution adopted by the General Assembly on
17 December 2024", "[on the report of the Third Committee (A/79/456/Add.2)]", "79/513. Title",
"Resolution 2326 (2016)", "Adopted by the Security Council at its 7838th meeting, on 15
December 2016", "The General Assembly,", recitals opened by participles (Recalling, Noting
with concern), operative paragraphs opened by verbs (Decides, Also requests), "30th plenary
meeting", "Annex". Each language is a ``Grammar``: compiled patterns and how to read dates
and numbers; a document is parsed with the grammar whose opener it has.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.model import Document, Footnote, Paragraph, ParseError
from bot.parse.cues import (
    EN_RESOLUTION,
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
from bot.text import (
    chinese_date,
    chinese_number,
    english_date,
    english_ordinal,
    join_wrapped,
    roman_number,
    to_roman,
)

Fact = Callable[[re.Match[str], Document, "Grammar"], None]
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_CN = "〇零一二三四五六七八九十百"
_NUM = rf"[\d{_CN}]+"
_PART = re.compile(r"^(?P<part>[A-Z])[.．]?$")
_HOW = re.compile(r"^\[(.+)\]$")
# "75/276. Title", "ES-11/1. Title", "75/276 A. Title" (a lettered part in the number line).
_GA_NUMBER = re.compile(r"^(?P<num>(?:E?S-)?\d{1,3}/\d{1,4})(?:\s*(?P<part>[A-Z]))?\s*[.．]\s*(?P<title>\S.*)$")
_DIGIT = re.compile(r"\d")


@dataclass
class Grammar:
    """One language's resolution grammar: its cues, and the patterns of its header and trailer."""

    cues: ResolutionCues
    opener: re.Pattern[str]  # "大会，" / "The General Assembly,"
    opener_inline: re.Pattern[str]  # the opener and the first recital on one line
    facts: list[tuple[re.Pattern[str], Fact]]  # header facts, first match wins
    masthead: re.Pattern[str]  # lines that belong to the document but tell nothing we keep
    meeting: re.Pattern[str]  # the trailer's meeting line (group n, kind; optional date)
    date_only: re.Pattern[str]
    adopted_at_meeting: re.Pattern[str]  # the Council's adoption line (groups date, body, meeting)
    annex: re.Pattern[str]
    read_date: Callable[[str], str | None]
    meeting_name: Callable[[re.Match[str]], str]
    is_title: Callable[[str], bool]  # a header line that may be (part of) the title
    council_title: str  # a Council resolution's title, from number and year
    title_joiner: str
    split: re.Pattern[str] = field(init=False)
    clause: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        c = self.cues
        self.split = recital_split_pattern(c)
        verbs = "|".join(map(re.escape, c.operative_verbs))
        prefixes = "|".join(map(re.escape, c.verb_prefixes))
        self.clause = re.compile(rf"(?<=[；;])[{_SUPERSCRIPTS}]*\s*(?=(?:{prefixes})?(?:{verbs}))")

    @property
    def ends(self) -> str:
        return self.cues.recital_end + self.cues.operative_end

    def verb(self, text: str, operative: bool = True) -> str | None:
        c = self.cues
        return verb_at(text, c.operative_verbs if operative else c.recital_verbs + c.operative_verbs, c.verb_prefixes)

    def trailer_line(self, text: str) -> bool:
        return bool(self.meeting.match(text) or self.date_only.match(text) or self.adopted_at_meeting.match(text))

    def starts(self, text: str) -> bool:
        return bool(NUMBERED.match(text) or SUB_ITEM.match(text) or self.opener.match(text)
                    or self.date_only.match(text) or self.meeting.match(text) or _GA_NUMBER.match(text)
                    or self.annex.match(text))


# -- header facts, shared by the languages ---------------------------------------------------------


def _number(m: re.Match[str], doc: Document, g: Grammar) -> None:
    """A number with a parenthesis: the Council's N (YEAR), or the Assembly's N (SESSION) before 1976."""
    n, p = chinese_number(m.group("n")), m.group("p")
    roman = re.fullmatch("[IVXLC]+", p) is not None
    year = None if roman else chinese_number(p)
    if n is None:
        return
    if year is not None and 1945 <= year <= 2100:
        doc.symbol = f"S/RES/{n} ({year})"
    else:
        session = roman_number(p) if roman else year
        if session is None:
            return
        doc.symbol = f"A/RES/{n} ({to_roman(session)})"
        doc.session = doc.session or session
    if m.groupdict().get("title"):
        doc.title = m.group("title").strip()


def _adopted_at_meeting(m: re.Match[str], doc: Document, g: Grammar) -> None:
    doc.date = g.read_date(m.group("date") or m.group("date2"))
    doc.body = m.group("body") or m.group("body2")
    doc.meeting = g.meeting_name(m)


def _adopted(m: re.Match[str], doc: Document, g: Grammar) -> None:
    doc.date = g.read_date(m.group("date") or m.group("date2"))
    doc.body = m.group("body") or m.group("body2")


def _how(m: re.Match[str], doc: Document, g: Grammar) -> None:
    inner = m.group(1)
    doc.drafts = [s.symbol for s in find_symbols(inner)]
    doc.adoption = re.sub(r"\s*[(（][^()（）]*[)）]\s*", "", inner).strip()


def _ga_number(m: re.Match[str], doc: Document, g: Grammar) -> None:
    doc.symbol = f"A/RES/{m.group('num')}"
    doc.title = m.group("title").strip()
    if m.group("part"):
        doc.facts["part"] = m.group("part")


def _session(m: re.Match[str], doc: Document, g: Grammar) -> None:
    doc.session = chinese_number(m.group("n")) or english_ordinal(m.group("n"))
    if m.group("special"):
        doc.facts["session_type"] = m.group("special")


def _agenda(m: re.Match[str], doc: Document, g: Grammar) -> None:
    doc.agenda_item = re.sub(r"\s+(?=[(（])", "", m.group("item").strip())


def _council_number(m: re.Match[str], doc: Document, g: Grammar) -> None:
    doc.symbol = f"S/RES/{m.group('n')} ({m.group('y')})"


# -- Chinese -----------------------------------------------------------------------------------------

_ZH_ORGANS = "|".join(ZH_RESOLUTION.organs)
_ZH_SPACED = _ZH_ORGANS.replace("大会", r"大\s*会")  # the masthead spaces 大 会
_ZH_DATE = rf"(?:\d{{4}}|[{_CN}]{{4}})\s*年\s*{_NUM}\s*月\s*{_NUM}\s*日"
_CJK = re.compile(r"[\u4e00-\u9fff]")
# The Council's adoption line, in both word orders, with an optional vote.
_ZH_ADOPTED_AT_MEETING = re.compile(
    rf"^(?:(?P<date>{_ZH_DATE})\s*(?P<body>{_ZH_ORGANS})|(?P<body2>{_ZH_ORGANS})\s*(?:于\s*)?(?P<date2>{_ZH_DATE}))\s*"
    rf"(?:举行的)?\s*第\s*(?P<meeting>{_NUM})\s*次(?P<kind>全体会议|会议)(?:上)?(?:[，,]?.{{0,40}})?通过[。.]?$")

ZH = Grammar(
    cues=ZH_RESOLUTION,
    opener=re.compile(rf"^(?P<organ>{_ZH_SPACED})\s*[，,]$"),
    opener_inline=re.compile(rf"^(?P<organ>{_ZH_ORGANS})\s*[，,]\s*(?P<rest>\S.*)$"),
    facts=[
        (re.compile(r"^第(?P<n>.{1,6}?)届(?P<special>特别|紧急特别)?会议$"), _session),
        (re.compile(r"^议程项目\s*(?P<item>\S+)"), _agenda),
        (re.compile(rf"^(?P<date>{_ZH_DATE})\s*(?P<body>{_ZH_ORGANS})决议$|^(?P<body2>{_ZH_ORGANS})\s*(?P<date2>{_ZH_DATE})\s*决议$"),
         _adopted),
        (_ZH_ADOPTED_AT_MEETING, _adopted_at_meeting),
        (_HOW, _how),
        (_GA_NUMBER, _ga_number),
        # Numbers before 1976, and Council numbers, "N (SESSION|YEAR)" with or without 第…号决议,
        # in ASCII digits, Roman numerals or Chinese numerals.
        (re.compile(rf"^(?P<wrap>第)?\s*(?P<n>{_NUM})\s*[（(]\s*(?P<p>{_NUM}|[IVXLC]+)\s*[)）]\s*"
                    r"(?:(?(wrap)号决议|[.．]?)\s*(?P<title>\S.*)?|号决议)$"), _number),
    ],
    masthead=re.compile(rf"^(?:联\s*合\s*国|{_ZH_SPACED}|Distr\b.*|[A-Z]{{1,3}}/\S+.*)$"),
    meeting=re.compile(rf"^(?:(?P<date>{_ZH_DATE})\s*)?第\s*(?P<n>{_NUM})\s*次(?P<kind>全体会议|会议)[。.]?$"),
    date_only=re.compile(rf"^{_ZH_DATE}[。.]?$"),
    adopted_at_meeting=_ZH_ADOPTED_AT_MEETING,
    annex=re.compile(rf"^附\s*件\s*(?P<n>[{_CN}\dIVX]*)$"),
    read_date=chinese_date,
    meeting_name=lambda m: f"第{chinese_number(m.group('meeting') if 'meeting' in m.groupdict() else m.group('n'))}次{m.group('kind')}",
    is_title=lambda t: bool(_CJK.search(t)),
    council_title="第{number}({year})号决议",
    title_joiner="",
)

# -- English -----------------------------------------------------------------------------------------

_EN_ORGANS = "|".join(EN_RESOLUTION.organs)
_EN_DATE = r"\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}"
_EN_ADOPTED_AT_MEETING = re.compile(
    rf"^Adopted by the (?P<body>{_EN_ORGANS}) at its (?P<meeting>\d+)(?P<suffix>st|nd|rd|th) "
    rf"(?P<kind>meeting|plenary meeting),? on (?P<date>{_EN_DATE})\.?$(?P<body2>)?(?P<date2>)?")

EN = Grammar(
    cues=EN_RESOLUTION,
    opener=re.compile(rf"^The\s+(?P<organ>{_EN_ORGANS})\s*,$"),
    opener_inline=re.compile(rf"^The\s+(?P<organ>{_EN_ORGANS})\s*,\s*(?P<rest>\S.*)$"),
    facts=[
        (re.compile(r"^(?P<n>[A-Z][a-z]+(?:-[a-z]+)?)\s+(?:(?P<special>special|emergency special)\s+)?session$"), _session),
        (re.compile(r"^Agenda items?\s+(?P<item>\S.*)$"), _agenda),
        (re.compile(rf"^Resolution adopted by the (?P<body>{_EN_ORGANS}) on (?P<date>{_EN_DATE})$(?P<body2>)?(?P<date2>)?"),
         _adopted),
        (_EN_ADOPTED_AT_MEETING, _adopted_at_meeting),
        (re.compile(r"^Resolution (?P<n>\d{1,4}) \((?P<y>\d{4})\)$"), _council_number),
        (_HOW, _how),
        (_GA_NUMBER, _ga_number),
        (re.compile(r"^(?P<n>\d{1,4})\s*\(\s*(?P<p>\d{4}|[IVXLC]+)\s*\)\s*[.]?\s*(?P<title>\S.*)?$"), _number),
    ],
    masthead=re.compile(rf"^(?:United Nations(?:\s+[A-Z]{{1,3}}/\S+)?|{_EN_ORGANS}|Distr\b.*|Original:.*|"
                        rf"[A-Z][a-z]+|[A-Z]{{1,3}}/\S+.*)$"),
    meeting=re.compile(r"^(?P<n>\d+)(?P<suffix>st|nd|rd|th)\s+(?P<kind>plenary meeting|meeting)\.?$(?P<date>)?"),
    date_only=re.compile(rf"^{_EN_DATE}\.?$"),
    adopted_at_meeting=_EN_ADOPTED_AT_MEETING,
    annex=re.compile(r"^Annex(?:\s+(?P<n>[IVX]+|\d+))?$"),
    read_date=english_date,
    meeting_name=lambda m: f"{m.group('meeting') if 'meeting' in m.groupdict() else m.group('n')}{m.group('suffix')} {m.group('kind')}",
    is_title=lambda t: bool(re.search(r"[A-Za-z]{3}", t)),
    council_title="Resolution {number} ({year})",
    title_joiner=": ",
)

GRAMMARS = (ZH, EN)



def grammar_of(lines: list[str]) -> Grammar | None:
    """The grammar whose opener the text has (the first one found)."""
    for t in lines:
        for g in GRAMMARS:
            if g.opener.match(t) or _inline_opener(t, g):
                return g
    return None


def is_opener(text: str, g: Grammar | None = None) -> bool:
    return any(gr.opener.match(text) or _inline_opener(text, gr) for gr in ((g,) if g else GRAMMARS))


LOOK_AHEAD = 5  # lines after the opener in which a recital, a clause or a number must show


def looks_like(lines: list[str]) -> bool:
    """A resolution: an opener, and soon after it a recital, an operative clause or a number.
    Soon, not next: a first recital whose opening words are misspelt or unusual (an OCR'd
    "Deeply concemed", a pasted text's typo) must not make the whole resolution a plain
    document when the recitals after it open as recitals do."""
    body = [ln for ln in lines if ln]
    for i, t in enumerate(body):
        for g in GRAMMARS:
            if _inline_opener(t, g):
                return True
            if g.opener.match(t):
                after = body[i + 1:i + 1 + LOOK_AHEAD]
                if any(NUMBERED.match(nxt) or g.verb(nxt, operative=False) for nxt in after):
                    return True
    return False


def _inline_opener(text: str, g: Grammar) -> re.Match[str] | None:
    m = g.opener_inline.match(text)
    if m and g.verb(m.group("rest"), operative=False):
        return m
    return None


def leading_verb(text: str, bold: list[str], g: Grammar = ZH) -> str | None:
    if bold and text.startswith(bold[0]):
        return bold[0]
    return g.verb(text)


def split_recitals(text: str, g: Grammar = ZH) -> list[str]:
    """A line that runs several recitals together, cut where each new one opens."""
    cuts = [m.end() for m in g.split.finditer(text) if m.end() < len(text)]
    pieces = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)])]
    return [p for p in pieces if p]


def split_clauses(text: str, g: Grammar = ZH) -> list[str]:
    """Unnumbered operative clauses run together, cut after each "；" that an operative verb follows."""
    cuts = [m.end() for m in g.clause.finditer(text) if m.end() < len(text)]
    return [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)])]


def _opens_operative(text: str, g: Grammar) -> bool:
    """An unnumbered clause that begins the operative part: an operative verb, and the
    clause closes as an operative one does (；or 。), not with a recital's comma."""
    body = text.rstrip(_SUPERSCRIPTS + " ")
    return bool(body) and body[-1] in g.cues.operative_end and g.verb(text) is not None


def _closed(text: str, g: Grammar) -> bool:
    text = text.rstrip(_SUPERSCRIPTS + " ")
    return bool(text) and text[-1] in g.ends + "：:"


def _grammar_of_blocks(blocks: list[Block]) -> Grammar:
    sample = " ".join(b.text for b in blocks[:6])
    return EN if len(re.findall(r"[A-Za-z]", sample)) > len(_CJK.findall(sample)) else ZH


def resolution_body(
    blocks: list[Block], prefix: str = "", annex: str | None = None, warnings: list[str] | None = None,
    g: Grammar | None = None,
) -> list[Paragraph]:
    """Preamble and operative paragraphs of a resolution body (after its opener)."""
    g = g or _grammar_of_blocks(blocks)
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
                                     verb=leading_verb(text, b.bold, g)))
                continue
        if m_sub and op is not None:
            item = m_sub.group("p") or m_sub.group("b")
            out.append(Paragraph("operative", f"{prefix}OP{op}({item})", m_sub.group("rest") if m_sub.group("b") else b.text,
                                 b.line, number=op, annex=annex))
        elif op is None and out and g is EN and b.text[:1].islower():
            # A recital a page break cut after a comma: its second half opens in lower case.
            out[-1].text = join_wrapped([out[-1].text, b.text])
        elif op is None and not _opens_operative(b.text, g):
            for piece in split_recitals(b.text, g):
                pp += 1
                out.append(Paragraph("preamble", f"{prefix}PP{pp}", piece, b.line, annex=annex))
        elif op is None or (numbered is False and (_closed(out[-1].text, g) or _opens_operative(b.text, g))):
            # The operative part is not numbered: each clause is a paragraph, counted in order
            # (and a line that runs two clauses together is cut where the second opens).
            numbered = False
            for clause in split_clauses(b.text, g):
                op = (op or 0) + 1
                out.append(Paragraph("operative", f"{prefix}OP{op}", clause, b.line, number=op, annex=annex,
                                     verb=leading_verb(clause, b.bold, g)))
        elif out[-1].text.rstrip(_SUPERSCRIPTS + " ").endswith(("。", ".")):
            # After the clause that ends the resolution: someone else's text (a page footer).
            if warnings is not None:
                warnings.append(f"left out text after the resolution's last paragraph at line {b.line}: {b.text[:40]}")
        else:
            # Unnumbered text after a numbered paragraph: a continuation the layout could not join.
            out[-1].text = join_wrapped([out[-1].text, b.text])
    return out


# -- header, trailer, footnotes, annex ----------------------------------------------------------------


def _fact(t: str, doc: Document, g: Grammar) -> bool:
    for pattern, apply in g.facts:
        if m := pattern.match(t):
            apply(m, doc, g)
            return True
    return False


def _read_fact(texts: list[str], i: int, doc: Document, g: Grammar) -> int:
    """How many lines from ``texts[i]`` make a header fact (read into ``doc``): 0 if none.
    A fact the PDF's wrap cut over two or three lines ("…on 17" / "December 2024") is read joined."""
    for n in (1, 2, 3):
        if i + n > len(texts):
            break
        if _fact(join_wrapped(texts[i:i + n]), doc, g):
            return n
    return 0


def _header(lines: list[Line], doc: Document, g: Grammar) -> int:
    """Read the header's facts; returns how many lines before them were not the document's."""
    titles: list[str] = []
    start: int | None = None
    texts = [ln.text for ln in lines]
    i = 0
    while i < len(texts):
        t = texts[i]
        used = _read_fact(texts, i, doc, g)
        if not used:
            if g.masthead.match(t):
                if t.replace(" ", "") in g.cues.organs or t in g.cues.organs:
                    doc.body = t if g is EN else t.replace(" ", "")
            elif english_date(t) and not _CJK.search(t) and doc.distributed is None:
                doc.distributed = english_date(t)
            elif start is not None and g.is_title(t) and not g.date_only.match(t):
                titles.append(t)
            else:
                i += 1
                continue
            used = 1
        start = i if start is None else start
        i += used
    if titles:
        doc.facts["agenda_title"] = g.title_joiner.join(titles)
        if not doc.title:
            doc.title = titles[-1].rstrip("：:")
    return start or 0


def _trailer(blocks: list[Block], doc: Document, g: Grammar) -> list[Block]:
    """Take the adoption date and meeting off the end of the body, and anything after them
    that is not the resolution's (a licence line, a site footer)."""
    end = None
    for i, b in enumerate(blocks):
        # A trailer is the date and meeting lines after the last operative paragraph.
        if g.trailer_line(b.text) and all(g.trailer_line(r.text) or not _looks_like_text(r.text, g) for r in blocks[i:]):
            end = i
            break
    if end is None:
        return blocks
    for b in blocks[end:]:
        t = b.text
        if m := g.meeting.match(t):
            doc.meeting = doc.meeting or g.meeting_name(m)
            doc.date = doc.date or (g.read_date(m.group("date")) if m.group("date") else None)
        elif g.date_only.match(t):
            doc.date = doc.date or g.read_date(t)
        elif m := g.adopted_at_meeting.match(t):
            if not doc.date:
                _adopted_at_meeting(m, doc, g)
        else:
            doc.warnings.append(f"left out text after the resolution's end at line {b.line}: {t[:40]}")
    return blocks[:end]


def _looks_like_text(text: str, g: Grammar) -> bool:
    """A block that reads as a resolution's own paragraph, not a site's furniture."""
    return bool(NUMBERED.match(text) or SUB_ITEM.match(text) or g.verb(text))


def _glue_footnotes(lines: list[Line], markers: set[int], g: Grammar) -> None:
    """Turn footnote markers that a PDF or a web page flattened to digits (…的报告,1欢迎…)
    back into superscripts, where the digit names a footnote or stands before a new clause."""

    def sup(m: re.Match[str]) -> str:
        after = m.string[m.end():]
        known = int(m.group("n")) in markers
        opens = not after.strip() or g.verb(after.lstrip(), operative=False)
        if known or (not m.group("closing") and opens):
            return m.group("n").translate(SUPERSCRIPT)
        return m.group(0)

    for ln in lines:
        if _DIGIT.search(ln.text):
            ln.text = FOOTNOTE_GLUED.sub(sup, ln.text)


def _plain_footnotes(lines: list[Line], g: Grammar) -> tuple[list[Line], list[Footnote]]:
    """Footnotes a pasted page prints as plain text after the adoption lines ("1 A/74/350。")."""
    last = max((i for i, ln in enumerate(lines) if g.meeting.match(ln.text) or g.date_only.match(ln.text)), default=None)
    if last is None:
        return lines, []
    kept, notes = lines[: last + 1], []
    for ln in lines[last + 1:]:
        if (m := PLAIN_FOOTNOTE.match(ln.text)) and not NUMBERED.match(ln.text):
            notes.append(Footnote(marker=int(m.group("n")), text=m.group("text"), line=ln.no))
        else:
            kept.append(ln)
    return kept, notes


def _annex(blocks: list[Block], doc: Document, g: Grammar) -> list[Paragraph]:
    """The annex a resolution adopts (a declaration, a programme): its own numbered paragraphs."""
    out: list[Paragraph] = []
    name = "I"
    heading: list[str] = []
    k = 0
    for b in blocks:
        if m := g.annex.match(b.text):
            n = m.group("n")
            value = (roman_number(n) or chinese_number(n)) if n else None
            name = to_roman(value) if value else "I"
            continue
        m = NUMBERED.match(b.text)
        if not m and not _closed(b.text, g) and not out:
            heading.append(b.text)
            continue
        k += 1
        number = int(m.group("n")) if m and m.group("n") else None
        out.append(Paragraph("annex", f"Annex {number or f'¶{k}'}" if name == "I" else f"Annex {name} {number or f'¶{k}'}",
                             m.group("rest") if m and m.group("n") else b.text, b.line, number=number, annex=name))
    if heading:
        doc.facts["annex_title"] = g.title_joiner.join(heading) if g is EN else "：".join(heading)
    return out


def _parts(lines: list[Line], g: Grammar) -> list[tuple[str | None, int, int]]:
    """(part letter, index of its letter line, index of its opener line) for each opener;
    a lettered part's letter and subtitle stand before its opener."""
    out: list[tuple[str | None, int, int]] = []
    part: tuple[str, int] | None = None
    for i, ln in enumerate(lines):
        if m := _PART.match(ln.text):
            part = (m.group("part"), i)
        elif is_opener(ln.text, g):
            out.append((part[0], part[1], i) if part else (None, i, i))
            part = None
    return out


def parse_resolution(text: str) -> Document:
    lines, footnotes, heads = clean_lines(text)
    g = grammar_of([ln.text for ln in lines])
    if g is None:
        raise ParseError("no opening line such as '大会，' or 'The General Assembly,'")
    lines, plain_notes = _plain_footnotes(lines, g)
    for ln in lines:
        # Adoption lines stand alone even in text with one paragraph per line, where an
        # unpunctuated line would otherwise run into the next.
        if g.meeting.match(ln.text) or g.date_only.match(ln.text):
            ln.heading = ln.heading or 1
    openers = _parts(lines, g)
    doc = Document(kind="resolution", footnotes=footnotes + plain_notes)
    lettered = len(openers) > 1 and all(part for part, _, _ in openers)
    first = openers[0][1] if lettered else openers[0][2]
    # Header lines are short, unpunctuated facts: each stands alone, never joined.
    skipped = _header([ln for ln in lines[:first] if not ln.blank], doc, g)
    if skipped:
        doc.warnings.append(f"left out {skipped} lines before the resolution's header")
    opener = lines[openers[0][2]].text
    organ = (g.opener.match(opener) or _inline_opener(opener, g)).group("organ")
    doc.body = doc.body or (organ if g is EN else organ.replace(" ", ""))
    apply_heads(doc, heads)
    if not doc.title and doc.symbol and doc.symbol.startswith("S/RES/"):
        # Council resolutions carry no title of their own: they are known by number.
        number, year = re.match(r"S/RES/(\d+) \((\d{4})\)", doc.symbol).groups()
        doc.title = g.council_title.format(number=number, year=year)
    if g is ZH:
        _glue_footnotes(lines, {f.marker for f in doc.footnotes}, g)
    starts = [start for _, start, _ in openers[1:]] + [len(lines)]
    parts = []
    for (part, letter_at, opener_at), end in zip(openers, starts):
        if lettered:
            subtitle = [ln.text for ln in lines[letter_at + 1:opener_at] if not ln.blank]
            parts.append({"part": part, "title": "：".join(subtitle) if g is ZH else ": ".join(subtitle)})
        body = lines[opener_at:end]
        if inline := _inline_opener(body[0].text, g):
            body = [Line(body[0].no, body[0].raw, inline.group("rest"), 0, False, [], body[0].page), *body[1:]]
        else:
            body = body[1:]
        blocks = paragraphs(body, is_wrapped(body), starts=g.starts, comma_ends=True)
        annex_at = next((i for i, b in enumerate(blocks) if g.annex.match(b.text)), len(blocks))
        own, annexed = blocks[:annex_at], blocks[annex_at:]
        paras = resolution_body(_trailer(own, doc, g), prefix=f"{part} " if lettered else "",
                                warnings=doc.warnings, g=g)
        for p in paras:
            p.part = part if lettered else None
        doc.paragraphs += paras
        if annexed:
            doc.paragraphs += _annex(annexed, doc, g)
    if lettered:
        doc.facts["parts"] = parts
    if not doc.paragraphs:
        raise ParseError("a resolution with no paragraphs after its opening line")
    return doc
