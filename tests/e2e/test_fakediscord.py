"""Self-tests of the fake Discord with a REAL discord.py client defined here.

They prove the fake is good enough for the bot's end-to-end tests: the client logs in over
REST, connects over a zlib-stream gateway, syncs its command tree, and every Discord rule we
model (validation, limits, acknowledgement rules, deadlines, channel errors) bites.
"""

from __future__ import annotations

import asyncio
import io

import discord
import pytest
from discord import app_commands
from fakediscord import FakeDiscord, UnknownCommand

COMMANDS_ROUTE = "/applications/{application_id}/commands"
MESSAGES_ROUTE = "/channels/{channel_id}/messages"


class CounterView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=30)
        self.count = 0

    @discord.ui.button(label="Count", custom_id="count", style=discord.ButtonStyle.primary)
    async def count_button(
        self, interaction: discord.Interaction, button: discord.ui.Button
    ) -> None:
        self.count += 1
        await interaction.response.edit_message(
            content=f"Count: {self.count} (by {interaction.user.name})", view=self
        )


class TinyBot(discord.Client):
    """The smallest client that exercises what Plenary's bot does."""

    def __init__(self, **kwargs) -> None:
        # As Plenary's bot: no message may ping anyone (the e2e fixture checks every body).
        kwargs.setdefault("allowed_mentions", discord.AllowedMentions.none())
        super().__init__(intents=discord.Intents.default(), **kwargs)
        self.tree = app_commands.CommandTree(self)
        self.errors: list[BaseException] = []
        self.delay = 0.0
        self.choice_count = 3
        self.seen_locale: str | None = None
        self.seen_manage_guild: list[bool] = []
        self.subscriptions: list[tuple[int, str, str]] = []
        tree = self.tree

        @tree.error
        async def on_tree_error(interaction: discord.Interaction, error: Exception) -> None:
            self.errors.append(getattr(error, "original", error))

        @tree.command(name="ping", description="Reply with pong")
        async def ping(interaction: discord.Interaction, text: str) -> None:
            self.seen_locale = str(interaction.locale)
            self.seen_manage_guild.append(interaction.permissions.manage_guild)
            await interaction.response.send_message(f"pong: {text}")

        @tree.command(name="search", description="Search documents")
        async def search(interaction: discord.Interaction, query: str) -> None:
            await interaction.response.send_message(f"results for {query}")

        @search.autocomplete("query")
        async def search_query(interaction: discord.Interaction, current: str):
            return [
                app_commands.Choice(name=f"{current} {i}", value=f"{current}{i}")
                for i in range(self.choice_count)
            ]

        @tree.command(name="buttons", description="A counter button")
        async def buttons(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("Count: 0", view=CounterView())

        @tree.command(name="bigembed", description="Too much embed text")
        async def bigembed(interaction: discord.Interaction) -> None:
            embeds = [discord.Embed(description="x" * 4000), discord.Embed(description="y" * 2500)]
            await interaction.response.send_message(embeds=embeds)

        @tree.command(name="twice", description="Acknowledge twice")
        async def twice(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("one")
            # discord.py refuses a second response locally (InteractionResponded); a second
            # InteractionResponse object is what two independent handlers would amount to.
            await discord.InteractionResponse(interaction).send_message("two")

        @tree.command(name="slow", description="Respond after a delay")
        async def slow(interaction: discord.Interaction) -> None:
            await asyncio.sleep(self.delay)
            await interaction.response.send_message("too late?")

        @tree.command(name="slowdefer", description="Defer, then follow up after a delay")
        async def slowdefer(interaction: discord.Interaction) -> None:
            await interaction.response.defer(thinking=True)
            await asyncio.sleep(self.delay)
            await interaction.followup.send("done")

        @tree.command(name="report", description="Reply with a file")
        async def report(interaction: discord.Interaction) -> None:
            await interaction.response.send_message(
                "report attached", file=discord.File(io.BytesIO(b"A/RES/78/1"), "report.txt")
            )

        digest = app_commands.Group(name="digest", description="Daily digests")
        subscribe = app_commands.Group(name="subscription", description="Manage", parent=digest)

        @subscribe.command(name="add", description="Subscribe a channel")
        async def add(
            interaction: discord.Interaction, channel: discord.TextChannel, time: str, timezone: str
        ) -> None:
            self.subscriptions.append((channel.id, time, timezone))
            await interaction.response.send_message(
                f"{channel.mention} at {time} {timezone}", ephemeral=True
            )

        tree.add_command(digest)

        @tree.context_menu(name="Quote")
        async def quote(interaction: discord.Interaction, message: discord.Message) -> None:
            await interaction.response.send_message(f"> {message.content}")

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        # discord.py sleeps 5 s before every non-initial IDENTIFY (Discord's 1/5 s rate
        # limit); the fake has no such limit, so don't wait.
        return None


@pytest.fixture
async def bot(fake_discord: FakeDiscord):
    client = TinyBot()
    async with fake_discord.run(client):
        yield client


@pytest.fixture
async def synced(fake_discord: FakeDiscord, bot: TinyBot) -> TinyBot:
    await bot.tree.sync()
    return bot


async def test_login_ready_and_guild_create_over_zlib_stream(
    fake_discord: FakeDiscord, bot: TinyBot
) -> None:
    fake = fake_discord
    assert bot.user is not None and bot.user.id == fake.bot_user.id
    assert bot.application_id == fake.application_id
    conn = fake.gateway.connections[0]
    assert conn.compress, "discord.py 2.7.1 without zstandard must ask for zlib-stream"
    assert fake.gateway.identifies[0]["intents"] == bot.intents.value
    guild = bot.get_guild(fake.guild.id)
    assert guild is not None and guild.name == "Plenary Test"
    assert {c.name for c in guild.text_channels} == {"general", "digests"}
    # Without the GUILD_MEMBERS intent Discord (and the fake) send only the bot's member.
    assert guild.member_count == 3 and guild.me is not None
    assert guild.get_member(fake.admin.id) is None
    routes = {(r.method, r.route) for r in fake.requests}
    assert ("GET", "/users/@me") in routes and ("GET", "/oauth2/applications/@me") in routes
    fake.assert_clean()


async def test_tree_sync_body_is_recorded_and_valid(
    fake_discord: FakeDiscord, synced: TinyBot
) -> None:
    fake = fake_discord
    (put,) = fake.requests_to("PUT", COMMANDS_ROUTE)
    assert put.status == 200 and put.headers["Authorization"] == "Bot <valid token>"
    names = {c["name"] for c in put.body}
    assert {"ping", "search", "buttons", "digest", "Quote"} <= names
    assert fake.validation_errors == []
    assert fake.command("ping").data["options"][0]["name"] == "text"
    assert fake.command("Quote", type=3).type == 3
    with pytest.raises(UnknownCommand):
        await fake.invoke_slash("nosuchcommand")


async def test_ping_is_answered(fake_discord: FakeDiscord, synced: TinyBot) -> None:
    handle = await fake_discord.invoke_slash(
        "ping", {"text": "hi"}, user=fake_discord.admin, locale="zh-CN"
    )
    response = await handle.response()
    assert response["type"] == 4 and response["data"]["content"] == "pong: hi"
    final = await handle.final_message()
    assert final["content"] == "pong: hi" and final["interaction_metadata"]["id"] == str(handle.id)
    assert synced.seen_locale == "zh-CN"
    plain = await fake_discord.invoke_slash("ping", {"text": "again"})  # default: plain user
    await plain.response()
    assert synced.seen_manage_guild == [True, False]
    fake_discord.assert_clean()


@pytest.mark.rejections_expected
async def test_embeds_over_6000_characters_are_rejected(
    fake_discord: FakeDiscord, synced: TinyBot
) -> None:
    handle = await fake_discord.invoke_slash("bigembed")
    rejected = await handle.rejection()
    assert (rejected.status, rejected.error_code) == (400, 50035)
    assert "_errors" in rejected.response["errors"]["data"]["embeds"]
    (failure,) = fake_discord.validation_errors
    assert failure.errors[0].path == ("data", "embeds")
    assert not handle.acknowledged
    await _until(lambda: synced.errors)
    assert isinstance(synced.errors[0], discord.HTTPException) and synced.errors[0].code == 50035


async def test_double_acknowledgement_is_rejected(
    fake_discord: FakeDiscord, synced: TinyBot
) -> None:
    handle = await fake_discord.invoke_slash("twice")
    assert (await handle.response())["data"]["content"] == "one"
    rejected = await handle.rejection()
    assert (rejected.status, rejected.error_code) == (400, 40060)
    await _until(lambda: synced.errors)
    assert synced.errors[0].code == 40060


async def test_late_response_fails_but_defer_then_followup_succeeds(
    fake_discord: FakeDiscord, synced: TinyBot
) -> None:
    fake_discord.interaction_deadline = 0.2  # Discord's 3 s, scaled down
    synced.delay = 0.4

    late = await fake_discord.invoke_slash("slow")
    rejected = await late.rejection()
    assert (rejected.status, rejected.error_code) == (404, 10062)
    assert not late.acknowledged

    deferred = await fake_discord.invoke_slash("slowdefer")
    assert (await deferred.response())["type"] == 5
    final = await deferred.final_message()
    assert final["content"] == "done"
    assert [m["content"] for m in await deferred.followups()] == ["done"]
    assert all(c.ok for c in deferred.callbacks)
    assert fake_discord.validation_errors == []


@pytest.mark.rejections_expected
async def test_autocomplete_with_26_choices_is_rejected(
    fake_discord: FakeDiscord, synced: TinyBot
) -> None:
    handle = await fake_discord.autocomplete("search", {"query": "res"})
    choices = await handle.choices()
    assert [c["value"] for c in choices] == ["res0", "res1", "res2"]

    synced.choice_count = 26
    handle = await fake_discord.autocomplete("search", {"query": "res"})
    rejected = await handle.rejection()
    assert (rejected.status, rejected.error_code) == (400, 50035)
    assert fake_discord.validation_errors[-1].errors[0].path[:2] == ("data", "choices")


async def test_button_click_round_trip(fake_discord: FakeDiscord, synced: TinyBot) -> None:
    handle = await fake_discord.invoke_slash("buttons")
    message = await handle.final_message()
    assert message["components"][0]["components"][0]["custom_id"] == "count"

    click = await fake_discord.click(message, "count", user=fake_discord.admin)
    assert (await click.response())["type"] == 7
    updated = await click.final_message()
    assert updated["id"] == message["id"] and updated["content"] == "Count: 1 (by admin)"
    with pytest.raises(ValueError):
        await fake_discord.click(message, "no-such-button")
    fake_discord.assert_clean()


async def test_posting_to_deleted_or_forbidden_channel(
    fake_discord: FakeDiscord, bot: TinyBot
) -> None:
    fake = fake_discord
    sent = await bot.get_partial_messageable(fake.digests.id).send("digest of the day")
    assert fake.channel_messages(fake.digests)[-1]["id"] == str(sent.id)

    await fake.delete_channel(fake.digests)
    with pytest.raises(discord.NotFound) as not_found:
        await bot.get_partial_messageable(fake.digests.id).send("digest of the day")
    assert not_found.value.code == 10003
    assert fake.requests_to("POST", MESSAGES_ROUTE)[-1].status == 404

    await fake.revoke_send_permission(fake.general)
    with pytest.raises(discord.Forbidden) as forbidden:
        await bot.get_partial_messageable(fake.general.id).send("hello")
    assert forbidden.value.code == 50013
    await _until(lambda: bot.get_channel(fake.digests.id) is None)
    general = bot.get_channel(fake.general.id)
    assert not general.permissions_for(general.guild.me).send_messages
    fake.assert_clean()


async def test_subcommand_group_with_channel_and_message_context_menu(
    fake_discord: FakeDiscord, synced: TinyBot
) -> None:
    fake = fake_discord
    handle = await fake.invoke_slash(
        "digest subscription add",
        {"channel": fake.digests, "time": "08:00", "timezone": "Europe/Geneva"},
        user=fake.admin,
    )
    final = await handle.final_message()
    assert final["flags"] & 64 and synced.subscriptions == [
        (fake.digests.id, "08:00", "Europe/Geneva")
    ]

    written = await fake.create_message(fake.general, fake.user, "Resolution 2758 (XXVI)")
    quote = await fake.message_command("Quote", written)
    assert (await quote.final_message())["content"] == "> Resolution 2758 (XXVI)"
    fake.assert_clean()


async def test_autosharded_client_gets_each_guild_on_its_shard() -> None:
    fake = FakeDiscord(recommended_shards=2)
    # Add guilds until both shards own one ((guild_id >> 22) % 2 decides).
    while len({(g.id >> 22) % 2 for g in fake.state.guilds}) < 2:
        fake.state.create_guild(f"Guild {len(fake.state.guilds)}")
    async with fake:
        with fake.patch_discord():
            client = discord.AutoShardedClient(intents=discord.Intents.default())
            client.before_identify_hook = TinyBot.before_identify_hook.__get__(client)
            async with fake.run(client):
                assert {g.id for g in client.guilds} == {g.id for g in fake.state.guilds}
                shards = sorted(c.shard for c in fake.gateway.connections)
                assert shards == [(0, 2), (1, 2)]
                for conn in fake.gateway.connections:
                    assert all((gid >> 22) % 2 == conn.shard[0] for gid in conn.guilds_sent)
        fake.assert_clean()


async def test_multipart_body_unknown_route_and_reconnect(
    fake_discord: FakeDiscord, synced: TinyBot
) -> None:
    fake = fake_discord
    handle = await fake.invoke_slash("report")
    await handle.response()
    (callback,) = [c.request for c in handle.callbacks]
    assert callback.body["data"]["content"] == "report attached"  # from payload_json
    assert [f["filename"] for f in callback.files] == ["report.txt"]
    assert (await handle.final_message())["attachments"][0]["filename"] == "report.txt"

    with pytest.raises(discord.NotFound):
        await synced.fetch_guild_preview(fake.guild.id)  # an endpoint the fake does not model
    assert [r.route for r in fake.unhandled] == ["/guilds/{guild_id}/preview"]
    fake.unhandled.clear()

    # op 7 RECONNECT: discord.py reconnects and RESUMEs; interactions keep working.
    first = fake.gateway.connections[0]
    await fake.request_reconnect()
    await _until(
        lambda: (
            len(fake.gateway.open_connections) == 1
            and fake.gateway.open_connections[0] is not first
            and fake.gateway.open_connections[0].ready.is_set()
        )
    )
    again = await fake.invoke_slash("ping", {"text": "after resume"})
    assert (await again.response())["data"]["content"] == "pong: after resume"
    assert (
        fake.gateway.identifies and len(fake.gateway.identifies) == 1
    )  # resumed, not re-identified
    fake.assert_clean()


async def _until(predicate, timeout: float = 2.0) -> None:
    """Poll a client-side condition (events the fake cannot observe) with a deadline."""
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.01)
