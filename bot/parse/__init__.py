"""Turn one file into a Document: pick the family grammar, then fill facts the text lacks.

Facts come, in this order of trust: the text itself, a file name shaped like a symbol
(S_PV.8967.txt, A_RES_75_276.md), then the catalog in the seeds folder keyed by file name.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.language import detect as detect_language
from bot.model import Document, ParseError
from bot.parse.document import parse_document
from bot.parse.layout import pages_by_line
from bot.parse.letter import looks_like as looks_like_letter
from bot.parse.letter import parse_letter
from bot.parse.record import HONORIFICS, parse_record
from bot.parse.record import looks_like as looks_like_record
from bot.parse.resolution import looks_like as looks_like_resolution
from bot.parse.resolution import parse_resolution
from bot.parse.script import restore_published, simplified_text
from bot.parse.statement import looks_like as looks_like_statement
from bot.parse.statement import parse_statement
from bot.symbols import canonical, find_symbols
from bot.text import strip_markdown, superscript_numbers

__all__ = ["Citation", "ParseError", "citations", "detect_kind", "doc_id_for", "parse_text"]


# Raised whenever the grammars read the same file differently: a corpus parsed by an older
# version is re-read from its files by the next ingest. 2: cue tables, plain documents, pages;
# 3: English grammars, word tokens for Latin-script text, spaces kept between accented and Cyrillic words.
PARSER_VERSION = 3

# The organ a symbol's first segment names, for a document whose text does not say it.
_BODIES = {"S": "安全理事会", "A": "大会", "E": "经济及社会理事会"}


_RESOLUTION_HEAD = 1500  # lines: a resolution's opener stands within them (after a long header or chrome)


def detect_kind(text: str) -> str | None:
    if looks_like_statement(text):
        return "statement"
    if looks_like_record(text):
        return "record"
    if looks_like_letter(text):
        return "letter"
    head = text.replace("\f", "\n").split("\n", _RESOLUTION_HEAD)[:_RESOLUTION_HEAD]
    if looks_like_resolution([strip_markdown(ln).strip() for ln in head]):
        return "resolution"
    return None


_PARSERS = {"record": parse_record, "letter": parse_letter, "resolution": parse_resolution,
            "document": parse_document, "statement": parse_statement}


_EXTENSIONS = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")
# A language version named in the file name, as the UN's files and people's downloads do:
# A_RES_73_8-EN.pdf, S_PV.8967_zh.txt.
_LANGUAGE_SUFFIX = re.compile(r"[-_](?P<lang>ar|zh|ch|en|fr|ru|es)$", re.IGNORECASE)


def _stem(name: str) -> str:
    path = Path(name)
    return path.stem if path.suffix.lower() in _EXTENSIONS else path.name


def language_from_filename(name: str) -> str | None:
    m = _LANGUAGE_SUFFIX.search(_stem(name))
    return None if m is None else {"ch": "zh"}.get(m.group("lang").lower(), m.group("lang").lower())


def symbol_from_filename(name: str) -> str | None:
    return canonical(_LANGUAGE_SUFFIX.sub("", _stem(name)).replace("_", "/"))


def doc_id_for(doc: Document, name: str) -> str:
    """The symbol (or an id of its own); a version in another language than Chinese, the
    corpus's first language, adds it: A/RES/73/8@en."""
    if doc.symbol:
        base = doc.symbol
    elif doc.doc_id:
        base = doc.doc_id
    else:
        digest = hashlib.sha1(Path(name).name.encode()).hexdigest()[:6]
        base = f"{doc.kind}-{doc.date or 'undated'}-{digest}"
    return base if doc.language in (None, "zh") or base.endswith(f"@{doc.language}") else f"{base}@{doc.language}"


def _apply_catalog(doc: Document, entry: dict[str, Any]) -> None:
    for key, value in entry.items():
        if key == "id":
            doc.doc_id = doc.doc_id or value
        elif hasattr(doc, key) and key not in ("facts", "paragraphs", "footnotes", "speakers", "turns"):
            if not getattr(doc, key):
                setattr(doc, key, value)
        else:
            doc.facts.setdefault(key, value)


def parse_text(text: str, name: str, catalog: dict[str, dict[str, Any]] | None = None) -> Document:
    # Every grammar reads Simplified text; the published characters are put back afterwards.
    simplified = simplified_text(text)
    kind = detect_kind(simplified) or "document"
    try:
        doc = _PARSERS[kind](simplified)
    except ParseError as exc:
        if kind == "document":
            raise
        # A family's cues were there but its grammar could not follow: keep the text anyway.
        doc = parse_document(simplified)
        doc.warnings.append(f"looked like a {kind} but {exc}; stored as a plain document")
    if simplified != text:
        restore_published(doc, text, simplified)
    doc.symbol = doc.symbol or symbol_from_filename(name)
    _apply_catalog(doc, (catalog or {}).get(Path(name).name, {}))
    if doc.symbol:
        doc.symbol = canonical(doc.symbol) or doc.symbol
        if not doc.body and doc.kind in ("record", "resolution", "statement"):
            doc.body = _BODIES.get(doc.symbol.split("/")[0])
    chair = doc.facts.get("president")
    for sp in doc.speakers:
        if sp.role == "主席" and sp.name == "主席" and chair:
            sp.name = chair
            sp.honorific = sp.honorific or next((h for h in HONORIFICS if chair.endswith(h)), None)
            sp.country = sp.country or doc.facts.get("presidency")
    if doc.language is None:
        detected = detect_language(text)
        doc.language = language_from_filename(name) or (detected.code if detected and detected.code != "und" else None)
    pages = pages_by_line(text)
    for p in doc.paragraphs:
        p.footnotes = superscript_numbers(p.text)
        p.page = pages.get(p.line)
    doc.doc_id = doc_id_for(doc, name)
    return doc


@dataclass(frozen=True)
class Citation:
    symbol: str
    raw: str
    paragraph: int | None  # index into doc.paragraphs
    footnote: int | None  # footnote marker


def citations(doc: Document) -> list[Citation]:
    """Every symbol the document's paragraphs and footnotes cite (not its own)."""
    out = []
    for i, p in enumerate(doc.paragraphs):
        out += [Citation(s.symbol, s.raw, i, None) for s in find_symbols(p.text) if s.symbol != doc.symbol]
    for f in doc.footnotes:
        out += [Citation(s.symbol, s.raw, None, f.marker) for s in find_symbols(f.text) if s.symbol != doc.symbol]
    return out
