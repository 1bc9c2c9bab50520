"""A trend (bot/service.py's Plenary.trend) as a Discord answer: an embed with the words, in
the reader's language, and the chart as its attached image (bot/render/chart.py). A query that
matches nothing gets the embed alone, saying so: no empty chart."""

from __future__ import annotations

import io
from typing import Any

import discord

from bot.chat.embeds import COLOUR, md
from bot.chat.limits import clip, fit
from bot.render.chart import render_png
from bot.render.labels import t
from bot.render.trend import period_lines, summary_lines

FILENAME = "trend.png"
MAX_PERIOD_LINES = 15  # the busiest periods listed under the chart, at most


def trend_answer(result: dict[str, Any], lang: str) -> tuple[discord.Embed, bytes | None]:
    """The embed and the PNG (None when nothing matched). Drawn in the caller's thread: the
    bot calls it in a worker, off the event loop."""
    e = discord.Embed(title=clip(t(lang, "trend_title", query=result["query"]), 256), colour=COLOUR,
                      description=md("\n".join(summary_lines(result, lang))))
    if not result["found"]:
        return fit([e])[0], None
    lines = period_lines(result, lang)
    if len(lines) > MAX_PERIOD_LINES:
        busiest = sorted(range(len(lines)), key=lambda i: -_paragraphs(result, i))[:MAX_PERIOD_LINES]
        lines = [lines[i] for i in sorted(busiest)] + ["…"]
    e.description = (e.description or "") + "\n\n" + md("\n".join(lines))
    e.set_image(url=f"attachment://{FILENAME}")
    return fit([e])[0], render_png(result, lang)


def _paragraphs(result: dict[str, Any], line: int) -> int:
    """The paragraphs of the ``line``-th period that has any (period_lines' order)."""
    return [p["paragraphs"] for p in result["periods"] if p["paragraphs"]][line]


def chart_file(png: bytes) -> discord.File:
    return discord.File(io.BytesIO(png), filename=FILENAME)
