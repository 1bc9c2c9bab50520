"""A trend (bot/answers/trend.py) in words, in the reader's language: the lines the terminal
prints and the Discord message carries beside the chart (bot/render/chart.py draws it)."""

from __future__ import annotations

from typing import Any

from bot.render import labels as L
from bot.render.labels import t


def documents(lang: str, n: int) -> str:
    return t(lang, "trend_documents_1" if n == 1 else "trend_documents_n", n=n)


def body_name(lang: str, code: str) -> str:
    return t(lang, f"trend_body_{code}")


def _when(result: dict[str, Any], period: dict[str, Any], lang: str) -> str:
    return L.date(lang, period["start"]) if result["by"] == "document" else period["label"]


def summary_lines(result: dict[str, Any], lang: str = "en") -> list[str]:
    """What the chart shows, in sentences: totals, span, peak, bodies, what was counted."""
    query = result["query"]
    lines: list[str] = []
    if result.get("corrected"):
        lines.append(t(lang, "trend_corrected", typed=query, counted=result["corrected"]))
    if not result["found"]:
        lines.append(t(lang, "trend_none", query=query))
        lines += L.hint_lines(result.get("hint"), lang)
        return lines
    counted = result.get("corrected") or query
    lines.append(t(lang, "trend_summary", query=counted, paragraphs=L.paragraphs(lang, result["paragraphs"]),
                   documents=documents(lang, result["documents"])))
    periods = result["periods"]
    if periods:
        lines.append(t(lang, "trend_span", first=_when(result, periods[0], lang), last=_when(result, periods[-1], lang),
                       by=t(lang, f"trend_by_{result['by']}")))
        peak = max(periods, key=lambda p: (p["paragraphs"], p["documents"]))
        if peak["paragraphs"]:
            lines.append(t(lang, "trend_peak", period=peak["label"],
                           paragraphs=L.paragraphs(lang, peak["paragraphs"]),
                           documents=documents(lang, peak["documents"])))
    bodies = L.t(lang, "list_sep").join(t(lang, "trend_body_count", body=body_name(lang, b), paragraphs=n)
                                        for b, n in result["bodies"].items())
    lines.append(t(lang, "trend_bodies", bodies=bodies))
    if result["undated"]["paragraphs"]:
        lines.append(t(lang, "trend_undated", paragraphs=L.paragraphs(lang, result["undated"]["paragraphs"]),
                       documents=documents(lang, result["undated"]["documents"])))
    if result.get("forms"):
        lines.append(t(lang, "trend_forms", forms=L.t(lang, "list_sep").join(result["forms"])))
    if result.get("language"):
        lines.append(t(lang, "trend_language", language=L.language_name(lang, result["language"])))
    return lines


def period_lines(result: dict[str, Any], lang: str = "en") -> list[str]:
    """One line per period with matches: its paragraphs, documents and the documents held."""
    out = []
    for p in result["periods"]:
        if not p["paragraphs"]:
            continue
        if result["by"] == "document":
            out.append(t(lang, "trend_document", symbol=p["label"], date=L.date(lang, p["start"]),
                         paragraphs=L.paragraphs(lang, p["paragraphs"])))
            continue
        line = t(lang, "trend_period", period=p["label"], paragraphs=L.paragraphs(lang, p["paragraphs"]),
                 documents=p["documents"], held=p["held"])
        out.append(line + "  " + ", ".join(p["symbols"][:5]) + (" …" if len(p["symbols"]) > 5 else ""))
    return out


def render_trend(result: dict[str, Any], lang: str = "en", chart: str | None = None) -> str:
    """The terminal's answer: a title, the sentences, the periods, and where the chart is."""
    lines = [t(lang, "trend_title", query=result["query"]), *summary_lines(result, lang)]
    periods = period_lines(result, lang) if result["found"] else []
    if periods:
        lines += ["", *periods]
    if chart:
        lines += ["", t(lang, "trend_chart", path=chart)]
    return "\n".join(lines)
