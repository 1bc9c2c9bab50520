"""Fuzzy excerpt search: full-text candidates, rapidfuzz rerank, an excerpt around the match.

Candidates come from two FTS5 indexes over the folded text (bot/text.py):
- the trigram index finds exact substrings of 3+ characters;
- the character-gram index (bot/grams.py) finds 1–2 character queries, which trigrams can't,
  and phrases with a wrong character: with one substitution at position i, every bigram
  not touching i is intact, so "all bigrams but those around i", for each i, finds them;
  with up to two, one of three chunks of the phrase is intact.
User text never reaches FTS5 as syntax: every term is a quoted string of plain tokens.
rapidfuzz's partial_ratio then scores each candidate on the folded text (no default_process:
it would shift the offsets used to highlight), and the span maps back to the published text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from rapidfuzz import fuzz

from bot.grams import query_grams
from bot.store import Store
from bot.symbols import undocs_url
from bot.text import fold, fold_with_map

MAX_QUERY = 500
CANDIDATES = 400  # per candidate query; enough to rerank, few enough to stay fast at scale
MIN_SCORE = 60.0
_SENTENCE_END = "。！？；!?;"


class QueryError(ValueError):
    """A query Plenary refuses, with the reason in words a user understands."""


@dataclass
class Hit:
    symbol: str
    doc_id: str
    title: str
    kind: str
    label: str
    section: str
    text: str
    excerpt: str  # a sentence or two around the match, the match in **bold**
    score: float
    speaker: str | None
    country: str | None
    language: str | None
    paragraph_id: int
    match: tuple[int, int]  # the match's span in text
    url: str

    def as_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["match"] = list(self.match)
        return d


@dataclass
class SearchResult:
    query: str
    total: int
    results: list[Hit] = field(default_factory=list)
    offset: int = 0
    limit: int = 5

    def as_json(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "offset": self.offset, "limit": self.limit,
                "results": [h.as_json() for h in self.results]}


def _fts_string(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _filters(symbol_doc: str | None, kind: str | None, speaker_ids: list[int] | None,
             country: str | None) -> tuple[str, list[Any]]:
    sql, params = ["p.section != 'procedure'"], []
    if symbol_doc:
        sql.append("p.doc_id = ?")
        params.append(symbol_doc)
    if kind:
        sql.append("p.doc_id IN (SELECT doc_id FROM documents WHERE kind = ?)")
        params.append(kind)
    if speaker_ids is not None:
        sql.append(f"p.speaker_id IN ({','.join('?' * len(speaker_ids)) or 'NULL'})")
        params += speaker_ids
    if country:
        sql.append("p.country LIKE ?")
        params.append(f"%{country}%")
    return " AND ".join(sql), params


class Searcher:
    """Candidate generation bound to one store and one set of filters."""

    def __init__(self, store: Store, where: str, params: list[Any]):
        self.store, self.where, self.params = store, where, params

    def _ids(self, table: str, match: str) -> set[int]:
        sql = (f"SELECT p.id FROM paragraphs p WHERE p.id IN "
               f"(SELECT rowid FROM {table} WHERE {table} MATCH ?) AND {self.where} LIMIT {CANDIDATES}")
        return {r[0] for r in self.store.db.execute(sql, [match, *self.params])}

    def _grams_all(self, tokens: list[str]) -> set[int]:
        if not tokens:
            return set()
        return self._ids("paragraphs_grams", " AND ".join(_fts_string(t) for t in tokens))

    def exact(self, term: str) -> set[int]:
        if len(term) >= 3:
            return self._ids("paragraphs_fts", _fts_string(term))
        tokens = query_grams(term)
        if tokens and len("".join(c for c in term if c.isalnum())) == len(term):
            return self._grams_all(tokens)
        # Punctuation-only or mixed short terms: the grams index has no tokens for them.
        sql = f"SELECT p.id FROM paragraphs p WHERE instr(p.search, ?) > 0 AND {self.where} LIMIT {CANDIDATES}"
        return {r[0] for r in self.store.db.execute(sql, [term, *self.params])}

    def fuzzy(self, term: str) -> set[int]:
        chars = "".join(c for c in term if c.isalnum())
        if len(chars) < 3:
            return set()
        bigrams = [chars[i : i + 2] for i in range(len(chars) - 1)]
        found: set[int] = set()
        # One wrong character at i breaks bigrams i-1 and i; the rest must all be there.
        for i in range(len(chars)):
            keep = [b for j, b in enumerate(bigrams) if j not in (i - 1, i)]
            if keep:
                found |= self._grams_all(list(dict.fromkeys(keep)))
        # Two wrong characters: one third of the phrase is intact.
        if len(chars) >= 6:
            third = len(chars) // 3
            for a, b in ((0, third), (third, 2 * third), (2 * third, len(chars))):
                chunk = chars[a:b]
                found |= self._grams_all(list(dict.fromkeys(chunk[i : i + 2] for i in range(len(chunk) - 1))))
        return found


def _score(terms: list[str], search: str) -> tuple[float, tuple[int, int]]:
    """Mean partial_ratio over terms (weighted by length) and the span of the longest term."""
    total, weight, span = 0.0, 0, (0, 0)
    longest = max(terms, key=len)
    for term in terms:
        pos = search.find(term)
        if pos >= 0:
            score, here = 100.0, (pos, pos + len(term))
        else:
            al = fuzz.partial_ratio_alignment(term, search)
            score, here = (al.score, (al.dest_start, al.dest_end)) if al else (0.0, (0, 0))
        total += score * len(term)
        weight += len(term)
        if term == longest:
            span = here
    return total / weight, span


def excerpt(text: str, start: int, end: int, width: int = 60) -> str:
    """The sentence(s) around text[start:end], trimmed to about ``width`` chars each side."""
    left = max((text.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
    right_candidates = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    left = max(left, start - width)
    right = min(right, end + width)
    pre = ("…" if left > 0 else "") + text[left:start]
    post = text[end:right] + ("…" if right < len(text) else "")
    return f"{pre}**{text[start:end]}**{post}"


def display_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Map a span of fold(text) back to the published text."""
    _, index = fold_with_map(text)
    if not index or span[1] <= span[0]:
        return (0, 0)
    start = index[min(span[0], len(index) - 1)]
    end = index[min(span[1], len(index)) - 1] + 1
    return start, end


def resolve_speakers(store: Store, speaker: str) -> list[int]:
    needle = fold(speaker)
    rows = store.query("SELECT id, name_search, role, country FROM speakers")
    return [r["id"] for r in rows if needle and (needle in r["name_search"] or needle == fold(r["role"] or ""))]


def search(
    store: Store,
    query: str,
    symbol: str | None = None,
    kind: str | None = None,
    speaker: str | None = None,
    country: str | None = None,
    limit: int = 5,
    offset: int = 0,
) -> SearchResult:
    from bot.answers.lookup import resolve

    query = (query or "").strip()
    if not query:
        raise QueryError("Type a few words to search for.")
    if len(query) > MAX_QUERY:
        raise QueryError(f"That query is {len(query)} characters long; the limit is {MAX_QUERY}. Try a shorter phrase.")
    terms = [t for t in (fold(w) for w in query.split()) if t]
    if not terms:
        raise QueryError("That query has nothing to search for once spaces are removed.")
    doc_id = None
    if symbol:
        doc_id = resolve(store, symbol)
        if doc_id is None:
            raise QueryError(f"No document {symbol!r} in the corpus to search in.")
    speaker_ids = resolve_speakers(store, speaker) if speaker else None
    if kind and kind not in ("resolution", "letter", "record"):
        raise QueryError("kind must be resolution, letter or record.")
    limit = max(1, min(limit, 50))
    offset = max(0, offset)

    searcher = Searcher(store, *_filters(doc_id, kind, speaker_ids, country and fold(country)))
    per_term = [searcher.exact(t) or searcher.fuzzy(t) for t in terms]
    ids = set.intersection(*per_term) if per_term else set()
    if not ids:
        # Keywords that never share a paragraph: any paragraph with one of them, ranked lower.
        ids = set.union(*per_term) | set.union(*(searcher.fuzzy(t) for t in terms))
    hits = _rank(store, terms, ids)
    page = hits[offset : offset + limit]
    return SearchResult(query=query, total=len(hits), results=page, offset=offset, limit=limit)


def _rank(store: Store, terms: list[str], ids: set[int]) -> list[Hit]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = store.query(
        f"""SELECT p.id, p.doc_id, p.label, p.section, p.text, p.search, p.language, p.country,
                   d.symbol, d.title, d.kind, d.date, s.name AS speaker, s.country AS speaker_country
            FROM paragraphs p JOIN documents d ON d.doc_id = p.doc_id
            LEFT JOIN speakers s ON s.id = p.speaker_id WHERE p.id IN ({marks})""",
        list(ids),
    )
    hits = []
    for r in rows:
        score, span = _score(terms, r["search"])
        if score < MIN_SCORE:
            continue
        start, end = display_span(r["text"], span)
        hits.append(Hit(
            symbol=r["symbol"] or r["doc_id"], doc_id=r["doc_id"], title=r["title"], kind=r["kind"],
            label=r["label"], section=r["section"], text=r["text"], excerpt=excerpt(r["text"], start, end),
            score=round(score, 1), speaker=r["speaker"], country=r["country"] or r["speaker_country"],
            language=r["language"], paragraph_id=r["id"], match=(start, end),
            url=undocs_url(r["symbol"]) if r["symbol"] else "",
        ))
    # Best score first; among equals, the shorter paragraph (the match is more of it), then corpus order.
    hits.sort(key=lambda h: (-h.score, len(h.text), h.paragraph_id))
    return hits
