"""The gateway half of the fake: a websocket endpoint speaking Discord's v10 JSON protocol.

Protocol notes (checked against discord.py 2.7.1's ``gateway.py`` / ``utils.py``):

* The client connects to ``<url>?v=10&encoding=json&compress=zlib-stream``.  discord.py
  2.7 prefers ``zstd-stream`` when ``zstandard`` (or Python 3.14's ``compression.zstd``) is
  importable; neither is in this venv, so it asks for ``zlib-stream``.  We support
  ``zlib-stream`` and uncompressed text frames, and refuse anything else with close code 4000
  so a changed client fails loudly instead of hanging.
* zlib-stream means ONE ``zlib.compressobj`` per connection whose output is cut at message
  boundaries with ``Z_SYNC_FLUSH``: the client buffers binary frames until it sees the
  ``00 00 ff ff`` suffix, then inflates with its single per-connection ``decompressobj``.
  Compressing and sending must therefore happen atomically and in order (``_send_lock``).
* HELLO (op 10) first; discord.py answers with an immediate heartbeat, then IDENTIFY (op 2).
  READY must carry ``application {id, flags}`` (that is where the client learns its
  application id) and, when the client identified with ``shard``, ``shard`` too:
  ``AutoShardedConnectionState.parse_ready`` indexes ``data['shard'][0]``.
* A plain ``discord.Client`` never calls ``GET /gateway/bot``: it connects straight to
  ``DiscordWebSocket.DEFAULT_GATEWAY`` (wss://gateway.discord.gg/), so the fixture must patch
  that class attribute as well as ``Route.BASE``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

if TYPE_CHECKING:  # pragma: no cover
    from .server import FakeDiscord

log = logging.getLogger(__name__)


class Op:
    DISPATCH = 0
    HEARTBEAT = 1
    IDENTIFY = 2
    PRESENCE_UPDATE = 3
    VOICE_STATE_UPDATE = 4
    RESUME = 6
    RECONNECT = 7
    REQUEST_GUILD_MEMBERS = 8
    INVALID_SESSION = 9
    HELLO = 10
    HEARTBEAT_ACK = 11


class Intents:
    GUILDS = 1 << 0
    GUILD_MEMBERS = 1 << 1
    GUILD_MESSAGES = 1 << 9
    GUILD_MESSAGE_REACTIONS = 1 << 10
    DIRECT_MESSAGES = 1 << 12
    DIRECT_MESSAGE_REACTIONS = 1 << 13
    MESSAGE_CONTENT = 1 << 15


class CloseCode:
    UNKNOWN_ERROR = 4000
    UNKNOWN_OPCODE = 4001
    DECODE_ERROR = 4002
    NOT_AUTHENTICATED = 4003
    AUTHENTICATION_FAILED = 4004
    ALREADY_AUTHENTICATED = 4005
    INVALID_API_VERSION = 4012


_GUILD_EVENTS = ("GUILD_", "CHANNEL_", "THREAD_")
_MEMBER_EVENTS = ("GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE")
_MESSAGE_EVENTS = ("MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK")


def required_intent(event: str, data: dict[str, Any]) -> int:
    """The intent a connection needs to receive ``event`` (0 = always delivered)."""
    if event in _MEMBER_EVENTS:
        return Intents.GUILD_MEMBERS
    if event in _MESSAGE_EVENTS:
        return Intents.GUILD_MESSAGES if data.get("guild_id") else Intents.DIRECT_MESSAGES
    if event.startswith("MESSAGE_REACTION_"):
        return (
            Intents.GUILD_MESSAGE_REACTIONS
            if data.get("guild_id")
            else Intents.DIRECT_MESSAGE_REACTIONS
        )
    if event.startswith(_GUILD_EVENTS) and event != "GUILD_MEMBERS_CHUNK":
        return Intents.GUILDS
    return 0


def redact_message_content(data: dict[str, Any], bot_id: int) -> dict[str, Any]:
    """What Discord does to MESSAGE_CREATE/UPDATE for bots without the MESSAGE_CONTENT
    intent: content, embeds, attachments and components arrive empty, except for the bot's
    own messages, DMs, and messages that mention the bot."""
    author = (data.get("author") or {}).get("id")
    mentioned = any(str(u.get("id")) == str(bot_id) for u in data.get("mentions") or [])
    if str(author) == str(bot_id) or mentioned or not data.get("guild_id"):
        return data
    return {**data, "content": "", "embeds": [], "attachments": [], "components": []}


@dataclass
class Session:
    """What survives a dropped connection so the client can RESUME."""

    session_id: str
    shard: tuple[int, int] | None
    intents: int
    seq: int = 0


@dataclass
class GatewayConnection:
    gateway: Gateway
    ws: web.WebSocketResponse
    compress: bool
    session: Session | None = None
    guilds_sent: set[int] = field(default_factory=set)
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    closed: bool = False

    def __post_init__(self) -> None:
        self._zlib = zlib.compressobj() if self.compress else None
        self._send_lock = asyncio.Lock()

    # ------------------------------------------------------------------ sending
    @property
    def shard(self) -> tuple[int, int] | None:
        return None if self.session is None else self.session.shard

    @property
    def intents(self) -> int:
        return 0 if self.session is None else self.session.intents

    def owns_guild(self, guild_id: int) -> bool:
        shard = self.shard
        if shard is None:
            return True
        shard_id, count = shard
        return (guild_id >> 22) % count == shard_id

    async def send(self, payload: dict[str, Any]) -> None:
        text = json.dumps(payload, separators=(",", ":"))
        async with self._send_lock:
            if self.ws.closed:
                return
            try:
                if self._zlib is not None:
                    data = self._zlib.compress(text.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
                    await self.ws.send_bytes(data)
                else:
                    await self.ws.send_str(text)
            except (ConnectionResetError, RuntimeError):
                # The client went away mid-send (e.g. client.close() racing a dispatch):
                # not an error of the bot under test.
                self.closed = True

    async def dispatch(self, event: str, data: Any) -> None:
        assert self.session is not None, "dispatch before IDENTIFY"
        self.session.seq += 1
        await self.send({"op": Op.DISPATCH, "t": event, "s": self.session.seq, "d": data})

    async def close(self, code: int = 1000, message: str = "") -> None:
        self.closed = True
        if not self.ws.closed:
            await self.ws.close(code=code, message=message.encode())


class Gateway:
    """All websocket connections of one fake, plus sessions for RESUME."""

    def __init__(self, fake: FakeDiscord, *, heartbeat_interval_ms: int = 41250) -> None:
        self.fake = fake
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.connections: list[GatewayConnection] = []
        self.sessions: dict[str, Session] = {}
        # Every IDENTIFY payload received (token redacted), for assertions on intents/shards.
        self.identifies: list[dict[str, Any]] = []
        self.presence_updates: list[dict[str, Any]] = []
        self.protocol_errors: list[str] = []
        self._changed = asyncio.Condition()

    @property
    def open_connections(self) -> list[GatewayConnection]:
        return [c for c in self.connections if not c.closed and not c.ws.closed]

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_ready(self, timeout: float) -> None:
        """Until every guild has been delivered (GUILD_CREATE) to an open connection and, for
        a sharded client, every shard has identified."""

        def done() -> bool:
            conns = [c for c in self.open_connections if c.ready.is_set()]
            if not conns:
                return False
            shard = conns[0].shard
            if shard is not None and len({c.shard for c in conns}) < shard[1]:
                return False
            delivered = set().union(*(c.guilds_sent for c in conns))
            return all(g.id in delivered for g in self.fake.state.guilds)

        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(done), timeout)
            except TimeoutError:
                raise AssertionError(
                    f"gateway not ready after {timeout}s: identifies={len(self.identifies)}, "
                    f"protocol errors={self.protocol_errors}"
                ) from None

    # ------------------------------------------------------------------ handler
    async def handle(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        compress = request.query.get("compress")
        conn = GatewayConnection(self, ws, compress=compress == "zlib-stream")
        self.connections.append(conn)
        try:
            if request.query.get("v", "10") != "10":
                await self._fail(conn, CloseCode.INVALID_API_VERSION, "Invalid API version")
                return ws
            if request.query.get("encoding", "json") != "json":
                await self._fail(conn, CloseCode.DECODE_ERROR, "only encoding=json is supported")
                return ws
            if compress not in (None, "zlib-stream"):
                await self._fail(conn, CloseCode.UNKNOWN_ERROR, f"unsupported compress={compress}")
                return ws
            await conn.send(
                {"op": Op.HELLO, "d": {"heartbeat_interval": self.heartbeat_interval_ms}}
            )
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_message(conn, msg.data)
                elif msg.type is WSMsgType.BINARY:
                    # discord.py never compresses what it sends; Discord would reject it too.
                    await self._fail(conn, CloseCode.DECODE_ERROR, "binary frame from client")
                elif msg.type is WSMsgType.ERROR:
                    break
        finally:
            conn.closed = True
            await self._notify()
        return ws

    async def _fail(self, conn: GatewayConnection, code: int, why: str) -> None:
        self.protocol_errors.append(why)
        log.warning("fake gateway closing connection: %s", why)
        await conn.close(code, why)

    async def _on_message(self, conn: GatewayConnection, text: str) -> None:
        try:
            msg = json.loads(text)
        except ValueError:
            await self._fail(conn, CloseCode.DECODE_ERROR, "invalid JSON")
            return
        op, data = msg.get("op"), msg.get("d")
        if op == Op.HEARTBEAT:
            await conn.send({"op": Op.HEARTBEAT_ACK})
        elif op == Op.IDENTIFY:
            await self._identify(conn, data or {})
        elif op == Op.RESUME:
            await self._resume(conn, data or {})
        elif op == Op.REQUEST_GUILD_MEMBERS:
            await self._request_members(conn, data or {})
        elif op == Op.PRESENCE_UPDATE:
            self.presence_updates.append(data)
        elif op == Op.VOICE_STATE_UPDATE:
            pass  # no voice in this fake
        else:
            await self._fail(conn, CloseCode.UNKNOWN_OPCODE, f"unknown opcode {op!r}")

    async def _identify(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        if conn.session is not None:
            await self._fail(conn, CloseCode.ALREADY_AUTHENTICATED, "identified twice")
            return
        self.identifies.append({**data, "token": "<redacted>"})
        if data.get("token") != self.fake.state.token:
            await self._fail(conn, CloseCode.AUTHENTICATION_FAILED, "Authentication failed.")
            return
        raw_shard = data.get("shard")
        shard = (int(raw_shard[0]), int(raw_shard[1])) if raw_shard else None
        if shard is not None and not (0 <= shard[0] < shard[1]):
            await self._fail(conn, 4010, "Invalid shard")
            return
        session = Session(secrets.token_hex(16), shard, int(data.get("intents") or 0))
        self.sessions[session.session_id] = session
        conn.session = session
        await conn.dispatch("READY", self._ready_payload(conn))
        for guild in self.fake.state.guilds:
            if conn.owns_guild(guild.id):
                await conn.dispatch(
                    "GUILD_CREATE",
                    guild.create_payload(
                        bot_id=self.fake.state.bot_user.id,
                        all_members=bool(session.intents & Intents.GUILD_MEMBERS),
                    ),
                )
                conn.guilds_sent.add(guild.id)
        conn.ready.set()
        await self._notify()

    def _ready_payload(self, conn: GatewayConnection) -> dict[str, Any]:
        state = self.fake.state
        user = {**state.bot_user.payload(), "verified": True, "mfa_enabled": False, "email": None}
        data: dict[str, Any] = {
            "v": 10,
            "user": user,
            "guilds": [
                {"id": str(g.id), "unavailable": True}
                for g in state.guilds
                if conn.owns_guild(g.id)
            ],
            "session_id": conn.session.session_id if conn.session else "",
            "resume_gateway_url": self.fake.gateway_url,
            "session_type": "normal",
            "application": {"id": str(state.application_id), "flags": state.application_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "user_settings": {},
            "geo_ordered_rtc_regions": [],
            "_trace": ['["fakediscord",{}]'],
        }
        if conn.shard is not None:
            data["shard"] = list(conn.shard)
        return data

    async def _resume(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        session = self.sessions.get(str(data.get("session_id")))
        if session is None or data.get("token") != self.fake.state.token:
            # d=false: not resumable, the client must IDENTIFY afresh.
            await conn.send({"op": Op.INVALID_SESSION, "d": False})
            return
        conn.session = session
        # We do not buffer missed events: a resume simply continues the sequence.
        await conn.dispatch("RESUMED", {"_trace": ["fakediscord"]})
        conn.guilds_sent = {g.id for g in self.fake.state.guilds if conn.owns_guild(g.id)}
        conn.ready.set()
        await self._notify()

    async def _request_members(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        guild = self.fake.state.find_guild(int(data.get("guild_id", 0)))
        if guild is None or conn.session is None:
            return
        payload: dict[str, Any] = {
            "guild_id": str(guild.id),
            "members": [m.payload() for m in guild.members],
            "chunk_index": 0,
            "chunk_count": 1,
        }
        if data.get("nonce") is not None:
            payload["nonce"] = data["nonce"]
        await conn.dispatch("GUILD_MEMBERS_CHUNK", payload)

    # ------------------------------------------------------------------ API
    async def dispatch(
        self,
        event: str,
        data: dict[str, Any],
        *,
        shard_id: int | None = None,
        all_shards: bool = False,
    ) -> int:
        """Send a DISPATCH to the identified connections that should get it.

        Routing, as on Discord: an event with a ``guild_id`` goes only to the shard that owns
        the guild, unless ``all_shards``; ``shard_id`` restricts to one shard; events the
        connection has no intent for are dropped; MESSAGE_CREATE/UPDATE are redacted without
        the MESSAGE_CONTENT intent.  Returns the number of connections it was sent to.
        """
        sent = 0
        need = required_intent(event, data)
        guild_id = data.get("guild_id") if isinstance(data, dict) else None
        for conn in self.open_connections:
            if conn.session is None:
                continue
            if shard_id is not None and (conn.shard or (0, 1))[0] != shard_id:
                continue
            if guild_id and not all_shards and not conn.owns_guild(int(guild_id)):
                continue
            if need and not conn.intents & need:
                continue
            payload = data
            if event in ("MESSAGE_CREATE", "MESSAGE_UPDATE") and not (
                conn.intents & Intents.MESSAGE_CONTENT
            ):
                payload = redact_message_content(data, self.fake.state.bot_user.id)
            await conn.dispatch(event, payload)
            sent += 1
        return sent

    async def reconnect(self) -> None:
        """Ask every client to reconnect (op 7), as Discord does during deploys."""
        for conn in self.open_connections:
            await conn.send({"op": Op.RECONNECT, "d": None})

    async def close_all(self) -> None:
        for conn in list(self.connections):
            await conn.close(1001, "fake discord shutting down")
