"""Fuzzy excerpt search: full-text candidates, rapidfuzz rerank, an excerpt around the match.

Candidates come from one FTS5 index of character grams over the folded text (bot/grams.py,
bot/text.py), confirmed against each paragraph's search text (see Searcher). User text never
reaches FTS5 as syntax: every term is a quoted string of plain tokens.
rapidfuzz's partial_ratio then scores each candidate on the folded text (no default_process:
it would shift the offsets used to highlight), and the span maps back to the published text.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass, field
from typing import Any

from rapidfuzz import fuzz

from bot.grams import query_grams, skip_gram
from bot.model import KINDS
from bot.store import GRAM_COUNT_CAP, Store
from bot.symbols import undocs_url
from bot.text import fold, fold_with_map

MAX_QUERY = 500
CANDIDATES = 400  # per candidate query; enough to rerank, few enough to stay fast at scale
SELECTIVE_ROWS = 5000  # a filter this selective is read whole instead of through the index
PATTERN_ROWS = 30  # confirmed typo candidates per pattern: they tie, so the page needs few
PATTERN_GRAMS = 3  # grams from the index per pattern
PATTERN_SCAN = 1500  # index proposals confirmed per pattern, at most
PAGE_FILL = 10  # confirmed typo matches that make looser candidates unnecessary
MAX_PATTERN_TERM = 12  # longer terms skip the one-pattern-per-pair pass (66 patterns at 12)
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
    url: str  # opens the page the paragraph is on, when the source had pages
    page: int | None = None

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
    """Candidate generation bound to one store and one set of filters.

    With a selective filter (one document, a speaker of few meetings) the filtered paragraphs
    are few and are read directly. Otherwise the gram index proposes paragraphs and their
    search text confirms them:
    - exact: all the words' bigrams, then each word as a substring;
    - one edit (a wrong, extra or missing character), then two wrong characters: a LIKE
      pattern per suspected position, asked of the index by its rarest grams (skip-pairs
      included), most selective pattern first, until a page is full;
    - else, loosely: all bigrams but those around i, or one intact third of the phrase.
    rapidfuzz ranks whatever is found (see _rank).
    """

    def __init__(self, store: Store, where: str, params: list[Any], selective: bool = False,
                 allowed: set[int] | None = None):
        self.store, self.where, self.params, self.selective = store, where, params, selective
        # Paragraph ids a medium-sized filter allows (a speaker in hundreds of meetings): the
        # index's proposals are intersected with them in memory, instead of each proposal's
        # row being read to test the filter.
        self.allowed = allowed
        self.counts = store.gram_counts()

    def _confirm(self, match: str, check: str, args: list[Any], limit: int) -> set[int]:
        assert self.allowed is not None
        proposed = {r[0] for r in self.store.db.execute(
            "SELECT rowid FROM paragraphs_grams WHERE paragraphs_grams MATCH ?", [match])}
        ids = sorted(proposed & self.allowed)[:SELECTIVE_ROWS]
        if not ids:
            return set()
        sql = (f"SELECT p.id FROM paragraphs p WHERE p.id IN ({','.join('?' * len(ids))}) "
               f"AND {self.where} {check} LIMIT {limit}")
        return {r[0] for r in self.store.db.execute(sql, [*ids, *self.params, *args])}

    def _rows(self, tokens: list[str] | None, check: str = "", args: list[Any] | None = None,
              limit: int = CANDIDATES, scan: int | None = None) -> set[int]:
        """Paragraphs holding all ``tokens`` that pass ``check``; with ``scan``, only that many
        of the index's proposals are checked."""
        args = args or []
        if self.selective or not tokens:
            sql = f"SELECT p.id FROM paragraphs p WHERE {self.where} {check} LIMIT {SELECTIVE_ROWS}"
            return {r[0] for r in self.store.db.execute(sql, [*self.params, *args])}
        match = " AND ".join(_fts_string(t) for t in dict.fromkeys(tokens))
        if self.allowed is not None:
            return self._confirm(match, check, args, limit)
        proposals = "SELECT rowid FROM paragraphs_grams WHERE paragraphs_grams MATCH ?" + (
            f" LIMIT {scan}" if scan else "")
        sql = (f"SELECT p.id FROM ({proposals}) g JOIN paragraphs p ON p.id = g.rowid "
               f"WHERE {self.where} {check} LIMIT {limit}")
        return {r[0] for r in self.store.db.execute(sql, [match, *self.params, *args])}

    def exact(self, *terms: str) -> set[int]:
        """Paragraphs holding every one of ``terms`` as it is."""
        tokens = [g for t in terms for g in query_grams(t)]
        return self._rows(tokens, " ".join("AND instr(p.search, ?) > 0" for _ in terms), list(terms))

    def fuzzy(self, term: str) -> set[int]:
        if len(term) < 3:
            return set()
        if self.selective:
            return self._rows(None)  # few enough to score every one
        found: set[int] = set()
        if term.isalnum() and len(term) <= MAX_PATTERN_TERM:
            # Within a stage every confirmed match scores alike (one edit: (n-1)/n), so the
            # most selective patterns go first and the stage ends once a page is full.
            for patterns in (_one_edit(term), _two_substitutions(term)):
                planned = sorted((self._plan(p) for p in patterns), key=lambda plan: plan[0])
                for cost, pattern, grams in planned:
                    if cost == 0:
                        continue  # a gram no paragraph has: nothing can match
                    found |= self._like(pattern, grams)
                    if len(found) >= PAGE_FILL:
                        return found
        return found | self._loose(term)

    def _plan(self, pattern: str) -> tuple[float, str, list[str]]:
        """(estimated proposals, pattern, grams to ask the index for) for a LIKE pattern."""
        grams = [pattern[i : i + 2] for i in range(len(pattern) - 1) if "_" not in pattern[i : i + 2]]
        # Across a wildcard: the characters on either side, one apart (see bot/grams.py).
        grams += [skip_gram(pattern[i], pattern[i + 2]) for i in range(len(pattern) - 2)
                  if pattern[i + 1] == "_" and "_" not in (pattern[i], pattern[i + 2])]
        grams += [c for c in pattern if c != "_"]
        counts = {g: self.store.gram_count(g, self.counts) for g in dict.fromkeys(grams)}
        # LIKE checks the whole pattern, so the index need only narrow: the rarest grams do it
        # best, and an AND of a few short posting lists is far cheaper than of all of them.
        rarest = sorted(counts, key=lambda g: (counts[g], -len(g)))[:PATTERN_GRAMS]
        # Proposals the index will make for their AND, were the grams independent: the order
        # in which to try patterns (0 if a gram is missing: the pattern can't match).
        estimate = float(GRAM_COUNT_CAP)
        for g in rarest:
            estimate *= counts[g] / GRAM_COUNT_CAP
        return (estimate if all(counts.values()) else 0.0), pattern, rarest

    def _like(self, pattern: str, grams: list[str]) -> set[int]:
        """Paragraphs matching ``pattern`` (a term with "_" for any one character) among those
        the index proposes for ``grams``: at most PATTERN_SCAN of them, so a pattern of common
        grams costs a bounded few milliseconds, not a scan of the corpus."""
        return self._rows(grams, "AND p.search LIKE ?", [f"%{pattern}%"], limit=PATTERN_ROWS, scan=PATTERN_SCAN)

    def _loose(self, term: str) -> set[int]:
        chars = "".join(c for c in term if c.isalnum())
        if len(chars) < 3:
            return set()
        bigrams = [chars[i : i + 2] for i in range(len(chars) - 1)]
        found: set[int] = set()
        # One wrong character at i breaks bigrams i-1 and i; the rest must all be there.
        for i in range(len(chars)):
            keep = [b for j, b in enumerate(bigrams) if j not in (i - 1, i)]
            if keep:
                found |= self._rows(keep)
        # Two wrong characters: one third of the phrase is intact.
        if len(chars) >= 6:
            third = len(chars) // 3
            for a, b in ((0, third), (third, 2 * third), (2 * third, len(chars))):
                chunk = chars[a:b]
                found |= self._rows([chunk[i : i + 2] for i in range(len(chunk) - 1)])
        return found


def _one_edit(term: str) -> list[str]:
    """LIKE patterns for the term with one character wrong, one too many, or one missing."""
    n = len(term)
    wrong = [term[:i] + "_" + term[i + 1 :] for i in range(n)]
    extra = [term[:i] + term[i + 1 :] for i in range(n)] if n > 3 else []
    missing = [term[:i] + "_" + term[i:] for i in range(1, n)]
    return list(dict.fromkeys(wrong + extra + missing))


def _two_substitutions(term: str) -> list[str]:
    return ["".join("_" if k in (i, j) else c for k, c in enumerate(term))
            for i, j in itertools.combinations(range(len(term)), 2)]


def _score(terms: list[str], search: str) -> float:
    """Mean partial_ratio over terms, weighted by length (an exact substring scores 100)."""
    total = weight = 0.0
    for term in terms:
        total += (100.0 if term in search else fuzz.partial_ratio(term, search)) * len(term)
        weight += len(term)
    return total / weight


def _span(terms: list[str], search: str) -> tuple[int, int]:
    """Where the longest term matches in the search text, exactly or at its best alignment."""
    term = max(terms, key=len)
    pos = search.find(term)
    if pos >= 0:
        return pos, pos + len(term)
    al = fuzz.partial_ratio_alignment(term, search)
    return (al.dest_start, al.dest_end) if al else (0, 0)


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
    """Speakers whose name contains what was typed, or whose role it is (主席, 秘书长)."""
    return store.speaker_names().named(fold(speaker))


def speakers_of_country(store: Store, country: str) -> list[int]:
    return store.speaker_names().of_country(fold(country))


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
    if kind and kind not in KINDS:
        raise QueryError(f"kind must be one of {', '.join(KINDS)}.")
    limit = max(1, min(limit, 50))
    offset = max(0, offset)

    allowed = _speaker_paragraphs(store, speaker_ids) if speaker_ids is not None and doc_id is None else None
    selective = doc_id is not None or (allowed is not None and len(allowed) <= SELECTIVE_ROWS)
    searcher = Searcher(store, *_filters(doc_id, kind, speaker_ids, country and fold(country)), selective=selective,
                        allowed=allowed if not selective else None)
    # All the words, as typed, in one paragraph: one index query for them together (separate
    # queries, each capped, would rarely meet).
    ids = searcher.exact(*terms)
    per_term: list[set[int]] = []
    if not ids:
        if len(terms) == 1:
            per_term = [searcher.fuzzy(terms[0])]
        else:
            per_term = [searcher.exact(t) or searcher.fuzzy(t) for t in terms]
        ids = set.intersection(*per_term)
    if not ids:
        # Keywords that never share a paragraph: any paragraph with one of them, ranked lower.
        ids = set.union(*per_term)
    total, page = _rank(store, terms, ids, offset, limit)
    return SearchResult(query=query, total=total, results=page, offset=offset, limit=limit)


def _speaker_paragraphs(store: Store, speaker_ids: list[int]) -> set[int]:
    """Ids of the speakers' paragraphs, from the speaker_id index alone."""
    out: set[int] = set()
    for k in range(0, len(speaker_ids), 500):
        chunk = speaker_ids[k : k + 500]
        out.update(r[0] for r in store.db.execute(
            f"SELECT id FROM paragraphs WHERE speaker_id IN ({','.join('?' * len(chunk))})", chunk))
    return out


def _rank(store: Store, terms: list[str], ids: set[int], offset: int = 0, limit: int = 5) -> tuple[int, list[Hit]]:
    """Score every candidate on its search text, then build hits for the page asked for only:
    the excerpt and the span in the published text cost more than the score."""
    if not ids:
        return 0, []
    marks = ",".join("?" * len(ids))
    scored = []
    for pid, search, length in store.db.execute(
            f"SELECT id, search, length(text) FROM paragraphs WHERE id IN ({marks})", list(ids)):
        score = _score(terms, search)
        if score >= MIN_SCORE:
            scored.append((-score, length, pid))
    # Best score first; among equals, the shorter paragraph (the match is more of it), then corpus order.
    scored.sort()
    page = scored[offset : offset + limit]
    if not page:
        return len(scored), []
    rows = {r["id"]: r for r in store.query(
        f"""SELECT p.id, p.doc_id, p.label, p.section, p.text, p.search, p.language, p.country, p.page,
                   d.symbol, d.title, d.kind, d.date, s.name AS speaker, s.country AS speaker_country
            FROM paragraphs p JOIN documents d ON d.doc_id = p.doc_id
            LEFT JOIN speakers s ON s.id = p.speaker_id WHERE p.id IN ({",".join("?" * len(page))})""",
        [pid for _, _, pid in page],
    )}
    hits = []
    for neg_score, _, pid in page:
        r = rows[pid]
        start, end = display_span(r["text"], _span(terms, r["search"]))
        hits.append(Hit(
            symbol=r["symbol"] or r["doc_id"], doc_id=r["doc_id"], title=r["title"], kind=r["kind"],
            label=r["label"], section=r["section"], text=r["text"], excerpt=excerpt(r["text"], start, end),
            score=round(-neg_score, 1), speaker=r["speaker"], country=r["country"] or r["speaker_country"],
            language=r["language"], paragraph_id=r["id"], match=(start, end),
            url=undocs_url(r["symbol"], r["page"]) if r["symbol"] else "", page=r["page"],
        ))
    return len(scored), hits
