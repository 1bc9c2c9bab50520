"""Two peer designs on the same paragraphs, answering the same queries, for bench/run.py.

- ``fts5``: what an afternoon's work gives: SQLite FTS5 with the trigram tokenizer over each
  paragraph's folded text, the words' phrases ANDed (a term under three characters by LIKE, a
  scan), the top 10 by bm25; short of 10, an OR of the query's trigrams, the best 200 by bm25
  reranked by rapidfuzz's partial_ratio, nothing under 60.
- ``tantivy``: the tantivy search engine (Rust) with an n-gram tokenizer (1-3 characters):
  every gram of the query's terms required, the best 200 by BM25 confirmed to hold the terms;
  short of 10, any 2- and 3-gram (OR), the best 200 reranked by partial_ratio, nothing under 60.

Both get the text Plenary searches (bot.text.fold of each paragraph: Simplified script, lower
case, full-width forms folded), so none is handicapped by normalisation, and the same speaker
filter (speaker ids from a substring of the folded name). Building either is timed as its
ingest: reading the folded paragraphs from Plenary's database and indexing them (no parsing,
which Plenary's ingest rate includes). tantivy is imported only here, so bench/run.py runs
without it (the smoke test): ``available()`` says which peers can run.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

from rapidfuzz import fuzz

from bot.text import fold

RERANK = 200  # candidates reranked by partial_ratio
FLOOR = 60.0  # the score under which a fuzzy candidate is dropped (Plenary's MIN_SCORE)
PAGE = 10


def available() -> list[str]:
    names = ["fts5"]
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return names
    return [*names, "tantivy"]


def _paragraphs(src: Path):
    con = sqlite3.connect(src)
    yield from con.execute("SELECT id, search, speaker_id FROM paragraphs WHERE section != 'procedure' ORDER BY id")
    con.close()


def _speakers(src: Path) -> list[tuple[int, str]]:
    con = sqlite3.connect(src)
    rows = con.execute("SELECT id, name_search FROM speakers").fetchall()
    con.close()
    return rows


def _score(terms: list[str], text: str) -> float:
    total = weight = 0.0
    for t in terms:
        total += (100.0 if t in text else fuzz.partial_ratio(t, text)) * len(t)
        weight += len(t)
    return total / weight if weight else 0.0


def _rerank(terms: list[str], rows: list[tuple[int, str]], first: list[int]) -> list[int]:
    scored = sorted(((-s, len(text), pid) for pid, text in rows if pid not in first
                     and (s := _score(terms, text)) >= FLOOR))
    return (first + [pid for _, _, pid in scored])[:PAGE]


class _Names:
    def __init__(self, rows: list[tuple[int, str]]):
        self.rows = rows

    def ids(self, name: str) -> list[int]:
        needle = fold(name)
        return [i for i, n in self.rows if needle in n]


# -- FTS5 trigram + rapidfuzz ---------------------------------------------------------------


def build_fts5(src: Path, dest: Path) -> dict:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dest}{suffix}").unlink(missing_ok=True)
    t = time.perf_counter()
    con = sqlite3.connect(dest)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE VIRTUAL TABLE tri USING fts5(text, speaker UNINDEXED, tokenize='trigram')")
    con.execute("CREATE TABLE speakers (id INTEGER PRIMARY KEY, name TEXT)")
    n = 0
    with con:
        batch: list[tuple] = []
        for row in _paragraphs(src):
            batch.append(row)
            if len(batch) == 5000:
                con.executemany("INSERT INTO tri (rowid, text, speaker) VALUES (?, ?, ?)", batch)
                n += len(batch)
                batch = []
        con.executemany("INSERT INTO tri (rowid, text, speaker) VALUES (?, ?, ?)", batch)
        n += len(batch)
        con.executemany("INSERT INTO speakers VALUES (?, ?)", _speakers(src))
    con.execute("INSERT INTO tri(tri) VALUES ('optimize')")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    seconds = time.perf_counter() - t
    return {"paragraphs": n, "seconds": seconds, "paragraphs_per_s": n / seconds, "bytes": dest.stat().st_size}


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Fts5:
    name = "fts5"

    def __init__(self, path: Path):
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.names = _Names(self.con.execute("SELECT id, name FROM speakers").fetchall())

    def search(self, query: str, speaker: str | None = None) -> list[int]:
        terms = [t for t in fold(query).split() if t]
        if not terms:
            return []
        where, args = [], []
        if speaker is not None:
            ids = self.names.ids(speaker)
            where.append(f"speaker IN ({','.join(map(str, ids)) or 'NULL'})")
        long_terms = [t for t in terms if len(t) >= 3]
        for t in terms:
            if len(t) < 3:
                where.append("text LIKE ? ESCAPE '\\'")
                args.append(_like(t))
        extra = "".join(f" AND {w}" for w in where)
        if long_terms:
            rows = self.con.execute(f"SELECT rowid FROM tri WHERE tri MATCH ?{extra} ORDER BY rank LIMIT {PAGE}",
                                    [" AND ".join(map(_quote, long_terms)), *args]).fetchall()
        else:
            rows = self.con.execute(f"SELECT rowid FROM tri WHERE {' AND '.join(where)} LIMIT {PAGE}", args).fetchall()
        first = [r[0] for r in rows]
        if len(first) >= PAGE:
            return first
        grams = list(dict.fromkeys(t[i : i + 3] for t in long_terms for i in range(len(t) - 2)))
        if not grams:
            return first
        spk = "".join(f" AND {w}" for w in where if w.startswith("speaker"))
        rows = self.con.execute(f"SELECT rowid, text FROM tri WHERE tri MATCH ?{spk} ORDER BY rank LIMIT {RERANK}",
                                [" OR ".join(map(_quote, grams))]).fetchall()
        return _rerank(terms, rows, first)


# -- tantivy, n-grams -----------------------------------------------------------------------


def _analyzer():
    from tantivy import Filter, TextAnalyzerBuilder, Tokenizer

    return TextAnalyzerBuilder(Tokenizer.ngram(1, 3, False)).filter(Filter.lowercase()).build()


def _schema():
    from tantivy import SchemaBuilder

    sb = SchemaBuilder()
    sb.add_text_field("text", stored=True, tokenizer_name="ngram13")
    sb.add_integer_field("id", stored=True, indexed=False, fast=True)
    sb.add_integer_field("speaker", stored=False, indexed=True, fast=False)
    return sb.build()


def build_tantivy(src: Path, dest: Path) -> dict:
    import tantivy

    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    t = time.perf_counter()
    index = tantivy.Index(_schema(), path=str(dest))
    index.register_tokenizer("ngram13", _analyzer())
    writer = index.writer(heap_size=400_000_000, num_threads=2)
    n = 0
    for pid, text, speaker in _paragraphs(src):
        doc = tantivy.Document(text=text, id=pid)
        if speaker is not None:
            doc.add_integer("speaker", speaker)
        writer.add_document(doc)
        n += 1
    writer.commit()
    writer.wait_merging_threads()
    (dest / "speakers.json").write_text(json.dumps(_speakers(src), ensure_ascii=False))
    seconds = time.perf_counter() - t
    size = sum(p.stat().st_size for p in dest.iterdir())
    return {"paragraphs": n, "seconds": seconds, "paragraphs_per_s": n / seconds, "bytes": size}


def _grams(term: str, sizes: tuple[int, ...]) -> list[str]:
    return [term[i : i + k] for k in sizes for i in range(len(term) - k + 1)]


class Tantivy:
    name = "tantivy"

    def __init__(self, path: Path):
        import tantivy

        self.t = tantivy
        self.index = tantivy.Index.open(str(path))
        self.index.register_tokenizer("ngram13", _analyzer())
        self.schema = self.index.schema
        self.searcher = self.index.searcher()
        self.names = _Names([tuple(r) for r in json.loads((path / "speakers.json").read_text())])

    def _docs(self, query, limit: int) -> list[tuple[int, str]]:
        out = []
        for _, address in self.searcher.search(query, limit).hits:
            d = self.searcher.doc(address)
            out.append((d["id"][0], d["text"][0]))
        return out

    def search(self, query: str, speaker: str | None = None) -> list[int]:
        Q, Occur = self.t.Query, self.t.Occur
        terms = [t for t in fold(query).split() if t]
        if not terms:
            return []
        filters = []
        if speaker is not None:
            filters.append((Occur.Must, Q.term_set_query(self.schema, "speaker", self.names.ids(speaker))))
        # Every term's longest grams (3, or the term itself when shorter) required.
        must = list(dict.fromkeys(g for t in terms for g in (_grams(t, (3,)) or [t])))
        query_all = Q.boolean_query([(Occur.Must, Q.term_query(self.schema, "text", g)) for g in must] + filters)
        first = [pid for pid, text in self._docs(query_all, RERANK) if all(t in text for t in terms)][:PAGE]
        if len(first) >= PAGE:
            return first
        grams = list(dict.fromkeys(g for t in terms if len(t) >= 3 for g in _grams(t, (2, 3))))
        if not grams:
            return first
        should = Q.boolean_query([(Occur.Should, Q.term_query(self.schema, "text", g)) for g in grams])
        query_any = Q.boolean_query([(Occur.Must, should), *filters])
        return _rerank(terms, self._docs(query_any, RERANK), first)


BUILD = {"fts5": build_fts5, "tantivy": build_tantivy}
OPEN = {"fts5": Fts5, "tantivy": Tantivy}
