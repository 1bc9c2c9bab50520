"""Summaries that say something: a meeting's themes, each speaker's key sentence, the
President's national statement apart from the chair's procedure; a letter's facts."""

from bot.answers.lookup import lookup
from bot.answers.quote import is_courtesy
from bot.answers.summary import summarise
from bot.render.text import render_card, render_summary


def test_a_meeting_names_its_themes(seeded_db):
    names = [t["name"] for t in summarise(seeded_db, "S/PV.8967")["themes"]]
    assert names[0] == "集体安全条约组织"
    assert {"阿富汗", "维持和平", "哈萨克斯坦", "反恐"} <= set(names)


def test_a_delegation_naming_its_own_country_does_not_make_it_a_theme(seeded_db):
    themes = {t["name"]: t["speakers"] for t in summarise(seeded_db, "S/PV.8967")["themes"]}
    # Kazakhstan is discussed by many; its own delegate's many mentions count once at most
    assert themes["哈萨克斯坦"] < 22


def test_each_speaker_has_a_key_sentence_of_substance(seeded_db):
    speakers = summarise(seeded_db, "S/PV.8967")["speakers"]
    said = [s["key_sentence"] for s in speakers if s["capacity"] != "chair"]
    assert len(said) == 21 and all(said)
    assert not any(is_courtesy(k["text"]) for k in said)
    zhang = next(s for s in speakers if s["name"] == "张军先生")["key_sentence"]
    assert zhang["label"] in {f"¶{i}" for i in range(144, 155)}


def test_the_presidents_national_statement_is_apart_from_the_chair(seeded_db):
    s = summarise(seeded_db, "S/PV.8967")
    nat = s["national_statement"]
    assert nat["capacity_text"] == "以俄罗斯联邦副外长的身份" and nat["labels"] == "¶54–¶69"
    assert nat["paragraphs"] == 16 and nat["chair_turns"] == 8
    assert not is_courtesy(nat["key_sentence"]["text"])
    president = next(p for p in s["points"] if p["text"].startswith("韦尔希宁先生"))
    assert "议事规则" not in president["text"]


def test_one_turn_is_singular(seeded_db):
    text = render_summary(summarise(seeded_db, "S/PV.8967"), "en")
    assert "1 turn," in text and "1 turns" not in text and "8 turns" in text
    assert "1次发言" in render_summary(summarise(seeded_db, "S/PV.8967"), "zh")


def test_a_meeting_headline_has_a_chinese_date(seeded_db):
    assert "2022年2月16日" in summarise(seeded_db, "S/PV.8967")["headline"]


def test_a_letter_summary_shows_its_facts(seeded_db):
    text = render_summary(summarise(seeded_db, "letter-2009-07-14"), "en")
    for fact in ("维塔利·丘尔金", "俄罗斯联邦常驻联合国代表", "14 July 2009", "11 August 2009", "Russian",
                 "请求在大会第六十四届会议议程内列入", "Annex II: 决议草案"):
        assert fact in text, fact


def test_a_letter_card_shows_its_facts_in_chinese(seeded_db):
    text = render_card(lookup(seeded_db, "letter-2009-07-14"), "zh")
    for fact in ("签署人：维塔利·丘尔金", "发信人：俄罗斯联邦常驻联合国代表", "日期：2009年7月14日", "分发日期：2009年8月11日",
                 "原文：俄文", "请求：", "附件II：决议草案"):
        assert fact in text, fact
