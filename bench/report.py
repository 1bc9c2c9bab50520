"""Markdown tables from bench/run.py results, for docs/benchmarks.md.

    uv run python bench/report.py results-10k.json results-100k.json results-1m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import KINDS, TARGET_MS


def size(r: dict) -> str:
    """The size asked for (--paragraphs); the corpus holds a few percent more."""
    n = r["corpus"].get("want", [r["ingest"]["paragraphs"]])[0]
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def latency_table(r: dict) -> str:
    rows = ["| query kind | p50 ms | p95 ms | p99 ms | target p99 | brute force p50 ms | speed-up (p50) |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for kind in KINDS:
        ours, base = r["latency"][kind], r["baseline"].get(kind)
        speedup = f"{base['p50'] / ours['p50']:,.0f}×" if base and ours["p50"] else "–"
        mark = "✓" if ours["p99"] <= TARGET_MS[kind] else "✗"
        rows.append(f"| {kind} | {ours['p50']:.2f} | {ours['p95']:.2f} | {ours['p99']:.2f} | "
                    f"≤ {TARGET_MS[kind]:.0f} {mark} | {base['p50']:,.1f} | {speedup} |")
    return "\n".join(rows)


def summary_table(results: list[dict]) -> str:
    head = "| | " + " | ".join(size(r) for r in results) + " |"
    rows = [head, "|---" * (len(results) + 1) + "|"]

    def row(label: str, cell) -> None:
        rows.append(f"| {label} | " + " | ".join(cell(r) for r in results) + " |")

    row("paragraphs", lambda r: f"{r['ingest']['paragraphs']:,}")
    row("documents (records / resolutions / letters)",
        lambda r: f"{r['corpus']['record']} / {r['corpus']['resolution']} / {r['corpus']['letter']}")
    row("raw text MB", lambda r: f"{r['ingest']['raw_bytes'] / 1e6:.1f}")
    row("ingest paragraphs/s", lambda r: f"{r['ingest']['paragraphs_per_s']:,.0f}")
    row("database MB (× raw text)", lambda r: f"{r['ingest']['db_bytes'] / 1e6:.0f} ({r['ingest']['db_over_raw']:.2f}×)")
    row("answering process peak RSS MB", lambda r: f"{r['rss_mb']:.0f}")
    for kind in ("typo1", "typo2"):
        row(f"{kind}: recall@10 vs brute force", lambda r, k=kind: f"{r['recall'][k]['recall_at_10']:.3f}")
        row(f"{kind}: brute-force top hit in top 3", lambda r, k=kind: f"{r['recall'][k]['top_hit_in_top3']:.3f}")
    for kind in KINDS:
        row(f"{kind} p99 ms", lambda r, k=kind: f"{r['latency'][k]['p99']:.1f}")
    return "\n".join(rows)


def main() -> None:
    results = [json.loads(Path(p).read_text()) for p in sys.argv[1:]]
    results.sort(key=lambda r: r["ingest"]["paragraphs"])
    print(summary_table(results))
    for r in results:
        print(f"\n### {size(r)} paragraphs\n")
        print(f"`{r['command']}` — {r['date']}\n")
        print(latency_table(r))


if __name__ == "__main__":
    main()
