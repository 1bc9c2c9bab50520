"""Builders for INTERACTION_CREATE payloads, shaped like the ones Discord sends.

These are pure functions over ``state`` objects: they do not send anything.  ``FakeDiscord``
(server.py) wraps them in ``invoke_slash`` / ``autocomplete`` / ``click`` / ``message_command``.

What discord.py 2.7.1 needs, learned from its source (``Interaction._from_data``):
  * ``attachment_size_limit`` is *required* (KeyError otherwise);
  * ``member.permissions`` becomes ``interaction.permissions``; ``app_permissions`` becomes
    ``interaction.app_permissions``;
  * ``data.guild_id`` is how the command tree tells a guild command from a global one;
  * ``resolved.channels[*]`` need ``permissions``; ``resolved.messages[*]`` are full messages.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from .state import Channel, Command, FakeState, Guild, Member, Role, User

VERSION = 1


class InteractionType:
    PING = 1
    APPLICATION_COMMAND = 2
    MESSAGE_COMPONENT = 3
    APPLICATION_COMMAND_AUTOCOMPLETE = 4
    MODAL_SUBMIT = 5


class OptionType:
    SUB_COMMAND = 1
    SUB_COMMAND_GROUP = 2
    STRING = 3
    INTEGER = 4
    BOOLEAN = 5
    USER = 6
    CHANNEL = 7
    ROLE = 8
    MENTIONABLE = 9
    NUMBER = 10
    ATTACHMENT = 11


class CommandType:
    CHAT_INPUT = 1
    USER = 2
    MESSAGE = 3


class ComponentType:
    BUTTON = 2
    STRING_SELECT = 3


class UnknownCommand(LookupError):
    """The test invoked a command the bot never registered (or registered differently)."""


def new_token() -> str:
    return "aW50ZXJhY3Rpb246" + secrets.token_urlsafe(48)


def interaction(
    state: FakeState,
    *,
    type: int,
    data: dict[str, Any] | None,
    member: Member | None,
    channel: Channel | None,
    locale: str = "en-US",
    user: User | None = None,
    message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The common envelope of every interaction.

    Guild interactions carry ``member`` (with ``user`` inside); DMs carry ``user`` only.
    """
    guild: Guild | None = member.guild if member is not None else None
    if guild is None and channel is not None:
        guild = channel.guild
    payload: dict[str, Any] = {
        "id": str(state.snowflake()),
        "application_id": str(state.application_id),
        "type": type,
        "token": new_token(),
        "version": VERSION,
        "locale": locale,
        "entitlements": [],
        "entitlement_sku_ids": [],
        "attachment_size_limit": 10 * 1024 * 1024,
    }
    if data is not None:
        payload["data"] = data
    if message is not None:
        payload["message"] = message
    if guild is not None:
        assert member is not None, "a guild interaction needs a member"
        bot = guild.member(state.bot_user.id)
        app_perms = bot.permissions_in(channel) if bot is not None else 0
        payload.update(
            guild_id=str(guild.id),
            guild={"id": str(guild.id), "locale": guild.preferred_locale, "features": []},
            guild_locale=guild.preferred_locale,
            member={**member.payload(), "permissions": str(member.permissions_in(channel))},
            app_permissions=str(app_perms),
            # 0 = GUILD_INSTALL: the bot was added to this guild.
            authorizing_integration_owners={"0": str(guild.id)},
            context=0,  # GUILD
        )
    else:
        who = user or (member.user if member else None)
        assert who is not None, "a DM interaction needs a user"
        payload.update(
            user=who.payload(),
            app_permissions=str(0),
            authorizing_integration_owners={"0": str(who.id)},
            context=1,  # BOT_DM
        )
    if channel is not None:
        payload["channel_id"] = str(channel.id)
        payload["channel"] = channel.interaction_payload(member)
    return payload


# --------------------------------------------------------------------------- options


def _find_option(defs: list[dict[str, Any]], name: str, where: str) -> dict[str, Any]:
    for opt in defs:
        if opt.get("name") == name:
            return opt
    known = ", ".join(o.get("name", "?") for o in defs) or "none"
    raise UnknownCommand(f"{where} has no option {name!r} (registered options: {known})")


def _resolve_channel(state: FakeState, guild: Guild | None, value: Any) -> Channel:
    if isinstance(value, Channel):
        return value
    if isinstance(value, int):
        ch = state.find_channel(value)
        if ch is not None:
            return ch
    if isinstance(value, str) and guild is not None:
        return guild.channel(value)
    raise ValueError(f"cannot turn {value!r} into a channel")


def _option_value(
    state: FakeState,
    opt_def: dict[str, Any],
    value: Any,
    resolved: dict[str, dict[str, Any]],
    member: Member | None,
    guild: Guild | None,
) -> Any:
    """Convert a Python value to the wire value for ``opt_def``'s type, filling ``resolved``."""
    t = int(opt_def["type"])
    if t == OptionType.STRING:
        return str(value)
    if t == OptionType.INTEGER:
        return int(value)
    if t == OptionType.NUMBER:
        return float(value)
    if t == OptionType.BOOLEAN:
        return bool(value)
    if t == OptionType.CHANNEL:
        ch = _resolve_channel(state, guild, value)
        resolved.setdefault("channels", {})[str(ch.id)] = ch.interaction_payload(member)
        return str(ch.id)
    if t in (OptionType.USER, OptionType.MENTIONABLE) and isinstance(value, (Member, User)):
        user = value.user if isinstance(value, Member) else value
        resolved.setdefault("users", {})[str(user.id)] = user.payload()
        m = value if isinstance(value, Member) else (guild.member(user.id) if guild else None)
        if m is not None:
            resolved.setdefault("members", {})[str(user.id)] = {
                **m.payload(with_user=False),
                "permissions": str(m.permissions),
            }
        return str(user.id)
    if t in (OptionType.ROLE, OptionType.MENTIONABLE) and isinstance(value, Role):
        resolved.setdefault("roles", {})[str(value.id)] = value.payload()
        return str(value.id)
    if t == OptionType.ATTACHMENT and isinstance(value, Mapping):
        att = dict(value)
        att.setdefault("id", str(state.snowflake()))
        att.setdefault("filename", "file.txt")
        att.setdefault("size", 0)
        att.setdefault("url", "http://127.0.0.1/attachments/file.txt")
        att.setdefault("proxy_url", att["url"])
        resolved.setdefault("attachments", {})[str(att["id"])] = att
        return str(att["id"])
    raise ValueError(f"unsupported value {value!r} for option {opt_def.get('name')!r} (type {t})")


def build_options(
    state: FakeState,
    command: Command,
    path: list[str],
    values: Mapping[str, Any],
    *,
    member: Member | None,
    guild: Guild | None,
    focused: str | None = None,
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """``data.options`` and ``data.resolved`` for ``/command path... name=value...``.

    ``path`` is the subcommand group/subcommand chain (``["subscribe"]`` for
    ``/digest subscribe``).  For autocomplete, ``focused`` names the option being typed: its
    value is sent as the raw string typed so far and the required-options check is skipped,
    as in Discord's client.
    """
    resolved: dict[str, dict[str, Any]] = {}
    defs: list[dict[str, Any]] = list(command.data.get("options") or [])
    where = f"/{command.name}"
    chain: list[dict[str, Any]] = []
    for name in path:
        opt = _find_option(defs, name, where)
        if int(opt["type"]) not in (OptionType.SUB_COMMAND, OptionType.SUB_COMMAND_GROUP):
            raise UnknownCommand(f"{where} {name}: {name!r} is an option, not a subcommand")
        chain.append(opt)
        defs = list(opt.get("options") or [])
        where = f"{where} {name}"
    if any(int(o["type"]) in (OptionType.SUB_COMMAND, OptionType.SUB_COMMAND_GROUP) for o in defs):
        subs = ", ".join(o["name"] for o in defs)
        raise UnknownCommand(f"{where} needs a subcommand (one of: {subs})")

    leaf: list[dict[str, Any]] = []
    for name, value in values.items():
        opt_def = _find_option(defs, name, where)
        if name == focused:
            leaf.append(
                {"name": name, "type": int(opt_def["type"]), "value": str(value), "focused": True}
            )
        else:
            wire = _option_value(state, opt_def, value, resolved, member, guild)
            leaf.append({"name": name, "type": int(opt_def["type"]), "value": wire})
    if focused is None:
        missing = [o["name"] for o in defs if o.get("required") and o["name"] not in values]
        if missing:
            raise ValueError(f"{where}: missing required option(s) {missing}")
    elif focused not in values:
        raise ValueError(f"focused option {focused!r} must be given a (partial) value")

    options = leaf
    for opt in reversed(chain):
        options = [{"name": opt["name"], "type": int(opt["type"]), "options": options}]
    return options, resolved


def command_data(command: Command, guild: Guild | None) -> dict[str, Any]:
    data: dict[str, Any] = {"id": str(command.id), "name": command.name, "type": command.type}
    if command.guild_id is not None:
        data["guild_id"] = str(command.guild_id)
    return data


def slash_command(
    state: FakeState,
    command: Command,
    path: list[str],
    values: Mapping[str, Any],
    *,
    member: Member,
    channel: Channel | None,
    locale: str = "en-US",
) -> dict[str, Any]:
    options, resolved = build_options(
        state, command, path, values, member=member, guild=member.guild
    )
    data = command_data(command, member.guild)
    data["options"] = options
    if resolved:
        data["resolved"] = resolved
    return interaction(
        state,
        type=InteractionType.APPLICATION_COMMAND,
        data=data,
        member=member,
        channel=channel,
        locale=locale,
    )


def autocomplete(
    state: FakeState,
    command: Command,
    path: list[str],
    values: Mapping[str, Any],
    focused: str,
    *,
    member: Member,
    channel: Channel | None,
    locale: str = "en-US",
) -> dict[str, Any]:
    options, resolved = build_options(
        state, command, path, values, member=member, guild=member.guild, focused=focused
    )
    data = command_data(command, member.guild)
    data["options"] = options
    if resolved:
        data["resolved"] = resolved
    return interaction(
        state,
        type=InteractionType.APPLICATION_COMMAND_AUTOCOMPLETE,
        data=data,
        member=member,
        channel=channel,
        locale=locale,
    )


def component(
    state: FakeState,
    message: dict[str, Any],
    custom_id: str,
    *,
    member: Member,
    channel: Channel | None,
    component_type: int = ComponentType.BUTTON,
    values: list[str] | None = None,
    locale: str = "en-US",
) -> dict[str, Any]:
    data: dict[str, Any] = {"custom_id": custom_id, "component_type": component_type}
    if values is not None:
        data["values"] = list(values)
    return interaction(
        state,
        type=InteractionType.MESSAGE_COMPONENT,
        data=data,
        member=member,
        channel=channel,
        locale=locale,
        message=message,
    )


def message_command(
    state: FakeState,
    command: Command,
    target: dict[str, Any],
    *,
    member: Member,
    channel: Channel | None,
    locale: str = "en-US",
) -> dict[str, Any]:
    data = command_data(command, member.guild)
    data["target_id"] = target["id"]
    data["resolved"] = {"messages": {target["id"]: target}}
    return interaction(
        state,
        type=InteractionType.APPLICATION_COMMAND,
        data=data,
        member=member,
        channel=channel,
        locale=locale,
    )


def user_command(
    state: FakeState,
    command: Command,
    target: Member,
    *,
    member: Member,
    channel: Channel | None,
    locale: str = "en-US",
) -> dict[str, Any]:
    data = command_data(command, member.guild)
    data["target_id"] = str(target.id)
    data["resolved"] = {
        "users": {str(target.id): target.user.payload()},
        "members": {
            str(target.id): {
                **target.payload(with_user=False),
                "permissions": str(target.permissions),
            }
        },
    }
    return interaction(
        state,
        type=InteractionType.APPLICATION_COMMAND,
        data=data,
        member=member,
        channel=channel,
        locale=locale,
    )
