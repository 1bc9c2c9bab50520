"""What the fake Discord "knows": application, bot user, guilds, channels, members, messages.

Objects are small mutable dataclasses; ``*_payload`` methods render them in the JSON shape
Discord sends (and that discord.py 2.7 parses: e.g. members need ``flags`` and ``roles``,
text channels need ``position``, users need ``discriminator`` and ``avatar``).
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1420070400000


class Permissions:
    """The permission bits the fake cares about (values from Discord's docs)."""

    CREATE_INSTANT_INVITE = 1 << 0
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    USE_EXTERNAL_EMOJIS = 1 << 18
    USE_APPLICATION_COMMANDS = 1 << 31
    SEND_MESSAGES_IN_THREADS = 1 << 38

    EVERYONE = (
        CREATE_INSTANT_INVITE
        | ADD_REACTIONS
        | VIEW_CHANNEL
        | SEND_MESSAGES
        | EMBED_LINKS
        | ATTACH_FILES
        | READ_MESSAGE_HISTORY
        | USE_EXTERNAL_EMOJIS
        | USE_APPLICATION_COMMANDS
        | SEND_MESSAGES_IN_THREADS
    )


class ChannelType:
    GUILD_TEXT = 0
    DM = 1
    GUILD_CATEGORY = 4


class SnowflakeFactory:
    """Monotonic snowflakes with a real timestamp part, so ``discord.utils.snowflake_time``
    and ``created_at`` give sensible values."""

    def __init__(self) -> None:
        self._counter = itertools.count()

    def __call__(self) -> int:
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._counter) & 0x3FFFFF)


def iso_now() -> str:
    return datetime.now(UTC).isoformat()


@dataclass
class User:
    id: int
    username: str
    global_name: str | None = None
    bot: bool = False

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.username,
            "global_name": self.global_name,
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
            "flags": 0,
        }

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"


@dataclass
class Role:
    id: int
    name: str
    permissions: int
    position: int = 0

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }


@dataclass
class Member:
    user: User
    guild: Guild
    roles: list[Role] = field(default_factory=list)
    nick: str | None = None
    joined_at: str = field(default_factory=iso_now)

    @property
    def id(self) -> int:
        return self.user.id

    @property
    def permissions(self) -> int:
        """Guild-level permissions (everyone role + own roles); owner and admins get all."""
        if self.user.id == self.guild.owner_id:
            return (1 << 53) - 1
        perms = self.guild.everyone_role.permissions
        for role in self.roles:
            perms |= role.permissions
        if perms & Permissions.ADMINISTRATOR:
            return (1 << 53) - 1
        return perms

    def permissions_in(self, channel: Channel | None) -> int:
        perms = self.permissions
        if channel is not None and not (perms & Permissions.ADMINISTRATOR):
            for ow in channel.overwrites:
                if int(ow["id"]) in (self.guild.id, self.user.id) or int(ow["id"]) in {
                    r.id for r in self.roles
                }:
                    perms &= ~int(ow["deny"])
                    perms |= int(ow["allow"])
        return perms

    def payload(self, *, with_user: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "roles": [str(r.id) for r in self.roles],
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user.payload()
        return data

    @property
    def mention(self) -> str:
        return self.user.mention


@dataclass
class Channel:
    id: int
    guild: Guild | None
    name: str
    type: int = ChannelType.GUILD_TEXT
    position: int = 0
    topic: str | None = None
    parent_id: int | None = None
    overwrites: list[dict[str, Any]] = field(default_factory=list)
    deleted: bool = False
    # Test switch: when False, POST /channels/{id}/messages answers 403 / 50013.
    bot_can_send: bool = True
    recipient: User | None = None  # a DM channel's other end

    def payload(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "type": self.type,
            "name": self.name,
            "position": self.position,
            "permission_overwrites": list(self.overwrites),
            "parent_id": None if self.parent_id is None else str(self.parent_id),
            "nsfw": False,
            "flags": 0,
        }
        if self.type == ChannelType.GUILD_TEXT:
            data.update(
                topic=self.topic,
                last_message_id=None,
                rate_limit_per_user=0,
                last_pin_timestamp=None,
            )
        if self.guild is not None:
            data["guild_id"] = str(self.guild.id)
        if self.type == ChannelType.DM:
            data = {"id": str(self.id), "type": self.type, "last_message_id": None, "flags": 0,
                    "recipients": [self.recipient.payload()] if self.recipient else []}
        return data

    def interaction_payload(self, member: Member | None) -> dict[str, Any]:
        """Channel object as embedded in interactions / ``resolved.channels`` (adds the
        invoking member's computed ``permissions``)."""
        data = self.payload()
        perms = member.permissions_in(self) if member is not None else Permissions.EVERYONE
        data["permissions"] = str(perms)
        return data

    @property
    def mention(self) -> str:
        return f"<#{self.id}>"


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    everyone_role: Role
    roles: list[Role] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    preferred_locale: str = "en-US"

    def channel(self, name_or_id: str | int) -> Channel:
        for ch in self.channels:
            if ch.id == name_or_id or ch.name == str(name_or_id).lstrip("#"):
                return ch
        raise KeyError(f"no channel {name_or_id!r} in guild {self.name!r}")

    def member(self, user_id: int) -> Member | None:
        return next((m for m in self.members if m.user.id == user_id), None)

    def create_payload(
        self, *, bot_id: int | None = None, all_members: bool = True
    ) -> dict[str, Any]:
        """GUILD_CREATE payload.

        With ``all_members`` (the client has the GUILD_MEMBERS intent) every member is
        included, so ``member_count == len(members)`` and discord.py considers the guild
        chunked and never sends REQUEST_GUILD_MEMBERS.  Without it Discord sends only the
        bot's own member, and so do we (``bot_id``)."""
        live = [c for c in self.channels if not c.deleted]
        members = [m for m in self.members if all_members or m.user.id == bot_id]
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner_id),
            "region": None,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": self.preferred_locale,
            "features": [],
            "roles": [self.everyone_role.payload()] + [r.payload() for r in self.roles],
            "emojis": [],
            "stickers": [],
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "vanity_url_code": None,
            "max_members": 500000,
            "max_video_channel_users": 25,
            "application_id": None,
            "joined_at": iso_now(),
            "large": False,
            "unavailable": False,
            "member_count": len(self.members),
            "members": [m.payload() for m in members],
            "channels": [c.payload() for c in live],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "premium_progress_bar_enabled": False,
            "nsfw": False,
        }


@dataclass
class Command:
    """An application command as registered by the bot (PUT bulk overwrite / POST)."""

    id: int
    application_id: int
    guild_id: int | None
    data: dict[str, Any]  # the body the bot sent for this command
    version: int

    @property
    def name(self) -> str:
        return self.data["name"]

    @property
    def type(self) -> int:
        return int(self.data.get("type", 1))

    def payload(self) -> dict[str, Any]:
        data = dict(self.data)
        data.update(
            id=str(self.id),
            application_id=str(self.application_id),
            version=str(self.version),
            type=self.type,
            description=self.data.get("description", ""),
            options=self.data.get("options", []),
            default_member_permissions=self.data.get("default_member_permissions"),
            nsfw=bool(self.data.get("nsfw", False)),
        )
        if self.guild_id is not None:
            data["guild_id"] = str(self.guild_id)
        data.setdefault("dm_permission", True)
        data.setdefault("contexts", None)
        data.setdefault("integration_types", [0])
        return data


class FakeState:
    """The world of one fake Discord: built with the default test fixture contents.

    Defaults (ids are fresh snowflakes each time):
      * application ``Plenary`` whose bot user is ``Plenary#0``;
      * guild ``Plenary Test`` with text channels ``#general`` and ``#digests``;
      * members ``admin`` (role "Admin" with MANAGE_GUILD) and ``user`` (no MANAGE_GUILD),
        plus the bot itself (role "Plenary").
    """

    def __init__(self, *, token: str = "fake-bot-token") -> None:
        self.snowflake = SnowflakeFactory()
        self.token = token
        self.application_id = self.snowflake()
        self.application_flags = 1 << 23  # GATEWAY_MESSAGE_CONTENT_LIMITED, like a new bot
        self.bot_user = User(self.application_id, "Plenary", bot=True)
        self.owner_user = User(self.snowflake(), "owner", "App Owner")
        self.guilds: list[Guild] = []
        self.users: dict[int, User] = {self.bot_user.id: self.bot_user}
        # message id -> message payload (channel messages and interaction messages alike)
        self.messages: dict[int, dict[str, Any]] = {}
        self.dm_channels: dict[int, Channel] = {}  # user id → the bot's DM channel with them
        self.global_commands: list[Command] = []
        self.guild_commands: dict[int, list[Command]] = {}
        self._command_ids: dict[tuple[int | None, int, str], int] = {}
        self._command_version = itertools.count(1)

        guild = self.create_guild("Plenary Test")
        self.guild = guild
        self.general = self.create_channel(guild, "general")
        self.digests = self.create_channel(guild, "digests")
        admin_role = self.create_role(
            guild,
            "Admin",
            Permissions.EVERYONE
            | Permissions.MANAGE_GUILD
            | Permissions.MANAGE_MESSAGES
            | Permissions.MANAGE_CHANNELS,
        )
        bot_role = self.create_role(guild, "Plenary", Permissions.EVERYONE)
        self.bot_member = self.add_member(guild, self.bot_user, roles=[bot_role])
        self.admin = self.add_member(
            guild, self.create_user("admin", "Ada Admin"), roles=[admin_role]
        )
        self.user = self.add_member(guild, self.create_user("user", "Uma User"))

    # ----------------------------------------------------------------- builders
    def create_user(
        self, username: str, global_name: str | None = None, *, bot: bool = False
    ) -> User:
        user = User(self.snowflake(), username, global_name, bot=bot)
        self.users[user.id] = user
        return user

    def create_guild(self, name: str) -> Guild:
        gid = self.snowflake()
        # The @everyone role's id is the guild id, as on Discord.
        guild = Guild(gid, name, self.owner_user.id, Role(gid, "@everyone", Permissions.EVERYONE))
        self.guilds.append(guild)
        return guild

    def create_channel(
        self,
        guild: Guild,
        name: str,
        *,
        type: int = ChannelType.GUILD_TEXT,
        topic: str | None = None,
    ) -> Channel:
        ch = Channel(
            self.snowflake(), guild, name, type=type, position=len(guild.channels), topic=topic
        )
        guild.channels.append(ch)
        return ch

    def create_role(self, guild: Guild, name: str, permissions: int) -> Role:
        role = Role(self.snowflake(), name, permissions, position=len(guild.roles) + 1)
        guild.roles.append(role)
        return role

    def add_member(self, guild: Guild, user: User, *, roles: list[Role] | None = None) -> Member:
        member = Member(user, guild, roles=list(roles or []))
        guild.members.append(member)
        self.users[user.id] = user
        return member

    # ----------------------------------------------------------------- lookups
    def find_channel(self, channel_id: int) -> Channel | None:
        for guild in self.guilds:
            for ch in guild.channels:
                if ch.id == channel_id:
                    return ch
        return next((ch for ch in self.dm_channels.values() if ch.id == channel_id), None)

    def dm_channel(self, user: User) -> Channel:
        """The bot's direct-message channel with ``user`` (made on first use, as Discord does)."""
        if user.id not in self.dm_channels:
            self.dm_channels[user.id] = Channel(self.snowflake(), None, "", type=ChannelType.DM, recipient=user)
        return self.dm_channels[user.id]

    def find_guild(self, guild_id: int) -> Guild | None:
        return next((g for g in self.guilds if g.id == guild_id), None)

    def commands_for(self, guild_id: int | None) -> list[Command]:
        if guild_id is None:
            return self.global_commands
        return self.guild_commands.setdefault(guild_id, [])

    def set_commands(self, guild_id: int | None, bodies: list[dict[str, Any]]) -> list[Command]:
        """Bulk overwrite. Ids are stable per (guild, type, name), as on Discord."""
        out = []
        for body in bodies:
            key = (guild_id, int(body.get("type", 1)), body["name"])
            cid = self._command_ids.setdefault(key, self.snowflake())
            out.append(
                Command(cid, self.application_id, guild_id, body, next(self._command_version))
            )
        if guild_id is None:
            self.global_commands = out
        else:
            self.guild_commands[guild_id] = out
        return out

    def find_command(
        self, name: str, *, type: int = 1, guild_id: int | None = None
    ) -> Command | None:
        """Guild commands shadow global ones, as in the Discord client's command picker."""
        scopes = ([self.commands_for(guild_id)] if guild_id is not None else []) + [
            self.global_commands
        ]
        for commands in scopes:
            for cmd in commands:
                if cmd.name == name and cmd.type == type:
                    return cmd
        return None

    # ----------------------------------------------------------------- messages
    def message_payload(
        self,
        *,
        channel_id: int,
        author: User,
        content: str = "",
        embeds: list[dict[str, Any]] | None = None,
        components: list[dict[str, Any]] | None = None,
        flags: int = 0,
        guild_id: int | None = None,
        member: Member | None = None,
        webhook_id: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A complete message object, as Discord returns it from POST .../messages."""
        msg: dict[str, Any] = {
            "id": str(self.snowflake()),
            "type": 0,
            "channel_id": str(channel_id),
            "author": author.payload(),
            "content": content,
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "mention_channels": [],
            "attachments": [],
            "embeds": list(embeds or []),
            "components": list(components or []),
            "reactions": [],
            "pinned": False,
            "flags": flags,
            "nonce": None,
        }
        if guild_id is not None:
            msg["guild_id"] = str(guild_id)
        if member is not None:
            msg["member"] = member.payload(with_user=False)
        if webhook_id is not None:
            msg["webhook_id"] = str(webhook_id)
            msg["application_id"] = str(self.application_id)
        if extra:
            msg.update(extra)
        self.messages[int(msg["id"])] = msg
        return msg
