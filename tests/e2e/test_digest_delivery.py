"""Digests exactly once: several bot processes (discord.py clients with their own state
connections) against one loopback Discord and one state store, SQLite or a real PostgreSQL;
Discord answering 429, 5xx, 403; a process stopped as by kill -9 at each step of the digest
path (its objects dropped, nothing cleaned up: what it had committed is all that is left)."""

from __future__ import annotations

import asyncio
import random
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import UTC, datetime, timedelta

import pytest
from fakediscord.state import Permissions

from bot.chat.client import PlenaryBot
from bot.schedule import Subscriptions
from bot.shards import Shards, shard_of
from bot.state import open_state
from bot.store import Store

POST = ("POST", "/channels/{channel_id}/messages")
DAY = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Killed(BaseException):
    """The process stops here, as under kill -9: no handler runs, nothing is rolled forward."""


@asynccontextmanager
async def process(fake, db_path, url, clock, shards=None, sync=False):
    """A bot process whose clock reads a minute before ``clock`` while it starts (so the tick
    at on_ready finds nothing due), then ``clock``'s time: the test's ticks are the only ones."""
    when = clock.now
    clock.now = when - timedelta(minutes=1)
    bot = PlenaryBot(Store(db_path, readonly=True), state=open_state(url), shards=shards, clock=clock,
                     digest_every=3600, corpus_every=3600, sync_commands=sync)
    async with fake.run(bot):
        await asyncio.wait_for(bot.caught_up.wait(), 5)  # the tick at on_ready is over
        clock.now = when
        yield bot


def guild_on_shard(fake, shard: int, count: int):
    """A guild (with a #digests channel and the bot in it) that Discord puts on ``shard``."""
    state = fake.state
    while True:
        guild = state.create_guild(f"Guild {len(state.guilds)}")
        if shard_of(guild.id, count) == shard:
            break
        state.guilds.remove(guild)
    channel = state.create_channel(guild, "digests")
    state.add_member(guild, state.bot_user, roles=[state.create_role(guild, "Plenary", Permissions.EVERYONE)])
    return guild, channel


def subscribe(url, guild_id, channel_id, at="08:00", tz="UTC"):
    Subscriptions(open_state(url)).subscribe(guild_id, channel_id, at, tz, 1)


def posted(fake, channel):
    return len(fake.channel_messages(channel))


async def test_429_with_a_long_retry_after_is_sent_later_that_day_once(fake_discord, db_path, state_url):
    subscribe(state_url, fake_discord.guild.id, fake_discord.digests.id)
    clock = Clock(DAY)
    async with process(fake_discord, db_path, state_url, clock) as bot:
        fake_discord.fail(*POST, 429, retry_after=120)  # past max_ratelimit_timeout: the send gives up
        assert await bot.digests.tick() == 0
        delivery = bot.plenary.state.delivery("digest", str(fake_discord.guild.id), "2026-11-24")
        assert delivery.status == "retry" and "rate limited" in delivery.detail
        clock.now += timedelta(seconds=29)
        assert await bot.digests.tick() == 0  # backoff: 30 s
        clock.now += timedelta(seconds=1)
        assert await bot.digests.tick() == 1
        assert await bot.digests.tick() == 0
    assert posted(fake_discord, fake_discord.digests) == 1


async def test_a_short_429_is_waited_out_within_the_send(fake_discord, db_path, state_url):
    subscribe(state_url, fake_discord.guild.id, fake_discord.digests.id)
    async with process(fake_discord, db_path, state_url, Clock(DAY)) as bot:
        fault = fake_discord.fail(*POST, 429, retry_after=0.05)
        assert await bot.digests.tick() == 1
    assert fault.hits == 1 and posted(fake_discord, fake_discord.digests) == 1


async def test_a_server_error_is_retried_later_and_sent_once(fake_discord, db_path, state_url):
    # 503: discord.py raises at once (500, 502 and 504 it retries itself first, for ~25 s)
    subscribe(state_url, fake_discord.guild.id, fake_discord.digests.id)
    clock = Clock(DAY)
    async with process(fake_discord, db_path, state_url, clock) as bot:
        fake_discord.fail(*POST, 503)
        assert await bot.digests.tick() == 0
        assert "503" in bot.plenary.state.delivery("digest", str(fake_discord.guild.id), "2026-11-24").detail
        clock.now += timedelta(minutes=1)
        assert await bot.digests.tick() == 1
    assert posted(fake_discord, fake_discord.digests) == 1


async def test_a_response_lost_after_the_send_does_not_post_twice(fake_discord, db_path, state_url):
    """Discord posted, then the answer was lost (a 503 on the way back): the retry carries the
    same nonce, and Discord returns the first message instead of posting another."""
    subscribe(state_url, fake_discord.guild.id, fake_discord.digests.id)
    clock = Clock(DAY)

    async def nothing():
        return None

    async with process(fake_discord, db_path, state_url, clock) as bot:
        fake_discord.fail(*POST, 503, after=nothing)
        assert await bot.digests.tick() == 0
        assert posted(fake_discord, fake_discord.digests) == 1
        clock.now += timedelta(minutes=1)
        assert await bot.digests.tick() == 1
    assert posted(fake_discord, fake_discord.digests) == 1
    sends = fake_discord.requests_to(*POST)
    assert len(sends) == 2 and sends[0].body["nonce"] == sends[1].body["nonce"] and sends[1].body["enforce_nonce"]


async def test_403_pauses_with_the_reason_digest_status_shows(fake_discord, db_path, state_url):
    subscribe(state_url, fake_discord.guild.id, fake_discord.digests.id)
    async with process(fake_discord, db_path, state_url, Clock(DAY), sync=True) as bot:
        await fake_discord.wait_for_commands("digest")
        fake_discord.fail(*POST, 403)
        assert await bot.digests.tick() == 0
        status = await (await fake_discord.invoke_slash("digest status", {})).response()
        assert "paused: the bot may not post in that channel" in status["data"]["content"]
        assert await bot.digests.tick() == 0
    assert posted(fake_discord, fake_discord.digests) == 0


@pytest.mark.parametrize("step", ["claimed", "sent"])
async def test_killed_at_each_step_the_digest_still_goes_out_once(fake_discord, db_path, state_url, step):
    """Killed after claiming (nothing sent) or after sending (nothing recorded): a new process
    waits out the claim's lease, then sends with the same nonce: once in the channel."""
    subscribe(state_url, fake_discord.guild.id, fake_discord.digests.id)
    clock = Clock(DAY)

    def kill(at):
        if at == step:
            raise Killed(at)

    async with process(fake_discord, db_path, state_url, clock) as first:
        first.digests.fault = kill
        with pytest.raises(Killed):
            await first.digests.tick()
    async with process(fake_discord, db_path, state_url, clock) as second:
        clock.now += timedelta(seconds=30)
        assert await second.digests.tick() == 0  # the dead process's claim still holds
        clock.now += timedelta(seconds=31)
        await second.digests.tick()
        assert await second.digests.tick() == 0
    assert posted(fake_discord, fake_discord.digests) == 1
    assert open_state(state_url).delivery("digest", str(fake_discord.guild.id), "2026-11-24").status == "sent"


async def test_each_process_posts_only_its_own_shards_guilds(fake_discord, db_path, state_url):
    g0, c0 = guild_on_shard(fake_discord, 0, 2)
    g1, c1 = guild_on_shard(fake_discord, 1, 2)
    for g, c in ((g0, c0), (g1, c1)):
        subscribe(state_url, g.id, c.id)
    async with process(fake_discord, db_path, state_url, Clock(DAY), shards=Shards((0,), 2)) as bot:
        assert {g.id for g in bot.guilds} >= {g0.id} and g1.id not in {g.id for g in bot.guilds}
        assert await bot.digests.tick() == 1
    assert (posted(fake_discord, c0), posted(fake_discord, c1)) == (1, 0)


async def test_two_processes_on_the_same_shards_post_each_digest_once(fake_discord, db_path, state_url):
    """A deploy overlap: the old and the new process tick at the same moment."""
    guilds = [guild_on_shard(fake_discord, 0, 1) for _ in range(4)]
    for g, c in guilds:
        subscribe(state_url, g.id, c.id)
    clock = Clock(DAY)
    async with process(fake_discord, db_path, state_url, clock) as a, \
            process(fake_discord, db_path, state_url, clock) as b:
        counts = await asyncio.gather(a.digests.tick(), b.digests.tick())
    assert sum(counts) == 4 and [posted(fake_discord, c) for _, c in guilds] == [1, 1, 1, 1]


async def test_processes_restarts_and_kills_over_days_post_every_digest_exactly_once(fake_discord, db_path,
                                                                                      state_url):
    """2 shards × 2 processes each (a deploy overlap), 3 days, restarted every day, a process
    killed at a random step of the digest path on each tick; Discord answering 429 and 503 at
    random. Every (guild, day) gets exactly one message."""
    rng = random.Random(8967)
    guilds = [guild_on_shard(fake_discord, n % 2, 2) for n in range(6)]
    for g, c in guilds:
        subscribe(state_url, g.id, c.id)
    clock = Clock(DAY)
    kills = restarts = 0
    for day in range(3):
        clock.now = DAY + timedelta(days=day)
        for _round in range(4):  # a restart each round: new processes, new connections
            restarts += 1
            async with AsyncExitStack() as stack:
                bots = [await stack.enter_async_context(
                    process(fake_discord, db_path, state_url, clock, shards=Shards((n % 2,), 2)))
                    for n in range(4)]
                for bot in bots:
                    if rng.random() < 0.5:
                        at = rng.choice(["claimed", "sent"])

                        def kill(step, at=at):
                            if step == at:
                                raise Killed(step)
                        bot.digests.fault = kill
                if rng.random() < 0.5:
                    fake_discord.fail(*POST, rng.choice([429, 503]), retry_after=120)
                results = await asyncio.gather(*(b.digests.tick() for b in bots), return_exceptions=True)
                kills += sum(isinstance(r, Killed) for r in results)
            clock.now += timedelta(minutes=16)  # past any lease and backoff
        fake_discord.faults.clear()
    per_channel = [len(fake_discord.channel_messages(c)) for _, c in guilds]
    assert per_channel == [3] * 6, per_channel
    days = {(m["channel_id"], m["embeds"][0]["title"]) for _, c in guilds for m in fake_discord.channel_messages(c)}
    assert len(days) == 18  # one per guild and day, none repeated
    assert kills > 0 and restarts == 12
    sent = len(fake_discord.requests_to(*POST))
    print(f"\n4 processes x {restarts} restarts x 3 days: {sum(per_channel)} digests posted for 18 due, "
          f"{sent} sends, {kills} processes killed, duplicates {sum(per_channel) - len(days)}, misses {18 - len(days)}")
