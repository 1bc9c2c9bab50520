"""Watches: tell a channel (or a user) when new documents match what it watches. No chat here.

A watch is a query (matched as /search matches), a symbol (a new document cites it, or a new
version of it arrives), a speaker or a country (they spoke in a new record), with optional
kind and language filters. Each watch has a high-water mark: the corpus time
(``paragraphs.first_seen``) up to which it was matched. Only paragraphs first seen after it
count, so re-ingesting or re-parsing a document never alerts again, and a corrected document
alerts only for the paragraphs it did not have before (bot/store.py keeps a paragraph's
first_seen across replacements). A scan moves the mark and records the alerts in one
transaction that only one process can make (bot/state): an alert is raised exactly once
however many bots and ingest nodes scan. Alerts are then delivered with the digests' claim-
then-send rule.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.answers.lookup import resolve
from bot.answers.quote import country_speakers
from bot.answers.search import QueryError, resolve_speakers, search
from bot.model import KINDS, LANGUAGES
from bot.state import State
from bot.store import OverBudget, Store
from bot.symbols import find_symbols
from bot.text import fold

log = logging.getLogger("plenary.watches")

WATCH_KINDS = ("query", "symbol", "speaker", "country")
OWNERS = ("channel", "user", "local")
MAX_PER_DOCUMENT = 500  # alerts per watch and document (a long record may have hundreds)
PAGE = 50


class WatchError(ValueError):
    """A watch that can't be made as asked, said plainly."""


@dataclass(frozen=True)
class Watch:
    id: int
    owner: str  # channel, user (direct messages), local (the command line)
    kind: str  # query, symbol, speaker, country
    value: str
    mark: str
    guild_id: int | None = None
    channel_id: int | None = None
    user_id: int | None = None
    doc_kind: str | None = None
    language: str | None = None
    locale: str | None = None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Match:
    doc_id: str
    item: str  # what in the document matched: a paragraph's text, a new version, a speaker
    symbol: str
    label: str
    why: str  # match, cites, version, spoke
    excerpt: str
    url: str = ""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ScanReport:
    watches: int = 0
    documents: int = 0
    alerts: dict[int, int] = field(default_factory=dict)  # watch id → new alerts

    def as_json(self) -> dict[str, Any]:
        return {"watches": self.watches, "documents": self.documents,
                "alerts": {str(k): v for k, v in self.alerts.items()}, "total": sum(self.alerts.values())}


# -- making and listing -----------------------------------------------------------------------


def corpus_mark(store: Store) -> str:
    """The corpus's newest time: a new watch starts here (it alerts on what comes after)."""
    row = store.db.execute("SELECT max(ingested_at) FROM documents").fetchone()
    return row[0] or ""


def normalise(kind: str, value: str, store: Store | None = None) -> str:
    value = " ".join((value or "").split())
    if kind not in WATCH_KINDS:
        raise WatchError(f"a watch is one of {', '.join(WATCH_KINDS)}, not «{kind}»")
    if not value:
        raise WatchError("a watch needs something to watch: words, a symbol, a speaker or a country")
    if len(value) > 200:
        raise WatchError("a watch of more than 200 characters can't be matched well: shorten it")
    if kind == "symbol":
        found = find_symbols(value)
        if found:
            return found[0].symbol
        # a short form the corpus knows (75/276, a draft's symbol): the document's own symbol
        doc_id = resolve(store, value) if store is not None else None
        row = store.one("SELECT symbol FROM documents WHERE doc_id = ?", [doc_id]) if doc_id else None
        if row and row["symbol"]:
            return row["symbol"]
        raise WatchError(f"«{value}» is not a UN document symbol (like A/RES/75/276 or S/RES/2231 (2015))")
    return value


def add(state: State, store: Store, kind: str, value: str, *, owner: str = "local", guild_id: int | None = None,
        channel_id: int | None = None, user_id: int | None = None, doc_kind: str | None = None,
        language: str | None = None, locale: str | None = None, created_by: int | None = None) -> Watch:
    if owner not in OWNERS:
        raise WatchError(f"a watch belongs to a channel, a user or the command line, not «{owner}»")
    if doc_kind and doc_kind not in KINDS:
        raise WatchError(f"«{doc_kind}» is not a kind of document ({', '.join(KINDS)})")
    if language and language not in LANGUAGES:
        raise WatchError(f"«{language}» is not one of the UN's languages ({', '.join(LANGUAGES)})")
    value = normalise(kind, value, store)
    watch_id = state.add_watch(owner=owner, kind=kind, value=value, mark=corpus_mark(store), guild_id=guild_id,
                               channel_id=channel_id, user_id=user_id, doc_kind=doc_kind, language=language,
                               locale=locale, created_by=created_by)
    return get(state, watch_id)  # type: ignore[return-value]


def get(state: State, watch_id: int) -> Watch | None:
    rows = state.watch_rows(watch_id=watch_id)
    return Watch(**rows[0]) if rows else None


def listed(state: State, **who: Any) -> list[Watch]:
    return [Watch(**r) for r in state.watch_rows(**who)]


# -- matching ---------------------------------------------------------------------------------


def _new_documents(store: Store, watch: Watch) -> list[dict[str, Any]]:
    sql = "SELECT doc_id, symbol, kind, language, sha256 FROM documents WHERE ingested_at > ?"
    params: list[Any] = [watch.mark]
    if watch.doc_kind:
        sql += " AND kind = ?"
        params.append(watch.doc_kind)
    if watch.language:
        sql += " AND language = ?"
        params.append(watch.language)
    return store.query(sql + " ORDER BY date, doc_id", params)


def _item(text: str) -> str:
    return "p:" + hashlib.sha1(fold(text).encode()).hexdigest()[:16]


def _fresh(store: Store, doc_id: str, mark: str) -> set[int]:
    """The document's paragraphs first seen after ``mark``."""
    return {r[0] for r in store.db.execute("SELECT id FROM paragraphs WHERE doc_id = ? AND first_seen > ?",
                                           [doc_id, mark])}


def _excerpt(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _query_matches(store: Store, watch: Watch, doc: dict[str, Any]) -> list[Match]:
    fresh = _fresh(store, doc["doc_id"], watch.mark)
    if not fresh:
        return []
    hits = []
    try:  # matched as /search matches, among the new paragraphs only, every page of them
        while len(hits) < MAX_PER_DOCUMENT:
            page = search(store, watch.value, symbol=doc["doc_id"], limit=PAGE, offset=len(hits), within=fresh)
            hits += page.results
            if len(page.results) < PAGE:
                break
    except (QueryError, OverBudget) as exc:
        log.info("watch %s: %s", watch.id, exc)
    return [Match(doc["doc_id"], _item(h.text), h.symbol, h.label, "match", h.excerpt, h.url) for h in hits]


def _symbol_matches(store: Store, watch: Watch, doc: dict[str, Any]) -> list[Match]:
    out = []
    if doc["symbol"] == watch.value:
        out.append(Match(doc["doc_id"], "v:" + (doc["sha256"] or "")[:16], doc["symbol"], "", "version", ""))
    rows = store.db.execute(
        "SELECT DISTINCT p.id, p.label, p.text FROM citations c JOIN paragraphs p ON p.id = c.paragraph_id"
        " WHERE c.doc_id = ? AND c.symbol = ? AND p.first_seen > ? ORDER BY p.seq LIMIT ?",
        [doc["doc_id"], watch.value, watch.mark, MAX_PER_DOCUMENT]).fetchall()
    out += [Match(doc["doc_id"], _item(text), doc["symbol"] or doc["doc_id"], label or "", "cites", _excerpt(text))
            for _, label, text in rows]
    return out


def _speaker_matches(store: Store, watch: Watch, doc: dict[str, Any]) -> list[Match]:
    ids = resolve_speakers(store, watch.value) if watch.kind == "speaker" else country_speakers(store, watch.value)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    # a country's delegates, not its representative presiding over the meeting
    chair = " AND coalesce(p.capacity, '') != 'chair'" if watch.kind == "country" else ""
    rows = store.db.execute(
        f"SELECT s.name, min(p.seq), p.label, p.text FROM paragraphs p JOIN speakers s ON s.id = p.speaker_id"
        f" WHERE p.doc_id = ? AND p.speaker_id IN ({marks}) AND p.section = 'statement' AND p.first_seen > ?{chair}"
        f" GROUP BY s.name ORDER BY min(p.seq)", [doc["doc_id"], *ids, watch.mark]).fetchall()
    return [Match(doc["doc_id"], "s:" + fold(name), doc["symbol"] or doc["doc_id"], label or "", "spoke",
                  _excerpt(f"{name}: {text}")) for name, _, label, text in rows]


_MATCHERS = {"query": _query_matches, "symbol": _symbol_matches, "speaker": _speaker_matches,
             "country": _speaker_matches}


def matches(store: Store, watch: Watch) -> list[Match]:
    """What came into the corpus after the watch's mark and matches it."""
    found: list[Match] = []
    for doc in _new_documents(store, watch):
        found += _MATCHERS[watch.kind](store, watch, doc)
    return found


def scan(store: Store, state: State, watches: list[Watch] | None = None) -> ScanReport:
    """Match every watch against what is new since its mark; record the new alerts. Safe to
    run in several processes at once: each watch's step is taken by one of them."""
    report = ScanReport()
    mark = corpus_mark(store)
    for watch in listed(state) if watches is None else watches:
        report.watches += 1
        if watch.mark >= mark:
            continue
        found = matches(store, watch)
        report.documents += len({m.doc_id for m in found})
        added = state.advance_watch(watch.id, watch.mark, mark, [m.as_json() for m in found])
        if added:
            report.alerts[watch.id] = added
    return report
