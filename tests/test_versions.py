"""One document, several language versions: look-up by version, paragraph references in every
form, and the same paragraph in the other language."""

import pytest
from seedfiles import FIXTURES, SEEDS

from bot.answers.lookup import lookup, resolve
from bot.answers.parallel import counterpart
from bot.answers.quote import quote
from bot.ingest import ingest
from bot.store import Store

DOCS = FIXTURES / "docs"
PAIRS = ["sc_resolution.txt", "en_sc_resolution.txt", "ga_resolution_committee.txt", "en_ga_resolution_committee.txt"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("v") / "p.db")
    report = ingest([SEEDS, *(DOCS / name for name in PAIRS)], s)
    assert report.ok
    return s


def test_each_version_is_stored_apart_under_one_symbol(store):
    rows = store.query("SELECT doc_id, language FROM documents WHERE symbol = 'S/RES/2999 (2024)' ORDER BY language")
    assert rows == [{"doc_id": "S/RES/2999 (2024)@en", "language": "en"}, {"doc_id": "S/RES/2999 (2024)", "language": "zh"}]


def test_resolve_prefers_the_language_asked_then_chinese(store):
    assert resolve(store, "S/RES/2999 (2024)") == "S/RES/2999 (2024)"
    assert resolve(store, "2999 (2024)", "en") == "S/RES/2999 (2024)@en"
    assert resolve(store, "A/RES/75/276", "en") == "A/RES/75/276"  # no English version: the Chinese one


def test_the_card_lists_versions_with_their_links_and_the_missing_languages(store):
    c = lookup(store, "S/RES/2999 (2024)")
    assert [(v["language"], v["url"]) for v in c["versions"]] == [
        ("zh", "https://undocs.org/zh/S/RES/2999%20(2024)"), ("en", "https://undocs.org/en/S/RES/2999%20(2024)")]
    assert c["missing_languages"] == ["ar", "fr", "ru", "es"]


@pytest.mark.parametrize("query", ["75/276 OP4", "A/RES/75/276, para. 4", "第75/276号决议执行部分第4段",
                                   "第75/276號決議執行部分第4段", "A/RES/75/276 OP4"])
def test_a_paragraph_reference_in_any_form_answers_that_paragraph(store, query):
    p = lookup(store, query)["paragraph"]
    assert (p["label"], p["previous"], p["next"]) == ("OP4", "OP3", "OP5")
    assert p["text"].startswith("邀请联合国秘书长通过双边接触和各种形式")


def test_a_paragraph_reference_with_chinese_numerals_and_who_cites_it(store):
    p = lookup(store, "大会第75/276号决议序言部分第七段")["paragraph"]
    assert p["label"] == "PP7" and "多功能机构" in p["text"]
    assert p["cited_by"] == [{"symbol": "S/PV.8967", "where": "¶32"}]


def test_a_record_paragraph_by_its_number(store):
    p = lookup(store, "S/PV.8967 ¶32")["paragraph"]
    assert p["label"] == "¶32" and "多功能机构" in p["text"]


def test_a_missing_paragraph_lists_the_labels_there_are(store):
    p = lookup(store, "75/276 OP12")["paragraph"]
    assert p["found"] is False and p["labels"][:2] == ["PP1", "PP2"]


def test_a_paragraph_in_english_with_its_chinese_parallel(store):
    c = lookup(store, "S/RES/2999 (2024) OP2(a)", "en")
    p = c["paragraph"]
    assert (c["language"], p["text"][:20]) == ("en", "(a) To protect civil")
    assert p["parallel"]["language"] == "zh" and p["parallel"]["text"].startswith("(a) 保护受到人身暴力威胁的平民")
    assert p["url"] == "https://undocs.org/en/S/RES/2999%20(2024)"


def test_paragraphs_align_by_label_across_a_pair(store):
    for label in ("PP1", "PP6", "OP2", "OP2(c)", "OP4"):
        zh = store.one("SELECT id, text FROM paragraphs WHERE doc_id = 'S/RES/2999 (2024)' AND label = ?", [label])
        other = counterpart(store, zh["id"], "en")
        assert other["label"] == label and other["mismatch"] is None


def test_no_version_in_a_language_says_so(store):
    p = lookup(store, "75/276 OP4", "fr")["paragraph"]
    assert p["parallel"] == {"language": "fr", "found": False, "mismatch": "no fr version held"}


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("r") / "p.db")
    assert ingest([DOCS / "sc_record.txt", DOCS / "en_sc_record.txt"], s).ok
    return s


def test_a_quote_prefers_the_readers_language_version(records):
    en = quote(records, "Mozambique", lang="en")["quotes"][0]
    zh = quote(records, "莫桑比克", lang="zh")["quotes"][0]
    assert en["doc_language"] == "en" and en["url"] == "https://undocs.org/en/S/PV.9998"
    assert zh["doc_language"] == "zh" and zh["url"] == "https://undocs.org/zh/S/PV.9998"


def test_an_english_quote_has_an_english_attribution(records):
    q = quote(records, "Mozambique", lang="en")["quotes"][0]
    assert q["attribution"].startswith("— Ms. Mbeki-Santos (Mozambique), speaking in English — S/PV.9998, 14 May 2024")


def test_a_record_paragraph_aligns_by_turn_and_place_in_the_turn(records):
    zh = records.one("SELECT p.id, p.turn FROM paragraphs p WHERE p.doc_id = 'S/PV.9998' AND p.section = 'statement' "
                     "ORDER BY p.seq DESC LIMIT 1")
    other = counterpart(records, zh["id"], "en")
    assert other["found"]
    assert records.one("SELECT turn FROM paragraphs WHERE id = ?", [other["id"]])["turn"] == zh["turn"]


def test_search_shows_each_hits_paragraph_in_another_version(store):
    from bot.answers.parallel import attach
    from bot.answers.search import search

    result = attach(store, search(store, "湖区支助团").as_json(), "en")
    first = result["results"][0]
    assert first["version"] == "zh" and first["parallel"]["found"]
    assert first["parallel"]["label"] == first["label"] and "UNISMIL" in first["parallel"]["text"]


def test_plenary_search_parallel_on_the_command_line(store):
    from click.testing import CliRunner

    from bot.cli import main

    r = CliRunner().invoke(main, ["search", "湖区支助团", "--parallel", "en", "--db", str(store.path), "--limit", "1"])
    assert r.exit_code == 0 and "[en] OP" in r.output and "UNISMIL" in r.output


def test_stats_count_versions_per_language(store):
    from bot.answers.corpus import corpus_stats

    assert corpus_stats(store)["totals"]["languages"] == {"zh": 6, "en": 2}
