"""Symbol look-up: any written form of a symbol (or a document's own id) → the document's card.

A draft symbol leads to the resolution adopted from it. A symbol the corpus cites but does not
hold answers "not in the corpus" with who cites it; a near miss gets suggestions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from bot.store import Store
from bot.symbols import canonical, undocs_url


def resolve(store: Store, query: str) -> str | None:
    """The doc_id a user's text refers to: a symbol in any form, a draft's symbol, an id, a file name."""
    query = (query or "").strip()
    if not query:
        return None
    symbol = canonical(query)
    for key in filter(None, (symbol, query)):
        row = store.one(
            "SELECT doc_id FROM symbols WHERE symbol = ? COLLATE NOCASE "
            "ORDER BY CASE relation WHEN 'symbol' THEN 0 WHEN 'id' THEN 1 ELSE 2 END LIMIT 1", [key])
        if row:
            return row["doc_id"]
    row = store.one(
        "SELECT doc_id FROM documents WHERE source LIKE ? ESCAPE '\\' OR source LIKE ? ESCAPE '\\' LIMIT 1",
        [f"%/{_like(query)}", f"%/{_like(Path(query).stem)}.%"],
    )
    return row["doc_id"] if row else None


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _cited_by(store: Store, symbol: str) -> list[dict[str, Any]]:
    rows = store.query(
        """SELECT DISTINCT c.doc_id, d.symbol, p.label, f.marker
           FROM citations c JOIN documents d ON d.doc_id = c.doc_id
           LEFT JOIN paragraphs p ON p.id = c.paragraph_id LEFT JOIN footnotes f ON f.id = c.footnote_id
           WHERE c.symbol = ? ORDER BY d.date, c.id""",
        [symbol],
    )
    return [{"symbol": r["symbol"] or r["doc_id"], "where": r["label"] or f"footnote {r['marker']}"} for r in rows]


def counts(store: Store, doc_id: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in store.query(
        "SELECT annex, section, count(*) AS n FROM paragraphs WHERE doc_id = ? AND section != 'procedure' "
        "GROUP BY annex, section ORDER BY min(seq)", [doc_id]):
        key = f"annex {r['annex']} {r['section']}" if r["annex"] else r["section"]
        out[key] = r["n"]
    out["footnotes"] = store.one("SELECT count(*) AS n FROM footnotes WHERE doc_id = ?", [doc_id])["n"]
    speakers = store.one("SELECT count(*) AS n FROM speakers WHERE doc_id = ?", [doc_id])["n"]
    if speakers:
        out["speakers"] = speakers
        out["turns"] = store.one("SELECT count(*) AS n FROM turns WHERE doc_id = ?", [doc_id])["n"]
    return out


def suggestions(store: Store, query: str, limit: int = 5) -> list[str]:
    """Near symbols the corpus holds (first) or cites, never the query itself."""
    target = canonical(query) or query.strip().upper()
    held = [r["symbol"] for r in store.query("SELECT DISTINCT symbol FROM symbols WHERE relation != 'id'")]
    cited = [r["symbol"] for r in store.query("SELECT DISTINCT symbol FROM citations")]
    out: list[str] = []
    for choices in (held, cited):
        for c, _, _ in process.extract(target, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=70):
            if c != target and c not in out:
                out.append(c)
    return out[:limit]


def card(store: Store, doc_id: str) -> dict[str, Any]:
    d = store.one("SELECT * FROM documents WHERE doc_id = ?", [doc_id])
    cites = []
    for r in store.query("SELECT symbol, min(id) AS first FROM citations WHERE doc_id = ? GROUP BY symbol ORDER BY first",
                         [doc_id]):
        held = store.one("SELECT doc_id FROM symbols WHERE symbol = ? LIMIT 1", [r["symbol"]])
        cites.append({"symbol": r["symbol"], "in_corpus": held is not None, "url": undocs_url(r["symbol"])})
    symbol = d["symbol"]
    return {
        "found": True,
        "symbol": symbol or d["doc_id"],
        "id": d["doc_id"],
        "kind": d["kind"],
        "title": d["title"],
        "body": d["body"],
        "session": d["session"],
        "agenda_item": d["agenda_item"],
        "date": d["date"],
        "meeting": d["meeting"],
        "adoption": d["adoption"],
        "drafts": json.loads(d["drafts"] or "[]"),
        "distributed": d["distributed"],
        "original_language": d["original_language"],
        "facts": json.loads(d["facts"] or "{}"),
        "counts": counts(store, doc_id),
        "cites": cites,
        "cited_by": _cited_by(store, symbol) if symbol else [],
        "url": undocs_url(symbol) if symbol else None,
        "source": d["source"],
        "ingested_at": d["ingested_at"],
        "warnings": json.loads(d["warnings"] or "[]"),
    }


def lookup(store: Store, query: str) -> dict[str, Any]:
    """The card of the document ``query`` names, or a not-found answer that still helps."""
    doc_id = resolve(store, query)
    if doc_id:
        return card(store, doc_id)
    symbol = canonical(query or "")
    return {
        "found": False,
        "query": query,
        "symbol": symbol,
        "cited_by": _cited_by(store, symbol) if symbol else [],
        "suggestions": suggestions(store, query or "") if (query or "").strip() else [],
        "url": undocs_url(symbol) if symbol else None,
    }
