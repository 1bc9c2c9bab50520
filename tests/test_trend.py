"""/trend and plenary trend: how often a query appears per period and body, counted as search
matches (golden counts on the seeds and the fixtures), the PNG, the words beside it."""

from __future__ import annotations

import json
import struct
import time

import pytest
from click.testing import CliRunner
from seedfiles import FIXTURES, SEEDS

from bot.answers.search import QueryError, TooBroad, budget
from bot.answers.trend import BY, body_of, granularity, matching, trend
from bot.cli import main
from bot.render import chart
from bot.render.chart import render_png
from bot.render.trend import render_trend
from bot.service import Plenary
from bot.store import Store
from bot.text import fold

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def fixtures_db(tmp_path_factory):
    """The seeds and every fixture document: many years, several bodies, language versions."""
    from bot.ingest import ingest

    store = Store(tmp_path_factory.mktemp("trend") / "plenary.db")
    ingest([SEEDS, FIXTURES / "docs"], store)
    return store


def nonzero(result):
    return {p.key: (p.paragraphs, p.documents, p.bodies, p.symbols) for p in result.periods if p.paragraphs}


# -- counts on the seeds (golden) ------------------------------------------------------------


def test_afghanistan_per_year_and_body_on_the_seeds(seeded_db):
    r = trend(seeded_db, "阿富汗")
    assert r.by == "year" and [p.key for p in r.periods] == [str(y) for y in range(2009, 2023)]
    assert nonzero(r) == {
        "2009": (1, 1, {"other": 1}, ["letter-2009-07-14"]),
        "2021": (1, 1, {"GA": 1}, ["A/RES/75/276"]),
        "2022": (20, 1, {"SC": 20}, ["S/PV.8967"]),
    }
    assert (r.paragraphs, r.documents, r.bodies) == (22, 3, {"GA": 1, "SC": 20, "other": 1})
    assert [p.held for p in r.periods if p.held] == [1, 2, 1]  # documents the corpus holds per year
    assert "Afghanistan" in r.forms and r.corrected is None and r.found


def test_a_name_in_english_counts_as_its_chinese(seeded_db):
    assert nonzero(trend(seeded_db, "Afghanistan")) == nonzero(trend(seeded_db, "阿富汗"))


@pytest.mark.parametrize("query", ["CSTO", "集体安全条约组织", "集體安全條約組織", "集安组织"])
def test_an_organisation_by_any_of_its_names_and_scripts(seeded_db, query):
    r = trend(seeded_db, query, by="document")
    assert [(p.key, p.paragraphs) for p in r.periods] == [
        ("letter-2009-07-14", 13), ("A/RES/75/268", 1), ("A/RES/75/276", 17), ("S/PV.8967", 132)]
    assert (r.paragraphs, r.documents) == (163, 4)


def test_russia_is_not_counted_inside_belarus(seeded_db):
    ids, _ = matching(seeded_db, "俄罗斯")
    assert len(ids) == 16
    belarus_only = [pid for pid, s in seeded_db.db.execute("SELECT id, search FROM paragraphs")
                    if "白俄罗斯" in s and "俄罗斯" not in s.replace("白俄罗斯", "")]
    assert belarus_only and not ids & set(belarus_only)


@pytest.mark.parametrize("query", ["合作", "安全 合作", "多功能机构", "会员国"])
def test_every_paragraph_holding_the_terms_is_counted(seeded_db, query):
    """The character path counts exactly the paragraphs whose folded text holds every term (no
    cap on candidates as search has), procedural notes left out."""
    terms = [fold(w) for w in query.split()]
    expected = {pid for pid, s, section in seeded_db.db.execute("SELECT id, search, section FROM paragraphs")
                if section != "procedure" and all(t in s for t in terms)}
    ids, forms = matching(seeded_db, query)
    assert ids == expected and forms == []
    assert trend(seeded_db, query).paragraphs == len(expected)


def test_a_typo_is_counted_as_search_reads_it(seeded_db):
    r = trend(seeded_db, "多功熊机构")
    assert r.corrected == "多功能机构" and r.paragraphs == 2
    assert nonzero(r) == {"2021": (1, 1, {"GA": 1}, ["A/RES/75/276"]), "2022": (1, 1, {"SC": 1}, ["S/PV.8967"])}
    assert "Nothing matches «多功熊机构» exactly; counted «多功能机构»" in render_trend(r.as_json())


def test_nothing_found_is_said_politely_and_draws_no_chart(seeded_db):
    r = trend(seeded_db, "量子计算机")
    assert not r.found and r.paragraphs == 0 and r.corrected is None
    assert all(p.paragraphs == 0 for p in r.periods)
    text = render_trend(r.as_json(), "zh")
    assert text == "趋势：量子计算机\n语料库中没有出现“量子计算机”，因此没有图表。"
    with pytest.raises(ValueError):
        render_png(r.as_json())


def test_per_document_and_per_month(seeded_db):
    by_doc = trend(seeded_db, "合作", by="document")
    assert [(p.key, p.start, p.paragraphs) for p in by_doc.periods] == [
        ("letter-2009-07-14", "2009-07-14", 11), ("A/RES/75/268", "2021-03-25", 27),
        ("A/RES/75/276", "2021-04-28", 12), ("S/PV.8967", "2022-02-16", 110)]
    by_month = trend(seeded_db, "合作", by="month")
    assert len(by_month.periods) == 152 and by_month.periods[0].key == "2009-07"
    assert {p.key: p.paragraphs for p in by_month.periods if p.paragraphs} == {
        "2009-07": 11, "2021-03": 27, "2021-04": 12, "2022-02": 110}


def test_granularity_follows_the_corpus_span():
    assert granularity(["2009-07-14", "2022-02-16"], 4) == "year"
    assert granularity(["2021-03-25", "2022-02-16"], 3) == "document"  # fewer than three years
    assert granularity(["2024-01-01"] * 41, 41) == "month"  # too many documents for one bar each
    assert granularity([], 0) == "document"


def test_bodies_by_symbol_then_by_name():
    assert body_of("A/HRC/55/1", "大会") == "HRC" and body_of("A/RES/75/276", None) == "GA"
    assert body_of("S/PV.8967", None) == "SC" and body_of("E/2024/1", None) == "ECOSOC"
    assert body_of(None, "Consejo de Seguridad") == "SC" and body_of(None, "大会") == "GA"
    assert body_of(None, None) == "other" and body_of("letter-2009-07-14", "") == "other"


def test_refusals(seeded_db):
    for query in ("", "   ", "联" * 501):
        with pytest.raises(QueryError):
            trend(seeded_db, query)
    with pytest.raises(QueryError, match="per year, month or document"):
        trend(seeded_db, "合作", by="week")
    assert BY == ("year", "month", "document")


def test_past_the_work_budget_is_too_broad(seeded_db):
    with pytest.raises(TooBroad), budget(seeded_db, 1e-9):
        time.sleep(0.001)
        trend(seeded_db, "合作")


def test_the_facade_answers_json(seeded_db):
    result = Plenary(seeded_db, warm=False, budget=2).trend("阿富汗")
    assert json.loads(json.dumps(result, ensure_ascii=False)) == result
    assert result["found"] and result["paragraphs"] == 22 and "hint" not in result


# -- the fixtures: many years, bodies, language versions ------------------------------------


def test_a_document_in_four_languages_counts_once(fixtures_db):
    ids, _ = matching(fixtures_db, "Mozambique")
    versions = {d for (d,) in fixtures_db.db.execute(
        f"SELECT doc_id FROM paragraphs WHERE id IN ({','.join(map(str, ids))})")}
    assert versions == {"S/PV.9998", "S/PV.9998@en", "S/PV.9998@fr", "S/PV.9998@es"}
    r = trend(fixtures_db, "Mozambique")
    assert (r.paragraphs, r.documents) == (1, 1) and nonzero(r) == {"2024": (1, 1, {"SC": 1}, ["S/PV.9998"])}
    assert r.periods[0].key == "1948" and r.periods[-1].key == "2024"


def test_english_words_by_their_stems(fixtures_db):
    counts = {q: nonzero(trend(fixtures_db, q)) for q in ("peacekeeper", "peacekeepers", "peacekeeping")}
    assert counts["peacekeeper"] == counts["peacekeepers"] == counts["peacekeeping"] == {
        "2023": (1, 1, {"SC": 1}, ["S/PRST/2023/7"]),
        "2024": (4, 2, {"GA": 4}, ["A/79/902", "A/RES/79/901"])}


def test_one_language_only(fixtures_db):
    r = trend(fixtures_db, "Lakes region", language="en")
    assert r.by == "document" and r.language == "en"  # the English versions span 2023-2024
    assert {p.key: p.paragraphs for p in r.periods if p.paragraphs} == {"S/RES/2999 (2024)": 5, "A/78/PV.71": 2}
    assert trend(fixtures_db, "Lakes region", language="zh").paragraphs == 0


def test_security_council_per_year_golden(fixtures_db):
    r = trend(fixtures_db, "安全理事会")
    assert {p.key: p.paragraphs for p in r.periods if p.paragraphs} == {
        "1948": 1, "2009": 3, "2021": 1, "2022": 28, "2023": 4, "2024": 13}
    assert r.bodies == {"GA": 2, "SC": 43, "other": 5}


# -- the PNG -----------------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_chart_is_a_png_of_sensible_size(seeded_db, lang):
    data = render_png(trend(seeded_db, "阿富汗").as_json(), lang)
    assert png_size(data) == (800, 450) and 5_000 < len(data) < 200_000
    assert data.endswith(b"IEND\xaeB`\x82")


def test_many_years_and_per_document_draw_too(fixtures_db, seeded_db):
    assert png_size(render_png(trend(fixtures_db, "安全理事会").as_json())) == (800, 450)
    assert png_size(render_png(trend(seeded_db, "合作", by="document").as_json(), "zh")) == (800, 450)
    assert png_size(render_png(trend(seeded_db, "合作", by="month").as_json())) == (800, 450)


def test_without_a_chinese_font_the_chart_keeps_to_numbers_and_symbols(seeded_db, monkeypatch):
    monkeypatch.setattr(chart, "cjk_font", lambda: None)
    assert not chart.drawable("阿富汗") and chart.drawable("CSTO 2022")
    assert png_size(render_png(trend(seeded_db, "阿富汗").as_json(), "zh")) == (800, 450)


def test_the_font_check():
    found = chart.cjk_font()
    assert found is None or chart.drawable("集体安全条约组织")


# -- the command line ----------------------------------------------------------------------------


def test_cli_writes_the_chart_and_exits_0(tmp_path, db_path):
    out = tmp_path / "trend.png"
    r = CliRunner().invoke(main, ["trend", "阿富汗", "--out", str(out), "--db", str(db_path)])
    assert r.exit_code == 0, r.output
    assert png_size(out.read_bytes()) == (800, 450)
    assert "«阿富汗» appears in 22 paragraphs of 3 documents." in r.output
    assert "2022: 20 paragraphs · 1/1 documents  S/PV.8967" in r.output and f"Chart: {out}" in r.output


def test_cli_json_and_nothing_found(tmp_path, db_path):
    r = CliRunner().invoke(main, ["trend", "CSTO", "--json", "--by", "document", "--db", str(db_path)])
    data = json.loads(r.stdout)
    assert r.exit_code == 0 and data["chart"] is None and data["by"] == "document"
    assert set(data["periods"][0]) == {"key", "label", "start", "paragraphs", "documents", "held", "bodies",
                                       "symbols"}
    out = tmp_path / "none.png"
    r = CliRunner().invoke(main, ["trend", "量子计算机", "--out", str(out), "--db", str(db_path)])
    assert r.exit_code == 1 and not out.exists() and "no chart to draw" in r.output
    r = CliRunner().invoke(main, ["trend", "   ", "--db", str(db_path)])
    assert r.exit_code == 2


def test_the_shell_mirrors_trend(tmp_path, seeded_db):
    from bot.shell import answer

    out = tmp_path / "shell.png"
    plenary = Plenary(seeded_db, warm=False)
    text = answer(plenary, f"/trend 阿富汗 out:{out}", "zh")
    assert text.startswith("趋势：阿富汗\n“阿富汗”出现在3份文件的22段中。") and f"图表：{out}" in text
    assert png_size(out.read_bytes()) == (800, 450)
    assert answer(plenary, "/trend 合作 per:week", "zh") == "趋势可按年、按月或按文件统计，不能按“week”。"
    assert "no chart to draw" in answer(plenary, "/trend 量子计算机", "en")
