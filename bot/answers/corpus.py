"""What the corpus holds: per-document counts and totals (plenary stats, /corpus)."""

from __future__ import annotations

from typing import Any

from bot.model import LANGUAGES
from bot.store import Store


def corpus_stats(store: Store) -> dict[str, Any]:
    documents = store.query(
        "SELECT doc_id, symbol, kind, title, date, paragraphs, source, ingested_at, language "
        "FROM documents ORDER BY date, doc_id"
    )
    kinds: dict[str, int] = {}
    languages: dict[str, int] = {}  # language versions held, per language
    for d in documents:
        kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
        languages[d["language"] or "und"] = languages.get(d["language"] or "und", 0) + 1
    totals = {
        "documents": len(documents),
        "paragraphs": sum(d["paragraphs"] for d in documents),
        "speakers": store.one("SELECT count(*) AS n FROM speakers")["n"],
        "turns": store.one("SELECT count(*) AS n FROM turns")["n"],
        "footnotes": store.one("SELECT count(*) AS n FROM footnotes")["n"],
        "citations": store.one("SELECT count(*) AS n FROM citations")["n"],
        "kinds": kinds,
        "languages": {lang: languages[lang] for lang in (*LANGUAGES, "und") if lang in languages},
        "last_ingest": max((d["ingested_at"] for d in documents), default=None),
    }
    return {
        "documents": [
            {"symbol": d["symbol"] or d["doc_id"], "id": d["doc_id"], "kind": d["kind"], "title": d["title"],
             "language": d["language"],
             "date": d["date"], "paragraphs": d["paragraphs"], "source": d["source"]}
            for d in documents
        ],
        "totals": totals,
    }
