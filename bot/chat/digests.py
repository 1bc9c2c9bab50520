"""Posting the daily digests. When each is due and the claim-send-record rule are
bot/schedule.py's; this only sends and reports what Discord said.

Exactly once, with several processes and restarts: a process claims (server, local day) in the
state store, which one claimant wins; it sends with that delivery's nonce and enforce_nonce, so
Discord refuses a second message should a process die after sending and before recording; then
it records the message id. If it dies between claim and send, the claim lapses after its lease
(a minute) and a process takes it over: the digest goes out once, late. 429 and 5xx are tried
again later that day with backoff; 403 and 404 pause the subscription with the reason, which
/digest status shows. Each process posts only for its shards' guilds (bot/shards.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import discord

from bot.chat.delivery import send_once
from bot.chat.embeds import digest_embeds
from bot.chat.watches import add_watch_summary
from bot.render.labels import lang_of

if TYPE_CHECKING:
    from bot.chat.client import PlenaryBot
    from bot.schedule import Subscription

log = logging.getLogger("plenary.digests")



class DigestPoster:
    def __init__(self, bot: PlenaryBot, clock: Callable[[], datetime] | None = None, every: float = 30.0):
        self.bot = bot
        self.clock = clock or (lambda: datetime.now(UTC))
        self.every = every
        # Tests set this to stop the process at a step ("claimed", "sent") as kill -9 would.
        self.fault: Callable[[str], None] | None = None
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

    def _step(self, name: str) -> None:
        if self.fault is not None:
            self.fault(name)

    async def tick(self) -> int:
        """Post every digest due now for this process's shards; return how many it posted."""
        async with self._lock:  # a tick from on_ready and the loop must not both post
            now = self.clock()
            subs = self.bot.plenary.subscriptions
            due = await self.bot.call(subs.due, now, self.bot.shard_filter)
            posted = 0
            for sub, day in due:
                claim = await self.bot.call(subs.claim, sub, day, now)
                if claim is None:
                    continue  # another process has it, or its retry is not due
                self._step("claimed")
                guild = self.bot.get_guild(sub.guild_id)
                lang = lang_of(str(guild.preferred_locale)) if guild else "en"
                content = await self.bot.call_background(self.bot.plenary.digest, None, day)
                embeds = await self._with_watches(digest_embeds(content, lang), sub, lang)
                channel = self.bot.get_partial_messageable(sub.channel_id, guild_id=sub.guild_id)
                outcome = await send_once(channel, claim, embeds=embeds)
                if outcome.status == "failed":
                    await self.bot.call(subs.failed, claim, outcome.why)
                    log.warning("digest for guild %s paused: %s (%s)", sub.guild_id, outcome.why, sub.channel_id)
                    continue
                if outcome.status == "retry":
                    again = await self.bot.call(subs.retry, claim, sub, now, outcome.why)
                    log.warning("digest for guild %s not sent (%s); %s", sub.guild_id, outcome.why,
                                "will retry" if again else "missed for the day")
                    continue
                message = outcome.message
                self._step("sent")
                await self.bot.call(subs.sent, claim, message.id if message else None)
                posted += 1
            return posted


    async def _with_watches(self, embeds: list[discord.Embed], sub: Subscription, lang: str) -> list[discord.Embed]:
        """The digest with what the channel's watches found since the last digest."""
        found = await self.bot.call(self.bot.plenary.watches.found_since, sub.channel_id, sub.last_sent or "")
        return add_watch_summary(embeds, found, lang)
