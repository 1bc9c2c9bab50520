"""The resolution grammar over generated documents of every layout the ingest issue names:
both scripts, numbered and unnumbered operative parts, blank lines or one paragraph per line,
hard wraps, both orders of the Council's adoption line, and recitals run together on one line."""

from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from bot.parse import parse_text

# Each recital opens with a verb strong enough to mark a new recital when lines are merged.
PREAMBLE = ["回顾其以往各项决议", "重申对各国主权的承诺", "又提及秘书长的报告", "还回顾相关宣言", "深信合作十分重要",
            "铭记《联合国宪章》的宗旨"]
OPERATIVE = ["决定", "请", "鼓励", "呼吁", "敦促", "吁请"]
FILLER = "联合国各实体应加强协调与合作以便在可持续发展领域取得进展并向会员国提供支助"
CN = "零一二三四五六七八九"
TO_TRADITIONAL = OpenCC("s2t")


def cn(n: int) -> str:
    tens, ones = divmod(n, 10)
    return (f"{CN[tens] if tens > 1 else ''}十" if tens else "") + (CN[ones] if ones or not tens else "")


def wrap(text: str, width: int | None) -> list[str]:
    if width is None:
        return [text]
    return [text[i : i + width] for i in range(0, len(text), width)]


@st.composite
def layouts(draw):
    organ = draw(st.sampled_from(["大会", "安全理事会"]))
    pps = draw(st.lists(st.tuples(st.sampled_from(PREAMBLE), st.integers(0, 20)), min_size=1, max_size=6))
    ops = draw(st.lists(st.tuples(st.sampled_from(OPERATIVE), st.integers(0, 30)), min_size=1, max_size=8))
    numbering = draw(st.sampled_from(["arabic", "chinese", "none"]))
    # How many leading recitals the conversion ran together on one line (0: none).
    merged = draw(st.integers(0, len(pps)))
    blank_lines = draw(st.booleans())
    # Hard wraps with neither blank lines nor numbers leave a clause's end unknowable where a
    # wrap falls right after its punctuation; that layout is generated without wraps.
    wraps = blank_lines or numbering != "none"
    width = draw(st.one_of(st.none(), st.integers(18, 40))) if wraps else None
    council_first = draw(st.booleans())
    traditional = draw(st.booleans())
    return organ, pps, ops, numbering, merged, blank_lines, width, council_first, traditional


def build(organ, pps, ops, numbering, merged, blank_lines, width, council_first, traditional):
    if organ == "大会":
        head = ["大 会", "第七十五届会议", "2021 年 4 月 28 日大会决议", "75/9. 生成的决议"]
    else:
        adopted = "安全理事会2016年12月15日第7838次会议通过" if council_first else "2016年12月15日安全理事会第7838次会议通过"
        head = ["第2326(2016)号决议", adopted]
    recitals = [f"{verb}{FILLER[:n]}，" for verb, n in pps]
    paragraphs = ([("".join(recitals[:merged]))] if merged > 1 else recitals[:merged]) + recitals[merged:]
    for k, (verb, n) in enumerate(ops, start=1):
        end = "。" if k == len(ops) else "；"
        number = {"arabic": f"{k}. ", "chinese": f"{cn(k)}、", "none": ""}[numbering]
        paragraphs.append(f"{number}{verb}{FILLER[:n]}{end}")
    lines = head + [f"{organ}，"]
    for p in paragraphs:
        lines += wrap(p, width) + ([""] if blank_lines else [])
    lines += ["2016年12月15日"] if organ == "大会" else []
    text = "\n".join(lines) + "\n"
    return TO_TRADITIONAL.convert(text) if traditional else text


@settings(max_examples=300, deadline=None)
@given(layouts())
def test_generated_resolution_of_any_layout_parses_to_its_structure(case):
    organ, pps, ops, *_, traditional = case
    d = parse_text(build(*case), "generated.txt")
    assert d.kind == "resolution"
    if organ == "大会":
        assert (d.symbol, d.date) == ("A/RES/75/9", "2021-04-28")
    else:
        meeting = TO_TRADITIONAL.convert("第7838次会议") if traditional else "第7838次会议"
        assert (d.symbol, d.date, d.meeting) == ("S/RES/2326 (2016)", "2016-12-15", meeting)
    assert [p.label for p in d.paragraphs if p.section == "preamble"] == [f"PP{i}" for i in range(1, len(pps) + 1)]
    assert [p.label for p in d.paragraphs if p.section == "operative"] == [f"OP{i}" for i in range(1, len(ops) + 1)]
    assert [p.verb for p in d.paragraphs if p.section == "operative"] == [v for v, _ in ops]
    if traditional:
        assert all(p.text == TO_TRADITIONAL.convert(p.text) for p in d.paragraphs)
