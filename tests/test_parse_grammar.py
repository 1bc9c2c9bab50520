"""The resolution and record grammars, driven by generated documents: whatever the counts,
numbers and wrap width, the parse gives back the structure the document was built from."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.parse import parse_text
from bot.text import chinese_number

CN = "零一二三四五六七八九"
PREAMBLE = ["回顾其以往各项决议", "重申对各国主权的承诺", "注意到秘书长的报告", "深为关切人道主义局势", "欢迎各方作出的努力"]
OPERATIVE = ["决定", "请", "鼓励", "呼吁", "欢迎"]
FILLER = "联合国各实体应加强协调与合作以便在可持续发展领域取得进展并向会员国提供支助"


def cn(n: int) -> str:
    tens, ones = divmod(n, 10)
    return (f"{CN[tens] if tens > 1 else ''}十" if tens else "") + (CN[ones] if ones or not tens else "")


def wrap(text: str, width: int | None) -> str:
    if width is None:
        return text
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


@st.composite
def resolutions(draw):
    session = draw(st.integers(1, 99))
    number = draw(st.integers(1, 999))
    pps = draw(st.lists(st.tuples(st.sampled_from(PREAMBLE), st.integers(0, len(FILLER))), min_size=1, max_size=8))
    ops = draw(st.lists(st.tuples(st.sampled_from(OPERATIVE), st.integers(0, len(FILLER)), st.integers(0, 3)),
                        min_size=1, max_size=12))
    width = draw(st.one_of(st.none(), st.integers(16, 40)))
    lines = ["大 会", "", f"第{cn(session)}届会议", "", "2021 年 4 月 28 日大会决议", "",
             f"{session}/{number}. 生成的决议", "", "大会，", ""]
    for verb, n in pps:
        lines += [wrap(f"{verb}{FILLER[:n]}，", width), ""]
    for k, (verb, n, subs) in enumerate(ops, start=1):
        lines += [wrap(f"{k}. {verb}{FILLER[:n]}{'：' if subs else '；'}", width), ""]
        for s in range(subs):
            lines += [wrap(f"({'abc'[s]}) {FILLER[: n // 2 + 3]}；", width), ""]
    lines += ["2021年4月28日", "第62次全体会议"]
    return "\n".join(lines), session, number, pps, ops


@settings(max_examples=200, deadline=None)
@given(resolutions())
def test_generated_resolution_parses_to_its_structure(case):
    text, session, number, pps, ops = case
    d = parse_text(text, "generated.txt")
    assert (d.symbol, d.session, d.date, d.meeting) == (f"A/RES/{session}/{number}", session, "2021-04-28", "第62次全体会议")
    assert [p.label for p in d.paragraphs if p.section == "preamble"] == [f"PP{i}" for i in range(1, len(pps) + 1)]
    expected = []
    for k, (_, _, subs) in enumerate(ops, start=1):
        expected += [f"OP{k}"] + [f"OP{k}({'abc'[s]})" for s in range(subs)]
    assert [p.label for p in d.paragraphs if p.section == "operative"] == expected
    assert [p.verb for p in d.paragraphs if p.section == "operative" and "(" not in p.label] == [v for v, _, _ in ops]


def test_chinese_session_numbers_read_back():
    assert all(chinese_number(cn(n)) == n for n in range(1, 100))


LANG = {"俄": "ru", "英": "en", "法": "fr", "西班牙": "es", "阿拉伯": "ar", None: "zh"}
NAMES = ["张伟先生", "Dautllari女士", "德拉富恩特·拉米雷斯先生", "阿卜杜拉先生", "Smith-Jones女士"]
COUNTRIES = ["中国", "阿尔巴尼亚", "墨西哥", "阿拉伯联合酋长国", "爱尔兰"]


@st.composite
def records(draw):
    turns = draw(st.lists(st.tuples(st.integers(0, 4), st.sampled_from(list(LANG)), st.integers(1, 3)),
                          min_size=1, max_size=10))
    width = draw(st.integers(16, 30))
    lines = ["上午10时开会。", ""]
    for who, lang, paras in turns:
        tag = f"（以{lang}语发言）" if lang else ""
        body = "。".join(FILLER[: 5 + 7 * p] for p in range(paras)) + "。"
        lines += [wrap(f"{NAMES[who]}（{COUNTRIES[who]}）{tag}：{body}", width), ""]
    lines += ["下午1时散会。"]
    return "\n".join(lines), turns


@settings(max_examples=150, deadline=None)
@given(records())
def test_generated_record_gives_back_every_turn(case):
    text, turns = case
    d = parse_text(text, "generated.txt")
    got = [(d.speakers[t.speaker].name, d.speakers[t.speaker].country, t.language) for t in d.turns]
    assert got == [(NAMES[w], COUNTRIES[w], LANG[lang]) for w, lang, _ in turns]
