"""The one error the readers raise."""

from __future__ import annotations

from bot.model import ParseError


class ReadError(ParseError):
    """A file Plenary can't turn into text; the message says why, in plain words."""
