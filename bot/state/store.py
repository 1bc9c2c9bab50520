"""The bot's state: what users set up and what it has delivered. Not the corpus.

The corpus (bot/store.py) can be rebuilt from its files at any time; this can't. It lives in a
store of its own (an SQLite file beside the corpus, or PostgreSQL: bot/state/backends.py) with
versioned, forward-only migrations (bot/state/migrations.py), so no corpus change and no
upgrade ever touches it.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.state import migrations
from bot.state.backends import Backend, StateError, connect

# How long a claim on a delivery holds before another process may take it over: shorter than
# the few minutes in which Discord refuses a second message with the same nonce, so a
# take-over's send is matched to a first send that went out before its process died.
LEASE_SECONDS = 60.0


@dataclass(frozen=True)
class Claim:
    """The right to send one delivery, held until ``lease_until``."""

    kind: str
    target: str
    period: str
    nonce: str
    attempts: int
    claimed_by: str


@dataclass(frozen=True)
class Delivery:
    kind: str
    target: str
    period: str
    status: str  # claimed, retry, sent, failed, missed
    attempts: int
    message_id: str | None
    detail: str | None

    def as_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


def nonce_for(kind: str, target: str, period: str) -> str:
    """The same for every attempt at one delivery, in any process: Discord's enforce_nonce
    then refuses to post it twice (at most 25 characters)."""
    return hashlib.sha256(f"{kind}:{target}:{period}".encode()).hexdigest()[:25]


def process_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class State:
    def __init__(self, backend: Backend):
        self.backend = backend
        self.me = process_name()
        with backend.transaction() as tx:
            if backend.dialect == "postgresql":  # two processes starting at once migrate one at a time
                tx.execute("SELECT pg_advisory_xact_lock(7355608)")
            self.migrated = migrations.upgrade(tx, backend.dialect)

    @property
    def created(self) -> bool:
        """Was the store made just now (so an older corpus's state may be brought over)?"""
        return self.migrated[0] == 0

    def close(self) -> None:
        self.backend.close()

    def describe(self) -> str:
        return self.backend.describe()

    # -- settings ---------------------------------------------------------------------------

    def setting(self, scope: str, key: str) -> str | None:
        with self.backend.transaction() as tx:
            rows = tx.rows("SELECT value FROM settings WHERE scope = ? AND key = ?", [scope, key])
        return rows[0][0] if rows else None

    def settings(self, key: str) -> dict[str, str]:
        """Every scope's value of ``key``."""
        with self.backend.transaction() as tx:
            return {s: v for s, v in tx.rows("SELECT scope, value FROM settings WHERE key = ?", [key])
                    if v is not None}

    def set_setting(self, scope: str, key: str, value: str | None) -> None:
        with self.backend.transaction() as tx:
            if value is None:
                tx.execute("DELETE FROM settings WHERE scope = ? AND key = ?", [scope, key])
            else:
                tx.execute("INSERT INTO settings (scope, key, value) VALUES (?, ?, ?) "
                           "ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value", [scope, key, value])

    # -- saved queries and rotation ---------------------------------------------------------

    def save_query(self, params: dict[str, Any]) -> str:
        """A short key for a query's parameters (a button's custom_id holds 100 characters)."""
        text = json.dumps(params, ensure_ascii=False, sort_keys=True)
        key = hashlib.sha1(text.encode()).hexdigest()[:12]
        with self.backend.transaction() as tx:
            tx.execute("INSERT INTO saved_queries (key, params, created_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (key) DO NOTHING", [key, text, _now_iso()])
        return key

    def load_query(self, key: str) -> dict[str, Any] | None:
        with self.backend.transaction() as tx:
            rows = tx.rows("SELECT params FROM saved_queries WHERE key = ?", [key])
        return json.loads(rows[0][0]) if rows else None

    def next_rotation(self, key: str, size: int) -> int:
        """The next position of a rotation over ``size`` items (0, 1, … wrapping), advancing it."""
        with self.backend.transaction() as tx:
            rows = tx.rows("INSERT INTO rotation (key, position) VALUES (?, 1) ON CONFLICT (key) DO UPDATE "
                           "SET position = rotation.position + 1 RETURNING position", [key])
        return (rows[0][0] - 1) % max(size, 1)

    # -- subscriptions (their timing is bot/schedule.py's) ----------------------------------

    def subscription_rows(self, guild_id: int | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT guild_id, channel_id, time, timezone, active, paused_reason, last_sent FROM subscriptions"
               + (" WHERE guild_id = ?" if guild_id is not None else "") + " ORDER BY guild_id")
        with self.backend.transaction() as tx:
            rows = tx.rows(sql, [guild_id] if guild_id is not None else [])
        names = ("guild_id", "channel_id", "time", "timezone", "active", "paused_reason", "last_sent")
        return [dict(zip(names, r)) for r in rows]

    def put_subscription(self, guild_id: int, channel_id: int, at: str, timezone: str, by: int) -> None:
        with self.backend.transaction() as tx:
            tx.execute(
                "INSERT INTO subscriptions (guild_id, channel_id, time, timezone, active, paused_reason, created_by,"
                " created_at) VALUES (?, ?, ?, ?, 1, NULL, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET"
                " channel_id = excluded.channel_id, time = excluded.time, timezone = excluded.timezone,"
                " active = 1, paused_reason = NULL, created_by = excluded.created_by,"
                " created_at = excluded.created_at", [guild_id, channel_id, at, timezone, by, _now_iso()])

    def delete_subscription(self, guild_id: int) -> bool:
        with self.backend.transaction() as tx:
            return tx.execute("DELETE FROM subscriptions WHERE guild_id = ?", [guild_id]).rowcount > 0

    def mark_last_sent(self, guild_id: int, day: str) -> None:
        with self.backend.transaction() as tx:
            tx.execute("UPDATE subscriptions SET last_sent = ? WHERE guild_id = ?", [day, guild_id])

    def pause_subscription(self, guild_id: int, reason: str) -> None:
        with self.backend.transaction() as tx:
            tx.execute("UPDATE subscriptions SET active = 0, paused_reason = ? WHERE guild_id = ?", [reason, guild_id])

    # -- deliveries: claim, send, record -------------------------------------------------------

    def finished(self, kind: str, targets: list[str]) -> set[tuple[str, str]]:
        """(target, period) of the deliveries of ``kind`` to ``targets`` that need no more
        attempts: sent, failed for good, or missed."""
        if not targets:
            return set()
        marks = ", ".join("?" for _ in targets)
        with self.backend.transaction() as tx:
            rows = tx.rows(f"SELECT target, period FROM deliveries WHERE kind = ? AND target IN ({marks}) "
                           "AND status IN ('sent', 'failed', 'missed')", [kind, *targets])
        return {(t, p) for t, p in rows}

    def claim(self, kind: str, target: str, period: str, channel_id: int | None = None,
              now: float | None = None, lease: float = LEASE_SECONDS) -> Claim | None:
        """Take the one right to send this delivery, or None if another process holds it, it
        is done, or its next attempt is not due. One transaction: of any number of claimants,
        in any number of processes, one gets it."""
        now = time.time() if now is None else now
        nonce = nonce_for(kind, target, period)
        with self.backend.transaction() as tx:
            rows = tx.rows(
                "INSERT INTO deliveries (kind, target, period, channel_id, nonce, status, claimed_by, lease_until,"
                " attempts, next_attempt, updated_at) VALUES (?, ?, ?, ?, ?, 'claimed', ?, ?, 1, 0, ?)"
                " ON CONFLICT (kind, target, period) DO UPDATE SET status = 'claimed',"
                " claimed_by = excluded.claimed_by, lease_until = excluded.lease_until,"
                " attempts = deliveries.attempts + 1, updated_at = excluded.updated_at"
                " WHERE deliveries.status IN ('claimed', 'retry') AND deliveries.lease_until < ?"
                " AND deliveries.next_attempt <= ?"
                " RETURNING nonce, attempts",
                [kind, target, period, channel_id, nonce, self.me, now + lease, now, now, now])
        if not rows:
            return None
        return Claim(kind, target, period, rows[0][0], rows[0][1], self.me)

    def _settle(self, claim: Claim, sql: str, params: list[Any]) -> bool:
        with self.backend.transaction() as tx:
            cur = tx.execute(sql + " WHERE kind = ? AND target = ? AND period = ? AND status = 'claimed'",
                             [*params, time.time(), claim.kind, claim.target, claim.period])
            return cur.rowcount > 0

    def delivered(self, claim: Claim, message_id: str | int | None) -> bool:
        """Record the send. Recorded whoever holds the claim now: the message is out."""
        return self._settle(claim, "UPDATE deliveries SET status = 'sent', message_id = ?, lease_until = 0,"
                            " detail = NULL, updated_at = ?", [str(message_id) if message_id is not None else None])

    def retry_later(self, claim: Claim, at: float, why: str) -> bool:
        """Give the claim back, to be taken again from ``at`` (a 429, a 5xx, a network fault)."""
        return self._settle(claim, "UPDATE deliveries SET status = 'retry', lease_until = 0, next_attempt = ?,"
                            " detail = ?, updated_at = ?", [at, why])

    def give_up(self, claim: Claim, status: str, why: str) -> bool:
        """Stop trying: ``failed`` (the channel is gone, the bot may not post) or ``missed``
        (its day ended before it could be sent)."""
        return self._settle(claim, "UPDATE deliveries SET status = ?, lease_until = 0, detail = ?, updated_at = ?",
                            [status, why])

    def delivery(self, kind: str, target: str, period: str) -> Delivery | None:
        with self.backend.transaction() as tx:
            rows = tx.rows("SELECT kind, target, period, status, attempts, message_id, detail FROM deliveries "
                           "WHERE kind = ? AND target = ? AND period = ?", [kind, target, period])
        return Delivery(*rows[0]) if rows else None

    def deliveries(self, kind: str | None = None) -> list[Delivery]:
        with self.backend.transaction() as tx:
            rows = tx.rows("SELECT kind, target, period, status, attempts, message_id, detail FROM deliveries"
                           + (" WHERE kind = ?" if kind else "") + " ORDER BY kind, target, period",
                           [kind] if kind else [])
        return [Delivery(*r) for r in rows]

    # -- watches and their alerts (bot/watches.py) ------------------------------------------------

    _WATCH_COLUMNS = ("id", "owner", "kind", "value", "mark", "guild_id", "channel_id", "user_id", "doc_kind",
                      "language", "locale")

    def add_watch(self, *, owner: str, kind: str, value: str, mark: str, guild_id: int | None = None,
                  channel_id: int | None = None, user_id: int | None = None, doc_kind: str | None = None,
                  language: str | None = None, locale: str | None = None, created_by: int | None = None) -> int:
        with self.backend.transaction() as tx:
            rows = tx.rows(
                "INSERT INTO watches (owner, kind, value, mark, guild_id, channel_id, user_id, doc_kind, language,"
                " locale, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [owner, kind, value, mark, guild_id, channel_id, user_id, doc_kind, language, locale, created_by,
                 _now_iso()])
        return int(rows[0][0])

    def watch_rows(self, watch_id: int | None = None, guild_id: int | None = None, user_id: int | None = None,
                   owner: str | None = None, channel_id: int | None = None) -> list[dict[str, Any]]:
        """Watches, all or those matching every filter given."""
        where, params = [], []
        for column, value in (("id", watch_id), ("guild_id", guild_id), ("user_id", user_id), ("owner", owner),
                              ("channel_id", channel_id)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        sql = f"SELECT {', '.join(self._WATCH_COLUMNS)} FROM watches"
        with self.backend.transaction() as tx:
            rows = tx.rows(sql + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id", params)
        return [dict(zip(self._WATCH_COLUMNS, r)) for r in rows]

    def remove_watch(self, watch_id: int) -> bool:
        with self.backend.transaction() as tx:
            tx.execute("DELETE FROM alerts WHERE watch_id = ?", [watch_id])
            return tx.execute("DELETE FROM watches WHERE id = ?", [watch_id]).rowcount > 0

    def advance_watch(self, watch_id: int, old_mark: str, new_mark: str, found: list[dict[str, Any]]) -> int:
        """Move a watch's mark from ``old_mark`` to ``new_mark`` and record what it found, in one
        transaction that succeeds only if the mark is still ``old_mark``: of several processes
        scanning at once, one records the alerts. Returns how many alerts are new."""
        added = 0
        with self.backend.transaction() as tx:
            moved = tx.execute("UPDATE watches SET mark = ? WHERE id = ? AND mark = ?",
                               [new_mark, watch_id, old_mark]).rowcount
            if not moved:
                return 0
            for position, m in enumerate(found):
                added += tx.execute(
                    "INSERT INTO alerts (watch_id, doc_id, item, batch, position, symbol, label, why, excerpt, url)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (watch_id, doc_id, item) DO NOTHING",
                    [watch_id, m["doc_id"], m["item"], new_mark, position, m["symbol"], m["label"], m["why"],
                     m["excerpt"], m.get("url") or ""]).rowcount
        return added

    _ALERT_COLUMNS = ("watch_id", "doc_id", "item", "batch", "symbol", "label", "why", "excerpt", "url")

    def pending_alerts(self, watch_ids: list[int] | None = None) -> list[dict[str, Any]]:
        """Alerts not yet delivered, by watch and batch, oldest first."""
        sql = f"SELECT {', '.join(self._ALERT_COLUMNS)} FROM alerts WHERE delivered = 0"
        params: list[Any] = []
        if watch_ids is not None:
            if not watch_ids:
                return []
            sql += f" AND watch_id IN ({', '.join('?' * len(watch_ids))})"
            params = list(watch_ids)
        with self.backend.transaction() as tx:
            rows = tx.rows(sql + " ORDER BY watch_id, batch, position", params)
        return [dict(zip(self._ALERT_COLUMNS, r)) for r in rows]

    def alerts_of(self, watch_id: int, batch: str) -> list[dict[str, Any]]:
        """Every alert of one watch's batch, delivered or not (the "More" button)."""
        with self.backend.transaction() as tx:
            rows = tx.rows(f"SELECT {', '.join(self._ALERT_COLUMNS)} FROM alerts WHERE watch_id = ? AND batch = ?"
                           " ORDER BY position", [watch_id, batch])
        return [dict(zip(self._ALERT_COLUMNS, r)) for r in rows]

    def alerts_since(self, channel_id: int, since: str) -> list[dict[str, Any]]:
        """The alerts of a channel's watches found after the corpus time ``since`` (for the digest)."""
        with self.backend.transaction() as tx:
            rows = tx.rows(f"SELECT {', '.join('a.' + c for c in self._ALERT_COLUMNS)} FROM alerts a"
                           " JOIN watches w ON w.id = a.watch_id WHERE w.channel_id = ? AND a.batch > ?"
                           " ORDER BY a.batch, a.watch_id, a.position", [channel_id, since])
        return [dict(zip(self._ALERT_COLUMNS, r)) for r in rows]

    def mark_delivered(self, watch_id: int, batch: str | None = None) -> int:
        """Record a watch's alerts (of one batch, or all) as delivered."""
        sql = "UPDATE alerts SET delivered = 1 WHERE watch_id = ? AND delivered = 0"
        with self.backend.transaction() as tx:
            return tx.execute(sql + (" AND batch = ?" if batch else ""), [watch_id, *([batch] if batch else [])]).rowcount

    # -- bringing over the state an older corpus database held --------------------------------

    def adopt_legacy(self, corpus: Path) -> int:
        """Copy subscriptions, settings, saved queries and quote rotation out of a corpus
        database of schema 4 or older (when they lived there), into this new store; the corpus
        file is only read. Returns how many rows came over."""
        if not corpus.is_file():
            return 0
        try:
            src = sqlite3.connect(f"file:{corpus.resolve()}?mode=ro", uri=True)
        except sqlite3.Error:
            return 0
        moved = 0
        try:
            tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "subscriptions" in tables:
                for r in src.execute("SELECT guild_id, channel_id, time, timezone, active, paused_reason, last_sent,"
                                     " created_by, created_at FROM subscriptions"):
                    with self.backend.transaction() as tx:
                        tx.execute("INSERT INTO subscriptions (guild_id, channel_id, time, timezone, active,"
                                   " paused_reason, last_sent, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                   " ON CONFLICT (guild_id) DO NOTHING", list(r))
                    moved += 1
            if "guild_settings" in tables:
                for guild, on in src.execute("SELECT guild_id, auto_symbols FROM guild_settings"):
                    self.set_setting(f"guild:{guild}", "auto_symbols", "1" if on else "0")
                    moved += 1
            if "meta" in tables:
                for key, value in src.execute("SELECT key, value FROM meta WHERE key LIKE 'cooldown:%' "
                                              "OR key LIKE 'language:%' OR key LIKE 'commands_hash:%'"):
                    name, _, who = key.partition(":")
                    scope = "bot" if name == "commands_hash" else f"guild:{who}"
                    self.set_setting(scope, key if name == "commands_hash" else name, value or None)
                    moved += 1
            for table, cols in (("saved_queries", "key, params, created_at"), ("rotation", "key, position")):
                if table in tables:
                    for r in src.execute(f"SELECT {cols} FROM {table}"):
                        with self.backend.transaction() as tx:
                            tx.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(r))}) "
                                       "ON CONFLICT (key) DO NOTHING", list(r))
                        moved += 1
        except sqlite3.Error:
            return moved
        finally:
            src.close()
        return moved


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_url(corpus: Path) -> str:
    """PLENARY_STATE_URL, else an SQLite file beside the corpus (data/plenary.db → data/plenary-state.db)."""
    from bot import config

    return config.state_url() or str(corpus.with_name(corpus.stem + "-state.db"))


def open_state(url: str | None = None, corpus: Path | None = None) -> State:
    """The state store at ``url`` (default: see default_url). A new store takes over what an
    older corpus database at ``corpus`` held."""
    if url is None:
        if corpus is None:
            raise StateError("open_state needs a URL or the corpus path it sits beside")
        url = default_url(corpus)
    state = State(connect(url))
    if state.created and corpus is not None:
        state.adopt_legacy(corpus)
    return state


def memory_state() -> State:
    """A state that lasts as long as the process: one-shot commands that record nothing."""
    return State(connect(":memory:"))
