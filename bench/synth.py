"""A deterministic synthetic UN corpus, grown from the seeds, for the benchmark.

Every sentence comes from a seed paragraph of the same family; documents recombine them,
and vary the organisations, numbers, dates, symbols, speakers, countries and languages, so
the text keeps the statistics of UN Chinese (the same stock phrases recur across thousands
of paragraphs, as they do in the real corpus) while no two documents are the same. Files
are written in the layouts the parser reads: unwrapped resolutions and letters, hard-wrapped
records with running heads and job numbers at page breaks.

    uv run python bench/synth.py --paragraphs 10000 --out /tmp/corpus [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import re
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


@dataclass
class Pools:
    preamble: list[str] = field(default_factory=list)  # whole preambular paragraphs
    operative: list[str] = field(default_factory=list)  # operative paragraphs without their number
    statement: list[str] = field(default_factory=list)  # sentences said in the record
    explanatory: list[str] = field(default_factory=list)  # sentences of a letter's annex


def _sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？]+[。！？]", text) if len(s) > 6]


def pools_from_seeds(seeds: Path = ROOT / "seeds") -> Pools:
    from bot.parse import parse_text
    from bot.read import read_text

    catalog = json.loads((seeds / "catalog.json").read_text(encoding="utf-8"))
    pools = Pools()
    for path in sorted(seeds.glob("*.txt")):
        doc = parse_text(read_text(path), path.name, catalog)
        for p in doc.paragraphs:
            text = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", "", p.text)
            if p.section == "preamble":
                pools.preamble.append(text.rstrip("，,") )
            elif p.section == "operative" and "(" not in p.label:
                pools.operative.append(text.rstrip("；;。"))
            elif p.section == "statement":
                pools.statement += _sentences(text)
            elif p.section in ("explanatory", "body"):
                pools.explanatory += _sentences(text)
    return pools


class Writer:
    """Turns random choices into documents; one instance per corpus, so symbols never repeat."""

    def __init__(self, pools: Pools, rng: random.Random):
        self.pools, self.rng = pools, rng
        self.resolutions: dict[int, int] = {}
        self.meeting = 7000
        self.letter = 100

    # -- variation --------------------------------------------------------------------

    def vary(self, text: str, org: tuple[str, str]) -> str:
        rng = self.rng
        for full, short in ORGS[:2]:
            text = text.replace(full, org[0]).replace(short, org[1])
        text = re.sub(r"(?<![\d/.])(19|20)\d\d(?=\s*年)", lambda _: str(rng.randint(1995, 2025)), text)
        text = re.sub(r"(?<=第)\s*\d{1,3}\s*(?=[条次])", lambda _: str(rng.randint(1, 120)), text)
        return text

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

    # -- documents ----------------------------------------------------------------------

    def resolution(self, paragraphs: int) -> tuple[str, str, int]:
        rng = self.rng
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
            lines += [self.vary(rng.choice(self.pools.preamble), org) + "，", ""]
        for k in range(1, ops + 1):
            end = "。" if k == ops else "；"
            lines += [f"{k}. {self.vary(rng.choice(self.pools.operative), org)}{end}", ""]
        lines += [f"{y}年{m}月{d}日", f"第{rng.randint(40, 90)}次全体会议"]
        return f"A_RES_{session}_{number}.txt", "\n".join(lines), pps + ops

    def record(self, paragraphs: int) -> tuple[str, str, int]:
        rng = self.rng
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

        statement = self.pools.statement
        while count < paragraphs:
            speaker, country, lang = self.person(), rng.choice(COUNTRIES), rng.choice(LANGUAGES)
            emit(f"主席{tag(chair_lang)}：我现在请{country}代表发言。")
            count += 1
            for k in range(rng.randint(2, 8)):
                body = "".join(self.vary(rng.choice(statement), org) for _ in range(rng.randint(1, 4)))
                emit(f"{speaker}（{country}）{tag(lang)}：{body}" if k == 0 else body)
                count += 1
        emit(f"主席{tag(chair_lang)}：发言名单上没有其他发言者。")
        out.extend(page)
        out += ["下午1时15分散会。"]
        return f"S_PV.{self.meeting}.txt", "\n".join(out), count + 1

    def letter_doc(self, paragraphs: int) -> tuple[str, str, int]:
        rng = self.rng
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
            body = "".join(self.vary(rng.choice(self.pools.explanatory), org) for _ in range(rng.randint(1, 3)))
            lines += [f"{k}. {body}", ""]
        lines += ["附件二", "", "决议草案", "", "大会，", ""]
        for _ in range(draft_pp):
            lines += [self.vary(rng.choice(self.pools.preamble), org) + "，", ""]
        for k in range(1, draft_op + 1):
            lines += [f"{k}. {self.vary(rng.choice(self.pools.operative), org)}{'。' if k == draft_op else '；'}", ""]
        return f"A_{session}_{self.letter}.txt", "\n".join(lines), 2 + explanatory + draft_pp + draft_op


def generate(paragraphs: int, out: Path, seed: int = 1, pools: Pools | None = None) -> dict[str, int]:
    """Write documents totalling about ``paragraphs`` paragraphs into ``out`` (a folder per
    thousand files); return counts per kind."""
    rng = random.Random(seed)
    writer = Writer(pools or pools_from_seeds(), rng)
    out.mkdir(parents=True, exist_ok=True)
    made = {"resolution": 0, "record": 0, "letter": 0, "paragraphs": 0, "files": 0, "bytes": 0}
    while made["paragraphs"] < paragraphs:
        # By paragraphs, the UN's output is mostly meeting records, then resolutions, then letters.
        kind = rng.choices(["record", "resolution", "letter"], weights=[6, 3, 1])[0]
        left = paragraphs - made["paragraphs"]
        if kind == "record":
            name, text, n = writer.record(min(left, rng.randint(60, 300)))
        elif kind == "resolution":
            name, text, n = writer.resolution(max(3, min(left, rng.randint(12, 40))))
        else:
            name, text, n = writer.letter_doc(max(6, min(left, rng.randint(12, 30))))
        folder = out / f"{made['files'] // 1000:04d}"
        folder.mkdir(exist_ok=True)
        data = text.encode("utf-8")
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
