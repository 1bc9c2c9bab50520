"""Plenary's bot end to end: real discord.py against the loopback Discord in fakediscord/."""

from __future__ import annotations

import asyncio
import time
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import pytest
from seedfiles import FIXTURES

from bot.chat.client import PlenaryBot, build_payload
from bot.ingest import ingest
from bot.schedule import Subscriptions
from bot.state import open_state
from bot.store import Store

COMMANDS = "/applications/{application_id}/commands"


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@asynccontextmanager
async def running(fake, db_path, **kwargs):
    kwargs.setdefault("digest_every", 3600)
    bot = PlenaryBot(Store(db_path), **kwargs)
    async with fake.run(bot):
        await fake.wait_for_commands("search", "doc", "summary", "quote", "speakers", "corpus", "digest")
        yield bot


def embeds_of(message_or_response):
    data = message_or_response.get("data", message_or_response)
    return data.get("embeds") or []


def text_of(message_or_response):
    return "\n".join(
        (e.get("title") or "") + "\n" + (e.get("description") or "") + "\n"
        + "\n".join(f"{f['name']}\n{f['value']}" for f in e.get("fields", []))
        for e in embeds_of(message_or_response)
    )


def custom_ids(message):
    return [c["custom_id"] for row in message.get("components") or [] for c in row.get("components", [])]


async def shown(handle, timeout=None):
    """The message the user is left with, however the bot got there: the answer sent at once,
    or after a deferral the edited "thinking…" message, or the ephemeral follow-up that
    replaced it (a refusal). An answer is deferred whenever it is not ready within
    ``defer_after`` (1.5 s): under load that can be any answer, so a test that checks what an
    answer says reads it here (or with ``final_message``), never from ``response()``, which
    is only the first acknowledgement. (No rejected body and no ping: checked for every
    test by the ``fake_discord`` fixture, tests/e2e/conftest.py.)"""
    rec = handle.record

    def settled():
        if not rec.acknowledged or rec.original_pending:
            return False
        if rec.original_deleted:
            return bool(rec.followup_ids) and rec.followup_ids[-1] != rec.original_id
        return rec.original_id is not None

    await handle.fake._wait(settled, timeout, handle._describe("the message the user is left with"))
    if rec.original_deleted:
        return (await handle.followups(len(rec.followup_ids), timeout))[-1]
    return handle.original


# -- registration --------------------------------------------------------------------------


async def test_sync_sends_the_exact_command_payload_and_it_is_valid(fake_discord, db_path):
    async with running(fake_discord, db_path):
        puts = fake_discord.requests_to("PUT", COMMANDS)
        assert len(puts) == 1 and puts[0].status == 200
        assert puts[0].body == await build_payload(Store(db_path))
        assert {c["name"] for c in puts[0].body} >= {"search", "doc", "summary", "quote", "speakers", "corpus",
                                                    "digest", "Look up UN symbols"}
    assert fake_discord.validation_errors == []


async def test_commands_are_not_synced_again_when_unchanged(fake_discord, db_path):
    async with running(fake_discord, db_path):
        pass
    async with running(fake_discord, db_path):
        pass
    assert len(fake_discord.requests_to("PUT", COMMANDS)) == 1


async def test_descriptions_carry_zh_cn_localisations(fake_discord, db_path):
    async with running(fake_discord, db_path):
        search = next(c for c in fake_discord.requests_to("PUT", COMMANDS)[0].body if c["name"] == "search")
        assert search["description_localizations"]["zh-CN"] == "在联合国文件中搜索段落（容许错字）"
        assert "name_localizations" not in search or not search["name_localizations"]


# -- commands ------------------------------------------------------------------------------


async def test_search_replies_with_bold_match_and_citation(fake_discord, db_path):
    async with running(fake_discord, db_path):
        h = await fake_discord.invoke_slash("search", {"query": "多功熊机构"})
        body = await h.final_message()
        text = text_of(body)
        assert "**多功能机构**" in text and "A/RES/75/276 · PP7" in text
        assert "undocs.org/zh/A/RES/75/276" in text
    fake_discord.assert_clean()


async def test_search_pages_only_for_the_asker(fake_discord, db_path):
    async with running(fake_discord, db_path):
        h = await fake_discord.invoke_slash("search", {"query": "合作"}, user=fake_discord.user)
        first = await h.final_message()
        nxt = next(i for i in custom_ids(first) if i.startswith("pl:s:n:"))
        other = await fake_discord.click(first, nxt, user=fake_discord.admin)
        refusal = await other.response()
        assert refusal["data"]["flags"] & 64  # ephemeral
        mine = await fake_discord.click(first, nxt, user=fake_discord.user)
        page2 = await mine.final_message()
        assert page2["id"] == first["id"] and "6–10" in text_of(page2) + str(embeds_of(page2)[0].get("footer"))


async def test_paging_button_still_works_after_a_restart(fake_discord, db_path):
    async with running(fake_discord, db_path):
        first = await (await fake_discord.invoke_slash("search", {"query": "合作"}, user=fake_discord.user)).final_message()
    nxt = next(i for i in custom_ids(first) if i.startswith("pl:s:n:"))
    async with running(fake_discord, db_path):
        page2 = await (await fake_discord.click(first, nxt, user=fake_discord.user)).final_message()
        assert page2["id"] == first["id"] and "6–10" in str(embeds_of(page2)[0].get("footer"))


async def test_doc_card_and_not_in_corpus(fake_discord, db_path):
    # The answers are read from the final message: response() is only the first acknowledgement,
    # a "thinking…" deferral without embeds whenever the answer took longer than defer_after
    # (1.5 s): that is what made this test fail once under load.
    async with running(fake_discord, db_path):
        card = await (await fake_discord.invoke_slash("doc", {"symbol": "第75/276号决议"})).final_message()
        assert embeds_of(card)[0]["title"].startswith("A/RES/75/276")
        missing = await (await fake_discord.invoke_slash("doc", {"symbol": "59/50"}, locale="zh-CN")).final_message()
        text = text_of(missing)
        assert "语料库中没有 A/RES/59/50" in text and "A/RES/75/276 PP3" in text


@pytest.fixture
def bilingual_db(tmp_path, seed_db_bytes):
    """The seeds, and a Council resolution held in Chinese and in English."""
    path = tmp_path / "plenary.db"
    path.write_bytes(seed_db_bytes)
    store = Store(path)
    ingest([FIXTURES / "docs" / "sc_resolution.txt", FIXTURES / "docs" / "en_sc_resolution.txt"], store)
    store.close()
    return path


async def test_each_user_gets_the_version_in_their_language(fake_discord, bilingual_db):
    async with running(fake_discord, bilingual_db):
        zh = await (await fake_discord.invoke_slash("doc", {"symbol": "S/RES/2999 (2024)"}, locale="zh-CN")).final_message()
        en = await (await fake_discord.invoke_slash("doc", {"symbol": "S/RES/2999 (2024)"}, locale="en-US")).final_message()
        assert embeds_of(zh)[0]["title"] == "S/RES/2999 (2024) · 第2999(2024)号决议"
        assert embeds_of(zh)[0]["url"] == "https://undocs.org/zh/S/RES/2999%20(2024)"
        assert embeds_of(en)[0]["title"] == "S/RES/2999 (2024) · Resolution 2999 (2024)"
        assert embeds_of(en)[0]["url"] == "https://undocs.org/en/S/RES/2999%20(2024)"


async def test_doc_answers_a_paragraph_reference_with_its_parallel(fake_discord, bilingual_db):
    async with running(fake_discord, bilingual_db):
        msg = await (await fake_discord.invoke_slash("doc", {"symbol": "2999 (2024) OP3"}, locale="en-US")).final_message()
        text = embeds_of(msg)[0]["description"]
        assert text.startswith("**OP3** Requests the Secretary-General to report")
        assert "[zh] **OP3** 请秘书长每 90 天向安理会报告" in text and "← OP2(c) · OP4 →" in text


async def test_the_language_button_flips_hits_between_versions(fake_discord, bilingual_db):
    async with running(fake_discord, bilingual_db):
        h = await fake_discord.invoke_slash("search", {"query": "湖区支助团"}, locale="en-US", user=fake_discord.user)
        msg = await h.final_message()
        assert "湖区支助团" in text_of(msg)
        button = next(c for row in msg["components"] for c in row["components"] if c["custom_id"].startswith("pl:sl:"))
        assert button["label"] == "In English"
        flipped = await (await fake_discord.click(msg, button["custom_id"], user=fake_discord.user)).final_message()
        text = embeds_of(flipped)[0]["description"]
        assert "UNISMIL" in text and "湖区支助团" not in text and "OP2 · en]" in text
        back = next(c for row in flipped["components"] for c in row["components"]
                    if c["custom_id"].startswith("pl:sl:"))
        assert back["label"] == "As published" and back["custom_id"].endswith(":xx")


async def test_a_servers_default_language_wins_over_the_users_locale(fake_discord, bilingual_db):
    async with running(fake_discord, bilingual_db):
        await fake_discord.wait_for_commands("language")
        refused = await (await fake_discord.invoke_slash("language", {"language": "zh"}, user=fake_discord.user)).response()
        assert refused["data"]["flags"] & 64  # Manage Server is needed
        done = await (await fake_discord.invoke_slash("language", {"language": "zh"}, user=fake_discord.admin)).response()
        assert done["data"]["flags"] & 64
        card = await (await fake_discord.invoke_slash("doc", {"symbol": "S/RES/2999 (2024)"}, locale="en-US")).final_message()
        assert embeds_of(card)[0]["title"] == "S/RES/2999 (2024) · 第2999(2024)号决议"
        await (await fake_discord.invoke_slash("language", {"language": "auto"}, user=fake_discord.admin)).response()
        card = await (await fake_discord.invoke_slash("doc", {"symbol": "S/RES/2999 (2024)"}, locale="en-US")).final_message()
        assert embeds_of(card)[0]["title"] == "S/RES/2999 (2024) · Resolution 2999 (2024)"


async def test_search_takes_a_language(fake_discord, bilingual_db):
    async with running(fake_discord, bilingual_db):
        h = await fake_discord.invoke_slash("search", {"query": "Lakes region", "language": "en"}, locale="en-US")
        text = embeds_of(await h.final_message())[0]["description"]
        assert "Lakes" in text and "湖区" not in text


async def test_summary_of_a_meeting_is_paginated(fake_discord, db_path):
    async with running(fake_discord, db_path):
        msg = await (await fake_discord.invoke_slash("summary", {"symbol": "S/PV.8967"}, user=fake_discord.user)).final_message()
        assert "韦尔希宁先生" in text_of(msg)
        nxt = next(i for i in custom_ids(msg) if i.startswith("pl:m:n:"))
        page2 = await (await fake_discord.click(msg, nxt, user=fake_discord.user)).final_message()
        assert embeds_of(page2)[0]["footer"]["text"] == "Page 2/3"
        assert "小科斯塔先生" in text_of(page2) and "德劳伦蒂斯先生" not in text_of(page2)


async def test_quote_is_a_blockquote_with_attribution_and_another_quote_button(fake_discord, db_path):
    async with running(fake_discord, db_path):
        msg = await (await fake_discord.invoke_slash("quote", {"who": "张军"})).final_message()
        desc = embeds_of(msg)[0]["description"]
        assert desc.startswith("> ") and "— 张军先生（中国），以中文发言——S/PV.8967，2022年2月16日" in desc
        another = next(i for i in custom_ids(msg) if i.startswith("pl:q:"))
        again = await (await fake_discord.click(msg, another, user=fake_discord.admin)).final_message()
        assert embeds_of(again)[0]["description"] != desc


async def test_speakers_and_corpus(fake_discord, db_path):
    async with running(fake_discord, db_path):
        sp = text_of(await (await fake_discord.invoke_slash("speakers", {"document": "S/PV.8967"})).final_message())
        assert sp.count("\n`") >= 21 and "希克马特先生" in sp
        corpus = text_of(await (await fake_discord.invoke_slash("corpus", {})).final_message())
        assert "A/RES/75/268" in corpus and "letter-2009-07-14" in corpus


async def test_autocomplete_symbols_and_speakers(fake_discord, db_path):
    async with running(fake_discord, db_path):
        choices = await (await fake_discord.autocomplete("doc", {"symbol": "A/RES/75"})).choices()
        assert [c["value"] for c in choices][:2] == ["A/RES/75/276", "A/RES/75/268"]
        who = await (await fake_discord.autocomplete("quote", {"who": "张"})).choices()
        assert who[0]["value"] == "张军先生"
        assert all(len(c["name"]) <= 100 for c in choices + who)


async def test_context_menu_finds_every_symbol_in_a_message(fake_discord, db_path):
    async with running(fake_discord, db_path):
        msg = await fake_discord.create_message(fake_discord.general, fake_discord.user,
                                                "请看第75/276号决议和 S/PV.8967，还有 `A/RES/75/268` 代码块")
        body = await (await fake_discord.message_command("Look up UN symbols", msg)).final_message()
        titles = [e["title"] for e in embeds_of(body)]
        assert [t.split(" ·")[0] for t in titles] == ["A/RES/75/276", "S/PV.8967"]


async def test_user_text_with_mentions_is_never_a_ping(fake_discord, db_path):
    async with running(fake_discord, db_path):
        search = await (await fake_discord.invoke_slash("search", {"query": "@everyone <@123> 合作"})).final_message()
        quote = await (await fake_discord.invoke_slash("quote", {"who": "@here"})).final_message()
    # No ping: the fixture checks allowed_mentions of every body. Where the user's words are
    # quoted in a description, the mention syntax is escaped too (a title is shown as typed).
    assert embeds_of(search)[0]["title"] == "Search: @everyone <@123> 合作"
    assert "@here" not in embeds_of(quote)[0].get("description", "") + embeds_of(quote)[0]["title"]


# -- failures, limits, deadlines -----------------------------------------------------------


async def test_a_failure_is_a_short_ephemeral_message(fake_discord, db_path):
    async with running(fake_discord, db_path) as bot:
        def broken(symbol):
            raise RuntimeError("database on fire")

        bot.plenary.doc = broken
        body = await shown(await fake_discord.invoke_slash("doc", {"symbol": "75/276"}))
        assert body["flags"] & 64, "seen by the asker alone, even after a deferral"
        assert "Traceback" not in body["content"] and "database on fire" not in body["content"]


async def test_an_answer_that_would_overflow_discord_is_trimmed(fake_discord, db_path):
    async with running(fake_discord, db_path) as bot:
        stats = bot.plenary.corpus()
        stats["documents"] = [dict(stats["documents"][0], title="很长的标题" * 300, symbol=f"A/RES/{i}/1")
                              for i in range(200)]
        bot.plenary.corpus = lambda: stats
        body = await (await fake_discord.invoke_slash("corpus", {})).final_message()
        assert 4000 < len(embeds_of(body)[0]["description"]) <= 4096  # trimmed, not dropped


async def test_a_slow_answer_is_deferred_within_the_deadline(fake_discord, db_path):
    fake_discord.interaction_deadline = 1.0
    async with running(fake_discord, db_path, defer_after=0.2) as bot:
        fast_doc = bot.plenary.doc

        def slow(symbol, lang=None):
            time.sleep(1.5)
            return fast_doc(symbol, lang)

        bot.plenary.doc = slow
        h = await fake_discord.invoke_slash("doc", {"symbol": "75/268"})
        assert (await h.response())["type"] == 5
        final = await h.final_message(timeout=5)
        assert embeds_of(final)[0]["title"].startswith("A/RES/75/268")


# -- digests -------------------------------------------------------------------------------


async def test_subscribing_needs_manage_server(fake_discord, db_path):
    async with running(fake_discord, db_path):
        h = await fake_discord.invoke_slash("digest subscribe", {"channel": fake_discord.digests, "time": "08:00",
                                                                 "timezone": "Asia/Shanghai"}, user=fake_discord.user)
        body = await h.response()
        assert body["data"]["flags"] & 64 and "Manage Server" in body["data"]["content"]
        status = await (await fake_discord.invoke_slash("digest status", {})).response()
        assert "No digest" in status["data"]["content"]


async def test_digest_posts_at_its_time_once_even_across_a_restart(fake_discord, db_path):
    clock = Clock(datetime(2026, 11, 24, 0, 30, tzinfo=UTC))  # 08:30 in Shanghai
    async with running(fake_discord, db_path, clock=clock) as bot:
        h = await fake_discord.invoke_slash("digest subscribe", {"channel": fake_discord.digests, "time": "09:00",
                                                                 "timezone": "Asia/Shanghai"}, user=fake_discord.admin)
        assert "Asia/Shanghai" in (await h.response())["data"]["content"]
        assert await bot.digests.tick() == 0  # 08:30 local: not yet
        clock.now = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 09:00
        assert await bot.digests.tick() == 1
        assert await bot.digests.tick() == 0
    posted = fake_discord.channel_messages(fake_discord.digests)
    assert len(posted) == 1 and "24 November 2026" in posted[0]["embeds"][0]["title"]  # dates per locale
    async with running(fake_discord, db_path, clock=clock) as bot:  # restart the same day
        await asyncio.sleep(0.05)
        assert await bot.digests.tick() == 0
        clock.now = datetime(2026, 11, 25, 1, 5, tzinfo=UTC)
        assert await bot.digests.tick() == 1
    assert len(fake_discord.channel_messages(fake_discord.digests)) == 2


async def test_a_missed_digest_goes_out_once_on_start(fake_discord, db_path):
    # Subscribed for 08:00 while the bot was down; it starts at 12:00 the same day.
    Subscriptions(open_state(corpus=db_path)).subscribe(fake_discord.guild.id, fake_discord.digests.id,
                                                        "08:00", "UTC", 1)
    clock = Clock(datetime(2026, 11, 24, 12, 0, tzinfo=UTC))
    async with running(fake_discord, db_path, clock=clock):
        await fake_discord.wait_for_request("POST", "/channels/{channel_id}/messages")
    assert len(fake_discord.channel_messages(fake_discord.digests)) == 1


async def test_deleted_digest_channel_pauses_the_subscription(fake_discord, db_path):
    clock = Clock(datetime(2026, 11, 24, 7, 0, tzinfo=UTC))
    async with running(fake_discord, db_path, clock=clock) as bot:
        await bot.call(bot.plenary.subscriptions.subscribe, fake_discord.guild.id, fake_discord.digests.id,
                       "08:00", "UTC", 1)
        await fake_discord.delete_channel(fake_discord.digests)
        clock.now = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
        assert await bot.digests.tick() == 0
        status = await (await fake_discord.invoke_slash("digest status", {})).response()
        assert "paused: the channel was deleted" in status["data"]["content"]


# -- plenary commands --json, and symbols in ordinary messages -------------------------------


def test_commands_json_validates_against_the_openapi_description(tmp_path, db_path, monkeypatch):
    import json

    from click.testing import CliRunner
    from fakediscord.limits import check_commands
    from fakediscord.validation import load_spec_validator

    from bot.cli import main

    result = CliRunner().invoke(main, ["commands", "--json", "--db", str(db_path)])
    payload = json.loads(result.stdout)
    spec = load_spec_validator()
    op, _ = spec.find("PUT", "/applications/1/commands")
    assert spec.validate(op, payload).ok
    assert check_commands(payload) == []


async def test_symbols_in_messages_answered_when_enabled_and_reply_removed_with_message(fake_discord, db_path):
    async with running(fake_discord, db_path, message_content=True):
        ch = fake_discord.general
        await fake_discord.create_message(ch, fake_discord.user, "见第75/276号决议")
        await asyncio.sleep(0.2)
        assert len(fake_discord.channel_messages(ch)) == 1  # off by default
        on = await fake_discord.invoke_slash("autolookup", {"enabled": True}, user=fake_discord.admin)
        assert (await on.response())["data"]["flags"] & 64
        msg = await fake_discord.create_message(ch, fake_discord.user,
                                                "见第75/276号决议、S/PV.8967，```S/PRST/2013/12``` 和 A/75/L.69")
        posted = await fake_discord.wait_for_request("POST", "/channels/{channel_id}/messages")
        reply = posted.body
        assert [e["title"].split(" ·")[0] for e in reply["embeds"]] == ["A/RES/75/276", "S/PV.8967", "A/RES/75/268"]
        assert reply["allowed_mentions"]["parse"] == [] and reply["allowed_mentions"].get("replied_user") is False
        await fake_discord.delete_message(msg)
        deleted = await fake_discord.wait_for_request("DELETE", "/channels/{channel_id}/messages/{message_id}")
        assert deleted.status == 204
        left = [m for m in fake_discord.channel_messages(ch) if m.get("embeds")]
        assert left == []


# -- issue 11: answers that say something ----------------------------------------------------

_ENGLISH_WORD = __import__("re").compile(r"(?<![/\w.])[A-Za-z]{3,}(?![/\w])")


def english_words(text):
    """Latin words in an answer, less symbols, links and Discord markup."""
    import re

    text = re.sub(r"https?://\S+|<t:\d+:\w>|\b[A-Z]+/[\w/.() ]+|\bS/PV\.\d+|¶\d+|\b(?:Annex\s)?[IVX]*\s?OP\d+|PP\d+", "", text)
    return [w for w in _ENGLISH_WORD.findall(text) if w not in {"Plenary", "letter"}]


async def test_a_query_plenary_refuses_is_an_ephemeral_explanation_in_the_users_language(fake_discord, db_path, caplog):
    import logging

    caplog.set_level(logging.INFO, logger="plenary")
    async with running(fake_discord, db_path):
        body = await shown(await fake_discord.invoke_slash("search", {"query": "合作", "document": "S/1"}, locale="zh-CN"))
        assert body["flags"] & 64
        assert body["content"] == "语料库中没有可供搜索的文件 S/1。"
        en = await shown(await fake_discord.invoke_slash("search", {"query": "合作", "document": "S/1"}))
        assert "No document" in en["content"] and "something went wrong" not in en["content"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_quote_with_a_topic_offers_the_next_quote(fake_discord, db_path):
    async with running(fake_discord, db_path):
        msg = await (await fake_discord.invoke_slash("quote", {"who": "俄罗斯联邦", "topic": "集安组织"})).final_message()
        first = embeds_of(msg)[0]
        assert first["footer"]["text"].startswith("1/")
        nxt = next(i for i in custom_ids(msg) if i.startswith("pl:q:"))
        again = await (await fake_discord.click(msg, nxt, user=fake_discord.admin)).final_message()
        second = embeds_of(again)[0]
        assert second["footer"]["text"].startswith("2/") and "集安组织" in second["description"]
        assert second["description"] != first["description"]


async def test_a_zh_cn_answer_has_no_english_in_it(fake_discord, db_path):
    async with running(fake_discord, db_path):
        for command, options in (("summary", {"symbol": "75/276"}), ("doc", {"symbol": "letter-2009-07-14"}),
                                 ("summary", {"symbol": "letter-2009-07-14"}), ("summary", {"symbol": "S/PV.8967"}),
                                 ("speakers", {"document": "S/PV.8967"}), ("corpus", {}), ("quote", {"who": "张君"})):
            body = await (await fake_discord.invoke_slash(command, options, locale="zh-CN")).final_message()
            text = text_of(body) + " ".join((e.get("footer") or {}).get("text", "") for e in embeds_of(body))
            assert english_words(text) == [], (command, english_words(text))
        preview = await (await fake_discord.invoke_slash("digest preview", {}, locale="zh-CN")).final_message()
        assert english_words(text_of(preview)) == []


async def test_read_pages_a_whole_statement_and_a_whole_record(fake_discord, db_path):
    async with running(fake_discord, db_path):
        msg = await (await fake_discord.invoke_slash("read", {"document": "S/PV.8967", "part": "张君"},
                                                     locale="zh-CN")).final_message()
        e = embeds_of(msg)[0]
        assert e["title"] == "S/PV.8967 · 张军先生的发言" and "**¶144**" in e["description"] and "**¶154**" in e["description"]
        whole = await (await fake_discord.invoke_slash("read", {"document": "S/PV.8967"}, user=fake_discord.user)).final_message()
        assert embeds_of(whole)[0]["footer"]["text"].startswith("Page 1/")
        nxt = next(i for i in custom_ids(whole) if i.startswith("pl:r:n:"))
        page2 = await (await fake_discord.click(whole, nxt, user=fake_discord.user)).final_message()
        assert page2["id"] == whole["id"] and embeds_of(page2)[0]["footer"]["text"].startswith("Page 2/")
        section = await (await fake_discord.invoke_slash("read", {"document": "75/276", "part": "operative"})).final_message()
        assert "**OP9**" in embeds_of(section)[0]["description"]


async def test_a_servers_cooldown_is_its_own_and_paging_never_counts(fake_discord, db_path):
    async with running(fake_discord, db_path) as bot:
        assert bot.plenary.cooldown(fake_discord.guild.id) == (10, 30.0)  # a generous default
        setting = await (await fake_discord.invoke_slash("cooldown", {"uses": 2, "seconds": 60},
                                                         user=fake_discord.admin)).response()
        assert setting["data"]["flags"] & 64 and "2" in setting["data"]["content"]
        first = await (await fake_discord.invoke_slash("search", {"query": "合作"}, user=fake_discord.user)).final_message()
        page = first
        for _ in range(3):  # buttons: never counted
            nxt = next(i for i in custom_ids(page) if i.startswith("pl:s:n:"))
            page = await (await fake_discord.click(first, nxt, user=fake_discord.user)).final_message()
            assert page["id"] == first["id"] and not page["flags"] & 64
        await (await fake_discord.invoke_slash("search", {"query": "安全"}, user=fake_discord.user)).final_message()
        third = await (await fake_discord.invoke_slash("search", {"query": "和平"}, user=fake_discord.user,
                                                       locale="zh-CN")).response()
        assert third["data"]["flags"] & 64 and "请稍候" in third["data"]["content"] and "<t:" in third["data"]["content"]
        assert bot.plenary.cooldown(fake_discord.guild.id) == (2, 60.0)


async def test_confirmations_and_digest_status_follow_the_users_language(fake_discord, db_path):
    async with running(fake_discord, db_path):
        on = await (await fake_discord.invoke_slash("autolookup", {"enabled": True}, user=fake_discord.admin,
                                                    locale="zh-CN")).response()
        assert on["data"]["content"].startswith("本服务器消息中的文号将自动回答")
        none = await (await fake_discord.invoke_slash("digest status", {}, locale="zh-CN")).response()
        assert none["data"]["content"] == "本服务器没有订阅每日摘要。"
        await (await fake_discord.invoke_slash("digest subscribe", {"channel": fake_discord.digests, "time": "09:00",
                                                                    "timezone": "Asia/Shanghai"}, user=fake_discord.admin)).response()
        status = await (await fake_discord.invoke_slash("digest status", {}, locale="zh-CN")).response()
        assert "运行中" in status["data"]["content"] and "上次发送：从未" in status["data"]["content"]
        assert ":R>" in status["data"]["content"]  # the next digest as a Discord timestamp
