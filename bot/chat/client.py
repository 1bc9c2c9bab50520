"""The bot process: connection, command registration and sync, the worker threads."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat.commands import Plenary as PlenaryCog
from bot.chat.commands import on_app_command_error
from bot.chat.digests import DigestPoster
from bot.chat.i18n import PlenaryTranslator
from bot.chat.views import DYNAMIC_ITEMS
from bot.chat.watches import AlertPoster, MoreAlerts
from bot.chat.watches import Watches as WatchesCog
from bot.config import corpus_poll, query_budget
from bot.config import readers as default_readers
from bot.service import Plenary
from bot.shards import Shards
from bot.state import State, open_state
from bot.store import Store

log = logging.getLogger("plenary")
T = TypeVar("T")


def intents(message_content: bool = False) -> discord.Intents:
    # Slash commands need no privileged intent; message content only for the opt-in listener.
    i = discord.Intents.default()
    i.message_content = message_content
    return i


class PlenaryBot(commands.AutoShardedBot):
    def __init__(self, store: Store, *, state: State | None = None, shards: Shards | None = None,
                 guild_id: int | None = None, message_content: bool = False,
                 defer_after: float = 1.5, clock: Callable[[], datetime] | None = None,
                 digest_every: float = 30.0, corpus_every: float | None = None, sync_commands: bool = True,
                 readers: int | None = None, budget: float | None | bool = True, **kwargs: Any):
        """``state``: the bot's own state (bot/state; default: an SQLite file beside the corpus);
        ``shards``: the part of a sharded bot this process runs (None: every shard);
        ``readers``: answers worked on at once (PLENARY_READERS); ``budget``: seconds of work
        per answer (True: PLENARY_QUERY_BUDGET; None: no limit); ``corpus_every``: seconds
        between looks for a newly published corpus (PLENARY_CORPUS_POLL)."""
        if shards is not None:
            kwargs.update(shard_ids=list(shards.ids), shard_count=shards.count)
        # A long Retry-After raises (and the digest is retried later) instead of holding the send.
        kwargs.setdefault("max_ratelimit_timeout", 30.0)
        super().__init__(command_prefix=commands.when_mentioned, intents=intents(message_content),
                         allowed_mentions=discord.AllowedMentions.none(), help_command=None, **kwargs)
        self.shard_filter = shards
        state = state or open_state(corpus=store.path)
        self.plenary = Plenary(store, budget=query_budget() if budget is True else budget, readers=True, state=state)
        self.corpus_every = corpus_every if corpus_every is not None else corpus_poll()
        self._corpus_task: asyncio.Task[None] | None = None
        self.caught_up = asyncio.Event()  # set once the digests missed while down were posted
        self.guild_id = guild_id
        self.defer_after = defer_after
        self.sync_commands = sync_commands
        # Worker threads keep SQLite off the event loop (heartbeats never stall). Several answer
        # at once, each on its own read-only connection, so a slow answer queues no one; writes
        # are serialised on the one read-write connection (bot/service.py).
        self.executor = ThreadPoolExecutor(max_workers=readers or default_readers(), thread_name_prefix="plenary-db")
        # The daily digest is computed on a thread of its own, off the path of user commands.
        self.background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="plenary-digest")
        self.digests = DigestPoster(self, clock=clock, every=digest_every)
        # Alerts are matched and posted on the same beat as the corpus is looked at.
        self.alerts = AlertPoster(self, every=self.corpus_every)
        self._alerts_task: asyncio.Task[None] | None = None

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn`` on a worker thread (an answer, or a write)."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, lambda: fn(*args))

    async def call_background(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn`` on the background thread: work no user waits for, such as the digest."""
        return await asyncio.get_running_loop().run_in_executor(self.background, lambda: fn(*args))

    async def install(self) -> None:
        """Commands, context menu, translator, persistent buttons: everything but the network."""
        cog = PlenaryCog(self)
        await self.add_cog(cog)
        await self.add_cog(WatchesCog(self))
        self.tree.add_command(app_commands.ContextMenu(name="Look up UN symbols", callback=cog.lookup_message))
        self.tree.on_error = on_app_command_error
        await self.tree.set_translator(PlenaryTranslator())
        self.add_dynamic_items(*DYNAMIC_ITEMS, MoreAlerts)

    async def command_payload(self) -> list[dict[str, Any]]:
        """Exactly what a bulk overwrite sends (translations included)."""
        translator = self.tree.translator
        return [await c.get_translated_payload(self.tree, translator) for c in self.tree.get_commands()]

    async def sync(self, force: bool = False) -> bool:
        """Sync commands to DISCORD_GUILD_ID (instant) or globally, only if they changed:
        Discord limits how many commands may be created a day."""
        guild = discord.Object(self.guild_id) if self.guild_id else None
        if guild:
            self.tree.copy_global_to(guild=guild)
        payload = await self.command_payload()
        digest = hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
        key = f"commands_hash:{self.guild_id or 'global'}"
        state = self.plenary.state
        if not force and await self.call(state.setting, "bot", key) == digest:
            log.info("commands unchanged; not syncing")
            return False
        await self.tree.sync(guild=guild)
        await self.call(state.set_setting, "bot", key, digest)
        log.info("synced %d commands %s", len(payload), f"to guild {self.guild_id}" if guild else "globally")
        return True

    async def setup_hook(self) -> None:
        await self.install()
        if self.sync_commands:
            await self.sync()
        self.digests.start()
        self._corpus_task = asyncio.create_task(self._watch_corpus(), name="plenary-corpus")
        self._alerts_task = asyncio.create_task(self.alerts.run(), name="plenary-alerts")

    async def _watch_corpus(self) -> None:
        """Pick up a newly published or grown corpus within ``corpus_every`` seconds: the
        indexes are rebuilt on the background thread while answers go on."""
        while not self.is_closed():
            await asyncio.sleep(self.corpus_every)
            try:
                if await self.call_background(self.plenary.corpus_changed):
                    log.info("corpus changed: indexes rebuilt")
            except Exception:
                log.exception("looking for a new corpus failed")

    async def on_ready(self) -> None:
        log.info("ready as %s in %d guilds", self.user, len(self.guilds))
        try:
            await self.digests.tick()  # a digest missed while down goes out now, if still its day
        finally:
            self.caught_up.set()

    async def close(self) -> None:
        await self.digests.stop()
        for task in (self._corpus_task, self._alerts_task):
            if task:
                task.cancel()
        await super().close()
        self.shutdown()

    def shutdown(self) -> None:
        """Stop the worker threads; their connections close as they end (the store is the caller's)."""
        for executor in (self.executor, self.background):
            executor.shutdown(wait=False, cancel_futures=True)
        self.plenary.close()


async def build_payload(store: Store) -> list[dict[str, Any]]:
    from bot.state import memory_state

    bot = PlenaryBot(store, state=memory_state(), sync_commands=False)
    await bot.install()
    try:
        return await bot.command_payload()
    finally:
        bot.shutdown()
