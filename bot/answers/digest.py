"""What a daily digest holds: the documents new since a day (by their own date), those only
added to the corpus, the resolutions' follow-ups due this session or the next, the corpus
totals, and a spotlight: an operative paragraph and a quote of the day.

The spotlight walks a fixed permutation of the corpus's substantive operative paragraphs, and
one of its substantive statements (the quote filter: no thanks, no procedure), one step a day:
the same for a given date everywhere, and nothing repeats until every paragraph has had its day.

Cheap at any size: nothing here scans the paragraphs. Each document is profiled once (how many
spotlight candidates it holds, its follow-ups), the profiles kept in memory and in the meta
table (keyed by the document's hash), so a new ingest profiles only its new documents; a day's
pick is then arithmetic (an affine permutation over the candidates' count) and one document read.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, ClassVar

from bot.answers.quote import (
    LANGUAGE_NAMES_EN,
    attribution,
    best_passage,
    substantive,
    substantive_operative,
)
from bot.answers.summary import follow_ups
from bot.store import Store

_EPOCH = date(2020, 1, 1)
PROFILE_VERSION = 2  # bump when what a profile counts changes: every document is profiled again
_META_KEY = "digest:profiles"
MIN_STATEMENT = 40  # characters: a quote of the day says something


@dataclass
class Profile:
    signature: str  # the document's hash and paragraph count: a replaced document is profiled again
    operative: int  # substantive operative paragraphs (not sub-items)
    statements: int  # substantive statements of MIN_STATEMENT characters or more, not the chair's
    follow_ups: list[list[Any]]  # [kind, session, label] of a resolution's report and agenda requests


def _is_operative(r: dict[str, Any]) -> bool:
    return r["section"] == "operative" and "(" not in (r["label"] or "") and substantive_operative(r["text"])


def _is_statement(r: dict[str, Any]) -> bool:
    return (r["section"] == "statement" and len(r["text"]) >= MIN_STATEMENT and r["capacity"] != "chair"
            and substantive(r["text"]))


def _operative(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if _is_operative(r)]


def _statements(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if _is_statement(r)]


def _kth(rows: list[dict[str, Any]], test: Any, k: int) -> dict[str, Any]:
    """The k-th row passing ``test``, testing no further than needed."""
    for r in rows:
        if test(r):
            if k == 0:
                return r
            k -= 1
    raise LookupError("the document changed since it was profiled")


def _rows(store: Store, doc_id: str) -> list[dict[str, Any]]:
    return store.query("SELECT id, seq, section, annex, label, text, capacity FROM paragraphs WHERE doc_id = ? "
                       "ORDER BY seq", [doc_id])


def _profile(store: Store, doc: dict[str, Any]) -> Profile:
    rows = _rows(store, doc["doc_id"])
    ops = _operative(rows)
    items = []
    if doc["kind"] == "resolution":
        points = [{"label": r["label"], "full_text": r["text"]} for r in ops if not r["annex"]]
        items = [[f["kind"], f["session"], f["label"]] for f in follow_ups(points)]
    return Profile(_signature(doc), len(ops), len(_statements(rows)), items)


def _signature(doc: dict[str, Any]) -> str:
    return f"{(doc['sha256'] or '')[:16]}:{doc['paragraphs']}"


class Profiles:
    """Every document's profile, brought up to date with the corpus (only changed documents
    are read), then kept until the corpus changes again."""

    _memory: ClassVar[dict[str, tuple[tuple[Any, ...], Profiles]]] = {}

    def __init__(self, docs: list[dict[str, Any]], profiles: dict[str, Profile]):
        self.docs = {d["doc_id"]: d for d in docs}
        self.profiles = profiles
        order = sorted(profiles)
        self.order = order
        self.op_starts = list(_prefix(profiles[d].operative for d in order))
        self.st_starts = list(_prefix(profiles[d].statements for d in order))

    @classmethod
    def of(cls, store: Store) -> Profiles:
        # Whether the corpus changed, from one aggregate over the documents (C speed); only then
        # are the documents listed and the changed ones profiled.
        key = tuple(store.db.conn.execute(
            "SELECT count(*), max(ingested_at), total(paragraphs), group_concat(substr(sha256, 1, 8)) FROM documents"
        ).fetchone())
        where = str(store.path)
        held = cls._memory.get(where)
        if held and held[0] == key:
            return held[1]
        docs = store.query("SELECT doc_id, symbol, kind, title, date, paragraphs, sha256, ingested_at, language "
                           "FROM documents")
        saved = _load(store)
        profiles: dict[str, Profile] = {}
        changed = False
        for d in docs:
            p = saved.get(d["doc_id"])
            if p is None or p.signature != _signature(d):
                p, changed = _profile(store, d), True
            profiles[d["doc_id"]] = p
        if changed or len(saved) != len(profiles):
            _save(store, profiles)
        made = cls(docs, profiles)
        cls._memory[where] = (key, made)
        return made


def prepare(store: Store) -> None:
    """Profile the documents that are new or changed, and save the profiles with the corpus:
    run after an ingest, so a bot that reads the corpus read-only (and can't save them) never
    profiles a whole corpus itself (22 s at a million paragraphs)."""
    Profiles.of(store)


def _prefix(counts: Any) -> Any:
    total = 0
    for c in counts:
        yield total
        total += c
    yield total


def _load(store: Store) -> dict[str, Profile]:
    raw = store.get_meta(_META_KEY)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    if data.get("version") != PROFILE_VERSION:
        return {}
    return {k: Profile(*v) for k, v in data.get("docs", {}).items()}


def _save(store: Store, profiles: dict[str, Profile]) -> None:
    if not store.writable:
        return  # a database opened read-only: the profiles are kept in memory only
    data = {"version": PROFILE_VERSION,
            "docs": {k: [p.signature, p.operative, p.statements, p.follow_ups] for k, p in profiles.items()}}
    store.set_meta(_META_KEY, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def permuted(n: int, size: int) -> int:
    """The n-th element of a fixed permutation of range(size): n ↦ (a·n + b) mod size with a
    coprime to size near size/φ (consecutive days land far apart), b from a fixed hash."""
    if size <= 1:
        return 0
    a = max(1, round(size * 0.6180339887))
    while math.gcd(a, size) != 1:
        a += 1
    b = int(hashlib.sha256(b"plenary spotlight").hexdigest(), 16) % size
    return (a * n + b) % size


def _nth(profiles: Profiles, starts: list[int], n: int) -> tuple[str, int] | None:
    """The document and local index of candidate ``n`` (0 ≤ n < total)."""
    total = starts[-1]
    if total == 0:
        return None
    i = bisect.bisect_right(starts, n) - 1
    return profiles.order[i], n - starts[i]


def spotlight(store: Store, day: date, profiles: Profiles | None = None) -> list[dict[str, Any]]:
    profiles = profiles or Profiles.of(store)
    n = (day - _EPOCH).days
    out = []
    if at := _nth(profiles, profiles.op_starts, permuted(n, profiles.op_starts[-1])):
        doc = profiles.docs[at[0]]
        op = _kth(_rows(store, at[0]), _is_operative, at[1])
        out.append({"type": "operative", "symbol": doc["symbol"] or doc["doc_id"], "title": doc["title"],
                    "label": op["label"], "text": op["text"], "date": doc["date"]})
    if at := _nth(profiles, profiles.st_starts, permuted(n, profiles.st_starts[-1])):
        doc = profiles.docs[at[0]]
        pid = _kth(_rows(store, at[0]), _is_statement, at[1])["id"]
        st = store.one(
            """SELECT p.label, p.text, p.language, p.capacity, p.country, p.page, s.name, s.role,
                      s.country AS speaker_country, d.facts, d.language AS doc_language
               FROM paragraphs p JOIN speakers s ON s.id = p.speaker_id JOIN documents d ON d.doc_id = p.doc_id
               WHERE p.id = ?""", [pid])
        if st:
            facts = json.loads(st["facts"] or "{}")
            q = {"type": "quote", "speaker": st["name"], "country": st["country"] or st["speaker_country"],
                 "role": st["role"], "capacity": st["capacity"], "language": st["language"],
                 "language_name": LANGUAGE_NAMES_EN.get(st["language"], st["language"]),
                 "national_capacity": facts.get("national_capacity") if st["capacity"] == "national" else None,
                 "symbol": doc["symbol"] or doc["doc_id"], "date": doc["date"], "label": st["label"],
                 "page": st["page"], "doc_language": st["doc_language"], "text": best_passage(st["text"], None)}
            q["attribution"] = attribution(q)
            out.append(q)
    return out


def session_of(day: date) -> int:
    """The General Assembly session under way on ``day``: the n-th opens in September of 1945 + n."""
    return day.year - 1945 if (day.month, day.day) >= (9, 10) else day.year - 1946


def follow_ups_due(profiles: Profiles, day: date) -> tuple[list[int], list[dict[str, Any]]]:
    """The reports and agenda items resolutions asked for in this session or the next."""
    sessions = [session_of(day), session_of(day) + 1]
    due = []
    for doc_id in profiles.order:
        for kind, session, label in profiles.profiles[doc_id].follow_ups:
            if session in sessions:
                d = profiles.docs[doc_id]
                due.append({"symbol": d["symbol"] or doc_id, "kind": kind, "session": session, "label": label,
                            "title": d["title"], "language": d["language"]})
    due.sort(key=lambda f: (f["session"], f["symbol"], f["label"]))
    return sessions, due


def digest(store: Store, since: datetime | None = None, day: date | None = None) -> dict[str, Any]:
    """The digest of ``day`` (today): documents dated since ``since`` (the day before), those
    ingested since then but older ("added to the corpus", not news), follow-ups due, totals and
    the day's spotlight."""
    day = day or datetime.now(UTC).date()
    if since is None:
        since = datetime.combine(day - timedelta(days=1), time(0), tzinfo=UTC)
    elif since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    stamp = since.astimezone(UTC).isoformat(timespec="seconds")
    first_day = since.astimezone(UTC).date().isoformat()
    profiles = Profiles.of(store)
    columns = "doc_id, symbol, kind, title, date, paragraphs, ingested_at"
    new = store.query(f"SELECT {columns} FROM documents WHERE substr(date, 1, 10) BETWEEN ? AND ? ORDER BY date, doc_id",
                      [first_day, day.isoformat()])
    fresh = {d["doc_id"] for d in new}
    added = [d for d in store.query(f"SELECT {columns} FROM documents WHERE ingested_at >= ? ORDER BY date, doc_id",
                                    [stamp]) if d["doc_id"] not in fresh]
    kinds = dict(store.db.conn.execute("SELECT kind, count(*) FROM documents GROUP BY kind ORDER BY min(rowid)").fetchall())
    documents, paragraphs = store.db.conn.execute("SELECT count(*), total(paragraphs) FROM documents").fetchone()
    sessions, due = follow_ups_due(profiles, day)
    speakers = store.db.conn.execute("SELECT count(*) FROM speakers").fetchone()[0]

    def brief(d: dict[str, Any]) -> dict[str, Any]:
        return {"symbol": d["symbol"] or d["doc_id"], "kind": d["kind"], "title": d["title"], "date": d["date"],
                "paragraphs": d["paragraphs"], "ingested_at": d["ingested_at"]}

    return {
        "date": day.isoformat(),
        "since": stamp,
        "new_documents": [brief(d) for d in new],
        "added_documents": [brief(d) for d in added],
        "sessions": sessions,
        "follow_ups_due": due,
        "totals": {"documents": documents, "paragraphs": int(paragraphs), "speakers": speakers, "kinds": kinds},
        "spotlight": spotlight(store, day, profiles),
    }
