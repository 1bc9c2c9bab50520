"""The state schema, as forward-only steps: step N takes a store from version N-1 to N.

Never edit a step that has shipped: add one. tests/test_state_migrations.py builds a store at
every earlier version, fills it, upgrades it and checks that nothing was lost. ``{serial}`` and
``{real}`` are the column types that differ between the backends (bot/state/backends.py).
"""

from __future__ import annotations

from bot.state.backends import TYPES, Tx

STEPS: list[list[str]] = [
    # 1: what the corpus database held before the state had a store of its own
    [
        ("CREATE TABLE subscriptions (guild_id BIGINT PRIMARY KEY, channel_id BIGINT NOT NULL, time TEXT NOT NULL,"
         " timezone TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, paused_reason TEXT, last_sent TEXT,"
         " created_by BIGINT, created_at TEXT)"),
        # a server's settings (scope 'guild:ID': auto_symbols, language, cooldown) and the
        # process-wide ones (scope 'bot': the hash of the synced commands)
        "CREATE TABLE settings (scope TEXT NOT NULL, key TEXT NOT NULL, value TEXT, PRIMARY KEY (scope, key))",
        "CREATE TABLE saved_queries (key TEXT PRIMARY KEY, params TEXT NOT NULL, created_at TEXT)",
        "CREATE TABLE rotation (key TEXT PRIMARY KEY, position BIGINT NOT NULL)",
    ],
    # 2: the delivery log, which makes a digest (and later an alert) go out exactly once
    [
        ("CREATE TABLE deliveries (kind TEXT NOT NULL, target TEXT NOT NULL, period TEXT NOT NULL,"
         " channel_id BIGINT, nonce TEXT NOT NULL, status TEXT NOT NULL, claimed_by TEXT,"
         " lease_until {real} NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,"
         " next_attempt {real} NOT NULL DEFAULT 0, message_id TEXT, detail TEXT, updated_at {real},"
         " PRIMARY KEY (kind, target, period))"),
        "CREATE INDEX deliveries_status ON deliveries (status, kind)",
    ],
    # 3: watches, and the alerts they raised (bot/watches.py)
    [
        # owner: 'channel' (posted in channel_id), 'user' (a direct message to user_id), or 'local'
        # (the command line's: read with plenary watch pending). kind: query, symbol, speaker,
        # country. mark: the corpus time (paragraphs.first_seen) up to which it has been matched.
        ("CREATE TABLE watches (id {serial}, owner TEXT NOT NULL, guild_id BIGINT, channel_id BIGINT,"
         " user_id BIGINT, kind TEXT NOT NULL, value TEXT NOT NULL, doc_kind TEXT, language TEXT,"
         " locale TEXT, mark TEXT NOT NULL, created_by BIGINT, created_at TEXT)"),
        "CREATE INDEX watches_owner ON watches (guild_id, user_id)",
        # one row per paragraph (or document) a watch matched; batch: the mark it was found at
        # position: the order found in (best match first; citing paragraphs in document order)
        ("CREATE TABLE alerts (watch_id BIGINT NOT NULL, doc_id TEXT NOT NULL, item TEXT NOT NULL,"
         " batch TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0, symbol TEXT, label TEXT, why TEXT,"
         " excerpt TEXT, url TEXT, delivered INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (watch_id, doc_id, item))"),
        "CREATE INDEX alerts_pending ON alerts (delivered, watch_id, batch)",
    ],
]

VERSION = len(STEPS)


def version_of(tx: Tx) -> int:
    """The store's schema version (0: no step applied yet); state_meta must exist."""
    rows = tx.rows("SELECT value FROM state_meta WHERE key = 'schema_version'")
    return int(rows[0][0]) if rows else 0


def upgrade(tx: Tx, dialect: str, to: int | None = None) -> tuple[int, int]:
    """Apply the missing steps up to ``to`` (default: the newest), in the caller's
    transaction; returns (from, to)."""
    to = VERSION if to is None else to
    tx.execute("CREATE TABLE IF NOT EXISTS state_meta (key TEXT PRIMARY KEY, value TEXT)")
    current = version_of(tx)
    if current > VERSION:
        from bot.state.backends import StateError

        raise StateError(f"the state store is at version {current}, newer than this Plenary ({VERSION}): "
                         f"upgrade Plenary; nothing was changed")
    for number in range(current + 1, to + 1):
        for sql in STEPS[number - 1]:
            tx.execute(sql.format(**TYPES[dialect]))
    if to > current:
        tx.execute("INSERT INTO state_meta (key, value) VALUES ('schema_version', ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [str(to)])
    return current, max(current, to)
