"""The readers: PDF, Word, web pages and text → text the parser takes, told apart by
content. Fixtures in tests/fixtures/formats/ are made by tests/fixtures/make_formats.py
from the text fixtures in tests/fixtures/docs/."""

import dataclasses
import re
import zipfile

import pytest
from seedfiles import FIXTURES

from bot.model import ParseError
from bot.parse import parse_text
from bot.read import ReadError, Source, read_source

FORMATS = FIXTURES / "formats"
DOCS = FIXTURES / "docs"
CJK_SPACE = re.compile(r"[\u4e00-\u9fff，。；：、（）《》“”] +[\u4e00-\u9fff，。；：、（）《》“”]")


def flat(text: str) -> str:
    """The text with line breaks undone (CJK wraps join without a space)."""
    return re.sub(r"\s*\n\s*", "", text)


def lines(text: str) -> list[str]:
    return text.replace("\f", "\n").split("\n")


@pytest.fixture(scope="module")
def read():
    cache = {}

    def load(name):
        if name not in cache:
            cache[name] = read_source(FORMATS / name)
        return cache[name]

    return load


# PDF


def test_pdf_is_read_as_pdf_with_its_page_count(read):
    src = read("sc_record.pdf")
    assert (src.format, src.pages, src.encoding) == ("pdf", 3, None)


def test_pdf_pages_are_separated_by_one_form_feed(read):
    src = read("sc_record.pdf")
    assert src.text.count("\f") == 2
    assert "\f\f" not in src.text


def test_pdf_page_starts_with_its_running_head(read):
    pages = read("sc_record.pdf").text.split("\f")
    assert pages[1].split("\n")[0] == "S/PV.9998 气候变化与粮食不安全对和平的影响 14/05/2024"
    assert pages[2].split("\n")[0] == "14/05/2024 气候变化与粮食不安全对和平的影响 S/PV.9998"


def test_pdf_keeps_masthead_job_number_page_numbers_and_recycle_line(read):
    text = read("sc_resolution.pdf").text
    assert lines(text)[0] == "联 合 国 S/RES/2999 (2024)"
    for furniture in ("24-04123 (C)", "请回收", "2/2 24-04123"):
        assert furniture in lines(text)


def test_pdf_holds_every_paragraph_of_the_fixture(read):
    text = flat(read("sc_resolution.pdf").text)
    for para in ("重申对湖区各国主权、独立、统一和领土完整的坚定承诺，",
                 "表示严重关切湖区北部的人道主义局势，特别是境内流离失所者人数持续增加，以及对人道主义人员的袭击，",
                 "(c) 协助各方监测和核查停火安排的遵守情况；", "4. 决定继续积极处理此案。"):
        assert para in text


def test_pdf_lines_are_hard_wrapped_as_printed(read):
    text = read("sc_resolution.pdf").text
    assert "回顾其以往关于湖区局势的各项决议和主席声明，特别是第\n2650(2022)号" in text


def test_pdf_paragraphs_are_set_apart_by_a_blank_line(read):
    text = read("sc_resolution.pdf").text
    assert "\n\n重申对湖区各国主权、独立、统一和领土完整的坚定承诺，\n\n" in text


def test_pdf_wrapped_lines_of_one_paragraph_have_no_blank_line_between(read):
    text = read("sc_record.pdf").text
    assert "根据安理会暂行议事规则第39条，我邀请\n联合国粮食及农业组织" in text


def test_pdf_has_no_spaces_between_cjk_characters_spread_by_justification(read):
    for name in ("ga_resolution_committee.pdf", "sc_resolution.pdf", "sc_record.pdf", "letter_to_council.pdf"):
        text = read(name).text.replace("联 合 国", "联合国")
        assert not CJK_SPACE.findall(text), name


def test_pdf_footnote_markers_become_superscripts_in_the_text(read):
    text = flat(read("ga_resolution_committee.pdf").text)
    assert "重申《联合国土著人民权利宣言》，¹" in text
    assert "第 54/12号决议，²" in text or "第 54/12 号决议，²" in text
    assert "执行情况的报告，³其中指出" in text


def test_pdf_footnotes_at_the_foot_of_the_page_start_with_their_superscript(read):
    page1 = lines(read("ga_resolution_committee.pdf").text.split("\f")[0])
    assert "¹ 第 61/295 号决议，附件。" in page1
    assert "³ A/79/160。" in page1


def test_pdf_english_words_placed_apart_get_their_spaces(read):
    text = read("en_resolution.pdf").text
    assert "Recalling its resolution 74/135 of 18 December 2019 on" in text
    assert "Reaffirming the United Nations Declaration on the" in text


def test_pdf_english_markers_and_notes_are_superscripts(read):
    text = read("en_resolution.pdf").text
    assert "indigenous languages,¹" in text
    assert "² Resolution 61/295, annex." in lines(text)


def test_pdf_named_txt_is_read_as_pdf():
    assert read_source(FORMATS / "letter_really_pdf.txt").format == "pdf"


def test_pdf_with_only_an_owner_password_is_read():
    src = read_source(FORMATS / "owner_locked.pdf")
    assert "请将本函及其附件作为安全理事会的文件分发为荷。" in flat(src.text)


def test_encrypted_pdf_is_refused():
    with pytest.raises(ReadError, match="an encrypted PDF: remove the password first"):
        read_source(FORMATS / "encrypted.pdf")


def test_scanned_pdf_without_text_layer_is_refused():
    with pytest.raises(ReadError, match="a scanned PDF without a text layer: OCR it first"):
        read_source(FORMATS / "scanned.pdf")


def test_damaged_pdf_is_refused_with_the_reason(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    with pytest.raises(ReadError, match=r"^a damaged PDF \(.+\)$"):
        read_source(bad)


@pytest.mark.parametrize("name", ["ga_resolution_committee", "sc_resolution", "sc_record", "letter_to_council"])
def test_pdf_parses_to_the_same_document_as_its_text_fixture(name):
    pdf = FORMATS / f"{name}.pdf"
    from_pdf = parse_text(read_source(pdf).text, pdf.name)
    from_text = parse_text(read_source(DOCS / f"{name}.txt").text, f"{name}.txt")
    operative = lambda d: [p.label for p in d.paragraphs if p.section == "operative"]
    assert (from_pdf.kind, from_pdf.symbol) == (from_text.kind, from_text.symbol)
    assert operative(from_pdf) == operative(from_text)


def test_pdf_paragraphs_know_their_page():
    pdf = FORMATS / "sc_resolution.pdf"
    doc = parse_text(read_source(pdf).text, pdf.name)
    pages = {p.label: p.page for p in doc.paragraphs}
    assert (pages["OP1"], pages["OP4"]) == (1, 2)


# Word


def test_docx_is_read_as_docx(read):
    assert read("ga_resolution_committee.docx").format == "docx"


def test_docx_paragraphs_one_per_line_with_a_blank_line_between(read):
    text = read("ga_resolution_committee.docx").text
    assert "\n\n大会，\n\n重申《联合国土著人民权利宣言》，¹\n\n" in text


def test_docx_heading_styles_become_markdown_headings(read):
    assert "## 79/512. 土著语言数字档案的保护与传承" in lines(read("ga_resolution_committee.docx").text)


def test_docx_footnote_references_become_superscripts(read):
    assert "执行情况的报告，³其中指出" in read("ga_resolution_committee.docx").text


def test_docx_footnotes_are_appended_as_superscript_lines(read):
    text = read("ga_resolution_committee.docx").text
    assert text.endswith("¹ 第 61/295 号决议，附件。\n\n"
                         "² 见《大会正式记录，第七十八届会议，补编第 53 号》(A/78/53)，第一章。\n\n³ A/79/160。")


def test_docx_superscript_digit_runs_become_superscripts(tmp_path):
    import docx

    d = docx.Document()
    p = d.add_paragraph("见报告，")
    p.add_run("12").font.superscript = True
    p.add_run("其中")
    d.save(tmp_path / "sup.docx")
    assert read_source(tmp_path / "sup.docx").text == "见报告，¹²其中"


def test_docx_tables_are_read_cell_by_cell(read):
    assert "\n\n国家\n\n代表\n\n瑙鲁\n\n玛格丽特·阿德昂\n\n斐济\n\n" in read("letter_to_council.docx").text


def test_docx_explicit_page_break_is_a_form_feed(read):
    src = read("sc_resolution.docx")
    assert src.pages == 2
    assert "特别是妇女和儿童；\f(b) 支持" in src.text


def test_zip_without_a_word_document_is_refused():
    with pytest.raises(ReadError, match="a zip archive, not a Word document"):
        read_source(FORMATS / "not_word.docx")


def test_zip_named_txt_holding_a_word_document_is_read_as_docx(tmp_path):
    p = tmp_path / "resolution.txt"
    p.write_bytes((FORMATS / "sc_resolution.docx").read_bytes())
    assert read_source(p).format == "docx"


def test_word_document_with_no_text_is_refused(tmp_path):
    import docx

    docx.Document().save(tmp_path / "blank.docx")
    with pytest.raises(ReadError, match="no text"):
        read_source(tmp_path / "blank.docx")


# Web pages


def test_html_page_is_read_as_html(read):
    src = read("ga_resolution_committee.html")
    assert (src.format, src.encoding) == ("html", "utf-8")


def test_html_keeps_the_document_text_of_a_wiki_page(read):
    text = read("wikisource_ga_resolution.html").text
    for para in ("大会，", "重申《联合国土著人民权利宣言》，¹", "4. 又请秘书长向大会第八十一届会议提交一份关于本决议执行情况的报告；",
                 "第 54 次全体会议", "³ A/79/160。"):
        assert para in lines(text)


@pytest.mark.parametrize("chrome", ["编辑", "本作品在全世界都属于公有领域", "公有领域", "知识共享", "登录", "导航",
                                    "目录", "分类", "隐私政策", "Cookie", "评论", "取自", "RLCONF", "font-family",
                                    "本决议由大会第三委员会报告通过"])
def test_html_drops_the_wiki_page_chrome(read, chrome):
    assert chrome not in read("wikisource_ga_resolution.html").text


def test_html_headings_become_markdown_headings(read):
    assert "## 79/512. 土著语言数字档案的保护与传承" in lines(read("wikisource_ga_resolution.html").text)


def test_html_sup_digits_become_superscripts(read):
    assert "执行情况的报告，³其中指出" in read("ga_resolution_committee.html").text


def test_html_blocks_are_paragraphs_and_br_a_line_break(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<html><body><div>第一段<br>第二行</div><p>第二\n段</p><ul><li><p>项</p></li></ul></body></html>",
                 encoding="utf-8")
    assert read_source(p).text == "第一段\n第二行\n\n第二段\n\n项"


def test_html_charset_from_http_equiv_meta(read):
    src = read("sc_resolution_gb.html")
    assert (src.format, src.encoding) == ("html", "gb18030")
    assert "重申对湖区各国主权、独立、统一和领土完整的坚定承诺，" in src.text


def test_html_extension_on_plain_text_is_read_as_text(read):
    src = read("letter_really_text.html")
    assert src.format == "text"
    assert src.text == (DOCS / "letter_to_council.txt").read_text(encoding="utf-8")


def test_html_content_in_a_txt_file_is_read_as_html(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("<!DOCTYPE html><html><body><p>安全理事会，</p><script>x()</script></body></html>", encoding="utf-8")
    src = read_source(p)
    assert (src.format, src.text) == ("html", "安全理事会，")


def test_markdown_with_a_few_tags_stays_text(tmp_path):
    p = tmp_path / "doc.md"
    p.write_text("# 决议\n\n大会，<br>\n\n1. **决定**继续处理此案。\n", encoding="utf-8")
    assert read_source(p).format == "text"


# Text and encodings

LETTER = (DOCS / "letter_to_council.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "encoding"), [
    ("letter_utf16le_bom.txt", "utf-16-le"),
    ("letter_utf16be_nobom.txt", "utf-16-be"),
    ("letter_gb18030.txt", "gb18030"),
    ("letter_utf8_bom.md", "utf-8"),
])
def test_text_encodings_are_recognised(name, encoding):
    src = read_source(FORMATS / name)
    assert (src.format, src.encoding, src.text) == ("text", encoding, LETTER)


def test_text_fixture_reads_as_utf8_text():
    src = read_source(DOCS / "sc_record.txt")
    assert (src.format, src.encoding, src.pages) == ("text", "utf-8", None)


def test_text_form_feeds_count_pages(tmp_path):
    p = tmp_path / "paged.txt"
    p.write_text("第一页\f第二页\f第三页", encoding="utf-8")
    assert read_source(p).pages == 3


def test_text_crlf_becomes_lf(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes("大会，\r\n决定。\r\n".encode())
    assert read_source(p).text == "大会，\n决定。\n"


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", "\ufeff \n".encode(), "  \n".encode("utf-16")])
def test_empty_file_is_refused(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    with pytest.raises(ReadError, match="^the file is empty$"):
        read_source(p)


def test_binary_file_is_refused(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with pytest.raises(ReadError, match="^a binary file, not a document$"):
        read_source(p)


def test_old_word_doc_is_refused_with_advice(tmp_path):
    p = tmp_path / "old.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(ReadError, match=r"\.doc.*\.docx"):
        read_source(p)


def test_file_over_the_size_limit_is_refused_naming_size_and_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 3 * 1_048_576)
    with pytest.raises(ReadError, match=r"3 MB.*2 MB.*PLENARY_MAX_FILE_MB"):
        read_source(p, max_bytes=2 * 1_048_576)


def test_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(ReadError, match="can't be opened"):
        read_source(tmp_path / "nowhere.pdf")


# The API


def test_read_error_is_a_parse_error():
    assert issubclass(ReadError, ParseError)


def test_source_is_frozen(read):
    with pytest.raises(dataclasses.FrozenInstanceError):
        read("ga_resolution_committee.html").text = ""  # type: ignore[misc]
    assert {f.name for f in dataclasses.fields(Source)} == {"text", "format", "encoding", "pages"}


def test_every_generated_fixture_is_small():
    assert all(p.stat().st_size < 100_000 for p in FORMATS.iterdir())


def test_not_word_fixture_is_a_zip_without_a_document():
    assert "word/document.xml" not in zipfile.ZipFile(FORMATS / "not_word.docx").namelist()


def test_docx_first_page_header_gives_the_masthead_symbol(tmp_path):
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "S/2024/432"
    d.add_paragraph("2024年6月3日瑙鲁常驻联合国代表给安全理事会主席的信")
    d.add_paragraph("请将本函作为安全理事会的文件分发为荷。")
    path = tmp_path / "letter.docx"
    d.save(path)
    src = read_source(path)
    assert src.text.startswith("S/2024/432\n\n")
    from bot.parse import parse_text

    assert parse_text(src.text, path.name).symbol == "S/2024/432"
