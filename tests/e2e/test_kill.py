"""Bot processes killed with SIGKILL mid-digest, and several processes at once, against one
loopback Discord and one PostgreSQL, as in a deployment: every digest is posted exactly once.
(The same rules on SQLite, in-process: test_digest_delivery.py.)"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest
from test_digest_delivery import guild_on_shard

from bot.schedule import Subscriptions
from bot.state import open_state

POST = ("POST", "/channels/{channel_id}/messages")
BOTPROC = Path(__file__).with_name("botproc.py")


async def start(fake, db_path, postgres_url, shards="0", count=1, kill_at=None):
    args = [sys.executable, str(BOTPROC), fake.api_base, fake.gateway_url, fake.token, str(db_path), postgres_url,
            shards, str(count)] + ([kill_at] if kill_at else [])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return await asyncio.create_subprocess_exec(*args, env=env, stdout=asyncio.subprocess.DEVNULL,
                                                stderr=asyncio.subprocess.PIPE)


async def stop(proc):
    if proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(proc.wait(), 10)
        except TimeoutError:
            proc.kill()
            await proc.wait()


async def until(test, timeout=30.0):
    for _ in range(int(timeout / 0.1)):
        if test():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("timed out")


def subscribe_now(postgres_url, guild_id, channel_id):
    # 00:00 UTC: due at any time of today, so the process posts as soon as it is ready
    Subscriptions(open_state(postgres_url)).subscribe(guild_id, channel_id, "00:00", "UTC", 1)


def delivered(postgres_url):
    return [d for d in open_state(postgres_url).deliveries("digest") if d.status == "sent"]


def posted(fake, channel):
    return [m for m in fake.channel_messages(channel) if m["type"] == 0]


pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("step", ["claimed", "sent"])
async def test_a_process_killed_at_each_step_leaves_one_digest(fake_discord, db_path, postgres_url, step):
    subscribe_now(postgres_url, fake_discord.guild.id, fake_discord.digests.id)
    first = await start(fake_discord, db_path, postgres_url, kill_at=step)
    assert await asyncio.wait_for(first.wait(), 60) == -signal.SIGKILL
    assert len(posted(fake_discord, fake_discord.digests)) == (1 if step == "sent" else 0)
    assert delivered(postgres_url) == []  # killed before the record
    with open_state(postgres_url).backend.transaction() as tx:  # the claim's minute passes
        tx.execute("UPDATE deliveries SET lease_until = 0")
    second = await start(fake_discord, db_path, postgres_url)
    try:
        await until(lambda: delivered(postgres_url))
        await asyncio.sleep(0.5)  # a few more ticks: nothing more
    finally:
        await stop(second)
    assert len(posted(fake_discord, fake_discord.digests)) == 1


async def test_processes_on_different_and_on_the_same_shards_post_each_digest_once(fake_discord, db_path, postgres_url):
    guilds = [guild_on_shard(fake_discord, n % 2, 2) for n in range(4)]
    for g, c in guilds:
        subscribe_now(postgres_url, g.id, c.id)
    # shard 0 by one process, shard 1 by two (a deploy overlap)
    procs = [await start(fake_discord, db_path, postgres_url, "0", 2), await start(fake_discord, db_path, postgres_url, "1", 2),
             await start(fake_discord, db_path, postgres_url, "1", 2)]
    try:
        await until(lambda: len(delivered(postgres_url)) == 4)
        await asyncio.sleep(0.5)
    finally:
        for p in procs:
            await stop(p)
    assert [len(posted(fake_discord, c)) for _, c in guilds] == [1, 1, 1, 1]
