"""The plenary command line: the same answers as the bot, for a terminal or a script (--json).

Exit status: 0 answered, 1 nothing found (or some files failed to ingest, or were refused by
check), 2 bad usage (a query refused, as too broad too), 3 database unusable (with the reason
and what to do), 4 internal error.

Commands that answer open the database read-only (SQLite's mode=ro: a read-only file works,
and nothing is written); only `ingest`, and the first use of the default database (built from
seeds/), create one.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from datetime import date as _date
from pathlib import Path
from typing import Any

import click

from bot import config
from bot.answers.digest import prepare as prepare_digest
from bot.model import KINDS, LANGUAGES
from bot.store import CorpusNeedsMigration, CorpusOutdated, OverBudget, Store, StoreError

EXIT_NOTHING, EXIT_USAGE, EXIT_DATABASE, EXIT_INTERNAL = 1, 2, 3, 4


def ingest(*args: Any, **kwargs: Any) -> Any:
    """bot.ingest.ingest, imported when a command ingests: the parse grammars are 0.1 s of
    every other command's start."""
    from bot.ingest import ingest as run

    return run(*args, **kwargs)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _ingest_with_progress(paths: list[str], store: Store, max_bytes: int | None) -> Any:
    from bot.files import expand

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


# SQLite's words for a database it can't use (the rest of its errors are Plenary's bugs).
_DATABASE_FAULTS = ("not a database", "malformed", "unable to open", "readonly", "locked", "busy", "disk i/o",
                    "disk is full", "no such table", "no such column", "corrupt", "out of memory")


def unusable(path: Path, exc: BaseException) -> str | None:
    """Why the database at ``path`` can't be used and what to do, or None if ``exc`` is not
    about the database."""
    msg = str(exc)
    low = msg.lower()
    if isinstance(exc, StoreError):
        return msg
    if path.is_dir():
        return (f"{path} is a directory, not a database file: pass the file itself, such as "
                f"--db {path / 'plenary.db'}")
    blocking = _blocking(path)
    if blocking is not None:
        return (f"{path} can't be opened: {blocking} is a file, not a folder; pass a path in a folder, such as "
                f"--db {blocking.parent / 'plenary.db'}")
    if isinstance(exc, OSError) or "unable to open" in low:
        return (f"{path} can't be opened ({exc.strerror if isinstance(exc, OSError) and exc.strerror else msg}): "
                f"check that the path exists and that its folders and the file may be read "
                f"(and written, for ingest and the bot)")
    if not isinstance(exc, sqlite3.DatabaseError) or not any(k in low for k in _DATABASE_FAULTS):
        return None
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return (f"{path} is not a usable SQLite database ({msg}): it is corrupt, or another kind of file. "
                f"Move it away and rebuild it with 'plenary ingest --db {path}' (from seeds/ or your "
                f"documents), or pass another --db")
    if "no such table" in low or "no such column" in low:
        return (f"{path} is not a Plenary database, or one from another version ({msg}): pass another --db, "
                f"or move it away and rebuild it with 'plenary ingest --db {path}'")
    if "readonly" in low:
        return (f"{path} is read-only ({msg}): ingest and the bot need to write to it and its folder; "
                f"the commands that answer read it as it is")
    if "locked" in low or "busy" in low:
        return f"{path} is busy: another process is writing to it ({msg}); try again when it is done"
    return f"{path} can't be used ({msg}): check the disk and the file"


def _blocking(path: Path) -> Path | None:
    """The file standing where a folder of ``path`` should be, if any."""
    found = next((a for a in path.parents if a.exists()), None)
    return found if found is not None and not found.is_dir() else None


def _fail_database(path: Path, exc: BaseException) -> None:
    reason = unusable(path, exc)
    if reason is None:
        raise exc
    click.echo(f"plenary: {reason}", err=True)
    sys.exit(EXIT_DATABASE)


def _build_from_seeds(path: Path) -> None:
    seeds = config.seeds_path()
    click.echo(f"Building {path} from {seeds}/ (first use)…", err=True)
    store = Store(path)
    try:
        report = ingest([seeds], store)
        prepare_digest(store)
    finally:
        store.close()
    for name, reason in report.failed:
        click.echo(f"skipped {name}: {reason}", err=True)
    click.echo(f"{len(report.added)} documents, {report.paragraphs} paragraphs.", err=True)


def _rebuild(path: Path, sources: list[str]) -> None:
    """Rebuild a corpus of an older format from the files it was made from, into a new
    generation published in one swap (bot/publish.py); the bot's state is elsewhere, untouched."""
    from bot.publish import carry_first_seen, new_generation, publish

    present = [s for s in sources if Path(s).exists()]
    click.echo(f"Rebuilding {path} from the {len(present)} files it was made from (this Plenary stores documents "
               f"differently; subscriptions and settings are kept apart and are not touched)…", err=True)
    for gone in sorted(set(sources) - set(present)):
        click.echo(f"warning {gone}: no longer there; its document is left out", err=True)
    built = new_generation(path, start_from_current=False)
    store = Store(built)
    try:
        report = _ingest_with_progress(present, store, _max_bytes())
        prepare_digest(store)
    finally:
        store.close()
    carry_first_seen(built, path)
    publish(path, built)
    click.echo(f"{len(report.added)} documents, {report.paragraphs} paragraphs.", err=True)


def open_store(db: str | None, build: bool = True, readonly: bool = True, budget: bool = True,
               create: bool = False) -> Store:
    """Open the database, read-only unless ``readonly`` is False.

    With ``build``, the default database (no --db given) is built from seeds/ on first use. A
    --db that does not exist is created only with ``create`` (`ingest`); otherwise the command
    stops, saying how to build one. With ``budget``, queries run within PLENARY_CLI_BUDGET."""
    if db is not None and not db.strip():
        _refuse("--db needs a path; leave it out for the default ($PLENARY_DB or data/plenary.db)")
    path = config.db_path(db)
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta["plenary.db"] = path
    seconds = _cli_budget() if budget else None
    first_use = build and db is None and (not path.exists() or (path.is_file() and path.stat().st_size == 0))
    if path.is_dir():
        _fail_database(path, IsADirectoryError(21, "Is a directory", str(path)))
    if _blocking(path) is not None:
        _fail_database(path, NotADirectoryError(20, "Not a directory", str(path)))
    if not path.exists() and not create and not first_use:
        click.echo(f"plenary: there is no database at {path}: build one with 'plenary ingest --db {path}' "
                   f"(from seeds/, or your documents), or pass another --db", err=True)
        sys.exit(EXIT_DATABASE)
    try:
        if first_use:
            _build_from_seeds(path)
        try:
            store = Store(path, readonly=readonly)
        except CorpusNeedsMigration:
            if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
                raise
            Store(path).close()  # brought up to date in place, once; the next ingest re-reads it
            store = Store(path, readonly=readonly)
        except CorpusOutdated as exc:
            if not os.access(path.parent, os.W_OK):
                raise
            _rebuild(path, exc.sources)
            store = Store(path, readonly=readonly)
        if build and db is None and store.empty:
            store.close()
            _build_from_seeds(path)
            store = Store(path, readonly=readonly)
    except (StoreError, sqlite3.DatabaseError, OSError) as exc:
        _fail_database(path, exc)
        raise  # unreachable: _fail_database exits
    if seconds and ctx is not None:
        ctx.with_resource(store.budget(seconds))
    return store


def _cli_budget() -> float | None:
    try:
        return config.cli_budget()
    except config.SettingError as exc:
        _refuse(str(exc))
        raise  # unreachable: _refuse exits


def _writable(db: str | None) -> bool:
    """Can this process write to the database (or create it)? The shell records quote rotation
    when it can and answers read-only when it can't."""
    path = config.db_path(db)
    return os.access(path, os.W_OK) if path.exists() else os.access(path.parent if str(path.parent) else ".", os.W_OK)


db_option = click.option("--db", "db", default=None, help="Database path (default $PLENARY_DB or data/plenary.db).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


def _not_utf8(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class _Plenary(click.Group):
    """Turns anything unexpected into one line on stderr: a user never sees a traceback."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Bytes that are not UTF-8 reach Python as lone surrogates: refuse them up front, with
        # the argument, rather than fail later in SQLite or on output.
        for n, arg in enumerate(args, start=1):
            if _not_utf8(arg):
                shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                _refuse(f"argument {n} ({shown!r}) is not valid UTF-8; write it in UTF-8")
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except OverBudget:
            _refuse_too_broad()
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if isinstance(exc, sqlite3.OperationalError) and str(exc) == "interrupted":
                _refuse_too_broad()
            path = _db_of(ctx)
            reason = unusable(path, exc) if path is not None and isinstance(exc, sqlite3.DatabaseError) else None
            if reason is not None:
                click.echo(f"plenary: {reason}", err=True)
                sys.exit(EXIT_DATABASE)
            click.echo(f"plenary: internal error ({type(exc).__name__}: {exc}); please report it.", err=True)
            sys.exit(EXIT_INTERNAL)


def _db_of(ctx: click.Context) -> Path | None:
    """The database the running command opened, if any."""
    found = ctx.meta.get("plenary.db")
    return found if isinstance(found, Path) else None


def _refuse_too_broad() -> None:
    from bot.answers.search import TOO_BROAD

    _refuse(f"{TOO_BROAD} (PLENARY_CLI_BUDGET sets the time allowed)")


@click.group(cls=_Plenary, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Plenary: United Nations documents, answered."""
    config.load_env()


@main.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@json_option
@click.option("--publish", is_flag=True,
              help="Build into a new file and swap it in at once: running bots switch to it (docs/deploy.md).")
@click.option("--watch", "watch", type=click.Path(file_okay=False), default=None,
              help="Keep ingesting what is dropped into (or changed in) this folder, until Ctrl-C.")
@click.option("--settle", type=click.FloatRange(0, 600), default=None,
              help="With --watch: seconds a file must stay unchanged before it is read "
                   "(default $PLENARY_WATCH_SETTLE or 2).")
def ingest_cmd(paths: tuple[str, ...], db: str | None, as_json: bool, publish: bool, watch: str | None,
               settle: float | None) -> None:
    """Parse documents into the database (default: the seeds/ folder).

    Exit status: 0 every file stored (or already there), 1 some file failed; with --watch, 0
    when stopped with Ctrl-C."""
    if watch is not None:
        _watch(watch, paths, db, as_json, publish, settle)
    limit = _max_bytes()
    store = open_store(db, build=False, readonly=False, budget=False, create=True)
    target = None
    if publish:
        from bot.publish import new_generation

        target = store.path
        store.close()
        store = Store(new_generation(target))
    report = _ingest_with_progress(list(paths) or [str(config.seeds_path())], store, limit)
    if report.stored:
        prepare_digest(store)
    if target is not None:
        from bot.publish import publish as swap_in

        built = store.path
        store.close()
        swap_in(target, built)
    if report.stored:
        _alert_watches(target or store.path)
    if as_json:
        _echo_json(_report_json(report))
    else:
        _echo_report(report, store.path)
    sys.exit(0 if report.ok else 1)


def _report_json(r: Any) -> dict[str, Any]:
    return {"added": r.added, "replaced": r.replaced, "unchanged": r.unchanged,
            "failed": [{"path": p, "reason": why} for p, why in r.failed], "paragraphs": r.paragraphs,
            "replacements": [{"path": p, "reason": p.reason} for p in r.replaced],
            "skipped": [{"path": p, "reason": why} for p, why in r.skipped],
            "warnings": [{"path": p, "warning": w} for p, w in r.warnings]}


def _echo_report(r: Any, path: Path, prefix: str = "", each_added: bool = False) -> None:
    """What an ingest did: each replacement, skip and warning, then the counts."""
    for name in r.added if each_added else []:
        click.echo(f"{prefix}added {name}")
    for name in r.replaced:
        click.echo(f"{prefix}replaced {name}: {name.reason}")
    for name, reason in r.failed + r.skipped:
        click.echo(f"{prefix}skipped {name}: {reason}", err=True)
    for name, warning in r.warnings:
        click.echo(f"{prefix}warning {name}: {warning}", err=True)
    extra = "".join(f", {n} {what}" for n, what in (
        (len(r.skipped), "skipped (not files)"),
        (len(r.warnings), "warning" if len(r.warnings) == 1 else "warnings")) if n)
    click.echo(f"{prefix}{len(r.added)} added, {len(r.replaced)} replaced, {len(r.unchanged)} unchanged, "
               f"{len(r.failed)} failed{extra} ({r.paragraphs} paragraphs parsed) → {path}")


def _alert_watches(path: Path) -> None:
    """After an ingest: match the watches (if this corpus has a state store with any) against
    what came in, and say how many alerts are now waiting. A bot delivers them; so does
    `plenary watch pending --mark` for scripts."""
    from bot.service import Plenary
    from bot.state import StateError, open_state
    from bot.state.store import default_url

    url = config.state_url() or default_url(path)
    if not config.state_url() and not Path(url).exists():
        return  # no state here: nobody watches this corpus
    try:
        plenary = Plenary(Store(path, readonly=True), warm=False, budget=_cli_budget(),
                          state=open_state(url, corpus=path))
        if not plenary.watches.list():
            return
        total = plenary.watches.scan()["total"]
    except (StateError, StoreError) as exc:
        click.echo(f"warning: watches were not matched: {exc}", err=True)
        return
    if total:
        click.echo(f"{total} new alerts for the watches (plenary watch pending lists them).", err=True)


def _after_batch(store: Store, doc_ids: list[str]) -> None:
    if doc_ids:
        prepare_digest(store)
        _alert_watches(store.path)


def _watch(folder: str, paths: tuple[str, ...], db: str | None, as_json: bool, publish: bool,
           settle: float | None) -> None:
    """ingest --watch: ingest each batch of settled files (bot/watchdir.py) and say what it did,
    until Ctrl-C, then a summary (exit 0)."""
    from datetime import datetime

    from bot.watchdir import FolderWatch

    if paths or publish:
        _refuse("--watch takes one folder and no other paths, and does not --publish: it writes into the "
                "database as files arrive")
    if not Path(folder).is_dir():
        _refuse(f"--watch {folder}: no such folder")
    if settle is None:
        try:
            settle = config.watch_settle()
        except config.SettingError as exc:
            _refuse(str(exc))
    limit = _max_bytes()
    store = open_store(db, build=False, readonly=False, budget=False, create=True)

    def report(r: Any) -> None:
        at = datetime.now().astimezone().isoformat(timespec="seconds")
        if as_json:
            click.echo(json.dumps({"at": at, **_report_json(r), "doc_ids": list(r.stored)}, ensure_ascii=False))
        else:
            _echo_report(r, store.path, prefix=f"[{at}] ", each_added=True)

    def hook_failed(exc: BaseException) -> None:
        click.echo(f"plenary: after a batch: {type(exc).__name__}: {exc}", err=True)

    click.echo(f"Watching {folder} (a file is read once unchanged for {settle:g} s); Ctrl-C to stop.", err=True)
    watch = FolderWatch(folder, store, settle=settle, on_report=report, on_hook_error=hook_failed, max_bytes=limit,
                        on_batch=lambda doc_ids: _after_batch(store, doc_ids))
    try:
        watch.watch()
    except KeyboardInterrupt:
        pass
    summary = watch.summary
    if as_json:
        click.echo(json.dumps({"stopped": True, "batches": summary.batches, "added": summary.added,
                               "replaced": summary.replaced, "unchanged": summary.unchanged,
                               "failed": summary.failed, "doc_ids": summary.doc_ids}, ensure_ascii=False))
    else:
        click.echo(f"Stopped watching {folder}: {summary.batches} batches, {summary.added} added, "
                   f"{summary.replaced} replaced, {summary.unchanged} unchanged, {summary.failed} failed.",
                   err=True)
    if watch.interrupted:
        # Each document went in whole or not at all; the next watch (or ingest) takes up the rest.
        click.echo(f"Stopped during a batch of {len(watch.interrupted)} files: run 'plenary ingest {folder}' "
                   f"(or watch it again) to finish it.", err=True)
    store.close()
    sys.exit(0)


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
    sys.exit(EXIT_USAGE)


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


@main.command("trend")
@click.argument("query")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the chart here, as a PNG (nothing is written when nothing matches).")
@click.option("--by", type=click.Choice(("year", "month", "document")), default=None,
              help="Count per year, month or document (default: per year; per document when the corpus "
                   "spans less than three years).")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default=None,
              help="Only documents in this language.")
@db_option
@json_option
def trend_cmd(query: str, out: str | None, by: str | None, language: str | None, db: str | None,
              as_json: bool) -> None:
    """How often QUERY appears per year (or month, or document) and body, matched as search
    matches it; --out draws the chart."""
    from bot.answers.search import QueryError
    from bot.answers.trend import trend
    from bot.render.chart import render_png
    from bot.render.trend import render_trend

    store = open_store(db)
    try:
        result = trend(store, query, by=by, language=language).as_json()
    except QueryError as exc:
        _refuse(str(exc))
    chart = None
    if out and result["found"]:
        try:
            Path(out).write_bytes(render_png(result))
        except OSError as exc:
            _refuse(f"can't write the chart to {out}: {exc.strerror or exc}")
        chart = out
    if as_json:
        result["chart"] = chart
    _finish(result, as_json, lambda r: render_trend(r, chart=chart), result["found"])


DIGEST_FIRST = _date(1945, 1, 1)
DIGEST_LAST = _date(9998, 12, 31)


@main.group("watch")
def watch_group() -> None:
    """Watches: be told when new documents match (alerts go to a Discord channel, or wait for
    `plenary watch pending`)."""


def _watching(db: str | None) -> Any:
    from bot.service import Plenary

    store = open_store(db, budget=False)
    return Plenary(store, warm=False, budget=_cli_budget(), state=_state(store.path))


@watch_group.command("add")
@click.argument("query", required=False)
@click.option("--symbol", default=None, help="A document's symbol: alert when a new document cites it, or a new version arrives.")
@click.option("--speaker", default=None, help="A speaker's name or role: alert when they speak in a new record.")
@click.option("--country", default=None, help="A country or organisation: alert when its delegates speak.")
@click.option("--channel", type=int, default=None, help="A Discord channel id to post the alerts in.")
@click.option("--kind", "doc_kind", type=click.Choice(KINDS), default=None, help="Only documents of this kind.")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default=None, help="Only documents in this language.")
@db_option
@json_option
def watch_add_cmd(query: str | None, symbol: str | None, speaker: str | None, country: str | None,
                  channel: int | None, doc_kind: str | None, language: str | None, db: str | None,
                  as_json: bool) -> None:
    """Watch words (QUERY, matched as search matches), or a --symbol, --speaker or --country."""
    from bot.render.watches import what, where
    from bot.watches import WatchError

    asked = [(k, v) for k, v in (("query", query), ("symbol", symbol), ("speaker", speaker),
                                 ("country", country)) if v is not None]
    if len(asked) != 1:
        _refuse("say what to watch: words, or one of --symbol, --speaker, --country")
    (kind, value), = asked
    plenary = _watching(db)
    try:
        watch = plenary.watches.add(kind, value, owner="channel" if channel else "local", channel_id=channel,
                                    doc_kind=doc_kind, language=language)
    except WatchError as exc:
        _refuse(str(exc))
    if as_json:
        _echo_json(watch)
    else:
        click.echo(f"Watch #{watch['id']}: {what(watch)}, {where(watch)}.")


@watch_group.command("list")
@db_option
@json_option
def watch_list_cmd(db: str | None, as_json: bool) -> None:
    """Every watch."""
    from bot.render.watches import render_watches

    found = _watching(db).watches.list()
    _finish(found, as_json, render_watches, bool(found))


@watch_group.command("remove")
@click.argument("watch_id", type=int)
@db_option
def watch_remove_cmd(watch_id: int, db: str | None) -> None:
    """Remove watch WATCH_ID and its alerts."""
    if not _watching(db).watches.remove(watch_id):
        click.echo(f"There is no watch #{watch_id}.", err=True)
        sys.exit(EXIT_NOTHING)
    click.echo(f"Watch #{watch_id} removed.")


@watch_group.command("pending")
@click.option("--mark", is_flag=True, help="Record the alerts listed as delivered.")
@db_option
@json_option
def watch_pending_cmd(mark: bool, db: str | None, as_json: bool) -> None:
    """The alerts not yet delivered (matching first what came in since the last look)."""
    from bot.render.watches import render_pending

    plenary = _watching(db)
    plenary.watches.scan()
    alerts = plenary.watches.pending()
    if mark:
        from bot.watches import batches

        for b in batches(alerts):
            plenary.watches.delivered(b.watch["id"], b.batch)
    if as_json:
        _echo_json([{k: v for k, v in a.items() if k != "item"} for a in alerts])
    else:
        click.echo(render_pending(alerts))
    sys.exit(0 if alerts else 1)


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
    # The United Nations' years, with room for a day before and after: a date near year 1 or
    # 9999 has no day before it or after it to compute.
    for name, value in (("--since", since_at and since_at.date()), ("--date", on)):
        if value is not None and not DIGEST_FIRST <= value <= DIGEST_LAST:
            _refuse(f"{name} {value.isoformat()} is out of range: give a date from {DIGEST_FIRST.isoformat()} "
                    f"to {DIGEST_LAST.isoformat()}")
    _finish(digest(open_store(db), since=since_at, day=on), as_json, render_digest, True)


@main.command("shell")
@db_option
@click.option("--locale", default=None, help="Answer in this locale (zh-CN, en-US; default $PLENARY_LOCALE, then $LANG).")
def shell_cmd(db: str | None, locale: str | None) -> None:
    """Try the bot's slash commands in a terminal, without a Discord token."""
    from bot.render.labels import lang_of
    from bot.service import Plenary
    from bot.shell import repl

    store = open_store(db, readonly=not _writable(db), budget=False)
    state = _state(store.path) if _writable(db) or config.state_url() else None
    # warm=False: the shell has no autocomplete, so it does not build the completer (0.4 s at a
    # million paragraphs); speaker names are read at the first question that needs them.
    repl(Plenary(store, warm=False, budget=_query_budget(), state=state), lang=lang_of(locale or config.shell_locale()))


def _query_budget() -> float | None:
    try:
        return config.query_budget()
    except config.SettingError as exc:
        _refuse(str(exc))
        raise  # unreachable: _refuse exits


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
    token = os.environ.get("DISCORD_TOKEN", "").strip()
    if not token:
        _refuse("DISCORD_TOKEN is not set. Put it in the environment or in .env (see .env.example for every "
                "setting). To try Plenary without Discord, run: uv run plenary shell")
    return token


def _state(path: Path) -> Any:
    """The bot's state store (PLENARY_STATE_URL, or a file beside the corpus); exit 3 if unusable."""
    from bot.state import StateError, open_state

    try:
        return open_state(config.state_url(), corpus=path)
    except StateError as exc:
        click.echo(f"plenary: {exc}", err=True)
        sys.exit(EXIT_DATABASE)


def _shards(shards: str | None, shard_count: int | None) -> Any:
    from bot.shards import ShardError, parse_shards

    try:
        env_shards, env_count = config.shards()
        return parse_shards(shards or env_shards, shard_count if shard_count is not None else env_count)
    except (ShardError, config.SettingError) as exc:
        _refuse(str(exc))
        raise  # unreachable: _refuse exits


def _bot(db: str | None, shards: Any = None) -> Any:
    import logging

    from bot.chat.client import PlenaryBot

    logging.basicConfig(level=os.environ.get("PLENARY_LOG_LEVEL", "INFO").upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    guild = os.environ.get("DISCORD_GUILD_ID", "").strip()
    try:
        budget, readers = config.query_budget(), config.readers()
    except config.SettingError as exc:
        _refuse(str(exc))
    # The corpus is only read: a new one is published beside it (plenary ingest --publish).
    store = open_store(db, readonly=True, budget=False)
    return PlenaryBot(store, state=_state(store.path), shards=shards,
                      guild_id=int(guild) if guild.isdigit() else None,
                      message_content=os.environ.get("PLENARY_MESSAGE_CONTENT", "0") == "1", budget=budget,
                      readers=readers)


@main.command("run")
@db_option
@click.option("--shards", default=None, help="This process's shards, such as 0-3 (PLENARY_SHARDS).")
@click.option("--shard-count", type=int, default=None, help="How many shards the bot has in all (PLENARY_SHARD_COUNT).")
def run_cmd(db: str | None, shards: str | None, shard_count: int | None) -> None:
    """Start the Discord bot (DISCORD_TOKEN from the environment or .env); with --shards, one
    part of a bot run as several processes that share PLENARY_STATE_URL (docs/deploy.md)."""
    token = _token()
    _bot(db, _shards(shards, shard_count)).run(token, log_handler=None)


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

