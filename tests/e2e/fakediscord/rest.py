"""REST half of the fake: route handlers for what a bot built on discord.py actually calls.

Requests arrive at ``/api/v10/...`` (discord.py builds every URL from ``Route.BASE``, including
webhook and interaction-callback URLs).  ``FakeDiscord._handle_rest`` (server.py) matches the
path against the OpenAPI operations, records it, validates the body, then calls the handler
registered here for that ``(METHOD, template)``; an operation without a handler answers 404 and
is recorded in ``fake.unhandled`` so a test notices the bot using an endpoint nobody modelled.

Handlers raise ``DiscordError`` for Discord's JSON errors.  Never answer 5xx on purpose:
discord.py retries 5xx with sleeps (1 s, 3 s, ...), which would turn a bug into a slow test.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .recording import CallbackAttempt, InteractionRecord, RecordedRequest
from .state import Channel, iso_now

if TYPE_CHECKING:  # pragma: no cover
    from .server import FakeDiscord

EPHEMERAL = 1 << 6
LOADING = 1 << 7
SUPPRESS_EMBEDS = 1 << 2
SUPPRESS_NOTIFICATIONS = 1 << 12
IS_COMPONENTS_V2 = 1 << 15
_SETTABLE_FLAGS = EPHEMERAL | SUPPRESS_EMBEDS | SUPPRESS_NOTIFICATIONS | IS_COMPONENTS_V2


class CallbackType:
    PONG = 1
    CHANNEL_MESSAGE_WITH_SOURCE = 4
    DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5
    DEFERRED_UPDATE_MESSAGE = 6
    UPDATE_MESSAGE = 7
    APPLICATION_COMMAND_AUTOCOMPLETE_RESULT = 8
    MODAL = 9
    LAUNCH_ACTIVITY = 12


@dataclass
class DiscordError(Exception):
    """An error response in Discord's shape: ``{"code": ..., "message": ...}``."""

    status: int
    code: int
    message: str
    errors: dict[str, Any] | None = None

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.errors is not None:
            body["errors"] = self.errors
        return body


def unknown_channel() -> DiscordError:
    return DiscordError(404, 10003, "Unknown Channel")


def unknown_message() -> DiscordError:
    return DiscordError(404, 10008, "Unknown Message")


def unknown_webhook() -> DiscordError:
    return DiscordError(404, 10015, "Unknown Webhook")


def unknown_interaction() -> DiscordError:
    return DiscordError(404, 10062, "Unknown interaction")


def missing_permissions() -> DiscordError:
    return DiscordError(403, 50013, "Missing Permissions")


@dataclass
class Reply:
    status: int
    body: Any = None  # JSON-serialisable; None with 204
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[["FakeDiscord", RecordedRequest], Awaitable[Reply]]
HANDLERS: dict[tuple[str, str], Handler] = {}


def route(method: str, template: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        HANDLERS[(method, template)] = fn
        return fn

    return register


def ok(body: Any) -> Reply:
    return Reply(200, body)


NO_CONTENT = Reply(204)


def _truthy(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "yes")


# --------------------------------------------------------------------------- identity


@route("GET", "/users/@me")
async def get_me(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    return ok(
        {
            **fake.state.bot_user.payload(),
            "verified": True,
            "mfa_enabled": False,
            "locale": "en-US",
            "email": None,
        }
    )


@route("GET", "/users/{user_id}")
async def get_user(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    user = fake.state.users.get(int(req.params["user_id"]))
    if user is None:
        raise DiscordError(404, 10013, "Unknown User")
    return ok(user.payload())


@route("GET", "/gateway")
async def get_gateway(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    return ok({"url": fake.gateway_url})


@route("GET", "/gateway/bot")
async def get_gateway_bot(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    return ok(
        {
            "url": fake.gateway_url,
            "shards": fake.recommended_shards,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 14400000,
                "max_concurrency": 1,
            },
        }
    )


def _application(fake: FakeDiscord) -> dict[str, Any]:
    state = fake.state
    return {
        "id": str(state.application_id),
        "name": state.bot_user.username,
        "icon": None,
        "description": "Plenary (fake Discord)",
        "summary": "",
        "type": None,
        "bot_public": False,
        "bot_require_code_grant": False,
        "verify_key": "0" * 64,
        "owner": state.owner_user.payload(),
        "team": None,
        "flags": state.application_flags,
        "bot": state.bot_user.payload(),
        "interactions_endpoint_url": None,  # non-null makes discord.py warn: no gateway events
        "redirect_uris": [],
        "tags": [],
        "install_params": None,
        "integration_types_config": {"0": {}},
        "approximate_guild_count": len(state.guilds),
    }


@route("GET", "/applications/@me")
async def get_application(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    return ok(_application(fake))


@route("GET", "/oauth2/applications/@me")
async def get_oauth2_application(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    return ok(_application(fake))


# --------------------------------------------------------------------------- commands


def _check_app(fake: FakeDiscord, req: RecordedRequest) -> None:
    if int(req.params["application_id"]) != fake.state.application_id:
        raise DiscordError(403, 50001, "Missing Access")


def _guild_scope(fake: FakeDiscord, req: RecordedRequest) -> int | None:
    _check_app(fake, req)
    if "guild_id" not in req.params:
        return None
    gid = int(req.params["guild_id"])
    if fake.state.find_guild(gid) is None:
        raise DiscordError(403, 50001, "Missing Access")
    return gid


@route("GET", "/applications/{application_id}/commands")
@route("GET", "/applications/{application_id}/guilds/{guild_id}/commands")
async def list_commands(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    return ok([c.payload() for c in fake.state.commands_for(_guild_scope(fake, req))])


@route("PUT", "/applications/{application_id}/commands")
@route("PUT", "/applications/{application_id}/guilds/{guild_id}/commands")
async def bulk_set_commands(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    gid = _guild_scope(fake, req)
    names = [(int(c.get("type", 1)), c.get("name")) for c in req.body]
    if len(names) != len(set(names)):
        raise DiscordError(
            400,
            50035,
            "Invalid Form Body",
            {
                "_errors": [
                    {
                        "code": "APPLICATION_COMMANDS_DUPLICATE_NAME",
                        "message": "Application command names must be unique",
                    }
                ]
            },
        )
    return ok([c.payload() for c in fake.state.set_commands(gid, req.body)])


@route("POST", "/applications/{application_id}/commands")
@route("POST", "/applications/{application_id}/guilds/{guild_id}/commands")
async def upsert_command(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    gid = _guild_scope(fake, req)
    bodies = [
        c.data
        for c in fake.state.commands_for(gid)
        if (c.type, c.name) != (int(req.body.get("type", 1)), req.body["name"])
    ]
    commands = fake.state.set_commands(gid, bodies + [req.body])
    return Reply(201, commands[-1].payload())


# --------------------------------------------------------------------------- messages


def _attachments(req: RecordedRequest) -> list[dict[str, Any]]:
    out = []
    for f in req.files:
        out.append(
            {
                "id": f["id"],
                "filename": f["filename"],
                "size": f["size"],
                "url": f"http://127.0.0.1/attachments/{f['filename']}",
                "proxy_url": f"http://127.0.0.1/attachments/{f['filename']}",
                "content_type": f.get("content_type"),
            }
        )
    return out


def apply_edit(msg: dict[str, Any], body: dict[str, Any], req: RecordedRequest) -> None:
    """PATCH semantics for message edits: only keys present in the body change."""
    for key in ("content", "embeds", "components", "poll"):
        if key in body:
            msg[key] = body[key] if body[key] is not None else ([] if key != "content" else "")
    if "flags" in body and body["flags"] is not None:
        # Only SUPPRESS_EMBEDS / COMPONENTS_V2 can change on edit; ephemerality is fixed.
        msg["flags"] = (msg["flags"] & EPHEMERAL) | (
            int(body["flags"]) & ~EPHEMERAL & _SETTABLE_FLAGS
        )
    if "attachments" in body and body["attachments"] is not None:
        # Existing attachments survive only if listed by id; uploaded files are added.
        keep = {str(a.get("id")) for a in body["attachments"]}
        msg["attachments"] = [a for a in msg["attachments"] if a["id"] in keep] + _attachments(req)
    msg["flags"] &= ~LOADING
    msg["edited_timestamp"] = iso_now()


def _live_channel(fake: FakeDiscord, req: RecordedRequest) -> Channel:
    ch = fake.state.find_channel(int(req.params["channel_id"]))
    if ch is None or ch.deleted:
        raise unknown_channel()
    return ch


def _channel_message(fake: FakeDiscord, ch: Channel, message_id: str) -> dict[str, Any]:
    msg = fake.state.messages.get(int(message_id))
    if msg is None or msg["channel_id"] != str(ch.id) or msg.get("_deleted"):
        raise unknown_message()
    return msg


@route("POST", "/users/@me/channels")
async def create_dm(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    body = req.body or {}
    user = fake.state.users.get(int(body.get("recipient_id") or 0))
    if user is None:
        raise DiscordError(400, 50035, "Invalid Form Body")
    return ok(fake.state.dm_channel(user).payload())


@route("GET", "/channels/{channel_id}")
async def get_channel(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    return ok(_live_channel(fake, req).payload())


@route("GET", "/guilds/{guild_id}/channels")
async def list_guild_channels(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    guild = fake.state.find_guild(int(req.params["guild_id"]))
    if guild is None:
        raise DiscordError(404, 10004, "Unknown Guild")
    return ok([c.payload() for c in guild.channels if not c.deleted])


@route("GET", "/guilds/{guild_id}/members/{user_id}")
async def get_member(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    guild = fake.state.find_guild(int(req.params["guild_id"]))
    if guild is None:
        raise DiscordError(404, 10004, "Unknown Guild")
    member = guild.member(int(req.params["user_id"]))
    if member is None:
        raise DiscordError(404, 10007, "Unknown Member")
    return ok(member.payload())


@route("POST", "/channels/{channel_id}/typing")
async def trigger_typing(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    _live_channel(fake, req)
    return NO_CONTENT


@route("GET", "/channels/{channel_id}/messages")
async def list_messages(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    ch = _live_channel(fake, req)
    limit = int(req.query.get("limit", 50))
    msgs = fake.channel_messages(ch)
    return ok([_public(m) for m in reversed(msgs)][:limit])  # newest first, like Discord


@route("GET", "/channels/{channel_id}/messages/{message_id}")
async def get_message(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    ch = _live_channel(fake, req)
    return ok(_public(_channel_message(fake, ch, req.params["message_id"])))


@route("POST", "/channels/{channel_id}/messages")
async def create_message(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    ch = _live_channel(fake, req)
    if not ch.bot_can_send:
        raise missing_permissions()
    body = req.body or {}
    guild = ch.guild
    nonce = body.get("nonce")
    if nonce is not None and body.get("enforce_nonce"):
        # Discord: the same author's message with the same nonce in the past few minutes is
        # returned, and no new message is created.
        seen = fake.nonces.get((ch.id, str(nonce)))
        if seen is not None and fake.clock() - seen[1] <= fake.nonce_window and seen[0] in fake.state.messages:
            return ok(_public(fake.state.messages[seen[0]]))
    extra: dict[str, Any] = {"attachments": _attachments(req)}
    if nonce is not None:
        extra["nonce"] = str(nonce)
    ref = body.get("message_reference")
    if isinstance(ref, dict) and ref.get("message_id") is not None:
        target = fake.state.messages.get(int(ref["message_id"]))
        if target is None and ref.get("fail_if_not_exists", True):
            raise DiscordError(
                400,
                50035,
                "Invalid Form Body",
                {
                    "message_reference": {
                        "_errors": [
                            {
                                "code": "MESSAGE_REFERENCE_UNKNOWN_MESSAGE",
                                "message": "Unknown message",
                            }
                        ]
                    }
                },
            )
        extra.update(
            type=19 if target else 0,
            message_reference={
                "type": 0,
                "message_id": str(ref["message_id"]),
                "channel_id": str(ch.id),
                **({"guild_id": str(guild.id)} if guild else {}),
            },
            referenced_message=_public(target) if target else None,
        )
    msg = fake.state.message_payload(
        channel_id=ch.id,
        author=fake.state.bot_user,
        content=body.get("content") or "",
        embeds=body.get("embeds"),
        components=body.get("components"),
        flags=int(body.get("flags") or 0) & _SETTABLE_FLAGS & ~EPHEMERAL,
        guild_id=guild.id if guild else None,
        member=guild.member(fake.state.bot_user.id) if guild else None,
        extra=extra,
    )
    if nonce is not None and body.get("enforce_nonce"):
        fake.nonces[(ch.id, str(nonce))] = (int(msg["id"]), fake.clock())
    await fake.dispatch("MESSAGE_CREATE", _public(msg))
    return ok(_public(msg))


@route("PATCH", "/channels/{channel_id}/messages/{message_id}")
async def edit_message(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    ch = _live_channel(fake, req)
    msg = _channel_message(fake, ch, req.params["message_id"])
    if msg["author"]["id"] != str(fake.state.bot_user.id):
        body = req.body or {}
        if set(body) - {"flags"}:
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
    apply_edit(msg, req.body or {}, req)
    await fake.dispatch("MESSAGE_UPDATE", _public(msg))
    return ok(_public(msg))


@route("DELETE", "/channels/{channel_id}/messages/{message_id}")
async def delete_message(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    ch = _live_channel(fake, req)
    msg = _channel_message(fake, ch, req.params["message_id"])
    await fake._delete_message(msg)
    return NO_CONTENT


@route("PUT", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me")
async def add_reaction(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    ch = _live_channel(fake, req)
    msg = _channel_message(fake, ch, req.params["message_id"])
    msg.setdefault("_reactions_by_bot", []).append(req.params["emoji_name"])
    return NO_CONTENT


def _public(msg: dict[str, Any]) -> dict[str, Any]:
    """The message without the fake's private bookkeeping keys (``_deleted`` ...)."""
    return {k: v for k, v in msg.items() if not k.startswith("_")}


# --------------------------------------------------------------------------- interactions


def _interaction_message_extra(rec: InteractionRecord, fake: FakeDiscord) -> dict[str, Any]:
    payload = rec.payload
    who = (payload.get("member") or {}).get("user") or payload.get("user")
    data = payload.get("data") or {}
    extra: dict[str, Any] = {
        "interaction_metadata": {
            "id": str(rec.id),
            "type": payload["type"],
            "user": who,
            "authorizing_integration_owners": payload.get("authorizing_integration_owners", {}),
        },
    }
    if payload["type"] == 2:
        # 20 = CHAT_INPUT_COMMAND, 23 = CONTEXT_MENU_COMMAND
        extra["type"] = 20 if data.get("type", 1) == 1 else 23
        extra["interaction"] = {
            "id": str(rec.id),
            "type": 2,
            "name": data.get("name", ""),
            "user": who,
        }
        if data.get("target_id") and data.get("type") == 3:
            extra["interaction_metadata"]["target_message_id"] = data["target_id"]
    elif payload["type"] == 3 and rec.component_message_id is not None:
        extra["type"] = 19  # REPLY-like: component responses reference the clicked message
        extra["interaction_metadata"]["interacted_message_id"] = str(rec.component_message_id)
    return extra


def _new_interaction_message(
    fake: FakeDiscord,
    rec: InteractionRecord,
    body: dict[str, Any],
    req: RecordedRequest,
    *,
    loading: bool = False,
) -> dict[str, Any]:
    payload = rec.payload
    flags = int(body.get("flags") or 0) & _SETTABLE_FLAGS
    if loading:
        flags |= LOADING
    extra = _interaction_message_extra(rec, fake)
    extra["attachments"] = _attachments(req)
    return fake.state.message_payload(
        channel_id=int(payload.get("channel_id") or 0),
        author=fake.state.bot_user,
        content=body.get("content") or "",
        embeds=body.get("embeds"),
        components=body.get("components"),
        flags=flags,
        guild_id=int(payload["guild_id"]) if payload.get("guild_id") else None,
        webhook_id=fake.state.application_id,
        extra=extra,
    )


def _lookup_interaction(fake: FakeDiscord, req: RecordedRequest) -> InteractionRecord:
    rec = fake._interactions.get(int(req.params["interaction_id"]))
    if rec is None or rec.token != req.params["interaction_token"]:
        raise unknown_interaction()
    return rec


@route("POST", "/interactions/{interaction_id}/{interaction_token}/callback")
async def interaction_callback(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    rec = _lookup_interaction(fake, req)
    rec.callbacks.append(CallbackAttempt(req))
    if rec.acknowledged:
        raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
    if req.at - rec.sent_at > fake.interaction_deadline:
        # Discord forgets un-acknowledged interactions after 3 s.
        raise unknown_interaction()
    body = req.body or {}
    ctype = int(body.get("type", 0))
    data = body.get("data") or {}
    itype = rec.payload["type"]
    allowed = {
        1: {CallbackType.PONG},
        2: {4, 5, 9, 12},
        3: {4, 5, 6, 7, 9, 12},
        4: {8},
        5: {4, 5, 6, 7},
    }[itype]
    if ctype not in allowed:
        raise DiscordError(
            400,
            50035,
            "Invalid Form Body",
            {
                "type": {
                    "_errors": [
                        {
                            "code": "INTERACTION_CALLBACK_TYPE_INVALID",
                            "message": f"Callback type {ctype} is not valid for interaction type {itype}",
                        }
                    ]
                }
            },
        )

    message: dict[str, Any] | None = None
    if ctype == CallbackType.CHANNEL_MESSAGE_WITH_SOURCE:
        message = _new_interaction_message(fake, rec, data, req)
        rec.original_id = int(message["id"])
    elif ctype == CallbackType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE:
        message = _new_interaction_message(fake, rec, data, req, loading=True)
        rec.original_id = int(message["id"])
        rec.original_pending = True
    elif ctype in (CallbackType.DEFERRED_UPDATE_MESSAGE, CallbackType.UPDATE_MESSAGE):
        rec.original_id = rec.component_message_id
        message = fake.state.messages.get(rec.component_message_id or 0)
        if ctype == CallbackType.UPDATE_MESSAGE and message is not None:
            apply_edit(message, data, req)
            await fake.dispatch("MESSAGE_UPDATE", _public(message))
        else:
            rec.original_pending = True
    rec.response = body

    if message is not None and ctype in (4, 5) and not message["flags"] & EPHEMERAL:
        await fake.dispatch("MESSAGE_CREATE", _public(message))

    if not _truthy(req.query.get("with_response")):
        return NO_CONTENT
    result: dict[str, Any] = {"interaction": {"id": str(rec.id), "type": itype}}
    if message is not None:
        result["interaction"].update(
            response_message_id=message["id"],
            response_message_loading=bool(message["flags"] & LOADING),
            response_message_ephemeral=bool(message["flags"] & EPHEMERAL),
        )
        result["resource"] = {"type": ctype, "message": _public(message)}
    else:
        result["resource"] = {"type": ctype}
    return ok(result)


def _webhook_interaction(fake: FakeDiscord, req: RecordedRequest) -> InteractionRecord:
    """Interaction webhooks: id = application id, token = interaction token (15 minutes)."""
    if int(req.params["webhook_id"]) != fake.state.application_id:
        raise unknown_webhook()
    rec = fake._interactions_by_token.get(req.params["webhook_token"])
    if rec is None:
        raise unknown_webhook()
    rec.webhook_requests.append(req)
    if req.at - rec.sent_at > fake.followup_window:
        raise DiscordError(401, 50027, "Invalid Webhook Token")
    if not rec.acknowledged:
        # Follow-ups and @original only exist once the interaction was responded to.
        raise unknown_webhook()
    return rec


def _webhook_message(fake: FakeDiscord, rec: InteractionRecord, message_id: str) -> dict[str, Any]:
    if message_id == "@original":
        mid = rec.original_id
        if mid is None or rec.original_deleted:
            raise unknown_message()
    else:
        mid = int(message_id)
        if mid not in rec.followup_ids and mid != rec.original_id:
            raise unknown_message()
    msg = fake.state.messages.get(mid)
    if msg is None or msg.get("_deleted"):
        raise unknown_message()
    return msg


@route("POST", "/webhooks/{webhook_id}/{webhook_token}")
async def execute_webhook(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    rec = _webhook_interaction(fake, req)
    body = req.body or {}
    if rec.original_pending and rec.response and rec.response.get("type") == 5:
        # Discord: the first follow-up after a "thinking" defer *is* the original response.
        msg = fake.state.messages[rec.original_id or 0]
        apply_edit(msg, body, req)
        rec.original_pending = False
        rec.followup_ids.append(int(msg["id"]))
        await fake.dispatch("MESSAGE_UPDATE", _public(msg))
    else:
        msg = _new_interaction_message(fake, rec, body, req)
        rec.followup_ids.append(int(msg["id"]))
        if not msg["flags"] & EPHEMERAL:
            await fake.dispatch("MESSAGE_CREATE", _public(msg))
    if _truthy(req.query.get("wait")):
        return ok(_public(msg))
    return NO_CONTENT


@route("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/@original")
@route("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}")
async def get_webhook_message(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    rec = _webhook_interaction(fake, req)
    return ok(_public(_webhook_message(fake, rec, req.params.get("message_id", "@original"))))


@route("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original")
@route("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}")
async def edit_webhook_message(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    rec = _webhook_interaction(fake, req)
    message_id = req.params.get("message_id", "@original")
    msg = _webhook_message(fake, rec, message_id)
    apply_edit(msg, req.body or {}, req)
    if message_id == "@original" or int(message_id) == rec.original_id:
        rec.original_pending = False
    await fake.dispatch("MESSAGE_UPDATE", _public(msg))
    return ok(_public(msg))


@route("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original")
@route("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}")
async def delete_webhook_message(fake: FakeDiscord, req: RecordedRequest) -> Reply:
    rec = _webhook_interaction(fake, req)
    message_id = req.params.get("message_id", "@original")
    msg = _webhook_message(fake, rec, message_id)
    if message_id == "@original" or int(message_id) == rec.original_id:
        rec.original_deleted = True
        rec.original_pending = False
    await fake._delete_message(msg)
    return NO_CONTENT
