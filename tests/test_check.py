"""plenary check: what a file holds as Plenary reads it, and what looks wrong, without storing it."""

import json
import os
import re
import signal

import opencc
import pytest
from click.testing import CliRunner
from seedfiles import FIXTURES, LETTER, RECORD, RES_75_276, SEEDS

from bot.check import TRUNCATED, CheckReport, check_file, check_paths, doc_warnings
from bot.cli import main
from bot.language import Language, detect
from bot.model import Document, Footnote, Paragraph

SEED_FILES = sorted(SEEDS.glob("*.txt"))
FIXTURE_FILES = sorted((FIXTURES / "docs").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_reports():
    return {os.path.basename(r.path): r for r in check_paths(SEED_FILES)}


def edited_seed(tmp_path, name, edit):
    """The 75/276 seed with ``edit`` applied to its text, in a file of its own."""
    path = tmp_path / name
    path.write_text(edit((SEEDS / RES_75_276).read_text(encoding="utf-8")), encoding="utf-8")
    return path


# -- on the seeds and fixtures -------------------------------------------------------------

def test_every_seed_is_read_as_chinese_text_without_warnings(seed_reports):
    assert len(seed_reports) == 4
    for r in seed_reports.values():
        assert (r.ok, r.format, r.encoding, r.language, r.script, r.warnings) == (
            True, "text", "utf-8", "zh-Hans", "Hans", []), r.path


def test_check_says_what_kind_each_seed_is(seed_reports):
    assert {n: r.kind for n, r in seed_reports.items()} == {
        RES_75_276: "resolution", LETTER: "letter", "002_ffb2bd4a5d284aa7.txt": "resolution", RECORD: "record"}


def test_check_finds_a_resolutions_symbol_date_and_paragraphs(seed_reports):
    r = seed_reports[RES_75_276]
    assert (r.symbol, r.date, r.body, r.footnotes) == ("A/RES/75/276", "2021-04-28", "大会", 7)
    assert r.paragraphs["operative"] == 9 and r.paragraphs["preamble"] > 0


def test_check_uses_the_folders_catalog(seed_reports):
    assert seed_reports[RECORD].symbol == "S/PV.8967" and seed_reports[LETTER].id == "letter-2009-07-14"


def test_check_counts_a_records_speakers_and_turns(seed_reports):
    r = seed_reports[RECORD]
    assert len(r.speakers) == 22 and r.turns >= len(r.speakers)


def test_check_counts_an_annexs_sections_apart(seed_reports):
    assert seed_reports[LETTER].paragraphs["annex II operative"] == 5


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_fixture_document_is_read(path):
    r = check_file(path)
    expected = {"en": ("en",), "fr": ("fr",), "es": ("es",), "ru": ("ru",), "ar": ("ar",)}
    assert r.ok and r.kind and r.paragraphs
    assert r.language in expected.get(path.name.split("_")[0], ("zh-Hans", "zh-Hant"))


def test_a_traditional_fixture_is_zh_hant():
    assert check_file(FIXTURES / "docs" / "res_ga_traditional.txt").language == "zh-Hant"


def test_check_stores_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLENARY_DB", raising=False)
    CliRunner().invoke(main, ["check", str(SEEDS / RES_75_276)])
    assert not (tmp_path / "data").exists()


# -- warnings of its own -------------------------------------------------------------------

def test_numbering_that_jumps_is_warned(tmp_path):
    path = edited_seed(tmp_path, "jump.txt", lambda t: re.sub(r"\n4\. [^\n]*", "", t))  # OP4 gone
    warnings = check_file(path).warnings
    assert any("numbering jumps" in w for w in warnings), warnings


def test_a_footnote_marker_without_footnote_text_is_warned(tmp_path):
    path = edited_seed(tmp_path, "nofoot.txt", lambda t: t.replace("⁷ 见S-30/1号决议，附件。", ""))
    warnings = check_file(path).warnings
    (only,) = [w for w in warnings if "footnote" in w]
    assert re.fullmatch(r"footnote 7 is marked in PP\d+ but its text is missing", only)


def test_a_footnote_without_a_marker_is_warned(tmp_path):
    path = edited_seed(tmp_path, "nomark.txt", lambda t: t.replace("的报告,¹", "的报告,"))
    assert "footnote 1 has no marker in the text" in check_file(path).warnings


def test_a_last_paragraph_cut_mid_sentence_is_warned(tmp_path):
    path = edited_seed(tmp_path, "cut.txt", lambda t: t[:t.index("9. 决定") + 30])
    assert TRUNCATED in check_file(path).warnings


def test_doc_warnings_flag_a_jump_the_parser_left_alone():
    doc = Document(kind="letter", paragraphs=[
        Paragraph("explanatory", "Annex I 1", "一。", 1, number=1, annex="I"),
        Paragraph("explanatory", "Annex I 3", "三。", 2, number=3, annex="I")])
    assert doc_warnings(doc) == ["the numbering jumps from Annex I 1 to Annex I 3"]


def test_doc_warnings_leave_the_parsers_own_numbering_warning_alone():
    doc = Document(kind="resolution", warnings=["operative numbering jumps from 1 to 3"], paragraphs=[
        Paragraph("operative", "OP1", "一。", 1, number=1), Paragraph("operative", "OP3", "三。", 2, number=3)])
    assert doc_warnings(doc) == []


def test_a_short_last_line_without_punctuation_is_not_called_truncated():
    doc = Document(kind="document", warnings=["stored as a plain document"],
                   paragraphs=[Paragraph("body", "¶1", "2021年4月28日", 1)])
    assert doc_warnings(doc) == []


def test_a_footnote_marked_and_defined_is_fine():
    doc = Document(kind="resolution", footnotes=[Footnote(1, "A/75/345。", 9)],
                   paragraphs=[Paragraph("preamble", "PP1", "审议了报告，¹", 1, footnotes=[1])])
    assert doc_warnings(doc) == []


# -- refusals ------------------------------------------------------------------------------

def test_an_empty_file_is_refused_with_its_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = check_file(tmp_path / "empty.txt")
    assert not r.ok and "empty" in r.reason


def test_a_fifo_is_refused_without_being_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")

    def hung(*_):
        raise TimeoutError("check hung on a pipe")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    try:
        (r,) = check_paths([tmp_path])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert (r.ok, r.reason) == (False, "a named pipe (FIFO), not a file: not read")


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    r = check_file(SEEDS / RES_75_276, max_bytes=1000)
    assert not r.ok and "limit" in r.reason


def test_a_file_named_twice_is_checked_once():
    assert len(check_paths([SEEDS / RES_75_276, SEEDS / RES_75_276])) == 1


# -- JSON ----------------------------------------------------------------------------------

def test_as_json_is_plain_data_with_every_field(seed_reports):
    data = json.loads(json.dumps(seed_reports[RECORD].as_json(), ensure_ascii=False))
    assert set(data) == set(CheckReport.__dataclass_fields__)
    assert data["speakers"][0] and data["kind"] == "record"


# -- language ------------------------------------------------------------------------------

def test_simplified_and_traditional_chinese_are_told_apart():
    text = (SEEDS / RES_75_276).read_text(encoding="utf-8")
    assert detect(text) == Language("zh", "Hans")
    assert detect(opencc.OpenCC("s2t").convert(text)) == Language("zh", "Hant")


@pytest.mark.parametrize(("text", "tag"), [
    (("The General Assembly, recalling its resolution on cooperation between the United Nations and the "
     "Collective Security Treaty Organization,"), "en"),
    (("L'Assemblée générale, rappelant sa résolution sur la coopération entre l'Organisation des Nations "
     "Unies et l'Organisation du Traité de sécurité collective,"), "fr"),
    (("La Asamblea General, recordando su resolución sobre la cooperación entre las Naciones Unidas y la "
     "Organización del Tratado de Seguridad Colectiva,"), "es"),
    ("Генеральная Ассамблея, ссылаясь на свою резолюцию о сотрудничестве", "ru"),
    ("إن الجمعية العامة، إذ تشير إلى قرارها بشأن التعاون", "ar"),
])
def test_each_un_language_is_recognised(text, tag):
    assert detect(text).tag == tag


def test_text_without_letters_has_no_language():
    assert detect("1. 2. 3. — 2021") is None


# -- the command line ----------------------------------------------------------------------

def test_check_prints_each_file_with_what_it_recognised():
    r = CliRunner().invoke(main, ["check", str(SEEDS / RES_75_276), str(SEEDS / RECORD)])
    assert r.exit_code == 0
    assert str(SEEDS / RES_75_276) in r.output and "A/RES/75/276" in r.output
    assert "zh-Hans" in r.output and "speakers    22" in r.output


def test_check_json_is_a_list_of_reports():
    r = CliRunner().invoke(main, ["check", *map(str, SEED_FILES), "--json"])
    data = json.loads(r.stdout)
    assert r.exit_code == 0 and [d["path"] for d in data] == list(map(str, SEED_FILES))


def test_check_exits_1_and_prints_the_reason_when_a_file_is_refused(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = CliRunner().invoke(main, ["check", str(SEEDS / RES_75_276), str(tmp_path / "empty.txt")])
    assert r.exit_code == 1 and "refused" in r.output and "empty" in r.output


def test_check_needs_a_file():
    assert CliRunner().invoke(main, ["check"]).exit_code == 2
