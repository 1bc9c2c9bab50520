"""plenary watch add/list/remove/pending, and ingest matching the watches: the command line's
side of watches, for scripts."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from seedfiles import SEEDS

from bot.cli import main

RECORD = "004_2378875611170316.txt"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLENARY_DB", str(tmp_path / "plenary.db"))
    monkeypatch.delenv("PLENARY_STATE_URL", raising=False)
    docs = tmp_path / "docs"
    docs.mkdir()
    for f in SEEDS.iterdir():
        if f.name != RECORD:
            shutil.copy(f, docs / f.name)
    assert run("ingest", str(docs)).exit_code == 0
    return docs


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_watch_first_then_ingest_the_record_then_pending_lists_its_alerts_once(folder):
    for args in (["集安组织"], ["--symbol", "第75/276号决议"], ["--speaker", "张军"], ["--country", "Russia"]):
        assert run("watch", "add", *args).exit_code == 0
    shutil.copy(SEEDS / RECORD, folder / RECORD)
    r = run("ingest", str(folder))
    assert r.exit_code == 0 and "new alerts for the watches" in r.stderr
    pending = json.loads(run("watch", "pending", "--json").stdout)
    by_watch = {a["watch_id"] for a in pending}
    assert by_watch == {1, 2, 3, 4} and {a["symbol"] for a in pending} == {"S/PV.8967"}
    assert {a["why"] for a in pending if a["watch_id"] == 2} == {"cites"}
    marked = run("watch", "pending", "--mark")
    assert marked.exit_code == 0 and "New for watch #3: 张军 speaking" in marked.stdout
    again = run("watch", "pending")
    assert again.exit_code == 1 and "No alerts waiting" in again.stdout
    assert run("ingest", str(folder)).exit_code == 0 and run("watch", "pending").exit_code == 1


def test_watch_list_and_remove(folder):
    run("watch", "add", "--speaker", "张军", "--channel", "42")
    listed = json.loads(run("watch", "list", "--json").stdout)
    assert listed[0]["owner"] == "channel" and listed[0]["channel_id"] == 42
    assert run("watch", "remove", "1").exit_code == 0
    assert run("watch", "remove", "1").exit_code == 1
    assert run("watch", "list").exit_code == 1


@pytest.mark.parametrize("args", [[], ["集安组织", "--speaker", "张军"], ["--symbol", "hello"],
                                  ["x", "--kind", "memo"]])
def test_a_watch_that_cannot_be_made_is_a_usage_error(folder, args):
    r = run("watch", "add", *args)
    assert r.exit_code == 2 and "Traceback" not in r.output
