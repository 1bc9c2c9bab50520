"""Fixtures for end-to-end tests against the loopback fake Discord (tests/e2e/fakediscord)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fakediscord import FakeDiscord


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started FakeDiscord on a free 127.0.0.1 port, with discord.py pointed at it
    (``Route.BASE`` and the default gateway URL are restored afterwards)."""
    async with FakeDiscord() as fake:
        with fake.patch_discord():
            yield fake
