"""A trend (bot/answers/trend.py) drawn as a PNG: matching paragraphs per period, stacked by
body, each bar's total above it.

matplotlib draws off screen (the Agg canvas, no pyplot: nothing global, safe in the bot's
worker threads). The image always carries numbers, years, months and symbols; words (the
title, the axis, the bodies' names) only in a font that can draw them: in Chinese when the
system has a CJK font (matplotlib's font list is asked, once), else the chart keeps to body
codes (GA, SC) and ¶, and the reader's words go in the message beside it.
"""

from __future__ import annotations

import functools
import io
import logging
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.ticker import MaxNLocator

from bot.render.labels import t

# A CJK font with no "normal" weight (WenQuanYi's is 500) is taken as it is: no warning per chart.
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

WIDTH, HEIGHT, DPI = 8.0, 4.5, 100  # 800 × 450 pixels
MAX_TICKS = 24  # period labels drawn at most; the others are left out evenly
MAX_LABELS = 16  # bars that each carry their total; with more, only the highest does
MAX_TITLE = 40  # characters of the query in the title, the legend beside it
COLOURS = {"GA": "#009edb", "SC": "#1f3864", "ECOSOC": "#f39c12", "HRC": "#27ae60", "other": "#95a5a6"}
BASE_FONT = "DejaVu Sans"  # matplotlib's own: Latin, Greek, Cyrillic, digits, ¶
# Fonts tried for Chinese, best first; any other installed font that draws 中文 does too.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "AR PL UMing CN", "Droid Sans Fallback")


@functools.lru_cache(maxsize=64)
def _charmap(path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    try:
        return frozenset(FT2Font(path).get_charmap())
    except (OSError, RuntimeError, ValueError):
        return frozenset()


@functools.lru_cache(maxsize=1)
def cjk_font() -> tuple[str, str] | None:
    """(name, file) of an installed font that draws Chinese, or None."""
    fonts = {f.name: f.fname for f in fontManager.ttflist}
    ordered = [n for n in CJK_FONTS if n in fonts] + sorted(n for n in fonts if n not in CJK_FONTS)
    for name in ordered:
        if {ord("中"), ord("国"), ord("會")} <= _charmap(fonts[name]):
            return name, fonts[name]
    return None


def _families() -> list[str]:
    found = cjk_font()
    return [BASE_FONT] + ([found[0]] if found else [])


def drawable(text: str) -> bool:
    """Can the chart's fonts draw every character of ``text``?"""
    fonts = {f.name: f.fname for f in fontManager.ttflist}
    maps = [_charmap(fonts[name]) for name in _families() if name in fonts]
    return all(any(ord(c) in m for m in maps) for c in text if not c.isspace())


def _words(lang: str) -> bool:
    """May the chart carry words in ``lang``? Chinese only with a font for it."""
    return lang != "zh" or cjk_font() is not None


def render_png(result: dict[str, Any], lang: str = "en") -> bytes:
    """The trend ``result`` (Trend.as_json()) as PNG bytes. A result with nothing found has
    no chart: the caller says so instead (ValueError here)."""
    periods = result["periods"]
    if not result.get("found") or not any(p["paragraphs"] for p in periods):
        raise ValueError("nothing to draw")
    words = _words(lang)
    font = FontProperties(family=_families())
    small = FontProperties(family=_families(), size=8)
    fig = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    xs = list(range(len(periods)))
    bottom = [0] * len(periods)
    bodies = [b for b in COLOURS if any(p["bodies"].get(b) for p in periods)]
    for body in bodies:
        heights = [p["bodies"].get(body, 0) for p in periods]
        name = t(lang, f"trend_body_{body}") if words else ("?" if body == "other" else body)
        ax.bar(xs, heights, bottom=bottom, color=COLOURS[body], label=name, width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights)]
    top = max(bottom)
    # Every bar's total while they fit side by side; past that, the peak's only.
    labelled = [x for x, total in zip(xs, bottom) if total and (len(xs) <= MAX_LABELS or total == top)]
    for x, total in zip(xs, bottom):
        if x in labelled:
            ax.annotate(str(total), (x, total), xytext=(0, 2), textcoords="offset points", ha="center",
                        va="bottom", fontproperties=small)
    ax.set_ylim(0, top * 1.15 + 1)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    step = max(1, -(-len(periods) // MAX_TICKS))
    ax.set_xticks(xs[::step], [p["label"] for p in periods][::step], fontproperties=font)
    if result["by"] == "document" or step > 1 or max(len(p["label"]) for p in periods) * len(periods) > 90:
        for label in ax.get_xticklabels():
            label.set_rotation(45)
            label.set_horizontalalignment("right")
            label.set_fontproperties(small)
    ax.set_xlim(-0.6, len(periods) - 0.4)
    if words:
        ax.set_ylabel(t(lang, "trend_axis"), fontproperties=font)
    else:
        ax.set_ylabel("¶", fontproperties=font, rotation=0, labelpad=10)
    counted = result.get("corrected") or result["query"]
    counted = counted if len(counted) <= MAX_TITLE else counted[: MAX_TITLE - 1] + "…"
    title = [counted] if drawable(counted) else []
    if words:
        title.append(t(lang, f"trend_per_{result['by']}"))
    if title:
        ax.set_title(" · ".join(title), fontproperties=font, loc="left")
    if bodies:  # above the bars, on the right, in one row: it never hides a bar
        ax.legend(prop=small, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=len(bodies), frameon=False,
                  borderaxespad=0.2)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, metadata={"Software": "Plenary"})
    return out.getvalue()
