"""Resolutions of the General Assembly and the Security Council (and drafts annexed to letters).

Grammar, top to bottom:
  header   body name (大 会), Distr. line, 第七十五届会议, 议程项目 130(t), agenda title,
           "2021 年 4 月 28 日大会决议", "[未经发交主要委员会而通过(A/75/L.78 …)]",
           "75/276. Title"  — or, for the Council, "第2999(2024)号决议" and
           "2024年3月1日安全理事会第9999次会议通过"
  opener   "大会，" / "安全理事会，"
  preamble paragraphs up to the first numbered one (PP1 …)
  operative "1. …" (OP1 …), sub-paragraphs "(a) …" (OP3(a) …)
  trailer  the adoption date and "第62次全体会议"
"""

from __future__ import annotations

import re

from bot.model import Document, Paragraph, ParseError
from bot.parse.layout import Block, apply_heads, clean_lines, is_wrapped, paragraphs
from bot.symbols import find_symbols
from bot.text import chinese_date, chinese_number, english_date

OPENER = re.compile(r"^(大\s*会|安全理事会|经济及社会理事会|人权理事会)\s*[，,]$")
_GA_NUMBER = re.compile(r"^(?P<num>(?:E?S-)?\d{1,3}/\d{1,4})\s*[.．]\s*(?P<title>\S.*)$")
_SC_NUMBER = re.compile(r"^第\s*(\d{1,5})\s*[（(]\s*(\d{4})\s*[)）]\s*号决议$")
_SC_ADOPTED = re.compile(r"^(?P<date>.+?日)\s*安全理事会第\s*(?P<meeting>\d+)\s*次会议通过$")
_SESSION = re.compile(r"^第(.{1,6}?)届(特别|紧急特别)?会议$")
_AGENDA = re.compile(r"^议程项目\s*(\S+)")
_GA_ADOPTED = re.compile(r"^(?P<date>.+?日)\s*(?P<body>大会|经济及社会理事会|人权理事会)决议$")
_HOW = re.compile(r"^\[(.+)\]$")
_MEETING = re.compile(r"^(?:(?P<date>\d{4}\s*年.+?日)\s*)?第\s*(?P<n>\d+)\s*次(?P<kind>全体会议|会议)$")
_OPERATIVE = re.compile(r"^(\d{1,3})\s*[.．]\s*(\S.*)$")
_SUB = re.compile(r"^[(（]([a-z]{1,2}|[ivx]{1,5})[)）]\s*(\S.*)$")
_DATE_ONLY = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")

# Operative paragraphs open with a verb; the longest match wins (表示赞赏地注意到 over 注意到).
OPERATIVE_VERBS = sorted(
    ["决定", "又决定", "还决定", "请", "又请", "还请", "邀请", "鼓励", "又鼓励", "欢迎", "又欢迎", "强调", "又强调", "承认", "确认", "重申", "提议", "建议", "注意到", "表示注意到", "赞赏地注意到", "表示赞赏地注意到", "满意地注意到", "关切地注意到", "呼吁", "吁请", "促请", "敦促", "要求", "授权", "核可", "赞扬", "赞赏", "支持", "谴责", "强烈谴责", "表示关切", "深表关切", "感谢", "申明", "宣布", "认可", "同意", "期待", "表示", "重申其", "回顾", "深信", "认识到", "坚决谴责", "敦请", "责成", "指出", "着重指出", "强调指出", "鼓励会员国"],
    key=len,
    reverse=True,
)


def _starts(text: str) -> bool:
    return bool(
        _OPERATIVE.match(text)
        or _SUB.match(text)
        or OPENER.match(text)
        or _DATE_ONLY.match(text)
        or _MEETING.match(text)
        or _GA_NUMBER.match(text)
    )


def leading_verb(text: str, bold: list[str]) -> str | None:
    if bold and text.startswith(bold[0]):
        return bold[0]
    return next((v for v in OPERATIVE_VERBS if text.startswith(v)), None)


def resolution_body(blocks: list[Block], prefix: str = "", annex: str | None = None) -> list[Paragraph]:
    """Preamble and operative paragraphs of a resolution body (after its opener)."""
    out: list[Paragraph] = []
    pp = 0
    op: int | None = None
    for b in blocks:
        m_op, m_sub = _OPERATIVE.match(b.text), _SUB.match(b.text)
        if m_op:
            op = int(m_op.group(1))
            text = m_op.group(2).strip()
            out.append(
                Paragraph("operative", f"{prefix}OP{op}", text, b.line, number=op, annex=annex,
                          verb=leading_verb(text, b.bold))
            )
        elif m_sub and op is not None:
            out.append(
                Paragraph("operative", f"{prefix}OP{op}({m_sub.group(1)})", b.text, b.line,
                          number=op, annex=annex)
            )
        elif op is None:
            pp += 1
            out.append(Paragraph("preamble", f"{prefix}PP{pp}", b.text, b.line, annex=annex))
        else:
            # Unnumbered text after the operative part: a continuation the layout could not join.
            out[-1].text += b.text
    return out


def _trailer(blocks: list[Block], doc: Document) -> list[Block]:
    """Take the adoption date and meeting off the end of the body."""
    while blocks:
        text = blocks[-1].text
        m = _MEETING.match(text)
        if m:
            doc.meeting = f"第{m.group('n')}次{m.group('kind')}"
            doc.date = doc.date or (chinese_date(m.group("date")) if m.group("date") else None)
        elif _DATE_ONLY.match(text):
            doc.date = doc.date or chinese_date(text)
        else:
            break
        blocks = blocks[:-1]
    return blocks


def _header(blocks: list[Block], doc: Document) -> None:
    titles: list[str] = []
    for b in blocks:
        t = b.text
        if m := _SESSION.match(t):
            doc.session = chinese_number(m.group(1))
            if m.group(2):
                doc.facts["session_type"] = m.group(2)
        elif m := _AGENDA.match(t):
            doc.agenda_item = m.group(1)
        elif m := _GA_ADOPTED.match(t):
            doc.date = chinese_date(m.group("date"))
            doc.body = m.group("body")
        elif m := _SC_ADOPTED.match(t):
            doc.date = chinese_date(m.group("date"))
            doc.body = "安全理事会"
            doc.meeting = f"第{m.group('meeting')}次会议"
        elif m := _HOW.match(t):
            inner = m.group(1)
            doc.drafts = [s.symbol for s in find_symbols(inner)]
            doc.adoption = re.sub(r"\s*[(（][^()（）]*[)）]\s*", "", inner).strip()
        elif m := _GA_NUMBER.match(t):
            doc.symbol = f"A/RES/{m.group('num')}"
            doc.title = m.group("title").strip()
        elif m := _SC_NUMBER.match(t):
            doc.symbol = f"S/RES/{m.group(1)} ({m.group(2)})"
            doc.body = "安全理事会"
        elif t.replace(" ", "") in ("大会", "安全理事会", "经济及社会理事会"):
            doc.body = t.replace(" ", "")
        elif t.replace(" ", "") == "联合国" or t.startswith("Distr"):
            continue
        elif english_date(t) and not re.search(r"[\u4e00-\u9fff]", t):
            doc.distributed = english_date(t)
        elif re.search(r"[\u4e00-\u9fff]", t):
            titles.append(t)
    if titles:
        doc.facts["agenda_title"] = "".join(titles)
        if not doc.title:
            doc.title = titles[-1].rstrip("：:")


def parse_resolution(text: str) -> Document:
    lines, footnotes, heads = clean_lines(text)
    opener = next((i for i, ln in enumerate(lines) if OPENER.match(ln.text)), None)
    if opener is None:
        raise ParseError("no opening line such as '大会，' or '安全理事会，'")
    doc = Document(kind="resolution", footnotes=footnotes)
    # Header lines are short, unpunctuated facts: each stands alone, never joined.
    _header([Block(ln.text, ln.no, [ln]) for ln in lines[:opener] if not ln.blank], doc)
    doc.body = doc.body or lines[opener].text.rstrip("，,").replace(" ", "")
    apply_heads(doc, heads)
    if not doc.title and doc.symbol and doc.symbol.startswith("S/RES/"):
        # Council resolutions carry no title of their own: they are known by number.
        number, year = re.match(r"S/RES/(\d+) \((\d{4})\)", doc.symbol).groups()
        doc.title = f"第{number}({year})号决议"
    body = lines[opener + 1 :]
    doc.paragraphs = resolution_body(_trailer(paragraphs(body, is_wrapped(body), starts=_starts, comma_ends=True), doc))
    if not doc.paragraphs:
        raise ParseError("a resolution with no paragraphs after its opening line")
    return doc
