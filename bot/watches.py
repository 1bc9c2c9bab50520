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
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.answers.lookup import resolve
from bot.answers.quote import country_speakers
from bot.answers.search import QueryError, resolve_speakers, search
from bot.model import KINDS, LANGUAGES
from bot.schedule import retry
from bot.shards import Shards
from bot.state import Claim, State
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


def found_since(state: State, channel_id: int, since: str) -> list[tuple[Watch, int]]:
    """How many alerts each of a channel's watches raised after the corpus time ``since`` (what
    a digest says of them), in the order they were first found."""
    counts: dict[int, int] = {}
    for a in state.alerts_since(channel_id, since):
        counts[a["watch_id"]] = counts.get(a["watch_id"], 0) + 1
    by_id = {w.id: w for w in listed(state, channel_id=channel_id)}
    return [(by_id[wid], n) for wid, n in counts.items() if wid in by_id]


# -- delivering alerts (the chat adapter sends; these are the rules) ------------------------------


@dataclass
class Batch:
    """One watch's alerts found by one scan: posted as one message."""

    watch: dict[str, Any]
    batch: str
    alerts: list[dict[str, Any]]


def batches(pending: list[dict[str, Any]]) -> list[Batch]:
    """Pending alerts (each with its watch) grouped by watch and scan, in order."""
    out: dict[tuple[int, str], Batch] = {}
    for a in pending:
        if a.get("watch") is not None:
            out.setdefault((a["watch_id"], a["batch"]), Batch(a["watch"], a["batch"], [])).alerts.append(a)
    return list(out.values())


def posted_here(watch: dict[str, Any], shards: Shards | None) -> bool:
    """Does the process running ``shards`` post this watch's alerts? A channel's: its guild's
    shard. A user's direct messages: the process holding shard 0, as Discord sends DMs to it.
    The command line's: never (plenary watch pending reads them)."""
    if watch["owner"] == "channel":
        return shards is None or shards.holds(watch["guild_id"] or 0)
    if watch["owner"] == "user":
        return shards is None or 0 in shards.ids
    return False


class Alerts:
    """The claim-send-record rule of the digests (bot/state), for watch alerts: a batch is
    claimed by one process, sent with its delivery's nonce, recorded with its message id."""

    KIND = "alert"

    def __init__(self, state: State):
        self.state = state

    def due(self, shards: Shards | None = None) -> list[Batch]:
        by_id = {w.id: w.as_json() for w in listed(self.state)}
        pending = [a | {"watch": by_id.get(a["watch_id"])} for a in self.state.pending_alerts()]
        return [b for b in batches(pending) if posted_here(b.watch, shards)]

    def claim(self, batch: Batch) -> Claim | None:
        """The right to send ``batch``, or None. A batch already recorded by a process that died
        before marking its alerts delivered is marked now."""
        watch_id = batch.watch["id"]
        claim = self.state.claim(self.KIND, str(watch_id), batch.batch, batch.watch.get("channel_id"))
        if claim is None:
            done = self.state.delivery(self.KIND, str(watch_id), batch.batch)
            if done is not None and done.status in ("sent", "failed", "missed"):
                self.state.mark_delivered(watch_id, batch.batch)
        return claim

    def sent(self, claim: Claim, batch: Batch, message_id: int | str | None) -> None:
        self.state.delivered(claim, message_id)
        self.state.mark_delivered(batch.watch["id"], batch.batch)

    def failed(self, claim: Claim, batch: Batch, why: str) -> None:
        """The channel is gone or closed to the bot: these alerts are not sent."""
        self.state.give_up(claim, "failed", why)
        self.state.mark_delivered(batch.watch["id"], batch.batch)

    def retry(self, claim: Claim, why: str, now: float | None = None) -> bool:
        return retry(self.state, claim, time.time() if now is None else now, why)
