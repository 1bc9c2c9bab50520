"""Posting the daily digests. When each is due is decided in bot/schedule.py; this only posts.

Each shard posts only for the guilds it holds. A deleted channel (404) or a lost permission
(403) pauses the subscription with the reason, which /digest status shows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import discord

from bot.chat.embeds import digest_embeds
from bot.chat.views import NONE
from bot.render.labels import lang_of

if TYPE_CHECKING:
    from bot.chat.client import PlenaryBot

log = logging.getLogger("plenary.digests")


class DigestPoster:
    def __init__(self, bot: PlenaryBot, clock: Callable[[], datetime] | None = None, every: float = 30.0):
        self.bot = bot
        self.clock = clock or (lambda: datetime.now(UTC))
        self.every = every
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="plenary-digests")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        while not self.bot.is_closed():
            try:
                await self.tick()
            except Exception:
                log.exception("digest tick failed")
            await asyncio.sleep(self.every)

    async def tick(self) -> int:
        """Post every digest due now for the guilds this process holds; return how many."""
        async with self._lock:  # a tick from on_ready and the loop must not both post
            now = self.clock()
            held = {g.id for g in self.bot.guilds}
            due = await self.bot.call(self.bot.plenary.subscriptions.due, now, held)
            posted = 0
            for sub, day in due:
                guild = self.bot.get_guild(sub.guild_id)
                lang = lang_of(str(guild.preferred_locale)) if guild else "en"
                content = await self.bot.call_background(self.bot.plenary.digest, None, day)
                channel = self.bot.get_partial_messageable(sub.channel_id, guild_id=sub.guild_id)
                try:
                    await channel.send(embeds=digest_embeds(content, lang), allowed_mentions=NONE)
                except discord.NotFound:
                    await self.bot.call(self.bot.plenary.subscriptions.pause, sub.guild_id, "the channel was deleted")
                    log.warning("digest for guild %s paused: channel %s deleted", sub.guild_id, sub.channel_id)
                    continue
                except discord.Forbidden:
                    await self.bot.call(self.bot.plenary.subscriptions.pause, sub.guild_id,
                                        "the bot may not post in that channel")
                    log.warning("digest for guild %s paused: no permission in %s", sub.guild_id, sub.channel_id)
                    continue
                await self.bot.call(self.bot.plenary.subscriptions.mark_sent, sub.guild_id, day)
                posted += 1
            return posted
