"""A corpus published atomically (bot/publish.py) and picked up by running readers without a
restart; an outdated corpus rebuilt from its files without touching the bot's state."""

from __future__ import annotations

import shutil
import sqlite3
import threading

from click.testing import CliRunner
from seedfiles import FIXTURES, SEEDS

from bot.cli import main
from bot.ingest import ingest
from bot.publish import generations, new_generation, prune, publish
from bot.schedule import Subscriptions
from bot.service import Plenary
from bot.state import open_state
from bot.store import Store

NEW_DOC = FIXTURES / "docs" / "sc_resolution.txt"


def seeded(tmp_path):
    path = tmp_path / "plenary.db"
    store = Store(path)
    ingest([SEEDS], store)
    store.close()
    return path


def cli(tmp_path, monkeypatch, *args):
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, list(args))


def test_publish_swaps_in_a_new_generation_in_one_rename(tmp_path, monkeypatch):
    path = seeded(tmp_path)
    r = cli(tmp_path, monkeypatch, "ingest", str(NEW_DOC), "--db", str(path), "--publish")
    assert r.exit_code == 0, r.output
    assert path.is_symlink() and path.resolve() in generations(path)
    store = Store(path, readonly=True)
    assert store.one("SELECT count(*) AS n FROM documents")["n"] == 5  # the seeds' 4, and the new one


def test_a_store_opened_before_a_publish_sees_it_was_replaced_and_still_reads_the_old(tmp_path):
    path = seeded(tmp_path)
    old = Store(path, readonly=True)
    built = new_generation(path)
    store = Store(built)
    ingest([NEW_DOC], store)
    store.close()
    publish(path, built)
    assert old.replaced()
    assert old.one("SELECT count(*) AS n FROM documents")["n"] == 4  # its snapshot, whole
    assert not Store(path, readonly=True).replaced()


def test_running_readers_switch_to_a_published_corpus_without_a_restart(tmp_path):
    path = seeded(tmp_path)
    plenary = Plenary(Store(path, readonly=True), readers=True)
    answers: list[int] = []

    def ask() -> None:
        answers.append(plenary.corpus()["totals"]["documents"])

    for _ in range(2):
        t = threading.Thread(target=ask)
        t.start()
        t.join()
    built = new_generation(path)
    store = Store(built)
    ingest([NEW_DOC], store)
    store.close()
    publish(path, built)
    assert plenary.corpus_changed() is True and plenary.corpus_changed() is False
    t = threading.Thread(target=ask)
    t.start()
    t.join()
    assert answers == [4, 4, 5]
    assert any(c.value.startswith("S/RES/2999") for c in plenary.complete_symbols("S/RES/2999"))


def test_a_corpus_grown_in_place_is_noticed_too(tmp_path):
    path = seeded(tmp_path)
    plenary = Plenary(Store(path, readonly=True))
    writer = Store(path)
    ingest([NEW_DOC], writer)
    assert plenary.corpus_changed() is True


def test_old_generations_are_pruned_but_never_the_current_one(tmp_path):
    path = seeded(tmp_path)
    for _ in range(4):
        publish(path, new_generation(path))
    kept = generations(path)
    assert len(kept) == 2 and path.resolve() == kept[-1]
    assert prune(path, keep=0) == [kept[0]] and generations(path) == [kept[-1]]


def test_an_outdated_corpus_is_rebuilt_from_its_files_and_the_state_is_untouched(tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLENARY_DB", raising=False)
    monkeypatch.delenv("PLENARY_STATE_URL", raising=False)
    path = tmp_path / "data" / "plenary.db"
    assert CliRunner().invoke(main, ["stats"]).exit_code == 0  # first use: built from seeds/
    state = open_state(corpus=path)
    Subscriptions(state).subscribe(1, 2, "08:00", "UTC", 3)
    state.close()
    state_before = (tmp_path / "data" / "plenary-state.db").read_bytes()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")  # a format no step migrates
    conn.commit()
    conn.close()
    r = CliRunner().invoke(main, ["stats", "--json"])
    assert r.exit_code == 0, r.output
    assert "Rebuilding" in r.stderr and "4 documents" in r.stderr and '"documents": 4' in r.stdout
    assert path.is_symlink()
    assert (tmp_path / "data" / "plenary-state.db").read_bytes() == state_before
    assert Subscriptions(open_state(corpus=path)).get(1).channel_id == 2


def test_an_outdated_corpus_that_cannot_be_rebuilt_here_says_what_to_run(tmp_path, monkeypatch):
    path = seeded(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    tmp_path.chmod(0o555)
    try:
        import os

        if os.access(tmp_path, os.W_OK):  # root writes anywhere: say it through the library instead
            import pytest

            from bot.store import CorpusOutdated

            with pytest.raises(CorpusOutdated, match="plenary ingest.*rebuild it from the 4 files"):
                Store(path, readonly=True)
            return
        r = cli(tmp_path, monkeypatch, "stats", "--db", str(path))
        assert r.exit_code == 3 and "plenary ingest" in r.stderr and "delete" not in r.stderr
    finally:
        tmp_path.chmod(0o755)


def test_a_read_command_brings_an_older_corpus_up_to_date_in_place(tmp_path, monkeypatch):
    path = seeded(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE paragraphs DROP COLUMN first_seen")
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    r = cli(tmp_path, monkeypatch, "stats", "--db", str(path))
    assert r.exit_code == 0, r.output
    assert Store(path, readonly=True).get_meta("schema_version") == "5"
