"""The speakers of a meeting, in order of first appearance."""

from __future__ import annotations

import json
from typing import Any

from bot.answers.lookup import resolve
from bot.store import Store


def latest_record(store: Store) -> str | None:
    row = store.one("SELECT doc_id FROM documents WHERE kind = 'record' ORDER BY date DESC, doc_id LIMIT 1")
    return row["doc_id"] if row else None


def speaker_list(store: Store, doc_id: str) -> list[dict[str, Any]]:
    rows = store.query(
        """SELECT s.*, (SELECT p.label FROM paragraphs p WHERE p.speaker_id = s.id ORDER BY p.seq LIMIT 1) AS first_label,
                  (SELECT p.text FROM paragraphs p WHERE p.speaker_id = s.id ORDER BY p.seq LIMIT 1) AS first_text,
                  (SELECT group_concat(DISTINCT p.capacity) FROM paragraphs p WHERE p.speaker_id = s.id) AS capacities
           FROM speakers s WHERE s.doc_id = ? ORDER BY s.seq""",
        [doc_id],
    )
    out = []
    for r in rows:
        capacities = (r["capacities"] or "").split(",")
        out.append({
            "order": r["seq"], "name": r["name"], "country": r["country"], "role": r["role"],
            "affiliation": r["affiliation"], "languages": json.loads(r["languages"] or "[]"),
            "turns": r["turns"], "paragraphs": r["paragraphs"],
            "capacity": "chair" if "chair" in capacities else (capacities[0] if capacities else None),
            "capacities": [c for c in capacities if c],
            "first_label": r["first_label"], "first_text": r["first_text"] or "",
        })
    return out


def speakers(store: Store, query: str | None = None) -> dict[str, Any] | None:
    """Speakers of the record ``query`` names (default: the latest record), or None if none."""
    doc_id = resolve(store, query) if query else latest_record(store)
    if doc_id is None:
        return None
    doc = store.one("SELECT symbol, doc_id, kind, title, date FROM documents WHERE doc_id = ?", [doc_id])
    listing = speaker_list(store, doc_id)
    for s in listing:
        s.pop("first_text")
    return {"symbol": doc["symbol"] or doc["doc_id"], "kind": doc["kind"], "title": doc["title"],
            "date": doc["date"], "speakers": listing}
