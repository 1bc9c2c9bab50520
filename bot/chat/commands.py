"""Slash commands, the symbol context menu and the optional symbol listener.

Each command: take the user's words, call the answers service off the event loop, render.
If the answer takes longer than ``bot.defer_after`` the interaction is deferred first, so
Discord's 3-second deadline always holds.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.answers.search import QueryError
from bot.chat.embeds import (
    card_embed,
    corpus_embed,
    digest_embeds,
    quote_embed,
    read_pages,
    search_embed,
    speakers_embed,
    stamp,
    summary_pages,
)
from bot.chat.limits import CHOICE_NAME, CHOICES, clip, fit, within_deadline
from bot.chat.trend import chart_file, trend_answer
from bot.chat.views import (
    NONE,
    TimedView,
    flip_language,
    quote_view,
    read_view,
    search_view,
    summary_view,
    tell,
)
from bot.config import SettingError
from bot.render import labels as L
from bot.render.labels import lang_of, refusal, t
from bot.schedule import SubscriptionError, timezone_choices

# What a user asked for that Plenary declines, with a reason to show them (never "something
# went wrong", never an ERROR in the log).
REFUSALS = (QueryError, SubscriptionError, SettingError)

if TYPE_CHECKING:
    from bot.chat.client import PlenaryBot

log = logging.getLogger("plenary.chat")
_CODE = re.compile(r"```.*?```|`[^`]*`", re.DOTALL)


def _lang(interaction: discord.Interaction) -> str:
    return lang_of(str(interaction.locale))


# The six languages as a /search option offers them (names in their own language).
LANGUAGE_CHOICES = (("ar", "العربية"), ("zh", "中文"), ("en", "English"), ("fr", "Français"), ("ru", "Русский"),
                    ("es", "Español"))


def _version(interaction: discord.Interaction) -> str:
    """The language version a user reads: the server's default when it set one (/language),
    else Chinese for zh-CN and zh-TW and English for everyone else (the look-up falls back to
    what the corpus holds)."""
    return interaction.client.plenary.version(_lang(interaction), interaction.guild_id)  # type: ignore[attr-defined]


def _choices(items: list[Any]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=clip(c.name, CHOICE_NAME), value=c.value[:100]) for c in items[:CHOICES]]


def _rate(interaction: discord.Interaction) -> tuple[int, float]:
    plenary = interaction.client.plenary  # type: ignore[attr-defined]
    return plenary.cooldown(interaction.guild_id)


def _cooldown_key(interaction: discord.Interaction) -> tuple[Any, ...]:
    # The server's rate is in the key, so a change applies from the next command on.
    return (interaction.guild_id, interaction.user.id, *_rate(interaction))


def _cooldown(interaction: discord.Interaction) -> app_commands.Cooldown | None:
    uses, per = _rate(interaction)
    return app_commands.Cooldown(uses, per) if uses > 0 else None


# Per member and server, at the server's rate (/cooldown; PLENARY_COOLDOWN by default). Only
# commands count: paging and "another quote" buttons are components, never checked.
heavy = app_commands.checks.dynamic_cooldown(_cooldown, key=_cooldown_key)


class Plenary(commands.Cog):
    def __init__(self, bot: PlenaryBot):
        self.bot = bot
        # Our replies to ordinary messages, so a deleted message takes its reply with it.
        self.replies: OrderedDict[int, int] = OrderedDict()

    # -- plumbing ---------------------------------------------------------------------------

    async def answer(self, interaction: discord.Interaction, work: Callable[[], Any], *,
                     ephemeral: bool = False) -> Any:
        """Run ``work`` in the worker thread; defer if it is not done in time (``defer_after``
        from when Discord created the interaction)."""
        return await within_deadline(interaction, self.bot.call(work), self.bot.defer_after,
                                     lambda: interaction.response.defer(thinking=True, ephemeral=ephemeral))

    async def send(self, interaction: discord.Interaction, *, embeds: list[discord.Embed],
                   view: TimedView | None = None, ephemeral: bool = False) -> None:
        # Each embed was cut to its own limits; together they must fit in 6000 characters too
        # (several cards: the context menu on a message naming several documents).
        kwargs: dict[str, Any] = {"embeds": fit(embeds), "allowed_mentions": NONE, "ephemeral": ephemeral}
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
                           country=_("Only statements for this country"),
                           language=_("Only documents in this language"))
    @app_commands.choices(language=[app_commands.Choice(name=name, value=code) for code, name in LANGUAGE_CHOICES])
    @heavy
    async def search(self, interaction: discord.Interaction, query: app_commands.Range[str, 1, 500],
                     document: str | None = None, speaker: str | None = None, country: str | None = None,
                     language: str | None = None) -> None:
        lang = _lang(interaction)
        params = {"query": query, "symbol": document, "speaker": speaker, "country": country, "language": language}
        params = {k: v for k, v in params.items() if v}

        def work() -> tuple[str, dict[str, Any], list[str]]:
            key = self.bot.plenary.save_search(params)
            return key, self.bot.plenary.saved_search(key, 0), self.bot.plenary.languages()

        key, result, held = await self.answer(interaction, work)
        await self.send(interaction, embeds=[search_embed(result, lang)],
                        view=search_view(result, key, interaction.user.id, lang, flip_language(lang, held, result)))

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

        key, result = await self.answer(
            interaction, lambda: self.bot.plenary.kept_quote(who, topic, document, _version(interaction)))
        await self.send(interaction, embeds=[quote_embed(result, lang)], view=quote_view(result, key, lang))

    @app_commands.command(name="read", description=_("Read a speaker's whole statement, or a section of a document"))
    @app_commands.describe(document=_("The document's symbol, e.g. S/PV.8967 or 75/276"),
                           part=_("A speaker (name, country) in a record, or a section: operative, preamble, annex II"))
    @heavy
    async def read(self, interaction: discord.Interaction, document: app_commands.Range[str, 1, 200],
                   part: app_commands.Range[str, 1, 100] | None = None) -> None:
        lang = _lang(interaction)

        key, result = await self.answer(
            interaction, lambda: self.bot.plenary.kept_read(document, part, _version(interaction)))
        pages = read_pages(result, lang)
        await self.send(interaction, embeds=[pages[0]], view=read_view(len(pages), 0, interaction.user.id, key, lang))

    @app_commands.command(name="speakers", description=_("The speakers of a meeting, in order"))
    @app_commands.describe(document=_("The meeting's record, e.g. S/PV.8967"))
    async def speakers(self, interaction: discord.Interaction, document: str) -> None:
        result = await self.answer(interaction, lambda: self.bot.plenary.speakers(document))
        await self.send(interaction, embeds=[speakers_embed(result, _lang(interaction))])

    @app_commands.command(name="corpus", description=_("What the corpus holds"))
    async def corpus(self, interaction: discord.Interaction) -> None:
        stats = await self.answer(interaction, self.bot.plenary.corpus)
        await self.send(interaction, embeds=[corpus_embed(stats, _lang(interaction))])

    @app_commands.command(name="trend", description=_("How often words appear per year and body, as a chart"))
    @app_commands.describe(query=_("Words, a phrase, a country or an organisation"),
                           per=_("Count per year, month or document (default: per year)"),
                           language=_("Only documents in this language"))
    @app_commands.choices(per=[app_commands.Choice(name=by, value=by) for by in ("year", "month", "document")],
                          language=[app_commands.Choice(name=name, value=code) for code, name in LANGUAGE_CHOICES])
    @heavy
    async def trend(self, interaction: discord.Interaction, query: app_commands.Range[str, 1, 500],
                    per: str | None = None, language: str | None = None) -> None:
        lang = _lang(interaction)

        def work() -> tuple[discord.Embed, bytes | None]:
            # The chart is drawn here too, in the worker thread, off the event loop.
            return trend_answer(self.bot.plenary.trend(query, by=per, language=language), lang)

        embed, png = await self.answer(interaction, work)
        kwargs: dict[str, Any] = {"embeds": [embed], "allowed_mentions": NONE}
        if png is not None:
            kwargs["file"] = chart_file(png)
        if interaction.response.is_done():
            await interaction.followup.send(**kwargs)
        else:
            await interaction.response.send_message(**kwargs)

    @app_commands.command(name="autolookup", description=_("Answer UN symbols written in this server's messages"))
    @app_commands.describe(enabled=_("On or off"))
    @app_commands.guild_only()
    @app_commands.checks.has_permissions(manage_guild=True)
    async def autolookup(self, interaction: discord.Interaction, enabled: bool) -> None:
        lang = _lang(interaction)
        await self.answer(interaction, lambda: self.bot.plenary.set_auto_symbols(interaction.guild_id, enabled),
                          ephemeral=True)
        text = t(lang, "autolookup_on" if enabled else "autolookup_off")
        if enabled and not self.bot.intents.message_content:
            text += "\n" + t(lang, "autolookup_no_intent")
        await tell(interaction, text)

    @app_commands.command(name="language", description=_("The language version this server reads by default"))
    @app_commands.describe(language=_("A UN language, or auto: each member's own Discord language"))
    @app_commands.choices(language=[app_commands.Choice(name=name, value=code)
                                    for code, name in (*LANGUAGE_CHOICES, ("auto", "auto"))])
    @app_commands.guild_only()
    @app_commands.checks.has_permissions(manage_guild=True)
    async def language(self, interaction: discord.Interaction, language: str) -> None:
        lang = _lang(interaction)
        chosen = None if language == "auto" else language
        await self.answer(interaction, lambda: self.bot.plenary.set_language(interaction.guild_id, chosen),
                          ephemeral=True)
        text = t(lang, "language_set", language=chosen) if chosen else t(lang, "language_auto")
        await tell(interaction, text)

    @app_commands.command(name="cooldown", description=_("How many answers each member may ask for, per seconds"))
    @app_commands.describe(uses=_("Answers per member (0: no limit)"), seconds=_("In how many seconds"))
    @app_commands.guild_only()
    @app_commands.checks.has_permissions(manage_guild=True)
    async def cooldown(self, interaction: discord.Interaction, uses: app_commands.Range[int, 0, 1000],
                       seconds: app_commands.Range[int, 1, 86400] = 30) -> None:
        lang = _lang(interaction)
        await self.answer(interaction, lambda: self.bot.plenary.set_cooldown(interaction.guild_id, uses, float(seconds)),
                          ephemeral=True)
        text = t(lang, "cooldown_set", uses=uses, seconds=seconds) if uses else t(lang, "cooldown_off")
        await tell(interaction, text)

    # Autocomplete is answered from memory: Discord gives it no time to defer.
    doc.autocomplete("symbol")(symbol_autocomplete)
    summary.autocomplete("symbol")(symbol_autocomplete)
    search.autocomplete("document")(symbol_autocomplete)
    search.autocomplete("speaker")(speaker_autocomplete)
    quote.autocomplete("who")(speaker_autocomplete)
    quote.autocomplete("document")(symbol_autocomplete)
    read.autocomplete("document")(symbol_autocomplete)
    speakers.autocomplete("document")(symbol_autocomplete)

    # -- digests ----------------------------------------------------------------------------

    digest = app_commands.Group(name="digest", description=_("Daily digests of the corpus"), guild_only=True)

    @digest.command(name="subscribe", description=_("Post a daily digest to a channel"))
    @app_commands.describe(channel=_("Where to post"), time=_("Local time, HH:MM"),
                           timezone=_("IANA time zone, e.g. Asia/Shanghai"))
    @app_commands.checks.has_permissions(manage_guild=True)
    async def digest_subscribe(self, interaction: discord.Interaction, channel: discord.TextChannel,
                               time: app_commands.Range[str, 1, 5], timezone: str = "UTC") -> None:
        lang = _lang(interaction)
        try:
            sub = await self.answer(interaction, lambda: self.bot.plenary.subscriptions.subscribe(
                interaction.guild_id, channel.id, time, timezone, interaction.user.id), ephemeral=True)
        except SubscriptionError as exc:
            await tell(interaction, refusal(lang, str(exc)))
            return
        await tell(interaction, t(lang, "subscribed", channel=channel.mention, time=sub.time,
                                       timezone=sub.timezone))

    @digest_subscribe.autocomplete("timezone")
    async def timezone_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=clip(z, CHOICE_NAME), value=z[:100]) for z in timezone_choices(current)[:CHOICES]]

    @digest.command(name="unsubscribe", description=_("Stop this server's daily digest"))
    @app_commands.checks.has_permissions(manage_guild=True)
    async def digest_unsubscribe(self, interaction: discord.Interaction) -> None:
        gone = await self.answer(interaction, lambda: self.bot.plenary.subscriptions.unsubscribe(interaction.guild_id),
                                 ephemeral=True)
        await tell(interaction, t(_lang(interaction), "unsubscribed" if gone else "not_subscribed"))

    @digest.command(name="status", description=_("This server's digest subscription"))
    async def digest_status(self, interaction: discord.Interaction) -> None:
        lang = _lang(interaction)
        sub = await self.answer(interaction, lambda: self.bot.plenary.subscriptions.get(interaction.guild_id),
                                ephemeral=True)
        if sub is None:
            text = t(lang, "digest_none")
        else:
            state = t(lang, "digest_active") if sub.active else t(lang, "digest_paused", reason=_reason(lang, sub.paused_reason))
            text = t(lang, "digest_status", channel=f"<#{sub.channel_id}>", time=sub.time, timezone=sub.timezone,
                     state=state, last=L.date(lang, sub.last_sent) if sub.last_sent else t(lang, "digest_never"))
            nxt = self.bot.plenary.next_digest(sub)
            if sub.active and nxt:
                text += " · " + t(lang, "digest_next", when=stamp(nxt, "R"))
        await tell(interaction, text)

    @digest.command(name="preview", description=_("Show today's digest here"))
    async def digest_preview(self, interaction: discord.Interaction) -> None:
        result = await self.answer(interaction, self.bot.plenary.digest_of_today, ephemeral=True)
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


def _reason(lang: str, reason: str | None) -> str:
    """Why a subscription is paused, in the reader's language (stored in English)."""
    known = {"the channel was deleted": "paused_deleted", "the bot may not post in that channel": "paused_forbidden"}
    return t(lang, known[reason]) if reason in known else reason or ""


async def on_app_command_error(interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
    """Every failure: a short ephemeral message to the user, in their language; a refusal (a
    query Plenary declines) is explained, anything else is logged as an error."""
    lang = _lang(interaction)
    cause = getattr(error, "original", error)
    if isinstance(error, app_commands.CommandOnCooldown):
        when = discord.utils.utcnow().timestamp() + error.retry_after
        text = t(lang, "cooldown", when=f"<t:{int(when) + 1}:R>")
    elif isinstance(error, app_commands.MissingPermissions):
        text = t(lang, "need_manage")
    elif isinstance(error, app_commands.NoPrivateMessage):
        text = t(lang, "guild_only")
    elif isinstance(cause, REFUSALS):
        log.info("refused %s: %s", interaction.command and interaction.command.qualified_name, cause)
        text = refusal(lang, str(cause))
    else:
        log.error("command %s failed", interaction.command and interaction.command.qualified_name,
                  exc_info=getattr(error, "original", error))
        text = t(lang, "error")
    try:
        if interaction.response.is_done():
            if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
                # A deferred answer is a public "thinking…" message: take it away, so the
                # explanation is seen by the asker alone (else the first follow-up would
                # replace it, in public, whatever its ephemeral flag).
                with contextlib.suppress(discord.HTTPException):
                    await interaction.delete_original_response()
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)
    except discord.HTTPException:
        log.warning("could not tell the user about an error", exc_info=True)
