"""Plenary's benchmark: a synthetic corpus of N paragraphs with a real vocabulary (bench/synth.py),
ingested and queried warm and cold, beside two peer designs (bench/peers.py) and the naive code
a first version would have.

    uv run --group bench python bench/run.py --paragraphs 100000 --out results.json

One run measures, into one JSON file:
- the corpus: distinct characters, duplicate paragraphs, languages;
- ingest throughput, database size against the raw text, and each peer's indexing rate;
- warm latency (p50/p95/p99 over --queries per kind) of every query kind through the façade
  the bot and the shell use (bot/service.py), in a process of its own whose peak RSS is
  reported; the peers answer the same search queries in processes of their own, the order of
  the three rotating from kind to kind;
- cold: the databases evicted from the page cache (posix_fadvise DONTNEED) and a fresh process
  for each kind: its first --cold queries, and the time from process start to the first answer;
  the shell's start to first answer, warm and cold;
- strict recall@10: a hit counts only if it holds the phrase the query was made from (for
  no_match, a query whose phrase and every one-edit variant occur nowhere, the answer is right
  if nothing returned scores 60 or more by partial_ratio);
- the naive baseline on --baseline queries per kind: a substring scan for exact and short
  queries, partial_ratio over every paragraph for fuzzy ones, the speaker's paragraphs first
  for speaker and quote.

Without tantivy installed (plain ``uv run``) the tantivy peer is skipped with its reason;
``--require-peers`` makes that an error (the published runs use it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import peers as peers_module
from synth import generate

CORPUS_VERSION = 2  # 2: a real vocabulary (jieba, wordfreq) and a third English
ZH_SEARCH = ["exact", "typo1", "typo2", "traditional", "one_char", "two_char", "keywords", "rare_exact",
             "rare_typo", "no_match"]
EN_SEARCH = ["en_word", "en_phrase", "en_typo", "en_keywords", "en_rare"]
SEARCH_KINDS = [*ZH_SEARCH, *EN_SEARCH, "speaker"]
PEER_KINDS = [*SEARCH_KINDS, "quote"]
LOOKUP_KINDS = ["lookup", "lookup_miss"]
COMPLETE_KINDS = ["complete1", "complete2", "complete4", "complete_miss", "speaker_complete", "speaker_complete_miss"]
OTHER_KINDS = ["paragraph_ref", "digest", "watch"]
KINDS = [*PEER_KINDS, *LOOKUP_KINDS, *COMPLETE_KINDS, *OTHER_KINDS]
TARGET_MS = {**{k: 50.0 for k in [*PEER_KINDS, *OTHER_KINDS]}, **{k: 5.0 for k in LOOKUP_KINDS},
             **{k: 10.0 for k in COMPLETE_KINDS}}
COLD_TARGET_MS = 150.0
STARTUP_TARGET_S = 1.0
RECALL_TARGET = 0.95
FLOOR = 60.0  # no_match: a hit scoring this (partial_ratio) or more is a false match
_HAN = "\u4e00-\u9fff"
_RUN = re.compile(f"[{_HAN}]+")
_WORD = re.compile(r"[a-z]+")


# -- queries ---------------------------------------------------------------------------------


class Oracle:
    """Exact substring counts from the FTS5 trigram peer's index (a phrase of three characters
    or more matches as a substring): the ground truth for recall and for rare and no-match
    queries, without scanning the corpus."""

    def __init__(self, path: Path):
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def count(self, phrase: str, cap: int = 11) -> int:
        if len(phrase) < 3:  # too short for a trigram: LIKE, a scan that stops at the cap
            like = "%" + phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            return self.con.execute("SELECT count(*) FROM (SELECT 1 FROM tri WHERE text LIKE ? ESCAPE '\\' LIMIT ?)",
                                    [like, cap]).fetchone()[0]
        return self.con.execute("SELECT count(*) FROM (SELECT 1 FROM tri WHERE tri MATCH ? LIMIT ?)",
                                ['"' + phrase.replace('"', '""') + '"', cap]).fetchone()[0]

    def like(self, pattern: str) -> bool:
        return self.con.execute("SELECT 1 FROM tri WHERE text LIKE ? LIMIT 1", [f"%{pattern}%"]).fetchone() is not None

    def texts(self, ids: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            out.update(self.con.execute(f"SELECT rowid, text FROM tri WHERE rowid IN ({','.join('?' * len(chunk))})",
                                        chunk).fetchall())
        return out


def _typo(rng: random.Random, phrase: str, wrong: int, alphabet: str) -> str:
    """The phrase with ``wrong`` inner characters replaced by other characters of the corpus."""
    chars = list(phrase)
    for i in rng.sample(range(1, len(chars) - 1), wrong):
        chars[i] = rng.choice([c for c in alphabet if c != chars[i]])
    return "".join(chars)


def _run_phrase(rng: random.Random, text: str, lo: int, hi: int) -> str | None:
    runs = [r for r in _RUN.findall(text) if len(r) >= lo]
    if not runs:
        return None
    run = rng.choice(runs)
    n = rng.randint(lo, min(hi, len(run)))
    start = rng.randint(0, len(run) - n)
    return run[start : start + n]


def _variants(query: str) -> list[str]:
    """LIKE patterns for every string one edit from ``query`` (substitution, insertion, deletion)."""
    n = len(query)
    subst = [query[:i] + "_" + query[i + 1 :] for i in range(n)]
    insert = [query[:i] + "_" + query[i:] for i in range(1, n)]
    delete = [query[:i] + query[i + 1 :] for i in range(n)]
    return list(dict.fromkeys(subst + insert + delete))


def build_queries(db: Path, oracle: Oracle, per_kind: int, seed: int) -> dict[str, list[dict]]:
    import opencc

    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    (max_id,) = conn.execute("SELECT max(id) FROM paragraphs").fetchone()
    language = dict(conn.execute("SELECT doc_id, coalesce(language, 'zh') FROM documents"))
    sample = [t for (t,) in conn.execute("SELECT search FROM paragraphs WHERE id % 97 = 0 LIMIT 3000")]
    alphabet = "".join(dict.fromkeys(c for t in sample for c in t if "\u4e00" <= c <= "\u9fff"))
    letters = "abcdefghijklmnopqrstuvwxyz"

    def paragraph(lang: str, where: str = "1") -> tuple:
        while True:
            row = conn.execute(
                f"SELECT id, search, speaker_id, doc_id FROM paragraphs WHERE id >= ? AND section != 'procedure' "
                f"AND {where} ORDER BY id LIMIT 1", [rng.randint(1, max_id)]).fetchone()
            if row and language.get(row[3]) == lang:
                return row

    out: dict[str, list[dict]] = {k: [] for k in KINDS}

    def add(kind: str, **q) -> None:
        if len(out[kind]) < per_kind:
            out[kind].append(q)

    def short(*kinds: str) -> bool:
        return any(len(out[k]) < per_kind for k in kinds)

    s2t = opencc.OpenCC("s2t")
    attempts = 0
    while short(*ZH_SEARCH) and attempts < per_kind * 400:
        attempts += 1
        _, text, _, _ = paragraph("zh")
        p4, p6, p8 = _run_phrase(rng, text, 4, 10), _run_phrase(rng, text, 6, 12), _run_phrase(rng, text, 4, 8)
        if p4:
            add("exact", query=p4, source=p4)
            add("typo1", query=_typo(rng, p4, 1, alphabet), source=p4)
        if p6:
            add("typo2", query=_typo(rng, p6, 2, alphabet), source=p6)
        if p8 and (trad := s2t.convert(p8)) != p8:
            add("traditional", query=trad, source=p8)
        cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
        if cjk:
            one = rng.choice(cjk)
            add("one_char", query=one, source=one)
            if two := _run_phrase(rng, text, 2, 2):
                add("two_char", query=two, source=two)
            words = [_run_phrase(rng, text, 2, 3) for _ in range(2)]
            if all(words) and words[0] != words[1]:
                add("keywords", query=" ".join(words), words=words)
        if short("rare_exact", "rare_typo") and (rare := _run_phrase(rng, text, 5, 8)) and oracle.count(rare, 4) <= 3:
            add("rare_exact", query=rare, source=rare)
            add("rare_typo", query=_typo(rng, rare, 1, alphabet), source=rare)
        if short("no_match"):
            # Two stretches of two paragraphs, joined: a phrase of the corpus's words that it
            # never holds, mistyped; kept only if no string one edit from the query occurs.
            _, other, _, _ = paragraph("zh")
            a, b = _run_phrase(rng, text, 3, 4), _run_phrase(rng, other, 3, 4)
            if a and b and oracle.count(a + b, 1) == 0:
                query = _typo(rng, a + b, 1, alphabet)
                if not any(oracle.like(v) if "_" in v else oracle.count(v, 1) for v in _variants(query)):
                    add("no_match", query=query, source=a + b)
    attempts = 0
    while short(*EN_SEARCH) and attempts < per_kind * 400:
        attempts += 1
        _, text, _, _ = paragraph("en")
        words = _WORD.findall(text)
        long_words = [w for w in words if len(w) >= 5]
        if not long_words:
            continue
        word = rng.choice(long_words)
        add("en_word", query=word, source=word)
        if len(words) >= 4:
            n = rng.randint(2, 4)
            k = rng.randint(0, len(words) - n)
            phrase = " ".join(words[k : k + n])
            if phrase in text:
                add("en_phrase", query=phrase, source=phrase)
                target = [i for i, w in enumerate(words[k : k + n]) if len(w) >= 5]
                if target:
                    i = rng.choice(target)
                    typo = list(words[k : k + n])
                    w = typo[i]
                    j = rng.randint(1, len(w) - 2)
                    typo[i] = w[:j] + rng.choice([c for c in letters if c != w[j]]) + w[j + 1 :]
                    add("en_typo", query=" ".join(typo), source=phrase)
            if short("en_rare") and n >= 3 and phrase in text and oracle.count(phrase, 4) <= 3:
                add("en_rare", query=phrase, source=phrase)
        pair = rng.sample(long_words, 2) if len(set(long_words)) >= 2 else None
        if pair and pair[0] != pair[1]:
            add("en_keywords", query=" ".join(pair), words=pair)
    # Speakers: a phrase said by them, and a topic for a quote.
    speakers = dict(conn.execute("SELECT id, name FROM speakers"))
    while short("speaker", "quote"):
        lang = rng.choice(["zh", "zh", "en"])
        _, text, speaker_id, _ = paragraph(lang, "speaker_id IS NOT NULL AND section = 'statement'")
        name = speakers[speaker_id]
        if lang == "zh":
            phrase, topic = _run_phrase(rng, text, 4, 8), _run_phrase(rng, text, 2, 4)
        else:
            words = _WORD.findall(text)
            k = rng.randint(0, max(0, len(words) - 3))
            phrase = " ".join(words[k : k + 3]) if len(words) >= 3 else None
            topic = max(words, key=len) if words else None
        if phrase:
            add("speaker", query=phrase, speaker=name)
        if topic:
            add("quote", who=name, topic=topic)
    # Look-ups and autocomplete.
    symbols = [s for (s,) in conn.execute("SELECT symbol FROM documents WHERE symbol IS NOT NULL")]
    held = set(symbols)
    refs = conn.execute("SELECT d.symbol, p.label FROM paragraphs p JOIN documents d ON d.doc_id = p.doc_id "
                        "WHERE p.section != 'procedure' AND p.label IS NOT NULL AND p.label != '' "
                        "AND d.symbol IS NOT NULL AND p.id % 7 = 0 ORDER BY p.id LIMIT 20000").fetchall()
    names = [n for (n,) in conn.execute("SELECT DISTINCT name FROM speakers")]
    name_chars = set("".join(names))
    foreign = [c for c in alphabet if c not in name_chars] or list("曦")
    for _ in range(per_kind):
        symbol = rng.choice(symbols)
        m = re.fullmatch(r"A/RES/(\d+)/(\d+)", symbol)
        forms = [symbol, symbol.lower()] + ([f"{m.group(1)}/{m.group(2)}", f"第{m.group(1)}/{m.group(2)}号决议"] if m else [])
        add("lookup", query=rng.choice(forms))
        while True:
            session, number = rng.randint(1, 99), rng.randint(1, 999)
            missing = rng.choice([f"A/RES/{session}/{number}", f"S/PV.{rng.randint(1, 6999)}",
                                  f"S/RES/{rng.randint(3000, 9999)} (2030)", f"第{session}/{number}号决议"])
            if missing not in held and f"A/RES/{session}/{number}" not in held:
                break
        add("lookup_miss", query=missing)
        if refs:
            sym, label = rng.choice(refs)
            mm = re.fullmatch(r"A/RES/(\d+/\d+)", sym)
            num = label[2:]
            forms = [f"{sym} {label}"]
            if mm and label.startswith("OP") and num.isdigit():
                forms += [f"{sym}, para. {num}", f"第{mm.group(1)}号决议执行部分第{num}段"]
            add("paragraph_ref", query=rng.choice(forms))
        for n in (1, 2, 4):
            add(f"complete{n}", query=symbol[:n])
        add("complete_miss", query=rng.choice(["Q/", "X/RES/", "A/RES/99/9", "S/PV.99999", "ZZ"]) + str(rng.randint(0, 99)))
        name = rng.choice(names)
        add("speaker_complete", query=name[: rng.randint(1, 3)])
        add("speaker_complete_miss", query="".join(rng.choices(foreign, k=rng.randint(2, 3))))
        add("digest", day=(date(2020, 1, 1) + timedelta(days=rng.randint(0, 3650))).isoformat())
        add("watch", index=rng.randint(0, 10**6))
    conn.close()
    return out


# -- answering: one process per engine, driven over a pipe ----------------------------------


class PlenaryEngine:
    """Every query through the façade the Discord bot and the shell use (bot/service.py)."""

    name = "plenary"

    def __init__(self, db: Path):
        from bot.answers.search import QueryError
        from bot.service import Plenary
        from bot.store import Store

        self.QueryError = QueryError
        self.db = db
        self.plenary = Plenary(Store(db))
        self.watches = None

    def answer(self, kind: str, q: dict) -> list[int]:
        p = self.plenary
        if kind in SEARCH_KINDS:
            try:
                return [h["paragraph_id"] for h in p.search(q["query"], speaker=q.get("speaker"), limit=10)["results"]]
            except self.QueryError:
                return []
        if kind == "quote":
            return [x["paragraph_id"] for x in p.quote(q["who"], q["topic"]).get("quotes", [])]
        if kind in ("lookup", "lookup_miss", "paragraph_ref"):
            found = p.doc(q["query"])
            return [1] if found.get("found") and (kind != "paragraph_ref" or found.get("paragraph", {}).get("found")) else []
        if kind.startswith("complete"):
            return [1] if p.complete_symbols(q["query"]) else []
        if kind.startswith("speaker_complete"):
            return [1] if p.complete_speakers(q["query"]) else []
        if kind == "digest":
            return [1] if p.digest(day=date.fromisoformat(q["day"])) else []
        if kind == "watch":
            return self.watch(q)
        raise ValueError(kind)

    def watch(self, q: dict) -> list[int]:
        """Every watch matched against one document, as ingest matches a new one (bot/watches.py),
        with each watch's mark before the corpus (every paragraph of the document is new to it)."""
        from bot.watches import _MATCHERS, Watch

        store = self.plenary.store
        doc = store.one("SELECT doc_id, symbol, kind, language, sha256 FROM documents WHERE doc_id = ?", [q["doc_id"]])
        found = 0
        for i, (kind, value) in enumerate(q["watches"]):
            found += len(_MATCHERS[kind](store, Watch(id=i, owner="local", kind=kind, value=value, mark=""), doc))
        return [found] if found else []


def watch_support(db: Path) -> str | None:
    """Why the watch kind can't run, or None when it can."""
    try:
        from bot.watches import _MATCHERS  # noqa: F401
    except ImportError:
        return "bot/watches.py does not exist yet (the watches feature is being built)"
    con = sqlite3.connect(db)
    try:
        seen = con.execute("SELECT first_seen FROM paragraphs WHERE first_seen IS NOT NULL LIMIT 1").fetchone()
    except sqlite3.OperationalError:
        seen = None
    con.close()
    if not seen:
        return "the database predates paragraphs.first_seen (ingested before watches): re-ingest to time watches"
    return None


WATCHES = {"query": 12, "speaker": 4, "symbol": 2, "country": 2}  # watches matched against each new document


def watch_queries(db: Path, queries: dict[str, list[dict]], rng: random.Random) -> list[dict]:
    """One new document each (a random one of the corpus), matched against the same
    sum(WATCHES.values()) watches: phrases of the exact and English queries, speakers of the
    speaker queries, symbols and countries of the corpus."""
    con = sqlite3.connect(db)
    docs = [d for (d,) in con.execute("SELECT doc_id FROM documents")]
    symbols = [s for (s,) in con.execute("SELECT symbol FROM documents WHERE symbol IS NOT NULL LIMIT 5000")]
    countries = [c for (c,) in con.execute("SELECT DISTINCT country FROM speakers WHERE country IS NOT NULL")]
    con.close()
    phrases = [q["query"] for k in ("exact", "en_phrase") for q in queries[k]]
    watches = ([["query", rng.choice(phrases)] for _ in range(WATCHES["query"])] if phrases else [])
    watches += [["speaker", q["speaker"]] for q in queries["speaker"][: WATCHES["speaker"]]]
    watches += [["symbol", rng.choice(symbols)] for _ in range(WATCHES["symbol"]) if symbols]
    watches += [["country", rng.choice(countries)] for _ in range(WATCHES["country"]) if countries]
    return [{"doc_id": rng.choice(docs), "watches": watches} for _ in range(len(queries["exact"]))]


class PeerEngine:
    def __init__(self, name: str, path: Path):
        self.name = name
        self.engine = peers_module.OPEN[name](path)

    def answer(self, kind: str, q: dict) -> list[int]:
        if kind == "quote":
            return self.engine.search(q["topic"], speaker=q["who"])
        return self.engine.search(q["query"], speaker=q.get("speaker"))


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not getrusage's ru_maxrss: Linux carries
    ru_maxrss across exec, so a worker forked from the benchmark's big process (a tantivy
    writer's heap, the baseline's texts) would report the parent's peak as its own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def serve(engine_name: str, path: Path) -> None:
    """A worker: reads batches of queries as JSON lines on stdin, answers each timed."""
    engine = PlenaryEngine(path) if engine_name == "plenary" else PeerEngine(engine_name, path)
    print(json.dumps({"ready": time.time()}), flush=True)
    for line in sys.stdin:
        req = json.loads(line)
        if req.get("quit"):
            print(json.dumps({"rss_mb": peak_rss_mb()}), flush=True)
            return
        kind, ms, ids, errors, first_done = req["kind"], [], [], [], None
        for q in req["queries"]:
            t = time.perf_counter()
            try:
                got = engine.answer(kind, q)
            except Exception as exc:  # noqa: BLE001 - recorded, the run goes on
                got = []
                errors.append(f"{type(exc).__name__}: {exc}"[:200])
            ms.append((time.perf_counter() - t) * 1000)
            if first_done is None:
                first_done = time.time()
            ids.append(got)
        print(json.dumps({"ms": ms, "ids": ids, "errors": errors, "first_done": first_done}), flush=True)


class Worker:
    def __init__(self, engine: str, path: Path):
        self.started = time.time()
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve", engine, str(path)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent)
        self.ready: float | None = None

    def wait_ready(self) -> Worker:
        msg = json.loads(self.proc.stdout.readline())
        self.ready = msg["ready"]
        return self

    def ask(self, kind: str, queries: list[dict]) -> dict:
        self.proc.stdin.write(json.dumps({"kind": kind, "queries": queries}, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError(f"worker died (exit {self.proc.wait()})")
            msg = json.loads(line)
            if "ready" in msg:
                self.ready = msg["ready"]
                continue
            return msg

    def quit(self) -> float:
        self.proc.stdin.write(json.dumps({"quit": True}) + "\n")
        self.proc.stdin.flush()
        rss = None
        for line in self.proc.stdout:
            msg = json.loads(line)
            if "rss_mb" in msg:
                rss = msg["rss_mb"]
        self.proc.wait()
        return rss


def engine_files(engine: str, paths: dict[str, Path]) -> list[Path]:
    path = paths[engine]
    if path.is_dir():
        return [p for p in path.iterdir() if p.is_file()]
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def evict(files: list[Path]) -> None:
    """Drop the files' pages from the page cache: the next read comes from the disk."""
    for f in files:
        fd = os.open(f, os.O_RDONLY)
        try:
            os.fsync(fd) if os.access(f, os.W_OK) else None
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def stats(ms: list[float]) -> dict:
    return {"p50": percentile(ms, 50), "p95": percentile(ms, 95), "p99": percentile(ms, 99), "max": max(ms),
            "n": len(ms)}


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))
    return values[k]


def warm_run(engines: list[str], paths: dict[str, Path], queries: dict[str, list[dict]]) -> dict:
    """Every engine's process answers every kind it has, the engines' order rotating by kind."""
    workers = {e: Worker(e, paths[e]).wait_ready() for e in engines}  # one at a time: no start-up overlaps
    out: dict[str, dict] = {e: {"latency": {}, "ids": {}, "errors": {}} for e in engines}
    for k, kind in enumerate(KINDS):
        order = engines[k % len(engines):] + engines[: k % len(engines)]
        for e in order:
            if (e != "plenary" and kind not in PEER_KINDS) or not queries[kind]:
                continue
            got = workers[e].ask(kind, queries[kind])
            out[e]["latency"][kind] = stats(got["ms"])
            out[e]["ids"][kind] = got["ids"]
            if got["errors"]:
                out[e]["errors"][kind] = {"count": len(got["errors"]), "first": got["errors"][0]}
    for e in engines:
        out[e]["rss_mb"] = workers[e].quit()
    return out


def start_probe(engine: str, paths: dict[str, Path], query: dict, kind: str, cold: bool) -> dict:
    """A fresh process: seconds from its start to ready (imports, opening) and to its first
    answer; ``cold``: the engine's files evicted from the page cache first."""
    if cold:
        evict(engine_files(engine, paths))
    w = Worker(engine, paths[engine])
    got = w.ask(kind, [query])
    w.quit()
    return {"open_s": w.ready - w.started, "first_answer_s": got["first_done"] - w.started}


def cold_run(engines: list[str], paths: dict[str, Path], queries: dict[str, list[dict]], n: int) -> dict:
    """Per kind and engine: the files evicted, a fresh process, its first ``n`` queries."""
    out: dict[str, dict] = {e: {"latency": {}, "first_answer_s": {}} for e in engines}
    for k, kind in enumerate(KINDS):
        order = engines[k % len(engines):] + engines[: k % len(engines)]
        for e in order:
            if (e != "plenary" and kind not in PEER_KINDS) or not queries[kind]:
                continue
            evict(engine_files(e, paths))
            w = Worker(e, paths[e])
            got = w.ask(kind, queries[kind][:n])
            w.quit()
            out[e]["latency"][kind] = stats(got["ms"])
            out[e]["first_answer_s"][kind] = got["first_done"] - w.started
    return out


def shell_start(db: Path, query: str, cold: bool) -> float | str:
    """Seconds from starting ``plenary shell`` to its first answer printed (it then reads EOF and ends)."""
    if cold:
        evict(engine_files("plenary", {"plenary": db}))
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "bot", "shell", "--db", str(db)], input=f"/search {query}\n",
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent, check=False)
    seconds = time.perf_counter() - t
    if proc.returncode != 0 or "**" not in proc.stdout and "\x1b[" not in proc.stdout and query[:2] not in proc.stdout:
        return f"failed (exit {proc.returncode}): {(proc.stderr or proc.stdout)[-300:]}"
    return seconds


# -- the naive baseline -----------------------------------------------------------------------


SUBSTRING_KINDS = {"exact", "traditional", "one_char", "two_char", "rare_exact", "en_word", "en_phrase", "en_rare"}
FUZZY_KINDS = {"typo1", "typo2", "keywords", "rare_typo", "no_match", "en_typo", "en_keywords"}


def baseline(db: Path, queries: dict[str, list[dict]], sample: int) -> dict:
    """What a first version does, timed on the first ``sample`` queries of each kind: a substring
    scan of every paragraph for exact and short queries, rapidfuzz partial_ratio over every
    paragraph for fuzzy ones; for speaker and quote, the speaker's paragraphs first, then a
    substring scan of them; WRatio over every symbol or name for look-up and autocomplete."""
    from rapidfuzz import fuzz, process

    from bot.text import fold

    con = sqlite3.connect(db)
    ids, texts, speaker_of = [], [], []
    for pid, search, speaker in con.execute(
            "SELECT id, search, speaker_id FROM paragraphs WHERE section != 'procedure' ORDER BY id"):
        ids.append(pid)
        texts.append(search)
        speaker_of.append(speaker)
    names = con.execute("SELECT id, name_search FROM speakers").fetchall()
    labels = [n for (n,) in con.execute("SELECT DISTINCT name FROM speakers")]
    symbols = [s for (s,) in con.execute("SELECT coalesce(symbol, doc_id) FROM documents")]
    con.close()
    latency: dict[str, dict] = {}
    top: dict[str, list[list[int]]] = {}
    for kind in KINDS:
        ms, tops = [], []
        for q in queries[kind][:sample]:
            t = time.perf_counter()
            if kind in SUBSTRING_KINDS:
                needle = fold(q["query"])
                found = [ids[i] for i, text in enumerate(texts) if needle in text][:10]
            elif kind in FUZZY_KINDS:
                found = [ids[i] for _, _, i in process.extract(fold(q["query"]), texts, scorer=fuzz.partial_ratio,
                                                                limit=10)]
            elif kind in ("speaker", "quote"):
                who = fold(q.get("speaker") or q["who"])
                mine = {sid for sid, name in names if who in name}
                needle = fold(q.get("query") or q["topic"])
                found = [ids[i] for i, text in enumerate(texts) if speaker_of[i] in mine and needle in text][:10]
            elif kind in LOOKUP_KINDS or kind in ("complete1", "complete2", "complete4", "complete_miss"):
                found = [1] if process.extract(q["query"], symbols, scorer=fuzz.WRatio, limit=10) else []
            elif kind.startswith("speaker_complete"):
                found = [1] if process.extract(q["query"], labels, scorer=fuzz.WRatio, limit=25) else []
            else:
                continue
            ms.append((time.perf_counter() - t) * 1000)
            tops.append(found)
        if ms:
            latency[kind] = {"p50": percentile(ms, 50), "n": len(ms)}
            top[kind] = tops
    return {"latency": latency, "top": top}


# -- recall -------------------------------------------------------------------------------------


def plenary_texts(db: Path, ids: list[int]) -> dict[int, str]:
    """The folded text of Plenary's paragraphs by id (its hits are judged on its own rows; a
    peer's on the rows it indexed, the oracle's)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out: dict[int, str] = {}
    for k in range(0, len(ids), 500):
        chunk = ids[k : k + 500]
        out.update(con.execute(f"SELECT id, search FROM paragraphs WHERE id IN ({','.join('?' * len(chunk))})",
                               chunk).fetchall())
    con.close()
    return out


def recall(oracle: Oracle, queries: dict[str, list[dict]], tops: dict[str, list[list[int]]],
           texts_of=None) -> dict:
    """Strict recall@10 per kind: hits holding the query's source phrase (every keyword, for
    keywords) over min(10, paragraphs holding it); no_match: the share answered with nothing
    scoring FLOOR or more."""
    from rapidfuzz import fuzz

    from bot.text import fold

    out: dict[str, dict] = {}
    for kind, lists in tops.items():
        items = queries[kind][: len(lists)]
        if kind not in PEER_KINDS or kind in ("speaker", "quote") or not items:
            continue
        texts = (texts_of or oracle.texts)(sorted({i for ids in lists for i in ids[:10]}))
        scores, empty = [], 0
        for q, ids in zip(items, lists):
            hits = [texts.get(i, "") for i in ids[:10]]
            empty += not ids
            if kind == "no_match":
                query = fold(q["query"])
                scores.append(float(not any(fuzz.partial_ratio(query, h) >= FLOOR for h in hits)))
                continue
            if "words" in q:
                words = [fold(w) for w in q["words"]]
                good = sum(all(w in h for w in words) for h in hits)
                want = min(10, max(1, len(ids)))  # no index of words to count: the hits returned
                scores.append(good / want if ids else 0.0)
                continue
            source = fold(q["source"])
            want = min(10, oracle.count(source, 10))
            if want == 0:
                continue
            scores.append(min(1.0, sum(source in h for h in hits) / want))
        out[kind] = {"queries": len(scores), "recall_at_10": sum(scores) / len(scores) if scores else None,
                     "empty": empty}
    return out


# -- corpus facts -------------------------------------------------------------------------------


def corpus_facts(db: Path) -> dict:
    con = sqlite3.connect(db)
    chars: set[str] = set()
    n = searchable = 0
    seen: set[int] = set()
    dup_all = dup = 0
    by_lang: dict[str, int] = {}
    language = dict(con.execute("SELECT doc_id, coalesce(language, 'zh') FROM documents"))
    for search, section, doc_id in con.execute("SELECT search, section, doc_id FROM paragraphs"):
        n += 1
        chars.update(search)
        h = hash(search)
        repeated = h in seen
        seen.add(h)
        dup_all += repeated
        if section != "procedure":
            searchable += 1
            dup += repeated
            by_lang[language[doc_id]] = by_lang.get(language[doc_id], 0) + 1
    con.close()
    return {"distinct_chars": sum(1 for c in chars if "\u4e00" <= c <= "\u9fff"),
            "duplicate_share": dup / max(searchable, 1), "duplicate_share_all": dup_all / max(n, 1),
            "searchable_paragraphs": searchable, "paragraphs_by_language": by_lang,
            "english_share": by_lang.get("en", 0) / max(searchable, 1)}


def ingest_corpus(corpus: Path, db: Path) -> dict:
    from bot.ingest import ingest
    from bot.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = Store(db)
    t = time.perf_counter()
    report = ingest([corpus], store)
    seconds = time.perf_counter() - t
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    raw = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    (paragraphs,) = sqlite3.connect(db).execute("SELECT count(*) FROM paragraphs").fetchone()
    return {"files": len(report.added), "failed": len(report.failed), "failures": report.failed[:5],
            "paragraphs": paragraphs, "seconds": seconds, "paragraphs_per_s": paragraphs / seconds,
            "db_bytes": db.stat().st_size, "raw_bytes": raw, "db_over_raw": db.stat().st_size / raw}


def calibration() -> float:
    """Milliseconds for a fixed piece of pure Python work, the best of five, at the start and
    the end of a run: a slower machine shows here; a shared one barely (the best of five
    finds a free moment), so the load averages are recorded beside it."""
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        sum(i * i for i in range(500_000))
        best = min(best, (time.perf_counter() - t) * 1000)
    return best


def machine() -> dict:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(), "load_at_start": load}


# -- targets -------------------------------------------------------------------------------------


def targets(r: dict) -> list[dict]:
    """Each target of issue 14, measured: what, the figure, met or not."""
    rows = []
    lat, cold = r["latency"], r["cold"].get("plenary", {}).get("latency", {})
    kinds = [k for k in KINDS if k in lat]
    worst = max(kinds, key=lambda k: lat[k]["p99"] / TARGET_MS[k])
    rows.append({"target": "every kind p99 within its target, warm (search 50, autocomplete 10, look-up 5 ms)",
                 "measured": f"worst {worst} {lat[worst]['p99']:.1f} ms (target {TARGET_MS[worst]:.0f})",
                 "met": all(lat[k]["p99"] <= TARGET_MS[k] for k in kinds),
                 "missed": [k for k in kinds if lat[k]["p99"] > TARGET_MS[k]]})
    if cold:
        worst = max(cold, key=lambda k: cold[k]["p99"])
        rows.append({"target": f"first {r['cold_queries']} cold queries of each kind, p99 ≤ {COLD_TARGET_MS:.0f} ms",
                     "measured": f"worst {worst} {cold[worst]['p99']:.1f} ms",
                     "met": all(v["p99"] <= COLD_TARGET_MS for v in cold.values()),
                     "missed": [k for k, v in cold.items() if v["p99"] > COLD_TARGET_MS]})
    starts = {"bot façade warm": r["startup"].get("facade_warm_s"), "bot façade cold": r["startup"].get("facade_cold_s"),
              "shell warm": r["startup"].get("shell_warm_s"), "shell cold": r["startup"].get("shell_cold_s")}
    nums = {k: v for k, v in starts.items() if isinstance(v, (int, float))}
    rows.append({"target": f"start to first answer ≤ {STARTUP_TARGET_S:.0f} s (shell and bot façade)",
                 "measured": ", ".join(f"{k} {v:.2f} s" for k, v in nums.items()),
                 "met": bool(nums) and all(v <= STARTUP_TARGET_S for v in nums.values()),
                 "missed": [k for k, v in nums.items() if v > STARTUP_TARGET_S]})
    if "tantivy" in r["peers_run"]:
        tv = r["peers_run"]["tantivy"]["latency"]
        rec = r["recall"]["plenary"]
        slower = [k for k in PEER_KINDS if k in tv and lat[k]["p50"] > tv[k]["p50"]]
        low = [k for k, v in rec.items() if v["recall_at_10"] is not None and v["recall_at_10"] < RECALL_TARGET]
        rows.append({"target": "Plenary p50 ≤ tantivy p50 on every kind, at strict recall ≥ 0.95",
                     "measured": f"slower on {len(slower)} of {sum(k in tv for k in PEER_KINDS)} kinds; "
                                 f"recall under 0.95 on {', '.join(low) or 'none'}",
                     "met": not slower and not low, "missed": slower + [f"recall {k}" for k in low]})
    ing = r["ingest"]["paragraphs_per_s"]
    rows.append({"target": "ingest ≥ 10,000 paragraphs/s", "measured": f"{ing:,.0f} paragraphs/s",
                 "met": ing >= 10_000, "missed": [] if ing >= 10_000 else ["ingest"]})
    rss = r["peers_run"]["plenary"]["rss_mb"]
    rows.append({"target": "answering process RSS ≤ 500 MB", "measured": f"{rss:.0f} MB", "met": rss <= 500,
                 "missed": [] if rss <= 500 else ["rss"]})
    ratio = r["ingest"]["db_over_raw"]
    rows.append({"target": "database ≤ 4× raw text", "measured": f"{ratio:.2f}×", "met": ratio <= 4,
                 "missed": [] if ratio <= 4 else ["size"]})
    return rows


def table(results: dict) -> str:
    engines = list(results["peers_run"])
    head = f"{'kind':<22} {'p50':>7} {'p99':>7} {'tgt':>4} {'cold p99':>8} {'recall':>6}"
    for e in engines[1:]:
        head += f" {e + ' p50':>12} {e + ' rec':>11}"
    head += f" {'naive p50':>10}"
    lines = [head]
    for kind in KINDS:
        ours = results["latency"].get(kind)
        if not ours:
            lines.append(f"{kind:<22} skipped: {results['skipped'].get(kind, 'no queries')}")
            continue
        cold = results["cold"].get("plenary", {}).get("latency", {}).get(kind)
        rec = results["recall"]["plenary"].get(kind, {}).get("recall_at_10")
        line = (f"{kind:<22} {ours['p50']:>7.2f} {ours['p99']:>7.2f} {TARGET_MS[kind]:>4.0f} "
                f"{cold['p99'] if cold else float('nan'):>8.1f} {rec if rec is not None else float('nan'):>6.3f}")
        for e in engines[1:]:
            p = results["peers_run"][e]["latency"].get(kind)
            pr = results["recall"].get(e, {}).get(kind, {}).get("recall_at_10")
            line += f" {p['p50'] if p else float('nan'):>12.2f} {pr if pr is not None else float('nan'):>11.3f}"
        base = results["baseline"].get(kind)
        line += f" {base['p50'] if base else float('nan'):>10.1f}"
        lines.append(line)
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--work", type=Path, help="folder for the corpus and databases (default: /tmp/plenary-bench-N)")
    ap.add_argument("--queries", type=int, default=500, help="queries per kind")
    ap.add_argument("--cold", type=int, default=20,
                    help="cold queries per kind (a fresh process each kind; 0: only the cold start)")
    ap.add_argument("--baseline", type=int, default=5, help="queries per kind timed for the naive baseline")
    ap.add_argument("--peers", nargs="*", help="peers to run (default: every one installed)")
    ap.add_argument("--require-peers", action="store_true", help="fail if a peer can't run (tantivy not installed)")
    ap.add_argument("--reuse", action="store_true", help="keep the databases of an earlier run in --work")
    ap.add_argument("--prepare-only", action="store_true", help="build the corpus and the databases, then stop")
    ap.add_argument("--serve", nargs=2, metavar=("ENGINE", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.serve[0], Path(args.serve[1]))
        return
    started = time.time()
    calibration_start, load_start = calibration(), os.getloadavg()
    engines = ["plenary", *(p for p in peers_module.available() if args.peers is None or p in args.peers)]
    skipped_peers = {"tantivy": "not asked for (--peers)"} if args.peers is not None and "tantivy" not in args.peers \
        else {}
    if "tantivy" not in engines and "tantivy" not in skipped_peers:
        skipped_peers["tantivy"] = "tantivy is not installed (uv run --group bench)"
    if skipped_peers and args.require_peers:
        sys.exit(f"--require-peers: {skipped_peers}")
    if "fts5" not in engines:
        engines.insert(1, "fts5")  # the oracle of recall and of rare and no-match queries: always built

    work = args.work or Path(f"/tmp/plenary-bench-{args.paragraphs}")
    corpus, db = work / "corpus", work / "plenary.db"
    paths = {"plenary": db, "fts5": work / "fts5.db", "tantivy": work / "tantivy"}
    marker = work / "corpus.json"
    made = json.loads(marker.read_text()) if marker.exists() else None
    want = [args.paragraphs, args.seed, CORPUS_VERSION]
    if not made or made.get("want") != want:
        import shutil

        shutil.rmtree(corpus, ignore_errors=True)
        t = time.perf_counter()
        made = generate(args.paragraphs, corpus, args.seed)
        made.update(want=want, seconds=time.perf_counter() - t)
        work.mkdir(parents=True, exist_ok=True)
        marker.write_text(json.dumps(made))
        args.reuse = False
    print(f"corpus: {made['files']} files, {made['paragraphs']} paragraphs "
          f"({made['record']} records, {made['resolution']} resolutions, {made['letter']} letters; "
          f"vocabulary {made.get('zh_vocabulary')}/{made.get('en_vocabulary')})", flush=True)

    ing_file = work / "ingest.json"
    if args.reuse and ing_file.exists() and db.exists():
        ing = json.loads(ing_file.read_text())
    else:
        ing = ingest_corpus(corpus, db)
        ing_file.write_text(json.dumps(ing))
    print(f"ingest: {ing['paragraphs']} paragraphs in {ing['seconds']:.1f} s = {ing['paragraphs_per_s']:,.0f}/s; "
          f"{ing['failed']} files failed; db {ing['db_bytes'] / 1e6:.1f} MB = {ing['db_over_raw']:.2f}× raw "
          f"{ing['raw_bytes'] / 1e6:.1f} MB", flush=True)
    facts = corpus_facts(db)
    made.update(facts)
    print(f"corpus facts: {facts['distinct_chars']} distinct Han characters, duplicate share "
          f"{facts['duplicate_share']:.3%} (searchable), English {facts['english_share']:.1%}", flush=True)

    peer_info: dict[str, dict] = {name: {"skipped": why} for name, why in skipped_peers.items()}
    peer_file = work / "peers.json"
    held = json.loads(peer_file.read_text()) if args.reuse and peer_file.exists() else {}
    for name in engines[1:]:
        peer_info[name] = held.get(name) or peers_module.BUILD[name](db, paths[name])
        print(f"peer {name}: indexed {peer_info[name]['paragraphs']} paragraphs in {peer_info[name]['seconds']:.1f} s "
              f"= {peer_info[name]['paragraphs_per_s']:,.0f}/s, {peer_info[name]['bytes'] / 1e6:.0f} MB", flush=True)
    peer_file.write_text(json.dumps({k: v for k, v in peer_info.items() if "skipped" not in v}))
    if args.prepare_only:
        return

    oracle = Oracle(paths["fts5"])
    t = time.perf_counter()
    queries = build_queries(db, oracle, args.queries, args.seed)
    skipped: dict[str, str] = {}
    why = watch_support(db)
    queries["watch"] = [] if why else watch_queries(db, queries, random.Random(args.seed))
    if why:
        skipped["watch"] = why
    print(f"queries: {sum(map(len, queries.values()))} in {time.perf_counter() - t:.0f} s; "
          + ", ".join(f"{k} {len(v)}" for k, v in queries.items() if len(v) < args.queries), flush=True)
    (work / "queries.json").write_text(json.dumps(queries, ensure_ascii=False))

    warm = warm_run(engines, paths, queries)
    print("warm run done", flush=True)
    probe_kind = "exact" if queries["exact"] else "lookup"
    for e in engines:  # start to first answer, files in the page cache: the best of three
        probes = [start_probe(e, paths, queries[probe_kind][0], probe_kind, cold=False) for _ in range(3)]
        warm[e]["first_answer_s"] = min(p["first_answer_s"] for p in probes)
        warm[e]["open_s"] = min(p["open_s"] for p in probes)
    cold = cold_run(engines, paths, queries, args.cold) if args.cold else {
        e: {"latency": {}, "first_answer_s": {}} for e in engines}
    print("cold run done", flush=True)
    cold_start = start_probe("plenary", paths, queries[probe_kind][0], probe_kind, cold=True)
    probe = queries["exact"][0]["query"] if queries["exact"] else "联合国"
    startup = {"facade_warm_s": warm["plenary"]["first_answer_s"], "facade_open_warm_s": warm["plenary"]["open_s"],
               "facade_cold_s": cold_start["first_answer_s"], "facade_open_cold_s": cold_start["open_s"],
               "facade_cold_by_kind_s": cold["plenary"]["first_answer_s"],
               "shell_cold_s": shell_start(db, probe, cold=True), "shell_warm_s": shell_start(db, probe, cold=False)}
    base = baseline(db, queries, args.baseline)
    print("baseline done", flush=True)
    own = lambda ids: plenary_texts(db, ids)
    rec = {e: recall(oracle, queries, warm[e]["ids"], own if e == "plenary" else None) for e in engines}
    rec["naive"] = recall(oracle, queries, base["top"], own)
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["uv run --group bench python bench/run.py", *sys.argv[1:]]),
        "commit": os.environ.get("PLENARY_COMMIT") or subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=False).stdout.strip() or None,
        "machine": machine(), "corpus": made, "ingest": ing, "queries_per_kind": args.queries,
        "cold_queries": args.cold, "skipped": skipped,
        "latency": {k: {**v, "empty": sum(not ids for ids in warm["plenary"]["ids"][k])}
                    for k, v in warm["plenary"]["latency"].items()},
        "errors": {e: warm[e]["errors"] for e in engines if warm[e]["errors"]},
        "cold": {e: {"latency": cold[e]["latency"], "first_answer_s": cold[e]["first_answer_s"]} for e in engines},
        "startup": startup,
        "peers": {**{name: {**info} for name, info in peer_info.items()}},
        "peers_run": {e: {"latency": warm[e]["latency"], "rss_mb": warm[e]["rss_mb"],
                          "first_answer_s": warm[e]["first_answer_s"]} for e in engines},
        "recall": rec,
        "baseline": base["latency"],
        "rss_mb": warm["plenary"]["rss_mb"],
        "seconds": time.time() - started,
    }
    results["machine"].update(load_at_start=load_start, load_at_end=os.getloadavg(),
                              calibration_start_ms=calibration_start,
                              calibration_end_ms=calibration())
    for e in engines[1:]:
        for kind, v in warm[e]["latency"].items():
            results["peers"][e].setdefault("kinds", {})[kind] = {
                "p50_ms": v["p50"], "p99_ms": v["p99"], "recall_at_10": rec[e].get(kind, {}).get("recall_at_10"),
                "cold_p99_ms": cold[e]["latency"].get(kind, {}).get("p99")}
        # The shape: peers.{name}.{kind}.{p50_ms,p99_ms,recall_at_10}.
        results["peers"][e].update(results["peers"][e]["kinds"])
    results["targets"] = targets(results)
    print(table(results))
    for t in results["targets"]:
        print(f"{'met ' if t['met'] else 'MISS'} {t['target']}: {t['measured']}")
    print(f"startup: {json.dumps({k: v for k, v in startup.items() if k != 'facade_cold_by_kind_s'})}")
    if results["errors"]:
        print(f"errors: {json.dumps(results['errors'], ensure_ascii=False)[:2000]}")
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
