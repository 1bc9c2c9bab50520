"""The bot's state store (bot/state), the same tests on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, date, datetime

import pytest

from bot.schedule import Subscriptions, backoff
from bot.state import State, StateError, memory_state, nonce_for, open_state
from bot.state import migrations
from bot.state.backends import connect
from bot.store import Store

NOW = 1_800_000_000.0


def test_settings_are_kept_per_scope_and_removed_with_none(state_url):
    state = open_state(state_url)
    state.set_setting("guild:1", "language", "en")
    state.set_setting("guild:2", "language", "zh")
    state.set_setting("guild:2", "language", "fr")
    assert state.setting("guild:1", "language") == "en"
    assert state.settings("language") == {"guild:1": "en", "guild:2": "fr"}
    state.set_setting("guild:1", "language", None)
    assert state.setting("guild:1", "language") is None


def test_a_saved_query_comes_back_by_its_short_key(state_url):
    state = open_state(state_url)
    key = state.save_query({"query": "多功能机构", "limit": 5})
    assert len(key) == 12 and state.save_query({"limit": 5, "query": "多功能机构"}) == key
    assert state.load_query(key) == {"query": "多功能机构", "limit": 5}
    assert state.load_query("nope") is None


def test_rotation_advances_and_wraps(state_url):
    state = open_state(state_url)
    assert [state.next_rotation("quote:x", 3) for _ in range(5)] == [0, 1, 2, 0, 1]


def test_state_survives_reopening(state_url):
    first = open_state(state_url)
    Subscriptions(first).subscribe(7, 8, "09:30", "Asia/Shanghai", 1)
    first.set_setting("guild:7", "cooldown", "3/10")
    first.close()
    again = open_state(state_url)
    assert Subscriptions(again).get(7).time == "09:30" and again.setting("guild:7", "cooldown") == "3/10"
    assert again.migrated == (migrations.VERSION, migrations.VERSION)


# -- the claim: exactly one claimant ------------------------------------------------------------


def test_of_many_claimants_on_their_own_connections_one_gets_the_claim(state_url):
    states = [open_state(state_url) for _ in range(8)]
    won: list[object] = []
    start = threading.Barrier(len(states))

    def claim(state: State) -> None:
        start.wait()
        got = state.claim("digest", "42", "2026-11-24", 9, NOW)
        if got:
            won.append(got)

    threads = [threading.Thread(target=claim, args=(s,)) for s in states]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(won) == 1


def test_a_claim_held_by_a_live_process_is_not_taken(state_url):
    a, b = open_state(state_url), open_state(state_url)
    assert a.claim("digest", "1", "2026-11-24", now=NOW)
    assert b.claim("digest", "1", "2026-11-24", now=NOW + 30) is None


def test_a_lapsed_claim_is_taken_over_with_the_same_nonce(state_url):
    """A process that died between claim and send: another sends, once, with the same nonce."""
    a, b = open_state(state_url), open_state(state_url)
    first = a.claim("digest", "1", "2026-11-24", now=NOW)
    second = b.claim("digest", "1", "2026-11-24", now=NOW + 61)
    assert second and second.nonce == first.nonce == nonce_for("digest", "1", "2026-11-24")
    assert second.attempts == 2 and second.claimed_by != first.claimed_by


def test_a_sent_delivery_is_never_claimed_again_even_when_the_clock_steps_back(state_url):
    state = open_state(state_url)
    claim = state.claim("digest", "1", "2026-11-24", now=NOW)
    assert state.delivered(claim, 12345)
    for when in (NOW - 3600, NOW, NOW + 86400):
        assert state.claim("digest", "1", "2026-11-24", now=when) is None
    assert state.delivery("digest", "1", "2026-11-24").message_id == "12345"
    assert state.finished("digest", ["1", "2"]) == {("1", "2026-11-24")}


def test_a_retry_waits_for_its_time(state_url):
    state = open_state(state_url)
    claim = state.claim("digest", "1", "2026-11-24", now=NOW)
    state.retry_later(claim, NOW + 30, "Discord answered 503")
    assert state.claim("digest", "1", "2026-11-24", now=NOW + 29) is None
    again = state.claim("digest", "1", "2026-11-24", now=NOW + 30)
    assert again and again.attempts == 2
    assert state.delivery("digest", "1", "2026-11-24").status == "claimed"


def test_given_up_deliveries_are_finished(state_url):
    state = open_state(state_url)
    state.give_up(state.claim("digest", "1", "2026-11-24", now=NOW), "failed", "the channel was deleted")
    assert state.claim("digest", "1", "2026-11-24", now=NOW + 999) is None
    assert state.delivery("digest", "1", "2026-11-24").detail == "the channel was deleted"


# -- subscriptions' delivery rules (bot/schedule.py over the store) -----------------------------


def test_a_failed_send_pauses_the_subscription_with_its_reason(state_url):
    subs = Subscriptions(open_state(state_url))
    sub = subs.subscribe(1, 2, "08:00", "UTC", 3)
    now = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    subs.failed(subs.claim(sub, date(2026, 11, 24), now), "the bot may not post in that channel")
    after = subs.get(1)
    assert not after.active and after.paused_reason == "the bot may not post in that channel"
    assert subs.due(now) == []


def test_a_retry_after_the_local_day_ends_is_a_miss(state_url):
    subs = Subscriptions(open_state(state_url))
    sub = subs.subscribe(1, 2, "23:59", "Asia/Shanghai", 3)
    now = datetime(2026, 11, 24, 15, 59, 50, tzinfo=UTC)  # 23:59:50 in Shanghai
    claim = subs.claim(sub, date(2026, 11, 24), now)
    assert subs.retry(claim, sub, now, "Discord answered 503") is False
    assert subs.state.delivery("digest", "1", "2026-11-24").status == "missed"


def test_backoff_doubles_to_a_ceiling():
    assert [backoff(n) for n in (1, 2, 3, 6, 10)] == [30, 60, 120, 900, 900]


def test_due_keeps_only_this_processs_shards(state_url):
    from bot.shards import parse_shards

    subs = Subscriptions(open_state(state_url))
    ids = [n << 22 for n in range(8)]  # guild n on shard n of 8
    for g in ids:
        subs.subscribe(g, 1, "08:00", "UTC", 1)
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    mine = {s.guild_id for s, _ in subs.due(now, parse_shards("0-3", 8))}
    theirs = {s.guild_id for s, _ in subs.due(now, parse_shards("4-7", 8))}
    assert mine == set(ids[:4]) and theirs == set(ids[4:])


# -- migrations: from every earlier version ------------------------------------------------------


def _fill(state: State, version: int) -> None:
    """Rows of every table that exists at ``version``."""
    with state.backend.transaction() as tx:
        tx.execute("INSERT INTO subscriptions (guild_id, channel_id, time, timezone, active) VALUES (5, 6, '07:00', 'UTC', 1)")
        tx.execute("INSERT INTO settings (scope, key, value) VALUES ('guild:5', 'language', 'zh')")
        tx.execute("INSERT INTO saved_queries (key, params) VALUES ('k', '{\"query\": \"x\"}')")
        tx.execute("INSERT INTO rotation (key, position) VALUES ('quote:x', 4)")
        if version >= 2:
            tx.execute("INSERT INTO deliveries (kind, target, period, nonce, status) "
                       "VALUES ('digest', '5', '2026-11-24', 'n', 'sent')")
        if version >= 3:
            tx.execute("INSERT INTO watches (owner, kind, value, mark) VALUES ('local', 'query', '集安组织', 'm')")
            tx.execute("INSERT INTO alerts (watch_id, doc_id, item, batch) VALUES (1, 'S/PV.8967', 'p:1', 'm')")


@pytest.mark.parametrize("start", range(1, migrations.VERSION))
def test_a_store_of_every_earlier_version_upgrades_keeping_everything(state_url, start, monkeypatch):
    monkeypatch.setattr(migrations, "VERSION", start)
    old = State(connect(state_url))
    assert old.migrated == (0, start)
    _fill(old, start)
    old.close()
    monkeypatch.undo()
    new = open_state(state_url)
    assert new.migrated == (start, migrations.VERSION)
    assert Subscriptions(new).get(5).time == "07:00" and new.setting("guild:5", "language") == "zh"
    assert new.load_query("k") == {"query": "x"} and new.next_rotation("quote:x", 10) == 4
    assert new.claim("digest", "5", "2026-11-25", now=NOW)  # the newest tables work
    assert new.add_watch(owner="local", kind="speaker", value="张军", mark="m") >= 1
    if start >= 3:
        assert new.watch_rows(watch_id=1)[0]["value"] == "集安组织" and len(new.pending_alerts()) == 1


def test_a_store_newer_than_this_plenary_is_left_alone(state_url):
    open_state(state_url).close()
    with connect(state_url).transaction() as tx:
        tx.execute("UPDATE state_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StateError, match="newer than this Plenary"):
        open_state(state_url)


# -- what the corpus database held before ---------------------------------------------------------


def test_a_new_store_takes_over_an_older_corpus_databases_state(tmp_path, state_url):
    corpus = tmp_path / "old.db"
    db = sqlite3.connect(corpus)
    db.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        INSERT INTO meta VALUES ('schema_version', '4'), ('cooldown:5', '3/10'), ('language:5', 'en'),
                                ('commands_hash:global', 'abc');
        CREATE TABLE subscriptions (guild_id INTEGER PRIMARY KEY, channel_id INTEGER, time TEXT, timezone TEXT,
            active INTEGER, paused_reason TEXT, last_sent TEXT, created_by INTEGER, created_at TEXT);
        INSERT INTO subscriptions VALUES (5, 6, '08:00', 'Europe/Geneva', 0, 'the channel was deleted', '2026-11-23', 1, NULL);
        CREATE TABLE guild_settings (guild_id INTEGER PRIMARY KEY, auto_symbols INTEGER);
        INSERT INTO guild_settings VALUES (5, 1);
        CREATE TABLE saved_queries (key TEXT PRIMARY KEY, params TEXT, created_at TEXT);
        INSERT INTO saved_queries VALUES ('abc', '{"query": "y"}', NULL);
        CREATE TABLE rotation (key TEXT PRIMARY KEY, position INTEGER);
        INSERT INTO rotation VALUES ('quote:z', 2);
    """)
    db.commit()
    db.close()
    before = corpus.read_bytes()
    state = open_state(state_url, corpus=corpus)
    sub = Subscriptions(state).get(5)
    assert (sub.timezone, sub.active, sub.paused_reason, sub.last_sent) == (
        "Europe/Geneva", False, "the channel was deleted", "2026-11-23")
    assert state.setting("guild:5", "auto_symbols") == "1" and state.setting("guild:5", "cooldown") == "3/10"
    assert state.setting("guild:5", "language") == "en" and state.setting("bot", "commands_hash:global") == "abc"
    assert state.load_query("abc") == {"query": "y"} and state.next_rotation("quote:z", 9) == 2
    assert corpus.read_bytes() == before  # only read
    state.close()
    # Taken over once: a second open does not copy again over what users changed since.
    state = open_state(state_url, corpus=corpus)
    assert state.created is False


def test_the_default_state_sits_beside_the_corpus_and_survives_a_corpus_rebuild(tmp_path, monkeypatch):
    monkeypatch.delenv("PLENARY_STATE_URL", raising=False)
    corpus = tmp_path / "plenary.db"
    Store(corpus).close()
    state = open_state(corpus=corpus)
    Subscriptions(state).subscribe(1, 2, "08:00", "UTC", 3)
    state.close()
    assert (tmp_path / "plenary-state.db").exists()
    corpus.unlink()
    assert Subscriptions(open_state(corpus=corpus)).get(1).channel_id == 2


def test_a_state_url_that_cannot_be_opened_says_so(tmp_path):
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(StateError, match="can't be opened"):
        open_state(str(tmp_path / "dir.db"))
    with pytest.raises(StateError, match="can't be reached"):
        open_state("postgresql://nobody@127.0.0.1:1/none")


def test_a_postgres_url_is_logged_without_its_password():
    from bot.state.backends import PostgresBackend

    backend = PostgresBackend.__new__(PostgresBackend)
    backend.url = "postgresql://bot:s3cret@db.example:5433/plenary"
    assert backend.describe() == "postgresql://bot@db.example:5433/plenary"


def test_memory_state_records_nothing_on_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    memory_state().set_setting("bot", "x", "y")
    assert list(tmp_path.iterdir()) == []
