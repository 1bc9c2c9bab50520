"""Discord's documented limits that the OpenAPI schema does not (or cannot) express.

Some of these overlap with ``maxLength``/``maxItems`` in the spec; checking them here too is
harmless and keeps the fake correct if a future spec drops a constraint.  The ones that matter
most are cross-field: the 6000-character budget shared by *all* embeds of one message cannot be
written in JSON Schema at all.

Every ``check_*`` function takes a parsed JSON body and returns a list of ``FieldError`` whose
``path`` is relative to the body passed in (callers prefix it, e.g. with ``("data",)`` for
interaction callbacks).

Sources: https://discord.com/developers/docs/resources/message#embed-object-embed-limits,
.../interactions/application-commands, .../components/reference.
"""

from __future__ import annotations

from typing import Any

from .validation import FieldError

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_EMBED_TITLE = 256
MAX_EMBED_DESCRIPTION = 4096
MAX_EMBED_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FOOTER_TEXT = 2048
MAX_AUTHOR_NAME = 256
MAX_EMBED_TOTAL = 6000
MAX_AUTOCOMPLETE_CHOICES = 25
MAX_CHOICE_NAME = 100
MAX_CHOICE_STRING_VALUE = 100
MAX_ACTION_ROWS = 5
MAX_ROW_BUTTONS = 5
MAX_CUSTOM_ID = 100
MAX_COMMAND_NAME = 32
MAX_COMMAND_DESCRIPTION = 100
MAX_COMMAND_OPTIONS = 25
MAX_COMMAND_CHOICES = 25

IS_COMPONENTS_V2 = 1 << 15  # message flag: layout components, different top-level rules

Path = tuple[str | int, ...]


def _too_long(path: Path, limit: int) -> FieldError:
    return FieldError(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")


def _too_short(path: Path, limit: int) -> FieldError:
    return FieldError(path, "BASE_TYPE_MIN_LENGTH", f"Must be {limit} or more in length.")


def _len(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


def check_message(body: Any) -> list[FieldError]:
    """Message bodies: channel messages, webhook executes/edits, callback ``data`` 4/7."""
    if not isinstance(body, dict):
        return []
    errors: list[FieldError] = []
    content = body.get("content")
    if isinstance(content, str) and len(content) > MAX_CONTENT:
        errors.append(_too_long(("content",), MAX_CONTENT))
    embeds = body.get("embeds")
    if isinstance(embeds, list):
        errors.extend(check_embeds(embeds))
    components = body.get("components")
    if isinstance(components, list):
        flags = body.get("flags") or 0
        errors.extend(check_components(components, v2=bool(int(flags) & IS_COMPONENTS_V2)))
    return errors


def check_embeds(embeds: list[Any]) -> list[FieldError]:
    errors: list[FieldError] = []
    if len(embeds) > MAX_EMBEDS:
        errors.append(_too_long(("embeds",), MAX_EMBEDS))
    total = 0
    for i, embed in enumerate(embeds):
        if not isinstance(embed, dict):
            continue
        base: Path = ("embeds", i)
        title, desc = _len(embed.get("title")), _len(embed.get("description"))
        total += title + desc
        if title > MAX_EMBED_TITLE:
            errors.append(_too_long(base + ("title",), MAX_EMBED_TITLE))
        if desc > MAX_EMBED_DESCRIPTION:
            errors.append(_too_long(base + ("description",), MAX_EMBED_DESCRIPTION))
        fields = embed.get("fields") or []
        if len(fields) > MAX_EMBED_FIELDS:
            errors.append(_too_long(base + ("fields",), MAX_EMBED_FIELDS))
        for j, fld in enumerate(fields):
            if not isinstance(fld, dict):
                continue
            name, value = _len(fld.get("name")), _len(fld.get("value"))
            total += name + value
            if name > MAX_FIELD_NAME:
                errors.append(_too_long(base + ("fields", j, "name"), MAX_FIELD_NAME))
            if value > MAX_FIELD_VALUE:
                errors.append(_too_long(base + ("fields", j, "value"), MAX_FIELD_VALUE))
        footer = embed.get("footer") or {}
        footer_text = _len(footer.get("text")) if isinstance(footer, dict) else 0
        total += footer_text
        if footer_text > MAX_FOOTER_TEXT:
            errors.append(_too_long(base + ("footer", "text"), MAX_FOOTER_TEXT))
        author = embed.get("author") or {}
        author_name = _len(author.get("name")) if isinstance(author, dict) else 0
        total += author_name
        if author_name > MAX_AUTHOR_NAME:
            errors.append(_too_long(base + ("author", "name"), MAX_AUTHOR_NAME))
    if total > MAX_EMBED_TOTAL:
        # Discord reports the shared budget on the "embeds" key itself.
        errors.append(
            FieldError(
                ("embeds",),
                "MESSAGE_EMBED_TOTAL_LENGTH",
                f"Embed size exceeds maximum size of {MAX_EMBED_TOTAL} (got {total}).",
            )
        )
    return errors


def check_components(components: list[Any], *, v2: bool = False) -> list[FieldError]:
    errors: list[FieldError] = []
    # Classic messages: at most 5 action rows. Components V2 messages (flag 1<<15) use a
    # different budget (40 components in total), which we do not model beyond custom_id.
    if not v2 and len(components) > MAX_ACTION_ROWS:
        errors.append(_too_long(("components",), MAX_ACTION_ROWS))

    def walk(node: Any, path: Path) -> None:
        if not isinstance(node, dict):
            return
        custom_id = node.get("custom_id")
        if isinstance(custom_id, str) and len(custom_id) > MAX_CUSTOM_ID:
            errors.append(_too_long(path + ("custom_id",), MAX_CUSTOM_ID))
        children = node.get("components")
        if isinstance(children, list):
            if node.get("type") == 1:
                buttons = [c for c in children if isinstance(c, dict) and c.get("type") == 2]
                if len(buttons) > MAX_ROW_BUTTONS or len(children) > MAX_ROW_BUTTONS:
                    errors.append(_too_long(path + ("components",), MAX_ROW_BUTTONS))
            for k, child in enumerate(children):
                walk(child, path + ("components", k))
        accessory = node.get("accessory")
        if isinstance(accessory, dict):
            walk(accessory, path + ("accessory",))

    for i, row in enumerate(components):
        walk(row, ("components", i))
    return errors


def check_autocomplete_result(data: Any) -> list[FieldError]:
    """``data`` of an interaction callback of type 8 (APPLICATION_COMMAND_AUTOCOMPLETE_RESULT)."""
    if not isinstance(data, dict):
        return []
    errors: list[FieldError] = []
    choices = data.get("choices")
    if not isinstance(choices, list):
        return errors
    if len(choices) > MAX_AUTOCOMPLETE_CHOICES:
        errors.append(_too_long(("choices",), MAX_AUTOCOMPLETE_CHOICES))
    for i, choice in enumerate(choices):
        errors.extend(_check_choice(choice, ("choices", i)))
    return errors


def _check_choice(choice: Any, path: Path) -> list[FieldError]:
    if not isinstance(choice, dict):
        return []
    errors: list[FieldError] = []
    name = choice.get("name")
    if isinstance(name, str):
        if len(name) < 1:
            errors.append(_too_short(path + ("name",), 1))
        elif len(name) > MAX_CHOICE_NAME:
            errors.append(_too_long(path + ("name",), MAX_CHOICE_NAME))
    value = choice.get("value")
    if isinstance(value, str) and len(value) > MAX_CHOICE_STRING_VALUE:
        errors.append(_too_long(path + ("value",), MAX_CHOICE_STRING_VALUE))
    return errors


def check_commands(commands: Any) -> list[FieldError]:
    """Bulk-overwrite body: a list of application commands."""
    if not isinstance(commands, list):
        return []
    errors: list[FieldError] = []
    for i, cmd in enumerate(commands):
        if isinstance(cmd, dict):
            errors.extend(check_command(cmd, (i,)))
    return errors


def check_command(cmd: dict[str, Any], path: Path = ()) -> list[FieldError]:
    errors: list[FieldError] = []
    chat_input = cmd.get("type", 1) == 1
    errors.extend(_name_desc(cmd, path, need_description=chat_input))
    errors.extend(_options(cmd.get("options"), path + ("options",)))
    return errors


def _name_desc(obj: dict[str, Any], path: Path, *, need_description: bool) -> list[FieldError]:
    errors: list[FieldError] = []
    name = obj.get("name")
    if isinstance(name, str):
        if len(name) < 1:
            errors.append(_too_short(path + ("name",), 1))
        elif len(name) > MAX_COMMAND_NAME:
            errors.append(_too_long(path + ("name",), MAX_COMMAND_NAME))
    desc = obj.get("description")
    if isinstance(desc, str) and need_description:
        if len(desc) < 1:
            errors.append(_too_short(path + ("description",), 1))
        elif len(desc) > MAX_COMMAND_DESCRIPTION:
            errors.append(_too_long(path + ("description",), MAX_COMMAND_DESCRIPTION))
    return errors


def _options(options: Any, path: Path) -> list[FieldError]:
    if not isinstance(options, list):
        return []
    errors: list[FieldError] = []
    if len(options) > MAX_COMMAND_OPTIONS:
        errors.append(_too_long(path, MAX_COMMAND_OPTIONS))
    for i, opt in enumerate(options):
        if not isinstance(opt, dict):
            continue
        here = path + (i,)
        errors.extend(_name_desc(opt, here, need_description=True))
        choices = opt.get("choices")
        if isinstance(choices, list):
            if len(choices) > MAX_COMMAND_CHOICES:
                errors.append(_too_long(here + ("choices",), MAX_COMMAND_CHOICES))
            for j, choice in enumerate(choices):
                errors.extend(_check_choice(choice, here + ("choices", j)))
        errors.extend(_options(opt.get("options"), here + ("options",)))
    return errors


_MESSAGE_ROUTES = {
    ("POST", "/channels/{channel_id}/messages"),
    ("PATCH", "/channels/{channel_id}/messages/{message_id}"),
    ("POST", "/webhooks/{webhook_id}/{webhook_token}"),
    ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
    ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"),
}
_BULK_COMMAND_ROUTES = {
    ("PUT", "/applications/{application_id}/commands"),
    ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"),
}
_COMMAND_ROUTES = {
    ("POST", "/applications/{application_id}/commands"),
    ("POST", "/applications/{application_id}/guilds/{guild_id}/commands"),
}
CALLBACK_ROUTE = "/interactions/{interaction_id}/{interaction_token}/callback"


def check_request(method: str, template: str, body: Any) -> list[FieldError]:
    """The limits that apply to ``body`` sent to ``method template``."""
    key = (method, template)
    if key in _MESSAGE_ROUTES:
        return check_message(body)
    if key in _BULK_COMMAND_ROUTES:
        return check_commands(body)
    if key in _COMMAND_ROUTES and isinstance(body, dict):
        return check_command(body)
    if template == CALLBACK_ROUTE and isinstance(body, dict):
        data = body.get("data")
        if body.get("type") in (4, 7):
            errors = check_message(data)
        elif body.get("type") == 8:
            errors = check_autocomplete_result(data)
        else:
            errors = []
        return [FieldError(("data",) + e.path, e.code, e.message) for e in errors]
    return []
