"""What a daily digest holds: what changed since a moment, the corpus totals, and a spotlight.

The spotlight walks a fixed shuffle of the corpus's operative paragraphs and of its statements,
one step a day, so it is the same for a given date everywhere and repeats nothing until
every paragraph has had its day.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from bot.answers.corpus import corpus_stats
from bot.answers.quote import LANGUAGE_NAMES_EN, attribution, best_passage
from bot.store import Store

_EPOCH = date(2020, 1, 1)


def _shuffled(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # A stable order that does not follow the documents: hash of the paragraph's place.
    return sorted(rows, key=lambda r: hashlib.sha256(f"{r['doc_id']}#{r['seq']}".encode()).hexdigest())


def _pick(rows: list[dict[str, Any]], day: date) -> dict[str, Any] | None:
    if not rows:
        return None
    return _shuffled(rows)[(day - _EPOCH).days % len(rows)]


def spotlight(store: Store, day: date) -> list[dict[str, Any]]:
    out = []
    op = _pick(store.query(
        """SELECT p.doc_id, p.seq, p.label, p.text, d.symbol, d.title, d.date FROM paragraphs p
           JOIN documents d ON d.doc_id = p.doc_id WHERE p.section = 'operative' AND p.label NOT LIKE '%(%'"""), day)
    if op:
        out.append({"type": "operative", "symbol": op["symbol"] or op["doc_id"], "title": op["title"],
                    "label": op["label"], "text": op["text"], "date": op["date"]})
    st = _pick(store.query(
        """SELECT p.doc_id, p.seq, p.label, p.text, p.language, p.capacity, p.country, d.symbol, d.date,
                  s.name, s.role, s.country AS speaker_country
           FROM paragraphs p JOIN documents d ON d.doc_id = p.doc_id JOIN speakers s ON s.id = p.speaker_id
           WHERE p.section = 'statement' AND length(p.text) >= 40"""), day)
    if st:
        q = {"type": "quote", "speaker": st["name"], "country": st["country"] or st["speaker_country"],
             "role": st["role"], "capacity": st["capacity"], "language": st["language"],
             "language_name": LANGUAGE_NAMES_EN.get(st["language"], st["language"]),
             "symbol": st["symbol"] or st["doc_id"], "date": st["date"], "label": st["label"],
             "text": best_passage(st["text"], None)}
        q["attribution"] = attribution(q)
        out.append(q)
    return out


def digest(store: Store, since: datetime | None = None, day: date | None = None) -> dict[str, Any]:
    day = day or datetime.now(UTC).date()
    if since is None:
        since = datetime.combine(day - timedelta(days=1), time(0), tzinfo=UTC)
    elif since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    stamp = since.astimezone(UTC).isoformat(timespec="seconds")
    new = store.query(
        "SELECT doc_id, symbol, kind, title, paragraphs, ingested_at FROM documents "
        "WHERE ingested_at >= ? ORDER BY ingested_at, doc_id", [stamp])
    totals = corpus_stats(store)["totals"]
    return {
        "date": day.isoformat(),
        "since": stamp,
        "new_documents": [{"symbol": d["symbol"] or d["doc_id"], "kind": d["kind"], "title": d["title"],
                           "paragraphs": d["paragraphs"], "ingested_at": d["ingested_at"]} for d in new],
        "totals": {k: totals[k] for k in ("documents", "paragraphs", "speakers", "kinds")},
        "spotlight": spotlight(store, day),
    }
