"""`plenary ingest --watch DIR`: keep ingesting what is dropped into (or changed in) a folder.

A file is taken once it has settled: its size and modification time unchanged for ``settle``
seconds (PLENARY_WATCH_SETTLE, --settle), so a file still being copied is waited out. Settled
files go through the one-off ingest (bot/ingest.py's ingest(), so the same rules apply: a bad
file is named with its reason and skipped, an unchanged one costs a hash). A file that failed is
kept in view: when it changes again (an event, or its size or time seen to differ on a later
tick) it is tried again, so an incomplete file that was read too early is not lost.

The loop is ``FolderWatch.run`` over an iterable of change batches, each a set of (Change, path)
as watchfiles yields them (an empty batch is a tick: time passed). ``watch_folder`` feeds it
from watchfiles; tests feed it batches and a clock of their own. After each ingest the batch's
IngestReport goes to ``on_report`` (the CLI prints it) and the doc_ids it stored to ``on_batch``
(a hook, for watch alerts). The first batch also takes the folder's files as they are, so what
was dropped before the watch began is not missed (already stored files are unchanged).
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import EllipsisType
from typing import Any

from bot.files import _SKIP as NOT_DOCUMENTS  # catalog.json and READMEs: never documents
from bot.files import survey
from bot.ingest import IngestReport, ingest
from bot.store import Store

DELETED = 3  # watchfiles.Change.deleted (1 added, 2 modified)
# Names a file has while it is still being written elsewhere (the finished file's rename is its
# own event), and editors' scratch files.
_IN_PROGRESS = (".part", ".crdownload", ".download", ".tmp", ".partial", "~", ".swp", ".swx")

Batch = Iterable[tuple[Any, str]]  # (watchfiles.Change or its int value, path)


@dataclass
class WatchSummary:
    """What a watch did, for the summary printed when it stops."""

    batches: int = 0  # ingests run
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    doc_ids: list[str] = field(default_factory=list)  # stored, in order, each once

    def add(self, report: IngestReport) -> None:
        self.batches += 1
        self.added += len(report.added)
        self.replaced += len(report.replaced)
        self.unchanged += len(report.unchanged)
        self.failed += len(report.failed)
        for doc_id in report.stored:
            if doc_id not in self.doc_ids:
                self.doc_ids.append(doc_id)


def _signature(path: Path) -> tuple[int, int] | None:
    """(size, mtime in ns) of a regular file; None if it is gone or not a file."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns) if stat.S_ISREG(st.st_mode) else None


class FolderWatch:
    def __init__(self, folder: str | Path, store: Store, settle: float = 2.0,
                 on_report: Callable[[IngestReport], None] | None = None,
                 on_batch: Callable[[list[str]], None] | None = None,
                 on_hook_error: Callable[[BaseException], None] | None = None,
                 clock: Callable[[], float] = time.monotonic, max_bytes: int | None | EllipsisType = ...,
                 workers: int | None = None, scan_first: bool = True):
        """``folder``: as the user wrote it (stored sources read as a one-off ingest of it would).
        ``settle``: seconds a file's size and time must stay unchanged before it is read."""
        self.folder = Path(folder)
        self._root = Path(os.path.abspath(self.folder))
        self.store, self.settle, self.clock = store, settle, clock
        self.on_report, self.on_batch, self.on_hook_error = on_report, on_batch, on_hook_error
        self.max_bytes, self.workers = max_bytes, workers
        self.pending: dict[Path, tuple[tuple[int, int], float]] = {}  # path → (signature, since)
        self.failed: dict[Path, tuple[int, int] | None] = {}  # path → signature when it failed
        self.summary = WatchSummary()
        self.interrupted: list[Path] = []  # the files of a batch stopped mid-ingest (Ctrl-C)
        self._scan = scan_first

    # -- which paths ------------------------------------------------------------------------

    def _path(self, raw: str | Path) -> Path | None:
        """The path as the folder was written (folder/sub/name), or None for what is not a
        document: outside the folder, hidden or inside a hidden folder, a catalog or README,
        a file still being written under a temporary name."""
        absolute = Path(os.path.abspath(raw))
        try:
            rel = absolute.relative_to(self._root)
        except ValueError:
            return None
        if not rel.parts or any(p.startswith(".") for p in rel.parts):
            return None
        name = rel.name
        if name in NOT_DOCUMENTS or name.startswith("~$") or name.lower().endswith(_IN_PROGRESS):
            return None
        return self.folder / rel

    def seen(self, changes: Batch) -> None:
        """Note what changed: each file's clock starts again; a deleted one is forgotten."""
        now = self.clock()
        if self._scan:
            self._scan = False
            for path in survey([self.folder]).files:
                self._note(path, now)
        for change, raw in changes:
            path = self._path(raw)
            if path is None:
                continue
            if int(change) == DELETED:
                self.pending.pop(path, None)
                self.failed.pop(path, None)
                continue
            self._note(path, now)

    def _note(self, path: Path, now: float) -> None:
        if (p := self._path(path)) is None:
            return
        sig = _signature(p)
        if sig is None:  # a folder, or gone already: a folder's files have events of their own
            self.pending.pop(p, None)
            return
        self.failed.pop(p, None)
        self.pending[p] = (sig, now)

    def due(self) -> list[Path]:
        """Files whose size and time held for ``settle`` seconds (taken out of pending); a file
        that changed since it was noted starts its wait again. A failed file that changed is
        noted again, so it is retried once it settles."""
        now = self.clock()
        for path, sig in list(self.failed.items()):
            current = _signature(path)
            if current is None:
                del self.failed[path]
            elif current != sig:
                self._note(path, now)
        ready = []
        for path, (sig, since) in list(self.pending.items()):
            if now - since < self.settle:
                continue
            current = _signature(path)
            if current is None:
                del self.pending[path]
            elif current != sig:
                self.pending[path] = (current, now)
            else:
                del self.pending[path]
                ready.append(path)
        return sorted(ready)

    # -- ingesting ----------------------------------------------------------------------------

    def step(self, changes: Batch) -> IngestReport | None:
        """One batch: note it, ingest what settled, report. None when nothing was due."""
        self.seen(changes)
        ready = self.due()
        if not ready:
            return None
        sigs = {path: _signature(path) for path in ready}
        if self.store.replaced():  # a corpus was published here since (plenary ingest --publish)
            old, self.store = self.store, Store(self.store.path)
            old.close()
        self.interrupted = ready  # until ingest returns: what Ctrl-C would cut short
        report = ingest(ready, self.store, max_bytes=self.max_bytes, workers=self.workers)
        self.interrupted = []
        for name, _ in report.failed:
            path = Path(name)
            self.failed[path] = sigs.get(path, _signature(path))
        self.summary.add(report)
        if self.on_report:
            self.on_report(report)
        ids = list(report.stored)
        if ids and self.on_batch:
            try:
                self.on_batch(ids)
            except Exception as exc:  # noqa: BLE001 - a hook's failure must not stop the watch
                if self.on_hook_error:
                    self.on_hook_error(exc)
        return report

    @property
    def waiting(self) -> float | None:
        """Seconds until the next pending file may have settled, or None if none is pending."""
        if not self.pending:
            return None
        now = self.clock()
        return max(0.0, min(since + self.settle - now for _, since in self.pending.values()))

    def run(self, batches: Iterable[Batch]) -> WatchSummary:
        """Step through ``batches`` until they end (or KeyboardInterrupt, left to the caller:
        the summary so far is in ``self.summary``)."""
        for changes in batches:
            self.step(changes)
        return self.summary

    def watch(self, stop_event: Any | None = None) -> WatchSummary:
        """Run on watchfiles' batches of the folder until ``stop_event`` (a threading.Event) is
        set; Ctrl-C raises KeyboardInterrupt to the caller, the summary so far in ``summary``."""
        import watchfiles

        # Debounce no longer than the tick: the settle wait, not watchfiles, decides when to read.
        tick = tick_ms(self.settle)
        return self.run(watchfiles.watch(self.folder, stop_event=stop_event, yield_on_timeout=True,
                                         rust_timeout=tick, debounce=tick, step=min(50, tick),
                                         raise_interrupt=True))


def tick_ms(settle: float) -> int:
    """How often watchfiles wakes the loop when nothing changes: often enough that a settled
    file waits at most a quarter of the settle time more (50 ms to 1 s)."""
    return int(min(1000, max(50, settle * 250)))


def watch_folder(folder: str | Path, store: Store, settle: float = 2.0, stop_event: Any | None = None,
                 **kwargs: Any) -> FolderWatch:
    """Watch ``folder`` until ``stop_event`` is set (or Ctrl-C: KeyboardInterrupt); returns the
    watch, its summary in ``.summary``. ``kwargs`` go to FolderWatch (on_report, on_batch, …)."""
    watch = FolderWatch(folder, store, settle=settle, **kwargs)
    watch.watch(stop_event)
    return watch
