"""Files → parse → store, one document per transaction.

Idempotent: a file whose bytes are already stored changes nothing. A changed file replaces
its document (same symbol or same source path) atomically, and the report says what it
replaced. A file that can't be read or parsed is named with its reason and skipped; the
others still go in. Inside folders, what is not a file (a named pipe, a socket, a device, a
symbolic link that loops or leads nowhere) is named and skipped without being opened. A file
named twice (twice over, inside a folder also named, through a link) counts once. What the
parser and the document checks (bot/check.py) doubt is reported as warnings, and stored.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import json
import os
import stat
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import EllipsisType
from typing import Self

from bot import config
from bot.check import doc_warnings
from bot.crosscheck import check_refs
from bot.model import ParseError
from bot.parse import parse_text
from bot.read import Source, read_source
from bot.store import Indexed, Store, index_document

CATALOG = "catalog.json"
_SKIP = {CATALOG, "README.md", "README.txt"}


def read(path: Path, max_bytes: int | None = None) -> Source:
    """The one place ingest and check turn a file into text (PDF, Word, web page or text, told
    apart by content). Raises ParseError (bot.read's ReadError) saying why not."""
    return read_source(path, max_bytes=max_bytes)


class Replaced(str):
    """A replaced file's path (it compares and prints as the path) with what it replaced:
    "replaces A/RES/75/276 (from 000_f1a9a3be852b4a06.txt)"."""

    reason: str

    def __new__(cls, path: str, reason: str) -> Self:
        self = super().__new__(cls, path)
        self.reason = reason
        return self


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[Replaced] = field(default_factory=list)  # each with .reason
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason): files not stored
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason): not files, inside folders
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, warning): stored, but doubted
    paragraphs: int = 0
    stored: dict[str, str] = field(default_factory=dict)  # doc_id → path, of what this ingest stored

    @property
    def ok(self) -> bool:
        return not self.failed


# -- finding the files ------------------------------------------------------------------

def not_a_file(mode: int) -> str:
    """Why a path that is not a regular file (nor a folder) is not read."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file: not read"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file: not read"
    if stat.S_ISCHR(mode):
        return "a character device, not a file: not read"
    if stat.S_ISBLK(mode):
        return "a block device, not a file: not read"
    return "not a regular file: not read"


def _unreachable(path: Path, exc: OSError) -> str:
    """Why stat() failed on a path, in words."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link that loops (it leads back to itself)"
    if isinstance(exc, FileNotFoundError):
        if path.is_symlink():
            return f"a dangling symbolic link (to {os.readlink(path)}, which does not exist)"
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


@dataclass
class Survey:
    """What a list of paths holds: the files to read, in order, each once, and what was not."""

    files: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # named directly, and not a file
    skipped: list[tuple[str, str]] = field(default_factory=list)  # found inside a folder, and not a file


def survey(paths: Iterable[str | Path]) -> Survey:
    """Files named, and the files inside folders named (not recursing into hidden ones).

    Nothing is opened: paths are only stat()ed, so a named pipe can't hang the walk. A link
    to a folder is followed unless it leads back into a folder being walked (a loop)."""
    out = Survey()
    files: set[tuple[int, int]] = set()
    folders: set[tuple[int, int]] = set()
    refused: set[object] = set()  # what is not a file, by inode (or path, when stat() fails): named once

    def add(path: Path, st: os.stat_result) -> None:
        if (st.st_dev, st.st_ino) not in files:
            files.add((st.st_dev, st.st_ino))
            out.files.append(path)

    def refuse(into: list[tuple[str, str]], path: Path, reason: str, st: os.stat_result | None = None) -> None:
        key = (st.st_dev, st.st_ino) if st else os.path.abspath(path)
        if key not in refused:
            refused.add(key)
            into.append((str(path), reason))

    def walk(folder: Path, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            refuse(out.skipped, folder, f"the folder can't be read: {_unreachable(folder, exc)}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                st = path.stat()
            except OSError as exc:
                refuse(out.skipped, path, _unreachable(path, exc))
                continue
            key = (st.st_dev, st.st_ino)
            if stat.S_ISDIR(st.st_mode):
                if key in ancestors:
                    refuse(out.skipped, path, "a symbolic link to a folder it is in (a loop): not followed")
                elif key not in folders:  # else a second way into a folder already walked
                    folders.add(key)
                    walk(path, ancestors | {key})
            elif stat.S_ISREG(st.st_mode):
                if entry.name not in _SKIP:
                    add(path, st)
            else:
                refuse(out.skipped, path, not_a_file(st.st_mode), st)

    for path in map(Path, paths):
        try:
            st = path.stat()
        except OSError as exc:
            refuse(out.failed, path, _unreachable(path, exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key not in folders:
                folders.add(key)
                walk(path, frozenset({key}))
        elif stat.S_ISREG(st.st_mode):
            add(path, st)
        else:
            refuse(out.failed, path, not_a_file(st.st_mode), st)
    return out


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """The files ``survey`` finds."""
    return survey(paths).files


# -- reading ----------------------------------------------------------------------------

def too_big(size: int, max_bytes: int | None) -> str | None:
    """Why a file of ``size`` bytes is not read, or None if it may be."""
    if max_bytes is not None and size > max_bytes:
        return (f"the file is {size / config.MB:.1f} MB ({size:,} bytes), over the {max_bytes / config.MB:.4g} MB "
                f"limit (PLENARY_MAX_FILE_MB): not read")
    return None


def checked(path: Path, max_bytes: int | None) -> os.stat_result:
    """The file's stat if it may be read: a regular file within the size limit; else ParseError.
    Checked before anything opens it, so a pipe is never opened and a huge file never read."""
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise ParseError(not_a_file(st.st_mode))
    if reason := too_big(st.st_size, max_bytes):
        raise ParseError(reason)
    return st


def file_bytes(path: Path, max_bytes: int | None) -> bytes:
    """The bytes of a regular file within the size limit (ParseError saying why not)."""
    checked(path, max_bytes)
    # O_NONBLOCK: should the path become a pipe after the check, opening it still can't hang.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise ParseError(not_a_file(st.st_mode))
        data = f.read(-1 if max_bytes is None else max_bytes + 1)
    if reason := too_big(len(data), max_bytes):
        raise ParseError(reason)
    return data


def load_catalog(folder: Path, max_bytes: int | None = None) -> dict:
    """The folder's catalog.json (facts by file name), {} if it has none; ParseError if it
    can't be used."""
    path = folder / CATALOG
    if not path.exists():
        return {}
    try:
        data = json.loads(file_bytes(path, max_bytes).decode("utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise ParseError(f"the catalog is not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ParseError(f"the catalog is not a JSON object of facts by file name (it is a {type(data).__name__})")
    return {k: v for k, v in data.items() if isinstance(v, dict)}


# -- parsing, in parallel ---------------------------------------------------------------

# Below this many changed files, worker processes cost more to start than they save.
PARALLEL_FROM = 32
_IN_FLIGHT = 4  # documents per worker parsed ahead of the writer: bounds memory
BATCH_PARAGRAPHS = 5000  # per transaction
OPTIMIZE_FROM = 20_000  # paragraphs added in one ingest that make merging the index worth it


def prepare(path: Path, catalog: dict, max_bytes: int | None = None) -> Indexed | str:
    """Parse, check and index one file (in a worker process for big batches): the result or why not."""
    try:
        doc = parse_text(read(path, max_bytes).text, path.name, catalog)
    except (ParseError, OSError) as exc:
        return str(exc)
    doc.warnings += doc_warnings(doc)
    return index_document(doc)


_Job = tuple[Path, str, dict, "int | None"]  # path, sha256, catalog, max_bytes


def _prepared(jobs: list[_Job], workers: int) -> Iterator[tuple[Path, str, Indexed | str]]:
    """(path, sha, result) for each job, in order; parsed by ``workers`` processes when > 1.

    SQLite has one writer, so the main process writes while the workers parse and fold:
    on two cores that is most of the gain there is."""
    if workers <= 1 or len(jobs) < PARALLEL_FROM:
        for path, sha, catalog, limit in jobs:
            yield path, sha, prepare(path, catalog, limit)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque = deque()
        todo = iter(jobs)
        for path, sha, catalog, limit in itertools.islice(todo, workers * _IN_FLIGHT):
            pending.append((path, sha, pool.submit(prepare, path, catalog, limit)))
        while pending:
            path, sha, future = pending.popleft()
            if (job := next(todo, None)) is not None:
                pending.append((job[0], job[1], pool.submit(prepare, job[0], job[2], job[3])))
            yield path, sha, future.result()


# -- writing ----------------------------------------------------------------------------

def _write(store: Store, batch: list[tuple[Path, str, Indexed]], stamp: str, report: IngestReport) -> None:
    """Store a batch of documents in one transaction (the full-text index writes one segment
    per commit, so fewer, bigger commits cost less); if one fails, each goes in on its own,
    so a bad document costs only itself."""
    if not batch:
        return
    try:
        with store.transaction():
            done = [_store_one(store, path, sha, item, stamp) for path, sha, item in batch]
    except OSError as exc:
        if len(batch) == 1:
            report.failed.append((str(batch[0][0]), f"could not be stored: {exc}"))
            return
        for one in batch:
            _write(store, [one], stamp, report)
        return
    for (path, _, item), (outcome, reason) in zip(batch, done):
        if outcome == "replaced":
            report.replaced.append(Replaced(str(path), reason or ""))
        else:
            getattr(report, outcome).append(str(path))
        if outcome != "unchanged":
            # Counted as `stats` counts them: text, not the procedural notes of a record.
            report.paragraphs += sum(1 for p in item.doc.paragraphs if p.section != "procedure")
            report.warnings += [(str(path), w) for w in item.doc.warnings]
            report.stored[item.doc.doc_id] = str(path)


def _store_one(store: Store, path: Path, sha: str, item: Indexed, stamp: str) -> tuple[str, str | None]:
    """("added" | "replaced" | "unchanged", what it replaced)."""
    # Plain cursor reads, not Store.query: sqlite-utils wraps a query in a savepoint inside a
    # transaction, and each savepoint made the full-text index flush its pending terms, a
    # few milliseconds per document (measured: 1.1 s per 424 files of the benchmark corpus).
    conn = store.db.conn
    if conn.execute("SELECT 1 FROM documents WHERE sha256 = ? AND ingested_at = ?", [sha, stamp]).fetchone():
        # The same bytes twice in this ingest (an earlier ingest's copy is re-read when the
        # grammars changed, so only this ingest's own rows count).
        return "unchanged", None
    old = [{"doc_id": d, "symbol": s, "source": src} for d, s, src in conn.execute(
        "SELECT doc_id, symbol, source FROM documents WHERE doc_id = ? OR source = ?", [item.doc.doc_id, str(path)])]
    if store.replace(item, str(path), sha, stamp):
        return "replaced", "; ".join(_replaces(row, path) for row in old)
    return "added", None


def _replaces(row: dict, path: Path) -> str:
    what = f"replaces {row['symbol'] or row['doc_id']}"
    source = row["source"] or ""
    if source == str(path):
        return f"{what} (an earlier version of this file)"
    # The file name says it; the whole path only when the name alone would be ambiguous.
    return f"{what} (from {source if Path(source).name == path.name else Path(source).name})"


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    on_file: Callable[[Path], None] | None = None,
    now: datetime | None = None,
    workers: int | None = None,
    max_bytes: int | None | EllipsisType = ...,
) -> IngestReport:
    """Parse and store the files ``paths`` name or hold. ``max_bytes``: the size limit per file
    (default PLENARY_MAX_FILE_MB; None for none)."""
    limit = config.max_file_bytes() if max_bytes is ... else max_bytes
    found = survey(paths)
    report = IngestReport(failed=list(found.failed), skipped=list(found.skipped))
    catalogs: dict[Path, dict] = {}
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    jobs: list[_Job] = []
    # A corpus parsed by older grammars is re-read, not skipped for having the same bytes.
    current = store.parsed_by_current()
    for path in found.files:
        folder = path.parent.resolve()
        if folder not in catalogs:
            try:
                catalogs[folder] = load_catalog(folder, limit)
            except ParseError as exc:
                catalogs[folder] = {}
                why = f"{exc}: its folder's documents go in without its facts"
                report.warnings.append((str(path.parent / CATALOG), why))
        try:
            sha = hashlib.sha256(file_bytes(path, limit)).hexdigest()
        except (ParseError, OSError) as exc:
            report.failed.append((str(path), _unreachable(path, exc) if isinstance(exc, OSError) else str(exc)))
            if on_file:
                on_file(path)
            continue
        if current and store.has_sha(sha):
            report.unchanged.append(str(path))
            if on_file:
                on_file(path)
            continue
        jobs.append((path, sha, catalogs[folder], limit))
    batch: list[tuple[Path, str, Indexed]] = []
    size = 0
    for path, sha, result in _prepared(jobs, workers if workers is not None else (os.cpu_count() or 1)):
        if on_file:
            on_file(path)
        if isinstance(result, str):
            report.failed.append((str(path), result))
            continue
        batch.append((path, sha, result))
        size += len(result.doc.paragraphs)
        if size >= BATCH_PARAGRAPHS:
            _write(store, batch, stamp, report)
            batch, size = [], 0
    _write(store, batch, stamp, report)
    if report.paragraphs >= OPTIMIZE_FROM:
        store.optimize()
    if report.stored:
        _self_check(store, report)
    if not current:
        _after_reparse(store, stamp, report)
    return report


def _after_reparse(store: Store, stamp: str, report: IngestReport) -> None:
    """Once every document has been re-read by this Plenary, say so; until then, name how many
    were not (their files were not in this ingest)."""
    (left,) = store.db.execute("SELECT count(*) FROM documents WHERE ingested_at < ?", [stamp]).fetchone()
    if left:
        why = f"{left} documents were parsed by an older Plenary: run 'plenary ingest' over their folders to re-read them"
        report.warnings.append(("(corpus)", why))
    else:
        store.mark_parsed_by_current()


def _self_check(store: Store, report: IngestReport) -> None:
    """Compare the paragraph references of what came in (and of what cites it) with the corpus."""
    for m in check_refs(store, report.stored):
        # The citing document may be this ingest's or one stored before it.
        row = store.one("SELECT source FROM documents WHERE doc_id = ?", [m.doc_id])
        report.warnings.append((row["source"] if row else m.doc_id, m.message()))
