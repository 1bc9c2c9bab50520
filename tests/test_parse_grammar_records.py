"""The record grammar on generated records of every era: labels spaced out by a scan, no
language tags or old tag forms, the whole record on one line, Traditional script. Whatever the
mix, the parse gives back the turns the record was built from, and the speech of each."""

import itertools
import random
import textwrap

import opencc
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.parse import parse_text
from bot.text import fold, is_cjk

FILLER = "联合国各实体应加强协调与合作以便在可持续发展领域取得进展并向会员国提供支助"
LANG = {"俄": "ru", "英": "en", "法": "fr", "西班牙": "es", "阿拉伯": "ar", None: "zh"}
NAMES = ["张伟先生", "Dautllari女士", "德拉富恩特·拉米雷斯先生", "阿卜杜拉先生", "Smith-Jones女士", "主席"]
COUNTRIES = ["中国", "阿尔巴尼亚", "墨西哥", "阿拉伯联合酋长国", "爱尔兰", None]
TAGS = ["（以{}语发言）", "(以{}语发言)", "（译自{}文）", "（以 {} 语 发 言）"]
_S2T = opencc.OpenCC("s2tw")


def space_out(text: str, rng: random.Random) -> str:
    """A scan's stray spaces: between two characters of a label, not inside a Latin word."""
    out = text[:1]
    for a, b in itertools.pairwise(text):
        if (is_cjk(a) or is_cjk(b)) and rng.random() < 0.5:
            out += " "
        out += b
    return out


@st.composite
def records(draw):
    turns = draw(st.lists(st.tuples(st.integers(0, 5), st.sampled_from(list(LANG)), st.integers(1, 3),
                                    st.sampled_from(TAGS)), min_size=1, max_size=10))
    tags = draw(st.booleans())  # older records print no language tags at all
    spaced = draw(st.booleans())
    layout = draw(st.sampled_from(["lines", "wrapped", "one line"]))
    traditional = draw(st.booleans())
    rng = random.Random(draw(st.integers(0, 2**32)))
    width = draw(st.integers(16, 30))
    paragraphs = ["上午10时开会。"]
    expected = []
    for who, lang, sentences, tag in turns:
        lang = lang if tags else None
        label = NAMES[who] + (f"（{COUNTRIES[who]}）" if COUNTRIES[who] else "") + (tag.format(lang) if lang else "") + "："
        body = "。".join(FILLER[: 5 + 7 * k] for k in range(sentences)) + "。"
        paragraphs.append((space_out(label, rng) if spaced else label) + body)
        expected.append((NAMES[who], COUNTRIES[who], LANG[lang], body))
    paragraphs.append("下午1时散会。")
    if layout == "one line":
        text = rng.choice([" ", ""]).join(paragraphs)
    elif layout == "wrapped":
        text = "\n\n".join("\n".join(p[i : i + width] for i in range(0, len(p), width)) for p in paragraphs)
    else:
        text = "\n\n".join(paragraphs)
    return (_S2T.convert(text) if traditional else text), expected


@settings(max_examples=200, deadline=None)
@given(records())
def test_generated_record_of_any_era_gives_back_every_turn(case):
    text, expected = case
    d = parse_text(text, "generated.txt")
    assert d.kind == "record"
    # Names come back as published (Traditional when the record is); fold compares across scripts.
    got = [(fold(d.speakers[t.speaker].name if d.speakers[t.speaker].role is None else "主席"),
            d.speakers[t.speaker].country and fold(d.speakers[t.speaker].country), t.language) for t in d.turns]
    assert got == [(fold(n), c and fold(c), lang) for n, c, lang, _ in expected]


@settings(max_examples=100, deadline=None)
@given(records())
def test_generated_record_speech_is_whole_and_labels_do_not_leak(case):
    text, expected = case
    d = parse_text(text, "generated.txt")
    # A hard wrap that ends a line with "。" may cut a turn into paragraphs; its text is all there.
    speech = ["".join(fold(p.text) for p in d.paragraphs if p.section == "statement" and p.turn == k)
              for k in range(len(d.turns))]
    assert speech == [fold(body) for *_, body in expected]
    assert (d.facts["opened"], d.facts["closed"]) == ("10:00", "13:00")


# -- English records: the same grammar from the English table -------------------------------------

EN_FILLER = ("entities of the system should strengthen coordination and cooperation so as to make progress "
             "towards sustainable development and support Member States in every region")
EN_WORDS = EN_FILLER.split()
EN_LANG = {"Russian": "ru", "French": "fr", "Spanish": "es", "Arabic": "ar", "Chinese": "zh", None: "en"}
EN_NAMES = ["Mr. Zhang Jun", "Ms. Dautllari", "Mr. De La Fuente Ramírez", "Mr. Abdullah", "Mrs. Smith-Jones", "The President"]
EN_COUNTRIES = ["China", "Albania", "Mexico", "United Arab Emirates", "Ireland", None]
EN_TAGS = ["(spoke in {})", "(interpretation from {})"]


@st.composite
def english_records(draw):
    turns = draw(st.lists(st.tuples(st.integers(0, 5), st.sampled_from(list(EN_LANG)), st.integers(1, 3),
                                    st.sampled_from(EN_TAGS)), min_size=1, max_size=10))
    layout = draw(st.sampled_from(["lines", "wrapped", "one line"]))
    width = draw(st.integers(24, 60))
    paragraphs = ["The meeting was called to order at 10 a.m."]
    expected = []
    for who, lang, sentences, tag in turns:
        country = EN_COUNTRIES[who]
        label = EN_NAMES[who] + (f" ({country})" if country else "") + (f" {tag.format(lang)}" if lang else "") + ":"
        body = " ".join(" ".join(EN_WORDS[k: 4 + 5 * k]).capitalize() + "." for k in range(sentences))
        paragraphs.append(f"{label} {body}")
        expected.append(("President" if country is None else EN_NAMES[who], country, EN_LANG[lang], body))
    paragraphs.append("The meeting rose at 1 p.m.")
    if layout == "one line":
        text = " ".join(paragraphs)
    elif layout == "wrapped":
        text = "\n\n".join("\n".join(textwrap.wrap(p, width, break_on_hyphens=False)) for p in paragraphs)
    else:
        text = "\n\n".join(paragraphs)
    return text, expected


@settings(max_examples=150, deadline=None)
@given(english_records())
def test_generated_english_record_gives_back_every_turn_and_its_speech(case):
    text, expected = case
    d = parse_text(text, "generated.txt")
    assert (d.kind, d.language) == ("record", "en")
    got = [(d.speakers[t.speaker].role or d.speakers[t.speaker].name, d.speakers[t.speaker].country, t.language)
           for t in d.turns]
    assert got == [(n, c, lang) for n, c, lang, _ in expected]
    speech = [" ".join(p.text for p in d.paragraphs if p.section == "statement" and p.turn == k)
              for k in range(len(d.turns))]
    assert speech == [body for *_, body in expected]
    assert (d.facts["opened"], d.facts["closed"]) == ("10:00", "13:00")
