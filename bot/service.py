"""One façade over the answers, for front ends that stay up (the Discord bot, the shell).

Every method returns the same JSON-shaped dict the CLI prints with --json, so the three
front ends cannot disagree. Not thread-safe on purpose: the bot calls it from one worker
thread (see bot/chat/client.py), which keeps SQLite off the event loop and serialised.
"""

from __future__ import annotations

import gc
from datetime import date, datetime
from typing import Any

from bot.answers.complete import Choice, Completer
from bot.answers.corpus import corpus_stats
from bot.answers.digest import digest
from bot.answers.lookup import lookup
from bot.answers.quote import quote
from bot.answers.search import search
from bot.answers.speakers import speakers
from bot.answers.summary import NotFound, summarise
from bot.schedule import Subscriptions
from bot.store import Store
from bot.symbols import find_symbols


class Plenary:
    def __init__(self, store: Store):
        self.store = store
        self.subscriptions = Subscriptions(store)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild in-memory indexes after the corpus changed."""
        self.completer = Completer(self.store)
        self.store.speaker_names()  # built now, not in the first quote's time
        # The completer's hundreds of thousands of small objects live as long as the process:
        # keep them out of the cyclic collector, whose full passes over them paused answers
        # for 100-200 ms (autocomplete p99 at a million paragraphs, bench/run.py).
        gc.collect()
        gc.freeze()

    def search(self, query: str, **filters: Any) -> dict[str, Any]:
        return search(self.store, query, **filters).as_json()

    def saved_search(self, key: str, offset: int) -> dict[str, Any] | None:
        params = self.store.load_query(key)
        if params is None:
            return None
        result = search(self.store, **params, offset=offset).as_json()
        result["key"] = key
        return result

    def save_search(self, params: dict[str, Any]) -> str:
        return self.store.save_query(params)

    def doc(self, symbol: str, lang: str | None = None) -> dict[str, Any]:
        """The card (or a paragraph) in ``lang``'s version when the corpus holds it."""
        return lookup(self.store, symbol, lang)

    def summary(self, symbol: str) -> dict[str, Any]:
        try:
            return {"found": True, **summarise(self.store, symbol)}
        except NotFound:
            return lookup(self.store, symbol)

    def quote(self, who: str, topic: str | None = None, symbol: str | None = None,
              index: int | None = None, lang: str | None = None) -> dict[str, Any]:
        return quote(self.store, who, topic, symbol=symbol, index=index, lang=lang)

    def speakers(self, symbol: str | None) -> dict[str, Any] | None:
        return speakers(self.store, symbol)

    def corpus(self) -> dict[str, Any]:
        return corpus_stats(self.store)

    def digest(self, since: datetime | None = None, day: date | None = None) -> dict[str, Any]:
        return digest(self.store, since=since, day=day)

    def symbols_in(self, text: str, limit: int = 5) -> list[dict[str, Any]]:
        """Cards for the distinct symbols written in a message, at most ``limit``."""
        seen = list(dict.fromkeys(m.symbol for m in find_symbols(text or "")))
        return [lookup(self.store, s) for s in seen[:limit]]

    def complete_symbols(self, typed: str) -> list[Choice]:
        return self.completer.symbol_choices(typed)

    def complete_speakers(self, typed: str) -> list[Choice]:
        return self.completer.speaker_choices(typed)

    def auto_symbols(self, guild_id: int) -> bool:
        row = self.store.one("SELECT auto_symbols FROM guild_settings WHERE guild_id = ?", [guild_id])
        return bool(row and row["auto_symbols"])

    def set_auto_symbols(self, guild_id: int, on: bool) -> None:
        with self.store.db.conn:
            self.store.db.execute("INSERT OR REPLACE INTO guild_settings (guild_id, auto_symbols) VALUES (?, ?)",
                                  [guild_id, int(on)])
