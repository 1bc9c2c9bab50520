"""Plain dataclasses for a parsed document: what the parsers produce and the store keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# statement: a presidential statement (S/PRST/…); document: readable text no grammar recognised.
KINDS = ("resolution", "letter", "record", "statement", "document")
# The UN's six official languages, in the UN's order, as ISO 639-1 codes.
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


@dataclass
class Paragraph:
    section: str  # preamble, operative, body, explanatory, statement, procedure
    label: str  # PP3, OP2, OP3(a), Annex II OP1, L2, Annex I 4, ¶17
    text: str  # as published, artefacts repaired
    line: int  # 1-based source line where it starts
    page: int | None = None  # 1-based page of the source (PDF; text with form feeds)
    number: int | None = None  # operative / explanatory number
    annex: str | None = None  # "I", "II" for a letter's annexes
    part: str | None = None  # "A", "B" for a resolution in lettered parts (50/28 A)
    verb: str | None = None  # an operative paragraph's leading verb
    turn: int | None = None  # records: index into Document.turns
    speaker: int | None = None  # records: index into Document.speakers
    language: str | None = None  # ISO 639-1, records only
    capacity: str | None = None  # records: chair, national, representative, briefer
    country: str | None = None  # records: whose words these are
    note: str | None = None  # procedure paragraphs: opened, closed, agenda, language, procedure
    footnotes: list[int] = field(default_factory=list)  # markers cited (¹ → 1)


@dataclass
class Footnote:
    marker: int
    text: str
    line: int


@dataclass
class Speaker:
    name: str  # as the record prints it, 张军先生; or the role for an unnamed chair, 主席
    honorific: str | None = None
    country: str | None = None  # or organisation, for a briefer
    role: str | None = None  # 主席, 秘书长 …
    affiliation: str | None = None  # what the record says they are, 集体安全条约组织秘书长


@dataclass
class Turn:
    speaker: int  # index into Document.speakers
    language: str  # language the turn opens in
    line: int


@dataclass
class Document:
    kind: str
    title: str = ""
    symbol: str | None = None
    doc_id: str | None = None
    body: str | None = None
    session: int | None = None
    agenda_item: str | None = None
    date: str | None = None
    meeting: str | None = None
    adoption: str | None = None
    drafts: list[str] = field(default_factory=list)
    distributed: str | None = None
    original_language: str | None = None
    language: str | None = None  # ISO 639-1 of this language version (zh, en, fr, es, ru, ar)
    facts: dict[str, Any] = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what the parser doubts, in plain words


class ParseError(ValueError):
    """A file that is not a document Plenary understands; the message says why."""
