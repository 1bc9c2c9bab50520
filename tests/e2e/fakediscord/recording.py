"""Records of what the bot did, for assertions: HTTP requests and interaction lifecycles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .validation import FieldError


@dataclass
class RecordedRequest:
    """One HTTP request the bot made, with what the fake answered.

    ``path`` is relative to ``/api/v10`` (``/channels/123/messages``); ``route`` is the
    OpenAPI template it matched (``/channels/{channel_id}/messages``) or ``None``.
    ``body`` is the parsed JSON body, or the ``payload_json`` part of a multipart body.
    """

    method: str
    path: str
    route: str | None
    params: dict[str, str]
    query: dict[str, str]
    headers: dict[str, str]
    body: Any = None
    files: list[dict[str, Any]] = field(default_factory=list)
    status: int = 0
    response: Any = None
    errors: list[FieldError] = field(default_factory=list)
    at: float = 0.0

    @property
    def error_code(self) -> int | None:
        """Discord's JSON error ``code`` when the request failed, else ``None``."""
        if isinstance(self.response, dict) and self.status >= 400:
            return self.response.get("code")
        return None

    def __repr__(self) -> str:  # short, so assertion messages stay readable
        return f"<{self.method} {self.path} -> {self.status}>"


@dataclass
class ValidationFailure:
    """A request rejected with 400/50035: which request, and every field problem found."""

    request: RecordedRequest
    errors: list[FieldError]

    def __repr__(self) -> str:
        where = "; ".join(".".join(map(str, e.path)) + f": {e.message}" for e in self.errors[:5])
        return f"<ValidationFailure {self.request.method} {self.request.route}: {where}>"


@dataclass
class CallbackAttempt:
    """One POST .../callback for an interaction, accepted or not."""

    request: RecordedRequest

    @property
    def status(self) -> int:
        return self.request.status

    @property
    def ok(self) -> bool:
        return 200 <= self.request.status < 300

    @property
    def code(self) -> int | None:
        return self.request.error_code


@dataclass
class InteractionRecord:
    """Server-side life of one interaction the fake sent."""

    id: int
    token: str
    payload: dict[str, Any]
    sent_at: float
    callbacks: list[CallbackAttempt] = field(default_factory=list)
    response: dict[str, Any] | None = None  # accepted callback body
    original_id: int | None = None  # message id behind @original
    # True after a deferred callback (5 or 6) until @original is edited: "thinking...".
    original_pending: bool = False
    original_deleted: bool = False
    followup_ids: list[int] = field(default_factory=list)
    component_message_id: int | None = None
    webhook_requests: list[RecordedRequest] = field(default_factory=list)

    @property
    def acknowledged(self) -> bool:
        return self.response is not None
