"""Files → parse → store, one document per transaction.

Idempotent: a file whose bytes are already stored changes nothing. A changed file replaces
its document (same symbol or same source path) atomically. A file that can't be read or
parsed is named with its reason and skipped; the others still go in.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.model import ParseError
from bot.parse import parse_text, read_text
from bot.store import Indexed, Store, index_document

CATALOG = "catalog.json"
_SKIP = {CATALOG, "README.md", "README.txt"}


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    paragraphs: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the files inside folders named (not recursing into hidden ones)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.name not in _SKIP
                          and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(p)
    return out


def load_catalog(folder: Path) -> dict:
    path = folder / CATALOG
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ParseError(f"{path}: the catalog is not valid JSON ({exc})") from exc
    return {k: v for k, v in data.items() if isinstance(v, dict)}


# Below this many changed files, worker processes cost more to start than they save.
PARALLEL_FROM = 32
_IN_FLIGHT = 4  # documents per worker parsed ahead of the writer: bounds memory
BATCH_PARAGRAPHS = 5000  # per transaction
OPTIMIZE_FROM = 20_000  # paragraphs added in one ingest that make merging the index worth it


def _prepare(path: Path, catalog: dict) -> Indexed | str:
    """Parse and index one file (in a worker process for big batches): the result or why not."""
    try:
        return index_document(parse_text(read_text(path), path.name, catalog))
    except (ParseError, OSError) as exc:
        return str(exc)


def _prepared(jobs: list[tuple[Path, str, dict]], workers: int) -> Iterator[tuple[Path, str, Indexed | str]]:
    """(path, sha, result) for each job, in order; parsed by ``workers`` processes when > 1.

    SQLite has one writer, so the main process writes while the workers parse and fold:
    on two cores that is most of the gain there is."""
    if workers <= 1 or len(jobs) < PARALLEL_FROM:
        for path, sha, catalog in jobs:
            yield path, sha, _prepare(path, catalog)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque = deque()
        todo = iter(jobs)
        for path, sha, catalog in itertools.islice(todo, workers * _IN_FLIGHT):
            pending.append((path, sha, pool.submit(_prepare, path, catalog)))
        while pending:
            path, sha, future = pending.popleft()
            if (job := next(todo, None)) is not None:
                pending.append((job[0], job[1], pool.submit(_prepare, job[0], job[2])))
            yield path, sha, future.result()


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
    for (path, _, item), outcome in zip(batch, done):
        getattr(report, outcome).append(str(path))
        if outcome != "unchanged":
            # Counted as `stats` counts them: text, not the procedural notes of a record.
            report.paragraphs += sum(1 for p in item.doc.paragraphs if p.section != "procedure")


def _store_one(store: Store, path: Path, sha: str, item: Indexed, stamp: str) -> str:
    if store.has_sha(sha):  # the same bytes twice in one batch
        return "unchanged"
    return "replaced" if store.replace(item, str(path), sha, stamp) else "added"


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    on_file: Callable[[Path], None] | None = None,
    now: datetime | None = None,
    workers: int | None = None,
) -> IngestReport:
    report = IngestReport()
    catalogs: dict[Path, dict] = {}
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    jobs: list[tuple[Path, str, dict]] = []
    for path in expand(paths):
        try:
            folder = path.parent.resolve()
            if folder not in catalogs:
                catalogs[folder] = load_catalog(folder)
            if not path.exists():
                raise ParseError("no such file")
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
        except (ParseError, OSError) as exc:
            report.failed.append((str(path), str(exc)))
            continue
        if store.has_sha(sha):
            report.unchanged.append(str(path))
            if on_file:
                on_file(path)
            continue
        jobs.append((path, sha, catalogs[folder]))
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
    return report
