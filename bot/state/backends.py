"""Where the bot's state is kept: an SQLite file (the default, nothing to set up) or a
PostgreSQL database (``PLENARY_STATE_URL=postgresql://…``), behind one small interface.

Both run the same SQL: ``?`` placeholders (rewritten to ``%s`` for psycopg), ``ON CONFLICT``
upserts and ``RETURNING``, which SQLite has since 3.35 and PostgreSQL since 9.5. The few
differences of schema (an auto-numbered key) are named in ``TYPES``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

TYPES = {
    "sqlite": {"serial": "INTEGER PRIMARY KEY", "real": "REAL"},
    "postgresql": {"serial": "BIGSERIAL PRIMARY KEY", "real": "DOUBLE PRECISION"},
}


class StateError(RuntimeError):
    """The state store can't be used; the message says why and what to do."""


class Tx(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...


class Backend(Protocol):
    dialect: str

    def transaction(self) -> Any: ...
    def close(self) -> None: ...
    def describe(self) -> str: ...


class _SqliteTx:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, list(params))

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, list(params)).fetchall()


class SqliteBackend:
    """One connection shared by the bot's threads, one transaction at a time (its lock).
    ``synchronous=FULL``: state is small and precious, a delivery recorded is on disk."""

    dialect = "sqlite"

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            # timeout: a file held by another process (a second bot, a backup) is waited for
            self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
        except sqlite3.Error as exc:
            raise StateError(f"the state database {self.path} can't be opened ({exc}): check the path and "
                             f"its permissions, or set PLENARY_STATE_URL") from exc
        self.lock = threading.RLock()

    @contextmanager
    def transaction(self) -> Iterator[_SqliteTx]:
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield _SqliteTx(self.conn)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def describe(self) -> str:
        return f"sqlite:{self.path}"


class _PgTx:
    def __init__(self, cur: Any):
        self.cur = cur

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        self.cur.execute(sql.replace("?", "%s"), list(params))
        return self.cur

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        self.cur.execute(sql.replace("?", "%s"), list(params))
        return self.cur.fetchall() if self.cur.description else []


class PostgresBackend:
    """One psycopg 3 connection per process, one transaction at a time; a connection that
    broke (a server restart) is made again on the next transaction."""

    dialect = "postgresql"

    def __init__(self, url: str):
        self.url = url
        self.lock = threading.RLock()
        self.conn = self._connect()

    def _connect(self) -> Any:
        import psycopg

        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StateError(f"PostgreSQL at {self.describe()} can't be reached ({str(exc).strip()}): check "
                             f"PLENARY_STATE_URL and that the server runs") from exc

    @contextmanager
    def transaction(self) -> Iterator[_PgTx]:
        with self.lock:
            if self.conn.closed or self.conn.broken:
                self.conn = self._connect()
            with self.conn.transaction(), self.conn.cursor() as cur:
                yield _PgTx(cur)

    def close(self) -> None:
        self.conn.close()

    def describe(self) -> str:
        """The URL without its password: safe to log."""
        from urllib.parse import urlsplit, urlunsplit

        parts = urlsplit(self.url)
        host = parts.hostname or ""
        user = f"{parts.username}@" if parts.username else ""
        port = f":{parts.port}" if parts.port else ""
        return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, "", ""))


def connect(url: str) -> SqliteBackend | PostgresBackend:
    """``postgresql://…`` (or ``postgres://…``), ``sqlite:///relative/path`` or
    ``sqlite:////absolute/path`` (as SQLAlchemy writes them), or a plain file path."""
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(url)
    if url.startswith("sqlite:"):
        url = url.removeprefix("sqlite:").removeprefix("//").removeprefix("/")
    if not url:
        raise StateError("PLENARY_STATE_URL names no file: write sqlite:///data/state.db or postgresql://…")
    return SqliteBackend(url)
