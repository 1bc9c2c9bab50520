"""``FakeDiscord``: one aiohttp app on 127.0.0.1 serving Discord's REST API and gateway.

Typical use (see ``tests/e2e/conftest.py`` for the fixture)::

    async with FakeDiscord() as fake:
        with fake.patch_discord():                    # Route.BASE + default gateway URL
            async with fake.run(client):              # real discord.py login + gateway
                await client.tree.sync()
                handle = await fake.invoke_slash("ping", {"text": "hi"})
                assert (await handle.response())["data"]["content"] == "pong: hi"
        fake.assert_clean()                           # no invalid bodies, no unknown routes

Nothing here talks to anything but 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Self

import discord
import yarl
from aiohttp import web

from . import payloads
from .gateway import Gateway
from .limits import CALLBACK_ROUTE, check_request
from .payloads import UnknownCommand
from .recording import (
    CallbackAttempt,
    InteractionRecord,
    RecordedRequest,
    ValidationFailure,
)
from .rest import HANDLERS, DiscordError, Reply, _public
from .state import Channel, Command, FakeState, Guild, Member, Permissions, User
from .validation import FieldError, discord_error_body, load_spec_validator

API_PREFIX = "/api/v10"
DEFAULT_TIMEOUT = 5.0
_RECORDED_HEADERS = ("Content-Type", "User-Agent", "X-Audit-Log-Reason")
_MENTION = re.compile(r"<@!?(\d+)>")


class InteractionHandle:
    """What a test holds after sending an interaction: await what the bot did with it.

    Every wait has a timeout (``FakeDiscord.default_timeout`` unless given) and fails with an
    ``AssertionError`` describing what the bot did do, so a broken bot fails fast.
    """

    def __init__(self, fake: FakeDiscord, record: InteractionRecord) -> None:
        self.fake = fake
        self.record = record

    def __repr__(self) -> str:
        return f"<InteractionHandle id={self.id} type={self.payload['type']} acked={self.acknowledged}>"

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def token(self) -> str:
        return self.record.token

    @property
    def payload(self) -> dict[str, Any]:
        """The INTERACTION_CREATE ``d`` that was sent."""
        return self.record.payload

    @property
    def acknowledged(self) -> bool:
        return self.record.acknowledged

    @property
    def callbacks(self) -> list[CallbackAttempt]:
        """Every callback POST for this interaction, accepted or rejected, in order."""
        return list(self.record.callbacks)

    @property
    def original(self) -> dict[str, Any] | None:
        """Current @original message (no waiting), or None."""
        rec = self.record
        if rec.original_id is None or rec.original_deleted:
            return None
        msg = self.fake.state.messages.get(rec.original_id)
        return None if msg is None else _public(msg)

    async def response(self, timeout: float | None = None) -> dict[str, Any]:
        """The accepted callback body, ``{"type": 4, "data": {...}}``."""
        await self.fake._wait(
            lambda: self.record.acknowledged, timeout, self._describe("a response")
        )
        assert self.record.response is not None
        return self.record.response

    async def choices(self, timeout: float | None = None) -> list[dict[str, Any]]:
        """Autocomplete: the ``choices`` the bot answered with."""
        body = await self.response(timeout)
        assert body.get("type") == 8, f"expected an autocomplete result, got {body}"
        return list((body.get("data") or {}).get("choices") or [])

    async def followups(self, count: int = 1, timeout: float | None = None) -> list[dict[str, Any]]:
        """At least ``count`` follow-up messages (current versions), oldest first."""
        await self.fake._wait(
            lambda: len(self.record.followup_ids) >= count,
            timeout,
            self._describe(f"{count} follow-up(s)"),
        )
        msgs = self.fake.state.messages
        return [_public(msgs[i]) for i in self.record.followup_ids]

    async def final_message(self, timeout: float | None = None) -> dict[str, Any]:
        """@original once it is no longer "thinking": after a type 4/7 response at once, after a
        deferral (5/6) once the bot edited it (or sent the first follow-up)."""

        def settled() -> bool:
            rec = self.record
            return (
                rec.acknowledged
                and not rec.original_pending
                and (rec.original_id is not None or rec.original_deleted)
            )

        await self.fake._wait(settled, timeout, self._describe("a final message"))
        original = self.original
        assert original is not None, f"@original of interaction {self.id} was deleted"
        return original

    async def rejection(self, timeout: float | None = None) -> RecordedRequest:
        """The first request about this interaction that the fake refused (status >= 400)."""

        def failed() -> RecordedRequest | None:
            reqs = [a.request for a in self.record.callbacks] + self.record.webhook_requests
            return next((r for r in sorted(reqs, key=lambda r: r.at) if r.status >= 400), None)

        await self.fake._wait(
            lambda: failed() is not None, timeout, self._describe("a rejected request")
        )
        result = failed()
        assert result is not None
        return result

    def _describe(self, what: str) -> Callable[[], str]:
        def describe() -> str:
            rec = self.record
            calls = [(a.status, a.code) for a in rec.callbacks]
            hooks = [(r.method, r.route, r.status) for r in rec.webhook_requests]
            return (
                f"{what} for interaction {rec.id} ({rec.payload.get('data', {}).get('name') or rec.payload.get('data', {}).get('custom_id')}); "
                f"callbacks={calls} webhook requests={hooks} "
                f"validation errors={self.fake.validation_errors[-3:]}"
            )

        return describe


@dataclass
class Fault:
    """An error the fake answers instead of carrying out a request (see FakeDiscord.fail)."""

    method: str
    route: str
    status: int
    times: int
    retry_after: float
    after: Callable[[], Awaitable[None]] | None = None
    hits: int = 0

    def reply(self) -> Reply:
        if self.status == 429:
            return Reply(429, {"message": "You are being rate limited.", "retry_after": self.retry_after,
                               "global": False},
                         {"Retry-After": f"{self.retry_after:g}", "Via": "1.1 google",
                          "X-RateLimit-Scope": "user"})
        if self.status == 403:
            return Reply(403, {"message": "Missing Permissions", "code": 50013})
        if self.status == 404:
            return Reply(404, {"message": "Unknown Channel", "code": 10003})
        return Reply(self.status, {"message": f"{self.status}: Server Error", "code": 0})


class FakeDiscord:
    """A stand-in for Discord on 127.0.0.1 that the real discord.py client talks to.

    Attributes a test reads: ``state`` (``FakeState``), ``requests``, ``unhandled``,
    ``validation_errors``, ``interactions``; configurable: ``interaction_deadline`` (3 s, as
    Discord), ``followup_window`` (15 min), ``default_timeout`` (waits), ``clock``.
    """

    def __init__(
        self,
        state: FakeState | None = None,
        *,
        interaction_deadline: float = 3.0,
        followup_window: float = 15 * 60.0,
        default_timeout: float = DEFAULT_TIMEOUT,
        clock: Callable[[], float] = time.monotonic,
        recommended_shards: int = 1,
        heartbeat_interval_ms: int = 41250,
    ) -> None:
        self.state = state or FakeState()
        self.interaction_deadline = interaction_deadline
        self.followup_window = followup_window
        self.default_timeout = default_timeout
        # Replaceable clock: tests may pass a fake clock to control the 3 s deadline.
        self.clock = clock
        self.recommended_shards = recommended_shards
        self.validator = load_spec_validator()
        self.gateway = Gateway(self, heartbeat_interval_ms=heartbeat_interval_ms)
        self.requests: list[RecordedRequest] = []
        self.unhandled: list[RecordedRequest] = []
        self.validation_errors: list[ValidationFailure] = []
        self._interactions: dict[int, InteractionRecord] = {}
        self._interactions_by_token: dict[str, InteractionRecord] = {}
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        # enforce_nonce: (channel id, nonce) → (message id, when); Discord keeps a few minutes.
        self.nonces: dict[tuple[int, str], tuple[int, float]] = {}
        self.nonce_window = 300.0
        self.faults: list[Fault] = []
        self.port: int | None = None

    # ================================================================= lifecycle
    async def start(self, host: str = "127.0.0.1", port: int = 0) -> FakeDiscord:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._handle_rest)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        """What ``discord.http.Route.BASE`` must be: ``http://127.0.0.1:PORT/api/v10``."""
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def token(self) -> str:
        return self.state.token

    @contextlib.contextmanager
    def patch_discord(self) -> Iterator[None]:
        """Point discord.py at this fake: REST base URL *and* default gateway URL.

        ``discord.Client`` (unsharded) never asks ``/gateway/bot``; it connects to
        ``DiscordWebSocket.DEFAULT_GATEWAY`` directly, and falls back to it after an
        INVALID_SESSION, so both class attributes are patched and restored.
        """
        from discord.gateway import DiscordWebSocket

        old_base, old_gateway = discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = self.api_base
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        try:
            yield
        finally:
            discord.http.Route.BASE = old_base
            DiscordWebSocket.DEFAULT_GATEWAY = old_gateway

    @contextlib.asynccontextmanager
    async def run(
        self, client: discord.Client, *, timeout: float | None = None, fast_ready: bool = True
    ) -> AsyncIterator[discord.Client]:
        """Start ``client`` against the fake, wait until ``on_ready``, close it on exit.

        ``fast_ready`` lowers discord.py's ``guild_ready_timeout`` (2 s by default: it waits
        that long after the last GUILD_CREATE before firing on_ready) to 50 ms.  It is a
        private attribute; a constructor argument would do the same for clients you build.
        """
        if fast_ready:
            client._connection.guild_ready_timeout = min(  # type: ignore[attr-defined]
                client._connection.guild_ready_timeout,
                0.05,  # type: ignore[attr-defined]
            )
        task = asyncio.create_task(client.start(self.token), name="fakediscord-client")
        ready = asyncio.create_task(client.wait_until_ready())
        try:
            done, _ = await asyncio.wait(
                {task, ready},
                timeout=timeout or self.default_timeout * 2,
                return_when=asyncio.FIRST_COMPLETED,
            )
            if task in done:
                task.result()  # re-raise the login/connect error
                raise AssertionError("client stopped before it was ready")
            if ready not in done:
                raise AssertionError(
                    f"client not ready; gateway errors: {self.gateway.protocol_errors}"
                )
            yield client
        finally:
            ready.cancel()
            if not client.is_closed():
                await client.close()
            with contextlib.suppress(asyncio.CancelledError, asyncio.TimeoutError):
                await asyncio.wait_for(task, 5)

    # ================================================================= waiting
    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _wait(
        self,
        predicate: Callable[[], bool],
        timeout: float | None,
        describe: str | Callable[[], str],
    ) -> None:
        timeout = self.default_timeout if timeout is None else timeout
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(predicate), timeout)
            except TimeoutError:
                what = describe() if callable(describe) else describe
                recent = self.requests[-5:]
                raise AssertionError(
                    f"timed out after {timeout}s waiting for {what}; last requests: {recent}"
                ) from None

    async def wait_ready(self, timeout: float | None = None) -> None:
        """Until the gateway delivered every guild (all shards identified)."""
        await self.gateway.wait_ready(self.default_timeout if timeout is None else timeout)

    async def wait_for_request(
        self,
        method: str | None = None,
        route: str | None = None,
        *,
        status: int | None = None,
        predicate: Callable[[RecordedRequest], bool] | None = None,
        timeout: float | None = None,
        since: int = 0,
    ) -> RecordedRequest:
        """First recorded request (index >= ``since``) matching all given criteria.
        ``route`` is the OpenAPI template, e.g. ``"/channels/{channel_id}/messages"``."""

        def find() -> RecordedRequest | None:
            for req in self.requests[since:]:
                if method and req.method != method.upper():
                    continue
                if route and req.route != route:
                    continue
                if status is not None and req.status != status:
                    continue
                if predicate and not predicate(req):
                    continue
                return req
            return None

        await self._wait(lambda: find() is not None, timeout, f"{method} {route} status={status}")
        found = find()
        assert found is not None
        return found

    def requests_to(self, method: str, route: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == method.upper() and r.route == route]

    def fail(self, method: str, route: str, status: int, *, times: int = 1, retry_after: float = 0.05,
             after: Callable[[], Awaitable[None]] | None = None) -> Fault:
        """Answer the next ``times`` valid requests to ``route`` with ``status``: 429 with
        Retry-After (as Discord: a ``Via`` header, ``retry_after`` in the body), a 5xx, or a
        403/404. With ``after``, the request is carried out first and then answered with the
        error (a response lost on the way back)."""
        fault = Fault(method.upper(), route, status, times, retry_after, after)
        self.faults.append(fault)
        return fault

    def _fault_for(self, rec: RecordedRequest) -> Fault | None:
        for f in self.faults:
            if f.times > 0 and f.method == rec.method and f.route == rec.route:
                f.times -= 1
                f.hits += 1
                return f
        return None

    def assert_clean(self) -> None:
        """No invalid bodies, no endpoints the fake does not model."""
        assert self.validation_errors == [], self.validation_errors
        assert self.unhandled == [], self.unhandled

    # ================================================================= REST
    async def _read_body(self, request: web.Request) -> tuple[Any, list[dict[str, Any]]]:
        if not request.can_read_body:
            return None, []
        ctype = request.content_type
        if ctype == "multipart/form-data":
            body: Any = None
            files: list[dict[str, Any]] = []
            reader = await request.multipart()
            async for part in reader:
                if part.name == "payload_json":
                    body = json.loads(await part.text())
                else:
                    data = await part.read()  # type: ignore[union-attr]
                    files.append(
                        {
                            "id": str(self.state.snowflake()),
                            "field": part.name,
                            "filename": part.filename or "file",
                            "size": len(data),
                            "content_type": part.headers.get("Content-Type"),
                        }
                    )
            return body, files
        raw = await request.read()
        if not raw:
            return None, []
        return json.loads(raw), []

    def _headers(self, request: web.Request) -> dict[str, str]:
        headers = {h: request.headers[h] for h in _RECORDED_HEADERS if h in request.headers}
        auth = request.headers.get("Authorization")
        if auth is not None:
            headers["Authorization"] = (
                "Bot <valid token>" if auth == f"Bot {self.token}" else "<invalid>"
            )
        return headers

    async def _handle_rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        rec = RecordedRequest(
            method=request.method,
            path=path,
            route=None,
            params={},
            query=dict(request.query),
            headers=self._headers(request),
            at=self.clock(),
        )
        self.requests.append(rec)
        try:
            reply = await self._route(request, rec)
        except DiscordError as exc:
            reply = Reply(exc.status, exc.body())
        rec.status, rec.response = reply.status, reply.body
        self._link_to_interaction(rec)
        await self._notify()
        if reply.body is None:
            return web.Response(status=reply.status, headers=reply.headers)
        # Exactly "application/json": discord.py's json_or_text compares the header verbatim
        # and returns the raw *string* for "application/json; charset=utf-8".
        return web.Response(
            status=reply.status,
            body=json.dumps(reply.body).encode(),
            headers={"Content-Type": "application/json", **reply.headers},
        )

    async def _route(self, request: web.Request, rec: RecordedRequest) -> Reply:
        try:
            rec.body, rec.files = await self._read_body(request)
        except ValueError:
            raise DiscordError(400, 50109, "The request body contains invalid JSON.") from None
        found = self.validator.find(rec.method, rec.path)
        handler = None
        if found is not None:
            op, rec.params = found
            rec.route = op.template
            handler = HANDLERS.get((rec.method, op.template))
        if found is None or handler is None:
            # Either not a Discord endpoint at all, or one the fake does not model yet.
            self.unhandled.append(rec)
            return Reply(404, {"message": "404: Not Found", "code": 0})
        # Webhook and interaction-callback routes authenticate with the token in the URL.
        token_in_url = rec.path.startswith(("/webhooks/", "/interactions/"))
        if not token_in_url and request.headers.get("Authorization") != f"Bot {self.token}":
            return Reply(401, {"message": "401: Unauthorized", "code": 0})
        errors: list[FieldError] = []
        if rec.body is not None:
            errors = self.validator.validate(op, rec.body).errors
            errors += check_request(rec.method, op.template, rec.body)
        if errors:
            rec.errors = errors
            self.validation_errors.append(ValidationFailure(rec, errors))
            return Reply(400, discord_error_body(errors))
        fault = self._fault_for(rec)
        if fault is not None:
            if fault.after is not None:
                await handler(self, rec)
                await fault.after()
            return fault.reply()
        return await handler(self, rec)

    def _link_to_interaction(self, rec: RecordedRequest) -> None:
        """Attach requests the handler never saw (rejected by validation) to their interaction,
        so ``handle.callbacks`` / ``handle.rejection()`` see every attempt."""
        if rec.route == CALLBACK_ROUTE:
            try:
                irec = self._interactions.get(int(rec.params["interaction_id"]))
            except ValueError:
                irec = None
            if irec is not None and not any(a.request is rec for a in irec.callbacks):
                irec.callbacks.append(CallbackAttempt(rec))
        elif rec.route and rec.route.startswith("/webhooks/{webhook_id}/{webhook_token}"):
            irec = self._interactions_by_token.get(rec.params.get("webhook_token", ""))
            if irec is not None and rec not in irec.webhook_requests:
                irec.webhook_requests.append(rec)

    # ================================================================= gateway API
    async def dispatch(
        self,
        event: str,
        data: dict[str, Any],
        *,
        shard_id: int | None = None,
        all_shards: bool = False,
    ) -> int:
        """Send a gateway event (see ``Gateway.dispatch`` for routing); returns #connections."""
        return await self.gateway.dispatch(event, data, shard_id=shard_id, all_shards=all_shards)

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT to every connection (the client resumes)."""
        await self.gateway.reconnect()

    # ================================================================= defaults
    @property
    def guild(self) -> Guild:
        return self.state.guild

    @property
    def general(self) -> Channel:
        return self.state.general

    @property
    def digests(self) -> Channel:
        return self.state.digests

    @property
    def admin(self) -> Member:
        return self.state.admin

    @property
    def user(self) -> Member:
        return self.state.user

    @property
    def bot_user(self) -> User:
        return self.state.bot_user

    @property
    def application_id(self) -> int:
        return self.state.application_id

    @property
    def interactions(self) -> list[InteractionRecord]:
        return list(self._interactions.values())

    # ================================================================= commands
    @property
    def commands(self) -> dict[str, Command]:
        """Registered commands by name (global, then the default guild's)."""
        out = {c.name: c for c in self.state.global_commands}
        for cmds in self.state.guild_commands.values():
            out.update({c.name: c for c in cmds})
        return out

    def command(
        self, name: str, *, type: int = payloads.CommandType.CHAT_INPUT, guild: Guild | None = None
    ) -> Command:
        guild = guild or self.state.guild
        cmd = self.state.find_command(name, type=type, guild_id=guild.id)
        if cmd is None:
            known = sorted(
                f"{c.name} (type {c.type})"
                for c in self.state.global_commands + self.state.commands_for(guild.id)
            )
            raise UnknownCommand(
                f"command {name!r} of type {type} is not registered (did the bot sync its tree?); "
                f"registered: {known or 'none'}"
            )
        return cmd

    async def wait_for_commands(self, *names: str, timeout: float | None = None) -> None:
        await self._wait(
            lambda: all(n in self.commands for n in names),
            timeout,
            f"commands {names} to be registered",
        )

    # ================================================================= interactions
    def _who(self, user: Member | User | None, guild: Guild | None) -> Member:
        guild = guild or self.state.guild
        if user is None:
            user = self.state.user
        if isinstance(user, Member):
            return user
        member = guild.member(user.id)
        if member is None:
            raise ValueError(f"{user.username} is not a member of {guild.name}")
        return member

    def _where(self, member: Member, channel: Channel | str | None) -> Channel:
        if isinstance(channel, Channel):
            return channel
        guild = member.guild
        if channel is None:
            return next(c for c in guild.channels if c.type == 0 and not c.deleted)
        return guild.channel(channel)

    async def send_interaction(
        self, payload: dict[str, Any], *, component_message_id: int | None = None
    ) -> InteractionHandle:
        """Dispatch a ready-made INTERACTION_CREATE payload and track it."""
        rec = InteractionRecord(
            id=int(payload["id"]),
            token=payload["token"],
            payload=payload,
            sent_at=self.clock(),
            component_message_id=component_message_id,
        )
        self._interactions[rec.id] = rec
        self._interactions_by_token[rec.token] = rec
        sent = await self.dispatch("INTERACTION_CREATE", payload)
        if sent == 0:
            raise AssertionError(
                "no identified gateway connection received the interaction; "
                "is the client running (fake.run(client))?"
            )
        return InteractionHandle(self, rec)

    async def invoke_slash(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        user: Member | User | None = None,
        guild: Guild | None = None,
        channel: Channel | str | None = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """``/name`` as ``user`` (default: the plain member) in ``channel`` (default #general).

        ``name`` may contain subcommands: ``"digest subscribe"``.  Option values are Python
        values: str/int/float/bool, ``Channel`` (or ``"#name"``), ``Member``/``User``, ``Role``.
        """
        cmd_name, *path = name.split()
        member = self._who(user, guild)
        ch = self._where(member, channel)
        cmd = self.command(cmd_name, guild=member.guild)
        payload = payloads.slash_command(
            self.state, cmd, path, options or {}, member=member, channel=ch, locale=locale
        )
        return await self.send_interaction(payload)

    async def autocomplete(
        self,
        name: str,
        options: Mapping[str, Any],
        focused: str | None = None,
        *,
        user: Member | User | None = None,
        guild: Guild | None = None,
        channel: Channel | str | None = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Autocomplete for the ``focused`` option (default: the last one in ``options``),
        whose value is the text typed so far.  ``await handle.choices()`` for the answer."""
        cmd_name, *path = name.split()
        member = self._who(user, guild)
        ch = self._where(member, channel)
        cmd = self.command(cmd_name, guild=member.guild)
        focused = focused or list(options)[-1]
        payload = payloads.autocomplete(
            self.state, cmd, path, options, focused, member=member, channel=ch, locale=locale
        )
        return await self.send_interaction(payload)

    async def click(
        self,
        message: dict[str, Any] | int,
        custom_id: str,
        *,
        user: Member | User | None = None,
        values: list[str] | None = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Click the button (or choose ``values`` in the select) ``custom_id`` on ``message``.

        Raises if the message has no such component or it is disabled: a user could not
        click it either."""
        mid = int(message if isinstance(message, int) else message["id"])
        stored = self.state.messages.get(mid)
        if stored is None or stored.get("_deleted"):
            raise ValueError(f"message {mid} does not exist in the fake")
        component = _find_component(stored.get("components") or [], custom_id)
        if component is None:
            raise ValueError(f"message {mid} has no component with custom_id {custom_id!r}")
        if component.get("disabled"):
            raise ValueError(f"component {custom_id!r} is disabled")
        channel = self.state.find_channel(int(stored["channel_id"]))
        guild = channel.guild if channel else None
        member = self._who(user, guild)
        payload = payloads.component(
            self.state,
            _public(stored),
            custom_id,
            member=member,
            channel=channel,
            component_type=int(component.get("type", 2)),
            values=values,
            locale=locale,
        )
        return await self.send_interaction(payload, component_message_id=mid)

    async def message_command(
        self,
        name: str,
        target_message: dict[str, Any] | int,
        *,
        user: Member | User | None = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Run the message context-menu command ``name`` on ``target_message``."""
        mid = int(target_message if isinstance(target_message, int) else target_message["id"])
        target = self.state.messages.get(mid)
        if target is None:
            raise ValueError(f"message {mid} does not exist in the fake")
        channel = self.state.find_channel(int(target["channel_id"]))
        member = self._who(user, channel.guild if channel else None)
        cmd = self.command(name, type=payloads.CommandType.MESSAGE, guild=member.guild)
        payload = payloads.message_command(
            self.state, cmd, _public(target), member=member, channel=channel, locale=locale
        )
        return await self.send_interaction(payload)

    async def user_command(
        self,
        name: str,
        target: Member,
        *,
        user: Member | User | None = None,
        channel: Channel | str | None = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Run the user context-menu command ``name`` on ``target``."""
        member = self._who(user, target.guild)
        ch = self._where(member, channel)
        cmd = self.command(name, type=payloads.CommandType.USER, guild=member.guild)
        payload = payloads.user_command(
            self.state, cmd, target, member=member, channel=ch, locale=locale
        )
        return await self.send_interaction(payload)

    # ================================================================= world events
    async def create_message(
        self,
        channel: Channel | str,
        author: Member | User | None = None,
        content: str = "",
        *,
        embeds: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """A user writes a message: stored, and MESSAGE_CREATE dispatched. Returns it."""
        member = self._who(author, None if isinstance(channel, str) else channel.guild)
        ch = self._where(member, channel)
        mentions = [
            self.state.users[int(i)].payload()
            for i in _MENTION.findall(content)
            if int(i) in self.state.users
        ]
        msg = self.state.message_payload(
            channel_id=ch.id,
            author=member.user,
            content=content,
            embeds=embeds,
            guild_id=ch.guild.id if ch.guild else None,
            member=member,
            extra={"mentions": mentions},
        )
        await self.dispatch("MESSAGE_CREATE", _public(msg))
        await self._notify()
        return _public(msg)

    async def delete_message(self, message: dict[str, Any] | int) -> None:
        """Delete a message (anyone's): MESSAGE_DELETE dispatched."""
        mid = int(message if isinstance(message, int) else message["id"])
        await self._delete_message(self.state.messages[mid])

    async def _delete_message(self, msg: dict[str, Any]) -> None:
        msg["_deleted"] = True
        data = {"id": msg["id"], "channel_id": msg["channel_id"]}
        if msg.get("guild_id"):
            data["guild_id"] = msg["guild_id"]
        await self.dispatch("MESSAGE_DELETE", data)
        await self._notify()

    async def delete_channel(self, channel: Channel | str) -> None:
        """Delete a channel: CHANNEL_DELETE dispatched; later posts there get 404/10003."""
        ch = channel if isinstance(channel, Channel) else self.state.guild.channel(channel)
        ch.deleted = True
        await self.dispatch("CHANNEL_DELETE", ch.payload())
        await self._notify()

    async def revoke_send_permission(self, channel: Channel | str) -> None:
        """Deny SEND_MESSAGES to the bot in ``channel``: posts get 403/50013, and discord.py
        sees the overwrite (CHANNEL_UPDATE), so ``permissions_for(me)`` agrees."""
        ch = channel if isinstance(channel, Channel) else self.state.guild.channel(channel)
        ch.bot_can_send = False
        ch.overwrites = [o for o in ch.overwrites if o["id"] != str(self.state.bot_user.id)]
        ch.overwrites.append(
            {
                "id": str(self.state.bot_user.id),
                "type": 1,
                "allow": "0",
                "deny": str(Permissions.SEND_MESSAGES),
            }
        )
        await self.dispatch("CHANNEL_UPDATE", ch.payload())
        await self._notify()

    async def restore_send_permission(self, channel: Channel | str) -> None:
        ch = channel if isinstance(channel, Channel) else self.state.guild.channel(channel)
        ch.bot_can_send = True
        ch.overwrites = [o for o in ch.overwrites if o["id"] != str(self.state.bot_user.id)]
        await self.dispatch("CHANNEL_UPDATE", ch.payload())
        await self._notify()

    def channel_messages(self, channel: Channel | str) -> list[dict[str, Any]]:
        """Live messages in ``channel``, oldest first (bot's, users', interaction replies)."""
        ch = channel if isinstance(channel, Channel) else self.state.guild.channel(channel)
        return [
            _public(m)
            for m in self.state.messages.values()
            if m["channel_id"] == str(ch.id) and not m.get("_deleted")
        ]


def _find_component(components: list[dict[str, Any]], custom_id: str) -> dict[str, Any] | None:
    for comp in components:
        if comp.get("custom_id") == custom_id:
            return comp
        for key in ("components",):
            found = _find_component(comp.get(key) or [], custom_id)
            if found is not None:
                return found
        acc = comp.get("accessory")
        if isinstance(acc, dict) and acc.get("custom_id") == custom_id:
            return acc
    return None
