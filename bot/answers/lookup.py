"""Symbol look-up: any written form of a symbol (or a document's own id) → the document's card.

A draft symbol leads to the resolution adopted from it. A symbol the corpus cites but does not
hold answers "not in the corpus" with who cites it; a near miss gets suggestions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from bot.answers.parallel import counterpart, versions
from bot.model import LANGUAGES
from bot.references import ParagraphRef, find_paragraph_refs
from bot.store import Store
from bot.symbols import canonical, undocs_url


def resolve(store: Store, query: str, lang: str | None = None) -> str | None:
    """The doc_id a user's text refers to: a symbol in any form, a draft's symbol, an id, a file
    name. Of a document's language versions, ``lang``'s first, then Chinese, then any."""
    query = (query or "").strip()
    if not query:
        return None
    symbol = canonical(query)
    for key in filter(None, (symbol, query)):
        row = store.one(
            "SELECT s.doc_id FROM symbols s JOIN documents d ON d.doc_id = s.doc_id WHERE s.symbol = ? COLLATE NOCASE "
            "ORDER BY CASE s.relation WHEN 'symbol' THEN 0 WHEN 'id' THEN 1 ELSE 2 END, "
            "d.language IS NOT ? , d.language IS NOT 'zh', d.doc_id LIMIT 1", [key, lang])
        if row:
            return row["doc_id"]
    names = _source_names(store)
    return names.get(query.lower()) or names.get(Path(query).stem.lower() + ".")


def _source_names(store: Store) -> dict[str, str]:
    """doc_id by each source file's name and by each of its stems up to a dot, in lower case
    (S_PV.8967.txt: "s_pv.8967.txt", "s_pv.8967.", "s_pv."), the first document first; kept until the
    corpus changes. Two LIKE scans of every document's path took 2-3 ms a look-up miss at a
    million paragraphs (bench/run.py, lookup_miss)."""
    def build() -> dict[str, str]:
        out: dict[str, str] = {}
        for doc_id, source in store.db.conn.execute("SELECT doc_id, source FROM documents ORDER BY rowid"):
            name = (source or "").replace("\\", "/").rsplit("/", 1)[-1].lower()  # LIKE ignored ASCII case
            if not name:
                continue
            out.setdefault(name, doc_id)
            for i, ch in enumerate(name):
                if ch == ".":
                    out.setdefault(name[: i + 1], doc_id)
        return out

    return store._cached("lookup:source_names", build)


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
    held, cited = _symbol_lists(store)
    out: list[str] = []
    for choices in (held, cited):
        for c, _, _ in process.extract(target, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=70):
            if c != target and c not in out:
                out.append(c)
    return out[:limit]


def _symbol_lists(store: Store) -> tuple[list[str], list[str]]:
    """The symbols the corpus holds and those it cites, read once per corpus change: reading
    them at each miss took most of its 32 ms at a million paragraphs."""
    return store._cached("lookup:symbols", lambda: (
        [r[0] for r in store.db.conn.execute("SELECT DISTINCT symbol FROM symbols WHERE relation != 'id'")],
        [r[0] for r in store.db.conn.execute("SELECT DISTINCT symbol FROM citations")]))


def card(store: Store, doc_id: str) -> dict[str, Any]:
    d = store.one("SELECT * FROM documents WHERE doc_id = ?", [doc_id])
    cites = []
    for r in store.query("SELECT symbol, min(id) AS first FROM citations WHERE doc_id = ? GROUP BY symbol ORDER BY first",
                         [doc_id]):
        held = store.one("SELECT doc_id FROM symbols WHERE symbol = ? LIMIT 1", [r["symbol"]])
        cites.append({"symbol": r["symbol"], "in_corpus": held is not None, "url": undocs_url(r["symbol"])})
    symbol = d["symbol"]
    held = versions(store, symbol) if symbol else []
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
        "url": undocs_url(symbol, lang=d["language"]) if symbol else None,
        "language": d["language"],
        "versions": held,
        "missing_languages": [lang for lang in LANGUAGES if lang not in {v["language"] for v in held}] if symbol else [],
        "source": d["source"],
        "ingested_at": d["ingested_at"],
        "warnings": json.loads(d["warnings"] or "[]"),
    }


def lookup(store: Store, query: str, lang: str | None = None) -> dict[str, Any]:
    """The card of the document ``query`` names (in ``lang``'s version when held), or, when the
    query names a paragraph (75/276 OP4, 第75/276号决议执行部分第4段), the card with that
    paragraph; or a not-found answer that still helps."""
    ref = paragraph_ref(query or "")
    doc_id = resolve(store, ref.symbol if ref else query, lang)
    if doc_id:
        result = card(store, doc_id)
        if ref:
            # Beside the paragraph, the same paragraph in another version: the one asked for when
            # it is not this one, else the first other version held (Chinese before the rest).
            other = lang if lang and lang != result["language"] else next(
                (v["language"] for v in result["versions"] if v["language"] != result["language"]), None)
            result["paragraph"] = paragraph(store, doc_id, ref.label, other)
        return result
    symbol = canonical(ref.symbol if ref else query or "")
    return {
        "found": False,
        "query": query,
        "symbol": symbol,
        "cited_by": _cited_by(store, symbol) if symbol else [],
        "suggestions": suggestions(store, query or "") if (query or "").strip() else [],
        "url": undocs_url(symbol) if symbol else None,
    }


def paragraph_ref(query: str) -> ParagraphRef | None:
    """The paragraph ``query`` names, when it is a paragraph reference and nothing more."""
    refs = find_paragraph_refs(query.strip())
    if len(refs) == 1 and len(refs[0].raw) >= len(query.strip()) - 4:  # wrapper words (大会, （…）) aside
        return refs[0]
    return None


def paragraph(store: Store, doc_id: str, label: str, other: str | None = None) -> dict[str, Any]:
    """A paragraph by its label: its text, its neighbours' labels (to step through), who cites
    it, its link (at its page), and the same paragraph in the ``other`` language's version."""
    row = store.one("SELECT id, seq, label, section, text, page FROM paragraphs WHERE doc_id = ? AND label = ?",
                    [doc_id, label])
    d = store.one("SELECT symbol, language FROM documents WHERE doc_id = ?", [doc_id])
    if row is None:
        labels = [r["label"] for r in store.query(
            "SELECT label FROM paragraphs WHERE doc_id = ? AND section != 'procedure' ORDER BY seq", [doc_id])]
        return {"found": False, "label": label, "labels": labels}
    near = store.query(
        "SELECT label, seq FROM paragraphs WHERE doc_id = ? AND section != 'procedure' AND seq IN (?, ?) ORDER BY seq",
        [doc_id, row["seq"] - 1, row["seq"] + 1])
    out = {
        "found": True, "label": row["label"], "section": row["section"], "text": row["text"], "page": row["page"],
        "previous": next((r["label"] for r in near if r["seq"] < row["seq"]), None),
        "next": next((r["label"] for r in near if r["seq"] > row["seq"]), None),
        "cited_by": _paragraph_cited_by(store, d["symbol"], row["label"]) if d["symbol"] else [],
        "url": undocs_url(d["symbol"], row["page"], lang=d["language"]) if d["symbol"] else None,
    }
    if other and other != d["language"]:
        out["parallel"] = counterpart(store, row["id"], other) or {"language": other, "found": False,
                                                                    "mismatch": f"no {other} version held"}
    return out


def _paragraph_cited_by(store: Store, symbol: str, label: str) -> list[dict[str, Any]]:
    """Paragraphs elsewhere in the corpus whose references name this one."""
    out = []
    for r in store.query(
            """SELECT DISTINCT p.text, p.label, d.symbol, d.doc_id FROM citations c
               JOIN paragraphs p ON p.id = c.paragraph_id JOIN documents d ON d.doc_id = c.doc_id
               WHERE c.symbol = ? ORDER BY d.date, p.seq""", [symbol]):
        if any(ref.symbol == symbol and ref.label == label for ref in find_paragraph_refs(r["text"])):
            out.append({"symbol": r["symbol"] or r["doc_id"], "where": r["label"]})
    return out
