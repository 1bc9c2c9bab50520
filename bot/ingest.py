"""Files → parse → store, one document per transaction.

Idempotent: a file whose bytes are already stored changes nothing. A changed file replaces
its document (same symbol or same source path) atomically, and the report says what it
replaced. A file that can't be read or parsed is named with its reason and skipped; the
others still go in. Which files, and how they are read, is bot/files.py. What the parser and
the document checks (bot/check.py) doubt is reported as warnings, and stored.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import EllipsisType
from typing import Self

from bot import config
from bot.check import doc_warnings
from bot.crosscheck import check_refs
from bot.files import CATALOG, file_bytes, load_catalog, read, survey, unreachable
from bot.model import ParseError
from bot.parse import parse_text
from bot.store import Indexed, Store, index_document


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
    stamp = _stamp(store, now or datetime.now(UTC))
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
            report.failed.append((str(path), unreachable(path, exc) if isinstance(exc, OSError) else str(exc)))
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


def _stamp(store: Store, now: datetime) -> str:
    """This ingest's time: later than any before it, so a watch's mark (bot/watches.py) tells
    what came after it even from two ingests in one second."""
    stamp = now.isoformat(timespec="microseconds")
    (last,) = store.db.execute("SELECT max(ingested_at) FROM documents").fetchone()
    if last and last >= stamp:
        try:
            stamp = (datetime.fromisoformat(last) + timedelta(microseconds=1)).isoformat(timespec="microseconds")
        except ValueError:
            pass
    return stamp


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
