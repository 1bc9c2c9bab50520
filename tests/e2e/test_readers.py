"""No answer stalls the bot (issue 12): several readers answer at once, each on a read-only
connection of its own; writes stay on the one writer; the digest is computed off the path of
user commands; a query past its budget is refused in the user's language."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from test_bot import Clock, embeds_of, running, shown

from bot.render.labels import t
from bot.service import Plenary
from bot.store import Store


async def test_a_slow_answer_does_not_hold_up_a_fast_one(fake_discord, db_path):
    async with running(fake_discord, db_path, defer_after=0.5) as bot:
        doc = bot.plenary.doc
        release = threading.Event()
        stores = {}

        def answer(symbol, lang=None):
            stores[symbol] = bot.plenary.reader
            if symbol == "75/268":
                release.wait(10)  # slow, until the fast answer is out
            return doc(symbol, lang)

        bot.plenary.doc = answer
        slow = await fake_discord.invoke_slash("doc", {"symbol": "75/268"})
        await asyncio.sleep(0.05)
        fast = await fake_discord.invoke_slash("doc", {"symbol": "75/276"})
        card = await fast.response()
        assert card["type"] == 4 and embeds_of(card)[0]["title"].startswith("A/RES/75/276")  # not deferred
        assert not release.is_set()
        release.set()
        assert embeds_of(await slow.final_message(timeout=5))[0]["title"].startswith("A/RES/75/268")
        # Each answer on its own read-only connection, none on the writer.
        slow_store, fast_store = stores["75/268"], stores["75/276"]
        assert slow_store is not fast_store and slow_store.readonly and fast_store.readonly
        assert bot.plenary.store not in (slow_store, fast_store)
    fake_discord.assert_clean()


async def test_the_digest_is_computed_off_the_path_of_commands(fake_discord, db_path):
    clock = Clock(datetime(2026, 11, 24, 7, 0, tzinfo=UTC))
    # One reader only: were the digest computed there, the command would wait for it.
    async with running(fake_discord, db_path, clock=clock, readers=1) as bot:
        await bot.call(bot.plenary.subscriptions.subscribe, fake_discord.guild.id, fake_discord.digests.id,
                       "08:00", "UTC", 1)
        digest = bot.plenary.digest
        computing, release = threading.Event(), threading.Event()

        def slow_digest(since=None, day=None):
            computing.set()
            release.wait(10)
            return digest(since, day)

        bot.plenary.digest = slow_digest
        clock.now = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
        tick = asyncio.ensure_future(bot.digests.tick())
        assert await asyncio.get_running_loop().run_in_executor(None, computing.wait, 5)
        # answered while the digest is still held: it is not on the commands' path (read from the
        # final message: under load an answer may be deferred, which is not what this is about)
        card = await (await fake_discord.invoke_slash("doc", {"symbol": "75/276"})).final_message(timeout=5)
        assert embeds_of(card)[0]["title"].startswith("A/RES/75/276") and not release.is_set()
        release.set()
        await tick
    assert len(fake_discord.channel_messages(fake_discord.digests)) == 1


async def test_a_query_too_broad_is_refused_in_the_users_language(fake_discord, db_path):
    query = " ".join("联合国安全理事会大会决议第号执行部分序言段落发言主席先生女士代表团国家政府组织和平发展人权")
    async with running(fake_discord, db_path):
        body = await shown(await fake_discord.invoke_slash("search", {"query": query}, locale="zh-CN"))
        assert body["flags"] & 64 and body["content"] == t("zh", "query_too_broad")
        en = await shown(await fake_discord.invoke_slash("search", {"query": query}))
        assert en["content"] == t("en", "query_too_broad")
    fake_discord.assert_clean()


def test_writes_from_many_readers_are_serialised_on_the_writer(tmp_path, seed_db_bytes):
    path = tmp_path / "plenary.db"
    path.write_bytes(seed_db_bytes)
    writer = Store(path)
    plenary = Plenary(writer, warm=False, readers=True)
    size = plenary.quote("张军")["of"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        positions = list(pool.map(lambda _: plenary.quote("张军")["index"], range(4 * size)))
        keys = set(pool.map(lambda n: plenary.save_search({"query": f"合作{n}"}), range(40)))
    # Every step of the rotation taken once per turn: no two readers got the same step.
    assert sorted(positions) == sorted(list(range(size)) * 4)
    assert len(keys) == 40 and all(plenary.saved(k) for k in keys)
    assert all(r.readonly and r.writer is writer for r in plenary._readers)
    plenary.close()
