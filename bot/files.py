"""Files as ingest and check find them: what a path names (a file, a folder's files, or
something not to open), size limits, the bytes, the catalog beside them, and the one call that
turns a file into text.

Inside folders, what is not a file (a named pipe, a socket, a device, a symbolic link that
loops or leads nowhere) is named and skipped without being opened. A file named twice (twice
over, inside a folder also named, through a link) counts once.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot import config
from bot.model import ParseError
from bot.read import Source, read_source

CATALOG = "catalog.json"
_SKIP = {CATALOG, "README.md", "README.txt"}


def read(path: Path, max_bytes: int | None = None) -> Source:
    """The one place ingest and check turn a file into text (PDF, Word, web page or text, told
    apart by content). Raises ParseError (bot.read's ReadError) saying why not."""
    return read_source(path, max_bytes=max_bytes)


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


def unreachable(path: Path, exc: OSError) -> str:
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
            refuse(out.skipped, folder, f"the folder can't be read: {unreachable(folder, exc)}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                st = path.stat()
            except OSError as exc:
                refuse(out.skipped, path, unreachable(path, exc))
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
            refuse(out.failed, path, unreachable(path, exc))
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
