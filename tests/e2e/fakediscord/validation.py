"""Request validation against Discord's own OpenAPI description, plus Discord's limits.

Two layers, because Discord enforces both and the spec only expresses the first:

1. ``SpecValidator`` checks a JSON body against the request-body schema of the operation in
   ``tests/fixtures/discord-api-spec/openapi.json`` (OpenAPI 3.1 == JSON Schema 2020-12).
   The whole document is registered once in a ``referencing.Registry`` so every ``$ref``
   (``#/components/schemas/...``) resolves against the full document, not against the
   fragment being validated.
2. ``limits.check_*`` (see ``limits.py``) adds the cross-field and documented limits the schema
   does not encode (6000 characters across all embeds, 25 autocomplete choices, ...).

Errors from both layers are folded into Discord's own error tree, e.g.::

    {"code": 50035, "message": "Invalid Form Body",
     "errors": {"embeds": {"0": {"title": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH",
                                                       "message": "..."}]}}}}}

so the bot under test sees exactly what it would see from Discord (discord.py turns it into
``discord.HTTPException`` with ``code == 50035``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jsonschema import Draft202012Validator, validators
from jsonschema import _keywords as _jsonschema_keywords
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "discord-api-spec" / "openapi.json"
# Any absolute URI works; it only names the document inside the registry.
SPEC_URI = "urn:discord-api-spec:openapi.json"

HTTP_METHODS = ("get", "put", "post", "patch", "delete")

# Discord's generic "your body is wrong" error code.
INVALID_FORM_BODY = 50035


@dataclass(frozen=True)
class FieldError:
    """One problem at one location of a request body (``path`` as JSON keys/indices)."""

    path: tuple[str | int, ...]
    code: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"path": list(self.path), "code": self.code, "message": self.message}


@dataclass(frozen=True)
class Operation:
    """One OpenAPI operation, with a compiled matcher for its path template."""

    method: str  # upper case
    template: str  # e.g. "/channels/{channel_id}/messages"
    operation_id: str
    regex: re.Pattern[str]
    params: tuple[str, ...]
    literal_segments: int
    body_schema_pointer: str | None  # JSON pointer to the application/json schema, if any

    def match(self, path: str) -> dict[str, str] | None:
        m = self.regex.fullmatch(path)
        return None if m is None else m.groupdict()


@dataclass
class BodyValidation:
    """Result of validating one body: empty ``errors`` means valid."""

    errors: list[FieldError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def discord_error(self) -> dict[str, Any]:
        return discord_error_body(self.errors)


def discord_error_body(errors: Iterable[FieldError]) -> dict[str, Any]:
    """Fold flat ``FieldError``s into Discord's nested ``{"errors": {...}}`` shape."""
    tree: dict[str, Any] = {}
    for err in errors:
        node = tree
        for key in err.path:
            node = node.setdefault(str(key), {})
        node.setdefault("_errors", []).append({"code": err.code, "message": err.message})
    return {"code": INVALID_FORM_BODY, "message": "Invalid Form Body", "errors": tree}


def _escape_pointer(segment: str) -> str:
    # RFC 6901 escaping, then percent-encoding because the pointer travels in a URI fragment
    # (path templates contain "{" and "}").
    return quote(segment.replace("~", "~0").replace("/", "~1"), safe="")


def _lenient_type(validator, types, instance, schema):
    """``type`` keyword that accepts integers where the spec says "snowflake string".

    Discord accepts snowflakes as JSON numbers as well as strings, and discord.py relies on it
    (``MessageReference.to_dict`` sends ``message_id`` as an int).  Without this every reply
    would be flagged as invalid although Discord accepts it.
    """
    if (
        schema.get("format") == "snowflake"
        and isinstance(instance, int)
        and not isinstance(instance, bool)
        and instance >= 0
    ):
        return
    yield from _jsonschema_keywords.type(validator, types, instance, schema)


_DiscordValidator = validators.extend(Draft202012Validator, {"type": _lenient_type})

# jsonschema keyword -> Discord's error code for the same problem (best effort; the codes
# are what Discord puts in "_errors", tests rarely need more than "it failed here").
_CODES = {
    "maxLength": "BASE_TYPE_MAX_LENGTH",
    "minLength": "BASE_TYPE_MIN_LENGTH",
    "maxItems": "BASE_TYPE_MAX_LENGTH",
    "minItems": "BASE_TYPE_MIN_LENGTH",
    "maximum": "NUMBER_TYPE_MAX",
    "minimum": "NUMBER_TYPE_MIN",
    "required": "BASE_TYPE_REQUIRED",
    "enum": "BASE_TYPE_CHOICES",
    "type": "BASE_TYPE_BAD_TYPE",
    "pattern": "STRING_TYPE_REGEX",
}


class SpecValidator:
    """Routes requests to OpenAPI operations and validates JSON bodies against them."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.registry = Registry().with_resource(
            SPEC_URI, Resource.from_contents(spec, default_specification=DRAFT202012)
        )
        self.operations: list[Operation] = []
        for template, item in spec["paths"].items():
            for method in HTTP_METHODS:
                op = item.get(method)
                if op is None:
                    continue
                self.operations.append(self._compile(method, template, op))
        # Literal segments win over parameters: "/messages/@original" must beat
        # "/messages/{message_id}", just like Discord's router.
        self.operations.sort(key=lambda o: (-o.literal_segments, o.template))
        self._validators: dict[str, Any] = {}

    @staticmethod
    def _compile(method: str, template: str, op: dict[str, Any]) -> Operation:
        params: list[str] = []
        parts = []
        literal = 0
        for seg in template.strip("/").split("/"):
            m = re.fullmatch(r"\{(\w+)\}", seg)
            if m:
                params.append(m.group(1))
                parts.append(f"(?P<{m.group(1)}>[^/]+)")
            else:
                literal += 1
                parts.append(re.escape(seg))
        regex = re.compile("/" + "/".join(parts))
        pointer = None
        content = op.get("requestBody", {}).get("content", {})
        if "application/json" in content:
            segs = [
                "paths",
                template,
                method,
                "requestBody",
                "content",
                "application/json",
                "schema",
            ]
            pointer = "/" + "/".join(_escape_pointer(s) for s in segs)
        return Operation(
            method=method.upper(),
            template=template,
            operation_id=op.get("operationId", ""),
            regex=regex,
            params=tuple(params),
            literal_segments=literal,
            body_schema_pointer=pointer,
        )

    def find(self, method: str, path: str) -> tuple[Operation, dict[str, str]] | None:
        """The operation for ``method path`` (path relative to ``/api/v10``) and its params."""
        method = method.upper()
        for op in self.operations:
            if op.method != method:
                continue
            params = op.match(path)
            if params is not None:
                return op, params
        return None

    def validate(self, op: Operation, body: Any) -> BodyValidation:
        if op.body_schema_pointer is None:
            return BodyValidation()
        validator = self._validators.get(op.body_schema_pointer)
        if validator is None:
            validator = _DiscordValidator(
                {"$ref": f"{SPEC_URI}#{op.body_schema_pointer}"}, registry=self.registry
            )
            self._validators[op.body_schema_pointer] = validator
        return BodyValidation([_to_field_error(e) for e in validator.iter_errors(body)])


def _deepest(error: ValidationError) -> ValidationError:
    """For anyOf/oneOf failures, the branch error that got furthest into the body.

    ``best_match`` prefers *shallow* errors, which for a union such as the interaction callback
    body is the useless "type is not 4" of some other branch.  The branch that matched the
    discriminator fails deeper (``data.choices`` too long), so the deepest error is the one a
    developer wants to read.
    """
    if not error.context:
        return error
    best = max((_deepest(e) for e in error.context), key=lambda e: len(e.absolute_path))
    return best if len(best.absolute_path) > len(error.absolute_path) else error


def _to_field_error(error: ValidationError) -> FieldError:
    error = _deepest(error)
    message = error.message
    if len(message) > 300:
        message = message[:297] + "..."
    return FieldError(
        path=tuple(error.absolute_path),
        code=_CODES.get(str(error.validator), "BASE_TYPE_INVALID"),
        message=message,
    )


@lru_cache(maxsize=1)
def load_spec_validator(path: str = str(SPEC_PATH)) -> SpecValidator:
    """Parse the 1.2 MB spec once per test session; validators are cached per operation."""
    with open(path, encoding="utf-8") as fh:
        return SpecValidator(json.load(fh))
