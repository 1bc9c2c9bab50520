"""A deterministic synthetic UN corpus, grown from the seeds, for the benchmark.

The seeds give the documents' structure: their sentences are templates, segmented into words
with their parts of speech (jieba), and every document recombines them. Each content word of a
template (noun, verb, adjective, idiom) is replaced, one time in two, by a word of the same part
of speech drawn from jieba's word-frequency dictionary (349,000 words, weighted by frequency to
the power 0.75): the text keeps UN syntax and stock phrases while its vocabulary is a real one,
about 4,000-6,000 distinct characters and almost no duplicate paragraphs (the earlier corpus
recombined 706 sentences as they were: a third of its paragraphs were duplicates, ~1,200
distinct characters). About a third of the paragraphs are English, grown the same way from the
English fixtures (tests/fixtures/docs/en_*), content words drawn from wordfreq's English list
(or, without it, from the fixtures' own words). Documents vary their organisations, numbers,
dates, symbols, speakers and countries; files are written in the layouts the parser reads:
unwrapped resolutions and letters, hard-wrapped records with running heads and job numbers at
page breaks.

    uv run python bench/synth.py --paragraphs 10000 --out /tmp/corpus [--seed 1]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ORGS = [
    ("集体安全条约组织", "集安组织"), ("上海合作组织", "上合组织"), ("非洲联盟", "非盟"),
    ("东南亚国家联盟", "东盟"), ("阿拉伯国家联盟", "阿盟"), ("欧洲联盟", "欧盟"),
    ("美洲国家组织", "美洲组织"), ("伊斯兰合作组织", "伊斯兰合组织"), ("独立国家联合体", "独联体"),
    ("加勒比共同体", "加共体"), ("太平洋岛屿论坛", "论坛"), ("西非国家经济共同体", "西非经共体"),
    ("南部非洲发展共同体", "南共体"), ("欧洲安全与合作组织", "欧安组织"), ("经济合作组织", "经合组织"),
    ("中部非洲国家经济共同体", "中非经共体"), ("葡萄牙语国家共同体", "葡语共同体"),
    ("黑海经济合作组织", "黑海经合组织"), ("欧洲委员会", "欧委会"), ("政府间发展管理局", "伊加特"),
]
COUNTRIES = (  # noqa: SIM905 - a paragraph of names reads better than a hundred quoted strings
    "阿尔巴尼亚 阿尔及利亚 阿根廷 亚美尼亚 澳大利亚 奥地利 阿塞拜疆 孟加拉国 白俄罗斯 比利时 巴西 保加利亚 "
    "喀麦隆 加拿大 智利 中国 哥伦比亚 哥斯达黎加 克罗地亚 古巴 塞浦路斯 捷克 丹麦 厄瓜多尔 埃及 爱沙尼亚 "
    "埃塞俄比亚 芬兰 法国 加蓬 格鲁吉亚 德国 加纳 希腊 危地马拉 印度 印度尼西亚 伊朗伊斯兰共和国 爱尔兰 "
    "以色列 意大利 日本 约旦 哈萨克斯坦 肯尼亚 吉尔吉斯斯坦 拉脱维亚 黎巴嫩 立陶宛 卢森堡 马来西亚 马耳他 "
    "墨西哥 蒙古 摩洛哥 莫桑比克 荷兰 新西兰 尼日尔 尼日利亚 挪威 巴基斯坦 秘鲁 菲律宾 波兰 葡萄牙 卡塔尔 "
    "大韩民国 罗马尼亚 俄罗斯联邦 沙特阿拉伯 塞内加尔 塞尔维亚 新加坡 斯洛伐克 斯洛文尼亚 南非 西班牙 "
    "斯里兰卡 瑞典 瑞士 塔吉克斯坦 泰国 突尼斯 土耳其 乌干达 乌克兰 阿拉伯联合酋长国 联合王国 美利坚合众国 "
    "乌拉圭 乌兹别克斯坦 委内瑞拉玻利瓦尔共和国 越南 赞比亚 津巴布韦"
).split()
SYLLABLES = list("阿巴卡达德尔费加哈伊杰科拉马纳奥帕基萨塔乌瓦扎恩索洛诺莫米尼里维斯特夫金克图兰蒂罗贝")
LATIN = ["Dautllari", "Nebenzia", "Kariuki", "Mills", "Nusseibeh", "Hoxha", "Kabua", "Tetteh", "Biang",
         "Frazier", "Agyeman", "Moerman", "Kanu", "Hauri", "Zlatev", "Oyarzun", "Lagdameo", "Costa-Filho"]
HONORIFICS = ["先生", "女士"]
LANGUAGES = ["俄", "英", "法", "西班牙", "阿拉伯", None, None]  # None: Chinese, no tag
TOPICS = [
    "维持国际和平与安全", "儿童与武装冲突", "妇女与和平与安全", "武装冲突中保护平民", "中东局势",
    "非洲和平与安全", "威胁国际和平与安全的行为", "建设和平与保持和平", "小武器", "气候与安全",
    "阿富汗局势", "联合国维持和平行动", "不扩散", "恐怖行为对国际和平与安全造成的威胁",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
CN_DIGITS = "零一二三四五六七八九"
WRAP = 22  # characters per printed line of a record


def chinese_numeral(n: int) -> str:
    tens, ones = divmod(n, 10)
    return (f"{CN_DIGITS[tens] if tens > 1 else ''}十" if tens else "") + (CN_DIGITS[ones] if ones or not tens else "")


_NO_LINE_START = set("。，、；：）”！？")


def wrap(text: str, width: int = WRAP) -> list[str]:
    """Hard-wrap as the UN's typesetting does: no line opens with closing punctuation."""
    lines, i = [], 0
    while i < len(text):
        j = min(i + width, len(text))
        while j < len(text) and text[j] in _NO_LINE_START:
            j += 1
        lines.append(text[i:j])
        i = j
    return lines


# -- vocabulary ----------------------------------------------------------------------------

OPENING = 2  # a template's first tokens, never replaced
REPLACE = 0.5  # share of a template's content words replaced by a drawn word
EN_REPLACE = 0.4
FLATTEN = 0.75  # draw weight = frequency ** FLATTEN: common words stay common, rare ones appear
_CLASSES = {"n": "n", "v": "v", "a": "a", "i": "i", "l": "i"}  # jieba tag's first letter → class
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{1,4}")
_EN_KEEP = frozenset(
    ["the", "and", "for", "that", "with", "this", "from", "have", "been", "were", "which", "their", "there", "they", "will", "would", "shall", "should", "also", "other", "such", "into", "upon", "under", "those", "these", "than", "more", "most", "only", "each", "every", "both", "its", "our", "your", "united", "nations", "council", "general", "assembly", "security", "resolution", "resolutions", "secretary", "president", "committee", "session", "meeting", "states", "member", "members", "annex", "paragraph", "decides", "requests"])


class Drawer:
    """Words of each class drawn by weight, in batches (random.choices is slow one at a time)."""

    def __init__(self, words: dict[str, list[tuple[str, float]]], rng: random.Random, batch: int = 4096):
        self.rng, self.batch = rng, batch
        self.pools: dict[str, tuple[list[str], list[float]]] = {}
        for cls, pairs in words.items():
            pairs.sort()  # a deterministic order whatever the source's
            cum = list(itertools.accumulate(w for _, w in pairs))
            self.pools[cls] = ([x for x, _ in pairs], cum)
        self.buffers: dict[str, list[str]] = {c: [] for c in self.pools}

    def __call__(self, cls: str) -> str:
        buf = self.buffers[cls]
        if not buf:
            words, cum = self.pools[cls]
            buf.extend(self.rng.choices(words, cum_weights=cum, k=self.batch))
        return buf.pop()

    def distinct(self) -> int:
        return sum(len(w) for w, _ in self.pools.values())


def jieba_words() -> dict[str, list[tuple[str, float]]] | None:
    """jieba's dictionary (word, frequency, part of speech) by class, or None without jieba."""
    try:
        import jieba
    except ImportError:
        return None
    out: dict[str, list[tuple[str, float]]] = {c: [] for c in set(_CLASSES.values())}
    path = Path(jieba.__file__).parent / "dict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 3 or not _HAN_WORD.fullmatch(parts[0]):
            continue
        cls = _CLASSES.get(parts[2][0])
        if cls:
            out[cls].append((parts[0], int(parts[1]) ** FLATTEN))
    return out


def english_words(fallback: list[str]) -> tuple[dict[str, list[tuple[str, float]]], str]:
    """English content words by frequency: wordfreq's list when installed, else ``fallback``."""
    try:
        from wordfreq import top_n_list, word_frequency
    except ImportError:
        from collections import Counter

        counts = Counter(w for w in fallback if len(w) >= 4 and w.islower())
        return {"w": [(w, float(c)) for w, c in counts.items()]}, "fixtures"
    words = [w for w in top_n_list("en", 40_000) if w.isascii() and w.isalpha() and len(w) >= 3]
    return {"w": [(w, word_frequency(w, "en") ** FLATTEN * 1e6) for w in words]}, "wordfreq"


Template = tuple[tuple[str, str | None], ...]  # (text, class to replace it from, or None)


def _segment_zh(sentences: list[str], use_jieba: bool) -> list[Template]:
    if not use_jieba:
        return [((s, None),) for s in sentences]
    import jieba
    from jieba import posseg

    jieba.setLogLevel(60)
    out = []
    for s in sentences:
        out.append(tuple((w, _CLASSES.get(flag[:1]) if _HAN_WORD.fullmatch(w) else None)
                         for w, flag in posseg.lcut(s, HMM=False)))
    return out


_EN_TOKEN = re.compile(r"[A-Za-z]+|[^A-Za-z]+")


def _segment_en(sentences: list[str]) -> list[Template]:
    out = []
    for s in sentences:
        out.append(tuple((t, "w" if t.isalpha() and t.islower() and len(t) >= 4 and t not in _EN_KEEP else None)
                         for t in _EN_TOKEN.findall(s)))
    return out


@dataclass
class Pools:
    preamble: list = field(default_factory=list)  # whole preambular paragraphs
    operative: list = field(default_factory=list)  # operative paragraphs without their number
    statement: list = field(default_factory=list)  # sentences said in the record
    explanatory: list = field(default_factory=list)  # sentences of a letter's annex


def _sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？]+[。！？]", text) if len(s) > 6]


def _en_sentences(text: str) -> list[str]:
    return [s.strip() + " " for s in re.split(r"(?<=[a-z0-9][.!?])\s+(?=[A-Z])", text) if len(s) > 20]


def _parsed(paths: list[Path], catalog: dict) -> list:
    from bot.parse import parse_text
    from bot.read import read_text

    return [parse_text(read_text(path), path.name, catalog) for path in paths]


def pools_from_seeds(seeds: Path = ROOT / "seeds") -> Pools:
    """The seeds' paragraphs and sentences, as text (the templates before segmentation)."""
    catalog = json.loads((seeds / "catalog.json").read_text(encoding="utf-8"))
    pools = Pools()
    for doc in _parsed(sorted(seeds.glob("*.txt")), catalog):
        for p in doc.paragraphs:
            text = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", "", p.text)
            if p.section == "preamble":
                pools.preamble.append(text.rstrip("，,"))
            elif p.section == "operative" and "(" not in p.label:
                pools.operative.append(text.rstrip("；;。"))
            elif p.section == "statement":
                pools.statement += _sentences(text)
            elif p.section in ("explanatory", "body"):
                pools.explanatory += _sentences(text)
    return pools


def english_pools(fixtures: Path = ROOT / "tests" / "fixtures" / "docs") -> Pools:
    pools = Pools()
    for doc in _parsed(sorted(fixtures.glob("en_*.txt")), {}):
        for p in doc.paragraphs:
            text = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]", "", p.text).replace("\n", " ")
            if p.section == "preamble":
                pools.preamble.append(text.rstrip(",;"))
            elif p.section == "operative" and "(" not in p.label:
                pools.operative.append(re.sub(r"^\d+\.\s*", "", text).rstrip(";.:"))
            elif p.section == "statement" and p.capacity != "chair":
                pools.statement += _en_sentences(text)
            elif p.section in ("explanatory", "body"):
                pools.explanatory += _en_sentences(re.sub(r"^\d+\.\s*", "", text))
    return pools


class Language:
    """One language's templates and vocabulary: ``sentence(pool)`` is a new sentence."""

    def __init__(self, pools: Pools, templates: dict[str, list[Template]], draw: Drawer | None, replace: float,
                 rng: random.Random):
        self.pools, self.templates, self.draw, self.replace, self.rng = pools, templates, draw, replace, rng

    def sentence(self, pool: str) -> str:
        template = self.rng.choice(self.templates[pool])
        if self.draw is None:
            return "".join(t for t, _ in template)
        rng, draw, p = self.rng, self.draw, self.replace
        # The opening words stay: they are the cues the grammars read (回顾, 决定, Recalling).
        return "".join(t for t, _ in template[:OPENING]) + "".join(
            draw(cls) if cls and rng.random() < p else t for t, cls in template[OPENING:])


def languages(rng: random.Random, pools: Pools | None = None, english: bool = True) -> tuple[Language, Language | None, dict]:
    """The Chinese and English (or None) generators, and what they were made of."""
    zh_pools = pools or pools_from_seeds()
    zh_words = jieba_words()
    zh = Language(zh_pools, {k: _segment_zh(v, zh_words is not None) for k, v in vars(zh_pools).items()},
                  Drawer(zh_words, rng) if zh_words else None, REPLACE, rng)
    info = {"zh_vocabulary": "jieba" if zh_words else "seeds (jieba not installed)",
            "zh_vocabulary_words": zh.draw.distinct() if zh.draw else 0,
            "zh_templates": sum(len(v) for v in zh.templates.values())}
    if not english:
        return zh, None, info
    en_pools = english_pools()
    fallback = [w for v in vars(en_pools).values() for s in v for w in re.findall(r"[a-z]+", s)]
    en_words, source = english_words(fallback)
    en = Language(en_pools, {k: _segment_en(v) for k, v in vars(en_pools).items()}, Drawer(en_words, rng),
                  EN_REPLACE, rng)
    info.update(en_vocabulary=source, en_vocabulary_words=en.draw.distinct(),
                en_templates=sum(len(v) for v in en.templates.values()))
    return zh, en, info


EN_COUNTRIES = ["Albania", "Algeria", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bangladesh", "Belarus", "Belgium", "Brazil", "Bulgaria", "Cameroon", "Canada", "Chile", "China", "Colombia", "Croatia", "Cuba", "Cyprus", "Denmark", "Ecuador", "Egypt", "Estonia", "Ethiopia", "Finland", "France", "Gabon", "Georgia", "Germany", "Ghana", "Greece", "Guatemala", "India", "Indonesia", "Ireland", "Israel", "Italy", "Japan", "Jordan", "Kazakhstan", "Kenya", "Latvia", "Lebanon", "Lithuania", "Luxembourg", "Malaysia", "Malta", "Mexico", "Mongolia", "Morocco", "Mozambique", "Netherlands", "Niger", "Nigeria", "Norway", "Pakistan", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Senegal", "Serbia", "Singapore", "Slovakia", "Slovenia", "Spain", "Sweden", "Switzerland", "Tajikistan", "Thailand", "Tunisia", "Uganda", "Ukraine", "Uruguay", "Uzbekistan", "Zambia", "Zimbabwe"] + ["Russian Federation", "United Kingdom", "United States", "Republic of Korea", "South Africa",
             "Sri Lanka", "New Zealand", "Costa Rica", "Saudi Arabia", "United Arab Emirates"]
EN_LANGUAGES = ["French", "Russian", "Spanish", "Arabic", "Chinese", None, None, None]
EN_ORGS = ["Collective Security Treaty Organization", "Shanghai Cooperation Organization", "African Union",
           "Association of Southeast Asian Nations", "League of Arab States", "European Union",
           "Organization of American States", "Organization of Islamic Cooperation",
           "Commonwealth of Independent States", "Caribbean Community", "Pacific Islands Forum",
           "Economic Community of West African States", "Southern African Development Community",
           "Organization for Security and Cooperation in Europe", "Council of Europe",
           "Intergovernmental Authority on Development", "Lake Region Cooperation Organization"]
EN_TOPICS = ["Maintenance of international peace and security", "Children and armed conflict",
             "Women and peace and security", "Protection of civilians in armed conflict",
             "The situation in the Middle East", "Peace and security in Africa", "Small arms",
             "Threats to international peace and security", "Peacebuilding and sustaining peace",
             "The situation in Afghanistan", "United Nations peacekeeping operations", "Non-proliferation"]
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_ORD_ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TENS = {5: "fift", 6: "sixt", 7: "sevent", 8: "eight", 9: "ninet"}


def ordinal_words(n: int) -> str:
    """Seventy-ninth (50 ≤ n ≤ 99)."""
    tens, ones = divmod(n, 10)
    base = _TENS[tens] + "y"
    return (f"{base}-{_ORD_ONES[ones]}" if ones else _TENS[tens] + "ieth").capitalize()


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_EN_SYLLABLES = ["ka", "ro", "mi", "ten", "bel", "san", "dor", "lu", "va", "nik", "os", "ar", "el", "mon",
                 "ta", "ri", "go", "zen", "pa", "lin", "ha", "mar", "ko", "sel", "ve", "ul", "dan", "fer"]


class Writer:
    """Turns random choices into documents; one instance per corpus, so symbols never repeat."""

    def __init__(self, zh: Language, en: Language | None, rng: random.Random):
        self.zh, self.en, self.rng = zh, en, rng
        self.resolutions: dict[int, int] = {}
        self.meeting = 7000
        self.letter = 100
        self.en_letter = 100

    # -- variation --------------------------------------------------------------------

    def vary(self, text: str, org: tuple[str, str]) -> str:
        rng = self.rng
        for full, short in ORGS[:2]:
            text = text.replace(full, org[0]).replace(short, org[1])
        text = re.sub(r"(?<![\d/.])(19|20)\d\d(?=\s*年)", lambda _: str(rng.randint(1995, 2025)), text)
        text = re.sub(r"(?<=第)\s*\d{1,3}\s*(?=[条次])", lambda _: str(rng.randint(1, 120)), text)
        return text

    def vary_en(self, text: str, org: str) -> str:
        text = re.sub(r"Collective Security Treaty Organization|Lake Region Cooperation Organization|"
                      r"Pacific Island States", org, text)
        return re.sub(r"(?<![\d/.])(19|20)\d\d\b", lambda _: str(self.rng.randint(1995, 2025)), text)

    def date(self) -> tuple[int, int, int]:
        return self.rng.randint(1995, 2025), self.rng.randint(1, 12), self.rng.randint(1, 28)

    def person(self) -> str:
        rng = self.rng
        if rng.random() < 0.12:
            return rng.choice(LATIN) + rng.choice(HONORIFICS)
        name = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))
        if rng.random() < 0.4:
            name = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))) + "·" + name
        return name + rng.choice(HONORIFICS)

    def en_person(self) -> str:
        rng = self.rng
        surname = rng.choice(LATIN) if rng.random() < 0.15 else "".join(
            rng.choices(_EN_SYLLABLES, k=rng.randint(2, 4))).capitalize()
        return f"{rng.choice(['Mr.', 'Ms.'])} {surname}"

    # -- Chinese documents ----------------------------------------------------------------

    def resolution(self, paragraphs: int) -> tuple[str, str, int]:
        rng, zh = self.rng, self.zh
        org = rng.choice(ORGS)
        session = rng.randint(50, 80)
        number = self.resolutions[session] = self.resolutions.get(session, 0) + 1
        y, m, d = self.date()
        ops = max(1, paragraphs // 3)
        pps = max(1, paragraphs - ops)
        lines = ["大 会", "", "Distr.: General", f"{d + 1} {MONTHS[m - 1]} {y}", "",
                 f"第{chinese_numeral(session % 100)}届会议", "", f"议程项目 {rng.randint(10, 140)}({'abcdefgh'[rng.randint(0, 7)]})",
                 "", f"{y} 年 {m} 月 {d} 日大会决议", "",
                 f"[未经发交主要委员会而通过(A/{session}/L.{rng.randint(1, 90)})]", "",
                 f"{session}/{number}. 联合国同{org[0]}的合作", "", "大会，", ""]
        for _ in range(pps):
            lines += [self.vary(zh.sentence("preamble"), org).rstrip("，,") + "，", ""]
        for k in range(1, ops + 1):
            end = "。" if k == ops else "；"
            lines += [f"{k}. {self.vary(zh.sentence('operative'), org).rstrip('；;。')}{end}", ""]
        lines += [f"{y}年{m}月{d}日", f"第{rng.randint(40, 90)}次全体会议"]
        return f"A_RES_{session}_{number}.txt", "\n".join(lines), pps + ops

    def record(self, paragraphs: int) -> tuple[str, str, int]:
        rng, zh = self.rng, self.zh
        org = rng.choice(ORGS)
        self.meeting += 1
        symbol = f"S/PV.{self.meeting}"
        y, m, d = self.date()
        title = rng.choice(TOPICS)
        president, presidency = self.person(), rng.choice(COUNTRIES)
        chair_lang = rng.choice(LANGUAGES)
        page: list[str] = []
        out: list[str] = [f"联 合 国 {symbol}", "", "安全理事会", f"第{chinese_numeral((y - 1945) % 100)}年", "",
                          f"第{self.meeting}次会议", f"{y}年{m}月{d}日星期二上午10时举行", "纽约", "",
                          f"主席：{president} ..........................（{presidency}）", "", "议程", "", title, "",
                          "上午10时05分开会。", "", "通过议程", "", "议程通过。", "", title, ""]
        count = 0
        lines_on_page = 0

        def emit(text: str) -> None:
            nonlocal lines_on_page
            for line in wrap(text):
                page.append(line)
                lines_on_page += 1
            page.append("")
            if lines_on_page > 45:
                out.extend(page)
                out.extend([f"{d:02d}/{m:02d}/{y} {title} {symbol}", "",
                            f"{y % 100}-{rng.randint(10000, 99999)}  {rng.randint(2, 30)}/30", ""])
                page.clear()
                lines_on_page = 0

        def tag(lang: str | None) -> str:
            return f"（以{lang}语发言）" if lang else ""

        previous = None
        while count < paragraphs:
            speaker, country, lang = self.person(), rng.choice(COUNTRIES), rng.choice(LANGUAGES)
            # The chair thanks the last speaker and gives the floor by name: no two calls alike.
            thanks = f"我感谢{previous}的发言。" if previous else ""
            emit(f"主席{tag(chair_lang)}：{thanks}我现在请{country}代表{speaker}发言。")
            previous = speaker
            count += 1
            for k in range(rng.randint(2, 8)):
                body = "".join(self.vary(zh.sentence("statement"), org) for _ in range(rng.randint(1, 4)))
                emit(f"{speaker}（{country}）{tag(lang)}：{body}" if k == 0 else body)
                count += 1
        emit(f"主席{tag(chair_lang)}：我感谢{previous}的发言。发言名单上没有其他发言者。")
        out.extend(page)
        out += ["下午1时15分散会。"]
        return f"S_PV.{self.meeting}.txt", "\n".join(out), count + 1

    def letter_doc(self, paragraphs: int) -> tuple[str, str, int]:
        rng, zh = self.rng, self.zh
        org = rng.choice(ORGS)
        session = rng.randint(50, 80)
        self.letter += 1
        y, m, d = self.date()
        country = rng.choice(COUNTRIES)
        explanatory = max(1, paragraphs // 2)
        draft_pp = max(1, (paragraphs - explanatory) // 2)
        draft_op = max(1, paragraphs - explanatory - draft_pp - 2)
        lines = [f"联 合 国 A/{session}/{self.letter}", "", "Distr.: General", f"{d + 2} {MONTHS[m - 1]} {y}",
                 "Chinese", "Original: English", "", f"第{chinese_numeral(session % 100)}届会议", "",
                 f"联合国与{org[0]}的合作", "", f"{y}年{m}月{d}日{country}常驻联合国代表给秘书长的信", "",
                 f"谨请求在大会第{chinese_numeral(session % 100)}届会议议程内列入一个题为“联合国与{org[0]}的合作”的补充项目。", "",
                 "请将本函及其附件作为大会文件分发为荷。", "", f"{self.person()[:-2]}(签名)", "", "附件一", "", "解释性说明", ""]
        for k in range(1, explanatory + 1):
            body = "".join(self.vary(zh.sentence("explanatory"), org) for _ in range(rng.randint(1, 3)))
            lines += [f"{k}. {body}", ""]
        lines += ["附件二", "", "决议草案", "", "大会，", ""]
        for _ in range(draft_pp):
            lines += [self.vary(zh.sentence("preamble"), org).rstrip("，,") + "，", ""]
        for k in range(1, draft_op + 1):
            lines += [f"{k}. {self.vary(zh.sentence('operative'), org).rstrip('；;。')}{'。' if k == draft_op else '；'}", ""]
        return f"A_{session}_{self.letter}.txt", "\n".join(lines), 2 + explanatory + draft_pp + draft_op

    # -- English documents ----------------------------------------------------------------

    def en_resolution(self, paragraphs: int) -> tuple[str, str, int]:
        rng, en = self.rng, self.en
        assert en is not None
        org = rng.choice(EN_ORGS)
        session = rng.randint(50, 80)
        number = self.resolutions[session] = self.resolutions.get(session, 0) + 1
        y, m, d = self.date()
        ops = max(1, paragraphs // 3)
        pps = max(1, paragraphs - ops)
        lines = [f"United Nations A/RES/{session}/{number}", "", "General Assembly", "", "Distr.: General",
                 f"{d + 1} {MONTHS[m - 1]} {y}", "", f"{ordinal_words(session)} session", "",
                 f"Agenda item {rng.randint(10, 140)} ({'abcdefgh'[rng.randint(0, 7)]})", "",
                 f"Resolution adopted by the General Assembly on {d} {MONTHS[m - 1]} {y}", "",
                 f"[without reference to a Main Committee (A/{session}/L.{rng.randint(1, 90)})]", "",
                 f"{session}/{number}. Cooperation between the United Nations and the {org}", "",
                 "The General Assembly,", ""]
        for _ in range(pps):
            lines += [self.vary_en(en.sentence("preamble"), org).rstrip(",; ") + ",", ""]
        for k in range(1, ops + 1):
            end = "." if k == ops else ";"
            lines += [f"{k}. {self.vary_en(en.sentence('operative'), org).rstrip(';.: ')}{end}", ""]
        lines += [f"{ordinal(rng.randint(40, 90))} plenary meeting", f"{d} {MONTHS[m - 1]} {y}"]
        return f"A_RES_{session}_{number}.txt", "\n".join(lines), pps + ops

    def en_record(self, paragraphs: int) -> tuple[str, str, int]:
        rng, en = self.rng, self.en
        assert en is not None
        org = rng.choice(EN_ORGS)
        self.meeting += 1
        symbol = f"S/PV.{self.meeting}"
        y, m, d = self.date()
        title = rng.choice(EN_TOPICS)
        president, presidency = self.en_person(), rng.choice(EN_COUNTRIES)
        chair_lang = rng.choice(EN_LANGUAGES)
        job = f"{y % 100}-{rng.randint(10000, 99999)} (E)"
        out = [f"United Nations {symbol}", "", "Security Council", f"{ordinal_words(50 + (y - 1995) % 50)} year", "",
               f"{ordinal(self.meeting)} meeting", f"Tuesday, {d} {MONTHS[m - 1]} {y}, 10 a.m.", "New York", "",
               f"President: {president} ......................................... ({presidency})", "",
               "Agenda", "", title, "", job, "", "The meeting was called to order at 10.05 a.m.", "",
               "Adoption of the agenda", "", "The agenda was adopted.", "", title, ""]
        page: list[str] = []
        lines_on_page = 0
        count = 0

        def emit(text: str) -> None:
            nonlocal lines_on_page
            for line in en_wrap(text):
                page.append(line)
                lines_on_page += 1
            page.append("")
            if lines_on_page > 45:
                out.extend(page)
                out.extend([f"{symbol} {title} {d:02d}/{m:02d}/{y}", "",
                            f"{y % 100}-{rng.randint(10000, 99999)} {rng.randint(2, 30)}/30", ""])
                page.clear()
                lines_on_page = 0

        def tag(lang: str | None) -> str:
            return f" (spoke in {lang})" if lang else ""

        previous = None
        while count < paragraphs:
            speaker, country, lang = self.en_person(), rng.choice(EN_COUNTRIES), rng.choice(EN_LANGUAGES)
            thanks = f"I thank {previous} for {rng.choice(['his', 'her'])} statement. " if previous else ""
            emit(f"The President{tag(chair_lang)}: {thanks}I now give the floor to the representative of {country}.")
            previous = speaker
            count += 1
            for k in range(rng.randint(2, 8)):
                body = "".join(self.vary_en(en.sentence("statement"), org) for _ in range(rng.randint(1, 4))).strip()
                emit(f"{speaker} ({country}){tag(lang)}: {body}" if k == 0 else body)
                count += 1
        emit(f"The President{tag(chair_lang)}: There are no more names inscribed on the list of speakers.")
        out.extend(page)
        out += ["The meeting rose at 1.15 p.m."]
        return f"S_PV.{self.meeting}.txt", "\n".join(out), count + 1

    def en_letter_doc(self, paragraphs: int) -> tuple[str, str, int]:
        rng, en = self.rng, self.en
        assert en is not None
        org = rng.choice(EN_ORGS)
        self.en_letter += 1
        y, m, d = self.date()
        country = rng.choice(EN_COUNTRIES)
        body = max(1, paragraphs // 3)
        annex = max(1, paragraphs - body - 1)
        dated = f"{d} {MONTHS[m - 1]} {y}"
        lines = [f"United Nations S/{y}/{self.en_letter}", "", "Security Council", "", "Distr.: General",
                 f"{min(28, d + 2)} {MONTHS[m - 1]} {y}", "", "Original: English", "",
                 f"Letter dated {dated} from the Permanent Representative of {country} to the",
                 "United Nations addressed to the President of the Security Council", ""]
        for _ in range(body):
            lines += ["".join(self.vary_en(en.sentence("explanatory"), org) for _ in range(rng.randint(1, 3))).strip(), ""]
        lines += [f"(Signed) {self.en_person()[4:]}", "",
                  f"Annex to the letter dated {dated} from the Permanent Representative",
                  f"of {country} to the United Nations addressed to the President of the Security", "Council", "",
                  f"Joint statement on cooperation with the {org}", ""]
        for k in range(1, annex + 1):
            lines += [f"{k}. {self.vary_en(en.sentence('operative'), org).rstrip(';.: ')}{'.' if k == annex else ';'}", ""]
        return f"S_{y}_{self.en_letter}.txt", "\n".join(lines), body + annex


def en_wrap(text: str, width: int = 52) -> list[str]:
    """Hard-wrap English as records print it, never ending a line on an honorific (the
    parser, like a reader, takes "Ms." at a line's end for a sentence's)."""
    lines = textwrap.wrap(text, width, break_on_hyphens=False)
    for i in range(len(lines) - 1):
        if lines[i].endswith((" Mr.", " Ms.")):
            lines[i], honorific = lines[i].rsplit(" ", 1)
            lines[i + 1] = f"{honorific} {lines[i + 1]}"
    return lines


EN_SHARE = 1 / 3  # of paragraphs


def generate(paragraphs: int, out: Path, seed: int = 1, pools: Pools | None = None,
             english: float = EN_SHARE) -> dict:
    """Write documents totalling about ``paragraphs`` paragraphs into ``out`` (a folder per
    thousand files), about ``english`` of them in English; return counts per kind."""
    rng = random.Random(seed)
    zh, en, info = languages(rng, pools, english=english > 0)
    writer = Writer(zh, en, rng)
    out.mkdir(parents=True, exist_ok=True)
    made = {"resolution": 0, "record": 0, "letter": 0, "paragraphs": 0, "files": 0, "bytes": 0,
            "en_paragraphs": 0, **info}
    while made["paragraphs"] < paragraphs:
        # By paragraphs, the UN's output is mostly meeting records, then resolutions, then letters.
        kind = rng.choices(["record", "resolution", "letter"], weights=[6, 3, 1])[0]
        in_english = en is not None and made["en_paragraphs"] < english * max(made["paragraphs"], 1)
        left = paragraphs - made["paragraphs"]
        if kind == "record":
            name, text, n = (writer.en_record if in_english else writer.record)(min(left, rng.randint(60, 300)))
        elif kind == "resolution":
            name, text, n = (writer.en_resolution if in_english else writer.resolution)(
                max(3, min(left, rng.randint(12, 40))))
        else:
            name, text, n = (writer.en_letter_doc if in_english else writer.letter_doc)(
                max(6, min(left, rng.randint(12, 30))))
        folder = out / f"{made['files'] // 1000:04d}"
        folder.mkdir(exist_ok=True)
        data = text.encode("utf-8")
        if in_english:
            name = "en_" + name
            made["en_paragraphs"] += n
        (folder / name).write_bytes(data)
        made[kind] += 1
        made["files"] += 1
        made["paragraphs"] += n
        made["bytes"] += len(data)
    return made


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=10_000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    print(json.dumps(generate(args.paragraphs, args.out, args.seed)))


if __name__ == "__main__":
    main()
