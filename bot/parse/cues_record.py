"""Cue tables for verbatim records: what a record prints, as rows, not code.

Every printed variant a record grammar meets — a role, an honorific, a form of language tag,
a way of telling the time, of speaking for one's country or of resuming the chair — is a row in
a ``RecordCues`` table. ``RecordGrammar`` compiles a table into the regular expressions the
parser uses, so a new variant is a new row, and a record in another language is another table
(with its own ``label`` and ``time`` templates: English puts the honorific before the name,
"Mr. Zas (Collective Security Treaty Organization) (spoke in Russian):", and its clock reads
"11.05 a.m.").

Two things every table gets for free:

Scanned records put stray spaces anywhere ("主 席：", "上午 11 时 05 分开会"): the Chinese words of
every pattern are compiled to allow whitespace after each character (``spaced``), and names read
from a match are ``squeeze``d. Tables are written in Simplified characters: records published in
Traditional script reach the grammar as a Simplified copy (bot/parse/script.py) and get their
published characters back afterwards.

Named groups every compiled label exposes: ``role``, ``name``, ``hon``, ``country`` and the
language groups read by ``RecordGrammar.language_of``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from bot.text import chinese_date, chinese_number, english_date, english_ordinal, join_wrapped

# -- matching scanned text ------------------------------------------------------------


_WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Drop the whitespace a scan or a wrap put into a name: all of it, except one space
    before a word of an alphabet that follows one ("张 军先生" → "张军先生"; "De La Cruz先生",
    "Mr. Zas", "Emiratos Árabes Unidos" kept)."""
    words = text.split()  # the whitespace \s stands for, as strip() and the regex see it
    if len(words) <= 1:
        return words[0] if words else ""  # most names: nothing to squeeze
    text = text.strip()
    return _WHITESPACE.sub(lambda m: " " if _latin_gap(text, m.start(), m.end()) else "", text)


def _latin_gap(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1 : start], text[end : end + 1]
    return ((before.isascii() or bool(_ALPHABETIC.match(before))) and before not in "(（"
            and ((after.isascii() and after.isalnum()) or bool(_ALPHABETIC.match(after))))


# Letters of the alphabetic scripts beyond ASCII (Émirats, Ramírez, Россия, الأمم): words apart.
_ALPHABETIC = re.compile(r"[\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff]")


_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*,?\d*\})\??")


def spaced(pattern: str) -> str:
    """The regular expression with ``\\s*`` allowed after every Chinese character written
    literally in it, and after every class of Chinese characters ([语文]), for text a scan
    has spaced out."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    cjk_class: bool | None = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            out.append(c)
            i += 1
            if c == "]":
                in_class = False
                # A class of Chinese characters ([语文]) is spaced like a character.
                if cjk_class:
                    if m := _QUANTIFIER.match(pattern, i):
                        out.append(m.group(0))
                        i = m.end()
                    out.append(r"\s*")
            elif cjk_class is False:
                cjk_class = bool(_CJK_CHAR.match(c))
            continue
        if c == "[":
            in_class, cjk_class = True, False
            out.append(c)
            i += 1
            if pattern[i : i + 1] == "^":
                out.append("^")
                i += 1
                cjk_class = None  # a negated class stands for any character: no space after it
            if pattern[i : i + 1] == "]":
                out.append("]")
                i += 1
            continue
        out.append(c)
        i += 1
        if _CJK_CHAR.match(c):
            if m := _QUANTIFIER.match(pattern, i):
                out.append(m.group(0))
                i = m.end()
            out.append(r"\s*")
    return "".join(out)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Optional groups a pattern opens with: "(?:我)?(?:现在)?恢复…".
_OPTIONAL_LEAD = re.compile(r"^(?:\(\?:[^()]*\)\?\??)+")


def _anywhere(pattern: str) -> str:
    """The pattern without the optional groups it opens with, for a search that only asks
    whether a text holds a match: it holds one exactly where the rest matches, and the regex
    engine, which can't skip ahead past an optional start, can then jump to where the rest
    begins (20 times faster on the resume-the-chair rows)."""
    return _OPTIONAL_LEAD.sub("", pattern)


def _nameless(pattern: str) -> str:
    """The pattern without group names, so that several can be joined in one alternation."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


# -- the tables -----------------------------------------------------------------------


@dataclass(frozen=True)
class RecordCues:
    """What one language's records print. Patterns are regular expressions over the
    Simplified text; ``{lang}``, ``{time}``, ``{name}`` and the like are
    placeholders filled by ``RecordGrammar``."""

    language: str  # ISO 639-1 of the record's own language: a turn without a tag is in it
    roles: dict[str, str]  # role as printed → capacity of its turns (chair, briefer)
    acting_roles: tuple[str, ...]  # a vice-president in the chair, named on the first page
    chair_word: str  # in a capacity, says the chair speaks as chair ("以安理会主席的身份")
    own_country: tuple[str, ...]  # "以本国代表的身份": the presidency's country
    honorifics: tuple[str, ...]
    name_char: str  # one character of a speaker's name (a class)
    label: str  # a speaker label: {role} {name} {hon} {open} {close} {country} {tag} {colon}
    open_bracket: str
    close_bracket: str
    colon: str
    languages: dict[str, str]  # a language's name in a tag → ISO 639-1
    language_tags: tuple[str, ...]  # forms of a language tag, inside the brackets; {lang}
    time: str  # a time of day, groups part, h, m, half
    clock_parts: dict[str, int]  # part of day → hours to add to an afternoon hour
    clock_events: dict[str, str]  # what happened then → note (opened, closed, suspended, resumed)
    clocks: tuple[str, ...]  # forms of a clock line; {time} and {event}
    clock_stop: str  # what ends a clock line
    numerals: str  # characters of a number in a clock line (a class)
    agenda_notes: tuple[str, ...]  # whole paragraphs that adopt or announce the agenda
    agenda_item: str  # "议程项目130（续）": group item
    agenda_documents: tuple[str, ...]  # a document under the item, not the item's title
    sub_item: str  # "(t) " before a sub-item's title
    procedure: tuple[str, ...]  # whole paragraphs that are procedure, not speech (votes)
    procedure_sentences: tuple[str, ...]  # procedure that, in running text, is a sentence of its own
    vote_heads: str  # "赞成：": the paragraph after it is the list of who voted so
    vote_count: str  # groups yes, no, abstain
    national: tuple[str, ...]  # the chair takes the floor for their country: group cap
    resume_chair: tuple[str, ...]  # … and returns to the chair
    acting_chair: tuple[str, ...]  # "X缺席，副主席Y（Z）代行主席职务": groups name, country
    capacity_titles: str  # titles to take off a capacity to leave the country (a regex, at the end)
    org_titles: str  # titles of an organisation's officers (a regex)
    invitation: str  # words that invite or welcome an officer, before their role and name
    welcome: str  # words that invite or welcome a briefer, before their affiliation and name
    sentence_ends: str  # characters that end a sentence (a class)
    bodies: dict[str, str]  # organ as printed → symbol prefix
    # front matter of the first page
    front_meeting: str  # groups n, plenary
    front_session: str  # group n
    front_held: str
    front_president: str  # groups name, country ({name} placeholder)
    front_member: str  # groups first, country, name
    front_agenda: str  # the heading over the agenda
    front_end: str  # the first page's closing note
    front_skip: tuple[str, ...]  # first-page lines that are neither facts nor titles
    places: tuple[str, ...]
    meeting_name: str  # how the parser writes a meeting: {n}, {plenary}, {ord} (an English ordinal's suffix)
    plenary_word: str
    extra: dict[str, str] = field(default_factory=dict)
    # -- what differs between languages beyond rows (defaults: how Chinese records read) --
    # Is this table worth trying on a text? One of these strings is in its first pages (plain
    # substrings: detection runs on every file); none: always.
    hints: tuple[str, ...] = ()
    # A speaker's name (a regex); empty: up to 24 ``name_char``s.
    name: str = ""
    # Enough of a label to know one on its first line, before a wrap cuts it.
    label_start: str = r"^(?:(?:{role})|{name}(?:{hon}))\s*[（(：:]"
    lang_name: str = r"(?:[^\s（）()]\s*){1,6}?"  # a language's name inside a tag
    # Words without which a text holds no cue (a cheap test before the real ones).
    triggers: str = r"[：:]|发言|译自|{num}\s*[时点]|身份|职[能务]|议程|就座|入座|表决"
    clock_hint: str = "时"  # every clock line holds it
    honorific_first: bool = False  # "Mr. Zas", not "扎斯先生"
    titles_first: bool = False  # "representative of France", not "法国代表": where titles stand
    date: Callable[[str], str | None] = chinese_date
    count_words: dict[str, int] = field(default_factory=dict)  # "none" in a vote count
    title_chars: str = r"[\u4e00-\u9fff]"  # a first-page line with these and no fact is a title
    front_notes: tuple[str, ...] = ()  # the first page's notes, wherever a PDF put them: not the meeting's
    label_rest_procedure: bool = False  # a label's first paragraph may be procedure (a rule 39 invitation)
    joiner: str = ""  # between paragraphs searched together
    unknown_tag: str = "{name}语"  # a language tag not in the table, in a warning
    example: str = "主席（以俄语发言）："  # a label, for an error message
    president_roles: tuple[str, ...] = ("主席",)  # the roles the first page's "President:" holds
    label_lines: int = 3  # a label a narrow column wrapped takes up to these lines
    colons: str = "：:"  # a label ends with one of these, within its first LABEL_SPAN characters
    ordinal: Callable[[str], int | None] | None = None  # a session or year in words (None: number_value)
    # How the chair invites an officer (role, then name), and welcomes a briefer (affiliation,
    # then name): {invitation} {welcome} {role} {hon} {org_titles} {surname}, groups full, affil.
    role_person: str = r"{invitation}{role}(?P<full>[\u4e00-\u9fff·A-Za-z]{2,15}?(?:{hon}))"
    briefer: str = r"{welcome}(?P<affil>[\u4e00-\u9fff（）]{1,40}?{org_titles})(?:[\u4e00-\u9fffA-Za-z]{1,12}·)?{surname}(?:{hon})"


_CN_NUMERAL = "[0-9０-９一二三四五六七八九十〇零]"

ZH = RecordCues(
    language="zh",
    roles={
        "代理主席": "chair", "临时主席": "chair", "主席": "chair",
        "常务副秘书长": "briefer", "助理秘书长": "briefer", "副秘书长": "briefer", "秘书长": "briefer",
        "书记官长": "briefer",
    },
    acting_roles=("代理主席",),
    chair_word="主席",
    own_country=("本国", "我国"),
    honorifics=("先生", "女士", "夫人", "小姐", "阁下", "博士", "法官", "殿下", "陛下", "勋爵"),
    # Not punctuation, not the particles a sentence has and a transliterated name never does.
    name_char=r"[^\s，。；：:、（）()“”「」『』《》,;!?！？的们]",
    label=r"(?:(?P<role>{role})|(?P<name>{name}(?P<hon>{hon})))\s*"
          r"(?:{open}(?!\s*{tag}{close})\s*(?P<country>[^（）()]{1,40}){close})?\s*"
          r"(?:{open}\s*{tag_groups}{close})?{colon}",
    open_bracket=r"[（(]",
    close_bracket=r"\s*[)）]",
    colon=r"\s*[：:]",
    languages={
        "俄": "ru", "俄罗斯": "ru", "英": "en", "法": "fr", "西班牙": "es", "西": "es", "阿拉伯": "ar",
        "阿": "ar", "中": "zh", "汉": "zh", "华": "zh", "葡萄牙": "pt", "德": "de", "日": "ja", "意大利": "it",
    },
    language_tags=(r"以{lang}[语文]发言", r"用{lang}[语文]发言", r"译自{lang}[语文]", r"{lang}[语文]发言"),
    time=r"(?P<part>{parts})?\s*(?P<h>{num}(?:\s*{num}){0,2})\s*[时点](?:\s*(?P<m>{num}(?:\s*{num}){0,2})\s*分|\s*(?P<half>半))?",
    clock_parts={"上午": 0, "凌晨": 0, "中午": 12, "下午": 12, "晚上": 12, "晚间": 12, "夜间": 12},
    clock_events={
        "继续开会": "resumed", "继续举行": "resumed", "复会": "resumed", "开会": "opened", "开始": "opened",
        "散会": "closed", "结束": "closed", "休会": "suspended", "暂停": "suspended",
    },
    clocks=(r"{time}\s*(?P<what>{event})", r"会议\s*[于在]\s*{time}\s*(?P<what>{event})"),
    clock_stop=r"\s*[。.]",
    numerals=_CN_NUMERAL,
    agenda_notes=(r"通过议程", r"议程通过[。.]?", r"议程项目\s*\S.{0,30}"),
    agenda_item=r"议程项目\s*(?P<item>[0-9０-９][0-9０-９\s]*(?:[（(]\s*[a-z]{1,2}\s*[)）])?)",
    agenda_documents=(r"(?:决议草案|决定草案|报告|说明)\s*[（(].{0,60}[)）]\s*[。.]?", r".{0,60}的报告\s*[（(].{0,60}[)）]\s*[。.]?"),
    sub_item=r"^[（(]\s*(?P<sub>[a-z]{1,2})\s*[)）]\s*",
    procedure=(
        r"进行了?(?:记录)?表决[。.]?",
        r"(?:赞成|反对|弃权)\s*[：:].*",
        r"(?:决议草案|决定草案|修正案).{0,60}?以\s*\d+\s*票赞成.{0,60}?获得?通过.*",
        r"(?:决议草案|决定草案).{0,60}?获得?通过.{0,40}",
        r"(?:随后，)?.{0,60}?代表团(?:随后)?通知秘书处.*",
        r"会议于.{0,30}?暂停.*",
        r"应主席的?邀请[，,].{1,80}?(?:就座|入座)[。.]?",
    ),
    procedure_sentences=(r"应主席的?邀请[，,].{1,80}?(?:就座|入座)[。.]", r"进行了?(?:记录)?表决[。.]"),
    vote_heads=r"(?:赞成|反对|弃权)\s*[：:]",
    vote_count=r"(?P<yes>\d+)\s*票赞成[、，,]\s*(?P<no>\d+)\s*票反对[、，,]\s*(?P<abstain>\d+)\s*票弃权",
    national=(
        r"我现在(?:将|要)?以(?P<cap>.{2,30}?)的?身份(?:发言|讲话|作发言)",
        r"现在我(?:将|要)?以(?P<cap>.{2,30}?)的?身份(?:发言|讲话|作发言)",
        r"我(?:将|要)以(?P<cap>.{2,30}?)的?身份(?:发言|讲话|作发言)",
    ),
    resume_chair=(
        r"(?:我)?(?:现在)?(?:将)?恢复(?:行使)?(?:安理会|大会|安全理事会|理事会)?主席的?(?:职能|职务)",
        r"(?:我)?(?:现在)?(?:将)?重新(?:行使|履行)(?:安理会|大会|安全理事会|理事会)?主席的?(?:职能|职务)",
    ),
    acting_chair=(
        (r"缺席[，,]\s*(?:由)?副主席\s*(?P<name>{name}{hon})\s*(?:{open}\s*(?P<country>[^（）()]{1,40}){close})?"
         r"\s*(?:代行主席职务|主持会议|担任主席)"),
    ),
    capacity_titles=r"(?:常驻联合国)?(?:外交部副部长|副外长|外长|副?外交部长|副?部长|副?总理|总理|总统|常驻代表|代表|大使|国务秘书)$",
    org_titles=r"(?:常务副秘书长|副秘书长|秘书长|主席|执行主任|特别代表|高级专员|总干事|特使)+",
    invitation=r"(?:欢迎|邀请|请)",
    welcome=r"(?:邀请|欢迎)",
    sentence_ends="[。！？!?”」』]",
    bodies={"安全理事会": "S", "大会": "A", "经济及社会理事会": "E", "托管理事会": "T"},
    front_meeting=r"第\s*(?P<n>[0-9一二三四五六七八九十百千零〇]+)\s*次\s*(?P<plenary>全体)?会议",
    front_session=r"第\s*(?P<n>[一二三四五六七八九十百零〇0-9]{1,6})\s*(?:届(?:特别|紧急特别)?会议|年)",
    front_held=r"\d{4}\s*年.{1,12}?日.{0,40}?举行",
    front_president=r"主席\s*[：:]\s*(?P<name>{name}{hon})[\s.．…·]*(?:[（(](?P<country>[^（）()]+)[)）])?",
    front_member=r"(?P<first>成员\s*[：:])?\s*(?P<country>[^\s.．…·]{2,30})[\s.．…·]{3,}(?P<name>{name}{hon})",
    front_agenda=r"(?:临时)?议程(?:\s*[（(][^（）()]{0,30}[)）])?",
    front_end=r"本记录",
    front_skip=(r"正式记录", r"联合国", r"临时"),
    places=("纽约", "日内瓦", "巴黎", "伦敦", "内罗毕", "维也纳"),
    meeting_name="第{n}次{plenary}会议",
    plenary_word="全体",
)


# English: "Mr. Zas (Collective Security Treaty Organization) (spoke in Russian):", the President
# as "The President (spoke in French):", clocks "The meeting was called to order at 10.05 a.m.".
_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A word of a name: capitalised ("Zas", "Thomas-Greenfield", "O'Neill", an initial "J."), or a
# particle ("De La Torre", "van", "al-Hinai"); a sentence's lower-case words are not names.
_EN_NAME_WORD = (r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*(?:\.(?=\s))?|(?:al|el|bin)-[A-Z][\w'’-]*"
                 r"|(?:de|da|del|della|der|den|di|do|dos|das|du|van|von|bin|ibn|al|el|la|le|y|e|ter|zu|ben)(?=\s))")
# Titles of an organisation's officers, before the organisation ("Special Representative of the …").
_EN_TITLE = (r"(?:(?:Special|Deputy|Executive|Assistant|Acting|Personal|High|Permanent|Chief|Senior|Principal)\s+)*"
             r"(?:Under-Secretary-General|Secretary-General|Representative|Director-General|Director|President"
             r"|Commissioner|Envoy|Chair(?:person|man)?|Coordinator|Head|Adviser|Advisor|Prosecutor|Registrar"
             r"|Administrator|Observer|Minister)")

EN = RecordCues(
    language="en",
    roles={
        "President": "chair", "Acting President": "chair", "Temporary President": "chair", "Chair": "chair",
        "Acting Chair": "chair", "Chairman": "chair", "Chairperson": "chair",
        "Secretary-General": "briefer", "Deputy Secretary-General": "briefer",
        # Records of the 1990s print roles (and names) in capitals: "The PRESIDENT (interpretation from French):".
        "PRESIDENT": "chair", "ACTING PRESIDENT": "chair", "TEMPORARY PRESIDENT": "chair", "CHAIRMAN": "chair",
        "SECRETARY-GENERAL": "briefer",
    },
    acting_roles=("Acting President", "Acting Chair", "ACTING PRESIDENT"),
    chair_word=r"\b(?:President|Chair(?:person|man)?)\b",
    own_country=("national", "my country"),
    honorifics=("His Royal Highness", "Her Royal Highness", "His Excellency", "Her Excellency", "His Highness",
                "Her Highness", "Archbishop", "Monsignor", "Professor", "Baroness", "Cardinal", "Reverend", "Sheikha",
                "Princess", "Sheikh", "Prince", "Bishop", "Judge", "Dame", "Lord", "Lady", "Miss", "Mrs.", "Rev.",
                "Mr.", "Ms.", "Dr.", "Sir", "Mrs", "Mr", "Ms"),
    name_char="",
    name=rf"{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{0,5}}",
    label=r"(?:The\s+(?P<role>{role})|(?P<name>(?P<hon>{hon})\s*{name}))\s*"
          r"(?:{open}(?!\s*{tag}{close})\s*(?P<country>[^()]{1,90}?){close})?\s*"
          r"(?:{open}\s*{tag_groups}{close})?{colon}",
    # The label's first line: it runs to its colon, or a wrap cuts it inside or after a bracket.
    label_start=r"^(?:The\s+(?:{role})|{hon}\s*{name})"
                r"(?:(?:\s*\([^()]*\))+\s*$|(?:\s*\([^()]*\))*\s*(?:\([^()]*$|:))",
    open_bracket=r"\(",
    close_bracket=r"\s*\)",
    colon=r"\s*:",
    languages={
        "Arabic": "ar", "Chinese": "zh", "English": "en", "French": "fr", "Russian": "ru", "Spanish": "es",
        "Portuguese": "pt", "German": "de", "Japanese": "ja", "Italian": "it", "Ukrainian": "uk", "Korean": "ko",
        "Turkish": "tr", "Persian": "fa", "Hebrew": "he", "Hindi": "hi", "Dutch": "nl",
    },
    lang_name=r"[A-Z][a-z]+",
    # "(spoke in Ukrainian; English interpretation provided by the delegation)"; older records
    # "(interpretation from Russian)".
    language_tags=(r"spoke\s+in\s+{lang}(?:\s*;[^()]{0,100})?", r"interpretation\s+from\s+{lang}"),
    time=r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<part>{parts})",
    clock_parts={"a.m.": 0, "p.m.": 12, "noon": 0, "midnight": 0},
    clock_events={
        "was called to order": "opened", "was opened": "opened", "began": "opened",
        "rose": "closed", "was adjourned": "closed", "was closed": "closed", "ended": "closed",
        "was suspended": "suspended", "was resumed": "resumed", "resumed": "resumed",
    },
    clocks=(r"The\s+meeting\s+(?P<what>{event})\s+at\s+{time}",),
    clock_stop=r"\s*\.",
    numerals="[0-9]",
    agenda_notes=(r"Adoption\s+of\s+the\s+agenda", r"The\s+agenda\s+was\s+adopted\.?", r"Agenda\s+items?\s+\d.{0,60}"),
    agenda_item=r"Agenda\s+items?\s+(?P<item>\d+(?:\s*\(\s*[a-z]{1,2}\s*\))?)",
    agenda_documents=(r"(?:Draft\s+resolutions?|Draft\s+decisions?|Amendments?)\s*\([^()]{2,60}\)\.?",
                      r"(?:Report|Note|Letter)\b.{0,200}?\([A-Z]{1,3}/[^()]{2,60}\)\.?"),
    sub_item=r"^[（(]\s*(?P<sub>[a-z]{1,2})\s*[)）]\s*",
    procedure=(
        r"A\s+recorded\s+vote\s+was\s+taken\.?",
        r"A\s+vote\s+was\s+taken\s+by\s+(?:show\s+of\s+hands|secret\s+ballot)\.?",
        r"(?:In\s+favour|Against|Abstaining|Abstentions)\s*:.*",
        r"(?:The\s+)?(?:[Dd]raft\s+(?:resolution|decision)s?|[Aa]mendments?)\b.{0,120}?(?:was|were)\s+(?:adopted|rejected)\b.*",
        r"(?:Subsequently,\s+the|The)\s+delegations?\s+of\s+.{1,120}?(?:informed|advised)\s+the\s+Secretariat\b.*",
        r"The\s+meeting\s+was\s+suspended\s+at\s+.*",
        (r"At\s+the\s+invitation\s+of\s+the\s+(?:President|Chair),\s+.{1,200}?\s+(?:took|takes)\s+(?:a\s+)?seats?\s+at\s+the\s+"
        r"(?:Council|Committee)\s+table\.?"),
        # Rule 37 (a Member State) and rule 39 (a briefer) invitations: procedure, said by the chair.
        (r"(?:In\s+accordance\s+with|Under)\s+rule\s+3[79]\s+of\s+the\s+(?:Council's\s+)?provisional\s+rules\s+of\s+procedure,"
        r"\s+I\s+(?:invite|propose)\b.*"),
        r"(?:There\s+being\s+no\s+objection,\s+)?[Ii]t\s+(?:is|was)\s+so\s+decided\.?",
    ),
    procedure_sentences=(
        (r"At\s+the\s+invitation\s+of\s+the\s+(?:President|Chair),\s+.{1,200}?\s+(?:took|takes)\s+(?:a\s+)?seats?\s+at\s+the\s+"
        r"(?:Council|Committee)\s+table\."),
        r"A\s+recorded\s+vote\s+was\s+taken\.",
        (r"(?:In\s+accordance\s+with|Under)\s+rule\s+3[79]\s+of\s+the\s+(?:Council's\s+)?provisional\s+rules\s+of\s+procedure,"
        r"\s+I\s+invite\s+.{1,400}?\s+to\s+(?:participate|take\s+part)\s+in\s+(?:this|the)\s+meeting\."),
    ),
    vote_heads=r"(?:In\s+favour|Against|Abstaining)\s*:",
    vote_count=r"(?P<yes>\d+)\s+votes?\s+to\s+(?P<no>\d+|none)(?:,?\s+with\s+(?P<abstain>\d+|no)\s+abstentions?)?",
    count_words={"none": 0, "no": 0},
    national=(
        (r"I\s+(?:shall|will|should\s+like\s+to|would\s+like\s+to)\s+now\s+(?:make\s+a\s+statement|speak|make\s+some\s+remarks)"
        r"\s+in\s+my\s+(?P<cap>national)\s+capacity"),
        (r"I\s+(?:shall|will|should\s+like\s+to|would\s+like\s+to)\s+now\s+(?:make\s+a\s+statement|speak|make\s+some\s+remarks)"
        r"\s+in\s+my\s+capacity\s+as\s+(?:the\s+)?(?P<cap>[^.;:]{2,80}?)(?=[.;:]|$)"),
    ),
    resume_chair=(r"I\s+(?:now\s+|shall\s+now\s+|will\s+now\s+)?resume\s+(?:my\s+)?(?:functions|duties)\s+as\s+(?:the\s+)?(?:President|Chair)",),
    acting_chair=(
        (r"In\s+the\s+absence\s+of\s+the\s+President,\s*(?P<name>{hon}\s*{name})\s*(?:{open}\s*(?P<country>[^()]{1,60}){close})?"
        r",?\s*(?:a\s+)?Vice-(?:President|Chair),?\s*took\s+the\s+[Cc]hair"),
    ),
    capacity_titles=(r"^(?:the\s+)?(?:(?:Permanent\s+)?[Rr]epresentative|Minister\s+for\s+Foreign\s+Affairs|Minister|Ambassador"
                     r"|Head\s+of\s+(?:the\s+)?[Dd]elegation)\s+of\s+(?:the\s+)?"),
    org_titles=rf"(?:the\s+)?{_EN_TITLE}(?:\s+(?:of|for|to|on)\s+(?:the\s+)?{_EN_TITLE})*\s+(?:of|for|to|on)\s+(?:the\s+)?",
    invitation=r"(?:invite|welcome|give\s+the\s+floor\s+to|call\s+on|call\s+upon)",
    welcome=r"(?:invite|welcome|give\s+the\s+floor\s+to)",
    sentence_ends=r"[.!?”]",
    bodies={"Security Council": "S", "General Assembly": "A", "Economic and Social Council": "E", "Trusteeship Council": "T"},
    front_meeting=r"(?P<n>\d+)(?:st|nd|rd|th)\s+(?P<plenary>plenary\s+)?meeting",
    front_session=r"(?P<n>[A-Z][a-z]+(?:-[a-z]+)?)\s+(?:(?:special|emergency\s+special)\s+)?(?:year|session)",
    front_held=rf"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s*)?\d{{1,2}}\s+(?:{_EN_MONTHS})\s+\d{{4}}",
    front_president=r"President\s*:\s*(?P<name>{hon}\s*{name})[\s.．…·]*(?:\((?P<country>[^()]+)\))?",
    front_member=r"(?P<first>Members\s*:)?\s*(?P<country>[A-Z][^.．…·:]{1,60}?)\s*[.．…·]{3,}\s*(?P<name>{hon}\s*{name})",
    front_agenda=r"(?:Provisional\s+agenda|Agenda)(?:\s*\([^()]{0,30}\))?",
    front_end=r"This\s+record\s+contains\s+the\s+text\s+of\s+speeches",
    front_skip=(r"Official\s+Records", r"United\s+Nations", r"Provisional", r"Original\s*:.*", r"Distr\..*"),
    places=("New York", "Geneva", "Paris", "London", "Nairobi", "Vienna", "Addis Ababa", "Bangkok", "Santiago"),
    meeting_name="{n}{ord} {plenary}meeting",
    plenary_word="plenary ",
    hints=("(spoke in", "(interpretation from", "The President", "The Acting President", "The Temporary President",
           "The Chair", "The Secretary-General", "The meeting was called to order", "The meeting rose", "The PRESIDENT"),
    triggers=(r":|\((?:spoke|interpretation)|\d\s*(?:a\.m\.|p\.m\.|noon)|capacity|resume|[Aa]genda|rule\s+3[79]|invitation"
              r"|vote|adopted|decided|[Tt]he\s+meeting"),
    clock_hint="meeting",
    honorific_first=True,
    titles_first=True,
    date=english_date,
    title_chars=r"[A-Za-z]",
    front_notes=(r"This\s+record\s+contains\s+the\s+text\s+of\s+speeches", r"Corrections\s+should\s+be\s+submitted",
                 r"The\s+final\s+text\s+will\s+be\s+printed\s+in\s+the\s+Official\s+Records"),
    label_rest_procedure=True,
    joiner=" ",
    unknown_tag="{name}",
    example="The President (spoke in Russian):",
    president_roles=("President", "PRESIDENT"),
    label_lines=5,
    colons=":",
    role_person=r"{invitation}\s+(?:the\s+)?{role},?\s+(?P<full>(?:{hon})\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})",
    # "I invite Ms. Maria Sosa, Special Representative of …, to participate", or in a list: "I invite the
    # following briefers to participate in this meeting: Ms. Rosemary DiCarlo, Under-Secretary-General for …; and …".
    briefer=r"(?:{welcome}\s+|[:;]\s+(?:and\s+)?)(?:{hon})\s*(?:[A-Z][\w'’.-]*\s+){0,3}{surname},\s+"
            r"(?P<affil>(?:{org_titles})[^,;:]{3,160}?)(?:,\s+(?:to|who|and)\b|;|\.(?:\s|$))",
)


# French and Spanish: "M. Nebenzia (Fédération de Russie) (parle en russe) :", "Sr. Nebenzia
# (Federación de Rusia) (habla en ruso):"; a 24-hour clock ("La séance est ouverte à 10 h 5.",
# "Se abre la sesión a las 10.05 horas."). The first page's session year is left to the catalog.
_FR_MONTHS = {m: k for k, m in enumerate(["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                           "septembre", "octobre", "novembre", "décembre"], start=1)}
_ES_MONTHS = {m: k for k, m in enumerate(["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                           "septiembre", "octubre", "noviembre", "diciembre"], start=1)}
_FR_DATE = re.compile(rf"(\d{{1,2}})(?:er)?\s+({'|'.join(_FR_MONTHS)})\s+(\d{{4}})", re.IGNORECASE)
_ES_DATE = re.compile(rf"(\d{{1,2}})\s+de\s+({'|'.join(_ES_MONTHS)})\s+de\s+(\d{{4}})", re.IGNORECASE)


def _date_in(pattern: re.Pattern[str], months: dict[str, int]) -> Callable[[str], str | None]:
    def read(text: str) -> str | None:
        m = pattern.search(text)
        return f"{int(m.group(3)):04d}-{months[m.group(2).lower()]:02d}-{int(m.group(1)):02d}" if m else None
    return read


_FR_UNITS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
             "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
             "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100}
_FR_ORDINALS = {"premier": 1, "première": 1, "unième": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
                "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
                "dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13, "quatorzième": 14, "quinzième": 15,
                "seizième": 16, "vingtième": 20, "trentième": 30, "quarantième": 40, "cinquantième": 50,
                "soixantième": 60, "centième": 100}


def french_ordinal(text: str) -> int | None:
    """Soixante-dix-neuvième → 79, Quatre-vingtième → 80, Vingt et unième → 21."""
    words = [w for w in re.split(r"[\s-]+", text.strip().lower()) if w and w != "et"]
    if not words or words[-1] not in _FR_ORDINALS:
        return None
    total = 0
    for w in words[:-1]:
        if w not in _FR_UNITS:
            return None
        value = _FR_UNITS[w]
        # quatre-vingt: four twenties; otherwise values add up (soixante-dix = 60 + 10).
        total = total * value if value == 20 and total in range(1, 10) else total + value
    last = _FR_ORDINALS[words[-1]]
    return total * last if last == 20 and total in range(1, 10) else total + last


_ES_TENS = {"décimo": 10, "vigésimo": 20, "trigésimo": 30, "cuadragésimo": 40, "quincuagésimo": 50, "sexagésimo": 60,
            "septuagésimo": 70, "octogésimo": 80, "nonagésimo": 90, "centésimo": 100}
_ES_UNITS = {"primero": 1, "primer": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercero": 3, "tercer": 3,
             "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6, "séptimo": 7,
             "séptima": 7, "octavo": 8, "octava": 8, "noveno": 9, "novena": 9, "undécimo": 11, "duodécimo": 12}


def spanish_ordinal(text: str) -> int | None:
    """Septuagésimo noveno → 79, Octogésimo → 80."""
    total = 0
    for w in text.strip().lower().split():
        value = _ES_TENS.get(w) or _ES_TENS.get(w[:-1] + "o") or _ES_UNITS.get(w)  # -a: feminine
        if value is None:
            return None
        total += value
    return total or None


_NEVER = r"(?!x)x"  # a row this language's records do not print
_FR_TITLE = (r"(?:(?:Représentante?|Envoyée?|Secrétaire\s+générale?(?:\s+adjointe?)?|Directeur|Directrice|Haut-Commissaire"
             r"|Coordonnatrice|Coordonnateur|Présidente?)(?:\s+spéciale?)?(?:\s+générale?)?)")
_ES_TITLE = (r"(?:(?:Representante|Enviad[oa]|Secretari[oa]\s+General(?:\s+Adjunt[oa])?|Director(?:a)?(?:\s+General)?"
             r"|Alt[oa]\s+Comisionad[oa]|Coordinador(?:a)?|President[ea])(?:\s+Especial)?)")

FR = RecordCues(
    language="fr",
    roles={"Président": "chair", "Présidente": "chair", "Président par intérim": "chair", "Présidente par intérim": "chair",
           "Secrétaire général": "briefer", "Secrétaire générale": "briefer", "Vice-Secrétaire générale": "briefer",
           "Vice-Secrétaire général": "briefer"},
    acting_roles=("Président par intérim", "Présidente par intérim"),
    chair_word=r"\bPrésidente?\b",
    own_country=("mon pays",),
    honorifics=("S. E. M.", "Princesse", "Prince", "Cheikh", "Mlle", "Mme", "Mgr", "Sir", "Dame", "Lord", "Lady", "M.", "Dr"),
    name_char="",
    name=rf"{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{0,5}}",
    label=r"(?:(?:Le|La)\s+(?P<role>{role})|(?P<name>(?P<hon>{hon})\s*{name}))\s*"
          r"(?:{open}(?!\s*{tag}{close})\s*(?P<country>[^()]{1,90}?){close})?\s*"
          r"(?:{open}\s*{tag_groups}{close})?{colon}",
    label_start=r"^(?:(?:Le|La)\s+(?:{role})|{hon}\s*{name})"
                r"(?:(?:\s*\([^()]*\))+\s*$|(?:\s*\([^()]*\))*\s*(?:\([^()]*$|:))",
    open_bracket=r"\(",
    close_bracket=r"\s*\)",
    colon=r"\s*:",
    languages={"anglais": "en", "français": "fr", "russe": "ru", "espagnol": "es", "arabe": "ar", "chinois": "zh",
               "portugais": "pt", "allemand": "de", "ukrainien": "uk"},
    lang_name=r"[a-zà-ÿ]+",
    # "(l'oratrice poursuit en espagnol)": the speaker goes on in another language.
    language_tags=(r"parle\s+en\s+{lang}(?:\s*;[^()]{0,100})?", r"interprétation\s+(?:de\s+l['’]|du\s+)\s*{lang}",
                   r"l['’]orat(?:eur|rice)\s+poursuit\s+en\s+{lang}"),
    time=r"(?P<h>\d{1,2})\s*h(?:eures?)?(?:\s*(?P<m>\d{1,2}))?",
    clock_parts={},
    clock_events={"est ouverte": "opened", "est levée": "closed", "est suspendue": "suspended", "est reprise": "resumed"},
    clocks=(r"La\s+séance\s+(?P<what>{event})\s+à\s+{time}",),
    clock_stop=r"\s*\.",
    numerals="[0-9]",
    agenda_notes=(r"Adoption\s+de\s+l['’]ordre\s+du\s+jour", r"L['’]ordre\s+du\s+jour\s+est\s+adopté\.?",
                  r"Point\s+\d.{0,60}"),
    agenda_item=r"Point\s+(?P<item>\d+(?:\s*\(\s*[a-z]{1,2}\s*\))?)",
    agenda_documents=(r"(?:Projets?\s+de\s+résolution|Projets?\s+de\s+décision)\s*\([^()]{2,60}\)\.?",),
    sub_item=r"^[（(]\s*(?P<sub>[a-z]{1,2})\s*[)）]\s*",
    procedure=(
        r"Il\s+est\s+procédé\s+au\s+vote\s+enregistré\.?",
        r"(?:Votent\s+pour|Votent\s+contre|S['’]abstiennent)\s*:.*",
        r"(?:Le|Les)\s+projets?\s+de\s+(?:résolution|décision)\b.{0,120}?(?:est|sont)\s+(?:adoptés?|rejetés?)\b.*",
        r"La\s+séance\s+est\s+suspendue\s+à\s+.*",
        (r"Conformément\s+à\s+l['’]article\s+3[79]\s+du\s+[Rr]èglement\s+intérieur\s+provisoire\s+du\s+Conseil,"
        r"\s+j['’]invite\b.*"),
        r"(?:En\s+l['’]absence\s+d['’]objection,\s+)?[Ii]l\s+en\s+est\s+ainsi\s+décidé\.?",
    ),
    procedure_sentences=(r"Il\s+est\s+procédé\s+au\s+vote\s+enregistré\.",),
    vote_heads=r"(?:Votent\s+pour|Votent\s+contre|S['’]abstiennent)\s*:",
    vote_count=r"(?P<yes>\d+)\s+voix\s+contre\s+(?P<no>\d+|zéro)(?:,?\s+avec\s+(?P<abstain>\d+|zéro)\s+abstentions?)?",
    count_words={"zéro": 0},
    national=(
        r"Je\s+vais\s+maintenant\s+faire\s+une\s+déclaration\s+en\s+ma\s+qualité\s+de\s+(?P<cap>[^.;:]{2,80}?)(?=[.;:]|$)",
        r"Je\s+(?:vais\s+maintenant\s+)?(?:faire|prononcer)\s+(?:maintenant\s+)?une\s+déclaration\s+à\s+titre\s+(?P<cap>national)",
    ),
    resume_chair=(r"Je\s+reprends\s+(?:maintenant\s+)?mes\s+fonctions\s+de\s+Présidente?",),
    acting_chair=(
        (r"En\s+l['’]absence\s+du\s+Président,\s*(?P<name>{hon}\s*{name})\s*(?:{open}\s*(?P<country>[^()]{1,60}){close})?"
        r",?\s*Vice-Présidente?,?\s*assume\s+la\s+présidence"),
    ),
    capacity_titles=r"^(?:représentante?|ministre\s+des\s+affaires\s+étrangères)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])",
    org_titles=rf"{_FR_TITLE}(?:\s+(?:de\s+la|de\s+l['’]|du|des|de|pour\s+la|pour\s+le|pour\s+l['’])\s*{_FR_TITLE})*"
               r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|pour\s+la\s+|pour\s+le\s+|pour\s+l['’])",
    invitation=r"(?:j['’]invite|je\s+souhaite\s+la\s+bienvenue\s+à|je\s+donne\s+(?:maintenant\s+)?la\s+parole\s+à)",
    welcome=r"(?:j['’]invite|je\s+souhaite\s+la\s+bienvenue\s+à)",
    sentence_ends=r"[.!?»”]",
    bodies={"Conseil de sécurité": "S", "Assemblée générale": "A", "Conseil économique et social": "E"},
    front_meeting=r"(?P<n>\d+)e\s+séance(?P<plenary>\s+plénière)?",
    front_session=r"(?P<n>[A-Z][a-zà-ÿ]+(?:[-\s](?:et\s+)?[a-zà-ÿ]+){0,3})\s+(?:année|session)",
    front_held=r"(?:(?:Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche)\s+)?\d{1,2}(?:er)?\s+(?:"
               + "|".join(_FR_MONTHS) + r")\s+\d{4}",
    front_president=r"Présidente?\s*:\s*(?P<name>{hon}\s*{name})[\s.．…·]*(?:\((?P<country>[^()]+)\))?",
    front_member=r"(?P<first>Membres\s*:)?\s*(?P<country>[A-ZÀ-Ý][^.．…·:]{1,60}?)\s*[.．…·]{3,}\s*(?P<name>{hon}\s*{name})",
    front_agenda=r"Ordre\s+du\s+jour(?:\s+provisoire)?",
    front_end=r"Le\s+présent\s+procès-verbal\s+contient",
    front_skip=(r"Documents\s+officiels", r"Nations\s+Unies", r"Provisoire", r"Original\s*:.*", r"Distr\..*"),
    places=("New York", "Genève", "Paris", "Londres", "Nairobi", "Vienne", "Addis-Abeba"),
    meeting_name="{n}e séance{plenary}",
    plenary_word=" plénière",
    hints=("(parle en", "La séance est ouverte", "La séance est levée", "Le Président", "La Présidente"),
    triggers=(r":|\((?:parle|interprétation)|\d\s*h|qualité|reprends|ordre\s+du\s+jour|article\s+3[79]|vote|adopté|décidé"
              r"|[Ll]a\s+séance"),
    clock_hint="séance",
    honorific_first=True,
    titles_first=True,
    date=_date_in(_FR_DATE, _FR_MONTHS),
    ordinal=french_ordinal,
    title_chars=r"[A-Za-zÀ-ÿ]",
    front_notes=(r"Le\s+présent\s+procès-verbal\s+contient", r"Les\s+rectifications\s+ne\s+doivent\s+porter"),
    label_rest_procedure=True,
    joiner=" ",
    unknown_tag="{name}",
    example="Le Président (parle en anglais) :",
    president_roles=("Président", "Présidente"),
    label_lines=5,
    colons=":",
    role_person=r"{invitation}\s+(?:le\s+|la\s+)?{role},?\s+(?P<full>(?:{hon})\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})",
    briefer=r"{welcome}\s+(?:{hon})\s*(?:[A-Z][\w'’.-]*\s+){0,3}{surname},\s+(?P<affil>(?:{org_titles})[^,;:]{3,160}?),"
            r"\s+(?:à|qui|et)\b",
)

ES = RecordCues(
    language="es",
    roles={"Presidente": "chair", "Presidenta": "chair", "Presidente interino": "chair", "Presidenta interina": "chair",
           "Secretario General": "briefer", "Secretaria General": "briefer", "Vicesecretaria General": "briefer",
           "Vicesecretario General": "briefer"},
    acting_roles=("Presidente interino", "Presidenta interina"),
    chair_word=r"\bPresident[ea]\b",
    own_country=("mi país",),
    honorifics=("Excmo. Sr.", "Excma. Sra.", "Monseñor", "Princesa", "Príncipe", "Jeque", "Srta.", "Sra.", "Sr.",
                "Sir", "Dame", "Lord", "Lady", "Dra.", "Dr."),
    name_char="",
    name=rf"{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{0,5}}",
    label=r"(?:(?:El|La)\s+(?P<role>{role})|(?P<name>(?P<hon>{hon})\s*{name}))\s*"
          r"(?:{open}(?!\s*{tag}{close})\s*(?P<country>[^()]{1,90}?){close})?\s*"
          r"(?:{open}\s*{tag_groups}{close})?{colon}",
    label_start=r"^(?:(?:El|La)\s+(?:{role})|{hon}\s*{name})"
                r"(?:(?:\s*\([^()]*\))+\s*$|(?:\s*\([^()]*\))*\s*(?:\([^()]*$|:))",
    open_bracket=r"\(",
    close_bracket=r"\s*\)",
    colon=r"\s*:",
    languages={"inglés": "en", "francés": "fr", "ruso": "ru", "español": "es", "árabe": "ar", "chino": "zh",
               "portugués": "pt", "alemán": "de", "ucraniano": "uk"},
    lang_name=r"[a-záéíóúñü]+",
    # "(continúa en español)": the speaker goes on in another language.
    language_tags=(r"habla\s+en\s+{lang}(?:\s*;[^()]{0,100})?", r"interpretación\s+del\s+{lang}",
                   r"contin[úu]a\s+en\s+{lang}"),
    time=r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*horas",
    clock_parts={},
    clock_events={"abre": "opened", "levanta": "closed", "suspende": "suspended", "reanuda": "resumed"},
    clocks=(r"Se\s+(?P<what>{event})\s+la\s+sesión\s+a\s+las\s+{time}",),
    clock_stop=r"\s*\.",
    numerals="[0-9]",
    agenda_notes=(r"Aprobación\s+del\s+orden\s+del\s+día", r"Queda\s+aprobado\s+el\s+orden\s+del\s+día\.?",
                  r"Tema\s+\d.{0,60}"),
    agenda_item=r"Tema\s+(?P<item>\d+(?:\s*\(\s*[a-z]{1,2}\s*\))?)",
    agenda_documents=(r"(?:Proyectos?\s+de\s+resolución|Proyectos?\s+de\s+decisión)\s*\([^()]{2,60}\)\.?",),
    sub_item=r"^[（(]\s*(?P<sub>[a-z]{1,2})\s*[)）]\s*",
    procedure=(
        r"Se\s+procede\s+a\s+votación\s+registrada\.?",
        r"(?:Votos\s+a\s+favor|Votos\s+en\s+contra|Abstenciones)\s*:.*",
        r"Por\s+\d+\s+votos\s+contra\b.*",
        r"Se\s+suspende\s+la\s+sesión\s+a\s+las\s+.*",
        r"De\s+conformidad\s+con\s+el\s+artículo\s+3[79]\s+del\s+reglamento\s+provisional\s+del\s+Consejo,\s+invito\b.*",
        r"Así\s+queda\s+acordado\.?",
    ),
    procedure_sentences=(r"Se\s+procede\s+a\s+votación\s+registrada\.",),
    vote_heads=r"(?:Votos\s+a\s+favor|Votos\s+en\s+contra|Abstenciones)\s*:",
    vote_count=r"(?P<yes>\d+)\s+votos\s+contra\s+(?P<no>\d+|ninguno)(?:\s+y\s+(?P<abstain>\d+|ninguna)\s+abstenci)?",
    count_words={"ninguno": 0, "ninguna": 0},
    national=(
        r"(?:Formularé|Formulo|Haré)\s+ahora\s+una\s+declaración\s+en\s+mi\s+calidad\s+de\s+(?P<cap>[^.;:]{2,80}?)(?=[.;:]|$)",
        r"(?:Formularé|Formulo|Haré)\s+ahora\s+una\s+declaración\s+a\s+título\s+(?P<cap>nacional)",
    ),
    resume_chair=(r"Reasumo\s+(?:ahora\s+)?(?:mis\s+|las\s+)?funciones\s+(?:como|de)\s+President[ea]",),
    acting_chair=(
        (r"En\s+ausencia\s+de(?:l|\s+la)\s+President[ea],\s*(?:el\s+|la\s+)?(?P<name>{hon}\s*{name})\s*"
        r"(?:{open}\s*(?P<country>[^()]{1,60}){close})?,?\s*Vicepresident[ea],?\s*ocupa\s+la\s+Presidencia"),
    ),
    capacity_titles=r"^(?:representante|ministr[oa]\s+de\s+relaciones\s+exteriores)\s+(?:de\s+la\s+|del\s+|de\s+los\s+|de\s+)",
    org_titles=rf"{_ES_TITLE}(?:\s+(?:de\s+la|del|de\s+los|de|para\s+el|para\s+la)\s+{_ES_TITLE})*"
               r"\s+(?:de\s+la\s+|del\s+|de\s+los\s+|de\s+|para\s+el\s+|para\s+la\s+)",
    invitation=r"(?:invito\s+a(?:l)?|doy\s+la\s+bienvenida\s+a(?:l)?|doy\s+(?:ahora\s+)?la\s+palabra\s+a(?:l)?)",
    welcome=r"(?:invito\s+a(?:l)?|doy\s+la\s+bienvenida\s+a(?:l)?)",
    sentence_ends=r"[.!?»”]",
    bodies={"Consejo de Seguridad": "S", "Asamblea General": "A", "Consejo Económico y Social": "E"},
    front_meeting=r"(?P<n>\d+)[ªa]\s+sesión(?P<plenary>\s+plenaria)?",
    front_session=r"(?P<n>[A-Z][a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)?)\s+(?:año|período\s+de\s+sesiones)",
    front_held=r"(?:(?:Lunes|Martes|Miércoles|Jueves|Viernes|Sábado|Domingo)\s+)?\d{1,2}\s+de\s+(?:"
               + "|".join(_ES_MONTHS) + r")\s+de\s+\d{4}",
    front_president=r"President[ea]\s*:\s*(?P<name>{hon}\s*{name})[\s.．…·]*(?:\((?P<country>[^()]+)\))?",
    front_member=r"(?P<first>Miembros\s*:)?\s*(?P<country>[A-ZÁÉÍÓÚÑ][^.．…·:]{1,60}?)\s*[.．…·]{3,}\s*(?P<name>{hon}\s*{name})",
    front_agenda=r"Orden\s+del\s+día(?:\s+provisional)?",
    front_end=r"La\s+presente\s+acta\s+contiene",
    front_skip=(r"Documentos\s+Oficiales", r"Naciones\s+Unidas", r"Provisional", r"Original\s*:.*", r"Distr\..*"),
    places=("Nueva York", "Ginebra", "París", "Londres", "Nairobi", "Viena", "Addis Abeba"),
    meeting_name="{n}ª sesión{plenary}",
    plenary_word=" plenaria",
    hints=("(habla en", "Se abre la sesión", "Se levanta la sesión", "El Presidente", "La Presidenta"),
    triggers=r":|\((?:habla|interpretación)|horas|calidad|[Rr]easumo|orden\s+del\s+día|artículo\s+3[79]|vot|aprobad|acordado",
    clock_hint="sesión",
    honorific_first=True,
    titles_first=True,
    date=_date_in(_ES_DATE, _ES_MONTHS),
    ordinal=spanish_ordinal,
    title_chars=r"[A-Za-zÁÉÍÓÚÑáéíóúñ]",
    front_notes=(r"La\s+presente\s+acta\s+contiene", r"Las\s+correcciones\s+deben\s+referirse"),
    label_rest_procedure=True,
    joiner=" ",
    unknown_tag="{name}",
    example="El Presidente (habla en inglés):",
    president_roles=("Presidente", "Presidenta"),
    label_lines=5,
    colons=":",
    role_person=r"{invitation}\s+(?:el\s+|la\s+)?{role},?\s+(?P<full>(?:{hon})\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})",
    briefer=r"{welcome}\s+(?:la\s+|el\s+)?(?:{hon})\s*(?:[A-Z][\w'’.-]*\s+){0,3}{surname},\s+"
            r"(?P<affil>(?:{org_titles})[^,;:]{3,160}?),\s+(?:a|que|y)\b",
)


# -- compiled --------------------------------------------------------------------------


class RecordGrammar:
    """The regular expressions of one ``RecordCues`` table, compiled once."""

    def __init__(self, cues: RecordCues) -> None:
        self.cues = c = cues
        self.honorifics = c.honorifics
        hon = _alternation(c.honorifics)
        name = c.name or rf"(?:{c.name_char}\s*){{1,24}}?"
        self.name_pattern = name
        lang = "(?P<lang{k}>" + c.lang_name.replace("{", "{{").replace("}", "}}") + ")"
        tags = [t.replace("{lang}", c.lang_name) for t in c.language_tags]
        tag_groups = "|".join(f"(?:{t.replace('{lang}', lang.format(k=k))})" for k, t in enumerate(c.language_tags))
        self._lang_groups = [f"lang{k}" for k in range(len(c.language_tags))]
        fill = {
            "{role}": _alternation(c.roles), "{name}": name, "{hon}": f"(?:{hon})",
            "{open}": c.open_bracket, "{close}": c.close_bracket, "{colon}": c.colon,
            "{tag_groups}": f"(?:{tag_groups})", "{tag}": "(?:" + "|".join(tags) + ")",
        }

        def filled(template: str) -> str:
            for k, v in fill.items():
                template = template.replace(k, v)
            return template

        label = filled(c.label)
        # A label without its colon: what a wrap or a page may leave of one before the colon.
        unfinished = label.replace(c.colon, "")
        label = spaced(label)
        self.label = re.compile(label)
        self.header = re.compile("^" + label)
        self.unfinished = re.compile("^" + spaced(_nameless(unfinished)) + r"\s*$")
        # Enough of a label to know one on its first line, before a wrap cuts it.
        self.header_start = re.compile(spaced(filled(c.label_start)))
        self.language_tag = re.compile(spaced(f"{c.open_bracket}\\s*(?:{tag_groups}){c.close_bracket}"))
        self.language_switch = re.compile(spaced(f"^{c.open_bracket}\\s*(?:{tag_groups}){c.close_bracket}$"))

        time = c.time.replace("{parts}", _alternation(c.clock_parts)).replace("{num}", c.numerals)
        events = _alternation(c.clock_events)
        self._events = {re.sub(r"\s", "", k): v for k, v in c.clock_events.items()}
        clocks = [spaced(f.replace("{time}", time).replace("{event}", events)) for f in c.clocks]
        self.clocks_full = [re.compile(f"^{f}(?:{c.clock_stop})?\\s*$") for f in clocks]
        self.clocks_at = [re.compile(f"{f}(?:{c.clock_stop}|(?=\\s|$))") for f in clocks]

        self.agenda_notes = re.compile(spaced("^(?:" + "|".join(c.agenda_notes) + r")\s*$"))
        self.agenda_note_at = re.compile(spaced(
            "(?:" + "|".join(c.agenda_notes[:2]) + r")(?=\s|$)"))
        self.agenda_item = re.compile(spaced("^" + c.agenda_item))
        self.agenda_documents = re.compile(spaced("^(?:" + "|".join(c.agenda_documents) + ")$"))
        self.sub_item = re.compile(c.sub_item)
        self.procedure = re.compile(spaced("^(?:" + "|".join(c.procedure) + ")$"))
        self.procedure_at = re.compile(spaced("(?:" + "|".join(c.procedure_sentences) + ")"))
        self.vote_head = re.compile(spaced(f"^(?:{c.vote_heads})\\s*$"))
        self.vote_count = re.compile(spaced(c.vote_count))
        self.national = re.compile(spaced("|".join(f"(?:{_nameless(p)})" for p in c.national)))
        self._national = [re.compile(spaced(p)) for p in c.national]
        self.resume_chair = re.compile(spaced("|".join(f"(?:{p})" for p in c.resume_chair)))
        self.resume_chair_anywhere = re.compile(spaced("|".join(f"(?:{_anywhere(p)})" for p in c.resume_chair)))
        self._acting = [re.compile(spaced(filled(p))) for p in c.acting_chair]
        self.capacity_titles = re.compile(spaced(c.capacity_titles))
        # Titles stand after the organisation in Chinese (…秘书长), before it in English.
        org_titles = spaced(c.org_titles)
        self.org_titles = re.compile(f"^(?:{org_titles})" if c.titles_first else org_titles + "$")
        self.chair_word = re.compile(spaced(c.chair_word))
        self.invitation = spaced(c.invitation)
        self.welcome = spaced(c.welcome)
        self.sentence_end = re.compile(f"{c.sentence_ends}\\s*")
        self.whitespace = re.compile(r"\s+")
        self.bodies = re.compile(spaced("|".join(f"(?P<b{k}>{re.escape(b)})" for k, b in enumerate(c.bodies))))
        self._bodies = list(c.bodies)
        self._honorific = re.compile(
            spaced(f"^(?:{hon})(?=\\s|$)" if c.honorific_first else f"(?:{hon})$"))
        self._hon_words = "|".join(re.escape(h) for h in c.honorifics)  # in the table's order

        self.front_meeting = re.compile(spaced(c.front_meeting))
        self.front_session = re.compile(spaced(c.front_session))
        self.front_held = re.compile(spaced(c.front_held))
        self.front_president = re.compile(spaced(c.front_president.replace("{name}", name).replace("{hon}", f"(?:{hon})")))
        self.front_member = re.compile(spaced("^" + c.front_member.replace("{name}", name).replace("{hon}", f"(?:{hon})") + "$"))
        self.front_agenda = re.compile(spaced(f"^{c.front_agenda}$"))
        self.front_agenda_at = re.compile(spaced(f"(?:^|(?<=\\s)){c.front_agenda}(?=\\s)"))
        self.front_end = re.compile(spaced("^" + c.front_end))
        self.front_skip = re.compile(spaced("^(?:" + "|".join(c.front_skip) + r")\s*$"))
        self.front_notes = re.compile("^(?:" + "|".join(c.front_notes) + ")") if c.front_notes else None
        self.places = re.compile(spaced("^(?:" + _alternation(c.places) + ")"))
        self.title_chars = re.compile(c.title_chars)
        self.clock_hint = c.clock_hint
        self.hints = c.hints

        # A paragraph starts at a line opening with any of these (one pass in the layout).
        self.starts = re.compile("|".join(_nameless(p.pattern) for p in (
            self.header_start, self.language_switch, *self.clocks_full, self.agenda_notes)))
        # A cue that, after a sentence's end, starts a paragraph inside running text.
        self.cue_at = re.compile("|".join(f"(?:{_nameless(p.pattern.lstrip('^'))})" for p in (
            self.label, self.language_tag, *self.clocks_at, self.agenda_note_at, self.procedure_at)))
        self.chair_cue_at = re.compile(f"(?:{self.national.pattern})|(?:{self.resume_chair.pattern})")
        # The procedural cue a segment may open with, tried in this order (clock, language tag,
        # agenda note, procedure): one match, where the first alternative to match wins as the
        # first pattern to match would, with the same end.
        self.lead_cue = re.compile("|".join(f"(?:{_nameless(p.pattern)})" for p in (
            *self.clocks_at, self.language_tag, self.agenda_note_at, self.procedure_at)))
        # Cheap tests before the real ones: could a text hold any cue at all?
        # (A label has a colon; a language tag says 发言 or 译自; brackets alone are everywhere.)
        self._trigger = re.compile(spaced(c.triggers.replace("{num}", c.numerals)))
        self.any_cue = re.compile("|".join(f"(?:{_nameless(p.pattern)})" for p in (
            *self.clocks_full, self.agenda_notes, self.language_switch, self.procedure, self.header)))
        self.colons = c.colons


    # -- reading matches ------------------------------------------------------------

    def clock(self, key: str, full: bool = True) -> re.Match[str] | None:
        for rx in self.clocks_full if full else self.clocks_at:
            if m := (rx.match(key)):
                return m
        return None

    def clock_at(self, key: str, pos: int) -> re.Match[str] | None:
        for rx in self.clocks_at:
            if m := rx.match(key, pos):
                return m
        return None

    def clock_time(self, m: re.Match[str]) -> str:
        hour = number_value(m.group("h"))
        minute = 30 if m.groupdict().get("half") else number_value(m.groupdict().get("m") or "0")
        if hour < 12:
            hour += self.cues.clock_parts.get(re.sub(r"\s", "", m.groupdict().get("part") or ""), 0)
        return f"{hour:02d}:{minute:02d}"

    def clock_event(self, m: re.Match[str]) -> str:
        return self._events[re.sub(r"\s", "", m.group("what"))]

    def language_of(self, m: re.Match[str]) -> tuple[str | None, str | None]:
        """(ISO code, the tag's language name) of a label or switch; (None, None) without a tag."""
        groups = m.re.groupindex
        for g in self._lang_groups:
            if g in groups and (name := m.group(g)):
                name = "".join(name.split())
                return self.cues.languages.get(name), name
        return None, None

    def national_capacity(self, key: str) -> re.Match[str] | None:
        for rx in self._national:
            if m := rx.search(key):
                return m
        return None

    def acting_chair(self, key: str) -> re.Match[str] | None:
        for rx in self._acting:
            if m := rx.search(key):
                return m
        return None

    def body_of(self, key: str) -> str | None:
        """The first organ named in ``key``, as the table writes it."""
        m = self.bodies.search(key)
        if not m:
            return None
        return next(self._bodies[int(g[1:])] for g, v in m.groupdict().items() if v)

    def capacity_of_role(self, role: str | None) -> str | None:
        return self.cues.roles.get(role) if role else None

    def role_name(self, role: str) -> str:
        """A role as the table writes it (Simplified, no spaces; one space between Latin words)."""
        return squeeze(role)

    def meeting_name(self, n: int, plenary: bool) -> str:
        return (self.cues.meeting_name.replace("{n}", str(n)).replace("{ord}", ordinal_suffix(n))
                .replace("{plenary}", self.cues.plenary_word if plenary else ""))

    def honorific_of(self, name: str) -> str | None:
        """The honorific a name carries (张军先生 → 先生; Mr. Zas → Mr.)."""
        m = self._honorific.search(name)
        return squeeze(m.group(0)) if m else None

    def bare_name(self, name: str) -> str:
        """A name without its honorific (张军先生 → 张军; Ms. Sosa → Sosa)."""
        return self._honorific.sub("", name).strip()

    def without_titles(self, text: str, titles: re.Pattern[str]) -> str:
        """What a capacity or an affiliation names once its titles are off: 法国代表 → 法国;
        representative of France → France."""
        m = titles.search(text)
        if not m or (m.start() == 0 and m.end() == len(text)):
            return text
        return text[: m.start()].strip() if m.start() else text[m.end():].strip()

    def ordinal(self, text: str) -> int:
        """第七十九 / Seventy-ninth / Soixante-dix-neuvième / Septuagésimo noveno → 79."""
        return (self.cues.ordinal or number_value)(text) or 0

    def date(self, text: str) -> str | None:
        return self.cues.date(text)

    def count(self, text: str | None) -> int:
        """A number in a vote count: 121, or "none"."""
        if text is None:
            return 0
        return self.cues.count_words.get(text.lower(), 0) if not text.strip().isdigit() else int(text)

    def person_pattern(self, role: str) -> re.Pattern[str]:
        """How the chair invites a role's holder by name: group full."""
        c = self.cues
        return re.compile(spaced(c.role_person.replace("{invitation}", c.invitation).replace("{role}", re.escape(role))
                                 .replace("{hon}", self._hon_words)))

    def briefer_pattern(self, surname: str) -> re.Pattern[str]:
        """How the chair welcomes a briefer: their affiliation, then their name. Group affil."""
        org = self.org_titles.pattern.removeprefix("^").removesuffix("$")
        return re.compile(self.cues.briefer.replace("{welcome}", self.welcome).replace("{org_titles}", org)
                          .replace("{surname}", re.escape(surname)).replace("{hon}", self._hon_words))

    def join(self, head: str, tail: str) -> str:
        """Two pieces of a wrapped line: Chinese joins them as they are, Latin text with a space."""
        return head + tail if not self.cues.joiner else join_wrapped([head, tail])

    def continues(self, line: str, nxt: str) -> bool:
        """Does ``nxt`` go on with ``line`` (a title the column wrapped), rather than start an
        item of its own? Only Latin text tells: a lower-case start, or a line left on "of the"."""
        return bool(self.cues.joiner) and bool(nxt[:1].islower() or _OPEN_END.search(line))

    def join_lines(self, lines: list[str]) -> str:
        return "".join(lines) if not self.cues.joiner else join_wrapped(lines)

    def looks_at(self, text: str) -> bool:
        """Is this table worth trying on ``text``? A table with hints (a language written in an
        alphabet) only on text not written in Chinese characters, where a hint is in the first pages."""
        return table_looks_at(self.cues, text)

    def label_at(self, text: str) -> re.Match[str] | None:
        """The speaker label ``text`` opens with; the regex runs only where a colon could end one
        (detection reads every line of every file; the parser, one paragraph at a time, matches
        directly: the test costs more than it saves there)."""
        for colon in self.colons:
            if text.find(colon, 0, LABEL_SPAN) >= 0:
                return self.header.match(text)
        return None

    def may_split(self, key: str) -> bool:
        """Cheap test: could this text hold a cue worth splitting at?"""
        return bool(self._trigger.search(key))

    @cached_property
    def chair_roles(self) -> frozenset[str]:
        return frozenset(r for r, cap in self.cues.roles.items() if cap == "chair")


_CN_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0}


def number_value(text: str) -> int:
    """12, １２, 十二, 四百九十三, or 四九三 (digit by digit, as some old pages print them);
    71st, Seventy-ninth."""
    t = unicodedata.normalize("NFKC", re.sub(r"\s", "", text))
    if t and all(ch in _CN_DIGITS for ch in t):
        return int("".join(str(_CN_DIGITS[ch]) for ch in t))
    if t[:1].isascii() and t[:1].isalpha():
        return english_ordinal(text) or 0
    if m := _ORDINAL_DIGITS.fullmatch(t):
        return int(m.group(1))
    return chinese_number(t) or 0


_OPEN_END = re.compile(r"\b(?:of|the|and|on|in|for|to|between|with|a|an|at|by|from|its|their)$")
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")


def ordinal_suffix(n: int) -> str:
    """1 → st, 2 → nd, 11 → th, 71 → st."""
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


_GRAMMARS: dict[int, RecordGrammar] = {}
HINT_SPAN = 20_000  # a table's hints are looked for in the first characters of a text
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{4}")


def mostly_han(text: str) -> bool:
    """Is the text written in Chinese characters? Four of them in a row near its start say so
    (found at once in Chinese text; an English page has no such run). Detection runs on every
    file: tables for alphabetic languages are not tried on Chinese text."""
    return _HAN_RUN.search(text, 0, 3000) is not None
# A label is at most this long: a name, a country or organisation, a tag, spaced out by a scan.
LABEL_SPAN = 400

# Every record table, in the order they are tried (a table with a hint only where it is found).
TABLES: tuple[RecordCues, ...] = (ZH, EN, FR, ES)


def table_looks_at(cues: RecordCues, text: str) -> bool:
    """RecordGrammar.looks_at on the table itself, before it is compiled."""
    return not cues.hints or (not mostly_han(text) and any(text.find(h, 0, HINT_SPAN) >= 0 for h in cues.hints))


def grammar(cues: RecordCues = ZH) -> RecordGrammar:
    """The compiled grammar of a table (compiled once per table)."""
    if id(cues) not in _GRAMMARS:
        _GRAMMARS[id(cues)] = RecordGrammar(cues)
    return _GRAMMARS[id(cues)]
