"""`plenary shell`: the slash commands in a terminal, answered as the bot answers them.

Positional words fill the command's options in order (the last one takes the rest of the
line); `name:value` sets an option by name, as Discord's own command bar does, and an option
the command lacks is named, not ignored. `page:N` turns the pages a Discord answer would page
(search hits, a long read). With a terminal, lines can be edited and recalled (readline),
and the history is kept between sessions.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.answers.search import QueryError
from bot.render import text as render
from bot.render.labels import refusal, t
from bot.service import Plenary

HELP = """Commands (as in Discord):
  /search query [document:S] [speaker:NAME] [country:NAME] [language:CODE] [page:N]
  /doc symbol            /summary symbol          /speakers [document]
  /read symbol [who or section] [page:N]          (S/PV.8967 张军, 75/276 operative)
  /quote who [topic] [document:S]                 /corpus
  /trend query [per:year|month|document] [language:CODE] [out:FILE.png]
  /digest preview        /help                    /quit"""
SEARCH_PAGE = 5

# command → (positional option names, handler, other options it takes)
Handler = Callable[[Plenary, dict[str, str], str], str]


class Usage(ValueError):
    """A line the shell can't run, with what to type instead (already in the user's language)."""


def _page(o: dict[str, str], lang: str) -> int | None:
    raw = o.get("page")
    if raw is None:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise Usage(t(lang, "shell_bad_page", value=raw))
    return int(raw)


def _search(p: Plenary, o: dict[str, str], lang: str) -> str:
    page = _page(o, lang) or 1
    return render.render_search(p.search(o["query"], symbol=o.get("document"), speaker=o.get("speaker"),
                                         country=o.get("country"), language=o.get("language"), limit=SEARCH_PAGE,
                                         offset=(page - 1) * SEARCH_PAGE), lang)


def _summary(p: Plenary, o: dict[str, str], lang: str) -> str:
    s = p.summary(o["symbol"])
    return render.render_summary(s, lang) if s.get("found", True) and "headline" in s else render.render_card(s, lang)


def _speakers(p: Plenary, o: dict[str, str], lang: str) -> str:
    result = p.speakers(o.get("document"))
    return render.render_speakers(result or {"speakers": [], "message": t(lang, "no_record")}, lang)


def _digest(p: Plenary, o: dict[str, str], lang: str) -> str:
    if o.get("action", "preview") != "preview":
        return t(lang, "shell_digest_only_preview")
    return render.render_digest(p.digest(), lang)


def _read(p: Plenary, o: dict[str, str], lang: str) -> str:
    return render.render_read(p.read(o["symbol"], o.get("who"), p.version(lang)), lang, page=_page(o, lang) or 1)


def _trend(p: Plenary, o: dict[str, str], lang: str) -> str:
    """The trend in words, and its chart written to out:FILE.png (else a temporary file)."""
    import tempfile

    from bot.render.chart import render_png
    from bot.render.trend import render_trend

    result = p.trend(o["query"], by=o.get("per"), language=o.get("language"))
    if not result["found"]:
        return render_trend(result, lang)
    out = o.get("out")
    try:
        if out is None:
            fd, out = tempfile.mkstemp(prefix="plenary-trend-", suffix=".png")
            os.close(fd)
        Path(out).write_bytes(render_png(result, lang))
    except OSError as exc:
        return render_trend(result, lang) + "\n\n" + t(lang, "trend_cant_write", path=out, reason=exc.strerror or exc)
    return render_trend(result, lang, chart=out)


def _quote(p: Plenary, o: dict[str, str], lang: str) -> str:
    return render.render_quotes(p.quote(o["who"], o.get("topic"), o.get("document"), lang=p.version(lang)), lang)


COMMANDS: dict[str, tuple[list[str], Handler, list[str]]] = {
    "search": (["query"], _search, ["document", "speaker", "country", "language", "page"]),
    "doc": (["symbol"], lambda p, o, lang: render.render_card(p.doc(o["symbol"], p.version(lang)), lang), []),
    "summary": (["symbol"], _summary, []),
    "read": (["symbol", "who"], _read, ["page"]),
    "quote": (["who", "topic"], _quote, ["document"]),
    "speakers": (["document"], _speakers, []),
    "corpus": ([], lambda p, o, lang: render.render_stats(p.corpus(), lang), []),
    "trend": (["query"], _trend, ["per", "language", "out"]),
    "digest": (["action"], _digest, []),
}


def parse(line: str, lang: str = "en") -> tuple[str, dict[str, str]]:
    """'/quote 张军 阿富汗' → ('quote', {'who': '张军', 'topic': '阿富汗'})."""
    line = line.strip()
    if not line.startswith("/"):
        raise Usage(t(lang, "shell_slash"))
    try:
        words = shlex.split(line[1:])
    except ValueError:
        words = line[1:].split()
    if not words:
        raise Usage(t(lang, "shell_empty"))
    name, rest = words[0].lower(), words[1:]
    if name not in COMMANDS:
        raise Usage(t(lang, "shell_unknown_command", name=name))
    positional, _, named = COMMANDS[name]
    known = positional + named
    options: dict[str, str] = {}
    free: list[str] = []
    for w in rest:
        key, sep, value = w.partition(":")
        if sep and key.isascii() and key.isalpha() and value:
            if key.lower() not in known:
                raise Usage(t(lang, "shell_unknown_option", name=name, option=key,
                              options=", ".join(f"{k}:" for k in known) or "—"))
            options[key.lower()] = value
        else:
            free.append(w)
    for i, opt in enumerate(positional):
        if i >= len(free):
            break
        options.setdefault(opt, " ".join(free[i:]) if i == len(positional) - 1 else free[i])
    missing = [o for o in positional[:1] if o not in options and name not in ("speakers", "digest")]
    if missing:
        raise Usage(t(lang, "shell_needs", name=name, option=missing[0], usage=" ".join(positional)))
    return name, options


def answer(plenary: Plenary, line: str, lang: str = "en") -> str:
    """The shell's reply to one line (never raises for bad input)."""
    if line.strip() in ("/help", "help", "?"):
        return HELP
    try:
        name, options = parse(line, lang)
        return COMMANDS[name][1](plenary, options, lang)
    except Usage as exc:
        return str(exc)
    except (ValueError, QueryError) as exc:
        return refusal(lang, str(exc))


HISTORY = Path.home() / ".plenary_history"


def line_editing(history: Path | None = HISTORY) -> Callable[[], None] | None:
    """Turn on readline (arrow keys, editing, ↑ for earlier lines) with a history file; returns
    what saves the history at exit, or None where there is no readline."""
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        return None
    readline.parse_and_bind("tab: complete")
    if history is not None:
        try:
            readline.read_history_file(str(history))
        except OSError:
            pass
    readline.set_history_length(1000)

    def save() -> None:
        if history is not None:
            try:
                readline.write_history_file(str(history))
            except OSError:
                pass

    return save


def repl(plenary: Plenary, read: Callable[[str], str] | None = None, write: Callable[[Any], None] = print,
         lang: str = "en", interactive: bool | None = None) -> None:
    """Read lines until /quit or the end of input. On a terminal (``interactive``, default: stdin
    is a tty) reading from the keyboard, lines are edited and recalled with readline."""
    interactive = sys.stdin.isatty() if interactive is None else interactive
    save = line_editing() if interactive and read is None else None
    read = read or input
    write(t(lang, "shell_intro"))
    try:
        while True:
            try:
                line = read("plenary> ")
            except (EOFError, KeyboardInterrupt):
                write("")
                return
            if line.strip() in ("/quit", "/exit", "quit", "exit"):
                return
            if line.strip():
                write(answer(plenary, line, lang))
    finally:
        if save:
            save()
