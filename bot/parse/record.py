"""Verbatim records of meetings (S/PV.…, A/…/PV.…): who said what, in which language and capacity.

Grammar:
  front matter  optional first page (body, 第七十九年, 第9998次会议, date and place,
                主席：…（country）, 成员：…, 议程 + agenda), then "上午11时05分开会。"
  procedure     通过议程 / 议程通过。 / agenda titles, before the first speaker
  turns         a header opens each: NAME[HONORIFIC] or ROLE, then optional （country）
                and （以X语发言） (no tag: Chinese), then "："; paragraphs follow until the
                next header. "（以法语发言）" alone switches the language mid-statement.
                "我现在以…的身份发言。" … "我现在恢复行使安理会主席的职能。" brackets the
                President speaking for their own country.
  close         "下午1时15分散会。"
"""

from __future__ import annotations

import re

from bot.model import Document, Paragraph, ParseError, Speaker, Turn
from bot.parse.layout import Block, apply_heads, clean_lines, is_wrapped, paragraphs
from bot.text import chinese_date, chinese_number

LANGUAGES = {"俄": "ru", "英": "en", "法": "fr", "西班牙": "es", "阿拉伯": "ar", "中": "zh", "汉": "zh"}
HONORIFICS = ("先生", "女士", "夫人", "小姐", "阁下", "博士", "法官")
_HONORIFIC = "|".join(HONORIFICS)
_ROLE = "代理主席|主席|常务副秘书长|副秘书长|秘书长|书记官长"
_NAME = r"[^\s，。；：、（）()“”]{1,24}?"
_LANG_TAG = r"[（(]以(?P<lang>[^（）()]{1,6}?)语发言[)）]"
HEADER = re.compile(
    rf"^(?:(?P<role>{_ROLE})|(?P<name>{_NAME}(?P<hon>{_HONORIFIC})))"
    r"(?:[（(](?!以[^（）()]{1,6}语发言)(?P<country>[^（）()]{1,40})[)）])?"
    rf"(?:{_LANG_TAG})?\s*[：:]"
)
# Enough of a header to see one on its first line, before a wrap cuts it.
HEADER_START = re.compile(rf"^(?:(?:{_ROLE})|{_NAME}(?:{_HONORIFIC}))[（(：:]")
_LANGUAGE_SWITCH = re.compile(rf"^{_LANG_TAG}$")
_CLOCK = re.compile(
    r"^(?P<part>上午|中午|下午|晚上)?\s*(?P<h>\d{1,2})\s*时\s*(?:(?P<m>\d{1,2})\s*分)?\s*"
    r"(?P<what>开会|散会|复会|休会|暂停)。?$"
)
_AGENDA_NOTE = re.compile(r"^(通过议程|议程通过。?)$")
_NATIONAL = re.compile(r"我现在以(?P<cap>.{2,30}?)的身份发言")
_RESUME_CHAIR = re.compile(r"恢复(?:行使)?(?:安理会|大会)?主席的职能")
_TITLE_SUFFIX = re.compile(
    r"(?:常驻联合国)?(?:外交部副部长|副外长|外长|副?外交部长|副?部长|副?总理|总理|总统|常驻代表|代表|大使|国务秘书)$"
)
_ORG_TITLE = re.compile(r"(?:常务副秘书长|副秘书长|秘书长|主席|执行主任|特别代表|高级专员|总干事|特使)+$")

# Front matter of a record's first page.
_FRONT_MEETING = re.compile(r"^第\s*(\d+)\s*次(全体)?会议$")
_FRONT_SESSION = re.compile(r"^第(.{1,6}?)(?:届会议|年)$")
_FRONT_DATE = re.compile(r"^\d{4}\s*年.*日.*举行")
_FRONT_PRESIDENT = re.compile(
    rf"^主席[：:]\s*(?P<name>{_NAME}(?:{_HONORIFIC}))[\s.．…·]*(?:[（(](?P<country>[^（）()]+)[)）])?"
)

# "成员：阿尔及利亚 ........ 贝拉赫先生", then one member per line.
_FRONT_MEMBER = re.compile(
    rf"^(?P<first>成员[：:])?\s*(?P<country>[^\s.．…·]{{2,30}})[\s.．…·]{{3,}}(?P<name>{_NAME}(?:{_HONORIFIC}))$"
)


# One pass instead of four: a line that opens a header, switches language, tells the time
# or adopts the agenda starts a paragraph of its own.
_STARTS = re.compile("|".join(f"(?:{r.pattern})" for r in (HEADER_START, _LANGUAGE_SWITCH, _CLOCK, _AGENDA_NOTE)))


def _starts(text: str) -> bool:
    return bool(_STARTS.match(text))


def language_code(name: str | None) -> str:
    return LANGUAGES.get(name or "中", "zh") if name else "zh"


def clock(m: re.Match[str]) -> str:
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    if m.group("part") in ("下午", "晚上") and hour < 12:
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def country_of_capacity(capacity: str) -> str:
    """俄罗斯联邦副外长 → 俄罗斯联邦; 法国代表 → 法国."""
    return _TITLE_SUFFIX.sub("", capacity) or capacity


def _front_matter(blocks: list[Block], doc: Document) -> None:
    lines = [ln.text for b in blocks for ln in b.lines]
    in_agenda = in_members = False
    for t in lines:
        if t.startswith("本记录"):
            break  # the first page's closing note on translation and corrections
        if m := _FRONT_MEETING.match(t):
            doc.meeting = t
            doc.facts["meeting_number"] = int(m.group(1))
        elif m := _FRONT_SESSION.match(t):
            doc.session = chinese_number(m.group(1))
        elif _FRONT_DATE.match(t):
            doc.date = chinese_date(t)
            doc.facts["held"] = t
        elif m := _FRONT_PRESIDENT.match(t):
            doc.facts["president"] = m.group("name")
            if m.group("country"):
                doc.facts["presidency"] = m.group("country")
        elif t in ("安全理事会", "大会", "经济及社会理事会"):
            doc.body = t
        elif t == "议程":
            in_agenda, in_members = True, False
        elif in_agenda:
            doc.facts.setdefault("agenda", []).append(t)
        elif (m := _FRONT_MEMBER.match(t)) and (in_members or m.group("first")):
            in_members = True
            doc.facts.setdefault("members", {})[m.group("country")] = m.group("name")
        elif not t.startswith(("纽约", "日内瓦")) and re.search(r"[\u4e00-\u9fff]", t):
            doc.facts.setdefault("front_titles", []).append(t)


def _affiliation(text: str, speaker: Speaker) -> None:
    """Who a speaker without a country is, from how the chair invited or welcomed them."""
    if speaker.role:
        m = re.search(rf"(?:欢迎|邀请|请){speaker.role}(?P<full>[\u4e00-\u9fff·A-Za-z]{{2,15}}?(?:{_HONORIFIC}))", text)
        if m:
            speaker.name = m.group("full")
            speaker.honorific = re.search(rf"(?:{_HONORIFIC})$", speaker.name).group(0)
        return
    surname = re.sub(rf"(?:{_HONORIFIC})$", "", speaker.name)
    m = re.search(
        rf"(?:邀请|欢迎)(?P<affil>[\u4e00-\u9fff（）]{{1,40}}?{_ORG_TITLE.pattern.rstrip('$')})"
        rf"(?:[\u4e00-\u9fffA-Za-z]{{1,12}}·)?{re.escape(surname)}(?:{_HONORIFIC})",
        text,
    )
    if m:
        speaker.affiliation = m.group("affil")
        speaker.country = _ORG_TITLE.sub("", speaker.affiliation) or speaker.affiliation


def _mend_headers(blocks: list[Block]) -> list[Block]:
    """Rejoin a header the wrap cut just after a closing bracket ("…（阿尔巴尼亚）" / "（以俄语发言）：…"),
    which the layout took for the end of a paragraph."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev and HEADER_START.match(prev.text) and not HEADER.match(prev.text) and HEADER.match(prev.text + b.text):
            out[-1] = Block(prev.text + b.text, prev.line, prev.lines + b.lines)
        else:
            out.append(b)
    return out


def parse_record(text: str) -> Document:
    lines, footnotes, heads = clean_lines(text)
    doc = Document(kind="record", footnotes=footnotes)
    apply_heads(doc, heads)
    wrapped = is_wrapped(lines)
    blocks = _mend_headers(paragraphs(lines, wrapped, starts=_starts))
    if not any(HEADER.match(b.text) for b in blocks):
        raise ParseError("no speaker headers such as '主席（以俄语发言）：'")
    # The meeting opens at its clock line; before it, the first page's "主席：…（法国）" looks
    # like a speaker's header but is the list of who presided.
    first = next((i for i, b in enumerate(blocks) if _CLOCK.match(b.text)), None)
    if first is None:
        first = next(i for i, b in enumerate(blocks) if HEADER.match(b.text))
    _front_matter(blocks[:first], doc)

    speakers: dict[str, int] = {}
    turn: int | None = None
    language = "zh"
    capacity = None
    agenda_open = False
    for b in blocks[first:]:
        t = b.text
        para = Paragraph("procedure", f"¶{len(doc.paragraphs) + 1}", t, b.line, turn=turn)
        if m := _CLOCK.match(t):
            para.note = {"开会": "opened", "散会": "closed"}.get(m.group("what"), "procedure")
            doc.facts[para.note] = clock(m)
        elif _AGENDA_NOTE.match(t):
            para.note, agenda_open = "agenda", True
        elif m := _LANGUAGE_SWITCH.match(t):
            para.note, language = "language", language_code(m.group("lang"))
            para.language = language
        elif m := HEADER.match(t):
            key = m.group("role") or m.group("name")
            if key not in speakers:
                speakers[key] = len(doc.speakers)
                doc.speakers.append(
                    Speaker(
                        name=key,
                        honorific=m.group("hon"),
                        country=m.group("country"),
                        role=m.group("role"),
                    )
                )
            language = language_code(m.group("lang"))
            capacity = "chair" if m.group("role") in ("主席", "代理主席") else (
                "representative" if m.group("country") else "briefer")
            doc.turns.append(Turn(speaker=speakers[key], language=language, line=b.line))
            turn = len(doc.turns) - 1
            agenda_open = False
            rest = t[m.end():].strip()
            if not rest:
                continue
            para = Paragraph("statement", para.label, rest, b.line, turn=turn)
        elif turn is None:
            para.note = "agenda" if agenda_open or not doc.facts.get("agenda") else "procedure"
            if para.note == "agenda" and t not in doc.facts.get("agenda", []):
                doc.facts.setdefault("agenda", []).append(t)
        else:
            para = Paragraph("statement", para.label, t, b.line, turn=turn)
        if para.section == "statement":
            speaker = doc.speakers[doc.turns[turn].speaker]
            if speaker.role in ("主席", "代理主席"):
                if m := _NATIONAL.search(t):
                    capacity = "national"
                    speaker.country = speaker.country or country_of_capacity(m.group("cap"))
                    doc.facts.setdefault("national_capacity", m.group("cap"))
                elif _RESUME_CHAIR.search(t):
                    capacity = "chair"
            para.speaker = doc.turns[turn].speaker
            para.language = language
            para.capacity = capacity
            para.country = speaker.country if capacity in ("national", "representative", "briefer") else None
        doc.paragraphs.append(para)

    # The chair's own country is known only once they spoke for it; fill earlier national paragraphs.
    context = "".join(p.text for p in doc.paragraphs if p.capacity in ("chair", None))
    members = {name: country for country, name in doc.facts.get("members", {}).items()}
    for sp in doc.speakers:
        if not sp.country and sp.name in members:
            sp.country = members[sp.name]
        if not sp.country or sp.role:
            _affiliation(context, sp)
    for p in doc.paragraphs:
        if p.capacity in ("national", "briefer", "representative") and p.speaker is not None:
            p.country = doc.speakers[p.speaker].country
    if not doc.title:
        agenda = doc.facts.get("agenda") or doc.facts.get("front_titles") or []
        doc.title = agenda[-1] if agenda else ""
    if doc.symbol and not doc.body:
        doc.body = {"S": "安全理事会", "A": "大会", "E": "经济及社会理事会"}.get(doc.symbol.split("/")[0])
    return doc
