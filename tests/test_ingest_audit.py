"""Ingest faults found in an audit: each is named in the report, none stops the others, none hangs."""

import json
import os
import shutil
import signal
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from seedfiles import LETTER, RES_75_268, RES_75_276, SEEDS

from bot import config
from bot.check import PLAIN_DOCUMENT, TRUNCATED
from bot.cli import main
from bot.files import survey
from bot.ingest import ingest
from bot.store import Store


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    for name in (RES_75_276, RES_75_268):
        shutil.copy(SEEDS / name, d / name)
    return d


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "p.db")


@pytest.fixture
def deadline():
    """Fail, rather than hang, if something opens a pipe and waits for a writer."""
    def hung(*_):
        raise TimeoutError("ingest hung")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def truncated_copy(path: Path) -> Path:
    """The 75/276 seed cut in the middle of its last paragraph."""
    text = (SEEDS / RES_75_276).read_text(encoding="utf-8")
    path.write_text(text[:text.index("9. 决定") + 30], encoding="utf-8")
    return path


# -- catalog -------------------------------------------------------------------------------

@pytest.mark.parametrize("content", ["{not json", "[1, 2]"])
def test_a_malformed_catalog_warns_and_its_folder_still_goes_in(store, folder, content):
    (folder / "catalog.json").write_text(content, encoding="utf-8")
    report = ingest([folder], store)
    assert report.ok and len(report.added) == 2
    assert [p for p, _ in report.warnings] == [str(folder / "catalog.json")]
    assert "catalog" in report.warnings[0][1]


def test_documents_of_a_folder_with_a_malformed_catalog_go_in_without_its_facts(store, tmp_path):
    d = tmp_path / "letters"
    d.mkdir()
    shutil.copy(SEEDS / LETTER, d / LETTER)
    (d / "catalog.json").write_text('{"' + LETTER + '": {"id": "letter-2009-07-14",', encoding="utf-8")
    report = ingest([d], store)
    assert report.added == [str(d / LETTER)]
    assert store.one("SELECT doc_id FROM documents")["doc_id"] != "letter-2009-07-14"


# -- what is not a file --------------------------------------------------------------------

def test_a_fifo_in_a_folder_is_named_and_skipped_without_hanging(store, folder, deadline):
    os.mkfifo(folder / "pipe.txt")
    report = ingest([folder], store)
    assert report.ok and len(report.added) == 2
    assert report.skipped == [(str(folder / "pipe.txt"), "a named pipe (FIFO), not a file: not read")]


def test_a_fifo_named_directly_fails_without_hanging(store, tmp_path, deadline):
    os.mkfifo(tmp_path / "pipe.txt")
    report = ingest([tmp_path / "pipe.txt"], store)
    assert report.failed == [(str(tmp_path / "pipe.txt"), "a named pipe (FIFO), not a file: not read")]


def test_a_socket_in_a_folder_is_named_and_skipped(store, folder, deadline):
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(folder / "s.sock"))
        report = ingest([folder], store)
    assert [(p, "socket" in r) for p, r in report.skipped] == [(str(folder / "s.sock"), True)]
    assert len(report.added) == 2


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="needs /dev/null")
def test_a_device_named_directly_fails_with_its_reason(store, deadline):
    report = ingest(["/dev/null"], store)
    assert report.failed == [("/dev/null", "a character device, not a file: not read")]


def test_a_symlink_loop_in_a_folder_is_named_and_skipped(store, folder):
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    report = ingest([folder], store)
    assert sorted(p for p, _ in report.skipped) == [str(folder / "a.txt"), str(folder / "b.txt")]
    assert all("loops" in r for _, r in report.skipped) and len(report.added) == 2


def test_a_dangling_symlink_in_a_folder_is_named_and_skipped(store, folder):
    (folder / "gone.txt").symlink_to("nowhere.txt")
    report = ingest([folder], store)
    assert report.skipped == [(str(folder / "gone.txt"), "a dangling symbolic link (to nowhere.txt, which does not exist)")]


def test_a_link_back_to_a_parent_folder_is_not_followed(store, folder, deadline):
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")
    report = ingest([folder], store)
    assert len(report.added) == 2
    assert [(p, "loop" in r) for p, r in report.skipped] == [(str(folder / "sub" / "up"), True)]


def test_a_link_to_a_folder_elsewhere_is_followed(store, folder, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(SEEDS / LETTER, other / LETTER)
    (folder / "more").symlink_to(other)
    assert len(ingest([folder], store).added) == 3


# -- size limit ----------------------------------------------------------------------------

def test_a_file_over_the_size_limit_is_skipped_before_it_is_opened(store, folder, monkeypatch):
    big = folder / "big.txt"
    big.write_bytes(b"x" * 3_000_000)
    real_open = os.open

    def refuse_big(path, *args, **kwargs):
        assert Path(path) != big, "the big file was opened"
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_big)
    report = ingest([folder], store, max_bytes=2 * config.MB)
    assert len(report.added) == 2
    why = "the file is 2.9 MB (3,000,000 bytes), over the 2 MB limit (PLENARY_MAX_FILE_MB): not read"
    assert report.failed == [(str(big), why)]


def test_the_size_limit_comes_from_plenary_max_file_mb(store, folder, monkeypatch):
    monkeypatch.setenv("PLENARY_MAX_FILE_MB", "0.001")
    report = ingest([folder], store)
    assert not report.added and len(report.failed) == 2
    assert all("over the 0.001 MB limit" in r for _, r in report.failed)


def test_the_size_limit_defaults_to_50_mb(monkeypatch):
    monkeypatch.delenv("PLENARY_MAX_FILE_MB", raising=False)
    assert config.max_file_bytes() == 50 * config.MB


def test_a_size_limit_of_0_means_none(monkeypatch):
    monkeypatch.setenv("PLENARY_MAX_FILE_MB", "0")
    assert config.max_file_bytes() is None


@pytest.mark.parametrize("value", ["fifty", "-1", "nan"])
def test_a_bad_size_limit_is_refused_naming_the_setting(monkeypatch, value):
    monkeypatch.setenv("PLENARY_MAX_FILE_MB", value)
    with pytest.raises(config.SettingError, match="PLENARY_MAX_FILE_MB"):
        config.max_file_bytes()


# -- replacements --------------------------------------------------------------------------

def test_a_file_carrying_a_symbol_already_ingested_says_what_it_replaces(store, folder, tmp_path):
    ingest([folder], store)
    copy = tmp_path / "copy.txt"
    copy.write_text((folder / RES_75_276).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    report = ingest([copy], store)
    assert report.replaced == [str(copy)]
    assert report.replaced[0].reason == f"replaces A/RES/75/276 (from {RES_75_276})"


def test_a_changed_file_says_it_replaces_its_earlier_version(store, folder):
    ingest([folder], store)
    path = folder / RES_75_268
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    report = ingest([path], store)
    assert report.replaced[0].reason == "replaces A/RES/75/268 (an earlier version of this file)"


# -- counted once --------------------------------------------------------------------------

def test_a_file_named_twice_counts_once(store, folder):
    path = folder / RES_75_276
    report = ingest([path, path], store)
    assert report.added == [str(path)] and not report.unchanged


def test_a_folder_and_a_file_inside_it_count_each_file_once(store, folder):
    report = ingest([folder, folder / RES_75_276], store)
    assert sorted(report.added) == sorted(str(folder / n) for n in (RES_75_276, RES_75_268))
    assert not report.unchanged


def test_a_file_and_a_link_to_it_count_once(store, folder):
    (folder / "alias.txt").symlink_to(RES_75_276)
    report = ingest([folder], store)
    assert len(report.added) == 2 and not report.unchanged


def test_survey_names_the_files_in_order_each_once(folder):
    files = survey([folder, folder / RES_75_268]).files
    assert files == [folder / RES_75_276, folder / RES_75_268]


# -- warnings ------------------------------------------------------------------------------

def test_a_truncated_file_is_stored_with_a_warning(store, tmp_path):
    path = truncated_copy(tmp_path / "cut.txt")
    report = ingest([path], store)
    assert report.added == [str(path)]
    assert (str(path), TRUNCATED) in report.warnings
    assert TRUNCATED in json.loads(store.one("SELECT warnings FROM documents")["warnings"])


def test_every_warning_of_the_parser_is_in_the_report(store, tmp_path):
    path = tmp_path / "extra.txt"
    path.write_text((SEEDS / RES_75_276).read_text(encoding="utf-8") + "\n\n附言：本文件仅供参考\n", encoding="utf-8")
    report = ingest([path], store)
    stored = json.loads(store.one("SELECT warnings FROM documents")["warnings"])
    assert stored and [(str(path), w) for w in stored] == report.warnings


def test_a_plain_document_is_reported_as_such(store, tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("安理会今日开会\n\n今天天气很好，我们去公园散步。\n\n代表们讨论了局势。\n", encoding="utf-8")
    report = ingest([path], store)
    assert report.added == [str(path)]
    assert [w for p, w in report.warnings if "plain document" in w] == [PLAIN_DOCUMENT]


def test_clean_seeds_bring_no_warnings(store):
    report = ingest([SEEDS], store)
    assert report.ok and report.warnings == [] and report.skipped == []


# -- the command line ----------------------------------------------------------------------

def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_ingest_prints_what_a_file_replaces(folder, tmp_path):
    db = tmp_path / "x.db"
    cli("ingest", folder, "--db", db)
    copy = tmp_path / "copy.txt"
    copy.write_text((folder / RES_75_276).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    r = cli("ingest", copy, "--db", db)
    assert r.exit_code == 0
    assert f"replaced {copy}: replaces A/RES/75/276 (from {RES_75_276})" in r.output


def test_ingest_prints_warnings_and_exits_0(tmp_path):
    path = truncated_copy(tmp_path / "cut.txt")
    r = cli("ingest", path, "--db", tmp_path / "x.db")
    assert r.exit_code == 0
    assert f"warning {path}: {TRUNCATED}" in r.output and "1 warning " in r.output


def test_ingest_json_lists_replacements_skips_and_warnings(folder, tmp_path):
    os.mkfifo(folder / "pipe")
    truncated_copy(folder / "cut.txt")
    r = cli("ingest", folder, "--db", tmp_path / "x.db", "--json")
    data = json.loads(r.stdout)
    assert r.exit_code == 0
    assert data["skipped"] == [{"path": str(folder / "pipe"), "reason": "a named pipe (FIFO), not a file: not read"}]
    assert {"path": str(folder / "cut.txt"), "warning": TRUNCATED} in data["warnings"]
    # cut.txt carries 75/276 too: whichever comes second replaces the other.
    assert [x["reason"].startswith("replaces A/RES/75/276 (from ") for x in data["replacements"]] == [True]


def test_a_skipped_entry_in_a_folder_does_not_change_the_exit_status(folder, tmp_path, deadline):
    os.mkfifo(folder / "pipe")
    r = cli("ingest", folder, "--db", tmp_path / "x.db")
    assert r.exit_code == 0 and f"skipped {folder / 'pipe'}" in r.output


def test_a_bad_size_limit_is_bad_usage(tmp_path, monkeypatch):
    monkeypatch.setenv("PLENARY_MAX_FILE_MB", "lots")
    r = cli("ingest", SEEDS, "--db", tmp_path / "x.db")
    assert r.exit_code == 2 and "PLENARY_MAX_FILE_MB" in r.output


def test_doc_json_includes_the_stored_warnings(tmp_path):
    db = tmp_path / "x.db"
    cli("ingest", truncated_copy(tmp_path / "cut.txt"), "--db", db)
    data = json.loads(cli("doc", "A/RES/75/276", "--db", db, "--json").stdout)
    assert TRUNCATED in data["warnings"]
