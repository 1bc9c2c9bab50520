"""A Plenary bot in a process of its own, pointed at a loopback fake Discord: for the tests
that kill a bot with SIGKILL (tests/e2e/test_kill.py). Test code, not shipped.

    python botproc.py API_BASE GATEWAY_URL TOKEN DB STATE_URL SHARDS SHARD_COUNT [KILL_AT]

KILL_AT ("claimed" or "sent"): the process sends itself SIGKILL at that step of the digest
path, as kill -9 from outside would stop it: nothing runs after.
"""

from __future__ import annotations

import os
import signal
import sys

import discord
import yarl
from discord.gateway import DiscordWebSocket

from bot.chat.client import PlenaryBot
from bot.shards import Shards
from bot.state import open_state
from bot.store import Store


def main() -> None:
    api, gateway, token, db, state_url, shards, count, *rest = sys.argv[1:]
    discord.http.Route.BASE = api
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
    ids = tuple(int(s) for s in shards.split(","))
    bot = PlenaryBot(Store(db, readonly=True), state=open_state(state_url), shards=Shards(ids, int(count)),
                     digest_every=0.2, corpus_every=3600, sync_commands=False, guild_ready_timeout=0.05)
    kill_at = rest[0] if rest else None
    if kill_at:
        def fault(step: str) -> None:
            if step == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
        bot.digests.fault = fault
    bot.run(token, log_handler=None)


if __name__ == "__main__":
    main()
