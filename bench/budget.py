"""What the work budget costs and what it stops (bot/store.py Store.budget, bot/answers/search.py).

    uv run python bench/run.py --paragraphs 150000 --queries 10 --cold 0 --baseline 1 --work /tmp/pl-150k
    uv run python bench/budget.py --work /tmp/pl-150k

1. The progress handler's cost on ordinary queries (the benchmark's search and quote queries),
   per handler period, against no handler: each query timed in turn under every setting, the
   best of --rounds kept, summed per setting.
2. A statement in one thread while another thread runs Python: the handler needs the GIL at
   every call, so a busy Python thread can slow a reader's SQLite work; how much, per period.
3. The issue's case, a query of 200 one-character words: refused at once by the caps, and, with
   the caps lifted, stopped by the deadline (the chat budget).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bot.answers.search as search_module
import bot.store as store_module
from bot.answers.search import QueryError, TooBroad, budget
from bot.service import Plenary
from bot.store import Store

SEARCH_KINDS = ["exact", "typo1", "typo2", "traditional", "one_char", "two_char", "keywords", "speaker"]


def _run(plenary: Plenary, kind: str, q: dict) -> None:
    try:
        if kind == "quote":
            plenary.quote(q["who"], q["topic"], index=0)
        else:
            plenary.search(q["query"], speaker=q.get("speaker"), limit=10)
    except QueryError:
        pass


def overhead(plenary: Plenary, queries: dict, periods: list[int | None], rounds: int) -> dict[str, float]:
    items = [(k, q) for k in [*SEARCH_KINDS, "quote"] for q in queries.get(k, [])]
    best: dict[str, list[float]] = {str(p): [float("inf")] * len(items) for p in periods}
    for r in range(rounds):
        order = periods[r % len(periods):] + periods[: r % len(periods)]  # no setting always first
        for i, (kind, q) in enumerate(items):
            for p in order:
                if p is None:
                    plenary.budget = None
                else:
                    plenary.budget = 60.0
                    store_module.PROGRESS_PERIOD = p
                t = time.perf_counter()
                _run(plenary, kind, q)
                best[str(p)][i] = min(best[str(p)][i], time.perf_counter() - t)
    return {p: sum(v) * 1000 for p, v in best.items()}


SCAN = "SELECT count(*) FROM paragraphs WHERE search LIKE '%不存在的词语%'"


def scan(store: Store, periods: list[int | None], rounds: int) -> dict[str, tuple[float, int]]:
    """A full scan of the paragraphs (one long statement): best time and handler calls."""
    out: dict[str, tuple[float, int]] = {}
    calls = [0]
    for r in range(rounds):
        order = periods[r % len(periods):] + periods[: r % len(periods)]
        for p in order:
            calls[0] = 0
            if p is not None:
                store.db.conn.set_progress_handler(lambda: calls.__setitem__(0, calls[0] + 1), p)
            t = time.perf_counter()
            store.db.execute(SCAN).fetchone()
            ms = (time.perf_counter() - t) * 1000
            store.db.conn.set_progress_handler(None, 1)
            out[str(p)] = (min(ms, out.get(str(p), (ms, 0))[0]), calls[0])
    return out


def contention(store: Store, periods: list[int | None]) -> dict[str, float]:
    """A full scan in this thread while another thread spins in Python."""
    sql = SCAN
    stop = threading.Event()

    def spin() -> None:
        x = 0
        while not stop.is_set():
            x += 1

    out: dict[str, float] = {}
    for busy in (False, True):
        spinner = threading.Thread(target=spin) if busy else None
        if spinner:
            stop.clear()
            spinner.start()
        try:
            for p in periods:
                times = []
                for _ in range(3):
                    t = time.perf_counter()
                    if p is None:
                        store.db.execute(sql).fetchone()
                    else:
                        store_module.PROGRESS_PERIOD = p
                        with store.budget(60):
                            store.db.execute(sql).fetchone()
                    times.append(time.perf_counter() - t)
                out[f"{'busy' if busy else 'idle'} {p}"] = min(times) * 1000
        finally:
            if spinner:
                stop.set()
                spinner.join()
    return out


def two_hundred(store: Store, chat_budget: float) -> dict[str, object]:
    rows = [r[0] for r in store.db.execute("SELECT text FROM paragraphs WHERE rowid % 53 = 0")]
    counts = Counter(ch for t in rows for ch in t if "\u4e00" <= ch <= "\u9fff")
    ranked = [ch for ch, _ in counts.most_common()]
    out: dict[str, object] = {}
    for start in (0, 400, 800):
        query = " ".join(ranked[start : start + 200])
        for label, caps in (("capped", None), ("caps lifted", (10**9, 10**12))):
            saved = search_module.MAX_TERMS, search_module.RANK_WORK
            if caps:
                search_module.MAX_TERMS, search_module.RANK_WORK = caps
            t = time.perf_counter()
            try:
                with budget(store, chat_budget):
                    search_module.search(store, query)
                result = "answered"
            except TooBroad:
                result = "too broad"
            finally:
                search_module.MAX_TERMS, search_module.RANK_WORK = saved
            out[f"chars ranked {start}-{start + 200}, {label}"] = f"{result} in {time.perf_counter() - t:.3f} s"
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=Path, required=True, help="a bench/run.py --work folder")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--periods", default="none,100,1000,10000")
    args = ap.parse_args()
    periods = [None if p == "none" else int(p) for p in args.periods.split(",")]
    queries = json.loads((args.work / "queries.json").read_text())
    store = Store(args.work / "plenary.db", readonly=True)
    plenary = Plenary(store)
    for kind in SEARCH_KINDS:  # warm the caches and the page cache
        for q in queries.get(kind, []):
            _run(plenary, kind, q)
    total = overhead(plenary, queries, periods, args.rounds)
    base = total["None"]
    print("handler period   total ms (best of rounds, all queries)   overhead")
    for p, ms in total.items():
        print(f"{p:>14}   {ms:10.1f}   {100 * (ms / base - 1):+6.2f}%")
    print("\na full scan of the paragraphs, one statement (best of 4×rounds)")
    found = scan(store, periods, 4 * args.rounds)
    for p, (ms, calls) in found.items():
        print(f"{p:>14}   {ms:8.1f} ms   {calls:6} handler calls   {100 * (ms / found['None'][0] - 1):+6.2f}%")
    print("\na full scan while another thread runs Python (ms)")
    for k, v in contention(store, periods).items():
        print(f"  {k:>12}: {v:8.1f}")
    print("\n200 one-character words (chat budget 2 s)")
    store_module.PROGRESS_PERIOD = 1000
    for k, v in two_hundred(store, 2.0).items():
        print(f"  {k}: {v}")


if __name__ == "__main__":
    main()
