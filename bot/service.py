"""One façade over the answers, for front ends that stay up (the Discord bot, the shell).

Every method returns the same JSON-shaped dict the CLI prints with --json, so the three
front ends cannot disagree. Every answer runs within a work budget (``budget`` seconds; past it
the query is refused as too broad, see bot/answers/search.py's TooBroad).

With ``readers`` the façade is shared by several worker threads (the bot, bot/chat/client.py):
each thread answers on a read-only connection of its own, so a slow answer holds up no other.
Without, everything runs on ``store`` (the shell, the CLI). The corpus is only read here: what
the bot records (quote rotation, saved queries, subscriptions, settings, deliveries) goes to
``state`` (bot/state), which no corpus change touches. A corpus published anew (bot/publish.py)
is picked up without a restart: each thread reopens it before its next answer, and
``refresh`` rebuilds the in-memory indexes.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot import config, watches
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
from bot.state import State, memory_state
from bot.store import Store
from bot.symbols import find_symbols


class Plenary:
    def __init__(self, store: Store, warm: bool = True, budget: float | None = None, readers: bool = False,
                 state: State | None = None):
        """``warm``: build the in-memory indexes now (a bot, the shell); a one-shot command
        line answer skips them. ``budget``: seconds of work per answer (None: no limit).
        ``readers``: answer each calling thread on a read-only connection of its own.
        ``state``: where settings and deliveries are kept (None: in memory, for one-shot commands)."""
        self.store = store
        self._state = state
        self.budget = budget
        self._pooled = readers
        self._local = threading.local()
        self._readers: list[Store] = []
        self._lock = threading.Lock()
        self._completer: Completer | None = None
        self._digests: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
        self.default_cooldown = config.cooldown()
        self._cooldowns: dict[int, tuple[int, float]] = {}
        self._languages: dict[int, str] = {}  # a server's default version (/language); else each user's locale
        if state is not None:
            self._cooldowns = {_guild(scope): _rate(v) for scope, v in state.settings("cooldown").items()}
            self._languages = {_guild(scope): v for scope, v in state.settings("language").items() if v}
        self._seen: tuple[Any, ...] | None = None  # the corpus the in-memory indexes were built from
        if warm:
            self.refresh()

    @property
    def completer(self) -> Completer:
        if self._completer is None:
            self._completer = Completer(self.store)
        return self._completer

    def refresh(self) -> None:
        """Rebuild in-memory indexes after the corpus changed."""
        self._seen = self._corpus_key(self.store)
        self._completer = Completer(self.store)
        self.store.speaker_names()  # built now, not in the first quote's time
        resolve_name("CSTO")  # the name tables (about 15 ms), now rather than in the first search
        # The completer's hundreds of thousands of small objects live as long as the process:
        # keep them out of the cyclic collector, whose full passes over them paused answers
        # for 100-200 ms (autocomplete p99 at a million paragraphs, bench/run.py).
        gc.collect()
        gc.freeze()

    @property
    def state(self) -> State:
        """Where settings and deliveries are kept; made (in memory) on first use when none was given."""
        if self._state is None:
            with self._lock:
                if self._state is None:
                    self._state = memory_state()
        return self._state

    @property
    def subscriptions(self) -> Subscriptions:
        return Subscriptions(self.state)

    @property
    def watches(self) -> _Watches:
        return _Watches(self)

    def corpus_changed(self) -> bool:
        """Look whether the corpus changed (published anew, or grown in place); if so, open the
        new one and rebuild the in-memory indexes, while answers go on from the old ones. The
        bot calls this every PLENARY_CORPUS_POLL seconds; True if it changed."""
        if self.store.replaced():
            # The old connection is left to the garbage collector: a thread may still be reading it.
            self.store = Store(self.store.path, readonly=self.store.readonly)
        if self._corpus_key(self.store) == self._seen:
            return False
        self.refresh()
        return True

    @property
    def reader(self) -> Store:
        """The store this thread answers from: its own read-only connection when pooled,
        opened anew when a new corpus was published since (a stat of its path: about 2 µs)."""
        if not self._pooled:
            return self.store
        store = getattr(self._local, "store", None)
        if store is not None and store.replaced():
            store.close()  # this thread's own connection, closed by this thread
            with self._lock:
                self._readers = [r for r in self._readers if r is not store]
            store = None
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
        params = self.state.load_query(key)
        with self._work() as store:
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
        """A short key for a query behind a paging button (it outlives a restart)."""
        return self.state.save_query(params)

    def saved(self, key: str) -> dict[str, Any] | None:
        """The parameters saved under ``key``, or None."""
        return self.state.load_query(key)

    def kept_quote(self, who: str, topic: str | None = None, symbol: str | None = None,
                   lang: str | None = None) -> tuple[str, dict[str, Any]]:
        """A quote, and the key its "another quote" button finds it again by (after a restart too)."""
        key = self.state.save_query({"who": who, "topic": topic, "symbol": symbol, "lang": lang})
        return key, self.quote(who, topic, symbol, lang=lang)

    def saved_quote(self, key: str, index: int) -> dict[str, Any] | None:
        """The ``index``-th quote of the one kept under ``key``, or None if it is unknown."""
        params = self.saved(key)
        if params is None or "who" not in params:
            return None
        return self.quote(params["who"], params.get("topic"), params.get("symbol"), index, params.get("lang"))

    def kept_read(self, symbol: str, who: str | None = None, lang: str | None = None) -> tuple[str, dict[str, Any]]:
        """A whole statement or section, and the key its page buttons find it again by."""
        key = self.state.save_query({"read": symbol, "who": who, "lang": lang})
        return key, self.read(symbol, who, lang)

    def saved_read(self, key: str) -> dict[str, Any] | None:
        params = self.saved(key)
        if params is None or "read" not in params:
            return None
        return self.read(params["read"], params.get("who"), params.get("lang"))

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
            return quote(store, who, topic, symbol=symbol, index=index, lang=lang, rotate=self.state.next_rotation)

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

    def trend(self, query: str, by: str | None = None, language: str | None = None) -> dict[str, Any]:
        """How often ``query`` appears per period and body (bot/answers/trend.py); the chart is
        the front end's to draw (bot/render/chart.py)."""
        from bot.answers.trend import trend

        with self._work() as store:
            return trend(store, query, by=by, language=language).as_json()

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
        return (store.identity, row["n"], row["last"], row["p"]) if row else (store.identity,)

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
        self.state.set_setting(f"guild:{guild_id}", "language", language or None)
        if language:
            self._languages[guild_id] = language
        else:
            self._languages.pop(guild_id, None)

    def set_cooldown(self, guild_id: int, uses: int, seconds: float) -> None:
        self.state.set_setting(f"guild:{guild_id}", "cooldown", f"{uses}/{seconds:g}")
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
        return self.state.setting(f"guild:{guild_id}", "auto_symbols") == "1"

    def set_auto_symbols(self, guild_id: int, on: bool) -> None:
        self.state.set_setting(f"guild:{guild_id}", "auto_symbols", "1" if on else "0")


class _Watches:
    """The façade's part for watches (bot/watches.py): made, listed, removed, scanned, alerts."""

    def __init__(self, plenary: Plenary):
        self.p = plenary

    def add(self, kind: str, value: str, **where: Any) -> dict[str, Any]:
        with self.p._work() as store:
            return watches.add(self.p.state, store, kind, value, **where).as_json()

    def list(self, **who: Any) -> list[dict[str, Any]]:
        return [w.as_json() for w in watches.listed(self.p.state, **who)]

    def get(self, watch_id: int) -> dict[str, Any] | None:
        found = watches.get(self.p.state, watch_id)
        return found.as_json() if found else None

    def remove(self, watch_id: int, **who: Any) -> bool:
        """Remove a watch if it is ``who``'s (a guild's, a user's; nothing given: any)."""
        found = watches.listed(self.p.state, watch_id=watch_id, **who)
        return bool(found) and self.p.state.remove_watch(watch_id)

    def scan(self) -> dict[str, Any]:
        """Match every watch against what came in since its mark; record new alerts."""
        with self.p._work() as store:
            return watches.scan(store, self.p.state).as_json()

    def pending(self, watch_ids: list[int] | None = None) -> list[dict[str, Any]]:
        """Alerts not yet delivered, each with its watch."""
        by_id = {w.id: w.as_json() for w in watches.listed(self.p.state)}
        return [a | {"watch": by_id.get(a["watch_id"])} for a in self.p.state.pending_alerts(watch_ids)]

    def delivered(self, watch_id: int, batch: str | None = None) -> int:
        return self.p.state.mark_delivered(watch_id, batch)

    def found_since(self, channel_id: int, since: str) -> list[dict[str, Any]]:
        """What each of a channel's watches found after ``since`` (a digest's part)."""
        return [{"watch": w.as_json(), "new": n} for w, n in watches.found_since(self.p.state, channel_id, since)]

    @property
    def alerts(self) -> watches.Alerts:
        """Their delivery: which batches this process posts, claimed, recorded."""
        return watches.Alerts(self.p.state)


def _guild(scope: str) -> int:
    return int(scope.split(":", 1)[1])


def _rate(text: str) -> tuple[int, float]:
    uses, _, per = text.partition("/")
    try:
        return int(uses), float(per or 0)
    except ValueError:
        return config.DEFAULT_COOLDOWN
