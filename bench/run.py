"""Plenary's benchmark: a synthetic corpus of N paragraphs, ingested and queried, against the
brute-force baseline a naive bot would use (rapidfuzz over every paragraph).

    uv run python bench/run.py --paragraphs 100000 [--out results.json] [--seed 1]

One run measures: ingest throughput and database size against the raw text; latency
p50/p95/p99 of each query kind, answered in a separate process whose peak RSS is reported;
the baseline's latency on a sample of the same queries, and Plenary's speed-up; recall@10
and top-hit-in-top-3 against the baseline on the typo queries. Not part of the tests
(tests/test_bench_smoke.py runs it at a small size).
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
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synth import generate

SEARCH_KINDS = ["exact", "typo1", "typo2", "traditional", "one_char", "two_char", "keywords", "speaker"]
KINDS = [*SEARCH_KINDS, "quote", "lookup", "complete1", "complete2", "complete4"]
TYPO_KINDS = ["typo1", "typo2"]
TARGET_MS = {**{k: 50.0 for k in [*SEARCH_KINDS, "quote"]}, "lookup": 5.0,
             "complete1": 10.0, "complete2": 10.0, "complete4": 10.0}
_CJK = re.compile(r"[\u4e00-\u9fff]")


# -- queries ---------------------------------------------------------------------------------


def _phrase(rng: random.Random, text: str, lo: int, hi: int) -> str | None:
    """A run of lo..hi CJK characters from text, or None."""
    runs = [m.group(0) for m in re.finditer(rf"[\u4e00-\u9fff]{{{lo},}}", text)]
    if not runs:
        return None
    run = rng.choice(runs)
    n = rng.randint(lo, min(hi, len(run)))
    start = rng.randint(0, len(run) - n)
    return run[start : start + n]


def _typo(rng: random.Random, phrase: str, wrong: int, alphabet: str) -> str:
    """The phrase with ``wrong`` inner characters replaced by other common characters."""
    chars = list(phrase)
    for i in rng.sample(range(1, len(chars) - 1), wrong):
        chars[i] = rng.choice([c for c in alphabet if c != chars[i]])
    return "".join(chars)


def build_queries(db: Path, per_kind: int, seed: int) -> dict[str, list[dict]]:
    import opencc

    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    (max_id,) = conn.execute("SELECT max(id) FROM paragraphs").fetchone()
    alphabet = "".join(
        dict.fromkeys(c for (t,) in conn.execute("SELECT text FROM paragraphs LIMIT 2000") for c in t if _CJK.match(c)))

    def paragraph(where: str = "1") -> tuple:
        while True:
            row = conn.execute(
                f"SELECT id, text, speaker_id FROM paragraphs WHERE id >= ? AND section != 'procedure' AND {where} "
                "ORDER BY id LIMIT 1", [rng.randint(1, max_id)]).fetchone()
            if row:
                return row

    s2t = opencc.OpenCC("s2t")
    out: dict[str, list[dict]] = {k: [] for k in KINDS}
    text_kinds = ["exact", "typo1", "typo2", "traditional", "one_char", "two_char", "keywords"]
    while any(len(out[k]) < per_kind for k in text_kinds):
        _, text, _ = paragraph()
        p4, p6, p8 = _phrase(rng, text, 4, 10), _phrase(rng, text, 6, 12), _phrase(rng, text, 4, 8)
        def add(kind: str, **q: str) -> None:
            if len(out[kind]) < per_kind:
                out[kind].append(q)

        if p4:
            add("exact", query=p4)
            add("typo1", query=_typo(rng, p4, 1, alphabet), source=p4)
        if p6:
            add("typo2", query=_typo(rng, p6, 2, alphabet), source=p6)
        if p8:
            trad = s2t.convert(p8)
            if trad != p8:
                add("traditional", query=trad)
        cjk = _CJK.findall(text)
        if cjk:
            add("one_char", query=rng.choice(cjk))
            two = _phrase(rng, text, 2, 2)
            if two:
                add("two_char", query=two)
            words = [_phrase(rng, text, 2, 3) for _ in range(2)]
            if all(words) and words[0] != words[1]:
                add("keywords", query=" ".join(words))
    # Speakers: a phrase said by them, and a topic for a quote.
    while len(out["speaker"]) < per_kind or len(out["quote"]) < per_kind:
        _, text, speaker_id = paragraph("speaker_id IS NOT NULL AND section = 'statement'")
        name = conn.execute("SELECT name FROM speakers WHERE id = ?", [speaker_id]).fetchone()[0]
        phrase, topic = _phrase(rng, text, 4, 8), _phrase(rng, text, 2, 4)
        if phrase and len(out["speaker"]) < per_kind:
            out["speaker"].append({"query": phrase, "speaker": name})
        if topic and len(out["quote"]) < per_kind:
            out["quote"].append({"who": name, "topic": topic})
    symbols = [s for (s,) in conn.execute("SELECT symbol FROM documents WHERE symbol IS NOT NULL")]
    for _ in range(per_kind):
        symbol = rng.choice(symbols)
        m = re.fullmatch(r"A/RES/(\d+/\d+)", symbol)
        forms = [symbol, symbol.lower()] + ([m.group(1), f"第{m.group(1)}号决议"] if m else [])
        out["lookup"].append({"query": rng.choice(forms)})
        for n in (1, 2, 4):
            out[f"complete{n}"].append({"query": symbol[:n], "field": "symbol"})
    conn.close()
    return out


# -- answering (a process of its own, so its RSS is Plenary's alone) --------------------------


def answer(db: Path, queries: dict[str, list[dict]]) -> dict:
    """Every query through the façade the Discord bot and the shell use (bot/service.py)."""
    from bot.answers.search import QueryError
    from bot.service import Plenary
    from bot.store import Store

    t = time.perf_counter()
    plenary = Plenary(Store(db))
    startup = time.perf_counter() - t
    latencies: dict[str, list[float]] = {}
    top: dict[str, list[list[int]]] = {}
    empty: dict[str, int] = {}
    for kind, items in queries.items():
        for q in items:
            t = time.perf_counter()
            ids: list[int] = []
            if kind in SEARCH_KINDS:
                try:
                    result = plenary.search(q["query"], speaker=q.get("speaker"), limit=10)
                    ids = [h["paragraph_id"] for h in result["results"]]
                except QueryError:
                    pass
            elif kind == "quote":
                ids = [x["paragraph_id"] for x in plenary.quote(q["who"], q["topic"]).get("quotes", [])]
            elif kind == "lookup":
                ids = [1] if plenary.doc(q["query"]).get("found") else []
            else:
                ids = [1] if plenary.complete_symbols(q["query"]) else []
            latencies.setdefault(kind, []).append((time.perf_counter() - t) * 1000)
            top.setdefault(kind, []).append(ids)
            empty[kind] = empty.get(kind, 0) + (not ids)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"latency_ms": latencies, "top": top, "empty": empty, "rss_mb": rss_kb / 1024, "startup_s": startup}


# -- the brute-force baseline -------------------------------------------------------------------


_TEXTS: list[str] = []
_IDS: list[int] = []


def _load_texts(db: str) -> None:
    global _TEXTS, _IDS
    rows = sqlite3.connect(db).execute("SELECT id, search FROM paragraphs WHERE section != 'procedure' ORDER BY id")
    _IDS, _TEXTS = [], []
    for pid, search in rows:
        _IDS.append(pid)
        _TEXTS.append(search)


def _brute_top(query: str) -> list[tuple[int, float]]:
    from rapidfuzz import fuzz, process

    return [(_IDS[i], s) for _, s, i in process.extract(query, _TEXTS, scorer=fuzz.partial_ratio, limit=10)]


def baseline(db: Path, queries: dict[str, list[dict]], sample: int, recall_n: int, top: dict) -> dict:
    """Latency of the naive bot on ``sample`` queries per kind; recall on the typo queries."""
    from rapidfuzz import fuzz, process

    from bot.text import fold

    _load_texts(str(db))
    symbols = [s for (s,) in sqlite3.connect(db).execute("SELECT coalesce(symbol, doc_id) FROM documents")]
    latency: dict[str, list[float]] = {}
    for kind in KINDS:
        for q in queries[kind][:sample]:
            text = fold(q.get("query") or f"{q['who']} {q['topic']}")
            t = time.perf_counter()
            if kind in ("lookup", "complete1", "complete2", "complete4"):
                process.extract(text, symbols, scorer=fuzz.WRatio, limit=10)
            else:
                process.extract(text, _TEXTS, scorer=fuzz.partial_ratio, limit=10)
            latency.setdefault(kind, []).append((time.perf_counter() - t) * 1000)
    # Recall: the baseline's top 10 for every typo query, two processes at a time.
    recall: dict[str, dict] = {}
    for kind in TYPO_KINDS:
        items = queries[kind][:recall_n]
        folded = [fold(q["query"]) for q in items]
        with ProcessPoolExecutor(max_workers=os.cpu_count() or 2, initializer=_load_texts, initargs=(str(db),)) as pool:
            brute = list(pool.map(_brute_top, folded, chunksize=4))
        recalls, top3 = [], []
        by_id = dict(zip(_IDS, _TEXTS))
        for q, ours, theirs in zip(folded, top[kind][:recall_n], brute):
            if not theirs:
                continue
            best, tenth = theirs[0][1], theirs[-1][1]
            # Ties: any paragraph scoring at least the baseline's 10th (or top) score counts.
            threshold = max(tenth, 60.0)
            relevant = 10 if tenth >= 60.0 else sum(1 for _, s in theirs if s >= 60.0)
            ours_scores = [fuzz.partial_ratio(q, by_id[i]) for i in ours[:10]]
            if relevant:
                recalls.append(min(1.0, sum(1 for s in ours_scores if s >= threshold - 1e-9) / relevant))
            top3.append(any(s >= best - 1e-9 for s in ours_scores[:3]))
        recall[kind] = {"queries": len(items), "recall_at_10": statistics.fmean(recalls) if recalls else None,
                        "top_hit_in_top3": statistics.fmean(top3) if top3 else None}
    return {"latency_ms": latency, "recall": recall}


# -- the run ------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))
    return values[k]


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


def machine() -> dict:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform()}


def table(results: dict) -> str:
    lines = [f"{'kind':<12} {'p50':>8} {'p95':>8} {'p99':>8} {'target':>7} {'baseline p50':>13} {'speed-up':>9} {'empty':>6}"]
    for kind in KINDS:
        ours = results["latency"][kind]
        base = results["baseline"].get(kind)
        speedup = f"{base['p50'] / ours['p50']:,.0f}×" if base and ours["p50"] > 0 else "-"
        lines.append(f"{kind:<12} {ours['p50']:>8.2f} {ours['p95']:>8.2f} {ours['p99']:>8.2f} {TARGET_MS[kind]:>7.0f}"
                     f" {base['p50'] if base else float('nan'):>13.1f} {speedup:>9} {ours['empty']:>6}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--work", type=Path, help="folder for the corpus and database (default: /tmp/plenary-bench-N)")
    ap.add_argument("--queries", type=int, default=200, help="queries per kind for Plenary")
    ap.add_argument("--baseline", type=int, default=20, help="queries per kind timed for the baseline")
    ap.add_argument("--recall", type=int, default=100, help="typo queries per kind checked against the baseline")
    ap.add_argument("--answer", nargs=2, metavar=("DB", "QUERIES"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.answer:
        db, qfile = args.answer
        print(json.dumps(answer(Path(db), json.loads(Path(qfile).read_text()))))
        return

    work = args.work or Path(f"/tmp/plenary-bench-{args.paragraphs}")
    corpus, db = work / "corpus", work / "plenary.db"
    marker = work / "corpus.json"
    made = json.loads(marker.read_text()) if marker.exists() else None
    if not made or made.get("want") != [args.paragraphs, args.seed]:
        import shutil

        shutil.rmtree(corpus, ignore_errors=True)
        t = time.perf_counter()
        made = generate(args.paragraphs, corpus, args.seed)
        made.update(want=[args.paragraphs, args.seed], seconds=time.perf_counter() - t)
        work.mkdir(parents=True, exist_ok=True)
        marker.write_text(json.dumps(made))
    print(f"corpus: {made['files']} files, {made['paragraphs']} paragraphs "
          f"({made['record']} records, {made['resolution']} resolutions, {made['letter']} letters)", flush=True)

    ing = ingest_corpus(corpus, db)
    print(f"ingest: {ing['paragraphs']} paragraphs in {ing['seconds']:.1f} s = {ing['paragraphs_per_s']:,.0f}/s; "
          f"{ing['failed']} files failed; db {ing['db_bytes'] / 1e6:.1f} MB = {ing['db_over_raw']:.2f}× raw "
          f"{ing['raw_bytes'] / 1e6:.1f} MB", flush=True)

    queries = build_queries(db, args.queries, args.seed)
    qfile = work / "queries.json"
    qfile.write_text(json.dumps(queries, ensure_ascii=False))
    proc = subprocess.run([sys.executable, __file__, "--answer", str(db), str(qfile)], capture_output=True,
                          text=True, check=True)
    answered = json.loads(proc.stdout)
    latency = {k: {"p50": percentile(v, 50), "p95": percentile(v, 95), "p99": percentile(v, 99), "n": len(v),
                   "empty": answered["empty"].get(k, 0)} for k, v in answered["latency_ms"].items()}
    print(f"answering process: peak RSS {answered['rss_mb']:.0f} MB, startup {answered['startup_s']:.2f} s", flush=True)

    base = baseline(db, queries, args.baseline, args.recall, answered["top"])
    base_latency = {k: {"p50": percentile(v, 50), "n": len(v)} for k, v in base["latency_ms"].items()}
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["uv run python bench/run.py", *sys.argv[1:]]),
        "machine": machine(), "corpus": made, "ingest": ing, "latency": latency, "baseline": base_latency,
        "recall": base["recall"], "rss_mb": answered["rss_mb"],
    }
    print(table(results))
    for kind, r in base["recall"].items():
        print(f"{kind}: recall@10 {r['recall_at_10']:.3f}, baseline top hit in top 3 {r['top_hit_in_top3']:.3f} "
              f"({r['queries']} queries)")
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
