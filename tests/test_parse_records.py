"""Verbatim records of every era, beyond the seed: a General Assembly plenary, a Council record
with scanned (spaced) labels and no language tags, a 1950s scan run together on one line with
old tag forms, and a record published in Traditional script. The fixtures are our own, written
in the UN's style (tests/fixtures/docs/record_*.txt)."""

import pytest
from seedfiles import FIXTURES

from bot.parse import detect_kind
from bot.parse.cues_record import grammar, number_value, spaced, squeeze
from bot.parse.record import parse_record
from bot.parse.script import simplified_text
from bot.read import read_text
from bot.text import fold

DOCS = FIXTURES / "docs"
GA, SPACED, OCR, TRAD = "record_ga_plenary.txt", "record_sc_spaced.txt", "record_ocr_1950.txt", "record_traditional.txt"


def turns(d):
    return [(d.speakers[t.speaker].name, d.speakers[t.speaker].country, t.language) for t in d.turns]


def statements(d, turn=None):
    return [p for p in d.paragraphs if p.section == "statement" and turn in (None, p.turn)]


def procedure(d, note=None):
    return [p for p in d.paragraphs if p.section == "procedure" and note in (None, p.note)]


# -- the General Assembly -------------------------------------------------------------------


def test_ga_record_kind_symbol_body_and_session(doc):
    d = doc(GA)
    assert (d.kind, d.symbol, d.body, d.session) == ("record", "A/78/PV.71", "大会", 78)


def test_ga_record_plenary_meeting_and_date(doc):
    d = doc(GA)
    assert (d.meeting, d.date) == ("第71次全体会议", "2024-03-12")
    assert (d.facts["president"], d.facts["presidency"]) == ("卡斯特拉诺斯先生", "智利")


def test_ga_acting_president_is_the_vice_president_named_on_the_first_page(doc):
    d = doc(GA)
    chair = d.speakers[0]
    assert (chair.name, chair.role, chair.honorific, chair.country) == ("奥孔科沃女士", "代理主席", "女士", "尼日利亚")
    assert (d.facts["acting_president"], d.facts["acting_presidency"]) == ("奥孔科沃女士", "尼日利亚")


def test_ga_agenda_item_and_sub_item_give_item_and_title(doc):
    d = doc(GA)
    assert d.agenda_item == "128(k)"
    assert d.title == "联合国同湖区合作组织的合作"


def test_ga_draft_resolution_under_the_item_is_a_document_not_the_title(doc):
    d = doc(GA)
    assert d.facts["documents"] == ["A/78/L.52"]
    assert "决议草案（A/78/L.52）" not in d.facts["agenda"]


def test_ga_turns_in_order_with_countries_and_languages(doc):
    assert turns(doc(GA)) == [
        ("奥孔科沃女士", "尼日利亚", "en"), ("姆万萨先生", "赞比亚", "en"), ("奥孔科沃女士", "尼日利亚", "en"),
        ("奥孔科沃女士", "尼日利亚", "en"), ("李明先生", "中国", "zh"), ("杜瓦尔女士", "法国", "fr"),
        ("奥孔科沃女士", "尼日利亚", "en"),
    ]


def test_ga_recorded_vote_is_procedure_not_speech(doc):
    d = doc(GA)
    vote = [p.text for p in procedure(d, "procedure")]
    assert vote[1:] == [
        "进行了记录表决。", "赞成：", vote[3], "反对：", "无", "弃权：",
        "白俄罗斯、古巴、伊朗伊斯兰共和国、尼加拉瓜、叙利亚、委内瑞拉",
        "决议草案A/78/L.52以121票赞成、0票反对、9票弃权获得通过（第78/245号决议）。",
    ]
    assert vote[3].startswith("阿尔巴尼亚、阿尔及利亚") and vote[3].endswith("赞比亚、津巴布韦")
    assert all(p.speaker is None for p in procedure(d))


def test_ga_vote_count_is_a_fact(doc):
    assert doc(GA).facts["votes"] == [{"yes": 121, "no": 0, "abstain": 9, "drafts": ["A/78/L.52", "A/RES/78/245"]}]


def test_ga_language_switch_applies_to_the_rest_of_the_statement(doc):
    d = doc(GA)
    france = next(i for i, t in enumerate(d.turns) if d.speakers[t.speaker].name == "杜瓦尔女士")
    assert [p.language for p in statements(d, france)] == ["fr", "en"]


def test_ga_opening_and_meeting_rose_form(doc):
    d = doc(GA)
    assert (d.facts["opened"], d.facts["closed"]) == ("10:05", "12:55")
    assert procedure(d, "closed")[0].text == "会议于下午12时55分结束。"


def test_ga_paragraph_counts(doc):
    d = doc(GA)
    assert (len(d.paragraphs), len(statements(d)), len(procedure(d))) == (24, 9, 15)


# -- the Council, scanned labels, no language tags --------------------------------------------


def test_spaced_labels_give_names_without_the_spaces(doc):
    d = doc(SPACED)
    assert [s.name for s in d.speakers] == ["莫罗先生", "卡巴女士", "王立先生", "帕斯夸尔女士", "索科洛夫先生"]


def test_spaced_country_in_brackets_is_read_whole(doc):
    d = doc(SPACED)
    assert [s.country for s in d.speakers[2:]] == ["中国", "厄瓜多尔", "俄罗斯联邦"]


def test_record_without_language_tags_is_all_chinese(doc):
    d = doc(SPACED)
    assert {t.language for t in d.turns} == {"zh"}
    assert {p.language for p in statements(d)} == {"zh"}


def test_spaced_chair_label_is_the_president_of_the_first_page(doc):
    d = doc(SPACED)
    chair = d.speakers[0]
    assert (chair.name, chair.role, chair.country) == ("莫罗先生", "主席", "比利时")
    assert [t.speaker for t in d.turns] == [0, 1, 2, 3, 4, 0]


def test_meeting_began_and_ended_in_the_meeting_form(doc):
    d = doc(SPACED)
    assert (d.facts["opened"], d.facts["closed"]) == ("10:10", "12:05")


def test_suspension_and_resumption_is_procedure(doc):
    d = doc(SPACED)
    suspended = next(p for p in d.paragraphs if "暂停" in p.text)
    assert (suspended.section, suspended.note, suspended.speaker) == ("procedure", "procedure", None)


def test_label_quoted_inside_a_sentence_is_not_a_turn(doc):
    d = doc(SPACED)
    quoted = next(p for p in d.paragraphs if "“安理会主席：" in p.text)
    assert d.speakers[quoted.speaker].name == "卡巴女士"
    assert len(d.turns) == 6


def test_president_speaks_for_belgium_then_resumes_the_chair(doc):
    d = doc(SPACED)
    last = statements(d, len(d.turns) - 1)
    assert [(p.capacity, p.country) for p in last] == [
        ("national", "比利时"), ("national", "比利时"), ("chair", None), ("chair", None), ("chair", None),
        ("chair", None), ("chair", None)]


def test_record_that_reads_out_a_presidential_statement_is_still_a_record(doc):
    assert detect_kind(read_text(DOCS / SPACED)) == "record"
    assert doc(SPACED).kind == "record"


def test_spaced_record_front_page(doc):
    d = doc(SPACED)
    assert (d.symbol, d.body, d.session, d.meeting, d.date, d.title) == (
        "S/PV.9630", "安全理事会", 79, "第9630次会议", "2024-06-04", "湖区局势")
    assert d.facts["members"] == {"中国": "王立先生", "厄瓜多尔": "帕斯夸尔女士", "俄罗斯联邦": "索科洛夫先生"}


def test_spaced_record_paragraph_counts(doc):
    d = doc(SPACED)
    assert (len(d.paragraphs), len(statements(d)), len(procedure(d))) == (20, 14, 6)


# -- a 1950s scan on one line ---------------------------------------------------------------


def test_one_line_scan_is_a_record(doc):
    text = read_text(DOCS / OCR)
    assert text.count("\n") <= 1
    assert detect_kind(text) == "record"


def test_one_line_scan_front_page_facts(doc):
    d = doc(OCR)
    assert (d.symbol, d.body, d.session, d.date) == ("S/PV.493", "安全理事会", 5, "1950-09-14")
    assert (d.facts["president"], d.facts["presidency"]) == ("彼得罗夫斯基先生", "苏维埃社会主义共和国联盟")


def test_meeting_number_in_chinese_numerals(doc):
    d = doc(OCR)
    assert (d.meeting, d.facts["meeting_number"]) == ("第493次会议", 493)


def test_one_line_scan_agenda_from_the_numbered_front_page(doc):
    d = doc(OCR)
    assert d.facts["agenda"] == ["通过议程", "关于湖区边界事件的申诉"]
    assert d.title == "关于湖区边界事件的申诉"


def test_one_line_scan_turns_recovered_from_labels(doc):
    assert turns(doc(OCR)) == [
        ("彼得罗夫斯基先生", "苏维埃社会主义共和国联盟", "ru"), ("彼得罗夫斯基先生", "苏维埃社会主义共和国联盟", "ru"),
        ("哈桑先生", "湖区共和国", "en"), ("哈里森先生", "美利坚合众国", "en"), ("林世昌先生", "中国", "zh"),
        ("彼得罗夫斯基先生", "苏维埃社会主义共和国联盟", "ru"),
    ]


def test_old_tag_forms_translated_from_and_half_width_and_spaced(doc):
    d = doc(OCR)
    # （译自俄文）, (以英语发言) with ASCII brackets, （以 英 语 发 言） with scan spaces
    assert [t.language for t in d.turns][:4] == ["ru", "ru", "en", "en"]


def test_label_quoted_mid_sentence_on_one_line_is_not_split(doc):
    d = doc(OCR)
    china = statements(d, 4)
    assert len(china) == 1 and "“主席：安理会应当行动。”" in china[0].text


def test_invitation_to_the_table_is_procedure(doc):
    d = doc(OCR)
    seated = next(p for p in d.paragraphs if p.text.startswith("应主席邀请"))
    assert (seated.section, seated.speaker) == ("procedure", None)
    assert seated.text == "应主席邀请，哈 桑先生（湖区共和国）在安理会议席就座。"


def test_clock_and_agenda_lines_are_split_out_of_running_text(doc):
    d = doc(OCR)
    assert [(p.note, p.text) for p in procedure(d) if p.note != "procedure"] == [
        ("opened", "下午3时10分开会。"), ("agenda", "通 过 议 程"), ("agenda", "议程通过。"),
        ("agenda", "关于湖区边界事件的申诉"), ("closed", "下午6时05分散会。")]
    assert (d.facts["opened"], d.facts["closed"]) == ("15:10", "18:05")


def test_national_capacity_and_resumed_chair_split_in_running_text(doc):
    d = doc(OCR)
    last = statements(d, 5)
    assert [(p.capacity, p.country) for p in last] == [("national", "苏维埃社会主义共和国联盟"), ("chair", None)]
    assert last[1].text.startswith("我现在恢复行使安理会主席的职能。")


def test_scan_spaces_in_speech_stay_as_published(doc):
    d = doc(OCR)
    assert statements(d, 2)[0].text.startswith("我国政府 感谢安理会")


def test_one_line_scan_paragraph_counts(doc):
    d = doc(OCR)
    assert (len(d.paragraphs), len(statements(d)), len(procedure(d))) == (13, 7, 6)


# -- Traditional script --------------------------------------------------------------------


def test_traditional_record_is_detected_on_its_simplified_form(doc):
    text = read_text(DOCS / TRAD)
    assert "（以英語發言）" in text
    assert detect_kind(simplified_text(text)) == "record"
    assert doc(TRAD).kind == "record"


def test_traditional_record_facts(doc):
    d = doc(TRAD)
    assert (d.symbol, d.body, d.session, d.date) == ("S/PV.9412", "安全理事会", 78, "2023-09-19")
    assert fold(d.meeting) == "第9412次会议"
    assert (d.facts["opened"], d.facts["closed"]) == ("10:05", "12:10")


def test_traditional_turns_and_languages(doc):
    d = doc(TRAD)
    assert [(fold(n), fold(c), lang) for n, c, lang in turns(d)] == [
        ("伊万诺娃女士", "保加利亚", "en"), ("科瓦廖夫先生", "集体安全条约组织", "ru"), ("张伟先生", "中国", "zh"),
        ("伊万诺娃女士", "保加利亚", "en")]


def test_traditional_speaker_names_and_text_stay_as_published(doc):
    d = doc(TRAD)
    assert "張偉先生" in [s.name for s in d.speakers]
    assert statements(d)[0].text == "根據安理會暫行議事規則第39條，我邀請集體安全條約組織秘書長科瓦廖夫先生參加本次會議。"


def test_traditional_president_speaks_for_her_country(doc):
    d = doc(TRAD)
    assert [p.capacity for p in statements(d, 3)] == ["national", "national", "chair"]


# -- the cue tables ------------------------------------------------------------------------

G = grammar()


@pytest.mark.parametrize("label, role, name, country, language", [
    ("主席（以俄语发言）：", "主席", None, None, "ru"),
    ("主 席：", "主 席", None, None, None),
    ("张 军先生（中国）：", None, "张 军先生", "中国", None),
    ("扎 斯 先 生（集体安全条约组织）（以俄语发言）：", None, "扎 斯 先 生", "集体安全条约组织", "ru"),
    ("主席(以英语发言):", "主席", None, None, "en"),
    ("主席（译自俄文）：", "主席", None, None, "ru"),
    ("代理主席（以西班牙语发言）：", "代理主席", None, None, "es"),
    ("Dautllari女士（阿尔巴尼亚）（以英语发言）：", None, "Dautllari女士", "阿尔巴尼亚", "en"),
    ("秘书长（以法语发言）：", "秘书长", None, None, "fr"),
])
def test_label_forms(label, role, name, country, language):
    m = G.header.match(label)
    assert (m.group("role"), m.group("name"), m.group("country"), G.language_of(m)[0]) == (role, name, country, language)


@pytest.mark.parametrize("text", ["尊敬的主席先生：", "女士们、先生们：", "我们的主席："])
def test_salutations_are_not_labels(text):
    assert G.header.match(text) is None


@pytest.mark.parametrize("line, time, event", [
    ("上午11时05分开会。", "11:05", "opened"),
    ("下午1时15分散会。", "13:15", "closed"),
    ("会议于上午10时10分开始。", "10:10", "opened"),
    ("会议于下午1时05分结束。", "13:05", "closed"),
    ("上 午 1 1 时 0 5 分 开 会 。", "11:05", "opened"),
    ("下午三时半复会。", "15:30", "resumed"),
    ("中午12时散会。", "12:00", "closed"),
])
def test_clock_forms(line, time, event):
    m = G.clock(line)
    assert (G.clock_time(m), G.clock_event(m)) == (time, event)


def test_a_time_in_a_sentence_is_not_a_clock_line():
    assert G.clock("安理会将于明天上午10时开会。") is None


def test_number_forms():
    assert [number_value(x) for x in ["12", "１２", "十二", "四百九十三", "四九三", "〇五"]] == [12, 12, 12, 493, 493, 5]


def test_squeeze_keeps_spaces_between_latin_words_only():
    assert (squeeze(" 张 军 先生 "), squeeze("De  La Cruz 先生"), squeeze("Mr. Zas")) == ("张军先生", "De La Cruz先生", "Mr. Zas")


def test_spaced_allows_spaces_after_chinese_characters_and_classes():
    import re

    assert re.fullmatch(spaced("以[俄英]语发言"), "以 俄 语 发 言")
    assert not re.fullmatch(spaced("[^（）]x"), "a x")


def test_own_country_capacity_is_the_presidency():
    d = parse_record("主席：某某先生 ......（秘鲁）\n\n上午10时开会。\n\n主席：我现在以本国代表的身份发言。\n\n秘鲁支持这项工作。\n")
    assert [(p.capacity, p.country) for p in statements(d)] == [("national", "秘鲁"), ("national", "秘鲁")]


def test_chair_speaking_as_chair_is_not_national():
    d = parse_record("上午10时开会。\n\n主席：我现在以安理会主席的身份发言。\n\n张伟先生（中国）：谢谢。\n")
    assert statements(d)[0].capacity == "chair"


def test_unknown_language_tag_is_a_warning():
    d = parse_record("上午10时开会。\n\n席尔瓦先生（东帝汶）（以德顿语发言）：谢谢。\n\n主席：谢谢。\n")
    assert d.turns[0].language == "zh"
    assert d.warnings == ["language tag not known: 德顿语 (taken as zh)"]
