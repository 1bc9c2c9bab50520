"""What Plenary recognises in a file, without storing it (`plenary check`), and the checks of a
parsed document that ingest shares: numbering that jumps, a footnote marked with no text or
with text and no marker, a last paragraph cut mid-sentence.

The document checks only read a Document; finding and reading files goes through bot.files,
as ingest's does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bot.files import CATALOG, checked, load_catalog, read, survey
from bot.language import detect
from bot.model import Document, ParseError
from bot.parse import parse_text

PLAIN_DOCUMENT = "stored as a plain document (no grammar for it)"
TRUNCATED = "the last paragraph ends mid-sentence: the file may be truncated"

# -- checks of a parsed document ----------------------------------------------------------


def numbering_gaps(doc: Document) -> list[str]:
    """Numbered paragraphs (operative, explanatory) that skip a number: OP1, OP2, OP4.
    Each run (a section, in the body or in one annex) is counted on its own."""
    out = []
    last: dict[tuple[str | None, str], tuple[int, str]] = {}
    for p in doc.paragraphs:
        if p.number is None:
            continue
        key = (p.annex, p.section)
        prev = last.get(key)
        if prev is None and p.number > 1:
            out.append(f"the numbering starts at {p.label}, not 1")
        elif prev is not None and p.number > prev[0] + 1:
            out.append(f"the numbering jumps from {prev[1]} to {p.label}")
        if prev is None or p.number > prev[0]:
            last[key] = (p.number, p.label)
    return out


def footnote_mismatches(doc: Document) -> list[str]:
    """A footnote marker in a paragraph with no footnote text, and footnote text no paragraph marks."""
    cited: dict[int, str] = {}
    for p in doc.paragraphs:
        for marker in p.footnotes:
            cited.setdefault(marker, p.label)
    defined = {f.marker for f in doc.footnotes}
    out = [f"footnote {m} is marked in {cited[m]} but its text is missing" for m in sorted(set(cited) - defined)]
    out += [f"footnote {m} has no marker in the text" for m in sorted(defined - set(cited))]
    return out


# What a finished paragraph ends with, in Chinese and in the other UN languages (closing
# quotes and brackets after a full stop included). A comma is not among them: a document
# whose last paragraph ends with one (a preambular paragraph) has lost its end.
_FINAL = set("。！？；：…”’」』）》】〕)]}\"'»!?;:.．؟")
_MIN_SENTENCE = 12  # shorter last lines are headings, dates, signatures, not cut sentences


def truncation(doc: Document) -> list[str]:
    """The last paragraph ending mid-sentence, without final punctuation."""
    if not doc.paragraphs:
        return []
    text = doc.paragraphs[-1].text.rstrip()
    if len(text) < _MIN_SENTENCE or text[-1] in _FINAL or text[-1].isdigit():
        return []
    return [TRUNCATED]


def doc_warnings(doc: Document) -> list[str]:
    """Every document check's doubts not already among the parser's, in plain words (ingest
    stores them with the document). Where the grammar has judged the numbering itself, its
    word stands."""
    numbering = [] if any("numbering" in w for w in doc.warnings) else numbering_gaps(doc)
    found = [*numbering, *footnote_mismatches(doc), *truncation(doc)]
    if doc.kind == "document" and not any("plain document" in w for w in doc.warnings):
        found.append(PLAIN_DOCUMENT)
    return [w for w in found if w not in doc.warnings]


# -- plenary check ------------------------------------------------------------------------


@dataclass
class CheckReport:
    """What one file holds as Plenary reads it, or why it can't be read."""

    path: str
    ok: bool = True  # False: refused (reason says why)
    reason: str | None = None
    format: str | None = None  # pdf, docx, html, text
    encoding: str | None = None
    language: str | None = None  # zh-Hans, zh-Hant, en, fr, es, ru, ar
    script: str | None = None  # Hans, Hant, Latn, Cyrl, Arab
    kind: str | None = None  # resolution, letter, record, statement, document
    body: str | None = None
    symbol: str | None = None
    id: str | None = None
    title: str | None = None
    date: str | None = None
    paragraphs: dict[str, int] = field(default_factory=dict)  # per section: preamble, operative, annex I …
    speakers: list[str] = field(default_factory=list)  # records, in order of first turn
    turns: int = 0
    footnotes: int = 0
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def section_counts(doc: Document) -> dict[str, int]:
    """Paragraphs per section, in document order; an annex's sections apart ("annex II operative")."""
    counts: Counter[str] = Counter()
    for p in doc.paragraphs:
        counts[f"annex {p.annex} {p.section}" if p.annex else p.section] += 1
    return dict(counts)


def check_file(path: Path, catalog: dict | None = None, max_bytes: int | None = None) -> CheckReport:
    """Read and parse one file, store nothing, and say what was recognised."""
    report = CheckReport(str(path))
    try:
        checked(path, max_bytes)
        source = read(path, max_bytes)
    except (ParseError, OSError) as exc:
        return _refused(report, exc)
    report.format, report.encoding = source.format, source.encoding
    if language := detect(source.text):
        report.language, report.script = language.tag, language.script
    try:
        doc = parse_text(source.text, path.name, catalog)
    except ParseError as exc:
        return _refused(report, exc)
    report.kind, report.body, report.symbol, report.id = doc.kind, doc.body, doc.symbol, doc.doc_id
    report.title, report.date = doc.title or None, doc.date
    report.paragraphs = section_counts(doc)
    report.speakers = [sp.name for sp in doc.speakers]
    report.turns = len(doc.turns)
    report.footnotes = len(doc.footnotes)
    pages = [p.page for p in doc.paragraphs if p.page]
    report.pages = source.pages or (max(pages) if pages else None)
    report.warnings = [*doc.warnings, *doc_warnings(doc)]
    return report


def _refused(report: CheckReport, exc: Exception) -> CheckReport:
    report.ok = False
    report.reason = str(exc) if isinstance(exc, ParseError) else (exc.strerror or str(exc))
    return report


def check_paths(paths: Iterable[str | Path], max_bytes: int | None = None) -> list[CheckReport]:
    """A report per file named or found in a folder named, each file once; what is not a file
    (a pipe, a socket, a device, a broken or looping link) is reported refused, never opened."""
    found = survey(paths)
    reports: list[CheckReport] = []
    catalogs: dict[Path, tuple[dict, str | None]] = {}
    for path in found.files:
        folder = path.parent.resolve()
        if folder not in catalogs:
            try:
                catalogs[folder] = (load_catalog(folder, max_bytes), None)
            except ParseError as exc:
                catalogs[folder] = ({}, f"{path.parent / CATALOG}: {exc}: checked without its facts")
        catalog, trouble = catalogs[folder]
        report = check_file(path, catalog, max_bytes)
        if trouble:
            report.warnings.insert(0, trouble)
        reports.append(report)
    reports += [CheckReport(p, ok=False, reason=r) for p, r in found.failed + found.skipped]
    return reports


# -- as text ------------------------------------------------------------------------------


def render_check(report: CheckReport) -> str:
    """A report for a terminal: one fact a line, under the file's path."""
    if not report.ok and report.kind is None and report.format is None:
        return f"{report.path}\n  refused     {report.reason}"
    rows: list[tuple[str, str]] = []
    if not report.ok:
        rows.append(("refused", report.reason or ""))
    rows.append(("format", ", ".join(filter(None, [report.format, report.encoding]))))
    rows.append(("language", report.language or "unknown"))
    if report.kind:
        rows.append(("kind", report.kind + (f" ({report.body})" if report.body else "")))
        rows.append(("symbol", report.symbol or f"none (id {report.id})"))
        if report.title:
            rows.append(("title", report.title))
        rows.append(("date", report.date or "unknown"))
        rows.append(("paragraphs", ", ".join(f"{k} {n}" for k, n in report.paragraphs.items()) or "none"))
        if report.speakers:
            rows.append(("speakers", f"{len(report.speakers)} in {report.turns} turns: "
                                     + "、".join(report.speakers[:6]) + ("…" if len(report.speakers) > 6 else "")))
        rows.append(("footnotes", str(report.footnotes)))
        if report.pages:
            rows.append(("pages", str(report.pages)))
    if report.ok or report.warnings:
        rows.append(("warnings", str(len(report.warnings)) if report.warnings else "none"))
    lines = [report.path] + [f"  {label:<11} {value}" for label, value in rows]
    lines += [f"    - {w}" for w in report.warnings]
    return "\n".join(lines)
