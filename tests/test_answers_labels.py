"""The words around answers: one catalogue per language, with the same keys; dates, counts,
kinds and refusals in the reader's language."""

import re

import pytest

from bot.render import labels as L
from bot.render.labels import EN, ZH, refusal, t


def test_every_label_exists_in_english_and_chinese():
    assert set(EN) == set(ZH)
    for key in EN:
        assert set(re.findall(r"{(\w+)", EN[key])) == set(re.findall(r"{(\w+)", ZH[key])), key


def test_no_english_words_in_the_chinese_catalogue():
    allowed = {"Plenary", "HH", "MM", "IANA", "Asia", "Shanghai", "Europe", "Geneva", "PLENARY", "MESSAGE", "CONTENT",
               "page", "help", "quit", "digest", "preview", "Discord"}
    for key, text in ZH.items():
        words = set(re.findall(r"[A-Za-z]{2,}", re.sub(r"{[^}]*}", "", text)))
        assert words <= allowed, (key, words - allowed)


def test_dates_per_locale():
    assert L.date("zh", "2021-04-28") == "2021年4月28日" and L.date("en", "2021-04-28") == "28 April 2021"
    assert L.date("en", None) == "" and L.date("zh", "2021") == "2021"


def test_turns_are_singular_for_one():
    assert (L.turns("en", 1), L.turns("en", 8), L.turns("zh", 1)) == ("1 turn", "8 turns", "1次发言")


def test_counts_and_kinds_in_chinese():
    assert L.counts("zh", {"preamble": 15, "operative": 9, "annex II operative": 5, "footnotes": 0}) == \
        "序言部分 15，执行部分 9，附件II执行部分 5"
    assert L.kind("zh", "record") == "逐字记录" and L.kind("en", "letter") == "letter"


def test_follow_ups_in_chinese():
    assert L.follow_up("zh", {"kind": "report", "session": 77, "label": "OP8"}) == "请提交报告：第77届会议（OP8）"


@pytest.mark.parametrize(("message", "zh"), [
    ("Type a few words to search for.", "请输入要搜索的词语。"),
    ("That query is 600 characters long; the limit is 500. Try a shorter phrase.", "查询长 600 个字符，上限为 500。请缩短。"),
    ("No document 'S/1' in the corpus to search in.", "语料库中没有可供搜索的文件 S/1。"),
    ("«25:00» is not a time of day; write it as HH:MM, e.g. 08:30.", "“25:00”不是时刻；请写成 HH:MM，例如 08:30。"),
])
def test_known_refusals_are_said_in_chinese(message, zh):
    assert refusal("zh", message) == zh
    assert refusal("en", message).rstrip(".") in message or message.startswith("No document")


def test_an_unknown_refusal_is_framed_not_dropped():
    assert refusal("zh", "Something new.") == t("zh", "refused", reason="Something new.")
