"""Fixtures for end-to-end tests against the loopback fake Discord (tests/e2e/fakediscord)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from fakediscord import FakeDiscord, RecordedRequest
from fakediscord.limits import CALLBACK_ROUTE

# Where a body the bot sends becomes (or edits) a message someone reads.
MESSAGE_ROUTES = {
    ("POST", "/channels/{channel_id}/messages"),
    ("PATCH", "/channels/{channel_id}/messages/{message_id}"),
    ("POST", "/webhooks/{webhook_id}/{webhook_token}"),  # follow-ups
    ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
    ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"),
    ("POST", CALLBACK_ROUTE),  # interaction responses (type 4, 7)
}


def message_bodies(fake: FakeDiscord) -> list[tuple[RecordedRequest, dict[str, Any]]]:
    """Every message body the bot sent (accepted or not) that carries content or embeds:
    channel messages and their edits, interaction responses, follow-ups and their edits."""
    out = []
    for r in fake.requests:
        if (r.method, r.route) not in MESSAGE_ROUTES or not isinstance(r.body, dict):
            continue
        data = r.body.get("data") if r.route == CALLBACK_ROUTE else r.body
        if isinstance(data, dict) and (data.get("content") or data.get("embeds")):
            out.append((r, data))
    return out


def could_ping(fake: FakeDiscord) -> list[tuple[RecordedRequest, Any]]:
    """The message bodies that would let Discord notify someone: no ``allowed_mentions``, or one
    that parses mentions, lists users or roles, or pings the author of a replied-to message."""
    bad = []
    for r, data in message_bodies(fake):
        am = data.get("allowed_mentions")
        if not (isinstance(am, dict) and am.get("parse") == [] and not am.get("users") and not am.get("roles")
                and not am.get("replied_user")):
            bad.append((r, am))
    return bad


@pytest.fixture
async def fake_discord(request: pytest.FixtureRequest) -> AsyncIterator[FakeDiscord]:
    """A started FakeDiscord on a free 127.0.0.1 port, with discord.py pointed at it
    (``Route.BASE`` and the default gateway URL are restored afterwards).

    After every test, whatever it asserted itself, two rules are checked here:

    * Discord rejected no body the bot sent (``fake.validation_errors == []``: the OpenAPI
      schema and Discord's limits: 6000 characters of embeds, 25 choices, 2000 of content...);
    * no message the bot sent, edited or answered an interaction with (content or embeds)
      could ping anyone: each carries ``allowed_mentions`` with ``parse == []`` (and no users,
      roles or replied user).

    A test that provokes a rejection on purpose opts out of the first rule, and only that one,
    with ``@pytest.mark.rejections_expected``. Those that do, all in test_fakediscord.py (they
    test the fake itself with a TinyBot, not Plenary's bot):

    * ``test_embeds_over_6000_characters_are_rejected``: the fake must refuse two embeds of
      6500 characters in all (50035 on ``data.embeds``);
    * ``test_autocomplete_with_26_choices_is_rejected``: the fake must refuse 26 choices.
    """
    async with FakeDiscord() as fake:
        with fake.patch_discord():
            yield fake
    if not request.node.get_closest_marker("rejections_expected"):
        assert fake.validation_errors == [], f"Discord rejected bodies the bot sent: {fake.validation_errors}"
    pings = could_ping(fake)
    assert pings == [], f"messages that could ping (request, allowed_mentions): {pings}"
