"""Daily digest subscriptions: when each is due, in its own time zone. No chat code here.

A subscription is due once per local day, at or after its local time. "Sent" is recorded
per local date, so a restart neither posts twice nor skips: a digest missed while the bot
was down goes out once on start if it is still that local day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from rapidfuzz import process

from bot.store import Store

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


class Subscriptions:
    def __init__(self, store: Store):
        self.store = store

    def subscribe(self, guild_id: int, channel_id: int, at: str, timezone: str, by: int) -> Subscription:
        at, timezone = parse_time(at), parse_timezone(timezone)
        with self.store.db.conn:
            self.store.db.execute(
                "INSERT OR REPLACE INTO subscriptions (guild_id, channel_id, time, timezone, active, paused_reason,"
                " last_sent, created_by, created_at) VALUES (?, ?, ?, ?, 1, NULL,"
                " (SELECT last_sent FROM subscriptions WHERE guild_id = ?), ?, ?)",
                [guild_id, channel_id, at, timezone, guild_id, by, datetime.now(UTC).isoformat(timespec="seconds")])
        return self.get(guild_id)

    def unsubscribe(self, guild_id: int) -> bool:
        with self.store.db.conn:
            cur = self.store.db.execute("DELETE FROM subscriptions WHERE guild_id = ?", [guild_id])
        return cur.rowcount > 0

    def get(self, guild_id: int) -> Subscription | None:
        row = self.store.one("SELECT * FROM subscriptions WHERE guild_id = ?", [guild_id])
        return _row(row) if row else None

    def all(self) -> list[Subscription]:
        return [_row(r) for r in self.store.query("SELECT * FROM subscriptions ORDER BY guild_id")]

    def due(self, now: datetime, guild_ids: set[int] | None = None) -> list[tuple[Subscription, date]]:
        out = []
        for sub in self.all():
            if guild_ids is not None and sub.guild_id not in guild_ids:
                continue
            day = sub.due(now)
            if day:
                out.append((sub, day))
        return out

    def mark_sent(self, guild_id: int, day: date) -> None:
        with self.store.db.conn:
            self.store.db.execute("UPDATE subscriptions SET last_sent = ? WHERE guild_id = ?", [day.isoformat(), guild_id])

    def pause(self, guild_id: int, reason: str) -> None:
        with self.store.db.conn:
            self.store.db.execute("UPDATE subscriptions SET active = 0, paused_reason = ? WHERE guild_id = ?",
                                  [reason, guild_id])
