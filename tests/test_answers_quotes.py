"""Quotes worth pasting: substance only without a topic, a quoted document credited to it,
the capacity the speaker named, a topic that pages, and names typed wrong or in pinyin."""

import pytest

from bot.answers.quote import best_passage, is_courtesy, quote, substantive, unquoted
from bot.answers.speakers import similar_speakers, sure_match


@pytest.mark.parametrize("sentence", [
    "我感谢秘书长的通报。", "我现在以俄罗斯联邦副外长的身份发言。", "我现在恢复行使安理会主席的职能。",
    "我现在请扎斯先生发言。", "我谨热烈欢迎秘书长安东尼奥·古特雷斯先生阁下，我现在请他发言。",
    "根据安理会暂行议事规则第37条，我邀请亚美尼亚、白俄罗斯代表参加本次会议。",
    "I thank the Secretary-General for his briefing.", "I now give the floor to the representative of Ghana.",
    "I give the floor to Mr. Zas.", "We welcome the presence of the ministers.", "Thank you, Mr. President.",
    "Je remercie le Secrétaire général.", "Agradezco al Secretario General.",
])
def test_courtesy_and_procedure_are_recognised_in_each_language(sentence):
    assert is_courtesy(sentence)


def test_a_substantive_sentence_is_not_courtesy():
    assert not is_courtesy("国际社会在阿富汗的当务之急是全力避免人道主义灾难。")
    assert not is_courtesy("Regional organizations must complement the efforts of the United Nations.")


def test_an_opening_paragraph_of_thanks_is_not_substantive():
    assert not substantive("中方赞赏俄罗斯倡议举行此次会议。我也感谢古特雷斯秘书长、扎斯秘书长的通报。"
                           "他们的通报给今天的会议带来重要启发。我也欢迎集安条约组织成员国代表出席今天的会议。")


def test_a_quote_without_topic_never_gives_procedure_or_courtesy(seeded_db):
    """Every quote of the President, in rotation, comes from his national statement."""
    first = quote(seeded_db, "韦尔希宁")
    texts = [quote(seeded_db, "韦尔希宁", index=i)["quotes"][0]["text"] for i in range(first["of"])]
    assert first["of"] < 30  # his 30 paragraphs, less the chair's procedure and the thanks
    assert not any(is_courtesy(t) for t in texts)
    assert not any("我现在" in t or "发言。" == t[-3:] for t in texts)


def test_the_passage_skips_the_thanks_that_open_a_paragraph():
    text = "我们感谢古特雷斯秘书长通报对本区域非常重要的议题。区域组织必须在其责任和任务授权范围内补充联合国的努力。"
    assert best_passage(text, None) == "区域组织必须在其责任和任务授权范围内补充联合国的努力。"


def test_a_passage_quoted_from_a_resolution_is_credited_to_its_paragraph(seeded_db):
    q = quote(seeded_db, "扎斯", "多功能机构")["quotes"][0]
    assert q["quoting"]["symbol"] == "A/RES/75/276" and q["quoting"]["label"] == "PP7"
    assert "引述 A/RES/75/276 PP7" in q["attribution"]


def test_a_quoted_passage_has_no_quotation_marks_of_its_own(seeded_db):
    q = quote(seeded_db, "扎斯", "多功能机构")["quotes"][0]
    assert q["text"].startswith("集体安全条约组织自") and not q["text"].startswith("“") and "”" not in q["text"]
    assert unquoted("“和平是共同的责任”。") == "和平是共同的责任。"


def test_capacity_comes_from_the_text(seeded_db):
    q = quote(seeded_db, "俄罗斯联邦", "北约")["quotes"][0]
    assert "以俄罗斯联邦副外长的身份" in q["attribution"] and "代表身份" not in q["attribution"]


def test_a_quote_with_a_topic_pages_through_the_statements_on_it(seeded_db):
    first = quote(seeded_db, "俄罗斯联邦", "集安组织")
    second = quote(seeded_db, "俄罗斯联邦", "集安组织", index=1)
    assert first["of"] > 1 and first["index"] == 0 and second["index"] == 1
    assert first["quotes"][0]["paragraph_id"] != second["quotes"][0]["paragraph_id"]
    assert "集安组织" in second["quotes"][0]["text"]


def test_a_homophone_typo_answers_for_the_speaker(seeded_db):
    result = quote(seeded_db, "张君")
    assert result["quotes"][0]["speaker"] == "张军先生"
    assert result["corrected"] == {"typed": "张君", "name": "张军先生", "how": "pinyin"}


def test_a_latin_spelling_of_a_chinese_name_finds_him(seeded_db):
    assert quote(seeded_db, "Zhang Jun")["quotes"][0]["speaker"] == "张军先生"
    assert quote(seeded_db, "zhang-jun")["quotes"][0]["speaker"] == "张军先生"


def test_a_near_miss_is_offered_not_answered(seeded_db):
    result = quote(seeded_db, "张车")
    assert result["quotes"] == [] and result["suggestions"] == ["张军先生"] and "Did you mean 张军先生?" in result["message"]


def test_a_sure_match_needs_no_rival(seeded_db):
    assert sure_match(similar_speakers(seeded_db, "希克马")) is not None
    assert similar_speakers(seeded_db, "量子计算机") == []
