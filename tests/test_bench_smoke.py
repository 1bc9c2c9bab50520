"""The benchmark at a toy size: it runs end to end, its corpus parses, and it reports every
query kind. (Speed itself is measured by bench/run.py, never asserted in tests.)"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def test_synthetic_corpus_is_deterministic(tmp_path):
    from synth import generate

    a, b = tmp_path / "a", tmp_path / "b"
    generate(800, a, seed=7)
    generate(800, b, seed=7)
    files = sorted(p.relative_to(a) for p in a.rglob("*.txt"))
    assert files == sorted(p.relative_to(b) for p in b.rglob("*.txt"))
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


def test_synthetic_corpus_has_all_three_kinds_and_parses(tmp_path):
    from synth import generate

    from bot.ingest import ingest
    from bot.store import Store

    made = generate(1500, tmp_path / "corpus", seed=3)
    assert made["record"] and made["resolution"] and made["letter"]
    report = ingest([tmp_path / "corpus"], Store(tmp_path / "p.db"), workers=1)
    assert report.failed == []
    assert report.paragraphs >= 1500


def test_benchmark_runs_end_to_end_and_reports_every_kind(tmp_path):
    out = tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--paragraphs", "1200", "--queries", "4",
         "--baseline", "1", "--recall", "4", "--work", str(tmp_path / "work"), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(out.read_text())
    from run import KINDS

    assert set(results["latency"]) == set(KINDS)
    assert results["ingest"]["failed"] == 0
    assert set(results["recall"]) == {"typo1", "typo2"}
    assert results["rss_mb"] > 0
    assert "p99" in results["latency"]["exact"]
