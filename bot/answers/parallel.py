"""Parallel paragraphs: the same paragraph in another language version of a document.

Resolutions, letters, statements and plain documents align by label (PP3, OP2(a), Annex II
OP1, ¶4); records by turn and by the paragraph's place among its turn's statements, since a
record's ¶ numbers differ between languages. Where the two versions have different numbers
of paragraphs (in a turn, or in all), the answer says so.
"""

from __future__ import annotations

from typing import Any

from bot.model import LANGUAGES
from bot.store import Store
from bot.symbols import undocs_url


def versions(store: Store, symbol: str) -> list[dict[str, Any]]:
    """The language versions the corpus holds of ``symbol``, in the UN's order of languages."""
    rows = store.query("SELECT doc_id, language, title, paragraphs FROM documents WHERE symbol = ?", [symbol])
    order = {lang: i for i, lang in enumerate(LANGUAGES)}
    rows.sort(key=lambda r: order.get(r["language"] or "", 99))
    return [{"language": r["language"], "id": r["doc_id"], "title": r["title"], "paragraphs": r["paragraphs"],
             "url": undocs_url(symbol, lang=r["language"])} for r in rows]


def _row(store: Store, paragraph_id: int) -> dict[str, Any] | None:
    return store.one(
        """SELECT p.id, p.doc_id, p.seq, p.label, p.section, p.text, p.turn, p.page, d.symbol, d.kind, d.language
           FROM paragraphs p JOIN documents d ON d.doc_id = p.doc_id WHERE p.id = ?""", [paragraph_id])


def _statements_of_turn(store: Store, doc_id: str, turn: int) -> list[dict[str, Any]]:
    return store.query("SELECT id, label, text, page FROM paragraphs WHERE doc_id = ? AND turn = ? "
                       "AND section = 'statement' ORDER BY seq", [doc_id, turn])


def counterpart(store: Store, paragraph_id: int, language: str) -> dict[str, Any] | None:
    """The paragraph in the ``language`` version that stands where ``paragraph_id`` stands, or None
    when the corpus holds no such version. ``mismatch`` says when the alignment is doubtful."""
    p = _row(store, paragraph_id)
    if p is None or not p["symbol"] or p["language"] == language:
        return None
    other = store.one("SELECT doc_id, paragraphs FROM documents WHERE symbol = ? AND language = ?", [p["symbol"], language])
    if other is None:
        return None
    mine = store.one("SELECT paragraphs FROM documents WHERE doc_id = ?", [p["doc_id"]])["paragraphs"]
    found: dict[str, Any] | None
    mismatch = None
    if p["kind"] == "record" and p["turn"] is not None:
        own = _statements_of_turn(store, p["doc_id"], p["turn"])
        theirs = _statements_of_turn(store, other["doc_id"], p["turn"])
        index = next((i for i, r in enumerate(own) if r["id"] == p["id"]), None)
        found = theirs[index] if index is not None and index < len(theirs) else None
        if len(own) != len(theirs):
            mismatch = f"turn {p['turn']} has {len(own)} paragraphs in {p['language']}, {len(theirs)} in {language}"
    else:
        found = store.one("SELECT id, label, text, page FROM paragraphs WHERE doc_id = ? AND label = ?",
                          [other["doc_id"], p["label"]])
    if mismatch is None and mine != other["paragraphs"]:
        mismatch = f"{mine} paragraphs in {p['language']}, {other['paragraphs']} in {language}"
    if found is None:
        return {"language": language, "found": False, "mismatch": mismatch}
    return {"language": language, "found": True, "id": found["id"], "label": found["label"], "text": found["text"],
            "page": found["page"], "url": undocs_url(p["symbol"], found["page"], lang=language), "mismatch": mismatch}


def attach(store: Store, result: dict[str, Any], language: str) -> dict[str, Any]:
    """A search answer (as JSON) with each hit's paragraph in ``language`` beside it, where the
    corpus holds that version: ``hit["parallel"]``."""
    result["parallel_language"] = language
    for hit in result["results"]:
        hit["parallel"] = counterpart(store, hit["paragraph_id"], language)
    return result


def languages_held(store: Store) -> list[str]:
    """The languages the corpus holds versions in, in the UN's order."""
    held = {r["language"] for r in store.query("SELECT DISTINCT language FROM documents WHERE language IS NOT NULL")}
    return [lang for lang in LANGUAGES if lang in held]
