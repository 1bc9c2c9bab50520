"""Slash commands, the symbol context menu and the optional symbol listener.

Each command: take the user's words, call the answers service off the event loop, render.
If the answer takes longer than ``bot.defer_after`` the interaction is deferred first, so
Discord's 3-second deadline always holds.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.chat.embeds import (
    card_embed,
    corpus_embed,
    digest_embeds,
    quote_embed,
    search_embed,
    speakers_embed,
    summary_pages,
)
from bot.chat.limits import CHOICE_NAME, CHOICES, clip
from bot.chat.views import NONE, TimedView, quote_view, search_view, summary_view
from bot.render.labels import lang_of, t
from bot.schedule import SubscriptionError, timezone_choices

if TYPE_CHECKING:
    from bot.chat.client import PlenaryBot

log = logging.getLogger("plenary.chat")
_CODE = re.compile(r"```.*?```|`[^`]*`", re.DOTALL)


def _lang(interaction: discord.Interaction) -> str:
    return lang_of(str(interaction.locale))


def _version(interaction: discord.Interaction) -> str:
    """The language version a user reads: Chinese for zh-CN and zh-TW, English for everyone
    else (the look-up falls back to what the corpus holds)."""
    return "zh" if _lang(interaction) == "zh" else "en"


def _choices(items: list[Any]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=clip(c.name, CHOICE_NAME), value=c.value[:100]) for c in items[:CHOICES]]


def _user_cooldown(interaction: discord.Interaction) -> int:
    return interaction.user.id


heavy = app_commands.checks.cooldown(4, 20.0, key=_user_cooldown)


class Plenary(commands.Cog):
    def __init__(self, bot: PlenaryBot):
        self.bot = bot
        # Our replies to ordinary messages, so a deleted message takes its reply with it.
        self.replies: OrderedDict[int, int] = OrderedDict()

    # -- plumbing ---------------------------------------------------------------------------

    async def answer(self, interaction: discord.Interaction, work: Callable[[], Any], *,
                     ephemeral: bool = False) -> Any:
        """Run ``work`` in the worker thread; defer if it is not done in time."""
        task = asyncio.ensure_future(self.bot.call(work))
        try:
            return await asyncio.wait_for(asyncio.shield(task), timeout=self.bot.defer_after)
        except TimeoutError:
            await interaction.response.defer(thinking=True, ephemeral=ephemeral)
            return await task

    async def send(self, interaction: discord.Interaction, *, embeds: list[discord.Embed],
                   view: TimedView | None = None, ephemeral: bool = False) -> None:
        kwargs: dict[str, Any] = {"embeds": embeds, "allowed_mentions": NONE, "ephemeral": ephemeral}
        if view is not None:
            kwargs["view"] = view
        if interaction.response.is_done():
            message = await interaction.followup.send(wait=True, **kwargs)
        else:
            await interaction.response.send_message(**kwargs)
            message = await interaction.original_response() if view is not None else None
        if view is not None:
            view.message = message

    # -- autocomplete -----------------------------------------------------------------------

    async def symbol_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(self.bot.plenary.complete_symbols(current))

    async def speaker_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(self.bot.plenary.complete_speakers(current))

    # -- commands ---------------------------------------------------------------------------

    @app_commands.command(name="search", description=_("Search UN documents for an excerpt (typos forgiven)"))
    @app_commands.describe(query=_("Words or a phrase, in Simplified or Traditional Chinese"),
                           document=_("Only this document (symbol)"), speaker=_("Only this speaker"),
                           country=_("Only statements for this country"))
    @heavy
    async def search(self, interaction: discord.Interaction, query: app_commands.Range[str, 1, 500],
                     document: str | None = None, speaker: str | None = None, country: str | None = None) -> None:
        lang = _lang(interaction)
        params = {"query": query, "symbol": document, "speaker": speaker, "country": country}
        params = {k: v for k, v in params.items() if v}

        def work() -> tuple[str, dict[str, Any]]:
            key = self.bot.plenary.save_search(params)
            return key, self.bot.plenary.saved_search(key, 0)

        key, result = await self.answer(interaction, work)
        await self.send(interaction, embeds=[search_embed(result, lang)],
                        view=search_view(result, key, interaction.user.id, lang))

    @app_commands.command(name="doc", description=_("Look up a UN document by its symbol"))
    @app_commands.describe(symbol=_("A symbol in any form: A/RES/75/276, 75/276, 第75/276号决议"))
    async def doc(self, interaction: discord.Interaction, symbol: app_commands.Range[str, 1, 200]) -> None:
        card = await self.answer(interaction, lambda: self.bot.plenary.doc(symbol, _version(interaction)))
        await self.send(interaction, embeds=[card_embed(card, _lang(interaction))])

    @app_commands.command(name="summary", description=_("Summarise a resolution, a letter or a meeting"))
    @app_commands.describe(symbol=_("The document's symbol"))
    @heavy
    async def summary(self, interaction: discord.Interaction, symbol: app_commands.Range[str, 1, 200]) -> None:
        lang = _lang(interaction)
        result = await self.answer(interaction, lambda: self.bot.plenary.summary(symbol))
        pages = summary_pages(result, lang)
        doc = result.get("symbol") or symbol
        await self.send(interaction, embeds=[pages[0]],
                        view=summary_view(len(pages), 0, interaction.user.id, doc, lang))

    @app_commands.command(name="quote", description=_("Quote what a delegate said, with an attribution"))
    @app_commands.describe(who=_("A speaker's name, a country, or a role such as 主席"),
                           topic=_("What about (optional)"), document=_("Only this meeting (optional)"))
    @heavy
    async def quote(self, interaction: discord.Interaction, who: app_commands.Range[str, 1, 100],
                    topic: app_commands.Range[str, 1, 200] | None = None, document: str | None = None) -> None:
        lang = _lang(interaction)

        def work() -> tuple[str, dict[str, Any]]:
            version = _version(interaction)
            key = self.bot.plenary.store.save_query({"who": who, "topic": topic, "symbol": document, "lang": version})
            return key, self.bot.plenary.quote(who, topic, document, lang=version)

        key, result = await self.answer(interaction, work)
        await self.send(interaction, embeds=[quote_embed(result, lang)], view=quote_view(result, key, lang))

    @app_commands.command(name="speakers", description=_("The speakers of a meeting, in order"))
    @app_commands.describe(document=_("The meeting's record, e.g. S/PV.8967"))
    async def speakers(self, interaction: discord.Interaction, document: str) -> None:
        result = await self.answer(interaction, lambda: self.bot.plenary.speakers(document))
        await self.send(interaction, embeds=[speakers_embed(result, _lang(interaction))])

    @app_commands.command(name="corpus", description=_("What the corpus holds"))
    async def corpus(self, interaction: discord.Interaction) -> None:
        stats = await self.answer(interaction, self.bot.plenary.corpus)
        await self.send(interaction, embeds=[corpus_embed(stats, _lang(interaction))])

    @app_commands.command(name="autolookup", description=_("Answer UN symbols written in this server's messages"))
    @app_commands.describe(enabled=_("On or off"))
    @app_commands.guild_only()
    @app_commands.checks.has_permissions(manage_guild=True)
    async def autolookup(self, interaction: discord.Interaction, enabled: bool) -> None:
        await self.bot.call(self.bot.plenary.set_auto_symbols, interaction.guild_id, enabled)
        note = "" if self.bot.intents.message_content else " (the bot runs without the message-content intent: set PLENARY_MESSAGE_CONTENT=1)"
        await interaction.response.send_message(f"autolookup: {'on' if enabled else 'off'}{note}", ephemeral=True,
                                                allowed_mentions=NONE)

    # Autocomplete is answered from memory: Discord gives it no time to defer.
    doc.autocomplete("symbol")(symbol_autocomplete)
    summary.autocomplete("symbol")(symbol_autocomplete)
    search.autocomplete("document")(symbol_autocomplete)
    search.autocomplete("speaker")(speaker_autocomplete)
    quote.autocomplete("who")(speaker_autocomplete)
    quote.autocomplete("document")(symbol_autocomplete)
    speakers.autocomplete("document")(symbol_autocomplete)

    # -- digests ----------------------------------------------------------------------------

    digest = app_commands.Group(name="digest", description=_("Daily digests of the corpus"), guild_only=True)

    @digest.command(name="subscribe", description=_("Post a daily digest to a channel"))
    @app_commands.describe(channel=_("Where to post"), time=_("Local time, HH:MM"),
                           timezone=_("IANA time zone, e.g. Asia/Shanghai"))
    @app_commands.checks.has_permissions(manage_guild=True)
    async def digest_subscribe(self, interaction: discord.Interaction, channel: discord.TextChannel,
                               time: app_commands.Range[str, 1, 5], timezone: str = "UTC") -> None:
        try:
            sub = await self.bot.call(self.bot.plenary.subscriptions.subscribe, interaction.guild_id, channel.id,
                                      time, timezone, interaction.user.id)
        except SubscriptionError as exc:
            await interaction.response.send_message(str(exc), ephemeral=True, allowed_mentions=NONE)
            return
        await interaction.response.send_message(
            f"✅ {channel.mention} · {sub.time} {sub.timezone}", ephemeral=True, allowed_mentions=NONE)

    @digest_subscribe.autocomplete("timezone")
    async def timezone_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=z, value=z) for z in timezone_choices(current)]

    @digest.command(name="unsubscribe", description=_("Stop this server's daily digest"))
    @app_commands.checks.has_permissions(manage_guild=True)
    async def digest_unsubscribe(self, interaction: discord.Interaction) -> None:
        gone = await self.bot.call(self.bot.plenary.subscriptions.unsubscribe, interaction.guild_id)
        await interaction.response.send_message("✅" if gone else "—", ephemeral=True, allowed_mentions=NONE)

    @digest.command(name="status", description=_("This server's digest subscription"))
    async def digest_status(self, interaction: discord.Interaction) -> None:
        sub = await self.bot.call(self.bot.plenary.subscriptions.get, interaction.guild_id)
        if sub is None:
            text = "No digest subscription in this server."
        else:
            state = "active" if sub.active else f"paused: {sub.paused_reason}"
            text = f"<#{sub.channel_id}> · {sub.time} {sub.timezone} · {state} · last sent {sub.last_sent or 'never'}"
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)

    @digest.command(name="preview", description=_("Show today's digest here"))
    async def digest_preview(self, interaction: discord.Interaction) -> None:
        result = await self.answer(interaction, self.bot.plenary.digest, ephemeral=True)
        await self.send(interaction, embeds=digest_embeds(result, _lang(interaction)), ephemeral=True)

    # -- symbols in messages ------------------------------------------------------------------

    async def lookup_message(self, interaction: discord.Interaction, message: discord.Message) -> None:
        lang = _lang(interaction)
        cards = await self.answer(interaction, lambda: self.bot.plenary.symbols_in(_CODE.sub("", message.content)))
        if not cards:
            if interaction.response.is_done():
                await interaction.followup.send(t(lang, "no_symbols"), ephemeral=True, allowed_mentions=NONE)
            else:
                await interaction.response.send_message(t(lang, "no_symbols"), ephemeral=True, allowed_mentions=NONE)
            return
        await self.send(interaction, embeds=[card_embed(c, lang) for c in cards])

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if (message.guild is None or message.author.bot or message.webhook_id is not None
                or not self.bot.intents.message_content or not message.content):
            return
        if not await self.bot.call(self.bot.plenary.auto_symbols, message.guild.id):
            return
        cards = await self.bot.call(self.bot.plenary.symbols_in, _CODE.sub("", message.content), 5)
        if not cards:
            return
        lang = lang_of(str(message.guild.preferred_locale))
        from bot.chat.limits import fit

        reply = await message.reply(embeds=fit([card_embed(c, lang) for c in cards]), mention_author=False,
                                    allowed_mentions=NONE)
        self.replies[message.id] = reply.id
        while len(self.replies) > 5000:
            self.replies.popitem(last=False)

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        reply_id = self.replies.pop(payload.message_id, None)
        if reply_id is None:
            return
        try:
            await self.bot.get_partial_messageable(payload.channel_id).get_partial_message(reply_id).delete()
        except discord.HTTPException:
            log.info("could not remove reply %s to deleted message %s", reply_id, payload.message_id)


async def on_app_command_error(interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
    """Every failure: a short ephemeral message to the user, the cause to the log."""
    lang = _lang(interaction)
    if isinstance(error, app_commands.CommandOnCooldown):
        text = t(lang, "cooldown", seconds=error.retry_after)
    elif isinstance(error, app_commands.MissingPermissions):
        text = t(lang, "need_manage")
    elif isinstance(error, app_commands.NoPrivateMessage):
        text = "This command works in a server."
    else:
        log.error("command %s failed", interaction.command and interaction.command.qualified_name,
                  exc_info=getattr(error, "original", error))
        text = t(lang, "error")
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)
    except discord.HTTPException:
        log.warning("could not tell the user about an error", exc_info=True)
