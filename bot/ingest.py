"""Files → parse → store, one document per transaction.

Idempotent: a file whose bytes are already stored changes nothing. A changed file replaces
its document (same symbol or same source path) atomically. A file that can't be read or
parsed is named with its reason and skipped; the others still go in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.model import ParseError
from bot.parse import parse_text, read_text
from bot.store import Store

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


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    on_file: Callable[[Path], None] | None = None,
    now: datetime | None = None,
) -> IngestReport:
    report = IngestReport()
    catalogs: dict[Path, dict] = {}
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    for path in expand(paths):
        if on_file:
            on_file(path)
        try:
            folder = path.parent.resolve()
            if folder not in catalogs:
                catalogs[folder] = load_catalog(folder)
            if not path.exists():
                raise ParseError("no such file")
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
            if store.has_sha(sha):
                report.unchanged.append(str(path))
                continue
            doc = parse_text(read_text(path), path.name, catalogs[folder])
            with store.transaction():
                replaced = store.replace(doc, str(path), sha, stamp)
            (report.replaced if replaced else report.added).append(str(path))
            # Counted as `stats` counts them: text, not the procedural notes of a record.
            report.paragraphs += sum(1 for p in doc.paragraphs if p.section != "procedure")
        except (ParseError, OSError) as exc:
            report.failed.append((str(path), str(exc)))
    return report
