"""The CLI contract: JSON keys scripts rely on, exit codes, first-use build, no tracebacks."""

import json
import shutil

import pytest
from click.testing import CliRunner
from seedfiles import SEEDS

from bot.cli import main


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """A working directory with seeds/ and no database yet, as on a fresh clone."""
    root = tmp_path_factory.mktemp("clone")
    shutil.copytree(SEEDS, root / "seeds")
    return root


def run(env, monkeypatch, *args):
    monkeypatch.chdir(env)
    monkeypatch.delenv("PLENARY_DB", raising=False)
    result = CliRunner().invoke(main, list(args))
    return result


def test_first_use_builds_the_database_from_seeds(env, monkeypatch):
    r = run(env, monkeypatch, "stats", "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert (env / "data" / "plenary.db").exists()
    assert {d["kind"] for d in data["documents"]} == {"resolution", "letter", "record"}
    assert data["totals"]["documents"] == 4 and data["totals"]["speakers"] == 22
    assert set(data["documents"][0]) >= {"symbol", "kind", "title", "paragraphs", "source"}


def test_search_json_contract(env, monkeypatch):
    r = run(env, monkeypatch, "search", "多功能机构", "--json")
    data = json.loads(r.stdout)
    assert r.exit_code == 0 and set(data) >= {"query", "total", "results"}
    hit = data["results"][0]
    assert set(hit) >= {"symbol", "title", "kind", "label", "section", "text", "excerpt", "score", "speaker",
                        "country", "language"}
    assert hit["speaker"] is None and hit["label"] == "PP7"


def test_search_nothing_found_exits_1_with_empty_results(env, monkeypatch):
    r = run(env, monkeypatch, "search", "量子计算机", "--json")
    assert r.exit_code == 1 and json.loads(r.stdout)["results"] == []


def test_bad_usage_exits_2(env, monkeypatch):
    assert run(env, monkeypatch, "search", "联" * 600).exit_code == 2
    assert run(env, monkeypatch, "search", "合作", "--limit", "0").exit_code == 2
    assert run(env, monkeypatch, "digest", "--date", "yesterday").exit_code == 2


@pytest.mark.parametrize("written", ["75/276", "第75/276号决议", "ａ/ｒｅｓ/７５/２７６"])
def test_doc_json_contract(env, monkeypatch, written):
    r = run(env, monkeypatch, "doc", written, "--json")
    data = json.loads(r.stdout)
    assert r.exit_code == 0 and data["found"] and data["symbol"] == "A/RES/75/276"
    assert data["counts"]["operative"] == 9
    assert set(data) >= {"kind", "title", "body", "session", "agenda_item", "date", "meeting", "drafts", "cites",
                         "cited_by", "url"}


def test_doc_not_found_exits_1(env, monkeypatch):
    r = run(env, monkeypatch, "doc", "S/PRST/2013/12", "--json")
    data = json.loads(r.stdout)
    assert r.exit_code == 1 and data["found"] is False and data["symbol"] == "S/PRST/2013/12" and data["cited_by"]


def test_summary_json_contract(env, monkeypatch):
    data = json.loads(run(env, monkeypatch, "summary", "75/276", "--json").stdout)
    assert set(data) >= {"symbol", "kind", "title", "headline", "facts", "points", "follow_ups", "speakers"}
    assert [p["label"] for p in data["points"]][-1] == "OP9"


def test_quote_json_contract(env, monkeypatch):
    r = run(env, monkeypatch, "quote", "张军", "--json")
    q = json.loads(r.stdout)["quotes"][0]
    assert set(q) >= {"speaker", "country", "role", "capacity", "language", "symbol", "date", "label", "text",
                      "paragraph"}
    assert (q["country"], q["language"]) == ("中国", "zh")


def test_quote_nobody_exits_1(env, monkeypatch):
    r = run(env, monkeypatch, "quote", "无名氏", "--json")
    assert r.exit_code == 1 and json.loads(r.stdout)["quotes"] == []


def test_speakers_json_contract(env, monkeypatch):
    data = json.loads(run(env, monkeypatch, "speakers", "S/PV.8967", "--json").stdout)
    assert data["symbol"] == "S/PV.8967"
    assert set(data["speakers"][0]) >= {"name", "country", "role", "languages", "turns", "paragraphs", "order"}


def test_digest_json_contract(env, monkeypatch):
    data = json.loads(run(env, monkeypatch, "digest", "--since", "2000-01-01T00:00", "--date", "2026-11-24",
                          "--json").stdout)
    assert set(data) >= {"since", "new_documents", "totals", "spotlight"}
    assert set(data["totals"]) >= {"documents", "paragraphs", "speakers"}


@pytest.mark.parametrize("args", [["search", "\x00"], ["doc", "%%%"], ["quote", " "], ["summary", "zzz"],
                                  ["speakers", "75/276"], ["search", "*", "--symbol", "nope"]])
def test_strange_input_never_prints_a_traceback(env, monkeypatch, args):
    r = run(env, monkeypatch, *args)
    assert r.exit_code in (0, 1, 2)
    assert "Traceback" not in r.output


def test_ingest_names_a_bad_file_and_exits_1(env, monkeypatch, tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"")
    r = run(env, monkeypatch, "ingest", str(bad), "--db", str(tmp_path / "x.db"))
    assert r.exit_code == 1 and "broken.txt" in r.output and "empty" in r.output


def test_ingest_profiles_the_documents_for_the_digest_so_a_read_only_bot_need_not(tmp_path, monkeypatch):
    from bot.answers.digest import _META_KEY
    from bot.store import Store

    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", str(tmp_path / "p.db")])
    assert r.exit_code == 0, r.output
    saved = json.loads(Store(tmp_path / "p.db", readonly=True).get_meta(_META_KEY))
    assert len(saved["docs"]) == 4
