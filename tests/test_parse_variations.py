"""Resolutions of other eras and layouts than the seeds', from UN-style fixtures of our own
(tests/fixtures/docs/res_*.txt), and plain documents no grammar knows."""

import pytest
from seedfiles import FIXTURES

from bot.parse import parse_text

DOCS = FIXTURES / "docs"


def labels(doc, section):
    return [p.label for p in doc.paragraphs if p.section == section]


@pytest.mark.parametrize(
    ("name", "symbol", "date", "meeting", "pp", "op"),
    [
        ("res_sc_adoption_council_first.txt", "S/RES/2901 (2023)", "2023-12-18", "第9512次会议", 3, 6),
        ("res_ga_1966_chinese_numerals.txt", "A/RES/2159 (XXI)", "1966-11-17", "第1499次全体会议", 3, 5),
        ("res_sc_1948_unnumbered.txt", "S/RES/48 (1948)", "1948-04-23", "第287次会议", 2, 3),
        ("res_ga_lettered_parts.txt", "A/RES/50/28", "1995-12-11", "第96次全体会议", 3, 5),
        ("res_ga_pasted_one_per_line.txt", "A/RES/74/21", "2019-11-05", "第32次全体会议", 5, 3),
        ("res_ga_traditional.txt", "A/RES/78/99", "2023-12-07", "第45次全體會議", 3, 3),
        ("res_ga_annexed_declaration.txt", "A/RES/79/7", "2024-10-03", "第20次全体会议", 2, 2),
        ("res_hardwrapped_no_blank_lines.txt", "A/RES/77/150", "2022-12-14", "第54次全体会议", 3, 4),
    ],
)
def test_each_resolution_variation_gives_its_symbol_date_meeting_and_counts(doc, name, symbol, date, meeting, pp, op):
    d = doc(name)
    assert (d.kind, d.symbol, d.date, d.meeting) == ("resolution", symbol, date, meeting)
    assert (len(labels(d, "preamble")), len(labels(d, "operative"))) == (pp, op)


def test_adoption_line_with_the_council_first_gives_date_and_meeting(doc):
    d = doc("res_sc_adoption_council_first.txt")
    assert d.body == "安全理事会" and d.title == "第2901(2023)号决议"


def test_chinese_numeral_numbers_give_a_roman_session_symbol(doc):
    d = doc("res_ga_1966_chinese_numerals.txt")
    assert (d.symbol, d.session, d.title) == ("A/RES/2159 (XXI)", 21, "和平利用外层空间的国际合作")


def test_operative_paragraphs_numbered_with_chinese_numerals_and_jia_yi_items(doc):
    d = doc("res_ga_1966_chinese_numerals.txt")
    assert labels(d, "operative") == ["OP1", "OP2", "OP2(甲)", "OP2(乙)", "OP3"]
    assert [p.verb for p in d.paragraphs if p.label in ("OP1", "OP3")] == ["赞赏地注意到", "请"]


def test_unnumbered_operative_part_starts_where_the_recitals_end(doc):
    d = doc("res_sc_1948_unnumbered.txt")
    assert labels(d, "preamble") == ["PP1", "PP2"]
    assert [(p.label, p.verb) for p in d.paragraphs if p.section == "operative"] == [
        ("OP1", "决定"), ("OP2", "请"), ("OP3", "吁请")]


def test_council_number_and_date_in_chinese_numerals(doc):
    d = doc("res_sc_1948_unnumbered.txt")
    assert (d.symbol, d.date, d.meeting) == ("S/RES/48 (1948)", "1948-04-23", "第287次会议")


def test_lettered_parts_label_their_paragraphs_and_keep_their_titles(doc):
    d = doc("res_ga_lettered_parts.txt")
    assert labels(d, "operative") == ["A OP1", "A OP2", "B OP1", "B OP2", "B OP3"]
    assert [p.part for p in d.paragraphs] == ["A"] * 4 + ["B"] * 4
    assert d.facts["parts"] == [{"part": "A", "title": "筹资机制的审查"}, {"part": "B", "title": "小岛屿发展中国家的筹资"}]
    assert "agenda_title" not in d.facts


def test_site_chrome_before_and_after_a_pasted_resolution_is_left_out(doc):
    d = doc("res_ga_pasted_one_per_line.txt")
    text = "".join(p.text for p in d.paragraphs) + d.title + str(d.facts)
    for chrome in ("首页", "当前位置", "分享到", "版权所有", "网站地图"):
        assert chrome not in text
    assert any("left out" in w for w in d.warnings)


def test_one_paragraph_per_line_without_blank_lines_gives_each_paragraph(doc):
    d = doc("res_ga_pasted_one_per_line.txt")
    assert [p.text[:4] for p in d.paragraphs if p.section == "preamble"] == ["审议了秘", "回顾其以", "强调《联", "欢迎各国", "注意到海"]


def test_footnote_digits_glued_to_text_become_footnote_references(doc):
    d = doc("res_ga_pasted_one_per_line.txt")
    pp = {p.label: p for p in d.paragraphs}
    assert pp["PP1"].text.endswith("报告,¹") and pp["PP1"].footnotes == [1]
    assert "公约》²的" in pp["PP3"].text and pp["PP3"].footnotes == [2]
    assert [(f.marker, f.text) for f in d.footnotes] == [(1, "A/74/350。"), (2, "联合国，《条约汇编》，第1833卷，第31363号。")]


def test_digits_after_punctuation_that_are_not_footnotes_stay_digits():
    text = "大会，\n\n回顾其决议，2个委员会的报告，\n\n1. 决定继续审议。\n"
    d = parse_text(text, "x.txt")
    assert d.paragraphs[0].text == "回顾其决议，2个委员会的报告，"


def test_traditional_script_is_detected_and_kept_as_published(doc):
    d = doc("res_ga_traditional.txt")
    assert d.title == "聯合國同區域組織的合作"
    assert d.paragraphs[0].text == "審議了秘書長關於聯合國同各區域組織合作的報告，"
    assert [p.verb for p in d.paragraphs if p.section == "operative"] == ["欢迎", "请", "决定"]
    assert (d.agenda_item, d.drafts, d.facts["script"]) == ("124", ["A/78/L.25"], "Hant")


def test_an_adopted_annex_keeps_its_own_paragraphs(doc):
    d = doc("res_ga_annexed_declaration.txt")
    annex = [p for p in d.paragraphs if p.section == "annex"]
    assert [p.label for p in annex] == ["Annex ¶1", "Annex 1", "Annex 2", "Annex 3", "Annex 4"]
    assert d.facts["annex_title"] == "关于山区可持续发展的宣言"


def test_hard_wrapped_text_without_blank_lines_joins_each_paragraph(doc):
    d = doc("res_hardwrapped_no_blank_lines.txt")
    pp = [p.text for p in d.paragraphs if p.section == "preamble"]
    assert pp[0] == "回顾其关于农业技术促进可持续发展的各项决议，特别是第75/209号决议，"
    assert pp[2].endswith("并强调必须向发展中国家转让适当技术，")


def test_plain_document_keeps_paragraphs_title_and_date(doc):
    d = doc("plain_press_release.txt")
    assert d.kind == "document" and d.date == "2024-01-15"
    assert len(d.paragraphs) == 6 and d.paragraphs[3].text.startswith("安全理事会今天举行会议")


def test_numbering_that_jumps_is_a_warning():
    d = parse_text("大会，\n\n回顾其决议，\n\n1. 决定甲；\n\n2. 决定乙；\n\n4. 决定丁。\n", "x.txt")
    assert [p.label for p in d.paragraphs if p.section == "operative"] == ["OP1", "OP2", "OP4"]
    assert "operative numbering jumps from 2 to 4" in d.warnings


def test_opener_and_first_recital_on_one_line():
    d = parse_text("75/9. 标题\n大会，回顾其以往的决议，\n注意到报告，\n1. 决定继续审议。\n", "x.txt")
    assert (d.kind, [p.label for p in d.paragraphs]) == ("resolution", ["PP1", "PP2", "OP1"])


def test_form_feeds_give_each_paragraph_its_page():
    d = parse_text("大会，\n\n回顾其决议，\n\f注意到报告，\n\n1. 决定继续审议。\n", "x.txt")
    assert [(p.label, p.page) for p in d.paragraphs] == [("PP1", 1), ("PP2", 2), ("OP1", 2)]


def test_site_chrome_around_a_pasted_letter_is_left_out(doc):
    d = doc("letter_pasted_with_chrome.txt")
    assert (d.kind, d.date, d.facts["signatory"]) == ("letter", "2024-06-03", "李明")
    assert [p.label for p in d.paragraphs] == ["L1", "L2"]
    assert d.title == "2024年6月3日湖国常驻联合国代表给秘书长的信"
    assert any("signature" in w for w in d.warnings)


def test_recycling_line_and_lone_page_numbers_are_not_paragraphs():
    text = "75/9. 标题\n\n大会，\n\n回顾其以往决议，\n\n请回收\n\n2/3\n\nPlease recycle ♲\n\n1. 决定继续审议。\n"
    d = parse_text(text, "x.txt")
    assert [p.text for p in d.paragraphs] == ["回顾其以往决议，", "决定继续审议。"]


def test_dot_leader_lines_do_not_widen_the_column():
    """A members' list with dot leaders is as wide as the page; it must not make every full
    line of the speech look short, or a page break inside a statement splits it."""
    lines = [f"{c} {'.' * 60} {n}先生" for c, n in
             [("中国", "张伟"), ("法国", "李安"), ("美国", "史密斯"), ("英国", "琼斯")]]
    speech = "湖国代表团感谢秘书长的通报并欢迎各方为缓和局势所作的努力。我们呼吁安理会支持区域预警机制，并愿与各方合作。"
    turn = "张伟先生（中国）：" + speech
    wrapped = [turn[i:i + 20] for i in range(0, len(turn), 20)]
    # A page break (a blank line) after the second full line, inside the statement.
    text = "\n".join(["成员：" + lines[0], *lines[1:], "", "上午10时开会。", "",
                      *wrapped[:2], "", *wrapped[2:], "", "下午1时散会。"])
    d = parse_text(text, "S_PV.9990.txt")
    assert [p.text for p in d.paragraphs if p.section == "statement"] == [speech]


def test_summary_of_a_plain_document_gives_its_sentences(tmp_path):
    from bot.answers.summary import summarise
    from bot.ingest import ingest
    from bot.store import Store

    store = Store(tmp_path / "p.db")
    ingest([DOCS / "plain_press_release.txt"], store)
    s = summarise(store, "plain_press_release.txt")
    assert s["kind"] == "document" and s["headline"].endswith("新闻稿 SC/15555")
    assert s["points"][3] == {"label": "¶4", "text": "安全理事会今天举行会议，听取了秘书长特别代表关于北河流域局势的通报。"}


def test_a_simplified_text_is_left_as_published(seed):
    """OpenCC's phrase table turns 借此 into 藉此; a Simplified document must not change."""
    from seedfiles import RECORD

    d = seed(RECORD)
    assert any("我也借此机会祝贺集安" in p.text for p in d.paragraphs)
    assert "script" not in d.facts


def test_a_record_named_by_its_file_gets_its_body_from_the_symbol():
    d = parse_text("上午10时开会。\n\n主席：我宣布会议开始。\n\n张伟先生（中国）：我们支持和平进程。\n\n下午1时散会。\n", "S_PV.9990.txt")
    assert (d.kind, d.symbol, d.body) == ("record", "S/PV.9990", "安全理事会")


@pytest.mark.parametrize(
    ("name", "symbol", "language"),
    [("A_RES_73_8-EN.txt", "A/RES/73/8", "en"), ("S_PV.8967_zh.pdf", "S/PV.8967", "zh"),
     ("A_RES_75_276.docx", "A/RES/75/276", None), ("notes-fr.html", None, "fr")],
)
def test_file_names_give_symbol_and_language_version(name, symbol, language):
    from bot.parse import language_from_filename, symbol_from_filename

    assert (symbol_from_filename(name), language_from_filename(name)) == (symbol, language)


def test_a_version_in_another_language_has_an_id_of_its_own():
    text = "新闻稿\n\n安全理事会今天举行会议。\n"
    assert parse_text(text, "S_2024_1-EN.txt").doc_id == "S/2024/1@en"
    assert parse_text(text, "S_2024_1.txt").doc_id == "S/2024/1"
    assert parse_text(text, "S_2024_1.txt").language == "zh"
