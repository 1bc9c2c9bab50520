"""The corpus checks itself: a paragraph that cites another document's paragraph
("大会第75/276号决议序言部分第七段") is compared with the paragraph it names, when the corpus
holds that document. A citation of a paragraph the document lacks, or a quotation that is not
in the paragraph named, is a warning on the citing document. Either side may be wrong: our
numbering of the cited document, or the citing text itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from rapidfuzz import fuzz

from bot.references import ParagraphRef, find_paragraph_refs
from bot.store import Store
from bot.text import fold

PREFIX = "cites "  # every self-check warning starts so, which lets a re-check replace them
_QUOTE_GAP = 12  # characters allowed between a quotation's closing mark and the reference
_MIN_SIMILARITY = 80
_CHUNK = 400  # document ids per query, well under SQLite's limit on bound parameters
# Every reference form has one of these; most citing paragraphs have none and are not parsed.
_HINT = re.compile(r"段|[OP]P\s*\d|para|¶", re.IGNORECASE)


@dataclass(frozen=True)
class RefMismatch:
    doc_id: str
    label: str  # the citing paragraph
    cited: str  # "A/RES/75/276 PP7"
    reason: str

    def message(self) -> str:
        return f"{PREFIX}{self.cited} in {self.label}: {self.reason}"

    def as_json(self) -> dict:
        return asdict(self)


def quoted_before(text: str, ref: ParagraphRef) -> str | None:
    """The quotation the reference closes, as in “…”（第75/276号决议序言部分第七段）."""
    close = text.rfind("”", 0, ref.start)
    if close < 0 or ref.start - close > _QUOTE_GAP:
        return None
    opened = text.rfind("“", 0, close)
    return text[opened + 1 : close] if opened >= 0 else text[:close]


def _compare(store: Store, text: str, ref: ParagraphRef, doc_id: str) -> str | None:
    """Why the reference does not match the corpus, or None."""
    target = store.one("SELECT text FROM paragraphs WHERE doc_id = ? AND label = ?", [doc_id, ref.label])
    if target is None:
        counts = {r["section"]: r["n"] for r in store.query(
            "SELECT section, count(*) AS n FROM paragraphs WHERE doc_id = ? GROUP BY section", [doc_id])}
        have = ", ".join(f"{n} {section}" for section, n in counts.items())
        return f"the corpus has no such paragraph ({have})"
    quote = quoted_before(text, ref)
    if quote:
        q = fold(quote.replace("…", ""))
        if q and fuzz.partial_ratio(q, fold(target["text"])) < _MIN_SIMILARITY:
            return "the quoted words are not in that paragraph"
    return None


def _candidates(store: Store, doc_ids: list[str] | None) -> Iterator[dict]:
    """Paragraphs that cite a held document and may name one of its paragraphs: in the given
    documents, or citing them."""
    sql = ("SELECT DISTINCT p.id, p.doc_id, p.label, p.text FROM citations c JOIN paragraphs p ON p.id = c.paragraph_id "
           "JOIN symbols s ON s.symbol = c.symbol")
    if doc_ids is None:
        chunks = [store.query(sql)]
    else:
        chunks = (store.query(f"{sql} WHERE c.doc_id IN ({marks}) OR s.doc_id IN ({marks})", [*chunk, *chunk])
                  for k in range(0, len(doc_ids), _CHUNK)
                  for chunk in [doc_ids[k:k + _CHUNK]] for marks in [",".join("?" * len(chunk))])
    seen: set[int] = set()
    for rows in chunks:
        for row in rows:
            if row["id"] not in seen and _HINT.search(row["text"]):
                seen.add(row["id"])
                yield row


def check_refs(store: Store, doc_ids: Iterable[str] | None = None) -> list[RefMismatch]:
    """Mismatches among the paragraph references of ``doc_ids`` (and of documents citing them);
    every document's when None. Each citing document's self-check warnings are replaced."""
    ids = list(doc_ids) if doc_ids is not None else None
    found: list[RefMismatch] = []
    checked: set[str] = set()
    for row in _candidates(store, ids):
        checked.add(row["doc_id"])
        for ref in find_paragraph_refs(row["text"]):
            target = store.one("SELECT doc_id FROM symbols WHERE symbol = ? AND relation = 'symbol'", [ref.symbol])
            if target is None or target["doc_id"] == row["doc_id"]:
                continue
            if reason := _compare(store, row["text"], ref, target["doc_id"]):
                found.append(RefMismatch(row["doc_id"], row["label"], f"{ref.symbol} {ref.label}", reason))
    for doc_id in checked:
        _record(store, doc_id, [m.message() for m in found if m.doc_id == doc_id])
    return found


def _record(store: Store, doc_id: str, messages: list[str]) -> None:
    row = store.one("SELECT warnings FROM documents WHERE doc_id = ?", [doc_id])
    old = json.loads(row["warnings"] or "[]") if row else []
    new = [w for w in old if not w.startswith(PREFIX)] + messages
    if new != old:
        with store.db.conn:
            store.db.execute("UPDATE documents SET warnings = ? WHERE doc_id = ?",
                             [json.dumps(new, ensure_ascii=False), doc_id])
