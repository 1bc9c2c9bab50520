"""Publishing a corpus atomically: build it in a new file, then swap it in.

``data/plenary.db`` becomes a symbolic link to its current generation
(``data/plenary.db.20261128T211500123456Z-1a2b``). A new generation is built beside it (a copy of
the current one through SQLite's backup API, plus what is ingested), checkpointed, and put in
place by renaming a new link over the old one: one ``rename``, so a reader opens either the
old corpus or the new, never half of one. Running bots notice the link changed before their
next answer and reopen (bot/service.py); the old generation stays readable while any of them
still holds it open, and the older ones are removed.

Every file is opened by its real path (bot/store.py), so each generation's WAL and
shared-memory files are its own: no reader of an old generation ever touches the new one's.
"""

from __future__ import annotations

import os
import re
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

KEEP = 2  # generations kept: the current one and the one before it (a bot may still read it)
_GENERATION = re.compile(r"\.\d{8}T\d{12}Z-[0-9a-f]{4}$")  # .20261128T211500123456Z-1a2b: in time order


def new_generation(target: Path, start_from_current: bool = True) -> Path:
    """A new generation's path beside ``target``; with ``start_from_current``, a copy of the
    current corpus (so an ingest adds to it)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    built = target.with_name(f"{target.name}.{stamp}-{uuid.uuid4().hex[:4]}")
    target.parent.mkdir(parents=True, exist_ok=True)
    if start_from_current and target.exists():
        src = sqlite3.connect(f"file:{target.resolve()}?mode=ro", uri=True)
        dst = sqlite3.connect(built)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
    return built


def publish(target: Path, built: Path, keep: int = KEEP) -> None:
    """Make ``built`` the corpus at ``target`` in one rename, then prune old generations."""
    conn = sqlite3.connect(built)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file alone is the whole corpus
    finally:
        conn.close()
    link = target.with_name(f".{target.name}.link-{uuid.uuid4().hex[:8]}")
    os.symlink(built.name, link)  # relative: the folder can move or be mounted elsewhere
    os.replace(link, target)
    _sync_dir(target.parent)
    prune(target, keep)


def generations(target: Path) -> list[Path]:
    """The generation files beside ``target``, oldest first."""
    return sorted(p for p in target.parent.glob(f"{target.name}.*") if _GENERATION.search(p.name))


def prune(target: Path, keep: int = KEEP) -> list[Path]:
    """Remove generations older than the newest ``keep`` (never the current one)."""
    current = target.resolve() if target.is_symlink() else None
    found = generations(target)
    old = [p for p in found[: max(0, len(found) - keep)] if p != current]
    for p in old:
        for f in (p, Path(f"{p}-wal"), Path(f"{p}-shm")):
            f.unlink(missing_ok=True)
    return old


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def carry_first_seen(built: Path, old: Path) -> None:
    """A corpus rebuilt from scratch (a format change) keeps when each paragraph was first
    seen, from the corpus it replaces: else every watch would alert on the whole corpus again.
    Paragraphs are matched by document and text; an older corpus without the column gives its
    documents' ingest times ('': older than any watch)."""
    conn = sqlite3.connect(f"file:{built.resolve()}", uri=True)
    try:
        conn.execute("ATTACH DATABASE ? AS old", [f"file:{old.resolve()}?mode=ro"])
        columns = {r[1] for r in conn.execute("PRAGMA old.table_info(paragraphs)")}
        if "first_seen" in columns:
            sql = ("UPDATE paragraphs SET first_seen = coalesce((SELECT coalesce(o.first_seen, '') FROM old.paragraphs o"
                   " WHERE o.doc_id = paragraphs.doc_id AND o.search = paragraphs.search LIMIT 1), first_seen)")
        else:
            sql = ("UPDATE paragraphs SET first_seen = coalesce((SELECT '' FROM old.documents o"
                   " WHERE o.doc_id = paragraphs.doc_id), first_seen)")
        with conn:
            conn.execute(sql)
    except sqlite3.Error:
        return  # an old file that can't be read: the rebuilt corpus's own times stand
    finally:
        conn.close()
