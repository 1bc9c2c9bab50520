"""The guards that keep Discord from refusing or losing an answer, each with a test that fails
when the guard breaks (issue 12).

Every e2e test also checks, in the ``fake_discord`` fixture (tests/e2e/conftest.py), that
Discord rejected no body and that no message could ping anyone. Guards tested elsewhere:
the per-shard guild filter of the digests (tests/e2e/test_digest_delivery.py) and the claim
that makes a digest go out exactly once (tests/test_state.py, and its processes killed at
each step in test_digest_delivery.py).
"""

from __future__ import annotations

import asyncio
import time

import pytest
from test_bot import embeds_of, running, shown

from bot.answers.complete import Choice
from bot.chat.embeds import card_embed
from bot.chat.limits import _size
from bot.ingest import ingest
from bot.store import Store

TOTAL = 6000  # Discord: all the embeds of one message, together


def _size_of(embeds: list[dict]) -> int:
    return sum(len(e.get("title") or "") + len(e.get("description") or "") + len((e.get("footer") or {}).get("text") or "")
               + len((e.get("author") or {}).get("name") or "")
               + sum(len(f["name"]) + len(f["value"]) for f in e.get("fields") or []) for e in embeds)


def _resolution(n: int, others: list[int], recalled: int = 60) -> str:
    """A Security Council resolution that recalls ``recalled`` others and names ``others`` in
    each operative paragraph: a large card (1024 characters of cites, as many of cited by)."""
    recalls = ", ".join(f"{2000 + n % 100 * 100 + i} ({2000 + i % 20})" for i in range(recalled))
    named = ", ".join(f"{k} (2025)" for k in others if k != n) or "2650 (2022)"
    ops = "\n\n".join(f"{k}. Decides that the Mission shall continue the tasks set out in resolutions {named}, "
                      "with particular attention to the protection of civilians;" for k in range(1, 15))
    return f"""United Nations S/RES/{n} (2025)

Security Council

Distr.: General
4 March 2025

Resolution {n} (2025)

Adopted by the Security Council at its {9000 + n % 1000}th meeting, on 1 March 2025

The Security Council,

Recalling its previous resolutions on the situation in the Lakes region, in particular resolutions {recalls},

Acting under Chapter VII of the Charter of the United Nations,

{ops}

15. Decides to remain actively seized of the matter.
"""


def _corpus(tmp_path, seed_db_bytes, numbers: list[int], **kwargs) -> object:
    path = tmp_path / "plenary.db"
    path.write_bytes(seed_db_bytes)
    files = []
    for n in numbers:
        f = tmp_path / f"res{n}.txt"
        f.write_text(_resolution(n, numbers, **kwargs), encoding="utf-8")
        files.append(f)
    store = Store(path)
    assert ingest(files, store).ok
    store.close()
    return path


BIG = [3001, 3002, 3003, 3004, 3005]


@pytest.fixture
def big_cards_db(tmp_path, seed_db_bytes):
    """The seeds and five resolutions that cite each other: a card each of about 2200 characters."""
    return _corpus(tmp_path, seed_db_bytes, BIG)


@pytest.fixture
def many_symbols_db(tmp_path, seed_db_bytes):
    """The seeds and 30 more resolutions: more symbols than an autocomplete may offer."""
    return _corpus(tmp_path, seed_db_bytes, list(range(3101, 3131)), recalled=1)


# -- Manage Server ---------------------------------------------------------------------------


async def test_autolookup_needs_manage_server(fake_discord, db_path):
    async with running(fake_discord, db_path) as bot:
        guild = fake_discord.guild.id
        refused = await (await fake_discord.invoke_slash("autolookup", {"enabled": True},
                                                         user=fake_discord.user)).response()
        assert refused["data"]["flags"] & 64 and "Manage Server" in refused["data"]["content"]
        assert not bot.plenary.auto_symbols(guild)
        done = await (await fake_discord.invoke_slash("autolookup", {"enabled": True},
                                                      user=fake_discord.admin)).response()
        assert done["data"]["flags"] & 64 and "Manage Server" not in done["data"]["content"]
        assert bot.plenary.auto_symbols(guild)


async def test_every_server_setting_needs_manage_server(fake_discord, db_path):
    """A member without Manage Server changes nothing; an admin changes each setting."""
    async with running(fake_discord, db_path) as bot:
        await fake_discord.wait_for_commands("autolookup", "language", "cooldown")
        g = fake_discord.guild.id
        plenary = bot.plenary
        subscribe = {"channel": fake_discord.digests, "time": "08:00", "timezone": "UTC"}
        settings = [  # command, options, what it changed (read back from the bot)
            ("autolookup", {"enabled": True}, lambda: plenary.auto_symbols(g)),
            ("language", {"language": "fr"}, lambda: plenary.language(g)),
            ("cooldown", {"uses": 3, "seconds": 9}, lambda: plenary.cooldown(g)),
            ("digest subscribe", subscribe, lambda: plenary.subscriptions.get(g)),
            ("digest unsubscribe", {}, lambda: plenary.subscriptions.get(g)),
        ]
        for name, options, read in settings:
            before = read()
            body = await (await fake_discord.invoke_slash(name, options, user=fake_discord.user)).response()
            assert body["data"]["flags"] & 64 and "Manage Server" in body["data"]["content"], name
            assert read() == before, f"/{name} changed a setting for a member without Manage Server"
            ok = await (await fake_discord.invoke_slash(name, options, user=fake_discord.admin)).response()
            assert "Manage Server" not in ok["data"]["content"], name
            assert read() != before, f"/{name} did not change the setting for an admin"


# -- 6000 characters -----------------------------------------------------------------------


async def test_an_answer_over_6000_characters_is_trimmed_and_sent(fake_discord, big_cards_db):
    """Five symbols in a message: their five cards hold some 11 000 characters, each within
    its own limits. The context menu and the symbol listener send what fits in 6000 (no
    rejected body: the fixture), beginning with the first card, whole."""
    text = "Compare " + ", ".join(f"S/RES/{n} (2025)" for n in BIG)
    async with running(fake_discord, big_cards_db, message_content=True) as bot:
        cards = await bot.call(bot.plenary.symbols_in, text)
        untrimmed = [card_embed(c, "en") for c in cards]
        assert len(untrimmed) == 5 and sum(_size(e) for e in untrimmed) > 10_000
        assert all(_size(e) <= TOTAL for e in untrimmed)

        msg = await fake_discord.create_message(fake_discord.general, fake_discord.user, text)
        answer = await (await fake_discord.message_command("Look up UN symbols", msg)).final_message()
        embeds = embeds_of(answer)
        assert TOTAL - 1500 < _size_of(embeds) <= TOTAL, _size_of(embeds)
        assert embeds[0]["title"].startswith("S/RES/3001 (2025)")
        assert _size_of(embeds[:1]) == _size(untrimmed[0])  # the first card, whole

        await (await fake_discord.invoke_slash("autolookup", {"enabled": True}, user=fake_discord.admin)).response()
        since = len(fake_discord.requests)
        await fake_discord.create_message(fake_discord.general, fake_discord.user, text)
        reply = await fake_discord.wait_for_request("POST", "/channels/{channel_id}/messages", since=since)
        assert reply.status == 200
        assert TOTAL - 1500 < _size_of(reply.body["embeds"]) <= TOTAL
        assert reply.body["embeds"][0]["title"].startswith("S/RES/3001 (2025)")


# -- Discord's 3 seconds -------------------------------------------------------------------


def _slowed(obj, name: str, seconds: float) -> None:
    fast = getattr(obj, name)

    def slow(*args, **kwargs):
        time.sleep(seconds)
        return fast(*args, **kwargs)

    setattr(obj, name, slow)


# Every command whose answer is worked out in a worker thread, with the Plenary method its
# answer waits on.
SLOW_COMMANDS = [
    ("search", {"query": "合作"}, "saved_search"),
    ("doc", {"symbol": "75/276"}, "doc"),
    ("summary", {"symbol": "S/PV.8967"}, "summary"),
    ("quote", {"who": "张军"}, "quote"),
    ("read", {"document": "75/276", "part": "operative"}, "read"),
    ("speakers", {"document": "S/PV.8967"}, "speakers"),
    ("corpus", {}, "corpus"),
    ("trend", {"query": "合作"}, "trend"),
    ("digest preview", {}, "digest_of_today"),
]


async def test_every_slow_answer_is_deferred_within_the_deadline(fake_discord, db_path):
    """Each command, its answer slower than Discord's deadline (scaled down to 1 s): the
    interaction is acknowledged in time ("thinking…"), then the answer replaces it."""
    fake_discord.interaction_deadline = 1.0
    async with running(fake_discord, db_path, defer_after=0.2, readers=len(SLOW_COMMANDS) + 1) as bot:
        await fake_discord.wait_for_commands("read", "trend")
        for _, _, method in SLOW_COMMANDS + [(None, None, "symbols_in")]:
            _slowed(bot.plenary, method, 1.3)
        msg = await fake_discord.create_message(fake_discord.general, fake_discord.user, "见第75/276号决议")
        handles = {name: await fake_discord.invoke_slash(name, options, user=fake_discord.admin)
                   for name, options, _ in SLOW_COMMANDS}
        handles["Look up UN symbols"] = await fake_discord.message_command("Look up UN symbols", msg)
        late = []
        for name, h in handles.items():
            first = await h.response(timeout=5)
            if first["type"] != 5 or not all(c.ok for c in h.callbacks):
                late.append((name, first["type"], [(c.status, c.code) for c in h.callbacks]))
                continue
            final = await h.final_message(timeout=5)
            assert embeds_of(final), name
        assert late == [], f"answers not deferred in time: {late}"


async def test_time_before_the_command_runs_counts_against_the_deadline(fake_discord, db_path):
    """Discord's 3 s run from when the interaction was created: time spent before the command
    runs (a busy event loop, a slow check) is not given again to the answer."""
    fake_discord.interaction_deadline = 1.5  # Discord's 3 s, halved
    async with running(fake_discord, db_path, defer_after=0.9) as bot:
        async def busy(interaction) -> bool:
            await asyncio.sleep(0.9)  # 0.9 + 0.9 > 1.5: too late, counted from the command's start
            return True

        bot.tree.interaction_check = busy
        _slowed(bot.plenary, "doc", 2.0)
        h = await fake_discord.invoke_slash("doc", {"symbol": "75/268"})
        first = await h.response(timeout=5)
        assert first["type"] == 5 and all(c.ok for c in h.callbacks), h.callbacks
        assert embeds_of(await h.final_message(timeout=5))[0]["title"].startswith("A/RES/75/268")


async def test_a_slow_page_turn_is_deferred_within_the_deadline(fake_discord, db_path):
    """A button (a page of /search, /summary, /read, another quote) works its answer out
    again: when that is slow, the click is acknowledged in time and the message then edited."""
    fake_discord.interaction_deadline = 1.0
    async with running(fake_discord, db_path, defer_after=0.2) as bot:
        first = await (await fake_discord.invoke_slash("search", {"query": "合作"}, user=fake_discord.user)).final_message()
        nxt = next(c["custom_id"] for row in first["components"] for c in row["components"]
                   if c["custom_id"].startswith("pl:s:n:"))
        _slowed(bot.plenary, "saved_search", 1.3)
        click = await fake_discord.click(first, nxt, user=fake_discord.user)
        ack = await click.response(timeout=5)
        assert ack["type"] == 6 and all(c.ok for c in click.callbacks), click.callbacks
        page2 = await click.final_message(timeout=5)
        assert page2["id"] == first["id"] and "6–10" in embeds_of(page2)[0]["footer"]["text"]


async def test_a_slow_refusal_is_seen_by_the_asker_alone(fake_discord, db_path):
    """Refused or failed after the answer was deferred: the public "thinking…" message is
    taken away and the explanation is ephemeral."""
    async with running(fake_discord, db_path, defer_after=0.05) as bot:
        def broken(*args, **kwargs):
            time.sleep(0.3)
            raise RuntimeError("database on fire")

        bot.plenary.doc = broken
        h = await fake_discord.invoke_slash("doc", {"symbol": "75/276"})
        assert (await h.response())["type"] == 5
        body = await shown(h)
        assert body["flags"] & 64 and "database on fire" not in body["content"]
        assert h.record.original_deleted


# -- 25 choices ----------------------------------------------------------------------------


def autocompleted_options(fake) -> list[tuple[str, str]]:
    """(command as typed, option) for every option the bot registered with autocomplete."""
    found = []

    def walk(prefix: str, options: list[dict]) -> None:
        for o in options or []:
            if o.get("type") in (1, 2):  # a subcommand, or a group of them
                walk(f"{prefix} {o['name']}", o.get("options"))
            elif o.get("autocomplete"):
                found.append((prefix, o["name"]))

    for cmd in fake.commands.values():
        if cmd.type == 1:
            walk(cmd.name, cmd.data.get("options"))
    return sorted(found)


QUERIES = ["", "a", "/", "S", "S/RES/3", "A/RES", "res", "张", "Asia/"]


async def _many_watches(fake, count: int = 30) -> None:
    """More watches of the user's own than /watch remove may offer."""
    await fake.wait_for_commands("watch")
    for i in range(count):
        added = await (await fake.invoke_slash("watch add", {"query": f"arms embargo {i}", "dm": True})).response()
        assert added["data"]["flags"] & 64, added


def _check_choices(choices: list[dict]) -> None:
    assert len(choices) <= 25, len(choices)
    for c in choices:
        assert 1 <= len(c["name"]) <= 100 and len(str(c["value"])) <= 100, c


async def test_every_autocomplete_offers_at_most_25_choices(fake_discord, many_symbols_db):
    async with running(fake_discord, many_symbols_db) as bot:
        await fake_discord.wait_for_commands("read", "trend")
        options = autocompleted_options(fake_discord)
        assert {("doc", "symbol"), ("quote", "who"), ("search", "speaker"), ("digest subscribe", "timezone")} <= set(options)
        assert len(bot.plenary.complete_symbols("S/RES")) >= 25  # 34 symbols match
        await _many_watches(fake_discord)
        full = 0
        for command, option in options:
            for typed in QUERIES:
                choices = await (await fake_discord.autocomplete(command, {option: typed})).choices()
                _check_choices(choices)
                full += len(choices) == 25
        assert full >= 5  # many queries matched more than 25, and were cut to 25


async def test_an_autocomplete_source_offering_too_much_is_cut(fake_discord, db_path, monkeypatch):
    """Whatever the answers layer offers (here 60 choices with 150-character names; 30 watches),
    what the bot sends Discord fits: 25 choices, names and values within 100 characters."""
    many = [Choice(name=f"S/RES/{i} " + "x" * 150, value=f"S/RES/{i} (2025) " + "y" * 150) for i in range(60)]
    monkeypatch.setattr("bot.chat.commands.timezone_choices",
                        lambda typed, limit=25: [f"Area/Zone_{i}" for i in range(60)])
    async with running(fake_discord, db_path) as bot:
        await fake_discord.wait_for_commands("read", "trend")
        bot.plenary.complete_symbols = lambda typed: many
        bot.plenary.complete_speakers = lambda typed: many
        await _many_watches(fake_discord)
        for command, option in autocompleted_options(fake_discord):
            choices = await (await fake_discord.autocomplete(command, {option: ""})).choices()
            _check_choices(choices)
            assert len(choices) == 25, (command, option)


@pytest.mark.parametrize(("name", "options", "method"), [
    ("autolookup", {"enabled": True}, "set_auto_symbols"), ("language", {"language": "en"}, "set_language"),
    ("cooldown", {"uses": 3}, "set_cooldown"), ("watch add", {"query": "集安组织"}, "watches")])
async def test_a_slow_settings_write_is_deferred_privately(fake_discord, db_path, name, options, method):
    """Settings go to the state store, which may be a PostgreSQL across a network: a slow
    write is acknowledged in time, privately, and its confirmation follows."""
    fake_discord.interaction_deadline = 1.0
    async with running(fake_discord, db_path, defer_after=0.2) as bot:
        if method == "watches":
            real = bot.plenary.state.add_watch

            def slow_add(**kw):
                time.sleep(1.3)
                return real(**kw)
            bot.plenary.state.add_watch = slow_add
        else:
            _slowed(bot.plenary, method, 1.3)
        h = await fake_discord.invoke_slash(name, options, user=fake_discord.admin)
        first = await h.response(timeout=5)
        assert first["type"] == 5 and first["data"]["flags"] & 64 and all(c.ok for c in h.callbacks)
        final = await shown(h, timeout=5)
        assert final["content"] and final["flags"] & 64
