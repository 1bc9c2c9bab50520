"""Documents of the seeds' families that are not the seeds: written for these tests in the
UN's style (tests/fixtures/docs/), to show the grammars are general, not seed patches."""

import pytest
from seedfiles import FIXTURES

from bot.parse import citations
from bot.text import fold

DOCS = FIXTURES / "docs"


def labels(d, section=None):
    return [p.label for p in d.paragraphs if section in (None, p.section)]


# A General Assembly resolution adopted on a Main Committee's report.


def test_ga_resolution_on_a_committee_report_header(doc):
    d = doc("ga_resolution_committee.txt")
    assert (d.kind, d.symbol, d.body, d.session, d.agenda_item) == ("resolution", "A/RES/79/512", "大会", 79, "68(b)")
    assert (d.date, d.distributed, d.meeting) == ("2024-12-17", "2024-12-20", "第54次全体会议")
    assert d.adoption == "根据第三委员会的报告通过"
    assert d.drafts == ["A/79/456/Add.2"]
    assert d.title == "土著语言数字档案的保护与传承"


def test_masthead_is_not_taken_for_a_title(doc):
    assert "agenda_title" not in doc("ga_resolution_committee.txt").facts


def test_sub_paragraphs_are_labelled_under_their_operative_paragraph(doc):
    d = doc("ga_resolution_committee.txt")
    assert labels(d, "operative") == ["OP1", "OP2", "OP2(a)", "OP2(b)", "OP2(c)", "OP3", "OP4", "OP5"]
    assert [p.verb for p in d.paragraphs if p.label in ("OP1", "OP2", "OP3", "OP4", "OP5")] == [
        "欢迎", "鼓励", "请", "又请", "决定"]


def test_paragraph_split_by_footnotes_and_page_break_is_whole_and_cites_its_note(doc):
    d = doc("ga_resolution_committee.txt")
    pp3 = next(p for p in d.paragraphs if p.label == "PP3")
    assert "缺乏统一的保存标准，其中相当一部分面临损毁的风险，" in pp3.text
    assert pp3.footnotes == [3]
    assert labels(d, "preamble") == ["PP1", "PP2", "PP3", "PP4"]


def test_fixture_footnotes_and_their_citations(doc):
    d = doc("ga_resolution_committee.txt")
    assert [f.marker for f in d.footnotes] == [1, 2, 3]
    cited = {c.symbol for c in citations(d)}
    assert {"A/RES/74/135", "A/RES/61/295", "A/78/53", "A/79/160"} <= cited


# A Security Council resolution, hard-wrapped, with page furniture.


def test_council_resolution_header(doc):
    d = doc("sc_resolution.txt")
    assert (d.symbol, d.body, d.date, d.distributed, d.meeting) == (
        "S/RES/2999 (2024)", "安全理事会", "2024-03-01", "2024-03-04", "第9999次会议")
    assert d.title == "第2999(2024)号决议"


def test_council_resolution_structure(doc):
    d = doc("sc_resolution.txt")
    assert labels(d, "preamble") == [f"PP{i}" for i in range(1, 7)]
    assert labels(d, "operative") == ["OP1", "OP2", "OP2(a)", "OP2(b)", "OP2(c)", "OP3", "OP4"]
    assert d.paragraphs[-1].text == "决定继续积极处理此案。"


def test_job_number_and_running_head_are_not_text(doc):
    text = "".join(p.text for p in doc("sc_resolution.txt").paragraphs)
    assert "24-04123" not in text
    assert "S/RES/2999" not in text


def test_paragraph_broken_by_a_page_is_joined_across_the_job_number(doc):
    pp3 = doc("sc_resolution.txt").paragraphs[2]
    assert pp3.text == "表示严重关切湖区北部的人道主义局势，特别是境内流离失所者人数持续增加，以及对人道主义人员的袭击，"


def test_wrapped_symbol_list_is_cited(doc):
    cited = {c.symbol for c in citations(doc("sc_resolution.txt"))}
    assert {"S/RES/2650 (2022)", "S/RES/2730 (2024)", "S/PRST/2023/4", "S/2024/118"} <= cited


# A Security Council record with its first page.


def test_record_first_page_facts(doc):
    d = doc("sc_record.txt")
    assert (d.symbol, d.body, d.session, d.date, d.meeting) == ("S/PV.9998", "安全理事会", 79, "2024-05-14", "第9998次会议")
    assert (d.facts["president"], d.facts["presidency"]) == ("杜邦先生", "法国")
    assert d.facts["members"]["莫桑比克"] == "Mbeki-Santos女士"
    assert d.facts["agenda"] == ["维持国际和平与安全", "气候变化与粮食不安全对和平的影响"]
    assert d.title == "气候变化与粮食不安全对和平的影响"
    assert (d.facts["opened"], d.facts["closed"]) == ("10:05", "11:50")


def test_first_page_president_line_is_not_a_turn(doc):
    d = doc("sc_record.txt")
    assert d.turns[0].line > 30
    assert not any("......" in p.text for p in d.paragraphs)


def test_record_speakers_in_order_with_countries_and_languages(doc):
    d = doc("sc_record.txt")
    got = [(d.speakers[t.speaker].name, d.speakers[t.speaker].country, t.language) for t in d.turns]
    assert got == [
        ("杜邦先生", "法国", "fr"),
        ("索萨女士", "联合国粮食及农业组织", "en"),
        ("杜邦先生", "法国", "fr"),
        ("张军先生", "中国", "zh"),
        ("德拉托雷·蒙特罗先生", "厄瓜多尔", "es"),  # tag broken over two lines
        ("Mbeki-Santos女士", "莫桑比克", "en"),  # Latin name, header after a page break
        ("阿卜杜勒拉赫曼先生", "阿拉伯联合酋长国", "ar"),  # country broken over two lines
        ("杜邦先生", "法国", "fr"),
    ]


def test_briefer_affiliation_comes_from_the_invitation(doc):
    sosa = doc("sc_record.txt").speakers[1]
    assert sosa.affiliation == "联合国粮食及农业组织总干事特别代表"


def test_language_switch_applies_to_later_paragraphs_of_the_turn(doc):
    d = doc("sc_record.txt")
    briefing = [p for p in d.paragraphs if p.turn == 1 and p.section == "statement"]
    assert [p.language for p in briefing] == ["en", "es"]


def test_president_in_national_capacity_speaks_for_france(doc):
    d = doc("sc_record.txt")
    last = [p for p in d.paragraphs if p.turn == len(d.turns) - 1 and p.section == "statement"]
    assert [(p.capacity, p.country) for p in last] == [
        ("national", "法国"), ("national", "法国"), ("chair", None), ("chair", None)]


def test_record_notes_are_typed(doc):
    d = doc("sc_record.txt")
    notes = [p.note for p in d.paragraphs if p.section == "procedure"]
    assert notes == ["opened", "agenda", "agenda", "agenda", "agenda", "language", "closed"]


# A letter to the President of the Security Council with a single, unnumbered annex.


def test_letter_symbol_comes_from_its_masthead(doc):
    d = doc("letter_to_council.txt")
    assert (d.kind, d.symbol, d.body, d.distributed, d.original_language) == (
        "letter", "S/2024/432", "安全理事会", "2024-06-05", "en")


def test_letter_sender_addressee_and_signature_before_the_name(doc):
    f = doc("letter_to_council.txt").facts
    assert (f["letter_date"], f["sender"], f["addressee"], f["signatory"]) == (
        "2024-06-03", "瑙鲁常驻联合国代表", "安全理事会主席", "玛格丽特·阿德昂")


def test_single_annex_headed_by_the_letter_it_belongs_to(doc):
    d = doc("letter_to_council.txt")
    assert d.facts["annexes"] == [{"annex": "I", "title": "太平洋岛国海洋安全部长级对话联合声明", "paragraphs": 4}]
    assert labels(d) == ["L1", "L2", "Annex I ¶1", "Annex I 1", "Annex I 2", "Annex I 3"]


def test_fixture_text_folds_for_search(doc):
    p = doc("letter_to_council.txt").paragraphs[-1]
    assert fold("區域海洋監測中心") in fold(p.text)


# The fixtures answer through the same commands as the seeds.


@pytest.fixture(scope="module")
def plenary(tmp_path_factory):
    from bot.ingest import ingest
    from bot.service import Plenary
    from bot.store import Store

    store = Store(tmp_path_factory.mktemp("fixtures") / "plenary.db")
    report = ingest([DOCS], store)
    assert report.ok, report.failed
    return Plenary(store)


def test_council_resolution_is_found_by_its_chinese_name(plenary):
    card = plenary.doc("第2999（2024）号决议")
    assert card["found"] and card["symbol"] == "S/RES/2999 (2024)"


def test_joint_or_masthead_symbol_finds_the_letter(plenary):
    assert plenary.doc("s/2024/432")["symbol"] == "S/2024/432"


def test_quote_a_latin_named_delegate_from_a_fixture_record(plenary):
    quoted = plenary.quote("mbeki-santos", "预警")["quotes"][0]
    assert quoted["text"] == "我们呼吁安理会支持区域预警机制。"
    assert quoted["attribution"] == "Mbeki-Santos女士（莫桑比克），以英语发言——S/PV.9998，2024年5月14日，¶15"


def test_joint_letter_masthead_agenda_and_title(doc):
    d = doc("letter_joint.txt")
    assert (d.symbol, d.facts["joint_symbols"], d.session, d.agenda_item) == ("A/79/345", ["S/2024/650"], 79, "32")
    assert d.title == "预防武装冲突"
    assert d.facts["signatory"] == "让-保罗·韦伯"


def test_joint_symbol_finds_the_letter_by_either_half(plenary):
    assert plenary.doc("S/2024/650")["symbol"] == plenary.doc("A/79/345")["symbol"] == "A/79/345"


def test_lone_annex_heading_and_wrapped_annex_paragraphs(doc):
    d = doc("letter_joint.txt")
    annex = [p for p in d.paragraphs if p.annex == "I"]
    assert [p.number for p in annex] == [1, 2]
    assert annex[0].text.endswith("及早开展调解比危机爆发后的干预成本更低、效果更好。")
