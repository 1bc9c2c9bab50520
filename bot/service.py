"""One façade over the answers, for front ends that stay up (the Discord bot, the shell).

Every method returns the same JSON-shaped dict the CLI prints with --json, so the three
front ends cannot disagree. Every answer runs within a work budget (``budget`` seconds; past it
the query is refused as too broad, see bot/answers/search.py's TooBroad).

With ``readers`` the façade is shared by several worker threads (the bot, bot/chat/client.py):
each thread answers on a read-only connection of its own, so a slow answer holds up no other;
writes (quote rotation, saved queries, subscriptions, settings) go through the one read-write
store, one at a time under its lock. Without, everything runs on ``store`` (the shell, the CLI).
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot import config
from bot.answers.complete import Choice, Completer
from bot.answers.corpus import corpus_stats
from bot.answers.digest import digest
from bot.answers.lookup import lookup
from bot.answers.parallel import attach, languages_held
from bot.answers.quote import quote
from bot.answers.read import read
from bot.answers.search import budget, search
from bot.answers.speakers import speakers
from bot.answers.summary import NotFound, summarise
from bot.names import resolve as resolve_name
from bot.schedule import Subscription, Subscriptions
from bot.store import Store
from bot.symbols import find_symbols


class _Serialised:
    """An object whose methods run one at a time, under ``lock``: the subscriptions, on the
    read-write connection that the reader threads share."""

    def __init__(self, inner: Any, lock: Any):
        self._inner, self._lock = inner, lock

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if not callable(attr):
            return attr

        def locked(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return attr(*args, **kwargs)

        return locked


class Plenary:
    def __init__(self, store: Store, warm: bool = True, budget: float | None = None, readers: bool = False):
        """``warm``: build the in-memory indexes now (a bot, the shell); a one-shot command
        line answer skips them. ``budget``: seconds of work per answer (None: no limit).
        ``readers``: answer each calling thread on a read-only connection of its own."""
        self.store = store
        self.budget = budget
        self._pooled = readers
        self._local = threading.local()
        self._readers: list[Store] = []
        self._lock = threading.Lock()
        self.subscriptions = _Serialised(Subscriptions(store), store.lock)
        self._completer: Completer | None = None
        self._digests: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
        self.default_cooldown = config.cooldown()
        self._cooldowns = {int(r["key"].split(":", 1)[1]): _rate(r["value"]) for r in store.query(
            "SELECT key, value FROM meta WHERE key LIKE 'cooldown:%'")}
        # A server's default language version (/language); absent: each user's own locale.
        self._languages = {int(r["key"].split(":", 1)[1]): r["value"] for r in store.query(
            "SELECT key, value FROM meta WHERE key LIKE 'language:%'") if r["value"]}
        if warm:
            self.refresh()

    @property
    def completer(self) -> Completer:
        if self._completer is None:
            self._completer = Completer(self.store)
        return self._completer

    def refresh(self) -> None:
        """Rebuild in-memory indexes after the corpus changed."""
        self._completer = Completer(self.store)
        self.store.speaker_names()  # built now, not in the first quote's time
        resolve_name("CSTO")  # the name tables (about 15 ms), now rather than in the first search
        # The completer's hundreds of thousands of small objects live as long as the process:
        # keep them out of the cyclic collector, whose full passes over them paused answers
        # for 100-200 ms (autocomplete p99 at a million paragraphs, bench/run.py).
        gc.collect()
        gc.freeze()

    @property
    def reader(self) -> Store:
        """The store this thread answers from: its own read-only connection when pooled."""
        if not self._pooled:
            return self.store
        store = getattr(self._local, "store", None)
        if store is None:
            store = self.store.reader()
            store.speaker_names()  # built now, not in this thread's first quote
            self._local.store = store
            with self._lock:
                self._readers.append(store)
        return store

    @contextmanager
    def _work(self) -> Iterator[Store]:
        """This thread's store, within the answer's work budget."""
        store = self.reader
        with budget(store, self.budget):
            yield store

    def close(self) -> None:
        """Stop any statement still running on a reader connection and let the readers go. A
        connection is closed by the thread that used it, as it ends: closing one from another
        thread while a statement runs crashes Python's sqlite3 (the read-write store is the
        caller's)."""
        with self._lock:
            readers, self._readers = self._readers, []
        for store in readers:
            store.db.conn.interrupt()

    def search(self, query: str, parallel: str | None = None, **filters: Any) -> dict[str, Any]:
        with self._work() as store:
            result = search(store, query, **filters).as_json()
            return attach(store, result, parallel) if parallel else result

    def saved_search(self, key: str, offset: int, parallel: str | None = None) -> dict[str, Any] | None:
        """A saved search's page; with ``parallel``, each hit's paragraph in that language too."""
        with self._work() as store:
            params = store.load_query(key)
            if params is None:
                return None
            result = search(store, **params, offset=offset).as_json()
            result["key"] = key
            return attach(store, result, parallel) if parallel else result

    def languages(self) -> list[str]:
        """The languages the corpus holds versions in."""
        with self._work() as store:
            return languages_held(store)

    def save_search(self, params: dict[str, Any]) -> str:
        return self.store.save_query(params)

    def doc(self, symbol: str, lang: str | None = None) -> dict[str, Any]:
        """The card (or a paragraph) in ``lang``'s version when the corpus holds it."""
        with self._work() as store:
            return lookup(store, symbol, lang)

    def summary(self, symbol: str) -> dict[str, Any]:
        with self._work() as store:
            try:
                return {"found": True, **summarise(store, symbol)}
            except NotFound:
                return lookup(store, symbol)

    def quote(self, who: str, topic: str | None = None, symbol: str | None = None,
              index: int | None = None, lang: str | None = None) -> dict[str, Any]:
        with self._work() as store:
            return quote(store, who, topic, symbol=symbol, index=index, lang=lang)

    def read(self, symbol: str, who: str | None = None, lang: str | None = None) -> dict[str, Any]:
        """A speaker's whole statement, a section, or the whole document, in pages."""
        with self._work() as store:
            return read(store, symbol, who, lang)

    def speakers(self, symbol: str | None) -> dict[str, Any] | None:
        with self._work() as store:
            return speakers(store, symbol)

    def corpus(self) -> dict[str, Any]:
        with self._work() as store:
            return corpus_stats(store)

    def digest(self, since: datetime | None = None, day: date | None = None) -> dict[str, Any]:
        """A day's digest, computed once per day and corpus however many servers get it. Not
        within the answer budget: it is bounded, and computed off the user commands' path
        (the bot's digest thread) once a day."""
        day = day or datetime.now(UTC).date()
        store = self.reader
        key = (day, since, self._corpus_key(store))
        with self._lock:
            held = self._digests.get(key)
        if held is None:
            held = digest(store, since=since, day=day)
            with self._lock:
                self._digests[key] = held
                while len(self._digests) > 8:
                    self._digests.popitem(last=False)
        return held

    def digest_of_today(self) -> dict[str, Any]:
        return self.digest()

    def _corpus_key(self, store: Store) -> tuple[Any, ...]:
        row = store.one("SELECT count(*) AS n, max(ingested_at) AS last, total(paragraphs) AS p FROM documents")
        return (row["n"], row["last"], row["p"]) if row else ()

    def next_digest(self, sub: Subscription, now: datetime | None = None) -> str | None:
        """When ``sub`` next posts, as an ISO date-time (UTC)."""
        from zoneinfo import ZoneInfo

        now = now or datetime.now(UTC)
        zone = ZoneInfo(sub.timezone)
        local = now.astimezone(zone)
        hour, minute = (int(x) for x in sub.time.split(":"))
        at = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if at <= local or sub.last_sent == local.date().isoformat():
            at += timedelta(days=1)
        return at.astimezone(UTC).isoformat(timespec="seconds")

    def cooldown(self, guild_id: int | None) -> tuple[int, float]:
        """(answers, per seconds) a member may ask for in this server; (0, 0) for no limit.
        From memory: discord.py asks on the event loop, before any answer."""
        return self._cooldowns.get(guild_id or 0, self.default_cooldown)

    def version(self, lang: str, guild_id: int | None = None) -> str:
        """The language version a reader gets: the server's default when it set one, else
        Chinese for a Chinese reader and English for the others (answers fall back to what the
        corpus holds). The one rule for the chat adapter and the shell."""
        return self.language(guild_id) or ("zh" if lang == "zh" else "en")

    def language(self, guild_id: int | None) -> str | None:
        """The language version a server reads by default, or None to follow each user's locale."""
        return self._languages.get(guild_id or 0)

    def set_language(self, guild_id: int, language: str | None) -> None:
        self.store.set_meta(f"language:{guild_id}", language or "")
        if language:
            self._languages[guild_id] = language
        else:
            self._languages.pop(guild_id, None)

    def set_cooldown(self, guild_id: int, uses: int, seconds: float) -> None:
        self.store.set_meta(f"cooldown:{guild_id}", f"{uses}/{seconds:g}")
        self._cooldowns[guild_id] = (uses, seconds if uses else 0.0)

    def symbols_in(self, text: str, limit: int = 5) -> list[dict[str, Any]]:
        """Cards for the distinct symbols written in a message, at most ``limit``."""
        seen = list(dict.fromkeys(m.symbol for m in find_symbols(text or "")))
        with self._work() as store:
            return [lookup(store, s) for s in seen[:limit]]

    def complete_symbols(self, typed: str) -> list[Choice]:
        return self.completer.symbol_choices(typed)

    def complete_speakers(self, typed: str) -> list[Choice]:
        return self.completer.speaker_choices(typed)

    def auto_symbols(self, guild_id: int) -> bool:
        row = self.reader.one("SELECT auto_symbols FROM guild_settings WHERE guild_id = ?", [guild_id])
        return bool(row and row["auto_symbols"])

    def set_auto_symbols(self, guild_id: int, on: bool) -> None:
        with self.store.lock, self.store.db.conn:
            self.store.db.execute("INSERT OR REPLACE INTO guild_settings (guild_id, auto_symbols) VALUES (?, ?)",
                                  [guild_id, int(on)])


def _rate(text: str) -> tuple[int, float]:
    uses, _, per = text.partition("/")
    try:
        return int(uses), float(per or 0)
    except ValueError:
        return config.DEFAULT_COOLDOWN
