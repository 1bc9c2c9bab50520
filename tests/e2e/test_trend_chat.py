"""/trend end to end: real discord.py against the loopback Discord, the chart attached as a
multipart upload that the fake validates against the OpenAPI spec."""

from __future__ import annotations

import time
from contextlib import asynccontextmanager

from bot.chat.client import PlenaryBot
from bot.store import Store


@asynccontextmanager
async def running(fake, db_path, **kwargs):
    bot = PlenaryBot(Store(db_path), digest_every=3600, **kwargs)
    async with fake.run(bot):
        await fake.wait_for_commands("trend")
        yield bot


def _answer(handle):
    """The accepted answer's request: the callback, or the follow-up after a deferral."""
    reqs = [a.request for a in handle.callbacks if a.ok] + handle.record.webhook_requests
    return [r for r in reqs if r.files or (isinstance(r.body, dict) and (r.body.get("data") or r.body).get("embeds"))]


async def test_trend_attaches_a_chart_and_says_it_in_words(fake_discord, db_path):
    async with running(fake_discord, db_path):
        h = await fake_discord.invoke_slash("trend", {"query": "阿富汗"}, locale="zh-CN")
        msg = await h.final_message()
        assert [a["filename"] for a in msg["attachments"]] == ["trend.png"]
        assert msg["attachments"][0]["size"] > 5000
        embed = msg["embeds"][0]
        assert embed["title"] == "趋势：阿富汗"
        assert embed["image"]["url"] == "attachment://trend.png"
        text = embed["description"]
        assert "“阿富汗”出现在3份文件的22段中。" in text and "2022：20段 · 1/1 份文件  S/PV.8967" in text
        assert "按机关：大会 1、安全理事会 20、其他 1。" in text
        sent = _answer(h)
        assert sent and [f["filename"] for f in sent[0].files] == ["trend.png"]
        assert 5_000 < sent[0].files[0]["size"] < 200_000
        body = sent[0].body.get("data") or sent[0].body
        assert body["allowed_mentions"] == {"parse": []}
    fake_discord.assert_clean()


async def test_trend_in_english_per_document(fake_discord, db_path):
    async with running(fake_discord, db_path):
        h = await fake_discord.invoke_slash("trend", {"query": "CSTO", "per": "document"}, locale="en-US")
        msg = await h.final_message()
        assert msg["attachments"] and msg["embeds"][0]["title"] == "Trend: CSTO"
        text = msg["embeds"][0]["description"]
        assert "«CSTO» appears in 163 paragraphs of 4 documents." in text
        assert "S/PV.8967 · 16 February 2022: 132 paragraphs" in text
    fake_discord.assert_clean()


async def test_trend_with_no_match_answers_without_a_chart(fake_discord, db_path):
    async with running(fake_discord, db_path):
        h = await fake_discord.invoke_slash("trend", {"query": "xyzzy"}, locale="en-US")
        msg = await h.final_message()
        assert msg["attachments"] == []
        embed = msg["embeds"][0]
        assert "image" not in embed or not embed["image"]
        assert "does not appear in the corpus, so there is no chart to draw" in embed["description"]
    fake_discord.assert_clean()


async def test_trend_is_registered_with_its_options_and_chinese_description(fake_discord, db_path):
    async with running(fake_discord, db_path):
        body = fake_discord.requests_to("PUT", "/applications/{application_id}/commands")[0].body
        trend = next(c for c in body if c["name"] == "trend")
        assert [o["name"] for o in trend["options"]] == ["query", "per", "language"]
        assert trend["description_localizations"]["zh-CN"] == "词语每年在各机关文件中出现的次数（图表）"
    fake_discord.assert_clean()


async def test_a_slow_trend_is_deferred_and_the_follow_up_carries_the_chart(fake_discord, db_path):
    fake_discord.interaction_deadline = 1.0
    async with running(fake_discord, db_path, defer_after=0.2) as bot:
        fast = bot.plenary.trend

        def slow(*args, **kwargs):
            time.sleep(1.2)
            return fast(*args, **kwargs)

        bot.plenary.trend = slow
        h = await fake_discord.invoke_slash("trend", {"query": "合作"}, locale="en-US")
        assert (await h.response())["type"] == 5
        msg = await h.final_message(timeout=5)
        assert [a["filename"] for a in msg["attachments"]] == ["trend.png"]
        assert "«合作» appears in 160 paragraphs of 4 documents." in msg["embeds"][0]["description"]
    fake_discord.assert_clean()
