"""Presidential statements of the Security Council (S/PRST/…): our own fixtures in the UN's
style, one with a quotation mark opening every paragraph and an English masthead, one numbered
with a Chinese masthead; the intro in each of its two word orders."""

import pytest
from seedfiles import FIXTURES

from bot.parse import detect_kind, parse_text
from bot.parse.statement import looks_like, parse_statement
from bot.read import read_text

DOCS = FIXTURES / "docs"
QUOTED, NUMBERED = "prst_quoted.txt", "prst_numbered.txt"


@pytest.mark.parametrize("name", [QUOTED, NUMBERED])
def test_statement_is_detected_as_a_statement(name):
    assert detect_kind(read_text(DOCS / name)) == "statement"


@pytest.mark.parametrize("name, kind", [
    ("sc_resolution.txt", "resolution"),  # cites S/PRST/2023/4
    ("record_sc_spaced.txt", "record"),  # the President reads a statement out
    ("sc_record.txt", "record"),
])
def test_documents_that_mention_statements_are_not_statements(name, kind):
    text = read_text(DOCS / name)
    assert not looks_like(text)
    assert detect_kind(text) == kind


def test_statement_kind_symbol_and_body(doc):
    d = doc(QUOTED)
    assert (d.kind, d.symbol, d.doc_id, d.body) == ("statement", "S/PRST/2024/2", "S/PRST/2024/2", "安全理事会")


def test_english_masthead_gives_distribution_and_original_language(doc):
    d = doc(QUOTED)
    assert (d.distributed, d.original_language) == ("2024-02-27", "en")


def test_chinese_masthead_gives_distribution_and_original_language(doc):
    d = doc(NUMBERED)
    assert (d.distributed, d.original_language) == ("2023-11-08", "fr")


@pytest.mark.parametrize("name, date, meeting", [
    (QUOTED, "2024-02-27", "第9561次会议"),  # 安全理事会2024年2月27日第9561次会议在审议…
    (NUMBERED, "2023-11-08", "第9470次会议"),  # 在2023年11月8日举行的安全理事会第9470次会议上…
])
def test_intro_in_either_word_order_gives_date_and_meeting(doc, name, date, meeting):
    d = doc(name)
    assert (d.date, d.meeting) == (date, meeting)


def test_title_is_the_item_under_consideration(doc):
    assert (doc(QUOTED).title, doc(QUOTED).facts["item"]) == ("湖区局势", "湖区局势")
    assert doc(NUMBERED).title == "维持国际和平与安全：气候与安全"


def test_intro_is_a_fact_not_a_paragraph(doc):
    d = doc(QUOTED)
    assert d.facts["intro"].endswith("安全理事会主席代表安理会发表如下声明：")
    assert not any("发表如下声明" in p.text for p in d.paragraphs)


def test_paragraphs_are_body_labelled_in_order(doc):
    d = doc(QUOTED)
    assert [(p.section, p.label) for p in d.paragraphs] == [("body", f"¶{k}") for k in range(1, 6)]


def test_wrapper_quote_on_every_paragraph_is_taken_off(doc):
    d = doc(QUOTED)
    assert d.facts["quoted"] is True
    assert d.paragraphs[0].text == "安全理事会重申对湖区各国主权、独立、统一和领土完整的坚定承诺。"
    assert d.paragraphs[-1].text == "安全理事会将继续积极处理此案。"


def test_quotation_inside_a_paragraph_stays(doc):
    assert doc(QUOTED).paragraphs[1].text.startswith("安全理事会欢迎“湖区和平框架”于2024年1月签署")


def test_numbered_paragraphs_keep_their_number_and_lose_the_wrapper(doc):
    d = doc(NUMBERED)
    assert [p.number for p in d.paragraphs] == [1, 2, 3, 4]
    assert d.paragraphs[0].text == "安全理事会确认气候变化的不利影响可能加剧某些地区的不稳定。"
    assert d.paragraphs[-1].text == "安全理事会决定继续审议这一问题。"
    assert "“以行动促维和”" in d.paragraphs[1].text


def test_statement_without_wrapper_quotes_is_kept_as_written():
    d = parse_statement("安全理事会主席的声明\n\n在2022年5月3日举行的安全理事会第9025次会议上，安理会在审议题为“和平行动”的项目时，"
                        "安全理事会主席代表安理会发表如下声明：\n\n安全理事会重申其承诺。\n\n“以行动促维和”倡议仍然重要。\n")
    assert d.facts["quoted"] is False
    assert [p.text for p in d.paragraphs] == ["安全理事会重申其承诺。", "“以行动促维和”倡议仍然重要。"]


def test_statement_in_traditional_script_is_a_statement():
    text = ("聯合國 S/PRST/2021/9\n\n安全理事會主席的聲明\n\n在2021年5月7日舉行的安全理事會第8770次會議上，安理會在審議題為"
            "「非洲和平與安全」的項目時，安全理事會主席代表安理會發表如下聲明：\n\n「安全理事會重申其承諾。」\n")
    d = parse_text(text, "prst.txt")
    assert (d.kind, d.symbol, d.date, d.meeting is not None) == ("statement", "S/PRST/2021/9", "2021-05-07", True)
    assert [p.text for p in d.paragraphs] == ["安全理事會重申其承諾。"]
