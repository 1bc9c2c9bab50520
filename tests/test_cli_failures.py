"""Clear failures (issue 12): exit 0 answered, 1 nothing found, 2 bad usage, 3 database unusable
(with the reason and what to do), 4 internal error; commands that answer never write."""

import hashlib
import os
import shutil
import sqlite3

import pytest
from click.testing import CliRunner
from seedfiles import SEEDS

from bot.cli import main
from bot.store import Store

READS = [["stats"], ["search", "合作"], ["search", "量子计算机"], ["search", "resolutoin assembly"], ["doc", "75/276"], ["doc", "S/PRST/2013/12"],
         ["summary", "S/PV.8967"], ["quote", "张军"], ["quote", "张军", "阿富汗"], ["read", "S/PV.8967", "张军"],
         ["speakers", "S/PV.8967"], ["digest", "--date", "2026-11-24"], ["commands", "--json"]]


@pytest.fixture
def db(db_path):
    return db_path


def run(tmp_path, monkeypatch, *args, env=None):
    monkeypatch.chdir(tmp_path)  # no seeds/ and no data/ here
    monkeypatch.delenv("PLENARY_DB", raising=False)
    for k, v in (env or {}).items():
        monkeypatch.setenv(k, v)
    return CliRunner().invoke(main, list(args))


def digest_of(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- a read-only database answers, and answering never writes ----------------------------------


@pytest.mark.parametrize("args", READS)
def test_answers_come_from_a_read_only_connection_and_write_nothing(tmp_path, monkeypatch, db, args):
    opened = []
    connect = sqlite3.connect

    def spy(target, *a, **kw):
        opened.append(str(target))
        return connect(target, *a, **kw)

    monkeypatch.setattr(sqlite3, "connect", spy)
    os.chmod(db, 0o444)  # stops anyone but root; SQLite's mode=ro stops root too
    before = digest_of(db)
    r = run(tmp_path, monkeypatch, *args, "--db", str(db))
    assert r.exit_code in (0, 1), r.output
    # the corpus read-only; nothing else but a state kept in memory (`commands` builds the bot)
    assert opened and all((o.startswith("file:") and "mode=ro" in o) or o == ":memory:" for o in opened), opened
    assert any(o.startswith("file:") for o in opened)
    assert digest_of(db) == before
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_read_only_database_answers_as_before(tmp_path, monkeypatch, db):
    os.chmod(db, 0o444)
    r = run(tmp_path, monkeypatch, "search", "多功熊机构", "--db", str(db), "--json")
    assert r.exit_code == 0 and "多功能机构" in r.stdout


def test_a_read_only_store_refuses_to_record(db):
    store = Store(db, readonly=True)
    assert not store.writable
    with pytest.raises(Exception, match="read-only"):
        store.set_meta("k", "v")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.db.execute("DELETE FROM footnotes")
    store.close()


def test_a_wal_database_whose_index_cannot_be_made_is_read_as_immutable(tmp_path, monkeypatch, db):
    """As on a read-only mount: SQLite can't create the -shm file, so mode=ro alone fails."""
    connect = sqlite3.connect

    class Refused:
        def execute(self, *a):
            raise sqlite3.OperationalError("attempt to write a readonly database")

        def close(self):
            pass

    def no_shm(target, *a, **kw):
        if "mode=ro" in str(target) and "immutable=1" not in str(target):
            return Refused()
        return connect(target, *a, **kw)

    monkeypatch.setattr(sqlite3, "connect", no_shm)
    r = run(tmp_path, monkeypatch, "doc", "75/276", "--db", str(db))
    assert r.exit_code == 0, r.output


# -- bad usage: 2 ----------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["search", "\udcff\udcfe合作"], ["doc", "75/276\udcc3"], ["stats", "--db", "x\udcff.db"],
                                  ["quote", "张军", "\udce4"]])
def test_invalid_utf8_in_an_argument_is_a_usage_error(tmp_path, monkeypatch, db, args):
    r = run(tmp_path, monkeypatch, *args, *(["--db", str(db)] if "--db" not in args else []))
    assert r.exit_code == 2 and "not valid UTF-8" in r.output and "Traceback" not in r.output


@pytest.mark.parametrize("args", [["--date", "0001-01-01"], ["--date", "9999-12-31"], ["--since", "0001-01-01T00:00"],
                                  ["--date", "1900-01-01"]])
def test_a_digest_date_out_of_range_is_a_usage_error(tmp_path, monkeypatch, db, args):
    r = run(tmp_path, monkeypatch, "digest", *args, "--db", str(db))
    assert r.exit_code == 2 and "out of range" in r.output


def test_a_digest_of_the_first_and_last_days_answers(tmp_path, monkeypatch, db):
    for day in ("1945-01-01", "9998-12-31"):
        assert run(tmp_path, monkeypatch, "digest", "--date", day, "--db", str(db)).exit_code == 0


@pytest.mark.parametrize("command", [["stats"], ["search", "合作"], ["ingest", str(SEEDS)], ["shell"]])
def test_an_empty_db_option_is_a_usage_error(tmp_path, monkeypatch, command):
    r = run(tmp_path, monkeypatch, *command, "--db", "")
    assert r.exit_code == 2 and "--db needs a path" in r.output
    assert not (tmp_path / "data").exists()


def test_a_query_too_broad_is_a_usage_error(tmp_path, monkeypatch, db):
    r = run(tmp_path, monkeypatch, "search", " ".join("联合国安全理事会大会决议第号执行部分序言段落"), "--db", str(db))
    assert r.exit_code == 2 and "too broad" in r.output


def test_the_command_lines_budget_is_a_setting(tmp_path, monkeypatch, db):
    r = run(tmp_path, monkeypatch, "search", "合作", "--db", str(db), env={"PLENARY_CLI_BUDGET": "0.000001"})
    assert r.exit_code == 2 and "too broad" in r.output and "PLENARY_CLI_BUDGET" in r.output
    r = run(tmp_path, monkeypatch, "search", "合作", "--db", str(db), env={"PLENARY_CLI_BUDGET": "soon"})
    assert r.exit_code == 2 and "PLENARY_CLI_BUDGET" in r.output


# -- database unusable: 3, with the reason and what to do ------------------------------------------


def test_a_missing_db_is_not_created_by_a_command_that_answers(tmp_path, monkeypatch):
    missing = tmp_path / "typo" / "plenary.db"
    for args in (["stats"], ["search", "合作"], ["doc", "75/276"], ["shell"]):
        r = run(tmp_path, monkeypatch, *args, "--db", str(missing))
        assert r.exit_code == 3 and "no database at" in r.output and "plenary ingest --db" in r.output
    assert not missing.exists() and not missing.parent.exists()


def test_ingest_creates_a_missing_db(tmp_path, monkeypatch):
    target = tmp_path / "new" / "plenary.db"
    r = run(tmp_path, monkeypatch, "ingest", str(SEEDS), "--db", str(target))
    assert r.exit_code == 0 and target.exists()


def test_the_default_db_is_built_from_seeds_on_first_use(tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    r = run(tmp_path, monkeypatch, "doc", "75/276")
    assert r.exit_code == 0 and (tmp_path / "data" / "plenary.db").exists() and "first use" in r.output


def _corrupt(path):
    path.write_bytes(b"this is not a database, just bytes\n" * 200)


def _foreign(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("make", "said"), [
    (lambda p: p.mkdir(), "is a directory"),
    (_corrupt, "corrupt"),
    (_foreign, "not a Plenary database"),
    (lambda p: p.write_bytes(b""), "empty database"),
])
@pytest.mark.parametrize("args", [["stats"], ["search", "合作"], ["ingest", str(SEEDS)]])
def test_an_unusable_db_says_why_and_what_to_do(tmp_path, monkeypatch, make, said, args):
    target = tmp_path / "target.db"
    make(target)
    r = run(tmp_path, monkeypatch, *args, "--db", str(target))
    if said == "empty database" and args[0] == "ingest":
        assert r.exit_code == 0  # ingest builds into an empty file
        return
    assert r.exit_code == 3, r.output
    assert said in r.output and ("--db" in r.output or "plenary ingest" in r.output)
    assert "Traceback" not in r.output and "internal error" not in r.output


def test_an_unreadable_path_says_why(tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("x")
    under_a_file = str(tmp_path / "a-file" / "plenary.db")
    for args in (["stats"], ["ingest", str(SEEDS)]):
        r = run(tmp_path, monkeypatch, *args, "--db", under_a_file)
        assert r.exit_code == 3 and "can't be opened" in r.output and "a-file is a file, not a folder" in r.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_a_file_nobody_may_read_says_why(tmp_path, monkeypatch, db):
    os.chmod(db, 0)
    r = run(tmp_path, monkeypatch, "stats", "--db", str(db))
    assert r.exit_code == 3 and "can't be opened" in r.output


def test_a_database_fault_mid_answer_is_3_not_an_internal_error(tmp_path, monkeypatch, db):
    import bot.answers.lookup as lookup_module

    def broken(*a, **kw):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(lookup_module, "lookup", broken)
    r = run(tmp_path, monkeypatch, "doc", "75/276", "--db", str(db))
    assert r.exit_code == 3 and "corrupt" in r.output and str(db) in r.output


# -- internal error: 4 ------------------------------------------------------------------------


def test_a_bug_is_an_internal_error_4(tmp_path, monkeypatch, db):
    import bot.answers.lookup as lookup_module

    def bug(*a, **kw):
        raise KeyError("oops")

    monkeypatch.setattr(lookup_module, "lookup", bug)
    r = run(tmp_path, monkeypatch, "doc", "75/276", "--db", str(db))
    assert r.exit_code == 4 and "internal error" in r.output and "Traceback" not in r.output
    monkeypatch.setattr(lookup_module, "lookup", lambda *a, **k: (_ for _ in ()).throw(
        sqlite3.OperationalError("near \"SELEC\": syntax error")))
    assert run(tmp_path, monkeypatch, "doc", "75/276", "--db", str(db)).exit_code == 4  # our SQL: a bug
