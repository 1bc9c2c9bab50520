"""Statements by the President of the Security Council (S/PRST/…).

Grammar:
  masthead   联合国 S/PRST/2010/1 / 安全理事会 / Distr.: General / 13 January 2010 / Chinese /
             Original: English (or 分发：普遍 / 原件：英文)
  heading    安全理事会主席的声明
  intro      "在2010年1月13日举行的安全理事会第6257次会议上，安理会在审议题为“…”的项目时，
             安全理事会主席代表安理会发表如下声明：" — the parts in any order ("安全理事会
             2010年1月13日第6257次会议…"): the meeting's date and number, the item, the formula
  statement  its paragraphs, each usually opened with “ (the closing ” on the last only: the
             quotation of the whole statement), sometimes numbered "1."

The wrapper quotes are taken off the display text (they belong to the intro's "发表如下声明：",
not to the statement); quotation marks inside a paragraph stay.

English is the same grammar from its own table: "Statement by the President of the Security
Council", "At the 3848th meeting of the Security Council, held on 14 January 1998, in connection
with the Council's consideration of the item entitled “…”, the President of the Security Council
made the following statement on behalf of the Council:", then the (quoted) paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.model import Document, Paragraph, ParseError
from bot.parse.cues_record import HINT_SPAN, mostly_han, ordinal_suffix, spaced
from bot.parse.layout import apply_heads, clean_lines, is_wrapped, paragraphs
from bot.symbols import find_symbols
from bot.text import chinese_date, english_date, strip_markdown


@dataclass(frozen=True)
class StatementCues:
    language: str
    headings: tuple[str, ...]  # the heading over the statement (a whole line)
    formula: str  # the end of the intro: the President makes the statement
    meeting: str  # group n
    item: str  # group item
    body: str  # the organ the statement speaks for
    symbol: str  # the masthead's symbol line
    original: str  # "Original: English": group lang
    languages: dict[str, str]  # language names on the masthead → ISO 639-1
    opening_quotes: str
    closing_quotes: str
    number: str  # a numbered paragraph: group n, then the text
    meeting_name: str = "第{n}次会议"
    title: str = "安全理事会主席的声明"  # when the text names no item
    date: Callable[[str], str | None] = chinese_date  # the meeting's date, in the intro
    hints: tuple[str, ...] = ()  # worth trying only where one of these is in the first lines; none: always


ZH_STATEMENT = StatementCues(
    language="zh",
    headings=("安全理事会主席的声明", "安全理事会主席声明", "安理会主席的声明"),
    formula=r"(?:代表(?:安全理事会|安理会))?发表(?:了)?(?:如下|以下|下述)声明\s*[：:]",
    meeting=r"第\s*(?P<n>\d+)\s*次\s*会议",
    item=r"题为\s*[“\"「『](?P<item>.+?)[”\"」』]\s*的\s*(?:项目|议程项目)",
    body="安全理事会",
    symbol=r"^(?:联\s*合\s*国\s*)?S\s*/\s*PRST\s*/\s*\d{4}\s*/\s*\d+$",
    original=r"^(?:Original|原件|原文)\s*[:：]\s*(?P<lang>\S+)",
    languages={"english": "en", "french": "fr", "russian": "ru", "spanish": "es", "arabic": "ar",
               "chinese": "zh", "英文": "en", "法文": "fr", "俄文": "ru", "西班牙文": "es", "阿拉伯文": "ar",
               "中文": "zh"},
    opening_quotes="“「『\"",
    closing_quotes="”」』\"",
    number=r"^(?P<n>\d{1,3})\s*[.．]\s*",
)

EN_STATEMENT = StatementCues(
    language="en",
    headings=("Statement by the President of the Security Council",),
    formula=r"the\s+President\s+of\s+the\s+Security\s+Council\s+made\s+the\s+following\s+statement"
            r"(?:\s+on\s+behalf\s+of\s+the\s+Council)?\s*:",
    meeting=r"\b(?P<n>\d+)(?:st|nd|rd|th)\s+meeting\b",
    item=r"(?:item|items)\s+entitled\s+[“\"‘'](?P<item>.+?)[”\"’'](?=[\s,.;:]|$)",
    body="Security Council",
    symbol=r"^(?:United\s+Nations\s+)?S\s*/\s*PRST\s*/\s*\d{4}\s*/\s*\d+$",
    original=r"^Original\s*:\s*(?P<lang>\S+)",
    languages={"english": "en", "french": "fr", "russian": "ru", "spanish": "es", "arabic": "ar", "chinese": "zh"},
    opening_quotes="“\"",
    closing_quotes="”\"",
    number=r"^(?P<n>\d{1,3})\s*\.\s+",
    meeting_name="{n}{ord} meeting",
    title="Statement by the President of the Security Council",
    date=english_date,
    hints=("Statement by the President", "made the following statement", "S/PRST/"),
)
STATEMENT_TABLES = (ZH_STATEMENT, EN_STATEMENT)


class _Grammar:
    def __init__(self, c: StatementCues) -> None:
        self.cues = c
        self.heading = re.compile(spaced("^(?:" + "|".join(re.escape(h) for h in c.headings) + r")\s*$"))
        self.formula = re.compile(spaced(c.formula))
        self.meeting = re.compile(spaced(c.meeting))
        self.item = re.compile(spaced(c.item))
        self.symbol = re.compile(c.symbol)
        self.original = re.compile(spaced(c.original), re.IGNORECASE)
        self.number = re.compile(c.number)

    def looks_at(self, text: str) -> bool:
        return not self.cues.hints or (not mostly_han(text) and any(text.find(h, 0, HINT_SPAN) >= 0 for h in self.cues.hints))


_GRAMMARS = [_Grammar(c) for c in STATEMENT_TABLES]
_G = _GRAMMARS[0]
_HEAD_LINES = 40  # the masthead and heading are within these (non-blank) lines


def looks_like(text: str) -> bool:
    """A presidential statement: its heading standing alone near the top, or its symbol on
    the masthead and the President's formula ("…发表如下声明：") soon after. A record that
    quotes a statement, or a resolution that cites one, has neither on a line of its own."""
    return _grammar_of(text) is not None


def _head(text: str) -> list[str]:
    head = []
    # Only the first lines matter: split no more of a long text than them.
    for raw in re.split(r"[\n\f]", text, maxsplit=4 * _HEAD_LINES)[: 4 * _HEAD_LINES]:
        t = strip_markdown(raw).strip()
        if t:
            head.append(t)
            if len(head) >= _HEAD_LINES:
                break
    return head


def _grammar_of(text: str) -> _Grammar | None:
    """The grammar whose heading, or whose symbol and formula, the statement's first lines have."""
    head: list[str] | None = None
    for g in _GRAMMARS:
        if not g.looks_at(text):
            continue
        head = head if head is not None else _head(text)
        if any(g.heading.match(t) for t in head):
            return g
        if any(g.symbol.match(t) for t in head[:15]) and any(g.formula.search(t) for t in head):
            return g
    return None


def _strip_wrapper(texts: list[str], c: StatementCues) -> tuple[list[str], bool]:
    """Take off the quotation marks that wrap the whole statement: an opening mark on each
    paragraph that opens one it does not close, and the closing mark of the last paragraph."""
    if not texts or texts[0][:1] not in c.opening_quotes or texts[-1][-1:] not in c.closing_quotes:
        return texts, False
    out = []
    for k, t in enumerate(texts):
        last = k == len(texts) - 1
        opens = sum(t.count(q) for q in c.opening_quotes if q != '"')
        closes = sum(t.count(q) for q in c.closing_quotes if q != '"')
        if last and t[-1:] in c.closing_quotes:
            t = t[:-1]
            closes -= 1
        # A straight quote opens and closes alike: an odd count leaves one open.
        if t[:1] in c.opening_quotes and (opens > closes or last or (t[:1] == '"' and t.count('"') % 2)):
            t = t[1:]
        out.append(t.strip())
    return out, True


def _masthead_date(t: str) -> str | None:
    """The distribution date: "13 January 2010" or "2010年1月13日" alone on its line."""
    if not re.search(r"[\u4e00-\u9fff]", t):
        return english_date(t)
    return chinese_date(t) if len(t) <= 16 else None


def parse_statement(text: str) -> Document:
    g = _grammar_of(text) or next((g for g in _GRAMMARS if g.looks_at(text) and g.formula.search(text)), _G)
    c = g.cues
    lines, footnotes, heads = clean_lines(text)
    doc = Document(kind="statement", footnotes=footnotes, body=c.body)
    apply_heads(doc, heads)
    blocks = paragraphs(lines, is_wrapped(lines), starts=lambda t: bool(g.heading.match(t)))
    heading = next((i for i, b in enumerate(blocks) if g.heading.match(b.text)), None)
    intro = next((i for i, b in enumerate(blocks) if g.formula.search(b.text)), None)
    if intro is None:
        raise ParseError("no presidential statement formula such as '…主席代表安理会发表如下声明：' or "
                         "'…the President of the Security Council made the following statement on behalf of the Council:'")
    masthead = blocks[: heading if heading is not None else intro]
    for b in masthead:
        for ln in b.lines:
            t = ln.text
            if g.symbol.match(t) and (found := find_symbols(t)):
                doc.symbol = doc.symbol or found[0].symbol
            elif m := g.original.match(t):
                doc.original_language = c.languages.get(m.group("lang").lower().rstrip("。."))
            elif d := _masthead_date(t):
                doc.distributed = doc.distributed or d
    if heading is not None:
        doc.facts["heading"] = blocks[heading].text

    intro_text = blocks[intro].text
    m = g.formula.search(intro_text)
    said, rest = intro_text[: m.end()], intro_text[m.end():].strip()
    doc.facts["intro"] = said
    doc.date = c.date(said) or doc.date
    if mm := g.meeting.search(said):
        doc.meeting = c.meeting_name.replace("{n}", mm.group("n")).replace("{ord}", ordinal_suffix(int(mm.group("n"))))
        doc.facts["meeting_number"] = int(mm.group("n"))
    if mi := g.item.search(said):
        doc.facts["item"] = mi.group("item").strip()
        doc.title = doc.facts["item"]

    found = ([(rest, blocks[intro].line)] if rest else []) + [(b.text, b.line) for b in blocks[intro + 1 :]]
    found = [(t, line) for t, line in found if re.search(r"\w", t)]
    if not found:
        raise ParseError("a presidential statement's intro with no statement after it")
    numbers: list[int | None] = []
    texts: list[str] = []
    for t, _ in found:
        n = g.number.match(t)
        numbers.append(int(n.group("n")) if n else None)
        texts.append(t[n.end():] if n else t)
    texts, quoted = _strip_wrapper(texts, c)
    doc.facts["quoted"] = quoted
    for k, (t, (_, line)) in enumerate(zip(texts, found), start=1):
        number = numbers[k - 1]
        if number is None and (n := g.number.match(t)):  # “1. 安全理事会…
            number, t = int(n.group("n")), t[n.end():]
        doc.paragraphs.append(Paragraph("body", f"¶{k}", t, line, number=number))
    if not doc.title:
        doc.title = doc.facts.get("heading") or c.title
    return doc
