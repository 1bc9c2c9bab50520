"""A loopback stand-in for Discord that the real discord.py client connects to.

Modules, one concern each:
  server.py      FakeDiscord: the aiohttp app, waiting helpers, high-level test API
  rest.py        REST route handlers (users, gateway, commands, messages, interactions)
  gateway.py     websocket gateway: HELLO/IDENTIFY/READY/GUILD_CREATE, zlib-stream, shards
  validation.py  request bodies vs Discord's OpenAPI spec, Discord-shaped 50035 errors
  limits.py      Discord limits the spec cannot express (6000-char embeds, 25 choices, ...)
  payloads.py    INTERACTION_CREATE builders (slash, autocomplete, component, context menu)
  state.py       guilds, channels, members, roles, messages, registered commands
  recording.py   records of requests and interaction lifecycles for assertions
"""

from .payloads import UnknownCommand
from .recording import CallbackAttempt, InteractionRecord, RecordedRequest, ValidationFailure
from .server import FakeDiscord, InteractionHandle
from .state import Channel, Command, FakeState, Guild, Member, Permissions, Role, User
from .validation import FieldError

__all__ = [
    "CallbackAttempt",
    "Channel",
    "Command",
    "FakeDiscord",
    "FakeState",
    "FieldError",
    "Guild",
    "InteractionHandle",
    "InteractionRecord",
    "Member",
    "Permissions",
    "RecordedRequest",
    "Role",
    "UnknownCommand",
    "User",
    "ValidationFailure",
]
