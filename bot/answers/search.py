"""Fuzzy excerpt search: full-text candidates, rapidfuzz rerank, an excerpt around the match.

Candidates come from one FTS5 index of character grams over the folded text (bot/grams.py,
bot/text.py), confirmed against each paragraph's search text (see Searcher). User text never
reaches FTS5 as syntax: every term is a quoted string of plain tokens.
rapidfuzz's partial_ratio then scores each candidate on the folded text (no default_process:
it would shift the offsets used to highlight), and the span maps back to the published text.

Latin-script words (English, and the Latin names and symbols inside Chinese text) are searched
as words, the way a search engine does (see WordQuery): each word by its stem, a mistyped word
by the corpus's stems a typo or two away, all words in one paragraph in any order, ranked by the
phrase, the typos, how close the words stand and the paragraph's length; every word is
highlighted. A Chinese term in the same query is searched as above, in the same paragraph.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from bot.grams import query_grams, skip_gram
from bot.language import detect as detect_language
from bot.model import KINDS
from bot.names import country_forms, mentions, names_of
from bot.names import resolve as resolve_name
from bot.store import GRAM_COUNT_CAP, OverBudget, Store
from bot.symbols import undocs_url
from bot.text import fold, fold_with_map
from bot.words import (
    STOP_WORDS,
    find_words,
    has_cjk,
    has_latin_letter,
    query_words,
    stem,
    stem_token,
    word_token,
)

MAX_QUERY = 500
CANDIDATES = 400  # per candidate query; enough to rerank, few enough to stay fast at scale
SELECTIVE_ROWS = 5000  # a filter this selective is read whole instead of through the index
PATTERN_ROWS = 30  # confirmed typo candidates per pattern: they tie, so the page needs few
PATTERN_GRAMS = 3  # grams from the index per pattern
PATTERN_SCAN = 1500  # index proposals confirmed per pattern, at most
PAGE_FILL = 10  # confirmed typo matches that make looser candidates unnecessary
MAX_PATTERN_TERM = 12  # longer terms skip the one-pattern-per-pair pass (66 patterns at 12)
MIN_SCORE = 60.0
MAX_WORDS = 32  # distinct words of a query that count; the rest are ignored
# Work done in Python, outside SQLite's progress handler, is capped up front: each term of a
# query searched as characters costs index queries, and every candidate is scored against every
# term. 200 one-character words took 18 s on 150k paragraphs, nearly all in scoring 42,000
# candidates × 200 terms (bench/budget.py); a query past either cap is refused as too broad.
MAX_TERMS = 16  # terms searched as characters (Chinese terms beside Latin words included)
RANK_WORK = 200_000  # candidates × terms scored, at most
WORD_CANDIDATES = 400  # paragraphs ranked per word query (as CANDIDATES)
PHRASE_SCAN = 2000  # index proposals checked for the exact phrase, at most
DROP_ONE_UP_TO = 8  # words: when no paragraph has them all, each set of all but one is tried
NEAR_STEMS = 16  # stems a mistyped word may stand for
FUZZY_FROM = 4  # letters: a shorter word is never taken for a typo
_SENTENCE_END = "。！？；!?;"


class QueryError(ValueError):
    """A query Plenary refuses, with the reason in words a user understands."""


TOO_BROAD = "That query is too broad to answer in time; narrow it: fewer or longer words, or one document or speaker."


class TooBroad(QueryError):
    """A query past its work budget: too many terms, too many candidates, or past the deadline."""

    def __init__(self, message: str = TOO_BROAD):
        super().__init__(message)


@contextmanager
def budget(store: Store, seconds: float | None) -> Iterator[None]:
    """Answer within ``seconds`` of work (Store.budget), or refuse as too broad."""
    try:
        with store.budget(seconds):
            yield
    except OverBudget as exc:
        raise TooBroad() from exc


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
    match: tuple[int, int]  # the (first) match's span in text
    url: str  # opens the page the paragraph is on, when the source had pages
    page: int | None = None
    version: str | None = None  # the language of the document's version the hit is in
    matches: list[tuple[int, int]] = field(default_factory=list)  # every highlighted span in text

    def as_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["match"] = list(self.match)
        d["matches"] = [list(m) for m in self.matches]
        return d


@dataclass
class SearchResult:
    query: str
    total: int
    results: list[Hit] = field(default_factory=list)
    offset: int = 0
    limit: int = 5
    # When nothing was found and the query is in a language the corpus holds no version in:
    # {"language": "fr", "held": ["zh", "en"], "suggestion": "集体安全条约组织" or None}.
    hint: dict[str, Any] | None = None

    def as_json(self) -> dict[str, Any]:
        out = {"query": self.query, "total": self.total, "offset": self.offset, "limit": self.limit,
               "results": [h.as_json() for h in self.results]}
        if self.hint:
            out["hint"] = self.hint
        return out


def _fts_string(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _filters(symbol_doc: str | None, kind: str | None, speaker_ids: list[int] | None,
             country: str | None, language: str | None = None) -> tuple[str, list[Any]]:
    sql, params = ["p.section != 'procedure'"], []
    if symbol_doc:
        sql.append("p.doc_id = ?")
        params.append(symbol_doc)
    if kind:
        sql.append("p.doc_id IN (SELECT doc_id FROM documents WHERE kind = ?)")
        params.append(kind)
    if language:
        sql.append("p.doc_id IN (SELECT doc_id FROM documents WHERE language = ?)")
        params.append(language)
    if speaker_ids is not None:
        sql.append(f"p.speaker_id IN ({','.join('?' * len(speaker_ids)) or 'NULL'})")
        params += speaker_ids
    if country:
        forms = country_forms(country)
        if forms:
            # Exact on the country or organisation the text names, in any of its printed forms:
            # 俄罗斯 is the Russian Federation, never 白俄罗斯.
            sql.append(f"p.country IN ({','.join('?' * len(forms))})")
            params += forms
        else:
            # Not a known name: a part of the country as printed; % and _ are literal.
            sql.append("p.country LIKE ? ESCAPE '\\'")
            params.append("%" + re.sub(r"([%_\\])", r"\\\1", fold(country)) + "%")
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
        self.store.check_budget()  # many short statements never reach SQLite's progress handler
        if self.selective or not tokens:
            sql = f"SELECT p.id FROM paragraphs p WHERE {self.where} {check} LIMIT {SELECTIVE_ROWS}"
            return {r[0] for r in self.store.db.execute(sql, [*self.params, *args])}
        return self.matching(" AND ".join(_fts_string(t) for t in dict.fromkeys(tokens)), check, args, limit, scan)

    def matching(self, match: str, check: str = "", args: list[Any] | None = None, limit: int = CANDIDATES,
                 scan: int | None = None) -> set[int]:
        """Paragraphs the index proposes for the FTS5 expression ``match`` that pass ``check``."""
        args = args or []
        self.store.check_budget()
        if self.selective:
            # Few paragraphs pass the filter: the index's answer is read whole and joined to them.
            sql = (f"SELECT p.id FROM paragraphs p WHERE {self.where} AND p.id IN "
                   f"(SELECT rowid FROM paragraphs_grams WHERE paragraphs_grams MATCH ?) {check} LIMIT {SELECTIVE_ROWS}")
            return {r[0] for r in self.store.db.execute(sql, [*self.params, match, *args])}
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


def _around(text: str, start: int, end: int, width: int) -> tuple[int, int]:
    """The sentence(s) around text[start:end], trimmed to about ``width`` chars each side."""
    left = max((text.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
    right_candidates = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return max(left, start - width), min(right, end + width)


def excerpt(text: str, start: int, end: int, width: int = 60) -> str:
    """The sentence(s) around text[start:end], trimmed to about ``width`` chars each side."""
    left, right = _around(text, start, end, width)
    pre = ("…" if left > 0 else "") + text[left:start]
    post = text[end:right] + ("…" if right < len(text) else "")
    return f"{pre}**{text[start:end]}**{post}"


EXCERPT_PIECES = 3  # separate stretches of a paragraph one excerpt shows, at most


def excerpt_spans(text: str, spans: list[tuple[int, int]], width: int = 60) -> str:
    """An excerpt with every span in **bold**: spans near each other share one stretch of text
    (as excerpt() shows one), stretches far apart are joined, the first EXCERPT_PIECES only."""
    spans = _merge_spans(text, spans)
    if len(spans) <= 1:
        return excerpt(text, *(spans[0] if spans else (0, 0)), width=width)
    # Stretches: spans within two widths of each other, then their windows, merged if they touch.
    groups: list[list[tuple[int, int]]] = [[spans[0]]]
    for span in spans[1:]:
        if span[0] - groups[-1][-1][1] <= 2 * width:
            groups[-1].append(span)
        else:
            groups.append([span])
    windows: list[tuple[int, int, list[tuple[int, int]]]] = []
    for group in groups:
        left, right = _around(text, group[0][0], group[-1][1], width)
        if windows and left <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(right, windows[-1][1]), windows[-1][2] + group)
        else:
            windows.append((left, right, group))
    pieces = []
    for left, right, group in windows[:EXCERPT_PIECES]:
        out, at = ["…" if left > 0 else ""], left
        for start, end in group:
            out += [text[at:start], "**", text[start:end], "**"]
            at = end
        out += [text[at:right], "…" if right < len(text) else ""]
        pieces.append("".join(out))
    return " ".join(pieces)


def _merge_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, overlapping ones and ones only whitespace apart made one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and (start <= out[-1][1] or not text[out[-1][1] : start].strip()):
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


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


# -- Latin-script words --------------------------------------------------------------------


@dataclass
class QueryWord:
    """One word of a query and what in a paragraph stands for it."""

    form: str  # folded, as typed ("peacekeeping" for "peace-keeping")
    exact: bool  # matched as written only: a number, or a word of one or two letters
    required: bool  # a paragraph must hold it (stop words needn't)
    stems: dict[str, int] = field(default_factory=dict)  # stem → typos from the word (0: its own)

    def clause(self) -> str | None:
        """The FTS5 expression for paragraphs that may hold the word (None: none can)."""
        if self.form.isdigit():  # numbers have character grams only (bot/words.py)
            return "(" + " AND ".join(_fts_string(g) for g in query_grams(self.form)) + ")"
        if self.exact:
            own = stem(self.form)
            return _fts_string(stem_token(own) if own == self.form else word_token(self.form))
        if not self.stems:
            return None
        return "(" + " OR ".join(_fts_string(stem_token(s)) for s in self.stems) + ")"


@dataclass
class WordQuery:
    """A query of Latin-script words (and maybe Chinese terms, searched as characters)."""

    words: list[QueryWord]  # distinct, in the order typed
    sequence: list[int]  # the words as typed, by index into words: the phrase
    phrase: str  # the Latin terms as folded, joined by spaces: the phrase as the text folds it
    cjk: list[str]  # Chinese terms, each found as written, as the character path finds them

    by_stem: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # stem → (word, typos)
    by_form: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # exact words: form → (word, 0)

    def __post_init__(self) -> None:
        for i, w in enumerate(self.words):
            if w.exact:
                self.by_form.setdefault(w.form, []).append((i, 0))
            for s, typos in w.stems.items():
                self.by_stem.setdefault(s, []).append((i, typos))

    @property
    def required(self) -> list[QueryWord]:
        return [w for w in self.words if w.required]


def _present(store: Store, token: str) -> bool:
    return store.db.execute("SELECT 1 FROM paragraphs_grams WHERE paragraphs_grams MATCH ? LIMIT 1",
                            [_fts_string(token)]).fetchone() is not None


def word_query(store: Store, terms: list[str]) -> WordQuery | None:
    """The query as words, if it has a Latin-script word; None sends it the character way."""
    latin = [t for t in terms if not has_cjk(t)]
    if not any(has_latin_letter(t) for t in latin):
        return None
    typed = [w for t in latin for w in query_words(t)]
    index: dict[str, int] = {}
    for form in typed:
        if form not in index and len(index) < MAX_WORDS:
            index[form] = len(index)
    words = [QueryWord(form, exact=form.isdigit() or len(form) <= 2, required=form not in STOP_WORDS)
             for form in index]
    cjk = list(dict.fromkeys(t for t in terms if has_cjk(t)))
    if not any(w.required for w in words) and not cjk:
        for w in words:  # nothing but stop words ("to be or not to be"): they are the query
            w.required = True
    for w in words:
        if w.exact or not w.required:
            continue
        own = stem(w.form)
        if _present(store, stem_token(own)):
            w.stems = {own: 0}
        elif len(w.form) >= FUZZY_FROM and not any(c.isdigit() for c in w.form):
            w.stems = store.word_vocabulary().near(w.form, NEAR_STEMS)
    for w in words:  # stop words (and words of no corpus) count for the phrase by their own stem
        if not w.stems and not w.exact:
            w.stems = {stem(w.form): 0}
    sequence = [index[f] for f in typed if f in index]
    return WordQuery(words, sequence, " ".join(latin), cjk)


def _word_candidates(searcher: Searcher, q: WordQuery) -> set[int]:
    """Paragraphs holding every required word (and Chinese term); failing that, all but one."""
    clauses = [w.clause() for w in q.required]
    cjk_clauses = [" AND ".join(_fts_string(g) for g in query_grams(t)) for t in q.cjk]
    cjk_clauses = [c for c in cjk_clauses if c]
    check = " ".join("AND instr(p.search, ?) > 0" for _ in q.cjk)
    ids: set[int] = set()
    if all(clauses) and clauses + cjk_clauses:
        match = " AND ".join([*clauses, *cjk_clauses])
        if len(q.sequence) > 1:
            # The phrase itself first: among thousands holding common words it is the best.
            ids |= searcher.matching(match, check + " AND instr(p.search, ?) > 0", [*q.cjk, q.phrase],
                                     limit=WORD_CANDIDATES, scan=PHRASE_SCAN)
        ids |= searcher.matching(match, check, list(q.cjk), limit=WORD_CANDIDATES)
    if not ids and 1 < len(clauses) <= DROP_ONE_UP_TO:
        # No paragraph holds them all: those that hold all but one, ranked after.
        for i in range(len(clauses)):
            rest = [c for j, c in enumerate(clauses) if j != i and c]
            if len(rest) == len(clauses) - 1:
                ids |= searcher.matching(" AND ".join([*rest, *cjk_clauses]), check, list(q.cjk),
                                         limit=WORD_CANDIDATES)
    return ids


@dataclass
class _Judged:
    key: tuple
    matched: int
    edits: int
    phrase: int
    spans: list[tuple[int, int]]  # in the folded text


def _judge(q: WordQuery, search: str, length: int, pid: int) -> _Judged | None:
    """How well a paragraph's folded text answers the query, as a sort key: every required
    word there, then the phrase as typed (2) or inflected (1), fewer typos, words closer
    together, words written closer to the query's (urges before urged), shorter paragraph,
    corpus order."""
    # Occurrences per query word: (first, last, start, end, typos, as typed).
    occ: list[list[tuple[int, int, int, int, int, bool]]] = [[] for _ in q.words]
    unlike: dict[int, int] = {}  # per word, the fewest edits from the word as typed to the text's
    for first, last, start, end, form, hits in find_words(search, q.by_stem, q.by_form):
        for i, e in hits:
            typed = q.words[i].form
            occ[i].append((first, last, start, end, e, form == typed))
            if unlike.get(i) != 0:
                d = 0 if form == typed else OSA.distance(form, typed)
                unlike[i] = min(d, unlike.get(i, d))
    required = [i for i, w in enumerate(q.words) if w.required]
    found = [i for i in required if occ[i]]
    cjk_spans = [(k, k + len(t)) for t in q.cjk if (k := search.find(t)) >= 0]
    if not found and not cjk_spans:
        return None
    edits = sum(min(o[4] for o in occ[i]) for i in found)
    inflected = sum(unlike[i] for i in found)
    phrase, spans = _phrase(q, occ)
    window, window_spans = _window([occ[i] for i in found])
    if not spans:
        spans = window_spans
    key = (-len(found), -phrase, edits, window, inflected, length, pid)
    return _Judged(key, len(found), edits, phrase, spans + cjk_spans)


def _phrase(q: WordQuery, occ: list[list[tuple[int, int, int, int, int, bool]]]) -> tuple[int, list[tuple[int, int]]]:
    """2 if the words stand in the paragraph as typed, one after the other; 1 if so but
    inflected or mistyped; else 0. With the phrase's span (the first, as typed if any)."""
    if len(q.sequence) < 2:
        return 0, []
    # Chains by the position of their last word: (all as typed, start of the chain).
    chains: dict[int, tuple[bool, int]] = {}
    for first, last, start, end, _, typed in occ[q.sequence[0]]:
        chains[last] = (typed, start)
    for k in q.sequence[1:]:
        nxt: dict[int, tuple[bool, int]] = {}
        for first, last, start, end, _, typed in occ[k]:
            before = chains.get(first - 1)
            if before is not None:
                chain = (before[0] and typed, before[1])
                if last not in nxt or (chain[0], -chain[1]) > (nxt[last][0], -nxt[last][1]):
                    nxt[last] = chain
        chains = nxt
        if not chains:
            return 0, []
    # The chain's end: the last word's end, found again by its position.
    ends = {o[1]: o[3] for o in occ[q.sequence[-1]]}
    best = max(chains.items(), key=lambda kv: (kv[1][0], -kv[1][1]))
    return (2 if best[1][0] else 1), [(best[1][1], ends[best[0]])]


def _window(occs: list[list[tuple[int, int, int, int, int, bool]]]) -> tuple[int, list[tuple[int, int]]]:
    """The fewest word positions that hold one occurrence of each word, and their spans."""
    if not occs:
        return 0, []
    events = sorted((o[0], i, o) for i, os in enumerate(occs) for o in os)
    need, have = len(occs), {}
    best: tuple[int, list] | None = None
    lo = 0
    for hi in range(len(events)):
        have[events[hi][1]] = have.get(events[hi][1], 0) + 1
        while len(have) == need:
            width = events[hi][0] - events[lo][0]
            if best is None or width < best[0]:
                chosen: dict[int, tuple] = {}
                for _, i, o in events[lo : hi + 1]:
                    chosen[i] = o  # the last of each word inside the window
                best = (width, [(o[2], o[3]) for o in chosen.values()])
            i = events[lo][1]
            have[i] -= 1
            if not have[i]:
                del have[i]
            lo += 1
    assert best is not None
    return best[0], best[1]


def _rank_words(store: Store, q: WordQuery, ids: set[int], offset: int, limit: int) -> tuple[int, list[Hit]]:
    """Judge every candidate (see _judge), then build hits for the page asked for."""
    if not ids:
        return 0, []
    marks = ",".join("?" * len(ids))
    judged: list[tuple[tuple, int, _Judged]] = []
    for pid, text_search, length in store.db.execute(
            f"SELECT id, search, length(text) FROM paragraphs WHERE id IN ({marks})", list(ids)):
        store.check_budget()
        j = _judge(q, text_search, length, pid)
        if j is not None:
            judged.append((j.key, pid, j))
    judged.sort(key=lambda x: x[0])
    page = judged[offset : offset + limit]
    if not page:
        return len(judged), []
    rows = _hit_rows(store, [pid for _, pid, _ in page])
    required = max(1, len(q.required) + len(q.cjk))
    hits = []
    for _, pid, j in page:
        r = rows[pid]
        _, index = fold_with_map(r["text"])
        spans = _merge_spans(r["text"], [_to_display(index, span) for span in j.spans])
        score = 100.0 * min(j.matched + len(q.cjk), required) / required - 5 * j.edits - (
            0 if j.phrase == 2 or len(q.sequence) < 2 else 5 if j.phrase == 1 else 10)
        hits.append(_hit(r, excerpt_spans(r["text"], spans), max(1.0, round(score, 1)), spans or [(0, 0)]))
    return len(judged), hits


def _to_display(index: list[int], span: tuple[int, int]) -> tuple[int, int]:
    if not index or span[1] <= span[0]:
        return (0, 0)
    return index[min(span[0], len(index) - 1)], index[min(span[1], len(index)) - 1] + 1


_ALIASES = 6  # other names of a country or organisation searched besides the one typed
# Every UN document names the United Nations: "UN" is searched as the word, not as its names.
_NOT_ALIASED = frozenset({"org:un"})


def search(
    store: Store,
    query: str,
    symbol: str | None = None,
    kind: str | None = None,
    speaker: str | None = None,
    country: str | None = None,
    limit: int = 5,
    offset: int = 0,
    language: str | None = None,
    within: set[int] | None = None,
) -> SearchResult:
    """Paragraphs matching ``query``, best first. A query that is the name of a country or an
    organisation also finds its other names, in every language: CSTO finds 集体安全条约组织 and
    集安组织, Russia 俄罗斯联邦. ``within``: only these paragraphs (a watch's new ones)."""
    filters = {"symbol": symbol, "kind": kind, "speaker": speaker, "country": country, "language": language,
               "within": within}
    entity = resolve_name(query)
    forms = _alias_forms(query, entity)
    if not forms:
        result = _search(store, query, limit=limit, offset=offset, **filters)
        if not result.total:
            result.hint = _language_hint(store, query)
        return result
    results = []
    for form in forms:
        try:
            # each form's best offset + limit, merged below: the page may lie past 50 hits
            results.append(_search(store, form, limit=offset + limit, offset=0, cap=offset + limit, **filters))
        except QueryError:
            continue
    names = {fold(n) for n in names_of(entity)}
    merged: dict[int, Hit] = {}
    for form, r in zip(forms, results):
        for h in r.results:
            # 俄罗斯 inside 白俄罗斯 is Belarus: not a hit for Russia.
            if fold(form) in names and not mentions(fold(h.text), form, entity.id):
                continue
            if h.paragraph_id not in merged or h.score > merged[h.paragraph_id].score:
                merged[h.paragraph_id] = h
    hits = sorted(merged.values(), key=lambda h: (-h.score, len(h.text), h.paragraph_id))
    fetched_all = all(r.total <= offset + limit for r in results)
    total = len(merged) if fetched_all else sum(r.total for r in results)
    return SearchResult(query=query, total=total, results=hits[offset:offset + limit], offset=offset, limit=limit)


def _language_hint(store: Store, query: str) -> dict[str, Any] | None:
    """Why nothing was found, when the query is in a language the corpus holds no version in,
    and a search that would work: the same country or organisation named in a held language."""
    from bot.answers.parallel import languages_held

    detected = detect_language(query)
    held = languages_held(store)
    if detected is None or detected.code in held or detected.code == "und" or not held:
        return None
    entity = resolve_name(query)
    suggestion = next((names_of(entity, lang)[0] for lang in held if entity and names_of(entity, lang)), None)
    return {"language": detected.code, "held": held, "suggestion": suggestion}


def _alias_forms(query: str, entity) -> list[str]:
    """The query and the other names of the country or organisation it names exactly (``entity``,
    resolved by the caller), or []."""
    if entity is None or entity.id in _NOT_ALIASED:
        return []
    forms = [query]
    seen = {fold(query)}
    for name in names_of(entity):
        key = fold(name)
        if key not in seen and len(key) >= 2:
            seen.add(key)
            forms.append(name)
        if len(forms) > _ALIASES:
            break
    return forms


def _search(
    store: Store,
    query: str,
    symbol: str | None = None,
    kind: str | None = None,
    speaker: str | None = None,
    country: str | None = None,
    limit: int = 5,
    offset: int = 0,
    language: str | None = None,
    within: set[int] | None = None,
    cap: int = 50,
) -> SearchResult:
    from bot.answers.lookup import resolve

    def kept(ids: set[int]) -> set[int]:
        return ids if within is None else ids & within

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
    limit = max(1, min(limit, max(cap, 50)))
    offset = max(0, offset)

    allowed = _speaker_paragraphs(store, speaker_ids) if speaker_ids is not None and doc_id is None else None
    selective = doc_id is not None or (allowed is not None and len(allowed) <= SELECTIVE_ROWS)
    searcher = Searcher(store, *_filters(doc_id, kind, speaker_ids, country, language),
                        selective=selective, allowed=allowed if not selective else None)
    words = word_query(store, terms)
    if words is not None and len(words.cjk) > MAX_TERMS:
        raise TooBroad()
    if words is not None:
        total, page = _rank_words(store, words, kept(_word_candidates(searcher, words)), offset, limit)
        if total:
            return SearchResult(query=query, total=total, results=page, offset=offset, limit=limit)
        if not words.cjk:
            # Not words of the corpus: maybe the start of one (a name, a symbol), found as
            # characters, as written; a word of one or two letters is a word or nothing ("UN").
            long_enough = all(len(w.form) >= 3 for w in words.words)
            ids = kept(searcher.exact(*terms)) if long_enough else set()
            total, page = _rank(store, terms, ids, offset, limit)
            return SearchResult(query=query, total=total, results=page, offset=offset, limit=limit)
        # A Chinese term with a typo in it, maybe: the character way for the whole query.
    if len(terms) > MAX_TERMS:
        raise TooBroad()
    # All the words, as typed, in one paragraph: one index query for them together (separate
    # queries, each capped, would rarely meet).
    ids = kept(searcher.exact(*terms))
    per_term: list[set[int]] = []
    if not ids:
        if len(terms) == 1:
            per_term = [kept(searcher.fuzzy(terms[0]))]
        else:
            for t in terms:
                store.check_budget()
                per_term.append(kept(searcher.exact(t)) or kept(searcher.fuzzy(t)))
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
    if len(ids) * len(terms) > RANK_WORK:
        raise TooBroad()
    marks = ",".join("?" * len(ids))
    scored = []
    for pid, search, length in store.db.execute(
            f"SELECT id, search, length(text) FROM paragraphs WHERE id IN ({marks})", list(ids)):
        store.check_budget()
        score = _score(terms, search)
        if score >= MIN_SCORE:
            scored.append((-score, length, pid))
    # Best score first; among equals, the shorter paragraph (the match is more of it), then corpus order.
    scored.sort()
    page = scored[offset : offset + limit]
    if not page:
        return len(scored), []
    rows = _hit_rows(store, [pid for _, _, pid in page])
    hits = []
    for neg_score, _, pid in page:
        r = rows[pid]
        start, end = display_span(r["text"], _span(terms, r["search"]))
        hits.append(_hit(r, excerpt(r["text"], start, end), round(-neg_score, 1), [(start, end)]))
    return len(scored), hits


def _hit_rows(store: Store, ids: list[int]) -> dict[int, dict[str, Any]]:
    return {r["id"]: r for r in store.query(
        f"""SELECT p.id, p.doc_id, p.label, p.section, p.text, p.search, p.language, p.country, p.page,
                   d.symbol, d.title, d.kind, d.date, d.language AS doc_language, s.name AS speaker,
                   s.country AS speaker_country
            FROM paragraphs p JOIN documents d ON d.doc_id = p.doc_id
            LEFT JOIN speakers s ON s.id = p.speaker_id WHERE p.id IN ({",".join("?" * len(ids))})""",
        ids,
    )}


def _hit(r: dict[str, Any], excerpt_text: str, score: float, spans: list[tuple[int, int]]) -> Hit:
    return Hit(
        symbol=r["symbol"] or r["doc_id"], doc_id=r["doc_id"], title=r["title"], kind=r["kind"],
        label=r["label"], section=r["section"], text=r["text"], excerpt=excerpt_text,
        score=score, speaker=r["speaker"], country=r["country"] or r["speaker_country"],
        language=r["language"], paragraph_id=r["id"], match=spans[0],
        url=undocs_url(r["symbol"], r["page"], lang=r["doc_language"]) if r["symbol"] else "", page=r["page"],
        matches=spans, version=r["doc_language"],
    )
