"""Discord's message limits, enforced before sending so Discord never rejects an answer, and
its 3-second deadline for acknowledging an interaction."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import discord

T = TypeVar("T")

TITLE, DESCRIPTION, FIELDS, FIELD_NAME, FIELD_VALUE, FOOTER, AUTHOR = 256, 4096, 25, 256, 1024, 2048, 256
TOTAL, EMBEDS, CONTENT, CHOICES, CHOICE_NAME = 6000, 10, 2000, 25, 100


def defer_in(interaction: discord.Interaction, defer_after: float) -> float:
    """Seconds the answer may still take before the interaction must be deferred:
    ``defer_after`` counted from when Discord created it (its id's timestamp), not from when
    the command began, so time lost before (a busy event loop, checks) is not given twice.
    Never more than ``defer_after``: a clock behind Discord's cannot push the deferral late."""
    elapsed = (discord.utils.utcnow() - interaction.created_at).total_seconds()
    return min(defer_after, max(0.0, defer_after - elapsed))


async def within_deadline(interaction: discord.Interaction, work: Awaitable[T], defer_after: float,
                          defer: Callable[[], Awaitable[Any]]) -> T:
    """``work``'s result; if it is not ready ``defer_after`` after the interaction was created,
    ``defer`` first (acknowledge it), so Discord's 3 seconds hold however long the work takes."""
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.wait_for(asyncio.shield(task), timeout=defer_in(interaction, defer_after))
    except TimeoutError:
        await defer()
        return await task


def clip(text: str | None, limit: int) -> str:
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _size(e: discord.Embed) -> int:
    return (len(e.title or "") + len(e.description or "") + len(e.footer.text or "") + len(e.author.name or "")
            + sum(len(f.name or "") + len(f.value or "") for f in e.fields))


def fit(embeds: list[discord.Embed]) -> list[discord.Embed]:
    """Trim each embed to the per-field limits and the whole message to 6000 characters."""
    embeds = embeds[:EMBEDS]
    for e in embeds:
        e.title = clip(e.title, TITLE) if e.title else e.title
        e.description = clip(e.description, DESCRIPTION) if e.description else e.description
        fields = [(clip(f.name, FIELD_NAME) or "\u200b", clip(f.value, FIELD_VALUE) or "\u200b", f.inline)
                  for f in e.fields[:FIELDS]]
        e.clear_fields()
        for name, value, inline in fields:
            e.add_field(name=name, value=value, inline=inline)
        if e.footer.text:
            e.set_footer(text=clip(e.footer.text, FOOTER))
    while sum(_size(e) for e in embeds) > TOTAL:
        over = sum(_size(e) for e in embeds) - TOTAL
        last = embeds[-1]
        if last.fields:
            last.remove_field(len(last.fields) - 1)
        elif last.description and len(last.description) > over + 1:
            last.description = clip(last.description, len(last.description) - over)
        elif len(embeds) > 1:
            embeds.pop()
        else:
            last.description = clip(last.description, max(1, TOTAL - _size(last) + len(last.description or "")))
            break
    return embeds
