"""Golden expectations: what the parser must get from each of the four seeds."""

from seedfiles import LETTER, RECORD, RES_75_268, RES_75_276


def labels(doc, section, annex=None):
    return [p.label for p in doc.paragraphs if p.section == section and p.annex == annex]


# -- resolution 75/276 -----------------------------------------------------------------


def test_75_276_header_facts(seed):
    d = seed(RES_75_276)
    assert (d.kind, d.symbol, d.body, d.session, d.agenda_item) == ("resolution", "A/RES/75/276", "大会", 75, "130(t)")
    assert d.title == "联合国同集体安全条约组织的合作"
    assert d.date == "2021-04-28"
    assert d.distributed == "2021-04-29"
    assert d.meeting == "第62次全体会议"
    assert d.adoption == "未经发交主要委员会而通过"
    assert d.drafts == ["A/75/L.78", "A/75/L.78/Add.1"]


def test_75_276_has_nine_operative_paragraphs_in_order(seed):
    d = seed(RES_75_276)
    assert labels(d, "operative") == [f"OP{i}" for i in range(1, 10)]
    assert [p.number for p in d.paragraphs if p.section == "operative"] == list(range(1, 10))


def test_75_276_has_fifteen_preambular_paragraphs_as_officially_numbered(seed):
    assert labels(seed(RES_75_276), "preamble") == [f"PP{i}" for i in range(1, 16)]


def test_merged_recitals_are_split_where_a_new_recital_opens(seed):
    pp = {p.label: p.text for p in seed(RES_75_276).paragraphs if p.section == "preamble"}
    assert pp["PP3"].startswith("又提及 2004 年 12 月 2 日第 59/50 号决议") and pp["PP3"].endswith("观察员地位,")
    assert pp["PP4"].startswith("还提及题为") and pp["PP4"].endswith("宣言》,²")
    assert pp["PP5"].startswith("提及安全理事会以往所有相关决议")


def test_the_paragraph_the_record_quotes_as_pp7_is_pp7(seed):
    """S/PV.8967 quotes "大会第75/276号决议序言部分第七段": the 多功能机构 recital."""
    pp7 = next(p for p in seed(RES_75_276).paragraphs if p.label == "PP7")
    assert "多功能机构" in pp7.text


def test_operative_verbs_are_found(seed):
    verbs = [p.verb for p in seed(RES_75_276).paragraphs if p.section == "operative"]
    assert verbs == ["表示赞赏地注意到", "赞赏地注意到", "欢迎", "邀请", "邀请", "邀请", "鼓励", "请", "决定"]


def test_paragraph_split_by_page_break_and_footnotes_is_one_paragraph(seed):
    d = seed(RES_75_276)
    joined = [p for p in d.paragraphs if "包括 2010 年 1 月 13 日³ 和 2013 年8月6日⁴的声明" in p.text]
    assert len(joined) == 1
    assert joined[0].footnotes == [3, 4]  # ² closes the recital before it (PP4)
    assert not any(p.text.startswith("8月6日") for p in d.paragraphs)


def test_footnotes_are_records_not_paragraphs(seed):
    d = seed(RES_75_276)
    assert [f.marker for f in d.footnotes] == [1, 2, 3, 4, 5, 6, 7]
    assert d.footnotes[0].text == "A/75/345-S/2020/898。"
    assert not any(p.text.startswith(("¹", "²", "⁷")) for p in d.paragraphs)


def test_markdown_residue_is_removed(seed):
    text = "".join(p.text for p in seed(RES_75_276).paragraphs)
    assert "](#)" not in text and "\\(" not in text and "[" not in text
    assert "第 1631(2005) 号决议" in text


def test_superscripts_do_not_disturb_search_text():
    from bot.text import fold

    assert fold("的报告,¹") == "的报告,"
    assert fold("《联合国全球反恐战略》⁵和") == "《联合国全球反恐战略》和"


# -- resolution 75/268 -----------------------------------------------------------------


def test_75_268_has_five_operative_paragraphs_with_bold_verbs_stripped(seed):
    d = seed(RES_75_268)
    ops = [p for p in d.paragraphs if p.section == "operative"]
    assert [p.label for p in ops] == ["OP1", "OP2", "OP3", "OP4", "OP5"]
    assert [p.verb for p in ops] == ["承认", "强调", "提议", "请", "决定"]
    assert not any("**" in p.text for p in d.paragraphs)


def test_75_268_header_and_trailer(seed):
    d = seed(RES_75_268)
    assert (d.symbol, d.session, d.agenda_item, d.date, d.meeting) == (
        "A/RES/75/268", 75, "130(s)", "2021-03-25", "第58次全体会议")
    assert d.drafts == ["A/75/L.69", "A/75/L.69/Add.1"]
    assert len(labels(d, "preamble")) == 23


def test_footnote_after_the_trailer_is_still_a_footnote(seed):
    d = seed(RES_75_268)
    assert [f.marker for f in d.footnotes] == [1, 2, 3, 4, 5, 6]
    assert d.footnotes[-1].text.startswith("2017 年 6 月 9 日在阿斯塔纳签署")


# -- letter ----------------------------------------------------------------------------


def test_letter_facts(seed):
    d = seed(LETTER)
    assert d.kind == "letter" and d.symbol is None
    assert d.doc_id == "letter-2009-07-14"
    assert d.facts["sender"] == "俄罗斯联邦常驻联合国代表"
    assert d.facts["addressee"] == "秘书长"
    assert d.facts["signatory"] == "维塔利·丘尔金"
    assert (d.date, d.distributed, d.original_language, d.session) == ("2009-07-14", "2009-08-11", "ru", 64)
    assert "请求在大会第六十四届会议议程内列入" in d.facts["request"]


def test_letter_annex_one_is_six_explanatory_paragraphs(seed):
    assert labels(seed(LETTER), "explanatory", "I") == [f"Annex I {i}" for i in range(1, 7)]


def test_letter_draft_resolution_in_annex_two_has_five_operative_paragraphs(seed):
    d = seed(LETTER)
    assert labels(d, "operative", "II") == [f"Annex II OP{i}" for i in range(1, 6)]
    assert labels(d, "preamble", "II") == [f"Annex II PP{i}" for i in range(1, 6)]


def test_letter_body_stops_at_the_signature(seed):
    d = seed(LETTER)
    assert labels(d, "body") == ["L1", "L2", "L3"]
    assert not any("签名" in p.text for p in d.paragraphs)


# -- verbatim record -------------------------------------------------------------------

STATEMENT_MAKERS = [
    ("韦尔希宁先生", "俄罗斯联邦"), ("安东尼奥·古特雷斯先生", None), ("扎斯先生", "集体安全条约组织"),
    ("卡里乌基先生", "联合王国"), ("德里维埃先生", "法国"), ("阿吉曼先生", "加纳"),
    ("德劳伦蒂斯先生", "美利坚合众国"), ("基博伊诺先生", "肯尼亚"), ("蒂鲁穆尔蒂先生", "印度"),
    ("伯恩·内森女士", "爱尔兰"), ("小科斯塔先生", "巴西"), ("张军先生", "中国"), ("比昂先生", "加蓬"),
    ("德拉富恩特·拉米雷斯先生", "墨西哥"), ("Dautllari女士", "阿尔巴尼亚"), ("阿布沙哈卜先生", "阿拉伯联合酋长国"),
    ("黑梅尔巴克女士", "挪威"), ("马尔加良先生", "亚美尼亚"), ("伊利亚索夫先生", "哈萨克斯坦"),
    ("卡西马列娃夫人", "吉尔吉斯斯坦"), ("雷巴科夫先生", "白俄罗斯"), ("希克马特先生", "塔吉克斯坦"),
]


def test_record_has_22_statement_makers_in_order_tajikistan_last(seed):
    d = seed(RECORD)
    assert [(s.name, s.country) for s in d.speakers] == STATEMENT_MAKERS


def test_record_facts(seed):
    d = seed(RECORD)
    assert (d.symbol, d.date, d.body) == ("S/PV.8967", "2022-02-16", "安全理事会")
    assert (d.facts["opened"], d.facts["closed"]) == ("11:05", "13:15")
    assert d.facts["agenda"][-1] == "联合国同集体安全条约组织的合作"


def test_page_furniture_is_dropped_and_gives_symbol_and_date():
    from bot.parse.layout import read_lines, strip_page_furniture

    lines, heads = strip_page_furniture(read_lines("正文。\n22-25946  15/20\n\n16/02/2022 联合国同集体安全条约组织的合作 S/PV.8967 \n"))
    assert [ln.text for ln in lines if ln.text] == ["正文。"]
    assert (heads[0].symbol, heads[0].date) == ("S/PV.8967", "2022-02-16")


def turn_of(doc, name):
    return next(i for i, t in enumerate(doc.turns) if doc.speakers[t.speaker].name == name)


def test_chinese_delegate_without_language_tag_speaks_chinese(seed):
    d = seed(RECORD)
    t = turn_of(d, "张军先生")
    assert d.turns[t].language == "zh"
    assert {p.language for p in d.paragraphs if p.turn == t and p.section == "statement"} == {"zh"}


def test_header_broken_inside_language_tag(seed):
    d = seed(RECORD)
    assert d.turns[turn_of(d, "德拉富恩特·拉米雷斯先生")].language == "es"
    assert d.turns[turn_of(d, "阿布沙哈卜先生")].language == "en"
    first = next(p for p in d.paragraphs if p.turn == turn_of(d, "阿布沙哈卜先生"))
    assert first.text.startswith("我要感谢俄罗斯联邦组织这次会议。")


def test_latin_script_name(seed):
    d = seed(RECORD)
    s = d.speakers[d.turns[turn_of(d, "Dautllari女士")].speaker]
    assert (s.honorific, s.country) == ("女士", "阿尔巴尼亚")


def test_header_at_page_break_after_leading_space(seed):
    d = seed(RECORD)
    t = turn_of(d, "小科斯塔先生")
    assert d.turns[t].line == 836
    previous = [p for p in d.paragraphs if p.turn == t - 1 and p.section == "statement"]
    assert previous[-1].text.endswith("做得更好。")


def test_language_switch_inside_a_statement(seed):
    d = seed(RECORD)
    sg = [p for p in d.paragraphs if p.turn == 1]
    switch = next(i for i, p in enumerate(sg) if p.note == "language")
    assert {p.language for p in sg[:switch]} == {"en"}
    assert {p.language for p in sg[switch + 1 :]} == {"fr"}
    assert sg[switch + 1].text.startswith("我所讨论的三个领域")


def test_president_in_national_capacity(seed):
    d = seed(RECORD)
    chair = [p for p in d.paragraphs if p.speaker == 0 and p.section == "statement"]
    national = [p for p in chair if p.capacity == "national"]
    assert national[0].text == "我现在以俄罗斯联邦副外长的身份发言。"
    assert national[-1].text.startswith("我们这方面要表示")
    assert {p.country for p in national} == {"俄罗斯联邦"}
    resumed = next(p for p in chair if "恢复行使安理会主席的职能" in p.text)
    assert resumed.capacity == "chair" and resumed.country is None
    assert sum(1 for s in d.speakers if s.role == "主席") == 1


def test_word_split_by_blank_line_at_page_break_is_joined(seed):
    text = [p.text for p in seed(RECORD).paragraphs]
    assert any("预防冲突和维持和平努力方面" in t for t in text)
    assert any("加强中亚区域的禁毒安全" in t for t in text)
    assert not any(t.startswith(("突和维持", "的禁毒安全")) for t in text)


def test_procedural_lines_are_typed_notes(seed):
    notes = {p.note for p in seed(RECORD).paragraphs if p.section == "procedure"}
    assert {"opened", "closed", "agenda", "language"} <= notes
    assert all(p.speaker is None for p in seed(RECORD).paragraphs if p.section == "procedure")


def test_hard_wrapped_lines_join_without_spaces_between_cjk(seed):
    first = next(p for p in seed(RECORD).paragraphs if p.section == "statement")
    assert first.text == "根据安理会暂行议事规则第37条，我邀请亚美尼亚、白俄罗斯、哈萨克斯坦、吉尔吉斯斯坦和塔吉克斯坦代表参加本次会议。"


def test_latin_words_keep_their_space_when_joined():
    from bot.text import join_wrapped

    assert join_wrapped(["the Collective", "Security Treaty"]) == "the Collective Security Treaty"
    assert join_wrapped(["集体安", "全条约"]) == "集体安全条约"
