"""Ingest: idempotent, atomic replacement, bad files named and skipped, schema versioned."""

import shutil
from datetime import UTC, datetime

import pytest
from seedfiles import RES_75_268, RES_75_276, SEEDS

from bot.answers.search import search
from bot.ingest import ingest
from bot.store import SCHEMA_VERSION, Store, StoreError
from bot.schedule import Subscriptions
from bot.state import open_state


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    for name in (RES_75_276, RES_75_268, "catalog.json"):
        shutil.copy(SEEDS / name, d / name)
    return d


def counts(store):
    return {t: store.one(f"SELECT count(*) AS n FROM {t}")["n"] for t in ("documents", "paragraphs", "footnotes", "citations")}


def test_the_same_files_twice_change_nothing(tmp_path, folder):
    store = Store(tmp_path / "p.db")
    first = ingest([folder], store)
    before = counts(store)
    second = ingest([folder], store)
    assert len(first.added) == 2 and second.added == [] and len(second.unchanged) == 2
    assert counts(store) == before


def test_a_changed_file_replaces_its_document(tmp_path, folder):
    store = Store(tmp_path / "p.db")
    ingest([folder], store)
    before = counts(store)
    path = folder / RES_75_268
    path.write_text(path.read_text(encoding="utf-8").replace("1. **承认**", "1. **确认**"), encoding="utf-8")
    report = ingest([path], store)
    assert report.replaced == [str(path)]
    assert counts(store) == before
    assert store.one("SELECT verb FROM paragraphs WHERE doc_id = 'A/RES/75/268' AND label = 'OP1'")["verb"] == "确认"
    new = search(store, "确认上海合作组织在确保").results
    assert [(h.label, h.score) for h in new][:1] == [("OP1", 100.0)]
    # The old paragraph's grams are gone from the index: its words no longer find anything exact.
    assert not [h for h in search(store, "承认上海合作组织在确保").results if h.score == 100.0]


def test_a_failed_replacement_leaves_the_old_document(tmp_path, folder, monkeypatch):
    store = Store(tmp_path / "p.db")
    ingest([folder], store)
    before = counts(store)
    path = folder / RES_75_268
    path.write_text(path.read_text(encoding="utf-8") + "\n\n6. 决定继续处理此案。\n", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(Store, "_insert", boom)
    report = ingest([path], store)
    assert report.failed and counts(store) == before


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.bin", bytes(range(256)) * 4, "binary"),
        ("latin1.txt", "caf\xe9 \xff\xfe".encode("latin-1") * 3 + b"\x81\x30", "not UTF-8"),
    ],
)
def test_a_bad_file_is_named_and_skipped_while_the_others_go_in(tmp_path, folder, name, content, reason):
    (folder / name).write_bytes(content)
    store = Store(tmp_path / "p.db")
    report = ingest([folder], store)
    assert len(report.added) == 2
    assert [p for p, _ in report.failed] == [str(folder / name)]
    assert reason in report.failed[0][1]


def test_readable_text_no_grammar_knows_is_stored_as_a_plain_document(tmp_path, folder):
    (folder / "news.txt").write_text("安理会今日开会\n\n今天天气很好，我们去公园散步。\n\n代表们讨论了局势。\n", encoding="utf-8")
    store = Store(tmp_path / "p.db")
    report = ingest([folder], store)
    assert not report.failed and len(report.added) == 3
    row = store.one("SELECT kind, title, paragraphs FROM documents WHERE source LIKE '%news.txt'")
    assert row == {"kind": "document", "title": "安理会今日开会", "paragraphs": 3}


def test_each_document_records_when_it_was_ingested(tmp_path, folder):
    store = Store(tmp_path / "p.db")
    ingest([folder], store)
    assert all(r["ingested_at"] for r in store.query("SELECT ingested_at FROM documents"))


def test_an_old_schema_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "p.db"
    store = Store(path)
    store.db.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    store.db.conn.commit()
    store.close()
    with pytest.raises(StoreError, match=f"reads {SCHEMA_VERSION}: run 'plenary ingest.*to rebuild it"):
        Store(path)


def test_a_foreign_database_is_refused(tmp_path):
    import sqlite3

    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE x (y)")
    with pytest.raises(StoreError, match="not a Plenary database"):
        Store(path)


def test_footnotes_are_linked_to_the_paragraphs_that_cite_them(seeded_db):
    rows = seeded_db.query(
        """SELECT p.label, f.marker FROM paragraph_footnotes pf JOIN paragraphs p ON p.id = pf.paragraph_id
           JOIN footnotes f ON f.id = pf.footnote_id WHERE p.doc_id = 'A/RES/75/276' ORDER BY p.seq, f.marker""")
    assert [(r["label"], r["marker"]) for r in rows][:4] == [("PP1", 1), ("PP4", 2), ("PP5", 3), ("PP5", 4)]


def test_citation_graph_holds_every_cited_symbol(seeded_db):
    cited = {r["symbol"] for r in seeded_db.query("SELECT symbol FROM citations WHERE doc_id = 'A/RES/75/276'")}
    assert {"A/RES/59/50", "S/RES/1631 (2005)", "A/75/345", "S/2020/898", "S/PRST/2013/12", "E/2009/28",
            "A/RES/S-30/1", "S/INF/69"} <= cited


def test_a_version_3_database_is_migrated_keeping_its_state_and_re_read_by_the_next_ingest(tmp_path, folder):
    """An upgrade never asks anyone to delete the database: the subscriptions it held come over
    to the state store, and the corpus parsed by the older grammars is re-read although its
    files have not changed."""
    path = tmp_path / "p.db"
    store = Store(path)
    ingest([folder], store)
    store.db.execute("CREATE TABLE subscriptions (guild_id INTEGER PRIMARY KEY, channel_id INTEGER, time TEXT,"
                     " timezone TEXT, active INTEGER, paused_reason TEXT, last_sent TEXT, created_by INTEGER,"
                     " created_at TEXT)")
    store.db.execute("INSERT INTO subscriptions (guild_id, channel_id, time, timezone, active) VALUES (1, 2, '09:00', 'UTC', 1)")
    for sql in ("ALTER TABLE paragraphs DROP COLUMN page", "ALTER TABLE paragraphs DROP COLUMN part",
                "ALTER TABLE paragraphs DROP COLUMN first_seen",
                "ALTER TABLE documents DROP COLUMN warnings", "DROP INDEX idx_documents_symbol_language",
                "ALTER TABLE documents DROP COLUMN language", "UPDATE meta SET value = '3' WHERE key = 'schema_version'",
                "DELETE FROM meta WHERE key = 'parser_version'"):
        store.db.execute(sql)
    store.db.conn.commit()
    store.close()
    store = Store(path)
    state = open_state(str(tmp_path / "state.db"), corpus=path)
    assert [(s.guild_id, s.channel_id, s.time) for s in Subscriptions(state).all()] == [(1, 2, "09:00")]
    assert not store.parsed_by_current()
    report = ingest([folder], store, now=datetime(2030, 1, 1, tzinfo=UTC))
    assert len(report.replaced) == 2 and not report.unchanged
    assert store.parsed_by_current()
    assert ingest([folder], store).unchanged == [str(p) for p in sorted(folder.iterdir()) if p.suffix == ".txt"]
