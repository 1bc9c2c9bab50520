"""The benchmark at a toy size: it runs end to end, its corpus parses, and it reports every
query kind, the corpus facts, cold starts, recall and the peers. (Speed itself is measured by
bench/run.py, never asserted in tests.) tantivy is optional here: without it (plain
``uv run pytest``) its peer is reported as skipped, with the reason."""

import json
import sqlite3
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


def test_synthetic_corpus_has_both_languages_all_kinds_a_real_vocabulary_and_parses(tmp_path):
    from run import corpus_facts
    from synth import generate

    from bot.ingest import ingest
    from bot.store import Store

    made = generate(3000, tmp_path / "corpus", seed=3)
    assert made["record"] and made["resolution"] and made["letter"]
    assert made["zh_vocabulary"] == "jieba" and made["zh_vocabulary_words"] > 100_000
    report = ingest([tmp_path / "corpus"], Store(tmp_path / "p.db"), workers=1)
    assert report.failed == []
    assert report.paragraphs >= 3000
    kinds = dict(sqlite3.connect(tmp_path / "p.db").execute(
        "SELECT language || ' ' || kind, count(*) FROM documents GROUP BY 1").fetchall())
    # Every generated document is recognised as what it was written as, in both languages.
    assert {"zh record", "zh resolution", "en record", "en resolution"} <= set(kinds)
    assert "zh document" not in kinds and "en document" not in kinds
    facts = corpus_facts(tmp_path / "p.db")
    assert 0.25 < facts["english_share"] < 0.42
    assert facts["duplicate_share"] < 0.05
    assert facts["distinct_chars"] > 3000  # the seeds alone have about 1,200


def test_benchmark_runs_end_to_end_and_reports_every_kind(tmp_path):
    out = tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--paragraphs", "1500", "--queries", "4", "--cold", "0",
         "--baseline", "1", "--peers", "fts5", "--work", str(tmp_path / "work"), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(out.read_text())
    from run import KINDS, PEER_KINDS

    assert set(results["latency"]) | set(results["skipped"]) == set(KINDS)
    assert "watch" in results["latency"] or results["skipped"]["watch"]
    assert results["ingest"]["failed"] == 0
    assert results["errors"] == {}
    assert {"distinct_chars", "duplicate_share"} <= set(results["corpus"])
    assert set(results["recall"]["plenary"]) >= {"typo1", "typo2", "rare_typo", "no_match", "en_typo"}
    assert set(results["peers"]["fts5"]) >= {"paragraphs_per_s", *PEER_KINDS}
    assert {"p50_ms", "p99_ms", "recall_at_10"} <= set(results["peers"]["fts5"]["exact"])
    assert results["peers"]["tantivy"].get("skipped") == "not asked for (--peers)"
    assert results["rss_mb"] > 0
    assert {"facade_warm_s", "facade_cold_s", "shell_warm_s", "shell_cold_s"} <= set(results["startup"])
    assert all(t["target"] and t["measured"] for t in results["targets"])
