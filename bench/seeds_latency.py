"""Latency of each answer on the seed corpus (issue 3's "milliseconds on the seeds").

    uv run python bench/seeds_latency.py [--repeat 200]

Builds a fresh database from seeds/ in a temporary folder, then times each kind of call and
prints p50/p95/max in milliseconds. A script, not a test: timings belong in figures, not asserts.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bot.answers.complete import Completer
from bot.answers.lookup import lookup
from bot.answers.quote import quote
from bot.answers.search import search
from bot.answers.summary import summarise
from bot.ingest import ingest
from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "search exact (多功能机构)": lambda s, c: search(s, "多功能机构"),
    "search 1 typo (多功熊机构)": lambda s, c: search(s, "多功熊机构"),
    "search 2 typos (转变成为一个多功熊机沟)": lambda s, c: search(s, "转变成为一个多功熊机沟"),
    "search Traditional (集體安全條約)": lambda s, c: search(s, "集體安全條約"),
    "search 1 char (毒)": lambda s, c: search(s, "毒"),
    "search 2 chars (北约)": lambda s, c: search(s, "北约"),
    "search keywords (北约 演习 边界)": lambda s, c: search(s, "北约 演习 边界"),
    "search speaker filter": lambda s, c: search(s, "阿富汗", speaker="张军"),
    "doc 第75/276号决议": lambda s, c: lookup(s, "第75/276号决议"),
    "doc not in corpus (59/50)": lambda s, c: lookup(s, "59/50"),
    "summary S/PV.8967": lambda s, c: summarise(s, "S/PV.8967"),
    "quote 张军 阿富汗": lambda s, c: quote(s, "张军", "阿富汗"),
    "autocomplete symbol 'A/RES/7'": lambda s, c: c.symbol_choices("A/RES/7"),
    "autocomplete speaker '张'": lambda s, c: c.speaker_choices("张"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "seeds.db")
        t0 = time.perf_counter()
        report = ingest([ROOT / "seeds"], store)
        print(f"ingest: {len(report.added)} documents, {report.paragraphs} paragraphs in "
              f"{(time.perf_counter() - t0) * 1000:.0f} ms")
        completer = Completer(store)
        print(f"{'call':<42} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for name, fn in CASES.items():
            fn(store, completer)  # warm caches
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                fn(store, completer)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            print(f"{name:<42} {statistics.median(times):>8.2f} {times[int(len(times) * 0.95) - 1]:>8.2f} "
                  f"{times[-1]:>8.2f}")
        store.close()


if __name__ == "__main__":
    main()
