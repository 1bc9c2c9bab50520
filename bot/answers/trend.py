"""How often a query appears over time: matching paragraphs and documents per year (or month,
or document) and body (/trend, plenary trend).

A paragraph matches as search's first, exact stage finds it (bot/answers/search.py): Chinese by
characters over the folded text (Traditional, full width and case forgiven), every term in the
paragraph; Latin-script words by their stems (inflections forgiven; a word the corpus lacks by
the corpus's words a typo or two away), every word in the paragraph; a country or organisation
by any of its names (CSTO counts 集体安全条约组织 and 集安组织, never 白俄罗斯 for 俄罗斯). The same
FTS5 expressions and confirmations as search, without search's cap on candidates: every
matching paragraph is counted, within the answer's work budget (past it: the too-broad
refusal). A query nothing matches exactly is tried once more as the search corrects it
(多功熊机构 → 多功能机构), and the answer says so.

A document held in several languages is counted once, by its symbol: its version with the most
matching paragraphs counts. Periods run over the corpus's dated documents, empty ones included:
years when the corpus spans MIN_YEARS years or more, else one period per document (a meeting,
a resolution) when there are few, else months.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.answers.search import (
    MAX_QUERY,
    MAX_TERMS,
    QueryError,
    TooBroad,
    _alias_forms,
    _filters,
    _fts_string,
    _language_hint,
    search,
    word_query,
)
from bot.grams import query_grams
from bot.names import longer_names, names_of
from bot.names import resolve as resolve_name
from bot.store import Store
from bot.text import fold

BY = ("year", "month", "document")
MIN_YEARS = 3  # a corpus spanning fewer years is counted per document (or per month)
MAX_DOCUMENT_PERIODS = 40  # more dated documents than this in a short corpus: per month

# Bodies, by the symbol's series first (A/HRC/… before A/…), then by the body the text names.
BODIES = ("GA", "SC", "ECOSOC", "HRC", "other")
_SERIES = (("A/HRC/", "HRC"), ("A/", "GA"), ("S/", "SC"), ("E/", "ECOSOC"))
_BODY_NAMES = (
    ("HRC", ("人权理事会", "human rights council", "conseil des droits de l'homme", "consejo de derechos humanos",
             "совет по правам человека", "مجلس حقوق الإنسان")),
    ("SC", ("安全理事会", "安理会", "security council", "conseil de sécurité", "consejo de seguridad",
            "совет безопасности", "مجلس الأمن")),
    ("ECOSOC", ("经济及社会理事会", "经社理事会", "economic and social council", "conseil économique et social",
                "consejo económico y social", "экономический и социальный совет", "المجلس الاقتصادي والاجتماعي")),
    ("GA", ("大会", "general assembly", "assemblée générale", "asamblea general", "генеральная ассамблея",
            "الجمعية العامة")),
)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def body_of(symbol: str | None, body: str | None) -> str:
    """GA, SC, ECOSOC, HRC or other: by the symbol's series, else by the body as printed."""
    s = (symbol or "").upper()
    for prefix, code in _SERIES:
        if s.startswith(prefix):
            return code
    b = fold(body or "")
    for code, names in _BODY_NAMES:
        if any(fold(n) in b for n in names):
            return code
    return "other"


@dataclass
class Period:
    key: str  # "2021", "2021-04", or the document's symbol
    label: str  # what the chart's axis says: the year, the month, the symbol
    start: str  # the first date in the period (ISO)
    paragraphs: int = 0  # matching paragraphs
    documents: int = 0  # documents with a matching paragraph
    held: int = 0  # documents the corpus holds in the period
    bodies: dict[str, int] = field(default_factory=dict)  # body → matching paragraphs
    symbols: list[str] = field(default_factory=list)  # the matching documents, most paragraphs first


@dataclass
class Trend:
    query: str
    by: str  # "year", "month" or "document"
    periods: list[Period] = field(default_factory=list)
    paragraphs: int = 0  # matching paragraphs, dated or not
    documents: int = 0
    bodies: dict[str, int] = field(default_factory=dict)  # body → matching paragraphs, every period
    undated: dict[str, int] = field(default_factory=lambda: {"paragraphs": 0, "documents": 0})
    forms: list[str] = field(default_factory=list)  # the names counted for a country or organisation
    corrected: str | None = None  # what was counted instead of a query nothing matched exactly
    language: str | None = None  # only this language's versions
    hint: dict[str, Any] | None = None  # nothing found, in a language the corpus lacks (see search)

    @property
    def found(self) -> bool:
        return self.paragraphs > 0

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["found"] = self.found
        if not self.hint:
            out.pop("hint")
        return out


def trend(store: Store, query: str, by: str | None = None, language: str | None = None) -> Trend:
    """Matching paragraphs and documents of ``query`` per period and body (see the module)."""
    query = (query or "").strip()
    if not query:
        raise QueryError("Type a few words to search for.")
    if len(query) > MAX_QUERY:
        raise QueryError(f"That query is {len(query)} characters long; the limit is {MAX_QUERY}. Try a shorter phrase.")
    if by is not None and by not in BY:
        raise QueryError(f"A trend is counted per year, month or document, not per {by!r}.")
    rows, forms = _matched(store, query, language)
    corrected = None
    if not rows:
        corrected = _correction(store, query, language)
        if corrected:
            rows, forms = _matched(store, corrected, language)
            if not rows:
                corrected = None
    result = _count(store, rows, query, by, language)
    result.forms, result.corrected = forms, corrected
    if not result.found:
        result.hint = _language_hint(store, query)
    return result


# -- matching: search's exact stage, every paragraph --------------------------------------


def matching(store: Store, query: str, language: str | None = None) -> tuple[set[int], list[str]]:
    """Ids of the paragraphs ``query`` matches, and the other names counted with it (a country
    or an organisation's), as search matches them before it forgives typos."""
    rows, forms = _matched(store, query, language, ids=True)
    return set(rows), forms


def _matched(store: Store, query: str, language: str | None, ids: bool = False) -> tuple[dict[Any, Any], list[str]]:
    """Matching paragraphs per doc_id (see matching), and the other names counted; with
    ``ids``, {paragraph id: doc_id} instead. One form is counted by SQLite (GROUP BY); a
    paragraph that several names match is counted once."""
    where, params = _filters(None, None, None, None, language)
    entity = resolve_name(query)
    forms = _alias_forms(query, entity) or [query]
    names = {fold(n) for n in names_of(entity)} if entity is not None and len(forms) > 1 else set()
    if len(forms) == 1 and not ids:
        terms = [t for t in (fold(w) for w in query.split()) if t]
        if not terms:
            raise QueryError("That query has nothing to search for once spaces are removed.")
        return _form_rows(store, where, params, terms, group=True), []
    found: dict[int, str] = {}
    for form in forms:
        terms = [t for t in (fold(w) for w in form.split()) if t]
        if not terms:
            raise QueryError("That query has nothing to search for once spaces are removed.")
        check, args = "", []
        if fold(form) in names:
            # As search's mentions(): 俄罗斯 inside 白俄罗斯 is Belarus, not Russia. The longer
            # names are taken out of the text (longest first) and the name must still be there.
            longer = longer_names(form, entity.id)  # type: ignore[union-attr]
            if longer:
                text = "p.search"
                for _ in longer:
                    text = f"replace({text}, ?, '')"
                check, args = f"AND instr({text}, ?) > 0", [*longer, fold(form)]
        found.update(_form_rows(store, where + " " + check, [*params, *args], terms))
    return (found if ids else dict(Counter(found.values()))), forms[1:]


def _rows(store: Store, where: str, params: list[Any], match: str, check: str, args: list[Any],
          group: bool = False) -> dict[Any, Any]:
    """Every paragraph the gram index proposes for the FTS5 expression ``match`` that passes
    the filters and ``check``, as Searcher.matching reads them (without its LIMIT): {id:
    doc_id}, or with ``group`` {doc_id: paragraphs}; one pass, no second look-up per paragraph."""
    store.check_budget()
    what, tail = ("p.doc_id, count(*)", "GROUP BY p.doc_id") if group else ("p.id, p.doc_id", "")
    sql = (f"SELECT {what} FROM (SELECT rowid FROM paragraphs_grams WHERE paragraphs_grams MATCH ?) g "
           f"JOIN paragraphs p ON p.id = g.rowid WHERE {where} {check} {tail}")
    return dict(store.db.execute(sql, [match, *params, *args]).fetchall())


def _form_rows(store: Store, where: str, params: list[Any], terms: list[str], group: bool = False) -> dict[Any, Any]:
    """Search's exact stage for one form of the query (bot/answers/search.py's _search): Latin
    words by their stems (QueryWord.clause), Chinese terms by their grams and as substrings."""
    words = word_query(store, terms)
    if words is not None:
        if len(words.cjk) > MAX_TERMS:
            raise TooBroad()
        clauses = [w.clause() for w in words.required]
        cjk = [" AND ".join(_fts_string(g) for g in query_grams(t)) for t in words.cjk]
        rows: dict[Any, Any] = {}
        if all(clauses) and [*clauses, *cjk]:
            check = " ".join("AND instr(p.search, ?) > 0" for _ in words.cjk)
            rows = _rows(store, where, params, " AND ".join(c for c in [*clauses, *cjk] if c), check, list(words.cjk),
                         group)
        if rows or words.cjk:
            return rows
        # Not words of the corpus: maybe the start of one (a name, a symbol), as characters,
        # as search does; a word of one or two letters is a word or nothing ("UN").
        if not all(len(w.form) >= 3 for w in words.words):
            return {}
    if len(terms) > MAX_TERMS:
        raise TooBroad()
    tokens = [g for t in terms for g in query_grams(t)]
    if not tokens:
        return {}
    check = " ".join("AND instr(p.search, ?) > 0" for _ in terms)
    return _rows(store, where, params, " AND ".join(_fts_string(t) for t in dict.fromkeys(tokens)), check, terms,
                 group)


def _correction(store: Store, query: str, language: str | None) -> str | None:
    """What search takes a one-term query nothing matches exactly for (多功熊机构 → 多功能机构)."""
    if len(query.split()) != 1:
        return None
    try:
        hits = search(store, query, limit=1, language=language).results
    except TooBroad:
        raise
    except QueryError:
        return None
    if not hits:
        return None
    start, end = hits[0].match
    found = hits[0].text[start:end].strip()
    return found if found and fold(found) != fold(query) else None


# -- counting -----------------------------------------------------------------------------


@dataclass
class _Doc:
    key: str  # the symbol (or the id of a document without one): versions share it
    label: str
    date: str | None
    body: str


def _documents(store: Store, language: str | None) -> dict[str, _Doc]:
    """Every document (of ``language``) by id, each with the key its language versions share."""
    sql = "SELECT doc_id, symbol, body, date FROM documents"
    rows = store.db.execute(sql + (" WHERE language = ?" if language else ""), [language] if language else [])
    out: dict[str, _Doc] = {}
    for doc_id, symbol, body, date in rows:
        key = symbol or doc_id
        out[doc_id] = _Doc(key, key, date if date and _ISO.match(date) else None, body_of(symbol, body))
    # A version without a date or a body takes its sibling's.
    by_key: dict[str, list[_Doc]] = {}
    for d in out.values():
        by_key.setdefault(d.key, []).append(d)
    for versions in by_key.values():
        date = min((v.date for v in versions if v.date), default=None)
        body = next((v.body for v in versions if v.body != "other"), "other")
        for v in versions:
            v.date, v.body = date, body
    return out


def granularity(dates: list[str], documents: int) -> str:
    """year when the dates span MIN_YEARS years or more; else document when there are at most
    MAX_DOCUMENT_PERIODS dated documents; else month."""
    years = [int(d[:4]) for d in dates]
    if years and max(years) - min(years) + 1 >= MIN_YEARS:
        return "year"
    return "document" if documents <= MAX_DOCUMENT_PERIODS else "month"


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last[:7]:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _count(store: Store, per_doc: dict[str, int], query: str, by: str | None, language: str | None) -> Trend:
    docs = _documents(store, language)
    # One count per document, however many versions: the version with the most matches.
    per_key: dict[str, int] = {}
    for doc_id, n in per_doc.items():
        if doc_id in docs:
            key = docs[doc_id].key
            per_key[key] = max(per_key.get(key, 0), n)
    documents = {d.key: d for d in docs.values()}
    dated = sorted((d for d in documents.values() if d.date), key=lambda d: (d.date, d.key))
    by = by or granularity([d.date for d in dated], len(dated))  # type: ignore[misc]
    result = Trend(query=query, by=by, language=language)

    def period_of(d: _Doc) -> str:
        assert d.date is not None
        return d.date[:4] if by == "year" else d.date[:7] if by == "month" else d.key

    periods: dict[str, Period] = {}
    if dated:
        if by == "year":
            keys = [str(y) for y in range(int(dated[0].date[:4]), int(dated[-1].date[:4]) + 1)]  # type: ignore[index]
            periods = {k: Period(k, k, f"{k}-01-01") for k in keys}
        elif by == "month":
            periods = {k: Period(k, k, f"{k}-01") for k in _months(dated[0].date, dated[-1].date)}  # type: ignore[arg-type]
        else:
            periods = {d.key: Period(d.key, d.key, d.date) for d in dated}  # type: ignore[arg-type]
    for d in dated:
        periods[period_of(d)].held += 1
    matched = sorted(per_key.items(), key=lambda kv: (-kv[1], kv[0]))
    for key, n in matched:
        d = documents[key]
        result.paragraphs += n
        result.documents += 1
        result.bodies[d.body] = result.bodies.get(d.body, 0) + n
        if d.date is None:
            result.undated["paragraphs"] += n
            result.undated["documents"] += 1
            continue
        p = periods[period_of(d)]
        p.paragraphs += n
        p.documents += 1
        p.bodies[d.body] = p.bodies.get(d.body, 0) + n
        p.symbols.append(key)
    order = {b: i for i, b in enumerate(BODIES)}
    result.bodies = dict(sorted(result.bodies.items(), key=lambda kv: order[kv[0]]))
    for p in periods.values():
        p.bodies = dict(sorted(p.bodies.items(), key=lambda kv: order[kv[0]]))
    result.periods = list(periods.values())
    return result
