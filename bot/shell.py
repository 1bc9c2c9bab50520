"""`plenary shell`: the slash commands in a terminal, answered as the bot answers them.

Positional words fill the command's options in order (the last one takes the rest of the
line); `name:value` sets an option by name, as Discord's own command bar does.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from typing import Any

from bot.answers.search import QueryError
from bot.render import text as render
from bot.service import Plenary

HELP = """Commands (as in Discord):
  /search query [document:S] [speaker:NAME] [country:NAME]
  /doc symbol            /summary symbol          /speakers [document]
  /quote who [topic] [document:S]                 /corpus
  /digest preview        /help                    /quit"""

# command → (positional option names, handler)
Handler = Callable[[Plenary, dict[str, str]], str]


def _search(p: Plenary, o: dict[str, str]) -> str:
    return render.render_search(p.search(o["query"], symbol=o.get("document"), speaker=o.get("speaker"),
                                         country=o.get("country")))


def _summary(p: Plenary, o: dict[str, str]) -> str:
    s = p.summary(o["symbol"])
    return render.render_summary(s) if s.get("found", True) and "headline" in s else render.render_card(s)


def _speakers(p: Plenary, o: dict[str, str]) -> str:
    result = p.speakers(o.get("document"))
    return render.render_speakers(result or {"speakers": [], "message": "No such record in the corpus."})


def _digest(p: Plenary, o: dict[str, str]) -> str:
    if o.get("action", "preview") != "preview":
        return "In the shell only /digest preview exists; subscriptions live in Discord."
    return render.render_digest(p.digest())


COMMANDS: dict[str, tuple[list[str], Handler]] = {
    "search": (["query"], _search),
    "doc": (["symbol"], lambda p, o: render.render_card(p.doc(o["symbol"]))),
    "summary": (["symbol"], _summary),
    "quote": (["who", "topic"], lambda p, o: render.render_quotes(p.quote(o["who"], o.get("topic"), o.get("document")))),
    "speakers": (["document"], _speakers),
    "corpus": ([], lambda p, o: render.render_stats(p.corpus())),
    "digest": (["action"], _digest),
}


def parse(line: str) -> tuple[str, dict[str, str]]:
    """'/quote 张军 阿富汗' → ('quote', {'who': '张军', 'topic': '阿富汗'})."""
    line = line.strip()
    if not line.startswith("/"):
        raise ValueError("Commands start with '/': try /help.")
    try:
        words = shlex.split(line[1:])
    except ValueError:
        words = line[1:].split()
    if not words:
        raise ValueError("Type a command after '/': try /help.")
    name, rest = words[0].lower(), words[1:]
    if name not in COMMANDS:
        raise ValueError(f"No command /{name}: try /help.")
    positional, _ = COMMANDS[name]
    options: dict[str, str] = {}
    free: list[str] = []
    for w in rest:
        key, sep, value = w.partition(":")
        if sep and key.isascii() and key.isalpha() and value:
            options[key.lower()] = value
        else:
            free.append(w)
    for i, opt in enumerate(positional):
        if i >= len(free):
            break
        options.setdefault(opt, " ".join(free[i:]) if i == len(positional) - 1 else free[i])
    missing = [o for o in positional[:1] if o not in options and name not in ("speakers", "digest")]
    if missing:
        raise ValueError(f"/{name} needs {missing[0]}: /{name} {' '.join(positional)}")
    return name, options


def answer(plenary: Plenary, line: str) -> str:
    """The shell's reply to one line (never raises for bad input)."""
    if line.strip() in ("/help", "help", "?"):
        return HELP
    try:
        name, options = parse(line)
        return COMMANDS[name][1](plenary, options)
    except (ValueError, QueryError) as exc:
        return str(exc)


def repl(plenary: Plenary, read: Callable[[str], str] = input, write: Callable[[Any], None] = print) -> None:
    write("Plenary shell — the bot's slash commands, answered here. /help for the list, /quit to leave.")
    while True:
        try:
            line = read("plenary> ")
        except (EOFError, KeyboardInterrupt):
            write("")
            return
        if line.strip() in ("/quit", "/exit", "quit", "exit"):
            return
        if line.strip():
            write(answer(plenary, line))
