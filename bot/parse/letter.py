"""Letters to the Secretary-General (or a President) with their annexes.

Grammar:
  header   Distr.: General / date / Chinese / Original: Russian
  headings 第六十四届会议, the request (请求…列入…项目), the item title,
           "2009年7月14日俄罗斯联邦常驻联合国代表给秘书长的信"
  body     the letter's paragraphs (L1 …) up to the signatory, "维塔利·丘尔金(签名)"
  annexes  "附件一", "附件二" …, each with its own headings; numbered paragraphs are
           explanatory (Annex I 1 …); an annex that opens with "大会，" or is headed
           决议草案 is a draft resolution (Annex II PP1 …, Annex II OP1 …)
"""

from __future__ import annotations

import re

from bot.model import Document, Paragraph, ParseError
from bot.parse.layout import Block, apply_heads, clean_lines, is_wrapped, paragraphs
from bot.parse.resolution import OPENER, resolution_body
from bot.text import chinese_date, chinese_number, english_date

_LETTER_HEADING = re.compile(r"^(?P<date>\d{4}\s*年.+?日)(?P<sender>.+?)给(?P<addressee>.+?)的(?:信|普通照会)$")
_SIGNATURE = re.compile(r"^(?:(?P<name>.+?)\s*[（(]签名[)）]|[（(]签名[)）]\s*(?P<after>.+))$")
# "附件一", a lone "附件", or "2024年6月3日…给…的信的附件".
_ANNEX = re.compile(r"^(?:附件\s*(?P<n>[一二三四五六七八九十\d]+)?|.{4,80}的(?:信|普通照会)的附件(?P<m>[一二三四五六七八九十]*))$")
# Lines of the masthead that name the organisation, not the letter.
_MASTHEAD = {"联合国", "大会", "安全理事会", "经济及社会理事会"}
_SESSION = re.compile(r"^第(.{1,6}?)届会议$")
_AGENDA = re.compile(r"^议程项目\s*(\S+)$")
_COUNCIL_YEAR = re.compile(r"^第.{1,6}年$")
_NUMBERED = re.compile(r"^(\d{1,3})\s*[.．]\s*(\S.*)$")
_ORIGINAL = re.compile(r"^Original:\s*(\w+)", re.IGNORECASE)
_LANG = {"russian": "ru", "english": "en", "french": "fr", "spanish": "es", "arabic": "ar", "chinese": "zh"}
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _starts(text: str) -> bool:
    return bool(_NUMBERED.match(text) or _ANNEX.match(text) or _SIGNATURE.match(text) or OPENER.match(text))


def _is_title(text: str) -> bool:
    return len(text) <= 60 and text[-1] not in "。，,；;：:！？" and not _NUMBERED.match(text)


def _annex(blocks: list[Block], roman: str) -> tuple[list[Paragraph], list[str]]:
    """Paragraphs and headings of one annex."""
    # Headings are marked as such, or, in plain text, are the short unpunctuated lines
    # that open the annex ("太平洋岛国…联合声明").
    lead = 0
    while lead < len(blocks) and (blocks[lead].lines[0].heading or _is_title(blocks[lead].text)):
        lead += 1
    headings = [b.text for b in blocks[:lead]] + [b.text for b in blocks[lead:] if b.lines[0].heading]
    body = [b for b in blocks[lead:] if not b.lines[0].heading]
    opener = next((i for i, b in enumerate(body) if OPENER.match(b.text)), None)
    if opener is not None or any("决议草案" in h for h in headings):
        start = opener + 1 if opener is not None else 0
        return resolution_body(body[start:], prefix=f"Annex {roman} ", annex=roman), headings
    out = []
    for k, b in enumerate(body, start=1):
        m = _NUMBERED.match(b.text)
        number = int(m.group(1)) if m else None
        out.append(
            Paragraph("explanatory", f"Annex {roman} {number or f'¶{k}'}", m.group(2) if m else b.text,
                      b.line, number=number, annex=roman)
        )
    return out, headings


def parse_letter(text: str) -> Document:
    lines, footnotes, heads = clean_lines(text)
    for ln in lines:
        # The letter's heading and its annexes' headings stand alone even in plain text,
        # where nothing else marks them and an unpunctuated line would join the next.
        if _LETTER_HEADING.match(ln.text) or _ANNEX.match(ln.text):
            ln.heading = ln.heading or 1
    blocks = paragraphs(lines, is_wrapped(lines), starts=_starts, comma_ends=True)
    doc = Document(kind="letter", footnotes=footnotes)
    apply_heads(doc, heads)
    heading_at = next((i for i, b in enumerate(blocks) if _LETTER_HEADING.match(b.text)), None)
    if heading_at is None:
        raise ParseError("no letter heading such as '2009年7月14日…给秘书长的信'")
    m = _LETTER_HEADING.match(blocks[heading_at].text)
    doc.facts.update(letter_date=chinese_date(m.group("date")), sender=m.group("sender"),
                     addressee=m.group("addressee"), heading=blocks[heading_at].text)
    titles = []
    started = False  # lines before the masthead's first fact are a web page's, not the letter's
    for b in blocks[:heading_at]:
        for ln in b.lines:
            t = ln.text
            known = bool(_SESSION.match(t) or _ORIGINAL.match(t) or english_date(t) or _AGENDA.match(t)
                         or _COUNCIL_YEAR.match(t) or t.replace(" ", "") in _MASTHEAD)
            started = started or known
            if not started:
                continue
            if (s := _SESSION.match(t)) and doc.session is None:
                doc.session = chinese_number(s.group(1))
            elif o := _ORIGINAL.match(t):
                doc.original_language = _LANG.get(o.group(1).lower())
            elif english_date(t) and not doc.distributed:
                doc.distributed = english_date(t)
            elif a := _AGENDA.match(t):
                doc.agenda_item = a.group(1)
            elif _COUNCIL_YEAR.match(t):
                continue  # the Council's year, printed beside the Assembly's session
            elif t.replace(" ", "") in _MASTHEAD:
                doc.body = doc.body or t.replace(" ", "").replace("联合国", "") or None
            elif re.search(r"[\u4e00-\u9fff]", t):
                titles.append(t)
    doc.title = "：".join(titles) if titles else blocks[heading_at].text
    doc.date = doc.facts["letter_date"]

    annex_at = [i for i, b in enumerate(blocks) if _ANNEX.match(b.text)]
    letter_end = annex_at[0] if annex_at else len(blocks)
    n = 0
    for b in blocks[heading_at + 1 : letter_end]:
        if sig := _SIGNATURE.match(b.text):
            doc.facts["signatory"] = (sig.group("name") or sig.group("after")).strip()
            continue
        if "signatory" in doc.facts and not annex_at:
            # After the signature of a letter without annexes: a web page's footer, not the letter.
            doc.warnings.append(f"left out text after the letter's signature at line {b.line}: {b.text[:40]}")
            continue
        n += 1
        doc.paragraphs.append(Paragraph("body", f"L{n}", b.text, b.line))
    request = next((p.text for p in doc.paragraphs if "请求" in p.text), None)
    if request:
        doc.facts["request"] = request
    annexes = []
    for k, start in enumerate(annex_at):
        end = annex_at[k + 1] if k + 1 < len(annex_at) else len(blocks)
        m = _ANNEX.match(blocks[start].text)
        number = chinese_number(m.group("n") or m.group("m") or "") or k + 1
        roman = ROMAN[number] if number < len(ROMAN) else str(number)
        paras, headings = _annex(blocks[start + 1 : end], roman)
        doc.paragraphs.extend(paras)
        annexes.append({"annex": roman, "title": "：".join(headings), "paragraphs": len(paras)})
    doc.facts["annexes"] = annexes
    return doc
