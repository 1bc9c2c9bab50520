"""Watches in Discord end to end: /watch add, a document ingested while the bot runs, one
alert in the channel (or by direct message), once."""

from __future__ import annotations

import asyncio
import shutil
from contextlib import asynccontextmanager

import pytest
from seedfiles import SEEDS

from bot.chat.client import PlenaryBot
from bot.ingest import ingest
from bot.state import open_state
from bot.store import Store

RECORD = "004_2378875611170316.txt"
POST = ("POST", "/channels/{channel_id}/messages")


@pytest.fixture
def corpus(tmp_path):
    """The seeds without S/PV.8967, which arrives while the bot runs."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for f in SEEDS.iterdir():
        if f.name != RECORD:
            shutil.copy(f, folder / f.name)
    path = tmp_path / "plenary.db"
    store = Store(path)
    ingest([folder], store)
    store.close()
    return path, folder


@asynccontextmanager
async def bot_on(fake, path, state_url):
    bot = PlenaryBot(Store(path, readonly=True), state=open_state(state_url), corpus_every=0.05,
                     digest_every=3600)
    async with fake.run(bot):
        await fake.wait_for_commands("watch")
        yield bot


def arrive(path, folder):
    shutil.copy(SEEDS / RECORD, folder / RECORD)
    writer = Store(path)
    ingest([folder / RECORD], writer)
    writer.close()


def messages_in(fake, channel):
    return [m for m in fake.channel_messages(channel)
            if m["author"]["id"] == str(fake.state.bot_user.id) and m["type"] == 0]


async def test_a_watch_added_in_chat_posts_one_alert_when_a_document_arrives(fake_discord, corpus, state_url):
    path, folder = corpus
    async with bot_on(fake_discord, path, state_url) as bot:
        h = await fake_discord.invoke_slash("watch add", {"query": "集安组织"}, user=fake_discord.admin,
                                            channel=fake_discord.digests)
        assert "Watch #1" in (await h.response())["data"]["content"]
        arrive(path, folder)
        await fake_discord.wait_for_request(*POST, timeout=10)
        await asyncio.sleep(0.3)  # several corpus polls later: still one
        assert await bot.alerts.tick() == 0
        posted = messages_in(fake_discord, fake_discord.digests)
        assert len(posted) == 1
        embed = posted[0]["embeds"][0]
        assert embed["title"].startswith("New for watch #1") and "S/PV.8967" in embed["description"]
        button = posted[0]["components"][0]["components"][0]
        assert button["custom_id"].startswith("pl:wa:1:")  # more than five: the rest behind "More"
        more = await (await fake_discord.click(posted[0], button["custom_id"], user=fake_discord.user)).response()
        assert more["data"]["flags"] & 64 and len(more["data"]["embeds"]) >= 2


async def test_a_channels_watch_needs_manage_server_or_channels(fake_discord, corpus, state_url):
    path, _ = corpus
    async with bot_on(fake_discord, path, state_url):
        h = await fake_discord.invoke_slash("watch add", {"query": "集安组织"}, user=fake_discord.user)
        body = await h.response()
        assert body["data"]["flags"] & 64 and "manage the server or this channel" in body["data"]["content"]
        assert open_state(state_url).watch_rows() == []
        mine = await fake_discord.invoke_slash("watch add", {"speaker": "张军", "dm": True}, user=fake_discord.user)
        assert "by direct message" in (await mine.response())["data"]["content"]


async def test_a_dm_watch_alerts_its_owner_by_direct_message(fake_discord, corpus, state_url):
    path, folder = corpus
    async with bot_on(fake_discord, path, state_url):
        await (await fake_discord.invoke_slash("watch add", {"speaker": "张军", "dm": True},
                                               user=fake_discord.user)).response()
        arrive(path, folder)
        sent = await fake_discord.wait_for_request(*POST, timeout=10)
    dm = fake_discord.state.dm_channels[fake_discord.user.user.id]
    assert sent.params["channel_id"] == str(dm.id)
    assert "张军" in sent.body["embeds"][0]["title"] + sent.body["embeds"][0]["description"]
    assert sent.body["allowed_mentions"] == {"parse": []}


async def test_alerts_go_out_once_across_a_restart(fake_discord, corpus, state_url):
    """Killed after sending, before recording: the next process sends again with the same
    nonce once the claim lapses, and Discord returns the first message."""
    path, folder = corpus

    class Killed(BaseException):
        pass

    def kill(step):
        if step == "sent":
            raise Killed(step)

    async with bot_on(fake_discord, path, state_url) as bot:
        await (await fake_discord.invoke_slash("watch add", {"speaker": "张军"}, user=fake_discord.admin)).response()
        bot._corpus_task.cancel()  # this test ticks by hand
        bot._alerts_task.cancel()
        arrive(path, folder)
        bot.alerts.fault = kill
        with pytest.raises(Killed):
            await bot.alerts.tick()
    state = open_state(state_url)
    with state.backend.transaction() as tx:  # the lease runs out
        tx.execute("UPDATE deliveries SET lease_until = 0")
    async with bot_on(fake_discord, path, state_url) as bot:
        await bot.alerts.tick()
        assert await bot.alerts.tick() == 0
    assert len(messages_in(fake_discord, fake_discord.general)) == 1
    assert state.pending_alerts() == []


async def test_watch_list_and_remove_with_autocomplete(fake_discord, corpus, state_url):
    path, _ = corpus
    async with bot_on(fake_discord, path, state_url):
        for q in ("集安组织", "阿富汗"):
            await (await fake_discord.invoke_slash("watch add", {"query": q}, user=fake_discord.admin)).response()
        listed = await (await fake_discord.invoke_slash("watch list", {}, user=fake_discord.user)).response()
        assert "#1" in listed["data"]["content"] and "#2" in listed["data"]["content"]
        h = await fake_discord.autocomplete("watch remove", {"watch": 2}, user=fake_discord.admin)
        assert [c["value"] for c in await h.choices()] == [2]
        mine = await (await fake_discord.autocomplete("watch remove", {"watch": 1}, user=fake_discord.user)).choices()
        assert mine == []  # a channel's watches are for those who may manage them
        refused = await (await fake_discord.invoke_slash("watch remove", {"watch": 2}, user=fake_discord.user)).response()
        assert "no watch #2 that you may remove" in refused["data"]["content"]
        done = await (await fake_discord.invoke_slash("watch remove", {"watch": 2}, user=fake_discord.admin)).response()
        assert "removed" in done["data"]["content"]


async def test_the_digest_says_what_the_channels_watches_found_since_the_last_one(fake_discord, corpus, state_url):
    from datetime import UTC, datetime

    from bot.schedule import Subscriptions

    path, folder = corpus
    Subscriptions(open_state(state_url)).subscribe(fake_discord.guild.id, fake_discord.digests.id, "08:00", "UTC", 1)
    now = datetime(2099, 1, 1, 7, 0, tzinfo=UTC)  # after every stamp an ingest makes today
    bot = PlenaryBot(Store(path, readonly=True), state=open_state(state_url), corpus_every=0.05,
                     digest_every=3600, clock=lambda: now)
    async with fake_discord.run(bot):
        await fake_discord.wait_for_commands("watch")
        await (await fake_discord.invoke_slash("watch add", {"query": "集安组织"}, user=fake_discord.admin,
                                               channel=fake_discord.digests)).response()
        arrive(path, folder)
        await fake_discord.wait_for_request(*POST, timeout=10)  # the alert
        now = datetime(2099, 1, 1, 8, 0, tzinfo=UTC)
        assert await bot.digests.tick() == 1
    digest = messages_in(fake_discord, fake_discord.digests)[-1]
    fields = {f["name"]: f["value"] for e in digest["embeds"] for f in e.get("fields", [])}
    assert "Your watches since the last digest" in fields
    assert fields["Your watches since the last digest"].startswith("#1 «集安组织»: ")
