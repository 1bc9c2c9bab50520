"""Daily digest subscriptions: when each is due, in its own time zone. No chat code here.

A subscription is due once per local day, at or after its local time. Each (server, local
day) is delivered exactly once (bot/state's claim, then a send Discord dedups by its nonce,
then the record), so neither a restart, a second process, nor a clock stepping back posts it
twice; a digest missed while the bot was down goes out on start if it is still that local day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from rapidfuzz import process

from bot.shards import Shards
from bot.state import Claim, State

_TIME = re.compile(r"^\s*(\d{1,2})[:：.](\d{2})\s*$")


class SubscriptionError(ValueError):
    """A subscription request that can't be honoured, said plainly."""


@dataclass(frozen=True)
class Subscription:
    guild_id: int
    channel_id: int
    time: str  # HH:MM, local
    timezone: str  # IANA name
    active: bool
    paused_reason: str | None
    last_sent: str | None  # local date of the last digest posted

    def local_date(self, now: datetime) -> date:
        return now.astimezone(ZoneInfo(self.timezone)).date()

    def due(self, now: datetime) -> date | None:
        """The local date whose digest should go out now, or None."""
        if not self.active:
            return None
        local = now.astimezone(ZoneInfo(self.timezone))
        hh, mm = map(int, self.time.split(":"))
        if local.time() < time(hh, mm) or self.last_sent == local.date().isoformat():
            return None
        return local.date()


def parse_time(text: str) -> str:
    m = _TIME.match(text or "")
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise SubscriptionError(f"«{text}» is not a time of day; write it as HH:MM, e.g. 08:30.")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def parse_timezone(text: str) -> str:
    name = (text or "").strip()
    try:
        ZoneInfo(name)
        return name
    except (ZoneInfoNotFoundError, ValueError):
        pass
    close = process.extractOne(name, sorted(available_timezones())) if name else None
    hint = f" Did you mean {close[0]}?" if close and close[1] >= 70 else ""
    raise SubscriptionError(f"«{text}» is not an IANA time zone (like Asia/Shanghai or Europe/Geneva).{hint}")


def timezone_choices(typed: str, limit: int = 25) -> list[str]:
    zones = sorted(available_timezones())
    typed = (typed or "").strip()
    if not typed:
        return ["UTC", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Europe/Geneva", "America/New_York",
                "Europe/Vienna", "Africa/Nairobi", "Europe/Moscow", "Europe/London"][:limit]
    starts = [z for z in zones if z.lower().startswith(typed.lower())]
    inside = [z for z in zones if typed.lower() in z.lower() and z not in starts]
    return (starts + inside)[:limit]


def _row(r: dict[str, Any]) -> Subscription:
    return Subscription(r["guild_id"], r["channel_id"], r["time"], r["timezone"], bool(r["active"]),
                        r["paused_reason"], r["last_sent"])


def backoff(attempts: int) -> float:
    """Seconds before the next attempt after ``attempts`` failed ones: 30 s, doubling, at most 15 min."""
    return float(min(900, 30 * 2 ** max(0, attempts - 1)))


def retry(state: State, claim: Claim, now: float, why: str, deadline: float | None = None) -> bool:
    """Give a failed send's claim back, to be tried again after the backoff; past ``deadline``
    (a digest's local day) the delivery is recorded as missed. True if it will be retried."""
    at = now + backoff(claim.attempts)
    if deadline is not None and at >= deadline:
        state.give_up(claim, "missed", why)
        return False
    state.retry_later(claim, at, why)
    return True


class Subscriptions:
    """The daily digests: who gets one, which are due, and the claim-send-record of each
    (the exactly-once rule of bot/state: a digest is claimed for (server, local day) by one
    process, sent with a nonce Discord enforces, and recorded with its message id)."""

    KIND = "digest"

    def __init__(self, state: State):
        self.state = state

    def subscribe(self, guild_id: int, channel_id: int, at: str, timezone: str, by: int) -> Subscription:
        at, timezone = parse_time(at), parse_timezone(timezone)
        self.state.put_subscription(guild_id, channel_id, at, timezone, by)
        sub = self.get(guild_id)
        assert sub is not None
        return sub

    def unsubscribe(self, guild_id: int) -> bool:
        return self.state.delete_subscription(guild_id)

    def get(self, guild_id: int) -> Subscription | None:
        rows = self.state.subscription_rows(guild_id)
        return _row(rows[0]) if rows else None

    def all(self) -> list[Subscription]:
        return [_row(r) for r in self.state.subscription_rows()]

    def due(self, now: datetime, shards: Shards | None = None,
            guild_ids: set[int] | None = None) -> list[tuple[Subscription, date]]:
        """The digests to send now: active subscriptions of this process's shards (and, when
        given, of the guilds it holds) whose local time has come and whose local day's digest
        is not done."""
        mine = [s for s in self.all() if (shards is None or shards.holds(s.guild_id))
                and (guild_ids is None or s.guild_id in guild_ids)]
        done = self.state.finished(self.KIND, [str(s.guild_id) for s in mine])
        out = []
        for sub in mine:
            day = sub.due(now)
            if day and (str(sub.guild_id), day.isoformat()) not in done:
                out.append((sub, day))
        return out

    def claim(self, sub: Subscription, day: date, now: datetime) -> Claim | None:
        return self.state.claim(self.KIND, str(sub.guild_id), day.isoformat(), sub.channel_id, now.timestamp())

    def sent(self, claim: Claim, message_id: int | str | None) -> None:
        self.state.delivered(claim, message_id)
        self.state.mark_last_sent(int(claim.target), claim.period)

    def failed(self, claim: Claim, reason: str) -> None:
        """The channel is gone or closed to the bot: pause, with the reason /digest status shows."""
        self.state.give_up(claim, "failed", reason)
        self.pause(int(claim.target), reason)

    def retry(self, claim: Claim, sub: Subscription, now: datetime, why: str) -> bool:
        """Try again later the same local day; past its end the digest is missed. True if it will be retried."""
        local_end = datetime.combine(date.fromisoformat(claim.period) + timedelta(days=1), time(0),
                                     tzinfo=ZoneInfo(sub.timezone))
        return retry(self.state, claim, now.timestamp(), why, local_end.timestamp())

    def pause(self, guild_id: int, reason: str) -> None:
        self.state.pause_subscription(guild_id, reason)
