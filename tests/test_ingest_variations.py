"""One ingest over every variation the fixtures hold (text of every family and era, and the
PDF, Word and web versions made from some of them): each is stored with its kind, symbol,
date and counts, and the only refusals are the unreadable files, each with its reason."""

import pytest
from seedfiles import FIXTURES

from bot.check import check_paths
from bot.ingest import ingest
from bot.store import Store

DOCS, FORMATS = FIXTURES / "docs", FIXTURES / "formats"

# file: (format, kind, symbol, date, paragraphs per section)
EXPECTED = {
    "res_sc_adoption_council_first.txt": ("text", "resolution", "S/RES/2901 (2023)", "2023-12-18", {"preamble": 3, "operative": 6}),
    "res_ga_1966_chinese_numerals.txt": ("text", "resolution", "A/RES/2159 (XXI)", "1966-11-17", {"preamble": 3, "operative": 5}),
    "res_sc_1948_unnumbered.txt": ("text", "resolution", "S/RES/48 (1948)", "1948-04-23", {"preamble": 2, "operative": 3}),
    "res_ga_lettered_parts.txt": ("text", "resolution", "A/RES/50/28", "1995-12-11", {"preamble": 3, "operative": 5}),
    "res_ga_pasted_one_per_line.txt": ("text", "resolution", "A/RES/74/21", "2019-11-05", {"preamble": 5, "operative": 3}),
    "res_ga_traditional.txt": ("text", "resolution", "A/RES/78/99", "2023-12-07", {"preamble": 3, "operative": 3}),
    "res_ga_annexed_declaration.txt": ("text", "resolution", "A/RES/79/7", "2024-10-03",
                                       {"preamble": 2, "operative": 2, "annex I annex": 5}),
    "res_hardwrapped_no_blank_lines.txt": ("text", "resolution", "A/RES/77/150", "2022-12-14", {"preamble": 3, "operative": 4}),
    "ga_resolution_committee.txt": ("text", "resolution", "A/RES/79/512", "2024-12-17", {"preamble": 4, "operative": 8}),
    "sc_resolution.txt": ("text", "resolution", "S/RES/2999 (2024)", "2024-03-01", {"preamble": 6, "operative": 7}),
    "letter_to_council.txt": ("text", "letter", "S/2024/432", "2024-06-03", {"body": 2, "annex I explanatory": 4}),
    "letter_joint.txt": ("text", "letter", "A/79/345", "2024-09-02", {"body": 2, "annex I explanatory": 2}),
    "letter_pasted_with_chrome.txt": ("text", "letter", None, "2024-06-03", {"body": 2}),
    "prst_numbered.txt": ("text", "statement", "S/PRST/2023/7", "2023-11-08", {"body": 4}),
    "prst_quoted.txt": ("text", "statement", "S/PRST/2024/2", "2024-02-27", {"body": 5}),
    "record_ga_plenary.txt": ("text", "record", "A/78/PV.71", "2024-03-12", {"procedure": 15, "statement": 9}),
    "record_ocr_1950.txt": ("text", "record", "S/PV.493", "1950-09-14", {"procedure": 6, "statement": 7}),
    "record_sc_spaced.txt": ("text", "record", "S/PV.9630", "2024-06-04", {"procedure": 6, "statement": 14}),
    "record_traditional.txt": ("text", "record", "S/PV.9412", "2023-09-19", {"procedure": 5, "statement": 8}),
    "sc_record.txt": ("text", "record", "S/PV.9998", "2024-05-14", {"procedure": 7, "statement": 14}),
    "plain_press_release.txt": ("text", "document", None, "2024-01-15", {"body": 6}),
    "ga_resolution_committee.pdf": ("pdf", "resolution", "A/RES/79/512", "2024-12-17", {"preamble": 4, "operative": 8}),
    "ga_resolution_committee.docx": ("docx", "resolution", "A/RES/79/512", "2024-12-17", {"preamble": 4, "operative": 8}),
    "ga_resolution_committee.html": ("html", "resolution", "A/RES/79/512", "2024-12-17", {"preamble": 4, "operative": 8}),
    "wikisource_ga_resolution.html": ("html", "resolution", "A/RES/79/512", "2024-12-17", {"preamble": 4, "operative": 8}),
    "sc_resolution.pdf": ("pdf", "resolution", "S/RES/2999 (2024)", "2024-03-01", {"preamble": 6, "operative": 7}),
    "sc_resolution.docx": ("docx", "resolution", "S/RES/2999 (2024)", "2024-03-01", {"preamble": 6, "operative": 7}),
    "sc_resolution_gb.html": ("html", "resolution", "S/RES/2999 (2024)", "2024-03-01", {"preamble": 6, "operative": 7}),
    "sc_record.pdf": ("pdf", "record", "S/PV.9998", "2024-05-14", {"procedure": 7, "statement": 14}),
    "letter_to_council.pdf": ("pdf", "letter", "S/2024/432", "2024-06-03", {"body": 2, "annex I explanatory": 4}),
    "letter_really_pdf.txt": ("pdf", "letter", "S/2024/432", "2024-06-03", {"body": 2, "annex I explanatory": 4}),
    "letter_really_text.html": ("text", "letter", "S/2024/432", "2024-06-03", {"body": 2, "annex I explanatory": 4}),
    "letter_gb18030.txt": ("text", "letter", "S/2024/432", "2024-06-03", {"body": 2, "annex I explanatory": 4}),
    "letter_utf16le_bom.txt": ("text", "letter", "S/2024/432", "2024-06-03", {"body": 2, "annex I explanatory": 4}),
    "letter_utf16be_nobom.txt": ("text", "letter", "S/2024/432", "2024-06-03", {"body": 2, "annex I explanatory": 4}),
    "letter_utf8_bom.md": ("text", "letter", "S/2024/432", "2024-06-03", {"body": 2, "annex I explanatory": 4}),
    "owner_locked.pdf": ("pdf", "letter", "S/2024/432", "2024-06-03", {"body": 2, "annex I explanatory": 4}),
    "en_ga_resolution_committee.txt": ("text", "resolution", "A/RES/79/512", "2024-12-17", {"preamble": 4, "operative": 8}),
    "en_sc_resolution.txt": ("text", "resolution", "S/RES/2999 (2024)", "2024-03-01", {"preamble": 6, "operative": 7}),
    "en_resolution.pdf": ("pdf", "resolution", "A/RES/79/513", "2024-12-17", {"preamble": 4, "operative": 8}),
    # English of every family, as text and as the UN's PDF: the same counts either way.
    "en_sc_record.txt": ("text", "record", "S/PV.9998", "2024-05-14", {"procedure": 8, "statement": 13}),
    "en_sc_record.pdf": ("pdf", "record", "S/PV.9998", "2024-05-14", {"procedure": 8, "statement": 13}),
    "en_sc_resolution.pdf": ("pdf", "resolution", "S/RES/2999 (2024)", "2024-03-01", {"preamble": 6, "operative": 7}),
    "en_letter_to_council.txt": ("text", "letter", "S/2024/432", "2024-06-03", {"body": 2, "annex I explanatory": 4}),
    "en_letter_to_council.pdf": ("pdf", "letter", "S/2024/432", "2024-06-03", {"body": 2, "annex I explanatory": 4}),
    "en_prst_numbered.txt": ("text", "statement", "S/PRST/2023/7", "2023-11-08", {"body": 4}),
    "en_prst_numbered.pdf": ("pdf", "statement", "S/PRST/2023/7", "2023-11-08", {"body": 4}),
}
REFUSED = {
    "encrypted.pdf": "an encrypted PDF: remove the password first",
    "scanned.pdf": "a scanned PDF without a text layer: OCR it first",
    "not_word.docx": "a zip archive, not a Word document",
}


@pytest.fixture(scope="module")
def reports():
    return {r.path.rsplit("/", 1)[-1]: r for r in check_paths([DOCS, FORMATS])}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_variation_is_read_with_its_kind_symbol_date_and_counts(reports, name):
    r = reports[name]
    assert (r.format, r.kind, r.symbol, r.date, r.paragraphs) == EXPECTED[name]


def test_the_only_refusals_are_unreadable_files_each_with_its_reason(reports):
    assert {name: r.reason for name, r in reports.items() if not r.ok} == REFUSED


def test_one_ingest_stores_every_readable_file_and_names_the_unreadable(tmp_path):
    store = Store(tmp_path / "p.db")
    report = ingest([DOCS, FORMATS], store)
    assert {path.rsplit("/", 1)[-1]: why for path, why in report.failed} == REFUSED
    files = [f for folder in (DOCS, FORMATS) for f in folder.iterdir() if f.is_file()]
    assert len(report.added) + len(report.replaced) == len(files) - len(REFUSED)
    held = {r["symbol"] for r in store.query("SELECT symbol FROM documents WHERE symbol IS NOT NULL")}
    assert {s for _, _, s, _, _ in EXPECTED.values() if s} <= held
    # The same document from several files: the later one replaces the earlier, and says so.
    assert any("replaces A/RES/79/512" in r.reason for r in report.replaced)


def test_a_pdf_paragraph_keeps_its_page(tmp_path):
    store = Store(tmp_path / "p.db")
    ingest([FORMATS / "sc_record.pdf"], store)
    pages = [r["page"] for r in store.query("SELECT page FROM paragraphs WHERE doc_id = 'S/PV.9998' ORDER BY seq")]
    assert pages[0] == 1 and pages[-1] == 3 and pages == sorted(pages)
