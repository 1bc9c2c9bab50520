"""Markdown tables from bench/run.py results, for docs/benchmarks.md.

    uv run python bench/report.py docs/benchmarks/results-100k.json docs/benchmarks/results-1m.json
    uv run python bench/report.py --compare BEFORE.json AFTER.json   # one corpus, two commits
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import COLD_TARGET_MS, KINDS, TARGET_MS

PEERS = ("fts5", "tantivy")


def size(r: dict) -> str:
    """The size asked for (--paragraphs); the corpus holds a few percent more."""
    n = r["corpus"].get("want", [r["ingest"]["paragraphs"]])[0]
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def _f(x, fmt: str = ".2f", none: str = "–") -> str:
    return none if x is None else format(x, fmt)


def _secs(x) -> str:
    return f"{x:.2f} s" if isinstance(x, (int, float)) else f"({x})"


def summary_table(results: list[dict]) -> str:
    rows = ["| | " + " | ".join(size(r) for r in results) + " |", "|---" * (len(results) + 1) + "|"]

    def row(label: str, cell) -> None:
        rows.append(f"| {label} | " + " | ".join(cell(r) for r in results) + " |")

    row("paragraphs stored (searchable)",
        lambda r: f"{r['ingest']['paragraphs']:,} ({r['corpus']['searchable_paragraphs']:,})")
    row("English share of searchable paragraphs", lambda r: f"{r['corpus']['english_share']:.1%}")
    row("distinct Han characters (`corpus.distinct_chars`)", lambda r: f"{r['corpus']['distinct_chars']:,}")
    row("duplicate paragraphs (`corpus.duplicate_share`; all, procedure included)",
        lambda r: f"{r['corpus']['duplicate_share']:.2%} ({r['corpus']['duplicate_share_all']:.2%})")
    row("documents (records / resolutions / letters)",
        lambda r: f"{r['corpus']['record']} / {r['corpus']['resolution']} / {r['corpus']['letter']}")
    row("raw text MB", lambda r: f"{r['ingest']['raw_bytes'] / 1e6:.0f}")
    row("Plenary ingest paragraphs/s (parse + index + store)", lambda r: f"{r['ingest']['paragraphs_per_s']:,.0f}")
    for p in PEERS:
        row(f"{p} indexing paragraphs/s (folded text in, no parsing)",
            lambda r, p=p: f"{r['peers'][p]['paragraphs_per_s']:,.0f}" if "paragraphs_per_s" in r["peers"].get(p, {})
            else "–")
    row("Plenary database MB (× raw text)",
        lambda r: f"{r['ingest']['db_bytes'] / 1e6:.0f} ({r['ingest']['db_over_raw']:.2f}×)")
    for p in PEERS:
        row(f"{p} index MB", lambda r, p=p: f"{r['peers'][p]['bytes'] / 1e6:.0f}" if "bytes" in r["peers"].get(p, {})
            else "–")
    row("answering process peak RSS MB (Plenary)", lambda r: f"{r['rss_mb']:.0f}")
    row("start to first answer, bot façade, warm / cold", lambda r: f"{_secs(r['startup']['facade_warm_s'])} / "
        f"{_secs(r['startup']['facade_cold_s'])}")
    row("start to first answer, `plenary shell`, warm / cold", lambda r: f"{_secs(r['startup']['shell_warm_s'])} / "
        f"{_secs(r['startup']['shell_cold_s'])}")
    return "\n".join(rows)


def targets_table(r: dict) -> str:
    rows = ["| target | measured | |", "|---|---|---|"]
    for t in r["targets"]:
        missed = f" (missed: {', '.join(t['missed'])})" if t["missed"] else ""
        rows.append(f"| {t['target']} | {t['measured']}{missed} | {'met' if t['met'] else '**not met**'} |")
    return "\n".join(rows)


def latency_table(r: dict) -> str:
    peers = [p for p in PEERS if "kinds" in r["peers"].get(p, {})]
    head = ["query kind", "p50 ms", "p99 ms", "target p99", f"cold p99 (first {r['cold_queries']})", "recall@10"]
    for p in peers:
        head += [f"{p} p50", f"{p} recall", f"Plenary / {p} p50"]
    head += ["naive p50 ms"]
    rows = ["| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
    cold = r["cold"].get("plenary", {}).get("latency", {})
    for kind in KINDS:
        ours = r["latency"].get(kind)
        if not ours:
            rows.append(f"| {kind} | skipped: {r['skipped'].get(kind, 'no queries')} |" + " |" * (len(head) - 2))
            continue
        mark = "✓" if ours["p99"] <= TARGET_MS[kind] else "✗"
        c = cold.get(kind)
        cmark = "" if not c else (" ✓" if c["p99"] <= COLD_TARGET_MS else " ✗")
        rec = r["recall"]["plenary"].get(kind, {}).get("recall_at_10")
        cells = [kind, f"{ours['p50']:.2f}", f"{ours['p99']:.2f}", f"≤ {TARGET_MS[kind]:.0f} {mark}",
                 (f"{c['p99']:.1f}{cmark}" if c else "–"), _f(rec, ".3f")]
        for p in peers:
            k = r["peers"][p]["kinds"].get(kind)
            if not k:
                cells += ["–", "–", "–"]
                continue
            cells += [f"{k['p50_ms']:.2f}", _f(k["recall_at_10"], ".3f"),
                      f"{ours['p50'] / k['p50_ms']:.2f}" if k["p50_ms"] else "–"]
        base = r["baseline"].get(kind)
        cells.append(f"{base['p50']:,.1f}" if base else "–")
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def compare_table(before: dict, after: dict) -> str:
    """Plenary's warm p50 / p99 and cold p99 per kind in two runs of one corpus (``--compare``)."""
    rows = ["| query kind | p50 ms before → after | p99 ms before → after | cold p99 ms before → after |",
            "|---|---:|---:|---:|"]
    cold_b = before["cold"].get("plenary", {}).get("latency", {})
    cold_a = after["cold"].get("plenary", {}).get("latency", {})
    for kind in KINDS:
        b, a = before["latency"].get(kind), after["latency"].get(kind)
        if not b or not a:
            continue
        cb, ca = cold_b.get(kind), cold_a.get(kind)
        cold = f"{cb['p99']:.1f} → {ca['p99']:.1f}" if cb and ca else "–"
        rows.append(f"| {kind} | {b['p50']:.2f} → {a['p50']:.2f} | {b['p99']:.2f} → {a['p99']:.2f} | {cold} |")
    for label, key in (("start to first answer, façade warm", "facade_warm_s"),
                       ("start to first answer, façade cold", "facade_cold_s"),
                       ("start to first answer, shell warm", "shell_warm_s"),
                       ("start to first answer, shell cold", "shell_cold_s")):
        rows.append(f"| {label} | {_secs(before['startup'][key])} → {_secs(after['startup'][key])} | | |")
    return "\n".join(rows)


def main() -> None:
    if sys.argv[1] == "--compare":
        before, after = (json.loads(Path(p).read_text()) for p in sys.argv[2:4])
        print(compare_table(before, after))
        return
    results = [json.loads(Path(p).read_text()) for p in sys.argv[1:]]
    results.sort(key=lambda r: r["ingest"]["paragraphs"])
    print(summary_table(results))
    for r in results:
        print(f"\n### {size(r)} paragraphs\n")
        m = r["machine"]
        start, end = m.get("load_at_start"), m.get("load_at_end")
        load = (f", load average {end[0]:.1f} at the end of the run" if start == end and end else
                f", load average {start[0]:.1f} at the start, {end[0]:.1f} at the end" if start and end else "")
        commit = str(r.get("commit"))
        commit = commit if " " in commit else commit[:12]
        print(f"`{r['command']}` — {r['date']}, commit {commit}, {m['cores']} cores{load}\n")
        print(targets_table(r))
        print()
        print(latency_table(r))


if __name__ == "__main__":
    main()
