"""Watches in Discord: /watch add, list, remove, and the alerts posted as documents come in.

What matches and when is bot/watches.py's; which alerts are due is the state store's. This
adds the permissions (a channel's watch needs Manage Server or Manage Channels; anyone may
watch for themselves, by direct message), and posts each watch's new alerts as one message
per ingest, the first few shown and the rest behind a "More" button, delivered exactly once
by the digests' rule: claim (watch, batch), send with the delivery's nonce, record.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.chat.delivery import RETRYABLE, failure, send_once
from bot.chat.limits import CHOICE_NAME, CHOICES, clip, fit, within_deadline
from bot.chat.views import NONE, tell
from bot.model import KINDS
from bot.render.labels import lang_of, refusal, t
from bot.render.watches import ADD_COMMAND, SHOWN, alert_line, what, where
from bot.watches import Batch, WatchError

if TYPE_CHECKING:
    from bot.chat.client import PlenaryBot

log = logging.getLogger("plenary.watches")
LANGUAGES = (("zh", "中文"), ("en", "English"), ("fr", "Français"), ("es", "Español"), ("ru", "Русский"),
             ("ar", "العربية"))


def _lang(interaction: discord.Interaction) -> str:
    return lang_of(str(interaction.locale))


def _may_manage(interaction: discord.Interaction) -> bool:
    perms = interaction.permissions
    return bool(perms.manage_guild or perms.manage_channels)


def alert_embed(watch: dict[str, Any], alerts: list[dict[str, Any]], lang: str, shown: int = SHOWN) -> discord.Embed:
    lines = [alert_line(a, lang) for a in alerts[:shown]]
    if len(alerts) > shown:
        lines.append(t(lang, "alert_more", n=len(alerts) - shown))
    embed = discord.Embed(title=clip(t(lang, "alert_title", id=watch["id"], what=what(watch, lang)), 256),
                          description=clip("\n".join(f"• {line}" for line in lines), 4096))
    first = next((a["url"] for a in alerts if a.get("url")), "")
    if first.startswith(("http://", "https://")):
        embed.url = first
    return embed


def add_watch_summary(embeds: list[discord.Embed], found: list[dict[str, Any]], lang: str) -> list[discord.Embed]:
    """The digest's part for the channel's watches: how many new matches each found since the
    last digest (bot/watches.py found_since)."""
    if not found or not embeds:
        return embeds
    lines = [t(lang, "digest_watch_line", id=f["watch"]["id"], what=what(f["watch"], lang), n=f["new"]) for f in found]
    embeds[-1].add_field(name=t(lang, "digest_watches"), value=clip("\n".join(lines), 1024), inline=False)
    return fit(embeds)


class MoreAlerts(discord.ui.DynamicItem[discord.ui.Button],
                 template=r"pl:wa:(?P<watch>\d+):(?P<batch>[0-9T:.+\-]{1,40})"):
    """Every alert of one watch's batch, for the one who clicks, privately."""

    def __init__(self, watch_id: int, batch: str, label: str = "More"):
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.secondary,
                                           custom_id=f"pl:wa:{watch_id}:{batch}"))
        self.watch_id, self.batch = watch_id, batch

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> MoreAlerts:
        return cls(int(match["watch"]), match["batch"], item.label or "More")

    async def callback(self, interaction: discord.Interaction) -> None:
        bot: PlenaryBot = interaction.client  # type: ignore[assignment]
        lang = _lang(interaction)
        watch = await bot.call(bot.plenary.watches.get, self.watch_id)
        alerts = await bot.call(bot.plenary.state.alerts_of, self.watch_id, self.batch)
        if watch is None or not alerts:
            await interaction.response.send_message(t(lang, "expired"), ephemeral=True, allowed_mentions=NONE)
            return
        embeds = [alert_embed(watch, alerts[k:k + 25], lang, shown=25) for k in range(0, min(len(alerts), 250), 25)]
        await interaction.response.send_message(embeds=fit(embeds), ephemeral=True, allowed_mentions=NONE)


class Watches(commands.Cog):
    def __init__(self, bot: PlenaryBot):
        self.bot = bot

    watch = app_commands.Group(name="watch", description=_("Be told when new documents match"))

    @watch.command(name="add", description=_("Watch for new documents: words, a symbol, a speaker or a country"))
    @app_commands.describe(query=_("Words, matched as /search matches"),
                           symbol=_("A symbol: when a new document cites it, or a new version arrives"),
                           speaker=_("A speaker: when they speak in a new record"),
                           country=_("A country or organisation: when its delegates speak"),
                           kind=_("Only documents of this kind"), language=_("Only documents in this language"),
                           dm=_("Alert me by direct message instead of in this channel"))
    @app_commands.choices(kind=[app_commands.Choice(name=k, value=k) for k in KINDS],
                          language=[app_commands.Choice(name=n, value=c) for c, n in LANGUAGES])
    async def add(self, interaction: discord.Interaction, query: app_commands.Range[str, 1, 200] | None = None,
                  symbol: app_commands.Range[str, 1, 100] | None = None,
                  speaker: app_commands.Range[str, 1, 100] | None = None,
                  country: app_commands.Range[str, 1, 100] | None = None, kind: str | None = None,
                  language: str | None = None, dm: bool = False) -> None:
        lang = _lang(interaction)
        asked = [(k, v) for k, v in (("query", query), ("symbol", symbol), ("speaker", speaker),
                                     ("country", country)) if v]
        if len(asked) != 1:
            return await self._say(interaction, t(lang, "watch_needs_one"))
        if not dm and interaction.guild_id is None:
            return await self._say(interaction, t(lang, "watch_needs_guild"))
        if not dm and not _may_manage(interaction):
            return await self._say(interaction, t(lang, "watch_needs_manage", option="dm: True"))
        (what_kind, value), = asked
        where_ = ({"owner": "user", "user_id": interaction.user.id} if dm else
                  {"owner": "channel", "guild_id": interaction.guild_id, "channel_id": interaction.channel_id})
        try:
            watch = await self._work(interaction, lambda: self.bot.plenary.watches.add(
                what_kind, value, doc_kind=kind, language=language, locale=str(interaction.locale),
                created_by=interaction.user.id, **where_))
        except WatchError as exc:
            return await self._say(interaction, refusal(lang, str(exc)))
        await self._say(interaction, t(lang, "watch_added", id=watch["id"], what=what(watch, lang),
                                       where=where(watch, lang)))

    @watch.command(name="list", description=_("This server's watches, and yours"))
    async def show(self, interaction: discord.Interaction) -> None:
        lang = _lang(interaction)
        found = await self._work(interaction, lambda: self._visible(interaction))
        text = "\n".join(f"#{w['id']} · {what(w, lang)} · {where(w, lang)}" for w in found) \
            or t(lang, "watch_none", command=ADD_COMMAND)
        await self._say(interaction, clip(text, 2000))

    @watch.command(name="remove", description=_("Stop a watch"))
    @app_commands.describe(watch=_("The watch's number (see /watch list)"))
    async def remove(self, interaction: discord.Interaction, watch: int) -> None:
        lang = _lang(interaction)
        def remove() -> bool:
            mine = {w["id"] for w in self._removable(interaction)}
            return watch in mine and self.bot.plenary.watches.remove(watch)

        gone = await self._work(interaction, remove)
        await self._say(interaction, t(lang, "watch_removed" if gone else "watch_not_yours", id=watch))

    @remove.autocomplete("watch")
    async def remove_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
        lang = _lang(interaction)
        found = await self.bot.call(self._removable, interaction)
        typed = current.strip().lstrip("#").lower()
        choices = [app_commands.Choice(name=clip(f"#{w['id']} {what(w, lang)}", CHOICE_NAME), value=w["id"])
                   for w in found if not typed or typed in f"{w['id']} {w['value']}".lower()]
        return choices[:CHOICES]

    def _visible(self, interaction: discord.Interaction) -> list[dict[str, Any]]:
        own = self.bot.plenary.watches.list(owner="user", user_id=interaction.user.id)
        here = self.bot.plenary.watches.list(owner="channel", guild_id=interaction.guild_id) \
            if interaction.guild_id else []
        return sorted(here + own, key=lambda w: w["id"])

    def _removable(self, interaction: discord.Interaction) -> list[dict[str, Any]]:
        found = self._visible(interaction)
        return [w for w in found if w["owner"] == "user" or _may_manage(interaction)]

    async def _work(self, interaction: discord.Interaction, work: Any) -> Any:
        """Run ``work`` (the state store: maybe a PostgreSQL across a network) off the event
        loop, deferring privately if it is not done before Discord's deadline."""
        return await within_deadline(interaction, self.bot.call(work), self.bot.defer_after,
                                     lambda: interaction.response.defer(thinking=True, ephemeral=True))

    async def _say(self, interaction: discord.Interaction, text: str) -> None:
        await tell(interaction, text)


class AlertPoster:
    """Every ``every`` seconds: match the watches against what the corpus gained, then post
    each batch of new alerts this process posts (bot/watches.py Alerts: the rules), once."""

    def __init__(self, bot: PlenaryBot, every: float = 60.0):
        self.bot = bot
        self.every = every
        self.fault: Any = None  # tests: stop as kill -9 would at a step
        self._lock = asyncio.Lock()

    async def tick(self) -> int:
        async with self._lock:
            plenary = self.bot.plenary
            await self.bot.call_background(plenary.watches.scan)
            alerts = plenary.watches.alerts
            posted = 0
            for batch in await self.bot.call(alerts.due, self.bot.shard_filter):
                posted += await self._post(alerts, batch)
            return posted

    async def _post(self, alerts: Any, batch: Batch) -> int:
        watch = batch.watch
        claim = await self.bot.call(alerts.claim, batch)
        if claim is None:
            return 0
        if self.fault:
            self.fault("claimed")
        lang = lang_of(watch.get("locale") or "")
        if watch["owner"] == "channel":
            guild = self.bot.get_guild(watch["guild_id"] or 0)
            lang = lang_of(str(guild.preferred_locale)) if guild else lang
        view = discord.ui.View(timeout=None)
        if len(batch.alerts) > SHOWN:
            view.add_item(MoreAlerts(watch["id"], batch.batch, t(lang, "alert_more_button")))
        try:
            channel = await self._channel(watch)
        except RETRYABLE as exc:  # a DM's user could not be fetched
            outcome = failure(exc)
        else:
            outcome = await send_once(channel, claim, embed=alert_embed(watch, batch.alerts, lang), view=view)
        if outcome.status == "failed":
            await self.bot.call(alerts.failed, claim, batch, outcome.why)
            log.warning("alerts of watch %s not delivered: %s", watch["id"], outcome.why)
            return 0
        if outcome.status == "retry":
            await self.bot.call(alerts.retry, claim, outcome.why)
            return 0
        if self.fault:
            self.fault("sent")
        await self.bot.call(alerts.sent, claim, batch, outcome.message.id if outcome.message else None)
        return 1

    async def _channel(self, watch: dict[str, Any]) -> Any:
        if watch["owner"] == "channel":
            return self.bot.get_partial_messageable(watch["channel_id"], guild_id=watch["guild_id"])
        user = self.bot.get_user(watch["user_id"]) or await self.bot.fetch_user(watch["user_id"])
        return await user.create_dm()

    async def run(self) -> None:
        await self.bot.wait_until_ready()
        while not self.bot.is_closed():
            with contextlib.suppress(Exception):
                await self.tick()
            await asyncio.sleep(self.every)
