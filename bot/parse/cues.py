"""Tables of cues the resolution grammar reads: what opens a body, a recital, an operative
clause; how paragraphs are numbered; how adoption is recorded.

A new variant of a known family is a row here, not a change to the grammar. The grammar
matches Simplified text (``bot.parse`` converts Traditional before parsing and restores the
published characters after), so every cue is written in Simplified Chinese. Another language
adds a ``ResolutionCues`` of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text import SUPERSCRIPT_DIGITS

CN_DIGIT = "〇零一二三四五六七八九"
CN_NUMERAL = CN_DIGIT + "十百"


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


@dataclass(frozen=True)
class ResolutionCues:
    language: str
    # The organs whose name, followed by a comma, opens a resolution's body.
    organs: tuple[str, ...]
    # Words that open a recital (preambular paragraph); 又/还/并 may precede them.
    recital_verbs: tuple[str, ...]
    # The recital openers strong enough to split a line that runs several recitals together
    # (…第59/50号决议，还提及…): words that rarely follow a comma inside one recital.
    split_verbs: tuple[str, ...]
    # Words that open an operative clause.
    operative_verbs: tuple[str, ...]
    # Prefixes that modify a verb: 又决定, 还请, 并鼓励.
    verb_prefixes: tuple[str, ...]
    # Punctuation that closes a recital and an operative clause.
    recital_end: str
    operative_end: str


ZH_RESOLUTION = ResolutionCues(
    language="zh",
    organs=_longest_first(["大会", "安全理事会", "经济及社会理事会", "人权理事会", "托管理事会", "理事会"]),
    recital_verbs=_longest_first([
        "审议了", "审查了", "提及", "回顾", "重申", "确认", "认识到", "意识到", "注意到", "表示注意到",
        "满意地注意到", "赞赏地注意到", "关切地注意到", "严重关切地注意到", "欢迎", "强调", "强调指出",
        "着重指出", "深信", "相信", "考虑到", "铭记", "申明", "表示关切", "深为关切", "深切关注", "关切",
        "赞扬", "赞赏", "认为", "承认", "断定", "根据", "遵循", "忆及", "深感", "决心", "希望", "意识",
        "关注", "痛惜", "震惊于", "获悉", "收到", "感谢", "指出", "欣见", "念及", "顾及",
    ]),
    split_verbs=_longest_first([
        "提及", "回顾", "重申", "忆及", "审议了", "铭记", "深信", "满意地注意到", "赞赏地注意到",
        "关切地注意到", "表示注意到", "强调指出", "着重指出", "表示关切", "深为关切",
    ]),
    operative_verbs=_longest_first([
        "决定", "请", "邀请", "鼓励", "欢迎", "强调", "承认", "确认", "重申", "提议", "建议", "注意到",
        "表示注意到", "赞赏地注意到", "表示赞赏地注意到", "满意地注意到", "关切地注意到", "呼吁", "吁请",
        "促请", "敦促", "要求", "授权", "核可", "赞扬", "赞赏", "支持", "谴责", "强烈谴责", "表示关切",
        "深表关切", "感谢", "申明", "宣布", "认可", "同意", "期待", "表示", "重申其", "回顾", "深信",
        "认识到", "坚决谴责", "敦请", "责成", "指出", "着重指出", "强调指出", "鼓励会员国", "通过",
        "核准", "批准", "选举", "任命", "赞同", "宣告", "建议大会", "表示遗憾", "遗憾", "谴责",
    ]),
    verb_prefixes=("又", "还", "并", "也", "再", "进一步"),
    recital_end="，,",
    operative_end="；;。.",
)


EN_RESOLUTION = ResolutionCues(
    language="en",
    organs=_longest_first(["General Assembly", "Security Council", "Economic and Social Council",
                           "Human Rights Council", "Trusteeship Council"]),
    recital_verbs=_longest_first([
        "Recalling", "Reaffirming", "Reiterating", "Noting", "Taking note", "Welcoming", "Acknowledging",
        "Recognizing", "Recognising", "Emphasizing", "Emphasising", "Stressing", "Underlining", "Bearing in mind",
        "Mindful", "Convinced", "Concerned", "Deeply concerned", "Gravely concerned", "Seriously concerned",
        "Expressing", "Affirming", "Considering", "Having considered", "Having examined", "Having heard",
        "Guided by", "Determined", "Aware", "Conscious", "Desiring", "Believing", "Encouraged", "Appreciating",
        "Commending", "Deploring", "Condemning", "Seeking", "Observing", "Acting under", "Determining",
        "Alarmed", "Underscoring", "Highlighting", "Taking into account", "Taking into consideration",
        "Realizing", "Reaffirming also", "Cognizant", "Fully aware", "Deeply alarmed", "Regretting",
        "Looking forward", "Endorsing", "Affirming also", "Having received", "Having regard",
    ]),
    split_verbs=_longest_first([
        "Recalling", "Reaffirming", "Reiterating", "Noting", "Taking note", "Welcoming", "Acknowledging",
        "Recognizing", "Recognising", "Emphasizing", "Emphasising", "Stressing", "Underlining",
        "Bearing in mind", "Mindful", "Convinced", "Deeply concerned", "Gravely concerned", "Expressing",
        "Affirming", "Considering", "Having considered", "Guided by", "Determined", "Aware", "Conscious",
        "Commending", "Deploring", "Condemning", "Alarmed", "Underscoring",
    ]),
    operative_verbs=_longest_first([
        "Decides", "Requests", "Calls upon", "Calls on", "Urges", "Encourages", "Welcomes", "Invites",
        "Recommends", "Reaffirms", "Recognizes", "Recognises", "Notes", "Takes note", "Stresses", "Emphasizes",
        "Emphasises", "Underlines", "Expresses", "Condemns", "Strongly condemns", "Demands", "Authorizes",
        "Authorises", "Endorses", "Approves", "Adopts", "Appeals", "Commends", "Affirms", "Acknowledges",
        "Reiterates", "Supports", "Deplores", "Proclaims", "Declares", "Designates", "Elects", "Appoints",
        "Agrees", "Confirms", "Looks forward", "Underscores", "Highlights", "Exhorts", "Renews", "Extends",
        "Emphasizes also", "Takes note with appreciation", "Notes with appreciation", "Notes with concern",
        "Strongly urges", "Further requests", "Further decides", "Welcomes also", "Regrets", "Reminds",
        "Insists", "Solemnly declares", "Determines", "Reiterates its call", "Remains", "Invites also",
    ]),
    verb_prefixes=("Also ", "Further ", "Strongly ", "Once again ", "Again "),
    recital_end=",",
    operative_end=";.",
)


# Operative numbering styles: "1.", "1．", "1、", "一、", "一.", "（一）" at the start of a paragraph.
NUMBERED = re.compile(
    rf"^(?:(?P<n>\d{{1,3}})\s*[.．、](?!\d)|(?P<cn>[{CN_NUMERAL}]{{1,4}})\s*[、.．]|[(（](?P<pcn>[{CN_NUMERAL}]{{1,4}})[)）])"
    r"\s*(?P<rest>\S.*)$"
)
# Sub-items: (a) (ii) (甲) and, without the opening bracket, a) ii).
SUB_ITEM = re.compile(
    r"^(?:[(（](?P<p>[a-z]{1,2}|[ivx]{1,5}|[甲乙丙丁戊己庚辛壬癸])[)）]|(?P<b>[a-z]|[ivx]{1,5})\))\s*(?P<rest>\S.*)$"
)
# Footnote markers as the UN's PDFs give them: a digit run glued after punctuation.
# After a clause's punctuation (any such digits), or after a closing bracket or quotation mark
# (only digits that name a footnote the document has).
FOOTNOTE_GLUED = re.compile(r"(?:(?<=[，,。；;])|(?P<closing>(?<=[》」』）)”])))\s?(?P<n>\d{1,2})(?=[\u4e00-\u9fff“《（(]|[，,。；;]|\s*$)")
# A footnote printed as plain text at the end of a pasted page: "1 A/74/350。"
PLAIN_FOOTNOTE = re.compile(r"^(?P<n>\d{1,2})\s+(?P<text>\S.*)$")
SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


def verb_at(text: str, verbs: tuple[str, ...], prefixes: tuple[str, ...] = ()) -> str | None:
    """The cue verb ``text`` opens with (a prefix such as 又 or "Also " included), longest
    first. After a word prefix the verb is in lower case: "Also requests"."""
    for prefix in ("", *prefixes):
        if prefix and not text.startswith(prefix):
            continue
        rest = text[len(prefix):]
        lower = prefix.endswith(" ")
        for v in verbs:
            if rest.startswith(v[0].lower() + v[1:] if lower else v):
                return prefix + (v[0].lower() + v[1:] if lower else v)
    return None


def recital_split_pattern(cues: ResolutionCues) -> re.Pattern[str]:
    """Where a new recital opens inside a merged line: after a recital's closing comma (and any
    footnote markers and space), a recital verb at the start of a clause."""
    verbs = _alternation(cues.split_verbs)
    # "，并提及…" goes on the same recital ("and also recalling"); "，还提及…" opens the next.
    prefixes = _alternation(tuple(p for p in cues.verb_prefixes if p not in ("并", "也")))
    return re.compile(rf"(?<=[{cues.recital_end}])[{SUPERSCRIPT_DIGITS}]*\s*(?=(?:{prefixes})?(?:{verbs}))")
