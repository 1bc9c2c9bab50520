"""Sending one message that must go out exactly once (a digest, a batch of watch alerts), and
saying what Discord answered in the terms the core's delivery rules take (bot/schedule.py,
bot/watches.py): sent, failed for good (the channel is gone or closed to the bot), or to be
tried again (429, 5xx, the network)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import aiohttp
import discord

from bot.chat.views import NONE
from bot.state import Claim

GONE = "the channel was deleted"
CLOSED = "the bot may not post in that channel"
RETRYABLE = (TimeoutError, discord.RateLimited, discord.HTTPException, aiohttp.ClientError, OSError)


@dataclass(frozen=True)
class Outcome:
    status: str  # sent, failed, retry
    message: discord.Message | None = None
    why: str = ""


async def send_once(channel: Any, claim: Claim, **message: Any) -> Outcome:
    """Send with the claim's nonce (Discord returns the first message rather than post a second
    with the same one) and mentions off."""
    try:
        sent = await channel.send(nonce=claim.nonce, allowed_mentions=NONE, **message)
    except RETRYABLE as exc:
        return failure(exc)
    return Outcome("sent", sent)


def failure(exc: BaseException) -> Outcome:
    """What a failed send (or the lookup of where to send) means for the delivery."""
    if isinstance(exc, discord.NotFound):
        return Outcome("failed", why=GONE)
    if isinstance(exc, discord.Forbidden):
        return Outcome("failed", why=CLOSED)
    return Outcome("retry", why=_why(exc))


def _why(exc: BaseException) -> str:
    if isinstance(exc, discord.RateLimited):
        return f"rate limited for {exc.retry_after:.0f} s"
    if isinstance(exc, discord.HTTPException):
        return f"Discord answered {exc.status}"
    return type(exc).__name__
