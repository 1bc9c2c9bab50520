"""The plenary command line: the same answers as the bot, for a terminal or a script (--json).

Exit status: 0 answered, 1 nothing found (or some files failed to ingest, or were refused by
check), 2 bad usage.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from bot import config
from bot.ingest import ingest
from bot.model import KINDS, LANGUAGES
from bot.store import Store, StoreError


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _ingest_with_progress(paths: list[str], store: Store, max_bytes: int | None) -> Any:
    from bot.ingest import expand

    if sys.stderr.isatty() and len(files := expand(paths)) > 20:
        with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr) as bar:
            return ingest(paths, store, on_file=lambda _: bar.update(1), max_bytes=max_bytes)
    return ingest(paths, store, max_bytes=max_bytes)


def _max_bytes() -> int | None:
    try:
        return config.max_file_bytes()
    except config.SettingError as exc:
        _refuse(str(exc))
        raise  # unreachable: _refuse exits


def open_store(db: str | None, build: bool = True) -> Store:
    """Open the database, building it from seeds/ on first use."""
    path = config.db_path(db)
    fresh = not path.exists()
    try:
        store = Store(path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if build and (fresh or store.empty):
        seeds = config.seeds_path()
        click.echo(f"Building {path} from {seeds}/ (first use)…", err=True)
        report = ingest([seeds], store)
        for name, reason in report.failed:
            click.echo(f"skipped {name}: {reason}", err=True)
        click.echo(f"{len(report.added)} documents, {report.paragraphs} paragraphs.", err=True)
    return store


db_option = click.option("--db", "db", default=None, help="Database path (default $PLENARY_DB or data/plenary.db).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


class _Plenary(click.Group):
    """Turns anything unexpected into one line on stderr: a user never sees a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            click.echo(f"plenary: internal error ({type(exc).__name__}: {exc}); please report it.", err=True)
            sys.exit(3)


@click.group(cls=_Plenary, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Plenary: United Nations documents, answered."""
    config.load_env()


@main.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@json_option
def ingest_cmd(paths: tuple[str, ...], db: str | None, as_json: bool) -> None:
    """Parse documents into the database (default: the seeds/ folder).

    Exit status: 0 every file stored (or already there), 1 some file failed."""
    limit = _max_bytes()
    store = open_store(db, build=False)
    report = _ingest_with_progress(list(paths) or [str(config.seeds_path())], store, limit)
    if as_json:
        _echo_json({"added": report.added, "replaced": report.replaced, "unchanged": report.unchanged,
                    "failed": [{"path": p, "reason": r} for p, r in report.failed],
                    "paragraphs": report.paragraphs,
                    "replacements": [{"path": p, "reason": p.reason} for p in report.replaced],
                    "skipped": [{"path": p, "reason": r} for p, r in report.skipped],
                    "warnings": [{"path": p, "warning": w} for p, w in report.warnings]})
    else:
        for name in report.replaced:
            click.echo(f"replaced {name}: {name.reason}")
        for name, reason in report.failed + report.skipped:
            click.echo(f"skipped {name}: {reason}", err=True)
        for name, warning in report.warnings:
            click.echo(f"warning {name}: {warning}", err=True)
        extra = "".join(f", {n} {what}" for n, what in (
            (len(report.skipped), "skipped (not files)"),
            (len(report.warnings), "warning" if len(report.warnings) == 1 else "warnings")) if n)
        click.echo(
            f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} unchanged, "
            f"{len(report.failed)} failed{extra} ({report.paragraphs} paragraphs parsed) → {store.path}"
        )
    sys.exit(0 if report.ok else 1)


@main.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@json_option
def check_cmd(paths: tuple[str, ...], as_json: bool) -> None:
    """Parse files without storing them and say what was recognised, and what looks wrong.

    Exit status: 0 every file was read, 1 some file was refused."""
    from bot.check import check_paths, render_check

    reports = check_paths(paths, max_bytes=_max_bytes())
    if as_json:
        _echo_json([r.as_json() for r in reports])
    else:
        click.echo("\n\n".join(render_check(r) for r in reports))
    sys.exit(0 if all(r.ok for r in reports) else 1)


@main.command("stats")
@db_option
@json_option
def stats_cmd(db: str | None, as_json: bool) -> None:
    """What the corpus holds."""
    from bot.answers.corpus import corpus_stats
    from bot.render.text import render_stats

    result = corpus_stats(open_store(db))
    if as_json:
        _echo_json(result)
    else:
        click.echo(render_stats(result))


def _finish(result: Any, as_json: bool, render: Any, found: bool) -> None:
    if as_json:
        _echo_json(result)
    else:
        click.echo(render(result))
    sys.exit(0 if found else 1)


def _refuse(message: str) -> None:
    click.echo(f"plenary: {message}", err=True)
    sys.exit(2)


@main.command("search")
@click.argument("query")
@click.option("--symbol", "--document", "symbol", default=None, help="Only this document.")
@click.option("--kind", type=click.Choice(KINDS), default=None)
@click.option("--speaker", default=None, help="Only paragraphs spoken by this speaker (name or role).")
@click.option("--country", default=None, help="Only paragraphs spoken for this country.")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default=None,
              help="Only documents in this language.")
@click.option("--parallel", type=click.Choice(LANGUAGES), default=None,
              help="Show each hit's paragraph in this language's version too, where held.")
@click.option("--limit", type=click.IntRange(1, 50), default=5, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@db_option
@json_option
def search_cmd(query: str, symbol: str | None, kind: str | None, speaker: str | None, country: str | None,
               language: str | None, parallel: str | None, limit: int, offset: int, db: str | None,
               as_json: bool) -> None:
    """Fuzzy search for excerpts (typos, Traditional characters and word order forgiven)."""
    from bot.answers.parallel import attach
    from bot.answers.search import QueryError, search
    from bot.render.text import render_search

    store = open_store(db)
    try:
        result = search(store, query, symbol=symbol, kind=kind, speaker=speaker, country=country,
                        limit=limit, offset=offset, language=language).as_json()
    except QueryError as exc:
        _refuse(str(exc))
    if parallel:
        attach(store, result, parallel)
    _finish(result, as_json, render_search, bool(result["results"]))


@main.command("doc")
@click.argument("symbol")
@db_option
@json_option
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="The language version to show (and a paragraph's parallel in it).")
def doc_cmd(symbol: str, db: str | None, as_json: bool, lang: str | None) -> None:
    """A document's card, by its symbol in any written form (or its id); or one paragraph of it
    (75/276 OP4, A/RES/75/276, para. 4, 第75/276号决议执行部分第4段, S/PV.8967 ¶154)."""
    from bot.answers.lookup import lookup
    from bot.render.text import render_card

    result = lookup(open_store(db), symbol, lang)
    _finish(result, as_json, render_card, result["found"])


@main.command("summary")
@click.argument("symbol")
@db_option
@json_option
def summary_cmd(symbol: str, db: str | None, as_json: bool) -> None:
    """An extractive summary of a resolution, a letter or a meeting."""
    from bot.answers.lookup import lookup
    from bot.answers.summary import NotFound, summarise
    from bot.render.text import render_card, render_summary

    store = open_store(db)
    try:
        result = summarise(store, symbol)
    except NotFound:
        _finish(lookup(store, symbol), as_json, render_card, False)
    _finish(result, as_json, render_summary, True)


@main.command("quote")
@click.argument("who")
@click.argument("topic", required=False)
@click.option("--symbol", "--document", "symbol", default=None, help="Only this meeting.")
@click.option("--limit", type=click.IntRange(1, 10), default=1, show_default=True)
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="Prefer this language version of a record.")
@db_option
@json_option
def quote_cmd(who: str, topic: str | None, symbol: str | None, limit: int, lang: str | None, db: str | None,
              as_json: bool) -> None:
    """What a delegate said: by name, country or role (主席, 秘书长), optionally on a topic."""
    from bot.answers.quote import quote
    from bot.render.text import render_quotes

    if not who.strip():
        _refuse("say whose words you want: a name, a country or a role")
    result = quote(open_store(db), who, topic, symbol=symbol, limit=limit, lang=lang)
    _finish(result, as_json, render_quotes, bool(result["quotes"]))


@main.command("read")
@click.argument("symbol")
@click.argument("who", nargs=-1)
@click.option("--page", type=click.IntRange(1), default=None, help="Only this page (as /read pages in Discord).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="Read this language version when held.")
@db_option
@json_option
def read_cmd(symbol: str, who: tuple[str, ...], page: int | None, lang: str | None, db: str | None,
             as_json: bool) -> None:
    """A document at length: a speaker's whole statement in a record (S/PV.8967 张军), a
    section (75/276 operative, letter-2009-07-14 annex II), or the whole document."""
    from bot.render.text import render_read
    from bot.service import Plenary

    result = Plenary(open_store(db), warm=False).read(symbol, " ".join(who) or None, lang)
    _finish(result, as_json, lambda r: render_read(r, page=page), bool(result["found"] and result["paragraphs"]))


@main.command("speakers")
@click.argument("symbol", required=False)
@db_option
@json_option
def speakers_cmd(symbol: str | None, db: str | None, as_json: bool) -> None:
    """The speakers of a meeting in order (default: the latest record)."""
    from bot.answers.speakers import speakers
    from bot.render.text import render_speakers

    result = speakers(open_store(db), symbol)
    if result is None:
        result = {"symbol": symbol, "speakers": [], "message": f"No record {symbol or ''} in the corpus."}
    _finish(result, as_json, render_speakers, bool(result["speakers"]))


@main.command("digest")
@click.option("--since", default=None, help="ISO date-time: documents ingested since then (default: yesterday).")
@click.option("--date", "day", default=None, help="YYYY-MM-DD: the digest of that day (default: today).")
@db_option
@json_option
def digest_cmd(since: str | None, day: str | None, db: str | None, as_json: bool) -> None:
    """The daily digest: new documents, totals and a spotlight."""
    from datetime import date, datetime

    from bot.answers.digest import digest
    from bot.render.text import render_digest

    try:
        since_at = datetime.fromisoformat(since) if since else None
        on = date.fromisoformat(day) if day else None
    except ValueError as exc:
        _refuse(f"{exc}; use ISO 8601, e.g. --since 2026-11-23T00:00 --date 2026-11-24")
    _finish(digest(open_store(db), since=since_at, day=on), as_json, render_digest, True)


@main.command("shell")
@db_option
@click.option("--locale", default=None, help="Answer in this locale (zh-CN, en-US; default $PLENARY_LOCALE, then $LANG).")
def shell_cmd(db: str | None, locale: str | None) -> None:
    """Try the bot's slash commands in a terminal, without a Discord token."""
    from bot.render.labels import lang_of
    from bot.service import Plenary
    from bot.shell import repl

    repl(Plenary(open_store(db)), lang=lang_of(locale or config.shell_locale()))


@main.command("commands")
@db_option
@json_option
def commands_cmd(db: str | None, as_json: bool) -> None:
    """The application commands the bot registers (the body of a bulk overwrite)."""
    import asyncio

    from bot.chat.client import build_payload

    payload = asyncio.run(build_payload(open_store(db)))
    if as_json:
        _echo_json(payload)
    else:
        for c in payload:
            click.echo(f"/{c['name']:<12} {c.get('description') or '(context menu)'}")


def _token() -> str:
    import os

    token = os.environ.get("DISCORD_TOKEN", "").strip()
    if not token:
        raise click.ClickException(
            "DISCORD_TOKEN is not set. Put it in the environment or in .env (see .env.example for every "
            "setting). To try Plenary without Discord, run: uv run plenary shell")
    return token


def _bot(db: str | None) -> Any:
    import logging
    import os

    from bot.chat.client import PlenaryBot

    logging.basicConfig(level=os.environ.get("PLENARY_LOG_LEVEL", "INFO").upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    guild = os.environ.get("DISCORD_GUILD_ID", "").strip()
    return PlenaryBot(open_store(db), guild_id=int(guild) if guild.isdigit() else None,
                      message_content=os.environ.get("PLENARY_MESSAGE_CONTENT", "0") == "1")


@main.command("run")
@db_option
def run_cmd(db: str | None) -> None:
    """Start the Discord bot (DISCORD_TOKEN from the environment or .env)."""
    token = _token()
    _bot(db).run(token, log_handler=None)


@main.command("sync")
@db_option
def sync_cmd(db: str | None) -> None:
    """Register the slash commands with Discord now (to DISCORD_GUILD_ID if set)."""
    import asyncio

    token = _token()

    async def go() -> None:
        bot = _bot(db)
        bot.sync_commands = False
        async with bot:
            await bot.login(token)
            await bot.install()
            await bot.sync(force=True)

    asyncio.run(go())
    click.echo("Commands synced.")


if __name__ == "__main__":  # pragma: no cover
    main()

