"""Watches and their alerts as text: the command line's view, and the words the chat adapter
puts in its embeds. Labels come from bot/render/labels.py."""

from __future__ import annotations

from typing import Any

from bot.render.labels import kind, language_name, t

SHOWN = 5  # alerts shown per watch in one message; the rest behind "more"
ADD_COMMAND = "/watch add"  # a command's name, the same in every language


def what(watch: dict[str, Any], lang: str = "en") -> str:
    """What a watch watches, with its filters: «集安组织» · only resolutions."""
    text = t(lang, f"watch_{watch['kind']}", value=watch["value"])
    only = [kind(lang, watch["doc_kind"])] if watch.get("doc_kind") else []
    only += [language_name(lang, watch["language"])] if watch.get("language") else []
    return text + "".join(f" · {t(lang, 'watch_only', what=o)}" for o in only)


def where(watch: dict[str, Any], lang: str = "en") -> str:
    if watch["owner"] == "channel":
        return t(lang, "watch_channel", channel=watch["channel_id"])
    return t(lang, "watch_user" if watch["owner"] == "user" else "watch_local")


def watch_line(watch: dict[str, Any], lang: str = "en") -> str:
    return t(lang, "watch_line", id=watch["id"], what=what(watch, lang), where=where(watch, lang))


def render_watches(watches: list[dict[str, Any]], lang: str = "en") -> str:
    return "\n".join(watch_line(w, lang) for w in watches) if watches else t(lang, "watch_none", command=ADD_COMMAND)


def alert_line(alert: dict[str, Any], lang: str = "en") -> str:
    """One alert: the symbol and paragraph, why, and the words."""
    where_ = " ".join(x for x in (alert["symbol"], alert.get("label") or "") if x)
    why = t(lang, f"alert_why_{alert['why']}")
    return f"{where_} — {why}" + (f": {alert['excerpt']}" if alert.get("excerpt") else "")


def render_pending(alerts: list[dict[str, Any]], lang: str = "en") -> str:
    if not alerts:
        return t(lang, "pending_none")
    lines: list[str] = []
    current = None
    for a in alerts:
        if a["watch_id"] != current:
            current = a["watch_id"]
            w = a.get("watch") or {"id": current, "kind": "query", "value": "?"}
            lines.append(t(lang, "alert_title", id=current, what=what(w, lang)))
        lines.append("  " + alert_line(a, lang))
    return "\n".join(lines)
