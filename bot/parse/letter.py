"""Letters to the Secretary-General (or a President) with their annexes.

Grammar:
  header   Distr.: General / date / Chinese / Original: Russian
  headings 第六十四届会议, the request (请求…列入…项目), the item title,
           "2009年7月14日俄罗斯联邦常驻联合国代表给秘书长的信"
  body     the letter's paragraphs (L1 …) up to the signatory, "维塔利·丘尔金(签名)"
  annexes  "附件一", "附件二" …, each with its own headings; numbered paragraphs are
           explanatory (Annex I 1 …); an annex that opens with "大会，" or is headed
           决议草案 is a draft resolution (Annex II PP1 …, Annex II OP1 …)

English is the same grammar from its own patterns: "Letter dated 14 July 2009 from the Permanent
Representative of the Russian Federation to the United Nations addressed to the
Secretary-General" (also "Identical letters dated …", "Note verbale dated …", the heading wrapped
over lines as a PDF prints it), "(Signed) Vitaly Churkin", "Annex I", "Annex to the letter dated
…", an annexed draft resolution opening "The General Assembly,".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.model import Document, Paragraph, ParseError
from bot.parse.cues_record import mostly_han
from bot.parse.layout import Block, Line, apply_heads, clean_lines, is_wrapped, paragraphs
from bot.parse.resolution import EN as EN_RESOLUTION
from bot.parse.resolution import ZH as ZH_RESOLUTION
from bot.parse.resolution import is_opener, resolution_body
from bot.text import chinese_date, chinese_number, english_date, english_ordinal, roman_number

_NUMBERED = re.compile(r"^(\d{1,3})\s*[.．]\s*(\S.*)$")
_ORIGINAL = re.compile(r"^Original:\s*(\w+)", re.IGNORECASE)
_LANG = {"russian": "ru", "english": "en", "french": "fr", "spanish": "es", "arabic": "ar", "chinese": "zh"}
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


@dataclass(frozen=True)
class LetterGrammar:
    language: str
    heading: re.Pattern[str]  # the letter's heading, whole: groups date, sender, addressee
    signature: re.Pattern[str]  # groups name or after
    annex: re.Pattern[str]  # "附件一", "Annex II", "Annex to the letter dated …": group n (or m)
    session: re.Pattern[str]  # group n
    agenda: re.Pattern[str]  # group 1
    council_year: re.Pattern[str]
    masthead: dict[str, str | None]  # masthead lines naming the organisation → the body, None for the UN
    normal: Callable[[str], str]  # a masthead line as the table writes it
    skip: re.Pattern[str] | None  # masthead lines that are neither facts nor titles
    title_chars: re.Pattern[str]  # a masthead line with these is (part of) the title
    title_max: int  # an annex's heading is at most this long …
    title_ends: str  # … and ends with none of these
    joiner: str  # between titles
    request: Callable[[str], bool]  # a paragraph that asks for an item's inclusion
    draft: Callable[[str], bool]  # an annex heading that announces a draft resolution
    opener: Callable[[str], bool]  # "大会，" / "The General Assembly,"
    read_date: Callable[[str], str | None]
    number: Callable[[str], int | None]  # an annex's number
    session_number: Callable[[str], int | None]
    article: re.Pattern[str] | None = None  # "the" before a sender or an addressee
    heading_start: re.Pattern[str] | None = None  # the first line of a heading a wrap may cut
    example: str = "2009年7月14日…给秘书长的信"


ZH = LetterGrammar(
    language="zh",
    heading=re.compile(r"^(?P<date>\d{4}\s*年.+?日)(?P<sender>.+?)给(?P<addressee>.+?)的(?:信|普通照会)$"),
    signature=re.compile(r"^(?:(?P<name>.+?)\s*[（(]签名[)）]|[（(]签名[)）]\s*(?P<after>.+))$"),
    # "附件一", a lone "附件", or "2024年6月3日…给…的信的附件".
    annex=re.compile(r"^(?:附件\s*(?P<n>[一二三四五六七八九十\d]+)?|.{4,80}的(?:信|普通照会)的附件(?P<m>[一二三四五六七八九十]*))$"),
    session=re.compile(r"^第(?P<n>.{1,6}?)届会议$"),
    agenda=re.compile(r"^议程项目\s*(\S+)$"),
    council_year=re.compile(r"^第.{1,6}年$"),
    masthead={"联合国": None, "大会": "大会", "安全理事会": "安全理事会", "经济及社会理事会": "经济及社会理事会"},
    normal=lambda t: t.replace(" ", ""),
    skip=None,
    title_chars=re.compile(r"[\u4e00-\u9fff]"),
    title_max=60,
    title_ends="。，,；;：:！？",
    joiner="：",
    request=lambda t: "请求" in t,
    draft=lambda h: "决议草案" in h,
    opener=lambda t: bool(ZH_RESOLUTION.opener.match(t)),
    read_date=chinese_date,
    number=chinese_number,
    session_number=chinese_number,
)

_EN_DATE = rf"\d{{1,2}}\s+(?:{_EN_MONTHS})\s+\d{{4}}"
_EN_KIND = r"(?:Identical\s+letters|Letter|Note\s+verbale)"

EN = LetterGrammar(
    language="en",
    heading=re.compile(rf"^{_EN_KIND}\s+dated\s+(?P<date>{_EN_DATE})\s+from\s+(?P<sender>.+?)\s+addressed\s+to\s+"
                       r"(?P<addressee>.+?)\.?$"),
    signature=re.compile(r"^(?:(?P<name>.+?)\s*\(Signed\)|\(Signed\)\s*(?P<after>.+))$"),
    annex=re.compile(rf"^(?:Annex|Enclosure)(?:\s+(?P<n>[IVX]+|\d+))?(?:\s+to\s+the\s+(?:identical\s+)?"
                     rf"(?:letter|letters|note\s+verbale)\s+dated\s+{_EN_DATE}\b.{{0,300}})?(?P<m>)$"),
    session=re.compile(r"^(?P<n>[A-Z][a-z]+(?:-[a-z]+)?)\s+session$"),
    agenda=re.compile(r"^Agenda\s+items?\s+(\S.*)$"),
    council_year=re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)?\s+year$"),
    masthead={"United Nations": None, "General Assembly": "General Assembly", "Security Council": "Security Council",
              "Economic and Social Council": "Economic and Social Council"},
    normal=lambda t: " ".join(t.split()),
    skip=re.compile(r"^(?:Distr\b.*|English|French|Spanish|Russian|Arabic|Chinese|[A-Z]{1,3}/\S+.*)$"),
    title_chars=re.compile(r"[A-Za-z]"),
    title_max=200,
    title_ends=".,;:!?",
    joiner=": ",
    request=lambda t: bool(re.search(r"\brequest\b", t)),
    draft=lambda h: "draft resolution" in h.lower(),
    opener=lambda t: is_opener(t, EN_RESOLUTION),
    read_date=english_date,
    number=lambda n: roman_number(n) or (int(n) if n.isdigit() else None),
    session_number=english_ordinal,
    article=re.compile(r"^the\s+"),
    heading_start=re.compile(rf"^(?:{_EN_KIND}\s+dated\s+{_EN_DATE}|(?:Annex|Enclosure)(?:\s+(?:[IVX]+|\d+))?\s+to\s+the\b)"),
    example="Letter dated 14 July 2009 from … addressed to the Secretary-General",
)

GRAMMARS = (ZH, EN)

# Detection: the heading on a line of its own. Chinese anywhere; English near the top, and not a
# letter listed with its symbol (an agenda or a list of documents names letters that way).
_ZH_LETTER = re.compile(r"^\s*#*\s*\d{4}\s*年.+?日.+?给.+?的(?:信|普通照会)\s*$", re.MULTILINE)
_EN_LETTER = re.compile(rf"^[ \t]*#*[ \t]*{_EN_KIND}[ \t]+dated[ \t]+{_EN_DATE}[ \t]+from\b"
                        # The heading may go on across one blank line where the PDF's
                        # spacing put one inside it ("… to the" / blank / "United Nations …").
                        r"(?P<rest>(?:.|\n(?![ \t]*\n)|(?<=[A-Za-z,])\n[ \t]*\n(?=[A-Za-z])){0,400})", re.MULTILINE)
# "… addressed to the President of the Security Council (S/2014/136)": a letter an agenda lists.
_LISTED = re.compile(r"addressed\s+to\b[^()]*\([A-Z]{1,3}/[^()]{2,40}\)\s*\.?\s*$")
_HEAD = 20_000


def looks_like(text: str) -> bool:
    """A letter or note verbale: its heading standing on a line of its own."""
    return _grammar_of(text) is not None


def _grammar_of(text: str) -> LetterGrammar | None:
    # The heading's own words first: a plain substring test is much cheaper than the pattern.
    if "给" in text and ("的信" in text or "普通照会" in text) and _ZH_LETTER.search(text):
        return ZH
    if text.find("dated", 0, _HEAD) < 0 or mostly_han(text):
        return None
    for m in _EN_LETTER.finditer(text, 0, _HEAD):
        rest = m.group("rest")
        if "addressed" not in rest:
            continue
        # The heading: up to the line that names the addressee, and one line more.
        at = rest.index("addressed")
        end = rest.find("\n", at)
        end = len(rest) if end < 0 else (rest.find("\n", end + 1) if rest.find("\n", end + 1) >= 0 else len(rest))
        if not _LISTED.search(" ".join(rest[:end].split())):
            return EN
    return None


def _starts(g: LetterGrammar) -> Callable[[str], bool]:
    def starts(text: str) -> bool:
        return bool(_NUMBERED.match(text) or g.annex.match(text) or g.signature.match(text) or g.opener(text))
    return starts


def _is_title(text: str, g: LetterGrammar) -> bool:
    return len(text) <= g.title_max and text[-1] not in g.title_ends and not _NUMBERED.match(text)


_OPEN_END = re.compile(r"\b(?:of|the|and|on|in|for|to|from|by|at|a|an|addressed|dated)$")


def _join_headings(lines: list[Line], g: LetterGrammar) -> list[Line]:
    """A heading the column wrapped ("Letter dated … to the" / "United Nations addressed to …"), as
    one line: it goes on until it names its addressee and stops mid-phrase no more."""
    if g.heading_start is None:
        return lines
    out: list[Line] = []
    k = 0
    while k < len(lines):
        ln = lines[k]
        k += 1
        if not g.heading_start.match(ln.text) or (g.heading.match(ln.text) and not _OPEN_END.search(ln.text)):
            out.append(ln)
            continue
        parts = [ln.text]
        while k < len(lines) and not lines[k].blank and len(parts) < 6:
            text = " ".join(parts)
            nxt = lines[k].text
            unfinished = "addressed to" not in text or _OPEN_END.search(text) or nxt[:1].islower()
            # The last word or two of the addressee left alone on a line before a blank one.
            tail = len(nxt) <= 40 and nxt[-1:] not in ".,;:" and (k + 1 >= len(lines) or lines[k + 1].blank)
            if not (unfinished or tail):
                break
            parts.append(nxt)
            k += 1
        out.append(Line(ln.no, ln.raw, " ".join(parts), ln.heading, ln.indented, ln.bold, ln.page))
    return out


def _annex(blocks: list[Block], roman: str, g: LetterGrammar) -> tuple[list[Paragraph], list[str]]:
    """Paragraphs and headings of one annex."""
    # Headings are marked as such, or, in plain text, are the short unpunctuated lines
    # that open the annex ("太平洋岛国…联合声明").
    lead = 0
    while lead < len(blocks) and (blocks[lead].lines[0].heading or _is_title(blocks[lead].text, g)):
        lead += 1
    headings = [b.text for b in blocks[:lead]] + [b.text for b in blocks[lead:] if b.lines[0].heading]
    body = [b for b in blocks[lead:] if not b.lines[0].heading]
    opener = next((i for i, b in enumerate(body) if g.opener(b.text)), None)
    if opener is not None or any(g.draft(h) for h in headings):
        start = opener + 1 if opener is not None else 0
        if g is ZH:
            return resolution_body(body[start:], prefix=f"Annex {roman} ", annex=roman), headings
        return resolution_body(body[start:], prefix=f"Annex {roman} ", annex=roman, g=EN_RESOLUTION), headings
    out = []
    for k, b in enumerate(body, start=1):
        m = _NUMBERED.match(b.text)
        number = int(m.group(1)) if m else None
        out.append(
            Paragraph("explanatory", f"Annex {roman} {number or f'¶{k}'}", m.group(2) if m else b.text,
                      b.line, number=number, annex=roman)
        )
    return out, headings


def _party(text: str, g: LetterGrammar) -> str:
    """A sender or an addressee as the heading names them, without a leading article."""
    return g.article.sub("", text) if g.article else text


def parse_letter(text: str) -> Document:
    g = _grammar_of(text) or ZH
    lines, footnotes, heads = clean_lines(text)
    lines = _join_headings(lines, g)
    for ln in lines:
        # The letter's heading and its annexes' headings stand alone even in plain text,
        # where nothing else marks them and an unpunctuated line would join the next.
        if g.heading.match(ln.text) or g.annex.match(ln.text):
            ln.heading = ln.heading or 1
    blocks = paragraphs(lines, is_wrapped(lines), starts=_starts(g), comma_ends=True)
    doc = Document(kind="letter", footnotes=footnotes)
    apply_heads(doc, heads)
    heading_at = next((i for i, b in enumerate(blocks) if g.heading.match(b.text)), None)
    if heading_at is None:
        raise ParseError(f"no letter heading such as '{g.example}'")
    m = g.heading.match(blocks[heading_at].text)
    doc.facts.update(letter_date=g.read_date(m.group("date")), sender=_party(m.group("sender"), g),
                     addressee=_party(m.group("addressee"), g), heading=blocks[heading_at].text)
    titles = []
    started = False  # lines before the masthead's first fact are a web page's, not the letter's
    for b in blocks[:heading_at]:
        for ln in b.lines:
            t = ln.text
            known = bool(g.session.match(t) or _ORIGINAL.match(t) or english_date(t) or g.agenda.match(t)
                         or g.council_year.match(t) or g.normal(t) in g.masthead)
            started = started or known
            if not started:
                continue
            if (s := g.session.match(t)) and doc.session is None:
                doc.session = g.session_number(s.group("n"))
            elif o := _ORIGINAL.match(t):
                doc.original_language = _LANG.get(o.group(1).lower())
            elif english_date(t) and not doc.distributed:
                doc.distributed = english_date(t)
            elif a := g.agenda.match(t):
                doc.agenda_item = a.group(1)
            elif g.council_year.match(t):
                continue  # the Council's year, printed beside the Assembly's session
            elif g.normal(t) in g.masthead:
                doc.body = doc.body or g.masthead[g.normal(t)]
            elif g.skip and g.skip.match(t):
                continue
            elif g.title_chars.search(t):
                titles.append(t)
    doc.title = g.joiner.join(titles) if titles else blocks[heading_at].text
    doc.date = doc.facts["letter_date"]

    annex_at = [i for i, b in enumerate(blocks) if g.annex.match(b.text)]
    letter_end = annex_at[0] if annex_at else len(blocks)
    n = 0
    for b in blocks[heading_at + 1 : letter_end]:
        if sig := g.signature.match(b.text):
            # The signatory's name, and the title printed under it ("Permanent Representative").
            first = g.signature.match(b.lines[0].text) if len(b.lines) > 1 else None
            doc.facts["signatory"] = ((first or sig).group("name") or (first or sig).group("after")).strip()
            if first:
                doc.facts["signatory_title"] = " ".join(ln.text for ln in b.lines[1:] if ln.text)
            continue
        if "signatory" in doc.facts and not annex_at:
            # After the signature of a letter without annexes: a web page's footer, not the letter.
            doc.warnings.append(f"left out text after the letter's signature at line {b.line}: {b.text[:40]}")
            continue
        n += 1
        doc.paragraphs.append(Paragraph("body", f"L{n}", b.text, b.line))
    request = next((p.text for p in doc.paragraphs if g.request(p.text)), None)
    if request:
        doc.facts["request"] = request
    annexes = []
    for k, start in enumerate(annex_at):
        end = annex_at[k + 1] if k + 1 < len(annex_at) else len(blocks)
        m = g.annex.match(blocks[start].text)
        number = g.number(m.group("n") or m.group("m") or "") or k + 1
        roman = ROMAN[number] if number < len(ROMAN) else str(number)
        paras, headings = _annex(blocks[start + 1 : end], roman, g)
        doc.paragraphs.extend(paras)
        annexes.append({"annex": roman, "title": g.joiner.join(headings), "paragraphs": len(paras)})
    doc.facts["annexes"] = annexes
    return doc
