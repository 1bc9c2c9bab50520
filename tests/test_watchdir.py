"""plenary ingest --watch: files are taken once settled, through the one-off ingest; a bad file
is reported and skipped, an incomplete one retried once it settles; a hook gets each batch's
doc_ids. The core is fed batches and a clock of the test's own; one test runs real watchfiles."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from seedfiles import FIXTURES, RES_75_268, RES_75_276, SEEDS

from bot.cli import main
from bot.store import Store
from bot.watchdir import DELETED, FolderWatch, tick_ms, watch_folder

ADDED, MODIFIED = 1, 2
PDF = FIXTURES / "formats" / "sc_resolution.pdf"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "inbox"
    path.mkdir()
    return path


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "plenary.db")
    yield s
    s.close()


@pytest.fixture
def watch(folder, store):
    """A watch with a 2-second settle on the test's clock, recording reports and hook calls."""
    clock = Clock()
    reports, batches = [], []
    w = FolderWatch(folder, store, settle=2.0, clock=clock, on_report=reports.append, on_batch=batches.append,
                    workers=1, scan_first=False)
    w.test_clock, w.reports, w.batches = clock, reports, batches  # type: ignore[attr-defined]
    return w


def at(watch, seconds, *changes):
    watch.test_clock.now = seconds
    return watch.step(list(changes))


def test_a_file_is_taken_once_it_has_settled(watch, folder):
    path = folder / "res.txt"
    shutil.copy(SEEDS / RES_75_276, path)
    assert at(watch, 0, (ADDED, str(path))) is None
    assert at(watch, 1.9) is None and watch.reports == []
    report = at(watch, 2.0)
    assert report.added == [str(path)] and report.failed == []
    assert watch.batches == [["A/RES/75/276"]]
    assert at(watch, 10) is None  # taken once


def test_a_file_still_growing_waits_again(watch, folder):
    path = folder / "res.txt"
    text = (SEEDS / RES_75_276).read_text(encoding="utf-8")
    path.write_text(text[:200], encoding="utf-8")
    at(watch, 0, (ADDED, str(path)))
    path.write_text(text, encoding="utf-8")  # grew, and the event was missed
    assert at(watch, 2.5) is None  # the size changed since it was noted: its wait starts again
    assert at(watch, 4.0) is None
    report = at(watch, 4.5)
    assert report.added == [str(path)] and watch.batches == [["A/RES/75/276"]]
    assert watch.store.one("SELECT paragraphs FROM documents")["paragraphs"] == 24  # the whole file


def test_an_incomplete_file_that_fails_is_retried_once_it_settles(watch, folder):
    path = folder / "resolution.pdf"
    data = PDF.read_bytes()
    path.write_bytes(data[:2000])  # the copy paused longer than the settle time
    at(watch, 0, (ADDED, str(path)))
    report = at(watch, 2.0)
    assert report.added == [] and report.failed == [(str(path), "a damaged PDF (data format error)")]
    assert watch.batches == [] and at(watch, 3) is None  # unchanged: not read again
    path.write_bytes(data)  # the copy finished; its event came
    assert at(watch, 4, (MODIFIED, str(path))) is None
    report = at(watch, 6.0)
    assert report.added == [str(path)] and report.failed == []
    assert watch.batches == [["S/RES/2999 (2024)"]]
    assert (watch.summary.batches, watch.summary.added, watch.summary.failed) == (2, 1, 1)


def test_a_failed_file_that_changes_without_an_event_is_retried_too(watch, folder):
    path = folder / "late.txt"
    path.write_bytes(b"")
    at(watch, 0, (ADDED, str(path)))
    assert at(watch, 2.0).failed == [(str(path), "the file is empty")]
    shutil.copy(SEEDS / RES_75_268, path)
    assert at(watch, 3.0) is None  # seen to have changed: noted again, waiting
    assert at(watch, 5.0).added == [str(path)]


def test_a_bad_file_is_reported_and_skipped_and_the_others_go_in(watch, folder):
    good, bad = folder / "a.txt", folder / "b.bin"
    shutil.copy(SEEDS / RES_75_268, good)
    bad.write_bytes(b"\x00\x01\x02binary\xff" * 20)
    at(watch, 0, (ADDED, str(good)), (ADDED, str(bad)))
    report = at(watch, 2)
    assert report.added == [str(good)] and [p for p, _ in report.failed] == [str(bad)]
    assert watch.batches == [["A/RES/75/268"]]
    assert at(watch, 30) is None and len(watch.reports) == 1


def test_a_changed_file_replaces_its_document_and_the_hook_hears_of_it(watch, folder):
    path = folder / "res.txt"
    shutil.copy(SEEDS / RES_75_276, path)
    at(watch, 0, (ADDED, str(path)))
    at(watch, 2)
    path.write_text(path.read_text(encoding="utf-8").replace("集体安全条约组织", "集安组织", 1), encoding="utf-8")
    at(watch, 3, (MODIFIED, str(path)))
    report = at(watch, 5)
    assert report.replaced == [str(path)] and "an earlier version of this file" in report.replaced[0].reason
    assert watch.batches == [["A/RES/75/276"], ["A/RES/75/276"]]
    assert watch.summary.doc_ids == ["A/RES/75/276"]


def test_what_is_not_a_document_is_left_alone(watch, folder):
    hidden = folder / ".hidden"
    hidden.mkdir()
    names = [folder / ".x.txt", folder / "catalog.json", folder / "README.md", folder / "copy.txt.part",
             folder / "~$draft.docx", folder / "notes.txt~", hidden / "in_hidden.txt"]
    for p in names:
        shutil.copy(SEEDS / RES_75_268, p)
    outside = folder.parent / "outside.txt"
    shutil.copy(SEEDS / RES_75_268, outside)
    at(watch, 0, *[(ADDED, str(p)) for p in [*names, outside, folder]])
    assert watch.pending == {} and at(watch, 5) is None


def test_a_file_deleted_before_it_settled_is_forgotten(watch, folder):
    path = folder / "gone.txt"
    shutil.copy(SEEDS / RES_75_268, path)
    at(watch, 0, (ADDED, str(path)))
    path.unlink()
    assert at(watch, 1, (DELETED, str(path))) is None and watch.pending == {}
    assert at(watch, 5) is None


def test_a_failing_hook_does_not_stop_the_watch(folder, store):
    clock, errors = Clock(), []

    def hook(ids):
        raise RuntimeError("alerts are down")

    w = FolderWatch(folder, store, settle=1, clock=clock, on_batch=hook, on_hook_error=errors.append, workers=1,
                    scan_first=False)
    for name, seed in (("a.txt", RES_75_276), ("b.txt", RES_75_268)):
        shutil.copy(SEEDS / seed, folder / name)
        w.step([(ADDED, str(folder / name))])
        clock.now += 1
        assert w.step([]).added == [str(folder / name)]
    assert [str(e) for e in errors] == ["alerts are down"] * 2


def test_files_already_there_are_taken_first(folder, store):
    shutil.copy(SEEDS / RES_75_276, folder / "before.txt")
    clock = Clock()
    w = FolderWatch(folder, store, settle=1, clock=clock, workers=1)
    assert w.step([]) is None  # the first batch notes the folder's files
    clock.now = 1
    assert w.step([]).added == [str(folder / "before.txt")]


def test_run_takes_an_iterable_of_batches_and_sources_read_as_the_folder_was_written(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("drop").mkdir()
    shutil.copy(SEEDS / RES_75_268, "drop/x.txt")
    clock = Clock()
    w = FolderWatch("drop", store, settle=0.5, clock=clock, workers=1, scan_first=False)

    def batches():
        yield {(ADDED, str(tmp_path / "drop" / "x.txt"))}  # watchfiles gives absolute paths
        clock.now = 1
        yield set()

    summary = w.run(batches())
    assert (summary.batches, summary.added, summary.doc_ids) == (1, 1, ["A/RES/75/268"])
    assert store.one("SELECT source FROM documents")["source"] == os.path.join("drop", "x.txt")


def test_tick_follows_the_settle_time():
    assert (tick_ms(0), tick_ms(0.4), tick_ms(2), tick_ms(60)) == (50, 100, 500, 1000)


# -- real watchfiles -------------------------------------------------------------------------------


def test_real_watchfiles_ingests_a_dropped_file_and_stops_on_its_event(folder, store):
    got, stop = [], threading.Event()
    heard = threading.Event()

    def hook(ids):
        got.append(ids)
        heard.set()

    errors = []

    def run():
        try:
            watch_folder(folder, store, settle=0.2, stop_event=stop, on_batch=hook, workers=1)
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        time.sleep(0.5)  # the watcher is up
        tmp = folder / "res.txt.part"
        shutil.copy(SEEDS / RES_75_276, tmp)
        tmp.rename(folder / "res.txt")  # a finished download: its final name
        assert heard.wait(timeout=20), "no batch was ingested"
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive() and errors == []
    assert got == [["A/RES/75/276"]]


# -- the command line ------------------------------------------------------------------------------


def test_cli_watch_refuses_bad_usage(tmp_path, monkeypatch):
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "--db", db, "--watch", str(tmp_path / "nope")]).exit_code == 2
    assert runner.invoke(main, ["ingest", "--db", db, "--watch", str(tmp_path), str(SEEDS)]).exit_code == 2
    assert runner.invoke(main, ["ingest", "--db", db, "--watch", str(tmp_path), "--publish"]).exit_code == 2
    monkeypatch.setenv("PLENARY_WATCH_SETTLE", "soon")
    r = runner.invoke(main, ["ingest", "--db", db, "--watch", str(tmp_path)])
    assert r.exit_code == 2 and "PLENARY_WATCH_SETTLE" in r.output


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_cli_watch_prints_each_batch_and_exits_0_on_ctrl_c(tmp_path, folder):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "bot", "ingest", "--db", str(tmp_path / "w.db"), "--watch",
                             str(folder), "--settle", "0.2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=Path(__file__).resolve().parent.parent)
    try:
        assert "Watching" in proc.stderr.readline()
        (folder / "bad.txt").write_bytes(b"")  # first: it settles no later than a.txt
        shutil.copy(SEEDS / RES_75_268, folder / "a.txt")
        lines = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not any("1 added" in line for line in lines):
            lines.append(proc.stdout.readline())
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert any(line.endswith(f"added {folder / 'a.txt'}\n") for line in lines)
    assert any("1 added, 0 replaced, 0 unchanged" in line for line in lines)
    assert f"skipped {folder / 'bad.txt'}: the file is empty" in err
    assert err.splitlines()[-1].startswith(f"Stopped watching {folder}: ")
    assert err.splitlines()[-1].endswith(" 1 added, 0 replaced, 0 unchanged, 1 failed.")


def test_ctrl_c_during_a_batch_leaves_its_files_named(watch, folder, monkeypatch):
    path = folder / "res.txt"
    shutil.copy(SEEDS / RES_75_276, path)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("bot.watchdir.ingest", interrupted)
    at(watch, 0, (ADDED, str(path)))
    with pytest.raises(KeyboardInterrupt):
        at(watch, 2)
    assert watch.interrupted == [path] and watch.summary.batches == 0


def test_a_corpus_published_while_watching_is_written_to_not_the_old_generation(watch, folder, tmp_path):
    from bot.publish import new_generation, publish

    path = folder / "res.txt"
    shutil.copy(SEEDS / RES_75_276, path)
    at(watch, 0, (ADDED, str(path)))
    at(watch, 2)
    target = tmp_path / "plenary.db"
    publish(target, new_generation(target))  # another node published a corpus here
    second = folder / "res2.txt"
    shutil.copy(SEEDS / RES_75_276, second)
    second.write_text(second.read_text(encoding="utf-8").replace("75/276", "75/999"), encoding="utf-8")
    at(watch, 3, (ADDED, str(second)))
    at(watch, 5)
    fresh = Store(target, readonly=True)
    assert {r["doc_id"] for r in fresh.query("SELECT doc_id FROM documents")} >= {"A/RES/75/999"}
