"""Which guilds a process serves when the bot runs as several processes, each with some shards.

Discord puts guild G on shard (G >> 22) % shard_count. A process posts digests and alerts only
for its own shards' guilds, so two processes never both take one (and should they overlap, as
during a deploy, the delivery claim in bot/state still lets one send).
"""

from __future__ import annotations

from dataclasses import dataclass


class ShardError(ValueError):
    """A shard range that can't be used, said plainly."""


def shard_of(guild_id: int, count: int) -> int:
    return (guild_id >> 22) % count


@dataclass(frozen=True)
class Shards:
    ids: tuple[int, ...]
    count: int

    def holds(self, guild_id: int) -> bool:
        return shard_of(guild_id, self.count) in self.ids

    def as_json(self) -> dict[str, object]:
        return {"ids": list(self.ids), "count": self.count}


def parse_shards(text: str | None, count: int | None) -> Shards | None:
    """``0-3`` or ``0,2,5`` (or ``0-3,6``) of ``count`` shards; None when neither is given (one
    process, every shard)."""
    if not text and count is None:
        return None
    if count is None or count < 1:
        raise ShardError("--shard-count (PLENARY_SHARD_COUNT) must be given, a whole number of 1 or more")
    if not text:
        return Shards(tuple(range(count)), count)
    ids: list[int] = []
    for part in text.replace(" ", "").split(","):
        lo, sep, hi = part.partition("-")
        if not lo.isdigit() or (sep and not hi.isdigit()):
            raise ShardError(f"«{text}» is not a shard range: write 0-3, or 0,2,5")
        first, last = int(lo), int(hi) if sep else int(lo)
        if first > last:
            raise ShardError(f"«{part}» runs backwards: write {last}-{first}")
        ids.extend(range(first, last + 1))
    if max(ids) >= count:
        raise ShardError(f"shard {max(ids)} does not exist: with {count} shards they are 0-{count - 1}")
    return Shards(tuple(sorted(set(ids))), count)
