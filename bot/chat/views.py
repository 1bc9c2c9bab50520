"""Buttons whose state lives in their custom_id (discord.py DynamicItem), so a click still
works after the bot restarts: paging search results and summaries, and "another quote"."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import discord

from bot.chat.embeds import quote_embed, read_pages, search_embed, summary_pages
from bot.chat.limits import within_deadline
from bot.render.labels import lang_of, t

if TYPE_CHECKING:
    from bot.chat.client import PlenaryBot

NONE = discord.AllowedMentions.none()
VIEW_TIMEOUT = 600.0
T = TypeVar("T")


def _bot(interaction: discord.Interaction) -> PlenaryBot:
    return interaction.client  # type: ignore[return-value]


def _lang(interaction: discord.Interaction) -> str:
    return lang_of(str(interaction.locale))


class TimedView(discord.ui.View):
    """A view that greys its buttons out when it times out (clicks after a restart are
    still served by the DynamicItem classes below)."""

    def __init__(self) -> None:
        super().__init__(timeout=VIEW_TIMEOUT)
        self.message: discord.Message | discord.InteractionMessage | discord.WebhookMessage | None = None

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):  # the message may be gone; nothing to grey out
                await self.message.edit(view=self, allowed_mentions=NONE)


def _page_button(custom_id: str, direction: str, label: str, disabled: bool) -> discord.ui.Button:
    return discord.ui.Button(label=label or ("◀" if direction == "p" else "▶"), disabled=disabled,
                             style=discord.ButtonStyle.secondary, custom_id=custom_id)


async def _work(interaction: discord.Interaction, work: Callable[[], T]) -> T:
    """A click's answer, worked out in the worker thread (a page is a search run again). If it
    is not done within ``defer_after`` the click is acknowledged first (the message stays as it
    is until edited), so Discord's 3 seconds hold as for commands."""
    bot = _bot(interaction)
    return await within_deadline(interaction, bot.call(work), bot.defer_after, interaction.response.defer)


async def _edit(interaction: discord.Interaction, *, embed: discord.Embed, view: TimedView | None) -> None:
    """Show the new page (or quote) in the clicked message, whether or not the click was deferred."""
    if interaction.response.is_done():
        await interaction.edit_original_response(embed=embed, view=view, allowed_mentions=NONE)
    else:
        await interaction.response.edit_message(embed=embed, view=view, allowed_mentions=NONE)


async def tell(interaction: discord.Interaction, text: str) -> None:
    """A short private message, as the answer or, after a deferral, as its follow-up."""
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)


async def _say(interaction: discord.Interaction, key: str) -> None:
    text = t(_lang(interaction), key)
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)


async def _not_owner(interaction: discord.Interaction, owner: int) -> bool:
    """Pages turn only for the person who asked; anyone else is told so, privately."""
    if interaction.user.id == owner:
        return False
    await _say(interaction, "only_owner")
    return True


class SearchPage(discord.ui.DynamicItem[discord.ui.Button],
                 template=r"pl:s:(?P<dir>[pn]):(?P<key>[0-9a-f]{12}):(?P<offset>\d+):(?P<owner>\d+)"):
    def __init__(self, direction: str, key: str, offset: int, owner: int, label: str = "", disabled: bool = False):
        super().__init__(_page_button(f"pl:s:{direction}:{key}:{offset}:{owner}", direction, label, disabled))
        self.key, self.offset, self.owner = key, offset, owner

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> SearchPage:
        return cls(match["dir"], match["key"], int(match["offset"]), int(match["owner"]), item.label or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        if await _not_owner(interaction, self.owner):
            return
        lang = _lang(interaction)
        plenary = _bot(interaction).plenary

        def work() -> tuple[dict[str, Any] | None, list[str]]:
            result = plenary.saved_search(self.key, self.offset)
            return result, plenary.languages() if result is not None else []

        result, held = await _work(interaction, work)
        if result is None:
            await _say(interaction, "expired")
            return
        view = search_view(result, self.key, self.owner, lang, flip_language(lang, held, result))
        await _edit(interaction, embed=search_embed(result, lang), view=view)
        if view:
            view.message = interaction.message


def search_view(result: dict[str, Any], key: str, owner: int, lang: str, flip: str | None = None) -> TimedView | None:
    """Paging buttons, and a button that flips the hits into the ``flip`` language's version
    (or back, when they are shown flipped)."""
    offset, limit, total = result["offset"], result["limit"], result["total"]
    shown = result.get("parallel_language")
    if total <= limit and not flip and not shown:
        return None
    view = TimedView()
    if total > limit:
        view.add_item(SearchPage("p", key, max(0, offset - limit), owner, t(lang, "previous"), disabled=offset == 0))
        view.add_item(SearchPage("n", key, offset + limit, owner, t(lang, "next"), disabled=offset + limit >= total))
    if shown:
        view.add_item(SearchLanguage(key, offset, owner, "xx", t(lang, "show_original")))
    elif flip:
        view.add_item(SearchLanguage(key, offset, owner, flip, t(lang, f"in_{flip}")))
    return view


class SearchLanguage(discord.ui.DynamicItem[discord.ui.Button],
                     template=r"pl:sl:(?P<key>[0-9a-f]{12}):(?P<offset>\d+):(?P<owner>\d+):(?P<to>[a-z]{2})"):
    """Flip a search page's hits between their language and another version's ("xx": back)."""

    def __init__(self, key: str, offset: int, owner: int, to: str, label: str = ""):
        super().__init__(discord.ui.Button(label=label or to, style=discord.ButtonStyle.primary,
                                           custom_id=f"pl:sl:{key}:{offset}:{owner}:{to}"))
        self.key, self.offset, self.owner, self.to = key, offset, owner, to

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> SearchLanguage:
        return cls(match["key"], int(match["offset"]), int(match["owner"]), match["to"], item.label or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        if await _not_owner(interaction, self.owner):
            return
        lang = _lang(interaction)
        plenary = _bot(interaction).plenary
        parallel = None if self.to == "xx" else self.to

        def work() -> tuple[dict[str, Any] | None, list[str]]:
            result = plenary.saved_search(self.key, self.offset, parallel)
            return result, plenary.languages() if result is not None else []

        result, held = await _work(interaction, work)
        if result is None:
            await _say(interaction, "expired")
            return
        view = search_view(result, self.key, self.owner, lang, flip_language(lang, held, result))
        await _edit(interaction, embed=search_embed(result, lang), view=view)
        if view:
            view.message = interaction.message


def flip_language(lang: str, held: list[str], result: dict[str, Any] | None = None) -> str | None:
    """The version a reader may flip hits into: the reader's own (Chinese for zh readers,
    English for the others) when the hits are in another, else the other of the two; only when
    the corpus holds more than one language."""
    own = "zh" if lang == "zh" else "en"
    versions = {h.get("version") for h in (result or {}).get("results", [])}
    target = own if versions != {own} else ("en" if own == "zh" else "zh")
    return target if len(held) > 1 and target in held else None


class SummaryPage(discord.ui.DynamicItem[discord.ui.Button],
                  template=r"pl:m:(?P<dir>[pn]):(?P<page>\d+):(?P<owner>\d+):(?P<doc>.{1,70})"):
    def __init__(self, direction: str, page: int, owner: int, doc: str, label: str = "", disabled: bool = False):
        super().__init__(_page_button(f"pl:m:{direction}:{page}:{owner}:{doc}", direction, label, disabled))
        self.page, self.owner, self.doc = page, owner, doc

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> SummaryPage:
        return cls(match["dir"], int(match["page"]), int(match["owner"]), match["doc"], item.label or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        if await _not_owner(interaction, self.owner):
            return
        lang = _lang(interaction)
        plenary = _bot(interaction).plenary
        pages = summary_pages(await _work(interaction, lambda: plenary.summary(self.doc)), lang)
        page = min(self.page, len(pages) - 1)
        view = summary_view(len(pages), page, self.owner, self.doc, lang)
        await _edit(interaction, embed=pages[page], view=view)
        if view:
            view.message = interaction.message


def summary_view(pages: int, page: int, owner: int, doc: str, lang: str) -> TimedView | None:
    if pages <= 1 or len(doc) > 70:
        return None
    view = TimedView()
    view.add_item(SummaryPage("p", max(0, page - 1), owner, doc, t(lang, "previous"), disabled=page == 0))
    view.add_item(SummaryPage("n", min(pages - 1, page + 1), owner, doc, t(lang, "next"), disabled=page >= pages - 1))
    return view


class AnotherQuote(discord.ui.DynamicItem[discord.ui.Button],
                   template=r"pl:q:(?P<key>[0-9a-f]{12}):(?P<index>\d+)"):
    def __init__(self, key: str, index: int, label: str = ""):
        super().__init__(discord.ui.Button(label=label or "↻", style=discord.ButtonStyle.primary,
                                           custom_id=f"pl:q:{key}:{index}"))
        self.key, self.index = key, index

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> AnotherQuote:
        return cls(match["key"], int(match["index"]), item.label or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        lang = _lang(interaction)
        plenary = _bot(interaction).plenary

        result = await _work(interaction, lambda: plenary.saved_quote(self.key, self.index))
        if result is None:
            await _say(interaction, "expired")
            return
        view = quote_view(result, self.key, lang)
        await _edit(interaction, embed=quote_embed(result, lang), view=view)
        if view:
            view.message = interaction.message


def quote_view(result: dict[str, Any], key: str, lang: str) -> TimedView | None:
    """"Another quote" (without a topic: the next substantive statement) or "Next quote" (with a
    topic: the next statement on it, best first)."""
    if not result["quotes"] or (result.get("of") or 0) <= 1:
        return None
    view = TimedView()
    label = t(lang, "next_quote" if result.get("topic") else "another_quote")
    view.add_item(AnotherQuote(key, (result["index"] + 1) % result["of"], label))
    return view


class ReadPage(discord.ui.DynamicItem[discord.ui.Button],
               template=r"pl:r:(?P<dir>[pn]):(?P<key>[0-9a-f]{12}):(?P<page>\d+):(?P<owner>\d+)"):
    """A page of /read: what was asked is kept under ``key`` (a statement or a section may be
    long; the custom_id holds 100 characters)."""

    def __init__(self, direction: str, key: str, page: int, owner: int, label: str = "", disabled: bool = False):
        super().__init__(_page_button(f"pl:r:{direction}:{key}:{page}:{owner}", direction, label, disabled))
        self.key, self.page, self.owner = key, page, owner

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> ReadPage:
        return cls(match["dir"], match["key"], int(match["page"]), int(match["owner"]), item.label or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        if await _not_owner(interaction, self.owner):
            return
        lang = _lang(interaction)
        plenary = _bot(interaction).plenary

        result = await _work(interaction, lambda: plenary.saved_read(self.key))
        if result is None:
            await _say(interaction, "expired")
            return
        pages = read_pages(result, lang)
        page = min(self.page, len(pages) - 1)
        view = read_view(len(pages), page, self.owner, self.key, lang)
        await _edit(interaction, embed=pages[page], view=view)
        if view:
            view.message = interaction.message


def read_view(pages: int, page: int, owner: int, key: str, lang: str) -> TimedView | None:
    if pages <= 1:
        return None
    view = TimedView()
    view.add_item(ReadPage("p", key, max(0, page - 1), owner, t(lang, "previous"), disabled=page == 0))
    view.add_item(ReadPage("n", key, min(pages - 1, page + 1), owner, t(lang, "next"), disabled=page >= pages - 1))
    return view


DYNAMIC_ITEMS = (SearchPage, SearchLanguage, SummaryPage, AnotherQuote, ReadPage)
